"""The ``scrapedown`` command: ``main(argv) -> int`` in-process, ``run()`` for the script."""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Sequence
from typing import NoReturn

from scrapedown.batch.signals import end_at_once, exit_status, ignore_signals, stop_on_signals
from scrapedown.cli.args import parse_args
from scrapedown.cli.report import EXIT_ERROR
from scrapedown.cli.runner import run_command


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit status.

    SIGINT and SIGTERM stop the run at once: 130 or 143, nothing half-written."""
    started = time.perf_counter()
    try:
        with stop_on_signals():
            try:
                args = parse_args(argv)
            except SystemExit as exc:  # --help, --version, usage errors: argparse printed them
                return exc.code if isinstance(exc.code, int) else EXIT_ERROR
            return run_command(args, started)
    except KeyboardInterrupt as exc:  # between the handler's raise and run_command's catch
        return exit_status(exc)
    except Exception:  # a bug: its traceback for the report, but never 1 ("would change")
        traceback.print_exc()
        print("scrapedown: error: internal error; please report it with the traceback above",
              file=sys.stderr)  # fmt: skip
        return EXIT_ERROR


def run() -> NoReturn:
    """Console-script entry point."""
    end_at_once()
    try:
        with stop_on_signals():
            status = main()
    except KeyboardInterrupt as exc:
        status = exit_status(exc)
    ignore_signals()  # the status is decided: no traceback from a late Ctrl-C
    sys.exit(status)
