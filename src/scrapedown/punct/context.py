"""Contextual conversions (docs/punctuation.md#by-context): line flags, rules for every line,
quotes, Latin lines.

They run after the context-free rules, so the neighbours they look at are already final, and
they look at the whole view, protected text included, so a line's context does not depend on what
happens to be protected (case L19).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapedown.punct import tables as t
from scrapedown.punct.rules import Pass
from scrapedown.punct.segments import Edit, Line

CJ_RE = re.compile(f"[{t.CJ_CLASS}]")
_WORD_RE = re.compile(r"[^\W\d_]+")

#: Mark first (the regex engine scans for it quickly), its context in lookarounds.
_EVERY_LINE_RE = re.compile(
    "[：，．＇](?:"
    r"(?<=[0-9]：)(?=[0-9])"  # colon between digits: 12:30
    r"|(?<=(?<![A-Za-z])http：)(?=//)|(?<=(?<![A-Za-z])https：)(?=//)"  # URL scheme
    r"|(?<=(?<![A-Za-z])ftp：)(?=//)"
    r"|(?<=(?<![A-Za-z])[A-Za-z]：)(?=[\\/])"  # drive letter: C:\
    r"|(?<=[0-9]，)(?=[0-9]{3}(?![0-9]))"  # thousands separator
    r"|(?<=[A-Za-z0-9]．)(?=[A-Za-z0-9])"  # 4.0, v1.2.3, www.gov.cn
    f"|(?<=(?<![A-Za-z])[A-Za-z]．)(?=[{t.CJ_CLASS}])"  # initial: B.盖茨
    r"|(?<=[A-Za-z]＇)(?=[A-Za-z])"  # apostrophe: I'm
    ")"
)
_EVERY_LINE_MAP = {"：": ":", "，": ",", "．": ".", "＇": "'"}
_QUERY_RE = re.compile(r"？(?=[A-Za-z0-9_.\-]+=)")
_LATIN_MARK_RE = re.compile("[" + "".join(t.LATIN_LINE_MAP) + "]")
_QUOTES = (("＂", '"', "“", "”"), ("＇", "'", "‘", "’"))


@dataclass(frozen=True)
class LineFlags:
    """``cj`` = the line has Han/kana/bopomofo; ``latin`` = no CJ and two or more words."""

    cj: bool
    latin: bool


def line_flags(view: str) -> LineFlags:
    """The flags of a line, computed on its whole view (protected text included)."""
    if CJ_RE.search(view):
        return LineFlags(cj=True, latin=False)
    words = _WORD_RE.finditer(view)
    latin = next(words, None) is not None and next(words, None) is not None
    return LineFlags(cj=False, latin=latin)


def convert_every_line(line: Line, run: Pass, urls: list[tuple[int, int]]) -> None:
    """Times, URL schemes, drive letters, thousands, ``．`` in words and numbers, apostrophes,
    and the ``？`` of a query string right after a bare URL."""
    view = line.view
    edits: list[Edit] = []
    for match in _EVERY_LINE_RE.finditer(view):
        edits.append((*match.span(), _EVERY_LINE_MAP[match.group()]))
    url_ends = {end for _, end in urls}
    for match in _QUERY_RE.finditer(view):
        if match.start() in url_ends:
            edits.append((match.start(), match.end(), "?"))
    line.apply(sorted(edits, key=lambda edit: edit[0]))


def pair_quotes(line: Line, run: Pass, flags: LineFlags) -> None:
    """``＂…＂`` -> ``“…”`` when they pair up on a CJ line, else ASCII; the same for ``＇``."""
    edits: list[Edit] = []
    for fullwidth, ascii_quote, opening, closing in _QUOTES:
        if fullwidth not in line.view:
            continue
        positions = [
            pos
            for pos, ch in enumerate(line.view)
            if ch == fullwidth and line.editable(pos, pos + 1)
        ]
        paired = flags.cj and len(positions) % 2 == 0
        for index, pos in enumerate(positions):
            quote = (closing if index % 2 else opening) if paired else ascii_quote
            edits.append((pos, pos + 1, quote))
    line.apply(sorted(edits, key=lambda edit: edit[0]))


def convert_latin_line(line: Line, run: Pass) -> None:
    """On a Latin line ``，。：；！？（）［］｛｝～、．`` become ASCII, with the missing spaces."""
    view = line.view
    edits: list[Edit] = []
    for match in _LATIN_MARK_RE.finditer(view):
        start, end = match.span()
        text = _spaced(line, start, t.LATIN_LINE_MAP[match.group()])
        edits.append((start, end, run.converted(line, start, end, text)))
    line.apply(edits)


def _spaced(line: Line, pos: int, ascii_mark: str) -> str:
    """The converted mark with a space before or after it where English needs one.

    A space after a mark goes before any Markdown syntax that follows it: a delimiter run
    between punctuation and a letter can only open emphasis, so ``，**world**`` and
    ``**Hello，**world`` render as before. Brackets get no space next to hidden syntax:
    ``**（x）**case`` must not become ``**(x) **case``, which would no longer close.
    """
    view = line.view
    mark = view[pos]
    after = view[pos + 1] if pos + 1 < len(view) else ""
    before = view[pos - 1] if pos > 0 else ""
    space_after = not line.hidden_at(pos + 1)
    if mark in t.SPACED_AFTER:
        if after.isalpha() or (_is_ascii_digit(after) and not _is_ascii_digit(before)):
            return ascii_mark + " "
        if mark in t.SPACED_BEFORE_OPENER and after in "\"'(（" and pos + 2 < len(view):
            return ascii_mark + " " if view[pos + 2].isalnum() else ascii_mark
    if mark == "（" and _is_ascii_alnum(before) and not line.hidden_at(pos):
        return " " + ascii_mark
    if mark == "）" and _is_ascii_alnum(after) and space_after:
        return ascii_mark + " "
    return ascii_mark


def _is_ascii_digit(ch: str) -> bool:
    return "0" <= ch <= "9" if ch else False


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() if ch else False
