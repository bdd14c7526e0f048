"""Stages 3–6 for the HTML of a body: parse once with lxml, structural rules, the
BeautifulSoup tree markdownify converts, element rules, conversion, layout.

Imported only when a body holds HTML, so that cleaning a Markdown post (the pre-commit hook's
usual call) never loads lxml, BeautifulSoup or markdownify.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from scrapedown.convert.converter import Converter
from scrapedown.convert.escape import unmark_escapes
from scrapedown.convert.whitespace import tidy_markdown
from scrapedown.errors import ScrapedownError
from scrapedown.memory import trim_heap
from scrapedown.options import Options
from scrapedown.parse.chunks import convert_in_parts
from scrapedown.parse.closed import written_closed
from scrapedown.parse.soup import root_of
from scrapedown.parse.tree import Element, inner_html, parse_tree, unwrap
from scrapedown.rules import apply_soup_rules, apply_tree_rules
from scrapedown.safety import XML_INVALID, has_invalid_chars


def html_to_markdown(html: str, options: Options) -> str:
    """Stages 3–6 for one HTML region: parse, clean, convert, tidy."""
    chars = len(html)
    tree = parse_tree(xml_compatible(html), options.max_depth)
    del html  # a caller that passes a temporary (`convert_regions`) frees it here
    if tree is None:
        return ""
    try:
        _unwrap_stray_rows(tree)  # before the rules, so its blocks are cleaned like any other
        apply_tree_rules(tree, options)
        # (a big body in parts, its lxml tree freed as they are built: see `parse.chunks`)
        markdown = convert_in_parts(tree, lambda soup: _soup_to_markdown(soup, chars, options))
    except RecursionError:
        raise ScrapedownError("HTML nests too deeply to convert") from None
    return tidy_markdown(unmark_escapes(markdown))


def _soup_to_markdown(soup: BeautifulSoup, chars: int, options: Options) -> str:
    """Stages 4c–6 on one BeautifulSoup tree (taken: freed before the caller goes on)."""
    trim_heap(chars)  # (what the lxml tree held, handed back: see `memory`)
    root = root_of(soup)
    apply_soup_rules(root, options)
    del soup  # (the caller's reference is gone: the tree is garbage once converted)
    return Converter(options).convert_tree(root)


def convert_regions(regions: list[str], options: Options) -> list[str]:
    """The Markdown of each HTML region of a post, converted in one pass. `regions` is
    emptied when it holds one region (a whole page's article): its text is freed once parsed.

    A scraped post can hold dozens of regions (HTML blocks between Markdown); converting them
    one by one pays the fixed cost of a tree and a converter each time. Each region is closed
    by its own lxml parse (unless it is written as that parse would write it: `parse.closed`,
    most regions), then all are joined with a marker paragraph between them, converted
    once and split again. Should the marker not come back once per boundary, each region is
    converted on its own.
    """
    if len(regions) == 1:
        return [html_to_markdown(regions.pop(), options)]
    if len(regions) < 2 or any(_REGION_BREAK in r or "<base" in r.lower() for r in regions):
        return [html_to_markdown(region, options) for region in regions]
    closed = [r if written_closed(r) else _closed(r, options.max_depth) for r in regions]
    joined = html_to_markdown(f"<p>{_REGION_BREAK}</p>".join(closed), options)
    parts = split_at_breaks(joined)
    if len(parts) != len(regions):
        return [html_to_markdown(region, options) for region in regions]
    return parts


def _closed(region: str, max_depth: int) -> str:
    """`region` parsed and written out again: every element it opens is closed."""
    tree = parse_tree(xml_compatible(region), max_depth)
    return inner_html(tree) if tree is not None else ""


_ROW_PARENTS = frozenset({"table", "thead", "tbody", "tfoot"})
_ROW_GROUPS = ("thead", "tbody", "tfoot")


def _unwrap_stray_rows(tree: Element) -> None:
    """A row that is not a row of its table (`<caption><div><tr>`, as libxml2 may leave it) is
    written as a plain block with its cells: the converter only knows rows of tables. A row
    group outside a table (`<tr><dl><dd><thead>`) goes (its content stays), as the next pass's
    parser drops it: before the rules, so that they shape its content as they will then."""
    for group in list(tree.iter(*_ROW_GROUPS)):
        parent = group.getparent()
        if parent is not None and parent.tag != "table":
            unwrap(group)
    for row in list(tree.iter("tr")):
        parent = row.getparent()
        if parent is not None and parent.tag not in _ROW_PARENTS:
            row.tag = "div"
            for cell in row:
                if cell.tag in ("td", "th"):
                    cell.tag = "div"


def xml_compatible(html: str) -> str:
    """`html` without the characters (raw or as character references) an XML tree cannot hold
    and lxml refuses: C0 controls but tab, newline and carriage return (a form feed, HTML
    whitespace, becomes a space), U+FFFE and U+FFFF. Browsers show none of them."""
    if "&#" in html and any(_changes(m) for m in _CHAR_REFERENCE.finditer(html)):
        html = _CHAR_REFERENCE.sub(_valid_reference, html)  # (only then: a copy of the whole)
    if not has_invalid_chars(html):
        return html
    return XML_INVALID.sub(_without_invalid, html)


def _without_invalid(match: re.Match[str]) -> str:
    """A run of invalid characters removed; after a `<` it leaves the `<` text (`<\vH` is no
    tag to the HTML tokenizer, and `<H` would be one) with a space, as a form feed does."""
    start = match.start()
    after_lt = start > 0 and match.string[start - 1] == "<"
    return " " if after_lt or "\f" in match.group() else ""


def _changes(match: re.Match[str]) -> bool:
    return _valid_reference(match) != match.group()


def _valid_reference(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    if code == 0x0C:
        return " "
    return "" if code < 0x110000 and XML_INVALID.match(chr(code)) else match.group()


# A numeric character reference (all its digits: a longer number is left to the parser).
_CHAR_REFERENCE = re.compile(
    r"&#(?:[xX]0*+([0-9A-Fa-f]{1,6})(?![0-9A-Fa-f])|0*+([0-9]{1,7})(?![0-9]));?"
)

# A private-use character, alone in a paragraph, marks where one region ends.
_REGION_BREAK = "\ue0ff"


def split_at_breaks(markdown: str) -> list[str]:
    """`markdown` cut at each line holding only `_REGION_BREAK`, the newlines around it
    dropped. (A pattern for that line starts with an optional run of newlines: the engine
    would try it at every position, 7% of `clean`; `str.find` jumps to each marker.)"""
    parts: list[str] = []
    start = 0
    found = markdown.find(_REGION_BREAK)
    while found >= 0:
        after = found + 1
        if (found == 0 or markdown[found - 1] == "\n") and markdown[after : after + 1] in (
            "",
            "\n",
        ):
            head = found
            while head > start and markdown[head - 1] == "\n":
                head -= 1
            parts.append(markdown[start:head])
            while markdown[after : after + 1] == "\n":
                after += 1
            start = after
        found = markdown.find(_REGION_BREAK, after)
    parts.append(markdown[start:])
    return parts
