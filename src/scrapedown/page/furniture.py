"""Furniture inside the chosen article: labelled sections, ad and credit lines, link lists.

The article element of a page often carries, after (or between) its paragraphs, what the site
puts around every post: "Related articles" over a list of teasers, a comment section, an
author box, a newsletter prompt, an "Advertisement" label, a photo credit, a list of links to
other posts. Class names do not always say so; the text does. Four rules, one pass each:

0. What precedes the article's `<h1>` inside it (breadcrumbs, a kicker, a date line) goes,
   when it is little text and holds no picture.
1. A *label* (a heading, or a short block alone on its line) whose whole text reads like a
   section of furniture (`scrapedown.page.patterns`), or a heading that is only a link to
   another post of the site (a teaser, `scrapedown.page.teasers`), is removed with the
   section it opens:
   its following siblings up to the next heading of the same or a higher level; for related
   and newsletter labels also up to the next paragraph of running text (the article may go
   on), for comment and author labels the whole section.
2. A short block whose whole text is an ad label or a share prompt, or that starts like an
   image credit, is removed (never one that holds a picture, a table or code); so is a
   paragraph (`PROMPT_TEXT` at most, no block inside) that starts like the site talking:
   a call to subscribe or follow, a disclaimer, a comment-form notice (`PROMPT_LINES`).
3. A block most of whose text is links is removed when it sits after the article's last
   paragraph, or when its links read like titles of other posts ("Read more: <title>"); not
   in an article that is itself mostly links (an index page).

Recall guard: a rule never removes a section holding more text than the rest of the article
(`Budget`), and `scrapedown.page.extract` undoes all pruning when the article loses most of
its text anyway.
"""

from __future__ import annotations

import functools
import re

from scrapedown.page.boxes import prune_boxes
from scrapedown.page.chrome import Element
from scrapedown.page.lines import anonymous_line_text
from scrapedown.page.linklists import (
    LIST_DENSITY,
    RUNNING_TEXT,
    after_last_paragraph,
    is_link_list,
    site_host,
)
from scrapedown.page.measure import (
    HEADINGS,
    KEEP_INSIDE,
    LABEL_TEXT,
    LINE_TAGS,
    Budget,
    Measure,
    alive,
    compiled,
    drop,
    is_line_element,
    label_text,
    link_dense,
    measure_tree,
    remove,
)
from scrapedown.page.options import PageOptions
from scrapedown.page.teasers import TEASER_LEVELS, is_teaser_heading

LEAD_SHARE = 0.15
"""Text before the article's `<h1>` up to this share of the article is furniture."""
READ_ALSO_DENSITY = 0.4
"""Share of link text that makes a "Read also:" line a pointer to another post."""
PROMPT_TEXT = 400.0
"""Longest paragraph (letters and digits) the prompt patterns are tried on: a call to
subscribe or a disclaimer is a few sentences; an article paragraph may start the same way
and go on."""
#: Blocks inside a block: a prompt is one paragraph, never a box of them.
_INNER_BLOCKS = frozenset(
    {*HEADINGS, "p", "div", "li", "ul", "ol", "dl", "table", "section", "blockquote", "figure",
     "article", "aside", "header", "footer", "form"}
)  # fmt: skip
_LEAD_JUNK = " \t\n•·»›>#*+-–—|:"
TEASER_EXCERPT = 300.0
"""Most text (letters and digits) under a linked heading for it to be a teaser of another post:
an excerpt is a sentence or two; a digest's section titled with a link to the full story is
longer."""
TEASER_SHARE = 0.5
"""Teasers covering more than this share of the article's text are the article (a section
front's list of stories), not furniture beside it."""
INDEX_DENSITY = 0.4
"""An article with more than this share of its text in links is an index: no list goes."""


def prune_furniture(article: Element, page: PageOptions) -> float:
    """Remove the furniture inside `article` (see the module docstring); the text left."""
    measure = measure_tree(article)
    budget = Budget(measure.text.get(article, 0.0))
    labels = compiled(page.section_labels)
    whole = compiled(page.author_labels + (() if page.keep_comments else page.comment_labels))
    site = site_host(article)
    _drop_before_title(article, measure, budget)
    # Each element's line text, read by both passes below while nothing is removed: a line
    # reads its neighbours (`anonymous_line_text`), and a removal changes what held it.
    texts: dict[Element, str] = {}
    removed = len(measure.gone)
    _drop_sections(article, measure, budget, (labels, whole), site, texts)
    if len(measure.gone) != removed:
        texts.clear()
    lines, credits = compiled(page.drop_lines), compiled(page.credit_lines)
    pointers = compiled(tuple(rf"(?:{p})\s*[:：]" for p in page.read_also_lines))
    prompt = _one_of(page.prompt_lines)
    for element in alive(article, measure):
        if (
            _is_line(element, measure, (lines, credits), prompt, texts.get(element))
            or _points_elsewhere(element, measure, pointers)
            or _is_prompt(element, measure, prompt)
        ) and drop(element, measure, budget):
            texts.clear()
    prune_boxes(article, measure, budget, page)
    measure = measure_tree(article)  # what is left, after sections and lines
    left = measure.text.get(article, 0.0)
    if link_dense(article, measure, INDEX_DENSITY):
        return left  # an index of links (a reference page): its lists are the article
    trailing = after_last_paragraph(article, measure)
    for element in alive(article, measure):
        listed = is_link_list(element, measure, element in trailing, site)
        if listed and drop(element, measure, budget):
            left -= measure.text.get(element, 0.0)
    return left


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
        if next(element.iter(*KEEP_INSIDE), None) is None:
            budget.spend(measure.text.get(element, 0.0))
            remove(element, measure)


