"""The "nothing lost" property of the fuzz tests: what a reader sees of the input must be in
what a reader sees of the output, both measured here, independently of the library.

`lost(text, out)` compares the letters and digits (NFKC), images and links of an input body
(`input_visible`: what both an HTML and a Markdown reading of it show, block by block) with
those of the output (`visible`: rendered by markdown-it with ``html=True``), as parsed by
tests/fuzz_reading.py, invisible elements left out (docs/guarantees.md#nothing-lost).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from lxml import etree
from lxml import html as lxml_html
from markdown_it.token import Token

from scrapedown import ScrapedownError
from scrapedown.frontmatter.block import split_post
from tests.fuzz_reading import (
    CUT_TAG,
    IGNORED_IN_URL,
    UNSAFE_URL,
    link_closed_after,
    link_closers,
    markdown_it,
    shown_fragment,
)

# What a reader does not see ("junk by definition", docs/guarantees.md#nothing-lost).
_INVISIBLE = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "button", "select",
        "textarea", "svg", "iframe", "object", "embed", "canvas", "dialog", "form", "video",
        "audio", "math",
    }
)  # fmt: skip


def visible(markdown: str) -> Counter[str]:
    """What a reader sees of a Markdown/HTML body rendered by markdown-it: each letter and digit
    (NFKC), and the images and links (the keys ``<img>`` and ``<a>``). The alt text of an
    image without a source counts: a browser shows it in the image's place (`![r]()` shows
    "r"; read as HTML, the input showed those letters as text)."""
    return _html_visible(markdown_it().render(markdown), sourceless_alts=True)


def input_visible(body: str) -> Counter[str]:
    """What a reader surely sees of an input body: what both readings show, as Markdown
    (rendered by markdown-it) and as HTML (parsed by lxml). Where the two disagree (`<t` at the
    end of a region, `&#1` without `;`, a URL in `[x](url)`, `<a href=` never closed) the input
    is ambiguous and the output may follow either. A tag cut off at the end (`<img src=x alt`)
    is not read at all: a browser drops a tag that the end of the document interrupts."""
    body = body.rstrip()
    cut = CUT_TAG.sub("", body)  # (for the HTML reading: to Markdown, `<n` is text, and
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
    them for the whole body (a link may span blocks, `link_closers`).

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
    for token in markdown_it().parse(body):
        if token.level != 0 or token.map is None or token.nesting == -1:
            continue
        block = "\n".join(lines[token.map[0] : token.map[1]]).rstrip()
        markdown = _html_visible(markdown_it().render(block))
        html = _html_visible(_MARKDOWN_DESTINATION.sub("]", CUT_TAG.sub("", block)))
        total += markdown & html
    total["<a>"] = 1 << 30  # (not limited here: a link may span blocks)
    return total


def _markdown_visible(body: str, *, keyed: bool = False, tables: bool = True) -> Counter[str]:
    """The Markdown reading of an input: rendered by markdown-it, each HTML block confined to
    itself, as CommonMark ends it and as the library's contract reads it (detect.py: blocks
    join only when an element opened in one is closed in a later one). Rendered raw and
    parsed as one document, a block's markup leaks into the blocks after it, which a
    browser shows and no converter can keep without swallowing the rest of the post:
    - a tag that the blank line ending its block cuts off (`<p><a href=` + blank line +
      `a>用`) is no tag, like a tag the end of the text cuts off (`CUT_TAG`);
    - a link never closed anywhere after its block (`<p><a href=/>` + blank line + `z`, or
      `<a href=l><p>` in a paragraph that a `<li>` line interrupts) ends with its block, as
      every element never closed does.
    Without `tables`, as plain CommonMark: markdown-it tries a table before a list item, so
    `1.     ||` over `|-|-` is a table holding "1." to it and an item to CommonMark (and to
    GitHub, whose tables continue paragraphs only); a letter counts when both show it."""
    parser = markdown_it(tables)
    tokens = parser.parse(body)
    closed_after = link_closed_after(body)
    for token in tokens:
        if token.map is None:
            continue
        later_close = closed_after(token.map[1])
        if token.type == "html_block":
            content = CUT_TAG.sub("", token.content.rstrip())
            token.content = content + link_closers(content, later_close) + "\n"
        elif token.type == "inline" and token.children:
            raw = "".join(c.content for c in token.children if c.type == "html_inline")
            closers = link_closers(raw, later_close)
            if closers:
                token.children.append(Token("html_inline", "", 0, content=closers))
    return _html_visible(parser.renderer.render(tokens, parser.options, {}), keyed=keyed)


# `[text](url)`'s target: no text as Markdown, text as HTML (an accidental match for a letter).
# (Not over a `<`: to the HTML reading it starts markup, `](<!--)` opens a comment.)
_MARKDOWN_DESTINATION = re.compile(r"\]\([^()\s<]*+\)")


def _html_visible(
    rendered: str, *, sourceless_alts: bool = False, keyed: bool = False
) -> Counter[str]:
    """Letters and digits, images and links of `rendered`; with `keyed`, each image under
    ``<img>\x00`` + its source and each link under ``<a>\x00`` + its target + its letters
    (`_media_counted` counts them)."""
    if not rendered.strip():
        return Counter()
    try:
        root = shown_fragment(rendered)
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
        found["<img>\x00" + IGNORED_IN_URL.sub("", image.get("src") or "")] += 1
    for link in links:
        href = IGNORED_IN_URL.sub("", link.get("href") or "")
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
    source = IGNORED_IN_URL.sub("", image.get("src") or "")
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
    href = IGNORED_IN_URL.sub("", link.get("href") or "")
    if not href or href.startswith("#") or UNSAFE_URL.match(href) or _DATA_URL.match(href):
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


def lost(text: str, out: str) -> list[tuple[str, str]]:
    """A ``("lost", detail)`` failure when what a reader sees of the input body `text` is not
    all in what a reader sees of the output `out`; none otherwise."""
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
