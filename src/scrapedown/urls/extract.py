"""Generic extractors: where in a wrapper URL the wrapped target sits.

Each extractor is a small frozen dataclass called with the parsed wrapper; it returns the raw
target (percent-decoded once where the shape is encoded) or None when the URL does not have the
shape. Validation of the target (scheme, host, re-quoting) happens afterwards, in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scrapedown.urls.codec import (
    b64_bytes,
    b64_decode,
    hex_decode,
    looks_encoded_url,
    percent_decode,
)
from scrapedown.urls.urlparts import ParsedUrl, first_param

_RAW_URL_START_RE = re.compile(r"(?:https?(?::|%3a)|//|%2f%2f)", re.IGNORECASE)
_ABSOLUTE_HTTP_RE = re.compile(r"https?://", re.IGNORECASE)
_URL_SEGMENT_RE = re.compile(r"(?:^|/)(?=https?(?::|%3a))", re.IGNORECASE)


@lru_cache(maxsize=256)
def compiled(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled once (rules keep their patterns as plain strings)."""
    return re.compile(pattern, re.IGNORECASE)


def decode_if_encoded(value: str) -> str:
    """Decode a literal target once when it is in fact a percent-encoded URL."""
    return percent_decode(value) if looks_encoded_url(value) else value


def _absolute_http(value: str | None) -> str | None:
    return value if value and _ABSOLUTE_HTTP_RE.match(value) else None


@dataclass(frozen=True)
class QueryParam:
    """The first non-empty parameter of `names` (``?url=``), decoded once.

    `ssl_prefix`: weserv's legacy ``ssl:host/path`` means https."""

    names: tuple[str, ...]
    ssl_prefix: bool = False

    def __call__(self, url: ParsedUrl) -> str | None:
        value = first_param(url.query, self.names)
        if value and self.ssl_prefix and value[:4].lower() == "ssl:":
            return "https://" + value[4:].lstrip("/")
        return value


@dataclass(frozen=True)
class RawQuery:
    """The whole raw query when it is a URL (``?http://x/a.php?b=1&c=2``, inner ``?``/``&``
    included); otherwise the first of the parameters `names`."""

    names: tuple[str, ...] = ()

    def __call__(self, url: ParsedUrl) -> str | None:
        raw = url.tail.partition("?")[2]
        if _RAW_URL_START_RE.match(raw):
            return decode_if_encoded(raw)
        return first_param(url.query, self.names) if self.names else None


@dataclass(frozen=True)
class GreedyTail:
    """Everything after ``param=`` (callers append the target unencoded and last)."""

    param: str

    def __call__(self, url: ParsedUrl) -> str | None:
        query = url.tail.partition("?")[2]
        match = re.search(rf"(?:^|&){re.escape(self.param)}=", query)
        if match is None:
            return None
        return decode_if_encoded(query[match.end() :]) or None


@dataclass(frozen=True)
class PathPattern:
    """A regex matched at the start of the tail (path, query, fragment) or of the path alone;
    the target is `template` filled with its named groups and the wrapper's ``scheme``."""

    pattern: str
    template: str = "{target}"
    source: str = "tail"
    decode: bool = False
    """Decode the ``target`` group once (parameters stored in the path)."""

    def __call__(self, url: ParsedUrl) -> str | None:
        text = url.path if self.source == "path" else url.tail
        match = compiled(self.pattern).match(text)
        if match is None:
            return None
        groups = {key: value or "" for key, value in match.groupdict().items()}
        if self.decode:
            groups["target"] = percent_decode(groups.get("target", ""))
        value = self.template.format(scheme=url.scheme, **groups)
        return decode_if_encoded(value)


@dataclass(frozen=True)
class Fragment:
    """The fragment, when it is an absolute http(s) URL (Gmail's image proxy)."""

    def __call__(self, url: ParsedUrl) -> str | None:
        return _absolute_http(url.fragment)


@dataclass(frozen=True)
class FirstUrlSegment:
    """From the first path segment after `after` (a regex) that starts with ``http:``,
    ``https:`` or an encoded ``https%3A`` to the end (Cloudinary/Substack fetch, ImageKit)."""

    after: str

    def __call__(self, url: ParsedUrl) -> str | None:
        match = compiled(self.after).match(url.tail)
        if match is None:
            return None
        rest = url.tail[match.end() :]
        path_part = re.split(r"[?#]", rest, maxsplit=1)[0]
        found = _URL_SEGMENT_RE.search(path_part)
        if found is None:
            return None
        return decode_if_encoded(rest[found.end() :].lstrip("/"))


@dataclass(frozen=True)
class CamoHex:
    """``/<40 or 64 hex digest>/<hex-encoded URL>`` (GitHub camo); the digest is not checked."""

    def __call__(self, url: ParsedUrl) -> str | None:
        match = compiled(r"/(?:[0-9a-f]{40}|[0-9a-f]{64})/([0-9a-f]+)/?$").match(url.path)
        return _absolute_http(hex_decode(match.group(1))) if match else None


@dataclass(frozen=True)
class CamoQuery:
    """``/<40 or 64 hex digest>?url=<encoded URL>`` (camo's query form)."""

    def __call__(self, url: ParsedUrl) -> str | None:
        if not compiled(r"/(?:[0-9a-f]{40}|[0-9a-f]{64})/?$").match(url.path):
            return None
        return _absolute_http(first_param(url.query, ("url",)))


@dataclass(frozen=True)
class CamoB64:
    """``/<base64url HMAC digest>/<base64url URL>`` (go-camo)."""

    def __call__(self, url: ParsedUrl) -> str | None:
        match = compiled(r"/([a-z0-9_-]+={0,2})/([a-z0-9_-]+={0,2})/?$").match(url.path)
        if match is None:
            return None
        digest = b64_bytes(match.group(1))
        if digest is None or len(digest) not in (20, 32):
            return None
        return _absolute_http(b64_decode(match.group(2)))


@dataclass(frozen=True)
class InoreaderB64:
    """``/camo/<sig>[,options],b64/<base64url URL>`` (Inoreader's image proxy)."""

    def __call__(self, url: ParsedUrl) -> str | None:
        match = compiled(r"/camo/[^/]*,b64/([^/]+)$").match(url.path)
        return _absolute_http(b64_decode(match.group(1))) if match else None
