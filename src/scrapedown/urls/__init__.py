"""URL stage (placeholder until issue 4 lands)."""

from __future__ import annotations



from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

    from scrapedown.options import Options


def unwrap_url(
    url: str, *, kind: str = "img", base_url: str | None = None, options: Options | None = None
) -> str:
    """The real target of a proxy- or redirect-wrapped URL."""
    return url


def rewrite_urls(soup: BeautifulSoup, options: Options, base_url: str | None = None) -> None:
    """Resolve lazy images and unwrap every img/a URL in the tree, dropping unsafe links."""
