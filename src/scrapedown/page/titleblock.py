"""The page's title heading: an `<h1>` that states the title the page's head gives.

A title block (the `<h1>`, a standfirst or subtitle, the lead picture, a byline) sits just
above or around an article's body; what is beside that `<h1>` is the article's own text, even
in a box a theme names `article-header` or `post-header`. A site's name set as an `<h1>` over
every page (`<h1><a href="/">Example Blog</a></h1>`) is no title heading: the head's title
states the article's title, of which the site's name is at most the smaller part.
"""

from __future__ import annotations

import re

from scrapedown.page.blocks import text_weight
from scrapedown.page.chrome import Element
from scrapedown.page.policy import META_LINE_PATTERNS
from scrapedown.page.title import squash

TITLE_SHARE = 0.5
"""Least share of the head's `<title>` an `<h1>` must state (the rest is the site's name)."""
STANDFIRST_TEXT = 40.0
"""Least text (letters and digits, CJK counting two) of a standfirst: a sentence, not a
kicker, a date or a name."""
LINK_SHARE = 0.3
"""Most share of a standfirst's text in links (a list of tags or of authors is none)."""
_LEAVES = ("p", "div", "h2", "h3", "h4", "h5", "h6", "span", "b", "strong")
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"})
# A byline (`By …`, `Von …`) or a line holding a date, a reading time or a copyright.
_BYLINE = re.compile(r"(?:by|von|par|por|di|door|przez|作者|文)\b", re.IGNORECASE)
_META = re.compile("|".join(f"(?:{p})" for p in META_LINE_PATTERNS), re.IGNORECASE)


def title_block(element: Element) -> bool:
    """Whether `element` holds the page's title heading and, beside it, a standfirst: a
    sentence of its own, not a byline, a date line or a list of links."""
    return holds_title_heading(element) and _has_standfirst(element)


def _has_standfirst(element: Element) -> bool:
    for block in element.iter(*_LEAVES):
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in block.iterdescendants()):
            continue  # not a leaf: its own leaves are looked at
        text = " ".join(block.text_content().split())  # (no space before a byline's `By`)
        weight = text_weight(text)
        if weight < STANDFIRST_TEXT:
            continue
        links = sum(text_weight(a.text_content()) for a in block.iter("a"))
        if links > LINK_SHARE * weight or _BYLINE.match(text) or _META.search(text):
            continue
        return True
    return False


def holds_title_heading(element: Element) -> bool:
    """Whether `element` is or holds an `<h1>` stating the page's title (`og:title`, or
    most of `<title>`)."""
    headings = [element] if element.tag == "h1" else list(element.iter("h1"))
    if not headings:
        return False
    titles = _head_titles(element)
    if not titles:
        return False
    return any(_states(squash(h.text_content()), titles) for h in headings)


def _states(heading: str, titles: list[str]) -> bool:
    if not heading:
        return False
    return any(
        heading == title or (heading in title and len(heading) >= TITLE_SHARE * len(title))
        for title in titles
    )


def _head_titles(element: Element) -> list[str]:
    """The squashed `<title>` and `og:title` of the page holding `element`."""
    root = element.getroottree().getroot()
    head = root.find("head")
    if head is None:
        return []
    found: list[str] = []
    for node in head.iter("title", "meta"):
        if node.tag == "title":
            found.append(squash(node.text_content()))
        elif str(node.get("property") or node.get("name") or "").lower() == "og:title":
            found.append(squash(str(node.get("content") or "")))
    return [title for title in found if title]
