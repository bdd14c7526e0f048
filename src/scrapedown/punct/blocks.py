"""A small CommonMark block scanner: which lines hold normalisable text, and their prefixes.

It answers two questions per line, with the CommonMark rules that matter here: is the line
inside a fenced or indented code block, an HTML block or a link reference definition (then it is
left alone), and how long is its block prefix (blockquote ``>``, list marker, heading ``#``), which
is hidden from the rules. Text lines are grouped into paragraphs so that code spans and tags
that cross a line break are recognised. Where a case is ambiguous, it errs towards "code".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scrapedown.punct.syntax import HTML_TAG
from scrapedown.tags import COMMONMARK_BLOCK_TAGS, UNBALANCED_TAGS

_QUOTE_MARKERS_RE = re.compile(r"(?:[ \t]{0,3}>[ \t]?)*")
_LIST_MARKER_RE = re.compile(r"(?<![ \t])[ \t]*+(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]+|$)")
_PREFIX_RE = re.compile(  # matched at a line start: tried at line starts only, a scan is linear
    r"(?<![^\n])(?:[ \t]*>[ \t]?|[ \t]*(?:[-+*]|[0-9]{1,9}[.)])(?=[ \t]|$))*[ \t]*"
    r"(?:\[[ xX]\][ \t]+)?(?P<heading>#{1,6}(?=[ \t]|$)[ \t]*)?"
)
# Each run of blanks or fence characters is tried once, from its start (lookbehind, possessive
# quantifiers): tried from every position inside a long run, the scan is quadratic.
_FENCE_RE = re.compile(r"(?<![ \t`~])[ \t]*+(`{3,}+(?=[^`]*$)|~{3,}+)")
_LINK_DEFINITION_RE = re.compile(r"[ \t]{0,3}\[(?!\^)(?:[^\[\]\\]|\\.)+\]:")
# A setext heading's underline: after paragraph text, `-` is no empty list item (one cannot
# interrupt a paragraph), and the indented line after the heading is code. (The lookbehind: a
# search starts at the start of a run only, linear.)
_SETEXT_RE = re.compile(r"(?<![=-])(?:=++|-++)[ \t]*+$")
_BLANK = re.compile(r"\A\Z")  # sentinel: an HTML block that ends at a blank line

#: CommonMark HTML block start conditions 1–6 (with their end) and 7 (ends at a blank line).
_HTML_STARTS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"<(?:script|pre|style|textarea)(?:[ \t>]|$)", re.IGNORECASE),
        re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE),
    ),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
    (
        re.compile(rf"</?(?:{'|'.join(COMMONMARK_BLOCK_TAGS)})(?:[ \t>]|/>|$)", re.IGNORECASE),
        _BLANK,
    ),
)
# Line starts only (it is matched at one): a scan of a text stays linear.
_HTML_COMPLETE_TAG_RE = re.compile(rf"(?<![^\n])(?:{HTML_TAG})[ \t]*$")
_COUNTED_NAME = rf"(?!(?:{'|'.join(sorted(UNBALANCED_TAGS))})[\s/>])[A-Za-z][A-Za-z0-9\-]*"
#: An opening (group: "") or closing (group: "/") tag of an element that must be closed.
_COUNTED_TAG_RE = re.compile(rf"<(/?){_COUNTED_NAME}(?:\s[^<>]*)?(?<!/)>", re.IGNORECASE)

Group = list[tuple[int, int]]
"""A paragraph: (line index, prefix length) of each of its lines."""


@dataclass
class _State:
    groups: list[Group] = field(default_factory=list)
    group: Group = field(default_factory=list)
    fence: str = ""
    fence_indent: int = 0
    html_end: re.Pattern[str] | None = None
    html_depth: int = 0
    paragraph: bool = False
    list_indent: int = -1

    def close_group(self) -> None:
        if self.group:
            self.groups.append(self.group)
            self.group = []
        self.paragraph = False


def text_groups(lines: list[str], last: int | None = None) -> list[Group]:
    """The paragraphs of normalisable text in a Markdown document split into lines.

    With `last`, scanning stops at the end of the paragraph holding line `last`.
    """
    state = _State()
    for index, line in enumerate(lines):
        if last is not None and index > last and not state.group:
            break
        if state.fence:
            _continue_fence(state, line)
        elif state.html_end is not None:
            _continue_html(state, line)
        else:
            _scan_line(state, index, line)
    state.close_group()
    return state.groups


def _continue_fence(state: _State, line: str) -> None:
    if state.fence[0] not in line:
        return  # (most lines of code: no run of the fence's character can close it)
    inner = line[_end_of_quote_markers(line) :]
    body = inner.lstrip(" \t")
    marker = body.rstrip(" \t")
    indent = _width(inner[: len(inner) - len(body)]) - state.fence_indent
    is_closing = len(marker) >= len(state.fence) and set(marker) == {state.fence[0]}
    if is_closing and indent < 4:
        state.fence = ""


def _continue_html(state: _State, line: str) -> None:
    """An HTML block goes on to its end condition, and past a blank line while an element
    opened in it is still open (a scraped ``<div>`` or ``<pre>`` with blank lines inside)."""
    state.html_depth += _open_elements(line)
    if state.html_end is _BLANK:
        if not line.strip() and state.html_depth <= 0:
            state.html_end = None
    elif state.html_end is not None and state.html_end.search(line):
        state.html_end = _BLANK if state.html_depth > 0 else None


def _open_elements(line: str) -> int:
    """Elements opened minus elements closed on the line (void and optional-end ones aside)."""
    if "<" not in line:
        return 0
    slashes = _COUNTED_TAG_RE.findall(line)
    return len(slashes) - 2 * slashes.count("/")


#: A line starting with none of these is paragraph text with no prefix (the common case).
_MAY_START_SYNTAX = frozenset(" \t>-+*#<[`~=_|0123456789")


def _scan_line(state: _State, index: int, line: str) -> None:
    if not line:
        state.close_group()  # a blank line (what the steps below find for it, at once)
        return
    if line[0] not in _MAY_START_SYNTAX:
        if not state.paragraph:
            state.close_group()
            state.list_indent = -1
        state.group.append((index, 0))
        state.paragraph = True
        return
    quote_end = _end_of_quote_markers(line)
    inner = line[quote_end:]
    body = inner.lstrip(" \t")
    if not body:
        state.close_group()
        return
    indent = _width(inner[: len(inner) - len(body)])
    item = _LIST_MARKER_RE.match(inner)
    if state.list_indent >= 0 and indent < state.list_indent and not state.paragraph and not item:
        state.list_indent = -1  # a line left of the list's content after a blank: list over
    relative = indent - state.list_indent if 0 <= state.list_indent <= indent else indent
    if relative >= 4 and not state.paragraph:
        state.close_group()  # indented code
        return
    if state.paragraph and relative < 4 and indent >= state.list_indent and _SETEXT_RE.match(body):
        state.close_group()  # the paragraph's setext underline (`a` + `-`: no empty item)
        return
    base = state.list_indent if 0 <= state.list_indent <= indent else 0
    if item is not None:
        state.list_indent = _width(item.group())
        body = inner[item.end() :]
    if _opens_block(state, body, relative, base):
        state.close_group()
        return
    prefix = _PREFIX_RE.match(inner)
    heading = prefix is not None and prefix.group("heading") is not None
    if item is not None or heading or not state.paragraph:
        state.close_group()
    state.group.append((index, quote_end + (prefix.end() if prefix else 0)))
    state.paragraph = not heading


def _opens_block(state: _State, body: str, relative: int, base: int) -> bool:
    """Whether the line starts a fence, an HTML block or a link reference definition."""
    if relative >= 4:
        return False
    fence = _FENCE_RE.match(body)
    if fence:
        state.fence = fence.group(1)
        state.fence_indent = base
        return True
    stripped = body.lstrip(" \t")
    if stripped.startswith("<"):
        for start, end in _HTML_STARTS:
            if start.match(stripped):
                state.html_end = end
                break
        else:
            if state.paragraph or not _HTML_COMPLETE_TAG_RE.match(stripped):
                return _is_link_definition(state, body)
            state.html_end = _BLANK
        state.html_depth = 0
        _continue_html(state, body)
        return True
    return _is_link_definition(state, body)


def _is_link_definition(state: _State, body: str) -> bool:
    return not state.paragraph and _LINK_DEFINITION_RE.match(body) is not None


def _end_of_quote_markers(line: str) -> int:
    match = _QUOTE_MARKERS_RE.match(line)
    return match.end() if match else 0


def _width(whitespace: str) -> int:
    return len(whitespace.expandtabs(4))
