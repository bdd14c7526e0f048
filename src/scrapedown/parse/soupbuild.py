"""The BeautifulSoup tree of a cleaned lxml tree, built node by node without bs4's parser
machinery.

BeautifulSoup builds a tree through `handle_starttag`/`handle_data`/`endData`/`handle_endtag`:
a tag stack, a counter per name, an equality test per closed tag, `Tag.__init__` asking the
builder five questions per element. Walking an already well-formed lxml tree needs none of it:
this builder makes the same objects with the same fields and links (`parent`, `contents`,
siblings, `previous_element`/`next_element`), the strings merged and collapsed as `endData`
would (a whitespace-only string outside `<pre>`/`<textarea>` becomes one space or newline), in
about a third of the time. `tests/test_soupbuild.py` checks the trees are identical to bs4's.

The walk and the building are one function with its state in local variables: a method call
and an attribute look-up per node were a third of the building's time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from bs4 import BeautifulSoup
from bs4.builder import TreeBuilder
from bs4.element import Comment, NavigableString, Tag
from lxml import etree

_ASCII_SPACES = " \n\t\x0c\r"  # what bs4's `endData` collapses (BeautifulSoup.ASCII_SPACES)


def build_soup(
    soup: BeautifulSoup,
    builder: TreeBuilder,
    root: Any,
    layout_text: Any,
    layout_tail: Any,
    part: tuple[Iterable[Any], bool] | None = None,
) -> None:
    """Append the nodes under (and including) the lxml element `root` to `soup`, depth-first
    without recursion (trees can be thousands of levels deep).

    `layout_text(element)` and `layout_tail(node)` say whether a whitespace-only text or tail is
    layout (left out of the tree); inside `<pre>` nothing is left out. With `part` (children,
    with_text), `root` holds only those of its children (with their tails), and its own text
    only when `with_text`: one part of a big document (`parse.chunks`).
    """
    fields = _Fields(soup, builder)
    kinds: dict[str, tuple[bool, type[NavigableString] | None]] = {}
    new_tag = Tag.__new__
    keep_space, containers, replace_cdata = fields.keep_space, fields.containers, fields.cdata
    parent: Any = soup
    last: Any = None  # the most recent node (`_most_recent_element`)
    pending: list[str] = []
    preserving = 0  # open <pre>/<textarea>: their whitespace is not collapsed
    in_pre = 0  # open <pre>: no whitespace in them is layout
    string_classes: list[type[NavigableString]] = []
    owners: list[Any] = [None]
    stack: list[Iterator[Any]] = [iter((root,))]
    children, with_text = part if part is not None else (root, True)
    while stack:
        node = next(stack[-1], None)
        if node is None:  # the end of an element (or of the walk)
            stack.pop()
            owner = owners.pop()
            if owner is None:
                continue
            if pending:
                last = _flush(pending, parent, last, preserving, string_classes, NavigableString)
            name = parent.name
            preserving -= name in keep_space
            if name in containers:
                string_classes.pop()
            parent = parent.parent
            in_pre -= name == "pre"
            if owner is not root:
                tail = owner.tail
                if tail and (in_pre or tail.strip() or not layout_tail(owner)):
                    pending.append(tail)
            continue
        name = node.tag
        if isinstance(name, str):
            if pending:
                last = _flush(pending, parent, last, preserving, string_classes, NavigableString)
            kind = kinds.get(name) or fields.kind(name, kinds)
            attrib = node.attrib
            if attrib:
                attrs: Any = fields.attributes(attrib)
                if replace_cdata and not fields.cdata_names.isdisjoint(attrs):
                    attrs = builder._replace_cdata_list_attribute_values(name, attrs)
            else:
                attrs = fields.attributes()
            siblings = parent.contents
            previous_sibling = siblings[-1] if siblings else None
            # The fields in the order `Tag.__init__` sets them: CPython then shares one key
            # table among all elements (a dict built otherwise costs twice the memory each).
            tag: Any = new_tag(Tag)
            tag.parser_class = fields.soup_class
            tag.name = name
            tag.namespace = None
            tag._namespaces = fields.namespaces
            tag.prefix = None
            tag.sourceline = None
            tag.sourcepos = None
            tag.attribute_value_list_class = fields.value_list_class
            tag.attrs = attrs
            tag.known_xml = fields.is_xml
            tag.contents = []
            tag.parent = parent
            tag.previous_element = last
            tag.next_element = None
            tag.next_sibling = None
            tag.previous_sibling = previous_sibling
            tag.hidden = False
            if name == "meta":
                builder.set_up_substitutions(tag)
            tag.can_be_empty_element = kind[0]
            tag.cdata_list_attributes = replace_cdata
            tag.preserve_whitespace_tags = fields.preserve_tags
            # (a set of its own for a string container, as `Tag.__init__` makes it)
            tag.interesting_string_types = {kind[1]} if kind[1] else fields.main_types
            if previous_sibling is not None:
                previous_sibling.next_sibling = tag
            if last is not None:
                last.next_element = tag
            siblings.append(tag)
            last = parent = tag
            preserving += name in keep_space
            if kind[1]:
                string_classes.append(kind[1])
            in_pre += name == "pre"
            text = node.text if node is not root or with_text else None
            if text and (in_pre or text.strip() or not layout_text(node)):
                pending.append(text)
            stack.append(iter(node if node is not root else children))
            owners.append(node)
            continue
        if name is etree.Comment:
            if pending:
                last = _flush(pending, parent, last, preserving, string_classes, NavigableString)
            pending.append(node.text or "")
            last = _flush(pending, parent, last, preserving, string_classes, Comment)
        tail = node.tail
        if tail and (in_pre or tail.strip() or not layout_tail(node)):
            pending.append(tail)
    if pending:
        _flush(pending, parent, last, preserving, string_classes, NavigableString)


class _Fields:
    """What every element of one tree shares, read once from the soup and its builder."""

    def __init__(self, soup: BeautifulSoup, builder: TreeBuilder) -> None:
        self.builder = builder
        self.soup_class = type(soup)
        # One empty prefix map for all (only read, as bs4 shares lxml's maps among elements).
        self.namespaces: dict[str, str] = {}
        self.value_list_class = builder.attribute_value_list_class
        self.is_xml = builder.is_xml
        self.containers = dict(builder.string_containers)
        self.keep_space = frozenset(builder.preserve_whitespace_tags or ())
        self.preserve_tags = builder.preserve_whitespace_tags
        self.attributes = builder.attribute_dict_class
        self.cdata = builder.cdata_list_attributes
        # The attribute names bs4 splits into lists anywhere (`class`, `rel` …): an element
        # with none of them (most: a link's `href`) skips bs4's per-attribute look-ups.
        self.cdata_names = frozenset(n for names in (self.cdata or {}).values() for n in names)
        self.main_types = Tag.MAIN_CONTENT_STRING_TYPES

    def kind(
        self, name: str, kinds: dict[str, tuple[bool, type[NavigableString] | None]]
    ) -> tuple[bool, type[NavigableString] | None]:
        """What `Tag.__init__` asks the builder about every element named `name`: whether it
        may be an empty-element tag, and the string class of its text (script, style …)."""
        kind = (bool(self.builder.can_be_empty_element(name)), self.containers.get(name))
        kinds[name] = kind
        return kind


def _flush(
    pending: list[str],
    parent: Any,
    last: Any,
    preserving: int,
    string_classes: list[type[NavigableString]],
    kind: type[NavigableString],
) -> Any:
    """The pending text as one string node appended to `parent` (collapsed as bs4's `endData`
    collapses it); the new node."""
    data = pending[0] if len(pending) == 1 else "".join(pending)
    pending.clear()
    if not preserving and not data.strip(_ASCII_SPACES):
        data = "\n" if "\n" in data else " "
    if kind is NavigableString and string_classes:
        kind = string_classes[-1]
    node: Any = str.__new__(kind, data)
    siblings = parent.contents
    previous_sibling = siblings[-1] if siblings else None
    node.__dict__.update(
        hidden=False, parent=parent, previous_element=last, next_element=None,
        next_sibling=None, previous_sibling=previous_sibling,
    )  # fmt: skip
    if last is not None:
        last.next_element = node
    if previous_sibling is not None:
        previous_sibling.next_sibling = node
    siblings.append(node)
    return node
