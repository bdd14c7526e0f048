"""scrapedown against markdownify, html2text and html-to-markdown (issue 7).

    python benchmarks/compare.py [DIR] [--rounds 5] [--scale 1,4,16] [--memory-mb 20]
                                 [--single-mb 1] [--quick] [--profile] [--only SECTIONS]

speed      In one process, on the same inputs, converters interleaved round by round: clean_html,
           markdownify, html2text and html-to-markdown on the HTML bodies of DIR's posts, clean on
           the whole posts. Median of the rounds, MB/s, time ÷ markdownify (wall and CPU).
memory     Peak RSS of clean_html and of markdownify on one large body (corpus bodies
           concatenated), each in a fresh process; the time of each on it.
linearity  clean_html's per-MB time at each scale, (a) the bodies repeated as more documents,
           (b) one document repeated into a larger one; deviation from 1× (target ±25%).
pages      clean_page, trafilatura extract() and readability-lxml on the shared page sets
           (../shared/pages, read from the archives in place): CPU ms/page, ÷ trafilatura.
bigpage    clean_page and clean_html on one page of each --bigpage-mb size, fresh process each:
           time, CPU s/MB, peak RSS ÷ input.
profile    cProfile over clean_html on the bodies (or --profile-of: clean on the posts,
           clean_page on the trafilatura-eval pages, bigpage on one --profile-mb page).

Default DIR: ../shared/corpus from the repository root (read in place). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import _linearity as linearity
from _bigpage import render_bigpage, run_bigpage
from _converters import BASELINE, POSTS, SPEC_BY_NAME, Converter, available, build
from _inputs import DEFAULT_DIR, MB, ROOT, Inputs, concatenated, load, size_mb
from _memprobe import Probe, probe
from _pages import extractors, load_sets, render_pages, run_pages
from _profile import render_profile
from _report import busy_warning, code_version, machine, ratio, source_changed, table
from _summary import Results, render_summary
from _timing import Job, Timing, interleaved, warm_up

SECTIONS = ("speed", "memory", "linearity", "pages", "bigpage", "profile")
DEFAULT_SECTIONS = frozenset(SECTIONS) - {"profile"}
QUICK_MAX_SINGLE_SCALE = 4  # --quick: the one-document runs above this scale take minutes
_TINY = "<div style='x'><p>Warm <b>up</b> <img data-src='https://example.com/a.png'></p></div>"


# --- speed -----------------------------------------------------------------------------------


def run_speed(inputs: Inputs, converters: Sequence[Converter], rounds: int) -> dict[str, Timing]:
    jobs = [Job(c.name, c.convert, _documents(inputs, c)) for c in converters]
    return interleaved(jobs, rounds)


def render_speed(
    inputs: Inputs, converters: Sequence[Converter], timings: dict[str, Timing]
) -> str:
    base = timings.get(BASELINE)
    rows = []
    for converter in converters:
        timing = timings[converter.name]
        mb = size_mb(_documents(inputs, converter))
        rows.append(
            [
                converter.label,
                converter.feeds,
                f"{mb:.2f}",
                f"{timing.median:.2f}",
                f"{mb / timing.median:.2f}",
                ratio(timing.median, base.median if base else 0),
                ratio(timing.cpu_median, base.cpu_median if base else 0),
                f"{timing.spread * 100:.0f}%",
                str(timing.failures),
            ]
        )
    headers = ["converter", "input", "MB", "median s", "MB/s", "÷ mdfy", "CPU ÷ mdfy", "spread"]
    headers.append("failed")
    return table(headers, rows, right=2)


# --- memory ----------------------------------------------------------------------------------


def run_memory(inputs: Inputs, target_mb: float) -> tuple[float, list[Probe]]:
    document = concatenated(inputs.bodies, target_mb)
    with tempfile.TemporaryDirectory(prefix="scrapedown-bench-") as scratch:
        path = Path(scratch) / "large-body.html"
        path.write_text(document, encoding="utf-8")
        probes = [probe(name, path) for name in ("clean_html", BASELINE)]
    return size_mb([document]), probes


def render_memory(mb: float, probes: Sequence[Probe]) -> str:
    base = next((p for p in probes if p.name == BASELINE), None)
    rows = [
        [
            p.name,
            f"{p.seconds:.1f}",
            f"{p.cpu_seconds:.1f}",
            f"{mb / p.seconds:.2f}",
            f"{p.baseline / MB:.0f}",
            f"{p.peak / MB:.0f}",
            f"{p.growth / MB:.0f}",
            ratio(p.peak, base.peak if base else 0),
            ratio(p.growth, base.growth if base else 0),
        ]
        for p in probes
    ]
    method = probes[0].method if probes else "?"
    heading = (
        f"One document of {mb:.1f} MB, each converter in a fresh process; peak RSS ({method}) in"
        " MB: before converting (after imports and reading), at the end, and the growth."
    )
    headers = ["converter", "s", "CPU s", "MB/s", "before", "peak", "growth", "peak ÷ mdfy"]
    headers.append("growth ÷ mdfy")
    return f"{heading}\n\n{table(headers, rows)}"


# --- driver ----------------------------------------------------------------------------------


def _documents(inputs: Inputs, converter: Converter) -> tuple[str, ...]:
    return inputs.posts if converter.feeds == POSTS else inputs.bodies


def _sizes(text: str) -> list[float]:
    sizes = [float(part) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) <= 0:
        raise argparse.ArgumentTypeError("sizes are positive MB, e.g. 1,4,16,32")
    return sizes


def _scales(text: str) -> list[int]:
    scales = sorted({int(part) for part in text.split(",") if part.strip()})
    if not scales or scales[0] < 1:
        raise argparse.ArgumentTypeError("scales are positive integers, e.g. 1,4,16")
    return scales


def _sections(text: str) -> set[str]:
    chosen = {part.strip() for part in text.split(",") if part.strip()}
    unknown = chosen - set(SECTIONS)
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown section(s): {', '.join(sorted(unknown))}")
    return chosen


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        epilog="Sections: " + ", ".join(SECTIONS) + " (profile only with --profile or --only).",
    )
    add = parser.add_argument
    add("directory", nargs="?", type=Path, default=DEFAULT_DIR, help="default: %(default)s")
    add("--rounds", type=int, default=5, help="timed rounds, median reported (default 5)")
    add("--scale", type=_scales, default=[1, 4, 16], help="linearity scales (default 1,4,16)")
    add("--memory-mb", type=float, default=20.0, help="large body size in MB (default 20)")
    add("--single-mb", type=float, default=1.0, help="one-document layout at 1×, MB (default 1)")
    add(
        "--quick",
        action="store_true",
        help=f"skip one-document runs above {QUICK_MAX_SINGLE_SCALE}×",
    )
    add("--profile", action="store_true", help="add the profile section")
    add(
        "--profile-of",
        choices=("clean_html", "clean", "clean_page", "bigpage"),
        default="clean_html",
        help="default: %(default)s",
    )
    add("--profile-mb", type=float, default=4.0, help="--profile-of bigpage: MB (default 4)")
    add("--profile-out", type=Path, help="also write the raw pstats file here")
    add("--page-every", type=int, default=1, help="pages: every Nth page of each set")
    add("--page-rounds", type=int, help="pages: rounds (default: --rounds)")
    add("--bigpage-mb", type=_sizes, default=[1, 4, 16, 32], help="default 1,4,16,32")
    add("--top", type=int, default=15, help="rows per profile table (default 15)")
    add("--only", type=_sections, help="comma-separated sections to run")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.only is None:
        args.only = set(DEFAULT_SECTIONS) | ({"profile"} if args.profile else set())
    return args


def _introduce(
    args: argparse.Namespace, inputs: Inputs, converters: Sequence[Converter], notes: Sequence[str]
) -> None:
    _section(f"scrapedown benchmarks — {args.directory}")
    # Digest src/ now (cached for the summary), and let every converter import what it imports
    # lazily now too, so that edits made to the checkout during a long run cannot mix in.
    code_version(ROOT)
    warm_up([Job(c.name, c.convert, [_TINY]) for c in converters])
    print(f"{machine()}\n{code_version(ROOT)}")
    print(
        f"{len(inputs.posts)} posts ({inputs.posts_mb:.2f} MB), {len(inputs.bodies)} HTML bodies"
        f" ({inputs.bodies_mb:.2f} MB); median of {args.rounds} rounds"
    )
    for note in [*notes, *inputs.skipped, busy_warning()]:
        if note:
            print(f"note: {note}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.directory.is_dir():
        print(f"{args.directory}: not a directory", file=sys.stderr)
        return 2
    inputs = load(args.directory)
    if not inputs.bodies:
        print(f"{args.directory}: no post with an HTML body", file=sys.stderr)
        return 2
    converters, notes = available()
    by_name = {c.name: c for c in converters}
    _introduce(args, inputs, converters, notes)
    results = Results()
    if "speed" in args.only:
        _section("speed")
        results.speed = run_speed(inputs, converters, args.rounds)
        _show(render_speed(inputs, converters, results.speed))
    if "memory" in args.only and BASELINE in by_name:
        _section("memory")
        mb, results.memory = run_memory(inputs, args.memory_mb)
        _show(render_memory(mb, results.memory))
    if "linearity" in args.only:
        _section("linearity")
        max_single = QUICK_MAX_SINGLE_SCALE if args.quick else None
        planned = linearity.plans(inputs.bodies, args.scale, args.single_mb, max_single)
        results.linearity = linearity.measure(by_name["clean_html"], planned, args.rounds)
        _show(linearity.render(results.linearity, "clean_html"))
    _page_sections(args, inputs)
    if "profile" in args.only:
        _section("profile")
        name = "clean_page" if args.profile_of == "bigpage" else args.profile_of
        profiled = by_name.get(name) or build(SPEC_BY_NAME[name])
        _show(render_profile(args, inputs, profiled))
    if results.speed or results.memory or results.linearity:  # else there is nothing to sum up
        _section("README table")
        _show(render_summary(inputs, converters, results, args.rounds))
    changed = source_changed(ROOT)
    if changed:
        print(f"\n{changed}", file=sys.stderr)
    return 0


def _page_sections(args: argparse.Namespace, inputs: Inputs) -> None:
    """The whole-page rows: the page sets (pages) and one big page per size (bigpage)."""
    if "pages" in args.only:
        _section("pages")
        sets = load_sets(every=args.page_every)
        ready, notes = extractors()
        for note in notes if sets else ["no page set under ../shared/pages"]:
            print(f"note: {note}")
        described = ", ".join(f"{s.name} {len(s.pages)} pages ({s.mb:.1f} MB)" for s in sets)
        rounds = args.page_rounds or args.rounds
        print(f"{described}; median of {rounds} interleaved rounds", flush=True)
        _show(render_pages(sets, ready, run_pages(sets, ready, rounds)))
    if "bigpage" in args.only:
        _section("bigpage")
        _show(render_bigpage(run_bigpage(inputs.bodies, args.bigpage_mb)))


def _section(title: str) -> None:
    print(f"\n## {title}\n", flush=True)  # flushed: a section can take minutes


def _show(text: str) -> None:
    print(text, flush=True)


if __name__ == "__main__":
    sys.exit(main())
