"""Unwrapping the link and image destinations of a hand-written Markdown body.

markdown-it-py decides what is a real destination: its link, image and autolink rules and its
reference-definition rule are wrapped so that every destination they accept is recorded with its
place in the source. Code spans and blocks never reach those rules, so they are never touched.
Only the destination text is replaced; everything else stays byte for byte. The result is parsed
again and must give the expected destinations, else the input comes back unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_block import StateBlock, reference
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline, autolink, image, link
from markdown_it.token import Token

from scrapedown import commonmark
from scrapedown.urls.destination import markdown_destination
from scrapedown.urls.markdown_map import LineMap
from scrapedown.urls.options import UrlOptions
from scrapedown.urls.unwrap import unwrap
from scrapedown.urls.userrules import needles

_RECORDS = "scrapedown_destinations"
_CURRENT = "scrapedown_inline_token"


@dataclass(frozen=True)
class Destination:
    """A destination markdown-it accepted: its raw text and where it sits."""

    raw: str
    kind: str
    autolink: bool
    start: int | None = None
    """Offset in the normalised source (reference definitions)."""
    token: Token | None = None
    """The inline token whose content holds it, with `inline_start` inside that content."""
    inline_start: int = 0

    @property
    def url(self) -> str:
        """The URL the destination stands for (brackets, escapes and entities resolved)."""
        if self.autolink:
            return self.raw
        inner = self.raw[1:-1] if self.raw.startswith("<") else self.raw
        return unescapeAll(inner)


def _record(env: Any, destination: Destination) -> None:
    env.setdefault(_RECORDS, []).append(destination)


def _record_inline_link(state: StateInline, start: int, kind: str) -> None:
    token = state.env.get(_CURRENT)
    if not isinstance(token, Token) or state.src != token.content:
        return  # a nested parse of an image's alt text: not a destination of the document
    label_start = start + 1 if kind == "img" else start
    label_end = state.md.helpers.parseLinkLabel(state, label_start, kind == "link")
    position = label_end + 1
    if label_end < 0 or position >= state.posMax or state.src[position] != "(":
        return  # a reference link: its definition is recorded instead
    position += 1
    while position < state.posMax and state.src[position] in " \t\n":
        position += 1
    result = state.md.helpers.parseLinkDestination(state.src, position, state.posMax)
    if result.ok and result.pos > position:
        raw = state.src[position : result.pos]
        _record(state.env, Destination(raw, kind, False, token=token, inline_start=position))


InlineRule = Callable[[StateInline, bool], bool]


def _tracking(rule: InlineRule, kind: str) -> InlineRule:
    """markdown-it's own `link`/`image` rule, recording the destination it parsed."""

    def track(state: StateInline, silent: bool) -> bool:
        start = state.pos
        found = rule(state, silent)
        if found and not silent:
            _record_inline_link(state, start, kind)
        return found

    return track


_track_link = _tracking(link, "link")
_track_image = _tracking(image, "img")


def _track_autolink(state: StateInline, silent: bool) -> bool:
    start = state.pos
    found = autolink(state, silent)
    token = state.env.get(_CURRENT)
    if found and not silent and isinstance(token, Token) and state.src == token.content:
        raw = state.src[start + 1 : state.pos - 1]
        _record(state.env, Destination(raw, "link", True, token=token, inline_start=start + 1))
    return found


def _reference_destination(line: str) -> tuple[int, int] | None:
    """Where the destination of a one-line reference definition ``[label]: dest`` sits."""
    index = 1
    while index < len(line) and line[index] != "]":
        index += 2 if line[index] == "\\" else 1
    if index + 1 >= len(line) or line[index + 1] != ":":
        return None
    index += 2
    while index < len(line) and line[index] in " \t":
        index += 1
    return (index, len(line)) if index < len(line) else None


