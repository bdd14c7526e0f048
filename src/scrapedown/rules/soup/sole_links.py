"""Emphasis around a link alone goes inside the link (`中文<b><a>x</a></b>` renders only as
`中文[**x**](…)`), for the emphasis rule (emphasis.py), and so does the bold a definition term
is written with."""

from __future__ import annotations

from bs4.element import NavigableString, Tag

from scrapedown.parse.siblings import Siblings, take_children
from scrapedown.parse.soup import new_tag
from scrapedown.tags import BLOCK_TAGS


def sole_link(tag: Tag) -> Tag | None:
    """The link that is all `tag` holds (blank text aside), if any, looking through elements
    written as their bare content (`<em><g><a>`: the next pass, without the `<g>`, sinks)."""
    node = tag
    for _ in range(8):
        content = [
            c for c in node.contents if not (isinstance(c, NavigableString) and not c.strip())
        ]
        if len(content) != 1 or not isinstance(content[0], Tag):
            return None
        node = content[0]
        if node.name == "a":
            return node
        if node.name in _WRITTEN_AS_SYNTAX or node.name in BLOCK_TAGS:
            return None
    return None


_WRITTEN_AS_SYNTAX = frozenset(
    {"strong", "em", "del", "code", "kbd", "samp", "sub", "sup", "q", "img", "br", "input"}
)


def sink_into_sole_link(tag: Tag, siblings: Siblings) -> bool:
    """`中文<b><a>x</a></b>` renders only as `中文[**x**](…)`: emphasis goes inside the link."""
    link = sole_link(tag)
    if link is None:
        return False
    inner = new_tag(tag, tag.name)
    inner.extend(take_children(link))
    link.append(inner)
    siblings.unwrap(tag)
    return True


def bold_inside_sole_link(term: Tag, index: int, found: list[Tag]) -> None:
    """A term (`<dt>`, written bold) that is a link alone gets its bold inside the link, as
    `sink_into_sole_link` puts any emphasis around a link alone (`**[x](/)**` was
    `[**x**](/)` on the next pass, once a converted paragraph held it); the converter, seeing
    the term emphasised, adds no `**` around it. The new element is repaired like the others
    (listed before the emphasis inside it: innermost first)."""
    link = sole_link(term)
    if link is None or not link.get_text().strip():
        return
    if any(parent.name == "table" for parent in term.parents):
        return  # (a kept table writes its terms as HTML, not bold)
    bold = new_tag(term, "strong")
    bold.extend(take_children(link))
    link.append(bold)
    found.insert(index, bold)
