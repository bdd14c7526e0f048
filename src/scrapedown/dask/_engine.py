"""``scrapedown --engine dask``: the CLI's own tasks, run on a Dask cluster instead of the pool.

Each worker runs `scrapedown.batch.worker.process` exactly as a pool process does (read, decode,
clean, verify, atomic write), so output and reports are those of ``-j 1``; only the transport
changes. Outcomes come back in task order, like the pool's.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import logging
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import replace
from typing import Any

import dask.config

from scrapedown.batch.files import absolute
from scrapedown.batch.parallel import chunked, run_chunk
from scrapedown.batch.tasks import UsageError
from scrapedown.batch.worker import Outcome, Settings, Task, process

#: Seconds to wait for a remote scheduler before giving up with a usage error.
CONNECT_TIMEOUT = 30

#: Dask settings for the local cluster, which has no dashboard and shows no log: its workers
#: need not sample their stacks every 10 ms for the dashboard's profile page, nor check every
#: 20 ms that their event loop is responsive (together ~10% of the CPU of a run on the corpus,
#: since both take the GIL from the conversion).
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
}


def process_tasks(
    tasks: Sequence[Task],
    settings: Settings,
    *,
    address: str | None,
    workers: int,
    on_crash: Callable[[Task, str], Outcome],
) -> Generator[Outcome, None, None]:
    """Outcomes of `tasks`, in order, computed on the scheduler at `address` (None: a local
    cluster of `workers` single-threaded processes, started here and closed at the end)."""
    if not tasks:
        return  # everything came from the cache: no cluster to start
    with _client(address, workers) as client:
        # A remote worker has its own working directory: it is sent absolute paths, and the
        # outcome is given back its original task, so reports name files as the user typed them.
        sent = list(tasks) if address is None else [_absolute(task) for task in tasks]
        width = max(1, sum(client.nthreads().values()))
        chunks, originals = chunked(sent, width), chunked(tasks, width)
        func = functools.partial(process, settings=settings)
        futures = client.map(functools.partial(run_chunk, func), chunks, pure=False)
        try:
            for future, chunk in zip(futures, originals, strict=True):
                yield from _chunk_outcomes(future.result, chunk, on_crash)
        finally:
            # Ctrl-C or an error: release what has not run (running tasks end their atomic write).
            client.cancel(futures)


def _chunk_outcomes(
    result: Callable[[], list[Outcome]],
    chunk: Sequence[Task],
    on_crash: Callable[[Task, str], Outcome],
) -> Iterator[Outcome]:
    from distributed import KilledWorker

    try:
        outcomes = result()
    except KilledWorker:  # the chunk killed its worker on every retry (OOM, segfault)
        yield from (on_crash(task, "worker process died") for task in chunk)
        return
    yield from (replace(outcome, task=task) for outcome, task in zip(outcomes, chunk, strict=True))


def _absolute(task: Task) -> Task:
    return Task(
        absolute(task.source),
        task.html,
        None if task.dest is None else absolute(task.dest),
        None if task.out_root is None else absolute(task.out_root),
    )


@contextlib.contextmanager
def _client(address: str | None, workers: int) -> Iterator[Any]:
    # distributed is not annotated: used through Any (mypy --strict refuses untyped calls).
    distributed: Any = importlib.import_module("distributed")
    if address is not None:
        try:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
        except OSError as exc:  # refused, unknown host, timed out
            raise UsageError(f"--scheduler {address}: cannot connect ({exc})") from None
        with client:
            yield client
        return
    # Processes, one thread each: the pipeline is pure Python and holds the GIL. No dashboard:
    # it would need bokeh and a fixed port that another run on the machine may hold. Logs only
    # at CRITICAL: stderr carries scrapedown's report, a crashed worker is reported per file
    # ("worker process died"), and at close a worker's heartbeat may race the scheduler's exit
    # and log a harmless CommClosedError traceback.
    with dask.config.set(LOCAL_CONFIG):  # the nannies pass it on to the worker processes
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        )
    with cluster, distributed.Client(cluster) as client:
        yield client
