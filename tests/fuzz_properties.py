"""The properties every input must keep, as one function the fuzz tests (tests/test_fuzz.py) and
the standalone driver (benchmarks/fuzz_driver.py) share.

`failures(text)` runs `clean` and `clean_html` on `text` and returns what went wrong, as
(kind, detail) pairs, each kind one of:

- ``crash``: an exception other than `ScrapedownError` (or one without a message);
- ``slow``: one call took over `BUDGET_SECONDS` of CPU time (CPU, not wall clock: the machine
  may be loaded);
- ``idempotent``: ``clean(clean(x)) != clean(x)``;
- ``idempotent_html``: ``clean(clean_html(x)) != clean_html(x)`` (the Markdown `clean_html`
  writes is a post body a hook sees again);
- ``lost``: letters or digits a reader sees in the input are missing from what a reader sees of
  the output, both measured here, independently of the library (`input_chars`: what both an HTML
  and a Markdown reading of the input show; the output rendered by markdown-it with
  ``html=True``; parsed by lxml, invisible elements left out), and so are images and links;
- ``injected``: the output, rendered by markdown-it with ``html=True``, holds a script-capable
  element, an event-handler attribute or a `javascript:`/`vbscript:`/`data:text/html` URL.
"""

from __future__ import annotations

import bisect
import contextlib
import html
import re
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from markdown_it.token import Token

from scrapedown import ScrapedownError, clean, clean_html
from scrapedown.frontmatter.block import split_post

BUDGET_SECONDS = 2.0
Failure = tuple[str, str]

# What a reader does not see ("junk by definition", docs/guarantees.md#nothing-lost).
_INVISIBLE = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "button", "select",
        "textarea", "svg", "iframe", "object", "embed", "canvas", "dialog", "form", "video",
        "audio", "math",
    }
)  # fmt: skip
# Elements that run code or load active content when the output is rendered.
_ACTIVE = frozenset(
    {
        "script", "style", "iframe", "object", "embed", "frame", "frameset", "applet", "base",
        "meta", "link", "form", "plaintext", "xmp", "noembed",
    }
)  # fmt: skip
_URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "srcdoc", "xlink:href", "poster", "data", "srcset"}
)
# The scheme ends with its colon: `javascript%3Col%3E` (a cut snippet's relative URL) is no
# `javascript:` URL, whatever a renderer decodes.
_UNSAFE_URL = re.compile(r"^(?:javascript:|vbscript:|data:text/html|data:image/svg)", re.I)
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")


@lru_cache(maxsize=2)
def _markdown_it(tables: bool = True) -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable("strikethrough")
    return parser.enable("table") if tables else parser


def _timed(function: Callable[[str], str], text: str) -> tuple[str | None, list[Failure]]:
    """`function(text)`, or None when it raised a `ScrapedownError` with a message."""
    start = time.process_time()
    name = function.__name__
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4's XML-looking-input warning is not our concern
        try:
            result: str | None = function(text)
            problems: list[Failure] = []
        except ScrapedownError as error:
            result = None
            problems = [] if str(error) else [("crash", f"{name}: ScrapedownError without text")]
        except Exception as error:  # the property: nothing else escapes
            return None, [("crash", f"{name}: {type(error).__name__}: {error}")]
    spent = time.process_time() - start
    if spent > BUDGET_SECONDS:
        spent = min(spent, _best_of(function, text, _RETIMES))
    if spent > BUDGET_SECONDS:
        problems.append(("slow", f"{name}: {spent:.1f} s CPU (best of {1 + _RETIMES})"))
    return result, problems


# A call over budget is timed again: the input is slow only when every run is. A garbage
# collection of the fuzzer's own heap or a first-call import lands in one call's CPU time:
# the three "slow" documents of the seed-12 run took 2.2-3.3 s there and 2-4 ms alone.
_RETIMES = 2


