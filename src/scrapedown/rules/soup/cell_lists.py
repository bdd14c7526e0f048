"""Lists in a kept table cell, and what moved out of a `<pre>` there, as the next pass will
read them.

The lxml phase moves content that sits directly in a list out of it (`rules.tree.lists`), but a
wrapper holding an item (`<ol><b>x<li>y`) counted as part of the list then; unwrapped later, it
left `x` directly in the list. Kept as HTML, the next pass moves it out: so it moves now, the
same way (inline runs in a `<p>`, blocks as they are, an `<ol>` split around a stray numbered
on).
"""

from __future__ import annotations

from bs4.element import NavigableString, PageElement, Tag

from scrapedown.convert.escape import is_html_token
from scrapedown.options import Options
from scrapedown.parse.siblings import Siblings, take_children
from scrapedown.parse.soup import first_named, new_tag, tags_named
from scrapedown.rules.soup.emphasis import EMPHASIS, fix_emphasis
from scrapedown.rules.tree.text import cleaned_text
from scrapedown.tags import BLOCK_TAGS, LISTS, VERBATIM

Run = tuple[bool, list[PageElement]]  # (holds items, its nodes in order)


def strays_out_of_list(a_list: Tag) -> list[Tag]:
    """Move what is not an item out of `a_list`; the new elements made (none when there was
    nothing to move)."""
    if all(_is_item(child) or _is_blank(child) for child in a_list.contents):
        return []
    runs = _runs(a_list)
    first, numbered, made, reused = _start(a_list), 0, [], False
    pieces: list[Tag] = []
    for items, nodes in runs:
        if not items:
            blocks = _as_blocks(nodes, a_list)
            made += [block for block in blocks if block.name == "p"]
            pieces += blocks
            continue
        holder = a_list
        if reused:  # a second run of items
            holder = new_tag(a_list, a_list.name)
            if a_list.name == "ol":
                holder["start"] = str(first + numbered)
            made.append(holder)
        reused = True
        holder.extend(nodes)
        numbered += sum(1 for node in nodes if isinstance(node, Tag) and node.name == "li")
        pieces.append(holder)
    if not any(piece is a_list for piece in pieces):
        a_list.insert_before(*pieces)
        a_list.decompose()
    else:
        at = pieces.index(a_list)
        if at:
            a_list.insert_before(*pieces[:at])
        if at + 1 < len(pieces):
            a_list.insert_after(*pieces[at + 1 :])
    return made


def _is_item(node: PageElement) -> bool:
    return isinstance(node, Tag) and (node.name == "li" or node.find("li") is not None)


def _is_blank(node: PageElement) -> bool:
    return isinstance(node, NavigableString) and not node.strip()


def _runs(a_list: Tag) -> list[Run]:
    """The list's children as runs of items and of strays (blank text dropped), the list
    emptied."""
    runs: list[Run] = []
    for node in [child.extract() for child in list(a_list.contents)]:
        if _is_blank(node):
            continue
        items = _is_item(node)
        if not runs or runs[-1][0] != items:
            runs.append((items, []))
        runs[-1][1].append(node)
    return runs


def _start(a_list: Tag) -> int:
    start = str(a_list.get("start") or "1").strip()
    return int(start) if start.isdigit() and len(start) < 9 else 1


def _as_blocks(nodes: list[PageElement], a_list: Tag) -> list[Tag]:
    blocks: list[Tag] = []
    paragraph: Tag | None = None
    for node in nodes:
        if isinstance(node, Tag) and node.name in BLOCK_TAGS:
            blocks.append(node)
            paragraph = None
            continue
        if paragraph is None:
            paragraph = new_tag(a_list, "p")
            blocks.append(paragraph)
        paragraph.append(node)
    return blocks


