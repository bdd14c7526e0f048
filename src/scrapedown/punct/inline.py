"""Markdown inline syntax -> segments: what a reader sees, what must not change, what is syntax.

A paragraph (its lines joined by ``\\n``, block prefixes removed) is scanned left to right, the
way CommonMark gives code spans, autolinks and raw HTML precedence over everything else:

* backslash escapes: the ``\\`` hidden, the character protected;
* code spans: backticks hidden, content protected (visible: it is context);
* autolinks: brackets hidden, URL protected; raw HTML tags and comments: hidden;
* link and image syntax ``[``, ``![``, ``]``, ``](destination "title")``, ``][label]``: hidden;
* runs of ``*``, ``_`` and ``~`` (emphasis, strikethrough, or literal inside a word): hidden;
* entity references: protected; everything else: editable text.
"""

from __future__ import annotations

import re

from scrapedown.punct.segments import EDIT, HIDE, KEEP, Segment
from scrapedown.punct.syntax import AUTOLINK, ENTITY, HTML_TAG, LINK_TAIL, REF_TAIL

_TOKEN_RE = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<hardbreak>\\(?=\n|\Z))"
    r"|(?P<ticks>`+)"
    f"|(?P<autolink>{AUTOLINK})"
    f"|(?P<html>{HTML_TAG})"
    f"|(?P<tail>{LINK_TAIL}|{REF_TAIL})"
    r"|(?P<bracket>!?\[|\])"
    r"|(?P<delimiter>\*+|~+|_+)"
    f"|(?P<entity>{ENTITY})"
)
_SYNTAX_START_RE = re.compile(r"[\\`<\[\]!*~_&]")


def tokenize(text: str) -> list[Segment]:
    """Segments of a paragraph's inline content (``\\n`` between its lines is kept visible)."""
    if not _SYNTAX_START_RE.search(text):
        return [(EDIT, text)]
    segments: list[Segment] = []
    pos = 0
    scan = 0
    while (match := _TOKEN_RE.search(text, scan)) is not None:
        start, end = match.span()
        kind = match.lastgroup
        tokens: list[Segment]
        if kind == "ticks":
            closing = _closing_backticks(text, end, end - start)
            if closing is None:
                tokens, end = [(KEEP, match.group())], end
            else:
                tokens = [(HIDE, match.group()), (KEEP, text[end : closing[0]])]
                tokens.append((HIDE, text[closing[0] : closing[1]]))
                end = closing[1]
        elif kind == "escape":
            tokens = [(HIDE, "\\"), (KEEP, match.group()[1])]
        elif kind == "autolink":
            tokens = [(HIDE, "<"), (KEEP, match.group()[1:-1]), (HIDE, ">")]
        elif kind == "entity":
            tokens = [(KEEP, match.group())]
        else:
            tokens = [(HIDE, match.group())]
        segments.append((EDIT, text[pos:start]))
        segments.extend(tokens)
        pos = scan = end
    segments.append((EDIT, text[pos:]))
    return [segment for segment in segments if segment[1]]


def _closing_backticks(text: str, start: int, count: int) -> tuple[int, int] | None:
    """Span of the backtick run of exactly `count` that closes a code span, if any."""
    match = re.compile(f"(?<!`){'`' * count}(?!`)").search(text, start)
    return match.span() if match else None
