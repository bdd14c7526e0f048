"""scrapedown: scraped article HTML in, clean front-matter Markdown out.

The heavy parts (lxml, BeautifulSoup, markdownify) are imported on first use, so that
``import scrapedown`` and the CLI start fast when there is nothing to convert.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from scrapedown.errors import ScrapedownError
from scrapedown.options import Options

if TYPE_CHECKING:
    from scrapedown.api import clean, clean_html
    from scrapedown.page import clean_page
    from scrapedown.punct import normalize_punctuation
    from scrapedown.urls import unwrap_url

__version__ = "0.1.0"

__all__ = [
    "Options",
    "ScrapedownError",
    "__version__",
    "clean",
    "clean_html",
    "clean_page",
    "normalize_punctuation",
    "unwrap_url",
]

_LAZY = {
    "clean": "scrapedown.api",
    "clean_html": "scrapedown.api",
    "clean_page": "scrapedown.page",
    "normalize_punctuation": "scrapedown.punct",
    "unwrap_url": "scrapedown.urls",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'scrapedown' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
