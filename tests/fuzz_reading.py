"""How a reader's software reads a document, for the fuzz oracle (tests/fuzz_lost.py) and the
injection check (tests/fuzz_properties.py): Markdown rendered by markdown-it (``html=True``),
HTML parsed by lxml after the repairs that make lxml read it as a browser does.

lxml (libxml2) is not a browser: where the two differ on what is shown, the HTML is rewritten
first, each repair stated with the input that showed the difference: a `<template>`'s content
and the rest of the document after a `<!--` no `-->` ends are not shown, a link ends at its
`</a>`, an `</li>` a nested list keeps from closing is ignored. The scans skip comments, the
content of raw-text elements (`<script>`…) and tags' attributes, as the HTML tokenizer does.
Everything here is independent of the library.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from lxml import html as lxml_html
from markdown_it import MarkdownIt

IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")


# The scheme ends with its colon: `javascript%3Col%3E` (a cut snippet's relative URL) is no
# `javascript:` URL, whatever a renderer decodes.
UNSAFE_URL = re.compile(r"^(?:javascript:|vbscript:|data:text/html|data:image/svg)", re.I)


@lru_cache(maxsize=2)
def markdown_it(tables: bool = True) -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable("strikethrough")
    return parser.enable("table") if tables else parser


def fragment(rendered: str) -> lxml_html.HtmlElement:
    """`rendered` parsed as the content of a `<div>`; as a whole document when lxml cannot
    make it a fragment (it asserts "too many bodies" on some documents with a doctype)."""
    try:
        return lxml_html.fragment_fromstring(rendered, create_parent="div")
    except AssertionError:
        root = lxml_html.document_fromstring(rendered)
        body = root.find("body")
        return root if body is None else body


def shown_fragment(rendered: str) -> lxml_html.HtmlElement:
    """`rendered` (HTML) as a browser shows it, parsed by lxml (see the module docstring)."""
    shown = _without_unclosed_comment(_without_templates(rendered))
    return fragment(_links_end_at_their_end_tag(_without_ignored_item_ends(shown)))


# --- tags a Markdown block leaves open ---------------------------------------------------------


# A start or end tag that the end of the text cuts off: no `>` outside quotes, or a quoted
# attribute value left open (`<a href=">` + blank line: the `>` is the value's). A `<` inside
# it is part of a name or an unquoted value (`<img src=t<`), as the HTML tokenizer reads it
# (lxml keeps such an image; a browser drops the cut tag).
CUT_TAG = re.compile(
    r"""</?[A-Za-z](?:[^>"'=]++|=[\t\n\f\r ]*+(?:"[^"]*+"?+|'[^']*+'?+)|["'=])*+\Z"""
)


_LINK_TAG = re.compile(r"<(/)?a[\t\n\f\r />]", re.IGNORECASE)


def link_closed_after(body: str) -> Callable[[int], bool]:
    """Whether the first link tag on or after a line (0-based) of `body` is an `</a>`: only
    then does a link left open before that line close later (a browser closes an open link
    where another `<a` starts)."""
    lines: list[int] = []
    closing: list[bool] = []
    line = position = 0
    for match in _LINK_TAG.finditer(body):
        line += body.count("\n", position, match.start())
        position = match.start()
        lines.append(line)
        closing.append(match.group(1) is not None)

    def closed_after(first_line: int) -> bool:
        index = bisect.bisect_left(lines, first_line)
        return index < len(closing) and closing[index]

    return closed_after


def link_closers(html: str, later_close: bool) -> str:
    """`</a>` for each link `html` leaves open, unless an `</a>` follows later in the body,
    each element opened inside the links and left open closed first (lxml ignores an `</a>`
    while a `<div>` opened in the link is open, and the link ran on into the next block; a
    browser ends it there too)."""
    if later_close:
        return ""
    unclosed = 0  # in order: an `</a>` before any `<a>` closes nothing
    inside: list[str] = []  # elements opened inside the open links, still open
    for _, closing, name in _tags(html):
        if name == "a":
            unclosed = max(0, unclosed - 1) if closing else unclosed + 1
            if not unclosed:
                inside.clear()
        elif unclosed and name not in _VOID:
            if not closing:
                inside.append(name)
            elif name in inside:
                del inside[len(inside) - 1 - inside[::-1].index(name) :]
    if not unclosed:
        return ""
    # (a stray table part, `<a href=a><tbody>`, is left open by lxml and keeps it from
    # closing the link, where a browser ignores the part: closed first)
    opened = "".join(f"</{name}>" for name in reversed(inside))
    return opened + (_TABLE_PART_CLOSERS + "</a>") * unclosed


# --- what lxml reads differently from a browser -----------------------------------------------


def _without_unclosed_comment(html: str) -> str:
    """`html` up to a `<!--` that no `-->` (nor `--!>`) ends: a browser's parser reads the
    rest of the document as that comment (the end of the file ends it); lxml showed the text
    after it. (`<!-->` and `<!--->` are complete, empty comments.)"""
    position = html.find("<!--")
    while position != -1:
        if html.startswith(("<!-->", "<!--->"), position):
            position = html.find("<!--", position + 5)
            continue
        ends = [
            e for e in (html.find("-->", position + 4), html.find("--!>", position + 4)) if e >= 0
        ]
        if not ends:
            return html[:position]
        position = html.find("<!--", min(ends) + 3)
    return html


def _without_templates(html: str) -> str:
    """`html` without the content of its `<template>` elements. A browser renders none of it,
    and its parser ends a template at `</template>` only (or the end of the document): an end
    tag of an element opened outside it (`<video><template></video>注`) closes nothing there.
    lxml does not know the element: it ended it at `</video>` and showed "注"."""
    if "<template" not in html.lower():
        return html
    kept: list[str] = []
    depth = position = 0
    for tag in _TEMPLATE_TAG.finditer(html):
        if tag.group(1):  # an end tag
            if depth == 1:
                position = tag.end()
            depth = max(0, depth - 1)
        else:
            if depth == 0:
                kept.append(html[position : tag.start()])
            depth += 1
    return "".join(kept) + ("" if depth else html[position:])


_TEMPLATE_TAG = re.compile(r"<(/?)template(?=[\s/>])[^<>]*+>?+", re.IGNORECASE)


def _links_end_at_their_end_tag(html: str) -> str:
    """`html` with the elements opened inside a link and still open at its `</a>` closed just
    before it. A browser ends the link there (the adoption agency algorithm: what follows is
    no longer linked); lxml ignores such an `</a>` and links everything up to the next `<a>`
    (`<a href=t><div>&gt;</a>` + `# r`: "r" was linked for the oracle, in no browser)."""
    if "</a" not in html and "</A" not in html:
        return html
    pieces: list[str] = []
    position = 0
    links = 0
    inside: list[str] = []
    for start, closing, name in _tags(html):
        if name == "a":
            if closing and links and inside:
                pieces += [html[position:start], *(f"</{n}>" for n in reversed(inside))]
                position = start
            links = max(0, links - 1) if closing else links + 1
            if not links or not closing:
                # (a link that starts inside a link ends the outer one first: what was opened
                # in it stays open, out of any link: `<a><pre><a></a>` leaves the <pre> open)
                inside.clear()
        elif links and name not in _VOID:
            if not closing:
                inside.append(name)
            elif name in inside:
                del inside[len(inside) - 1 - inside[::-1].index(name) :]
    return "".join([*pieces, html[position:]])


def _without_ignored_item_ends(html: str) -> str:
    """`html` without the `</li>` end tags a browser ignores: an `</li>` closes its item only
    when no list opened inside the item is still open (the item is not "in list item scope"),
    `y<li><ol><pre></li><a href=x>f` leaves the link in the <pre>; libxml2 closed the <pre>,
    the list and the item there, and showed a link that no browser shows outside code."""
    if "</li" not in html and "</LI" not in html:
        return html
    stack: list[str] = []  # the open items and lists, innermost last
    pieces: list[str] = []
    position = 0
    for start, closing, name in _tags(html):
        if name not in ("li", "ol", "ul"):
            continue
        if not closing:
            if name == "li" and stack and stack[-1] == "li":
                stack.pop()  # an item ends where the next one starts
            stack.append(name)
        elif name != "li":
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name) :]
        elif stack and stack[-1] == "li":
            stack.pop()
        elif "li" in stack:  # a list opened in the item is open: ignored
            end = html.find(">", start)
            pieces.append(html[position:start])
            position = len(html) if end < 0 else end + 1
    return "".join([*pieces, html[position:]])


# A tag's start, its name whole (the `>` is not looked for: `<a href=<>` is a link to `<`),
# or a comment's start.
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*+)|<!--")


# Elements whose content is text up to their end tag: a `</a>` in a `<script>` left open
# (`<a h=""><script></a>d`) closes nothing, and "d" is script, as a browser reads it.
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"}
)


def _tags(html: str) -> Iterator[tuple[int, bool, str]]:
    """(start, closing, lower-case name) of each tag of `html` in order, as the HTML tokenizer finds
    them: none inside comments or the content of raw-text elements. Linear (each step moves
    forward with `str.find` or one search)."""
    position = 0
    while (tag := _ANY_TAG.search(html, position)) is not None:
        if tag.group(2) is None:  # a comment: skip to its end (or the end of the text)
            position = _comment_end(html, tag.start())
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        yield tag.start(), closing, name
        position = _TAG_REST.match(html, tag.end()).end()  # type: ignore[union-attr]
        if not closing and name in _RAW_TEXT:
            end = re.compile(f"</{name}(?![A-Za-z0-9-])", re.IGNORECASE).search(html, position)
            position = len(html) if end is None or name == "plaintext" else end.start()


# The rest of a tag after its name: attributes (a quoted value may hold `>` or `</ol`: `<ol
# </ol>` is one start tag) up to its `>`, or to the end. Possessive: one pass.
_TAG_REST = re.compile(r"""(?:[^>"'=]++|=[\t\n\f\r ]*+(?:"[^"]*+"?+|'[^']*+'?+)|["'=])*+>?+""")


def _comment_end(html: str, start: int) -> int:
    if html.startswith(("<!-->", "<!--->"), start):
        return html.find(">", start) + 1
    ends = [e for e in (html.find("-->", start + 4), html.find("--!>", start + 4)) if e >= 0]
    return min(ends) + 3 if ends else len(html)


_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip


_TABLE_PART_CLOSERS = "</td></th></tr></tbody></thead></tfoot></caption>"