def paragraphs_in_mixed_items(cell: Tag) -> None:
    """An item (`<li>`, `<dd>`) holding inline content after a block gets its inline runs in
    `<p>`s, as the next pass's `paragraphs` rule makes them (a wrapper unwrapped after that
    rule, `<dd><meter><pre>…</pre>n`, left `n` loose beside the block). So does a quote
    holding any inline content: that rule gives every loose run in a quote a paragraph."""
    for item in reversed(cell.find_all(("li", "dd", "blockquote"))):
        if not (_is_mixed(item) or (item.name == "blockquote" and _has_loose(item))):
            continue
        runs: list[list[PageElement]] = [[]]
        for node in [child.extract() for child in list(item.contents)]:
            if isinstance(node, Tag) and node.name in BLOCK_TAGS:
                runs.append([node])
                runs.append([])
            else:
                runs[-1].append(node)
        for run in runs:
            if len(run) == 1 and isinstance(run[0], Tag) and run[0].name in BLOCK_TAGS:
                item.append(run[0])
            elif not all(_is_blank(node) for node in run):
                item.extend(_as_blocks(run, item))


def _has_loose(quote: Tag) -> bool:
    return any(
        not (isinstance(child, Tag) and child.name in BLOCK_TAGS) and not _is_blank(child)
        for child in quote.contents
    )


def _is_mixed(item: Tag) -> bool:
    """Whether non-blank inline content, or a paragraph, follows a block child of `item` (as
    the `paragraphs` rule reads an item)."""
    seen_block = False
    for child in item.contents:
        if isinstance(child, Tag) and child.name in BLOCK_TAGS:
            if seen_block and child.name == "p":
                return True
            seen_block = True
        elif seen_block and not _is_blank(child):
            return True
    return False


def unwrap_out_of_pre(cell: Tag, unwrap_tags: frozenset[str]) -> None:
    """Wrappers the rules left alone inside a `<pre>` and that moved out of it (`<pre><li><cite>`
    is read `<pre></pre><li><cite>`) unwrapped, as the next pass's rules unwrap them there; so
    is emphasis around nothing a reader could see emphasised (`<del>`</del>`); a `<q>` becomes
    its quotation marks, as the emphasis rule writes one outside code."""
    siblings = Siblings()
    for tag in reversed(tags_named(cell, *unwrap_tags, *EMPHASIS, "q")):
        if any(parent.name == "pre" for parent in tag.parents):
            continue
        if tag.name == "q":
            if not any(parent.name in VERBATIM for parent in tag.parents):
                tag.insert(0, NavigableString('"'))
                tag.append(NavigableString('"'))
                siblings.unwrap(tag)
        elif tag.name in unwrap_tags or not (
            any(map(str.isalnum, tag.get_text())) or first_named(tag, "img")
        ):
            siblings.unwrap(tag)


def clean_text_out_of_pre(cell: Tag) -> None:
    """Text that moved out of a `<pre>` (the text rule left its no-break spaces) cleaned as the
    next pass's text rule will clean it."""
    for text in list(cell.descendants):
        if type(text) is not NavigableString or cleaned_text(text) == text:
            continue
        if not any(parent.name in VERBATIM for parent in text.parents):
            text.replace_with(NavigableString(cleaned_text(text)))


def paragraphs_split_at_breaks(cell: Tag) -> None:
    """Each `<p>` of a kept cell with a `<br>` child split as the next pass's `paragraphs` rule
    will split it (at runs of two or more breaks, the breaks at its edges dropped): unwrapping
    an unknown element here (`<p>-<e><br></e></p>`) can bring a break to the paragraph's
    edge, where the first pass, seeing the element, left it."""
    siblings = Siblings()
    for paragraph in tags_named(cell, "p"):
        if not any(_is_break(child) for child in paragraph.contents):
            continue
        chunks: list[list[PageElement]] = [[]]
        breaks = 0
        for child in take_children(paragraph):
            if _is_break(child):
                breaks += 1
            elif not _is_blank(child):
                if breaks >= 2:
                    chunks.append([])
                breaks = 0
            chunks[-1].append(child)
        kept = [trimmed for trimmed in map(_trimmed, chunks) if trimmed]
        paragraph.extend(kept[0] if kept else [])
        made = []
        for chunk in kept[1:]:
            made.append(new_tag(paragraph, "p"))
            made[-1].extend(chunk)
        if made:
            siblings.insert_after(paragraph, *made)


def _is_break(node: PageElement) -> bool:
    return isinstance(node, Tag) and node.name == "br"


