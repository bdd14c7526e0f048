"""Content scoring: how much article text, and how much chrome, each element of a page holds.

Own heuristic, in the spirit of the text-density extractors (Arc90 readability, the Body Text
Extraction idea of weighing text inside a region against boilerplate): every piece of text
belongs to its nearest block element, and each block is measured once:

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

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from scrapedown.chars import CJK_WORD_CLASS
from scrapedown.errors import ScrapedownError
from scrapedown.page.chrome import Element, hint_strength, is_structural_chrome
from scrapedown.page.options import PageOptions

#: Elements that own the text inside them (a text's block is its nearest one of these).
BLOCK_TAGS = frozenset(
    {
        "html", "body", "div", "section", "article", "main", "header", "footer", "aside", "nav",
        "p", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "caption",
        "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption",
        "address", "details", "summary", "form", "center", "fieldset", "dialog", "menu",
    }
)  # fmt: skip
#: Text never shown (or never article text): not counted.
UNCOUNTED = frozenset(
    {
        "script", "style", "template", "noscript", "head", "title", "svg", "button", "select",
        "textarea", "option", "iframe", "object", "embed", "canvas", "math",
    }
)  # fmt: skip
#: Headings are neutral: the page title belongs to the front matter (counting it would pull
#: the title block with its byline into the article), and chrome boxes have headings too.
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

SHORT_TEXT = 40.0
"""A text block is content for its weight beyond this: a long paragraph counts almost all of
its text, a teaser in a sidebar box little, a label nothing."""
META_LINE = 100.0
"""Blocks up to this weight are checked for being a meta line (`PageOptions`)."""
SHARE_LINE = 50.0
"""Blocks of links up to this weight are checked for being a share or print bar."""
LINK_DENSITY = 0.5
"""A block whose text is more than this share link text is a menu or a link list."""
IMAGE_WEIGHT = 10.0
"""What an image (or a video) counts for: a picture in the article is worth a few words."""
_PICTURES = frozenset({"img", "video", "audio"})
_PIXEL_SIZES = frozenset({"0", "1", "1px", "0px"})
#: A link to one of these is a picture's full-size version, not another page.
IMAGE_FILE_ENDINGS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif")
WIDGET_TEXT = 150.0
WEAK_HINT_TEXT = 100.0
"""Running text (beyond short lines) that keeps an element with only a weak chrome hint
(`elementor-widget`, `post-meta`) in the article: a layout box, not furniture."""
"""A box with form controls and less article-like text than this is a widget."""

_NON_WORD = re.compile(r"[\W_]+")
_CJK = re.compile(f"[{CJK_WORD_CLASS}]")


def text_weight(text: str | None) -> float:
    """Letters and digits, a CJK character counting twice (it carries about a word)."""
    if not text:
        return 0.0
    letters = len(_NON_WORD.sub("", text))
    if not letters or text.isascii():  # most text nodes: layout blanks, Latin text
        return float(letters)
    return float(letters + len(_CJK.findall(text)))


@dataclass
class _Block:
    tag: str
    text: float = 0.0
    link: float = 0.0
    images: float = 0.0
    decorations: float = 0.0
    """Images inside a link to a page (a logo, a teaser), logos and tracking pixels: not the
    article's own pictures."""
    short: list[str] = field(default_factory=list)
    """The block's text while it is short enough to be a meta line."""
    meta_line: bool = False
    share_line: bool = False
    """A short line of links that names sharing or printing: chrome wherever it is."""

    def add(self, text: str | None, in_link: bool) -> None:
        weight = text_weight(text)
        self.text += weight
        self.link += weight if in_link else 0.0
        if text and self.text <= META_LINE:
            self.short.append(text)

    def is_boilerplate(self, chrome: bool) -> bool:
        weight = self.text + self.images
        return chrome or self.meta_line or (weight > 0 and self.link > LINK_DENSITY * weight)

    def content(self, chrome: bool) -> float:
        """Article-like content: running text beyond a short line, code, pictures."""
        if self.is_boilerplate(chrome):
            return 0.0
        if self.tag == "pre":
            return self.text + self.images
        if self.tag in _HEADINGS or self.text < SHORT_TEXT:
            return self.images
        return self.images + self.text - SHORT_TEXT

    def prose(self, chrome: bool) -> float:
        """Text a reader would take for part of the article (short lines and headings
        included, but not the page title, which goes to the front matter)."""
        if self.tag == "h1" or self.is_boilerplate(chrome):
            return 0.0
        return self.text


