"""Text-level helpers of the converter's walk: which whitespace is layout, how converted
children join (and what keeps two lists apart), where a Markdown line starts, the verbatim
text of a <pre>."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import Any

from bs4.element import Comment, NavigableString, Tag

from scrapedown.parse.soup import is_blank_text
from scrapedown.tags import BLOCK_TAGS, HEADINGS, TRIM_INSIDE, TRIM_OUTSIDE, VERBATIM

# Elements that end a run of inline text: a space after them is not collapsed with one before.
_ENDS_TEXT_RUN = BLOCK_TAGS | {"br", "img", "hr", "input", "video", "audio", "iframe"}

# Two lists of one kind with only a blank line between them are ONE loose list in CommonMark
# (`- a` / blank / `- b`; `8.` / blank / `9.` even continues the numbering). An empty HTML
# comment between them ends the first list and shows nothing (docs/conventions.md#blocks).
# We prefer it to the other CommonMark way, switching the marker (`*`, `9)`): that breaks the
# `-` / `1.` conventions, and `)` lists are plain text in kramdown (Jekyll) and Python-Markdown.
# Idempotent: on a second pass a lone comment block stays Markdown (parse/detect.py), untouched.
LIST_SEPARATOR = "\n\n<!-- -->\n\n"
# Inside a list item adjacent lists are joined by one newline into one tight nested list; a
# separator there would make the whole outer list loose. In code, headings and cells lists
# are not Markdown lists at all.
_NO_LIST_SEPARATOR = frozenset({"li", "pre", "_inline", "_noformat"})


def trims_inside(node: object) -> bool:
    return isinstance(node, Tag) and node.name in TRIM_INSIDE


def trims_outside(node: object) -> bool:
    return isinstance(node, Tag) and node.name in TRIM_OUTSIDE


def separates_adjacent_lists(context: AbstractSet[str]) -> bool:
    """Whether two adjacent lists of one kind under `context` need `LIST_SEPARATOR`."""
    return context.isdisjoint(_NO_LIST_SEPARATOR)


def chomp(text: str) -> tuple[str, str, str]:
    """(leading space, text without edge spaces, trailing space): markup goes inside."""
    prefix = " " if text[:1] == " " else ""
    suffix = " " if text[-1:] == " " else ""
    return prefix, suffix, text.strip()


def ignorable_space(node: NavigableString, index: int, last: int, trim_inside: bool) -> bool:
    """Whitespace-only text that is layout: at the edge of a block, or next to one."""
    if trim_inside and (index == 0 or index == last):
        return True
    return trims_outside(node.previous_sibling) or trims_outside(node.next_sibling)


def _split_newlines(text: str) -> tuple[str, str, str]:
    body = text.lstrip("\n")
    if not body:
        return text, "", ""
    content = body.rstrip("\n")
    return text[: len(text) - len(body)], content, body[len(content) :]


def join_blocks(parts: list[str]) -> str:
    """Join converted children; the newlines between two blocks collapse to at most one blank
    line (the larger of the two sides wins)."""
    if not any(part[:1] == "\n" for part in parts[1:]):
        return "".join(parts)  # nothing to collapse: the usual case inside a paragraph
    joined = [""]
    for part in parts:
        leading, content, trailing = _split_newlines(part)
        if joined[-1] and leading:
            previous = joined.pop()
            leading = "\n" * min(2, max(len(previous), len(leading)))
        joined.extend((leading, content, trailing))
    return "".join(joined)


def at_line_start(node: NavigableString) -> bool:
    """Whether the Markdown for `node` starts a line (a block start or right after <br>)."""
    current: Any = node
    for _ in range(64):
        previous = current.previous_sibling
        while previous is not None and (is_blank_text(previous) or _writes_nothing(previous)):
            previous = previous.previous_sibling
        if previous is not None:
            return isinstance(previous, Tag) and (
                previous.name == "br" or previous.name in BLOCK_TAGS or _ends_with_block(previous)
            )
        parent = current.parent
        if parent is None or parent.name in BLOCK_TAGS or parent.name == "[document]":
            return parent is None or parent.name not in HEADINGS
        if parent.name == "q":
            return False  # written after the quotation mark the converter puts first
        current = parent
    return False


# Empty elements that still write something (a break, an image, a rule …).
_WRITES_WHEN_EMPTY = frozenset({"br", "img", "hr", "input", "td", "th", "li", "p", "pre"})


def writes_nothing(node: object) -> bool:
    """An empty element that writes nothing, or a comment."""
    return _writes_nothing(node) or isinstance(node, Comment)


def _writes_nothing(node: object) -> bool:
    """An empty element that writes nothing (`<g/>`, `<b></b>`): text after it still starts
    the line (`<g/><r>1.` is escaped, not a list item)."""
    return isinstance(node, Tag) and not node.contents and node.name not in _WRITES_WHEN_EMPTY


def _ends_with_block(tag: Tag) -> bool:
    """Whether an inline element's Markdown ends with a block (`<x><p>d</p></x>`, as libxml2
    leaves an unknown element around a block) or a line break: what follows it starts a line.
    (At most 64 levels down: a bounded walk per text node.)"""
    node: Any = tag
    for _ in range(64):
        if node.name in VERBATIM:
            return False
        last = next((c for c in reversed(node.contents) if not is_blank_text(c)), None)
        if not isinstance(last, Tag):
            return False
        if last.name in BLOCK_TAGS:
            return True
        if last.name == "br":
            return bool(node.name != "a")  # a link drops a break at its edge (`_EDGE_BREAKS`)
        node = last
    return False


def pre_text(pre: Tag) -> str:
    """The verbatim text of a <pre>, with <br> as newlines and each block inside it (code
    written one `<div>` per line) starting a line of its own, as a browser shows it."""
    parts: list[str] = []
    line_has_text = False  # the current line holds more than indentation
    for node in pre.descendants:
        if isinstance(node, NavigableString):
            text = str(node)
            if line_has_text and _after_block(node) and not text.lstrip(" \t").startswith("\n"):
                parts.append("\n")
            parts.append(text)
            last_line = text.rpartition("\n")
            line_has_text = bool(last_line[2].strip()) or (not last_line[1] and line_has_text)
        elif isinstance(node, Tag) and (node.name == "br" or node.name in _LINES_IN_PRE):
            if node.name == "br" or line_has_text:
                parts.append("\n")
            line_has_text = False
    return "".join(parts).replace("\r\n", "\n")


# Blocks that start a line of their own inside a <pre>; table cells sit side by side.
_LINES_IN_PRE = BLOCK_TAGS - {"td", "th"}


def _after_block(node: NavigableString) -> bool:
    previous = node.previous_sibling
    return isinstance(previous, Tag) and previous.name in _LINES_IN_PRE


def beside_item(el: Tag, direction: str) -> bool:
    """Whether the nearest sibling in `direction`, blank text skipped, is a list item."""
    sibling = getattr(el, direction)
    while isinstance(sibling, NavigableString) and not sibling.strip():
        sibling = getattr(sibling, direction)
    return isinstance(sibling, Tag) and sibling.name == "li"


def follows_space(text: NavigableString) -> bool:
    """Whether the text before `text` in its line ends with a space that collapses with a
    space `text` starts with: inline tags between are looked through (not code's text)."""
    node = text.previous_element
    while isinstance(node, Tag) and node.name not in _ENDS_TEXT_RUN:
        node = node.previous_element
    if not isinstance(node, NavigableString) or type(node) is not NavigableString:
        return False
    parent = node.parent
    if node[-1:] not in (" ", "\t", "\n"):
        return False
    if parent is None or parent.name not in VERBATIM:
        return True
    # inline code moves a space at its end out of its backticks (`<code>v </code>` is "`v` ")
    return parent.name in _INLINE_CODE and not any(p.name == "pre" for p in parent.parents)


_INLINE_CODE = frozenset({"code", "kbd", "samp"})


# A character reference as CommonMark reads one (a superset: names are not looked up), the
# characters one is made of, and a `&` that `escape_text` escaped at a node's end.
# (Each starts a run only (lookbehind): a search is linear, not tried from inside a run.)
_REFERENCE = re.compile(r"(?<![#A-Za-z0-9])#?[A-Za-z0-9]++;")
_IN_REFERENCE = re.compile(r"(?<![#A-Za-z0-9])#?[A-Za-z0-9]*+")
_ESCAPED_AT_END = re.compile(r"\\&(?=#?[A-Za-z0-9]*+\Z)")


def bare_entity_start(text: str, node: NavigableString) -> str:
    """`text`, the escaped `node`, with the `&` escaped at its end (`&`, `&#`, `&co`: the
    next node may complete a character reference) bare again when what follows does not."""
    if "\\&" not in text:
        return text
    escaped = _ESCAPED_AT_END.search(text)
    if escaped is None or _continues_reference(node, text[escaped.end() :]):
        return text
    return text[: escaped.start()] + text[escaped.start() + 1 :]


def _continues_reference(text: NavigableString, head: str) -> bool:
    """Whether the text after `text` completes `&` + `head` (what follows the `&` ending
    `text`) into a character reference: `&` then `<g>#2;</g>` was written `&#2;`. Inline
    elements are looked through (their Markdown may break it: a harmless extra escape); a
    block, a break or an image ends the look, and so does a character that cannot be part
    of one. Bounded (64 nodes): past that, it may."""
    following = head
    node = text.next_element
    for _ in range(64):
        if node is None:
            return False
        if isinstance(node, Tag):
            if node.name in _ENDS_TEXT_RUN:
                return False
        elif type(node) is NavigableString:
            following += str(node)[:32]
            run = _IN_REFERENCE.match(following)
            if run is not None and run.end() < len(following):
                return _REFERENCE.match(following) is not None
        node = node.next_element
    return True
