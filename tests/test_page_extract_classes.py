"""Failure classes of whole-page extraction found on real pages (second round), one hand-written
page each (tests/page_fixtures/failures), through `clean_page`: the article's text is kept,
the furniture named for the class is not."""

from __future__ import annotations

import re

import pytest

from scrapedown.page import clean_page, clean_page_result, is_whole_page
from scrapedown.page.policy import CHROME_HINTS
from tests.conftest import best_cpu_seconds
from tests.page_fixtures import LONG, body, front, load, page

CASES = {
    # server output before the document (PHP warnings, head elements echoed early)
    "early_output": (
        ["A winter tyre can go on the rim", "spare the alloys from salt"],
        ["Posts of 2019", "Warning", "mysql_connect", "var tracker"],
    ),
    # an <article> whose class names a share feature, beside a longer comment list
    "article_feature_flags": (
        ["Die\nTräger sahen anders aus", "wieder\neine Tasche online bestellt"],
        ["14 Kommentare", "Das kenne ich so gut", "Akismet"],
    ),
    # the article's own table of contents (marked as navigation, behind a toggle) stays
    "own_toc": (
        [
            "[1 Reading a table](#Reading_a_table)",
            "[2.1 Time differences](#Time_differences)",
            "[3 History](#History)",
            "tide-predicting machines",
        ],
        ["Random page", "Chart datum"],
    ),
    # headings that are links to other posts of the site (teasers), with their excerpts
    "teaser_headings": (
        [
            "ending a two-year",
            "## What changes for passengers",
            "The E-30 model",
            "sixty passengers",
        ],
        ["Pier repairs", "Divers found", "fish market", "customs hall"],
    ),
    # account, shop and follow buttons, "videos on this topic", a paywall box
    "account_and_shop_lines": (
        ["zwei Wochen im Kühlschrank", "erwacht mit Mehl und Wasser"],
        [
            "Folgen Sie uns",
            "registrieren",
            "Buch bestellen",
            "ohne Gewähr",
            "Videos zum Thema",
            "Anstellgut",
            "Zugang",
            "Digital-Abo",
        ],
    ),
}


