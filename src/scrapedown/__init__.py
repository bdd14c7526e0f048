"""scrapedown: scraped article HTML in, clean front-matter Markdown out.

Every public name is imported on first use: ``import scrapedown`` itself loads nothing, so the
command line installs its signal handlers within milliseconds of start-up (`__main__.py`), and
the heavy parts (lxml, BeautifulSoup, markdownify) load only when there is something to convert.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads it alike)
if TYPE_CHECKING:
    from typing import Any

    from scrapedown.api import clean, clean_html
    from scrapedown.errors import ScrapedownError
    from scrapedown.options import Options
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
    "Options": "scrapedown.options",
    "ScrapedownError": "scrapedown.errors",
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
