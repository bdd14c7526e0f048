"""Switches of the URL stage (owned by the urls package).

Every field is a plain value (bool, int, str, tuple or frozenset of str) so that the CLI can fill
it from ``[tool.scrapedown.urls]`` in ``pyproject.toml`` without knowing what it means.

User rules (field ``rules``) are strings, one rule each:

``prefix:https://img.example.com/``
    A prefix proxy (hexo-image-proxy, a private CORS worker): the target is everything after the
    prefix, e.g. ``https://img.example.com/https://cdn.site/a.png`` → ``https://cdn.site/a.png``.
``param:img.example.com/fetch?src``
    A query-parameter proxy: on host ``img.example.com`` (``*.example.com`` for every
    subdomain), path ``/fetch`` (``/`` for the root), the target is the ``src`` parameter.
``camo:camo.example.org``
    A camo-style signed image proxy (hex, ``?url=`` and base64 forms).
``imgproxy:img.example.com`` / ``thumbor:img.example.com``
    A self-hosted imgproxy or thumbor server.

User rules apply to images and links, are on as soon as they are configured, and can be switched
off by name like the built-ins (``user_prefix_proxy``, ``user_query_param``, ``camo_hex``,
``camo_query``, ``camo_b64``, ``imgproxy``, ``thumbor``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from scrapedown._validate import (
    OptionError,
    check_choice,
    check_fields,
    check_markup_names,
    check_range,
    named_keywords,
)

#: Front-matter keys that may hold the page a post was scraped from.
BASE_URL_KEYS: tuple[str, ...] = (
    "link", "url", "canonical", "canonical_url", "permalink", "source", "source_url",
    "original_url",
)  # fmt: skip

#: Attributes that may hold an image's real source, best first
#: (docs/url-rules.md#lazy-images, step 1).
LAZY_SRC_ATTRS: tuple[str, ...] = (
    "data-src", "data-original", "data-actualsrc", "data-lazy-src", "data-lazyload",
    "data-lazy", "data-echo", "data-original-src", "data-hi-res-src", "data-full-src",
    "data-normal", "data-canonical-src", "data-backup", "data-url", "src",
)  # fmt: skip

#: Attributes that may hold an image's real ``srcset``, best first
#: (docs/url-rules.md#lazy-images, step 2).
LAZY_SRCSET_ATTRS: tuple[str, ...] = ("data-srcset", "data-lazy-srcset", "srcset")

#: File-name stems of lazy-loading placeholders (``loading.gif``, ``blank_1x1.png`` …).
PLACEHOLDER_NAMES: tuple[str, ...] = (
    "blank", "spacer", "pixel", "transparent", "grey", "gray", "empty", "clear", "dot", "1x1",
    "placeholder", "lazy", "lazyload", "loading", "loader", "spinner", "ajax-loader",
    "whitedot", "lazy-placeholder", "img-placeholder", "image-placeholder", "default-image",
    "blank-image", "trans",
)  # fmt: skip


@named_keywords
@dataclass(frozen=True)
class UrlOptions:
    """Proxy/redirect unwrapping and lazy-image resolution (spec: docs/url-rules.md)."""

    enabled: bool = True
    """Rewrite image and link URLs at all. Default: on."""

    links: bool = True
    """Unwrap link targets (redirectors) too, not only images. Unsafe links are removed whatever
    this says. Default: on."""

    base_url: str | None = None
    """Resolve relative URLs against this page URL. Default: none — taken from the front matter
    (`base_url_keys`) when there is one, otherwise relative URLs are kept."""

    base_url_keys: tuple[str, ...] = BASE_URL_KEYS
    """Front-matter keys holding the page URL of a post; the first absolute http(s) value wins.
    Default: `BASE_URL_KEYS` (`link`, `url`, `canonical`, `canonical_url`, `permalink`,
    `source`, `source_url`, `original_url`)."""

    enable: frozenset[str] = frozenset()
    """Opt-in rules to switch on, by name (`wayback`, `imgproxy` …); `name:img` or `name:link`
    switches a rule on for one kind of URL only (`workers_dev_query:link`). Default: none."""

    disable: frozenset[str] = frozenset()
    """Rules to switch off, by name, with the same `name:kind` form. Wins over `enable`.
    Default: none."""

    rules: tuple[str, ...] = ()
    """User rules, one string each: `prefix:URL`, `param:HOST/PATH?PARAM`, `camo:HOST`,
    `imgproxy:HOST`, `thumbor:HOST` (see the module docstring). A malformed entry is an
    error. Default: none."""

    max_depth: int = 5
    """Most wrappers peeled off one URL (nested proxies); the rest is left in place.
    Default: 5."""

    max_url_length: int = 16384
    """Longer URLs are left unchanged, without any parsing. Default: 16384 characters."""

    lazy_src_attrs: tuple[str, ...] = LAZY_SRC_ATTRS
    """Image attributes holding the real source, best first. Default: `LAZY_SRC_ATTRS`."""

    lazy_srcset_attrs: tuple[str, ...] = LAZY_SRCSET_ATTRS
    """Image attributes holding the real srcset, best first; the largest candidate of the first
    one with a real candidate wins over the `lazy_src_attrs`. Default: `LAZY_SRCSET_ATTRS`."""

    placeholder_names: tuple[str, ...] = PLACEHOLDER_NAMES
    """File-name stems never chosen as an image source (`loading.gif`, `blank_2x.png`).
    Default: `PLACEHOLDER_NAMES`."""

    data_uri_images: str = "drop"
    """An image whose only source is a `data:` URI: `drop` it, or `keep` it when it is a real
    (not tiny) base64 PNG/JPEG/GIF/WebP. Default: `drop`."""

    picture_prefer: str = "img"
    """In `<picture>`: `img` uses the `<img>` when it has a real source, `largest_source` prefers
    the largest `<source>` candidate. Default: `img`."""

    def __post_init__(self) -> None:
        """Reject what cannot work, naming the field (`OptionError`, a `ValueError`)."""
        check_fields(self)
        check_range("max_depth", self.max_depth, 0)
        check_range("max_url_length", self.max_url_length, 1)
        check_choice("data_uri_images", self.data_uri_images, ("drop", "keep"))
        check_choice("picture_prefer", self.picture_prefer, ("img", "largest_source"))
        if self.enable or self.disable or self.rules:
            _check_rules(self.enable, self.disable, self.rules)
        if self.base_url is not None:
            _check_base_url(self.base_url)
        for name, default in (
            ("lazy_src_attrs", LAZY_SRC_ATTRS),
            ("lazy_srcset_attrs", LAZY_SRCSET_ATTRS),
        ):
            if getattr(self, name) != default:
                check_markup_names(name, getattr(self, name), "an attribute name")


@lru_cache(maxsize=64)
def _check_rules(enable: frozenset[str], disable: frozenset[str], rules: tuple[str, ...]) -> None:
    # Cached: a post with its own URL in the front matter makes a new UrlOptions (base_url).
    from scrapedown.urls.userrules import name_error, rule_error  # the registry, when named

    for key, names in (("enable", enable), ("disable", disable)):
        for name in sorted(names):
            problem = name_error(name)
            if problem:
                raise OptionError(key, problem)
    for text in rules:
        problem = rule_error(text)
        if problem:
            raise OptionError("rules", problem)


@lru_cache(maxsize=64)
def _check_base_url(value: str) -> None:
    # What a front-matter URL key must hold to be taken as the base (`base_url_from_metadata`),
    # so that a post's own URL always passes; anything else would never resolve a URL.
    from scrapedown.urls.target import scheme_of

    stripped = value.strip()
    if scheme_of(value) not in ("http", "https") or "://" not in stripped or " " in stripped:
        raise OptionError("base_url", f"expected an absolute http(s) URL, got {value!r}")
