"""What surrounds an author's name on real pages, and the name alone in the front matter:
hand-written pages through `clean_page`, one per failure class found on the page sets."""

from __future__ import annotations

import pytest

from scrapedown.page import clean_page
from tests.conftest import best_cpu_seconds
from tests.page_fixtures import LONG, article, front, page


def author_of(head: str = "", body_html: str = "") -> object:
    return front(clean_page(page(head, body_html or article()))).get("author")


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Autor: Ines Ortega", "Ines Ortega"),
        ("Text und Interview: Ines Ortega", "Ines Ortega"),
        ("Written by: Ines Ortega", "Ines Ortega"),
        ("View all posts by Ines Ortega", "Ines Ortega"),
        ("Zeige alle Beiträge von Ines Ortega →", "Ines Ortega"),
        ("Ines Ortega @inesortega", "Ines Ortega"),
        ("Ines Ortega ines@example.org", "Ines Ortega"),
        ("By Ines Ortega", "Ines Ortega"),
        ("&lt;a href='/p/ines'&gt;Ines Ortega&lt;/a&gt;", "Ines Ortega"),
    ],
)
def test_the_name_alone_from_what_surrounds_it(value: str, name: str) -> None:
    assert author_of(f'<meta name="author" content="{value}">') == name


@pytest.mark.parametrize(
    "value",
    ["admin", "publisher", "Copyright Example Media GmbH", "ines@example.org",
     "cipha[at]example.net", "View my complete profile",
     "Afficher mon profil complet"],
)  # fmt: skip
def test_what_names_no_one_is_no_author(value: str) -> None:
    assert author_of(f'<meta name="author" content="{value}">') is None


def test_a_label_is_kept_when_no_name_follows_it() -> None:
    # "Jane Doe TOPICS: gas pipeline" — what follows the colon is not a name.
    value = "Ines Ortega THEMEN: gas pipeline"
    assert author_of(f'<meta name="author" content="{value}">') == value


def test_a_comments_author_is_not_the_articles() -> None:
    body_html = (
        f"<article><p>{LONG}</p><p>{LONG}</p>"
        "<div class='comments'><div class='comment-author'>Art Edwards says:</div>"
        "<p>Great piece.</p></div></article>"
    )
    assert author_of("", body_html) is None


def test_a_button_beside_the_name_is_not_a_second_author() -> None:
    body_html = (
        "<div class='profile'><a rel='author' href='/p/ines'>Ines Ortega</a>"
        "<a rel='author' href='/p/ines'>View my complete profile</a></div>" + article()
    )
    assert author_of("", body_html) == "Ines Ortega"


def test_a_real_name_is_left_as_it_is() -> None:
    for name in ("von der Leyen", "JOE HILDEBRAND", "Organization for Transformative Works"):
        assert author_of(f'<meta name="author" content="{name}">') == name


@pytest.mark.parametrize("unit", [" @", "a@", " [", "x: "])
def test_name_clean_up_is_linear(unit: str) -> None:
    def seconds(count: int) -> float:
        html = page(f'<meta name="author" content="Ines {unit * count}x">', article(LONG))
        return best_cpu_seconds(clean_page, html)

    small, large = seconds(2_000), seconds(32_000)
    assert large < 16 * 4 * max(small, 0.002)
