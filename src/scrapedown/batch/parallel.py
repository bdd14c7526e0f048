"""Map a picklable function over tasks: in this process for a few, in worker processes for many.

bs4 and markdownify are pure Python and hold the GIL, so threads would not help. Results come
back in task order whatever the workers do, which keeps stdout (diffs) and stderr identical to a
``-j 1`` run.

The pool is our own (a pipe per worker) rather than `concurrent.futures`, because an interrupted
run must end within a moment and leave nothing behind: workers only compute (the main process
writes every file), so on Ctrl-C or SIGTERM they are killed at once, whatever they were doing.
A worker also dies with the main process however that ends (SIGKILL included): on Linux the
kernel kills it (``PR_SET_PDEATHSIG``); elsewhere a watchdog thread notices the new parent.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable, Generator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

T = TypeVar("T")
R = TypeVar("R")

#: Below this many tasks a pool costs more (start-up, one pipeline import per worker) than it saves.
MIN_TASKS_FOR_POOL = 12
#: Upper bound of tasks per chunk: small chunks balance uneven file sizes.
MAX_CHUNK = 8
#: Seconds a finished worker gets to exit by itself before it is killed.
_JOIN_TIMEOUT = 1.0
_PR_SET_PDEATHSIG = 1
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


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


def _run_in_pool(
    func: Callable[[T], R], tasks: Sequence[T], workers: int, on_crash: Callable[[T, str], R]
) -> Generator[R, None, None]:
    chunks = chunked(tasks, workers)
    try:
        pool = _Pool(func, min(workers, len(chunks)))
    except (OSError, ValueError, ImportError):
        # No working multiprocessing here (some sandboxes, AWS Lambda): run serially, like black.
        yield from (func(task) for task in tasks)
        return
    finished = False
    try:
        yield from pool.results(chunks, on_crash)
        finished = True
    finally:
        pool.close(kill=not finished)


class _Pool:
    """Worker processes fed one chunk at a time over a pipe each."""

    def __init__(self, func: Callable[[Any], Any], size: int) -> None:
        import multiprocessing  # only here: the hook's usual run of one file needs no pool

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self._context: Any = multiprocessing.get_context(method)
        self._forks = method == "fork"
        self._func = func
        self._workers: list[_Worker] = []
        try:
            for _ in range(size):
                self._workers.append(self._start())
        except BaseException:  # a signal while starting: no worker outlives the pool
            self.close(kill=True)
            raise

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        # A forked child inherits our ends of every pipe: it closes them, so that only the
        # worker itself holds the far end of its own.
        inherited = [ours, *(w.conn for w in self._workers)] if self._forks else []
        process = self._context.Process(
            target=_worker_main,
            args=(theirs, self._func, os.getpid(), inherited),
            daemon=True,
        )
        # Signals are blocked across the fork, so the child never runs our handlers.
        masks = hasattr(signal, "pthread_sigmask")
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS) if masks else None
        try:
            process.start()
        finally:
            if old is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, old)
            theirs.close()
        return _Worker(process, ours)

    def results(
        self, chunks: Sequence[Sequence[T]], on_crash: Callable[[T, str], R]
    ) -> Generator[R, None, None]:
        done: dict[int, list[R]] = {}
        queue = list(range(len(chunks)))[::-1]
        upcoming = 0
        while upcoming < len(chunks):
            for worker in self._workers:
                if worker.chunk is None and queue:
                    worker.chunk = queue.pop()
                    with contextlib.suppress(OSError):  # died idle: _collect sees its sentinel
                        worker.conn.send(chunks[worker.chunk])
            while upcoming in done:
                yield from done.pop(upcoming)
                upcoming += 1
            if upcoming < len(chunks):
                self._collect(done, chunks, on_crash)

    def _collect(
        self,
        done: dict[int, list[R]],
        chunks: Sequence[Sequence[T]],
        on_crash: Callable[[T, str], R],
    ) -> None:
        from multiprocessing.connection import wait

        busy = [worker for worker in self._workers if worker.chunk is not None]
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
        for worker in busy:
            index = worker.chunk
            if index is None or (worker.conn not in ready and worker.process.sentinel not in ready):
                continue
            try:
                done[index] = worker.conn.recv()
                worker.chunk = None
                continue
            except (EOFError, OSError):
                pass
            lost = chunks[index]
            done[index] = [on_crash(task, "worker process died") for task in lost]
            self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        worker.conn.close()
        self._workers.remove(worker)
        self._workers.append(self._start())

    def close(self, *, kill: bool) -> None:
        """Stop every worker: politely after a full run, at once after an error or a signal."""
        for worker in self._workers:
            if kill:
                worker.kill()
            else:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        deadline = time.monotonic() + _JOIN_TIMEOUT
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            worker.kill()
            worker.conn.close()


class _Worker:
    def __init__(self, process: Any, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.chunk: int | None = None

    def kill(self) -> None:
        if self.process.is_alive():
            with contextlib.suppress(OSError):
                self.process.kill()
        self.process.join(_JOIN_TIMEOUT)


def _worker_main(
    conn: Connection, func: Callable[[Any], Any], parent: int, inherited: list[Connection]
) -> None:
    for other in inherited:
        other.close()
    # Ctrl-C reaches the whole process group: the main process decides, and kills us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _die_with_parent(parent)
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            os._exit(0)  # the main process is gone
        if chunk is None:
            return
        conn.send(run_chunk(func, chunk))


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    import threading

    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)
