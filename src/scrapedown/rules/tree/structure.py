"""Structural rules (lxml phase): depth limit, junk removal, wrapper unwrapping, real
paragraphs, empty elements. Each is linear in the size of the document."""

from __future__ import annotations

from functools import lru_cache
from typing import cast

from lxml import etree

from scrapedown.options import Options
from scrapedown.parse.tree import (
    Element,
    depths,
    elements,
    is_blank,
    is_element,
    remove,
    remove_all,
    replace_with_text,
    text_content,
    unwrap,
    unwrap_all,
)
from scrapedown.tags import (
    BLOCK_TAGS,
    BLOCK_WRAPPERS,
    CONTENT_WITHOUT_TEXT,
    FLAT_KEEP,
    HEADINGS,
    HTML_ELEMENTS,
    VERBATIM,
)

# lxml does not know these are void: they swallow the text after them, which must stay.
_VOID_AS_CONTAINER = frozenset({"embed", "source", "track", "keygen", "param", "wbr"})
# Kept for the URL stage, which takes fallback images out of them, then drops them.
_KEPT_FOR_URLS = frozenset({"noscript"})
# Elements dropped when they end up with no content at all.
_DROP_WHEN_EMPTY = frozenset(
    {
        "p", "a", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "strong", "b", "em", "i",
        "del", "s", "strike", "sup", "sub", "code", "pre", "caption", "figcaption", "q",
        "table", "thead", "tbody", "tfoot", "tr", *HEADINGS, *BLOCK_WRAPPERS,
    }
)  # fmt: skip
_INLINE_KEEP_SPACE = frozenset({"strong", "b", "em", "i", "del", "s", "strike", "a", "code"})
_LINE_ENDS = BLOCK_TAGS | {"br"}


def flatten_deep_nesting(root: Element, options: Options) -> None:
    """Below `options.max_depth` only the text, images and line breaks stay, in order, and the
    block boundaries (paragraphs, list items, cells, headings… each becomes a paragraph of its
    own): the converter is recursive, and real articles never nest that deep."""
    at_limit = [el for el in _at_depth(root, options.max_depth) if len(el)]
    for element in at_limit:
        _flatten(element)


# Up to this limit the elements at a depth are found by an XPath of one child step per level
# (libxml2 walks only the levels above it, in C); a deeper limit by a walk in Python.
_XPATH_DEPTHS = 512


def _at_depth(root: Element, depth: int) -> list[Element]:
    """The elements `depth` levels below `root`, in document order."""
    if depth > _XPATH_DEPTHS:
        return [element for element, level in depths(root) if level == depth]
    return cast("list[Element]", _levels_down(depth)(root))


@lru_cache(maxsize=4)
def _levels_down(depth: int) -> etree.XPath:
    return etree.XPath("/".join(["*"] * depth))


# One run of flattened content between two block boundaries: its text before the first kept
# leaf, then each kept leaf (a copy) with the text after it.
_Run = tuple[list[str], list[Element]]


def _flatten(element: Element) -> None:
    """`element`'s content as runs of text and leaves, one per block of the subtree (one walk:
    linear), written back as the element's content (inline content only) or as one <p> per run
    (the subtree held blocks)."""
    runs: list[_Run] = [([element.text or ""], [])]
    blocks = False
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if node is element or not is_element(node):
            if node is not element and event == "end":
                runs[-1][0][-1] += node.tail or ""
            continue
        if node.tag in BLOCK_TAGS:
            blocks = True
            if _has_text_or_leaves(runs[-1]):
                runs.append(([""], []))  # a block starts or ends: a new run
        if event == "start" and node.tag in FLAT_KEEP:
            runs[-1][0].append("")
            runs[-1][1].append(etree.Element(node.tag, dict(node.attrib)))
        elif event == "start":
            runs[-1][0][-1] += node.text or ""
        else:
            runs[-1][0][-1] += node.tail or ""
    tail, attributes = element.tail, dict(element.attrib)
    element.clear()  # clear() drops the tail and the attributes too
    element.tail = tail
    element.attrib.update(attributes)
    kept = [run for run in runs if _has_text_or_leaves(run)]
    if not blocks:
        _fill(element, kept[0] if kept else runs[0])
        return
    for run in kept:
        _fill(etree.SubElement(element, "p"), run)


def _has_text_or_leaves(run: _Run) -> bool:
    texts, leaves = run
    return bool(leaves) or any(_visible(text) for text in texts)


def _fill(element: Element, run: _Run) -> None:
    texts, leaves = run
    element.text = texts[0]
    for leaf, text in zip(leaves, texts[1:], strict=True):
        element.append(leaf)
        leaf.tail = text


