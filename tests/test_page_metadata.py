"""Each metadata source of a page, and the title without the site's name."""

from __future__ import annotations

import datetime as dt

import pytest

from scrapedown.page import page_to_post
from scrapedown.page.title import clean_title
from tests.page_fixtures import article, front, load, page


def meta_of(head: str, body_html: str = "", html_attrs: str = "") -> dict[str, object]:
    return front(page_to_post(page(head, body_html or article(), html_attrs)))


# --- title -------------------------------------------------------------------------------------


def test_og_title_wins_over_the_title_element() -> None:
    head = '<title>Page | Site</title><meta property="og:title" content="Open Graph title">'
    assert meta_of(head)["title"] == "Open Graph title"


def test_title_element_loses_the_site_name_of_og_site_name() -> None:
    head = (
        "<title>How caching works | Example Blog</title>"
        '<meta property="og:site_name" content="Example Blog">'
    )
    assert meta_of(head)["title"] == "How caching works"


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        ("国产数据库发布新版本_青禾科技网", ["青禾科技网"], "国产数据库发布新版本"),
        ("标题｜某某日报", ["某某日报"], "标题"),
        ("Quiet Docs — Configuring retention", ["Quiet Docs"], "Configuring retention"),
        ("Post - Example Blog", ["example blog"], "Post"),
        ("A: B | Site", ["Site"], "A: B"),
    ],
)
def test_site_names_are_cut_from_either_end(title: str, names: list[str], expected: str) -> None:
    assert clean_title(title, names, []) == expected


def test_the_article_heading_is_evidence_for_the_suffix() -> None:
    assert clean_title("Tuning heartbeats :: Notes of a tired SRE", [], ["Tuning heartbeats"]) == (
        "Tuning heartbeats"
    )


def test_the_host_name_is_evidence_for_the_suffix() -> None:
    title = "Flexbox, a complete guide – CSS-Tricks"
    assert clean_title(title, [], [], "https://css-tricks.com/x/") == "Flexbox, a complete guide"
    assert clean_title("BBC bulletin - BBC", [], [], "https://www.bbc.co.uk/n") == "BBC bulletin"


@pytest.mark.parametrize(
    "title",
    ["Python - A Guide", "snake_case_names explained", "Vue | React | Svelte compared"],
)
def test_titles_without_evidence_are_left_alone(title: str) -> None:
    assert clean_title(title, ["Unrelated Site"], ["Other heading"], "https://x.example/") == title


def test_no_site_name_leaks_into_the_title_of_a_real_page() -> None:
    assert (
        front(page_to_post(load("news_cn.html")))["title"]
        == "国产开源数据库完成首个长期支持版本发布"
    )
    blog = front(page_to_post(load("blog_post.html")))
    assert blog["title"] == "Tuning Raft Heartbeats on Flaky Networks"


def test_the_h1_is_the_title_of_last_resort() -> None:
    assert (
        meta_of("", "<article><h1>Only a heading</h1><p>" + "text " * 30 + "</p></article>")[
            "title"
        ]
        == "Only a heading"
    )


# --- dates -------------------------------------------------------------------------------------


def test_article_published_time() -> None:
    head = '<meta property="article:published_time" content="2021-03-29T03:22:00+08:00">'
    assert meta_of(head)["date"] == dt.datetime(2021, 3, 29, 3, 22)  # hexo: wall clock, no zone


def test_json_ld_date_published_and_modified() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "BlogPosting", '
        '"datePublished": "2020-02-03", "dateModified": "2020-02-05T10:00:00Z"}</script>'
    )
    data = meta_of(ld)
    assert data["date"] == dt.date(2020, 2, 3)
    assert data["updated"] == dt.datetime(2020, 2, 5, 10, 0)


def test_time_element_next_to_the_article() -> None:
    body_html = (
        "<aside><time datetime='2001-01-01'>old sidebar item</time></aside>"
        "<div class='post'><div class='when'><time datetime='2019-07-08T09:10:11'>July 8</time>"
        f"</div>{article()}</div>"
    )
    assert meta_of("", body_html)["date"] == dt.datetime(2019, 7, 8, 9, 10, 11)


def test_time_marked_as_date_published_wins_over_a_nearer_time() -> None:
    body_html = (
        "<p>Updated <time datetime='2024-01-01'>today</time></p>"
        "<span itemprop='datePublished' content='2018-05-06'>May 6</span>" + article()
    )
    assert meta_of("", body_html)["date"] == dt.date(2018, 5, 6)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mon, 29 Mar 2021 03:22:00 GMT", dt.datetime(2021, 3, 29, 3, 22)),
        ("2021/3/9 8:05", dt.datetime(2021, 3, 9, 8, 5)),
        ("2021年3月9日", dt.date(2021, 3, 9)),
    ],
)
def test_date_formats_seen_in_the_wild(value: str, expected: object) -> None:
    assert meta_of(f'<meta name="pubdate" content="{value}">')["date"] == expected


@pytest.mark.parametrize(
    "placeholder", ["1970-01-01T01:00:00+01:00", "1969-12-31T19:00:00-05:00", "0001-01-01"]
)
def test_a_placeholder_date_gives_way_to_a_real_one(placeholder: str) -> None:
    head = f'<meta property="article:published_time" content="{placeholder}">'
    body_html = f"<p><time datetime='2021-05-06'>6 May</time></p>{article()}"
    assert meta_of(head, body_html)["date"] == dt.date(2021, 5, 6)


