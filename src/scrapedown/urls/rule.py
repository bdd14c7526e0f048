"""What a rule is: a named, host-anchored recipe for finding the URL a wrapper hides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from scrapedown.urls.extract import compiled
from scrapedown.urls.urlparts import ParsedUrl, host_matches

Availability = Literal["on", "opt-in", "never"]
"""Per kind of URL: ``on`` by default, ``opt-in`` (off until enabled by name), or ``never``."""

KINDS: tuple[str, ...] = ("img", "link")


class Extractor(Protocol):
    """Finds the raw target inside a parsed wrapper URL, or returns None."""

    def __call__(self, url: ParsedUrl, /) -> str | None: ...


@dataclass(frozen=True)
class Rule:
    """One wrapping scheme. Several rules may share a name (one per host shape); switching a
    name on or off switches all of them."""

    name: str
    hosts: tuple[str, ...]
    """Host patterns: ``example.com``, ``*.example.com`` (label boundary), ``re:REGEX``, ``*``."""
    extract: Extractor
    path: str = ""
    """Regex matched (case-insensitively) at the start of the path; empty: any path."""
    img: Availability = "on"
    link: Availability = "on"
    schemeless: str = ""
    """Scheme given to a ``host.tld/…`` target (``http``); empty: such targets are refused."""
    relative: bool = False
    """Resolve a relative target against the wrapper's origin (image resizers)."""
    target_hosts: tuple[str, ...] = ()
    """When set, the target's host must match one of these patterns."""
    hints: tuple[str, ...] = ()
    """Lower-case strings one of which every URL this rule matches contains; empty: derived
    from `hosts` (a rule with ``re:`` or ``*`` hosts and no hints defeats the fast path)."""

    def availability(self, kind: str) -> Availability:
        """Whether this rule applies to `kind` (``img`` or ``link``) by default."""
        return self.img if kind == "img" else self.link

    def matches(self, url: ParsedUrl) -> bool:
        """Whether `url` has this rule's host and path (the extractor decides the rest)."""
        if not any(host_matches(url.host, pattern) for pattern in self.hosts):
            return False
        return not self.path or compiled(self.path).match(url.path) is not None

    def needles(self) -> tuple[str, ...] | None:
        """Lower-case strings one of which a matching URL must contain; None when unknown."""
        if self.hints:
            return self.hints
        needles: list[str] = []
        for pattern in self.hosts:
            if pattern == "*" or pattern.startswith("re:"):
                return None
            needles.append(pattern.removeprefix("*"))
        return tuple(needles)
