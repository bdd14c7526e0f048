"""Lists: adjacent lists kept apart, content directly in a list moved out of it, GFM task-list
checkboxes. Compared as rendered HTML where the spelling does not matter."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from scrapedown import clean, clean_html

_MD = MarkdownIt("commonmark")


def _render(markdown: str) -> str:
    return str(_MD.render(markdown)).replace("\n", "")


def _converted(html: str) -> str:
    markdown = clean_html(html)
    assert clean(markdown) == markdown, "not idempotent"
    return markdown


# --- adjacent lists -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<ul><li>a</li></ul><ul><li>b</li></ul>", "- a\n\n<!-- -->\n\n- b\n"),
        ("<ul><li>a</li></ul> \n <ul><li>b</li></ul>", "- a\n\n<!-- -->\n\n- b\n"),
        ("<ul><li>a</li></ul><span></span><ul><li>b</li></ul>", "- a\n\n<!-- -->\n\n- b\n"),
        (
            '<ol start="8"><li>a</li></ol><ol start="9"><li>b</li></ol>',
            "8. a\n\n<!-- -->\n\n9. b\n",
        ),
        (
            "<ul><li>a</li></ul><ul><li>b</li></ul><ul><li>c</li></ul>",
            "- a\n\n<!-- -->\n\n- b\n\n<!-- -->\n\n- c\n",
        ),
    ],
)
def test_adjacent_lists_of_one_kind_are_separated(html: str, markdown: str) -> None:
    assert _converted(html) == markdown


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<ul><li>a</li></ul><ol><li>b</li></ol>", "- a\n\n1. b\n"),
        ("<ul><li>a</li></ul><p>x</p><ul><li>b</li></ul>", "- a\n\nx\n\n- b\n"),
        ("<ul><li>a</li></ul>x<ul><li>b</li></ul>", "- a\n\nx\n\n- b\n"),
        ("<ul><li>x<ul><li>a</li></ul></li></ul>", "- x\n  - a\n"),
        ("<ul><li>x<ul><li>a</li></ul><ul><li>b</li></ul></li></ul>", "- x\n  - a\n  - b\n"),
    ],
)
def test_lists_apart_or_nested_need_no_separator(html: str, markdown: str) -> None:
    assert _converted(html) == markdown


def test_separated_lists_render_as_two_lists() -> None:
    html = _render(_converted("<ol><li>a</li></ol><ol><li>b</li></ol>"))
    assert html == "<ol><li>a</li></ol><!-- --><ol><li>b</li></ol>"


def test_separator_in_a_blockquote_and_in_a_post_is_stable() -> None:
    assert _converted("<blockquote><ul><li>a</li></ul><ul><li>b</li></ul></blockquote>") == (
        "> - a\n>\n> <!-- -->\n>\n> - b\n"
    )
    post = "---\ntitle: t\n---\n<ul><li>a</li></ul><ul><li>b</li></ul>\n"
    once = clean(post)
    assert once == "---\ntitle: t\n---\n- a\n\n<!-- -->\n\n- b\n"
    assert clean(once) == once


# --- content directly in a list -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<ol>x<li>y</li>z</ol>", "x\n\n1. y\n\nz\n"),
        ("<ol><li>a</li>mid<li>b</li></ol>", "1. a\n\nmid\n\n2. b\n"),
        (
            '<ol start="3"><li>a</li><b>mid</b> tail<li>b</li><li>c</li></ol>',
            "3. a\n\n**mid** tail\n\n4. b\n5. c\n",
        ),
        ("<ul><p>intro</p><li>a</li></ul>", "intro\n\n- a\n"),
        ("<ul><li>a</li><br><li>b</li></ul>", "- a\n- b\n"),  # no content: no split
        ("<ul><div><li>a</li></div><div><li>b</li></div></ul>", "- a\n- b\n"),  # items' wrappers
        ("<ul><li>a</li><ul><li>n</li></ul><li>b</li></ul>", "- a\n  - n\n- b\n"),
        ("<ul><li>a<ul>x<li>b</li></ul></li></ul>", "- a\n\n  x\n\n  - b\n"),
        (
            '<ul><li>a</li><img src="https://e.com/i.png"><li>b</li></ul>',
            "- a\n\n![](https://e.com/i.png)\n\n- b\n",
        ),
    ],
)
def test_content_directly_in_a_list_leaves_it(html: str, markdown: str) -> None:
    assert _converted(html) == markdown


# --- task lists ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ('<ul><li><input type="checkbox"/>Check Me!</li></ul>', "- [ ] Check Me!\n"),
        ('<ul><li><input checked="" type="checkbox"/>Checked!</li></ul>', "- [x] Checked!\n"),
        (
            '<ul><li class="task-list-item"><input class="task-list-item-checkbox" disabled="" '
            'type="checkbox"> a</li><li><p><input type="checkbox" checked disabled> '
            "<strong>b</strong></p></li></ul>",
            "- [ ] a\n- [x] **b**\n",
        ),
        ('<ol><li><label><input type="CheckBox" checked>x</label></li></ol>', "1. [x] x\n"),
        ('<ul><li><!-- c --><input type="checkbox"> x</li></ul>', "- [ ] x\n"),
    ],
)
def test_checkbox_opening_an_item_is_a_task_marker(html: str, markdown: str) -> None:
    assert _converted(html) == markdown


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ('<p><input type="checkbox" checked> outside</p>', "outside\n"),
        ('<ul><li>text <input type="checkbox"> after</li></ul>', "- text after\n"),
        (
            '<ul><li><img src="https://e.com/i.png"><input type="checkbox"> x</li></ul>',
            "- ![](https://e.com/i.png) x\n",
        ),
        ('<ul><li><input type="radio" checked> r</li></ul>', "- r\n"),
        ('<ul><li><a href="/x"><input type="checkbox"> link</a></li></ul>', "- [link](/x)\n"),
    ],
)
def test_other_inputs_are_still_dropped(html: str, markdown: str) -> None:
    assert _converted(html) == markdown


def test_task_markdown_is_left_alone() -> None:
    post = "---\ntitle: t\n---\n- [x] done\n- [ ] todo\n"
    assert clean(post) == post


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("- x\n\n<ul><li>y</li></ul>\n", "- x\n\n<!-- -->\n\n- y\n"),
        ("<ul><li>a</li></ul>\n\n<ul><li>b</li></ul>\n", "- a\n\n<!-- -->\n\n- b\n"),
        ("- a\n\n<div></div>\n\n- b\n", "- a\n\n<!-- -->\n\n- b\n"),
        ("1. a\n\n<ol start=2><li>b</li></ol>\n", "1. a\n\n<!-- -->\n\n2. b\n"),
        ("<ol><li>a</li></ol>\n\ntext\n\n<ol><li>b</li></ol>\n", "1. a\n\ntext\n\n1. b\n"),
        ("<ol><li>a</li></ol>\n\n<ul><li>b</li></ul>\n", "1. a\n\n- b\n"),
    ],
)
def test_lists_of_separate_blocks_of_a_post_stay_separate(body: str, want: str) -> None:
    """An HTML block ends a Markdown list; once converted, a comment line does that job."""
    post = "---\ntitle: t\n---\n" + body
    assert clean(post) == "---\ntitle: t\n---\n" + want
    assert clean(clean(post)) == clean(post)
    assert _MD.render(want).count("<ul>") + _MD.render(want).count("<ol") == 2
