"""Finding the article in a page: with and without an article element, under heavy chrome; what
is pruned inside it and what never is; relative URLs."""

from __future__ import annotations

import pytest

from scrapedown.page import PageOptions, clean_page, clean_page_result, page_to_post
from tests.page_fixtures import LONG, article, body, load, page
from tests.page_fixtures.templates import TEMPLATES, Facts

PARAGRAPHS = (
    "The first paragraph explains that leader leases only hold while clocks drift less than "
    "the lease margin, which is rarely checked in practice.",
    "A second paragraph, shorter.",
    "The third paragraph describes how the team measured drift across three regions for a "
    "month and found two hosts with a broken time daemon.",
    "Thanks for reading!",
)
ARTICLE_HTML = (
    f"<p>{PARAGRAPHS[0]}</p><h2>Measuring drift</h2><p>{PARAGRAPHS[1]}</p>"
    f"<ul><li>one host</li><li>two hosts</li></ul><p>{PARAGRAPHS[2]}</p>"
    f"<pre><code>chronyc tracking\n    System time : 0.000012 seconds fast</code></pre>"
    f"<p>{PARAGRAPHS[3]} See <a href='/notes/'>my notes</a>.</p>"
)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.__name__)
def test_heavy_chrome_around_a_known_article(template: object) -> None:
    html, chrome = template(Facts(title="Clock drift in practice"), ARTICLE_HTML)  # type: ignore[operator]
    out = body(clean_page(html))
    for paragraph in PARAGRAPHS:
        assert paragraph in out
    assert "## Measuring drift" in out and "- two hosts" in out
    assert "    System time : 0.000012 seconds fast" in out
    assert [phrase for phrase in chrome if phrase in out] == []
    assert "Clock drift in practice" not in out  # the title is front matter, not body


def test_page_with_an_article_element() -> None:
    out = clean_page(load("blog_post.html"))
    text = body(out)
    assert text.startswith("\nOur first instinct") and text.rstrip().endswith("section 9.6.")
    chrome = ("cookies", "Archive", "Talks", "Tweet", "Post to HN", "#raft", "You might also like",
              "Disqus", "Built with Jekyll", "Mar 29, 2021")  # fmt: skip
    assert [phrase for phrase in chrome if phrase in text] == []


def test_page_with_an_article_body_element() -> None:
    text = body(clean_page(load("docs_page.html")))
    assert text.lstrip().startswith("Retention decides")
    assert "| retention.ms | 604800000 |" in text and text.rstrip().endswith("catch up.")
    for chrome in ("Skip to main", "Installation guide", "Docs", "helpful", "Backups", "CC BY"):
        assert chrome not in text


def test_page_without_an_article_element() -> None:
    text = body(clean_page(load("news_cn.html")))
    assert text.count("\n\n") == 4  # five blocks: four paragraphs and the figure, nothing else
    assert "![架构示意图](https://news.qinghe.example.cn/upload/2023/05/arch.png)" in text
    for chrome in ("登录", "首页", "您的位置", "来源", "分享到", "相关阅读", "网友评论",
                   "24小时排行", "关于我们", "京ICP备"):  # fmt: skip
        assert chrome not in text


def test_extraction_off_keeps_the_whole_body() -> None:
    text = body(clean_page(load("news_cn.html"), page=PageOptions(extract=False)))
    assert "相关阅读" in text and "五月四日" in text


def test_article_cards_in_a_sidebar_do_not_win() -> None:
    cards = "".join(
        f"<article><a href='/p/{n}'>Card {n} title here</a></article>" for n in range(5)
    )
    html = page("", f"<div class='content'><p>{LONG}</p><p>{LONG}</p></div><aside>{cards}</aside>")
    text = body(page_to_post(html))
    assert text.count("Consensus protocols") == 2 and "Card 1" not in text


def test_a_class_name_cannot_make_the_article_chrome() -> None:
    html = page(
        "", f"<nav><a href='/'>Home link</a></nav><div class='post ads-free'>{article()}</div>"
    )
    text = body(page_to_post(html))
    assert "Consensus protocols" in text and "Home link" not in text
    wordpress = page("", f"<article class='post tag-ads category-social'><p>{LONG}</p></article>")
    assert "Consensus protocols" in body(page_to_post(wordpress))