@dataclass(frozen=True)
class _Context:
    block: Element
    link: bool
    article: bool
    uncounted: bool
    page_link: bool = False
    """Inside a link to a page, not to an image file (a lightbox link to the full-size
    picture is the article's)."""


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
    contexts, blocks, controls = _measure(body, page)
    order = _bottom_up(body)
    plain = _sums(order, {b: s.prose(False) for b, s in blocks.items()})
    running = _sums(order, {b: s.content(False) for b, s in blocks.items()})
    roots, chrome = _find_chrome(body, contexts, plain, (controls, blocks, running), page)
    flagged = {b: (s, s.is_boilerplate(b in chrome)) for b, s in blocks.items()}
    return PageScores(
        content=_sums(order, {b: s.content(b in chrome) for b, s in blocks.items()}),
        prose=_sums(order, {b: s.prose(b in chrome) for b, s in blocks.items()}),
        pictures=_sums(
            order, {b: 0.0 if f else s.images - s.decorations for b, (s, f) in flagged.items()}
        ),
        boilerplate=_sums(
            order, {b: s.text + s.images if f else 0.0 for b, (s, f) in flagged.items()}
        ),
        weight=_sums(order, {b: s.text + s.images for b, s in blocks.items()}),
        chrome_roots=roots,
    )


def _measure(
    body: Element, page: PageOptions
) -> tuple[dict[Element, _Context], dict[Element, _Block], dict[Element, float]]:
    """Each element's context; the text, link text and images of each block; the number of
    form controls under each element."""
    contexts = {body: _Context(body, False, False, False)}
    blocks = {body: _Block(str(body.tag))}
    controls: dict[Element, float] = {}
    for node in body.iter():
        parent = node.getparent()
        if node is not body and parent is not None and node.tail:
            outer = contexts[parent]
            if not outer.uncounted:
                blocks[outer.block].add(node.tail, outer.link)
        if not isinstance(node.tag, str) or node is body:
            continue
        if node.tag in page.control_tags:
            controls[node] = 1.0
        context = _context_of(node, contexts[parent])
        contexts[node] = context
        if context.uncounted:
            continue
        block = blocks.setdefault(context.block, _Block(str(context.block.tag)))
        if node.tag in _PICTURES:
            block.images += IMAGE_WEIGHT
            decoration = context.page_link or _is_decoration(node)
            block.decorations += IMAGE_WEIGHT if decoration else 0.0
        block.add(node.text, context.link)
    blocks[body].add(body.text, False)
    _flag_lines(blocks, page)
    return contexts, blocks, _subtree_sums(body, controls)


def _flag_lines(blocks: dict[Element, _Block], page: PageOptions) -> None:
    """Mark the short blocks that are meta lines or share bars (by their text)."""
    meta = _compiled(page.meta_line_patterns)
    share = _compiled(page.share_line_patterns)
    for block in blocks.values():
        if block.tag == "pre" or block.text > META_LINE:
            continue
        sample = " ".join(block.short)
        block.meta_line = any(pattern.search(sample) for pattern in meta)
        bar = block.tag not in _HEADINGS and 0 < block.text <= SHARE_LINE
        bar = bar and block.link > LINK_DENSITY * block.text
        block.share_line = bar and any(pattern.search(sample) for pattern in share)


