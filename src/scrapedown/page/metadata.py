"""What a page says about its article: `<meta>` tags (OpenGraph, Twitter, Dublin Core, plain
`name=`), `<link rel>`, JSON-LD, `<html lang>`, and, as a last resort, the `<h1>` and `<time>`
next to the article.

Every field lists its sources best first (data below); the first source with a usable value
wins. Values are read, whitespace-normalised and never invented.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

from scrapedown.page import jsonld
from scrapedown.page.authors import read_authors
from scrapedown.page.chrome import Element
from scrapedown.page.dates import parse_date
from scrapedown.page.nearby import nearest_time
from scrapedown.page.title import normalize_space
from scrapedown.page.title_sources import page_title
from scrapedown.safety import is_unsafe_url
from scrapedown.urls.target import is_http_or_relative

# Dublin Core first: a page that states it (a CMS, a library, a government site) names the
# work itself there, where `og:title` is often a teaser written for sharing.
TITLE_KEYS = (
    "dc.title", "dcterms.title", "og:title", "twitter:title", "citation_title", "parsely-title",
)  # fmt: skip
SITE_NAME_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title")
DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.issued", "citation_publication_date", "citation_date",
    "sailthru.date", "parsely-pub-date", "article.published",
)  # fmt: skip
UPDATED_KEYS = (
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
    "dc.date.modified", "last-modified", "article.updated",
)  # fmt: skip
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description", "dc.description")
IMAGE_KEYS = (
    "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
    "image",
)  # fmt: skip
TAG_KEYS = ("article:tag", "keywords", "news_keywords")
SECTION_KEYS = ("article:section",)
LANGUAGE_KEYS = ("content-language", "og:locale", "dc.language", "language")
URL_KEYS = ("og:url",)

_LIST_SEPARATORS = re.compile(r"(?:(?<!\s)\s++)?[,，、;；]\s*")  # once per run of spaces: linear
_DC_PREFIX = re.compile(r"\A(dc|dcterms):")


@dataclass(frozen=True)
class PageMeta:
    """The facts of a page that become front matter (empty when unknown)."""

    title: str = ""
    date: dt.date | dt.datetime | None = None
    updated: dt.date | dt.datetime | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    description: str = ""
    cover: str = ""
    lang: str = ""
    url: str = ""
    """The page's own URL (canonical, `og:url`, JSON-LD), as written: maybe relative."""
    base_href: str = ""
    """The `<base href>` of the page, as written."""


def read_metadata(doc: Element, article: Element) -> PageMeta:
    """The metadata of a parsed page whose article element is `article`."""
    meta = _meta_values(doc)
    links = _link_values(doc)
    linked = jsonld.read_linked_data(doc)
    node = linked.article
    node_url = jsonld.url(node.get("url") or node.get("mainEntityOfPage"))
    page_url = _first([*links.get("canonical", ()), *_values(meta, URL_KEYS), node_url])
    # Candidates best first; the searches of the page's elements (generators) run only
    # when no earlier candidate is a date.
    published = chain(  # structured data first: publishers maintain it for search engines
        [jsonld.text(node.get("datePublished")), *_values(meta, DATE_KEYS)],
        _time_texts(doc, article),
    )
    modified = chain(
        [
            *_values(meta, UPDATED_KEYS[:2]),
            jsonld.text(node.get("dateModified")),
            *_values(meta, UPDATED_KEYS[2:]),
        ],
        _marked_times(doc, "dateModified"),
    )
    tags = _values(meta, TAG_KEYS[:1]) or _values(meta, TAG_KEYS[1:])
    sections = _values(meta, SECTION_KEYS) or jsonld.texts(node.get("articleSection"))
    images = [
        *_values(meta, IMAGE_KEYS),
        jsonld.url(node.get("image")),
        *links.get("image_src", ()),
    ]
    authors = read_authors(doc, article, meta, node)
    return PageMeta(
        title=_title(doc, article, meta, linked, page_url, authors),
        date=_date(published),
        updated=_date(modified),
        authors=authors,
        tags=_split_list(tags or jsonld.texts(node.get("keywords"))),
        categories=_split_list(sections),
        description=_first(
            [*_values(meta, DESCRIPTION_KEYS), jsonld.text(node.get("description"))]
        ),
        cover=_first(image for image in images if is_web_url(image)),
        lang=_language(doc, meta, node),
        url=page_url,
        base_href=_first(str(base.get("href") or "") for base in doc.iter("base")),
    )


