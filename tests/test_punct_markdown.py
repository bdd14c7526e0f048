"""`normalize_markdown`: text normalised, code/URLs/HTML untouched, no Markdown syntax created."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from scrapedown.options import Options
from scrapedown.punct import PunctOptions, normalize_markdown, normalize_punctuation

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def render(markdown: str) -> str:
    rendered: str = MD.render(markdown)
    return rendered


# --- protected constructs --------------------------------------------------------------------

UNTOUCHED = [
    (
        "fenced code",
        "前言２\n\n```python\nｐｒｉｎｔ（＂１＂）　＃ｘ\n```\n\n后记２",
        "```python\nｐｒｉｎｔ（＂１＂）　＃ｘ\n```",
    ),
    ("tilde fence", "~~~\nａ＝１\n~~~\n正文３", "~~~\nａ＝１\n~~~"),
    ("fence in a list", "- 项目１\n  ```\n  ｘ＝１\n  ```\n- 项目２", "  ｘ＝１"),
    ("fence in a quote", "> 引用１\n> ```\n> ｘ＝１\n> ```", "> ｘ＝１"),
    ("indented code", "段落１\n\n    ｃｏｄｅ　＝　１\n\n段落２", "    ｃｏｄｅ　＝　１"),
    ("code span", "运行`ｐｉｐ　ｉｎｓｔａｌｌ`然后２", "`ｐｉｐ　ｉｎｓｔａｌｌ`"),
    ("double-backtick span", "见``ａ`ｂ``好２", "``ａ`ｂ``"),
    ("code span across lines", "开始`ｘ\nｙ`结束２", "`ｘ\nｙ`"),
    ("link target", "[链接２](https://ex.org/（１）＿ａ)", "(https://ex.org/（１）＿ａ)"),
    ("link title", '[文２](https://ex.org "标题＂１＂")', '"标题＂１＂"'),
    ("image target", "![图２](https://ex.org/ａ．ｐｎｇ)", "(https://ex.org/ａ．ｐｎｇ)"),
    ("autolink", "见<https://ex.org/ａｂ>２", "<https://ex.org/ａｂ>"),
    ("bare URL", "见https://ex.org/a_b*c，２", "https://ex.org/a_b*c"),
    ("www URL", "见www.ex.org/a_b，２", "www.ex.org/a_b"),
    ("e-mail", "写信给a_b@ex.org，２", "a_b@ex.org"),
    ("inline HTML", '文<span title="ａ＋ｂ">字２</span>', '<span title="ａ＋ｂ">'),
    ("HTML comment", "文<!-- ａ＋ｂ -->２", "<!-- ａ＋ｂ -->"),
    ("HTML block", "<div>\n正文２　　\n</div>\n\n段落３", "<div>\n正文２　　\n</div>"),
    ("script block", "<script>\nｖａｒ ｘ＝１\n\nｙ＝２\n</script>\n\n文２", "\n\nｙ＝２\n"),
    ("link definition", "[ref]: https://ex.org/ａ 'ｔ'\n\n文２", "[ref]: https://ex.org/ａ 'ｔ'"),
    ("escaped character", "文\\*２", "文\\*"),
]


@pytest.mark.parametrize(("name", "markdown", "kept"), UNTOUCHED, ids=[u[0] for u in UNTOUCHED])
def test_protected_constructs_are_untouched(name: str, markdown: str, kept: str) -> None:
    out = normalize_markdown(markdown)
    assert kept in out
    assert out != markdown, "the text around it is normalised"
    assert normalize_markdown(out) == out


# --- context through inline syntax -----------------------------------------------------------

CONTEXT = [
    ("1．[3G](http://x)bps", "1.[3G](http://x)bps"),
    ("**４**．０", "**4**.0"),
    ("工业<b>４</b>．０", "工业<b>4</b>.0"),
    ("版本`v2`．０", "版本`v2`.0"),
    ("时间*１２*：*３０*", "时间*12*:*30*"),
    ("共**１**，**０００**人", "共**1**,**000**人"),
    ("## 标题＂引号＂", "## 标题“引号”"),
    ("> 引用\u3000\u3000内容", "> 引用 内容"),
    ("- \u3000\u3000缩进的项", "- 缩进的项"),
    ("1. 第一项２０％", "1. 第一项20%"),
    ("| 列１ | ２０％ |\n|---|---|\n| ａ | ｂ |", "| 列1 | 20% |\n|---|---|\n| a | b |"),
    ("Hello，**world** again", "Hello, **world** again"),
    ("**Note：**see this", "**Note: **see this"),  # not bold before either (CommonMark)
    ("**注意：**正文", "**注意：**正文"),
]


@pytest.mark.parametrize(("markdown", "expected"), CONTEXT)
def test_context_sees_through_inline_syntax(markdown: str, expected: str) -> None:
    assert normalize_markdown(markdown) == expected


# --- created syntax is escaped ---------------------------------------------------------------

CREATED = [
    "＊强调＊文字",
    "＿下划线＿文字",
    "＊＊粗体＊＊文字",
    "＃ 井号标题",
    "＃\u3000标题",
    "＞ 引用",
    "＋ 加号列表",
    "－ 减号列表",
    "１． 列表 ｉｔｅｍ ｏｎｅ",
    "１） ｉｔｅｍ ｏｎｅ",
    "＿＿＿",
    "＝＝＝",
    "条件ａ｜ｂ｜ｃ",
    "＜ｂ＞粗＜／ｂ＞",
    "＜ｈｔｔｐｓ：／／ｅｘ．ｏｒｇ＞",
    "<ｂ>粗</ｂ>",
    "＆ａｍｐ；和＆ｌｔ；",
    "ｓｅｅ ［ｌｉｎｋ］（ｈｔｔｐ：／／ｘ） now",
    "Ａｎｄ ～～ｄｅｌ～～ ｎｏｗ",
    "路径Ｃ：＼＊",
    "结尾＼",
    "\\＊转义前",
    "-\u3000项",
    "#\u3000标题",
    "５ ＊ ６ ＝ ３０",
    "ｍｙ＿ｖａｒ＿ｎａｍｅ",
]


@pytest.mark.parametrize("text", CREATED)
def test_conversion_never_creates_markdown_syntax(text: str) -> None:
    """The rendered result is one paragraph whose text is the plain-text normalisation."""
    out = normalize_markdown(text)
    plain = normalize_punctuation(text).strip()
    original = render(text)
    assert render(out) == f"<p>{escapeHtml(plain)}</p>\n", (original, out)
    assert normalize_markdown(out) == out


def test_escapes_are_minimal() -> None:
    assert normalize_markdown("ｍｙ＿ｆｉｌｅ．ｔｘｔ文件") == "my_file.txt文件"
    assert normalize_markdown("比较ａ＜ｂ") == "比较a<b"
    assert normalize_markdown("５ ＊ ６") == "5 * 6"
    assert normalize_markdown("话题＃标签＃") == "话题#标签#"
    assert normalize_markdown("Ｃ＃语言") == "C#语言"


SAFE_ALPHABET = [
    *"中文日本ﾊﾟ한ab09 \u3000，。：；！？（）［］｛｝～＂＇",
    *"＃％＆＊＋－／＜＝＞＠＼＾＿｜．ＡａＺ０９、",
]


@settings(max_examples=2_000, deadline=None)
@given(st.binary(max_size=24))
def test_no_syntax_is_created_on_random_lines(data: bytes) -> None:
    text = "".join(SAFE_ALPHABET[byte % len(SAFE_ALPHABET)] for byte in data)
    plain = normalize_punctuation(text).strip(" \t")
    out = normalize_markdown(text)
    expected = f"<p>{escapeHtml(plain)}</p>\n" if plain else ""
    assert render(out) == expected


# --- whole documents -------------------------------------------------------------------------

DOCUMENT = """# 工业４．０

