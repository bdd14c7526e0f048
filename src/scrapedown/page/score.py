"""Content scoring: how much article text, and how much chrome, each element of a page holds.

Own heuristic, in the spirit of the text-density extractors (Arc90 readability, the Body Text
Extraction idea of weighing text inside a region against boilerplate): every piece of text
belongs to its nearest block element, and each block is measured once
(`scrapedown.page.blocks`):

- boilerplate: a chrome element (by tag, role, class/id, as a widget or a share bar), a link
  list (more than half its text in links), a meta line (date, reading time, copyright);
- prose: any other text a reader would take for part of the article, short lines included;
- content: the running text beyond a short line, code, pictures (what makes an article).

Each measure is summed over every element's subtree; `scrapedown.page.extract` walks them.

Why not trafilatura or readability-lxml: both would be a heavy dependency (trafilatura pulls
in htmldate, courlan, justext, charset detection …) for one decision we can state in a page of
code, and both decide what to keep of the article itself paragraph by paragraph (trafilatura
drops link-only paragraphs, readability link-dense blocks). Here the article is *chosen* as a
whole element, never *collected*: every paragraph inside it stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from scrapedown.page.blocks import (
    ARTICLE,
    BLOCK_TAGS,
    IMAGE_WEIGHT,
    LINK_DENSITY,
    UNCOUNTED,
    UNCOUNTED_AT,
    Block,
    Context,
    measure_blocks,
    text_weight,
)
from scrapedown.page.chrome import (
    Element,
    hint_strength,
    is_comment_box,
    is_frame,
    is_structural_chrome,
)
from scrapedown.page.options import PageOptions
from scrapedown.page.policy import ARTICLE_TAGS
from scrapedown.page.titleblock import title_block
from scrapedown.page.toc import OwnToc

__all__ = [
    "BLOCK_TAGS",
    "IMAGE_WEIGHT",
    "LINK_DENSITY",
    "UNCOUNTED",
    "PageScores",
    "score_page",
    "text_weight",
]

WIDGET_TEXT = 150.0
"""A box with form controls and less article-like text than this is a widget."""
WEAK_HINT_TEXT = 100.0
"""Running text (beyond short lines) that keeps an element with only a weak chrome hint
(`elementor-widget`, `post-meta`) in the article: a layout box, not furniture."""
ARTICLES_LOOKED_AT = 20
"""`<article>` elements a comment section is weighed against (a page of cards has hundreds)."""
FRAME_SHARE = 0.15
"""A box named as the page's footer (`PageOptions.frame_hints`) holding less than this share
of the page's running text is chrome, whatever it holds."""


@dataclass
class PageScores:
    """Measures of the elements of one page body (keyed by element), each summed over the
    element's subtree."""

    content: dict[Element, float] = field(default_factory=dict)
    """Article-like text: running text beyond the short-line allowance, code, images."""
    prose: dict[Element, float] = field(default_factory=dict)
    """Text a reader would take for part of the article: outside chrome, link lists and meta
    lines, short lines and headings included, the page title (`<h1>`) not."""
    pictures: dict[Element, float] = field(default_factory=dict)
    """Images outside chrome and link lists."""
    boilerplate: dict[Element, float] = field(default_factory=dict)
    """Text and images of chrome, link lists and meta lines."""
    weight: dict[Element, float] = field(default_factory=dict)
    """Everything counted (text and images, chrome included)."""
    chrome_roots: list[Element] = field(default_factory=list)
    """The outermost chrome elements, in document order."""


def score_page(body: Element, page: PageOptions) -> PageScores:
    """Measure every element under `body` (chrome found by `page`'s policy)."""
    contexts, blocks, controls = measure_blocks(body, page)
    order = _bottom_up(body)
    first: dict[Element, tuple[float, ...]] = {}
    for element, block in blocks.items():
        mine, text, _ = block.measures(False)
        first[element] = (text, mine, block.text + block.images)
    plain, running, weight = _sums(order, first)
    roots, chrome = _find_chrome(body, contexts, plain, (controls, blocks, running), page)
    own: dict[Element, tuple[float, ...]] = {}
    for element, block in blocks.items():
        mine, text, boiler = block.measures(element in chrome)
        own[element] = (
            mine,
            text,
            0.0 if boiler else block.images - block.decorations,
            block.text + block.images if boiler else 0.0,
        )
    content, prose, pictures, boilerplate = _sums(order, own)
    return PageScores(content, prose, pictures, boilerplate, weight, roots)


