"""The whole-page entry points: which input is a page, what a page becomes, what passes through."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapedown import Options, ScrapedownError, clean
from scrapedown.page import PageOptions, clean_page, is_whole_page, page_to_post
from tests.page_fixtures import LONG, article, body, front, load, page


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "<!doctype html>\n<title>x</title><p>x</p>",
        "<html lang=en><p>x</p></html>",
        "\ufeff\n  <HTML><BODY>x</BODY></HTML>",
        "<?xml version='1.0' encoding='utf-8'?>\n<html><body>x</body></html>",
        "<!-- saved from url=(0042)https://example.com/ -->\n<html><body>x</body></html>",
        "<head><title>x</title></head><body>y</body>",
        "<body><p>x</p></body>",
        "---\ntitle: kept\n---\n<!DOCTYPE html><html><body>x</body></html>",
    ],
)
def test_whole_pages_are_recognised(text: str) -> None:
    assert is_whole_page(text)


@pytest.mark.parametrize(
    "text",
    [
        "<p>just a fragment</p>",
        "<div><p>x</p></div>\n<body>later</body>",
        "---\ntitle: post\n---\n\nSome *Markdown* that mentions `<html>` and <body> tags.\n",
        "```html\n<html><body>code</body></html>\n```\n",
        "",
        "---\ntitle: [broken\n---\n<html><body>x</body></html>",
    ],
)
def test_fragments_and_posts_are_not_pages(text: str) -> None:
    assert not is_whole_page(text)


def test_a_fragment_passes_through_unchanged() -> None:
    fragment = "<div><p>Hello <b>world</b></p></div>"
    assert page_to_post(fragment) == fragment
    assert clean_page(fragment) == clean(fragment)


def test_a_page_becomes_front_matter_and_article() -> None:
    html = page(
        '<title>A title</title><link rel="canonical" href="https://example.com/a/">',
        f"<nav><a href='/'>Home menu</a></nav>{article()}<footer>Footer line</footer>",
    )
    post = page_to_post(html)
    assert post.startswith("---\n")
    assert front(post) == {"title": "A title", "link": "https://example.com/a/"}
    assert "<p>Consensus protocols" in body(post)
    assert "Home menu" not in post and "Footer line" not in post


def test_clean_page_is_clean_of_page_to_post_and_idempotent() -> None:
    html = load("blog_post.html")
    cleaned = clean_page(html)
    assert cleaned == clean(page_to_post(html))
    assert clean_page(cleaned) == cleaned
    assert clean(cleaned) == cleaned


def test_existing_front_matter_is_kept_byte_for_byte() -> None:
    matter = (
        "---\ntitle: 'Mine'   # hand-written\ndate: 2020-01-01\nlink: https://mine.example/\n---\n"
    )
    html = page(
        '<meta property="og:title" content="Theirs"><meta name="author" content="Someone">',
        "<header><a href='/'>Site menu</a></header>" + article(LONG, "See <a href='x/'>x</a>."),
    )
    post = page_to_post(matter + html)
    assert post.startswith(matter)
    assert "Theirs" not in post and "Someone" not in post and "Site menu" not in post
    assert '<a href="https://mine.example/x/">x</a>' in post  # the post's own URL is the base
    assert clean_page(matter + html).startswith(matter)


def test_options_page_field_is_used_when_present() -> None:
    html = page("<title>T</title>", article())
    assert "title: T" in page_to_post(html, Options(), PageOptions(preset="jekyll"))
    with pytest.raises(ScrapedownError, match="unknown front-matter preset"):
        page_to_post(html, None, PageOptions(preset="gatsby"))


def test_options_of_the_wrong_type_are_refused() -> None:
    with pytest.raises(TypeError):
        page_to_post(page(body=article()), options="hexo")  # type: ignore[arg-type]


def test_extraction_can_be_switched_off() -> None:
    html = page("<title>T</title>", f"<nav><a href='/'>Home menu</a></nav>{article()}")
    whole = page_to_post(html, page=PageOptions(extract=False))
    assert "Home menu" in whole and "Consensus protocols" in whole
    assert "Home menu" not in page_to_post(html)


@pytest.mark.parametrize(
    "html",
    [
        "<!DOCTYPE html><html><head><title>Only a head</title></head></html>",
        "<!DOCTYPE html><html><body></body></html>",
        "<html><body>\x00\x01 control characters <p>and text</p></body></html>",
        "<html><body>" + "<div>" * 5000 + "deep text" + "</div>" * 5000 + "</body></html>",
    ],
)
def test_odd_pages_convert_without_error(html: str) -> None:
    post = clean_page(html)
    assert post.startswith("---\n")
    assert clean_page(post) == post


def test_deep_nesting_keeps_its_text() -> None:
    html = "<html><body>" + "<div>" * 3000 + LONG + "</div>" * 3000 + "</body></html>"
    assert "Consensus protocols" in body(page_to_post(html))


_TAGS = st.sampled_from(
    ["div", "p", "nav", "aside", "article", "main", "footer", "header", "a", "span", "pre",
     "section", "ul", "li", "form", "h1", "h2", "table", "td", "font"]
)  # fmt: skip
_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@st.composite
def _markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(_TAGS)
            attrs = draw(st.sampled_from(["", " class='share'", " id='comments'", " hidden"]))
            parts.append(f"<{tag}{attrs}>{draw(_markup(depth + 1))}</{tag}>")
        else:
            parts.append(html.escape(draw(_TEXT)))
    return "".join(parts)


@settings(max_examples=60, deadline=None)
@given(head=_TEXT, markup=_markup())
def test_any_page_converts_to_an_idempotent_post(head: str, markup: str) -> None:
    source = page(f"<title>{html.escape(head)}</title>", markup)
    post = clean_page(source)
    assert post.startswith("---\n") and post.endswith("\n")
    assert clean_page(post) == post


def test_crlf_pages_and_posts() -> None:
    html = page("<title>T</title>", article()).replace("\n", "\r\n")
    assert "\r" not in page_to_post(html)
    post = "---\r\ntitle: Mine\r\n---\r\n" + html
    assert page_to_post(post).startswith("---\ntitle: Mine\n---\n\n<p>Consensus")
