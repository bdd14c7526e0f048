"""A page title without the site name that `<title>` (and often `og:title`) carries.

`How caching works | Example Blog` → `How caching works` — but only on evidence: the part cut
off must be the site's name (`og:site_name`, JSON-LD publisher, `application-name`, the author
of a personal site), match the host name (`… – CSS-Tricks` on css-tricks.com, `Klänge…` on
klaenge-….de), or the rest must be the article's own `<h1>`. A title that merely contains a
separator (`Python - A Guide`) is left alone.

Which title: the part of `<title>` that another source states as well (`og:title`, the
JSON-LD headline, the article's heading) — two sources that agree beat one that differs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

# Separators between a title and a site name: spaced dashes, bars, bullets, guillemets, and
# the unspaced `_` and full-width `｜` of Chinese sites.
# Tried once per run of spaces, from its start (a match inside a run starts at its start): linear.
_SEPARATOR = re.compile(r"(?<!\s)\s++(?:[-–—~/:|·•»]|::)\s+|(?:(?<!\s)\s++)?[|｜_·•»—]\s*")
# A separator left dangling at either end once a part is gone (`Pferdesport dabei -`).
_DANGLING = frozenset("-–—~/:|｜·•_")  # not `»`: it closes a quotation in French
# A site's name in brackets after the title (`… [Archive of Our Own]`), cut on the same
# evidence as a separated part. `[^…]*+` stops at the first closing bracket: linear.
_BRACKETED = re.compile(r"\s\[([^\[\]]*+)\]\Z|\s\(([^()]*+)\)\Z")
# The most words of a site name cut from a `<title>` that has no other evidence.
_LONE_NAME_WORDS = 3
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
# Generic second-level labels under a country code (`co.uk`, `com.cn`).
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})
# How host names spell letters they cannot hold (`klaenge-des-verschweigens.de`); accents
# otherwise dropped (`liberation.fr`).
_SPELT_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "æ": "ae", "ø": "oe", "å": "aa"})


def squash(text: str) -> str:
    """Letters and digits only, case-folded: `CSS-Tricks` and `css tricks` are the same."""
    return _NON_WORD.sub("", text.casefold())


def normalize_space(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def name_keys(text: str) -> set[str]:
    """The spellings a name is compared in: squashed, and in ASCII as a host name spells it
    (umlauts spelt out, or accents dropped)."""
    folded = text.casefold()
    keys = {squash(folded), _ascii(folded.translate(_SPELT_OUT)), _ascii(folded)}
    return keys - {""}


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return squash("".join(c for c in decomposed if not unicodedata.combining(c)))


def clean_title(
    title: str, site_names: Iterable[str], headings: Iterable[str], page_url: str = ""
) -> str:
    """`title` minus a leading or trailing site name (see the module docstring)."""
    title = normalize_space(title)
    names = _names(site_names, page_url)
    for heading in headings:
        own = _heading_part(title, normalize_space(heading), names)
        if own:
            return _tidy(own)
    bracketed = _BRACKETED.search(title)
    if bracketed and name_keys(bracketed.group(1) or bracketed.group(2) or "") & names:
        title = _kept(title[: bracketed.start()], title)
    parts = _parts(title)
    if len(parts) >= 2 and name_keys(parts[-1][0]) & names:
        title = _kept(title[: parts[-1][1]], title)
    elif len(parts) >= 2 and name_keys(parts[0][0]) & names:
        title = _kept(title[parts[1][2] :], title)
    return _tidy(title)


def _kept(cut: str, title: str) -> str:
    """`cut` when it still has a letter or digit (a title that is only the site's name
    stays whole), else `title`."""
    return cut.strip() if squash(cut) else title


def title_matching(candidates: Iterable[str], headings: Iterable[str]) -> str:
    """The first candidate title that is one of the headings, alone or with a separated
    prefix or suffix (the site's name), reduced to its own part; else an empty string."""
    wanted = [normalize_space(heading) for heading in headings if heading.strip()]
    for candidate in candidates:
        for heading in wanted:
            own = _heading_part(normalize_space(candidate), heading, set())
            if own:
                return own
    return ""


def title_stated_twice(
    title: str,
    stated: Sequence[str],
    headings: Sequence[str],
    trusted: Sequence[str],
    site_names: Iterable[str],
    page_url: str = "",
) -> str:
    """The title the page's `<title>` and another source both state, as that source spells it
    (`<title>` often has odd spaces), never a site name; else an empty string.

    `stated` (`og:title`, the JSON-LD headline) counts when it is a separated part of the
    `<title>` — a source equal to all of it is mostly a copy a CMS made; `headings` (the
    nearest `<h1>`) also when equal to all of it; both only when the part is not much
    shorter than what it is cut from (a short one is the site's logo or section). `trusted`
    (a heading inside or just above the article) counts at any length."""
    title = normalize_space(title)
    names = _names(site_names, page_url)
    checks = [
        *((source, False, False) for source in stated),
        *((source, True, False) for source in headings),
        *((source, True, True) for source in trusted),
    ]
    for source, whole_ok, short_ok in checks:
        source = normalize_space(source)
        split = _split_at(title, source)
        if split is None or name_keys(source) & names or not (whole_ok or split[1]):
            continue
        if short_ok or len(squash(source)) >= len(squash(split[1])) // 2:
            return _spelling(source, split[0]) if whole_ok else source
    return ""


def _spelling(heading: str, part: str) -> str:
    """How to spell a title a heading and the `<title>` both state: as the heading (curly
    quotes, no odd spaces), but as the `<title>` when the heading is in capitals (a style) or
    has run two of its lines together (`Kicker"Headline"`: fewer words)."""
    if heading.isupper() and not part.isupper():
        return part
    return part if len(part.split()) > len(heading.split()) else heading


def lone_title(title: str) -> str:
    """A `<title>` with nothing to check it against (no other title source, no heading):
    `Post title – Site` → `Post title` when it has one spaced separator and the part after it
    is a short name (at most 3 words, at most half as many as before it) — the way nearly
    every CMS writes a title (WordPress: ` – `). `Python - A Guide` is left alone."""
    title = normalize_space(title)
    separators = list(_SEPARATOR.finditer(title))
    if len(separators) != 1 or not separators[0].group().startswith(" "):
        return title
    before = title[: separators[0].start()].split()
    after = title[separators[0].end() :].split()
    kept = " ".join(before)
    if 0 < len(after) <= _LONE_NAME_WORDS and len(after) * 2 <= len(before) and squash(kept):
        return kept  # (never a title of punctuation alone: `: [ | a` stays whole)
    return title


def _names(site_names: Iterable[str], page_url: str) -> set[str]:
    names = {key for name in site_names for key in name_keys(name)}
    return names | _host_names(page_url)


def _split_at(title: str, source: str) -> tuple[str, str] | None:
    """(`source`'s part of `title`, the rest) when `title` is `source` alone or with a
    separated prefix or suffix. Linear: a part is squashed only where its count of letters
    and digits is the source's (one count per character, summed once)."""
    wanted = squash(source)
    if not wanted:
        return None
    if squash(title) == wanted:
        return title, ""
    counts = [0]
    for char in title:
        counts.append(counts[-1] + len(squash(char)))
    total, size = counts[-1], len(wanted)
    # Every cut with the same count has the same squashed part: compared once per side.
    same: dict[str, bool] = {}
    for match in _SEPARATOR.finditer(title):
        start, end = match.start(), match.end()
        if counts[start] == size and total > size:
            if "before" not in same:
                same["before"] = squash(title[:start]) == wanted
            if same["before"]:
                return title[:start].strip(), title[end:].strip()
        if total - counts[end] == size and counts[end] > 0:
            if "after" not in same:
                same["after"] = squash(title[end:]) == wanted
            if same["after"]:
                return title[end:].strip(), title[:start].strip()
    return None


def _heading_part(title: str, heading: str, names: set[str]) -> str:
    """The article's part of a title that is `heading` plus a separated prefix or suffix:
    `heading` itself, or, when `heading` is the shorter part or a site name (a logo `<h1>`),
    the rest of the title."""
    split = _split_at(title, heading)
    if split is None:
        return ""
    part, rest = split
    if not rest:
        return title
    if name_keys(part) & names or len(squash(part)) < len(squash(rest)) // 2:
        return rest
    return heading


def _tidy(title: str) -> str:
    """`title` without a separator left dangling at either end (`Title -`, `| Title`)."""
    words = title.split(" ")
    while len(words) > 1 and words[-1] and all(c in _DANGLING for c in words[-1]):
        words.pop()
    while len(words) > 1 and words[0] and all(c in _DANGLING for c in words[0]):
        words.pop(0)
    return " ".join(words)


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
