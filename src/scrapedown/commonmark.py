"""The markdown-it-py set-ups, in one place: which flavour of CommonMark each reader uses.

Every part of scrapedown that reads Markdown reads it as CommonMark with GFM tables (and, where
the result is rendered, strikethrough), so a post means the same thing to the classifier, the
converter's checks, the safety net and the URL stage.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.normalize import NEWLINES_RE


def _normalize(state: StateCore) -> None:
    """markdown-it's `normalize` (CR LF and CR as LF, NUL as U+FFFD) without its work on a
    text that holds neither: its substitution rewrote every LF as LF, a copy of the whole text
    with one replacement per line (1% of `clean`)."""
    text = state.src
    if "\r" in text:
        text = NEWLINES_RE.sub("\n", text)
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    state.src = text


def _quick(parser: MarkdownIt) -> MarkdownIt:
    parser.core.ruler.at("normalize", _normalize)
    return parser


@lru_cache(maxsize=1)
def block_parser() -> MarkdownIt:
    """Block structure only (the body classifier): inline parsing is switched off."""
    parser = _quick(MarkdownIt("commonmark"))
    parser.core.ruler.disable(["inline", "text_join"])  # block structure is all we need
    return parser


# The CommonMark preset renders at most 20 nested containers and drops what is deeper (the
# safety net would count a blockquote 21 levels down as lost); the converter nests up to
# `Options.max_depth` (100 by default), and renderers such as cmark have no limit.
MAX_NESTING = 160


@lru_cache(maxsize=1)
def html_renderer() -> MarkdownIt:
    """Markdown with raw HTML to HTML, as a reader's renderer shows it (classifier, safety net)."""
    options = {"html": True, "maxNesting": MAX_NESTING}
    return _quick(MarkdownIt("commonmark", options).enable("table").enable("strikethrough"))


@lru_cache(maxsize=1)
def escapes_renderer() -> MarkdownIt:
    """`html_renderer` with each backslash escape left as its own `text_special` token (no
    `text_join`), so that the classifier can carry an escape into the HTML it converts, and
    link destinations as written."""
    options = {"html": True, "maxNesting": MAX_NESTING}
    parser = _quick(MarkdownIt("commonmark", options).enable("table").enable("strikethrough"))
    parser.core.ruler.disable(["text_join"])
    # Destinations as written (backslash escapes and entities decoded): percent-encoding them
    # (`中文` -> `%E4%B8%AD…`, `]` -> `%5D`) changed every link of a paragraph converted on
    # each pass. The converter writes them back safe; `validateLink` still runs.
    parser.normalizeLink = _as_written  # type: ignore[method-assign]
    return parser


def _as_written(url: str) -> str:
    return url


@lru_cache(maxsize=1)
def text_renderer() -> MarkdownIt:
    """Markdown to HTML with raw HTML left as text (the converter's check of what it wrote)."""
    return _quick(MarkdownIt("commonmark").enable("table").enable("strikethrough"))


def new_html_parser() -> MarkdownIt:
    """A fresh CommonMark parser with raw HTML, tables and strikethrough (the default nesting
    limit), for a caller that adds rules of its own (the safety net's link tracking)."""
    return _quick(MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]))


def new_table_parser() -> MarkdownIt:
    """A fresh CommonMark + tables parser, for a caller that adds rules of its own (not shared)."""
    return _quick(MarkdownIt("commonmark").enable("table"))
