"""Timing: medians of rounds, converters interleaved within each round, two clocks.

Wall time is what the issue's targets are stated in and what a user waits for. CPU time of this
process (``time.process_time``) is recorded next to it because on a shared machine wall time
includes the time spent waiting for a core: with the load at 5 on 2 CPUs, markdownify's wall
time over the corpus varied by 78% between rounds. All converters under test run in the calling
thread, so CPU time is their work alone (a converter that used several threads would be charged
for all of them). On a quiet machine the two agree.

Interleaving (round 1: A, B, C; round 2: A, B, C; …) spreads any change in machine load over all
converters alike, which matters on a shared machine: timing A's rounds then B's would charge a
burst of someone else's work to whichever converter happened to be running.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from _converters import Convert

WARMUP_DOCS = 5


@dataclass
class Timing:
    """The rounds of one converter over one input set."""

    seconds: list[float] = field(default_factory=list)
    """Wall time of each round."""
    cpu: list[float] = field(default_factory=list)
    """CPU time of this process in each round."""
    failures: int = 0
    """Documents that raised (counted once per round; they still cost their time)."""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def spread(self) -> float:
        """(slowest − fastest) / median wall time: how noisy the rounds were."""
        return (max(self.seconds) - min(self.seconds)) / self.median

    def add(self, sample: Sample) -> None:
        self.seconds.append(sample.wall)
        self.cpu.append(sample.cpu)
        self.failures = sample.failures


@dataclass(frozen=True)
class Sample:
    """One pass over the documents."""

    wall: float
    cpu: float
    failures: int


@dataclass(frozen=True)
class Job:
    name: str
    convert: Convert
    documents: Sequence[str]


def run_once(convert: Convert, documents: Sequence[str]) -> Sample:
    """Convert every document once: wall and CPU seconds, and how many documents raised."""
    # Collect the previous job's garbage first, so it is not charged to this one; the collector
    # stays on during the run because real use pays for the cycles BeautifulSoup trees make.
    gc.collect()
    failures = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for document in documents:
        try:
            convert(document)
        except Exception:  # a benchmark reports a failing document, it does not stop on it
            failures += 1
    return Sample(time.perf_counter() - wall, time.process_time() - cpu, failures)


def warm_up(jobs: Sequence[Job]) -> None:
    """First calls import lazily loaded modules and compile regexes: keep them out of round 1."""
    for job in jobs:
        run_once(job.convert, job.documents[:WARMUP_DOCS])


def interleaved(jobs: Sequence[Job], rounds: int) -> dict[str, Timing]:
    """`rounds` timed passes of every job, interleaved, after a warm-up."""
    warm_up(jobs)
    timings = {job.name: Timing() for job in jobs}
    for _ in range(rounds):
        for job in jobs:
            timings[job.name].add(run_once(job.convert, job.documents))
    return timings
