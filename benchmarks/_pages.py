"""Whole pages: clean_page against trafilatura and readability-lxml on the shared page sets.

The two archives of ``../shared/pages`` are read in place with ``tarfile`` (never unpacked or
copied), and every page is decoded once, before timing, with ``scrapedown.batch.io.decode(data,
html=True)`` — the CLI's own decoding (declared charset, else detection) — so all three
extractors see the same ``str``. A page the CLI would refuse (binary, undecodable) is counted in
``skipped``.

| set | pages |
|---|---|
| ``trafilatura-eval`` | the files ``evaldata.json`` names (990) |
| ``readability`` | every ``*/source.html`` (130) |

The rows are CPU time (``time.process_time``) of one process, rounds interleaved (clean_page,
trafilatura, readability, clean_page, …), medians; the ratio is over trafilatura's median in
the same run. ``--page-every N`` takes every Nth page of each set for a shorter run.
"""

from __future__ import annotations

import json
import tarfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from _converters import Convert, package_version
from _inputs import ROOT, size_mb
from _report import ratio, table
from _timing import Job, Timing, interleaved

from scrapedown.batch.io import decode
from scrapedown.errors import ScrapedownError

PAGES_DIR = ROOT.parent / "shared" / "pages"
PAGE_BASELINE = "trafilatura"


@dataclass(frozen=True)
class PageSet:
    name: str
    pages: tuple[str, ...]
    skipped: int

    @property
    def mb(self) -> float:
        return size_mb(self.pages)


def _trafilatura_names(archive: tarfile.TarFile) -> list[str]:
    """The archive members `evaldata.json` names, in its order."""
    index = archive.extractfile("trafilatura-eval/evaldata.json")
    if index is None:
        return []
    # A page lives under cache/ or eval/; evaldata.json names only the file.
    by_file = {name.rsplit("/", 1)[-1]: name for name in archive.getnames()}
    entries = json.load(index)
    return [by_file[entry["file"]] for entry in entries.values() if entry["file"] in by_file]


def _readability_names(archive: tarfile.TarFile) -> list[str]:
    return sorted(n for n in archive.getnames() if n.endswith("/source.html"))


SETS: tuple[tuple[str, str, Callable[[tarfile.TarFile], list[str]]], ...] = (
    ("trafilatura-eval", "trafilatura-eval.tar.xz", _trafilatura_names),
    ("readability", "readability-pages.tar.xz", _readability_names),
)


def load_sets(directory: Path = PAGES_DIR, every: int = 1) -> list[PageSet]:
    """Every available page set, every `every`-th page, decoded as the CLI decodes pages."""
    found = []
    for name, file, names_of in SETS:
        path = directory / file
        if not path.is_file():
            continue
        with tarfile.open(path) as archive:
            pages, skipped = [], 0
            for member in names_of(archive)[::every]:
                handle = archive.extractfile(member)
                if handle is None:
                    skipped += 1
                    continue
                try:
                    pages.append(decode(handle.read(), html=True).text)
                except ScrapedownError:
                    skipped += 1
        found.append(PageSet(name, tuple(pages), skipped))
    return found


# --- the extractors --------------------------------------------------------------------------


def _clean_page() -> Convert:
    from scrapedown import clean_page

    return clean_page


def _trafilatura() -> Convert:
    from trafilatura import extract

    def convert(html: str) -> str:
        return extract(html) or ""  # defaults: plain-text output, comments and tables kept

    return convert


def _readability() -> Convert:
    from readability import Document

    def convert(html: str) -> str:
        return str(Document(html).summary())

    return convert


EXTRACTORS: tuple[tuple[str, str, Callable[[], Convert]], ...] = (
    ("clean_page", "scrapedown", _clean_page),
    (PAGE_BASELINE, "trafilatura", _trafilatura),
    ("readability", "readability-lxml", _readability),
)


def extractors() -> tuple[list[tuple[str, str, Convert]], list[str]]:
    """(name, label, convert) of every installed extractor, and a note for each missing one."""
    ready, notes = [], []
    for name, distribution, factory in EXTRACTORS:
        try:
            label = f"{name} ({distribution} {package_version(distribution)})"
            ready.append((name, label, factory()))
        except ImportError as error:
            notes.append(f"{name} skipped: {error}")
    return ready, notes


def run_pages(
    sets: Sequence[PageSet], ready: Sequence[tuple[str, str, Convert]], rounds: int
) -> dict[str, dict[str, Timing]]:
    """Per set: interleaved rounds of every extractor over the set's pages."""
    return {
        page_set.name: interleaved(
            [Job(name, convert, page_set.pages) for name, _, convert in ready], rounds
        )
        for page_set in sets
        if page_set.pages
    }


def render_pages(
    sets: Sequence[PageSet],
    ready: Sequence[tuple[str, str, Convert]],
    timings: dict[str, dict[str, Timing]],
) -> str:
    rows = []
    for page_set in sets:
        found = timings.get(page_set.name)
        if not found:
            continue
        base = found.get(PAGE_BASELINE)
        count = len(page_set.pages)
        for name, label, _ in ready:
            t = found[name]
            rows.append(
                [
                    page_set.name,
                    label,
                    str(count),
                    f"{page_set.mb:.1f}",
                    f"{t.cpu_median / count * 1000:.1f}",
                    f"{t.median / count * 1000:.1f}",
                    ratio(t.cpu_median, base.cpu_median if base else 0),
                    ratio(t.median, base.median if base else 0),
                    f"{t.spread * 100:.0f}%",
                    str(t.failures),
                ]
            )
    headers = ["set", "extractor", "pages", "MB", "CPU ms/page", "wall ms/page", "CPU ÷ traf"]
    headers += ["wall ÷ traf", "spread", "failed"]
    skipped = ", ".join(f"{s.name} {s.skipped}" for s in sets if s.skipped)
    note = f"\n\nPages the CLI would refuse (skipped): {skipped}" if skipped else ""
    return table(headers, rows, right=2) + note
