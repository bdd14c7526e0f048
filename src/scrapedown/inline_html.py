"""The raw inline HTML a Markdown block may keep: an allowlist of harmless tags and attributes.

Hand-written Markdown is as untrusted as scraped HTML. A Markdown block (paragraph, heading,
list, quote) is kept verbatim only when every piece of raw HTML in it (markdown-it's
`html_inline` tokens) is a tag named in `INLINE_HTML_TAGS` carrying no attribute but those of
`INLINE_HTML_ATTRS`, or a complete comment. Anything else (`<script>`, `<svg onload>`,
`<em onmouseover>`, `<span style>`, `<iframe>` …) sends the block through the HTML pipeline,
which drops scripts, handlers and presentational markup. This is the one place the allowlist
lives; the output guard reads it too.
"""

from __future__ import annotations

import re

from scrapedown.html_tokens import comment_end

#: Inline tags kept as raw HTML in Markdown: they have no Markdown equivalent and can carry
#: no script (line breaks, super/subscripts, keys, marks, CJK ruby annotations).
INLINE_HTML_TAGS: frozenset[str] = frozenset(
    {
        "br", "wbr", "sup", "sub", "kbd", "samp", "var", "mark", "abbr", "ins",
        "ruby", "rt", "rp",
    }
)  # fmt: skip

#: The (tag, attribute) pairs those tags may carry; every other attribute is refused.
INLINE_HTML_ATTRS: frozenset[tuple[str, str]] = frozenset({("abbr", "title")})

# CommonMark's raw HTML grammar (what markdown-it calls html_inline), one piece at a time;
# possessive quantifiers over disjoint character classes: linear.
_OPEN = re.compile(r"<([A-Za-z][A-Za-z0-9-]*+)")
_ATTRIBUTE = re.compile(
    r"""\s++([A-Za-z_:][A-Za-z0-9:._-]*+)(?:\s*+=\s*+(?:[^"'=<>`\x00-\x20]++|'[^']*+'|"[^"]*+"))?+"""
)
_OPEN_END = re.compile(r"\s*+/?>")
_CLOSE = re.compile(r"</([A-Za-z][A-Za-z0-9-]*+)\s*+>")


def allowed_inline_html(html: str) -> bool:
    """Whether one piece of raw inline HTML (an `html_inline` token's content) may stay:
    an allowlisted tag with allowlisted attributes, or exactly one complete comment."""
    if html.startswith("<!--"):
        return comment_end(html, 0) == len(html)  # `<!-- a --!><img …>-->` is not one
    close = _CLOSE.fullmatch(html)
    if close is not None:
        return close.group(1).lower() in INLINE_HTML_TAGS
    parsed = _open_tag(html)
    if parsed is None:
        return False
    name, attributes = parsed
    return name in INLINE_HTML_TAGS and all((name, a) in INLINE_HTML_ATTRS for a in attributes)


def inline_tag_name(html: str) -> str | None:
    """The lower-case name of an inline start or end tag (None for comments and the rest)."""
    match = _CLOSE.match(html) or _OPEN.match(html)
    return match.group(1).lower() if match else None


def _open_tag(html: str) -> tuple[str, list[str]] | None:
    """(name, attribute names), lower case, of a start tag that is all of `html`."""
    match = _OPEN.match(html)
    if match is None:
        return None
    attributes: list[str] = []
    position = match.end()
    while (attribute := _ATTRIBUTE.match(html, position)) is not None:
        attributes.append(attribute.group(1).lower())
        position = attribute.end()
    if _OPEN_END.fullmatch(html, position) is None:
        return None
    return match.group(1).lower(), attributes