def test_chrome_inside_the_article_is_pruned_but_its_content_is_not() -> None:
    inner = (
        f"<p>{LONG}</p><div class='share-bar'><a href='#'>Share on Mastodon</a></div>"
        "<h3>See also</h3><ul><li><a href='/a'>Related reading A</a></li>"
        "<li><a href='/b'>Related reading B</a></li></ul>"
        "<pre><code><span class='comment'># a comment in code</span>\nrun()</code></pre>"
        f"<p>{LONG}</p><section class='comments'><p>{LONG} (a reader)</p></section>"
    )
    text = body(page_to_post(page("", f"<article>{inner}</article>")))
    assert "Share on Mastodon" not in text and "(a reader)" not in text
    assert "Related reading A" in text and "# a comment in code" in text
    assert text.count("Consensus protocols") == 2


def test_a_short_last_paragraph_and_a_lead_stay() -> None:
    html = page(
        "",
        f"<div class='post'><p class='lead'>A lead line.</p><div class='body'><p>{LONG}</p>"
        f"<p>{LONG}</p><p>See <a href='/x'>x</a>.</p></div></div><div class='side'>"
        "<ul><li><a href='/1'>Link one</a></li><li><a href='/2'>Link two</a></li></ul></div>",
    )
    text = body(page_to_post(html))
    assert "A lead line." in text and "See <a" in text and "Link one" not in text


def test_the_title_heading_is_dropped_only_when_it_repeats_the_title() -> None:
    html = page("<title>The Title | Site</title><meta property='og:site_name' content='Site'>",
                f"<article><h1>The Title</h1>{article()}</article>")  # fmt: skip
    assert "<h1>" not in body(page_to_post(html))
    kept = page_to_post(html, page=PageOptions(drop_title_heading=False))
    assert "<h1>The Title</h1>" in body(kept)
    other = page("<title>The Title</title>", f"<article><h1>Another</h1><p>{LONG}</p></article>")
    assert "<h1>Another</h1>" in body(page_to_post(other))


def test_indentation_outside_pre_cannot_become_a_code_block() -> None:
    inner = f"\n        <p>{LONG}</p>\n\n        <p>Second\n            line</p>\n"
    html = page("", f"<article><div>{inner}</div><pre>  keep\n      this</pre></article>")
    out = body(clean_page(html))
    assert "```" in out and "  keep\n      this" in out
    assert "    " not in out.split("```")[0]


def test_hidden_elements_around_the_article_are_chrome() -> None:
    html = page("", f"<div hidden><p>{LONG} hidden copy</p></div>{article()}")
    assert "hidden copy" not in body(page_to_post(html))


# --- relative URLs -----------------------------------------------------------------------------

INNER = (
    f"<p>{LONG} <a href='../other/'>other</a> <a href='#top'>top</a>"
    "<a href='//cdn.example.net/x.pdf'>pdf</a></p>"
    "<img src='img/a.png' srcset='img/a.png 1x, img/a@2x.png 2x'>"
    "<img data-src='/lazy/b.jpg' src='data:image/gif;base64,R0lGOD'>"
)


def test_relative_urls_resolve_against_the_canonical_url() -> None:
    html = page('<link rel="canonical" href="https://blog.example.com/2021/post/">', article(INNER))
    text = body(page_to_post(html))
    assert 'href="https://blog.example.com/2021/other/"' in text
    assert 'href="#top"' in text and 'href="//cdn.example.net/x.pdf"' not in text
    assert 'src="https://blog.example.com/2021/post/img/a.png"' in text
    assert "https://blog.example.com/2021/post/img/a@2x.png 2x" in text
    assert 'data-src="https://blog.example.com/lazy/b.jpg"' in text
    cleaned = body(clean_page(html))
    assert "![](https://blog.example.com/2021/post/img/a@2x.png)" in cleaned
    assert "![](https://blog.example.com/lazy/b.jpg)" in cleaned


def test_base_href_wins_and_may_itself_be_relative() -> None:
    head = '<link rel="canonical" href="https://site.example/blog/post/"><base href="/static/">'
    text = body(page_to_post(page(head, article(INNER))))
    assert 'src="https://site.example/static/img/a.png"' in text
    absolute = '<base href="https://cdn.example.org/assets/">'
    assert 'src="https://cdn.example.org/assets/img/a.png"' in body(
        page_to_post(page(absolute, article(INNER)))
    )


