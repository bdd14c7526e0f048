"""CPU work of clean_html and of markdownify as instruction counts (valgrind's cachegrind).

On a shared VM, wall and CPU seconds of the same run vary by ±30% from round to round (the
neighbours' load); the number of instructions a conversion executes does not. Each converter
runs in its own process under cachegrind twice, once with imports and warm-up only and once with
one pass over the corpus HTML bodies as well (`clean`: over the whole posts); the difference
is the pass's instruction count.

    python benchmarks/instructions.py [DIR] [--every N] [--converters clean_html,markdownify,clean]

Needs `valgrind` on PATH; about 50× slower than a normal run (``--every 8`` takes every eighth
body: about a minute).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

from _inputs import load

ROOT = Path(__file__).resolve().parents[1]
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _worker(directory: str, converter: str, every: int, passes: int) -> None:
    inputs = load(Path(directory))
    bodies = (inputs.posts if converter == "clean" else inputs.bodies)[::every]
    if converter == "clean_html":
        from scrapedown import clean_html as convert
    elif converter == "clean":
        from scrapedown import clean as convert
    else:
        from markdownify import MarkdownConverter

        convert = MarkdownConverter(heading_style="ATX", bs4_options="lxml").convert
    for body in bodies[:3]:  # warm-up: lazy imports, compiled regexes
        convert(body)
    for _ in range(passes):
        for body in bodies:
            convert(body)


def _instructions(directory: str, converter: str, every: int, passes: int) -> int:
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, "--worker", converter, str(passes), "--every", str(every),
        directory,
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, check=True)
    found = _REFS.search(run.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--every", type=int, default=1, help="take every Nth body (default 1)")
    parser.add_argument(
        "--converters",
        default="clean_html,markdownify",
        help="comma-separated: clean_html, markdownify, clean (on the posts)",
    )
    parser.add_argument(
        "--worker", nargs=2, metavar=("CONVERTER", "PASSES"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.worker:
        _worker(args.directory, args.worker[0], args.every, int(args.worker[1]))
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 2
    counts = {}
    for converter in args.converters.split(","):
        base = _instructions(args.directory, converter, args.every, 0)
        counts[converter] = _instructions(args.directory, converter, args.every, 1) - base
        print(f"{converter:12} {counts[converter]:>16,} instructions per pass", flush=True)
    for converter in ("clean_html", "clean"):
        if converter in counts and "markdownify" in counts:
            ratio = counts[converter] / counts["markdownify"]
            print(f"{converter} ÷ markdownify: {ratio:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
