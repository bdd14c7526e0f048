"""User rules from their string form, and the rule list that is active for a set of options.

String forms (see `scrapedown.urls.options`): ``prefix:URL``, ``param:HOST/PATH?PARAM``,
``camo:HOST``, ``imgproxy:HOST``, ``thumbor:HOST``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scrapedown._validate import did_you_mean
from scrapedown.urls.extract import CamoB64, CamoHex, CamoQuery, PathPattern, QueryParam
from scrapedown.urls.options import UrlOptions
from scrapedown.urls.registry import BUILTIN_NAMES, BUILTIN_RULES
from scrapedown.urls.rule import KINDS, Rule
from scrapedown.urls.special import Imgproxy, Thumbor
from scrapedown.urls.urlparts import looks_like_host, normalize, parse_http_url

USER_RULE_NAMES: frozenset[str] = frozenset({"user_prefix_proxy", "user_query_param"})

_HOST_PATTERN_RE = re.compile(r"(?:\*\.)?[a-z0-9.-]+(?::\d+)?", re.IGNORECASE)


def _host_pattern(text: str) -> str | None:
    host = text.strip().lower().split(":")[0]
    if not _HOST_PATTERN_RE.fullmatch(host) or not looks_like_host(host.removeprefix("*.")):
        return None
    return host


def _prefix_rules(value: str) -> tuple[Rule, ...]:
    parsed = parse_http_url(normalize(value))
    if parsed is None or parsed.query or parsed.fragment:
        return ()
    prefix = parsed.path or "/"
    extract = PathPattern(re.escape(prefix) + r"(?P<target>.+)")
    return (Rule("user_prefix_proxy", (parsed.host,), extract, schemeless="http"),)


def _param_rules(value: str) -> tuple[Rule, ...]:
    location, _, param = value.partition("?")
    host_text, slash, path = location.partition("/")
    host = _host_pattern(host_text)
    if host is None or not param or not re.fullmatch(r"[\w.\[\]-]+", param):
        return ()
    path_regex = re.escape("/" + path.rstrip("/")) + r"/?$" if slash and path else r"/?$"
    return (Rule("user_query_param", (host,), QueryParam((param,)), path=path_regex),)


def _host_rules(kind: str, value: str) -> tuple[Rule, ...]:
    host = _host_pattern(value)
    if host is None:
        return ()
    if kind == "camo":
        hosts = (host,)
        return (
            Rule("camo_hex", hosts, CamoHex()),
            Rule("camo_query", hosts, CamoQuery()),
            Rule("camo_b64", hosts, CamoB64()),
        )
    if kind == "imgproxy":
        return (Rule("imgproxy", (host,), Imgproxy()),)
    return (Rule("thumbor", (host,), Thumbor(), schemeless="http"),)


def parse_user_rule(text: str) -> tuple[Rule, ...]:
    """The rules one user-rule string stands for; empty when it is malformed."""
    kind, _, value = text.strip().partition(":")
    kind = kind.lower()
    if kind == "prefix":
        return _prefix_rules(value.strip())
    if kind == "param":
        return _param_rules(value.strip())
    if kind in ("camo", "imgproxy", "thumbor"):
        return _host_rules(kind, value)
    return ()


#: The string form of each kind of user rule (for error messages).
USER_RULE_FORMS: dict[str, str] = {
    "prefix": "prefix:https://HOST/PATH/",
    "param": "param:HOST/PATH?PARAM",
    "camo": "camo:HOST",
    "imgproxy": "imgproxy:HOST",
    "thumbor": "thumbor:HOST",
}


def rule_error(text: str) -> str:
    """Why the user-rule string `text` is unusable, or an empty string when it is fine."""
    kind = text.strip().partition(":")[0].lower()
    if kind not in USER_RULE_FORMS:
        forms = ", ".join(USER_RULE_FORMS.values())
        hint = did_you_mean(kind, USER_RULE_FORMS)
        return f"unknown kind of URL rule {kind!r} in {text!r}{hint}; expected one of {forms}"
    if not parse_user_rule(text):
        return f"malformed URL rule {text!r}; expected {USER_RULE_FORMS[kind]}"
    return ""


def name_error(name: str) -> str:
    """Why `name` (``rule`` or ``rule:img``/``rule:link``) names no rule, or an empty string."""
    base, colon, kind = name.partition(":")
    known = BUILTIN_NAMES | USER_RULE_NAMES
    if base not in known:
        return f"unknown URL rule {base!r}{did_you_mean(base, known)}"
    if colon and kind not in KINDS:
        return f"unknown kind {kind!r} in {name!r}; expected {' or '.join(KINDS)}"
    return ""


def rule_errors(options: UrlOptions) -> tuple[str, ...]:
    """Human-readable problems in `options`: malformed user rules, unknown rule names.
    (`UrlOptions` refuses both when it is made; this lists every one of them.)"""
    errors = [rule_error(text) for text in options.rules]
    errors += [name_error(name) for name in sorted(options.enable | options.disable)]
    return tuple(error for error in errors if error)


@dataclass(frozen=True)
class RuleSelection:
    """The options that decide which rules are active: the cache key of the compiled rule
    lists (not the whole `UrlOptions`, whose base URL changes with every post)."""

    enable: frozenset[str]
    disable: frozenset[str]
    rules: tuple[str, ...]
    links: bool

    @classmethod
    def of(cls, options: UrlOptions) -> RuleSelection:
        """The selection part of `options`."""
        return cls(options.enable, options.disable, options.rules, options.links)


def _is_on(rule: Rule, kind: str, selection: RuleSelection) -> bool:
    availability = rule.availability(kind)
    if availability == "never":
        return False
    if rule.name in selection.disable or f"{rule.name}:{kind}" in selection.disable:
        return False
    return (
        availability == "on"
        or rule.name in selection.enable
        or f"{rule.name}:{kind}" in selection.enable
    )


@lru_cache(maxsize=64)
def selected_rules(selection: RuleSelection, kind: str) -> tuple[Rule, ...]:
    """The rules that apply to `kind` URLs: user rules first, then the built-ins."""
    if kind == "link" and not selection.links:
        return ()
    user = tuple(rule for text in selection.rules for rule in parse_user_rule(text))
    return tuple(rule for rule in user + BUILTIN_RULES if _is_on(rule, kind, selection))


def needles(options: UrlOptions) -> tuple[str, ...] | None:
    """Lower-case strings one of which any URL some active rule could unwrap contains; None
    when an active rule matches any host without a hint (no fast path then)."""
    return _needles(RuleSelection.of(options))


@lru_cache(maxsize=64)
def _needles(selection: RuleSelection) -> tuple[str, ...] | None:
    found: set[str] = set()
    for kind in KINDS:
        for rule in selected_rules(selection, kind):
            rule_needles = rule.needles()
            if rule_needles is None:
                return None
            found.update(rule_needles)
    return tuple(sorted(found))
