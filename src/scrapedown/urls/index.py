"""A host index over the active rules, so that a URL is only tried against rules that could
match it: rules for its exact host, for one of its parent domains, and the few host-pattern or
any-host rules whose hint strings it contains. Registry order is kept."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from scrapedown.urls.options import UrlOptions
from scrapedown.urls.rule import Rule
from scrapedown.urls.urlparts import ParsedUrl
from scrapedown.urls.userrules import RuleSelection, selected_rules

_Entry = tuple[int, Rule]  # the rule's position in registry order, and the rule


@dataclass(frozen=True)
class RuleIndex:
    """Active rules by exact host, by parent-domain suffix (``.workers.dev``), and the rest."""

    exact: dict[str, list[_Entry]] = field(default_factory=dict)
    suffix: dict[str, list[_Entry]] = field(default_factory=dict)
    scanned: list[_Entry] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.exact or self.suffix or self.scanned)

    def candidates(self, url: ParsedUrl) -> list[Rule]:
        """The rules worth trying on `url`, in registry order."""
        found: dict[int, Rule] = dict(self.exact.get(url.host, ()))
        dot = url.host.find(".")
        while dot >= 0:
            found.update(self.suffix.get(url.host[dot:], ()))
            dot = url.host.find(".", dot + 1)
        lowered = url.url.lower()
        for order, rule in self.scanned:
            if not rule.hints or any(hint in lowered for hint in rule.hints):
                found[order] = rule
        return [found[order] for order in sorted(found)]


def rule_index(options: UrlOptions, kind: str) -> RuleIndex:
    """The index of the rules active for `kind` under `options`."""
    return _index(RuleSelection.of(options), kind)


@lru_cache(maxsize=64)
def _index(selection: RuleSelection, kind: str) -> RuleIndex:
    exact: defaultdict[str, list[_Entry]] = defaultdict(list)
    suffix: defaultdict[str, list[_Entry]] = defaultdict(list)
    scanned: list[_Entry] = []
    for order, rule in enumerate(selected_rules(selection, kind)):
        if any(pattern == "*" or pattern.startswith("re:") for pattern in rule.hosts):
            scanned.append((order, rule))
            continue
        for pattern in rule.hosts:
            if pattern.startswith("*."):
                suffix[pattern[1:]].append((order, rule))
            else:
                exact[pattern].append((order, rule))
    return RuleIndex(dict(exact), dict(suffix), scanned)
