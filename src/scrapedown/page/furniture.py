"""Furniture inside the chosen article: labelled sections, ad and credit lines, link lists.

The article element of a page often carries, after (or between) its paragraphs, what the site
puts around every post: "Related articles" over a list of teasers, a comment section, an
author box, a newsletter prompt, an "Advertisement" label, a photo credit, a list of links to
other posts. Class names do not always say so; the text does. Four rules, one pass each:

0. What precedes the article's `<h1>` inside it (breadcrumbs, a kicker, a date line) goes,
   when it is little text and holds no picture.
1. A *label* (a heading, or a short block alone on its line) whose whole text reads like a
   section of furniture (`scrapedown.page.patterns`) is removed with the section it opens:
   its following siblings up to the next heading of the same or a higher level; for related
   and newsletter labels also up to the next paragraph of running text (the article may go
   on), for comment and author labels the whole section.
2. A short block whose whole text is an ad label or a share prompt, or that starts like an
   image credit, is removed (never one that holds a picture, a table or code).
3. A block most of whose text is links is removed when it sits after the article's last
   paragraph, or when its links read like titles of other posts ("Read more: <title>"); not
   in an article that is itself mostly links (an index page).

Recall guard: a rule never removes a section holding more text than the rest of the article
(`Budget`), and `scrapedown.page.extract` undoes all pruning when the article loses most of
its text anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from scrapedown.errors import ScrapedownError
from scrapedown.page.chrome import Element
from scrapedown.page.options import PageOptions
from scrapedown.page.score import BLOCK_TAGS, UNCOUNTED, text_weight

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: Blocks that can be a label or a line on their own.
LINE_TAGS = frozenset(
    {*HEADINGS, "p", "div", "dt", "dd", "li", "figcaption", "section", "header", "footer",
     "aside", "center", "summary"}
)  # fmt: skip
#: Inline elements that can be a line too (a credit `<span>` in a caption, a `<strong>` label),
#: except inside running text: a link reading "top" in a paragraph is the paragraph's.
INLINE_LINE_TAGS = frozenset({"span", "strong", "b", "em", "small", "font", "a", "label"})
_TEXT_BLOCKS = frozenset({*HEADINGS, "p", "li", "dd", "blockquote"})
_CELLS = frozenset({"td", "th", "caption"})
#: Blocks removed when most of their text is links.
LINK_LIST_TAGS = frozenset(
    {"ul", "ol", "dl", "div", "section", "aside", "header", "footer", "nav", "menu", "center",
     "form", "p", "blockquote"}
)  # fmt: skip
_PARAGRAPHS = frozenset({"p", "blockquote"})
_PROSE_TAGS = ("p", "div", "li", "blockquote", "td", "dd", "section", "article")
_KEEP_INSIDE = ("img", "picture", "video", "audio", "table", "pre", "iframe", "math", "svg")
LEAD_SHARE = 0.15
"""Text before the article's `<h1>` up to this share of the article is furniture."""
INLINE_SLACK = 5.0
"""Other text an inline line may share its paragraph with (a colon, a bullet)."""
LABEL_TEXT = 80.0
"""Longest label or line (letters and digits, CJK counting two) the patterns are tried on."""
LIST_DENSITY = 0.5
"""A list or a box with more than this share of its text in links is a link list."""
INDEX_DENSITY = 0.4
"""An article with more than this share of its text in links is an index: no list goes."""
PARAGRAPH_DENSITY = 0.7
"""A short paragraph with more than this share of its text in links is a link line."""
SHORT_PARAGRAPH = 200.0
TITLE_TEXT = 25.0
"""Average link text (letters and digits) of a list of titles of other posts."""
RUNNING_TEXT = 150.0
"""A paragraph this long, mostly not links, is article text: a related section ends there."""
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


