"""Emphasis rules: one spelling per kind, no nesting or adjacency that breaks the Markdown, and
delimiters that CommonMark accepts next to (CJK) punctuation.

`<strong>注意：</strong>正文` written as `**注意：**正文` does not render: a closing `**`
preceded by punctuation must be followed by whitespace or punctuation. The punctuation is moved
outside the delimiters (`**注意**：正文`), which keeps the text exactly as it was.

Where no move helps (`a<strong><code>x</code></strong>b`: `**` between a letter and a backtick
cannot open), the emphasis is kept as inline HTML (`a<strong>`x`</strong>b`): adding spaces
would change the text, dropping the emphasis would lose it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from bs4.element import NavigableString, PageElement, Tag

from scrapedown.convert.escape import html_token, is_html_token
from scrapedown.options import Options
from scrapedown.parse.siblings import Siblings, take_children
from scrapedown.parse.soup import first_named, is_blank_text, next_outside
from scrapedown.rules.soup.edges import char_after, char_before, edge_node
from scrapedown.rules.soup.sole_links import bold_inside_sole_link, sink_into_sole_link, sole_link
from scrapedown.tags import BLOCK_TAGS, HEADINGS, VERBATIM

_SPELLING = {"b": "strong", "i": "em", "strike": "del", "s": "del"}
EMPHASIS = frozenset({"strong", "em", "del"})


def fix_emphasis(root: Tag, options: Options) -> None:
    """Apply the emphasis repairs, innermost first (reverse document order, so that the edits
    of one parent's children run from the last one back and `Siblings` positions hold)."""
    siblings = Siblings()
    tags = _emphasis_elements(root, siblings)
    for tag in tags:
        tag.name = _SPELLING.get(tag.name, tag.name)
    _merge_twin_runs(tags, siblings)
    for tag in reversed(tags):
        if tag.name not in EMPHASIS or tag.parent is None or _in_verbatim(tag):
            continue
        if _nested_in_same(tag) or _holds_blocks(tag):
            siblings.unwrap(tag)
            continue
        _move_edge_punctuation_out(tag, siblings)


def _emphasis_elements(root: Tag, siblings: Siblings) -> list[Tag]:
    """The emphasis elements under `root`, in document order. On the way, a text that reads
    as an inline HTML token (noncharacters no real text holds) is made plain text, so that
    only this rule writes tags."""
    wanted = frozenset((*_SPELLING, *EMPHASIS))
    found: list[Tag] = []
    forged: list[NavigableString] = []
    quotes: list[Tag] = []
    terms: list[tuple[Tag, int]] = []  # each <dt>, and where its content's emphasis starts
    stop = next_outside(root)
    node: PageElement | None = root.contents[0] if root.contents else None
    while node is not None and node is not stop:  # (the document-order links: no generator)
        if isinstance(node, Tag):
            if node.name in wanted:
                found.append(node)
            elif node.name == "q":
                quotes.append(node)
            elif node.name == "dt":
                terms.append((node, len(found)))
        elif isinstance(node, NavigableString) and is_html_token(node):
            forged.append(node)
        node = node.next_element
    for text in reversed(forged):
        siblings.replace_with(text, NavigableString(text[1:-1]))
    for quote in reversed(quotes):
        _quote_as_text(quote, siblings)
    for term, index in reversed(terms):
        bold_inside_sole_link(term, index, found)
    return found


def _quote_as_text(quote: Tag, siblings: Siblings) -> None:
    """`<q>x</q>` is written `"x"`: its marks are text at an emphasis edge, as the next pass
    (which reads them as text) sees them, so that both move them out alike."""
    if _in_verbatim(quote):
        return
    quote.insert(0, NavigableString('"'))
    quote.append(NavigableString('"'))
    siblings.unwrap(quote)


def _in_verbatim(tag: Tag) -> bool:
    return any(parent.name in VERBATIM for parent in tag.parents)


def _nested_in_same(tag: Tag) -> bool:
    """Inside an element of the same kind (parents may not be renamed yet: `b` is `strong`)."""
    return any(_SPELLING.get(parent.name, parent.name) == tag.name for parent in tag.parents)


def _holds_blocks(tag: Tag) -> bool:
    """Emphasis around blocks cannot be written in Markdown: the blocks stay, emphasis goes."""
    return any(isinstance(c, Tag) and c.name in BLOCK_TAGS for c in tag.contents)


def _merge_twin_runs(tags: list[Tag], siblings: Siblings) -> None:
    """`<em>a</em><em>b</em>` would give `*a**b*`: each run of adjacent twins becomes its first
    element, before any other repair, so that each element is repaired once, whole. (Merging
    twin by twin into the repaired element moved a run of n twins n²/2 times.) The runs are
    found in document order and merged from the last one back, so positions hold."""
    runs: list[list[Tag]] = []
    merged: set[int] = set()
    for tag in tags:
        if id(tag) in merged:
            continue
        if not _may_merge(tag) or _in_verbatim(tag):
            continue
        run = [tag]
        twin = tag.next_sibling
        while isinstance(twin, Tag) and twin.name == tag.name and _may_merge(twin):
            if _edge_breaks(twin.contents) or sole_link(twin) is not None or shows_nothing(twin):
                break  # its own repair would have left it apart from its twin
            run.append(twin)
            twin = twin.next_sibling
        if len(run) > 1:
            runs.append(run)
            merged.update(map(id, run))
    for head, *twins in reversed(runs):
        moved = [node for twin in twins for node in take_children(twin)]
        for twin in reversed(twins):
            siblings.extract(twin)
        head.extend(moved)


def _may_merge(tag: Tag) -> bool:
    return tag.name in EMPHASIS and not _nested_in_same(tag) and not _holds_blocks(tag)


def shows_nothing(tag: Tag) -> bool:
    """Only blanks and punctuation, no image: nothing a reader could see emphasised."""
    text = tag.get_text()
    empty = not text.strip() or all(is_punctuation(c) or c.isspace() for c in text)
    return empty and first_named(tag, "img") is None


def is_punctuation(char: str) -> bool:
    """CommonMark's punctuation: ASCII punctuation and Unicode P* / S* characters."""
    return bool(char) and unicodedata.category(char)[0] in "PS"


def _is_space(char: str) -> bool:
    return not char or char.isspace()


def _move_edge_punctuation_out(tag: Tag, siblings: Siblings) -> None:
    text = tag.get_text()
    if not text.strip() or all(is_punctuation(c) or c.isspace() for c in text):
        if first_named(tag, "img") is None:
            siblings.unwrap(tag)  # nothing a reader could see emphasised
        return
    _move_edge_breaks_out(tag, siblings)
    before, after = char_before(tag), char_after(tag)
    if _is_word(after):
        _move_trailing(tag, siblings)
    if _is_word(before):
        _move_leading(tag, siblings)
    if sink_into_sole_link(tag, siblings):
        return
    before, after = char_before(tag), char_after(tag)  # as the moves left them
    stuck_before = _is_word(before) and _edge_is_markup(tag, 0)
    if stuck_before or (_is_word(after) and _edge_is_markup(tag, -1)):
        _keep_as_inline_html(tag, siblings)  # `a**`x`**b` cannot render as emphasis


def _move_edge_breaks_out(tag: Tag, siblings: Siblings) -> None:
    """`<b>Title<br></b>` would give `**Title\\**` (the break's backslash escapes the
    delimiter): line breaks at the edges, with the spaces around them, go outside, or go
    altogether at the edge of a block, where they show nothing."""
    leading = _edge_breaks(tag.contents)
    trailing = _edge_breaks(reversed(tag.contents))
    keep_leading = bool(leading) and not _at_block_edge(tag, "previous_sibling")
    keep_trailing = bool(trailing) and not _at_block_edge(tag, "next_sibling")
    for node in leading:
        node.extract(_self_index=0)
        if keep_leading:
            siblings.insert_before(tag, node)
    for node in trailing:  # from the last one back: each goes right after the element
        node.extract(_self_index=len(tag.contents) - 1)
        if keep_trailing:
            siblings.insert_after(tag, node)


def _at_block_edge(tag: Tag, direction: str) -> bool:
    """Whether only blank text lies between `tag` and the edge of its block in `direction`."""
    node = tag
    while True:
        sibling = getattr(node, direction)
        while is_blank_text(sibling):
            sibling = getattr(sibling, direction)
        if sibling is not None:
            return isinstance(sibling, Tag) and sibling.name in BLOCK_TAGS
        parent = node.parent
        if not isinstance(parent, Tag) or parent.name in BLOCK_TAGS or parent.name in HEADINGS:
            return True
        node = parent


def _edge_breaks(nodes: Iterable[PageElement]) -> list[PageElement]:
    """The run of `<br>`s and blank text at the start of `nodes`, if it holds a `<br>`."""
    run: list[PageElement] = []
    for node in nodes:
        if not (is_blank_text(node) or (isinstance(node, Tag) and node.name == "br")):
            break
        run.append(node)
    return run if any(isinstance(node, Tag) for node in run) else []


def _keep_as_inline_html(tag: Tag, siblings: Siblings) -> None:
    """Replace the element by its content between `<name>`…`</name>` tokens."""
    tag.insert(0, NavigableString(html_token(tag.name)))
    tag.append(NavigableString(html_token(tag.name, closing=True)))
    siblings.unwrap(tag)


def _is_word(char: str) -> bool:
    """A character next to which a delimiter run next to punctuation cannot flank."""
    return not _is_space(char) and not is_punctuation(char)


def _edge_is_markup(tag: Tag, index: int) -> bool:
    """Whether the Markdown of `tag` starts (0) or ends (-1) with syntax punctuation (text
    at the edge is a letter, or a space that goes outside the delimiters with it)."""
    edge = edge_node(tag.contents, last=index == -1)
    return edge is not None and _is_markup(edge) and not _space_at_edge(edge, last=index == -1)


# Elements whose Markdown moves a space at their edge outside their delimiters (`<b> g</b>` is
# ` **g**`, `<sub>x </sub>` is `<sub>x</sub> `, `<code>x </code>` is `` `x` ``): an element
# holding one at its edge starts (or ends) with that space, not with syntax.
_CHOMPED = frozenset(
    {"strong", "b", "em", "i", "del", "s", "strike", "a", "sub", "sup", "code", "kbd", "samp"}
)


def _space_at_edge(node: PageElement, *, last: bool) -> bool:
    while isinstance(node, Tag) and node.name in _CHOMPED:
        inner = edge_node(node.contents, last=last)
        if inner is None:
            return False
        node = inner
    if not isinstance(node, NavigableString) or is_html_token(node):
        return False
    return (node[-1] if last else node[0]).isspace()


def _is_markup(node: object) -> bool:
    """An element (written as Markdown syntax) or an inline HTML token (`<strong>`)."""
    return isinstance(node, Tag) or (isinstance(node, NavigableString) and is_html_token(node))


def _move_trailing(tag: Tag, siblings: Siblings) -> None:
    outside = ""
    while (
        len(tag.contents) > 1
        and _is_punctuation_text(tag.contents[-1])
        and not _is_markup_token_or_break(tag.contents[-2])
    ):
        # (after an element too: `<em><b>意</b>：</em>３`, the `：` its punctuation rule left)
        # `<s>粗<b>。</b></s>` once the <b> is unwrapped: a whole text node of punctuation
        outside = str(tag.contents[-1]) + outside
        tag.contents[-1].extract(_self_index=len(tag.contents) - 1)
    last = _edge_text(tag, last=True)
    if last is not None:
        text = str(last).rstrip()
        cut = len(text)
        while cut > 0 and is_punctuation(text[cut - 1]):
            cut -= 1
        # (in an element written as its bare content, a node of punctuation alone goes whole)
        if 0 < cut < len(text) or (cut == 0 and text and last.parent is not tag):
            _replace_text(last, text[:cut])
            outside = text[cut:] + str(last)[len(text) :] + outside
    if outside:
        siblings.insert_after(tag, NavigableString(outside))


def _is_markup_token_or_break(node: PageElement) -> bool:
    if isinstance(node, Tag):
        return node.name == "br"
    return isinstance(node, NavigableString) and is_html_token(node)


def _is_punctuation_text(node: object) -> bool:
    if type(node) is not NavigableString or is_html_token(node):
        return False
    text = node.strip()
    return bool(text) and all(is_punctuation(c) for c in text)


def _move_leading(tag: Tag, siblings: Siblings) -> None:
    first = _edge_text(tag, last=False)
    if first is None:
        return
    text = str(first).lstrip()
    cut = 0
    while cut < len(text) and is_punctuation(text[cut]):
        cut += 1
    if cut == 0 or (cut == len(text) and len(tag.contents) == 1):
        return  # (a node of punctuation alone before more content moves out whole: `<b>:</b>`)
    lead = str(first)[: len(str(first)) - len(text)]
    _replace_text(first, text[cut:])
    siblings.insert_before(tag, NavigableString(lead + text[:cut]))


def _edge_text(tag: Tag, *, last: bool) -> NavigableString | None:
    """The text a reader meets first (last) in `tag`, looking through elements written as
    their bare content (`<em>__<g>#h__`: the `#` is at the edge, as the next pass sees it)."""
    node = edge_node(tag.contents, last=last)
    return node if type(node) is NavigableString and not is_html_token(node) else None


def _replace_text(text: NavigableString, new: str) -> None:
    """`text` replaced by `new` in its place (removed when `new` is empty)."""
    parent = text.parent
    assert parent is not None
    index = parent.index(text)
    text.extract(_self_index=index)
    if new:
        parent.insert(index, NavigableString(new))
