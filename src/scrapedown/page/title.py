"""A page title without the site name that `<title>` (and often `og:title`) carries.

`How caching works | Example Blog` → `How caching works` — but only on evidence: the part cut
off must be the site's name (`og:site_name`, JSON-LD publisher, `application-name`), match the
host name (`… – CSS-Tricks` on css-tricks.com), or the rest must be the article's own `<h1>`.
A title that merely contains a separator (`Python - A Guide`) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

# Separators between a title and a site name: spaced dashes, bars, bullets, guillemets, and
# the unspaced `_` and full-width `｜` of Chinese sites.
# Tried once per run of spaces, from its start (a match inside a run starts at its start): linear.
_SEPARATOR = re.compile(r"(?<!\s)\s++(?:[-–—~/:|·•»]|::)\s+|(?:(?<!\s)\s++)?[|｜_·•»—]\s*")
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
# Generic second-level labels under a country code (`co.uk`, `com.cn`).
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})


def squash(text: str) -> str:
    """Letters and digits only, case-folded: `CSS-Tricks` and `css tricks` are the same."""
    return _NON_WORD.sub("", text.casefold())


def normalize_space(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def clean_title(
    title: str, site_names: Iterable[str], headings: Iterable[str], page_url: str = ""
) -> str:
    """`title` minus a leading or trailing site name (see the module docstring)."""
    title = normalize_space(title)
    for heading in headings:
        own = _heading_part(title, normalize_space(heading))
        if own:
            return own
    names = {squash(name) for name in site_names if squash(name)}
    names.update(_host_names(page_url))
    parts = _parts(title)
    if len(parts) < 2:
        return title
    if squash(parts[-1][0]) in names:
        return title[: parts[-1][1]].rstrip() or title
    if squash(parts[0][0]) in names:
        return title[parts[1][2] :].lstrip() or title
    return title


def title_matching(candidates: Iterable[str], headings: Iterable[str]) -> str:
    """The first candidate title that is one of the headings, alone or with a separated
    prefix or suffix (the site's name), reduced to its own part; else an empty string."""
    wanted = [normalize_space(heading) for heading in headings if heading.strip()]
    for candidate in candidates:
        for heading in wanted:
            own = _heading_part(normalize_space(candidate), heading)
            if own:
                return own
    return ""


def _heading_part(title: str, heading: str) -> str:
    """The article's part of a title that is `heading` plus a separated prefix or suffix:
    `heading` itself, or, when `heading` is the shorter part (a logo `<h1>` with the site's
    name), the rest of the title."""
    if not heading:
        return ""
    if squash(title) == squash(heading):
        return title
    for match in _SEPARATOR.finditer(title):
        before, after = title[: match.start()].strip(), title[match.end() :].strip()
        for part, rest in ((before, after), (after, before)):
            if squash(part) == squash(heading) and squash(rest):
                return heading if len(squash(part)) >= len(squash(rest)) // 2 else rest
    return ""


def _parts(title: str) -> list[tuple[str, int, int]]:
    """The separated parts of a title: (text, where the separator before it starts, where the
    part starts)."""
    parts: list[tuple[str, int, int]] = []
    start, separator_start = 0, 0
    for match in _SEPARATOR.finditer(title):
        if match.start() == 0:
            continue
        parts.append((title[start : match.start()], separator_start, start))
        separator_start, start = match.start(), match.end()
    parts.append((title[start:], separator_start, start))
    return [part for part in parts if part[0].strip()]


def _host_names(page_url: str) -> set[str]:
    """The squashed name a site goes by in its host: `css-tricks.com` → `csstricks`,
    `www.bbc.co.uk` → `bbc` (the label before the public suffix, roughly)."""
    try:
        host = urlsplit(page_url).hostname or ""
    except ValueError:
        return set()
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return set()
    name = labels[-2]
    if name in _SECOND_LEVEL and len(labels) >= 3:
        name = labels[-3]
    return {squash(name), squash(host)} - {""}
