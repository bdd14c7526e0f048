"""Where `clean_html` spends its time: cProfile over the corpus bodies, summarised.

cProfile (stdlib) rather than a sampling profiler because none is a project dependency; it adds
a per-call overhead (roughly 1.5–2× here), which inflates functions that are called very often
(tree walks, small helpers) relative to C-level work such as parsing. Read shares, not seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from _bigpage import page_of
from _converters import POSTS, Convert, Converter
from _inputs import Inputs
from _pages import load_sets
from _report import table

FOCUS = frozenset({"scrapedown", "markdownify", "bs4", "markdown_it"})


@dataclass(frozen=True)
class Entry:
    package: str
    where: str
    calls: int
    total: float
    """Seconds in the function itself (cProfile's tottime)."""
    cumulative: float
    """Seconds in the function and everything it called (cumtime)."""


@dataclass(frozen=True)
class Profile:
    entries: list[Entry]
    seconds: float
    """Wall time of the profiled pass (profiler overhead included): the base of every share."""


def profile(convert: Convert, documents: Sequence[str], dump: Path | None = None) -> Profile:
    """One profiled pass of `convert` over `documents`; optionally dump pstats for snakeviz."""
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for document in documents:
        convert(document)
    profiler.disable()
    seconds = time.perf_counter() - start
    if dump is not None:
        profiler.dump_stats(dump)
    stats = pstats.Stats(profiler)
    raw = stats.stats  # type: ignore[attr-defined]  # documented-by-use, not in typeshed
    entries = [_entry(key, value) for key, value in raw.items()]
    return Profile(entries, seconds)


def top(found: Profile, key: str, count: int) -> list[Entry]:
    """The `count` heaviest FOCUS functions by `key` ("cumulative" or "total")."""
    focused = [entry for entry in found.entries if entry.package in FOCUS]
    return sorted(focused, key=lambda entry: getattr(entry, key), reverse=True)[:count]


def by_package(found: Profile) -> list[tuple[str, float]]:
    """Own time per package (C code of lxml and re counted apart), heaviest first."""
    totals: dict[str, float] = defaultdict(float)
    for entry in found.entries:
        totals[entry.package] += entry.total
    return sorted(totals.items(), key=lambda item: item[1], reverse=True)


def _entry(key: tuple[str, int, str], value: tuple[int, int, float, float, object]) -> Entry:
    filename, line, function = key
    _, calls, total, cumulative, _ = value
    package, module = _locate(filename, function)
    where = f"{module}:{line}({function})" if module else function
    return Entry(package, where, calls, total, cumulative)


def _locate(filename: str, function: str) -> tuple[str, str]:
    """(package, dotted module) of a profiled function; built-ins are attributed by name.

    lxml's Cython functions are invisible to cProfile: libxml2 parsing is counted as own time of
    the Python function that called it (bs4.builder._lxml feed, lxml.html document_fromstring).
    """
    if filename == "~":  # C functions: cProfile names them like "<method 'feed' of 'lxml…'>"
        if "lxml" in function:
            return "lxml (C)", ""
        if "re.Pattern" in function or "_sre" in function:
            return "re (C)", ""
        return "builtins (C)", ""
    parts = Path(filename).with_suffix("").parts
    for anchor in ("site-packages", "src"):
        if anchor in parts:
            tail = parts[parts.index(anchor) + 1 :]
            return tail[0], _dotted(tail)
    stdlib = [part for part in parts if part.startswith("python3")]
    if stdlib:
        tail = parts[parts.index(stdlib[-1]) + 1 :]
        return f"stdlib {tail[0]}", _dotted(tail)
    return "other", filename


def _dotted(parts: Sequence[str]) -> str:
    names = list(parts)
    if names and names[-1] == "__init__":
        names.pop()
    return ".".join(names)


def profiled_documents(args: argparse.Namespace, inputs: Inputs) -> tuple[str, Sequence[str]]:
    """What `--profile-of` profiles: (description, documents)."""
    if args.profile_of == "clean_page":
        pages = load_sets(every=args.page_every)[0]
        return f"{len(pages.pages)} {pages.name} pages", pages.pages
    if args.profile_of == "bigpage":
        return f"one {args.profile_mb:g} MB page", [page_of(inputs.bodies, args.profile_mb)]
    feeds = inputs.posts if args.profile_of == "clean" else inputs.bodies
    return (POSTS if args.profile_of == "clean" else "HTML bodies"), feeds


def render_profile(args: argparse.Namespace, inputs: Inputs, converter: Converter) -> str:
    count, dump = args.top, args.profile_out
    what, documents = profiled_documents(args, inputs)
    found = profile(converter.convert, documents, dump)
    parts = [
        f"cProfile, one pass of {converter.name} over the {what}: {found.seconds:.1f} s"
        " under the profiler (shares are of that). lxml's Cython code is invisible to cProfile:"
        " parsing shows as own time of its Python caller (bs4.builder._lxml feed, lxml.html)."
    ]
    for key, title in (("cumulative", "cumulative time"), ("total", "own time (tottime)")):
        rows = [
            [
                e.where,
                str(e.calls),
                f"{e.total:.2f}",
                f"{e.cumulative:.2f}",
                f"{getattr(e, key) / found.seconds * 100:.1f}%",
            ]
            for e in top(found, key, count)
        ]
        parts.append(f"Top {count} by {title} (scrapedown, markdownify, bs4, markdown_it):")
        parts.append(table(["function", "calls", "tottime", "cumtime", "share"], rows))
    rows = [[name, f"{s:.2f}", f"{s / found.seconds * 100:.1f}%"] for name, s in by_package(found)]
    parts.extend(["Own time per package:", table(["package", "tottime", "share"], rows[:12])])
    if dump is not None:
        parts.append(f"Raw stats: {dump} (python -m pstats {dump}, or snakeviz)")
    return "\n\n".join(parts)