def _best_of(function: Callable[[str], str], text: str, runs: int) -> float:
    best = float("inf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(runs):
            start = time.process_time()
            with contextlib.suppress(Exception):  # (the first run reported it)
                function(text)
            best = min(best, time.process_time() - start)
    return best


def failures(text: str, *, full: bool = True) -> list[Failure]:
    """Every property `text` breaks (empty when it keeps them all). Without `full`, only
    `clean` is checked (no crash, in budget, idempotent, nothing injected): a third of the
    cost, for long runs on a loaded machine."""
    found: list[Failure] = []
    out = _converted_twice(clean, text, "idempotent", "clean(clean(x))", found)
    if out is not None and full:
        found += _lost(text, out)
    if full:
        _converted_twice(clean_html, text, "idempotent_html", "clean of it", found)
    return found


def _converted_twice(
    convert: Callable[[str], str], text: str, kind: str, again_name: str, found: list[Failure]
) -> str | None:
    """`convert(text)`, then `clean` of that: timing problems, a second pass that differs (as
    `kind`) and injections go into `found`; the first output is returned (None on a crash)."""
    out, problems = _timed(convert, text)
    found += problems
    if out is None:
        return None
    again, problems = _timed(clean, out)
    found += problems
    if again is not None and again != out:
        name = convert.__name__
        found.append((kind, f"{name}(x) = {out[:3000]!r}, {again_name} = {again[:3000]!r}"))
    found += _injected(out)
    return out


# --- nothing lost --------------------------------------------------------------------------------


def visible(markdown: str) -> Counter[str]:
    """What a reader sees of a Markdown/HTML body rendered by markdown-it: each letter and digit
    (NFKC), and the images and links (the keys ``<img>`` and ``<a>``). The alt text of an
    image without a source counts: a browser shows it in the image's place (`![r]()` shows
    "r"; read as HTML, the input showed those letters as text)."""
    return _html_visible(_markdown_it().render(markdown), sourceless_alts=True)


def input_visible(body: str) -> Counter[str]:
    """What a reader surely sees of an input body: what both readings show, as Markdown
    (rendered by markdown-it) and as HTML (parsed by lxml). Where the two disagree (`<t` at the
    end of a region, `&#1` without `;`, a URL in `[x](url)`, `<a href=` never closed) the input
    is ambiguous and the output may follow either. A tag cut off at the end (`<img src=x alt`)
    is not read at all: a browser drops a tag that the end of the document interrupts."""
    body = body.rstrip()
    cut = _CUT_TAG.sub("", body)  # (for the HTML reading: to Markdown, `<n` is text, and
    # cutting it changed the blocks: `]` + `1. <n` is a list item, `]` + `1. ` one paragraph)
    markdown = _markdown_visible(body, keyed=True)
    if "|" in body:  # and as CommonMark without tables reads it (see `_markdown_visible`)
        markdown &= _markdown_visible(body, keyed=True, tables=False)
    both = markdown & _html_visible(_MARKDOWN_DESTINATION.sub("]", cut), keyed=True)
    return _media_counted(both) & _blockwise_visible(body)


def _media_counted(found: Counter[str]) -> Counter[str]:
    """Keyed images and links (`_html_visible(keyed=True)`) counted as ``<img>`` and ``<a>``.
    Keyed, the two readings agree on an image only when they show it with the same source, on
    a link only when it has the same target and the same letters: an autolink `<ps:>` that
    only the Markdown reading shows and an `<a href=` that only the HTML reading opens are two
    links, neither surely there (counted alike, they made one "lost" link)."""
    counted: Counter[str] = Counter()
    for key, count in found.items():
        counted[key.partition("\x00")[0]] += count
    return counted


def _blockwise_visible(body: str) -> Counter[str]:
    """Letters, digits and images both readings show within one block (a top-level block of
    the Markdown reading, as lines), summed over the blocks; links as `input_visible` counts
    them for the whole body (a link may span blocks, `_link_closers`).

    The rule: a letter is surely visible only when the two readings show it in the same block.
    The library follows one reading per block (detect.py: a block is Markdown or part of an
    HTML region), so a `1` that the Markdown reading shows in an indented code block
    (`    <e1>`) and the HTML reading shows in another block (`>1.`, a quote's list marker
    as Markdown) is two different characters, each visible to one reading only. Counted over
    the whole body, they met and made a "lost" `1` that no output can keep. A block dropped
    outright is still seen: both readings show its letters in it. So with images: an `<img`
    tag that runs over a blank line (only HTML reads it) and a `![](same URL)` two blocks
    later (only Markdown reads it) are two images, neither surely there."""
    lines = body.split("\n")
    total: Counter[str] = Counter()
    for token in _markdown_it().parse(body):
        if token.level != 0 or token.map is None or token.nesting == -1:
            continue
        block = "\n".join(lines[token.map[0] : token.map[1]]).rstrip()
        markdown = _html_visible(_markdown_it().render(block))
        html = _html_visible(_MARKDOWN_DESTINATION.sub("]", _CUT_TAG.sub("", block)))
        total += markdown & html
    total["<a>"] = 1 << 30  # (not limited here: a link may span blocks)
    return total


# A start or end tag that the end of the text cuts off: no `>` outside quotes, or a quoted
# attribute value left open (`<a href=">` + blank line: the `>` is the value's). A `<` inside
# it is part of a name or an unquoted value (`<img src=t<`), as the HTML tokenizer reads it
# (lxml keeps such an image; a browser drops the cut tag).
_CUT_TAG = re.compile(
    r"""</?[A-Za-z](?:[^>"'=]++|=[\t\n\f\r ]*+(?:"[^"]*+"?+|'[^']*+'?+)|["'=])*+\Z"""
)
_LINK_TAG = re.compile(r"<(/)?a[\t\n\f\r />]", re.IGNORECASE)


def _markdown_visible(body: str, *, keyed: bool = False, tables: bool = True) -> Counter[str]:
    """The Markdown reading of an input: rendered by markdown-it, each HTML block confined to
    itself, as CommonMark ends it and as the library's contract reads it (detect.py: blocks
    join only when an element opened in one is closed in a later one). Rendered raw and
    parsed as one document, a block's markup leaks into the blocks after it, which a
    browser shows and no converter can keep without swallowing the rest of the post:
    - a tag that the blank line ending its block cuts off (`<p><a href=` + blank line +
      `a>用`) is no tag, like a tag the end of the text cuts off (`_CUT_TAG`);
    - a link never closed anywhere after its block (`<p><a href=/>` + blank line + `z`, or
      `<a href=l><p>` in a paragraph that a `<li>` line interrupts) ends with its block, as
      every element never closed does.
    Without `tables`, as plain CommonMark: markdown-it tries a table before a list item, so
    `1.     ||` over `|-|-` is a table holding "1." to it and an item to CommonMark (and to
    GitHub, whose tables continue paragraphs only); a letter counts when both show it."""
    parser = _markdown_it(tables)
    tokens = parser.parse(body)
    closed_after = _link_closed_after(body)
    for token in tokens:
        if token.map is None:
            continue
        later_close = closed_after(token.map[1])
        if token.type == "html_block":
            content = _CUT_TAG.sub("", token.content.rstrip())
            token.content = content + _link_closers(content, later_close) + "\n"
        elif token.type == "inline" and token.children:
            raw = "".join(c.content for c in token.children if c.type == "html_inline")
            closers = _link_closers(raw, later_close)
            if closers:
                token.children.append(Token("html_inline", "", 0, content=closers))
    return _html_visible(parser.renderer.render(tokens, parser.options, {}), keyed=keyed)


def _link_closed_after(body: str) -> Callable[[int], bool]:
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


def _link_closers(html: str, later_close: bool) -> str:
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


# `[text](url)`'s target: no text as Markdown, text as HTML (an accidental match for a letter).
# (Not over a `<`: to the HTML reading it starts markup, `](<!--)` opens a comment.)
_MARKDOWN_DESTINATION = re.compile(r"\]\([^()\s<]*+\)")


def _fragment(rendered: str) -> lxml_html.HtmlElement:
    """`rendered` parsed as the content of a `<div>`; as a whole document when lxml cannot
    make it a fragment (it asserts "too many bodies" on some documents with a doctype)."""
    try:
        return lxml_html.fragment_fromstring(rendered, create_parent="div")
    except AssertionError:
        root = lxml_html.document_fromstring(rendered)
        body = root.find("body")
        return root if body is None else body


def _html_visible(
    rendered: str, *, sourceless_alts: bool = False, keyed: bool = False
) -> Counter[str]:
    """Letters and digits, images and links of `rendered`; with `keyed`, each image under
    ``<img>\x00`` + its source and each link under ``<a>\x00`` + its target + its letters
    (`_media_counted` counts them)."""
    if not rendered.strip():
        return Counter()
    try:
        shown = _without_unclosed_comment(_without_templates(rendered))
        root = _fragment(_links_end_at_their_end_tag(_without_ignored_item_ends(shown)))
    except (etree.ParserError, ValueError):
        return Counter()
    texts: list[str] = []
    _collect_text(root, texts)
    if sourceless_alts:  # (the input's are not counted: an image without a source is junk)
        texts += (i.get("alt") or "" for i in root.iter("img") if not (i.get("src") or "").strip())
    text = unicodedata.normalize("NFKC", "".join(texts))
    found = Counter(c for c in text if unicodedata.category(c)[0] in "LN")
    images = [image for image in root.iter("img") if _is_image(image)]
    links = [link for link in root.iter("a") if _is_link(link)]
    if not keyed:
        found["<img>"] = len(images)
        found["<a>"] = len(links)
        return +found
    for image in images:
        found["<img>\x00" + _IGNORED_IN_URL.sub("", image.get("src") or "")] += 1
    for link in links:
        href = _IGNORED_IN_URL.sub("", link.get("href") or "")
        letters = unicodedata.normalize("NFKC", _text_before_nested_link(link))
        found["<a>\x00" + href + "\x00" + "".join(c for c in letters if c.isalnum())] += 1
    return +found


# Not images by definition (docs/guarantees.md#nothing-lost): placeholders, tracking pixels,
# data URIs.
_NOT_IMAGE_SOURCE = re.compile(
    r"^\s*(?:data:|javascript:|vbscript:|about:|blob:|file:)|/(?:loading|blank|spacer|placeholder"
    r"|lazy|transparent|pixel|grey|gray)[\w-]*\.(?:gif|png|svg)(?:[?#]|$)",
    re.IGNORECASE,
)


# A source with a scheme other than http(s) (`s:`, `h:x`, `C:/x.png`): browsers load no image
# from it (they fetch http(s) and data: only, and data: is not an image by definition above),
# and the library never chooses one (`urls.lazy.is_placeholder`). Counting it made every
# `<img src="s:">` a false "lost image".
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*+):")


