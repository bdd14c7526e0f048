"""Link rules: links without a target, empty links, redundant titles, links around blocks."""

from __future__ import annotations

import copy

from bs4.element import Tag

from scrapedown.html import BLOCK_TAGS
from scrapedown.options import Options


def tidy_links(root: Tag, options: Options) -> None:
    """Links without a usable href keep their text; a title equal to the text goes; a link
    wrapping blocks (`<a><h2>…</h2></a>`) is moved inside each block."""
    for link in reversed(root.find_all("a")):
        if not isinstance(link, Tag):
            continue
        href = str(link.get("href") or "").strip()
        if not href or href == "#":
            link.unwrap()
            continue
        title = link.get("title")
        if isinstance(title, str) and (
            not title.strip() or title.strip() == link.get_text().strip()
        ):
            del link["title"]
        if any(isinstance(child, Tag) and child.name in BLOCK_TAGS for child in link.contents):
            _push_link_into_blocks(link)


def _push_link_into_blocks(link: Tag) -> None:
    for child in list(link.contents):
        if isinstance(child, Tag) and child.name in BLOCK_TAGS:
            inner = copy.copy(link)
            inner.clear()
            for node in list(child.contents):
                inner.append(node.extract())
            child.append(inner)
    link.unwrap()
