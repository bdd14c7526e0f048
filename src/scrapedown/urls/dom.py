"""`scrapedown.urls.rewrite_urls` on a BeautifulSoup tree: the pipeline's lxml URL stage
(`urls/tree.py`) applied to the soup's markup, the soup's content then replaced by the result.

The pipeline itself never comes here (its URL stage runs on the lxml tree before any soup is
built); this adapter serves callers who hold a BeautifulSoup tree, with one implementation of
the rules for both. The soup is read back through lxml, so its markup comes out as lxml parses
it (`<html><body>` added around a fragment, as BeautifulSoup's own ``"lxml"`` parser does).
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from lxml import etree

from scrapedown.parse.markup import sanitize
from scrapedown.parse.tree import parse_document, protect_uri_attributes, unprotect_uri_markup
from scrapedown.urls.options import UrlOptions
from scrapedown.urls.tree import rewrite_urls_in_tree


def rewrite_tree(
    soup: BeautifulSoup, options: UrlOptions, base_url: str | None, max_depth: int
) -> None:
    """Rewrite every image and link of `soup` in place (see `urls/tree.py`); a tree deeper
    than libxml2 builds is flattened below `max_depth`, its text kept."""
    markup = sanitize(soup.decode())  # (as the pipeline: no characters lxml refuses)
    if not markup.strip():
        return
    root = parse_document(markup, max_depth)
    if root is None:
        return
    rewrite_urls_in_tree(root, options, base_url)
    protect_uri_attributes(root)  # (libxml2 would percent-encode URL attributes; the tree goes)
    rewritten = unprotect_uri_markup(etree.tostring(root, encoding="unicode", method="html"))
    fresh = BeautifulSoup(rewritten, "lxml")
    soup.clear()
    for child in list(fresh.contents):
        soup.append(child.extract())
