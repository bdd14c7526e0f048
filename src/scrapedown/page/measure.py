"""Measures and helpers shared by the rules that prune furniture inside the chosen article
(`scrapedown.page.furniture`, `scrapedown.page.linklists`, `scrapedown.page.boxes`): each
element's text and link text, a removal budget, and the normalised text of a short line."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from scrapedown.errors import ScrapedownError
from scrapedown.page.chrome import Element
from scrapedown.page.score import BLOCK_TAGS, UNCOUNTED, text_weight

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

#: Blocks that can be a label or a line on their own.
LINE_TAGS = frozenset(
    {*HEADINGS, "p", "div", "dt", "dd", "li", "figcaption", "section", "header", "footer",
     "aside", "center", "summary"}
)  # fmt: skip
#: Inline elements that can be a line too (a credit `<span>` in a caption, a `<strong>` label),
#: except inside running text: a link reading "top" in a paragraph is the paragraph's.
INLINE_LINE_TAGS = frozenset({"span", "strong", "b", "em", "small", "font", "a", "label", "time"})
CELLS = frozenset({"td", "th", "caption"})
KEEP_INSIDE = ("img", "picture", "video", "audio", "table", "pre", "iframe", "math", "svg")
INLINE_SLACK = 5.0
"""Other text an inline line may share its paragraph with (a colon, a bullet)."""
LABEL_TEXT = 80.0
"""Longest label or line (letters and digits, CJK counting two) the patterns are tried on."""
# The trailing alternative starts only where its run starts (linear under `sub`).
_STRIP = re.compile(
    r"\A[\s•·»›>#*+\-–—|:]++|(?<![\s:：?？!！.。…»›>→|\-–—])[\s:：?？!！.。…»›>→|\-–—]++\Z"
)
_SPACES = re.compile(r"\s+")


@dataclass
class Measure:
    """Text, link text and pictures of every element's subtree (scripts and styles left out)."""

    text: dict[Element, float] = field(default_factory=dict)
    link: dict[Element, float] = field(default_factory=dict)
    own: dict[Element, float] = field(default_factory=dict)
    """Text outside the blocks (`BLOCK_TAGS`) inside the element."""
    gone: set[Element] = field(default_factory=set)
    """Elements removed so far."""


@dataclass
class Budget:
    """Text a rule may still remove: a section never outweighs the rest of the article."""

    total: float
    removed: float = 0.0

    def allows(self, weight: float) -> bool:
        return weight <= (self.total - self.removed) - weight

    def spend(self, weight: float) -> None:
        self.removed += weight


def measure_tree(root: Element) -> Measure:
    """One bottom-up pass over `root`."""
    measure = Measure()
    texts, links, owns = measure.text, measure.link, measure.own
    weigh = text_weight
    for element in reversed(list(root.iter(etree.Element))):
        tag = element.tag
        if tag in UNCOUNTED:
            texts[element] = links[element] = owns[element] = 0.0
            continue
        text = own = weigh(element.text)
        link = 0.0
        for child in element:
            tail = child.tail
            if tail:
                weight = weigh(tail)
                text += weight
                own += weight
            child_tag = child.tag
            if isinstance(child_tag, str):
                text += texts[child]
                link += links[child]
                if child_tag not in BLOCK_TAGS:
                    own += owns[child]
        if tag == "a" and element.get("href") is not None:
            link = text
        owns[element] = own
        texts[element] = text
        links[element] = link
    return measure


def text_total(root: Element) -> float:
    """`measure_tree(root).text[root]` without the per-element measures (one walk that does
    not enter the `UNCOUNTED` elements, no dicts)."""
    if root.tag in UNCOUNTED:
        return 0.0
    weigh = text_weight
    total = 0.0
    stack = [root]
    while stack:
        element = stack.pop()
        total += weigh(element.text)
        for child in element:
            tail = child.tail
            if tail:
                total += weigh(tail)
            tag = child.tag
            if isinstance(tag, str) and tag not in UNCOUNTED:
                stack.append(child)
    return total


def alive(article: Element, measure: Measure) -> Iterator[Element]:
    """The elements under `article` in document order, skipping those removed meanwhile
    (`Measure.gone`, filled by `_remove`)."""
    gone = measure.gone
    for element in list(article.iter(etree.Element))[1:]:
        if element in gone or element.getparent() in gone:
            gone.add(element)
            continue
        yield element


def remove(element: Element, measure: Measure) -> None:
    if element.getparent() is not None and element not in measure.gone:
        measure.gone.add(element)
        element.drop_tree()


def drop(element: Element, measure: Measure, budget: Budget) -> bool:
    weight = measure.text.get(element, 0.0)
    if element.getparent() is None or not budget.allows(weight):
        return False
    budget.spend(weight)
    remove(element, measure)
    return True


def label_text(element: Element, measure: Measure) -> str | None:
    """The normalised text of a short block, or None when it is not one."""
    weight = measure.text.get(element, 0.0)
    if not 0 < weight <= LABEL_TEXT or not is_line_element(element, weight, measure):
        return None
    if next(element.iter(*KEEP_INSIDE), None) is not None:
        return None
    text = _SPACES.sub(" ", "".join(element.itertext())).strip().lower()
    return _STRIP.sub("", text)


def is_line_element(element: Element, weight: float, measure: Measure) -> bool:
    """Whether `element` is a line of its own: a block, or an inline element (`INLINE_LINE_TAGS`)
    holding all the text of its nearest block but a few letters (a credit `<span>` alone in its
    caption, not a date inside a citation or a link inside a sentence), never in a table cell."""
    if element.tag in LINE_TAGS:
        return True
    if element.tag not in INLINE_LINE_TAGS:
        return False
    block = nearest_block(element)
    if block is None:
        return True
    if block.tag in CELLS:
        return False  # a table's cell is data, whatever it reads
    return measure.text.get(block, 0.0) <= weight + INLINE_SLACK


def nearest_block(element: Element) -> Element | None:
    """The nearest ancestor of `element` that owns its text (`BLOCK_TAGS`)."""
    block = element.getparent()
    while block is not None and block.tag not in BLOCK_TAGS:
        block = block.getparent()
    return block


def in_cell(element: Element) -> bool:
    """Whether `element` is (inside) a table cell: data, whatever it reads."""
    if element.tag in CELLS:
        return True
    block = nearest_block(element)
    return block is not None and block.tag in CELLS


def link_dense(element: Element, measure: Measure, density: float) -> bool:
    text = measure.text.get(element, 0.0)
    return text > 0 and measure.link.get(element, 0.0) > density * text


def compiled(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    """`patterns` compiled (case-insensitive), for `any(p.match(…) for p in …)` and the like:
    one alternation of them all when that is the same test (one search per text instead of
    one per pattern: the pruning tries them on every short line of the article)."""
    return list(_compiled(patterns))


@functools.lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    try:
        each = tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)
    except re.error as exc:
        raise ScrapedownError(f"invalid page pattern {exc.pattern!r}: {exc}") from None
    if len(each) < 2 or any(_NOT_JOINABLE.search(pattern) for pattern in patterns):
        return each
    try:
        return (re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE),)
    except re.error:  # e.g. a global flag `(?i)` a user's pattern starts with
        return each


# A group reference (numbered, named, conditional): its meaning would change in an alternation.
_NOT_JOINABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
