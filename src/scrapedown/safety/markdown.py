"""Repairing a Markdown text that holds unsafe raw HTML or unsafe links, as markdown-it reads it.

markdown-it (CommonMark + GFM tables and strikethrough, raw HTML on, and no link validation, so
that it sees every link a lenient renderer would) says what is raw HTML and what is a link;
wrapped inline rules record where each raw HTML piece, link, image and autolink sits. Raw HTML
gets the edits of `safety.html`; an unsafe link or image loses its brackets and destination and
keeps its text; an unsafe autolink and an unsafe reference definition become text. Code is
never edited. An edit can change how the rest parses (an HTML block whose first tag is escaped
becomes a paragraph), so the text is checked again, a few rounds at most; then, or when an edit
cannot be placed, every `<` and `[` outside fenced code is escaped, which leaves no raw HTML and
no link at all.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline, autolink, html_inline, image, link
from markdown_it.token import Token

from scrapedown import commonmark
from scrapedown.safety.html import ESCAPED_LT, Edit, apply_edits, html_edits
from scrapedown.safety.schemes import is_unsafe_url, unsafe_destination_positions
from scrapedown.urls.markdown_map import LineMap

_PIECES = "scrapedown_safety_pieces"
_CURRENT = "scrapedown_safety_token"
_ROUNDS = 4


@dataclass(frozen=True)
class _Piece:
    """A construct found in the content of inline `token`: raw HTML, or an unsafe link."""

    kind: str  # "html", "link" (also images) or "autolink"
    token: Token
    start: int
    end: int
    label_start: int = 0
    label_end: int = 0


def _current(state: StateInline) -> Token | None:
    token = state.env.get(_CURRENT)
    # A nested parse (an image's alt text) has other source: it is rendered as text.
    return token if isinstance(token, Token) and state.src == token.content else None


def _first_new(state: StateInline, before: int, types: tuple[str, ...]) -> Token | None:
    return next((t for t in state.tokens[before:] if t.type in types), None)


InlineRule = Callable[[StateInline, bool], bool]


def _tracking_link(rule: InlineRule, is_image: bool) -> InlineRule:
    def track(state: StateInline, silent: bool) -> bool:
        start, before = state.pos, len(state.tokens)
        found = rule(state, silent)
        token = _current(state) if found and not silent else None
        new = _first_new(state, before, ("image",) if is_image else ("link_open",))
        if token is None or new is None:
            return found
        url = str(new.attrGet("src" if is_image else "href") or "")
        if is_unsafe_url(url, image=is_image):
            label_start = start + (2 if is_image else 1)
            label_end = state.md.helpers.parseLinkLabel(state, label_start - 1, not is_image)
            if label_end >= label_start:
                piece = _Piece("link", token, start, state.pos, label_start, label_end)
                state.env.setdefault(_PIECES, []).append(piece)
        return found

    return track


def _track_autolink(state: StateInline, silent: bool) -> bool:
    start, before = state.pos, len(state.tokens)
    found = autolink(state, silent)
    token = _current(state) if found and not silent else None
    new = _first_new(state, before, ("link_open",))
    if token is not None and new is not None and is_unsafe_url(str(new.attrGet("href") or "")):
        state.env.setdefault(_PIECES, []).append(_Piece("autolink", token, start, state.pos))
    return found


def _track_html(state: StateInline, silent: bool) -> bool:
    start = state.pos
    found = html_inline(state, silent)
    token = _current(state) if found and not silent else None
    if token is not None:
        state.env.setdefault(_PIECES, []).append(_Piece("html", token, start, state.pos))
    return found


def _accept_every_link(url: str) -> bool:
    return True  # see every link a lenient renderer would make; safety is judged here


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Blocks only: the inline content of the suspect blocks is parsed by `_parse_inline`."""
    parser = commonmark.new_html_parser()
    parser.validateLink = _accept_every_link  # type: ignore[method-assign]
    parser.inline.ruler.at("link", _tracking_link(link, is_image=False))
    parser.inline.ruler.at("image", _tracking_link(image, is_image=True))
    parser.inline.ruler.at("autolink", _track_autolink)
    parser.inline.ruler.at("html_inline", _track_html)
    parser.core.ruler.disable(["inline", "text_join"])
    return parser


def _parse_inline(token: Token, env: dict[str, Any]) -> None:
    """markdown-it's inline parse of `token`, telling the inline rules which token it is."""
    parser = _parser()
    env[_CURRENT] = token
    token.children = []
    parser.inline.parse(token.content, parser, env, token.children)
    env.pop(_CURRENT, None)


class _UnplaceableError(Exception):
    """An edit could not be mapped back to the text with certainty."""


def _placed(line_map: LineMap, token: Token, start: int, end: int) -> tuple[int, int]:
    begin = line_map.locate(None, token, start)
    stop = line_map.locate(None, token, end)
    if begin is None or stop is None or line_map.text[begin:stop] != token.content[start:end]:
        raise _UnplaceableError
    return begin, stop


