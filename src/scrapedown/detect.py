"""Stage 2: split a body into Markdown text (kept) and HTML regions (converted).

HTML blocks are found with markdown-it-py. CommonMark ends an HTML block at a blank line, so a
scraped `<div>` holding blank lines arrives as several blocks with Markdown paragraphs between
them; blocks are therefore grouped into balanced regions (an element opened in one block and
closed in a later one makes one region, lines between included, converted as one HTML
document). A Markdown paragraph that carries presentational inline HTML is rendered to HTML by
markdown-it and converted like the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from scrapedown import commonmark


@dataclass(frozen=True)
class Segment:
    """A run of body lines: Markdown kept verbatim, or HTML to convert."""

    is_html: bool
    text: str


# Elements whose end tag is optional or absent never hold a region open: an unclosed <p> would
# otherwise swallow the rest of the document.
_NO_BALANCE = frozenset(
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option",
        "colgroup", "caption", "rt", "rp", "area", "base", "br", "col", "embed", "hr", "img",
        "input", "link", "meta", "param", "source", "track", "wbr", "html", "head", "body",
    }
)  # fmt: skip
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*?)?(/?)>")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_WHOLE_DOCUMENT = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html[\s>])", re.IGNORECASE
)
_COMMENT_ONLY = re.compile(r"\A\s*(?:<!--.*?-->\s*)+\Z", re.DOTALL)
# Inline HTML in a Markdown paragraph that makes the paragraph worth converting: presentational
# wrappers and tags that have a Markdown equivalent. <br>, <sup>, <kbd>… alone are left alone.
_JUNK_INLINE = re.compile(
    r"<(?:span|font|img|a|b|strong|i|em|center|div|p|u|del|s|strike|code|section|small|big"
    r"|o:p)[\s>/]|<[A-Za-z][^<>]*\s(?:style|class|referrerpolicy)\s*=",
    re.IGNORECASE,
)
_BLOCK_OPEN = frozenset(
    {
        "paragraph_open", "heading_open", "blockquote_open", "bullet_list_open",
        "ordered_list_open", "table_open", "html_block", "fence", "code_block", "hr",
    }
)  # fmt: skip


# Markdown blocks whose inline HTML is converted too (rendered by markdown-it first).
_WITH_INLINE = frozenset(
    {"paragraph_open", "heading_open", "bullet_list_open", "ordered_list_open", "blockquote_open"}
)


_block_parser = commonmark.block_parser
_renderer = commonmark.html_renderer


def split_segments(body: str) -> list[Segment]:
    """The body as Markdown and HTML segments, in order; joining them loses nothing."""
    if _WHOLE_DOCUMENT.match(body):
        return [Segment(True, body)]  # a whole page: its indented lines are not code blocks
    lines = body.split("\n")
    blocks = _top_level_blocks(body)
    segments: list[Segment] = []
    cursor = 0
    index = 0
    while index < len(blocks):
        token = blocks[index]
        if not _starts_html(token, lines):
            index += 1
            continue
        start = _map(token)[0]
        following = _region_end(blocks, index, lines)
        if start > cursor:
            segments.append(Segment(False, "\n".join(lines[cursor:start])))
        segments.append(Segment(True, _region_html(blocks[index:following], lines)))
        cursor = _map(blocks[following - 1])[1]
        index = following
    if cursor < len(lines):
        segments.append(Segment(False, "\n".join(lines[cursor:])))
    return segments


def _top_level_blocks(body: str) -> list[Token]:
    tokens = _block_parser().parse(body)
    return [t for t in tokens if t.level == 0 and t.map is not None and t.type in _BLOCK_OPEN]


def _map(token: Token) -> tuple[int, int]:
    assert token.map is not None  # guaranteed by _top_level_blocks
    return token.map[0], token.map[1]


def _source(token: Token, lines: list[str]) -> str:
    start, end = _map(token)
    return "\n".join(lines[start:end])


def _starts_html(token: Token, lines: list[str]) -> bool:
    if token.type == "html_block":
        # A lone comment (Hexo's `<!-- more -->`) is a marker the author wants, not junk.
        return not _COMMENT_ONLY.match(token.content)
    if token.type not in _WITH_INLINE:
        return False
    source = _source(token, lines)
    return bool(_JUNK_INLINE.search(source)) and _has_junk_inline_html(source)


def _has_junk_inline_html(source: str) -> bool:
    """Whether real inline HTML (not text in a code span or a link title) is junk."""
    for block in _renderer().parse(source):
        for child in block.children or ():
            if child.type == "html_inline" and _JUNK_INLINE.search(child.content + " "):
                return True
    return False


def _region_end(blocks: list[Token], index: int, lines: list[str]) -> int:
    """Index of the first block after the region that starts at `blocks[index]`."""
    open_tags: dict[str, int] = {}
    while index < len(blocks):
        token = blocks[index]
        _count_tags(_source(token, lines), open_tags)
        index += 1
        if not any(open_tags.values()):
            break
    return index


def _count_tags(html: str, open_tags: dict[str, int]) -> None:
    for closing, name, self_closing in _TAG.findall(_COMMENT.sub("", html)):
        name = name.lower()
        if name in _NO_BALANCE or self_closing:
            continue
        count = open_tags.get(name, 0) + (-1 if closing else 1)
        open_tags[name] = max(count, 0)


def _region_html(region: list[Token], lines: list[str]) -> str:
    """The HTML of a region: its lines as they are (scraped markup between blank lines is HTML,
    not Markdown), except a lone Markdown paragraph carrying inline HTML, which is rendered."""
    if len(region) == 1 and region[0].type in _WITH_INLINE:
        rendered: str = _renderer().render(_source(region[0], lines))
        return rendered
    start, end = _map(region[0])[0], _map(region[-1])[1]
    return "\n".join(lines[start:end])
