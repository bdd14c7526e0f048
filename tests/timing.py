"""Timing for the linearity tests: the least disturbed of a few runs (a loaded CI machine moves
single runs by tens of percent; the shortest run is the one nearest the code's own cost)."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(call: Callable[[], object], runs: int = 3) -> float:
    """The shortest wall time of `runs` calls of `call`, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best
