"""The unwrapping algorithm (docs/url-rules.md#the-algorithm): match, extract, decode, validate,
recurse.

Never raises on any string; an over-long URL, a URL no rule matches and a wrapper whose target
is not a safe http(s) URL all come back unchanged.
"""

from __future__ import annotations

import re

from scrapedown.urls.codec import looks_encoded_url, percent_decode
from scrapedown.urls.index import RuleIndex, rule_index
from scrapedown.urls.options import UrlOptions
from scrapedown.urls.rule import Rule
from scrapedown.urls.target import finish_target, resolve
from scrapedown.urls.urlparts import ParsedUrl, host_matches, normalize, parse_http_url

# A scheme or a double slash (either way round) at the start, after what `normalize` strips.
_MAY_BE_ABSOLUTE = re.compile(r"\A[\x00-\x20]*(?:[A-Za-z][A-Za-z0-9+.-]*:|[/\\]{2})")

#: Extra percent-decoding rounds for a target that is still an encoded URL (double-encoding).
EXTRA_DECODE_ROUNDS = 2


def _wrapper_url(url: str, base: str | None) -> str:
    """`url` as an absolute URL to match rules on: relative and protocol-relative URLs are
    resolved against `base` (a protocol-relative URL without a base is read as https)."""
    value = resolve(normalize(url), base)
    return "https:" + value if value.startswith("//") else value


def _target_host_ok(rule: Rule, target: str) -> bool:
    if not rule.target_hosts:
        return True
    parsed = parse_http_url(target)
    return parsed is not None and any(host_matches(parsed.host, p) for p in rule.target_hosts)


def apply_rule(rule: Rule, wrapper: ParsedUrl) -> str | None:
    """The validated target `rule` finds in `wrapper`, or None."""
    raw = rule.extract(wrapper)
    if not raw:
        return None
    for _ in range(EXTRA_DECODE_ROUNDS):
        if not looks_encoded_url(raw):
            break
        raw = percent_decode(raw)
    target = finish_target(raw, wrapper, schemeless=rule.schemeless, relative=rule.relative)
    if target is None or not _target_host_ok(rule, target):
        return None
    return target


def unwrap_once(url: str, rules: RuleIndex) -> str | None:
    """One wrapper peeled off `url` by the first rule that finds a valid target, or None."""
    wrapper = parse_http_url(url)
    if wrapper is None:
        return None
    for rule in rules.candidates(wrapper):
        if rule.matches(wrapper):
            target = apply_rule(rule, wrapper)
            if target is not None:
                return target
    return None


def may_be_absolute(url: str) -> bool:
    """Whether `url` starts with a scheme or a double slash: without a base URL, nothing
    else can be unwrapped."""
    return _MAY_BE_ABSOLUTE.match(url) is not None


def unwrap(url: str, kind: str, base: str | None, options: UrlOptions) -> str:
    """`url` with up to `options.max_depth` wrappers removed; `url` itself when none applies."""
    if not options.enabled or len(url) > options.max_url_length:
        return url
    if base is None and not may_be_absolute(url):
        return url  # a relative URL with nothing to resolve it against wraps nothing (most links)
    rules = rule_index(options, kind)
    if not rules:
        return url
    current = _wrapper_url(url, base)
    seen = {current}
    for _ in range(max(options.max_depth, 0)):
        step = unwrap_once(current, rules)
        if step is None or step in seen or len(step) > options.max_url_length:
            break
        seen.add(step)
        current = step
    return current if len(seen) > 1 else url
