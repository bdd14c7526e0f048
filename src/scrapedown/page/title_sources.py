"""Which title a page's front matter gets: the sources of a title and how they agree.

Order, best first: a stated title (`og:title`, the JSON-LD headline, Dublin Core) that is a
separated part of `<title>` (`Title - Site`: two sources, the CMS did not merely copy one into
the other); a stated title that names the article's `<h1>`; a heading the `<title>` states (the
article's `<h1>`, a work's title printed just above its text); the first stated title, then
`<title>`. The result loses the site's name (`title.clean_title`).

Headings are evidence only when a reader sees them as the article's: not a heading hidden for
screen readers (`sr-only`, `hidden`), not the site's logo (a heading that links to the site's
home page, or whose class says `logo`/`site-title`) — the logo's text is a site name instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapedown.page.chrome import Element, hint_tokens
from scrapedown.page.nearby import nearest_heading
from scrapedown.page.title import (
    clean_title,
    lone_title,
    normalize_space,
    title_matching,
    title_stated_twice,
)

# Class names of an element shown to screen readers only, or not at all.
HIDDEN_CLASSES = frozenset(
    {
        "hidden", "hide", "sr-only", "sr-text", "visually-hidden", "visuallyhidden",
        "screen-reader-text", "screen-reader-only", "hide-accessible", "a11y-hidden",
        "assistive-text", "element-invisible", "offscreen", "is-hidden", "u-hidden", "invisible",
    }
)  # fmt: skip
# Class/id words of a site's logo or name in its header.
LOGO_HINTS = frozenset({"logo", "brand", "branding", "masthead", "sitename", "blogname"})
LOGO_CLASSES = frozenset({"site-title", "site-name", "blog-title", "site-logo", "navbar-brand"})


@dataclass(frozen=True)
class Headings:
    """The headings that may name the article, as text ("" when none or not evidence)."""

    nearest: str
    """The article's `<h1>` (inside it, else the nearest before it)."""
    trusted: tuple[str, ...]
    """The article's first heading, and the last `<h1>`/`<h2>` before the article."""
    logos: tuple[str, ...]
    """Text of those headings that are the site's logo: site names."""


def page_title(
    doc: Element,
    article: Element,
    stated: Sequence[str],
    head_title: str,
    site_names: Sequence[str],
    page_url: str,
) -> str:
    """The article's title (see the module docstring)."""
    headings = read_headings(doc, article)
    names = [*site_names, *headings.logos]
    stated = [s for s in stated if s]
    nearest = [headings.nearest]
    raw = (
        title_stated_twice(head_title, stated, (), (), names, page_url)
        or title_matching(stated, nearest)
        or title_stated_twice(head_title, (), nearest, headings.trusted, names, page_url)
        or title_matching([head_title] if head_title else [], nearest)
        or next(iter(stated), head_title)
    )
    if not raw:
        return headings.nearest
    if not stated and not headings.nearest and not any(headings.trusted) and not headings.logos:
        raw = lone_title(raw)
    return clean_title(raw, names, [headings.nearest, *headings.trusted], page_url)


def read_headings(doc: Element, article: Element) -> Headings:
    nearest = nearest_heading(doc, article)
    first = next((h for h in article.iter("h1", "h2", "h3") if not _hidden(h)), None)
    above = [h for h in article.xpath("preceding::*[self::h1 or self::h2]") if not _hidden(h)]
    found = [nearest, first, above[-1] if above else None]
    logos = tuple(heading_text_of(h) for h in found if h is not None and _is_logo(h))
    texts = ["" if h is None or _hidden(h) or _is_logo(h) else heading_text_of(h) for h in found]
    return Headings(texts[0], (texts[1], texts[2]), tuple(t for t in logos if t))


def heading_text_of(heading: Element | None) -> str:
    """A heading's text without the permalink mark a documentation generator puts in it
    (`<a href="#install">¶</a>`: a link to itself with no letters)."""
    if heading is None:
        return ""
    text = normalize_space(heading.text_content())
    for anchor in heading.iter("a"):
        mark = normalize_space(anchor.text_content())
        if not mark or any(c.isalnum() for c in mark):
            continue
        if str(anchor.get("href") or "").startswith("#"):
            if text.endswith(mark):
                text = text[: -len(mark)].rstrip()
            elif text.startswith(mark):
                text = text[len(mark) :].lstrip()
    return text


def _hidden(element: Element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    return not HIDDEN_CLASSES.isdisjoint(str(element.get("class") or "").lower().split())


def _is_logo(heading: Element) -> bool:
    """Whether a heading is the site's name: its class says so, or all its text is a link to
    the site's home page (`<h1><a href="/" rel="home">Example Blog</a></h1>`)."""
    classes = set(str(heading.get("class") or "").lower().split())
    if not LOGO_CLASSES.isdisjoint(classes) or not LOGO_HINTS.isdisjoint(hint_tokens(heading, ())):
        return True
    text = normalize_space(heading.text_content())
    for link in heading.iter("a"):
        if normalize_space(link.text_content()) == text and text and _is_home(link):
            return True
    return False


def _is_home(link: Element) -> bool:
    if "home" in str(link.get("rel") or "").lower().split():
        return True
    try:
        parts = urlsplit(str(link.get("href") or "").strip())
    except ValueError:
        return False
    return parts.path in ("", "/") and not parts.query and bool(parts.netloc or parts.path)
