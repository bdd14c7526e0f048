"""Timing for the linearity tests: the least disturbed of a few runs, in CPU time of this
process (a loaded machine moves wall time by tens of percent and more, as other processes take
the CPU; the shortest run is the one nearest the code's own cost)."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(call: Callable[[], object], runs: int = 3) -> float:
    """The shortest CPU time of `runs` calls of `call`, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        call()
        best = min(best, time.process_time() - start)
    return best
