"""List repairs (lxml phase): what scraped lists hold besides their items, and GFM task-list
checkboxes.

A browser shows content that sits directly in a `<ul>`/`<ol>` (not in an `<li>`) as a block of
its own between the items: `<ol>x<li>y</li>z</ol>` reads "x", "1. y", "z". Markdown has no
such place, so that content leaves the list: before it, after it, or between the two halves of
a list split around it (the second half of an `<ol>` numbered on from the first).
"""

from __future__ import annotations

from scrapedown.options import Options
from scrapedown.parse.tree import (
    Element,
    append_text,
    elements,
    is_blank,
    is_element,
    remove,
    replace_with_text,
    text_content,
    unwrap_all,
)
from scrapedown.tags import BLOCK_TAGS, CONTENT_WITHOUT_TEXT, LISTS

Node = str | Element  # a text run or an element, in document order
Run = tuple[bool, list[Node]]  # (holds items, its nodes in order)
_CONTENT = tuple(CONTENT_WITHOUT_TEXT)
# A link is split around the blocks it holds by the `links` rule, each piece keeping the target.
_SPLIT_LATER = frozenset({"a"})


def lists_into_items(root: Element) -> None:
    """`<ul><li>a</li><ul>…</ul></ul>`: the inner list belongs to the item before it (an item
    of its own when there is none)."""
    for inner in elements(root, *LISTS):
        parent = inner.getparent()
        if parent is None or parent.tag not in LISTS:
            continue
        previous = inner.getprevious()
        if previous is not None and previous.tag == "li":
            tail, inner.tail = inner.tail, None
            previous.append(inner)
            append_text(parent, previous, tail)
        else:
            item = inner.makeelement("li", {})
            inner.addprevious(item)
            item.tail, inner.tail = inner.tail, None
            item.append(inner)


def strays_out_of_lists(root: Element) -> None:
    """Text and non-item elements directly in a list move out of it, as blocks (inline runs
    in a <p>); a run without content (`<br>`, spaces) is dropped instead, so that it never
    splits a list. Outer lists first: what leaves an inner list stays in its item."""
    for a_list in elements(root, *LISTS):
        if a_list.getparent() is None:
            continue
        _unwrap_mixed_wrappers(a_list)
        if _has_strays(a_list):
            _split_around_strays(a_list)
        else:
            a_list.text = None  # layout before the first item: not kept in minimal HTML either


def stray_items_into_lists(root: Element, options: Options) -> None:
    """A stray item right after a bulleted list (`<ul><li>a</ul><li>b`, or with the list at
    the end of a wrapper that goes, `<details><ul><li>a</details><li>b`) joins it: written as
    a block, its bullet made the two one loose list, which a second pass writes tight."""
    for item in elements(root, "li"):
        parent = item.getparent()
        if parent is None or parent.tag in _ITEM_HOLDERS:
            continue
        holder = item.getprevious()
        if holder is None or not is_blank(holder.tail) or not is_blank(_text_before(item)):
            continue
        while holder.tag in options.unwrap_tags and len(holder) and is_blank(holder[-1].tail):
            holder = holder[-1]
        if holder.tag == "ul":
            tail, item.tail = item.tail, None
            append_text(parent, item.getprevious(), tail)
            holder.append(item)


def _text_before(item: Element) -> str | None:
    previous = item.getprevious()
    return previous.tail if previous is not None else None


def _unwrap_mixed_wrappers(a_list: Element) -> None:
    """The wrappers between a list and its items (`<ul><l>a<li>x`, `<ol><d><c>-<li>`, as the
    parser nests an item opened in an unknown element) are unwrapped when one holds content
    of its own: its items are the list's, the rest strays, shown as a block before the item
    as a browser shows it. (A link is left: the `links` rule splits it around its blocks.)"""
    chains: dict[Element, None] = {}
    for item in a_list.iter("li"):
        chain: list[Element] = []
        holder = item.getparent()
        while holder is not None and holder is not a_list and holder.tag not in _ITEM_HOLDERS:
            chain.append(holder)
            holder = holder.getparent()
        if (
            holder is a_list
            and chain
            and not any(wrapper.tag in _SPLIT_LATER for wrapper in chain)
            and any(_has_own_content(wrapper) for wrapper in chain)
        ):
            chains.update(dict.fromkeys(chain))
    if chains:
        unwrap_all([e for e in a_list.iter() if e in chains])  # in document order


# An item's nearest list, or an item holding it: the walk up from an item stops there.
_ITEM_HOLDERS = frozenset({"li", *LISTS})


def _has_own_content(wrapper: Element) -> bool:
    """Text or an element other than an item or a wrapper of items (blank text aside)."""
    if not is_blank(wrapper.text):
        return True
    return any(
        not is_blank(child.tail) or (child.tag != "li" and next(child.iter("li"), None) is None)
        for child in wrapper
    )


def _holds_items(node: Node) -> bool:
    # A wrapper around items (`<ul><div><li>…`) is part of the list, not a stray.
    return not isinstance(node, str) and (
        node.tag in ("li", *LISTS) or next(node.iter("li"), None) is not None
    )


