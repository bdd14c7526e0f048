"""A cheap proof that `safety.markdown.repair` would change nothing: every suspect `<` sits in
the content of a top-level fenced code block.

A converted article with code in it (`#include <stdio.h>`, `List<T>`) fails the first look of
`safe_body` (its raw `<` may be a tag), and `repair` then parses the whole body with markdown-it
only to find the `<` in code: a third of the corpus bodies, 12% of `clean_html`'s time. repair
edits only blocks and paragraphs covering a suspect line, and definitions (whose unsafe URLs
`unsafe_destination_positions` sees first, as in `safe_body`'s own first look), so when every
suspect line is fence content it returns its input.

Fences are recognised only where no context can change what they are, and anything else that
looks like a fence line gives up (the caller then runs `repair`): an opening line at column 0
after a blank line (or at the start), backticks or tildes, no backtick in a backtick fence's
info string. A blank line ends every open paragraph, table, HTML block of kinds 6–7, list item
and block quote that a line at column 0 could belong to; the HTML blocks that span blank lines
(kinds 1–5: `<script`, `<pre`, `<style`, `<textarea`, `<!`, `<?`) must not start anywhere
outside fences (a one-line `<!-- -->`, the converter's list separator, ends where it starts).
The text outside fences must also pass `is_safe_html` on its own, so no tag can hide across a
fence's edge. Linear: one pass over the lines, possessive patterns.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from scrapedown.safety.html import html_edits, is_safe_html

# A line that may be a fence marker: up to three spaces, then three backticks or tildes.
_MARKER = re.compile(r" {0,3}+(?:```|~~~)")
_OPENING = re.compile(r"(`{3,}+|~{3,}+)([^\n]*+)")
# HTML blocks that continue over blank lines start with one of these (any case).
_LONG_HTML = re.compile(r"<(?:script|pre|style|textarea|[!?])", re.IGNORECASE)
_LIST_SEPARATOR = "<!-- -->"


def only_fenced_suspects(markdown: str) -> bool:
    """Whether every position `repair` would look at is inside a top-level fenced code block
    (see the module docstring); False whenever that cannot be shown cheaply."""
    if "\r" in markdown:
        return False
    lines = markdown.split("\n")
    fenced = _fence_content_lines(lines)
    if not fenced:  # (no fence: nothing to prove, and no second scan of an unsafe body)
        return False
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for edit in html_edits(markdown, autolinks=True):
        if bisect_right(starts, edit.start) - 1 not in fenced:
            return False
    outside = "\n".join("" if i in fenced else line for i, line in enumerate(lines))
    return is_safe_html(outside)


def _fence_content_lines(lines: list[str]) -> set[int] | None:
    """The indexes of the content lines of top-level fences, or None when a line outside them
    could start a long HTML block or looks like a fence line that is not a sure opening."""
    fenced: set[int] = set()
    fence = ""  # the opening run of the fence we are in
    previous_blank = True
    for index, line in enumerate(lines):
        if fence:
            if _closes(line, fence):
                fence = ""
                previous_blank = False
            else:
                fenced.add(index)
            continue
        if _MARKER.match(line):
            opening = _OPENING.fullmatch(line)
            if not previous_blank or opening is None or _bad_info(opening):
                return None
            fence = opening.group(1)
            continue
        if "<" in line and line.strip() != _LIST_SEPARATOR and _LONG_HTML.search(line):
            return None
        previous_blank = not line.strip(" \t")
    return fenced


def _bad_info(opening: re.Match[str]) -> bool:
    return opening.group(1)[0] == "`" and "`" in opening.group(2)


def _closes(line: str, fence: str) -> bool:
    """Whether `line` closes a fence opened by `fence` (CommonMark: up to three spaces, a run of
    the same character at least as long, then only spaces or tabs)."""
    body = line.lstrip(" ")
    if len(line) - len(body) > 3:
        return False
    run = len(body) - len(body.lstrip(fence[0]))
    return run >= len(fence) and not body[run:].strip(" \t")
