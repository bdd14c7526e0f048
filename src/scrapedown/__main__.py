"""``python -m scrapedown``: the same command line as the ``scrapedown`` script."""

from scrapedown.cli.args import run

if __name__ == "__main__":  # worker processes may import this module (spawn): do nothing then
    run()
