"""Loose lists written as the next pass writes them.

CommonMark makes a whole list loose when one item holds a blank line between two of its blocks
(text then a code block: the converter writes a blank line before the fence). Rendered loose,
every item's text is a paragraph, and a paragraph before a nested list gets a blank line when
the list is converted again (`- 询` + `  - .` became `- 询` + blank + `  - .`). So the first
pass writes that blank line too, in each top-level list that is loose.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from scrapedown import commonmark

_LIST_OPEN = frozenset({"bullet_list_open", "ordered_list_open"})
_LIST_CLOSE = frozenset({"bullet_list_close", "ordered_list_close"})
# An item's text line with a nested item right under it (matched at line starts: linear).
_NESTED_UNDER_TEXT = re.compile(
    r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t][^\n]*+\n[ \t]++(?:[-*+]|\d{1,9}[.)])[ \t]", re.MULTILINE
)


def loose_list_gaps(markdown: str) -> str:
    """`markdown` (the converter's) with a blank line between an item's paragraph and a
    nested list right under it, in each top-level list that is loose."""
    if "\n\n" not in markdown or _NESTED_UNDER_TEXT.search(markdown) is None:
        return markdown  # the usual case: no parse
    gaps = _gap_lines(commonmark.block_parser().parse(markdown))
    if not gaps:
        return markdown
    lines = markdown.split("\n")
    for line in reversed(gaps):
        lines.insert(line, "")
    return "\n".join(lines)


def _gap_lines(tokens: list[Token]) -> list[int]:
    """The first lines of the nested lists that start right under a paragraph of their item,
    in top-level lists that are loose (their items' paragraphs shown), in order."""
    gaps: list[int] = []
    candidates: list[int] = []
    loose = False
    paragraph_end = -1  # where the last paragraph directly in an item ends
    for token in tokens:
        if token.level == 0 and token.type in _LIST_OPEN:
            candidates, loose, paragraph_end = [], False, -1
        elif token.level == 0 and token.type in _LIST_CLOSE and loose:
            gaps += candidates
        elif token.level == 2 and token.map is not None:
            if token.type == "paragraph_open":
                paragraph_end = token.map[1]
                loose = loose or not token.hidden
            elif token.type in _LIST_OPEN and token.map[0] == paragraph_end:
                candidates.append(token.map[0])
    return gaps
