"""Hypothesis strategies for what scrapers leave behind: random HTML fragments, Markdown bodies
and whole posts with front matter.

The pools below are the hard parts of real inputs (see docs/guarantees.md): CJK and full-width text,
Markdown-significant characters in plain text, entities, inline styles and classes, lazy and
proxy-wrapped images, unsafe links, tables with spans, code with markup inside, and broken
markup (unclosed elements, stray closing tags, blank lines inside a block). Trees shrink
towards well-formed, small documents so that a failure reads as a minimal example.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from hypothesis import strategies as st

# --- text -----------------------------------------------------------------------------------

WORDS = (
    "word", "Hello", "snake_case", "a*b", "2*3", "x_y_z", "#tag", "1.", "2)", "-", "+", ">",
    "[x]", "(y)", "`tick`", "~~", "|", "\\", "!", "*", "_", "AT&T", "3.14", "e–works",
    "中文", "标题", "测试文本", "注意：", "（注）", "“引号”", "《书名》", "，", "。", "！", "？",
    "ＡＢＣ１２３", "ｈｔｔｐ", "＃１", "＊", "－－", "３．１４", "１０：３０", "１，０００",
    "＂引号＂", "カタカナ", "한국어", "ÄÖÜ", "café", "ﬁ", "①", "Ⅻ", "x²",
)  # fmt: skip
SPACES = (" ", " ", "  ", "\n", "\u3000", "\u00a0", "\u200b", "\t")
ENTITIES = (
    "&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;", "&#39;", "&mdash;", "&#x4e2d;", "&#20013;",
    "&copy;", "&hellip;", "&ensp;", "&lt;b&gt;", "&amp;amp;", "&#65306;",
)  # fmt: skip


def _escaped_word(word: str) -> str:
    return escape(word, quote=False) if word != "AT&T" else word  # a bare & is common, and legal


#: Plain text for HTML: words, entities and spaces (escaped, so it never makes markup).
html_text = st.lists(
    st.one_of(
        st.sampled_from(WORDS).map(_escaped_word),
        st.sampled_from(ENTITIES),
        st.sampled_from(SPACES),
    ),
    min_size=1,
    max_size=6,
).map("".join)

#: Plain text for Markdown: words and spaces on one line.
md_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from((" ", "\u3000", "\u00a0"))),
    min_size=1,
    max_size=6,
).map(lambda parts: " ".join(parts).strip() or "word")

# --- URLs and attributes ----------------------------------------------------------------------

IMAGE_URLS = (
    "http://img.example.com/x.png",
    "https://cors.zfour.workers.dev/?http://img.example.com/x.png",
    "https://cors.zfour.workers.dev/?https://mmbiz.qpic.cn/a/640?wx_fmt=jpeg&amp;from=appmsg",
    "https://img.example.com/%E4%B8%AD%E6%96%87.jpg",
    "https://img.example.com/a b(1).png",
    "//img.example.com/y.jpg",
    "/uploads/z.gif",
    "https://img.example.com/loading.gif",
    "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
    "javascript:alert(1)",
)
LINK_URLS = (
    "https://example.com/",
    "https://example.com/a_b?q=1&amp;r=2#frag",
    "https://example.com/path with space",
    "https://example.com/(paren)_[x]",
    "https://cors.zfour.workers.dev/?http://example.com/page",
    "#",
    "#top",
    "",
    "/local/page.html",
    "mailto:a@example.com",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html,hi",
)
STYLES = (
    "color: red", "text-indent: 2em; text-align: left;", "font-weight: bold", "display:none",
    "font-family: 'Microsoft YaHei'", "margin:0;padding:0",
)  # fmt: skip
CLASSES = (
    "x", "hrefStyle", "language-python", "lang-js", "brush: ruby;", "highlight", "lazy",
    "wp-image-1",
)  # fmt: skip
TITLES = ("title", "1616988569148032560.png", "image.png", "标题 “引号”", 'say "hi"', "a]b)c")


def _attribute(name: str, values: tuple[str, ...]) -> st.SearchStrategy[tuple[str, str]]:
    return st.sampled_from(values).map(lambda value: (name, value))


GLOBAL_ATTRIBUTES = st.one_of(
    _attribute("style", STYLES),
    _attribute("class", CLASSES),
    _attribute("id", ("a", "section-1")),
    _attribute("data-v-1a2b", ("",)),
    _attribute("title", TITLES),
    _attribute("align", ("center", "left")),
)
IMAGE_ATTRIBUTES = st.one_of(
    _attribute("alt", TITLES),
    _attribute("title", TITLES),
    _attribute("data-src", IMAGE_URLS),
    _attribute("data-original", IMAGE_URLS),
    _attribute("srcset", ("http://img.example.com/s.png 1x, http://img.example.com/l.png 2x",)),
    _attribute("width", ("1", "640")),
    _attribute("height", ("1", "480")),
    _attribute("loading", ("lazy",)),
    GLOBAL_ATTRIBUTES,
)


def attributes(extra: st.SearchStrategy[tuple[str, str]] | None = None) -> st.SearchStrategy[str]:
    """A few attributes, rendered ` name="value"` (values escaped as a page would)."""
    pool = GLOBAL_ATTRIBUTES if extra is None else st.one_of(extra, GLOBAL_ATTRIBUTES)
    return st.lists(pool, max_size=3, unique_by=lambda pair: pair[0]).map(
        lambda pairs: "".join(f' {name}="{escape(value)}"' for name, value in pairs)
    )


# --- HTML elements ------------------------------------------------------------------------------

INLINE_TAGS = (
    "span", "b", "strong", "i", "em", "code", "del", "s", "sup", "sub", "font", "u", "mark",
    "small", "abbr", "kbd", "q", "cite", "label",
)  # fmt: skip
BLOCK_TAGS = (
    "p", "div", "section", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "center",
    "article", "figure", "figcaption", "details", "address",
)  # fmt: skip
CODE_TEXT = (
    "x = 1", "if a < b && c > d:", "    return a_b * 2", "&lt;div&gt;",
    '<span class="k">def</span> f():', "# comment", "- item", "`tick`", "```", "中文　全角，",
    "\t\tindented", "", "| a | b |",
)  # fmt: skip


def _closer(tag: str, well_formed: bool) -> str:
    return f"</{tag}>" if well_formed else ""


#: Mostly True: shrinks towards closed elements (0 → closed).
closed = st.integers(0, 6).map(lambda n: n != 6)


@st.composite
def image(draw: st.DrawFn) -> str:
    src = draw(st.sampled_from(("", *IMAGE_URLS)))
    src_attr = f' src="{src}"' if src else ""
    return f"<img{src_attr}{draw(attributes(IMAGE_ATTRIBUTES))}>"


@st.composite
def leaf(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 5:
        return draw(html_text)
    if kind == 6:
        return "<br>"
    if kind == 7:
        return draw(image())
    if kind == 8:
        return draw(st.sampled_from(("<!-- note -->", "<hr>", "<wbr>", "<script>x()</script>")))
    return draw(st.sampled_from(("</div>", "</p>", "</span>", "</li>", "<b>", "<p>", "</td>")))


def _join(draw: st.DrawFn, children: list[str]) -> str:
    """Children separated as scraped HTML separates them, blank lines included (which end an
    HTML block in CommonMark: the region grouping of docs/architecture.md#2-classify)."""
    parts = []
    for child in children:
        parts.append(child)
        parts.append(draw(st.sampled_from(("", "", "\n", " ", "\n\n"))))
    return "".join(parts)


def inline_element(children: st.SearchStrategy[list[str]]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        content = _join(draw, draw(children))
        if draw(st.integers(0, 4)) == 0:
            href = draw(st.sampled_from(LINK_URLS))
            extra = _attribute("target", ("_blank",))
            return f'<a href="{href}"{draw(attributes(extra))}>{content}</a>'
        tag = draw(st.sampled_from(INLINE_TAGS))
        return f"<{tag}{draw(attributes())}>{content}{_closer(tag, draw(closed))}"

    return build()


def block_element(children: st.SearchStrategy[list[str]]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        tag = draw(st.sampled_from(BLOCK_TAGS))
        content = _join(draw, draw(children))
        return f"<{tag}{draw(attributes())}>{content}{_closer(tag, draw(closed))}"

    return build()


def list_element(children: st.SearchStrategy[list[str]]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        tag = draw(st.sampled_from(("ul", "ol")))
        items = draw(st.lists(children, min_size=1, max_size=4))
        start = ' start="3"' if tag == "ol" and draw(st.booleans()) else ""
        body = "".join(
            f"<li{draw(attributes())}>{_join(draw, item)}{_closer('li', draw(closed))}"
            for item in items
        )
        return f"<{tag}{start}>{body}</{tag}>"

    return build()


@st.composite
def _cell(draw: st.DrawFn, children: st.SearchStrategy[list[str]], header: bool) -> str:
    tag = "th" if header else "td"
    span = draw(st.sampled_from(("", "", "", ' colspan="2"', ' rowspan="2"')))
    return f"<{tag}{span}{draw(attributes())}>{_join(draw, draw(children))}</{tag}>"


def table_element(children: st.SearchStrategy[list[str]]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        width = draw(st.integers(1, 3))
        rows = []
        for index in range(draw(st.integers(1, 3))):
            header = index == 0 and draw(st.booleans())
            cells = "".join(draw(_cell(children, header)) for _ in range(width))
            rows.append(f"<tr>{cells}</tr>")
        caption = "<caption>表 1</caption>" if draw(st.integers(0, 4)) == 0 else ""
        body = _join(draw, rows)
        return f"<table{draw(attributes())}>{caption}<tbody>{body}</tbody></table>"

    return build()


@st.composite
def pre_element(draw: st.DrawFn) -> str:
    """A code block: escaped code, sometimes highlighted with spans, with a language class."""
    lines = draw(st.lists(st.sampled_from(CODE_TEXT), min_size=1, max_size=4))
    code = "\n".join(line if "<span" in line else escape(line, quote=False) for line in lines)
    language = draw(st.sampled_from(("", ' class="language-python"', ' class="lang-js"')))
    if draw(st.booleans()):
        return f"<pre{draw(attributes())}><code{language}>{code}</code></pre>"
    return f'<pre class="brush: bash;"{draw(attributes())}>{code}</pre>'


def _extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    many = st.lists(children, min_size=1, max_size=4)
    return st.one_of(
        inline_element(many),
        inline_element(many),
        block_element(many),
        list_element(many),
        table_element(many),
    )


#: One HTML fragment as scraped: nested inline and block elements, lists, tables, code.
html_fragments = st.recursive(st.one_of(leaf(), pre_element()), _extend, max_leaves=24)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    """A body as scrapers leave it: a few top-level fragments, maybe wrapped in a <div>."""
    parts = draw(st.lists(html_fragments, min_size=1, max_size=4))
    shell = draw(st.sampled_from(("{}", "<div>{}</div>", "<html><body>{}</body></html>")))
    return shell.format("\n".join(parts))


# --- Markdown ----------------------------------------------------------------------------------

MD_LINK_URLS = (
    "https://example.com/",
    "https://cors.zfour.workers.dev/?http://example.com/p",
    "/p",
)


@st.composite
def md_inline(draw: st.DrawFn) -> str:
    text = draw(md_text)
    url = draw(st.sampled_from(MD_LINK_URLS))
    image_url = draw(st.sampled_from(IMAGE_URLS[:5]))
    forms = (
        text, f"*{text}*", f"**{text}**", f"_{text}_", f"`{text}`", f"~~{text}~~",
        f"[{text}]({url})", f"![{text}]({image_url})", f"<b>{text}</b>", f"\\*{text}\\*",
        f'<span style="color:red">{text}</span>', f"<{url}>", f"{text}<br>{text}",
    )  # fmt: skip
    return draw(st.sampled_from(forms))


@st.composite
def md_line(draw: st.DrawFn) -> str:
    inline = " ".join(draw(st.lists(md_inline(), min_size=1, max_size=3)))
    kind = draw(st.integers(0, 12))
    prefixes = ("", "", "", "# ", "## ", "- ", "* ", "1. ", "  - ", "> ", "    ")
    if kind < len(prefixes):
        return prefixes[kind] + inline
    if kind == 11:
        code = "\n".join(draw(st.lists(st.sampled_from(CODE_TEXT), min_size=1, max_size=3)))
        return f"```python\n{code}\n```"
    return f"| {inline} | b |\n| --- | --- |\n| 1 | 2 |"


@st.composite
def markdown_bodies(draw: st.DrawFn) -> str:
    """A Markdown body, sometimes with raw HTML blocks between its paragraphs."""
    blocks = draw(st.lists(st.one_of(md_line(), md_line(), html_fragments), min_size=1, max_size=6))
    separators = [draw(st.sampled_from(("\n\n", "\n"))) for _ in blocks]
    return "".join(b + s for b, s in zip(blocks, separators, strict=True))


# --- whole posts ---------------------------------------------------------------------------------

TITLE_PARTS = (
    "从1到N",
    "打造更多_灯塔工厂_",
    "！",
    "AT&T",
    "it's",
    'say "hi"',
    ": colon",
    "#1",
    "ＡＢＣ",
)


def _yaml_single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    title = "".join(draw(st.lists(st.sampled_from(TITLE_PARTS), min_size=1, max_size=4)))
    image_url = draw(st.sampled_from(IMAGE_URLS[:4]))
    lines = [
        f"title: {_yaml_single_quoted(title)}",
        "categories: \n - 新媒体\n - 新闻",
        f"headimg: '{image_url}'",
        "date: Mon, 29 Mar 2021 03:22:00 GMT",
        f"thumbnail: {image_url}",
        "comments: false",
    ]
    chosen = draw(st.lists(st.sampled_from(lines), min_size=1, max_size=5, unique=True))
    return "---\n" + "\n".join(chosen) + "\n---\n"


@st.composite
def posts(draw: st.DrawFn) -> str:
    """A whole post: YAML front matter (as Hexo RSS importers write it) and an HTML, Markdown or
    mixed body, sometimes with the blank line or BOM that scrapers leave before it."""
    lead = draw(st.sampled_from(("", "", "", "\n", "\ufeff")))
    body = draw(st.one_of(html_documents(), markdown_bodies()))
    gap = draw(st.sampled_from(("\n", "", "\n\n")))
    return lead + draw(front_matter()) + gap + body + "\n"


# --- as messy as the web ------------------------------------------------------------------------
# Tag soup as scrapers really meet it: unknown and custom elements, stray cells and closers,
# unclosed and misnested tags, odd attribute quoting, framework comment markers, emphasis
# markers in text, and real corpus files cut at random points (read in place from ../shared).

SOUP_TAGS = (
    # known, inline and block
    "b", "i", "em", "strong", "del", "s", "u", "span", "font", "a", "code", "sup", "sub", "p",
    "div", "section", "blockquote", "h2", "h3", "ul", "ol", "li", "pre", "table", "tr", "td",
    "th", "tbody", "thead", "caption", "br", "hr", "img", "figure", "figcaption", "center",
    # rendered as their bare content: unknown, custom, rare
    "g", "ruby", "rt", "rp", "var", "meter", "progress", "time", "data", "bdi", "bdo", "dfn",
    "ins", "tt", "big", "nobr", "marquee", "blink", "x-foo", "my-el", "o:p", "wbr", "abbr",
    "label", "output", "small", "mark", "q", "cite", "kbd", "samp", "dl", "dt", "dd",
    "details", "summary", "svg", "math", "noscript", "template", "iframe", "video", "source",
    "picture", "amp-img", "article", "main", "header", "footer", "nav", "aside",
)  # fmt: skip
SOUP_ATTRIBUTES = (
    "", "", "", ' class="x"', " class=x", " class='a b'", ' style="color:red"', " e=\"\"",
    ' data-v-1a2b=""', " hidden", ' title="a"b"', " title='it''s'", ' id=a"b', " a==b", " x=",
    ' href="https://example.com/a_b"', " href=https://example.com/?a=1&b=2",
    ' href="javascript:alert(1)"', ' src="https://img.example.com/x.png"',
    ' data-src="https://img.example.com/lazy.jpg"', ' onclick="alert(1)"', ' colspan="2"',
    ' rowspan="3"', ' lang="zh"', ' align=center', ' class="language-js"', "/",
)  # fmt: skip
SOUP_TEXT = (
    "中文", "正文", "加粗", "链接", "字", "注意：", "，", "。", "（注）", "「引号」", "——", "…",
    "日本語", "한국어", "word", "Hello world", "snake_case", "a_b_c", "2*3", "x", "1.", "# h",
    "> q", "- item", "* ", "_", " * ", "**", "__", "~~", "***", "`", "``", "[", "]", "(", ")",
    "](", "![", "|", "\\", "&", "<", ">", " ", " ", "  ", "\n", "\n\n", "\t", "    ", "\u3000",
    "\u00a0", "\u200b", "ＡＢＣ１２３", "＊", "＿", "－－", "３．１４", "10:30", "café",
    "https://example.com/x_y", "e.g.", "!", "?", ":", ";", "'", '"', "=", "+", "-", "---",
)  # fmt: skip
SOUP_SPECIALS = (
    "<!--[-->", "<!--]-->", "<!-- more -->", "<!--more-->", "<!---->", "<!-- -->", "<!--",
    "-->", "<!-- a -- b -->", "<![CDATA[x]]>", "<?php x ?>", "<!DOCTYPE html>", "&nbsp;",
    "&amp;", "&lt;", "&gt;", "&lt;b&gt;", "&#42;", "&#95;", "&#x2a;", "&ast;", "&lowbar;",
    "&#1;", "&#xFFFE;", "&#0;", "&bogus;", "&amp", "&#12288;", "&#65306;", "&mdash;",
    "<br>", "<br/>", "</br>", "<hr>", "<img>", '<img src="https://img.example.com/a.png">',
    '<img src="https://img.example.com/b.png" alt="图 1">', "<script>alert(1)</script>",
    "<style>p{}</style>", "<th>", "<td>", "</p>", "</td>", "</tr>", "</table>", "</li>",
    "</div>", "</b>", "</i>", "<tr>", "<li>", "<p>", "\x0b", "\x08", "\x1b[31m", "\ufeff",
)  # fmt: skip


def _open_tag(draw: st.DrawFn) -> str:
    tag = draw(st.sampled_from(SOUP_TAGS))
    attrs = "".join(draw(st.lists(st.sampled_from(SOUP_ATTRIBUTES), max_size=2)))
    return f"<{tag}{attrs}>"


@st.composite
def soup_tokens(draw: st.DrawFn) -> str:
    """One token of tag soup: an opening or closing tag, text, or something odd."""
    kind = draw(st.integers(0, 9))
    if kind <= 3:
        return draw(st.sampled_from(SOUP_TEXT))
    if kind <= 5:
        return _open_tag(draw)
    if kind <= 7:
        return f"</{draw(st.sampled_from(SOUP_TAGS))}>"
    return draw(st.sampled_from(SOUP_SPECIALS))


#: Tag soup: tokens in any order, so unclosed, misnested (`<b><i></b></i>`) and stray tags.
tag_soup = st.lists(soup_tokens(), min_size=1, max_size=30).map("".join)


@st.composite
def misnested(draw: st.DrawFn) -> str:
    """`<b>x<i>y</b>z</i>`: two elements closed in the wrong order, around text."""
    first, second = draw(st.lists(st.sampled_from(SOUP_TAGS[:40]), min_size=2, max_size=2))
    text = draw(st.lists(st.sampled_from(SOUP_TEXT), min_size=3, max_size=3))
    return f"<{first}>{text[0]}<{second}>{text[1]}</{first}>{text[2]}</{second}>"


def _corpus_files() -> tuple[str, ...]:
    folder = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if not folder.is_dir():
        return ()
    return tuple(sorted(str(p) for p in folder.iterdir() if p.suffix in (".md", ".html")))


CORPUS_FILES = _corpus_files()
_CORPUS_TEXT: dict[str, str] = {}


def _corpus_text(path: str) -> str:
    if path not in _CORPUS_TEXT:
        _CORPUS_TEXT[path] = Path(path).read_text(encoding="utf-8", errors="replace")
    return _CORPUS_TEXT[path]


@st.composite
def corpus_snippets(draw: st.DrawFn) -> str:
    """A real file (../shared/corpus, read in place) cut at two random points, at most a few
    thousand characters (a cut can fall inside a tag, an entity or a comment)."""
    if not CORPUS_FILES:
        return draw(tag_soup)
    text = _corpus_text(draw(st.sampled_from(CORPUS_FILES)))
    start = draw(st.integers(0, max(0, len(text) - 1)))
    length = draw(st.integers(1, 2000))
    return text[start : start + length]


@st.composite
def messy_bodies(draw: st.DrawFn) -> str:
    """A body as messy as the web: pieces of soup, structured fragments, Markdown and corpus
    snippets, run together or separated by (blank) lines."""
    piece = st.one_of(tag_soup, tag_soup, misnested(), html_fragments, md_line(), corpus_snippets())
    parts = draw(st.lists(piece, min_size=1, max_size=5))
    separators = [draw(st.sampled_from(("", "\n", "\n\n", " "))) for _ in parts]
    return "".join(p + s for p, s in zip(parts, separators, strict=True))


FRONT_MATTERS = (
    "---\ntitle: 标题\n---\n",
    "---\ntitle: 'a: b'\ntags: [x, y]\n---\n\n",
    "---\n---\n",
    '+++\ntitle = "toml"\n+++\n',
    "---\ntitle: x\n",  # never closed
    "---\n: broken: [\n---\n",
    '{\n"title": "json"\n}\n',
)


@st.composite
def messy_posts(draw: st.DrawFn) -> str:
    """A messy body, with or without one of the front matters (good, broken, unclosed) or a
    generated one, sometimes behind a BOM or a blank line."""
    body = draw(messy_bodies())
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return body
    if kind == 1:
        return draw(st.sampled_from(FRONT_MATTERS)) + body
    lead = draw(st.sampled_from(("", "\n", "\ufeff")))
    return lead + draw(front_matter()) + body
