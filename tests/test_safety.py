"""Nothing unsafe reaches an output, whatever options or rules are switched off.

Every output of the hostile suite (and of a hypothesis strategy of hostile strings) is rendered
the way a site would render it (markdown-it, raw HTML on, GFM tables) and scanned like an
attacker would: no script, no event handler, no `<iframe>`/`<object>`/`<embed>`/`<style>`/
`<plaintext>`… element, no unsafe URL in a link or image after decoding entities. The scanner
here is written independently of `scrapedown.safety`.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import scrapedown
from scrapedown import Options, ScrapedownError, clean, clean_html, clean_page
from scrapedown.rules import RULE_NAMES
from scrapedown.urls.options import UrlOptions
from tests.timing import best_of

# --- the attacker's view --------------------------------------------------------------------

_RENDERER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_LENIENT = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_LENIENT.validateLink = lambda url: True  # type: ignore[method-assign]  # a renderer that trusts

_DANGEROUS_TAGS = frozenset(
    {
        "script", "style", "iframe", "object", "embed", "applet", "plaintext", "xmp", "noembed",
        "noframes", "noscript", "template", "textarea", "title", "svg", "math", "frame",
        "frameset", "base", "meta", "link", "form", "input", "button", "select", "image",
    }
)  # fmt: skip
_URL_ATTRIBUTES = frozenset({"href", "src", "poster", "action", "formaction", "cite", "srcset"})
_RAW_DANGER = re.compile(
    r"<(?:script|iframe|object|embed|style|plaintext|xmp|noembed|svg|math)\b|<!--->?(?!-)",
    re.IGNORECASE,
)


# A well-formed comment as a browser ends it (text inside is inert); `<!-->` is left to be seen.
_COMMENT = re.compile(r"<!--(?!-?>).*?--!?>", re.DOTALL)


def _scheme_is_unsafe(value: str) -> bool:
    for _ in range(3):
        value = unquote(unescape(value))
    value = re.sub(r"[\x00-\x20\x7f-\xa0\u200b-\u200f\ufeff]", "", value).lower()
    if value.startswith(("javascript:", "vbscript:", "livescript:", "file:")):
        return True
    if value.startswith("data:"):
        return not value.startswith(("data:image/png", "data:image/gif", "data:image/jpeg",
                                     "data:image/webp", "data:image/jpg", "data:image/avif",
                                     "data:image/bmp"))  # fmt: skip
    return False


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"{tag} {name}=")
            if name in _URL_ATTRIBUTES and value:
                urls = (
                    [p.split()[0] for p in value.split(",") if p.split()]
                    if name == "srcset"
                    else [value]
                )
                if any(_scheme_is_unsafe(url) for url in urls):
                    self.problems.append(f"{tag} {name}={value!r}")

    handle_startendtag = handle_starttag


def render_problems(markdown: str) -> list[str]:
    """What an attacker would find in `markdown` rendered (strict and lenient renderers)."""
    problems = []
    for renderer in (_RENDERER, _LENIENT):
        # Comments out first, ended where a browser ends them: Python's HTMLParser (3.11) does
        # not end one at `--!>` and read the tags inside `<!--<script>--!>` as markup.
        html = _COMMENT.sub("", renderer.render(markdown))
        scanner = _Scanner()
        scanner.feed(html)
        scanner.close()
        problems += scanner.problems
        problems += [m.group() for m in _RAW_DANGER.finditer(html)]
    return problems


# --- inputs ---------------------------------------------------------------------------------

ALL_RULES_OFF = replace(
    Options(),
    disabled_rules=RULE_NAMES,
    urls=UrlOptions(enabled=False),
)
CLEANING_OFF = replace(Options(), disabled_rules=frozenset({"drop_junk", "strip_attributes"}))
OPTION_SETS = (Options(), CLEANING_OFF, ALL_RULES_OFF)

HOSTILE = (
    "Hello <script>alert(1)</script> world",
    "<!--<script ><script ><script >--!>",
    "a <!-- x --!><script>alert(1)</script> b",
    "<!-- x --!><img src=x onerror=alert(1)>",
    "a <svg onload=alert(1)> b",
    "<details ontoggle=alert(1) open>x</details>",
    "a <em onmouseover=alert(1)>x</em> b",
    'a <iframe src="javascript:alert(1)"></iframe> b',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&amp;#106;avascript:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java%73cript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[r]\n\n[r]: <javascript:alert(1)> 'title'",
    "> [x][r]\n>\n> [r]:\n> javascript:alert(1)",
    '<a href="&amp;#106;avascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="  JaVaScRiPt:alert(1)">x</a>',
    "<!-- a --><script>alert(1)</script><!-- b -->",
    "<!--><img src=x onerror=alert(1)>-->",
    "<!---><img src=x onerror=alert(1)>-->",
    "<!-- a --!><img src=x onerror=alert(1)>-->",
    "<p>x</p>\n<!-- a --><script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "<img/src=x/onerror=alert(1)>",
    "<table><tr><td><img src=x onerror=alert(1)>a</td></tr>"
    "<tr><td><ul><li>x</li></ul></td></tr></table>",
    "<table><tr><td rowspan=2><plaintext>z</td><td>b</td></tr><tr><td>c</td></tr></table>"
    "<p>after</p>",
    "<table><tr><td rowspan=2><b onmouseover=alert(1)>a</b><svg onload=alert(2)></svg></td>"
    "</tr><tr><td>c</td></tr></table>",
    "<div><xmp><img src=x onerror=alert(1)></xmp></div>",
    "<noembed><img src=x onerror=alert(1)></noembed>",
    "<object data=javascript:alert(1)></object><embed src=javascript:alert(1)>",
    "<style>*{color:red}</style><p>x</p>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "| a | b |\n| - | - |\n| <img src=x onerror=alert(1)> | <script>x</script> |",
    "- item <b onclick=alert(1)>x</b>\n- [y](javascript:alert(2))",
    "> quote <img src=x onerror=alert(1)>\n> <script>alert(2)</script>",
    "<div>\n<script>alert(1)</script>\n</div>",
    '<a href="javascript:alert(1)">x</a>',
    '<video poster="javascript:alert(1)" src=x></video>',
    '<img srcset="javascript:alert(1) 1x, https://x.com/a.png 2x">',
    '<x title="[y](javascript:alert(1))">',
    '<x title="<script>alert(1)</script>">',
    "<a title='`'>`<script>alert(1)</script>`",
    "<!--\n-->\n    <script>alert(1)</script>",
    "<base href=javascript:/><meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "`<script>alert(1)</script>` is code",
    "```html\n<script>alert(1)</script>\n```",
    "<textarea><img src=x onerror=alert(1)></textarea>",
    "<title><img src=x onerror=alert(1)></title>",
    '<p><a href="data:text/html,<script>alert(1)</script>">x</a></p>',
    "x <img src=x onerror=alert(1)",
    "[![a](javascript:alert(1))](javascript:alert(2))",
    "[[y](javascript:alert(1))](javascript:alert(2))",
)


def _outputs(text: str, options: Options) -> list[str]:
    outputs = []
    for function in (clean, clean_html, clean_page):
        with suppress(ScrapedownError):
            outputs.append(function(text, options))
    return outputs


@pytest.mark.parametrize("options", OPTION_SETS, ids=["default", "cleaning-off", "all-off"])
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_renders_safe(text: str, options: Options) -> None:
    for output in _outputs(text, options):
        assert render_problems(output) == [], output


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_output_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[x](javascript:alert(1))\n", "x\n"),
        ("see ![alt text](javascript:alert(1)) here\n", "see alt text here\n"),
        ("[x][r]\n\n[r]: javascript:alert(1)\n", "x\n"),
        ("Hi <script>alert(1)</script> world\n", "Hi world\n"),  # converted: scripts are junk
        ("a <em onmouseover=alert(1)>x</em> b\n", "a *x* b\n"),
        ("x <sup title=t onclick=alert(1)>2</sup>\n", "x <sup>2</sup>\n"),
        ("[ok](https://example.com/) and [bad](javascript:x)\n",
         "[ok](https://example.com/) and bad\n"),
    ],
)  # fmt: skip
def test_unsafe_markdown_is_dropped_keeping_text(text: str, expected: str) -> None:
    assert clean(text) == expected


def test_safe_markdown_is_returned_byte_for_byte() -> None:
    text = (
        "Hi <br> there <sup>2</sup> <kbd>Ctrl</kbd> <!-- more -->\n\n"
        '[a](https://example.com/ "t") <https://example.com/> <a@b.co>\n\n'
        "![i](data:image/png;base64,iVBORw0KGgo=)\n\n"
        "```html\n<script>alert(1)</script>\n```\n\n"
        "`<iframe src=javascript:x>` and metadata: javascript: in prose\n"
    )
    assert clean(text) == text


def test_disabled_rules_cannot_let_handlers_through_a_kept_table() -> None:
    html = (
        "<table><tr><td rowspan=2 onclick=alert(1) style='x'><b onmouseover=alert(1)>a</b>"
        "<plaintext>z</td><td>b</td></tr><tr><td>c</td></tr></table>"
    )
    output = clean_html(html, CLEANING_OFF)
    assert "<table>" in output and 'rowspan="2"' in output
    assert "onclick" not in output and "onmouseover" not in output and "<plaintext" not in output
    assert render_problems(output) == []


# --- front matter -----------------------------------------------------------------------------


def test_og_image_with_unsafe_scheme_never_reaches_front_matter() -> None:
    page = (
        "<!doctype html><html><head><title>T</title>"
        '<meta property="og:image" content="javascript:alert(1)">'
        '<meta property="og:image" content="jav&#x09;ascript:alert(2)">'
        '<link rel="canonical" href="javascript:alert(3)">'
        "</head><body><article><p>Hello world, this is the text.</p></article></body></html>"
    )
    output = clean_page(page)
    assert "javascript" not in output.lower() and "cover" not in output
    safe = page.replace('content="javascript:alert(1)"', 'content="https://x.com/a.jpg"')
    assert "cover: https://x.com/a.jpg" in clean_page(safe)


@pytest.mark.parametrize(
    "html",
    [
        "<hr><p>layout: evil</p><hr><p>x</p>",
        "<p>+++</p><p>title = 'x'</p><p>+++</p>",
        '<p>{"layout": "evil"}</p>',
        '<p>"layout": "evil"</p><p>;;;</p><p>x</p>',
    ],
)
def test_body_never_starts_like_front_matter(html: str) -> None:
    from scrapedown.frontmatter.block import split_post

    for output in (clean_html(html), clean(html)):
        front, _ = split_post(output)
        assert front is None, output
        assert not output.startswith(("---", "+++", ";;;", "{"))
        assert clean(output) == output


_PROXY = "https://wsrv.nl/?url=example.com/"


@pytest.mark.parametrize(
    ("post", "key", "value"),
    [
        (f"+++\ntitle = 't'\ncover = '{_PROXY}a%27b.jpg'\n+++\nx\n", "cover",
         "http://example.com/a'b.jpg"),
        (f"---\ncover: '{_PROXY}a%27b.jpg'\n---\nx\n", "cover", "http://example.com/a'b.jpg"),
        (f"---\ntitle: t\nimages: [{_PROXY}a%2C%20b%5D.jpg, x]\n---\nx\n", "images",
         ["http://example.com/a,%20b].jpg", "x"]),
        (f"---\ncover: {_PROXY}a.jpg%20%23x\n---\nx\n", "cover", "http://example.com/a.jpg%20#x"),
        (f"---\ncover: {_PROXY}a.jpg\nx: 1\n---\nx\n", "cover", "http://example.com/a.jpg"),
        (f'+++\ncover = "{_PROXY}a%22b.jpg"\n+++\nx\n', "cover", "http://example.com/a%22b.jpg"),
        (f"---\ncover: {_PROXY}a.jpg\ntags: [a, b]\n---\nx\n", "cover", "http://example.com/a.jpg"),
    ],
)  # fmt: skip
def test_front_matter_values_keep_their_quoting_safe(post: str, key: str, value: object) -> None:
    from scrapedown.frontmatter.block import split_post

    before, _ = split_post(post)
    after, _ = split_post(clean(post))
    assert before is not None and after is not None
    expected = {**before.data, key: value}
    assert dict(after.data) == expected
    assert clean(clean(post)) == clean(post)


# --- only ScrapedownError -------------------------------------------------------------------

NASTY = (
    "a\x0bb\x08c \x1b[31mred\x1b[0m \x00 \x7f",
    "<p>a\x0bb\x08c \x1b[31mred\x1b[0m \x0c</p>",
    "<p>&#1; &#xFFFE; &#xffff; &#11; &#x1b; &#0; &#12;</p>",
    "x &#1; <b>y</b> &#xFFFE;\n",
    "<table><caption><div><tr>x</div></caption></table>",
    "<p>\ud800 lone surrogate</p>",
    "---\ncover: \x0b\n---\n<p>\x0bx</p>",
)


@pytest.mark.parametrize("text", NASTY)
def test_only_scrapedown_error_for_any_string(text: str) -> None:
    for function in (clean, clean_html, clean_page, scrapedown.normalize_punctuation,
                     scrapedown.unwrap_url):  # fmt: skip
        try:
            output = function(text)
        except ScrapedownError:
            continue
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", output) or function in (
            scrapedown.normalize_punctuation,
            scrapedown.unwrap_url,
        )


def test_xml_invalid_characters_are_dropped_from_converted_text() -> None:
    assert clean_html("<p>a\x0bb\x08c&#1;d&#xFFFE;e\x0cf</p>") == "abcde f\n"
    assert clean("a\x0bb \x1b[31mred\n") == "ab [31mred\n"
    assert clean_html("<table><caption><div><tr>x</div></caption></table>") == "x\n"


def test_error_boundary_names_the_function_and_keeps_memory_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import scrapedown.api as api

    def broken(*args: object) -> str:
        raise IndexError("boom")

    monkeypatch.setattr(api, "clean_body", broken)
    with pytest.raises(
        ScrapedownError, match=r"clean: internal error in scrapedown\.\S+ \(IndexError: boom\)"
    ):
        clean("<p>x</p>")

    def exhausted(*args: object) -> str:
        raise MemoryError

    monkeypatch.setattr(api, "clean_body", exhausted)
    with pytest.raises(MemoryError):
        clean("<p>x</p>")
    with pytest.raises(TypeError):
        clean(b"x")  # type: ignore[arg-type]


# --- generated hostile strings --------------------------------------------------------------

_SCHEMES = st.sampled_from(
    ["javascript:", "JaVaScRiPt:", "&#106;avascript:", "jav&#x09;ascript:", "java\tscript:",
     "javascript&colon;", "&amp;#106;avascript:", "vbscript:", "data:text/html,", " javascript:",
     "https://example.com/", "/rel", "data:image/png;base64,AA", "java%73cript:"]
)  # fmt: skip
_TAGS = st.sampled_from(
    ["script", "img", "svg", "iframe", "style", "plaintext", "xmp", "a", "b", "em", "table", "td",
     "tr", "div", "p", "details", "noembed", "textarea", "math", "sup", "x-y", "video", "object"]
)  # fmt: skip
_ATTRIBUTES = st.sampled_from(
    ["onerror=alert(1)", 'onload="alert(1)"', "ontoggle=alert(1)", "style=x", "title='t'",
     "src=x", "href", "/onclick=alert(1)", 'title="<script>"', "colspan=2", "rowspan=2"]
)  # fmt: skip
_FRAGMENTS = st.sampled_from(
    ["<!--", "-->", "--!>", "<!-->", "`", "``", "[", "]", "(", ")", "\n", "\n\n", "> ", "- ",
     "| a | b |\n| - | - |\n", "```\n", "    ", "*", "_", "\\", "&", "&lt;", "<", ">", '"', "'",
     "中文，", "word ", "---\n", "+++\n", "{", ";;;\n", "\x0b", "\x1b[1m", "&#1;", "&#xFFFE;"]
)  # fmt: skip


@st.composite
def hostile_piece(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 5))
    scheme = draw(_SCHEMES)
    if kind == 0:
        tag = draw(_TAGS)
        attrs = " ".join(draw(st.lists(_ATTRIBUTES, max_size=3))).replace(
            "href", f'href="{scheme}x"'
        )
        return (
            f"<{tag} {attrs}>{draw(_FRAGMENTS)}</{tag}>"
            if draw(st.booleans())
            else f"<{tag} {attrs}>"
        )
    if kind == 1:
        return f"[{draw(_FRAGMENTS)}x]({scheme}alert(1))"
    if kind == 2:
        return f"![a]({scheme}alert(1))" if draw(st.booleans()) else f"<{scheme}alert(1)>"
    if kind == 3:
        return f"[r]\n\n[r]: {scheme}alert(1)\n"
    return draw(_FRAGMENTS)


HOSTILE_TEXT = st.lists(hostile_piece(), min_size=1, max_size=12).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT, st.sampled_from(OPTION_SETS))
def test_generated_hostile_text_renders_safe(text: str, options: Options) -> None:
    for output in _outputs(text, options):
        assert render_problems(output) == [], (text, output)
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", output)


# --- linear time ------------------------------------------------------------------------------

_REPEATED = {
    "unclosed tags": "<x ",
    "tags in attributes": '<x title="',
    "unclosed comments": "<!--",
    "comments": "<!-- a --><script>",
    "unsafe links": "[x](javascript:a) ",
    "handlers": "<b onclick=1>x</b> ",
    "definitions": "[r]: javascript:x\n",
    "blocks": "<div onclick=1>\n",
}


def _best_time(text: str) -> float:
    return best_of(lambda: clean(text))


@pytest.mark.parametrize("unit", list(_REPEATED.values()), ids=list(_REPEATED))
def test_safety_stage_is_linear(unit: str) -> None:
    """4× the input must not take much more than 4× the time (16× would be quadratic)."""
    size = 4000 // len(unit) + 1
    small, large = _best_time(unit * size), _best_time(unit * size * 4)
    assert large < 10 * small + 0.05, (small, large)
