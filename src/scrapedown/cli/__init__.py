"""The command line: the entry point (`main`), arguments (`args`), configuration (`config`,
read onto `Options` by `coerce`) and the project it belongs to (`project`), the run over files
(`runner`) or standard input (`stdin`), and the report with the exit status (`report`). The
batch machinery it drives lives in `scrapedown.batch`."""

from scrapedown.cli.main import main, run

__all__ = ["main", "run"]
