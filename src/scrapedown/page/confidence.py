"""How sure the extraction is, and the last recall guard: never an empty body for a page
with text.

The confidence of a page (0 to 1) starts from how its article was found (`HOW`): an element
the page marks as the article body, a marked region (`<article>`, `<main>`), the search from
the `<body>` down, or the `<body>` itself; it drops when the article keeps little of the
page's prose (`SMALL_SHARE`) and when pruning had to be undone (`extract.KEPT_SHARE`).

Guard: when the chosen article keeps (almost) no text while the page has prose, the article
is the page's JSON-LD `articleBody` when it has one, else the whole `<body>`, and the
confidence is low. `LOW_CONFIDENCE` (in `scrapedown.page`) is the line the CLI reports.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from scrapedown.page import jsonld
from scrapedown.page.chrome import Element
from scrapedown.page.extract import Choice
from scrapedown.page.measure import measure_tree, text_total
from scrapedown.page.options import PageOptions
from scrapedown.page.score import text_weight

#: Starting confidence by how the article was found (`Choice.how`).
HOW: dict[str, float] = {"marked": 0.95, "region": 0.85, "search": 0.75, "body": 0.5, "off": 1.0}
UNPARSED = 0.3
"""A page too deep for lxml: its whole body is kept, unjudged."""
REVERTED = 0.45
"""Pruning would have taken most of the article: kept unpruned, chrome and all."""
FALLBACK = 0.2
"""No article found in a page with prose: the whole body (or the JSON-LD body) is kept."""
SMALL_SHARE = 0.25
"""An article keeping less than this share of the page's prose is doubtful."""
PAGE_PROSE = 200.0
"""Prose (letters and digits, CJK counting two) that makes a page one with an article."""
EMPTY_TEXT = 50.0
"""An article with less text than this is empty."""


def guard(
    choice: Choice, pruned: tuple[Element, Element], page: PageOptions
) -> tuple[Element, float]:
    """The article to keep (the chosen one, pruned, or a fallback) and the extraction's
    confidence. `pruned`: the article as pruned, and a copy of it from before pruning."""
    article, unpruned = pruned
    if not page.extract:
        return article, HOW["off"]
    page_prose = choice.scores.prose.get(choice.body, 0.0)
    kept = text_total(article)
    linked = _linked_body(choice.body)
    if page_prose < PAGE_PROSE and (kept >= EMPTY_TEXT or linked is None):
        if kept > page_prose + PAGE_PROSE:  # kept text the page's measures call chrome
            return article, REVERTED
        if kept >= EMPTY_TEXT or not _has_text(choice.body):
            return article, 1.0 if kept or not page_prose else FALLBACK
        # All the page's text was judged chrome (an article whose class names a share bar,
        # beside a longer comment list): keep the whole body rather than nothing.
        return choice.body, FALLBACK
    if kept < EMPTY_TEXT:
        whole = unpruned if choice.element is choice.body else choice.body
        return (linked if linked is not None else whole), FALLBACK
    if linked is not None and kept < 0.5 * text_total(linked):
        return linked, FALLBACK  # the page's own statement of its article text is longer
    confidence = HOW.get(choice.how, 0.5)
    if article is unpruned:
        confidence = min(confidence, REVERTED)
    share = min(1.0, kept / page_prose)
    if share < SMALL_SHARE:
        confidence *= 0.5 + 0.5 * share / SMALL_SHARE
    return article, round(confidence, 2)


def _has_text(body: Element) -> bool:
    """Whether the page holds a paragraph of running text anywhere, chrome included (menus,
    a site's subtitle and a footer are short lines; an article is not)."""
    own = measure_tree(body).own
    return max(own.values(), default=0.0) >= PAGE_PROSE


def _linked_body(body: Element) -> Element | None:
    """The JSON-LD `articleBody` of the page as paragraphs, when it has a usable one."""
    node = jsonld.read_linked_data(body.getroottree().getroot()).article
    value = node.get("articleBody")
    text = value if isinstance(value, str) else ""
    if text_weight(text) < PAGE_PROSE or "<" in text:
        return None
    root = lxml_html.Element("div")
    for line in text.splitlines():
        if line.strip():
            paragraph = etree.SubElement(root, "p")
            paragraph.text = " ".join(line.split())
    return root