def test_without_any_base_relative_urls_are_kept() -> None:
    text = body(page_to_post(page("", article(INNER))))
    assert 'src="img/a.png"' in text and 'href="../other/"' in text


def test_a_note_aside_inside_the_article_stays_a_sidebar_goes() -> None:
    note = f"<aside><p>Note: {LONG}</p></aside>"
    links = "<li><a href='/1'>Archive link one</a></li><li><a href='/2'>Two</a></li>"
    sidebar = f"<aside><ul>{links}</ul></aside>"
    html = page("", f"<div class='post'><p>{LONG}</p>{note}<p>{LONG}</p>{sidebar}</div>")
    text = body(page_to_post(html))
    assert "Note: Consensus" in text and "Archive link one" not in text


def _wrapper_page(after: str, before: str = "") -> str:
    """A page without any marked region: a wrapper of running text between a menu and `after`."""
    text = "".join(f"<p>{LONG} Paragraph {i}.</p>" for i in range(12))
    menu = "<div id='top'><a href='/'>Home</a> <a href='/about'>About</a></div>"
    return page("", f"{menu}{before}<div class='wrapper'>{text}</div>{after}")


def test_a_short_footer_of_running_text_after_the_wrapper_is_left_out() -> None:
    footer = (
        "<div id='footerContainer'><p>Friends of the River is a small association that looks"
        " after the banks of the river since 1987, with volunteers from three villages.</p>"
        "<p><a href='/imprint'>Imprint</a> <a href='/privacy'>Privacy</a></p></div>"
    )
    out = body(clean_page(_wrapper_page(footer)))
    assert "Paragraph 11." in out and "Paragraph 0." in out
    assert "Friends of the River" not in out


def test_a_lone_background_picture_after_the_wrapper_is_left_out() -> None:
    out = body(clean_page(_wrapper_page("<div id='bg'><img src='/bg/texture.jpg'></div>")))
    assert "Paragraph 11." in out and "texture.jpg" not in out


def test_a_lead_picture_before_the_wrapper_stays() -> None:
    lead = "<div class='hero'><img src='/img/lead.jpg' alt='The river'></div>"
    out = body(clean_page(_wrapper_page("<div id='bg'><img src='/bg/texture.jpg'></div>", lead)))
    assert "lead.jpg" in out and "Paragraph 11." in out


def _list_in_the_middle(host: str) -> str:
    items = "".join(
        f"<li><a href='https://{host}/show_bug.cgi?id={i}'>Fullscreen window loses focus when"
        f" the video source switches number {i}</a></li>"
        for i in range(4)
    )
    head = "<link rel='canonical' href='https://blog.example.org/2021/notes/'>"
    inner = f"<p>{LONG}</p><p>{LONG}</p><ul>{items}</ul><p>{LONG}</p><p>{LONG} The end.</p>"
    return page(head, f"<article>{inner}</article>")


def test_a_list_of_links_to_another_site_in_the_middle_of_the_article_stays() -> None:
    out = body(clean_page(_list_in_the_middle("bugs.example.net")))
    assert "source switches number 3" in out and "The end." in out


def test_a_list_of_titles_of_the_sites_own_posts_in_the_middle_goes() -> None:
    out = body(clean_page(_list_in_the_middle("blog.example.org")))
    assert "source switches number" not in out and "The end." in out


def test_a_title_heading_outside_the_wrapper_does_not_keep_the_search_at_the_body() -> None:
    text = "".join(f"<p>{LONG} Paragraph {i}.</p>" for i in range(6))
    html = page("<title>Clock drift</title>", f"<h1>Clock drift</h1><div class='w'>{text}</div>")
    result = clean_page_result(html)
    assert result.confidence > 0.5  # found by the search, not the whole body kept
    assert "Paragraph 5." in result.text


def test_an_article_body_named_read_more_is_kept() -> None:
    text = "".join(f"<p>{LONG} Paragraph {i}.</p>" for i in range(4))
    others = "".join(f"<div class='s'><p>{LONG} Other story.</p></div>" for _ in range(5))
    entry = f"<div class='entry-content entry-content-read-more'>{text}</div>"
    out = body(clean_page(page("", f"<div class='box'>{entry}{others}</div>")))
    assert "Paragraph 3." in out
