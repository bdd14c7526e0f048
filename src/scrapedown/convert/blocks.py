"""The list, definition-list and table part of the converter (docs/conventions.md): numbered
items counted from the list's `start`, one bullet, stray items as blocks; `dt` as a bold line;
GFM pipe tables padded to their widest row, or minimal HTML when a table cannot be a pipe table.

`Converter` (`convert/converter.py`) inherits these `convert_*` methods; markdownify finds them
by name like its own.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from bs4.element import Tag
from markdownify import MarkdownConverter

from scrapedown.convert.escape import html_token
from scrapedown.convert.walk import beside_item
from scrapedown.parse.soup import ancestor_named, children_named, first_named
from scrapedown.rules.soup.emphasis import shows_nothing
from scrapedown.rules.soup.tables import cells_of, is_pipe_table, rows_of, span, table_html
from scrapedown.tags import LISTS

ParentTags = AbstractSet[str]
WHITESPACE = re.compile(r"[ \t\r\n\f]+")  # HTML's white space (the converter's too)
# A hard break as `convert_br` writes it: a backslash before a line end that is not itself
# escaped (an even run before it is literal backslashes).
_HARD_BREAK = re.compile(r"(?<!\\)((?:\\\\)*+)\\\n")
# A line-start escape (`\>`, `\#`, `\-`…) at the start of a line that a term joins into one:
# mid-line, the next pass finds it needless and drops it.
_JOINED_LINE_START = re.compile(r"(\n[ \t]*+)\\(?=[>#+=-])")
_THEMATIC_BREAK = re.compile(r"\A- *+-(?: *+-)++ *+$")


class ListAndTableMarkup(MarkdownConverter):
    """markdownify's list and table conversion with scrapedown's conventions."""

    _list_positions: dict[int, int]  # id(li) -> index among its list's items (set by __init__)
    _table_shapes: dict[int, tuple[int, int]]  # id(table) -> (columns, id of the header row)

    def convert_li(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if isinstance(parent, Tag) and parent.name == "ol":
            start = str(parent.get("start") or "1").strip()
            first = int(start) if start.isdigit() and len(start) < 9 else 1
            bullet = f"{first + self._position_in_list(el)}. "
        else:
            bullet = f"{self.options['bullets'][0]} "
        indent = " " * len(bullet)
        lines = text.split("\n")
        if lines[0] == "---" and _THEMATIC_BREAK.match(bullet + lines[0]):
            lines[0] = "***"  # `- ---` is a thematic break, not an item holding one
        rest = "".join("\n" + (indent + line if line else "") for line in lines[1:])
        if not (isinstance(parent, Tag) and parent.name in LISTS):  # a stray item is a block
            before = "" if beside_item(el, "previous_sibling") else "\n\n"
            after = "\n" if beside_item(el, "next_sibling") else "\n\n"
            return f"{before}{bullet}{lines[0]}{rest}{after}"
        return f"{bullet}{lines[0]}{rest}\n"

    def _position_in_list(self, item: Tag) -> int:
        if id(item) not in self._list_positions:
            parent = item.parent
            siblings = children_named(parent, "li") if isinstance(parent, Tag) else []
            self._list_positions.update((id(li), index) for index, li in enumerate(siblings))
        return self._list_positions.get(id(item), 0)

    def convert_ol(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        markdown: str = super().convert_list(el, text, parent_tags)
        start = str(el.get("start") or "1").strip()
        if "li" in parent_tags and markdown.startswith("\n") and start not in ("1", ""):
            # A list not starting at 1 cannot interrupt a paragraph (`- a\n  3. b` is one
            # paragraph): a blank line before it (the item's own first line strips it).
            markdown = "\n" + markdown
        return markdown

    def convert_dt(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        if first_named(el, "table", "pre", "ul", "ol", "blockquote") is not None:
            return f"\n\n{text.strip()}\n\n"  # blocks cannot be one bold line
        # one line: a break in it is a space (`\\` + newline, collapsed, showed a backslash)
        if "`" not in text:  # (in a code span a backslash is the code's)
            text = _JOINED_LINE_START.sub(r"\1", text)
        text = WHITESPACE.sub(" ", _HARD_BREAK.sub(r"\1 ", text)).strip()
        if not text:
            return ""
        if shows_nothing(el):
            return f"\n\n{text}\n\n"  # punctuation alone: the emphasis rule unwraps such bold
        # (already emphasised, with `*` or with the `<strong>` written where `**` cannot
        # close: a second `**` around it would nest bold in bold, which a second run undoes)
        plain = "*" not in text and html_token("strong") not in text
        return f"\n\n{f'**{text}**' if plain else text}\n\n"

    def convert_caption(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        # A block of its own (markdownify writes it only before a newline): outside a table,
        # where unwrapping an `<amp-img>` leaves one, it starts its line as the escaping read it.
        text = text.strip()
        return f"\n\n{text}\n\n" if text else ""

    def convert_dd(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        text = text.strip()
        return f"\n\n{text}\n\n" if text else ""

    # --- tables -----------------------------------------------------------------------------

    def convert_table(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        if not rows_of(el):
            return text  # no rows: what lxml left in it is ordinary content
        if not is_pipe_table(el):
            return f"\n\n{table_html(el)}\n\n"
        return f"\n\n{text.strip(chr(10))}\n\n"

    def convert_tr(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        table = ancestor_named(el, "table")
        if table is None or not self._table_shape(table)[0]:
            return text  # not in a table, or in one without rows of its own (in its caption)
        width, first_row = self._table_shape(table)
        row_width = sum(span(cell, "colspan") for cell in cells_of(el))
        line = "|" + text + "  |" * max(0, width - row_width)  # as an empty cell is written
        if id(el) == first_row:
            line += "\n|" + " --- |" * width
        return line + "\n"

    def _table_shape(self, table: Tag) -> tuple[int, int]:
        """(number of columns, id of the header row) of a pipe table; (0, 0) without rows."""
        if id(table) not in self._table_shapes:
            rows = rows_of(table)
            width = max((sum(span(c, "colspan") for c in cells_of(row)) for row in rows), default=0)
            self._table_shapes[id(table)] = (max(width, 1), id(rows[0])) if rows else (0, 0)
        return self._table_shapes[id(table)]

    def convert_td(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        cell = WHITESPACE.sub(" ", text).strip()
        return " " + cell + " |" + "  |" * (span(el, "colspan") - 1)  # padding: empty cells

    convert_th = convert_td
