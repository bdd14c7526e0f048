"""Relative URLs of the extracted article made absolute.

The article leaves its page behind, and with it the page's `<base href>`: its relative links and
image sources are resolved here, against the base of the page (`<base href>` resolved against
the page URL, else the page URL), so that the post means the same wherever it is cleaned.
"""

from __future__ import annotations

from lxml import etree

from scrapedown.page.chrome import Element
from scrapedown.urls.lazy import parse_srcset
from scrapedown.urls.options import UrlOptions
from scrapedown.urls.target import resolve, scheme_of

#: Attributes holding one URL, on any element.
URL_ATTRS: tuple[str, ...] = ("href", "src", "poster", "cite")
#: Elements whose lazy-loading attributes (`UrlOptions.lazy_src_attrs`) hold image URLs.
IMAGE_TAGS = frozenset({"img", "source", "amp-img", "image"})


def page_base(base_href: str, page_url: str) -> str | None:
    """`base_href` resolved against `page_url` (`page_url` itself when `base_href` is empty),
    when that gives an http(s) URL: the URL the page's relative references resolve against."""
    base = resolve(base_href, page_url or None) if base_href else page_url
    return base if base and scheme_of(base) in ("http", "https") else None


def resolve_relative_urls(article: Element, base: str, options: UrlOptions) -> None:
    """Rewrite every relative URL under `article` against `base`."""
    lazy = tuple(name for name in options.lazy_src_attrs if name not in URL_ATTRS)
    for element in article.iter(etree.Element):
        names = URL_ATTRS + lazy if element.tag in IMAGE_TAGS else URL_ATTRS
        for name in names:
            _resolve_attr(element, name, base)
        if element.tag in IMAGE_TAGS:
            for name in options.lazy_srcset_attrs:
                value = element.get(name)
                if value:
                    element.set(name, _resolve_srcset(value, base))


def _resolve_attr(element: Element, name: str, base: str) -> None:
    value = element.get(name)
    if value:
        resolved = resolve(value, base)
        if resolved != value:
            element.set(name, resolved)


def _resolve_srcset(value: str, base: str) -> str:
    candidates = []
    changed = False
    for candidate in parse_srcset(value):
        descriptor = ""
        if candidate.width is not None:
            descriptor = f" {candidate.width}w"
        elif candidate.density != 1.0:
            descriptor = f" {candidate.density:g}x"
        resolved = resolve(candidate.url, base)
        changed = changed or resolved != candidate.url
        candidates.append(resolved + descriptor)
    return ", ".join(candidates) if changed else value