def _drop_sections(
    article: Element,
    measure: Measure,
    budget: Budget,
    patterns: tuple[list[re.Pattern[str]], list[re.Pattern[str]]],
    site: str,
    texts: dict[Element, str],
) -> None:
    """Remove the sections a label opens (`_drop_section`), and the teasers; `texts` gets
    the line text of every element looked at."""
    labels, whole = patterns
    teasers = _teasers(article, measure, site)
    for element in alive(article, measure):
        text = texts[element] = _line_text(element, measure)
        is_whole = bool(text) and any(p.fullmatch(text) for p in whole)
        if is_whole or (text and any(p.fullmatch(text) for p in labels)):
            _drop_section(element, article, measure, budget, is_whole)
        elif element in teasers:
            _drop_section(element, article, measure, budget, False, TEASER_EXCERPT)


def _teasers(article: Element, measure: Measure, site: str) -> set[Element]:
    """The teaser headings of the article (`scrapedown.page.teasers`), none when the article
    is a list of posts: mostly links (an index), or mostly teasers (a section front)."""
    if link_dense(article, measure, INDEX_DENSITY):
        return set()
    first = next(article.iter(*HEADINGS), None)
    found = {h for h in article.iter(*TEASER_LEVELS) if is_teaser_heading(h, measure, site, first)}
    covered = sum(
        measure.text.get(h, 0.0) + min(_section_text(h, _level(h), measure), TEASER_EXCERPT)
        for h in found
    )
    return found if covered <= TEASER_SHARE * measure.text.get(article, 0.0) else set()


def _drop_section(
    label: Element,
    article: Element,
    measure: Measure,
    budget: Budget,
    whole: bool,
    excerpt: float | None = None,
) -> None:
    """Remove `label` (climbing out of wrappers that hold nothing else) and the siblings of
    the section it opens; with `excerpt`, only when the section holds at most that much text
    (a teaser's excerpt, not a section of the article titled with a link)."""
    node = label
    while True:
        parent = node.getparent()
        if parent is None or parent is article:
            break
        if measure.text.get(parent, 0.0) > measure.text.get(node, 0.0):
            break
        node = parent
    level = _level(label)
    if excerpt is not None and _section_text(node, level, measure) > excerpt:
        return
    section = [node]
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if _opens_section(sibling, level):
            break
        if not whole and _is_running_text(sibling, measure):
            break
        if level > 6 and not whole and not link_dense(sibling, measure, LIST_DENSITY):
            break  # a label that is no heading opens only the link list after it
        section.append(sibling)
    weight = sum(measure.text.get(element, 0.0) for element in section)
    if not budget.allows(weight):
        return
    budget.spend(weight)
    for element in section:
        remove(element, measure)


def _section_text(node: Element, level: int, measure: Measure) -> float:
    """The text of the siblings after `node` up to the next heading of `level` or higher."""
    total = 0.0
    for sibling in node.itersiblings():
        if isinstance(sibling.tag, str):
            if _opens_section(sibling, level):
                break
            total += measure.text.get(sibling, 0.0)
    return total


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


def _is_line(
    element: Element,
    measure: Measure,
    patterns: tuple[list[re.Pattern[str]], list[re.Pattern[str]]],
    prompt: re.Pattern[str],
    known: str | None = None,
) -> bool:
    """A short line (a label, or an inline element alone in its block) that is an ad label or
    a share prompt, starts like a credit, or is the site talking (a prompt that is no leaf
    block of its own: `<div><span>Follow us on …</span></div>`). `known`: its line text, when
    read already."""
    text = known if known is not None else _line_text(element, measure)
    if not text:
        return False
    lines, credits = patterns
    if any(p.fullmatch(text) for p in lines) or any(p.match(text) for p in credits):
        return True
    # a block line is tried by `_is_prompt` (on its whole text): only inline lines here
    return element.tag not in LINE_TAGS and prompt.match(text) is not None


def _line_text(element: Element, measure: Measure) -> str:
    """The normalised text of a label or a line of its own, or "" when it is none."""
    return label_text(element, measure) or anonymous_line_text(element, measure) or ""


def _is_prompt(element: Element, measure: Measure, prompt: re.Pattern[str]) -> bool:
    """A paragraph starting like the site talking (`PageOptions.prompt_lines`): a block of
    little text with no block inside (checked on its children: each element is looked at
    once, and a deep nest of boxes costs no more than a flat one)."""
    if element.tag not in LINE_TAGS:
        return False
    weight = measure.text.get(element, 0.0)
    if not 0 < weight <= PROMPT_TEXT:
        return False
    if any(isinstance(child.tag, str) and child.tag in _INNER_BLOCKS for child in element):
        return False
    text = " ".join("".join(element.itertext()).split()).lower().lstrip(_LEAD_JUNK)
    if prompt.match(text) is None:
        return False
    return next(element.iter(*KEEP_INSIDE), None) is None


@functools.lru_cache(maxsize=16)
def _one_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of `patterns` (one match per block instead of one per pattern)."""
    compiled(patterns)  # a clear error naming the bad pattern
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)


def _points_elsewhere(element: Element, measure: Measure, labels: list[re.Pattern[str]]) -> bool:
    """A short line "Read also: <a link to another post>" (`PageOptions.read_also_lines`)."""
    weight = measure.text.get(element, 0.0)
    if not 0 < weight <= 2 * LABEL_TEXT or not link_dense(element, measure, READ_ALSO_DENSITY):
        return False
    if not is_line_element(element, weight, measure):
        return False
    if next(element.iter(*KEEP_INSIDE), None) is not None:
        return False
    text = " ".join("".join(element.itertext()).split()).lower()
    return any(label.match(text) for label in labels)
