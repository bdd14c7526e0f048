"""Whole HTML pages in: a post whose front matter comes from the page, whose body is the article.

    >>> post = page_to_post(html)          # front matter + the article's HTML
    >>> markdown = clean_page(html)        # the same, cleaned: clean(page_to_post(html))

A page is recognised by `is_whole_page` (`<!DOCTYPE html>`, `<html>`, `<head>` or `<body>` at
the start); anything else (a fragment, a Markdown post) passes through unchanged.

If the input is already a post (front matter whose body is a whole page), its front matter is
kept byte for byte and nothing is added to it: the post's own values always win over what the
page says, and a kept block stays a minimal diff. Only the body is replaced by the article.

Relative URLs of the article are made absolute against the page's base (`<base href>`, resolved
against the page URL: `options.urls.base_url`, the post's own URL key, or the page's canonical
URL); the canonical URL is also recorded in the new front matter (`link` in the hexo preset).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from scrapedown.errors import ScrapedownError
from scrapedown.page.options import PageOptions

if TYPE_CHECKING:
    from scrapedown.options import Options
    from scrapedown.page.metadata import PageMeta

__all__ = [
    "LOW_CONFIDENCE",
    "PageOptions",
    "PageResult",
    "clean_page",
    "clean_page_result",
    "is_whole_page",
    "page_to_post",
]

LOW_CONFIDENCE = 0.5
"""Below this, a page's extraction is reported as doubtful (`PageResult.low_confidence`)."""

# What may precede the page's first tag: a BOM, blank space, comments, an XML declaration.
_PROLOGUE = r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
_PAGE_START = re.compile(_PROLOGUE + r"<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


@dataclass(frozen=True)
class PageResult:
    """A cleaned page and how sure the extraction is that its body is the article."""

    text: str
    """The post: front matter and the article as Markdown (what `clean_page` returns)."""
    confidence: float
    """From 0 (no article found in a page with text) to 1 (a marked article, or input that
    is not a whole page); below `LOW_CONFIDENCE` the body may hold chrome or miss text
    (`scrapedown.page.confidence`)."""

    @property
    def low_confidence(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


def is_whole_page(html: str) -> bool:
    """Whether `html` (a post body or a file's text) is a whole page rather than a fragment:
    it starts with a doctype, `<html>`, `<head>` or `<body>` (after blank space, comments or an
    XML declaration). A post's front matter is looked past."""
    if _PAGE_START.match(html):
        return True
    from scrapedown.frontmatter.block import split_post

    try:
        front, body = split_post(html)
    except ScrapedownError:
        return False
    return front is not None and bool(_PAGE_START.match(body))


def page_to_post(html: str, options: Options | None = None, page: PageOptions | None = None) -> str:
    """A whole page as a post: new front matter from the page's metadata (per the preset) and
    the article element's HTML as the body. Input that is not a whole page is returned as is.

    `page` defaults to ``options.page`` (once `Options` has that field), else `PageOptions()`.
    The post has `\n` line ends whatever the page had.
    Raises `ScrapedownError` for broken front matter, an unknown preset or page field, or a
    page lxml cannot parse.
    """
    return _post_and_confidence(html, options, page)[0]


def _post_and_confidence(
    html: str, options: Options | None, page: PageOptions | None
) -> tuple[str, float]:
    from scrapedown.frontmatter.block import split_post
    from scrapedown.page.frontmatter_out import front_matter_data, render_front_matter

    if not isinstance(html, str):  # the message clean() gives (not an AttributeError later)
        raise TypeError(f"expected str, got {type(html).__name__}")
    options = _options(options)
    page = _page_options(options, page)
    front, body = split_post(html.replace("\r\n", "\n"))
    if not _PAGE_START.match(body):
        return html, 1.0
    meta, article, confidence = _convert(
        body, options, page, front.data if front is not None else None
    )
    if front is not None:
        return front.raw + "\n" + article, confidence
    return render_front_matter(front_matter_data(meta, page)) + "\n" + article, confidence


def clean_page(html: str, options: Options | None = None, page: PageOptions | None = None) -> str:
    """`clean(page_to_post(html))`: a whole page (or a post, or a fragment) as a clean post."""
    return clean_page_result(html, options, page).text


def clean_page_result(
    html: str, options: Options | None = None, page: PageOptions | None = None
) -> PageResult:
    """`clean_page` with the extraction's confidence (for `-v` and the CLI's summary)."""
    from scrapedown.api import clean
    from scrapedown.safety.guard import public_errors

    if not isinstance(html, str):
        raise TypeError(f"expected str, got {type(html).__name__}")
    options = _options(options)
    with public_errors("clean_page"):
        post, confidence = _post_and_confidence(html, options, page)
        return PageResult(clean(post, options), confidence)


def _convert(
    text: str, options: Options, page: PageOptions, post_data: Mapping[str, Any] | None
) -> tuple[PageMeta, str, float]:
    """The metadata of a page (URLs absolute where they can be), its article's HTML and the
    extraction's confidence."""
    from scrapedown.page import confidence, extract, links
    from scrapedown.page.metadata import read_metadata
    from scrapedown.page.parse import body_of, parse_page, raw_body

    doc, complete = parse_page(text)
    choice = extract.choose_article(body_of(doc), page)
    meta = read_metadata(doc, choice.element)
    meta, base = _absolute_urls(meta, options, post_data)
    if not complete:  # a tree too deep for lxml: the whole body, as written
        return meta, _ending(raw_body(text)), confidence.UNPARSED
    article, unpruned = choice.element, choice.element
    if page.extract:
        article, unpruned = extract.prune_chrome(choice, page)
    article, sure = confidence.guard(choice, (article, unpruned), page)
    if base is not None:
        links.resolve_relative_urls(article, base, options.urls)
    if page.drop_title_heading and meta.title:
        extract.drop_title_heading(article, meta.title)
    return meta, _ending(extract.inner_html(article)), sure


def _absolute_urls(
    meta: PageMeta, options: Options, post_data: Mapping[str, Any] | None
) -> tuple[PageMeta, str | None]:
    """`meta` with its page URL and cover image absolute (and the cover unwrapped from image
    proxies), and the base URL the article's relative URLs resolve against."""
    from scrapedown.page.links import page_base
    from scrapedown.urls import base_url_from_metadata, unwrap_url

    known = options.urls.base_url or (
        base_url_from_metadata(post_data, options) if post_data is not None else None
    )
    # A relative canonical URL means something only against an absolute <base href>.
    page_url = page_base(meta.url, page_base(meta.base_href, "") or "")
    base = page_base(meta.base_href, known or page_url or "")
    cover = meta.cover and (page_base(meta.cover, base or "") or meta.cover)
    if cover:
        cover = unwrap_url(cover, kind="img", base_url=base, options=options)
    return replace(meta, url=page_url or "", cover=cover), base


def _ending(html: str) -> str:
    """`html` without blank edges, ending with one newline (empty stays empty)."""
    html = html.strip()
    return html + "\n" if html else ""


def _options(options: Options | None) -> Options:
    from scrapedown.options import DEFAULT_OPTIONS, Options

    if options is None:
        return DEFAULT_OPTIONS
    if not isinstance(options, Options):
        raise TypeError(f"options must be scrapedown.Options, got {type(options).__name__}")
    return options


def _page_options(options: Options, page: PageOptions | None) -> PageOptions:
    if page is not None:
        if not isinstance(page, PageOptions):
            raise TypeError(f"page must be scrapedown.page.PageOptions, got {type(page).__name__}")
        return page
    configured = getattr(options, "page", None)
    return configured if isinstance(configured, PageOptions) else PageOptions()
