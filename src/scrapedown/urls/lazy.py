"""Lazy-image resolution on attribute values (docs/url-rules.md#lazy-images), independent of
any HTML tree.

An image's attributes are given as a mapping of lower-case names to stripped values. The real
source is the largest real candidate of the first lazy ``srcset`` attribute that has one, else
the first lazy ``src`` attribute that is not a placeholder; placeholders (data URIs, 1×1 GIFs,
``loading.gif``, unrendered templates, non-http schemes) are never chosen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from scrapedown.urls.options import UrlOptions
from scrapedown.urls.target import scheme_of
from scrapedown.urls.urlparts import normalize

_TEMPLATE_MARKERS = ("{{", "${", "<%")
_PIXEL_SIZES = frozenset({"0", "1", "0px", "1px"})
_BASELINE_TYPES = frozenset({"", "image/jpeg", "image/jpg", "image/png", "image/gif"})
_DATA_IMAGE_RE = re.compile(r"data:image/(?:png|jpe?g|gif|webp);base64,", re.IGNORECASE)
_MIN_KEPT_DATA_URI = 256
_WIDTH_RE = re.compile(r"(\d+)w")
_DENSITY_RE = re.compile(r"(\d*\.?\d+(?:e[+-]?\d+)?)x", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """One ``srcset`` entry: its URL and its ``Nw`` or ``Nx`` descriptor."""

    url: str
    width: int | None = None
    density: float = 1.0


@dataclass(frozen=True)
class Choice:
    """The chosen source of an image and the attribute it came from."""

    url: str
    attr: str


def _descriptors(text: str) -> tuple[int | None, float]:
    width: int | None = None
    density = 1.0
    for token in text.split():
        if match := _WIDTH_RE.fullmatch(token):
            width = int(match.group(1))
        elif match := _DENSITY_RE.fullmatch(token):
            density = float(match.group(1))
    return width, density


def parse_srcset(value: str) -> list[Candidate]:
    """Parse ``srcset`` the HTML way: a URL runs to whitespace (commas inside it are legal),
    descriptors run to the next comma outside parentheses."""
    candidates: list[Candidate] = []
    position, length = 0, len(value)
    while position < length:
        while position < length and (value[position].isspace() or value[position] == ","):
            position += 1
        start = position
        while position < length and not value[position].isspace():
            position += 1
        url = value[start:position]
        descriptors = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth, start = 0, position
            while position < length and (value[position] != "," or depth > 0):
                depth += {"(": 1, ")": -1}.get(value[position], 0)
                position += 1
            descriptors = value[start:position]
        if url:
            candidates.append(Candidate(url, *_descriptors(descriptors)))
    return candidates


@lru_cache(maxsize=16)
def _placeholder_name_re(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    suffix = r"(?:[-_.@]?(?:\d+x\d+|\d+x|\d+|px|small|white|grey|gray|transparent|bg))*"
    return re.compile(rf"(?:{alternatives}){suffix}\.(?:gif|png|jpe?g|svg|webp)", re.IGNORECASE)


def is_placeholder(value: str, names: tuple[str, ...]) -> bool:
    """Whether `value` is not a real image source (see the module docstring)."""
    url = normalize(value)
    if not url or url == "#" or any(marker in url for marker in _TEMPLATE_MARKERS):
        return True
    if scheme_of(url) not in (None, "http", "https"):
        return True
    basename = re.split(r"[?#]", url, maxsplit=1)[0].rstrip("/").rpartition("/")[2]
    return _placeholder_name_re(names).fullmatch(basename) is not None


def largest_candidate(value: str, names: tuple[str, ...]) -> str | None:
    """The largest real candidate of a ``srcset`` (max ``w``, else max ``x``), or None."""
    real = [c for c in parse_srcset(value) if not is_placeholder(c.url, names)]
    if not real:
        return None
    widths = [c for c in real if c.width is not None]
    if widths:
        return max(widths, key=lambda c: c.width or 0).url
    return max(real, key=lambda c: c.density).url


def _is_pixel(attrs: Mapping[str, str]) -> bool:
    return attrs.get("width", "").lower() in _PIXEL_SIZES and (
        attrs.get("height", "").lower() in _PIXEL_SIZES
    )


def choose_source(attrs: Mapping[str, str], options: UrlOptions) -> Choice | None:
    """The real source of an image with these attributes, or None."""
    names = options.placeholder_names
    for attr in options.lazy_srcset_attrs:
        best = largest_candidate(attrs.get(attr, ""), names)
        if best:
            return Choice(best, attr)
    for attr in options.lazy_src_attrs:
        value = attrs.get(attr, "")
        if attr == "src" and _is_pixel(attrs):
            continue
        if value and not is_placeholder(value, names):
            return Choice(value, attr)
    return None


def kept_data_uri(attrs: Mapping[str, str], options: UrlOptions) -> str | None:
    """A real inline raster image to keep when `data_uri_images` is ``keep``, else None."""
    value = attrs.get("src", "")
    if options.data_uri_images != "keep" or len(value) < _MIN_KEPT_DATA_URI:
        return None
    return value if _DATA_IMAGE_RE.match(value) else None


def choose_picture_source(sources: Sequence[Mapping[str, str]], options: UrlOptions) -> str | None:
    """The best ``<source>`` of a ``<picture>``: no ``max-width`` media (mobile art direction),
    baseline types before WebP/AVIF, then the largest candidate."""
    usable = [s for s in sources if "max-width" not in s.get("media", "").lower()]
    usable.sort(key=lambda s: s.get("type", "").lower() not in _BASELINE_TYPES)
    for source in usable:
        for attr in options.lazy_srcset_attrs:
            best = largest_candidate(source.get(attr, ""), options.placeholder_names)
            if best:
                return best
    return None
