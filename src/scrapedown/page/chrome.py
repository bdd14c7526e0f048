"""Is this element page chrome? Judged by tag, ARIA role, `hidden`, and class/id tokens."""

from __future__ import annotations

import re
from typing import Any

from scrapedown.page.options import PageOptions

_SEPARATORS = re.compile(r"[^a-z0-9]+")

Element = Any
"""An `lxml.html.HtmlElement` (lxml ships no type stubs)."""


def hint_tokens(element: Element, ignored_prefixes: tuple[str, ...]) -> set[str]:
    """The words of an element's class names and id: `share_bar post-meta` → share, bar, post,
    meta. Class names that name a taxonomy term (`tag-ads`) are skipped. camelCase is not split:
    `nonStandardHeader` (an MDN note) is one word, not a header."""
    tokens: set[str] = set()
    names = str(element.get("class") or "").split()
    names.append(str(element.get("id") or ""))
    for name in names:
        lowered = name.lower()
        if not lowered or lowered.startswith(ignored_prefixes):
            continue
        tokens.update(token for token in _SEPARATORS.split(lowered) if token)
    return tokens


def is_hinted(element: Element, page: PageOptions) -> bool:
    """Whether an element's class or id names it page chrome."""
    if element.tag in page.hint_exempt_tags:
        return False
    return not page.chrome_hints.isdisjoint(hint_tokens(element, page.hint_ignored_prefixes))


def is_structural_chrome(element: Element, in_article: bool, page: PageOptions) -> bool:
    """Chrome by what the element is: `<nav>`, a page-level `<header>`/`<footer>`/`<aside>`,
    a landmark role of navigation or banners, or `hidden`."""
    tag = element.tag
    if tag in page.chrome_tags or (tag in page.page_frame_tags and not in_article):
        return True
    role = str(element.get("role") or "").strip().lower()
    return role in page.chrome_roles or element.get("hidden") is not None
