"""Link rules: links without a target, redundant titles, links around blocks."""

from __future__ import annotations

from scrapedown.html import BLOCK_TAGS
from scrapedown.options import Options
from scrapedown.tree import Element, elements, is_element, text_content, unwrap


def tidy_links(root: Element, options: Options) -> None:
    """Links without a usable href keep their text; a title equal to the text goes; a link
    wrapping blocks (`<a><h2>…</h2></a>`) is moved inside each block."""
    for link in reversed(elements(root, "a")):
        href = (link.get("href") or "").strip()
        if not href or href == "#":
            unwrap(link)
            continue
        title = link.get("title")
        if title is not None and title.strip() in ("", text_content(link).strip()):
            del link.attrib["title"]
        if any(is_element(child) and child.tag in BLOCK_TAGS for child in link):
            _push_link_into_blocks(link)


def _push_link_into_blocks(link: Element) -> None:
    for child in list(link):
        if not (is_element(child) and child.tag in BLOCK_TAGS):
            continue
        inner = link.makeelement("a", dict(link.attrib))
        inner.text, child.text = child.text, None
        for node in list(child):
            inner.append(node)
        child.append(inner)
    unwrap(link)
