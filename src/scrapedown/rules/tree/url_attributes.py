"""URL attribute rule: `href` and `src` as URL parsing reads them, before the tree is serialised.

URL parsing (WHATWG) removes the C0 controls and spaces around a URL and every tab and newline
inside it: `<a href=" /b&#10;">` goes to `/b`. libxml2's HTML serialiser, which hands the tree to
the BeautifulSoup phase, instead percent-encodes what it finds (`/b%0A`), and once encoded that
whitespace can no longer be told from an author's own `%0A`; so it is removed here, on the lxml
tree. Spaces inside a URL stay, and come out as `%20`.
"""

from __future__ import annotations

from scrapedown.options import Options
from scrapedown.parse.tree import Element, elements
from scrapedown.urls.urlparts import encode_controls, normalize

# The URL attributes the pipeline reads, by element (libxml2 encodes every href and src).
URL_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("a", "href"),
    ("area", "href"),
    ("base", "href"),
    ("img", "src"),
    ("amp-img", "src"),
    ("source", "src"),
)
_TAGS = tuple(dict.fromkeys(tag for tag, _ in URL_ATTRIBUTES))
_ATTRIBUTES_OF = {tag: tuple(a for t, a in URL_ATTRIBUTES if t == tag) for tag in _TAGS}


def normalize_url_attributes(root: Element, options: Options) -> None:
    """Strip surrounding whitespace/controls and inner tabs/newlines from URL attributes
    (controls left inside are percent-encoded, as the serialiser would)."""
    for element in elements(root, *_TAGS):
        for name in _ATTRIBUTES_OF[str(element.tag)]:
            value = element.get(name)
            if value is None:
                continue
            url = normalize(value)
            if not url.isprintable():  # (controls, U+FFFE and U+FFFF are not)
                url = encode_controls(url)
            if url != value:
                element.set(name, url)
