"""A table of cases per rule of the full-width normaliser (spec: docs/punctuation.md)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from scrapedown import normalize_punctuation
from scrapedown.options import Options
from scrapedown.punct import PunctOptions
from scrapedown.punct.text import normalize_text

IDEO = "\u3000"
NBSP = "\u00a0"

RULES: dict[str, list[tuple[str, str]]] = {
    "halfwidth-forms": [
        ("ﾃﾚﾋﾞ番組", "テレビ番組"),
        ("｢ﾎﾟｹｯﾄ｣｡", "「ポケット」。"),
        ("ﾆｭｰｽ､天気", "ニュース、天気"),
    ],
    "fullwidth-alnum": [
        ("第３章", "第3章"),
        ("ｉＰａｄ发布会", "iPad发布会"),
        ("型号ＡＢ－１２", "型号AB-12"),
        ("（Ｂｏｂ）来了", "（Bob）来了"),
    ],
    "ideographic-space": [
        (IDEO * 2 + "正文开始", "正文开始"),
        ("结尾" + IDEO * 3, "结尾"),
        ("作者" + IDEO + "王五", "作者 王五"),
        ("作者" + IDEO * 3 + "王五", "作者 王五"),
        ("好的" + IDEO + "。", "好的。"),
        ("（" + IDEO + "注", "（注"),
        (IDEO + "  " + IDEO + "混排", "混排"),
        ("  两个空格", "  两个空格"),
        ("甲 " + IDEO + " 乙", "甲 乙"),
    ],
    "ascii-only-symbols": [
        ("增幅３０％", "增幅30%"),
        ("Ａ＆Ｂ公司", "A&B公司"),
        ("账号＠李四", "账号@李四"),
        ("３＋４＝７", "3+4=7"),
        ("＃标签", "#标签"),
        ("路径ａ／ｂ", "路径a/b"),
        ("ａ＾２", "a^2"),
        ("用｀ｇｉｔ｀管理", "用｀git｀管理"),
    ],
    "fullwidth-hyphen": [
        ("她说－－算了", "她说——算了"),
        ("她说－－－算了", "她说———算了"),
        ("ｅ－ｍａｉｌ地址", "e-mail地址"),
        ("运行－－ｖｅｒｓｉｏｎ", "运行--version"),
        ("零下－３度", "零下-3度"),
        ("上海－杭州", "上海-杭州"),
    ],
    "colon-between-digits": [
        ("上午９：１５开会", "上午9:15开会"),
        ("比分２：１", "比分2:1"),
        ("地点：会议室", "地点：会议室"),
        ("第３：章", "第3：章"),
    ],
    "url-scheme-and-drive-colon": [
        ("见ｈｔｔｐ：／／ｅｘ．ｏｒｇ", "见http://ex.org"),
        ("盘符Ｄ：＼ｄａｔａ", "盘符D:\\data"),
        ("目录Ｅ：／ｓｒｃ", "目录E:/src"),
        ("说明Ｄ：下一步", "说明D：下一步"),
    ],
    "thousands-comma": [
        ("总价２，５００元", "总价2,500元"),
        ("人口１，４００，０００人", "人口1,400,000人"),
        ("第３，４项", "第3，4项"),
        ("编号１，２３４５", "编号1，2345"),
    ],
    "fullstop": [
        ("版本３．１１", "版本3.11"),
        ("访问ｅｘａｍｐｌｅ．ｏｒｇ", "访问example.org"),
        ("Ｊ．Ｋ．罗琳", "J.K.罗琳"),
        ("完了．", "完了．"),
        ("２．概要", "2．概要"),
    ],
    "apostrophe-and-quotes": [
        ("ｄｏｎ＇ｔ", "don't"),
        ("称为＂内循环＂模式", "称为“内循环”模式"),
        ("所谓＇躺平＇", "所谓‘躺平’"),
        ("他喊＂停", '他喊"停'),
        ("＂ｏｋ＂ she said", '"ok" she said'),
        ("＂甲＂乙＂丙＂", "“甲”乙“丙”"),
    ],
    "url-query-continuation": [
        ("链接https://ex.org/find？ｋ＝ｖ", "链接https://ex.org/find?k=v"),
        ("去过https://ex.org？没有", "去过https://ex.org？没有"),
    ],
    "latin-line": [
        ("Good morning，everyone！", "Good morning, everyone!"),
        ("Note：see below。", "Note: see below."),
        ("Pick one；or two？", "Pick one; or two?"),
        ("Call（maybe）later", "Call (maybe) later"),
        ("Cost：５ dollars", "Cost: 5 dollars"),
        ("He said：＂Hi there＂", 'He said: "Hi there"'),
        ("cats、dogs and birds", "cats, dogs and birds"),
        ("Values 1～5 only", "Values 1~5 only"),
        ("See［1］for more", "See[1]for more"),
        ("Done。", "Done。"),
        ("Go《home》now please", "Go《home》now please"),
        ("안녕하세요，반갑습니다。", "안녕하세요, 반갑습니다."),
    ],
    "keep-cjk-punct": [
        ("你好，朋友！", "你好，朋友！"),
        ("（完）", "（完）"),
        ("说明：略；详见？", "说明：略；详见？"),
        ("约５～８人", "约5～8人"),
        ("［２］文献", "［2］文献"),
        ("他想——算了……", "他想——算了……"),
        ("メアリー・スミス", "メアリー・スミス"),
        ("￥５０", "￥50"),
        ("５０℃和②号", "50℃和②号"),
    ],
    "protected": [
        ("运行`ｌｓ　－ｌ`看看", "运行`ｌｓ　－ｌ`看看"),
        ("[说明（一）](https://ex.org/（２）)", "[说明（一）](https://ex.org/（２）)"),
        ("<https://ex.org/ｚ>", "<https://ex.org/ｚ>"),
        ("```\nａ＝１\n```\n值２", "```\nａ＝１\n```\n值2"),
        ("邮件ａｂ＠ｅｘ．ｏｒｇ。", "邮件ab@ex.org。"),
        ("网址https://ex.org/路径，好", "网址https://ex.org/路径，好"),
    ],
}

CASES = [(rule, given, expected) for rule, rows in RULES.items() for given, expected in rows]


@pytest.mark.parametrize(("rule", "given", "expected"), CASES)
def test_rule(rule: str, given: str, expected: str) -> None:
    assert normalize_punctuation(given) == expected
    assert normalize_punctuation(expected) == expected


WHITESPACE = [
    ("文字" + NBSP + "文字", "文字 文字"),
    (NBSP * 4 + "缩进", "缩进"),
    ("尾巴" + NBSP, "尾巴"),
    ("零\u200b宽", "零宽"),
    ("零\ufeff宽\u2060度\u200c", "零宽度"),
    ("孤立\u200d连接", "孤立连接"),
    ("👨\u200d💻 程序员", "👨\u200d💻 程序员"),
]


@pytest.mark.parametrize(("given", "expected"), WHITESPACE)
def test_nbsp_and_zero_width(given: str, expected: str) -> None:
    assert normalize_punctuation(given) == expected


def test_whitespace_switch_off_keeps_nbsp_and_zero_width() -> None:
    options = Options(punct=PunctOptions(nbsp_and_zero_width=False))
    text = "文字" + NBSP + "文字\u200b"
    assert normalize_punctuation(text, options) is text


def test_disabled_returns_input() -> None:
    text = "工业４．０"
    assert normalize_punctuation(text, Options(punct=PunctOptions(enabled=False))) is text


def test_clean_text_is_returned_as_is() -> None:
    text = "你好，世界。Hello, world.\n第二行"
    assert normalize_punctuation(text) is text


def test_crlf_line_endings_are_kept() -> None:
    assert normalize_punctuation("一" + IDEO + "\r\n２") == "一\r\n2"


OPTIONAL: list[tuple[str, str, str]] = [
    ("cjk_latin_spacing", "在Python里用2个库", "在 Python 里用 2 个库"),
    ("cjk_latin_spacing", "访问https://ex.org，获取", "访问 https://ex.org，获取"),
    ("ascii_punct_to_fullwidth", "你好,世界!", "你好，世界！"),
    ("ascii_punct_to_fullwidth", "版本1.2发布", "版本1.2发布"),
    ("ascii_quotes_to_cjk", '他说"好"', "他说“好”"),
    ("ascii_quotes_to_cjk", '他说"好', '他说"好'),
    ("zh_interpunct", "约翰・史密斯", "约翰·史密斯"),
    ("zh_interpunct", "カレー・ライス", "カレー・ライス"),
    ("yen_sign", "￥９９", "¥99"),
    ("small_form_variants", "你好﹐世界﹗", "你好，世界！"),
    ("trim_space_around_fullwidth_punct", "你好 ， 世界 。", "你好，世界。"),
]


@pytest.mark.parametrize(("switch", "given", "expected"), OPTIONAL)
def test_optional_rule(switch: str, given: str, expected: str) -> None:
    options = replace(PunctOptions(), **{switch: True})
    assert normalize_text(given, PunctOptions()) == normalize_punctuation(given)
    out = normalize_text(given, options)
    assert out == expected
    assert normalize_text(out, options) == out


@pytest.mark.parametrize("switch", sorted({switch for switch, _, _ in OPTIONAL}))
def test_optional_rules_are_off_by_default(switch: str) -> None:
    assert getattr(PunctOptions(), switch) is False


def test_a_created_autolink_does_not_break_idempotency() -> None:
    """``＜`` becomes ``<`` and opens an autolink that swallows a code span's backticks: the
    normaliser runs again until nothing changes."""
    once = normalize_punctuation("＜ps:```>ﾊ```")
    assert normalize_punctuation(once) == once
