"""Protected spans of plain text (docs/punctuation.md#where-it-runs, items 1–4), found before
any conversion.

Plain text may still hold Markdown-ish code and links (a scraped title, a commit message), so the
plain-text normaliser protects fenced code blocks, code spans, link destinations ``](…)`` and
autolinks ``<scheme:…>``. A span that starts first wins and is never overlapped by a later one.
Bare URLs and e-mails are found later, per line (`syntax.find_urls_and_emails`).
"""

from __future__ import annotations

import re

from scrapedown.chars import INVISIBLE
from scrapedown.punct.syntax import AUTOLINK, LINK_TAIL

#: Characters the normaliser deletes at a line start may precede a fence: once deleted, the
#: fence would be there, so it is protected from the start.
_INDENT = f"[ \t\u3000{INVISIBLE}]*"
_FENCE_RE = re.compile(f"\n{_INDENT}(`{{3,}}|~{{3,}})")
# Each pattern starts with a literal, which the regex engine finds quickly.
_TICKS_RE = re.compile("``*")
_LINK_TAIL_RE = re.compile(LINK_TAIL)
_AUTOLINK_RE = re.compile(AUTOLINK)
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")

Span = tuple[int, int]


def find_protected_spans(text: str) -> list[Span]:
    """Sorted, non-overlapping (start, end) offsets of the text's protected spans."""
    fences = _fenced_blocks(text) if "```" in text or "~~~" in text else []
    starts: list[tuple[int, int, str]] = []
    if "`" in text:
        starts.extend((m.start(), m.end(), "ticks") for m in _TICKS_RE.finditer(text))
    if "](" in text:
        starts.extend((*m.span(), "link") for m in _LINK_TAIL_RE.finditer(text))
    if "<" in text:
        starts.extend((*m.span(), "auto") for m in _AUTOLINK_RE.finditer(text))
    if not starts:
        return fences
    spans = list(fences)
    pos = 0
    for start, end, kind in sorted(starts):
        if start < pos or any(lo <= start < hi for lo, hi in fences):
            continue
        if kind == "ticks":
            closing = _code_span_end(text, start, end, fences)
            if closing is None:
                continue
            end = closing
        spans.append((start, end))
        pos = end
    return sorted(spans)


def _fenced_blocks(text: str) -> list[Span]:
    """Fenced code blocks, from the opening fence line to the end of the closing one."""
    blocks: list[Span] = []
    padded = "\n" + text
    pos = 0
    while (opening := _FENCE_RE.search(padded, pos)) is not None:
        fence = opening.group(1)
        marker = f"{re.escape(fence[0])}{{{len(fence)},}}"
        closing = re.compile(rf"\n{_INDENT}{marker}{_INDENT}(?=\n|\Z)")
        found = closing.search(padded, opening.end())
        end = len(padded) if found is None else found.end()
        blocks.append((opening.start(), end - 1))
        pos = end
    return blocks


def _code_span_end(text: str, start: int, end: int, fences: list[Span]) -> int | None:
    """End of the code span opened by the backtick run text[start:end], within its paragraph."""
    limit = min([lo for lo, _ in fences if lo > start] or [len(text)])
    blank = _BLANK_LINE_RE.search(text, end, limit)
    stop = blank.start() if blank else limit
    closing = re.compile(f"(?<!`){'`' * (end - start)}(?!`)").search(text, end, stop)
    return closing.end() if closing else None
