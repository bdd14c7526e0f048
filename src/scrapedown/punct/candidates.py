"""Cheap whole-text searches that find the lines that could change, so clean text costs little.

They are conservative: a line they report may still come out unchanged, but a line they do not
report is one the rules would leave alone (a property test compares both paths). Every pattern
starts with a literal character or a character set, which the regex engine scans for quickly.
"""

from __future__ import annotations

import re

from scrapedown.chars import INVISIBLE
from scrapedown.punct import tables as t
from scrapedown.punct.options import PunctOptions

_ALWAYS = (
    "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"  # letters and digits
    + t.ASCII_ONLY_SYMBOLS
    + "－＂＇．\u3000"
    + t.HALFWIDTH_FORMS
)
_INVISIBLE = INVISIBLE
_MARKS = "".join(t.LATIN_LINE_MAP)
_CJ = t.CJ_CLASS

_QUICK_RE = re.compile(f"[{_ALWAYS}{_MARKS}]")
_QUICK_WITH_INVISIBLE_RE = re.compile(f"[{_ALWAYS}{_MARKS}{_INVISIBLE}]")
_ALWAYS_RE = re.compile(f"[{_ALWAYS}]")
_ALWAYS_WITH_INVISIBLE_RE = re.compile(f"[{_ALWAYS}{_INVISIBLE}]")

#: The contextual rules for ``：，？`` (digits around, drive or scheme letter, query string).
_CONTEXT_TEXT_RE = re.compile(
    r"[：，？](?:(?<=[0-9][：，])(?=[0-9])|(?<=[A-Za-z]：)(?=[\\/])|(?<=？)(?=[A-Za-z0-9_.\-]+=))"
)
#: In Markdown, syntax may sit between the mark and its neighbours (``**1**，**000**``).
_GAP = r"(?:[!-/:-@\[-`{-~]|\]\([^()\n]*\)|<[^<>\n]*>)*"
_CONTEXT_MARKDOWN_RE = re.compile(
    rf"[：，？](?:(?<=[0-9A-Za-z!-/:-@\[-`{{-~][：，])(?={_GAP}[0-9\\/])"
    rf"|(?<=？)(?={_GAP}[A-Za-z0-9_.\-]+{_GAP}=))"
)
#: A line with a Latin-line mark and no CJ text (``\n`` first: the engine jumps between lines).
_LATIN_LINE_RE = re.compile(f"\n[^\n{_CJ}{_MARKS}]*+[{_MARKS}][^\n{_CJ}]*+(?=\n|\\Z)")
#: A line with a mark and syntax that hides text (link targets, tags): its view may have no CJ.
_HIDDEN_TEXT_LINE_RE = re.compile(
    f"\n(?=[^\n{_MARKS}]*+[{_MARKS}])(?=(?:[^\n<\\]]|\\](?![(\\[]))*+(?:<|\\][(\\[]))"
)

Lines = list[tuple[int, int]]
"""(start, end) offsets of lines, end excluding the newline."""


def document_may_change(text: str, options: PunctOptions) -> bool:
    """False when no rule can apply anywhere in the text."""
    if options.any_optional:
        return True
    quick = _QUICK_WITH_INVISIBLE_RE if options.nbsp_and_zero_width else _QUICK_RE
    return quick.search(text) is not None


def candidate_lines(
    text: str, options: PunctOptions, markdown: bool, *, every_line: bool = False
) -> Lines:
    """The lines that could change, in order, each once (all of them with `every_line`)."""
    if every_line or options.any_optional:
        return _all_lines(text)
    always = _ALWAYS_WITH_INVISIBLE_RE if options.nbsp_and_zero_width else _ALWAYS_RE
    context = _CONTEXT_MARKDOWN_RE if markdown else _CONTEXT_TEXT_RE
    hits = [match.start() for match in always.finditer(text)]
    hits.extend(match.start() for match in context.finditer(text))
    padded = "\n" + text  # so that the first line starts with a newline too
    hits.extend(match.start() for match in _LATIN_LINE_RE.finditer(padded))
    if markdown:
        hits.extend(match.start() for match in _HIDDEN_TEXT_LINE_RE.finditer(padded))
    return _lines_at(text, sorted(hits))


def _all_lines(text: str) -> Lines:
    lines: Lines = []
    start = 0
    for newline in re.finditer("\n", text):
        lines.append((start, newline.start()))
        start = newline.end()
    lines.append((start, len(text)))
    return lines


def _lines_at(text: str, positions: list[int]) -> Lines:
    """The lines holding these sorted positions, each once."""
    lines: Lines = []
    for pos in positions:
        if lines and pos <= lines[-1][1]:
            continue
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        lines.append((start, len(text) if end < 0 else end))
    return lines
