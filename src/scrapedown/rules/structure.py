"""Structural rules: junk removal, wrapper unwrapping, real paragraphs, empty elements."""

from __future__ import annotations

from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from scrapedown.html import (
    BLOCK_TAGS,
    CONTENT_WITHOUT_TEXT,
    HEADINGS,
    VERBATIM,
    is_blank_text,
    iter_depths,
    new_tag,
    tags_in_order,
)
from scrapedown.options import Options

_NOT_TEXT = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
# What survives below the nesting limit: text, and elements that are content without children.
_FLAT_KEEP = frozenset({"img", "br"})
# Wrappers whose content is a sequence of blocks: loose inline content inside them becomes <p>.
_BLOCK_WRAPPERS = frozenset(
    {
        "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
        "center", "details", "address", "hgroup", "body", "html", "blockquote", "dd",
        "figcaption", "summary",
    }
)  # fmt: skip
# Elements dropped when they end up with no content at all.
_DROP_WHEN_EMPTY = frozenset(
    {
        "p", "a", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "strong", "b", "em", "i",
        "del", "s", "strike", "sup", "sub", "code", "pre", "table", "caption", "figcaption",
        "q", "thead", "tbody", "tfoot", "tr", *HEADINGS, *_BLOCK_WRAPPERS,
    }
)  # fmt: skip
# Never dropped on their own (a row keeps its columns), but hold no content by themselves.
_CELLS = frozenset({"td", "th"})
_INLINE_KEEP_SPACE = frozenset({"strong", "b", "em", "i", "del", "s", "strike", "a", "code"})


def flatten_deep_nesting(root: Tag, options: Options) -> None:
    """Flatten what nests deeper than `options.max_depth`: below that depth only the text,
    images and line breaks stay, in order. The converter is recursive and real articles never
    nest that deep; unwrapping tag by tag would cost depth × size in bs4."""
    at_limit = [tag for tag, depth in iter_depths(root) if depth == options.max_depth]
    for tag in at_limit:
        if any(isinstance(child, Tag) for child in tag.contents):
            _flatten(tag)


def _flatten(tag: Tag) -> None:
    kept = [
        node
        for node in tag.descendants
        if (isinstance(node, NavigableString) and not isinstance(node, _NOT_TEXT))
        or (isinstance(node, Tag) and node.name in _FLAT_KEEP)
    ]
    for node in kept:
        node.extract()
    tag.clear()
    tag.extend(kept)


def drop_junk(root: Tag, options: Options) -> None:
    """Remove scripts, styles, forms… with their content, and comments/CDATA/doctypes."""
    for node in list(root.descendants):
        if isinstance(node, _NOT_TEXT):
            node.extract()
    for tag in root.find_all(list(options.drop_tags)):
        if isinstance(tag, Tag) and not tag.decomposed:
            tag.decompose()


def unwrap_inline_wrappers(root: Tag, options: Options) -> None:
    """Replace presentational inline wrappers (span, font…) by their content."""
    inline = options.unwrap_tags - _BLOCK_WRAPPERS
    for tag in reversed(tags_in_order(root)):
        if tag.name in inline and not _inside_verbatim_parent(tag):
            tag.unwrap()


def _inside_verbatim_parent(tag: Tag) -> bool:
    parent = tag.parent
    return isinstance(parent, Tag) and parent.name in ("pre",)


def make_paragraphs(root: Tag, options: Options) -> None:
    """Loose text in block wrappers becomes <p>; `<br><br>` runs split paragraphs; block
    wrappers (div soup) are then unwrapped, deepest first."""
    for tag in reversed(tags_in_order(root)):
        if tag.name == "p":
            _split_paragraph(tag)
        elif tag.name in _BLOCK_WRAPPERS:
            _wrap_loose_inline(tag)
            if tag.name in options.unwrap_tags:
                tag.unwrap()
    _wrap_loose_inline(root)


def _wrap_loose_inline(container: Tag) -> None:
    run: list[NavigableString | Tag] = []
    for child in list(container.contents):
        if isinstance(child, Tag) and child.name in BLOCK_TAGS:
            _paragraphs_from_run(container, run)
            run = []
        elif isinstance(child, NavigableString | Tag):
            run.append(child)
    _paragraphs_from_run(container, run)


