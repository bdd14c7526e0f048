"""The worker pool of `scrapedown.batch.parallel`: results in task order, a dead worker's tasks
reported (not raised, not lost), no worker left when the consumer stops early."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from scrapedown.batch import parallel as _parallel


def _square_slowly(n: int) -> int:
    time.sleep(0.001 * (n % 7))  # uneven durations: later chunks may finish first
    return n * n


def _die_on_13(n: int) -> int:
    if n == 13:
        os._exit(3)  # an OOM kill, a segfault in a C extension
    return n


def _crashed(n: int, reason: str) -> int:
    return -1


@pytest.mark.timeout(120)
def test_results_come_back_in_task_order() -> None:
    tasks = list(range(200))
    results = list(_parallel.run_tasks(_square_slowly, tasks, 3, on_crash=_crashed))
    assert results == [n * n for n in tasks]


@pytest.mark.timeout(120)
def test_a_dead_worker_costs_only_its_chunk() -> None:
    tasks = list(range(60))
    results = list(_parallel.run_tasks(_die_on_13, tasks, 2, on_crash=_crashed))
    assert len(results) == len(tasks)
    lost = [n for n, result in zip(tasks, results, strict=True) if result == -1]
    assert 13 in lost and len(lost) <= _parallel.MAX_CHUNK
    assert all(result == n for n, result in zip(tasks, results, strict=True) if n not in lost)


@pytest.mark.timeout(120)
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_stopping_early_leaves_no_worker() -> None:
    before = _children()
    results = _parallel.run_tasks(_square_slowly, list(range(500)), 2, on_crash=_crashed)
    assert next(results) == 0
    assert len(_children() - before) == 2
    results.close()  # what an exception or a signal in the consumer does
    assert _children() - before == set()


def _children() -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                text = (entry / "stat").read_text()
            except OSError:
                continue
            fields = text[text.rindex(")") + 2 :].split()
            if int(fields[1]) == os.getpid() and fields[0] != "Z":
                found.add(int(entry.name))
    return found