def prune_furniture(article: Element, page: PageOptions) -> float:
    """Remove the furniture inside `article` (see the module docstring); the text left."""
    measure = measure_tree(article)
    budget = Budget(measure.text.get(article, 0.0))
    labels = _compiled(page.section_labels)
    whole = _compiled(page.author_labels + (() if page.keep_comments else page.comment_labels))
    _drop_before_title(article, measure, budget)
    _drop_sections(article, measure, budget, (labels, whole))
    lines, credits = _compiled(page.drop_lines), _compiled(page.credit_lines)
    for element in _alive(article, measure):
        if _is_line(element, measure, lines, credits):
            _drop(element, measure, budget)
    measure = measure_tree(article)  # what is left, after sections and lines
    left = measure.text.get(article, 0.0)
    if _link_dense(article, measure, INDEX_DENSITY):
        return left  # an index of links (a reference page): its lists are the article
    trailing = _after_last_paragraph(article, measure)
    for element in _alive(article, measure):
        if _is_link_list(element, measure, element in trailing) and _drop(element, measure, budget):
            left -= measure.text.get(element, 0.0)
    return left


def measure_tree(root: Element) -> Measure:
    """One bottom-up pass over `root`."""
    measure = Measure()
    for element in reversed(list(root.iter(etree.Element))):
        text = link = own = 0.0
        if element.tag not in UNCOUNTED:
            text = own = text_weight(element.text)
            for child in element:
                tail = text_weight(child.tail)
                text += tail
                own += tail
                if isinstance(child.tag, str):
                    text += measure.text[child]
                    link += measure.link[child]
                    own += 0.0 if child.tag in BLOCK_TAGS else measure.own[child]
            if element.tag == "a" and element.get("href") is not None:
                link = text
        measure.own[element] = own
        measure.text[element] = text
        measure.link[element] = link
    return measure


def _alive(article: Element, measure: Measure) -> Iterator[Element]:
    """The elements under `article` in document order, skipping those removed meanwhile
    (`Measure.gone`, filled by `_remove`)."""
    gone = measure.gone
    for element in list(article.iter(etree.Element))[1:]:
        if element in gone or element.getparent() in gone:
            gone.add(element)
            continue
        yield element


def _remove(element: Element, measure: Measure) -> None:
    if element.getparent() is not None and element not in measure.gone:
        measure.gone.add(element)
        element.drop_tree()


def _drop(element: Element, measure: Measure, budget: Budget) -> bool:
    weight = measure.text.get(element, 0.0)
    if element.getparent() is None or not budget.allows(weight):
        return False
    budget.spend(weight)
    _remove(element, measure)
    return True


def _drop_before_title(article: Element, measure: Measure, budget: Budget) -> None:
    """Remove what precedes the article's `<h1>` inside it (breadcrumbs, a kicker, a date
    line, a share bar: the title opens the article), pictures excepted, when it is little."""
    titles = article.iter("h1")
    title = next(titles, None)
    if title is None or next(titles, None) is not None:
        return  # several `<h1>`: section headings (a list of items), not the title
    before: list[Element] = []
    node = title
    while node is not article and node is not None:
        before += [s for s in node.itersiblings(preceding=True) if isinstance(s.tag, str)]
        node = node.getparent()
    weight = sum(measure.text.get(element, 0.0) for element in before)
    if weight > LEAD_SHARE * measure.text.get(article, 0.0) or not budget.allows(weight):
        return
    for element in before:
        if next(element.iter(*_KEEP_INSIDE), None) is None:
            budget.spend(measure.text.get(element, 0.0))
            _remove(element, measure)


def _label_text(element: Element, measure: Measure) -> str | None:
    """The normalised text of a short block, or None when it is not one."""
    weight = measure.text.get(element, 0.0)
    if not 0 < weight <= LABEL_TEXT or not _is_line_element(element, weight, measure):
        return None
    if next(element.iter(*_KEEP_INSIDE), None) is not None:
        return None
    text = _SPACES.sub(" ", "".join(element.itertext())).strip().lower()
    return _STRIP.sub("", text)


def _is_line_element(element: Element, weight: float, measure: Measure) -> bool:
    if element.tag in LINE_TAGS:
        return True
    if element.tag not in INLINE_LINE_TAGS:
        return False
    parent = element.getparent()
    if parent is not None and parent.tag in _CELLS:
        return False  # a table's cell is data, whatever it reads
    if parent is None or parent.tag not in _TEXT_BLOCKS:
        return True
    return measure.text.get(parent, 0.0) <= weight + INLINE_SLACK


