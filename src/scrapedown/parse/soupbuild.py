"""The BeautifulSoup tree of a cleaned lxml tree, built node by node without bs4's parser
machinery.

BeautifulSoup builds a tree through `handle_starttag`/`handle_data`/`endData`/`handle_endtag`:
a tag stack, a counter per name, an equality test per closed tag, `Tag.__init__` asking the
builder five questions per element. Walking an already well-formed lxml tree needs none of it:
this builder makes the same objects with the same fields and links (`parent`, `contents`,
siblings, `previous_element`/`next_element`), the strings merged and collapsed as `endData`
would (a whitespace-only string outside `<pre>`/`<textarea>` becomes one space or newline), in
about a third of the time. `tests/test_soupbuild.py` checks the trees are identical to bs4's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup
from bs4.builder import TreeBuilder
from bs4.element import Comment, NavigableString, Tag
from lxml import etree

_ASCII_SPACES = " \n\t\x0c\r"  # what bs4's `endData` collapses (BeautifulSoup.ASCII_SPACES)


class SoupBuilder:
    """Appends the nodes of an lxml tree under a fresh BeautifulSoup object, in document order.

    `layout_text(element)` and `layout_tail(node)` say whether a whitespace-only text or tail is
    layout (left out of the tree); inside `<pre>` nothing is left out.
    """

    def __init__(self, soup: BeautifulSoup, builder: TreeBuilder) -> None:
        self._soup = soup
        self._builder = builder
        self._kinds: dict[str, tuple[bool, type[NavigableString] | None]] = {}
        self._soup_class = type(soup)
        # One empty prefix map for all (only read, as bs4 shares lxml's maps among elements).
        self._namespaces: dict[str, str] = {}
        self._value_list_class = builder.attribute_value_list_class
        self._is_xml = builder.is_xml
        self._containers = dict(builder.string_containers)
        self._keep_space = frozenset(builder.preserve_whitespace_tags or ())
        self._attributes = builder.attribute_dict_class
        self._parent: Tag = soup
        self._last: Any = None  # the most recent node (`_most_recent_element`)
        self._pending: list[str] = []
        self._preserving = 0  # open <pre>/<textarea>
        self._string_classes: list[type[NavigableString]] = []

    # --- what the walk sends ---------------------------------------------------------------

    def start(self, element: Any) -> None:
        if self._pending:
            self._flush(NavigableString)
        name: str = element.tag
        kind = self._kinds.get(name) or self._kind(name)
        attrib = element.attrib
        attrs: Any = self._attributes(attrib) if attrib else self._attributes()
        if attrib and self._builder.cdata_list_attributes:
            attrs = self._builder._replace_cdata_list_attribute_values(name, attrs)
        parent = self._parent
        siblings = parent.contents
        previous_sibling = siblings[-1] if siblings else None
        last = self._last
        # The fields in the order `Tag.__init__` sets them: CPython then shares one key table
        # among all elements (a dict built otherwise costs twice the memory per element).
        tag: Any = Tag.__new__(Tag)
        tag.parser_class = self._soup_class
        tag.name = name
        tag.namespace = None
        tag._namespaces = self._namespaces
        tag.prefix = None
        tag.sourceline = None
        tag.sourcepos = None
        tag.attribute_value_list_class = self._value_list_class
        tag.attrs = attrs
        tag.known_xml = self._is_xml
        tag.contents = []
        tag.parent = parent
        tag.previous_element = last
        tag.next_element = None
        tag.next_sibling = None
        tag.previous_sibling = previous_sibling
        tag.hidden = False
        if name == "meta":
            self._builder.set_up_substitutions(tag)
        tag.can_be_empty_element = kind[0]
        tag.cdata_list_attributes = self._builder.cdata_list_attributes
        tag.preserve_whitespace_tags = self._builder.preserve_whitespace_tags
        # (a set of its own for a string container, as `Tag.__init__` makes it)
        tag.interesting_string_types = {kind[1]} if kind[1] else Tag.MAIN_CONTENT_STRING_TYPES
        if previous_sibling is not None:
            previous_sibling.next_sibling = tag
        if last is not None:
            last.next_element = tag
        siblings.append(tag)
        self._last = tag
        self._parent = tag
        self._preserving += name in self._keep_space
        if kind[1]:
            self._string_classes.append(kind[1])

    def end(self) -> None:
        if self._pending:
            self._flush(NavigableString)
        tag = self._parent
        name = tag.name
        self._preserving -= name in self._keep_space
        if name in self._containers:
            self._string_classes.pop()
        parent = tag.parent
        assert parent is not None
        self._parent = parent

    def text(self, text: str) -> None:
        self._pending.append(text)

    def comment(self, text: str) -> None:
        if self._pending:
            self._flush(NavigableString)
        self._pending.append(text)
        self._flush(Comment)

    def close(self) -> None:
        if self._pending:
            self._flush(NavigableString)

    # --- internals --------------------------------------------------------------------------

    def _flush(self, kind: type[NavigableString]) -> None:
        pending = self._pending
        data = pending[0] if len(pending) == 1 else "".join(pending)
        pending.clear()
        if not self._preserving and not data.strip(_ASCII_SPACES):
            data = "\n" if "\n" in data else " "
        if kind is NavigableString and self._string_classes:
            kind = self._string_classes[-1]
        node = str.__new__(kind, data)
        parent = self._parent
        siblings = parent.contents
        previous_sibling = siblings[-1] if siblings else None
        last = self._last
        node.__dict__.update(
            hidden=False, parent=parent, previous_element=last, next_element=None,
            next_sibling=None, previous_sibling=previous_sibling,
        )  # fmt: skip
        if last is not None:
            last.next_element = node
        if previous_sibling is not None:
            previous_sibling.next_sibling = node
        siblings.append(node)
        self._last = node

    def _kind(self, name: str) -> tuple[bool, type[NavigableString] | None]:
        """What `Tag.__init__` asks the builder about every element named `name`: whether it
        may be an empty-element tag, and the string class of its text (script, style …)."""
        kind = (bool(self._builder.can_be_empty_element(name)), self._containers.get(name))
        self._kinds[name] = kind
        return kind


def walk_into(sink: SoupBuilder, root: Any, layout_text: Any, layout_tail: Any) -> None:
    """Send the nodes under (and including) `root` to `sink`, depth-first without recursion
    (trees can be thousands of levels deep). Whitespace-only text that is layout is left out,
    except inside `<pre>`."""
    owners: list[Any] = [None]
    stack: list[Iterator[Any]] = [iter((root,))]
    in_pre = 0
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            owner = owners.pop()
            if owner is not None:
                sink.end()
                in_pre -= owner.tag == "pre"
                if owner is not root:
                    _tail(sink, owner, in_pre, layout_tail)
            continue
        tag = node.tag
        if isinstance(tag, str):
            sink.start(node)
            in_pre += tag == "pre"
            text = node.text
            if text and (in_pre or text.strip() or not layout_text(node)):
                sink.text(text)
            stack.append(iter(node))
            owners.append(node)
            continue
        if tag is etree.Comment:
            sink.comment(node.text or "")
        _tail(sink, node, in_pre, layout_tail)
    sink.close()


def _tail(sink: SoupBuilder, node: Any, in_pre: int, layout_tail: Any) -> None:
    tail = node.tail
    if tail and (in_pre or tail.strip() or not layout_tail(node)):
        sink.text(tail)
