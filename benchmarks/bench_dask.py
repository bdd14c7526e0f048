"""``--engine dask`` (a local Dask cluster) against the CLI's own process pool, same tree, same -j.

    python benchmarks/bench_dask.py [--copies 4] [--rounds 2] [--jobs 2]

Both engines run ``scrapedown --no-cache -q -j J -o OUT TREE``; Dask's adds ``--engine dask``
(a LocalCluster of J single-threaded worker processes, started and closed by the run). Two trees:

start-up:   the first 16 corpus files, so the run is mostly fixed cost (3 rounds);
throughput: the corpus copied N times (``bench_cli.build_tree``; 4 copies = 1,560 files).

The runs of both engines alternate within each round, so a change in machine load hits both
alike; the best round counts. CPU seconds of the whole process tree (scrapedown, the Dask
scheduler and nannies living in it, the workers) are printed next to wall time: on a shared
machine wall time includes waiting for a core. Like bench_cli, the package runs from a snapshot
of ``src/`` in a subprocess (the Dask workers inherit its PYTHONPATH).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench_cli import SHARED, Runner, _children_cpu, build_tree

ENGINES = {"pool": [], "dask": ["--engine", "dask"]}
TINY_FILES = 16


@dataclass(frozen=True)
class Run:
    """One engine on one tree: the lowest wall time and the lowest CPU time of its rounds
    (each is disturbed by other jobs on a shared machine, and not always in the same round)."""

    files: int
    wall: float
    cpu: float

    @property
    def rate(self) -> float:
        return self.files / self.wall


def measure(runner: Runner, src: Path, files: int, rounds: int, jobs: int) -> dict[str, Run]:
    """The fastest of `rounds` alternating runs of each engine over `src`."""
    print(f"\n{files} files, -j {jobs}, load {os.getloadavg()[0]:.1f}")
    best: dict[str, Run] = {}
    for index in range(rounds):
        for engine, flags in ENGINES.items():
            out = src.parent / f"out-{src.name}-{engine}-{index}"
            args = ["--no-cache", "-q", "-j", str(jobs), *flags, "-o", str(out), str(src)]
            cpu_before = _children_cpu()
            wall, summary = runner.run(args, cache=src.parent / "cache")
            run = Run(files, wall, _children_cpu() - cpu_before)
            if engine in best:
                run = Run(files, min(wall, best[engine].wall), min(run.cpu, best[engine].cpu))
            best[engine] = run
            print(f"  {engine:5} round {index + 1}: {wall:6.2f} s, {files / wall:5.1f} files/s  "
                  f"[{summary}]")  # fmt: skip
    same = _same_tree(src.parent / f"out-{src.name}-pool-0", src.parent / f"out-{src.name}-dask-0")
    print(f"  dask output identical to the pool's: {same}")
    return best


def tiny_tree(corpus: Path, root: Path) -> int:
    root.mkdir(parents=True)
    for path in sorted(p for p in corpus.iterdir() if p.suffix in {".md", ".html"})[:TINY_FILES]:
        shutil.copy2(path, root / path.name)
    return TINY_FILES


def _same_tree(left: Path, right: Path) -> bool:
    files = sorted(p.relative_to(left) for p in left.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(right) for p in right.rglob("*") if p.is_file())
    return files == theirs and all(
        (left / f).read_bytes() == (right / f).read_bytes() for f in files
    )


def conclude(tiny: dict[str, Run], big: dict[str, Run]) -> None:
    print(
        f"\n| engine | {TINY_FILES} files (start-up) | {big['pool'].files} files | CPU per file |"
    )
    print("|---|---|---|---|")
    for engine in ENGINES:
        b = big[engine]
        print(f"| {engine} | {tiny[engine].wall:.1f} s | {b.wall:.1f} s ({b.rate:.1f} files/s) "
              f"| {1000 * b.cpu / b.files:.0f} ms |")  # fmt: skip
    extra = max(0.0, tiny["dask"].wall - tiny["pool"].wall)
    rate = big["pool"].rate
    print(f"\nDask's extra start-up: {extra:.1f} s (cluster start, pipeline import per worker).")
    for share in (0.10, 0.02):
        print(f"  under {share:.0%} of a run from about {extra * rate / share:,.0f} files")
    print(
        "On one machine Dask cannot beat the pool (same cores, same work per file); it pays "
        "when the corpus needs more machines, and its throughput grows with their number."
    )
    for machines in (2, 4):
        # k machines at Dask's measured rate each vs this machine's pool:
        # extra + n / (k * dask_rate) < n / pool_rate.
        gain = 1 / rate - 1 / (machines * big["dask"].rate)
        if gain > 0:
            print(f"  {machines} such machines beat one machine's pool from about "
                  f"{extra / gain:,.0f} files")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=4, help="corpus copies in the big tree")
    parser.add_argument("--rounds", type=int, default=2, help="rounds on the big tree")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        print(f"needs ../shared/corpus ({corpus})", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as name:
        scratch = Path(name)
        runner = Runner(scratch)
        print(f"{os.cpu_count()} CPUs, load average at start: {os.getloadavg()[0]:.2f}")
        files = tiny_tree(corpus, scratch / "tiny")
        tiny = measure(runner, scratch / "tiny", files, 3, args.jobs)
        files = build_tree(corpus, args.copies, scratch / "big")
        big = measure(runner, scratch / "big", files, args.rounds, args.jobs)
        conclude(tiny, big)
        print(f"load average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":  # required: Dask's worker processes are spawned, not forked
    sys.exit(main())
