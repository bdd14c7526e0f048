"""What a reader sees at the edges of an inline element, for the emphasis rule: the first or
last node inside it, and the character just before or after it (" " at a block edge, "!" for
markup written as Markdown syntax or an inline HTML token).
"""

from __future__ import annotations

from collections.abc import Iterable

from bs4.element import NavigableString, PageElement, Tag

from scrapedown.convert.escape import is_html_token, unmark_escapes
from scrapedown.convert.walk import writes_nothing
from scrapedown.tags import BLOCK_TAGS, HEADINGS

_SPACE = " "
_MARKUP = "!"  # stands for "markup punctuation" next to an element rendered as Markdown syntax
# Inline elements the converter writes as Markdown syntax or inline HTML tokens. Any other inline
# element (`<span>`, `<ruby>`, `<meter>`, `<g>`, custom elements) is written as its bare content:
# the delimiters meet what is inside it, so the edge tests look through it.
_WRITTEN_AS_SYNTAX = frozenset(
    {"a", "img", "code", "kbd", "samp", "b", "strong", "i", "em", "del", "s", "strike", "sub",
     "sup", "q", "br"}
)  # fmt: skip
_OPAQUE = _WRITTEN_AS_SYNTAX | BLOCK_TAGS


def edge_node(nodes: Iterable[PageElement], *, last: bool) -> PageElement | None:
    """The first (or last) node of `nodes` a reader meets: empty text and comments skipped,
    elements written as their bare content looked through (None when nothing is there)."""
    for node in reversed(list(nodes)) if last else nodes:
        if isinstance(node, Tag) and node.name not in _OPAQUE:
            inner = edge_node(node.contents, last=last)
            if inner is not None:
                return inner
        elif writes_nothing(node):
            continue  # an empty link or bold (its image without a source gone) writes nothing
        elif isinstance(node, Tag) or (type(node) is NavigableString and node):
            return node
    return None


def char_before(tag: Tag) -> str:
    """The character a reader sees just before `tag` (" " at a block edge, "!" for markup)."""
    return _char_beside(tag, "previous_sibling", last=True)


def char_after(tag: Tag) -> str:
    """The character a reader sees just after `tag` (" " at a block edge, "!" for markup)."""
    return _char_beside(tag, "next_sibling", last=False)


def _char_beside(tag: Tag, direction: str, *, last: bool) -> str:
    node = tag
    while True:
        sibling = getattr(node, direction)
        while sibling is not None:
            edge = edge_node((sibling,), last=last)
            if edge is not None:
                return _edge_char(edge, last=last)
            sibling = getattr(sibling, direction)
        parent = node.parent
        if not isinstance(parent, Tag) or parent.name in BLOCK_TAGS or parent.name in HEADINGS:
            return _SPACE
        node = parent


def _edge_char(node: object, *, last: bool) -> str:
    if isinstance(node, Tag):
        return _SPACE if node.name in BLOCK_TAGS or node.name == "br" else _MARKUP
    text = str(node)
    if is_html_token(text):
        return _MARKUP
    return unmark_escapes(text[-1] if last else text[0])  # a kept escape: its character
