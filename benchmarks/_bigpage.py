"""One big page at several sizes: time and peak RSS of clean_page and clean_html (issue 18).

Each size is a page built by concatenating the corpus HTML bodies in order (cut only between
bodies) inside one page shell (doctype, head with a title, ``<body><article>``): the shape of a
long scraped page, e.g. a whole forum thread or a book chapter. ``clean_html`` gets the same
bodies without the shell. Every (converter, size) runs in a **fresh process**
(``_memprobe.py``), so its VmHWM is its own peak and not a neighbour's; the process reads the
file, warms up, and converts once. The target: 32 MB in ≤ 20 s with peak RSS ≤ 15× the input,
and time per MB from 1 to 32 MB within ±25%.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from _inputs import MB, concatenated, size_mb
from _memprobe import Probe, probe
from _report import percent, table

CONVERTERS = ("clean_page", "clean_html")
_SHELL = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
    "<title>One long page</title></head>\n<body><article>\n",
    "\n</article></body></html>\n",
)


def page_of(bodies: Sequence[str], target_mb: float) -> str:
    """A whole page of at least `target_mb`, its article the bodies concatenated."""
    head, tail = _SHELL
    return head + concatenated(bodies, target_mb) + tail


def run_bigpage(
    bodies: Sequence[str], sizes: Sequence[float], names: Sequence[str] = CONVERTERS
) -> list[tuple[str, float, Probe]]:
    """(converter, input MB, probe) for every size and converter, one fresh process each."""
    found = []
    with tempfile.TemporaryDirectory(prefix="scrapedown-bigpage-") as scratch:
        for size in sizes:
            page = page_of(bodies, size)
            body = concatenated(bodies, size)
            for name in names:
                text = page if name == "clean_page" else body
                path = Path(scratch) / f"{name}-{size:g}.html"
                path.write_text(text, encoding="utf-8")
                result = probe(name, path)
                path.unlink()
                found.append((name, size_mb([text]), result))
                seconds = f"{result.seconds:.1f} s, {result.cpu_seconds:.1f} s CPU"
                print(f"  {name} {size:g} MB: {seconds}", flush=True)
    return found


def render_bigpage(found: Sequence[tuple[str, float, Probe]]) -> str:
    first: dict[str, float] = {}
    rows = []
    for name, mb, p in found:
        per_mb = p.cpu_seconds / mb
        first.setdefault(name, per_mb)
        rows.append(
            [
                name,
                f"{mb:.1f}",
                f"{p.seconds:.1f}",
                f"{p.cpu_seconds:.1f}",
                f"{per_mb:.2f}",
                percent(per_mb / first[name] - 1),
                f"{p.baseline / MB:.0f}",
                f"{p.peak / MB:.0f}",
                f"{p.peak / (mb * MB):.1f}",
                f"{p.growth / (mb * MB):.1f}",
            ]
        )
    headers = ["converter", "MB", "wall s", "CPU s", "CPU s/MB", "vs smallest", "before MB"]
    headers += ["peak MB", "peak ÷ input", "growth ÷ input"]
    method = found[0][2].method if found else "?"
    heading = (
        f"One page per size, each in a fresh process; peak RSS by {method}. Targets (issue 18):"
        " 32 MB ≤ 20 s and peak ≤ 15× the input; CPU s/MB within ±25% of the smallest size."
    )
    return f"{heading}\n\n{table(headers, rows)}"
