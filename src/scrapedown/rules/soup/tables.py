"""Table rule: tables that fit a GFM pipe table get single-line cells; the others are kept as
minimal HTML by the converter (see `is_pipe_table`)."""

from __future__ import annotations

import re

from bs4.element import NavigableString, Tag

from scrapedown.options import Options
from scrapedown.parse.siblings import Siblings
from scrapedown.parse.soup import children_named, first_named, is_decomposed, new_tag, tags_named
from scrapedown.rules.soup.cell_lists import (
    clean_text_out_of_pre,
    emphasis_out_of_pre,
    links_out_of_code,
    lists_into_items,
    nested_emphasis_unwrapped,
    paragraphs_in_mixed_items,
    paragraphs_split_at_breaks,
    stray_items_into_lists,
    strays_out_of_list,
    unwrap_out_of_pre,
)
from scrapedown.tags import BLOCK_HTML_TAGS, TABLE_PART_PARENTS, TRIM_INSIDE, TRIM_OUTSIDE

_SPACES = re.compile(r"[ \t\r\n\f]+")
_BLANK_LINE = re.compile(r"\n(?=[^\S\n]*+\n)")  # (blank once the layout stage strips line ends)
_FENCE_START = re.compile(r"(?<=\n)([ \t]*+)([`~])(?=\2\2)")
_PRE_BLOCK = re.compile(r"(<pre[\s>].*?</pre>)", re.DOTALL)
# (the HTML is bs4's serialisation: every tag ends with `>`, so `[^>]*+` stops in the tag)
_SPACE_BESIDE_BLOCK = re.compile(
    r" ?(</?(?:ul|ol|li|dl|dt|dd|p|div|blockquote|table|tbody|thead|tfoot|tr|td|th|h[1-6]"
    r"|hr|section|article|figure|figcaption)(?=[\s/>])[^>]*+>) ?"
)

# Cell content a pipe table cannot hold (one line per cell, no blocks).
_ANY_CONTENT = ("img", "br", "hr", "video", "audio", "iframe")
# A nested table's empty cells stay (a calendar's blank days); its rows, parts and the table
# itself go when nothing but empty cells is left, as the `remove_empty` rule drops them.
_KEPT_EMPTY = frozenset({"td", "th", "br"})
# Each table part, and where it may stand.
_TABLE_PARTS = {**TABLE_PART_PARENTS, "caption": frozenset({"table"})}
_BLOCKS_IN_CELL = frozenset(
    {"ul", "ol", "dl", "pre", "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr"}
)


def rows_of(table: Tag) -> list[Tag]:
    """The rows of `table` itself (not of tables nested in its cells)."""
    rows: list[Tag] = []
    for child in table.children:
        if isinstance(child, Tag) and child.name == "tr":
            rows.append(child)
        elif isinstance(child, Tag) and child.name in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child.children if isinstance(c, Tag) and c.name == "tr")
    return rows


def cells_of(row: Tag) -> list[Tag]:
    return [c for c in row.children if isinstance(c, Tag) and c.name in ("td", "th")]


def span(cell: Tag, attr: str) -> int:
    value = str(cell.get(attr) or "1").strip()
    return max(1, min(1000, int(value))) if value.isdigit() else 1


# A pipe table pads every row to the widest one, one `|` per column spanned: `<td colspan=1000>`
# rows would make the output hundreds of times the input. Past this many padded cells per real
# cell (with some slack for small tables), the table stays minimal HTML, which keeps colspan.
_PADDING_PER_CELL = 8
_PADDING_SLACK = 256


def is_pipe_table(table: Tag) -> bool:
    """Whether `table` can be written as a GFM pipe table without losing anything, and without
    padding it far beyond its own size."""
    rows = rows_of(table)
    if not rows:
        return False
    cells = width = 0
    for row in rows:
        row_cells = cells_of(row)
        for cell in row_cells:
            if span(cell, "rowspan") > 1 or first_named(cell, *_BLOCKS_IN_CELL):
                return False
        cells += len(row_cells)
        width = max(width, sum(span(cell, "colspan") for cell in row_cells))
    return width * len(rows) <= _PADDING_PER_CELL * cells + _PADDING_SLACK


def prepare_tables(root: Tag, options: Options) -> None:
    """In pipe-able tables, paragraphs inside a cell are joined with <br>; a table left without
    text or media (its only image had no source) goes, as the next pass would drop it."""
    for table in tags_named(root, "table"):
        if is_decomposed(table):
            continue
        if not is_pipe_table(table):
            _tidy_kept_table(table, options)
        if _is_empty(table):
            table.decompose()
            continue
        if not is_pipe_table(table):
            continue
        for row in rows_of(table):
            for cell in cells_of(row):
                _flatten_paragraphs(cell)