def _is_image(image: etree._Element) -> bool:
    source = _IGNORED_IN_URL.sub("", image.get("src") or "")
    if not source or _NOT_IMAGE_SOURCE.search(source):
        return False
    scheme = _SCHEME.match(source)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return False
    if any(parent.tag in _INVISIBLE or parent.tag == "pre" for parent in image.iterancestors()):
        return False
    return not any((image.get(side) or "").strip() in ("0", "1") for side in ("width", "height"))


# No `data:` link survives (docs/guarantees.md#safe): the library drops every one, keeping its
# text; a `data:` link of the input is no link the output owes.
_DATA_URL = re.compile(r"^data:", re.IGNORECASE)


def _is_link(link: lxml_html.HtmlElement) -> bool:
    """A link with a real target and text (a link around an image alone may become the image;
    a link in a code block cannot stay one)."""
    href = _IGNORED_IN_URL.sub("", link.get("href") or "")
    if not href or href.startswith("#") or _UNSAFE_URL.match(href) or _DATA_URL.match(href):
        return False
    if not any(c.isalnum() for c in _text_before_nested_link(link)):
        return False
    return not any(p.tag in _INVISIBLE or p.tag in ("pre", "code") for p in link.iterancestors())


def _text_before_nested_link(link: etree._Element) -> str:
    """The visible text of `link` up to the first link nested in it. A browser's parser
    closes an open link where another `<a>` starts (lxml keeps them nested): only that text
    is the outer link's (`<a href=g><e><a href=p>s` is one link, to p, in a browser)."""
    texts: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(link, False)]
    while stack:
        node, content_done = stack.pop()
        if content_done:  # after its content: its tail
            texts.append(node.tail or "")
            continue
        if node is not link:
            stack.append((node, True))
        if not isinstance(node.tag, str):  # a comment: only its tail shows
            continue
        tag = node.tag.lower()
        if tag == "a" and node is not link:
            break
        if tag not in _INVISIBLE:
            texts.append(node.text or "")
            stack.extend((child, False) for child in reversed(node))
    return "".join(texts)


