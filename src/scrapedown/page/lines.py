"""Lines the markup does not close: an inline element that sits alone between blocks (or line
breaks) is a line of its own on the screen, though its parent holds the whole article.

    <div class="news"><p>…</p><p>…</p><a href="/presse">zurück zur Listenansicht</a></div>
    <div class="box"><span class="title">Zobacz również</span><ul>…</ul></div>

`scrapedown.page.measure.label_text` reads a short block, or an inline element holding all the
text of its block; this reads the inline element between blocks, so the same patterns apply
to it. Text beside it on the same line (`<strong>Permalink</strong> https://…`, a link inside a
sentence) makes it part of that line, never a line of its own.
"""

from __future__ import annotations

from scrapedown.page.chrome import Element
from scrapedown.page.measure import CELLS, INLINE_LINE_TAGS, KEEP_INSIDE, LABEL_TEXT, Measure
from scrapedown.page.score import BLOCK_TAGS

#: What ends a line on either side of an inline element.
BREAKS = frozenset({*BLOCK_TAGS, "br", "hr"})
_EDGES = " \t\n\r\f\v•·»›>#*+-–—|:"
_ENDS = " \t\n\r\f\v:：?？!！.。…»›>→|-–—"


def anonymous_line_text(element: Element, measure: Measure) -> str | None:
    """The normalised text of an inline element alone between blocks, or None."""
    if element.tag not in INLINE_LINE_TAGS:
        return None
    weight = measure.text.get(element, 0.0)
    if not 0 < weight <= LABEL_TEXT or (element.tail or "").strip():
        return None
    parent = element.getparent()
    if parent is None or parent.tag not in BLOCK_TAGS or parent.tag in CELLS:
        return None
    before, after = element.getprevious(), element.getnext()
    if before is None and (parent.text or "").strip():
        return None
    if before is not None and (before.tag not in BREAKS or (before.tail or "").strip()):
        return None
    if after is not None and after.tag not in BREAKS:
        return None
    if before is None and after is None:
        return None  # alone in its block: `label_text` reads it
    if next(element.iter(*KEEP_INSIDE), None) is not None:
        return None
    text = " ".join("".join(element.itertext()).split()).lower()
    return text.lstrip(_EDGES).rstrip(_ENDS) or None
