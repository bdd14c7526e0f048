"""Repairs of invalid nesting that scraped HTML is full of and Markdown cannot express
(lxml phase): lists directly inside lists and content directly inside lists (`rules.lists`),
table parts outside tables or stray content inside them, blocks inside inline elements,
images inside code."""

from __future__ import annotations

from scrapedown.options import Options
from scrapedown.parse.tree import Element, append_text, elements, is_blank, is_element, unwrap
from scrapedown.rules.tree.lists import (
    lists_into_items,
    stray_items_into_lists,
    strays_out_of_lists,
)
from scrapedown.tags import BLOCK_TAGS, TABLE_PART_PARENTS

_TABLE_PARTS = ("tr", "td", "th", "thead", "tbody", "tfoot")
_ROW_GROUPS = frozenset({"table", "thead", "tbody", "tfoot"})
_CELLS = frozenset({"td", "th"})
# Inline elements that cannot hold a block in Markdown: the block wins, the inline goes.
_INLINE_HOLDERS = (
    "code", "kbd", "samp", "var", "sup", "sub", "small", "q", "abbr",
    "b", "strong", "i", "em", "s", "strike", "del", "u", "mark", "ins",
)  # fmt: skip
_BLOCKS = tuple(BLOCK_TAGS)
_CODE = ("pre", "code", "kbd", "samp")  # kbd and samp are written as code spans too


def repair_nesting(root: Element, options: Options) -> None:
    """Run the repairs, in the order they depend on each other."""
    lists_into_items(root)
    strays_out_of_lists(root)
    stray_items_into_lists(root, options)
    _table_parts_outside_tables(root)
    _stray_content_in_tables(root)
    _misplaced_table_parts(root)
    _blocks_out_of_inline(root)
    _blocks_out_of_headings(root)
    _images_out_of_code(root)


def _table_parts_outside_tables(root: Element) -> None:
    for part in reversed(elements(root, *_TABLE_PARTS)):
        if not any(ancestor.tag == "table" for ancestor in part.iterancestors()):
            if part.tag in _CELLS and part.getnext() is not None:
                part.tail = " " + (part.tail or "")  # cells read side by side
            unwrap(part)


def _misplaced_table_parts(root: Element) -> None:
    """A table part where it may not stand (`<li><div><th>`, as libxml2 nests it) is dropped by
    the next pass's parser, so it goes now, before the rules that give loose text a paragraph."""
    for part in elements(root, *TABLE_PART_PARENTS):  # document order: holders settle first
        parent = part.getparent()
        if parent is not None and parent.tag not in TABLE_PART_PARENTS[str(part.tag)]:
            if part.tag in _CELLS and part.getnext() is not None:
                part.tail = " " + (part.tail or "")  # cells read side by side
            unwrap(part)


def _stray_content_in_tables(root: Element) -> None:
    """Text or elements directly in a table or row (not in a cell) would break a pipe table:
    row-level strays join the cell before them, table-level strays go before the table."""
    for table in elements(root, "table"):
        for holder in [table, *(g for g in table if is_element(g) and g.tag in _ROW_GROUPS)]:
            _move_before(table, holder)
            for row in [r for r in holder if is_element(r) and r.tag == "tr"]:
                _into_cells(row)


def _move_before(table: Element, holder: Element) -> None:
    allowed = {"tr", "thead", "tbody", "tfoot", "caption", "colgroup", "col"}
    parent = table.getparent()
    assert parent is not None  # a table under the root, which is never a table
    if holder.text is not None and not is_blank(holder.text):
        append_text(parent, table.getprevious(), holder.text.strip() + " ")
    holder.text = None
    row: Element | None = None  # cells straight in a table (libxml2 adds no <tr>) share a new row
    for child in list(holder):
        if child.tail is not None and not is_blank(child.tail):
            append_text(parent, table.getprevious(), child.tail.strip() + " ")
        child.tail = None
        if is_element(child) and child.tag in _CELLS:
            if row is None:
                row = holder.makeelement("tr", {})
                child.addprevious(row)
            row.append(child)
            continue
        row = None
        if not is_element(child) or child.tag not in allowed:
            table.addprevious(child)


def _into_cells(row: Element) -> None:
    cell: Element | None = None
    if not is_blank(row.text):
        cell = row.makeelement("td", {})
        row.insert(0, cell)
        cell.text, row.text = row.text, None
    for child in list(row):
        stray_tail = None if is_blank(child.tail) else child.tail
        child.tail = None
        if is_element(child) and child.tag in _CELLS:
            cell = child
        else:
            if cell is None:
                cell = row.makeelement("td", {})
                child.addprevious(cell)
            cell.append(child)
        if stray_tail is not None and cell is not None:
            append_text(cell, cell[-1] if len(cell) else None, stray_tail)


def _blocks_out_of_inline(root: Element) -> None:
    holders = elements(root, *_INLINE_HOLDERS)
    if not holders:
        return
    # The elements holding a block anywhere inside, marked once upwards from each block (a
    # search under every holder was a walk per holder). Unwrapping a holder leaves its blocks
    # inside the same ancestors, so the marks stay true while the loop unwraps.
    holding: set[Element] = set()
    for block in root.iter(*_BLOCKS):
        for ancestor in block.iterancestors():
            if ancestor in holding:
                break
            holding.add(ancestor)
    for holder in reversed(holders):
        if holder in holding:
            unwrap(holder)


def _blocks_out_of_headings(root: Element) -> None:
    """An ATX heading is one line: a heading holding lists, code or tables is a section of
    blocks instead (its own text becomes a paragraph)."""
    for heading in reversed(elements(root, "h1", "h2", "h3", "h4", "h5", "h6")):
        # (a heading with no child element holds no block: lxml's matcher for 50 names
        # is built at every call, for the few headings that hold elements)
        if len(heading) and next(heading.iterdescendants(*_BLOCKS), None) is not None:
            heading.tag = "div"


def _images_out_of_code(root: Element) -> None:
    """A code block cannot show an image: it moves out, right after the code."""
    for image in elements(root, "img"):
        code = next((a for a in image.iterancestors() if a.tag in _CODE), None)
        if code is None:
            continue
        outer = code
        for ancestor in code.iterancestors():
            if ancestor.tag in _CODE:
                outer = ancestor
        parent = image.getparent()
        assert parent is not None  # it has a code ancestor
        append_text(parent, image.getprevious(), image.tail)
        image.tail = None
        outer.addnext(image)
