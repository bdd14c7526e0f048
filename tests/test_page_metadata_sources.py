"""Dublin Core metadata and byline clean-up, through `page_to_post` (hand-written pages)."""

from __future__ import annotations

import pytest

from scrapedown.page import page_to_post
from tests.page_fixtures import article, front, page


def meta_of(head: str, body_html: str = "") -> dict[str, object]:
    return front(page_to_post(page(head, body_html or article())))


def test_dublin_core_title_and_creator_win_over_og_and_author() -> None:
    head = (
        "<title>Home | Example</title>"
        '<meta property="og:title" content="You will not believe this">'
        '<meta name="DC.title" content="Annual Report on River Levels">'
        '<meta name="author" content="webmaster">'
        '<meta name="DC.creator" content="Ines Ortega">'
    )
    data = meta_of(head)
    assert data["title"] == "Annual Report on River Levels"
    assert data["author"] == "Ines Ortega"


@pytest.mark.parametrize("prefix", ["dc:", "DC.", "dcterms:", "DCTERMS."])
def test_every_dublin_core_spelling_is_read(prefix: str) -> None:
    head = f'<meta property="{prefix}creator" content="Ines Ortega">'
    assert meta_of(head)["author"] == "Ines Ortega"


def test_space_separated_rdfa_properties_each_count() -> None:
    head = (
        "<title>Title Element</title>"
        '<meta property="x:title dc:title" content="Field Notes from Lisbon">'
        '<meta property="dc:creator twitter:site_name" content="Rui Lopes">'
        '<meta name="author" content="admin">'
    )
    data = meta_of(head)
    assert data["title"] == "Field Notes from Lisbon"
    assert data["author"] == "Rui Lopes"


def test_meta_without_content_is_skipped() -> None:
    head = '<meta property="dc:title"><meta property="og:title" content="Field Notes">'
    assert meta_of(head)["title"] == "Field Notes"


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("<span class='by'>by</span> <a>Lucas Nolan</a><span>22 Dec 2016</span><a>651</a>",
         "Lucas Nolan"),
        ("By <b>Nathan Willis</b> March 25, 2015", "Nathan Willis"),
        ("Par Sébastien Farcis 3rd June 2020", "Sébastien Farcis"),
    ],
)  # fmt: skip
def test_byline_name_stops_where_the_date_begins(byline: str, name: str) -> None:
    body_html = f"<p class='byline'>{byline}</p>{article()}"
    assert meta_of("", body_html)["author"] == name


def test_camel_case_byline_class_is_a_byline() -> None:
    body_html = f"<div class='FeatureByline'>By <b>Nathan Willis</b></div>{article()}"
    assert meta_of("", body_html)["author"] == "Nathan Willis"


def test_a_follow_button_is_not_a_name() -> None:
    body_html = (
        "<p class='author'>By Erin Cunningham</p>"
        "<span class='tweet-authors'><a href='/t'>Follow @erinc</a></span>" + article()
    )
    assert meta_of("", body_html)["author"] == "Erin Cunningham"


def test_only_a_follow_button_gives_no_author() -> None:
    body_html = "<span class='tweet-authors'><a href='/t'>Follow @erinc</a></span>" + article()
    assert "author" not in meta_of("", body_html)
