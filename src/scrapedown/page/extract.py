"""The article element of a page, and the page chrome pruned from inside it.

1. An element marked as the article body (`itemprop=articleBody`) is taken whole.
2. Otherwise the article is searched inside a marked region (`<article>`, `<main>`), or in the
   whole `<body>` when no region holds most of the page's text: from there, the search steps
   down into the child holding the most article text as long as what it leaves behind is
   chrome (as measured by `scrapedown.page.score`) and at most a line of article-like text.
   Recall first: a paragraph beside the article keeps the article's container whole.
3. Chrome inside the chosen element (share bars, related posts, comment sections, post meta,
   a table of contents `<nav>`) is removed.

A marked element counts only when it holds `PageOptions.min_region_share` of the page's
article text: a `<main>` around a teaser or an `<article>` card in a sidebar does not.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from scrapedown.page.chrome import Element, hint_strength, is_hinted
from scrapedown.page.furniture import prune_furniture
from scrapedown.page.options import PageOptions
from scrapedown.page.score import (
    IMAGE_WEIGHT,
    LINK_DENSITY,
    PageScores,
    score_page,
    text_weight,
)
from scrapedown.page.title import squash
from scrapedown.page.titleblock import title_block
from scrapedown.parse.tree import inner_html as tree_inner_html

#: Elements an article can be in: containers of blocks, and the rows and cells of a layout
#: table. A paragraph, a list or a figure is part of an article, never all of it (stepping
#: into one would drop its siblings).
CONTAINER_TAGS = frozenset(
    {
        "body", "div", "section", "article", "main", "center", "header", "footer", "aside",
        "form", "font", "table", "tbody", "tr", "td",
    }
)  # fmt: skip
RUNNING_TEXT = 80.0
"""Text (weighted letters) that makes a plain `<aside>` inside the article a note, not chrome."""
MINOR_SHARE = 0.1
"""Running text the search may leave behind, as a share of the running text it steps into."""
NOSCRIPT_TEXT = 200.0
"""`<noscript>` text (letters and digits) that may be the page's article."""
KEPT_SHARE = 0.4
"""Pruning that would leave less than this share of the article's text is undone."""
_VERBATIM = frozenset({"pre", "textarea", "script", "style", "listing", "xmp", "plaintext"})
_NEVER_TEXT = ("script", "style", "template", "link", "meta")
_INDENT = re.compile(r"\n[ \t]+")
_MARKUP = re.compile(r"<[^<>]*+>")


@dataclass(frozen=True)
class Choice:
    """The chosen article element and the measures it was chosen by."""

    element: Element
    scores: PageScores
    body: Element
    """The page's `<body>` (what `scores` measured)."""
    how: str = "search"
    """How the element was found: `marked` (as the article body), `region` (inside a marked
    region), `search` (from the body down), `body` (nothing narrower), `off` (no extraction)."""


def choose_article(body: Element, page: PageOptions) -> Choice:
    """The element of `body` that holds the article (`body` itself when extraction is off)."""
    scores = score_page(body, page)
    if not page.extract:
        return Choice(body, scores, body, "off")
    if _behind_noscript(body, scores):
        for element in list(body.iter("noscript")):
            element.drop_tag()
        scores = score_page(body, page)
    marks = _Marks(body)
    exact = _marked(marks, page.article_xpaths, scores, page.min_region_share)
    if exact is not None:
        return Choice(exact, scores, body, "marked")
    region = _marked(marks, page.region_xpaths, scores, page.min_region_share)
    root = region if region is not None else body
    found = _descend(root, scores, page)
    how = "region" if region is not None else "body" if found is body else "search"
    return Choice(found, scores, body, how)


def _behind_noscript(body: Element, scores: PageScores) -> bool:
    """Whether the page shows its text only without JavaScript: its `<noscript>` elements
    hold far more text than the rest of the body (Discourse and other forum software serve
    their posts that way to clients without scripts)."""
    # (markup a parser left as text inside `<noscript>`, a tracking pixel's `<img …>`, is no text)
    hidden = sum(text_weight(_MARKUP.sub(" ", e.text_content())) for e in body.iter("noscript"))
    return hidden >= NOSCRIPT_TEXT and hidden > 2 * scores.prose.get(body, 0.0)