\u3000\u3000e－works开启了＂中国标杆智能工厂＂的评选活动（第十届），提高２０％。

- 项目一：１＋Ｘ＋Ｎ
- 项目二：`ｃｏｄｅ`

> 引用：ｗｗｗ．ｅｘ．ｏｒｇ

```
ｋｅｅｐ　ｍｅ
```

[图](https://ex.org/ａ.png) 见https://ex.org/ｂ
"""

EXPECTED = """# 工业4.0

e-works开启了“中国标杆智能工厂”的评选活动（第十届），提高20%。

- 项目一：1+X+N
- 项目二：`ｃｏｄｅ`

> 引用：www.ex.org

```
ｋｅｅｐ　ｍｅ
```

[图](https://ex.org/ａ.png) 见https://ex.org/b
"""


def test_document() -> None:
    out = normalize_markdown(DOCUMENT)
    assert out == EXPECTED
    assert normalize_markdown(out) == out


def test_clean_markdown_is_returned_as_is() -> None:
    clean = "# 标题\n\n你好，世界：这是（正确的）中文。\n\n```\nｘ\n```\n"
    assert normalize_markdown(clean) is clean
    assert normalize_markdown(EXPECTED) is EXPECTED


def test_disabled() -> None:
    options = Options(punct=PunctOptions(enabled=False))
    assert normalize_markdown(DOCUMENT, options) is DOCUMENT


def test_crlf_document() -> None:
    crlf = "标题１\r\n\r\n```\r\nｘ\r\n```\r\n"
    assert normalize_markdown(crlf) == "标题1" + crlf[3:]


def test_optional_spacing_skips_markdown_syntax() -> None:
    options = Options(punct=PunctOptions(cjk_latin_spacing=True))
    assert normalize_markdown("在Python里", options) == "在 Python 里"
    assert normalize_markdown("在**Python**里", options) == "在**Python**里"


def test_pipes_are_escaped_in_tables_only() -> None:
    assert normalize_markdown("文｜作者") == "文|作者"
    table = "| 名称 | 说明 |\n|---|---|\n| ａ｜ｂ | ２０％ |"
    out = normalize_markdown(table)
    assert out == "| 名称 | 说明 |\n|---|---|\n| a\\|b | 20% |"
    assert render(out).count("<td>") == 2


def test_html_region_with_blank_lines_is_untouched() -> None:
    """CommonMark ends an HTML block at a blank line; an element still open continues it."""
    html = "<div><pre>\nｃｏｄｅ\xa0！＝ １\n\n  ｍｏｒｅ　ｃｏｄｅ\n</pre></div>\n\n正文２"
    out = normalize_markdown(html)
    assert out == html.replace("正文２", "正文2")


def test_zero_width_characters_next_to_emphasis_stay() -> None:
    """``**text \\u200d**`` renders bold only thanks to the invisible character."""
    bold = "**第一条： \u200d**正文\u200b"
    out = normalize_markdown(bold)
    assert out == "**第一条： \u200d**正文"
    assert render(out) == render(bold.replace("\u200b", ""))
    assert normalize_punctuation(bold) == "**第一条： **正文"


@pytest.mark.parametrize("text", ["\u3000\u3000- 项", "\u3000```", "\u3000<div>", "\xa0# 题"])
def test_indentation_that_hides_block_syntax_is_kept(text: str) -> None:
    """Deleting it would turn the paragraph into a list, a fence, an HTML block, a heading."""
    assert normalize_markdown(text) is text


@pytest.mark.parametrize("start", ["<body>", "<html>", "<head>", "<param name=a>"])
def test_a_start_tag_whose_end_is_optional_hides_nothing_after_it(start: str) -> None:
    # `<body>`, `<html>` and `<head>` may be left open and `<param>` is void: counted as open,
    # they hid the rest of the document from the normaliser (tags.UNBALANCED_TAGS).
    assert normalize_markdown(f"{start}\n\n工业４．０\n") == f"{start}\n\n工业4.0\n"
