"""URL stage: proxy and redirect unwrapping, lazy images, safe links.

This module is imported while `scrapedown.options` is still loading (it needs `UrlOptions`), so
it imports neither `scrapedown.options` nor anything heavy at module level: each function loads
its implementation on first use (lazy entry points, see docs/architecture.md, "Imports").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from scrapedown.urls.options import UrlOptions

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

    from scrapedown.options import Options

__all__ = [
    "base_url_from_metadata",
    "markdown_destination",
    "rewrite_markdown_urls",
    "rewrite_urls",
    "rule_errors",
    "unwrap_url",
]

_KINDS = ("img", "link")


_DEFAULTS = UrlOptions()  # `Options().urls`, without importing `scrapedown.options`


def unwrap_url(
    url: str, *, kind: str = "img", base_url: str | None = None, options: Options | None = None
) -> str:
    """The real target of a proxy- or redirect-wrapped URL (`kind` is ``img`` or ``link``).

    Nested wrappers are peeled off (up to ``options.urls.max_depth``); the result is a
    re-quoted http(s) URL. A URL that no rule unwraps comes back unchanged, byte for byte —
    including relative URLs: `base_url` only serves to recognise relative and
    protocol-relative wrappers. Never raises on any string.

    >>> unwrap_url("https://wsrv.nl/?url=example.com/a.jpg&w=300")
    'http://example.com/a.jpg'
    """
    if not isinstance(url, str):  # the message clean() gives
        raise TypeError(f"expected str, got {type(url).__name__}")
    if kind not in _KINDS:
        raise ValueError(f"kind must be 'img' or 'link', not {kind!r}")
    if not isinstance(url, str):
        raise TypeError(f"expected str, got {type(url).__name__}")
    from scrapedown.safety.guard import public_errors
    from scrapedown.urls.unwrap import unwrap

    with public_errors("unwrap_url"):
        return unwrap(url, kind, base_url, _DEFAULTS if options is None else options.urls)


def rewrite_urls(soup: BeautifulSoup, options: Options, base_url: str | None = None) -> None:
    """Resolve lazy images and unwrap every img/a URL in the tree, dropping unsafe links.

    Every ``<img>`` (and ``<amp-img>``) gets its real source in ``src`` or is removed when it
    has none; ``<noscript>`` copies are merged; links to ``javascript:``, ``vbscript:``,
    ``data:`` and ``file:`` lose the link and keep their text.
    """
    from scrapedown.urls.dom import rewrite_tree

    rewrite_tree(soup, options.urls, base_url, options.max_depth)


def rewrite_markdown_urls(markdown: str, options: Options, base_url: str | None = None) -> str:
    """Unwrap the image and link destinations of a Markdown body (never inside code).

    Returns `markdown` itself when nothing changes.
    """
    from scrapedown.urls.markdown import rewrite_markdown

    return rewrite_markdown(markdown, options.urls, base_url)


def markdown_destination(url: str) -> str:
    """`url` written as one CommonMark link destination that renders back to it: no space,
    ``<``, ``>`` or newline can end it early, unbalanced parentheses get the ``<…>`` form.

    >>> markdown_destination("https://example.com/a b_(c")
    '<https://example.com/a%20b_(c>'
    """
    from scrapedown.urls.destination import markdown_destination as destination

    return destination(url)


def base_url_from_metadata(data: Mapping[str, object], options: Options) -> str | None:
    """The page URL of a post: ``options.urls.base_url``, else the first front-matter key of
    ``options.urls.base_url_keys`` holding an absolute http(s) URL."""
    from scrapedown.urls.target import scheme_of

    if options.urls.base_url:
        return options.urls.base_url
    for key in options.urls.base_url_keys:
        value = data.get(key)
        if isinstance(value, str) and scheme_of(value) in ("http", "https"):
            stripped = value.strip()
            if "://" in stripped and " " not in stripped:
                return stripped
    return None


def rule_errors(options: Options) -> tuple[str, ...]:
    """Problems in the URL options worth reporting: malformed user rules, unknown rule names."""
    from scrapedown.urls.userrules import rule_errors as url_rule_errors

    return url_rule_errors(options.urls)
