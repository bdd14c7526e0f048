"""Validating what a rule extracted: only an http(s) URL ever comes out, re-quoted.

A decoded target may be protocol-relative (takes the wrapper's scheme), scheme-less
(``host.tld/…``, only where the rule says what scheme that means), relative (only where the rule
resolves it against the wrapper's origin) or ``http(s):/`` with collapsed slashes (repaired).
Anything else — ``javascript:``, ``data:``, ``file:`` and every other scheme — is refused, and the
caller keeps the wrapper, which is a harmless http(s) URL.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin

from scrapedown.urls.codec import requote
from scrapedown.urls.urlparts import ParsedUrl, looks_like_host, normalize, parse_http_url

#: Link schemes that run code or read local files: such a link loses its `href`.
UNSAFE_LINK_SCHEMES: frozenset[str] = frozenset({"javascript", "vbscript", "data", "file"})

_SCHEME_RE = re.compile(r"\A([a-zA-Z][a-zA-Z0-9+.-]*):")  # \A: matched at the start only
_HTTP_PREFIX_RE = re.compile(r"(https?):/*", re.IGNORECASE)
_FIRST_SEGMENT_RE = re.compile(r"[^/?#]*")
_BAD_NETLOC_RE = re.compile(r"[\x00-\x20\x7f<>\"{}|\\^`%]")


def scheme_of(url: str) -> str | None:
    """The lower-case scheme of `url` as a browser reads it, or None for a relative URL."""
    match = _SCHEME_RE.match(normalize(url))
    return match.group(1).lower() if match else None


def is_unsafe_link(url: str) -> bool:
    """Whether `url` is a ``javascript:``/``vbscript:``/``data:``/``file:`` URL (any case, with
    the control characters and whitespace browsers ignore)."""
    return scheme_of(url) in UNSAFE_LINK_SCHEMES


def is_http_or_relative(url: str) -> bool:
    """Whether `url` is http(s), protocol-relative or relative (no other scheme)."""
    return scheme_of(url) in (None, "http", "https")


def _absolute(value: str, wrapper: ParsedUrl, schemeless: str, relative: bool) -> str | None:
    if value.startswith("//"):
        return f"{wrapper.scheme}:{value}"
    prefix = _HTTP_PREFIX_RE.match(value)
    if prefix:
        return f"{prefix.group(1).lower()}://{value[prefix.end() :]}"
    first_segment = _FIRST_SEGMENT_RE.match(value)
    if schemeless and first_segment and looks_like_host(first_segment.group()):
        return f"{schemeless}://{value}"
    if _SCHEME_RE.match(value):
        return None
    if relative and not value.startswith("\\"):
        return urljoin(wrapper.origin + "/", value)
    return None


def finish_target(
    raw: str, wrapper: ParsedUrl, *, schemeless: str = "", relative: bool = False
) -> str | None:
    """`raw` as an absolute, re-quoted http(s) URL, or None when it cannot safely be one.

    `schemeless` is the scheme given to ``host.tld/…`` targets (empty: refuse them); `relative`
    resolves relative targets against the wrapper's origin (else they are refused).
    """
    value = normalize(raw)
    if not value:
        return None
    absolute = _absolute(value, wrapper, schemeless, relative)
    parsed = parse_http_url(absolute) if absolute else None
    if parsed is None or _BAD_NETLOC_RE.search(parsed.netloc):
        return None
    return f"{parsed.scheme}://{parsed.netloc}{requote(parsed.tail)}"


@lru_cache(maxsize=64)
def _parsed_base(base: str) -> ParsedUrl | None:
    return parse_http_url(normalize(base))


def resolve(url: str, base: str | None) -> str:
    """`url` resolved against `base` when it is relative and `base` is an http(s) URL."""
    value = normalize(url)
    if not base or not value or value.startswith("#") or scheme_of(value) is not None:
        return url
    base_parsed = _parsed_base(base)
    if base_parsed is None:
        return url
    try:
        return urljoin(base_parsed.url, value)
    except ValueError:
        return url