def _loose(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("name", sorted(CASES))
def test_failure_class(name: str) -> None:
    keep, drop = CASES[name]
    result = clean_page_result(load(f"failures/{name}.html"))
    out = _loose(body(result.text))
    assert [phrase for phrase in keep if _loose(phrase) not in out] == []
    assert [phrase for phrase in drop if phrase in out] == []
    assert not result.low_confidence


def test_server_output_before_the_document_is_still_a_page() -> None:
    html = load("failures/early_output.html")
    assert is_whole_page(html)
    assert front(clean_page(html))["title"] == "Winter tyres on a summer rim"


@pytest.mark.parametrize(
    "text",
    [
        "<p>Warning: this is a fragment</p>\n<html><body><p>x</p></body></html>",
        "# A post\n\n<!DOCTYPE html>\n",
        "<div><meta name='a'></div><html>",
    ],
)
def test_text_before_the_document_that_is_not_server_output_is_no_page(text: str) -> None:
    assert not is_whole_page(text)


def test_a_list_of_footnote_backlinks_is_no_table_of_contents() -> None:
    notes = "".join(f"<li><a href='#cite_ref-{n}'>^</a> Source {n}.</li>" for n in range(4))
    html = page(
        "",
        f"<article><p>{LONG}</p><p>{LONG} Two.</p><div role='navigation'><ol>{notes}</ol></div>"
        "</article>",
    )
    assert "Source 3." not in body(clean_page(html))


def test_an_article_of_teasers_is_kept() -> None:
    """An index page (most of its text in links): its linked headings are the article."""
    items = "".join(
        f"<h2><a href='/posts/{n}'>Weekly notes number {n} on the garden</a></h2>"
        f"<p><a href='/posts/{n}'>Read the notes of week {n}</a></p>"
        for n in range(6)
    )
    out = body(clean_page(page("", f"<main><h1>All posts</h1>{items}</main>")))
    assert "Weekly notes number 5" in out and "Weekly notes number 1" in out


def test_early_output_detection_is_linear() -> None:
    def timed(size: int) -> float:
        return best_cpu_seconds(is_whole_page, "<script>" + "<" * size)

    small, large = timed(20_000), timed(320_000)
    assert large < 40 * small + 0.05


def test_a_section_titled_with_a_link_to_its_full_story_is_kept() -> None:
    """A digest (a weekly edition): each section's heading links to the full article, and the
    section is long: the article's own, not a teaser."""
    sections = "".join(
        f"<h2><a href='/articles/{n}'>Story number {n} of the week</a></h2>"
        f"<p>{LONG}</p><p>{LONG} Section {n}.</p>"
        for n in range(3)
    )
    out = body(clean_page(page("", f"<article><h1>This week</h1>{sections}</article>")))
    assert "Story number 2 of the week" in out and "Section 2." in out


def test_comments_beside_a_short_article_are_kept_on_request() -> None:
    from scrapedown.page import PageOptions

    html = load("failures/article_feature_flags.html")
    out = body(clean_page(html, page=PageOptions(keep_comments=True)))
    assert "Das kenne ich so gut" in out and "Träger sahen anders aus" in out


def test_an_inline_line_between_blocks_is_read_as_a_line() -> None:
    """`<a>` or `<span>` alone between blocks is a line on the screen: the patterns apply to it
    as to a paragraph; the same words inside a sentence stay."""
    html = page(
        "",
        "<div class='news'><h1>Ferry</h1>"
        f"<p>{LONG}</p><p>{LONG} Two.</p><a href='/presse'>zurück zur Listenansicht</a>"
        "<div class='box'><span class='title'>Zobacz również</span>"
        "<ul><li><a href='/a'>Inny artykuł o promach</a></li></ul></div>"
        "<p>Read it <a href='/x'>zurück zur Listenansicht</a> in German, said the note.</p>"
        "</div>",
    )
    out = body(clean_page(html))
    assert "Two." in out and "in German, said the note" in out
    assert out.count("zurück zur Listenansicht") == 1
    assert "Zobacz" not in out and "Inny artykuł" not in out


@pytest.mark.parametrize(
    "classes",
    [
        "TestReport__Section TestReport__Section--Ads",  # a section that holds ads
        "pagebody pagebody--wsidebar",  # a body laid out with a sidebar
    ],
)
def test_a_modifier_naming_chrome_is_weak_evidence(classes: str) -> None:
    """What a BEM modifier names is what a part holds or how it is laid out, not what it is:
    the article's sections so named stay (a weak hint: chrome only without running text)."""
    texts = (
        "The pan heats evenly across its whole base and holds the heat when the steak goes in.",
        "Its handle stays cool for the first ten minutes, then needs a cloth or a silicone grip.",
        "Cleaning takes hot water and a brush; soap does no harm to the coating we tested.",
    )
    sections = "".join(
        f"<section class='{classes}'><h2>Part {n}</h2><p>{text} {LONG} Part {n}.</p></section>"
        for n, text in enumerate(texts)
    )
    html = page("", f"<nav><a href='/'>Home</a></nav><div class='report'>{sections}</div>")
    out = body(clean_page(html))
    assert "Part 0." in out and "Part 2." in out


def test_a_block_modifier_naming_related_posts_is_still_chrome() -> None:
    """Drupal names a field by a block modifier (`field--name-field-related-articles`)."""
    related = (
        "<div class='field field--name-field-related-articles'>"
        "<p>Pier repairs start in spring, say the divers who inspected the piles last week.</p>"
        "</div>"
    )
    html = page("", f"<article><p>{LONG}</p><p>{LONG} Two.</p>{related}</article>")
    out = body(clean_page(html))
    assert "Two." in out and "Pier repairs" not in out


@pytest.mark.parametrize("hint", sorted(CHROME_HINTS | {"byline", "author", "credit"}))
def test_a_chrome_word_in_an_element_modifier_never_loses_the_article(hint: str) -> None:
    # Every hint, not a sample: the author-box rule read 'byline' in a modifier as a box name.
    sections = "".join(
        f"<section class='Report__Part Report__Part--{hint}'><p>{LONG} Part {n}.</p>"
        f"<p>{LONG} More {n}.</p></section>"
        for n in range(2)
    )
    out = body(clean_page(page("", f"<nav><a href='/'>Home</a></nav><div>{sections}</div>")))
    assert "Part 1." in out and "More 0." in out


def _furniture_page(count: int) -> str:
    """A page with `count` of each new rule's inputs: table-of-contents entries and their
    headings, teasers, inline lines between blocks."""
    toc = "".join(f"<li><a href='#s{n}'>Section {n}</a></li>" for n in range(count))
    sections = "".join(
        f"<h2 id='s{n}'>Section {n}</h2><p>{LONG} {n}.</p><a href='/list'>zurück</a>"
        f"<h3><a href='/news/{n}'>Other story {n}</a></h3><p>Short excerpt {n}.</p>"
        for n in range(count)
    )
    return page(
        "", f"<article><h1>T</h1><div role='navigation'><ul>{toc}</ul></div>{sections}</article>"
    )


def test_the_new_rules_are_linear() -> None:
    small, large = (best_cpu_seconds(clean_page, _furniture_page(n)) for n in (100, 400))
    assert large < 4 * 2.5 * small + 0.05