def _trimmed(chunk: list[PageElement]) -> list[PageElement]:
    start, end = 0, len(chunk)
    while start < end and (_is_break(chunk[start]) or _is_blank(chunk[start])):
        start += 1
    while end > start and (_is_break(chunk[end - 1]) or _is_blank(chunk[end - 1])):
        end -= 1
    return chunk[start:end]


def nested_emphasis_unwrapped(cell: Tag) -> None:
    """An emphasis inside one of its own kind in a kept cell (`<em><em>文</em></em>`, brought
    together when an element off the allowlist between them went) is unwrapped, as the next
    pass's emphasis rule does."""
    siblings = Siblings()
    for tag in reversed(tags_named(cell, *EMPHASIS)):
        holder = tag.parent
        while holder is not None and holder is not cell and holder.name != tag.name:
            holder = holder.parent
        if holder is not None and holder is not cell:
            siblings.unwrap(tag)


def stray_items_into_lists(cell: Tag) -> None:
    """A stray item right after a bulleted list in a kept cell (`<ul><li>a</ul><li>b`, the
    item moved there from the row by a repair) joins it, as the next pass's
    `stray_items_into_lists` rule (rules/tree/lists.py) joins it."""
    for item in tags_named(cell, "li"):
        if item.parent is None or item.parent.name == "li" or item.parent.name in LISTS:
            continue
        holder = item.previous_sibling
        while holder is not None and _is_blank(holder):
            holder = holder.previous_sibling
        if isinstance(holder, Tag) and holder.name == "ul":
            holder.append(item.extract())


def lists_into_items(cell: Tag) -> None:
    """A list directly in a list (`<ul><n><ol>…`, the unknown element around it unwrapped)
    goes into the item before it, or into an item of its own, as the next pass's lxml phase
    puts it (`rules.tree.lists.lists_into_items`)."""
    for inner in tags_named(cell, "ul", "ol"):
        parent = inner.parent
        if parent is None or parent.name not in ("ul", "ol"):
            continue
        previous = inner.find_previous_sibling()
        if previous is not None and previous.name == "li":
            previous.append(inner.extract())
        else:
            item = new_tag(inner, "li")
            inner.insert_before(item)
            item.append(inner.extract())


def emphasis_out_of_pre(cell: Tag, options: Options) -> None:
    """The emphasis rule run again on a cell that held a `<pre>`: what moved out of it (the
    rule leaves a `<pre>`'s content alone) is repaired, as the next pass repairs it there
    (`<pre><dd>u<b>＃１`: the `＃` moves out of the bold). Not when the rule is off, nor
    once it wrote inline HTML tokens in the cell (a second run would take them for text)."""
    if "emphasis" in options.disabled_rules or any(map(is_html_token, cell.strings)):
        return
    fix_emphasis(cell, options)


_CODE_SPANS = ("code", "kbd", "samp")  # each written as a code span


def links_out_of_code(cell: Tag) -> None:
    """Inline code holding a link, out of a `<pre>` now (`<pre><dd><code><a>` is read
    `<pre></pre><dd><code><a>`), split around its links as the next pass's `links_out_of_code`
    rule (rules/tree/code.py) splits it: `<code>x<a>e</a></code>` is `<code>x</code>` then
    `<a><code>e</code></a>`. Only code of text and links of text (what the rule writes so)."""
    for code in reversed(tags_named(cell, *_CODE_SPANS)):
        if code.parent is None or first_named(code, "a") is None:
            continue
        if any(parent.name == "pre" for parent in code.parents) or not _text_and_links(code):
            continue
        # (detached first, then put in place at once: one move at a time looked each node up
        # among its siblings, quadratic in a long code span)
        children = list(code.contents)
        code.clear()
        pieces = []
        for child in children:
            piece = new_tag(code, "code")
            if isinstance(child, Tag):  # a link: its text in a code of its own
                texts = list(child.contents)
                child.clear()
                for text in texts:
                    piece.append(text)
                child.append(piece)
                pieces.append(child)
            else:
                piece.append(child)
                pieces.append(piece)
        code.replace_with(*pieces)


def _text_and_links(code: Tag) -> bool:
    return all(
        type(child) is NavigableString
        or (
            isinstance(child, Tag)
            and child.name == "a"
            and all(type(text) is NavigableString for text in child.contents)
        )
        for child in code.contents
    )