def prune_chrome(choice: Choice, page: PageOptions) -> tuple[Element, Element]:
    """The chosen article with the chrome and the furniture inside it removed (their tails
    stay): `choice.element` itself, pruned in place, or a copy of it as it was when pruning
    would take most of its text (`KEPT_SHARE`): recall first. Second: that copy.

    A plain `<aside>`, `<header>` or `<footer>` holding running text is kept: inside the
    article it is the article's own (a note, a pull quote), not the page's sidebar or footer,
    which are links and short lines."""
    article = choice.element
    scores = choice.scores
    before = scores.prose.get(article, 0.0)
    backup = copy.deepcopy(article)
    inside = {id(element) for element in article.iter(etree.Element)}
    for element in scores.chrome_roots:
        if element is article or id(element) not in inside or element.getparent() is None:
            continue
        if element.tag in page.page_frame_tags and _is_running_text(element, page):
            continue
        element.drop_tree()
    after = prune_furniture(article, page)
    if before > 0 and after < KEPT_SHARE * before:
        return backup, backup
    return article, backup


def _is_running_text(element: Element, page: PageOptions) -> bool:
    if is_hinted(element, page) or element.get("role") or element.get("hidden") is not None:
        return False
    text = text_weight(element.text_content())
    links = sum(text_weight(link.text_content()) for link in element.iter("a"))
    return text >= RUNNING_TEXT and links <= LINK_DENSITY * text


def drop_title_heading(article: Element, title: str) -> None:
    """Remove the article's first heading when it repeats `title` (the title is in the front
    matter, and generators print it above the body)."""
    wanted = squash(title)
    if not wanted:
        return
    # The first heading, or the `<h1>` after a kicker (`<h2>Region</h2><h1>Title</h1>`, an
    # empty `<h3 class="kicker">`): headings before it that are no `<h1>` label the title.
    for heading in article.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        if heading is article:
            return
        if squash(str(heading.text_content())) == wanted:
            heading.drop_tree()
            return
        if heading.tag == "h1" or next(heading.itersiblings(), None) is None:
            return
        if next(heading.itersiblings("h1"), None) is None:
            return  # (a kicker sits beside the title's `<h1>`)


def inner_html(element: Element) -> str:
    """The HTML inside `element` (its text and children, not its own tag), without scripts,
    styles and comments (never article text; a `<style>` opening the body would make the
    Markdown stage read the rest as one raw block), with the source's indentation taken out
    of text outside `<pre>`: HTML ignores it, but Markdown would read a line indented four
    spaces after a blank line as a code block."""
    _drop_code_and_comments(element)
    _drop_indentation(element)
    return tree_inner_html(element)


def _drop_code_and_comments(root: Element) -> None:
    doomed = [e for e in root.iter(etree.Comment, *_NEVER_TEXT) if e is not root]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _drop_indentation(root: Element) -> None:
    verbatim: set[Element] = set()
    for element in root.iter():
        parent = element.getparent()
        if element.tag in _VERBATIM or parent in verbatim:
            verbatim.add(element)
        elif isinstance(element.tag, str) and element.text:
            element.text = _INDENT.sub("\n", element.text)
        if element.tail and element is not root and parent not in verbatim:
            element.tail = _INDENT.sub("\n", element.tail)


def _marked(
    marks: _Marks, xpaths: tuple[str, ...], scores: PageScores, share: float
) -> Element | None:
    """The first XPath's element holding most article text, if it holds `share` of it."""
    total = scores.content.get(marks.body, 0.0)
    if total <= 0:
        return None
    for xpath in xpaths:
        found = [e for e in marks(xpath) if e in scores.content]
        best = max(found, key=lambda e: scores.content[e], default=None)
        if best is not None and scores.content[best] >= share * total:
            return best
    return None