def _collect_text(element: etree._Element, texts: list[str]) -> None:
    stack = [element]
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str):  # comments, processing instructions
            if node.tail:
                texts.append(node.tail)
            continue
        if node.tag.lower() not in _INVISIBLE:
            if node.text:
                texts.append(node.text)
            stack.extend(reversed(list(node)))
        if node is not element and node.tail:
            texts.append(node.tail)


def _lost(text: str, out: str) -> list[Failure]:
    try:
        body = split_post(text.lstrip("\ufeff\n"))[1]
    except ScrapedownError:
        body = text
    try:  # the output's body too: front matter read as Markdown joins what follows it
        out_body = split_post(out)[1]
    except ScrapedownError:
        out_body = out
    missing = input_visible(body) - visible(out_body)
    if not missing:
        return []
    sample = "".join(sorted(k for k in missing if len(k) == 1))[:20]
    media = {k: v for k, v in missing.items() if len(k) > 1}
    return [("lost", f"{sum(missing.values())} {sample!r} {media}: {out[:2000]!r}")]


# --- nothing injected ----------------------------------------------------------------------------


def injected(markdown: str) -> list[str]:
    """What is active in `markdown` once rendered: elements, handlers, unsafe URLs."""
    rendered = _markdown_it().render(markdown)
    if "<" not in rendered:
        return []
    try:
        root = _fragment(rendered)
    except (etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in _ACTIVE:
            found.append(f"<{tag}>")
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                found.append(f"<{tag} {name}=>")
            elif name in _URL_ATTRIBUTES and _is_unsafe_url(value):
                found.append(f"<{tag} {name}={value[:40]!r}>")
    return found


def _is_unsafe_url(value: str) -> bool:
    """Unsafe as written, or once a renderer that decodes entities late has decoded it."""
    for candidate in (value, html.unescape(value), html.unescape(html.unescape(value))):
        if _UNSAFE_URL.match(_IGNORED_IN_URL.sub("", candidate)):
            return True
    return False


def _injected(out: str) -> list[Failure]:
    found = injected(out)
    return [("injected", f"{', '.join(found)}: {out[:2000]!r}")] if found else []
