"""Raw HTML as a browser tokenises it, checked against the allowlist (`policy`).

The scanner follows the HTML tokenizer's rules for what a tag, an attribute and a comment are
(attribute names and unquoted values, `/` between attributes, `<!-->`, `--!>`), so that what it
calls text is text to a browser too. A construct that is not an allowed, complete start or end
tag or a well-formed comment has its `<` written `&lt;` (the rest reads as text, and the scan
goes on right after that `<`, exactly where a browser would then look for the next tag) —
except a complete tag of a harmless element not on the list (a custom element), which is
removed with its attributes, its content kept, as a browser would show it. An
allowed tag loses the attributes that are not allowed or hold an unsafe URL. Every step moves
forward and every pattern is possessive: linear in the length of the markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapedown.safety.policy import (
    ALLOWED_TAGS,
    ESCAPED_TAGS,
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
    if not attribute_allowed(tag, name) or "<" in attribute.value:
        return True  # markup in a value is how mutation XSS hides: such a value never stays
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


def _is_element_name(name: str) -> bool:
    """A name a browser makes an ordinary element of (letters, digits, `-`, `_`, `.`, `:`);
    anything odder (`https:` of an autolink, `a@b.c`) is escaped, not removed."""
    return _ELEMENT_NAME_RE.fullmatch(name) is not None and not name.endswith(":")


_ELEMENT_NAME_RE = re.compile(r"[a-z][a-z0-9._:-]*+")


# Empty comments that browsers and CommonMark end at once but older renderers read as opening a
# comment that runs on: written `<!-- -->`, which every reader ends in the same place.
_EMPTY_COMMENTS = ("<!--->", "<!-->")


def _comment_end(html: str, position: int) -> int | None:
    """End of the comment at `position` (`<!--`), or None when a browser would read it
    differently from what it looks like (`<!-->`, `<!--->`) or it never ends (-1)."""
    body = position + 4
    if html.startswith(">", body) or html.startswith("->", body):
        return None
    dashes = html.find("-->", body)
    # A `--!>` ends a comment too, when it comes first (searched only up to the `-->`).
    bang = html.find("--!>", body) if dashes < 0 else html.find("--!>", body, dashes + 3)
    if bang >= 0:
        return bang + 4
    return dashes + 3 if dashes >= 0 else -1


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


# A tag is scanned to its end (to the end of the markup when it never ends), and the scan goes
# on right after the `<` of a tag that is not allowed, so tags hidden in each other's attribute
# values are scanned again. Past this many characters scanned per character of markup (plus a
# constant), every later `<` is escaped unscanned: a safe over-approximation that keeps the
# scan linear.
_SCAN_BUDGET = 8
_SCAN_BUDGET_BASE = 4096


def html_edits(html: str, *, autolinks: bool = False) -> list[Edit]:
    """The edits that make raw HTML `html` safe (none when it already is), in order.

    With `autolinks`, `<https://…>` and `<a@b.c>` count as Markdown autolinks, not tags (for a
    first look at a whole Markdown text)."""
    scan = _Scan(html, autolinks)
    cursor = 0
    while True:
        found = _OPEN_RE.search(html, cursor)
        if found is None:
            return scan.edits
        position = found.start()
        end = scan.construct_end(position)
        cursor = position + 1 if end is None else end


class _Scan:
    """The state of one scan: its edits, and what is known about the markup's tail."""

    def __init__(self, html: str, autolinks: bool) -> None:
        self.html = html
        self.autolinks = autolinks
        self.edits: list[Edit] = []
        self.budget = _SCAN_BUDGET * len(html) + _SCAN_BUDGET_BASE
        self.no_comment_end_after = len(html) + 1

    def construct_end(self, position: int) -> int | None:
        """Check the construct at `position`; None when its `<` was escaped."""
        html = self.html
        end: int | None = None
        if html.startswith("<!--", position):
            for empty in _EMPTY_COMMENTS:  # read alike everywhere once written out in full
                if html.startswith(empty, position):
                    self.edits.append(Edit(position, position + len(empty), "<!-- -->"))
                    return position + len(empty)
            if position < self.no_comment_end_after:
                end = _comment_end(html, position)
                if end == -1:  # no comment ends after here: none that starts later ends either
                    self.no_comment_end_after = position
                    end = None
        elif self.autolinks and (autolink_end := _is_autolink(html, position)) is not None:
            return autolink_end
        elif self.budget > 0:
            parsed = _parse_tag(html, position)
            self.budget -= (len(html) if parsed is None else parsed[2]) - position
            name = parsed[0].lstrip("/") if parsed is not None else ""
            if parsed is not None and name in ALLOWED_TAGS:
                self.edits.extend(_tag_edits(parsed[0], parsed[1]))
                return parsed[2]
            if parsed is not None and name not in ESCAPED_TAGS and _is_element_name(name):
                self.edits.append(Edit(position, parsed[2], ""))  # harmless: removed
                return parsed[2]
        if end is None:
            self.edits.append(Edit(position, position + 1, ESCAPED_LT))
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
