"""The converters under test, each behind a factory that imports its library on demand.

Imports are lazy so that a memory probe (a fresh process per converter) loads only the library it
measures, and so that a missing peer skips its row instead of stopping the benchmark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

Convert = Callable[[str], str]

BODIES = "HTML bodies"
POSTS = "whole posts"
BASELINE = "markdownify"  # every time ratio is this converter's time over the baseline's


@dataclass(frozen=True)
class Spec:
    """How to build one converter, and what it is fed."""

    name: str
    distribution: str
    """The PyPI name, for the version shown in tables and in the skip note."""
    setup: str
    """The configuration, as shown in tables."""
    feeds: str
    """`BODIES` or `POSTS`."""
    factory: Callable[[], Convert]


@dataclass(frozen=True)
class Converter:
    name: str
    label: str
    feeds: str
    convert: Convert


def _clean_html() -> Convert:
    from scrapedown import clean_html

    return clean_html


def _clean() -> Convert:
    from scrapedown import clean

    return clean


def _clean_page() -> Convert:
    from scrapedown import clean_page

    return clean_page


def _markdownify() -> Convert:
    from markdownify import MarkdownConverter

    # One converter reused: its options are fixed, and markdownify() itself builds one per call,
    # which costs next to nothing either way.
    converter = MarkdownConverter(heading_style="ATX", bs4_options="lxml")
    return converter.convert


def _html2text() -> Convert:
    from html2text import HTML2Text

    def convert(html: str) -> str:
        # HTML2Text is a stateful HTMLParser: one instance per document, as html2text.html2text().
        parser = HTML2Text()
        parser.body_width = 0
        return parser.handle(html)

    return convert


def _html_to_markdown() -> Convert:
    from html_to_markdown import convert as rust_convert

    def convert(html: str) -> str:
        # 3.x returns a ConversionResult; `.content` is the Markdown (default options).
        result = rust_convert(html)
        return str(getattr(result, "content", result))

    return convert


SPECS: tuple[Spec, ...] = (
    Spec("clean_html", "scrapedown", "defaults", BODIES, _clean_html),
    Spec("clean", "scrapedown", "defaults", POSTS, _clean),
    Spec(BASELINE, "markdownify", 'ATX, bs4_options="lxml"', BODIES, _markdownify),
    Spec("html2text", "html2text", "body_width=0", BODIES, _html2text),
    Spec("html-to-markdown", "html-to-markdown", "convert(), defaults", BODIES, _html_to_markdown),
)
# Probed in a fresh process (the big-page row) but not part of the speed table: its input is a
# whole page, not a body.
PROBE_ONLY: tuple[Spec, ...] = (
    Spec("clean_page", "scrapedown", "defaults", "whole page", _clean_page),
)
SPEC_BY_NAME = {spec.name: spec for spec in (*SPECS, *PROBE_ONLY)}


def build(spec: Spec) -> Converter:
    """The ready converter; `ImportError` when its library is not installed."""
    label = f"{_qualified(spec)} ({spec.setup})"
    return Converter(spec.name, label, spec.feeds, spec.factory())


def available() -> tuple[list[Converter], list[str]]:
    """Every converter that can be built, and a note for each one that cannot."""
    converters: list[Converter] = []
    notes: list[str] = []
    for spec in SPECS:
        try:
            converters.append(build(spec))
        except ImportError as error:
            notes.append(
                f"{spec.name} skipped: {error} (pip install -e '.[bench]' installs the peers)"
            )
    return converters, notes


def package_version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "?"


def _qualified(spec: Spec) -> str:
    base = spec.name if spec.distribution == spec.name else f"{spec.distribution}.{spec.name}"
    return f"{base} {package_version(spec.distribution)}"
