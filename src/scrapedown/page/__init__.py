"""Whole HTML pages in: a post whose front matter comes from the page, whose body is the article.

    >>> post = page_to_post(html)          # front matter + the article's HTML
    >>> markdown = clean_page(html)        # the same, cleaned: clean(page_to_post(html))

A page is recognised by `is_whole_page` (`<!DOCTYPE html>`, `<html>`, `<head>` or `<body>` at
the start, after at most comments, head elements and PHP warnings a server printed before it);
anything else (a fragment, a Markdown post) passes through unchanged.

If the input is already a post (front matter whose body is a whole page), its front matter is
kept byte for byte and nothing is added to it: the post's own values always win over what the
page says, and a kept block stays a minimal diff. Only the body is replaced by the article.

Relative URLs of the article are made absolute against the page's base (`<base href>`, resolved
against the page URL: `options.urls.base_url`, the post's own URL key, or the page's canonical
URL); the canonical URL is also recorded in the new front matter (`link` in the hexo preset).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scrapedown.errors import ScrapedownError
from scrapedown.frontmatter.block import split_post
from scrapedown.page.options import PageOptions

if TYPE_CHECKING:
    from scrapedown.options import Options

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

# What may precede the page's first tag: a BOM, blank space, comments, an XML declaration,
# and what servers print before the document: head elements written out of place (`<meta>`,
# `<link>`, a `<script>` or `<style>`: plug-ins and ad scripts that echo early) and PHP's
# diagnostics (`<br />\n<b>Warning</b>:  … on line <b>299</b><br />`). Each alternative
# starts with its own fixed tag and ends at its own close, possessively: linear.
_EARLY = (
    r"<!--(?:[^-]++|-(?!->))*+-->",
    r"<(?:meta|link|base)\b[^>]*+>",
    r"<(script|style|title)\b[^>]*+>(?:[^<]++|<(?!/\1))*+</\1\s*>",
    r"<br\s*/?>\s*<b>[^<\n]{1,40}</b>:[^\n]*+",
)
_PROLOGUE = r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?>(?:" + "|".join(_EARLY) + r")\s*)*+"
PAGE_START = re.compile(_PROLOGUE + r"<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_SERVER_NOTICE = re.compile(_EARLY[-1])


def without_server_notices(html: str) -> str:
    """`html` without the PHP diagnostics printed before its document: the parser would put
    them at the top of the `<body>`, where they read like a line of the article. Head elements
    written before the document stay (the parser moves them into `<head>`, metadata and all)."""
    found = PAGE_START.match(html)
    if found is None or "<b>" not in html[: found.end()]:
        return html
    start = found.end() - len(found.group().rsplit("<", 1)[1]) - 1
    return _SERVER_NOTICE.sub("", html[:start]) + html[start:]


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
    if PAGE_START.match(html):
        return True
    try:
        front, body = split_post(html)
    except ScrapedownError:
        return False
    return front is not None and bool(PAGE_START.match(body))


def page_to_post(html: str, options: Options | None = None, page: PageOptions | None = None) -> str:
    """A whole page as a post: new front matter from the page's metadata (per the preset) and
    the article element's HTML as the body. Input that is not a whole page is returned as is.

    `page` defaults to ``options.page`` (once `Options` has that field), else `PageOptions()`.
    The post has `\n` line ends whatever the page had.
    Raises `ScrapedownError` for broken front matter, an unknown preset or page field, or a
    page lxml cannot parse.
    """
    from scrapedown.page.pipeline import post_and_confidence  # lxml: on the first page

    return post_and_confidence(html, options, page)[0]


def clean_page(html: str, options: Options | None = None, page: PageOptions | None = None) -> str:
    """`clean(page_to_post(html))`: a whole page (or a post, or a fragment) as a clean post."""
    return clean_page_result(html, options, page).text


def clean_page_result(
    html: str, options: Options | None = None, page: PageOptions | None = None
) -> PageResult:
    """`clean_page` with the extraction's confidence (for `-v` and the CLI's summary)."""
    from scrapedown.page.pipeline import clean_page_result as run  # lxml: on the first page

    return run(html, options, page)
