"""The safety net: did a conversion keep every letter, digit, image and link of the article?

Both sides are measured the same way: the body is split as the pipeline splits it (HTML regions
as they are, Markdown rendered to HTML by markdown-it-py), parsed by lxml, and what a reader sees
is counted:

- letters and digits (Unicode L*/N*, after NFKC so that full-width `４` and `4` are the same),
  outside what the cleaner removes by definition — the `drop_tags` of the very `Options` it ran
  with (scripts, styles, forms…, and whatever a user added, such as `aside`), comments — and the
  fallback content of `<video>` and `<audio>`, which a browser that plays them does not show;
- blocks: the runs of text (holding a letter or digit) between two block boundaries (the start
  or end of a paragraph, list item, cell, heading… and, in the output only, a line break, which
  is how a pipe-table cell or a flattened block keeps its lines apart). Paragraphs that run
  together (`P1.P2.P3.`) keep every letter but lose their blocks;
- images with a real source, as the URL stage of those options reads it (lazy attributes,
  `srcset`, a `<picture>`'s sources, `<amp-img>`; 1×1 pixels and placeholders such as
  `loading.gif` and data URIs are not images);
- links with a real target and visible text (`#`, `javascript:` and empty links are not; nor
  are links inside code blocks — `<pre>`, or a `<code>` broken into lines — which Markdown code
  blocks cannot hold: their text stays).

A conversion loses content when a letter or digit of the input is missing from the output, or
the output has fewer blocks, images or links. Everything is counted in one parse and a few
C-level passes over each side: the net runs on every conversion the CLI writes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from scrapedown import commonmark
from scrapedown.frontmatter.block import split_post
from scrapedown.options import DEFAULT_OPTIONS, Options
from scrapedown.parse.detect import split_segments
from scrapedown.parse.markup import keep_paragraphs_in_headings, sanitize
from scrapedown.parse.tree import Element, remove, unwrap
from scrapedown.tags import BLOCK_TAGS
from scrapedown.urls.lazy import choose_picture_source, choose_source, kept_data_uri

# Not shown by a browser that plays the media: the fallback content of <video>/<audio> (the
# media rule may turn it into a link label or an alt text). What else is not article text is
# `Options.drop_tags`, read from the options the cleaner ran with (one source of policy).
_MEDIA_FALLBACK = frozenset({"video", "audio"})
# Where a block starts or ends.
_BOUNDARIES = tuple(BLOCK_TAGS - {"html", "body"})
# Elements that are one block whatever they hold: inline code, and headings and terms, which
# Markdown writes on one line (`<dt><p>te</p><p>rm</p></dt>` is `**te rm**`). In a `<pre>`,
# each line is a block: a code block written one `<div>` per line keeps its lines.
# Table parts are blocks in a table only: a browser ignores a stray `<td>` tag (its text reads
# inline), where libxml2 makes it an element.
_TABLE_PARTS = frozenset({"caption", "thead", "tbody", "tfoot", "tr", "td", "th"})
_ONE_BLOCK = ("code", "dt", "h1", "h2", "h3", "h4", "h5", "h6")
_BOUNDARY = "\ue000"  # a private-use character (removed from the body before it is measured)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_UNSAFE_HREF = re.compile(
    r"\A\s*+(?:javascript|vbscript|data|file):|\A\s*+#?+\s*+\Z", re.IGNORECASE
)


@dataclass(frozen=True)
class Visible:
    """What a reader sees of a body."""

    chars: Counter[str]
    images: int
    links: int
    blocks: int = 0


@dataclass(frozen=True)
class Loss:
    """What the output lacks compared with the input (empty when nothing was lost)."""

    missing_chars: Counter[str]
    missing_images: int
    missing_links: int
    missing_blocks: int = 0

    def __bool__(self) -> bool:
        missing = (self.missing_images, self.missing_links, self.missing_blocks)
        return bool(self.missing_chars) or any(n > 0 for n in missing)

    def describe(self) -> str:
        """One line for a report: `lost 3 letters/digits ("a", "b"…), 1 image`."""
        parts: list[str] = []
        if self.missing_chars:
            total = sum(self.missing_chars.values())
            sample = "".join(sorted(self.missing_chars))[:20]
            parts.append(f"{total} letters/digits ({sample!r})")
        if self.missing_blocks:
            parts.append(f"{self.missing_blocks} paragraph break(s) (blocks run together)")
        if self.missing_images:
            parts.append(f"{self.missing_images} image(s)")
        if self.missing_links:
            parts.append(f"{self.missing_links} link(s)")
        return "lost " + ", ".join(parts) if parts else "nothing lost"


_renderer = commonmark.html_renderer


def visible(body: str, options: Options | None = None, *, line_breaks: bool = False) -> Visible:
    """Letters, digits, blocks, images and links a reader sees in a Markdown/HTML body, under
    the policy of `options` (the defaults when None); with `line_breaks`, a `<br>` separates
    blocks too."""
    options = options or DEFAULT_OPTIONS
    root = _rendered_tree(body.replace("\x00", "").replace(_BOUNDARY, ""))
    if root is None:  # nothing but comments, a doctype…
        return Visible(Counter(), 0, 0)
    for element in list(root.iter(*(options.drop_tags | _MEDIA_FALLBACK))):
        remove(element)
    images = _count_images(root, options)
    for block in root.iter("pre", "code"):
        if block.tag == "pre" or next(block.iter("br"), None) is not None:
            for link in list(block.iter("a")):
                unwrap(link)
    links = sum(1 for a in root.iter("a") if _is_real_link(a))
    _mark_boundaries(root, line_breaks)
    text = unicodedata.normalize("NFKC", _text_of(root))
    blocks = sum(1 for run in text.split(_BOUNDARY) if _LETTER_OR_DIGIT.search(run))
    # Counting every character is done in C; only the distinct ones are then tested.
    chars = Counter({c: n for c, n in Counter(text).items() if c.isalnum()})
    return Visible(chars, images, links, blocks)


def _mark_boundaries(root: Element, line_breaks: bool) -> None:
    """A boundary character at the start and the end of every block (not inside `_ONE_BLOCK`),
    and at every line end inside a `<pre>`."""
    verbatim = {node for whole in root.iter(*_ONE_BLOCK) for node in whole.iterdescendants()}
    in_tables = {node for table in root.iter("table") for node in table.iter(*_TABLE_PARTS)}
    tags = (*_BOUNDARIES, "br") if line_breaks else _BOUNDARIES
    for element in root.iter(*tags):
        stray = element.tag in _TABLE_PARTS and element not in in_tables
        if element not in verbatim and not stray:
            element.text = _BOUNDARY + (element.text or "")
            element.tail = _BOUNDARY + (element.tail or "")
    for pre in root.iter("pre"):
        for node in pre.iter():
            if node.text:
                node.text = node.text.replace("\n", _BOUNDARY)
            if node.tail and node is not pre:
                node.tail = node.tail.replace("\n", _BOUNDARY)


def _count_images(root: Element, options: Options) -> int:
    """Images the URL stage of `options` gives a source: their own (lazy) attributes, or the
    sources of the `<picture>` around them."""
    pictured = {
        img
        for picture in root.iter("picture")
        if choose_picture_source([_attrs(s) for s in picture.iter("source")], options.urls)
        for img in picture.iter("img")
    }
    return sum(
        1 for img in root.iter("img", "amp-img") if img in pictured or _has_source(img, options)
    )


def _has_source(img: Element, options: Options) -> bool:
    attrs = _attrs(img)
    if not options.urls.enabled:  # no lazy attributes read: only `src` is a source
        attrs = {"src": attrs["src"]} if "src" in attrs else {}
        attrs.update((k, v) for k, v in _attrs(img).items() if k in ("width", "height"))
    return choose_source(attrs, options.urls) is not None or bool(
        kept_data_uri(attrs, options.urls)
    )


def _attrs(element: Element) -> dict[str, str]:
    return {str(k).lower(): str(v).strip() for k, v in element.attrib.items()}


def _rendered_tree(body: str) -> Element | None:
    """The body as one lxml tree: HTML regions as they are, Markdown rendered (a body without
    any `<` is Markdown through and through: rendered whole, without splitting)."""
    if "<" not in body:
        rendered = _renderer().render(body)
    else:
        rendered = "\n".join(
            segment.text if segment.is_html else _renderer().render(segment.text)
            for segment in split_segments(body)
        )
    try:
        # (parsed as the pipeline parses: a heading keeps the paragraphs written inside it)
        return etree.fromstring(keep_paragraphs_in_headings(sanitize(rendered)), _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


@lru_cache(maxsize=1)
def _parser() -> etree.HTMLParser[Element]:
    return etree.HTMLParser(huge_tree=True, remove_comments=True)


_text_of = etree.XPath("string()")


def _is_real_link(link: Element) -> bool:
    """A link a reader can follow: a target, visible text, and no link inside it (nested
    links are invalid HTML; the inner one is the one that works)."""
    href = str(link.get("href") or "")
    nested = next(link.iterdescendants("a"), None) is not None
    return bool(str(_text_of(link)).strip()) and not nested and not _UNSAFE_HREF.match(href)


def compare(before: str, after: str, options: Options | None = None) -> Loss:
    """What `after` lost of `before` (whole posts: front matter is left out), measured under
    the `options` the cleaner ran with (the defaults when None)."""
    source = visible(_body(before), options)
    result = visible(_body(after), options, line_breaks=True)
    return Loss(
        missing_chars=source.chars - result.chars,
        missing_images=max(0, source.images - result.images),
        missing_links=max(0, source.links - result.links),
        missing_blocks=max(0, source.blocks - result.blocks),
    )


def _body(text: str) -> str:
    try:
        return split_post(text)[1]
    except ValueError:
        return text
