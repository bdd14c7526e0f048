"""``python -m scrapedown`` and the ``scrapedown`` script: the command line.

`entry` runs before anything heavy is imported: a Ctrl-C or SIGTERM that arrives while Python
is still importing the command line ends the process with the shell's status for that signal
(130, 143) and no traceback. Nothing can be half-written yet, so exiting at once is safe; the
command line installs its own handlers (stop the pool, finish no file) as soon as it starts."""

from __future__ import annotations

import signal

TYPE_CHECKING = False  # no typing import at start-up
if TYPE_CHECKING:
    from types import FrameType


def _exit_quietly(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # SystemExit prints no traceback, even inside an import


def entry() -> None:
    """Console-script entry point: quiet early signals, then the command line's `run`."""
    signal.signal(signal.SIGINT, _exit_quietly)
    signal.signal(signal.SIGTERM, _exit_quietly)
    from scrapedown.cli.main import run  # after the handlers: the import is most of start-up

    run()


if __name__ == "__main__":  # worker processes may import this module (spawn): do nothing then
    entry()
