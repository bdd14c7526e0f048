"""The last-resort error boundary of the public functions.

The README promises that nothing but `ScrapedownError` is raised for string input; a Dask or
Spark job that catches it must not die on a `ValueError` from lxml or an `IndexError` from a
corner of a rule. Causes are fixed where they are found; this boundary turns whatever is left
into a `ScrapedownError` naming the public function and the module it came from. It never
catches `MemoryError` (nor `KeyboardInterrupt`/`SystemExit`, which are not `Exception`s).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from scrapedown.errors import ScrapedownError


def _innermost_module(traceback: TracebackType | None) -> str:
    """The deepest scrapedown module on the traceback (where the stage failed)."""
    module = ""
    while traceback is not None:
        name = str(traceback.tb_frame.f_globals.get("__name__", ""))
        if name.startswith("scrapedown"):
            module = name
        traceback = traceback.tb_next
    return module or "scrapedown"


@contextmanager
def public_errors(function: str) -> Iterator[None]:
    """Run the body of public `function`: any exception but `ScrapedownError` and
    `MemoryError` leaves it as a `ScrapedownError`."""
    try:
        yield
    except (ScrapedownError, MemoryError):
        raise
    except RecursionError:
        raise ScrapedownError(f"{function}: input nests too deeply to convert") from None
    except Exception as error:
        stage = _innermost_module(error.__traceback__)
        message = f"{function}: internal error in {stage} ({type(error).__name__}: {error})"
        raise ScrapedownError(message) from error