def _track_reference(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    found = reference(state, start_line, end_line, silent)
    if found and not silent:
        begin = state.bMarks[start_line] + state.tShift[start_line]
        line = state.src[begin : state.eMarks[start_line]]
        span = _reference_destination(line)
        if span is not None:
            result = state.md.helpers.parseLinkDestination(line, span[0], span[1])
            if result.ok and result.pos > span[0]:
                raw = line[span[0] : result.pos]
                _record(state.env, Destination(raw, "link", False, start=begin + span[0]))
    return found


def _inline_with_context(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, telling the inline rules which token they parse."""
    for token in state.tokens:
        if token.type == "inline":
            state.env[_CURRENT] = token
            token.children = token.children or []
            state.md.inline.parse(token.content, state.md, state.env, token.children)
    state.env.pop(_CURRENT, None)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = commonmark.new_table_parser()
    parser.inline.ruler.at("link", _track_link)
    parser.inline.ruler.at("image", _track_image)
    parser.inline.ruler.at("autolink", _track_autolink)
    parser.block.ruler.at("reference", _track_reference)
    parser.core.ruler.at("inline", _inline_with_context)
    return parser


@dataclass(frozen=True)
class _Parsed:
    destinations: list[Destination]
    inline_tokens: list[Token]
    code: list[str]
    """The content of every code span and code block, in order."""


def _parse(markdown: str) -> _Parsed:
    env: dict[str, Any] = {}
    tokens = _parser().parse(markdown, env)
    inline = [token for token in tokens if token.type == "inline"]
    code = [token.content for token in tokens if token.type in ("fence", "code_block")]
    code += [c.content for t in inline for c in t.children or [] if c.type == "code_inline"]
    return _Parsed(env.get(_RECORDS, []), inline, code)


def destinations(markdown: str) -> list[Destination]:
    """Every link, image, autolink and reference destination of `markdown`, in parse order."""
    return _parse(markdown).destinations


def _formatted(destination: Destination, url: str) -> str:
    if destination.autolink:
        return url  # re-quoted: no space, "<" or ">" that could end the autolink
    return markdown_destination(url, angle=destination.raw.startswith("<"))


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    replacement: str
    index: int
    """Which destination (in parse order) this edit rewrites."""
    url: str


def _edits(markdown: str, parsed: _Parsed, options: UrlOptions, base: str | None) -> list[_Edit]:
    """The non-overlapping edits that unwrap the destinations of `markdown`, in source order."""
    changes = {}
    for index, destination in enumerate(parsed.destinations):
        new_url = unwrap(destination.url, destination.kind, base, options)
        if new_url != destination.url:
            changes[index] = new_url
    if not changes:
        return []
    line_map = LineMap(markdown)
    line_map.prepare(parsed.inline_tokens)
    edits: list[_Edit] = []
    for index, new_url in changes.items():
        destination = parsed.destinations[index]
        start = line_map.locate(destination.start, destination.token, destination.inline_start)
        if start is not None and line_map.original(start, len(destination.raw)) == destination.raw:
            replacement = _formatted(destination, new_url)
            edits.append(_Edit(start, start + len(destination.raw), replacement, index, new_url))
    edits.sort(key=lambda edit: edit.start)
    return [e for i, e in enumerate(edits) if i == 0 or e.start >= edits[i - 1].end]


def _apply(markdown: str, edits: list[_Edit]) -> str:
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        pieces += [markdown[cursor : edit.start], edit.replacement]
        cursor = edit.end
    return "".join(pieces) + markdown[cursor:]


def _may_hold_destinations(markdown: str) -> bool:
    """Whether `markdown` may hold a destination: an inline link or image has `](`, a
    reference definition `]:`, an autolink `<` (three C scans, before the 60 of the rules'
    hints over the lower-cased text)."""
    return "](" in markdown or "]:" in markdown or "<" in markdown


def rewrite_markdown(markdown: str, options: UrlOptions, base: str | None) -> str:
    """`markdown` with its destinations unwrapped; `markdown` itself when nothing changes."""
    if not options.enabled or not _may_hold_destinations(markdown):
        return markdown
    hints = needles(options)
    if hints is not None:
        lowered = markdown.lower()
        if not any(hint in lowered for hint in hints):
            return markdown
    before = _parse(markdown)
    edits = _edits(markdown, before, options, base)
    if not edits:
        return markdown
    result = _apply(markdown, edits)
    # Safety net: the edited text must parse to the same code and the expected destinations.
    expected = [destination.url for destination in before.destinations]
    for edit in edits:
        expected[edit.index] = edit.url
    after = _parse(result)
    unchanged_code = after.code == before.code
    if unchanged_code and [d.url for d in after.destinations] == expected:
        return result
    return markdown
