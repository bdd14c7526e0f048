"""Rule 3 of `scrapedown.page.furniture`: lists of links inside the article that point
elsewhere (related posts, tag clouds, "more from" boxes), removed when they sit after the
article's last paragraph of running text or read like titles of other posts."""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapedown.page.chrome import Element
from scrapedown.page.measure import KEEP_INSIDE, Measure, alive, link_dense

#: Blocks removed when most of their text is links.
LINK_LIST_TAGS = frozenset(
    {"ul", "ol", "dl", "div", "section", "aside", "header", "footer", "nav", "menu", "center",
     "form", "p", "blockquote", "article"}
)  # fmt: skip
_PARAGRAPHS = frozenset({"p", "blockquote"})
_PROSE_TAGS = ("p", "div", "li", "blockquote", "td", "dd", "section", "article")
LIST_DENSITY = 0.5
"""A list or a box with more than this share of its text in links is a link list."""
PARAGRAPH_DENSITY = 0.7
"""A short paragraph with more than this share of its text in links is a link line."""
SHORT_PARAGRAPH = 200.0
TITLE_TEXT = 25.0
"""Average link text (letters and digits) of a list of titles of other posts."""
RUNNING_TEXT = 150.0
"""A paragraph this long, mostly not links, is article text: a related section ends there."""


def after_last_paragraph(article: Element, measure: Measure) -> set[Element]:
    """The elements after the article's last paragraph of running text (where related
    lists, tag clouds and "more from" boxes sit)."""
    order = list(alive(article, measure))
    last = -1
    for index, element in enumerate(order):
        if element.tag in _PROSE_TAGS and _own_running_text(element, measure):
            last = index
    return set(order[last + 1 :]) if last >= 0 else set()


def _own_running_text(element: Element, measure: Measure) -> bool:
    """Running text of the element itself, not of a block inside it."""
    own = measure.own.get(element, 0.0)
    return own >= RUNNING_TEXT and measure.link.get(element, 0.0) < 0.3 * own


def is_link_list(element: Element, measure: Measure, trailing: bool, site: str) -> bool:
    """A list of links to elsewhere: after the article's text, or titles of other posts of
    the same site anywhere ("Read more: <title>"); a list of short links in the text, or of
    links to other sites (sources, bug reports), is the article's. `site`: the page's host."""
    if element.tag not in LINK_LIST_TAGS:
        return False
    if element.tag in _PARAGRAPHS:
        short = measure.text.get(element, 0.0) < SHORT_PARAGRAPH
        dense = short and link_dense(element, measure, PARAGRAPH_DENSITY)
    else:
        dense = link_dense(element, measure, LIST_DENSITY)
    if not dense or not (trailing or _has_titles(element, measure, site)):
        return False
    # A picture with its caption link is the article's; a teaser list has many links.
    if next(element.iter(*KEEP_INSIDE), None) is not None:
        return sum(1 for _ in element.iter("a")) > 2
    return True


def _has_titles(element: Element, measure: Measure, site: str) -> bool:
    """Whether the links read like titles of other posts of the site (a few words each, on
    average, most of them relative or to `site`; any host when `site` is unknown)."""
    hrefs = (str(a.get("href") or "").strip() for a in element.iter("a"))
    # `#anchor` links lead within the page (a table of contents), not to other posts; a bare
    # `#` is a script's placeholder (a slider's arrows), counted as before
    links = [href for href in hrefs if href and not (href.startswith("#") and len(href) > 1)]
    if not links or measure.link.get(element, 0.0) / len(links) < TITLE_TEXT:
        return False
    return 2 * sum(_is_internal(href, site) for href in links) > len(links)


def _is_internal(href: str, site: str) -> bool:
    host = urlsplit(href.strip()).netloc.lower()
    return not host or not site or host.removeprefix("www.") == site


def site_host(article: Element) -> str:
    """The page's host (from its canonical URL or `og:url`, without `www.`), or empty."""
    root = article.getroottree().getroot()
    for element in root.iter("link", "meta"):
        rel = str(element.get("rel") or element.get("property") or "").lower().split()
        if "canonical" in rel or "og:url" in rel:
            url = str(element.get("href") or element.get("content") or "")
            return str(urlsplit(url.strip()).netloc.lower().removeprefix("www."))
    return ""
