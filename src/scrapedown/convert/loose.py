"""Loose lists written as the next pass writes them.

CommonMark makes a whole list loose when one item holds a blank line between two of its blocks
(text then a code block: the converter writes a blank line before the fence). Rendered loose,
every item's text is a paragraph, and a paragraph before a nested list gets a blank line when
the list is converted again (`- 询` + `  - .` became `- 询` + blank + `  - .`). So the first
pass writes that blank line too, in each top-level list that is loose and that the next pass
converts again: one holding the emphasis the converter keeps as inline HTML (`<strong>`…, off
the allowlist of Markdown's inline HTML). A list kept as Markdown is read as it is.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from scrapedown import commonmark

_LIST_OPEN = frozenset({"bullet_list_open", "ordered_list_open"})
_LIST_CLOSE = frozenset({"bullet_list_close", "ordered_list_close"})
_CONVERTED_AGAIN = re.compile(r"</?(?:strong|em|del)>")  # (`escape.EMPHASIS_HTML_TAGS`)
# An item's text line with a nested item right under it (matched at line starts: linear).
_NESTED_UNDER_TEXT = re.compile(
    r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t][^\n]*+\n[ \t]++(?:[-*+]|\d{1,9}[.)])[ \t]", re.MULTILINE
)


def loose_list_gaps(markdown: str) -> str:
    """`markdown` (the converter's) with a blank line between an item's paragraph and a
    nested list right under it, in each top-level list that is loose."""
    if "\n\n" not in markdown or _NESTED_UNDER_TEXT.search(markdown) is None:
        return markdown  # the usual case: no parse
    lines = markdown.split("\n")
    gaps = _gap_lines(commonmark.block_parser().parse(markdown), lines)
    if not gaps:
        return markdown
    for line in reversed(gaps):
        lines.insert(line, "")
    return "\n".join(lines)


def _gap_lines(tokens: list[Token], lines: list[str]) -> list[int]:
    """The first lines of the nested lists that start right under a paragraph of their item,
    in top-level lists that are loose (their items' paragraphs shown) and converted again, in
    order."""
    gaps: list[int] = []
    candidates: list[int] = []
    loose = False
    source = ""
    paragraph_end = -1  # where the last paragraph directly in an item ends
    for token in tokens:
        if token.level == 0 and token.type in _LIST_OPEN and token.map is not None:
            candidates, loose, paragraph_end = [], False, -1
            source = "\n".join(lines[token.map[0] : token.map[1]])
        elif token.level == 0 and token.type in _LIST_CLOSE and loose:
            gaps += candidates if _CONVERTED_AGAIN.search(source) else []
        elif token.level == 2 and token.map is not None:
            if token.type == "paragraph_open":
                paragraph_end = token.map[1]
                loose = loose or not token.hidden
            elif token.type in _LIST_OPEN and token.map[0] == paragraph_end:
                candidates.append(token.map[0])
    return gaps
