"""Map a picklable function over tasks: in this process for a few, in a process pool for many.

bs4 and markdownify are pure Python and hold the GIL, so threads would not help. Results come
back in task order whatever the pool does, which keeps stdout (diffs) and stderr identical to a
``-j 1`` run. Workers ignore SIGINT: on Ctrl-C the main process cancels what has not started and
lets running tasks finish their (atomic) write, so no file is left half-written.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Generator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many tasks a pool costs more (start-up, one pipeline import per worker) than it saves.
MIN_TASKS_FOR_POOL = 12
#: Upper bound of tasks per chunk: small chunks balance uneven file sizes and stop Ctrl-C fast.
MAX_CHUNK = 8


def default_jobs() -> int:
    """The CPUs this process may run on (the affinity mask, where the platform has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def uses_pool(task_count: int, jobs: int) -> bool:
    return jobs > 1 and task_count >= MIN_TASKS_FOR_POOL


def run_tasks(
    func: Callable[[T], R], tasks: Sequence[T], jobs: int, *, on_crash: Callable[[T, str], R]
) -> Generator[R, None, None]:
    """`func` over `tasks`, results in task order. `on_crash` stands in for a task whose worker
    process died (killed by the OOM killer, say), so one bad file cannot stop the run."""
    if not uses_pool(len(tasks), jobs):
        for task in tasks:
            yield func(task)
        return
    yield from _run_in_pool(func, tasks, min(jobs, len(tasks)), on_crash)


def chunked(tasks: Sequence[T], workers: int) -> list[Sequence[T]]:
    """Tasks cut into chunks, the unit sent to a worker (by the pool and by ``--engine dask``)."""
    size = max(1, min(MAX_CHUNK, len(tasks) // (workers * 8)))
    return [tasks[start : start + size] for start in range(0, len(tasks), size)]


def run_chunk(func: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [func(task) for task in chunk]


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_in_pool(
    func: Callable[[T], R], tasks: Sequence[T], workers: int, on_crash: Callable[[T, str], R]
) -> Generator[R, None, None]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        executor = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
    except (OSError, NotImplementedError, ImportError):
        # No working multiprocessing here (some sandboxes, AWS Lambda): run serially, like black.
        yield from (func(task) for task in tasks)
        return
    chunks = chunked(tasks, workers)
    try:
        futures = [executor.submit(run_chunk, func, chunk) for chunk in chunks]
        for future, chunk in zip(futures, chunks, strict=True):
            try:
                yield from future.result()
            except BrokenProcessPool:
                yield from (on_crash(task, "worker process died") for task in chunk)
    finally:
        # Normal end: nothing pending. Ctrl-C or an error: drop what has not started, wait for
        # what is running (its writes are atomic, and the workers ignore SIGINT).
        executor.shutdown(wait=True, cancel_futures=True)
