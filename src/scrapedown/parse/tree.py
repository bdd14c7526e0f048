"""The lxml tree the structural rules work on, and the few operations they share.

lxml keeps text in `.text` (before the first child) and `.tail` (after an element, inside its
parent); every operation here keeps both in place. Operations are O(1) or O(children) so that
a rule over a whole document stays linear even when one element has 100,000 children (the
equivalent BeautifulSoup operations look up the element's index and are quadratic).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from html import escape
from typing import Any, cast

from lxml import etree

from scrapedown.parse.markup import cap_attributes, keep_paragraphs_in_headings, sanitize
from scrapedown.parse.splice import remove_all as remove_all
from scrapedown.parse.splice import unwrap_all as unwrap_all
from scrapedown.tags import BLOCK_TAGS, FLAT_KEEP

Element = etree._Element  # what `etree.HTMLParser` builds (not `lxml.html.HtmlElement`)


def parse_tree(markup: str, max_depth: int) -> Element | None:
    """The `<body>` of `markup` parsed by lxml, or None when there is nothing to parse.

    libxml2 stops building the tree 2,048 levels down and drops the rest; such a document is
    parsed again, by a builder that flattens everything below `max_depth` (text kept).
    """
    markup = sanitize(markup)
    if not markup.strip():
        return None
    document = parse_document(keep_paragraphs_in_headings(cap_attributes(markup)), max_depth)
    if document is None:
        return None
    body = document.find("body")
    body = _body_with_head_leftovers(document, body)
    return body if body is not None else document


# What a browser keeps in <head>; any other element there (libxml2 leaves an unknown element
# that follows a <script>, <style> or <meta> in <head>) starts the body, as a browser reads it.
_HEAD_CONTENT = frozenset(
    {"base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "template",
     "title", "noscript"}
)  # fmt: skip


def parse_document(markup: str, max_depth: int) -> Element | None:
    """The whole document `markup` (sanitized) as lxml parses it, or None. Past libxml2's
    2,048 levels it is parsed again by a builder that flattens below `max_depth` (text kept)."""
    parser = _parser()
    try:
        document = etree.fromstring(markup, parser)
        if any("Excessive depth" in error.message for error in parser.error_log):
            document = etree.fromstring(markup, _DepthLimited.parser(max_depth))
    except (etree.ParserError, etree.XMLSyntaxError):
        return None
    return document


def _body_with_head_leftovers(document: Element, body: Element | None) -> Element | None:
    """The body, with the elements libxml2 left in <head> that a browser shows moved to its
    start (from the first one that is not head content on)."""
    head = document.find("head")
    if head is None:
        return body
    first = next((c for c in head if isinstance(c.tag, str) and c.tag not in _HEAD_CONTENT), None)
    if first is None:
        return body
    if body is None:
        body = etree.SubElement(document, "body")
    moved = [first, *first.itersiblings()]
    lead, body.text = body.text, None  # the body's own first text comes after them
    for index, element in enumerate(moved):
        body.insert(index, element)  # (its tail goes with it)
    moved[-1].tail = (moved[-1].tail or "") + (lead or "")
    return body


class _DepthLimited:
    """Parser target: a tree whose elements below `limit` are dropped, their text, images and
    line breaks kept, and each block boundary among them kept as the start of a new <p> (the
    same shape as the `flatten_deep_nesting` rule gives)."""

    def __init__(self, limit: int) -> None:
        self._builder = etree.TreeBuilder()
        self._depth = 0
        self._limit = limit
        self._run_open = False  # a <p> of flattened content is open at the limit
        self._after_boundary = False  # a block boundary was passed below the limit

    @classmethod
    def parser(cls, limit: int) -> Any:
        # lxml calls only the callbacks a target has; the stubs' protocol lists them all.
        target = cast("etree.ParserTarget[Element]", cls(limit))
        return etree.HTMLParser(target=target, huge_tree=True)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self._depth += 1
        if self._depth <= self._limit:
            self._builder.start(tag, attrib)
            return
        if tag in BLOCK_TAGS:
            self._boundary()
        if tag in FLAT_KEEP:
            self._open_run()
            self._builder.start(tag, attrib)

    def end(self, tag: str) -> None:
        if self._depth == self._limit:
            self._close_run()
            self._after_boundary = False
        if self._depth <= self._limit or tag in FLAT_KEEP:
            self._builder.end(tag)
        elif tag in BLOCK_TAGS:
            self._boundary()
        self._depth -= 1

    def data(self, text: str) -> None:
        if self._depth > self._limit and text.strip():
            self._open_run()
        self._builder.data(text)

    def close(self) -> Element:
        return self._builder.close()

    def _boundary(self) -> None:
        self._close_run()
        self._after_boundary = True

    def _open_run(self) -> None:
        if self._after_boundary and not self._run_open:
            self._builder.start("p", {})
            self._run_open = True

    def _close_run(self) -> None:
        if self._run_open:
            self._builder.end("p")
            self._run_open = False


@lru_cache(maxsize=1)
def _parser() -> etree.HTMLParser[Element]:
    # huge_tree: without it libxml2 silently drops everything nested deeper than 256 levels.
    # A plain etree parser: lxml.html's element classes cost a Python lookup per element.
    return etree.HTMLParser(huge_tree=True, remove_comments=False)


def inner_html(root: Element) -> str:
    """The content of `root` as HTML text (its own tag left out)."""
    protected = protect_uri_attributes(root)
    try:
        parts = [escape(root.text or "", quote=False)]
        parts.extend(etree.tostring(child, encoding="unicode", method="html") for child in root)
    finally:
        restore_uri_attributes(protected)
    return unprotect_uri_markup("".join(parts)) if protected else "".join(parts)


# libxml2's HTML serializer percent-encodes the values of href, src and action (`/中文` becomes
# `/%E4%B8%AD%E6%96%87`, a space `%20`): the original URLs would be lost on the way from one
# parse to the next. Serialised under another name they are written as they are (only `&` and
# `"` escaped), and the markup then gets the real names back. Only values holding a character
# libxml2 would escape are renamed.
URI_ATTRIBUTES = ("href", "src", "action")
_PROTECTED_PREFIX = "data-scrapedown-"
# Characters libxml2 leaves as they are in a URL attribute (its "unreserved" set and list).
_ESCAPED_BY_LIBXML2 = re.compile(r"[^A-Za-z0-9\-_.!~*'()@/:=?;#%&,+]")
# (one path per attribute: a union of paths is merged in quadratic time by libxml2)
_URI_VALUES = tuple(etree.XPath(f"descendant-or-self::*/@{name}") for name in URI_ATTRIBUTES)
# (libxml2 quotes a value holding `"` with `'`)
_PROTECTED_IN_MARKUP = re.compile(rf" {_PROTECTED_PREFIX}({'|'.join(URI_ATTRIBUTES)})=([\"'])")


def protect_uri_attributes(root: Element) -> list[Element]:
    """Rename the URL attributes under `root` that serialising would escape; the elements."""
    found = list(
        dict.fromkeys(
            value.getparent()
            for values in _URI_VALUES
            for value in values(root)
            if _ESCAPED_BY_LIBXML2.search(value)
        )
    )
    _rename(found, "", _PROTECTED_PREFIX)
    return found


def restore_uri_attributes(protected: list[Element]) -> None:
    """Undo `protect_uri_attributes` on the tree."""
    _rename(protected, _PROTECTED_PREFIX, "")


def unprotect_uri_markup(markup: str) -> str:
    """Undo `protect_uri_attributes` in markup serialised meanwhile."""
    return _PROTECTED_IN_MARKUP.sub(r" \1=\2", markup)


def _rename(elements: list[Element], old_prefix: str, new_prefix: str) -> None:
    for element in elements:
        for name in URI_ATTRIBUTES:
            value = element.attrib.pop(old_prefix + name, None)
            if value is not None:
                element.set(new_prefix + name, value)


def is_element(node: object) -> bool:
    """A real element (not a comment or processing instruction, whose `tag` is a function)."""
    return isinstance(getattr(node, "tag", None), str)


def elements(root: Element, *tags: str) -> list[Element]:
    """Elements under `root` (itself excluded) in document order, optionally only `tags`."""
    # iter(etree.Element) yields elements only; named tags are elements by definition.
    found = list(root.iter(*tags) if tags else root.iter(etree.Element))
    if found and found[0] is root:  # the walk yields `root` first when it matches, never later
        del found[0]
    return found


def depths(root: Element) -> Iterator[tuple[Element, int]]:
    """(element, depth below root) in document order, without recursion."""
    depth = -1
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            depth += 1
            yield element, depth
        else:
            depth -= 1


def append_text(parent: Element, after: Element | None, text: str | None) -> None:
    """Add `text` where it reads right after `after` (or at the start of `parent`)."""
    if not text:
        return
    if after is None:
        parent.text = (parent.text or "") + text
    else:
        after.tail = (after.tail or "") + text


def remove(element: Element) -> None:
    """Remove `element` with its content; its tail stays in place."""
    parent = element.getparent()
    if parent is None:
        return
    append_text(parent, element.getprevious(), element.tail)
    parent.remove(element)


def replace_with_text(element: Element, text: str) -> None:
    """Replace `element` (and its content) by `text`; its tail stays in place."""
    parent = element.getparent()
    if parent is None:
        return
    append_text(parent, element.getprevious(), text + (element.tail or ""))
    parent.remove(element)


def unwrap(element: Element) -> None:
    """Replace `element` by its content (text, children, tail), in place."""
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    append_text(parent, previous, element.text)
    children = list(element)
    anchor = element
    for child in children:
        anchor.addnext(child)  # addnext moves the child with its tail
        anchor = child
    last = children[-1] if children else previous
    tail = element.tail
    element.tail = None
    parent.remove(element)
    append_text(parent, last, tail)


def text_content(element: Element) -> str:
    """All text inside `element` (its tail excluded)."""
    return "".join(element.itertext())


def is_blank(text: str | None) -> bool:
    return not text or not text.strip()
