"""How the converter writes a `<br>`: nothing at the edge of a block, a paragraph break for a
run of them that the next pass splits a paragraph at, a hard break (backslash) otherwise."""

from __future__ import annotations

from bs4.element import PageElement, Tag

from scrapedown.convert.walk import writes_nothing
from scrapedown.parse.soup import is_blank_text
from scrapedown.tags import BLOCK_TAGS, BLOCK_WRAPPERS, VERBATIM

# Elements written as Markdown syntax or inline HTML (what follows a backslash is punctuation).
SYNTAX = frozenset(
    {"a", "img", "code", "kbd", "samp", "b", "strong", "i", "em", "del", "s", "strike", "sub",
     "sup", "q", "br", "input", *BLOCK_TAGS}
)  # fmt: skip
_VERBATIM_INLINE = frozenset({"code", "kbd", "samp", "tt", "var"})
# Blocks whose loose `<br><br>` runs the `paragraphs` rule splits into paragraphs (and every
# Markdown paragraph, once the next pass has rendered it to a <p>). A list item's too: in a
# loose list the next pass reads its text as a <p> (`- a\\\n  \\\n  b` in a loose list
# was split on the next pass), so a run there is a paragraph break, whatever the list.
_SPLIT_AT_BREAKS = BLOCK_WRAPPERS | {"p", "li", "[document]"}


def break_markdown(br: Tag) -> str:
    """The Markdown of a `<br>` in running text (not in code, a cell or a heading)."""
    if _block_edge(br, "next_sibling") or _block_edge(br, "previous_sibling"):
        # A `<br>` before a block or at either end of one (`<li>a<br><ul>`, `<li><br>>`):
        # the line ends (or starts) there anyway, a backslash with nothing after it on its
        # line is a literal backslash, and the next pass, reading the item as a paragraph,
        # trims it.
        return ""
    if not _in_paragraph_text(br):
        return "\\\n"
    # A run of two or more inside elements written as their bare content (`>`<g>`<br><br>`):
    # the next pass, which sees them straight in the paragraph, splits it there.
    if _is_break(_written_beside(br, "previous_sibling")):
        return ""  # the first of the run writes the paragraph break
    return "\n\n" if _is_break(_written_beside(br, "next_sibling")) else "\\\n"


def _block_edge(br: Tag, direction: str) -> bool:
    # Up through the inline elements it ends (`<p>a<b>b<k><br></k></b></p>`): at the end of
    # a block all the same, where a backslash would be a literal one (or escape a `*`).
    node: Tag = br  # (other breaks between it and the edge are at the edge too)
    while (sibling := _written_sibling(node, direction)) is None:
        parent = node.parent
        if parent is None or parent.name in _VERBATIM_INLINE:
            return False
        if parent.name in BLOCK_TAGS:
            return True
        node = parent
    return direction == "next_sibling" and isinstance(sibling, Tag) and sibling.name in BLOCK_TAGS


def _written_sibling(node: Tag, direction: str) -> PageElement | None:
    sibling: PageElement | None = getattr(node, direction)
    while sibling is not None and (
        is_blank_text(sibling) or writes_nothing(sibling) or getattr(sibling, "name", "") == "br"
    ):
        sibling = getattr(sibling, direction)
    return sibling


def _bare(node: object) -> bool:
    """An element written as its bare content (unknown, custom, `<ruby>`, `<span>` kept …)."""
    return (
        isinstance(node, Tag)
        and node.name not in SYNTAX
        and node.name not in VERBATIM
        and node.name != "[document]"
    )


def _is_break(node: object) -> bool:
    return isinstance(node, Tag) and node.name == "br"


def _in_paragraph_text(br: Tag) -> bool:
    """Whether only elements written as their bare content lie between `br` and a block the
    next pass splits at `<br><br>` (not a list item, a cell, emphasis or a link)."""
    parent = br.parent
    for _ in range(64):
        if not _bare(parent):
            return isinstance(parent, Tag) and parent.name in _SPLIT_AT_BREAKS
        assert isinstance(parent, Tag)
        parent = parent.parent
    return False


def _written_beside(start: Tag, direction: str) -> PageElement | None:
    """The first node beside `start` in `direction` that writes something, looking into and
    out of elements written as their bare content; None at the edge of the paragraph or of
    an element written as syntax. (A bounded walk per `<br>`.)"""
    node: PageElement = start
    candidate: PageElement | None = getattr(start, direction)
    for _ in range(256):
        if candidate is None:
            parent = node.parent
            if not _bare(parent):
                return None
            assert parent is not None
            node, candidate = parent, getattr(parent, direction)
        elif is_blank_text(candidate) or writes_nothing(candidate):
            node, candidate = candidate, getattr(candidate, direction)
        elif _bare(candidate):
            assert isinstance(candidate, Tag)  # (not empty: `writes_nothing` took empty ones)
            node = candidate = candidate.contents[0 if direction == "next_sibling" else -1]
        else:
            return candidate
    return None
