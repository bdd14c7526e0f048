"""Tree edits at a known position: bs4 finds a child's position by scanning its parent's
children (`Tag.index`), so every `insert_before`, `unwrap` or `extract` on a child of a large
parent costs the size of the parent, and a rule that edits each of n siblings takes n² steps.

`Siblings` remembers positions. A rule that edits the children of a parent from the last one
back (the reverse document order most rules walk in) keeps every remembered position of the
children not yet edited valid, so each lookup is one check; a stale position is found by that
check and the parent is indexed again, so the answer is always right.
"""

from __future__ import annotations

from bs4.element import PageElement, Tag


class Siblings:
    """Positions of children in their parents, kept across edits made through this object."""

    def __init__(self) -> None:
        # id(parent) -> (parent, {id(child): position}); the parent is held so its id stays its own
        self._maps: dict[int, tuple[Tag, dict[int, int]]] = {}

    def index(self, node: PageElement) -> int:
        """The position of `node` in its parent's contents."""
        parent = _parent(node)
        entry = self._maps.get(id(parent))
        if entry is not None and entry[0] is parent:
            position = entry[1].get(id(node), -1)
            if 0 <= position < len(parent.contents) and parent.contents[position] is node:
                return position
        mapping = {id(child): position for position, child in enumerate(parent.contents)}
        self._maps[id(parent)] = (parent, mapping)
        return mapping[id(node)]

    def _note(self, parent: Tag, nodes: list[PageElement], first: int) -> None:
        entry = self._maps.get(id(parent))
        if entry is not None and entry[0] is parent:
            for offset, node in enumerate(nodes):
                entry[1][id(node)] = first + offset

    def insert_before(self, node: PageElement, *new: PageElement) -> None:
        """Insert detached `new` nodes right before `node`."""
        parent, position = _parent(node), self.index(node)
        parent.insert(position, *new)
        self._note(parent, [*new, node], position)

    def insert_after(self, node: PageElement, *new: PageElement) -> None:
        """Insert detached `new` nodes right after `node`."""
        parent, position = _parent(node), self.index(node)
        parent.insert(position + 1, *new)
        self._note(parent, list(new), position + 1)

    def extract(self, node: PageElement) -> None:
        """Take `node` out of the tree."""
        node.extract(_self_index=self.index(node))

    def replace_with(self, node: PageElement, new: PageElement) -> None:
        """Put the detached `new` node where `node` is."""
        parent, position = _parent(node), self.index(node)
        node.extract(_self_index=position)
        parent.insert(position, new)
        self._note(parent, [new], position)

    def unwrap(self, tag: Tag) -> None:
        """Replace `tag` by its children: one slice assignment (inserting child by child moves
        the parent's tail once per child). The document order of the elements does not change,
        so only the links at the two ends of the children are rewritten."""
        parent, position = _parent(tag), self.index(tag)
        children = tag.contents
        if not children:
            tag.extract(_self_index=position)
            return
        first, last = children[0], children[-1]
        first.previous_element = tag.previous_element
        if tag.previous_element is not None:
            tag.previous_element.next_element = first
        first.previous_sibling = tag.previous_sibling
        if tag.previous_sibling is not None:
            tag.previous_sibling.next_sibling = first
        last.next_sibling = tag.next_sibling
        if tag.next_sibling is not None:
            tag.next_sibling.previous_sibling = last
        for child in children:
            child.parent = parent
        parent.contents[position : position + 1] = children
        self._note(parent, children, position)
        tag.contents = []
        tag.parent = tag.previous_element = tag.next_element = None
        tag.previous_sibling = tag.next_sibling = None


def take_children(tag: Tag) -> list[PageElement]:
    """Detach and return the children of `tag`, each at its known position (the last first)."""
    children = list(tag.contents)
    for position in range(len(children) - 1, -1, -1):
        children[position].extract(_self_index=position)
    return children


def _parent(node: PageElement) -> Tag:
    parent = node.parent
    if parent is None:
        raise ValueError("node is not in a tree")
    return parent