# The default marks (`policy.ARTICLE_XPATHS`, `policy.REGION_XPATHS`), each with the test its
# XPath makes of an element. libxml2 walks the whole document for each `//` XPath (about 0.2
# ms a page for `//article`, twice that with an attribute test): the default ones are found
# in one walk, by one XPath testing them all, and shared out in document order.
_MARK_TESTS: dict[str, Callable[[Element], bool]] = {
    "//*[@itemprop='articleBody']": lambda e: e.get("itemprop") == "articleBody",
    "//*[@property='articleBody']": lambda e: e.get("property") == "articleBody",
    "//article": lambda e: e.tag == "article",
    "//main": lambda e: e.tag == "main",
    "//*[@role='main']": lambda e: e.get("role") == "main",
}
_ALL_MARKS = etree.XPath(
    "//*[@itemprop='articleBody' or @property='articleBody' or @role='main'"
    " or self::article or self::main]"
)


class _Marks:
    """`_Marks(body)(xpath)`: the elements of `body`'s document that `xpath` selects."""

    def __init__(self, body: Element) -> None:
        self.body = body
        self._found: list[Element] | None = None

    def __call__(self, xpath: str) -> list[Element]:
        test = _MARK_TESTS.get(xpath)
        if test is None:
            return _xpath(self.body, xpath)
        if self._found is None:
            self._found = [e for e in _ALL_MARKS(self.body) if isinstance(e, etree._Element)]
        return [e for e in self._found if test(e)]


def _xpath(body: Element, xpath: str) -> list[Element]:
    try:
        found = body.xpath(xpath)
    except etree.XPathError:
        return []
    return [e for e in found if isinstance(e, etree._Element) and isinstance(e.tag, str)]


def _descend(region: Element, scores: PageScores, page: PageOptions) -> Element:
    """From `region` down to the innermost element that still holds the whole article.

    Step into the child holding the most article text when what it leaves behind is nothing
    at all (a bare wrapper), or is chrome: some boilerplate (a link list, a chrome box, a meta
    line), no article image, and no more article-like text than `PageOptions.drop_allowance`."""
    current = region
    while True:
        children = [c for c in current.iterchildren(etree.Element) if c.tag in CONTAINER_TAGS]
        child = max(children, key=lambda c: scores.content.get(c, 0.0), default=None)
        if child is None or not _leaves_only_chrome(current, child, scores, page):
            return current
        current = child


def _leaves_only_chrome(
    parent: Element, child: Element, scores: PageScores, page: PageOptions
) -> bool:
    def rest(measure: dict[Element, float]) -> float:
        return measure.get(parent, 0.0) - measure.get(child, 0.0)

    if rest(scores.weight) <= 0:
        return True
    before = list(child.itersiblings(preceding=True))
    if rest(scores.pictures) > 0:
        # A picture before the text is the article's lead picture: it stays. One after it
        # with nothing to read beside it is a banner or a background.
        if rest(scores.prose) > 0 or rest(scores.pictures) > IMAGE_WEIGHT:
            return False
        return sum(scores.pictures.get(e, 0.0) for e in before) <= 0
    if rest(scores.prose) <= 0:
        # Nothing to read left behind but the page's title heading (it goes to the front
        # matter) or empty boxes; a title heading kept on request stays with the article.
        return page.drop_title_heading or rest(scores.weight) <= rest(scores.boilerplate)
    if rest(scores.boilerplate) <= 0:
        return False
    # Left behind: a line of article-like text at most, or short lines (a kicker, a contact
    # address) after a child holding nearly all the running text.
    if _standfirst(before, scores, page):
        return False  # the title block's standfirst: the article's first lines
    if rest(scores.prose) <= page.drop_allowance:
        return True
    # Running text before the child is a lead or a standfirst: it stays.
    if sum(scores.content.get(e, 0.0) for e in before) > 0:
        return False
    return rest(scores.content) <= MINOR_SHARE * scores.content.get(child, 0.0)


def _standfirst(before: list[Element], scores: PageScores, page: PageOptions) -> bool:
    """Whether a sibling before the child is a title block a theme names as one (`post-header`,
    `article-header`: a layout hint) holding the page's `<h1>` and text beside it, a standfirst
    or a subtitle (the title itself counts as no prose)."""
    return any(
        scores.prose.get(e, 0.0) > 0 and hint_strength(e, page) == 1 and title_block(e)
        for e in before
    )