def test_a_date_that_is_not_a_date_is_left_out() -> None:
    assert "date" not in meta_of('<meta name="date" content="3 days ago">')


# --- author, description, cover, tags, categories, language, URL ------------------------------


def test_authors_from_json_ld_list() -> None:
    data = front(page_to_post(load("news_cn.html")))
    assert data["author"] == ["林晓", "周舟"]


def test_author_meta_but_not_a_profile_url() -> None:
    head = (
        '<meta property="article:author" content="https://facebook.com/someone">'
        '<meta name="author" content="Ada Brook">'
    )
    assert meta_of(head)["author"] == "Ada Brook"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta name="byl" content="By RUTH OKAFOR">', "RUTH OKAFOR"),
        ('<meta property="og:article:author" content="Field Desk">', "Field Desk"),
        ('<meta name="author" content="Bo Lindqvist (https://example.org/bo/)">', "Bo Lindqvist"),
        ('<meta name="author" content="von Arnim, Clara">', "von Arnim, Clara"),
    ],
)
def test_author_from_a_printed_byline_meta(head: str, expected: str) -> None:
    assert meta_of(head)["author"] == expected


def test_author_from_a_cite_byline() -> None:
    byline = '<cite class="byline vcard">By <span>MIRA SOL</span> <abbr>March 3, 2021</abbr></cite>'
    assert meta_of("", byline + article())["author"] == "MIRA SOL"


def test_a_job_title_inside_the_byline_box_is_not_the_name() -> None:
    box = (
        '<div class="author"><a class="author-link" href="/author/ines">Ines Varga</a>'
        '<div class="author-title">Science Editor</div></div>'
    )
    assert meta_of("", box + article())["author"] == "Ines Varga"
    # the box alone (no link of its own to pick): its name without the role under it
    box = '<p class="byline">By Ines Varga <span class="role">Science Editor</span></p>'
    assert meta_of("", box + article())["author"] == "Ines Varga"
    # BEM: the box's own `__title` is the name, not a job title
    box = '<div class="author-avatar"><h3 class="author-avatar__title">Ines Varga</h3></div>'
    assert meta_of("", box + article())["author"] == "Ines Varga"


def test_author_from_a_rel_author_link() -> None:
    body_html = "<p class='by'>By <a rel='author' href='/u/k'>Kim Lee</a></p>" + article()
    assert meta_of("", body_html)["author"] == "Kim Lee"


def test_description_prefers_open_graph() -> None:
    head = '<meta name="description" content="plain"><meta property="og:description" content="og">'
    assert meta_of(head)["description"] == "og"


def test_cover_image_is_resolved_and_unwrapped() -> None:
    head = (
        '<link rel="canonical" href="https://blog.example.com/p/1/">'
        '<meta property="og:image" content="https://wsrv.nl/?url=cdn.example.com/a.jpg&amp;w=300">'
    )
    assert meta_of(head)["cover"] == "http://cdn.example.com/a.jpg"
    relative = (
        '<link rel="canonical" href="https://blog.example.com/p/1/">'
        '<meta property="og:image" content="/img/c.png">'
    )
    assert meta_of(relative)["cover"] == "https://blog.example.com/img/c.png"


def test_cover_from_json_ld_image_object() -> None:
    assert front(page_to_post(load("news_cn.html")))["cover"] == (
        "https://img.qinghe.example.cn/2023/05/lts.jpg"
    )


def test_tags_from_article_tag_then_keywords() -> None:
    head = '<meta property="article:tag" content="raft"><meta property="article:tag" content="Go">'
    assert meta_of(head + '<meta name="keywords" content="ignored">')["tags"] == ["raft", "Go"]
    assert meta_of('<meta name="keywords" content="数据库，开源、数据库; Go">')["tags"] == [
        "数据库", "开源", "Go",
    ]  # fmt: skip


def test_tags_from_json_ld_keywords_list() -> None:
    ld = '<script type="application/ld+json">{"@type":"Article","keywords":["a","b"]}</script>'
    assert meta_of(ld)["tags"] == ["a", "b"]


def test_categories_from_article_section() -> None:
    assert meta_of('<meta property="article:section" content="Ops">')["categories"] == ["Ops"]


def test_language_from_html_lang_then_og_locale() -> None:
    assert meta_of("", "", ' lang="pt-BR"')["lang"] == "pt-BR"
    assert meta_of('<meta property="og:locale" content="zh_CN">')["lang"] == "zh-CN"


def test_canonical_url_then_og_url() -> None:
    assert meta_of('<link rel="canonical" href="https://a.example/x">')["link"] == (
        "https://a.example/x"
    )
    assert meta_of('<meta property="og:url" content="https://b.example/y">')["link"] == (
        "https://b.example/y"
    )
    assert "link" not in meta_of('<link rel="canonical" href="/relative/only">')


def test_json_ld_graph_references_and_broken_blocks() -> None:
    ld = (
        '<script type="application/ld+json">{not json,}</script>'
        '<script type="application/ld+json">{"@graph": [{"@type": "Person", "@id": "#me",'
        ' "name": "Referenced Person"}, {"@type": ["Thing", "schema:NewsArticle"],'
        ' "headline": "Graph headline", "author": {"@id": "#me"}}]}</script>'
    )
    data = meta_of(ld)
    assert data["title"] == "Graph headline"
    assert data["author"] == "Referenced Person"


def test_unknown_facts_are_left_out() -> None:
    assert meta_of("") == {}
    assert page_to_post(page("", article())).startswith("---\n---\n\n<p>Consensus")
