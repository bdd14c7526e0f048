"""Everything the user reads on stderr: per-file lines, notes, progress and the summary line.

stdout is never touched here: it carries only converted text (``-``) and diffs.
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from scrapedown.batch.worker import Outcome, Status, display_name

if TYPE_CHECKING:
    from pathlib import Path

#: The exit status: success or nothing to do; --check/--diff found changes; a usage,
#: configuration or file error; interrupted (SIGTERM gives 143, see `batch.signals`).
EXIT_OK, EXIT_CHANGES, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
#: stdout closed by its reader (``| head``): the shell's status for a writer killed by SIGPIPE.
EXIT_BROKEN_PIPE = 141

#: Files in a run before a progress bar is drawn (on a terminal, unless asked otherwise).
PROGRESS_MIN_FILES = 100


class Reporter:
    """Counts outcomes and prints what the verbosity level asks for.

    Levels: -1 quiet (failures only), 0 normal (changed files, summary), 1 verbose (every
    file, skipped paths, configuration used).
    """

    def __init__(self, *, verbosity: int, mode: str, stream: TextIO | None = None) -> None:
        self.verbosity = verbosity
        self.mode = mode  # "write", "check" or "output"
        self.stream = stream if stream is not None else sys.stderr
        self.counts: Counter[Status] = Counter()
        self.skipped: dict[str, int] = {}
        """Paths left out of the run, per reason (``ignored by .gitignore``: 3)."""
        self._bar: Any = None

    def _print(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream)

    def error(self, message: str) -> None:
        """A problem that is not tied to one file's content (always shown)."""
        self._print(f"scrapedown: error: {message}")

    def failure(self, path: Path | str, reason: str) -> None:
        """``path: reason`` for a file that was left untouched (always shown)."""
        self.counts[Status.FAILED] += 1
        self._print(f"{display_name(path)}: {reason}")

    def note(self, message: str, *, level: int = 0) -> None:
        if self.verbosity >= level:
            self._print(message)

    def outcome(self, outcome: Outcome) -> None:
        """Count one processed file and print its line."""
        if self._bar is not None:
            self._bar.update(1)
        if outcome.status is Status.FAILED:
            self.failure(outcome.task.source, outcome.message)
            return
        self.counts[outcome.status] += 1
        if outcome.status is Status.CHANGED:
            verb = {"write": "cleaned", "check": "would clean", "output": "wrote"}[self.mode]
            self.note(f"{verb} {display_name(outcome.task.shown_target)}")
        else:
            self.note(f"unchanged {display_name(outcome.task.target)}", level=1)

    def summary_line(self, seconds: float) -> str:
        changed = {"write": "changed", "check": "would change", "output": "written"}[self.mode]
        skipped = "".join(
            f", {count} {_skip_words(reason)}" for reason, count in self.skipped.items()
        )
        return (
            f"{self.counts[Status.CHANGED]} {changed}, {self.counts[Status.UNCHANGED]} unchanged, "
            f"{self.counts[Status.FAILED]} failed{skipped} ({seconds:.2f} s)"
        )

    def summary(self, seconds: float) -> None:
        self.note(self.summary_line(seconds))

    def start_progress(self, total: int, wanted: bool | None) -> None:
        """Draw a tqdm bar: `wanted` True/False forces it, None means "on a terminal, long runs"."""
        if wanted is None:
            wanted = total >= PROGRESS_MIN_FILES and self.stream.isatty()
        if not wanted or self.verbosity < 0 or total == 0:
            return
        # Through importlib: tqdm ships no type information, and this is the one place it is used.
        tqdm = importlib.import_module("tqdm").tqdm
        # No monitor thread: worker processes may be forked after this point.
        tqdm.monitor_interval = 0
        self._bar = tqdm(
            total=total, file=self.stream, unit="file", leave=False, dynamic_ncols=True
        )

    def current(self, path: Path) -> None:
        """The file the run is waiting for, shown beside the bar (a big one can take a while)."""
        if self._bar is not None:
            name = display_name(path)
            self._bar.set_postfix_str(name if len(name) <= 60 else "…" + name[-59:], refresh=True)

    def stop_progress(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _skip_words(reason: str) -> str:
    """``3 ignored by .gitignore``, ``1 skipped (symlinked directory (not followed))``."""
    if reason.startswith(("ignored", "excluded")):
        return reason
    return f"skipped ({reason})"
