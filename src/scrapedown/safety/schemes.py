"""Unsafe URL schemes as browsers and lenient Markdown renderers read them.

A browser drops ASCII tabs and newlines anywhere in a URL and controls and spaces around it;
some renderers decode character references (or percent-escapes) once more before the browser
does. So a value is decoded the way any of them might (entities and percent-escapes, a few
times), stripped of everything invisible, and only then is its scheme read: `&#106;avascript:`,
`jav&#x09;ascript:`, `JaVaScRiPt:` and `javascript&colon;` are all `javascript:`.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import unquote

from scrapedown.safety.policy import SAFE_DATA_IMAGES, UNSAFE_SCHEMES

# Controls, spaces and invisible format characters a reader would not see in a scheme.
_INVISIBLE_RE = re.compile(
    r"[\x00-\x20\x7f-\xa0\xad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+"
)
_SCHEME_RE = re.compile(r"\A([a-z][a-z0-9+.\-]*+):")
_DECODE_ROUNDS = 3


def decoded(value: str) -> str:
    """`value` with character references and percent-escapes decoded (a few rounds), invisible
    characters removed, in lower case: what the most lenient reader takes for its scheme."""
    for _ in range(_DECODE_ROUNDS):
        before = value
        if "&" in value:
            value = unescape(value)
        if "%" in value:
            value = unquote(value)
        if value == before:
            break
    return _INVISIBLE_RE.sub("", value).lower()


def is_unsafe_url(value: str, *, image: bool = False) -> bool:
    """Whether `value` (a link or image URL, as written) can run code when followed or loaded:
    a `javascript:`/`vbscript:`/`file:` URL, or a `data:` URL other than a raster image source."""
    plain = decoded(value)
    match = _SCHEME_RE.match(plain)
    if match is None:
        return False
    scheme = match.group(1)
    if scheme in UNSAFE_SCHEMES or scheme.endswith("script"):
        return True
    if scheme == "data":
        return not (image and plain.startswith(SAFE_DATA_IMAGES))
    return False


def is_unsafe_srcset(value: str) -> bool:
    """Whether any candidate URL of a `srcset` value is unsafe."""
    return any(
        is_unsafe_url(part.split()[0], image=True) for part in value.split(",") if part.split()
    )


def unsafe_destination_positions(text: str) -> list[int]:
    """Where a Markdown link destination (after `](`) or reference definition (after `]:`)
    may start with an unsafe scheme: a cheap, conservative look at `text` (raw HTML attributes
    are `safety.html`'s part)."""
    positions = []
    for match in _DESTINATION_RE.finditer(text):
        if _PLAINLY_SAFE_RE.match(text, match.end()):
            continue
        window = decoded(text[match.end() : match.end() + _WINDOW]).lstrip("<>")
        scheme = _SCHEME_RE.match(window)
        name = scheme.group(1) if scheme else ""
        if name in UNSAFE_SCHEMES or name.endswith("script") or name == "data":
            positions.append(match.start())
    return positions


_DESTINATION_RE = re.compile(r"\]\(|\]:")
# The usual destinations, whose scheme is plainly safe as written: http(s), path, fragment.
_PLAINLY_SAFE_RE = re.compile(r"[ ]?<?(?:https?://|/|#|\.\.?/)", re.IGNORECASE)
# Enough for "javascript:" written with padded character references and ignorable characters.
_WINDOW = 256
