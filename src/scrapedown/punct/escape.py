"""Markdown escaping of what the conversions create: normalise first, escape after
(docs/punctuation.md#where-it-runs).

A full-width ``＊`` that becomes ``*`` must not start emphasis, a ``＃`` at a line start must not
become a heading, ``｜`` must not split a table cell. Escapes are added only where the character
would otherwise be syntax; an escape is a hidden ``\\`` plus a protected character, exactly how
the tokenizer reads it back on the next run, so a second run sees the same view (idempotency).
"""

from __future__ import annotations

import re
import unicodedata

from scrapedown.punct.segments import EDIT, HIDE, KEEP, Line, Replacement, Segment
from scrapedown.punct.syntax import CREATED_SYNTAX_RE, HTML_TAG
from scrapedown.tags import COMMONMARK_BLOCK_TAGS

#: Characters whose conversion may create syntax in the middle of a line.
SIGNIFICANT = frozenset("*_~[]|\\#()!")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

#: Block starts a converted line must not acquire; the group marks the character to escape.
#: Up to three spaces may come first (`\u200b <div>` is a block once the space is gone).
#: Used with `match` at a line start; the lookbehind keeps a scan of a text linear (each
#: alternative is tried at line starts only, not from every character of a long run).
_HTML_BLOCK_NAMES = "|".join(COMMONMARK_BLOCK_TAGS)
_BLOCK_START_RE = re.compile(
    r"(?<![^\n]) {0,3}(?:(?P<e>#)#{0,5}(?:[ \t]|$)"
    r"|(?P<b>[-+*])(?:[ \t]|$)"
    r"|[0-9]{1,9}(?P<o>[.)])(?:[ \t]|$)"
    r"|(?P<q>>)"
    r"|(?P<t>[-*_=])[ \t]*(?:[-*_=][ \t]*)*$"
    r"|(?P<f>`{3,}(?=[^`]*$)|~{3})"
    rf"|(?P<h><)(?:[?!]|/?(?:script|pre|style|textarea|{_HTML_BLOCK_NAMES})(?:[ \t>]|/>|$))"
    rf"|(?=(?:{HTML_TAG})[ \t]*$)(?P<g><)"
    # a link reference definition (`[x]：x` -> `[x]: x` would define one and vanish)
    r"|(?P<r>\[)(?=(?:[^\[\]\\\n]|\\.)*+\]:))",
    re.IGNORECASE,
)


def starts_block(text: str) -> bool:
    """Whether a line starting with this text would start a Markdown block (heading, list, …)."""
    return _BLOCK_START_RE.match(text) is not None


def hiding_block_start(text: str, *, after_paragraph: bool = False) -> int | None:
    """Where to put a `\\` when a line starting with `text` would start a block that hides
    text it shows as a paragraph's line: a link reference definition (shows nothing; its
    `[`) or an ordered list item (its number is no text; the delimiter). None otherwise.
    With `after_paragraph`, only what cannot interrupt a paragraph (the line was one's
    continuation): not an item numbered 1 with content."""
    block = _BLOCK_START_RE.match(text)
    if block is None or block.lastgroup not in ("r", "o"):
        return None
    at = block.start(block.lastgroup)
    if after_paragraph and block.lastgroup == "o":
        number, rest = text[:at].lstrip(" "), text[at + 1 :]
        return at if number.lstrip("0") != "1" or not rest.strip() else None
    return at


def is_space(ch: str | None) -> bool:
    """Whitespace for CommonMark flanking (the line end counts as whitespace)."""
    return ch is None or ch.isspace()


def is_punct(ch: str) -> bool:
    """Unicode punctuation or symbol, as CommonMark 0.31 defines punctuation."""
    return ch in _ASCII_PUNCT or unicodedata.category(ch)[0] in "PS"


def is_word(ch: str | None) -> bool:
    """Neither whitespace nor punctuation: an ``_`` between two of these is literal."""
    return ch is not None and not ch.isspace() and not is_punct(ch)


def needs_escape(
    ch: str, before: str | None, after: str | None, *, in_table: bool, open_link: bool
) -> bool:
    """Whether a converted ASCII character would be Markdown syntax between these neighbours.

    ``|`` is syntax only in a table (a paragraph with a delimiter row), ``)`` only where it could
    close a ``](`` of the paragraph.
    """
    if ch in "*~":
        return before is None or not before.isspace() or not is_space(after)
    if ch == "_":
        return not (is_word(before) and is_word(after))
    if ch in "[]":
        return True
    if ch == "|":
        return in_table
    if ch == "\\":
        return after is None or not (after.isalnum() or after.isspace())
    if ch == "#":
        return is_space(before) and (after is None or after.isspace() or after in "#＃")
    if ch == "(":
        return before == "]"
    if ch == ")":
        return open_link
    if ch == "!":
        return after == "["
    return False


def markdown_replacement(
    line: Line, start: int, end: int, text: str, *, in_table: bool = False, open_link: bool = False
) -> Replacement:
    """The replacement of view[start:end] by converted text, escaped where it would be syntax."""
    if not any(ch in SIGNIFICANT for ch in text) and line.raw_before(start) != "\\":
        return text
    out: list[Segment] = []
    before = line.raw_before(start)
    if (
        before == "\\"
        and not line.hidden_at(start)
        and line.editable(start - 1, start)
        and text[:1] in _ASCII_PUNCT
    ):
        out.append((HIDE, "\\"))  # a literal backslash before us would escape us: escape it
    for index, ch in enumerate(text):
        after = text[index + 1] if index + 1 < len(text) else line.raw_after(end)
        if ch in SIGNIFICANT and needs_escape(
            ch, before, after, in_table=in_table, open_link=open_link
        ):
            out.extend(((HIDE, "\\"), (KEEP, ch)))
        else:
            out.append((EDIT, ch))
        before = ch
    return tuple(out)


def finish_markdown_line(line: Line, old_raw: str) -> str:
    """The line's new raw text, with the syntax that its conversion created escaped."""
    inserts: set[int] = set()
    raw_parts: list[str] = []
    literal_at: list[int] = []  # raw offsets of editable '<' and '&'
    offset = 0
    for kind, text in line.segments:
        if kind == EDIT:
            literal_at.extend(offset + i for i, ch in enumerate(text) if ch in "<&")
        raw_parts.append(text)
        offset += len(text)
    raw = "".join(raw_parts)
    inserts.update(pos for pos in literal_at if CREATED_SYNTAX_RE.match(raw, pos))
    block = _BLOCK_START_RE.match(raw)
    if block and not _BLOCK_START_RE.match(old_raw):
        inserts.add(block.start(block.lastgroup or 0))
    if raw.endswith("\\") and not old_raw.endswith("\\") and line.segments[-1][0] == EDIT:
        inserts.add(len(raw) - 1)  # a new trailing backslash would be a hard line break
    if not inserts:
        return raw
    parts: list[str] = []
    cur = 0
    for pos in sorted(inserts):
        parts.extend((raw[cur:pos], "\\"))
        cur = pos
    parts.append(raw[cur:])
    return "".join(parts)
