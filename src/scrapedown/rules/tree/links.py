"""Link rules: links without a target, redundant titles, links around blocks or links."""

from __future__ import annotations

from scrapedown.options import Options
from scrapedown.parse.tree import (
    Element,
    elements,
    is_blank,
    is_element,
    text_content,
    unwrap,
    unwrap_all,
)
from scrapedown.rules.tree.text import cleaned_text
from scrapedown.tags import BLOCK_TAGS


def tidy_links(root: Element, options: Options) -> None:
    """Links without a usable href keep their text; a title equal to the text goes; a link
    wrapping blocks (`<a><h2>…</h2></a>`) is moved inside each block."""
    links = elements(root, "a")
    # The links without a target go first, all at once (linear however many stand in a row);
    # each of the others is settled after the links inside it, as before.
    unwrap_all([link for link in links if not has_target(link)])
    for link in reversed(links):
        if not has_target(link):
            continue
        title = link.get("title")
        if title is not None and title.strip() in ("", text_content(link).strip()):
            del link.attrib["title"]
        if len(link) and (_holds_block(link) or _holds_link(link)):  # (most hold text only)
            _push_link_into_blocks(link)


def has_target(link: Element) -> bool:
    """Whether `link` goes somewhere (an `href` other than nothing or `#`): the others are
    their text."""
    return (link.get("href") or "").strip() not in ("", "#")


def _holds_block(element: Element) -> bool:
    """Whether a block lies anywhere inside `element` (`<a><span>x<div>y</div></span></a>`: a
    Markdown link cannot span the paragraph break)."""
    return any(is_element(node) and node.tag in BLOCK_TAGS for node in element.iter())


def _holds_link(element: Element) -> bool:
    """Whether a link lies inside `element`: a Markdown link cannot hold one (`[t[s](p)](g)`
    shows the outer one as text), and a browser ends the outer link where the inner starts."""
    return element.find(".//a") is not None


def _push_link_into_blocks(link: Element) -> None:
    """Each block inside the link gets the link inside it; loose inline content keeps a copy
    of the link around it; then the outer link goes."""
    _wrap_inline_runs(link, dict(link.attrib))
    unwrap(link)


def _wrap_inline_runs(container: Element, attrs: dict[str, str]) -> None:
    """Runs of inline content of `container` go into copies of the link; blocks get the link
    pushed inside them."""
    wrapper: Element | None = None
    if not is_blank(container.text):
        wrapper = container.makeelement("a", attrs)
        wrapper.text, container.text = container.text, None
        container.insert(0, wrapper)
    for child in list(container):
        if child is wrapper:
            continue
        if is_element(child) and (
            child.tag in BLOCK_TAGS
            or _holds_block(child)
            or (child.tag != "a" and _holds_link(child))
        ):
            if child.tag in BLOCK_TAGS:
                _link_inside(child, attrs)
            else:
                _wrap_inline_runs(child, attrs)  # an inline element around a block
            wrapper = None
            if not is_blank(child.tail):
                wrapper = child.makeelement("a", attrs)
                wrapper.text, child.tail = child.tail, None
                child.addnext(wrapper)
        elif is_element(child) and child.tag == "a":
            wrapper = None  # a link inside a link: the inner one is what a reader can follow
        elif wrapper is not None and wrapper.getnext() is child:
            wrapper.append(child)  # the child's tail moves with it
        else:
            wrapper = child.makeelement("a", attrs)
            child.addprevious(wrapper)
            wrapper.append(child)


def _link_inside(block: Element, attrs: dict[str, str]) -> None:
    if block.tag == "pre":  # code holds no link: the target follows the code block
        paragraph = block.makeelement("p", {})
        anchor = paragraph.makeelement("a", attrs)
        anchor.text = cleaned_text(attrs.get("href", ""))  # text, as the next pass reads it
        paragraph.append(anchor)
        paragraph.tail, block.tail = block.tail, None
        block.addnext(paragraph)
    else:
        _wrap_inline_runs(block, attrs)
