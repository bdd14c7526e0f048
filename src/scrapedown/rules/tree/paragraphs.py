"""The `paragraphs` rule (`make_paragraphs`), and rebuilding an element's content in one pass:
splicing unwrapped wrappers, grouping loose inline content into <p>, and splitting paragraphs
at `<br><br>` runs.

Content is handled as a flat list of items, each a string (text) or an element with its tail
detached, so every element is moved once: linear, however many children there are.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from scrapedown.options import Options
from scrapedown.parse.tree import Element, append_text, elements, is_blank, is_element
from scrapedown.tags import BLOCK_TAGS, BLOCK_WRAPPERS

Item = str | Element  # a text run or an element, in document order


def make_paragraphs(root: Element, options: Options) -> None:
    """Loose text in block wrappers becomes <p>; `<br><br>` runs split paragraphs; block
    wrappers (div soup) are replaced by their content. Deepest first, one pass per element."""
    wrappers = BLOCK_WRAPPERS & options.unwrap_tags
    ordered = [root, *elements(root)]
    # Which elements hold a <br> or a wrapper as a child, found in C at the start: what an
    # element holds changes only when it is itself rebuilt (deepest first, after all that it
    # holds), so the sets still answer when it comes to its turn. (Asked element by element,
    # walking every element's children was a third of the rule's time.)
    with_breaks = {br.getparent() for br in root.iter("br")}
    with_wrappers = {w.getparent() for w in root.iter(*wrappers)} if wrappers else set()
    for element in reversed(ordered):
        tag = element.tag  # (lxml makes a new string at every read)
        if tag == "p":
            if element in with_breaks:
                split_paragraph(element)
        elif element is root or tag in BLOCK_WRAPPERS or _mixed_item(element, tag):
            rebuild_children(element, wrappers, paragraphs=True)
        elif element in with_wrappers:
            rebuild_children(element, wrappers, paragraphs=False)


def _mixed_item(element: Element, tag: object) -> bool:
    """A list item with loose content after a block (a nested list): that content needs a <p>,
    or it would join the nested list's last item. (Text before the block stays tight.) So does
    a paragraph after a block (text moved out of the nested list): the item is loose."""
    if tag not in ("li", "dd"):
        return False
    seen_block = False
    for child in element:
        if seen_block and (
            child.tag not in BLOCK_TAGS or child.tag == "p" or not is_blank(child.tail)
        ):
            return True
        if is_element(child) and child.tag in BLOCK_TAGS:
            seen_block = True
            if not is_blank(child.tail):
                return True
    return False


def rebuild_children(container: Element, wrappers: frozenset[str], *, paragraphs: bool) -> None:
    """Replace `container`'s content by the same content with child `wrappers` spliced in and,
    when `paragraphs`, loose inline runs wrapped in <p> (split at `<br><br>`)."""
    if paragraphs and _only_blocks(container, wrappers):
        # What the rebuild below gives such content, without taking it apart: the blocks as
        # they are, the whitespace between them gone (no run of loose content to wrap).
        container.text = None
        for child in container:
            child.tail = None
        return
    before = list(container)
    items = list(_read_items(container, before, wrappers))
    layout = _Layout(container)
    if not paragraphs:
        for item in items:
            layout.add(item)
    else:
        run: list[Item] = []
        for item in items:
            if not isinstance(item, str) and item.tag in BLOCK_TAGS:
                layout.paragraphs(run)
                run = []
                layout.add(item)
            else:
                run.append(item)
        layout.paragraphs(run)
    layout.drop_unplaced(before)


class _Layout:
    """A container's new content laid out in order, in place: an element already among its
    children stays where it is (lxml walks the whole subtree of every element it moves: taking
    a big article's blocks out and putting them back cost two walks of it per rebuild); what
    comes from a spliced wrapper, and each new <p>, goes right after the last one laid out."""

    def __init__(self, container: Element) -> None:
        self.container = container
        self.last: Element | None = None
        self.placed: set[Element] = set()

    def add(self, item: Item) -> None:
        if isinstance(item, str):
            append_text(self.container, self.last, item)
            return
        if item.getparent() is not self.container:
            if self.last is None:
                self.container.insert(0, item)
            else:
                self.last.addnext(item)
        self.last = item
        self.placed.add(item)

    def paragraphs(self, run: list[Item]) -> None:
        for chunk in _chunks(run):
            paragraph = self.container.makeelement("p", {})
            self.add(paragraph)  # (placed before it is filled: its content moves once)
            _append_items(paragraph, chunk)

    def drop_unplaced(self, before: list[Element]) -> None:
        """Remove the former children not laid out again: spliced wrappers, comments, edge
        <br>s (their content and tails are laid out or dropped already)."""
        for child in before:
            if child not in self.placed and child.getparent() is self.container:
                self.container.remove(child)


def _only_blocks(container: Element, wrappers: frozenset[str]) -> bool:
    """Whether `container` holds only blocks (no wrapper to splice) and whitespace."""
    if not is_blank(container.text):
        return False
    for child in container:
        tag = child.tag
        if not isinstance(tag, str) or tag not in BLOCK_TAGS or tag in wrappers:
            return False
        if not is_blank(child.tail):
            return False
    return True


def _detach_items(container: Element, wrappers: frozenset[str]) -> Iterator[Item]:
    """The content of `container` as items, emptying it; wrapper children are spliced."""
    children = list(container)
    for child in children:
        container.remove(child)
    return _read_items(container, children, wrappers)


def _read_items(
    container: Element, children: list[Element], wrappers: frozenset[str]
) -> Iterator[Item]:
    """The content of `container` (its text, then `children`) as items: the texts and tails
    read and cleared, wrapper children spliced (their own children in their place)."""
    text = container.text
    container.text = None
    if text:
        yield text
    for child in children:
        tail, child.tail = child.tail, None
        if is_element(child) and child.tag in wrappers and _has_items(child):
            yield from _read_items(child, list(child), frozenset())
        elif is_element(child):
            yield child
        if tail:
            yield tail


def _has_items(wrapper: Element) -> bool:
    """Whether a wrapper holds anything. An empty one is not spliced but stays a block (and
    goes later, with the other empty elements): `text<div></div>more` is two lines."""
    return len(wrapper) > 0 or not is_blank(wrapper.text)


def _append_items(target: Element, items: list[Item]) -> None:
    last: Element | None = None
    for item in items:
        if isinstance(item, str):
            append_text(target, last, item)
        else:
            target.append(item)
            last = item


def _append_paragraphs(container: Element, run: list[Item]) -> None:
    for chunk in _chunks(run):
        paragraph = etree.SubElement(container, "p")
        _append_items(paragraph, chunk)


def _chunks(run: list[Item]) -> list[list[Item]]:
    """`run` split at runs of two or more <br>, each chunk trimmed; empty chunks dropped."""
    chunks: list[list[Item]] = [[]]
    breaks = 0
    for item in run:
        if _is_break(item):
            breaks += 1
        elif not _is_blank_item(item):
            if breaks >= 2:
                chunks.append([])
            breaks = 0
        chunks[-1].append(item)
    trimmed = (_trim(chunk) for chunk in chunks)
    return [chunk for chunk in trimmed if chunk]


def _trim(chunk: list[Item]) -> list[Item]:
    start, end = 0, len(chunk)
    while start < end and (_is_break(chunk[start]) or _is_blank_item(chunk[start])):
        start += 1
    while end > start and (_is_break(chunk[end - 1]) or _is_blank_item(chunk[end - 1])):
        end -= 1
    return chunk[start:end]


def _is_break(item: Item) -> bool:
    return not isinstance(item, str) and item.tag == "br"


def _is_blank_item(item: Item) -> bool:
    return isinstance(item, str) and is_blank(item)


def split_paragraph(paragraph: Element) -> None:
    """A <p> holding `<br><br>` runs becomes several <p> (edge <br>s dropped), in place."""
    tail, paragraph.tail = paragraph.tail, None
    chunks = _chunks(list(_detach_items(paragraph, frozenset())))
    anchor = paragraph
    for chunk in chunks[1:]:
        sibling = paragraph.makeelement("p", {})
        _append_items(sibling, chunk)
        anchor.addnext(sibling)
        anchor = sibling
    if chunks:
        _append_items(paragraph, chunks[0])
    anchor.tail = tail