def _has_strays(a_list: Element) -> bool:
    if not is_blank(a_list.text):
        return True
    return any(not _holds_items(child) or not is_blank(child.tail) for child in a_list)


def _runs(a_list: Element) -> list[Run]:
    """The list's content as alternating runs of items and strays with content, the list
    emptied (a run without content is left out, and the items around it join)."""
    nodes: list[Node] = [a_list.text or ""]
    for child in list(a_list):
        tail, child.tail = child.tail or "", None
        a_list.remove(child)
        nodes += [child if is_element(child) else "", tail]
    a_list.text = None
    runs: list[Run] = []
    for node in nodes:
        items = _holds_items(node)
        if not runs or runs[-1][0] != items:
            runs.append((items, []))
        runs[-1][1].append(node)
    kept: list[Run] = []
    for items, run in runs:
        if not items and not _has_content(run):
            continue
        if kept and kept[-1][0] and items:
            kept[-1][1].extend(run)
        else:
            kept.append((items, run))
    return kept


def _has_content(nodes: list[Node]) -> bool:
    for node in nodes:
        if isinstance(node, str):
            if not is_blank(node):
                return True
        elif not is_blank(text_content(node)) or next(node.iter(*_CONTENT), None) is not None:
            return True
    return False


def _split_around_strays(a_list: Element) -> None:
    first, numbered, reused = _start(a_list), 0, False
    pieces: list[Element] = []
    for items, nodes in _runs(a_list):
        if not items:
            pieces += _as_blocks(nodes, a_list)
            continue
        holder = _continuation(a_list, first + numbered) if reused else a_list
        reused = True
        for node in nodes:
            assert not isinstance(node, str)  # an item run holds elements only (`_runs`)
            holder.append(node)
        numbered += sum(1 for node in nodes if not isinstance(node, str) and node.tag == "li")
        pieces.append(holder)
    _place(a_list, pieces)


def _start(a_list: Element) -> int:
    start = str(a_list.get("start") or "1").strip()
    return int(start) if start.isdigit() and len(start) < 9 else 1


def _continuation(a_list: Element, start: int) -> Element:
    """A new list for the items after a stray block: same kind, numbering carried on."""
    attributes = dict(a_list.attrib)
    if a_list.tag == "ol":
        attributes["start"] = str(start)
    return a_list.makeelement(a_list.tag, attributes)


def _as_blocks(nodes: list[Node], a_list: Element) -> list[Element]:
    """Stray nodes as blocks: block elements as they are, inline runs in a <p>."""
    blocks: list[Element] = []
    paragraph: Element | None = None
    for node in nodes:
        if not isinstance(node, str) and node.tag in BLOCK_TAGS:
            blocks.append(node)
            paragraph = None
            continue
        if paragraph is None:
            if isinstance(node, str) and is_blank(node):
                continue
            paragraph = a_list.makeelement("p", {})
            blocks.append(paragraph)
        if isinstance(node, str):
            append_text(paragraph, paragraph[-1] if len(paragraph) else None, node)
        else:
            paragraph.append(node)
    return blocks


def _place(a_list: Element, pieces: list[Element]) -> None:
    """`pieces` where `a_list` was (it may be one of them), its tail after the last."""
    tail, a_list.tail = a_list.tail, None
    if not any(piece is a_list for piece in pieces):
        for piece in pieces:
            a_list.addprevious(piece)
        a_list.tail = tail
        remove(a_list)
        return
    before = True
    last = a_list
    for piece in pieces:
        if piece is a_list:
            before = False
        elif before:
            a_list.addprevious(piece)
        else:
            last.addnext(piece)
            last = piece
    last.tail = tail


# --- GFM task lists -----------------------------------------------------------------------------


def mark_task_checkboxes(root: Element, options: Options) -> None:
    """A checkbox that opens a list item becomes the item's GFM task marker, `[x] ` when
    checked, `[ ] ` when not. It must run before `drop_junk`, which removes every <input>;
    a checkbox anywhere else is left to it."""
    for box in elements(root, "input"):
        if str(box.get("type") or "").strip().lower() == "checkbox" and _opens_item(box):
            replace_with_text(box, "[x] " if box.get("checked") is not None else "[ ] ")


def _opens_item(box: Element) -> bool:
    """Whether nothing visible comes before `box` in its nearest list item."""
    item = next((a for a in box.iterancestors() if a.tag == "li"), None)
    if item is None:
        return False
    ancestors = set(box.iterancestors())  # held, so lxml keeps one proxy per node
    for node in item.iter():  # document order: a node before `box` is an ancestor or precedes it
        if node is box:
            return True
        if node in ancestors:
            if not is_blank(node.text) or node.tag in _NOT_A_TASK:
                return False
        elif is_element(node) or not is_blank(node.tail):
            return False
    return False


# Inside these a `[x]` is not a task marker.
_NOT_A_TASK = frozenset({"pre", "code", "table", "blockquote", "a"})