def drop_junk(root: Element, options: Options) -> None:
    """Remove scripts, styles, forms… with their content, and comments and processing
    instructions. (<noscript> stays until the URL stage has read its fallback images.)"""
    remove_all(list(root.iter(etree.Comment, etree.ProcessingInstruction)))
    found = list(elements(root, *(options.drop_tags - _KEPT_FOR_URLS)))
    # (Removing first, then unwrapping, ends as the one-by-one order did: an unwrapped element
    # inside a removed one goes with it, a removed one inside an unwrapped one goes anyway.)
    remove_all([element for element in found if element.tag not in _VOID_AS_CONTAINER])
    unwrap_all([element for element in found if element.tag in _VOID_AS_CONTAINER])


def unwrap_inline_wrappers(root: Element, options: Options) -> None:
    """Replace presentational inline wrappers (span, font…) by their content."""
    inline = options.unwrap_tags - BLOCK_WRAPPERS
    unwrap_all(
        [
            element
            for element in elements(root, *inline)
            if (parent := element.getparent()) is not None and parent.tag != "pre"
        ]
    )
    for element in reversed(elements(root)):
        if len(element) and _unknown_around_block(element):  # (it holds a child element)
            unwrap(element)


def _unknown_around_block(element: Element) -> bool:
    """An unknown element (`<m>`) holding a block: written as its content, so a second pass
    sees the block where it stands; unwrapped, the rules after see it there now (a list item's
    loose text after it gets its paragraph)."""
    return (
        isinstance(element.tag, str)
        and element.tag not in HTML_ELEMENTS
        and any(is_element(c) and c.tag in BLOCK_TAGS for c in element)
        and (parent := element.getparent()) is not None
        and parent.tag != "pre"
    )


def remove_empty(root: Element, options: Options) -> None:
    """Drop elements left without content (`<p></p>`, `<p>&nbsp;</p>`, empty links, empty
    wrappers); an inline element holding only a space becomes that space."""
    has_content: set[Element] = set()
    verbatim = {node for code in elements(root, *VERBATIM) for node in code.iter()}
    for element in reversed(elements(root)):
        tag = element.tag  # (lxml makes a new string at every read)
        if tag in _DROP_WHEN_EMPTY and tag in VERBATIM and _blank_code(element):
            _drop_empty(element)  # kept, a blank `<pre>` in a cell made the table minimal HTML
        elif element in verbatim or _has_content(element, tag, has_content):
            has_content.add(element)
        elif tag in _DROP_WHEN_EMPTY:
            _drop_empty(element)


def _blank_code(element: Element) -> bool:
    """Code without text or an image: the converter writes nothing for it."""
    if not is_blank(text_content(element)):
        return False
    return next(element.iter(*CONTENT_WITHOUT_TEXT), None) is None


def _has_content(element: Element, tag: object, has_content: set[Element]) -> bool:
    if tag in CONTENT_WITHOUT_TEXT:
        return True
    if tag in VERBATIM:
        return not is_blank(text_content(element))
    if _visible(element.text):
        return True
    return any(child in has_content or _visible(child.tail) for child in element)


def _visible(text: str | None) -> bool:
    return bool(text) and bool(text.strip(" \t\r\n\f\v\xa0\u200b\ufeff"))  # type: ignore[union-attr]


def _drop_empty(element: Element) -> None:
    if element.tag in _INLINE_KEEP_SPACE and text_content(element):
        replace_with_text(element, " ")
    elif element.tag in BLOCK_TAGS and _between_inline_content(element):
        _replace_with_break(element)
    else:
        remove(element)


def _between_inline_content(element: Element) -> bool:
    """Whether inline content comes both before and after `element` in its parent (an empty
    block there still ends a line: `<td>a<p></p>b</td>` shows two lines)."""
    previous, parent = element.getprevious(), element.getparent()
    if previous is None:
        before = parent is not None and _visible(parent.text)
    else:
        before = _visible(previous.tail) or _is_inline(previous)
    following = element.getnext()
    return before and (_visible(element.tail) or _is_inline(following))


def _is_inline(node: Element | None) -> bool:
    """An inline element with something to show (an empty one is about to go as well)."""
    if node is None or not is_element(node) or node.tag in _LINE_ENDS:
        return False
    shown = next(node.iter(*CONTENT_WITHOUT_TEXT), None) is not None
    return shown or _visible(text_content(node))


def _replace_with_break(element: Element) -> None:
    """An empty block between inline runs: a line break in a block, a space in an inline
    element (a link's text, say)."""
    parent = element.getparent()
    if parent is None or parent.tag not in BLOCK_TAGS:
        replace_with_text(element, " ")
        return
    line_break = element.makeelement("br", {})
    line_break.tail, element.tail = element.tail, None
    element.addnext(line_break)
    remove(element)


__all__ = [
    "drop_junk",
    "flatten_deep_nesting",
    "remove_empty",
    "unwrap_inline_wrappers",
]
