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
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f-\xa0\xad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+")
_SCHEME_RE = re.compile(r"([a-z][a-z0-9+.\-]*):")
# What any unsafe scheme looks like once decoded and stripped (a cheap first look at a text).
_HINT_RE = re.compile(r"script:|data:|file:")
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
    return any(is_unsafe_url(part.split()[0], image=True) for part in value.split(",") if part.split())


def may_hold_unsafe_url(text: str) -> bool:
    """A cheap, conservative first look: False only when no URL in `text` can be unsafe."""
    if ":" not in text and "&" not in text and "%" not in text:
        return False
    return bool(_HINT_RE.search(decoded(text)))
