"""Is this element page chrome? Judged by tag, ARIA role, `hidden`, and class/id tokens."""

from __future__ import annotations

import functools
import re
from typing import Any

from scrapedown.page.options import PageOptions

_SEPARATORS = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"(?<![-\w])(?:display\s*:\s*none|visibility\s*:\s*hidden)\b")
_SLUG_WORDS = re.compile(r"[^\W_]+")
_SLUG_LENGTH = 3  # an id of this many words is a heading's slug
_STEM_LENGTH = 8  # comment hints this long are also looked for inside compound names

Element = Any
"""An `lxml.html.HtmlElement` (lxml ships no type stubs)."""


def hint_tokens(element: Element, ignored_prefixes: tuple[str, ...]) -> frozenset[str]:
    """The words of an element's class names and id: `share_bar post-meta` → share, bar, post,
    meta. Class names that name a taxonomy term (`tag-ads`) are skipped. camelCase is not split:
    `nonStandardHeader` (an MDN note) is one word, not a header."""
    return _tokens(str(element.get("class") or ""), str(element.get("id") or ""), ignored_prefixes)


@functools.lru_cache(maxsize=4096)
def _tokens(classes: str, ident: str, ignored_prefixes: tuple[str, ...]) -> frozenset[str]:
    """`hint_tokens` of a class attribute and id (pages repeat them: memoised)."""
    tokens: set[str] = set()
    names = classes.split()
    names.append(_unless_slug(ident))
    for name in names:
        lowered = name.lower()
        if not lowered or lowered.startswith(ignored_prefixes):
            continue
        tokens.update(token for token in _SEPARATORS.split(lowered) if token)
    return frozenset(tokens)


def is_hinted(element: Element, page: PageOptions) -> bool:
    """Whether an element's class or id names it page chrome (strongly or weakly)."""
    return hint_strength(element, page) > 0


def hint_strength(element: Element, page: PageOptions) -> int:
    """2 when an element's class or id names it page chrome (`comments`, `related-posts`,
    `articleSocialShare`), 1 when it only names a layout part that may hold the article too
    (`elementor-widget`, `post-meta`, `site-header`: `PageOptions.weak_hints`), else 0."""
    if element.tag in page.hint_exempt_tags:
        return 0
    classes, ident = str(element.get("class") or ""), str(element.get("id") or "")
    if not classes and not ident:
        return 0
    return _strength(classes, ident, page)


@functools.lru_cache(maxsize=4096)
def _strength(classes: str, ident: str, page: PageOptions) -> int:
    """`hint_strength` of a class attribute and id (pages repeat them: memoised)."""
    names = [n for n in (*classes.lower().split(), _unless_slug(ident).lower()) if n]
    names = [n for n in names if not n.startswith(page.hint_ignored_prefixes)]
    tokens = {token for name in names for token in _SEPARATORS.split(name) if token}
    found = tokens & page.chrome_hints
    if found - page.weak_hints:
        return 2
    if not page.keep_comments and _is_comments(tokens, names, page.comment_hints):
        return 2
    joined = " ".join(names)
    stems = {stem for stem in page.chrome_hint_stems if stem in joined}
    if stems - page.weak_hints:
        return 2
    return 1 if found or stems else 0


def _is_comments(tokens: set[str], names: list[str], hints: frozenset[str]) -> bool:
    if not tokens.isdisjoint(hints):
        return True
    joined = " ".join(names)
    return any(len(hint) >= _STEM_LENGTH and hint in joined for hint in hints)


def is_frame(element: Element, page: PageOptions) -> bool:
    """Whether an element's class or id names the page's footer (`PageOptions.frame_hints`)."""
    if element.tag in page.hint_exempt_tags:
        return False
    return not page.frame_hints.isdisjoint(hint_tokens(element, page.hint_ignored_prefixes))


def _id_of(element: Element) -> str:
    """The element's id, unless it is a slug of a heading (`sharing-with-a-single-developer`,
    `related-work`: documentation generators give sections such ids), which names no part
    of the page."""
    return _unless_slug(str(element.get("id") or ""))


def _unless_slug(value: str) -> str:
    return "" if len(_SLUG_WORDS.findall(value)) >= _SLUG_LENGTH else value


def _names(element: Element, ignored_prefixes: tuple[str, ...]) -> list[str]:
    names = str(element.get("class") or "").lower().split()
    names.append(_id_of(element).lower())
    return [name for name in names if name and not name.startswith(ignored_prefixes)]


def is_structural_chrome(element: Element, in_article: bool, page: PageOptions) -> bool:
    """Chrome by what the element is: `<nav>`, a page-level `<header>`/`<footer>`/`<aside>`,
    a landmark role of navigation or banners, or `hidden`."""
    tag = element.tag
    if tag in page.chrome_tags or (tag in page.page_frame_tags and not in_article):
        return True
    role = str(element.get("role") or "").strip().lower()
    return role in page.chrome_roles or element.get("hidden") is not None or _is_hidden(element)


def _is_hidden(element: Element) -> bool:
    """Hidden by its inline style (`display: none`, `visibility: hidden`): a pop-up, a menu
    for small screens, a duplicate, not the text a reader sees. Not a slide or a tab panel:
    a hidden element beside one of the same tag and class is one of a set the page shows in
    turn (a gallery's paragraphs), the article's."""
    style = str(element.get("style") or "").lower()
    if "none" not in style and "hidden" not in style:
        return False
    if _HIDDEN_STYLE.search(style) is None:
        return False
    kind = (element.tag, element.get("class"))
    for sibling in (element.getprevious(), element.getnext()):
        if sibling is not None and (sibling.tag, sibling.get("class")) == kind:
            return False
    return True
