"""Stage 2: split a body into Markdown text (kept) and HTML regions (converted).

Blocks are found with markdown-it-py. A block is HTML when it is an `html_block` that is not
just comments, or a Markdown block whose raw inline HTML is not all on the allowlist of
`inline_html.py` (or that starts or ends with a `<br>`); such a Markdown block is rendered to
HTML by markdown-it and converted like the rest.

CommonMark ends an HTML block at a blank line, so a scraped `<div>` holding blank lines arrives
as several blocks with Markdown paragraphs between them. An element opened in one block and
closed in a later one therefore joins the blocks from its start to its end tag (lines between
included) into one region, converted as one HTML document. Only real HTML counts (html_block
content and html_inline tokens, never text in code spans, code blocks or after a backslash),
and an element never closed joins nothing: it cannot swallow the rest of the post.

Hexo/Hugo/Jekyll's excerpt marker (`<!-- more -->`, `<!--more-->`) found in HTML is cut out of
it as a Markdown segment of its own, so that conversion (which drops comments) keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it.token import Token

from scrapedown import commonmark
from scrapedown.convert.escape import drop_escape_marks, keep_escape
from scrapedown.parse.html_tokens import COMMENT, TagScanner, comments_only
from scrapedown.parse.inline_html import allowed_block_html, allowed_inline_html, inline_tag_name
from scrapedown.tags import UNBALANCED_TAGS  # an unclosed <p> must not swallow the document


@dataclass(frozen=True)
class Segment:
    """A run of body lines: Markdown kept verbatim, or HTML to convert."""

    is_html: bool
    text: str


# Matched once at the start of the body; every quantifier possessive (linear).
_WHOLE_DOCUMENT = re.compile(
    r"\A[\t\n\f\r ]*+(?:<\?xml[^>]*+>[\t\n\f\r ]*+)?+<(?:!doctype[\t\n\f\r ]++html|html[\s>])",
    re.IGNORECASE,
)
# The excerpt marker, matched on one complete comment at a time.
_MORE = re.compile(r"<!--[ \t]*+more[ \t]*+-->", re.IGNORECASE)
_BLOCK_OPEN = frozenset(
    {
        "paragraph_open", "heading_open", "blockquote_open", "bullet_list_open",
        "ordered_list_open", "table_open", "html_block", "fence", "code_block", "hr",
    }
)  # fmt: skip
# Markdown blocks whose raw HTML is looked at (and converted, rendered by markdown-it first).
_WITH_INLINE = frozenset(
    {"paragraph_open", "heading_open", "bullet_list_open", "ordered_list_open", "blockquote_open"}
)
_BLANK_INLINE = frozenset({"softbreak", "hardbreak"})
# Zero-width characters, which the punctuation stage deletes from Markdown text: text of
# nothing else and spaces beside an edge `<br>` is blank (`a<br> \u200b` ends with a break once
# they are gone, and the next pass reads it so).
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u2060\ufeff"))
# Blocks that are HTML, not Markdown, when an element of an earlier block is still open.
_LAYOUT = frozenset({"code_block", "html_block"})


@dataclass(frozen=True)
class _Block:
    """A top-level block: its lines, whether it is HTML, and the real HTML it holds."""

    start: int
    end: int
    kind: str  # the token type
    is_html: bool
    html: str  # its raw HTML only (html_block content, html_inline tokens), not code or text


_block_parser = commonmark.block_parser
_renderer = commonmark.html_renderer


def split_segments(body: str) -> list[Segment]:
    """The body as Markdown and HTML segments, in order."""
    if _WHOLE_DOCUMENT.match(body):
        return _cut_markers(body)  # a whole page: its indented lines are not code blocks
    lines = body.split("\n")
    tokens = _block_parser().parse(body)
    blocks = [_classify(t, lines) for t in tokens if t.level == 0 and t.type in _BLOCK_OPEN]
    segments: list[Segment] = []
    cursor = 0
    for first, last in _regions(blocks, lines):
        start, end = blocks[first].start, blocks[last].end
        if start > cursor:
            segments.append(Segment(False, "\n".join(lines[cursor:start])))
        if first == last and blocks[first].kind in _WITH_INLINE:
            html = _render("\n".join(lines[start:end]))
        else:
            html = drop_escape_marks(_region_html(blocks[first : last + 1], lines))
        segments.extend(_cut_markers(html))
        cursor = end
    if cursor < len(lines):
        segments.append(Segment(False, "\n".join(lines[cursor:])))
    return segments


def _render(markdown: str) -> str:
    """A Markdown block as HTML, without the `<br>`s at the edges of its inline content, and
    with its escaped `*`/`_` as stand-ins that the converter writes escaped again (a paragraph
    that is converted on every pass keeps the escapes the last pass wrote: idempotent)."""
    renderer = commonmark.escapes_renderer()
    tokens = renderer.parse(drop_escape_marks(markdown))
    for previous, token in zip([None, *tokens], tokens, strict=False):
        if token.children and _breaks_are_layout(previous):
            token.children = _without_edge_breaks(token.children)
        _keep_escapes(token.children or [], mark=True)
    html: str = renderer.renderer.render(tokens, renderer.options, {})
    return html


def _keep_escapes(children: list[Token], *, mark: bool) -> None:
    """Escapes as text (what `text_join` would do), the kept ones marked when `mark` (not in
    an image's alt text, which is plain)."""
    for child in children:
        if child.type == "text_special":
            child.type = "text"
            if mark and child.info == "escape":
                child.content = keep_escape(child.content) or child.content
        elif child.children:
            _keep_escapes(child.children, mark=False)


def _region_html(region: list[_Block], lines: list[str]) -> str:
    """The HTML of a region of several blocks: its lines as they are (scraped markup between
    blank lines is HTML, not Markdown), except fenced code, which is rendered."""
    parts: list[str] = []
    cursor = region[0].start
    for block in region:
        if block.kind == "fence":
            parts.append("\n".join(lines[cursor : block.start]))
            parts.append(_renderer().render("\n".join(lines[block.start : block.end])))
            cursor = block.end
    parts.append("\n".join(lines[cursor : region[-1].end]))
    return "\n".join(parts)


def _classify(token: Token, lines: list[str]) -> _Block:
    assert token.map is not None  # every block token has its lines
    start, end = token.map
    if token.type == "html_block":
        return _Block(start, end, token.type, not comments_only(token.content), token.content)
    source = "\n".join(lines[start:end])
    if token.type not in _WITH_INLINE or "<" not in source:
        return _Block(start, end, token.type, False, "")
    is_html = False
    pieces: list[str] = []
    inner_tokens = _renderer().parse(source)
    for previous, inner in zip([None, *inner_tokens], inner_tokens, strict=False):
        if inner.type == "html_block":  # in a list item or a quote
            is_html = is_html or not allowed_block_html(inner.content)
            pieces.append(inner.content)
        elif inner.children:
            is_html = _inline_is_html(inner.children, pieces) or is_html
            is_html = is_html or (_breaks_are_layout(previous) and _has_edge_break(inner.children))
    return _Block(start, end, token.type, is_html, " ".join(pieces))


def _inline_is_html(children: list[Token], pieces: list[str]) -> bool:
    """Whether inline content holds raw HTML off the allowlist; collects its raw HTML."""
    is_html = False
    for child in children:
        if child.type == "html_inline":
            is_html = is_html or not allowed_inline_html(child.content)
            pieces.append(child.content)
    return is_html


def _breaks_are_layout(opening: Token | None) -> bool:
    """Whether `<br>`s at the edges of the inline content after `opening` are layout: in a
    paragraph or heading, yes; in a table cell they are how a line break is written."""
    return opening is not None and opening.type in ("paragraph_open", "heading_open")


def _has_edge_break(children: list[Token]) -> bool:
    """A `<br>` at the start or end of inline content (a layout leftover, not a break)."""
    return _edge_break_count(children) > 0 or _edge_break_count(children[::-1]) > 0


def _edge_break_count(children: list[Token]) -> int:
    """How many children at the start of `children` are `<br>`s and blank text around them."""
    count = breaks = 0
    for child in children:
        if child.type in _BLANK_INLINE or (
            child.type == "text" and not child.content.translate(_ZERO_WIDTH).strip()
        ):
            count += 1
        elif child.type == "html_inline" and inline_tag_name(child.content) == "br":
            count += 1
            breaks = count
        else:
            break
    return breaks


def _without_edge_breaks(children: list[Token]) -> list[Token]:
    head = _edge_break_count(children)
    tail = _edge_break_count(children[::-1])
    return children[head : len(children) - tail] if head + tail < len(children) else []


def _regions(blocks: list[_Block], lines: list[str]) -> Iterator[tuple[int, int]]:
    """(first, last) block index of each HTML region, in order."""
    reach, inside_html = _reach(blocks, lines)
    index = 0
    after_html = False
    while index < len(blocks):
        last = reach[index]
        following = index + 1
        while following <= last:  # blocks inside the region may reach further
            last = max(last, reach[following])
            following += 1
        block = blocks[index]
        # A lone comment right after HTML is the markup's (scraped pages are full of them).
        comment = after_html and block.kind == "html_block"
        after_html = last > index or block.is_html or inside_html[index] or comment
        if after_html:
            yield index, last
        index = last + 1


def _reach(blocks: list[_Block], lines: list[str]) -> tuple[list[int], list[bool]]:
    """For each block, the last block holding the end of an element (or comment) it opens
    (itself when none), start and end tags matched per name, innermost first; and whether
    it is HTML layout inside an open element.

    A block's own raw HTML is read, except inside a `<script>`/comment left open (all of it
    is raw text then) and for an indented code block while an element is open: scraped HTML
    is indented for layout, and those lines are the element's content (HTML), not code.
    Likewise a lone comment inside an open element is the markup's, not the author's note.
    """
    reach = list(range(len(blocks)))
    inside_html = [False] * len(blocks)
    open_at: dict[str, list[int]] = {}
    unclosed = 0
    scanner = TagScanner()
    for index, block in enumerate(blocks):
        inside_html[index] = unclosed > 0 and block.kind in _LAYOUT
        raw = scanner.inside is not None or (inside_html[index] and block.kind == "code_block")
        piece = "\n".join(lines[block.start : block.end]) if raw else block.html
        for name, closing in scanner.element_tags(piece):
            if name in UNBALANCED_TAGS:
                continue
            stack = open_at.setdefault(name, [])
            if not closing:
                stack.append(index)
                unclosed += 1
            elif stack:
                opened = stack.pop()
                unclosed -= 1
                reach[opened] = max(reach[opened], index)
    return reach, inside_html


def _cut_markers(html: str) -> list[Segment]:
    """An HTML segment with each excerpt marker in it cut out as a Markdown segment. Inline
    elements open at a marker (`<a href=u><!--more-->1`) open again after it, as written."""
    if _MORE.search(html) is None:  # the usual case: no marker, no scan (nor a lower-case copy)
        return [Segment(True, html)] if html.strip() else []
    segments: list[Segment] = []
    cursor = 0
    reopened = ""
    inline: list[tuple[str, str]] = []  # (name, start tag as written) of the open ones
    for tag in TagScanner().scan(html):
        if tag.name == COMMENT and tag.self_closing and _MORE.fullmatch(html, tag.start, tag.end):
            segments.append(Segment(True, reopened + html[cursor : tag.start]))
            segments.append(Segment(False, html[tag.start : tag.end]))
            cursor = tag.end
            reopened = "".join(raw for _, raw in inline)
        elif tag.name in _REOPENED and not tag.self_closing:
            _track_inline(inline, tag.name, tag.closing, html[tag.start : tag.end])
    segments.append(Segment(True, reopened + html[cursor:]))
    return [s for s in segments if not s.is_html or s.text.strip()]


_REOPENED = frozenset(
    {"a", "b", "strong", "i", "em", "s", "del", "strike", "u", "code", "span", "font", "mark"}
)


def _track_inline(inline: list[tuple[str, str]], name: str, closing: bool, raw: str) -> None:
    """Keep `inline` the stack of open inline elements: an end tag closes the innermost one
    of its name (and what it holds), a start tag opens one."""
    if not closing:
        inline.append((name, raw))
        return
    for index in range(len(inline) - 1, -1, -1):
        if inline[index][0] == name:
            del inline[index:]
            return
