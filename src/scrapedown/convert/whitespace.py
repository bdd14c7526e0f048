"""Stage 7 (layout part): blank lines and trailing spaces of converted Markdown, never inside
fenced code, whose content is verbatim."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t>*+\-\d.)]*?(`{3,}|~{3,})")
# A run of blanks is tried once, from its start, and never given back (lookbehind, possessive):
# tried from each of its characters, a long run that is not at a line end is quadratic.
# U+3000, U+00A0 and zero-width characters count as blank: the punctuation stage deletes them on
# a line of their own, and the line left blank at the start would be stripped by the next run
# only (after which what follows may read as another block: `\xa0` + `<mark>`).
_LEADING_BLANK_LINES = re.compile(
    "(?<![ \t\u3000\xa0\u200b\u2060\ufeff])(?:[ \t\u3000\xa0\u200b\u2060\ufeff]*+\n)+"
)
_TRAILING_SPACE = re.compile(r"(?<![^\S\n])[^\S\n]++$", re.MULTILINE)  # what str.rstrip removes
_BLANK_RUN = re.compile(r"\n{3,}")


def tidy_markdown(markdown: str) -> str:
    """One blank line between blocks, no trailing spaces, no blank lines at either end."""
    if "```" not in markdown and "~~~" not in markdown:  # no fence: two regex passes suffice
        return strip_blank_edges(_BLANK_RUN.sub("\n\n", _TRAILING_SPACE.sub("", markdown)))
    return _tidy_lines(markdown)


def _tidy_lines(markdown: str) -> str:
    out: list[str] = []
    fence = ""
    blank_run = 0
    for line in markdown.split("\n"):
        if fence:
            out.append(line)
            # (a fence in a list item or quote closes behind the same prefix: `  > ````)
            closing = _FENCE.match(line)
            if (
                closing
                and closing.group(1).startswith(fence)
                and not line[closing.end() :].strip(fence[0] + " \t")
            ):
                fence = ""
            continue
        stripped = line.rstrip()
        if not stripped:
            blank_run += 1
            if blank_run == 1:
                out.append("")
            continue
        blank_run = 0
        out.append(stripped)
        opening = _FENCE.match(stripped)
        if opening:
            fence = opening.group(1)
    return strip_blank_edges("\n".join(out))


def strip_blank_edges(text: str) -> str:
    """`text` without blank lines at its start and end."""
    leading = _LEADING_BLANK_LINES.match(text)
    if leading:
        text = text[leading.end() :]
    # Trailing: what rstrip takes, except the spaces that end the last line of content.
    content = text.rstrip(" \t\n")
    line_end = text.find("\n", len(content))
    return text if line_end < 0 else text[:line_end]


# A list marker at the start of a line: a bullet character, or a number and its delimiter.
_LIST_ITEM = re.compile(r"(?:([-*+])|\d{1,9}([.)]))(?:[ \t]|$)")
# CommonMark ends a list at an HTML block; once the two sides are Markdown, this comment line
# keeps them two lists (what walk.LIST_SEPARATOR does inside one region).
_LIST_BREAK = "<!-- -->"


def join_parts(parts: list[str]) -> str:
    """Converted parts of a body, one blank line apart; where one part ends with a list and the
    next starts with a list of the same kind, a comment line keeps them from merging."""
    joined: list[str] = []
    for part in parts:
        kind = _list_kind(part)
        before = _ending_list_kind(joined[-1]) if joined else None
        # An indented line after a list would continue its last item (`\td` after `- a` is
        # the item's paragraph, not the code block it was): the comment ends the list.
        if before is not None and (kind == before or part[:1] in (" ", "\t")):
            joined.append(_LIST_BREAK)
        joined.append(part)
    return "\n\n".join(joined)


def _list_kind(line: str) -> str | None:
    """`-`, `*`, `+`, `.` or `)` when `line` starts a list item."""
    match = _LIST_ITEM.match(line)
    return (match.group(1) or match.group(2)) if match else None


def _ending_list_kind(markdown: str) -> str | None:
    """The kind of list (`_list_kind`) the last top-level block of `markdown` is, or None.
    An item's marker may be indented up to three spaces (` -`: the lines are read in order,
    each item's content lines, indented past its marker, skipped)."""
    kind: str | None = None
    content = 0  # the indentation of the current item's content (0: no item)
    lines = markdown.split("\n")
    start = len(lines) - 1  # from its last unindented line: no state reaches past one
    while start > 0 and lines[start][:1] in ("", " ", "\t"):
        start -= 1
    for line in lines[start:]:
        text = line.lstrip(" \t")
        if not text:
            continue
        indent = len(line[: len(line) - len(text)].expandtabs(4))
        if content and indent >= content:
            continue  # the item's own content (a nested list, a paragraph)
        item = _LIST_ITEM.match(text) if indent <= 3 else None
        kind = (item.group(1) or item.group(2)) if item else None
        content = indent + item.end(1 if item.group(1) else 2) + 1 if item else 0
    return kind