def is_web_url(url: str) -> bool:
    """Whether `url` may stand in front matter as a page or image URL: http(s), protocol-relative
    or relative, with no scheme that runs code however it is decoded (`og:image` is untrusted)."""
    return is_http_or_relative(url) and not is_unsafe_url(url)


def _meta_values(doc: Element) -> dict[str, list[str]]:
    """`<meta>` contents by lower-case `property`, `name`, `itemprop` or `http-equiv`, each
    space-separated term its own key (RDFa: `property="dc:title og:title"`), the Dublin Core
    prefixes spelt one way (`dc:creator`, `DC.creator` → `dc.creator`). For one key, values
    given as `property` (as OpenGraph and RDFa specify it) come before those given as `name`."""
    by_property: dict[str, list[str]] = {}
    by_other: dict[str, list[str]] = {}
    for element in doc.iter("meta"):
        content = element.get("content")
        if content is None or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            into = by_property if attribute == "property" else by_other
            for key in str(element.get(attribute) or "").lower().split():
                key = _DC_PREFIX.sub(r"\1.", key)
                into.setdefault(key, []).append(normalize_space(content))
    for key, values in by_other.items():
        by_property.setdefault(key, []).extend(values)
    return by_property


def _link_values(doc: Element) -> dict[str, list[str]]:
    """`<link href>` values by each lower-case `rel` token."""
    values: dict[str, list[str]] = {}
    for element in doc.iter("link"):
        href = str(element.get("href") or "").strip()
        for rel in str(element.get("rel") or "").lower().split():
            if href:
                values.setdefault(rel, []).append(href)
    return values


def _values(meta: dict[str, list[str]], keys: Sequence[str]) -> list[str]:
    return [value for key in keys for value in meta.get(key, ())]


def _first(values: Iterable[str]) -> str:
    return next((normalize_space(v) for v in values if v and v.strip()), "")


def _title(
    doc: Element,
    article: Element,
    meta: dict[str, list[str]],
    linked: jsonld.LinkedData,
    page_url: str,
    authors: Sequence[str],
) -> str:
    head_title = _first(str(t.text_content()) for t in doc.xpath("/html/head/title"))
    headline = jsonld.text(linked.article.get("headline"))
    stated = [*_values(meta, TITLE_KEYS[:3]), headline, *_values(meta, TITLE_KEYS[3:])]
    # The author of a personal site is its name: `Post | Jane Doe`.
    names = [*_values(meta, SITE_NAME_KEYS), *linked.site_names, *authors]
    return page_title(doc, article, stated, head_title, names, page_url)


def _date(candidates: Iterable[str]) -> dt.date | dt.datetime | None:
    for candidate in candidates:
        parsed = parse_date(candidate) if candidate else None
        if parsed is not None:
            return parsed
    return None


def _marked_times(doc: Element, itemprop: str) -> Iterator[str]:
    """`datetime` of elements marked with a schema.org property (`<time itemprop=…>`)."""
    # (`/descendant::*[…]` selects what `//*[…]` does; libxml2 walks the page once for it
    # instead of building the set of every node first: about a third faster)
    path = f"/descendant::*[@itemprop='{itemprop}']"
    for element in doc.xpath(path):
        yield str(element.get("datetime") or element.get("content") or element.text_content())


def _time_texts(doc: Element, article: Element) -> Iterator[str]:
    """Publication times marked in the body, then the `<time>` nearest the article."""
    yield from _marked_times(doc, "datePublished")
    for element in doc.xpath("//time[@pubdate]"):
        yield str(element.get("datetime") or element.text_content())
    nearest = nearest_time(doc, article)
    if nearest is not None:
        yield str(nearest.get("datetime") or nearest.text_content())


def _split_list(values: Iterable[str]) -> tuple[str, ...]:
    """Items of comma-separated lists (`a, b，c`), unique regardless of case (first kept)."""
    seen: dict[str, str] = {}
    for value in values:
        for item in _LIST_SEPARATORS.split(value):
            item = normalize_space(item)
            if item and item.casefold() not in seen:
                seen[item.casefold()] = item
    return tuple(seen.values())


def _language(doc: Element, meta: dict[str, list[str]], node: jsonld.Node) -> str:
    declared = [str(doc.get("lang") or ""), str(doc.get("xml:lang") or "")]
    tag = _first([*declared, *_values(meta, LANGUAGE_KEYS), jsonld.text(node.get("inLanguage"))])
    return tag.replace("_", "-").split(",")[0].strip()
