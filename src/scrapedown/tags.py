"""Every set of HTML tag names more than one part of the pipeline reads: one source each.

Plain data, no imports, so any module (the classifier, the lxml and BeautifulSoup rules, the
converter, the punctuation scanner, the safety net) can use it without loading another part.
Policy a user can change (`DROP_TAGS`, `UNWRAP_TAGS`) is the default of an `Options` field;
code reads the field, not the default. Tag sets one module alone reads stay in that module.
"""

from __future__ import annotations

# --- What a tag means on the page -----------------------------------------------------------

#: Elements that start a new block in the rendered page (and in Markdown).
BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "pre",
        "blockquote", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "hr",
        "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
        "figcaption", "center", "details", "summary", "address", "body", "html", "hgroup",
        "form", "fieldset", "legend", "noscript", "video", "audio", "iframe",
    }
)  # fmt: skip
#: Wrappers whose content is a sequence of blocks: loose inline content inside them becomes <p>.
BLOCK_WRAPPERS: frozenset[str] = frozenset(
    {
        "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
        "center", "details", "address", "hgroup", "body", "html", "blockquote", "dd",
        "figcaption", "summary",
    }
)  # fmt: skip
#: The elements of HTML (and its obsolete presentational ones): any other name (`<g>`, `<m>`,
#: `<my-widget>`) is an unknown element, whose Markdown is its content alone.
HTML_ELEMENTS: frozenset[str] = frozenset(
    """a abbr acronym address area article aside audio b base basefont bdi bdo big blink
    blockquote body br button canvas caption center cite code col colgroup data datalist dd del
    details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame
    frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label
    legend li link main map mark marquee menu meta meter nav nobr noframes noscript object ol
    optgroup option output p param picture plaintext pre progress q rp rt rtc ruby s samp script
    search section select slot small source span strike strong style sub summary sup table tbody
    td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp svg math
    amp-img image""".split()  # noqa: SIM905 (a list of names, one reading)
)
HEADINGS: frozenset[str] = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LISTS: frozenset[str] = frozenset({"ul", "ol"})
#: Elements next to which whitespace is layout, not text (as markdownify's walker treats them).
TRIM_INSIDE: frozenset[str] = frozenset(
    {
        "p", "blockquote", "article", "div", "section", "ol", "ul", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", *HEADINGS,
    }
)  # fmt: skip
TRIM_OUTSIDE: frozenset[str] = TRIM_INSIDE | {"pre"}
#: Elements that are content even when they hold no text (`<amp-img>` is AMP's `<img>`; the URL
#: stage turns it into one).
CONTENT_WITHOUT_TEXT: frozenset[str] = frozenset(
    {"img", "amp-img", "hr", "video", "audio", "iframe", "source"}
)
#: What survives below the nesting limit (the `flatten_deep_nesting` rule, and the parser that
#: flattens what libxml2 cannot nest): text, and elements that are content without children.
FLAT_KEEP: frozenset[str] = frozenset({"img", "amp-img", "br"})
#: Elements whose text is verbatim: never re-flowed, escaped or normalised.
VERBATIM: frozenset[str] = frozenset({"pre", "code", "kbd", "samp", "var", "textarea"})

# --- Default cleaning policy (the defaults of `Options.drop_tags` and `Options.unwrap_tags`) ---

#: Elements removed together with their content: never article text.
DROP_TAGS: frozenset[str] = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "head",
        "title", "meta", "link", "base", "button", "input", "select", "textarea", "form",
        "canvas", "svg", "dialog", "frame", "frameset",
    }
)  # fmt: skip
#: Presentational wrappers replaced by their content.
UNWRAP_TAGS: frozenset[str] = frozenset(
    {
        "span", "font", "center", "section", "div", "article", "main", "header", "footer",
        "aside", "nav", "figure", "small", "big", "u", "ins", "mark", "abbr", "acronym", "cite",
        "dfn", "time", "label", "o:p", "html", "body", "picture", "hgroup", "details",
        "address", "bdi", "bdo", "wbr", "data", "output", "summary", "tt",
    }
)  # fmt: skip

# --- Raw HTML in Markdown ---------------------------------------------------------------------

#: Inline tags kept as raw HTML in Markdown: they have no Markdown equivalent and can carry
#: no script (line breaks, super/subscripts, keys, marks, CJK ruby annotations). The attributes
#: they may carry are `parse.inline_html.INLINE_HTML_ATTRS`.
INLINE_HTML_TAGS: frozenset[str] = frozenset(
    {
        "br", "wbr", "sup", "sub", "kbd", "samp", "var", "mark", "abbr", "ins",
        "ruby", "rt", "rp",
    }
)  # fmt: skip
#: Block HTML a list item or quote may keep (an `html_block` nested in Markdown): what the
#: converter itself writes there, a minimal table whose cells hold cleaned markup. Top-level
#: HTML blocks are always converted; this keeps a second pass from converting a nested table
#: (and the Markdown around it) again. Attributes: `parse.inline_html.BLOCK_HTML_ATTRS`.
BLOCK_HTML_TAGS: frozenset[str] = INLINE_HTML_TAGS | frozenset(
    {
        "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "p", "hr", "ul",
        "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "h1", "h2", "h3", "h4",
        "h5", "h6", "strong", "b", "em", "i", "del", "s", "strike", "q", "cite", "a", "img",
    }
)  # fmt: skip
#: CommonMark's HTML block condition 6: a line starting with one of these tags starts an HTML
#: block (in the order of the specification's list).
COMMONMARK_BLOCK_TAGS: tuple[str, ...] = tuple(
    """address article aside base basefont blockquote body caption center col colgroup dd
    details dialog dir div dl dt fieldset figcaption figure footer form frame frameset
    h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav
    noframes ol optgroup option p param search section summary table tbody td tfoot th
    thead title tr track ul""".split()  # noqa: SIM905 (a list of names, one reading)
)

# --- Balance: which start tags need an end tag ------------------------------------------------

#: Void elements: never an end tag (`param` and `keygen` are obsolete ones).
VOID_ELEMENTS: frozenset[str] = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr",
    }
)  # fmt: skip
#: Elements whose end tag HTML lets an author leave out.
OPTIONAL_END_TAGS: frozenset[str] = frozenset(
    {
        "html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody",
        "tfoot", "option", "optgroup", "colgroup", "caption", "rb", "rt", "rtc", "rp",
    }
)  # fmt: skip
#: What never counts when a scanner checks that HTML is balanced: an unclosed `<p>` must not
#: join (the classifier) or hide (the punctuation scanner) the rest of the document.
UNBALANCED_TAGS: frozenset[str] = VOID_ELEMENTS | OPTIONAL_END_TAGS

# Where each table part may stand (libxml2 drops a part anywhere else on the next parse).
TABLE_PART_PARENTS: dict[str, frozenset[str]] = {
    "tr": frozenset({"table", "thead", "tbody", "tfoot"}),
    "td": frozenset({"tr"}),
    "th": frozenset({"tr"}),
    "thead": frozenset({"table"}),
    "tbody": frozenset({"table"}),
    "tfoot": frozenset({"table"}),
}
