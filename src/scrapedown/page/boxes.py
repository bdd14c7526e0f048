"""Furniture inside the article that its class names, and credits at the end of captions.

- An *author box or byline*: an element whose class or id names the author (`entry-author`,
  `m-author__description`, `saboxplugin-wrap`, `span.byline`; stems in
  `PageOptions.author_hints`), not a table cell, holding little text (`AUTHOR_TEXT`, a
  biography of a paragraph or two) and, when inline, alone on its line (not a name inside a
  sentence). The author is in the front matter already (read before pruning).
- An *image credit* by class (`span.credits`, `div.image-copyright`, `img-author`;
  `PageOptions.credit_hints`): a short line with no picture of its own.
- A *credit at the end of a caption*: `<figcaption>Stau © aremac / Clipdealer</figcaption>`
  keeps `Stau`; a caption that is only a credit goes. The markers are data
  (`PageOptions.caption_credits`), matched in the caption's text, never in running text.

Both budgets of `scrapedown.page.furniture` apply: a rule never removes more than the rest of
the article, and `scrapedown.page.extract` undoes pruning that leaves too little.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapedown.page.chrome import Element, without_modifier
from scrapedown.page.measure import (
    CELLS,
    KEEP_INSIDE,
    LABEL_TEXT,
    LINE_TAGS,
    Budget,
    Measure,
    alive,
    drop,
    in_cell,
    is_line_element,
)
from scrapedown.page.options import PageOptions
from scrapedown.page.score import text_weight

AUTHOR_TEXT = 800.0
"""Most text (letters and digits) an author box may hold: more is the article's own text."""
#: Never an author box or a credit, whatever their class says: table parts hold data, the
#: article's own containers hold the article.
_NEVER = frozenset({*CELLS, "tr", "tbody", "thead", "table", "pre", "code", "img", "figure"})
_BOX_TAGS = frozenset({*LINE_TAGS, "address", "ul", "ol", "dl", "cite"})
_CAPTIONS = ("figcaption",)
_CUT_EDGE = " \t\n([|/·•,;:–—-"


def prune_boxes(article: Element, measure: Measure, budget: Budget, page: PageOptions) -> None:
    """Remove author boxes, bylines and credit lines named by class, and cut credits off the
    end of captions."""
    authors, credits = page.author_hints, page.credit_hints
    for element in alive(article, measure):
        names = _names(element)
        if not names or element.tag in _NEVER:
            continue
        if _is_author_box(element, names, authors, measure) or _is_credit(
            element, names, credits, measure
        ):
            drop(element, measure, budget)
    markers = [re.compile(p, re.IGNORECASE) for p in page.caption_credits]
    for caption in list(article.iter(*_CAPTIONS)):
        if caption not in measure.gone and caption.getparent() is not None:
            _cut_credit(caption, markers)


def _names(element: Element) -> str:
    # A BEM element's modifier is no name (`report__part--byline` is a part of the report):
    # read as the chrome hints read it, it does not make an author box of the article's parts.
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    return " ".join(without_modifier(name) for name in names)


def _is_author_box(element: Element, names: str, stems: tuple[str, ...], measure: Measure) -> bool:
    if not any(stem in names for stem in stems):
        return False
    weight = measure.text.get(element, 0.0)
    if not 0 < weight <= AUTHOR_TEXT:
        return False
    if element.tag in _BOX_TAGS:
        return True
    return weight <= LABEL_TEXT and is_line_element(element, weight, measure)


def _is_credit(element: Element, names: str, stems: tuple[str, ...], measure: Measure) -> bool:
    if not any(stem in names for stem in stems):
        return False
    weight = measure.text.get(element, 0.0)
    if not 0 < weight <= LABEL_TEXT or next(element.iter(*KEEP_INSIDE), None) is not None:
        return False
    return not in_cell(element)  # named a credit: a line, or a part of a caption


def _slots(element: Element) -> Iterator[tuple[Element, str]]:
    """The text slots inside `element` in reading order: (node, "text" | "tail")."""
    yield element, "text"
    for child in element.iterchildren():
        if isinstance(child.tag, str):
            yield from _slots(child)
        yield child, "tail"


def _cut_credit(caption: Element, markers: list[re.Pattern[str]]) -> None:
    """Cut a short credit off the end of `caption` (or remove a caption that is only one)."""
    if next(caption.iter(*KEEP_INSIDE), None) is not None:
        return
    slots = list(_slots(caption))
    for index, (node, attr) in enumerate(slots):
        value = getattr(node, attr) or ""
        found = next((m for p in markers if (m := p.search(value)) is not None), None)
        if found is None:
            continue
        after = value[found.start() :] + "".join(getattr(n, a) or "" for n, a in slots[index + 1 :])
        if text_weight(after) > LABEL_TEXT:
            return  # not a credit line: a caption that goes on
        before = value[: found.start()].rstrip(_CUT_EDGE)
        setattr(node, attr, before or None)
        for later, later_attr in slots[index + 1 :]:
            setattr(later, later_attr, None)
        if not text_weight("".join(caption.itertext())):
            caption.drop_tree()
        return
