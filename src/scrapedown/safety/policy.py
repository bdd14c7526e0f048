"""The safety policy, as data: which raw HTML tags and attributes may reach the output, and
which URL schemes never do.

Every raw HTML tag in an output (converted HTML, hand-written Markdown, the minimal-HTML tables
the converter writes) is checked against these sets whatever `Options` switch off: a tag not
listed is escaped (shown as text, as the author typed it), an attribute not listed is removed,
and a URL attribute or Markdown destination with an unsafe scheme is dropped (a Markdown link
keeps its text). Nothing here can run script: no `<script>`, `<style>`, `<iframe>`, `<object>`,
`<embed>`, `<svg>`/`<math>` (foreign content re-parses), no raw-text elements (`<textarea>`,
`<title>`, `<xmp>`, `<plaintext>`, `<noembed>`, `<noframes>`, `<noscript>`), no `on*=` handler,
no `style` (CSS can redress a page), no `<base>`/`<meta>`/`<link>`/`<form>`.
"""

from __future__ import annotations

#: Tags that may stay raw HTML in an output (lower case, as browsers read them).
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        # text-level
        "a", "abbr", "b", "bdi", "bdo", "big", "br", "center", "cite", "code", "data", "del",
        "dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp",
        "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
        # blocks and tables
        "address", "article", "aside", "blockquote", "caption", "col", "colgroup", "dd",
        "details", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        # media
        "audio", "img", "picture", "source", "video",
    }
)  # fmt: skip

#: Tags not allowed that are escaped (shown as the text the author typed): they run script,
#: load content, take over parsing (raw text, foreign content) or the page (forms, `<base>`).
#: Any other tag not allowed (a custom element, `<font>`-like junk) is removed, content kept.
ESCAPED_TAGS: frozenset[str] = frozenset(
    {
        "script", "style", "iframe", "object", "embed", "applet", "plaintext", "xmp", "noembed",
        "noframes", "noscript", "template", "textarea", "title", "svg", "math", "frame",
        "frameset", "base", "meta", "link", "form", "input", "button", "select", "option",
        "param", "image", "isindex", "listing", "marquee", "dialog", "portal", "slot", "html",
        "head", "body",
    }
)  # fmt: skip

#: Attributes that may stay, per tag ("*": on every allowed tag). Names in lower case.
ALLOWED_ATTRIBUTES: tuple[tuple[str, frozenset[str]], ...] = (
    ("*", frozenset({"title", "lang", "dir", "id", "align"})),
    ("a", frozenset({"href", "name", "hreflang"})),
    ("img", frozenset({"src", "srcset", "alt", "width", "height", "loading"})),
    ("source", frozenset({"src", "srcset", "type", "media", "sizes"})),
    (
        "video",
        frozenset({"src", "poster", "controls", "width", "height", "loop", "muted", "preload"}),
    ),
    ("audio", frozenset({"src", "controls", "loop", "muted", "preload"})),
    ("td", frozenset({"colspan", "rowspan", "valign"})),
    ("th", frozenset({"colspan", "rowspan", "valign", "scope"})),
    ("col", frozenset({"span", "width"})),
    ("colgroup", frozenset({"span", "width"})),
    ("ol", frozenset({"start", "type", "reversed"})),
    ("ul", frozenset({"type"})),
    ("li", frozenset({"value"})),
    ("pre", frozenset({"class"})),
    ("code", frozenset({"class"})),
    ("blockquote", frozenset({"cite"})),
    ("q", frozenset({"cite"})),
    ("del", frozenset({"cite", "datetime"})),
    ("ins", frozenset({"cite", "datetime"})),
    ("time", frozenset({"datetime"})),
    ("data", frozenset({"value"})),
    ("details", frozenset({"open"})),
)

#: Attributes whose value is a URL (or, for `srcset`, a list of URLs): checked for its scheme.
URL_ATTRIBUTES: frozenset[str] = frozenset({"href", "src", "srcset", "poster", "cite"})

#: URL schemes that run code or read local files, anywhere (any scheme ending in "script" too).
UNSAFE_SCHEMES: frozenset[str] = frozenset({"javascript", "vbscript", "livescript", "file"})

#: `data:` URLs are refused, except these image types as an image source (they cannot run code).
SAFE_DATA_IMAGES: tuple[str, ...] = (
    "data:image/png", "data:image/gif", "data:image/jpeg", "data:image/jpg", "data:image/webp",
    "data:image/avif", "data:image/bmp",
)  # fmt: skip

#: Schemes an autolink (`<scheme:…>`) may have and stay as it is.
SAFE_AUTOLINK_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "ftp", "ftps"})

_ATTRIBUTES_OF: dict[str, frozenset[str]] = {}
for _tag, _names in ALLOWED_ATTRIBUTES:
    _ATTRIBUTES_OF[_tag] = _ATTRIBUTES_OF.get(_tag, frozenset()) | _names


def attribute_allowed(tag: str, name: str) -> bool:
    """Whether attribute `name` may stay on allowed tag `tag` (both lower case)."""
    return name in _ATTRIBUTES_OF["*"] or name in _ATTRIBUTES_OF.get(tag, frozenset())
