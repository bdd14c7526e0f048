"""The raw inline HTML a Markdown block may keep: an allowlist of harmless tags and attributes.

Hand-written Markdown is as untrusted as scraped HTML. A Markdown block (paragraph, heading,
list, quote) is kept verbatim only when every piece of raw HTML in it (markdown-it's
`html_inline` tokens) is a tag named in `INLINE_HTML_TAGS` carrying no attribute but those of
`INLINE_HTML_ATTRS`, or a complete comment. Anything else (`<script>`, `<svg onload>`,
`<em onmouseover>`, `<span style>`, `<iframe>` …) sends the block through the HTML pipeline,
which drops scripts, handlers and presentational markup. The allowlist's tags are in `tags.py`,
its attributes here; the output guard reads both.
"""

from __future__ import annotations

import html as html_entities
import re

from scrapedown.parse.html_tokens import COMMENT, TagScanner, comment_end
from scrapedown.tags import BLOCK_HTML_TAGS, INLINE_HTML_TAGS

#: The (tag, attribute) pairs `INLINE_HTML_TAGS` (in `tags.py`) may carry; every other
#: attribute is refused.
INLINE_HTML_ATTRS: frozenset[tuple[str, str]] = frozenset({("abbr", "title")})

#: The attributes of `BLOCK_HTML_TAGS` (those the cleaning keeps); links and images only with
#: a relative or `SAFE_SCHEMES` URL.
BLOCK_HTML_ATTRS: frozenset[tuple[str, str]] = INLINE_HTML_ATTRS | frozenset(
    {
        ("a", "href"), ("a", "title"), ("img", "src"), ("img", "alt"), ("img", "title"),
        ("td", "colspan"), ("td", "rowspan"), ("th", "colspan"), ("th", "rowspan"),
        ("ol", "start"), ("pre", "class"), ("code", "class"),
    }
)  # fmt: skip
SAFE_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
_URL_ATTRS = frozenset({"href", "src"})

# CommonMark's raw HTML grammar (what markdown-it calls html_inline), one piece at a time;
# possessive quantifiers over disjoint character classes: linear.
_OPEN = re.compile(r"<([A-Za-z][A-Za-z0-9-]*+)")
# The lookbehinds make each pattern start only where its first run starts (linear under
# finditer too); matched at a position after a tag name or an attribute, they change nothing.
_ATTRIBUTE = re.compile(
    r"""(?<!\s)\s++([A-Za-z_:][A-Za-z0-9:._-]*+)(?:\s*+=\s*+([^"'=<>`\x00-\x20]++|'[^']*+'|"[^"]*+"))?+"""
)
_OPEN_END = re.compile(r"(?<!\s)\s*+/?>")
_CLOSE = re.compile(r"</([A-Za-z][A-Za-z0-9-]*+)\s*+>")
_SCHEME = re.compile(r"(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*+):")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]++")  # what browsers skip inside a scheme
# A start or end tag that the end of the text cuts off: a name, attributes (quoted values
# whole, or the last one left open), no `>` (matched at one position: linear).
_CUT_TAG = re.compile(r"""</?[A-Za-z](?:[^>"']++|"[^"]*+"|'[^']*+')*+(?:"[^"]*+|'[^']*+)?+\Z""")
# What the HTML tokenizer reads as a bogus comment: `<!` not opening `<!--`, `<?`, `</` + no letter.
_BOGUS_COMMENT = re.compile(r"<(?:!(?!--)|\?|/(?![A-Za-z]))")


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
    return name in INLINE_HTML_TAGS and all((name, a) in INLINE_HTML_ATTRS for a, _ in attributes)


def allowed_block_html(html: str) -> bool:
    """Whether a nested HTML block may stay: every tag in `BLOCK_HTML_TAGS`, every attribute
    in `BLOCK_HTML_ATTRS`, URLs safe, comments complete, nothing left open, no bogus comment
    (`<!A>`, `<?x?>`, `<![CDATA[`: the output's safety stage escapes one, and the block it
    opened becomes a paragraph, where `[]( i)` after it is a link, no longer text)."""
    if _BOGUS_COMMENT.search(html) or _ends_in_a_tag(html):
        return False
    scanner = TagScanner()
    for tag in scanner.scan(html):
        if tag.name == COMMENT:
            if not tag.self_closing:
                return False
            continue
        markup = html[tag.start : tag.end]
        parsed = _open_tag(markup, keep_values=True) if not tag.closing else (tag.name, [])
        if parsed is None or tag.name not in BLOCK_HTML_TAGS:
            return False
        if not all(_allowed_attribute(tag.name, a, v) for a, v in parsed[1]):
            return False
    return scanner.inside is None


def _ends_in_a_tag(html: str) -> bool:
    """Whether the last tag of `html` never ends (`<a href="` + newline): kept raw, it would
    run on into the blocks after it (`">q` in the next paragraph was its attribute value)."""
    last = max(html.rfind("<"), 0)
    return _CUT_TAG.match(html, last) is not None


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if (tag, name) not in BLOCK_HTML_ATTRS or "<" in value:
        return False  # (the safety stage drops a value holding markup: `src="<"` went)
    if name not in _URL_ATTRS:
        return True
    scheme = _SCHEME.match(_URL_NOISE.sub("", html_entities.unescape(value)))
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


def inline_tag_name(html: str) -> str | None:
    """The lower-case name of an inline start or end tag (None for comments and the rest)."""
    match = _CLOSE.match(html) or _OPEN.match(html)
    return match.group(1).lower() if match else None


def _open_tag(html: str, keep_values: bool = False) -> tuple[str, list[tuple[str, str]]] | None:
    """(name, [(attribute, value)]), names in lower case, of a start tag that is all of
    `html` (values only with `keep_values`, quotes removed)."""
    match = _OPEN.match(html)
    if match is None:
        return None
    attributes: list[tuple[str, str]] = []
    position = match.end()
    while (attribute := _ATTRIBUTE.match(html, position)) is not None:
        value = (attribute.group(2) or "").strip("\"'") if keep_values else ""
        attributes.append((attribute.group(1).lower(), value))
        position = attribute.end()
    if _OPEN_END.fullmatch(html, position) is None:
        return None
    return match.group(1).lower(), attributes
