"""Raw HTML as a browser tokenises it, checked against the allowlist (`policy`).

The scanner follows the HTML tokenizer's rules for what a tag, an attribute and a comment are
(attribute names and unquoted values, `/` between attributes, `<!-->`, `--!>`), so that what it
calls text is text to a browser too. A construct that is not an allowed, complete start or end
tag or a well-formed comment has its `<` written `&lt;`: the rest reads as text, and the scan
goes on right after that `<`, exactly where a browser would then look for the next tag. An
allowed tag loses the attributes that are not allowed or hold an unsafe URL. Every step moves
forward and every pattern is possessive: linear in the length of the markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapedown.safety.policy import (
    ALLOWED_TAGS,
    SAFE_AUTOLINK_SCHEMES,
    URL_ATTRIBUTES,
    attribute_allowed,
)
from scrapedown.safety.schemes import is_unsafe_srcset, is_unsafe_url

_WS = "\t\n\f\r "
_OPEN_RE = re.compile(r"<[A-Za-z/!?]")
_NAME_RE = re.compile(rf"[A-Za-z][^{_WS}/>]*+")
_ATTRIBUTE_RE = re.compile(
    rf"[{_WS}/]*+"
    rf"(?:(?P<name>[^{_WS}/>][^{_WS}/>=]*+)"
    rf"(?:[{_WS}]*+=[{_WS}]*+(?P<value>\"[^\"]*+\"|'[^']*+'|[^{_WS}>\"'][^{_WS}>]*+|))?)?"
)
# Markdown autolinks (`<https://…>`, `<a@b.c>`): text to the scan of a whole Markdown output.
_AUTOLINK_RE = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}):[^<>\x00-\x20]*+>")
_EMAIL_RE = re.compile(
    r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]++@[A-Za-z0-9](?:[A-Za-z0-9.\-]{0,250}+)>"
)
ESCAPED_LT = "&lt;"


@dataclass(frozen=True)
class Edit:
    """Replace `text[start:end]` with `replacement`."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class _Attribute:
    name: str
    value: str
    start: int
    """Where its separator (the whitespace or `/` before it) starts."""
    end: int


def _unquoted(value: str) -> str:
    return value[1:-1] if value[:1] in ("'", '"') and len(value) >= 2 else value


def _bad_attribute(tag: str, attribute: _Attribute) -> bool:
    name = attribute.name
    if not attribute_allowed(tag, name):
        return True
    if name not in URL_ATTRIBUTES:
        return False
    value = _unquoted(attribute.value)
    if name == "srcset":
        return is_unsafe_srcset(value)
    return is_unsafe_url(value, image=tag != "a")


def _parse_tag(html: str, position: int) -> tuple[str, list[_Attribute], int] | None:
    """(lower-case name, attributes, end) of the tag whose `<` is at `position`; None when the
    tag never ends (a browser would swallow what follows) or is not a tag."""
    closing = html.startswith("</", position)
    name = _NAME_RE.match(html, position + 1 + closing)
    if name is None:
        return None
    attributes: list[_Attribute] = []
    cursor = name.end()
    while True:
        match = _ATTRIBUTE_RE.match(html, cursor)
        assert match is not None  # every part of the pattern is optional
        if match.group("name") is None:
            end = match.end()
            if end < len(html) and html[end] == ">":
                return ("/" if closing else "") + name.group().lower(), attributes, end + 1
            return None
        value = match.group("value") or ""
        if match.end() < len(html) and html[match.end()] in "\"'" and not value:
            return None  # an unterminated quoted value: the tag never ends
        attributes.append(_Attribute(match.group("name").lower(), value, cursor, match.end()))
        cursor = match.end()


def _comment_end(html: str, position: int) -> int | None:
    """End of the comment at `position` (`<!--`), or None when a browser would read it
    differently from what it looks like (`<!-->`, `<!--->`) or it never ends."""
    body = position + 4
    if html.startswith(">", body) or html.startswith("->", body):
        return None
    ends = [i for i in (html.find("-->", body), html.find("--!>", body)) if i >= 0]
    if not ends:
        return None
    first = min(ends)
    return first + (3 if html.startswith("-->", first) else 4)


def _is_autolink(html: str, position: int) -> int | None:
    match = _AUTOLINK_RE.match(html, position)
    if match is not None and match.group(1).lower() in SAFE_AUTOLINK_SCHEMES:
        return match.end()
    email = _EMAIL_RE.match(html, position)
    return email.end() if email is not None else None


def _tag_edits(tag: str, attributes: list[_Attribute]) -> list[Edit]:
    bare = tag.lstrip("/")
    if tag.startswith("/"):
        return []  # attributes of an end tag are ignored by browsers
    return [Edit(a.start, a.end, "") for a in attributes if _bad_attribute(bare, a)]


def html_edits(html: str, *, autolinks: bool = False) -> list[Edit]:
    """The edits that make raw HTML `html` safe (none when it already is), in order.

    With `autolinks`, `<https://…>` and `<a@b.c>` count as Markdown autolinks, not tags (for a
    first look at a whole Markdown text)."""
    edits: list[Edit] = []
    cursor = 0
    while True:
        found = _OPEN_RE.search(html, cursor)
        if found is None:
            return edits
        position = found.start()
        end = _construct_end(html, position, autolinks, edits)
        cursor = position + 1 if end is None else end


def _construct_end(html: str, position: int, autolinks: bool, edits: list[Edit]) -> int | None:
    """Check the construct at `position`; None when its `<` was escaped (scan on after it)."""
    if html.startswith("<!--", position):
        end = _comment_end(html, position)
    elif autolinks and (autolink_end := _is_autolink(html, position)) is not None:
        return autolink_end
    else:
        parsed = _parse_tag(html, position)
        if parsed is not None and parsed[0].lstrip("/") in ALLOWED_TAGS:
            edits.extend(_tag_edits(parsed[0], parsed[1]))
            return parsed[2]
        end = None
    if end is None:
        edits.append(Edit(position, position + 1, ESCAPED_LT))
    return end


def is_safe_html(text: str) -> bool:
    """Whether every tag-like construct in `text` is allowed as it is (Markdown autolinks
    included); a context-free first look at a whole output."""
    return "<" not in text or not html_edits(text, autolinks=True)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """`text` with non-overlapping `edits` (sorted by start) applied."""
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        if edit.start < cursor:
            continue
        pieces += [text[cursor : edit.start], edit.replacement]
        cursor = edit.end
    return "".join(pieces) + text[cursor:]
