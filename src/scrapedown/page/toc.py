"""A table of contents that belongs to the article: a list of links to the article's own
headings (Wikipedia's "Contents", a docutils `topic contents`, a blog's "In this post").

Its entries are the article's structure, not the site's navigation: every link points at an
anchor of a heading on the same page (`#History`), none elsewhere. The page may still mark it
as navigation (`role="navigation"`) or wrap it in a box with a toggle (`<input
type="checkbox">`, which would make it a widget); it stays with the article when the article
keeps the headings it lists (Readability keeps it too). A menu of other pages, a list of
footnote back-links (`#cite_ref-3`: no heading there) or a lone "skip to content" link is not
one.
"""

from __future__ import annotations

from scrapedown.page.chrome import Element

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
MIN_ENTRIES = 3
"""Fewest links of a table of contents ("Skip to content" and "Top" are one or two)."""
TARGET_SHARE = 0.8
"""Share of its links that must point at a heading of the page (one may point at a footer,
"Top" at the page's start)."""


class OwnToc:
    """`OwnToc(root)(element)`: whether `element` is a table of contents of `root`'s page.

    The anchors of the page's headings are collected on the first call, in one pass."""

    def __init__(self, root: Element) -> None:
        self._root = root
        self._targets: frozenset[str] | None = None

    def __call__(self, element: Element) -> bool:
        hrefs: list[str] = []
        for link in element.iter("a"):
            href = str(link.get("href") or "").strip()
            if not href.startswith("#") or len(href) < 2:
                return False  # a menu fails at its first link
            hrefs.append(href)
        if len(hrefs) < MIN_ENTRIES:
            return False
        targets = self._heading_anchors()
        found = sum(href[1:] in targets for href in hrefs)
        return found >= TARGET_SHARE * len(hrefs)

    def _heading_anchors(self) -> frozenset[str]:
        if self._targets is None:
            self._targets = frozenset(_anchors(self._root))
        return self._targets


def _anchors(root: Element) -> set[str]:
    """The ids (and `<a name>`s) that lead to a heading: on the heading, inside it, on the
    section it opens (its parent, when it comes first) or on an empty anchor just before it."""
    found: set[str] = set()
    for heading in root.iter(*HEADINGS):
        for inner in heading.iter():
            if isinstance(inner.tag, str):
                found.update(_names(inner))
        parent = heading.getparent()
        if parent is not None and heading.getprevious() is None:
            found.update(_names(parent))
        before = heading.getprevious()
        if before is not None and _is_empty_anchor(before):
            found.update(_names(before))
    return found


def _names(element: Element) -> list[str]:
    return [str(v) for v in (element.get("id"), element.get("name")) if v]


def _is_empty_anchor(element: Element) -> bool:
    """`<a name="s1"></a>` or an empty `<span id>` before a heading (looked at alone: no
    walk of a big sibling)."""
    return element.tag in ("a", "span") and len(element) == 0 and not (element.text or "").strip()
