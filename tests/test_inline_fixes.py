"""Emphasis that Markdown delimiters cannot hold is kept as inline HTML; URL attributes lose the
whitespace URL parsing drops."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from scrapedown import clean, clean_html
from scrapedown.convert.escape import (
    escape_destination,
    escape_text,
    html_token,
    resolve_emphasis_markers,
)
from scrapedown.options import DEFAULT_OPTIONS
from scrapedown.parse.tree import inner_html, parse_tree
from scrapedown.rules.tree.url_attributes import normalize_url_attributes
from scrapedown.urls.urlparts import encode_controls

_MD = MarkdownIt("commonmark").enable("strikethrough")


def _render(markdown: str) -> str:
    html: str = _MD.render(markdown)
    return html


# --- emphasis ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<p>a<strong><code>x</code></strong>b</p>", "a<strong>`x`</strong>b"),
        ('<p>a<strong><a href="/">x</a> y</strong>b</p>', "a<strong>[x](/) y</strong>b"),
        ("<p>a<em><code>x</code></em>b</p>", "a<em>`x`</em>b"),
        ("<p>a<del><code>x</code></del>b</p>", "a<del>`x`</del>b"),
        ("<p><strong><code>x</code></strong>b</p>", "<strong>`x`</strong>b"),
        ("<p>中文<b><code>x</code></b>中文</p>", "中文<strong>`x`</strong>中文"),
        ("<h2>a<b><code>x</code></b>b</h2>", "## a<strong>`x`</strong>b"),
        ("<p>a<strong>x</strong>b</p>", "a**x**b"),
        ("<p>a <strong><code>x</code></strong> b</p>", "a **`x`** b"),
    ],
)
def test_emphasis_that_cannot_flank_is_inline_html(html: str, markdown: str) -> None:
    output = clean_html(html)
    assert output == markdown + "\n"
    assert _render(output).strip() == html.replace("<b>", "<strong>").replace("</b>", "</strong>")
    assert clean_html(_render(output)) == output


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<p><strong>Title<br></strong>Body</p>", "**Title**\\\nBody"),
        ("<p>x <em><br>Title</em> y</p>", "x \\\n*Title* y"),
        ("<p><em>boolean<br></em>类型</p>", "*boolean*\\\n类型"),
        ("<p><strong><br>Title<br> </strong></p><p>z</p>", "**Title**\n\nz"),
    ],
)
def test_line_breaks_at_emphasis_edges_go_outside(html: str, markdown: str) -> None:
    assert clean_html(html) == markdown + "\n"


def test_space_at_the_edge_lets_the_delimiter_flank() -> None:
    assert clean_html("<p>with<em> <code>--x</code>.</em></p>") == "with *`--x`.*\n"


def test_nested_fallbacks_nest() -> None:
    output = clean_html("<p>a<b><em><code>x</code></em> <del><code>y</code></del></b>b</p>")
    assert output == "a<strong><em>`x`</em> <del>`y`</del></strong>b\n"


def test_a_text_that_reads_as_a_token_stays_text() -> None:
    token = html_token("strong")
    output = clean_html(f"<p>x<i>{token}</i>y{token}</p>")
    assert "<strong>" not in output
    assert output == "x*strong*ystrong\n"


def test_token_is_not_escaped() -> None:
    assert escape_text(html_token("em")) == html_token("em")
    with pytest.raises(ValueError, match="no inline HTML token"):
        html_token("span")


def test_tokens_become_tags_only_when_they_nest() -> None:
    open_, close = html_token("strong"), html_token("strong", closing=True)
    assert resolve_emphasis_markers(f"a{open_}`x`{close}b", _render) == "a<strong>`x`</strong>b"
    cut = f"a{open_}x\n\ny{close}b"
    assert resolve_emphasis_markers(cut, _render) == "ax\n\nyb"
    crossed = f"{html_token('em')}{open_}x{html_token('em', closing=True)}{close}"
    assert resolve_emphasis_markers(crossed, _render) == "x"


# --- URL whitespace ---------------------------------------------------------------------------


def test_destination_drops_what_url_parsing_drops() -> None:
    assert escape_destination(" /a\tb\n c \r") == "/ab%20c"
    assert escape_destination("\x01/a\x02(b)") == "/a%02\\(b\\)"


def test_encode_controls() -> None:
    assert encode_controls("/a\x00b\x7f\ufffe") == "/a%00b%7F%EF%BF%BE"
    assert encode_controls("/plain%20") == "/plain%20"


def test_url_attributes_are_normalized_before_serialisation() -> None:
    html = (
        '<p><a href="/a\n">x</a><a href=" /b  ">y</a><a href="/c\td e">z</a><img src=" /i\n"></p>'
    )
    tree = parse_tree(html, DEFAULT_OPTIONS.max_depth)
    assert tree is not None
    normalize_url_attributes(tree, DEFAULT_OPTIONS)
    serialized = inner_html(tree)
    for url in ('href="/a"', 'href="/b"', 'href="/cd e"', 'src="/i"'):
        assert url in serialized


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        (
            '<p><a href="https://zh.wikipedia.org/wiki/中文">维基</a></p>',
            "[维基](https://zh.wikipedia.org/wiki/中文)",
        ),
        (
            '<p><img src="https://e.com/图片 1.png" alt="图"></p>',
            "![图](https://e.com/图片%201.png)",
        ),
        ('<p><a href="/p?q=%E4%B8%AD&amp;x=1">e</a></p>', "[e](/p?q=%E4%B8%AD&x=1)"),
        ('<p><a href="/a&quot;b">q</a></p>', '[q](/a"b)'),
    ],
)
def test_urls_are_written_as_the_author_wrote_them(html: str, markdown: str) -> None:
    """lxml's HTML serializer percent-encodes href/src between the two parses; it must not
    show in the output (nor in a post made of several HTML regions)."""
    assert clean_html(html) == markdown + "\n"
    post = f"---\nt: 1\n---\n{html}\n\ntext\n\n{html}\n"
    assert clean(post) == f"---\nt: 1\n---\n{markdown}\n\ntext\n\n{markdown}\n"


def test_serialising_leaves_the_tree_as_it_was() -> None:
    tree = parse_tree(
        '<p><a href="/中" title="t">x</a><img src="/i.png"><a href="/a b">y</a></p>', 100
    )
    assert tree is not None
    before = [dict(element.attrib) for element in tree.iter()]
    inner_html(tree)
    assert [dict(element.attrib) for element in tree.iter()] == before


def test_an_authors_own_encoded_whitespace_stays() -> None:
    assert clean_html('<p><a href="/q?text=a%0Ab%20">x</a></p>') == "[x](/q?text=a%0Ab%20)\n"


def test_lazy_image_source_loses_whitespace() -> None:
    html = '<p><img data-src=" /i\tj k.png\n" alt="p"></p>'
    assert clean_html(html) == "![p](/ij%20k.png)\n"
