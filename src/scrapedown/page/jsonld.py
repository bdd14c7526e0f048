"""Schema.org JSON-LD (`<script type="application/ld+json">`): the article node and the site.

Pages carry one object, a list, or an `@graph`; nodes refer to each other by `@id`. Broken
JSON (trailing commas, HTML comments) is skipped, never fatal.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from scrapedown.page.chrome import Element

Node = Mapping[str, Any]

_OPENING = re.compile(r"(?://\s*)?(?:<!\[CDATA\[|<!--)")

#: schema.org types of an article (CreativeWork subtypes a post is published as), best first.
ARTICLE_TYPES: frozenset[str] = frozenset(
    {
        "article", "newsarticle", "blogposting", "techarticle", "scholarlyarticle", "report",
        "socialmediaposting", "liveblogposting", "analysisnewsarticle", "opinionnewsarticle",
        "reportagenewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
        "discussionforumposting", "posting", "howto", "recipe",
    }
)  # fmt: skip
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "qapage", "collectionpage"})
_SITE_TYPES = frozenset({"website", "organization", "newsmediaorganization", "corporation"})


@dataclass(frozen=True)
class LinkedData:
    """The article node of a page (empty when none) and the names its site goes by."""

    article: Node = field(default_factory=dict)
    site_names: tuple[str, ...] = ()


def read_linked_data(doc: Element) -> LinkedData:
    """The JSON-LD of a parsed page."""
    nodes = list(_nodes(doc))
    by_id = {str(node["@id"]): node for node in nodes if isinstance(node.get("@id"), str)}
    article = _first_of(nodes, ARTICLE_TYPES) or _first_of(nodes, _PAGE_TYPES) or {}
    article = {key: _resolve(value, by_id) for key, value in article.items()}
    names = [text(node.get("name")) for node in nodes if _types(node) & _SITE_TYPES]
    names.append(text(article.get("publisher")))
    return LinkedData(article, tuple(name for name in names if name))


def text(value: Any) -> str:
    """A string of a JSON-LD value: a string, a node's `name` or `@value`, a list's first."""
    if isinstance(value, str):
        return " ".join(html.unescape(value).split())
    if isinstance(value, Mapping):
        return text(value.get("name") or value.get("@value") or value.get("headline"))
    if isinstance(value, list) and value:
        return text(value[0])
    return ""


def texts(value: Any) -> list[str]:
    """Every string of a JSON-LD value (authors, keywords)."""
    items = value if isinstance(value, list) else [value]
    return [found for found in (text(item) for item in items) if found]


def url(value: Any) -> str:
    """A URL of a JSON-LD value: a string, a node's `url`/`contentUrl`/`@id`, a list's first."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Mapping):
        return url(value.get("url") or value.get("contentUrl") or value.get("@id"))
    if isinstance(value, list) and value:
        return url(value[0])
    return ""


def _nodes(doc: Element) -> Iterator[Node]:
    for script in doc.iter("script"):
        if str(script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(_unwrapped(script.text or ""), strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _flatten(data, 0)


def _unwrapped(text: str) -> str:
    """The JSON inside a CDATA section or an HTML comment (`<![CDATA[ {…} ]]>`), as older
    templates write it for XHTML validators."""
    text = text.strip()
    opening = _OPENING.match(text)
    if not opening:
        return text
    text = text[opening.end() :].rstrip()
    for end in ("]]>", "-->"):
        if text.endswith(end):
            text = text[: -len(end)].rstrip()
            return text[:-2] if text.endswith("//") else text
    return text


def _flatten(value: Any, depth: int) -> Iterator[Node]:
    if depth > 8:
        return
    if isinstance(value, list):
        for item in value:
            yield from _flatten(item, depth + 1)
    elif isinstance(value, Mapping):
        yield value
        if "@graph" in value:
            yield from _flatten(value["@graph"], depth + 1)


def _types(node: Node) -> set[str]:
    """Lower-case type names, without `schema:` or `https://schema.org/` prefixes."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {str(name).rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for name in names if name}


def _first_of(nodes: list[Node], types: frozenset[str]) -> Node | None:
    return next((node for node in nodes if _types(node) & types), None)


def _resolve(value: Any, by_id: Mapping[str, Node]) -> Any:
    """A `{"@id": …}` reference replaced by the node it names (one level)."""
    if isinstance(value, list):
        return [_resolve(item, by_id) for item in value]
    if isinstance(value, Mapping) and set(value) == {"@id"}:
        return by_id.get(str(value["@id"]), value)
    return value
