"""Parsing a wrapper URL into the parts rules look at, and matching hosts strictly."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from scrapedown.urls.codec import percent_decode

# Browsers drop tabs and newlines anywhere in a URL and C0 controls/spaces around it.
_INVISIBLE_RE = re.compile(r"[\t\n\r]")
_EDGE_CHARS = "".join(chr(code) for code in range(0x21))
_CONTROL_RE = re.compile("[\x00-\x1f\x7f\ufffe\uffff]")


def normalize(url: str) -> str:
    """`url` as a browser reads it: no tab/CR/LF inside, no control or space around."""
    if not url.isprintable():  # (tab, CR and LF are not: most URLs skip the substitution)
        url = _INVISIBLE_RE.sub("", url)
    return url.strip(_EDGE_CHARS)


def encode_controls(url: str) -> str:
    """`url` with the control characters (and U+FFFE/U+FFFF) left inside it percent-encoded,
    as URL parsing writes them: neither a Markdown destination nor an lxml attribute can hold
    them raw."""
    return _CONTROL_RE.sub(_utf8_escape, url)


def _utf8_escape(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group(0).encode())


@dataclass(frozen=True)
class ParsedUrl:
    """An absolute http(s) URL split into the parts the rules match on."""

    url: str
    scheme: str
    netloc: str
    host: str
    path: str
    query: str
    fragment: str
    tail: str
    """Everything after the authority, verbatim: path, ``?query`` and ``#fragment``."""

    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` without any userinfo."""
        return f"{self.scheme}://{self.netloc.rpartition('@')[2]}"


def parse_http_url(url: str) -> ParsedUrl | None:
    """Split an absolute http(s) URL (already `normalize`d); None for anything else."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host:
        return None
    authority_end = len(parts.scheme) + 3 + len(parts.netloc)
    if url[len(parts.scheme) : len(parts.scheme) + 3] != "://":
        return None
    return ParsedUrl(
        url=url,
        scheme=scheme,
        netloc=parts.netloc,
        host=host.rstrip("."),
        path=parts.path,
        query=parts.query,
        fragment=parts.fragment,
        tail=url[authority_end:],
    )


def query_pairs(query: str) -> list[tuple[str, str]]:
    """Raw ``name=value`` pairs of a query string, in order (values not decoded)."""
    pairs: list[tuple[str, str]] = []
    for item in query.split("&"):
        name, _, value = item.partition("=")
        pairs.append((name, value))
    return pairs


def first_param(query: str, names: tuple[str, ...]) -> str | None:
    """The first non-empty value among `names` (in the order of `names`), decoded once."""
    pairs = query_pairs(query)
    for wanted in names:
        for name, value in pairs:
            if name == wanted and value:
                return percent_decode(value)
    return None


@lru_cache(maxsize=256)
def _host_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def host_matches(host: str, pattern: str) -> bool:
    """Match a parsed host against ``example.com`` (exact), ``*.example.com`` (a subdomain, on
    a label boundary), ``re:REGEX`` (full match) or ``*`` (any host)."""
    if pattern == "*":
        return True
    if pattern.startswith("re:"):
        return _host_regex(pattern[3:]).fullmatch(host) is not None
    if pattern.startswith("*."):
        suffix = pattern[1:]
        return host.endswith(suffix) and len(host) > len(suffix)
    return host == pattern


_HOSTNAME_RE = re.compile(  # \A: fullmatched; a scan of a text stays linear
    r"\A(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?::\d{1,5})?",
    re.IGNORECASE,
)


def looks_like_host(text: str) -> bool:
    """Whether `text` is ``host.tld[:port]``: dotted labels of letters, digits and dashes."""
    return _HOSTNAME_RE.fullmatch(text) is not None
