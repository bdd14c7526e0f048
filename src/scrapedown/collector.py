"""CPython's cyclic garbage collector, paused while one call converts a document.

Converting builds one large tree of objects that stay alive until the conversion ends (the
BeautifulSoup tree, about a million objects for 16 MB of HTML), and while it grows the collector
keeps walking it: each full collection visits every live object, and one runs each time the
long-lived objects have grown by a quarter. On a 16 MB page that was a fifth of the time, and it
found nothing to free (the tree is not garbage until the conversion is over). So the collector is
off for the length of a call, and the one tree that does become cyclic garbage (the soup, whose
elements point to their parents) is freed by `collect_young` once converted, in one pass over the
objects the call made: a big page's soup does not wait for the caller's next collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
