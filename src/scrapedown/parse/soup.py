"""The BeautifulSoup tree markdownify converts, built from the cleaned lxml tree, and the tree
helpers shared by the rules and the converter."""

from __future__ import annotations

from collections.abc import Iterable

from bs4 import BeautifulSoup
from bs4.builder._lxml import LXMLTreeBuilder
from bs4.element import NavigableString, PageElement, Tag

from scrapedown.parse.soupbuild import build_soup
from scrapedown.parse.tree import Element
from scrapedown.tags import TRIM_INSIDE, TRIM_OUTSIDE


def soup_from_tree(
    root: Element, part: tuple[Iterable[Element], bool] | None = None
) -> BeautifulSoup:
    """The BeautifulSoup tree of an lxml element, built from it directly: the events lxml's
    parser would send while parsing its serialisation (start, text, end, comment), without
    serialising and parsing the document a second time. With `part` (children, with_text):
    `root` holding only those children, and its text only when `with_text`."""
    return BeautifulSoup("", builder=_TreeFeeder(root, part))


_STRING_CONTAINERS = {
    name: kind
    for name, kind in LXMLTreeBuilder.DEFAULT_STRING_CONTAINERS.items()
    if name not in ("rt", "rp")
}


class _TreeFeeder(LXMLTreeBuilder):
    """A tree builder whose `feed` walks an lxml tree instead of parsing markup."""

    def __init__(self, root: Element, part: tuple[Iterable[Element], bool] | None = None) -> None:
        # Text of <rt>/<rp> as plain strings: bs4's RubyTextString is left out of `get_text`,
        # so a rule took an annotation holding a table for empty and dropped it.
        super().__init__(string_containers=_STRING_CONTAINERS)
        self._root: Element | None = root
        self._part = part

    def feed(self, markup: object) -> None:
        assert self.soup is not None
        root, self._root = self._root, None  # the soup keeps its builder: not the lxml tree
        part, self._part = self._part, None
        build_soup(self.soup, self, root, _layout_text, _layout_tail, part)


# Whitespace-only text the converter would skip as layout (`walk.ignorable_space`) is not put
# in the tree at all: a quarter of the text nodes of a typical article.


def _layout_text(element: Element) -> bool:
    """Whether the whitespace before the first child of `element` is layout."""
    if element.tag in TRIM_INSIDE:
        return True
    return len(element) > 0 and element[0].tag in TRIM_OUTSIDE


def _layout_tail(node: Element) -> bool:
    """Whether the whitespace after `node` (inside its parent) is layout."""
    following = node.getnext()
    if following is None:
        parent = node.getparent()
        return parent is not None and parent.tag in TRIM_INSIDE
    return node.tag in TRIM_OUTSIDE or following.tag in TRIM_OUTSIDE


def root_of(soup: BeautifulSoup) -> Tag:
    """The element whose content is the article: `<body>` when lxml made one."""
    body = soup.body
    return body if body is not None else soup


def is_blank_text(node: object) -> bool:
    """A text node holding only whitespace (including the non-breaking kind)."""
    return isinstance(node, NavigableString) and not node.strip()


def soup_of(anchor: Tag) -> BeautifulSoup:
    """The document that holds `anchor`."""
    node: Tag = anchor
    while node.parent is not None:
        node = node.parent
    return node if isinstance(node, BeautifulSoup) else BeautifulSoup("", "lxml")


def new_tag(anchor: Tag, name: str) -> Tag:
    """A new element created by the tree that holds `anchor` (so it serialises like the rest:
    `<br/>`, not `<br></br>`)."""
    return soup_of(anchor).new_tag(name)


# bs4 4.13 routes find_all/find/find_parent through a general matcher that costs about ten
# times a plain walk; these helpers cover the only searches the rules need (by tag name).


def tags_named(root: Tag, *names: str) -> list[Tag]:
    """Elements under `root` named one of `names`, in document order."""
    if not root.contents:
        return []
    wanted = frozenset(names)
    found: list[Tag] = []
    stop = next_outside(root)
    node: PageElement | None = root.contents[0]
    # Following the document-order links directly: a third faster than `descendants`.
    while node is not None and node is not stop:
        if isinstance(node, Tag) and node.name in wanted:
            found.append(node)
        node = node.next_element
    return found


def next_outside(root: Tag) -> PageElement | None:
    """The first node after everything `root` holds (None at the end of the document)."""
    node: PageElement | None = root
    while node is not None:
        if node.next_sibling is not None:
            return node.next_sibling
        node = node.parent
    return None


def first_named(root: Tag, *names: str) -> Tag | None:
    """The first element under `root` named one of `names`."""
    wanted = frozenset(names)
    for node in root.descendants:
        if isinstance(node, Tag) and node.name in wanted:
            return node
    return None


def children_named(parent: Tag, name: str) -> list[Tag]:
    """The child elements of `parent` named `name`."""
    return [child for child in parent.contents if isinstance(child, Tag) and child.name == name]


def ancestor_named(node: Tag, name: str) -> Tag | None:
    """The nearest ancestor of `node` named `name`."""
    parent = node.parent
    while parent is not None:
        if parent.name == name:
            return parent
        parent = parent.parent
    return None


def is_decomposed(tag: Tag) -> bool:
    """Whether `tag` was decomposed. (bs4's `decomposed` property looks up `_decomposed` by
    getattr; on a live element that falls through to `Tag.__getattr__`, a subtree search.)"""
    return bool(vars(tag).get("_decomposed", False))
