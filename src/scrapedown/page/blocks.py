"""Text blocks of a page body: every piece of text belongs to its nearest block element, and
each block is measured once (text, link text, pictures), then flagged as a meta line or a
share bar by its text. `scrapedown.page.score` sums the measures over each element's subtree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from scrapedown.chars import CJK_WORD_CLASS
from scrapedown.errors import ScrapedownError
from scrapedown.page.chrome import Element
from scrapedown.page.digits import DIGIT, needs_non_space, split_on_digits
from scrapedown.page.options import PageOptions

#: Elements that own the text inside them (a text's block is its nearest one of these).
BLOCK_TAGS = frozenset(
    {
        "html", "body", "div", "section", "article", "main", "header", "footer", "aside", "nav",
        "p", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "caption",
        "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption",
        "address", "details", "summary", "form", "center", "fieldset", "dialog", "menu",
        "hgroup",
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
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

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

# The ASCII characters `[\W_]` matches (all but letters and digits), for `bytes.translate`.
_ASCII_NON_WORD = bytes(code for code in range(128) if not chr(code).isalnum())
_NON_ASCII = re.compile(r"[^\x00-\x7f]++")
_CJK = re.compile(f"[{CJK_WORD_CLASS}]")

Context = tuple[Element, bool, bool, bool, bool]
"""Where an element sits: (its block, inside a link, inside an `<article>`, uncounted, inside
a link to a page rather than to an image file — a lightbox link is the article's picture)."""
BLOCK: Final = 0
LINK: Final = 1
ARTICLE: Final = 2
UNCOUNTED_AT: Final = 3
PAGE_LINK: Final = 4


def text_weight(text: str | None) -> float:
    """Letters and digits, a CJK character counting twice (it carries about a word)."""
    if not text or text.isspace():  # most text nodes: layout blanks
        return 0.0
    if text.isascii():  # Latin text: its letters and digits counted in C, no regex
        return float(len(text.encode("ascii").translate(None, _ASCII_NON_WORD)))
    # `[^\W_]` is exactly `str.isalnum` (checked over every code point): the ASCII part is
    # counted in C as above, the other characters one by one (about 2× the regex
    # substitution on the page sets' non-ASCII text, mostly Latin with a curly quote).
    ascii_part = text.encode("ascii", "ignore")
    if 4 * (len(text) - len(ascii_part)) > len(text):  # mostly non-ASCII (Cyrillic, CJK)
        letters = sum(map(str.isalnum, text))
    else:
        letters = len(ascii_part.translate(None, _ASCII_NON_WORD))
        letters += sum(map(str.isalnum, "".join(_NON_ASCII.findall(text))))
    if not letters:
        return 0.0
    return float(letters + len(_CJK.findall(text)))


@dataclass
class Block:
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
        if not text:
            return
        weight = text_weight(text)
        if weight:
            self.text += weight
            if in_link:
                self.link += weight
        if self.text <= META_LINE:
            self.short.append(text)  # a "©" or "|" counts for a meta line, not for weight

    def is_boilerplate(self, chrome: bool) -> bool:
        weight = self.text + self.images
        return chrome or self.meta_line or (weight > 0 and self.link > LINK_DENSITY * weight)

    def content(self, chrome: bool) -> float:
        """Article-like content: running text beyond a short line, code, pictures."""
        if self.is_boilerplate(chrome):
            return 0.0
        if self.tag == "pre":
            return self.text + self.images
        if self.tag in HEADINGS or self.text < SHORT_TEXT:
            return self.images
        return self.images + self.text - SHORT_TEXT

    def prose(self, chrome: bool) -> float:
        """Text a reader would take for part of the article (short lines and headings
        included, but not the page title, which goes to the front matter)."""
        if self.tag == "h1" or self.is_boilerplate(chrome):
            return 0.0
        return self.text

    def measures(self, chrome: bool) -> tuple[float, float, bool]:
        """`content(chrome)`, `prose(chrome)` and `is_boilerplate(chrome)` in one call (the
        scoring asks for all three of every block, twice per page)."""
        weight = self.text + self.images
        if chrome or self.meta_line or (weight > 0 and self.link > LINK_DENSITY * weight):
            return 0.0, 0.0, True
        tag, text = self.tag, self.text
        if tag == "pre":
            content = self.text + self.images
        elif tag in HEADINGS or text < SHORT_TEXT:
            content = self.images
        else:
            content = self.images + self.text - SHORT_TEXT
        return content, 0.0 if tag == "h1" else text, False


def measure_blocks(
    body: Element, page: PageOptions
) -> tuple[dict[Element, Context], dict[Element, Block], set[Element]]:
    """Each element's context; the text, link text and images of each block; the elements
    holding a form control (`PageOptions.control_tags`) in their subtree."""
    contexts: dict[Element, Context] = {body: (body, False, False, False, False)}
    blocks = {body: Block(str(body.tag))}
    controls: set[Element] = set()
    control_tags = page.control_tags
    nodes = body.iter()
    next(nodes)  # the body itself (first): its context and block are set above
    for node in nodes:
        outer = contexts[node.getparent()]
        tail = node.tail
        if tail and not outer[UNCOUNTED_AT]:
            blocks[outer[BLOCK]].add(tail, outer[LINK])
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if tag in control_tags and not _shows_state(node):
            _mark_ancestors(node, body, controls)
        # Most elements (inline ones, wrappers that own no text) sit where their parent does.
        context = _context_of(node, tag, outer) if tag in _CONTEXT_TAGS else outer
        contexts[node] = context
        if context[UNCOUNTED_AT]:
            continue
        block = blocks.get(context[BLOCK])
        if block is None:
            block = blocks[context[BLOCK]] = Block(str(context[BLOCK].tag))
        if tag in _PICTURES:
            block.images += IMAGE_WEIGHT
            if context[PAGE_LINK] or _is_decoration(node):
                block.decorations += IMAGE_WEIGHT
        text = node.text
        if text:
            block.add(text, context[LINK])
    blocks[body].add(body.text, False)
    _flag_lines(blocks, page)
    return contexts, blocks, controls


def _shows_state(control: Element) -> bool:
    """A disabled checkbox or radio button: a task list's tick (GitHub, MkDocs), shown, not
    used; no widget."""
    kind = str(control.get("type") or "").lower()
    return kind in ("checkbox", "radio") and control.get("disabled") is not None


def _mark_ancestors(node: Element, body: Element, marked: set[Element]) -> None:
    """Add `node` and its ancestors up to `body` to `marked` (stopping at one marked already)."""
    while node is not None and node not in marked:
        marked.add(node)
        if node is body:
            break
        node = node.getparent()


#: The tags `_context_of` looks at: any other element's context is its parent's.
_CONTEXT_TAGS = BLOCK_TAGS | UNCOUNTED | {"a", "article"}


def _context_of(node: Element, tag: str, outer: Context) -> Context:
    block, link, article, uncounted, page_link = outer
    if tag in BLOCK_TAGS:
        block = node
    if tag == "a":
        href = node.get("href")
        if href is not None:
            link = True
            page_link = page_link or not _is_image_url(href)
    return block, link, article or tag == "article", uncounted or tag in UNCOUNTED, page_link


def _flag_lines(blocks: dict[Element, Block], page: PageOptions) -> None:
    """Mark the short blocks that are meta lines or share bars (by their text)."""
    is_meta_line = _meta_search(page.meta_line_patterns)
    share = _joined(page.share_line_patterns)
    is_meta: dict[str, bool] = {}  # a page repeats its short lines (and its blank ones) a lot
    for block in blocks.values():
        if not block.short or block.tag == "pre" or block.text > META_LINE:
            continue
        sample = " ".join(block.short)
        found = is_meta.get(sample)
        if found is None:
            found = is_meta[sample] = is_meta_line(sample)
        block.meta_line = found
        bar = block.tag not in HEADINGS and 0 < block.text <= SHARE_LINE
        bar = bar and block.link > LINK_DENSITY * block.text
        block.share_line = bar and share.search(sample) is not None


@functools.lru_cache(maxsize=64)
def _meta_search(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a line matches one of `patterns`: those that need a digit are searched only in
    a line holding one, the others not in a line of blanks when none of them can match one
    (`scrapedown.page.digits`; same answers: two lines in five are layout blanks, most short
    lines hold no digit)."""
    joined = _joined(patterns)  # (a bad pattern's error, as before)
    with_digit, others = split_on_digits(patterns)
    if not with_digit:
        with_digit, others = ("(?!)",), patterns
    try:
        need_digit, rest = _joined(with_digit), _joined(others)
    except (re.error, ScrapedownError):
        return lambda line: joined.search(line) is not None
    blanks_differ = not needs_non_space(others)

    def search(line: str) -> bool:
        if (blanks_differ or not line.isspace()) and rest.search(line) is not None:
            return True
        return DIGIT.search(line) is not None and need_digit.search(line) is not None

    return search


@functools.lru_cache(maxsize=64)
def _joined(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of `patterns` (one search per block instead of one per pattern)."""
    for pattern in patterns:
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ScrapedownError(f"invalid page line pattern {pattern!r}: {exc}") from None
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


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