def _tidy_kept_table(table: Tag, options: Options) -> None:
    """A table kept as HTML, as the next pass will read it: elements emptied by a later rule
    (an image without a source went) gone, rows left empty gone, and whitespace beside a
    block (layout, left out of the next pass's tree) gone."""
    clean_text = "text_whitespace" not in options.disabled_rules
    for row in rows_of(table):
        kept = [_tidy_kept_cell(cell, options, clean_text) for cell in cells_of(row)]
        if not any(kept):
            row.decompose()


def _tidy_kept_cell(cell: Tag, options: Options, clean_text: bool) -> bool:
    """Tidy one cell (see `_tidy_kept_table`); whether it has content left."""
    had_pre = first_named(cell, "pre") is not None
    for part in tags_named(cell, *_TABLE_PARTS):  # in document order: holders settle first
        in_quote = part.parent is not None and part.parent.name == "blockquote"
        if _misplaced(part) and part.name == "caption" and in_quote:
            part.name = "p"  # its line, which the next pass gives a paragraph in the quote
        elif _misplaced(part):
            part.unwrap()  # `<td><tr>`: the next pass's parser drops the stray part
    _unwrap_off_allowlist(cell)  # first: an unknown tag (`<pre><o><table>`) hides a closer
    nested_emphasis_unwrapped(cell)
    _close_as_parsed(cell)
    lists_into_items(cell)  # (one an unknown tag hid is now directly in a list)
    unwrap_out_of_pre(cell, options.unwrap_tags)
    if clean_text:
        clean_text_out_of_pre(cell)
    paragraphs_in_mixed_items(cell)
    paragraphs_split_at_breaks(cell)
    stray_items_into_lists(cell)
    if had_pre:
        emphasis_out_of_pre(cell, options)
        links_out_of_code(cell)
    for link in tags_named(cell, "a"):  # its text set late (a link emptied shows its target)
        if str(link.get("title", "x")).strip() in ("", link.get_text().strip()):
            del link["title"]  # as the `links` rule drops it
    full: set[int] = set()
    blanks: list[NavigableString] = []
    for node in reversed(list(cell.descendants)):
        if isinstance(node, Tag):
            if node.name in _KEPT_EMPTY and not _holds_content(node, full):
                continue  # kept, but it makes no element worth keeping (`<li><br></li>` goes)
            if node.name in _ANY_CONTENT or _holds_content(node, full):
                full.add(id(node))
                if node.name in ("ul", "ol"):
                    full.update(id(made) for made in strays_out_of_list(node))
            else:
                node.decompose()
        elif type(node) is NavigableString and not node.strip():
            blanks.append(node)
    for blank in blanks:  # (once the empty elements are gone: `<pre>…</pre><kbd></kbd> `)
        if vars(blank).get("parent") is not None and _beside_block(blank):  # (not decomposed)
            blank.extract()
    return _holds_content(cell, full)


# Elements the HTML parser closes when one of these starts inside them (an inline wrapper
# between them, `<p><a><ul>`, kept them nested until a rule unwrapped it). libxml2's own lists
# (its start-close table, checked by parsing each pair of kept block tags): `<pre>` ends at a
# list or a list's part but not at `<ol>`, `<dl>` at an `<li>`, `<ul>` (not `<ol>`) at `<pre>`.
_HEADING_CLOSERS = frozenset({"li", "p", "table"})
_CLOSED_BY = {
    "p": frozenset(
        {"ul", "ol", "dl", "p", "pre", "blockquote", "table", "div", "hr", "h1", "h2", "h3",
         "h4", "h5", "h6", "li", "dt", "dd"}
    ),
    "li": frozenset({"li"}),
    "pre": frozenset({"table", "ul", "dl", "li", "dt", "dd"}),
    "dl": frozenset({"li"}),
    "ul": frozenset({"pre"}),
    "dt": frozenset({"dt", "dd", "dl"}),
    "dd": frozenset({"dt", "dd"}),
    **{f"h{level}": _HEADING_CLOSERS for level in range(1, 7)},
}  # fmt: skip


def _close_as_parsed(cell: Tag) -> None:
    """Each element of `_CLOSED_BY` holding a child that closes it ends there, as the next
    pass's parser will read it: the child and what follows move out after it (the innermost
    first, so that what moves out of it settles before its holder is looked at)."""
    siblings = Siblings()
    for holder in reversed(tags_named(cell, *_CLOSED_BY)):
        closers = _CLOSED_BY[holder.name]
        children = holder.contents
        first = next((i for i, c in enumerate(children) if _named_in(c, closers)), None)
        if first is None:
            continue
        moved = children[first:]
        for position in range(len(children) - 1, first - 1, -1):  # from the end: no shifting
            children[position].extract(_self_index=position)
        siblings.insert_after(holder, *moved)


