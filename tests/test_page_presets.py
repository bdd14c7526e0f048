"""Front-matter presets (hexo, hugo, jekyll): key names, date formats, per-key overrides, and
YAML that every generator's reader reads back as written."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from scrapedown import ScrapedownError
from scrapedown.page import PageOptions, page_to_post
from scrapedown.page.dates import format_date
from scrapedown.page.frontmatter_out import front_matter_data, render_front_matter
from scrapedown.page.metadata import PageMeta
from tests.page_fixtures import article, front, page

HEAD = (
    "<title>Raft notes</title>"
    '<meta property="article:published_time" content="2021-03-29T03:22:00+08:00">'
    '<meta property="article:modified_time" content="2021-04-02T18:00:00+08:00">'
    '<meta name="author" content="Ada Brook">'
    '<meta property="article:tag" content="raft">'
    '<meta property="article:section" content="Systems">'
    '<meta name="description" content="Notes.">'
    '<meta property="og:image" content="https://cdn.example.com/c.png">'
    '<link rel="canonical" href="https://example.com/raft/">'
)
PAGE = page(HEAD, article(), ' lang="en"')


def post_for(preset: str, **changes: object) -> str:
    return page_to_post(PAGE, page=PageOptions(preset=preset, **changes))  # type: ignore[arg-type]


def test_hexo_preset() -> None:
    post = post_for("hexo")
    assert post.startswith(
        "---\ntitle: Raft notes\ndate: 2021-03-29 03:22:00\nupdated: 2021-04-02 18:00:00\n"
        "author: Ada Brook\ntags:\n  - raft\ncategories:\n  - Systems\ndescription: Notes.\n"
        "cover: https://cdn.example.com/c.png\nlang: en\nlink: https://example.com/raft/\n---\n"
    )


def test_hugo_preset() -> None:
    data = front(post_for("hugo"))
    assert list(data) == [
        "title", "date", "lastmod", "author", "tags", "categories", "description", "images",
        "canonical_url",
    ]  # fmt: skip
    assert "date: 2021-03-29T03:22:00+08:00\n" in post_for("hugo")
    assert data["images"] == ["https://cdn.example.com/c.png"]
    assert "url" not in data and "lang" not in data


def test_jekyll_preset() -> None:
    post = post_for("jekyll")
    assert "date: 2021-03-29 03:22:00 +0800\n" in post
    assert "last_modified_at: 2021-04-02 18:00:00 +0800\n" in post
    data = front(post)
    assert data["image"] == "https://cdn.example.com/c.png"
    assert data["canonical_url"] == "https://example.com/raft/"
    assert data["lang"] == "en"


def test_preset_names_are_case_insensitive() -> None:
    assert post_for("Jekyll") == post_for("jekyll")


def test_per_key_overrides_and_dropped_fields() -> None:
    post = post_for("hexo", keys=(("cover", "headimg"), ("lang", ""), ("url", "source_url")))
    data = front(post)
    assert data["headimg"] == "https://cdn.example.com/c.png"
    assert "cover" not in data and "lang" not in data and "link" not in data
    assert data["source_url"] == "https://example.com/raft/"


def test_date_format_override() -> None:
    assert "date: 2021-03-29\n" in post_for("hexo", date_format="%Y-%m-%d")
    assert "date: 2021-03-29T03:22:00+08:00\n" in post_for("hexo", date_format="iso")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"preset": "gatsby"}, "unknown front-matter preset"),
        ({"keys": (("cover_image", "x"),)}, "unknown page field"),
    ],
)
def test_configuration_mistakes_are_clear_errors(changes: dict[str, Any], message: str) -> None:
    # PageOptions refuses them when it is made (issue 15), before any page is read.
    with pytest.raises(ScrapedownError, match=message):
        page_to_post(PAGE, page=PageOptions(**changes))


@pytest.mark.parametrize(
    "title",
    ["yes", "No", "on", "12:30", "2021-03-29", "null", "~", "1e3", "0x1F", "a: b", "#hash",
     "- dash", "[x]", "{y}", "'quoted'", '"double"', "trailing space ", "多行\n标题", "@at", "*"],
)  # fmt: skip
def test_titles_read_back_as_strings(title: str) -> None:
    text = render_front_matter(front_matter_data(PageMeta(title=title), PageOptions()))
    from yaml import safe_load  # the YAML 1.1 reader Jekyll-like tools use

    assert safe_load(text.strip().removeprefix("---").removesuffix("---")) == {"title": title}


def test_dates_are_written_plain_and_read_as_dates() -> None:
    meta = PageMeta(title="t", date=dt.datetime(2021, 3, 29, 3, 22), updated=dt.date(2021, 4, 2))
    text = render_front_matter(front_matter_data(meta, PageOptions()))
    assert "date: 2021-03-29 03:22:00\nupdated: 2021-04-02\n" in text


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (dt.datetime(2021, 3, 29, 3, 22, 5, 123), "%Y-%m-%d %H:%M:%S", "2021-03-29 03:22:05"),
        (dt.datetime(2021, 3, 29, 3, 22), "%Y-%m-%d %H:%M:%S %z", "2021-03-29 03:22:00"),
        (dt.datetime(2021, 3, 29, tzinfo=dt.UTC), "iso", "2021-03-29T00:00:00+00:00"),
        (dt.date(2021, 3, 29), "%Y-%m-%d %H:%M:%S", "2021-03-29"),
    ],
)
def test_format_date(value: dt.date, fmt: str, expected: str) -> None:
    assert format_date(value, fmt) == expected


def test_a_broken_pattern_is_a_clear_error() -> None:
    with pytest.raises(ScrapedownError, match="invalid page line pattern"):
        page_to_post(PAGE, page=PageOptions(meta_line_patterns=("([unclosed",)))
