"""The article's own `<h1>` and `<time>`: inside the article element, else the nearest one
before it (a post's title block sits just above its body; the site's logo and the sidebar's
dates are further away or after it)."""

from __future__ import annotations

import re
from collections.abc import Callable

from scrapedown.page.chrome import Element, hint_tokens
from scrapedown.page.dates import parse_date

#: Class/id tokens of the element that names a post's author (`byline`, `author-name`).
BYLINE_HINTS = frozenset({"byline", "author", "authors", "writtenby", "writer"})
#: Class/id tokens of what an author box prints beside the name (`author-role`, `job-title`):
#: never the name, and left out of the name of the box around it. Not `title` alone (BEM's
#: `author-avatar__title` is the name) nor `bio` (a bio box starts with the name).
ROLE_HINTS = frozenset({"role", "job", "jobtitle", "occupation", "badge", "badgetext"})
# `author-title`, `byline_title`: the title of the author (the yahoo.com job title), where a
# `title` one part further (`author-avatar__title`) is the title of the box, i.e. the name.
_ROLE_CLASS = re.compile(r"(?:author|byline|writer)[-_]title\b")
BYLINE_LENGTH = 100
"""Longest byline text: a longer "author" element is a biography box."""
_BY = re.compile(r"\A(?:by|von|par|por|di|door|przez|作者|文)\s*[:：]?\s+", re.IGNORECASE)
# Where a byline's name ends: a date, a separator, "Updated", a line of its own.
_AFTER_NAME = re.compile(
    r"\s(?:[|·•]|[-–—]\s)|\s(?:updated|published|posted|on)\b|\d{1,4}[-/.]\d"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
# Not a name: a handle or a call to action printed by an author widget ("Follow @jdoe",
# "More from this author", "View all posts").
_NOT_NAME = re.compile(r"@|\A(?:follow|subscribe|contact|email|more|view|see|all)\b", re.I)
_BYLINE_TAGS = (
    "div",
    "span",
    "p",
    "a",
    "address",
    "li",
    "section",
    "header",
    "strong",
    "b",
    "cite",
)


def nearest_byline(doc: Element, article: Element) -> str:
    """The author's name as the article's byline prints it (`By Jane Doe` → `Jane Doe`), or
    an empty string."""
    found = _nearest(doc, article, _BYLINE_TAGS, _is_byline)
    return "" if found is None else _name_of(found)


def _name_of(element: Element) -> str:
    """The name in a byline: without `By`, and cut where a date or separator begins."""
    text = _BY.sub("", " ".join(" ".join(_text_without_roles(element)).split()))
    cut = _AFTER_NAME.search(text)
    return (text[: cut.start()] if cut else text).strip(" ,|·•-–—")


def _text_without_roles(element: Element) -> list[str]:
    """The text of `element` (as `itertext`), without the text of the role elements inside it.
    A stack, not recursion: a deep tree of empty wrappers stays cheap."""
    parts: list[str] = []
    stack: list[tuple[Element, bool]] = [(element, False)]  # (node, its tail is due)
    while stack:
        node, tail = stack.pop()
        if tail:
            parts.append(node.tail or "")
            continue
        if node is not element:
            stack.append((node, True))
        if not isinstance(node.tag, str) or _is_role(node):
            continue  # a comment, or the job title under the name
        parts.append(node.text or "")
        stack.extend((child, False) for child in reversed(node))
    return parts


def _is_role(element: Element) -> bool:
    """Whether `element` is what an author box prints beside the name (a job title, a badge,
    a Follow button)."""
    if element.tag == "button":
        return True
    if not ROLE_HINTS.isdisjoint(hint_tokens(element, ())):
        return True
    return _ROLE_CLASS.search(str(element.get("class") or "").lower()) is not None


def _is_byline(element: Element) -> bool:
    if not element.get("class") and not element.get("id"):
        return False  # no hint to read (most of a page's elements): what the rest would say
    tokens = hint_tokens(element, ())
    if _is_role(element):
        return False  # `author-title`: the job title printed under the name
    if BYLINE_HINTS.isdisjoint(tokens) and not any(t.endswith("byline") for t in tokens):
        return False  # `FeatureByline`, `articlebyline`: camelCase is one token
    text = " ".join(str(element.text_content()).split())
    if not 0 < len(text) <= BYLINE_LENGTH or "://" in text:
        return False
    name = _name_of(element)
    return bool(name) and _NOT_NAME.search(name) is None


def nearest_heading(doc: Element, article: Element) -> Element | None:
    """The article's `<h1>` with text."""
    return _nearest(doc, article, "h1", lambda e: bool(str(e.text_content()).strip()))


def nearest_time(doc: Element, article: Element) -> Element | None:
    """The article's `<time>` whose `datetime` (or text) is a date."""
    return _nearest(doc, article, "time", _is_dated)


def _is_dated(element: Element) -> bool:
    return parse_date(str(element.get("datetime") or element.text_content())) is not None


def _nearest(
    doc: Element, article: Element, tag: str | tuple[str, ...], accept: Callable[[Element], bool]
) -> Element | None:
    tags = (tag,) if isinstance(tag, str) else tag
    for element in article.iter(*tags):
        if accept(element):
            return element
    last = None
    # Only the wanted tags and the article's own come out of lxml (the rest is skipped in C).
    for element in doc.iter(*tags, article.tag):
        if element is article:
            break
        if element.tag in tags and accept(element):
            last = element
    return last
