"""Body classification: which lines are HTML regions, which stay Markdown."""

from __future__ import annotations

from scrapedown import clean
from scrapedown.parse.detect import split_segments


def _kinds(body: str) -> list[tuple[bool, str]]:
    return [(s.is_html, s.text.strip()) for s in split_segments(body) if s.text.strip()]


def test_a_div_with_blank_lines_is_one_region() -> None:
    body = "<div>\n<p>a</p>\n\ntext\n\n<p>b</p>\n</div>\n\nAfter *md*.\n"
    assert _kinds(body) == [
        (True, "<div>\n<p>a</p>\n\ntext\n\n<p>b</p>\n</div>"),
        (False, "After *md*."),
    ]


def test_a_table_split_by_blank_lines_stays_a_table() -> None:
    body = "<table><tr><th>k</th></tr>\n\n<tr><td>v</td></tr>\n\n</table>\n"
    assert clean(body) == "| k |\n| --- |\n| v |\n"


def test_comment_only_block_is_markdown() -> None:
    assert _kinds("a\n\n<!-- more -->\n\nb\n") == [(False, "a\n\n<!-- more -->\n\nb")]


def test_html_in_code_spans_is_not_html() -> None:
    body = 'Use `<span style="x">` and `<div>` here.\n'
    assert _kinds(body) == [(False, body.strip())]
    assert clean(body) == body


def test_paragraph_with_presentational_inline_html_is_converted() -> None:
    segments = _kinds('Text <span style="color:red">red</span> and *md*.\n')
    assert segments == [(True, '<p>Text <span style="color:red">red</span> and <em>md</em>.</p>')]


def test_legitimate_inline_html_is_left_alone() -> None:
    body = "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, see x<sup>2</sup>.\n"
    assert clean(body) == body


def test_markdown_without_html_is_never_rerendered() -> None:
    body = "Intro_with_underscores and 2*3*4 and \\*kept\\*.\n\n* star bullet\n+ plus bullet\n"
    assert clean(body) == body
