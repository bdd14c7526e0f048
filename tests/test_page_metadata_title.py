"""Which title, author and site name a page's front matter gets: one hand-written page per
failure class found on real pages, through `clean_page`."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scrapedown.page import clean_page
from tests.conftest import best_cpu_seconds
from tests.page_fixtures import LONG, article, front, page


def meta_of(head: str, body_html: str = "") -> dict[str, object]:
    return front(clean_page(page(head, body_html or article())))


def ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


# --- the source: what the <title> and another source both state ------------------------------


def test_og_title_stated_in_the_title_element_beats_a_heading_stated_in_twitter_title() -> None:
    head = (
        "<title>Night trains return to the Alps - Rail Weekly</title>"
        '<meta property="og:title" content="Night trains return to the Alps">'
        '<meta name="twitter:title" content="Sleepers are back on Alpine routes">'
    )
    body_html = f"<article><h1>Sleepers are back on Alpine routes</h1><p>{LONG}</p></article>"
    assert meta_of(head, body_html)["title"] == "Night trains return to the Alps"


def test_json_ld_headline_stated_in_the_title_element_beats_a_different_og_title() -> None:
    head = (
        "<title>Hands-on with the new loom: faster weaving - Craft Desk</title>"
        '<meta property="og:title" content="The new loom is faster">'
        + ld('{"@type": "NewsArticle", "headline": "Hands-on with the new loom: faster weaving"}')
    )
    body_html = f"<article><h1>The new loom is faster</h1><p>{LONG}</p></article>"
    assert meta_of(head, body_html)["title"] == "Hands-on with the new loom: faster weaving"


def test_og_title_equal_to_all_of_the_title_element_is_a_copy_not_a_second_source() -> None:
    head = (
        "<title>Tide tables | Harbour Office</title>"
        '<meta property="og:title" content="Tide tables | Harbour Office">'
        '<meta property="og:site_name" content="Harbour Office">'
    )
    assert meta_of(head)["title"] == "Tide tables"


def test_a_heading_above_the_article_stated_in_the_title_element_is_the_title() -> None:
    # A fiction archive: the site's logo is the <h1>, the work's title an <h2> above the text,
    # and the <title> adds chapter, author, fandom and the site.
    head = "<title>The Lantern Keeper - Chapter 3 - quietfox - Lighthouses | Maritime Tales</title>"
    body_html = (
        "<header><h1>Story Shelf</h1></header>"
        "<div class='preface'><h2 class='title'>The Lantern Keeper</h2><p>by quietfox</p></div>"
        f"<div id='chapters'><article><p>{LONG}</p><p>{LONG}</p></article></div>"
    )
    assert meta_of(head, body_html)["title"] == "The Lantern Keeper"


def test_a_kicker_in_the_title_element_loses_to_the_title_og_and_h1_agree_on() -> None:
    head = (
        "<title>Interview with a glassblower - Heat, sand and patience</title>"
        '<meta property="og:title" content="Heat, sand and patience">'
    )
    body_html = (
        "<article><h2>Interview with a glassblower</h2><h1>Heat, sand and patience</h1>"
        f"<p>{LONG}</p></article>"
    )
    assert meta_of(head, body_html)["title"] == "Heat, sand and patience"


def test_a_logo_heading_named_as_the_site_is_never_the_title() -> None:
    head = (
        "<title>Gearbox | Repairing a 1970s gearbox</title>"
        '<meta property="og:site_name" content="Gearbox">'
    )
    body_html = f"<header><h1>Gearbox</h1></header>{article()}"
    assert meta_of(head, body_html)["title"] == "Repairing a 1970s gearbox"


def test_a_logo_heading_linking_home_is_a_site_name_not_the_title() -> None:
    head = "<title>Four Seasons » Blog Archive » Interning small integers</title>"
    body_html = (
        "<div id='header'><h1><a href='https://fourseasons.example/'>Four Seasons</a></h1></div>"
        "<div class='post'><h2><a href='/2019/interning' rel='bookmark'>Interning small "
        f"integers</a></h2><p>{LONG}</p><p>{LONG}</p></div>"
    )
    assert meta_of(head, body_html)["title"] == "Interning small integers"


def test_a_heading_hidden_for_screen_readers_is_not_evidence() -> None:
    # The page's <title> names its section; a screen-reader heading repeats it above the
    # article. That agreement says nothing about the article.
    head = "<title>News - Lake Institute</title>"
    body_html = (
        "<h1 class='sr-only'>News</h1>"
        f"<article><h1>The first electron decides</h1><p>{LONG}</p></article>"
    )
    assert meta_of(head, body_html)["title"] != "News"


def test_a_kicker_run_into_the_heading_takes_the_spacing_of_the_title_element() -> None:
    head = '<title>Future of work - "We rearrange the deck chairs"</title>'
    body_html = (
        '<article><h1><span>Future of work</span><span>"We rearrange the deck chairs"</span>'
        f"</h1><p>{LONG}</p></article>"
    )
    assert meta_of(head, body_html)["title"] == 'Future of work - "We rearrange the deck chairs"'


def test_a_heading_in_capitals_keeps_the_case_of_the_title_element() -> None:
    head = "<title>Seed library opens</title>"
    body_html = f"<article><h1>SEED LIBRARY OPENS</h1><p>{LONG}</p></article>"
    assert meta_of(head, body_html)["title"] == "Seed library opens"


def test_the_permalink_mark_of_a_documentation_heading_is_not_in_the_title() -> None:
    head = "<title>Configuring retention — quietdb 2.1 documentation</title>"
    body_html = (
        "<div class='body'><h1>Configuring retention"
        "<a class='headerlink' href='#configuring-retention' title='Permalink'>¶</a></h1>"
        f"<p>{LONG}</p><p>{LONG}</p></div>"
    )
    assert meta_of(head, body_html)["title"] == "Configuring retention"


def test_meta_property_wins_over_meta_name_for_the_same_key() -> None:
    head = (
        '<meta name="og:title" content="Name title">'
        '<meta property="og:title" content="Property title">'
        '<meta name="DC.creator" content="Name Author">'
        '<meta property="dc:creator" content="Ada Property">'
    )
    data = meta_of(head)
    assert data["title"] == "Property title"
    assert data["author"] == ["Ada Property", "Name Author"]


# --- the site's name: known from meta, JSON-LD, the author, the host --------------------------


def test_the_author_of_a_personal_site_is_its_name() -> None:
    head = (
        "<title>Profiling a slow test suite | Notes | Mara Quist</title>"
        '<meta name="author" content="Mara Quist">'
    )
    assert meta_of(head)["title"] == "Profiling a slow test suite | Notes"


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Chronik | Grüne Wiese", "https://www.gruene-wiese.de/chronik", "Chronik"),
        ("Horaires d'été - Éditions Légère", "https://editions-legere.fr/h", "Horaires d'été"),
    ],
)
def test_a_host_name_spells_the_site_name_in_ascii(title: str, url: str, expected: str) -> None:
    head = f'<title>{title}</title><link rel="canonical" href="{url}">'
    assert meta_of(head)["title"] == expected


def test_a_site_name_in_brackets_after_the_title_is_cut() -> None:
    head = (
        "<title>Field notes, part 2 [River Archive]</title>"
        '<meta property="og:site_name" content="River Archive">'
    )
    assert meta_of(head)["title"] == "Field notes, part 2"


@pytest.mark.parametrize("title", ["Harbour reopens -", "Harbour reopens |", "| Harbour reopens"])
def test_a_separator_left_dangling_is_cut(title: str) -> None:
    assert meta_of(f"<title>{title}</title>")["title"] == "Harbour reopens"


# --- a <title> with nothing to check it against ------------------------------------------------


def test_a_lone_title_loses_a_short_name_after_one_separator() -> None:
    head = "<title>Seven ways to fold a paper map – Map Club</title>"
    assert meta_of(head)["title"] == "Seven ways to fold a paper map"


@pytest.mark.parametrize(
    "title",
    [
        "Python - A Guide",  # the part after is not shorter
        "Vue | React | Svelte compared",  # more than one separator
        "Seven ways to fold a paper map – and why the last one works so well",  # not a name
    ],
)
def test_a_lone_title_without_that_shape_is_left_alone(title: str) -> None:
    assert meta_of(f"<title>{title}</title>")["title"] == title


def test_a_lone_title_is_not_cut_when_a_heading_disagrees() -> None:
    head = "<title>Seven ways to fold a paper map – Map Club</title>"
    body_html = f"<article><h1>Folding maps</h1><p>{LONG}</p></article>"
    assert meta_of(head, body_html)["title"] == "Seven ways to fold a paper map – Map Club"


# --- the author --------------------------------------------------------------------------------


def test_a_link_text_around_the_authors_name_is_not_a_second_author() -> None:
    body_html = (
        "<article><p class='meta'><a rel='author' href='/u/ines'>Ines Ortega</a></p>"
        f"<p>{LONG}</p><p>{LONG}</p>"
        "<footer><a rel='author' href='/u/ines'>View all posts by Ines Ortega →</a></footer>"
        "</article>"
    )
    assert meta_of("", body_html)["author"] == "Ines Ortega"


def test_a_byline_run_into_a_headline_gives_no_author() -> None:
    body_html = (
        "<div class='author-follow'>Jo Park New Yorkers share their thoughts about the "
        f"election on the subway walls</div>{article()}"
    )
    assert "author" not in meta_of("", body_html)


# --- linear time on hostile titles -------------------------------------------------------------


@pytest.mark.parametrize("unit", [" | ", "ab - ", " [", "x_"])
def test_title_choice_is_linear_in_the_title(unit: str) -> None:
    def seconds(count: int) -> float:
        title = "abc" + unit * count + "def"
        head = f"<title>{title}</title><meta property='og:title' content='abc'>"
        body_html = f"<article><h1>{title[: count // 2]}</h1><p>{LONG}</p></article>"
        html = page(head, body_html)
        return best_cpu_seconds(clean_page, html)

    small, large = seconds(2_000), seconds(32_000)
    assert large < 16 * 4 * max(small, 0.002)  # 16x input: far below the 256x of a square


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="ab -|–_:[]()»·", max_size=40),
    st.sampled_from(["", "Site", "ab"]),
)
@example(": [ |a", "")  # (a lone <title> cut at its one separator left punctuation alone)
def test_the_title_is_never_empty_when_the_title_element_has_words(
    title: str, site_name: str
) -> None:
    head = f"<title>{title}</title><meta property='og:site_name' content='{site_name}'>"
    got = str(meta_of(head).get("title", ""))
    if any(c.isalnum() for c in title):
        assert any(c.isalnum() for c in got), (title, got)
