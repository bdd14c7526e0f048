"""HTML → Markdown conversion: escaping only where needed, safe destinations, structure."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from scrapedown import Options, clean, clean_html

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def convert(html: str) -> str:
    return clean_html(html).rstrip("\n")


def rendered_text(markdown: str) -> str:
    return re.sub(r"<[^>]+>", "", MD.render(markdown)).strip()


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("snake_case_name", "snake_case_name"),
        ("2*3 = 6", "2*3 = 6"),
        ("从1到N_灯塔工厂_！", "从1到N_灯塔工厂_！"),
        ("*not emphasis*", "\\*not emphasis\\*"),
        ("_not emphasis_", "\\_not emphasis\\_"),
        ("a ** b", "a ** b"),
        ("# hash", "\\# hash"),
        ("#hashtag", "#hashtag"),
        ("> quote", "\\> quote"),
        ("- dash", "\\- dash"),
        ("+ plus", "\\+ plus"),
        ("3. three", "3\\. three"),
        ("2021. A year", "2021\\. A year"),
        ("---", "\\---"),
        ("<div> text", "\\<div> text"),
        ("a < b > c", "a < b > c"),
        ("[x](y)", "[x\\](y)"),
        ("[1] note", "[1] note"),
        ("`code`", "\\`code\\`"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("&copy; literal", "\\&copy; literal"),
        ("C:\\Users\\x", "C:\\Users\\x"),
        ("a\\*b", "a\\\\*b"),
    ],
)
def test_escaping(text: str, markdown: str) -> None:
    html = "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>"
    assert convert(html) == markdown
    assert rendered_text(markdown) == text.replace("&", "&amp;").replace("<", "&lt;").replace(
        ">", "&gt;"
    )


@pytest.mark.parametrize(
    ("url", "alt"),
    [
        ("http://x.org/a b.png", "a ] b"),
        ("http://x.org/a(1).png", "line\nbreak"),
        ("http://x.org/a)b.png", "![x](javascript:alert(1))"),
        ("http://x.org/<i>.png", "`tick` and *star*"),
    ],
)
def test_image_syntax_cannot_be_injected(url: str, alt: str) -> None:
    html = f'<p><img src="{url.replace("<", "&lt;").replace(">", "&gt;")}" alt="{alt}"></p>'
    markdown = convert(html)
    tokens = MD.parseInline(markdown)[0].children or []
    images = [t for t in tokens if t.type == "image"]
    assert len(images) == 1
    src = str(images[0].attrs["src"])
    assert src == MD.normalizeLink(url)
    alt_text = "".join(child.content for child in images[0].children or [])
    assert alt_text == " ".join(alt.split())


@pytest.mark.parametrize("text", ["a ] b", "x](http://evil.example)", "new\nline", "`t` <b>"])
def test_link_text_cannot_break_out(text: str) -> None:
    html = f'<p><a href="https://example.org/p">{text.replace("<", "&lt;")}</a></p>'
    markdown = convert(html)
    tokens = MD.parseInline(markdown)[0].children or []
    links = [t for t in tokens if t.type == "link_open"]
    assert [str(t.attrs["href"]) for t in links] == ["https://example.org/p"]


def test_pipe_table_with_colspan_and_short_rows() -> None:
    html = (
        "<table><tr><th>a</th><th>b</th><th>c</th></tr>"
        "<tr><td colspan='2'>wide</td><td>x</td></tr><tr><td>short</td></tr></table>"
    )
    assert convert(html) == ("| a | b | c |\n| --- | --- | --- |\n| wide |  | x |\n| short |  |  |")


def test_table_without_header_row_gets_first_row_as_header() -> None:
    html = "<table><tr><td>k</td><td>v</td></tr><tr><td>1</td><td>2</td></tr></table>"
    assert convert(html) == "| k | v |\n| --- | --- |\n| 1 | 2 |"


def test_table_with_list_in_cell_stays_html() -> None:
    html = "<table><tr><td><ul><li>a</li></ul></td></tr></table>"
    assert convert(html) == "<table>\n<tr><td><ul><li>a</li></ul></td></tr>\n</table>"


def test_pre_with_blank_lines_inside_html_table_stays_one_block() -> None:
    html = "<table><tr><td rowspan='2'><pre>a\n\nb</pre></td></tr></table>"
    markdown = convert(html)
    assert "\n\n" not in markdown
    assert clean_html(markdown).rstrip("\n") == markdown


def test_code_fence_longer_than_backticks_inside() -> None:
    assert convert("<pre>x\n```\ny</pre>") == "````\nx\n```\ny\n````"


def test_code_with_line_breaks_is_a_code_block() -> None:
    assert convert("<p><code>line 1<br>line 2</code></p>") == "```\nline 1\nline 2\n```"


def test_ordered_list_start_and_nested_code() -> None:
    html = "<ol start='3'><li>three<pre class='language-sh'>ls</pre></li><li>four</li></ol>"
    assert convert(html) == "3. three\n\n   ```sh\n   ls\n   ```\n4. four"


def test_cjk_line_breaks_are_not_spaces() -> None:
    assert convert("<p>中文\n换行 and English\nwords</p>") == "中文换行 and English words"


def test_bold_headings_option() -> None:
    html = "<p><strong>小标题</strong></p><p>正文。</p>"
    assert clean_html(html, Options(bold_headings=True)) == "### 小标题\n\n正文。\n"
    assert clean_html(html) == "**小标题**\n\n正文。\n"


def test_rules_can_be_switched_off_by_name() -> None:
    html = '<p><img src="https://cdn.example.org/a.png" alt="a.png"></p>'
    assert convert(html) == "![](https://cdn.example.org/a.png)"
    kept = clean_html(html, Options(disabled_rules=frozenset({"image_texts"})))
    assert kept == "![a.png](https://cdn.example.org/a.png)\n"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p>from &lt;<a href="http://a.org/">http://a.org/</a>&gt;.</p>',
            "from <<http://a.org/>>.\n",
        ),
        ('<p>see &lt;<a href="http://a.org/x">doc</a>&gt;</p>', "see <[doc](http://a.org/x)>\n"),
        ("<p>a &lt;<b>b</b></p>", "a \\<**b**\n"),  # `<**` is no tag, but `<b` was: kept safe
    ],
)
def test_a_less_than_sign_before_a_link_stays_bare(html: str, expected: str) -> None:
    """A link is written from `[` or `<`, neither of which makes a tag of a `<` before it:
    no escape (the corpus's `<<https://…>>` mail-list style stays as written)."""
    assert clean_html(html) == expected
    assert clean(expected) == expected
