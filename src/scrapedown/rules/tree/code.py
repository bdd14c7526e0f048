"""Code rules (lxml phase): inline code broken into lines is a code block; links inside inline
code are kept by splitting the code around them."""

from __future__ import annotations

from scrapedown.options import Options
from scrapedown.parse.tree import (
    Element,
    append_text,
    elements,
    is_blank,
    is_element,
    replace_with_text,
    unwrap,
    unwrap_all,
)
from scrapedown.rules.tree.links import has_target
from scrapedown.urls.target import is_unsafe_link


def _in_pre(element: Element) -> bool:
    return any(ancestor.tag == "pre" for ancestor in element.iterancestors())


def code_with_breaks_to_blocks(root: Element, options: Options) -> None:
    """`<p><code>a<br>b</code></p>` becomes a code block; a <br> inside a <code> that shares
    its paragraph with other text becomes a space (a code span cannot hold a line break).
    Code spans that touch (`<code>b</code><code>&lt;</code>`) become one: written back to
    back (`` `b``<` ``), they read as one span holding the backticks."""
    _merge_touching_code(root)
    for code in elements(root, "code"):
        if code.find(".//br") is None or _in_pre(code):
            continue
        parent = code.getparent()
        if parent is not None and parent.tag == "p" and _only_child(parent, code):
            parent.tag = "pre"
            parent.attrib.clear()
        else:
            for br in list(code.iter("br")):
                replace_with_text(br, " ")


_CODE_SPANS = ("code", "kbd", "samp")  # each written as a code span


def _merge_touching_code(root: Element) -> None:
    for code in reversed(elements(root, *_CODE_SPANS)):  # the last first: merged into earlier
        previous, parent = code.getprevious(), code.getparent()
        if (
            previous is None
            or parent is None
            or previous.tag not in _CODE_SPANS
            or previous.tail
            or _in_pre(code)
        ):
            continue
        append_text(previous, previous[-1] if len(previous) else None, code.text)
        for child in list(code):
            previous.append(child)
        previous.tail, code.tail = code.tail, None
        parent.remove(code)


def _only_child(parent: Element, child: Element) -> bool:
    return len(parent) == 1 and is_blank(parent.text) and is_blank(child.tail)


def links_out_of_code(root: Element, options: Options) -> None:
    """`<code><a href=u>name</a></code>` would lose its link (a code span holds no Markdown):
    the code is split around its links, each link holding its own code, `[`name`](u)`."""
    for code in elements(root, "code", "kbd", "samp"):  # all three are written as code spans
        if code.getparent() is None or code.find(".//a") is None or _in_pre(code):
            continue
        # a link that goes nowhere is its text (the `links` rule or the URL stage unwraps it):
        # split at, it left two code spans back to back, `` `a``b` ``, one span holding the
        # backticks
        unwrap_all([link for link in code.iter("a") if _goes_nowhere(link)])
        if code.find(".//a") is None:
            continue
        for nested in [n for n in code.iter("code") if n is not code]:
            unwrap(nested)  # `<code><code>x</code></code>` is one code span
        # the elements around a link inside it (`<samp><e><a>`, `<code>x<b><a>`): a code span
        # writes their text only, so they go, and the link is the code's child to split at
        holders: dict[Element, None] = {}
        for link in code.iter("a"):
            holders.update(dict.fromkeys(a for a in _ancestors_up_to(link, code) if a.tag != "a"))
        for holder in holders:
            unwrap(holder)
        _split_around_links(code)


def _goes_nowhere(link: Element) -> bool:
    return not has_target(link) or is_unsafe_link((link.get("href") or "").strip())


def _ancestors_up_to(element: Element, top: Element) -> list[Element]:
    found: list[Element] = []
    for ancestor in element.iterancestors():
        if ancestor is top:
            break
        found.append(ancestor)
    return found


def _split_around_links(code: Element) -> None:
    pieces: list[Element] = []
    current: Element | None = None

    def code_piece() -> Element:
        piece = code.makeelement("code", {})
        pieces.append(piece)
        return piece

    if code.text:
        current = code_piece()
        current.text = code.text
    for child in list(code):
        tail, child.tail = child.tail, None
        if is_element(child) and child.tag == "a":
            inner = child.makeelement("code", {})
            inner.text, child.text = child.text, None
            for node in list(child):
                inner.append(node)
            child.append(inner)
            pieces.append(child)
            current = None
        else:
            current = current if current is not None else code_piece()
            current.append(child)
        if tail:
            current = current if current is not None else code_piece()
            append_text(current, current[-1] if len(current) else None, tail)
    _replace_with_pieces(code, pieces)


def _replace_with_pieces(code: Element, pieces: list[Element]) -> None:
    tail, code.tail = code.tail, None
    anchor = code
    for piece in pieces:
        anchor.addnext(piece)
        anchor = piece
    anchor.tail = tail if anchor is not code else None
    parent = code.getparent()
    assert parent is not None  # `links_out_of_code` skips a code element without a parent
    if anchor is code:
        append_text(parent, code.getprevious(), tail)
    parent.remove(code)
