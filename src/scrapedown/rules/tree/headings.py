"""Heading rules: a Markdown heading is one line, so the paragraphs and wrappers inside an
HTML heading (`<h1>A <p>P</p> C</h1>`, `<h2><div>Title</div></h2>`) become its inline text,
joined by spaces.

Two halves, because libxml2 parses by HTML 4 rules: a `<p>` start tag closes an open heading
(`<h1>A </h1><p>P</p> C`), which a browser does not do. `tree.keep_paragraphs_in_headings`
rewrites the markup before it is parsed; `inline_heading_wrappers` then works on the tree.
"""

from __future__ import annotations

from scrapedown.options import Options
from scrapedown.parse.tree import Element, append_text, elements, unwrap
from scrapedown.tags import BLOCK_TAGS, BLOCK_WRAPPERS, HEADINGS

# Blocks a heading's text may sit in: they only group inline content.
HEADING_WRAPPERS: frozenset[str] = (BLOCK_WRAPPERS | {"p"}) - {"blockquote", "dd"}
# Any other block in a heading (a list, a table, code) makes it a section of blocks instead,
# which `repair_nesting` handles.
_OTHER_BLOCKS = tuple(BLOCK_TAGS - HEADING_WRAPPERS - HEADINGS)


def inline_heading_wrappers(root: Element, options: Options) -> None:
    """In a heading that holds only inline content and `HEADING_WRAPPERS`, each wrapper is
    replaced by its content between spaces (the line breaks a reader saw)."""
    for heading in reversed(elements(root, *HEADINGS)):
        if not len(heading):
            continue  # text only (most headings): nothing to unwrap, no matcher built
        wrappers = list(heading.iterdescendants(*HEADING_WRAPPERS))
        if not wrappers or next(heading.iterdescendants(*_OTHER_BLOCKS), None) is not None:
            continue
        for wrapper in reversed(wrappers):
            wrapper.text = " " + (wrapper.text or "")
            append_text(wrapper, wrapper[-1] if len(wrapper) else None, " ")
            unwrap(wrapper)