def _paragraphs_from_run(container: Tag, run: list[NavigableString | Tag]) -> None:
    """Wrap each `<br><br>`-separated chunk of an inline run in its own <p>."""
    for chunk in _split_at_double_breaks(run):
        content = _trim_breaks(chunk)
        if not content or all(is_blank_text(node) for node in content):
            _remove_rest(chunk)  # <br>s between blocks: the blank line says it already
            continue
        paragraph = new_tag(container, "p")
        content[0].insert_before(paragraph)
        for node in content:
            paragraph.append(node.extract())
        kept = {id(node) for node in content}
        _remove_rest([node for node in chunk if id(node) not in kept])


def _remove_rest(chunk: list[NavigableString | Tag]) -> None:
    """Drop what trimming left behind (edge <br>s and blank text) from the tree."""
    for node in chunk:
        if isinstance(node, Tag) and node.name == "br" and node.parent is not None:
            node.decompose()


def _split_at_double_breaks(run: list[NavigableString | Tag]) -> list[list[NavigableString | Tag]]:
    chunks: list[list[NavigableString | Tag]] = [[]]
    breaks = 0
    for node in run:
        if isinstance(node, Tag) and node.name == "br":
            breaks += 1
        elif not is_blank_text(node):
            if breaks >= 2:
                chunks.append([])
            breaks = 0
        chunks[-1].append(node)
    return chunks


def _trim_breaks(chunk: list[NavigableString | Tag]) -> list[NavigableString | Tag]:
    """The chunk without leading/trailing <br> and blank text (a trailing `\\` renders
    literally)."""
    start, end = 0, len(chunk)
    while start < end and _is_break_or_blank(chunk[start]):
        start += 1
    while end > start and _is_break_or_blank(chunk[end - 1]):
        end -= 1
    return chunk[start:end]


def _is_break_or_blank(node: NavigableString | Tag) -> bool:
    return (isinstance(node, Tag) and node.name == "br") or is_blank_text(node)


def _split_paragraph(paragraph: Tag) -> None:
    """A <p> holding `<br><br>` runs becomes several <p>; edge <br>s are dropped."""
    children = [c for c in paragraph.contents if isinstance(c, NavigableString | Tag)]
    chunks = _split_at_double_breaks(children)
    if len(chunks) == 1:
        kept = {id(node) for node in _trim_breaks(chunks[0])}
        _remove_rest([node for node in chunks[0] if id(node) not in kept])
        return
    for chunk in chunks:
        content = _trim_breaks(chunk)
        if content:
            new = new_tag(paragraph, "p")
            paragraph.insert_before(new)
            for node in content:
                new.append(node.extract())
    paragraph.decompose()  # what is left in it: the <br> runs


def remove_empty(root: Tag, options: Options) -> None:
    """Drop elements left without content (`<p></p>`, `<p>&nbsp;</p>`, empty links, empty
    wrappers); an inline element holding only a space becomes that space."""
    has_content: set[int] = set()
    for tag in reversed(tags_in_order(root)):
        if tag.name in CONTENT_WITHOUT_TEXT or (tag.name in VERBATIM and tag.get_text().strip()):
            has_content.add(id(tag))
            continue
        children = tag.contents
        if tag.name not in VERBATIM and any(_is_content(c, has_content) for c in children):
            has_content.add(id(tag))
        elif tag.name in _DROP_WHEN_EMPTY and tag.name not in _CELLS and tag.parent is not None:
            _drop_empty(tag)


def _is_content(node: object, has_content: set[int]) -> bool:
    if isinstance(node, Tag):
        return id(node) in has_content
    return isinstance(node, NavigableString) and bool(node.strip(" \t\r\n\f\v\xa0\u200b\ufeff"))


def _drop_empty(tag: Tag) -> None:
    if tag.name in _INLINE_KEEP_SPACE and tag.get_text():
        tag.replace_with(" ")
    else:
        tag.decompose()
