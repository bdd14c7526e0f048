"""A cheaper proof that `safety.markdown.repair` would change nothing: parse only the sections
of the text that hold a suspect line, not the whole text.

A converted article that mentions a tag in inline code (`` `<textarea>` ``), escapes one
(`\\<T>`) or keeps one in a link title fails the first look of `safe_body`, and `repair` then
parses the whole body with markdown-it only to find nothing to edit (a tenth of `clean`'s
time). Most lines of such a body are far from any suspect `<`.

A *section* starts at a line at column 0 that follows a blank line (or at the first line) while
no top-level fenced code block or HTML block of kinds 1-5 (`<script`, `<pre`, `<style`,
`<textarea`, `<!--`, `<?`, `<!X`, `<![CDATA[`, the blocks that run over blank lines) is open.
There markdown-it's block parser is at the top level with nothing open: a blank line ends every
paragraph, table, HTML block of kinds 6-7 and block quote, and a line at column 0 ends every
indented code block and list item (with the fences and HTML blocks inside them: a non-blank
line indented less than its container ends them). So each section parses alone into the same
blocks as in the whole text (a list item at column 0 may continue the list of the section
before, which changes the list's tokens, not the inline and HTML-block tokens `repair` reads),
and — with no reference definition anywhere (no `]:`), no CR — the inline parse of its
paragraphs is the same too. `leaves_unchanged` then gives, section by section, the verdict of
`repair`'s first round.

Where the fences and long HTML blocks are cannot always be told line by line: a fence line
indented 1-3 spaces may be top-level or in a list item. Only these are followed:

- at column 0 after a blank line (or first): a fence or a long HTML block opens at the top
  level, exactly as markdown-it reads it there (a `|` in the line gives up: it might be a
  table's header);
- indented 1-3 spaces after a blank line, a fence opening: in either reading it runs to the
  next line that would close it; a line indented less than the opening before that gives up
  (it could end the list item, and the closing line open a top-level fence);
- anything else that could open a fence or a long HTML block (not after a blank line, or a
  long HTML opening indented 1-3 spaces) gives up, unless its HTML block would end on the same
  line. The caller then runs `repair`.

Linear: one pass over the lines, then markdown-it over the suspect sections only.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from scrapedown.safety.markdown import leaves_unchanged

# The HTML blocks of kinds 1-5 (markdown-it's start and end patterns): they run over blank
# lines until their end pattern, which may sit on the opening line.
_LONG_HTML: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"<(?a:script|pre|style|textarea)(?=[\s>]|$)", re.IGNORECASE),
        re.compile(r"</(?a:script|pre|style|textarea)>", re.IGNORECASE),
    ),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)
_FENCE = re.compile(r"(`{3,}+|~{3,}+)")


class _UnsureError(Exception):
    """The sections cannot be told with certainty: the caller runs the full repair."""


def sections_unchanged(markdown: str, positions: list[int]) -> bool:
    """Whether `repair(markdown)` returns `markdown`, shown by parsing only the sections that
    hold one of `positions` (the suspect positions of `safety.markdown._suspect_lines`);
    False when that cannot be shown this way."""
    if "\r" in markdown:
        return False  # (markdown-it reads a CR as a line break: other line numbers)
    lines = markdown.split("\n")
    try:
        starts, fenced = _sections(lines)
    except _UnsureError:
        return False
    offsets = [0]
    for text in lines[:-1]:
        offsets.append(offsets[-1] + len(text) + 1)
    by_section: dict[int, set[int]] = {}
    for position in positions:
        line = bisect_right(offsets, position) - 1
        if line not in fenced:  # (a top-level fence's lines: never edited)
            by_section.setdefault(bisect_right(starts, line) - 1, set()).add(line)
    if by_section and "]:" in markdown:
        return False  # a reference definition: links resolved across the whole text
    bounds = [*(offsets[s] for s in starts), len(markdown) + 1]
    for first, last in _runs(sorted(by_section)):
        # (consecutive sections parse as one: fewer parses, the same tokens)
        top = starts[first]
        suspects = {line - top for index in range(first, last + 1) for line in by_section[index]}
        if not leaves_unchanged(markdown[bounds[first] : bounds[last + 1]], suspects):
            return False
    return True


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers in sorted `indexes`."""
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def _column(line: str) -> int:
    """The column of the first character that is not a space or tab (tabs to 4)."""
    column = 0
    for character in line:
        if character == " ":
            column += 1
        elif character == "\t":
            column += 4 - column % 4
        else:
            break
    return column


def _sections(lines: list[str]) -> tuple[list[int], set[int]]:
    """The first line of each section, and the lines of top-level fences (see the module
    docstring); raises `_UnsureError` where either is unsure."""
    starts = [0]  # (the first line starts a section, whatever it holds)
    fenced: set[int] = set()
    index, count = 0, len(lines)
    blank_before = True
    while index < count:
        line = lines[index]
        rest = line.lstrip(" \t")
        if not rest:
            blank_before = True
            index += 1
            continue
        column = 0 if rest is line else _column(line)
        if column == 0 and blank_before and index:
            starts.append(index)
        index = _after_block(lines, index, rest, column, blank_before, fenced)
        blank_before = False
    return starts, fenced


def _after_block(
    lines: list[str], index: int, rest: str, column: int, blank_before: bool, fenced: set[int]
) -> int:
    """The line after the fence or long HTML block that line `index` opens (the next line when
    it opens none); adds a top-level fence's lines to `fenced`."""
    if column >= 4:
        return index + 1  # (indented code at the top level: opens nothing that runs on)
    if rest.startswith(("```", "~~~")):
        marker = _FENCE.match(rest)
        assert marker is not None
        run = marker.group(1)
        if run[0] == "`" and "`" in rest[len(run) :]:
            return index + 1  # not a fence: text
        if not blank_before or "|" in lines[index]:
            raise _UnsureError
        end = _fence_end(lines, index, run, column)
        if column == 0:
            fenced.update(range(index, end))
        return end
    if rest.startswith("<"):
        for start, end_pattern in _LONG_HTML:
            if start.match(rest):
                if end_pattern.search(rest):
                    return index + 1  # ends on its own line
                if column or not blank_before or "|" in lines[index]:
                    raise _UnsureError
                return _html_end(lines, index, end_pattern)
    return index + 1


def _fence_end(lines: list[str], index: int, run: str, column: int) -> int:
    """The line after the fence opened by `run` at line `index` (its closing line, or the
    end). Opened at column 1-3, a non-blank line indented less before it gives up."""
    for following in range(index + 1, len(lines)):
        line = lines[following]
        rest = line.lstrip(" \t")
        if not rest:
            continue
        indent = 0 if rest is line else _column(line)
        if indent < column:
            raise _UnsureError
        if indent < 4 and rest.startswith(run) and not rest.lstrip(run[0]).strip(" \t"):
            return following + 1
    return len(lines)


def _html_end(lines: list[str], index: int, end_pattern: re.Pattern[str]) -> int:
    """The line after the top-level HTML block of kinds 1-5 opened at line `index`."""
    for following in range(index + 1, len(lines)):
        if end_pattern.search(lines[following]):
            return following + 1
    return len(lines)
