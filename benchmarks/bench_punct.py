"""Throughput of the full-width punctuation normaliser on the test corpus.

Usage: ``python benchmarks/bench_punct.py [DIR] [--rounds N]`` (default DIR: ../shared/corpus).
Every ``.md``/``.markdown``/``.html``/``.htm`` file is read as text and passed whole to
`normalize_punctuation` and to `normalize_markdown`; the median of the rounds is reported in MB/s
of UTF-8 input. Target: at least 10 MB/s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from scrapedown.punct import normalize_markdown, normalize_punctuation

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SUFFIXES = {".md", ".markdown", ".html", ".htm"}


def load(directory: Path) -> list[str]:
    """The text of every corpus file (undecodable bytes replaced)."""
    return [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(directory.iterdir())
        if path.suffix.lower() in SUFFIXES and path.is_file()
    ]


def median_seconds(
    function: Callable[[str], str], texts: list[str], rounds: int
) -> tuple[float, float]:
    """Median wall time and median CPU time of running the function over every text.

    The CPU time is the steadier figure on a machine shared with other work.
    """
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            function(text)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        print(f"{args.directory}: not a directory", file=sys.stderr)
        return 2
    texts = load(args.directory)
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"{len(texts)} files, {megabytes:.2f} MB, median of {args.rounds} rounds")
    for name, function in (
        ("normalize_punctuation", normalize_punctuation),
        ("normalize_markdown", normalize_markdown),
    ):
        wall, cpu = median_seconds(function, texts, args.rounds)
        print(
            f"{name:24} {wall * 1000:8.1f} ms  {megabytes / wall:7.1f} MB/s"
            f"   (CPU {cpu * 1000:8.1f} ms  {megabytes / cpu:7.1f} MB/s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
