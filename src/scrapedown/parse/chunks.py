"""A big document's BeautifulSoup tree built and converted one part at a time.

The soup of a whole big page was most of its peak memory (about 11 bytes per byte of HTML, next
to the lxml tree, the caller's text and the Markdown). Converting a body's top-level blocks in
parts — each part's soup built, its lxml content freed, the part converted, its soup dropped —
holds one part's soup at a time, and the lxml tree shrinks as the conversion goes.

A part ends only between two top-level blocks that the conversion cannot see across
(`_is_edge`), so that its Markdown is exactly the whole conversion's: paragraphs, headings and
code blocks holding text of their own. Every walk of the element rules and of the converter
that looks beside a node stops at the block that holds it (`BLOCK_TAGS`); between two such
blocks lies no text (their whitespace is layout, left out of the soup); each writes a block of
its own, `\\n\\n` apart from the next, which is where `convert.escape.resolve_emphasis_markers`
splits its input as well. So the whole conversion is the parts' conversions joined by a blank
line (`tests/test_chunks.py` compares the two on generated documents and on the corpus).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice

from bs4 import BeautifulSoup

from scrapedown.memory import collect_young
from scrapedown.parse.soup import soup_from_tree
from scrapedown.parse.tree import Element, is_blank
from scrapedown.tags import HEADINGS

#: Top-level children from which a body is converted in parts.
PART_FROM_CHILDREN = 1_000
#: The most parts a body is cut into (each part costs a count of the children left in lxml).
MAX_PARTS = 64
#: Blocks a part may end before or after (each also needs text of its own: `_is_edge`).
_EDGE_TAGS = frozenset({"p", "pre", *HEADINGS})


def convert_in_parts(root: Element, convert: Callable[[BeautifulSoup], str]) -> str:
    """`convert(soup_from_tree(root))`, where `convert` gives a soup's Markdown without blank
    lines at its edges, computed part by part on a big body. `root`'s content is consumed."""
    return "\n\n".join(_converted_parts(root, convert))


def _converted_parts(root: Element, convert: Callable[[BeautifulSoup], str]) -> Iterator[str]:
    total = len(root)
    size = max(PART_FROM_CHILDREN // 2, -(-total // MAX_PARTS))
    with_text = True
    while with_text or root.__len__() > 0:  # (0 children: one part, the text)
        count = _part_length(root, size) if total >= PART_FROM_CHILDREN else total
        soups = [soup_from_tree(root, (islice(root, count), with_text))]
        del root[:count]  # (its part of the lxml tree: freed, no element of it is held)
        with_text = False
        yield convert(soups.pop())  # (the soup lives in `convert`'s frame only)
        collect_young()  # a soup is a cyclic tree: freed here, not at the end of the call


def _part_length(root: Element, size: int) -> int:
    """How many of `root`'s first children make the next part: at least `size` when a place
    to end it is found after that many, else all of them."""
    count = 0
    previous_is_edge = False
    for child in root:
        count += 1
        edge = _is_edge(child)
        if count > size and edge and previous_is_edge:
            return count - 1
        previous_is_edge = edge and is_blank(child.tail)
    return count


def _is_edge(element: Element) -> bool:
    """A block the conversion writes as a block of its own (never empty: it holds text of its
    own) and that no walk looks across."""
    return element.tag in _EDGE_TAGS and not is_blank(element.text)
