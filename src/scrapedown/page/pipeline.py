"""The whole-page pipeline behind `page_to_post` and `clean_page`: parse the page, read its
metadata, choose and prune the article, make its URLs absolute, write the front matter.

`scrapedown.page` imports this module on the first page it converts (it loads lxml), so that
`import scrapedown` stays light.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from scrapedown.api import clean_taken
from scrapedown.frontmatter.block import split_post
from scrapedown.memory import collector_paused
from scrapedown.options import DEFAULT_OPTIONS, Options
from scrapedown.page import (
    PAGE_START,
    PageResult,
    codeblocks,
    confidence,
    extract,
    links,
    without_server_notices,
)
from scrapedown.page.frontmatter_out import front_matter_data, render_front_matter
from scrapedown.page.links import page_base
from scrapedown.page.metadata import PageMeta, read_metadata
from scrapedown.page.options import PageOptions
from scrapedown.page.parse import body_of, parse_page, raw_body
from scrapedown.safety.guard import public_errors
from scrapedown.urls import base_url_from_metadata, unwrap_url


def clean_page_result(html: str, options: Options | None, page: PageOptions | None) -> PageResult:
    """`scrapedown.page.clean_page_result`: the page as a clean post, with its confidence."""
    if not isinstance(html, str):
        raise TypeError(f"expected str, got {type(html).__name__}")
    options = _options(options)
    with public_errors("clean_page"), collector_paused():  # (see `memory`)
        post, sure = post_and_confidence(html, options, page)
        holder = [post]  # given up to `clean_taken`: not kept while its body is converted
        del post
        with public_errors("clean"):  # (what `clean(post)` raises)
            return PageResult(clean_taken(holder, options), sure)


def post_and_confidence(
    html: str, options: Options | None, page: PageOptions | None
) -> tuple[str, float]:
    """`scrapedown.page.page_to_post` and the extraction's confidence."""
    if not isinstance(html, str):  # the message clean() gives (not an AttributeError later)
        raise TypeError(f"expected str, got {type(html).__name__}")
    options = _options(options)
    page = _page_options(options, page)
    front, body = split_post(html.replace("\r\n", "\n"))
    if not PAGE_START.match(body):
        return html, 1.0
    meta, article, sure = _convert(body, options, page, front.data if front is not None else None)
    if front is not None:
        return front.raw + "\n" + article, sure
    return render_front_matter(front_matter_data(meta, page)) + "\n" + article, sure


def _convert(
    text: str, options: Options, page: PageOptions, post_data: Mapping[str, Any] | None
) -> tuple[PageMeta, str, float]:
    """The metadata of a page (URLs absolute where they can be), its article's HTML and the
    extraction's confidence."""
    doc, complete = parse_page(without_server_notices(text))
    choice = extract.choose_article(body_of(doc), page)
    meta = read_metadata(doc, choice.element)
    meta, base = _absolute_urls(meta, options, post_data)
    if not complete:  # a tree too deep for lxml: the whole body, as written
        return meta, _ending(raw_body(text)), confidence.UNPARSED
    article, unpruned = choice.element, choice.element
    if page.extract:
        article, unpruned = extract.prune_chrome(choice, page)
    article, sure = confidence.guard(choice, (article, unpruned), page)
    codeblocks.tidy_code_and_headings(article)
    # The page's scores (dicts keyed by every element) and the copy of the article from
    # before pruning: several times a big page's size, freed before the article is written.
    del choice, unpruned
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
    if html:
        html += "\n"  # (in place: nothing else holds the stripped copy)
    return html


def _options(options: Options | None) -> Options:
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