def _compiled(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    try:
        return [re.compile(pattern, re.IGNORECASE) for pattern in patterns]
    except re.error as exc:
        raise ScrapedownError(f"invalid page line pattern {exc.pattern!r}: {exc}") from None


def _context_of(node: Element, outer: _Context) -> _Context:
    tag = node.tag
    href = node.get("href") if tag == "a" else None
    return _Context(
        block=node if tag in BLOCK_TAGS else outer.block,
        link=outer.link or href is not None,
        article=outer.article or tag == "article",
        uncounted=outer.uncounted or tag in UNCOUNTED,
        page_link=outer.page_link or (href is not None and not _is_image_url(href)),
    )


def _is_decoration(image: Element) -> bool:
    """A logo (by its file name, class, id or alt text) or a tracking pixel (1×1)."""
    names = " ".join(str(image.get(a) or "") for a in ("src", "class", "id", "alt")).lower()
    if "logo" in names:
        return True
    sizes = [str(image.get(a) or "").strip() for a in ("width", "height")]
    return any(size in _PIXEL_SIZES for size in sizes)


def _is_image_url(href: str) -> bool:
    path = href.split("?", 1)[0].split("#", 1)[0].rstrip("/").lower()
    return path.endswith(IMAGE_FILE_ENDINGS)


def _find_chrome(
    body: Element,
    contexts: dict[Element, _Context],
    plain: dict[Element, float],
    found: tuple[dict[Element, float], dict[Element, _Block], dict[Element, float]],
    page: PageOptions,
) -> tuple[list[Element], set[Element]]:
    """The outermost chrome elements, and every element inside them.

    Chrome by what an element is (`<nav>`, a page-level `<footer>` …), by its class or id, as
    a share bar (by its text), or as a widget (form controls, little text and no picture: an
    article of one image may well sit next to a button). An element holding over half the
    page's article-like text is never chrome (`<div class="post ad-free">`, the `<form>` of an
    ASP.NET page around everything).
    """
    controls, blocks, running = found
    limit = 0.5 * plain.get(body, 0.0)
    roots: list[Element] = []
    inside: set[Element] = set()
    for element in _elements(body):
        if element.getparent() in inside:
            inside.add(element)
            continue
        context = contexts.get(element)
        if element is body or context is None or context.uncounted:
            continue
        text = plain.get(element, 0.0)
        widget = element.tag in BLOCK_TAGS and controls.get(element, 0.0) > 0
        widget = widget and text < WIDGET_TEXT and next(element.iter("img"), None) is None
        block = blocks.get(element)
        hint = hint_strength(element, page)
        hinted = hint == 2 or (hint == 1 and running.get(element, 0.0) < WEAK_HINT_TEXT)
        chrome = widget or (block is not None and block.share_line) or hinted
        structural = is_structural_chrome(element, context.article, page)
        if structural and element.tag == "header" and running.get(element, 0.0) > 0:
            structural = next(element.iter("h1", "h2", "h3"), None) is None  # a title block
        if (chrome or structural) and text <= limit:
            roots.append(element)
            inside.add(element)
    return roots, inside


def _elements(root: Element) -> Iterable[Element]:
    return root.iter(etree.Element)  # type: ignore[no-any-return]


def _subtree_sums(body: Element, own: dict[Element, float]) -> dict[Element, float]:
    """Each element's value plus its descendants' (one bottom-up pass; elements whose subtree
    sums to zero are left out: read with `.get(element, 0.0)`)."""
    return _sums(_bottom_up(body), own)


def _bottom_up(body: Element) -> list[tuple[Element, Element | None]]:
    """Every element under `body` with its parent (None for `body`), children first."""
    pairs = [(e, e.getparent()) for e in _elements(body)]
    pairs[0] = (body, None)
    pairs.reverse()
    return pairs


def _sums(
    order: list[tuple[Element, Element | None]], own: dict[Element, float]
) -> dict[Element, float]:
    sums: dict[Element, float] = {}
    for element, parent in order:
        value = sums.get(element, 0.0) + own.get(element, 0.0)
        if value:
            sums[element] = value
            if parent is not None:
                sums[parent] = sums.get(parent, 0.0) + value
    return sums
