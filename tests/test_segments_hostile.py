"""Body segmentation (stage 2) on hostile and real-world input, through the public API: nothing
lost (headings, links, paragraph breaks after the input survive), nothing injected (the rendered
output holds no script, handler or unsafe URL), idempotent, and the excerpt marker kept."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from scrapedown import clean, clean_html
from scrapedown.tags import INLINE_HTML_TAGS

_RENDER = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
# What a browser would run or load: scripts, frames, handlers, script URLs (after rendering).
_UNSAFE = re.compile(
    r"<(?:script|iframe|object|embed|svg|style|details|form)\b|\son[a-z]+\s*=|javascript:",
    re.IGNORECASE,
)
# A tail that must come through untouched after every hostile paragraph.
_TAIL = "\n\n## Next\n\n[a](https://example.com/)\n\nLast *words*.\n"


def _settled(text: str) -> str:
    """`clean(text)`, checked to be idempotent and to render without anything unsafe."""
    once = clean(text)
    assert clean(once) == once, f"not idempotent: {once!r} -> {clean(once)!r}"
    rendered = _RENDER.render(once)
    assert not _UNSAFE.search(_visible_html(rendered)), rendered
    return once


def _visible_html(html: str) -> str:
    """Rendered HTML without its comments (as the HTML tokenizer reads them)."""
    from scrapedown.parse.html_tokens import complete_comments

    parts, cursor = [], 0
    for start, end in complete_comments(html):
        parts.append(html[cursor:start])
        cursor = end
    parts.append(html[cursor:])
    return "".join(parts)


def _keeps_tail(output: str) -> None:
    assert output.endswith(_TAIL.lstrip("\n")), output


# --- item 2: text that only looks like a tag never opens a region ---------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        'Write `<div>` in HTML, <span style="color:red">like</span> this.',
        'Write \\<div> in HTML, <span style="color:red">like</span> this.',
        'Write `<table><tr>` here, <font color="red">like</font> this.',
        'See [x](https://example.com/ "<div>") and <span class="c">this</span>.',
        '<span style="color:red">A</span> closing `</div>` in code.',
    ],
)
def test_a_tag_in_code_or_escaped_does_not_swallow_the_post(paragraph: str) -> None:
    output = _settled(paragraph + _TAIL)
    _keeps_tail(output)
    assert "span" not in output and "font" not in output


def test_the_issue_example_keeps_heading_and_link() -> None:
    text = 'Write `<div>` in HTML, <span style="color:red">like</span> this.\n\n## Next\n\n[a](https://example.com/)\n'
    assert (
        _settled(text)
        == "Write `<div>` in HTML, like this.\n\n## Next\n\n[a](https://example.com/)\n"
    )


def test_an_unclosed_element_does_not_swallow_what_follows() -> None:
    text = '<div class="wrap">\n<p>Intro.</p>' + _TAIL
    output = _settled(text)
    _keeps_tail(output)
    assert output.startswith("Intro.\n\n")


def test_a_code_block_in_markdown_after_html_is_code() -> None:
    text = '<p>x <span style="c">y</span></p>\n\nIntro:\n\n    <div>\n    </div>' + _TAIL
    output = _settled(text)
    assert "\n\n    <div>\n    </div>\n\n## Next" in output
    _keeps_tail(output)


def test_a_div_split_by_blank_lines_is_still_one_region() -> None:
    text = "<div>\n<ul>\n<li>a</li>\n\n<li>b</li>\n</ul>\n\nloose text\n\n</div>" + _TAIL
    output = _settled(text)
    assert output.startswith("- a\n- b\n\nloose text\n\n## Next")


def test_indented_markup_inside_an_open_element_is_html() -> None:
    text = '<div class="post">\n<p>One.</p>\n\n    <p>Two <b>bold</b>.</p>\n\n</div>' + _TAIL
    output = _settled(text)
    assert output.startswith("One.\n\nTwo **bold**.\n\n## Next")


def test_a_fence_inside_a_region_stays_code() -> None:
    text = "<div>\n\n```html\n</div>\n```\n\n</div>" + _TAIL
    output = _settled(text)
    assert output.startswith("```html\n</div>\n```\n\n## Next")


def test_a_script_across_blank_lines_is_dropped_whole() -> None:
    text = '<p>Before.</p>\n<script>\nvar a = "<div>";\n\n    var b = 1;\n</script>' + _TAIL
    output = _settled(text)
    assert output.startswith("Before.\n\n## Next")
    assert "var" not in output


# --- item 1: only real comments are kept verbatim ---------------------------------------------


@pytest.mark.parametrize(
    "block",
    [
        "<!-- a --><script>alert(1)</script><!-- b -->",
        "<!--><img src=x onerror=alert(1)>-->",
        "<!---><img src=x onerror=alert(1)>-->",
        "<!-- a --!><img src=x onerror=alert(1)>-->",
        "<!-- a -->\n<svg onload=alert(1)></svg>",
    ],
)
def test_a_block_that_only_starts_with_a_comment_is_converted(block: str) -> None:
    output = _settled("Intro.\n\n" + block + _TAIL)
    assert "alert" not in output
    _keeps_tail(output)


def test_a_comment_closed_by_bang_is_read_as_browsers_do() -> None:
    # CommonMark runs this HTML block to the end of the post (it has no `-->`); a browser ends
    # the comment at `--!>` and runs the script. The script goes, the text stays.
    output = _settled("<!-- a --!><script>alert(1)</script>" + _TAIL)
    assert "alert" not in output
    assert "Next" in output and "words" in output


@pytest.mark.parametrize(
    "block",
    ["<!-- note -->", "<!---->", "<!-- a -->  <!-- b -->", "<!-- multi\nline -->"],
)
def test_a_block_of_only_comments_is_kept_verbatim(block: str) -> None:
    text = "Intro.\n\n" + block + _TAIL
    assert _settled(text) == text


@pytest.mark.parametrize("block", ["<!-->", "<!--->"])
def test_an_empty_comment_is_written_out_in_full(block: str) -> None:
    # Browsers and CommonMark end `<!-->` at once; older renderers read on to the next `-->`.
    text = "Intro.\n\n" + block + _TAIL
    assert _settled(text) == "Intro.\n\n<!-- -->" + _TAIL


# --- item 3: the excerpt marker survives in every position -----------------------------------

_MARKERS = ("<!-- more -->", "<!--more-->")


@pytest.mark.parametrize("marker", _MARKERS)
@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("<p>摘要。</p>\n{m}\n<p>正文。</p>\n", "摘要。\n\n{m}\n\n正文。\n"),
        ("<div>\n<p>摘要。</p>\n{m}\n<p>正文。</p>\n</div>\n", "摘要。\n\n{m}\n\n正文。\n"),
        ("<div>\n\n摘要。\n\n{m}\n\n正文。\n\n</div>\n", "摘要。\n\n{m}\n\n正文。\n"),
        ("{m}\n<p>正文。</p>\n", "{m}\n\n正文。\n"),
        ("<p>摘要。</p>\n{m}\n", "摘要。\n\n{m}\n"),
        ("<p>摘要。{m}</p>\n", "摘要。\n\n{m}\n"),
        ("{m}\n", "{m}\n"),
        ("摘要。\n\n{m}\n\n正文。\n", "摘要。\n\n{m}\n\n正文。\n"),
        ('摘要 <span style="c">a</span> {m} 正文\n', "摘要 a\n\n{m}\n\n正文\n"),
    ],
)
def test_the_excerpt_marker_survives(marker: str, template: str, expected: str) -> None:
    text = template.format(m=marker)
    assert _settled(text) == expected.format(m=marker)
    crlf = text.replace("\n", "\r\n")
    assert _settled(crlf) == expected.format(m=marker).replace("\n", "\r\n")


def test_the_excerpt_marker_survives_in_a_post_with_front_matter() -> None:
    text = "---\ntitle: t\n---\n<p>摘要。</p>\n<!-- more -->\n<p>正文。</p>\n"
    assert _settled(text) == "---\ntitle: t\n---\n摘要。\n\n<!-- more -->\n\n正文。\n"


def test_other_comments_in_html_are_still_dropped() -> None:
    assert _settled("<p>a</p>\n<!-- tracking -->\n<p>b</p>\n") == "a\n\nb\n"


# --- item 4: <br> at the edges of a Markdown block is layout ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<br>text<br>\n", "text\n"),
        ("<br/><br>text\n", "text\n"),
        ("text <BR />\n", "text\n"),
        ("<br>a<br>b<br>\n", "a\\\nb\n"),
        ("## <br>Title<br>\n", "## Title\n"),
        ("- <br>item\n- two\n", "- item\n- two\n"),
    ],
)
def test_edge_breaks_are_dropped(text: str, expected: str) -> None:
    assert _settled(text) == expected


def test_a_break_between_text_is_kept_as_written() -> None:
    assert _settled("a<br>b\n") == "a<br>b\n"


def test_breaks_in_table_cells_are_line_breaks() -> None:
    once = clean_html(
        "<table><tr><th>h</th><th>k</th></tr><tr><td><br>x<br></td><td>y</td></tr></table>"
    )
    assert "<br>x<br>" in once
    assert _settled(once) == once


# --- item 5: inline HTML in Markdown is kept only from the allowlist -------------------------


@pytest.mark.parametrize(
    ("paragraph", "visible"),
    [
        ("Hello <script>alert(1)</script> world", "Hello world"),
        ("x <svg onload=alert(1)></svg> y", "x y"),
        ("x <details ontoggle=alert(1)>y</details>", "y"),
        ("x <em onmouseover=alert(1)>y</em>", "x *y*"),
        ('x <iframe src="javascript:alert(1)"></iframe> y', "x y"),
        ("x <kbd onclick=alert(1)>k</kbd>", "x `k`"),
        ('x <abbr title="t" onclick="alert(1)">A</abbr>', "x A"),
        ("x <img src=x onerror=alert(1)> y", "x ![](x) y"),
        ("a <?x > <img src=x onerror=alert(1)> ?> b", "a"),
        ("a <![CDATA[ > <script>alert(1)</script> ]]> b", "a"),
        ("x <!-- a --!><img src=x onerror=alert(1)>-->", "x"),
    ],
)
def test_inline_html_off_the_allowlist_is_converted(paragraph: str, visible: str) -> None:
    output = _settled(paragraph + _TAIL)
    assert visible in output
    assert "alert" not in output
    _keeps_tail(output)


@pytest.mark.parametrize(
    "block",
    [
        "> <script>alert(1)</script>",
        "- <div onclick=alert(1)>hi</div>",
        "> <table><tr><td><a href='javascript:alert(1)'>x</a></td></tr></table>",
        "- <table><tr><td><img src=x onerror=alert(1)></td></tr></table>",
    ],
)
def test_html_blocks_nested_in_markdown_are_checked_too(block: str) -> None:
    output = _settled(block + _TAIL)
    assert "alert" not in output
    _keeps_tail(output)


def test_allowlisted_inline_html_is_kept_verbatim() -> None:
    text = (
        'Press <kbd>Ctrl</kbd>, x<sup>2</sup>, H<sub>2</sub>O, <abbr title="HyperText">HTML</abbr>,'
        " <mark>m</mark>, <ins>i</ins>, <ruby>漢<rt>kan</rt></ruby>, a<br>b, <!-- note -->.\n"
    )
    assert _settled(text) == text
    assert {"kbd", "sup", "sub", "abbr", "mark", "ins", "ruby", "rt", "br"} <= INLINE_HTML_TAGS


def test_a_minimal_table_nested_in_a_list_is_kept_on_the_second_pass() -> None:
    html = (
        "<ul><li>item<table><tr><td rowspan='2'>a</td><td>b</td></tr><tr><td>c</td></tr>"
        "</table></li></ul>"
    )
    once = clean_html(html)
    assert "<table>" in once
    assert clean(once) == once


def test_markdown_without_html_is_never_rerendered() -> None:
    body = "Intro_with_underscores and 2*3*4 and \\*kept\\*.\n\n* star bullet\n+ plus bullet\n"
    assert _settled(body) == body
