"""Teasers of other posts inside the article: a heading that is nothing but a link to another
page of the same site, the way "more from", "next story" and category boxes title each post
they advertise (`<h2><a href="/news/other-story">Other story</a></h2>` over an excerpt).

An article's own headings are not links to the site's other pages: a heading links out when
it names a product or a source (another host), or within the page (`#anchor`). The first
heading of the article is its title (a blog's title links to the post's own permalink), and
`<h1>` is never a teaser. What follows a teaser heading (its excerpt, a date, a "more" link)
goes with it up to the next heading or the next paragraph of running text
(`scrapedown.page.furniture`'s sections).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapedown.page.chrome import Element
from scrapedown.page.measure import Measure

TEASER_LEVELS = frozenset({"h2", "h3", "h4", "h5", "h6"})
LINK_SHARE = 0.9
"""Share of the heading's text that is its one link."""


def is_teaser_heading(element: Element, measure: Measure, site: str, first: Element | None) -> bool:
    """Whether `element` is a heading whose text is one link to another page of `site` (any
    relative link; any host when `site` is unknown)."""
    if element.tag not in TEASER_LEVELS or element is first:
        return False
    links = list(element.iter("a"))
    if len(links) != 1:
        return False
    text = measure.text.get(element, 0.0)
    if text <= 0 or measure.link.get(element, 0.0) < LINK_SHARE * text:
        return False
    href = str(links[0].get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return False
    parts = urlsplit(href)
    if not parts.path.strip("/") and not parts.query:
        return False  # the site's home page: a site name over a box, not a post
    host = parts.netloc.lower().removeprefix("www.")
    return not host or not site or host == site
