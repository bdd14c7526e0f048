"""Memory of one big conversion: CPython's cyclic collector paused while a call converts a
document, and the C heap trimmed once a big tree is freed.

Converting builds one large tree of objects that stay alive until the conversion ends (the
BeautifulSoup tree, about a million objects for 16 MB of HTML), and while it grows the collector
keeps walking it: each full collection visits every live object, and one runs each time the
long-lived objects have grown by a quarter. On a 16 MB page that was a fifth of the time, and it
found nothing to free (the tree is not garbage until the conversion is over). So the collector is
off for the length of a call, and the one tree that does become cyclic garbage (the soup, whose
elements point to their parents) is freed by `collect_young` once converted, in one pass over the
objects the call made: a big page's soup does not wait for the caller's next collection.

lxml's trees live in the C heap (malloc), and glibc keeps what a freed tree held: the soup built
next and the Markdown pieces come from Python's own arenas and from fresh mappings, not from those
holes, so a 16 MB page's lxml tree (about 100 MB) stayed resident under everything that followed.
`trim_heap` hands the free pages back (glibc's `malloc_trim`; a no-op elsewhere), only after a
big tree: on small documents the next one would fault the same pages in again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

#: Characters of markup from which the freed tree is worth handing back to the system.
TRIM_FROM_CHARS = 1_000_000


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off inside, and as it was found afterwards.

    Nested pauses leave it to the outermost one. A thread that enters while another holds a pause
    finds the collector off and leaves it so; the first pause to end turns it back on, so it is
    never left off when it was on before any pause began.
    """
    resume = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if resume:
            gc.enable()


def collect_young() -> None:
    """Free the cyclic garbage among the objects made since the last collection (all those of
    the current call, while paused): a walk over them, not over the caller's whole heap."""
    gc.collect(0)


def trim_heap(chars: int) -> None:
    """Return the C heap's free pages to the system after freeing the tree of `chars`
    characters of markup (nothing below `TRIM_FROM_CHARS`, or without glibc)."""
    if chars >= TRIM_FROM_CHARS and (malloc_trim := _malloc_trim()) is not None:
        malloc_trim(0)


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes  # (here: only a big document needs it, and the command line starts faster)

    try:
        function = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS, Windows)
        return None
    function.argtypes = [ctypes.c_size_t]  # int malloc_trim(size_t pad)
    function.restype = ctypes.c_int
    trim: Callable[[int], int] = function
    return trim
