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
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from scrapedown.errors import ScrapedownError
from scrapedown.page.options import PageOptions

if TYPE_CHECKING:
    from scrapedown.options import Options
    from scrapedown.page.metadata import PageMeta

__all__ = ["PageOptions", "clean_page", "is_whole_page", "page_to_post"]

# What may precede the page's first tag: a BOM, blank space, comments, an XML declaration.
_PROLOGUE = r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
_PAGE_START = re.compile(_PROLOGUE + r"<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def is_whole_page(html: str) -> bool:
    """Whether `html` (a post body or a file's text) is a whole page rather than a fragment:
    it starts with a doctype, `<html>`, `<head>` or `<body>` (after blank space, comments or an
    XML declaration). A post's front matter is looked past."""
    if _PAGE_START.match(html):
        return True
    from scrapedown.frontmatter import split_post

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
    from scrapedown.frontmatter import split_post
    from scrapedown.page.frontmatter_out import front_matter_data, render_front_matter

    options = _options(options)
    page = _page_options(options, page)
    front, body = split_post(html.replace("\r\n", "\n"))
    if not _PAGE_START.match(body):
        return html
    meta, article = _convert(body, options, page, front.data if front is not None else None)
    if front is not None:
        return front.raw + "\n" + article
    return render_front_matter(front_matter_data(meta, page)) + "\n" + article


def clean_page(html: str, options: Options | None = None, page: PageOptions | None = None) -> str:
    """`clean(page_to_post(html))`: a whole page (or a post, or a fragment) as a clean post."""
    from scrapedown.api import clean
    from scrapedown.safety.guard import public_errors

    if not isinstance(html, str):
        raise TypeError(f"expected str, got {type(html).__name__}")
    options = _options(options)
    with public_errors("clean_page"):
        return clean(page_to_post(html, options, page), options)


def _convert(
    text: str, options: Options, page: PageOptions, post_data: Mapping[str, Any] | None
) -> tuple[PageMeta, str]:
    """The metadata of a page (URLs absolute where they can be) and its article's HTML."""
    from scrapedown.page import extract, links
    from scrapedown.page.metadata import read_metadata
    from scrapedown.page.parse import body_of, parse_page, raw_body

    doc, complete = parse_page(text)
    choice = extract.choose_article(body_of(doc), page)
    meta = read_metadata(doc, choice.element)
    meta, base = _absolute_urls(meta, options, post_data)
    if not complete:  # a tree too deep for lxml: the whole body, as written
        return meta, _ending(raw_body(text))
    if page.extract:
        extract.prune_chrome(choice, page)
    if base is not None:
        links.resolve_relative_urls(choice.element, base, options.urls)
    if page.drop_title_heading and meta.title:
        extract.drop_title_heading(choice.element, meta.title)
    return meta, _ending(extract.inner_html(choice.element))


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
        return page
    configured = getattr(options, "page", None)
    return configured if isinstance(configured, PageOptions) else PageOptions()