def _piece_edits(line_map: LineMap, piece: _Piece) -> list[Edit]:
    token, start = piece.token, piece.start
    if piece.kind == "html":
        found = html_edits(token.content[start : piece.end])
        edits = []
        for edit in found:
            begin, stop = _placed(line_map, token, start + edit.start, start + edit.end)
            edits.append(Edit(begin, stop, edit.replacement))
        return edits
    if piece.kind == "autolink":
        begin, stop = _placed(line_map, token, start, start + 1)
        return [Edit(begin, stop, ESCAPED_LT)]
    head = _placed(line_map, token, start, piece.label_start)
    tail = _placed(line_map, token, piece.label_end, piece.end)
    return [Edit(*head, ""), Edit(*tail, "")]


def _block_edits(line_map: LineMap, token: Token) -> list[Edit]:
    edits = []
    for edit in html_edits(token.content):
        begin, stop = _placed(line_map, token, edit.start, edit.end)
        edits.append(Edit(begin, stop, edit.replacement))
    return edits


def _definition_edits(line_map: LineMap, env: dict[str, Any]) -> list[Edit]:
    definitions = [*env.get("references", {}).values(), *env.get("duplicate_refs", [])]
    edits = []
    for definition in definitions:
        if not is_unsafe_url(str(definition.get("href", ""))):
            continue
        first, last = definition["map"][0], definition["map"][1] - 1
        bracket = line_map.lines[first].find("[")
        if bracket < 0:
            raise _UnplaceableError
        begin = line_map.to_original(line_map.normalized_starts[first] + bracket)
        end = line_map.to_original(line_map.normalized_starts[last] + len(line_map.lines[last]))
        if bracket == 0 and line_map.text.startswith("\n", end):
            end += 1  # a definition alone on its lines: the lines go
        edits.append(Edit(begin, end, ""))
    return edits


def _suspect_lines(line_map: LineMap) -> set[int]:
    """Lines holding a construct the first look could not clear (see `safety.safe_body`)."""
    text = line_map.text
    positions = [edit.start for edit in html_edits(text, autolinks=True)]
    positions += unsafe_destination_positions(text)
    return {bisect_right(line_map.original_starts, p) - 1 for p in positions}


def _covers(token: Token, lines: set[int]) -> bool:
    return token.map is not None and any(line in lines for line in range(*token.map))


def _edits(markdown: str) -> list[Edit]:
    env: dict[str, Any] = {}
    tokens = _parser().parse(markdown, env)
    line_map = LineMap(markdown)
    suspects = _suspect_lines(line_map)
    inline = [t for t in tokens if t.type == "inline"]
    definitions = _definition_edits(line_map, env)
    # An unsafe definition: its uses anywhere lose their brackets too.
    blocks, pieces = _suspect_constructs(tokens, env, suspects, every_inline=bool(definitions))
    line_map.prepare(inline)
    edits = [e for block in blocks for e in _block_edits(line_map, block)]
    edits += [e for piece in pieces for e in _piece_edits(line_map, piece)]
    edits += definitions
    return sorted(edits, key=lambda edit: (edit.start, edit.end))


def _suspect_constructs(
    tokens: list[Token], env: dict[str, Any], suspects: set[int], *, every_inline: bool
) -> tuple[list[Token], list[_Piece]]:
    """The HTML blocks covering a suspect line, and the pieces (raw HTML, unsafe links) found
    in the inline content covering one (in every inline content with `every_inline`)."""
    for token in tokens:
        if token.type == "inline" and (every_inline or _covers(token, suspects)):
            _parse_inline(token, env)
    pieces: list[_Piece] = env.get(_PIECES, [])
    blocks = [t for t in tokens if t.type == "html_block" and _covers(t, suspects)]
    return blocks, pieces


def leaves_unchanged(markdown: str, suspects: set[int]) -> bool:
    """Whether `_edits` finds nothing to edit in `markdown` holding no reference definition,
    `suspects` being its suspect lines (`_suspect_lines`; given, not computed: `markdown` may
    be one section of a larger text, see `safety.sections`). No edit is placed, so none can
    fail to be: the verdict of `repair`'s first round without its line map."""
    env: dict[str, Any] = {}
    tokens = _parser().parse(markdown, env)
    if env.get("references") or env.get("duplicate_refs"):
        return False
    blocks, pieces = _suspect_constructs(tokens, env, suspects, every_inline=False)
    if any(html_edits(block.content) for block in blocks):
        return False
    # A link or autolink piece is always edited; raw HTML when its tag is not allowed as is.
    return all(
        p.kind == "html" and not html_edits(p.token.content[p.start : p.end]) for p in pieces
    )


def _fenced_lines(markdown: str) -> set[int]:
    tokens = _parser().parse(markdown, {})
    fenced: set[int] = set()
    for token in tokens:
        if token.type == "fence" and token.map:
            fenced.update(range(token.map[0], token.map[1]))
    return fenced


def _escape_everything(markdown: str) -> str:
    """Last resort: every `<` and `[` outside fenced code written as a character reference
    (no raw HTML, no link; a reference is never syntax, even after a backslash)."""
    fenced = _fenced_lines(markdown)
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if index not in fenced:
            lines[index] = line.replace("<", ESCAPED_LT).replace("[", "&#91;")
    return "\n".join(lines)


def repair(markdown: str) -> str:
    """`markdown` with no unsafe raw HTML and no unsafe link, as markdown-it reads it."""
    for _ in range(_ROUNDS):
        try:
            edits = _edits(markdown)
        except _UnplaceableError:
            break
        if not edits:
            return markdown
        markdown = apply_edits(markdown, edits)
    return _escape_everything(markdown)
