"""The safety net: did a conversion keep every letter, digit, image and link of the article?

Both sides are measured the same way: the body is split as the pipeline splits it (HTML regions
as they are, Markdown rendered to HTML by markdown-it-py), parsed by lxml, and what a reader sees
is counted:

- letters and digits (Unicode L*/N*, after NFKC so that full-width `４` and `4` are the same),
  outside what the rules remove by definition (scripts, styles, templates, form controls, the
  document head, comments, `<noscript>` fallbacks) and the fallback content of `<video>` and
  `<audio>`, which a browser that plays them does not show;
- images with a real source (1×1 pixels and data-URI placeholders are not images);
- links with a real target and visible text (`#`, `javascript:` and empty links are not; nor
  are links inside code blocks — `<pre>`, or a `<code>` broken into lines — which Markdown code
  blocks cannot hold: their text stays).

A conversion loses content when a letter or digit of the input is missing from the output, or
the output has fewer images or links.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree

from scrapedown import commonmark
from scrapedown.detect import split_segments
from scrapedown.frontmatter import split_post
from scrapedown.tree import remove, sanitize, unwrap

# Removed with their content by definition (see Options.drop_tags); not article text. The
# fallback content of <video>/<audio> is not shown by a browser that plays them (the media rule
# may turn it into an alt text).
_INVISIBLE = (
    "script", "style", "noscript", "template", "head", "title", "button", "select",
    "textarea", "svg", "iframe", "object", "embed", "canvas", "dialog", "form", "video",
    "audio",
)  # fmt: skip
_NOT_IMAGE = re.compile(r"^\s*(?:javascript|vbscript|data|file|about|blob):", re.IGNORECASE)
# Lazy-loading placeholders the URL stage never keeps (see UrlOptions.placeholder_names).
_PLACEHOLDER = re.compile(
    r"/(?:loading|blank|spacer|placeholder|lazy|transparent|pixel|grey|gray)[\w-]*\.(?:gif|png|svg)"
    r"(?:[?#]|$)",
    re.IGNORECASE,
)
_UNSAFE_HREF = re.compile(r"^\s*(?:javascript|vbscript|data|file):|^\s*#?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Visible:
    """What a reader sees of a body."""

    chars: Counter[str]
    images: int
    links: int


@dataclass(frozen=True)
class Loss:
    """What the output lacks compared with the input (empty when nothing was lost)."""

    missing_chars: Counter[str]
    missing_images: int
    missing_links: int

    def __bool__(self) -> bool:
        return bool(self.missing_chars) or self.missing_images > 0 or self.missing_links > 0

    def describe(self) -> str:
        """One line for a report: `lost 3 letters/digits ("a", "b"…), 1 image`."""
        parts: list[str] = []
        if self.missing_chars:
            total = sum(self.missing_chars.values())
            sample = "".join(sorted(self.missing_chars))[:20]
            parts.append(f"{total} letters/digits ({sample!r})")
        if self.missing_images:
            parts.append(f"{self.missing_images} image(s)")
        if self.missing_links:
            parts.append(f"{self.missing_links} link(s)")
        return "lost " + ", ".join(parts) if parts else "nothing lost"


_renderer = commonmark.html_renderer


def visible(body: str) -> Visible:
    """Letters, digits, images and links a reader sees in a Markdown/HTML body."""
    root = _rendered_tree(body.replace("\x00", ""))
    if root is None:  # nothing but comments, a doctype…
        return Visible(Counter(), 0, 0)
    for element in list(root.iter(*_INVISIBLE)):
        remove(element)
    images = sum(1 for img in root.iter("img") if _is_real_image(img))
    for block in root.iter("pre", "code"):
        if block.tag == "pre" or next(block.iter("br"), None) is not None:
            for link in list(block.iter("a")):
                unwrap(link)
    links = sum(1 for a in root.iter("a") if _is_real_link(a))
    text = unicodedata.normalize("NFKC", _text_of(root))
    # Counting every character is done in C; only the distinct ones are then tested.
    return Visible(Counter({c: n for c, n in Counter(text).items() if c.isalnum()}), images, links)


def _rendered_tree(body: str) -> Any:
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
        return etree.fromstring(sanitize(rendered), _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


@lru_cache(maxsize=1)
def _parser() -> Any:
    return etree.HTMLParser(huge_tree=True, remove_comments=True)


_text_of = etree.XPath("string()")


def _is_real_image(img: object) -> bool:
    get = getattr(img, "get")  # noqa: B009 - lxml elements are untyped
    src = str(get("src") or get("data-src") or get("data-original") or "").strip()
    if not src or _NOT_IMAGE.match(src) or _PLACEHOLDER.search(src):
        return False
    return not (str(get("width") or "") in ("0", "1") and str(get("height") or "") in ("0", "1"))


def _is_real_link(link: Any) -> bool:
    """A link a reader can follow: a target, visible text, and no link inside it (nested
    links are invalid HTML; the inner one is the one that works)."""
    href = str(link.get("href") or "")
    nested = next(link.iterdescendants("a"), None) is not None
    return bool(str(_text_of(link)).strip()) and not nested and not _UNSAFE_HREF.match(href)


def compare(before: str, after: str) -> Loss:
    """What `after` lost of `before` (whole posts: front matter is left out)."""
    source, result = visible(_body(before)), visible(_body(after))
    return Loss(
        missing_chars=source.chars - result.chars,
        missing_images=max(0, source.images - result.images),
        missing_links=max(0, source.links - result.links),
    )


def _body(text: str) -> str:
    try:
        return split_post(text)[1]
    except ValueError:
        return text
