"""The article's own `<h1>` and `<time>`: inside the article element, else the nearest one
before it (a post's title block sits just above its body; the site's logo and the sidebar's
dates are further away or after it)."""

from __future__ import annotations

from collections.abc import Callable

from scrapedown.page.chrome import Element
from scrapedown.page.dates import parse_date


def nearest_heading(doc: Element, article: Element) -> Element | None:
    """The article's `<h1>` with text."""
    return _nearest(doc, article, "h1", lambda e: bool(str(e.text_content()).strip()))


def nearest_time(doc: Element, article: Element) -> Element | None:
    """The article's `<time>` whose `datetime` (or text) is a date."""
    return _nearest(doc, article, "time", _is_dated)


def _is_dated(element: Element) -> bool:
    return parse_date(str(element.get("datetime") or element.text_content())) is not None


def _nearest(
    doc: Element, article: Element, tag: str, accept: Callable[[Element], bool]
) -> Element | None:
    for element in article.iter(tag):
        if accept(element):
            return element
    last = None
    for element in doc.iter():
        if element is article:
            break
        if element.tag == tag and accept(element):
            last = element
    return last