def _find_chrome(
    body: Element,
    contexts: dict[Element, Context],
    plain: dict[Element, float],
    found: tuple[set[Element], dict[Element, Block], dict[Element, float]],
    page: PageOptions,
) -> tuple[list[Element], set[Element]]:
    """The outermost chrome elements, and every element inside them.

    Chrome by what an element is (`<nav>`, a page-level `<footer>` …), by its class or id, as
    a share bar (by its text), or as a widget (form controls, little text and no picture: an
    article of one image may well sit next to a button). An element holding over half the
    page's article-like text is never chrome (`<div class="post ad-free">`, the `<form>` of an
    ASP.NET page around everything), unless it is a comment section beside an `<article>` of
    its own text (`_ArticleBeside`). The article's own table of contents is never chrome
    (`scrapedown.page.toc`).
    """
    controls, blocks, running = found
    limit = 0.5 * plain.get(body, 0.0)
    own_toc = OwnToc(body)
    beside = _ArticleBeside(body, running, page)
    tocs: set[Element] = set()
    page_running = running.get(body, 0.0)
    roots: list[Element] = []
    inside: set[Element] = set()
    bare_role = "" in page.chrome_roles  # what an element without a `role` reads as
    for element in _elements(body):
        parent = element.getparent()
        if parent in inside:
            inside.add(element)
            continue
        if parent in tocs:
            tocs.add(element)  # inside the article's table of contents: never chrome
            continue
        context = contexts.get(element)
        if element is body or context is None or context[UNCOUNTED_AT]:
            continue
        tag = element.tag
        text = plain.get(element, 0.0)
        widget = tag in BLOCK_TAGS and element in controls
        # (a picture or a code block beside a button is the article's: a copy button)
        widget = widget and text < WIDGET_TEXT and next(element.iter("img", "pre"), None) is None
        widget = widget and not _title_block(element)  # (with a share button in it)
        block = blocks.get(element)
        chrome = widget or (block is not None and block.share_line)
        mine = running.get(element, 0.0)
        if element.keys():
            hint = hint_strength(element, page)
            chrome = chrome or _hinted(element, hint, mine, page_running, page)
            structural = is_structural_chrome(element, context[ARTICLE], page)
            if text > limit and hint == 2:
                chrome = beside.holds_more_than(element)
        else:  # most elements: no class, id, role, `hidden` or style, so no hint either
            structural = tag in page.chrome_tags or bare_role
            structural = structural or (tag in page.page_frame_tags and not context[ARTICLE])
        # an `<aside>` in the article with no running text and no picture: its tool bar
        structural = structural or (tag == "aside" and mine <= 0 and not _pictured(element))
        if structural and tag == "header" and mine > 0:
            structural = next(element.iter("h1", "h2", "h3"), None) is None  # a title block
        if (chrome or structural) and (text <= limit or chrome):
            if own_toc(element):
                tocs.add(element)
                continue
            roots.append(element)
            inside.add(element)
    return roots, inside


def _pictured(element: Element) -> bool:
    return next(element.iter("img", "picture", "video", "table", "pre"), None) is not None


def _title_block(element: Element) -> bool:
    """A box inside an `<article>` holding its `<h1>` (`header.article-header`, `post-header`):
    the title, the standfirst and the lead picture, whatever its layout class says; the byline
    and the share bar inside it are judged on their own."""
    if element.tag == "article" or next(element.iter("h1"), None) is None:
        return False
    inside = any(ancestor.tag in ARTICLE_TAGS for ancestor in element.iterancestors())
    return inside and title_block(element)


def _hinted(
    element: Element, hint: int, mine: float, page_running: float, page: PageOptions
) -> bool:
    """Chrome by its class or id (`hint`: `hint_strength`): named as chrome (strongly, or
    weakly with little running text, `mine`, unless it is the article's title block), or named
    as the page's footer with little of the page's running text."""
    if hint == 2 or (hint == 1 and mine < WEAK_HINT_TEXT and not _title_block(element)):
        return True
    return mine < FRAME_SHARE * page_running and is_frame(element, page)


class _ArticleBeside:
    """Whether a comment section holding most of the page's text sits beside the article: the
    page marks an `<article>` of its own running text outside it (a popular post's comments
    outgrow the post; WordPress themes put `#comments` after `<article>`). The articles are
    found once, on the first question."""

    def __init__(self, body: Element, running: dict[Element, float], page: PageOptions) -> None:
        self._body, self._running, self._page = body, running, page
        self._articles: list[Element] | None = None

    def holds_more_than(self, element: Element) -> bool:
        if not is_comment_box(element, self._page):
            return False
        if self._articles is None:
            self._articles = list(self._body.iter(*ARTICLE_TAGS))[:ARTICLES_LOOKED_AT]
        for article in self._articles:
            own = self._running.get(article, 0.0)
            if element in article.iterancestors():
                continue  # an article card inside the comments
            if article in element.iterancestors():
                own -= self._running.get(element, 0.0)
            if own >= WIDGET_TEXT:
                return True
        return False


def _elements(root: Element) -> Iterable[Element]:
    return root.iter(etree.Element)  # type: ignore[no-any-return]


def _bottom_up(body: Element) -> list[tuple[Element, Element | None]]:
    """Every element under `body` with its parent (None for `body`), children first."""
    pairs = [(e, e.getparent()) for e in _elements(body)]
    pairs[0] = (body, None)
    pairs.reverse()
    return pairs


def _sums(
    order: list[tuple[Element, Element | None]], own: dict[Element, tuple[float, ...]]
) -> list[dict[Element, float]]:
    """Each element's values plus its descendants', one dict per value (one bottom-up pass;
    elements whose subtree sums to zero are left out: read with `.get(element, 0.0)`)."""
    width = len(next(iter(own.values()), ()))
    zero = (0.0,) * width
    totals: dict[Element, list[float]] = {}
    sums: list[dict[Element, float]] = [{} for _ in range(width)]
    for element, parent in order:
        mine = own.get(element, zero)
        below = totals.pop(element, None)
        values = mine if below is None else [a + b for a, b in zip(mine, below, strict=True)]
        if not any(values):
            continue
        for index, value in enumerate(values):
            if value:
                sums[index][element] = value
        if parent is not None:
            above = totals.get(parent)
            if above is None:
                totals[parent] = list(values)
            else:
                for index, value in enumerate(values):
                    above[index] += value
    return sums
