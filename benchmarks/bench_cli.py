"""CLI timings: the pre-commit hook's call on one post, and batch throughput on the corpus.

    python benchmarks/bench_cli.py [--only hook|batch] [--copies 6] [--runs 7]

hook:  wall time of ``scrapedown FILE`` (what the pre-commit hook runs) on the seed post (dirty)
       and on its cleaned version, with an empty and with a warm cache; ``import scrapedown.cli``.
batch: the corpus (``.md`` and ``.html``) copied several times (6 copies = 2,340 files) and
       converted with ``scrapedown -o OUT`` at ``-j 1`` and ``-j 2``, then a cached re-run.

The package is run from a snapshot of ``src/`` taken at start (so edits made meanwhile in the
checkout cannot change the code under test, nor the cache key, which includes the code) and with
bytecode caching on in a private directory, as after a normal ``pip install``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_18c10a987d936d5b.txt"


def _children_cpu() -> float:
    # Worker processes are reaped by scrapedown, so their time is in its children's usage too:
    # CPU seconds show the work done, whatever else the (shared) machine was running.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Runner:
    """Runs ``python -m scrapedown`` from a snapshot of the source tree."""

    def __init__(self, scratch: Path) -> None:
        shutil.copytree(
            ROOT / "src", scratch / "snapshot", ignore=shutil.ignore_patterns("__pycache__")
        )
        self.env = {**os.environ, "PYTHONPATH": str(scratch / "snapshot")}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(scratch / "pyc")

    def run(self, args: list[str], *, cache: Path, cwd: Path | None = None) -> tuple[float, str]:
        """Wall seconds and a one-line summary (with the CPU seconds of the process tree)."""
        env = {**self.env, "SCRAPEDOWN_CACHE_DIR": str(cache)}
        command = [sys.executable, "-m", "scrapedown", *args]
        cpu_before = _children_cpu()
        started = time.perf_counter()
        result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        cpu = _children_cpu() - cpu_before
        lines = result.stderr.strip().splitlines()
        return seconds, f"exit {result.returncode}, CPU {cpu:.2f} s: {lines[-1] if lines else ''}"

    def python(self, code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=self.env, check=True)
        return time.perf_counter() - started


def bench_hook(runner: Runner, scratch: Path, runs: int) -> None:
    seed = SEED.read_text(encoding="utf-8")
    sys.path.insert(0, str(scratch / "snapshot"))
    from scrapedown import clean

    post = scratch / "hook" / "post.md"
    post.parent.mkdir()
    runner.python("import scrapedown.api")  # compile the bytecode once, as pip install does
    cases = {"dirty seed post": seed, "clean post": clean(seed)}
    for label, text in cases.items():
        for cache_state in ("empty cache", "warm cache"):
            times = []
            for index in range(runs):
                post.write_text(text, encoding="utf-8")
                cache = (
                    scratch
                    / "hook-cache"
                    / (f"{label}{index}" if cache_state == "empty cache" else "warm")
                )
                if cache_state == "warm cache":
                    runner.run([str(post)], cache=cache)
                    post.write_text(text, encoding="utf-8")
                seconds, summary = runner.run([str(post)], cache=cache)
                times.append(seconds)
            median = statistics.median(times)
            print(f"scrapedown FILE, {label}, {cache_state}: median {median:.3f} s, "
                  f"min {min(times):.3f} s  [{summary}]")  # fmt: skip
    for code in ("pass", "import scrapedown.cli", "import scrapedown.api"):
        times = [runner.python(code) for _ in range(runs)]
        print(f"python -c {code!r}: median {statistics.median(times):.3f} s")


def build_tree(corpus: Path, copies: int, root: Path) -> int:
    inputs = sorted(p for p in corpus.iterdir() if p.suffix in {".md", ".html"})
    for index in range(copies):
        target = root / f"copy{index}"
        target.mkdir(parents=True)
        for path in inputs:
            shutil.copy2(path, target / path.name)
    return len(inputs) * copies


def bench_batch(runner: Runner, scratch: Path, copies: int) -> None:
    count = build_tree(SHARED / "corpus", copies, scratch / "src")
    src = str(scratch / "src")
    print(f"{count} files ({copies} copies of the corpus), {os.cpu_count()} CPUs")
    timings = {}
    for label, args in (
        ("-j 1", ["-j", "1", "--no-cache", "-o", str(scratch / "o1")]),
        ("-j 2", ["-j", "2", "--no-cache", "-o", str(scratch / "o2")]),
        ("first (cache on)", ["-o", str(scratch / "o3")]),
        ("re-run (cached)", ["-o", str(scratch / "o3")]),
    ):
        timings[label], summary = runner.run([*args, src], cache=scratch / "cache")
        print(f"  {label}: {timings[label]:.2f} s  [{summary}]")
    serial, pooled = timings["-j 1"], timings["-j 2"]
    print(f"-j 1: {count / serial:.1f} files/s")
    print(f"-j 2: {count / pooled:.1f} files/s, speed-up {serial / pooled:.2f}x")
    first, again = timings["first (cache on)"], timings["re-run (cached)"]
    print(f"cached re-run: {again:.2f} s vs {first:.2f} s, {first / again:.1f}x faster")
    same = all(
        (scratch / "o1" / path.relative_to(scratch / "o2")).read_bytes() == path.read_bytes()
        for path in (scratch / "o2").rglob("*.md")
    )
    print(f"-j 2 output identical to -j 1: {same}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["hook", "batch"])
    parser.add_argument("--copies", type=int, default=6)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not SEED.is_file():
        print(f"needs ../shared next to the checkout ({SHARED})", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as name:
        scratch = Path(name)
        runner = Runner(scratch)
        print(f"load average at start: {os.getloadavg()[0]:.2f}")
        if args.only in (None, "hook"):
            bench_hook(runner, scratch, args.runs)
        if args.only in (None, "batch"):
            bench_batch(runner, scratch, args.copies)
        print(f"load average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
