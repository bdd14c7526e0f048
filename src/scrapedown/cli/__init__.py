"""The command line: arguments (`args`), configuration (`config`), the run over files
(`runner`) or standard input (`stdin`), and the report with the exit status (`report`).
The batch machinery it drives lives in `scrapedown.batch`."""

from scrapedown.cli.args import main, run

__all__ = ["main", "run"]
