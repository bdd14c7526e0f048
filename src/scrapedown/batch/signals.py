"""Ctrl-C and SIGTERM: the first one stops the run, any later one is ignored while it stops.

The first signal raises `Interrupted` in the main thread (a `KeyboardInterrupt`, so code that
cleans up on Ctrl-C cleans up on SIGTERM too). Cleaning up takes a moment at most: workers are
killed, a temporary file is removed, the cache is saved; a second Ctrl-C, a double tap or
``timeout -s INT``, must not interrupt that and leave a half-finished state or a traceback.
The exit status is the shell's: 128 + the signal number (130 for SIGINT, 143 for SIGTERM).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from types import FrameType

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class _Ending:
    """Set by the console script (`end_at_once`): the process may end without tearing down."""

    at_once = False


class _Deferral:
    """While `depth` > 0 a first signal is kept in `pending` instead of raised (see `deferred`)."""

    depth = 0
    pending: int | None = None


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal; `exit_status` is what the shell expects."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


def exit_status(exc: KeyboardInterrupt) -> int:
    """130 for a plain Ctrl-C, 128 + the signal number for `Interrupted`."""
    return exc.exit_status if isinstance(exc, Interrupted) else 128 + signal.SIGINT


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise `Interrupted` once; later ones are ignored."""
    received: list[int] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        if received:
            return  # already stopping: let the clean-up finish
        received.append(signum)
        if _Deferral.depth:
            _Deferral.pending = signum  # raised when the write in progress is complete
            return
        raise Interrupted(signum)

    try:
        previous = {signum: signal.signal(signum, handler) for signum in _SIGNALS}
    except ValueError:  # not the main thread: handlers are the embedding application's job
        previous = {}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old if old is not None else signal.SIG_DFL)


def ignore_signals() -> None:
    """From here to the exit, SIGINT and SIGTERM change nothing (the status is decided)."""
    with contextlib.suppress(ValueError):  # (only the main thread may set handlers)
        for signum in _SIGNALS:
            signal.signal(signum, signal.SIG_IGN)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """A few milliseconds a signal must not cut short (a temporary file created, written and
    renamed over a post): the signal is raised as `Interrupted` when the block is done."""
    _Deferral.depth += 1
    try:
        yield
    finally:
        _Deferral.depth -= 1
        if not _Deferral.depth and _Deferral.pending is not None:
            signum, _Deferral.pending = _Deferral.pending, None
            raise Interrupted(signum)


def end_at_once() -> None:
    """Called by the console script: an interrupted run ends the process as soon as it is
    reported (`stopped`), instead of returning through the frames of the conversion."""
    _Ending.at_once = True


def stopped(status: int) -> int:
    """An interrupted run has cleaned up and said so: in the console script, end now (freeing
    a 30 MB page's parse tree on the way out takes seconds); elsewhere return `status`."""
    if _Ending.at_once:
        ignore_signals()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):  # a closed pipe: nothing more to say anyway
                stream.flush()
        os._exit(status)
    return status