def _unwrap_off_allowlist(cell: Tag) -> None:
    """Tags off the allowlist of kept block HTML (a `<span>` the rules leave in a `<pre>`)
    unwrapped: kept, they make the next pass convert a list or quote holding the table, which
    is then read as Markdown renders it (a loose item: its text in a paragraph)."""
    siblings = Siblings()
    for tag in reversed(cell.find_all(True)):
        if tag.name not in BLOCK_HTML_TAGS and tag.name not in _ANY_CONTENT:
            siblings.unwrap(tag)


def _named_in(node: object, names: frozenset[str]) -> bool:
    return isinstance(node, Tag) and node.name in names


def _misplaced(node: Tag) -> bool:
    """A table part outside its place (`<td>` not in a row, `<tr>` not in a table…)."""
    parent = node.parent.name if node.parent is not None else ""
    return parent not in _TABLE_PARTS[node.name]


def _holds_content(tag: Tag, full: set[int]) -> bool:
    return any(id(c) in full or (type(c) is NavigableString and c.strip()) for c in tag.contents)


def _beside_block(text: NavigableString) -> bool:
    if any(p.name == "pre" for p in text.parents):
        return False
    before, after = text.previous_sibling, text.next_sibling
    return any(isinstance(n, Tag) and n.name in TRIM_OUTSIDE for n in (before, after)) or (
        (before is None or after is None)
        and text.parent is not None
        and text.parent.name in TRIM_INSIDE
    )


def _is_empty(table: Tag) -> bool:
    if table.get_text().strip():
        return False
    media = (tag for tag in tags_named(table, *_ANY_CONTENT) if tag.name not in ("br", "hr"))
    return not any(tag.name != "img" or tag.get("src") for tag in media)


def _flatten_paragraphs(cell: Tag) -> None:
    """Unwrap each paragraph, with a `<br>` after it when content follows in the cell. Worked
    out on the tree as it is (a paragraph's parent paragraph is unwrapped too, so what follows
    the parent follows it), then applied from the last one back so that positions hold."""
    blocks = tags_named(cell, "p", "div")
    follows: dict[int, bool] = {}
    for block in blocks:  # document order: a parent's answer is known before its children's
        parent = block.parent
        inherited = parent is not cell and follows.get(id(parent), False)
        follows[id(block)] = inherited or not _is_last_content(block)
    siblings = Siblings()
    for block in reversed(blocks):
        if follows[id(block)]:
            siblings.insert_after(block, new_tag(cell, "br"))
        siblings.unwrap(block)


def _is_last_content(block: Tag) -> bool:
    sibling = block.next_sibling
    while sibling is not None:
        if not (isinstance(sibling, NavigableString) and not sibling.strip()):
            return False
        sibling = sibling.next_sibling
    return True


def table_html(table: Tag) -> str:
    """A table that cannot be a pipe table, as minimal HTML (colspan/rowspan only), one row per
    line and no blank line, so that it stays one CommonMark HTML block."""
    lines = ["<table>"]
    caption = next(iter(children_named(table, "caption")), None)
    if caption is not None:
        lines.append(f"<caption>{_inline_html(caption)}</caption>")
    for row in rows_of(table):
        cells = "".join(_cell_html(cell) for cell in cells_of(row))
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</table>")
    # A blank line would end the HTML block; inside <pre> it is written as an entity instead.
    # A line starting like a code fence is written with an entity too: the layout stage would
    # take it for one and leave the blank lines after it alone.
    html = _BLANK_LINE.sub("&#10;", "\n".join(lines))
    return _FENCE_START.sub(lambda m: f"{m[1]}&#{ord(m[2])};", html) if "\n" in html else html


def _cell_html(cell: Tag) -> str:
    for paragraph in tags_named(cell, "p"):  # emptied by a later rule (an image without source)
        if not paragraph.get_text().strip() and first_named(paragraph, *_ANY_CONTENT) is None:
            paragraph.decompose()
    spans = "".join(
        f' {attr}="{span(cell, attr)}"' for attr in ("colspan", "rowspan") if span(cell, attr) > 1
    )
    return f"<{cell.name}{spans}>{_inline_html(cell)}</{cell.name}>"


def _inline_html(tag: Tag) -> str:
    html = tag.decode_contents()
    parts = _PRE_BLOCK.split(html) if "<pre" in html else [html]
    # Outside <pre>, a space beside a block tag is layout: the next pass leaves it out.
    for index in range(0, len(parts), 2):
        parts[index] = _SPACE_BESIDE_BLOCK.sub(r"\1", _SPACES.sub(" ", parts[index]))
    return "".join(parts).strip()