def _drop_sections(
    article: Element,
    measure: Measure,
    budget: Budget,
    patterns: tuple[list[re.Pattern[str]], list[re.Pattern[str]]],
) -> None:
    labels, whole = patterns
    for element in _alive(article, measure):
        text = _label_text(element, measure)
        if not text:
            continue
        is_whole = any(p.fullmatch(text) for p in whole)
        if is_whole or any(p.fullmatch(text) for p in labels):
            _drop_section(element, article, measure, budget, is_whole)


def _drop_section(
    label: Element, article: Element, measure: Measure, budget: Budget, whole: bool
) -> None:
    """Remove `label` (climbing out of wrappers that hold nothing else) and the siblings of
    the section it opens."""
    node = label
    while True:
        parent = node.getparent()
        if parent is None or parent is article:
            break
        if measure.text.get(parent, 0.0) > measure.text.get(node, 0.0):
            break
        node = parent
    level = _level(label)
    section = [node]
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if _opens_section(sibling, level):
            break
        if not whole and _is_running_text(sibling, measure):
            break
        if level > 6 and not whole and not _link_dense(sibling, measure, LIST_DENSITY):
            break  # a label that is no heading opens only the link list after it
        section.append(sibling)
    weight = sum(measure.text.get(element, 0.0) for element in section)
    if not budget.allows(weight):
        return
    budget.spend(weight)
    for element in section:
        _remove(element, measure)


def _level(label: Element) -> int:
    """A heading's level (7 for a label that is no heading)."""
    tag = label.tag if label.tag in HEADINGS else None
    return int(tag[1]) if tag else 7


def _opens_section(element: Element, level: int) -> bool:
    for heading in element.iter(*HEADINGS):
        return int(heading.tag[1]) <= level
    return False


def _is_running_text(element: Element, measure: Measure) -> bool:
    text = measure.text.get(element, 0.0)
    return text >= RUNNING_TEXT and measure.link.get(element, 0.0) < 0.3 * text


def _link_dense(element: Element, measure: Measure, density: float) -> bool:
    text = measure.text.get(element, 0.0)
    return text > 0 and measure.link.get(element, 0.0) > density * text


def _is_line(
    element: Element, measure: Measure, lines: list[re.Pattern[str]], credits: list[re.Pattern[str]]
) -> bool:
    text = _label_text(element, measure)
    if not text:
        return False
    return any(p.fullmatch(text) for p in lines) or any(p.match(text) for p in credits)


def _after_last_paragraph(article: Element, measure: Measure) -> set[Element]:
    """The elements after the article's last paragraph of running text (where related
    lists, tag clouds and "more from" boxes sit)."""
    order = list(_alive(article, measure))
    last = -1
    for index, element in enumerate(order):
        if element.tag in _PROSE_TAGS and _own_running_text(element, measure):
            last = index
    return set(order[last + 1 :]) if last >= 0 else set()


def _own_running_text(element: Element, measure: Measure) -> bool:
    """Running text of the element itself, not of a block inside it."""
    own = measure.own.get(element, 0.0)
    return own >= RUNNING_TEXT and measure.link.get(element, 0.0) < 0.3 * own


def _is_link_list(element: Element, measure: Measure, trailing: bool) -> bool:
    """A list of links to elsewhere: after the article's text, or titles of other posts
    anywhere ("Read more: <title>"); a list of short links in the text is the article's."""
    if element.tag not in LINK_LIST_TAGS:
        return False
    if element.tag in _PARAGRAPHS:
        short = measure.text.get(element, 0.0) < SHORT_PARAGRAPH
        dense = short and _link_dense(element, measure, PARAGRAPH_DENSITY)
    else:
        dense = _link_dense(element, measure, LIST_DENSITY)
    if not dense or not (trailing or _has_titles(element, measure)):
        return False
    # A picture with its caption link is the article's; a teaser list has many links.
    if next(element.iter(*_KEEP_INSIDE), None) is not None:
        return sum(1 for _ in element.iter("a")) > 2
    return True


def _has_titles(element: Element, measure: Measure) -> bool:
    """Whether the links read like titles of other posts (a few words each, on average)."""
    links = [a for a in element.iter("a") if a.get("href") is not None]
    return bool(links) and measure.link.get(element, 0.0) / len(links) >= TITLE_TEXT


def _compiled(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    try:
        return [re.compile(pattern, re.IGNORECASE) for pattern in patterns]
    except re.error as exc:
        raise ScrapedownError(f"invalid page pattern {exc.pattern!r}: {exc}") from None
