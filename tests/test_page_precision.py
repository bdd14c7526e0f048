"""Precision on pages without a marked article: what a logo or a teaser image beside the
article does (nothing), and what a lightbox picture does (stays); an article of several `<h1>`
keeps its lead. Hand-written pages, through `clean_page`."""

from __future__ import annotations

import pytest

from scrapedown.page import clean_page
from tests.page_fixtures import body, page

PROSE = (
    "The water board met on Tuesday to discuss the new pumping station, which will replace "
    "the old one built in 1961 and double the capacity of the northern district. "
)
MENU = (
    "<div><a href='/'>Startseite</a> <a href='/termine'>Termine</a> "
    "<a href='/verein'>Verein</a> <a href='/kontakt'>Kontakt</a></div>"
)


def _site(top: str, article: str) -> str:
    return page(
        "<title>Pumping station</title>",
        f"<div class='top'>{top}</div>{MENU}<div class='content'>{article}</div>",
    )


def test_a_logo_link_does_not_keep_the_menu_in_the_article() -> None:
    article = "".join(f"<p>{PROSE}Paragraph {n}.</p>" for n in range(4))
    out = body(clean_page(_site("<a href='/'><img src='/logo.png' alt=''></a>", article)))
    assert out.count("The water board met") == 4
    assert "Termine" not in out and "logo.png" not in out


def test_a_lightbox_picture_beside_the_article_is_kept() -> None:
    article = "".join(f"<p>{PROSE}Paragraph {n}.</p>" for n in range(4))
    top = "<a href='/media/station-large.jpg'><img src='/media/station.jpg' alt='Station'></a>"
    out = body(clean_page(_site(top, article)))
    assert out.count("The water board met") == 4
    assert "station.jpg" in out


def test_an_article_of_many_h1_keeps_its_lead() -> None:
    lead = "Kids are natural comedians, so here are jokes that need no explanation from parents."
    items = "".join(
        f"<h1>{n}. Why did joke number {n} cross the road?</h1>"
        f"<p>To get to the other side of page {n}, where the punchline waits for the reader.</p>"
        for n in range(1, 30)
    )
    html = page("<title>Jokes for kids</title>", f"<article><p>{lead}</p>{items}</article>")
    out = body(clean_page(html))
    assert lead in out
    assert "Why did joke number 29 cross the road?" in out


def test_an_unlinked_logo_or_a_tracking_pixel_does_not_keep_the_menu() -> None:
    article = "".join(f"<p>{PROSE}Paragraph {n}.</p>" for n in range(4))
    for top in (
        "<img src='/global/images/logo_Klein.gif' alt=''>",
        "<img src='https://t.example/px?id=9' width='1' height='1' alt=''>",
    ):
        out = body(clean_page(_site(top, article)))
        assert out.count("The water board met") == 4
        assert "Termine" not in out


def test_what_the_site_leaves_out_of_print_is_not_article() -> None:
    paragraphs = "".join(f"<p>{PROSE}Paragraph {n}.</p>" for n in range(4))
    contact = (
        "<div class='no-print' id='contact'><p>Questions? Write to the press office of the "
        "water board, open Monday to Friday from nine to five.</p></div>"
    )
    toolbar = "<div class='d-print-none'><p>Print this page or send it to a friend.</p></div>"
    html = page(
        "<title>Pumping station</title>", f"<article>{paragraphs}{contact}{toolbar}</article>"
    )
    out = body(clean_page(html))
    assert out.count("The water board met") == 4
    assert "press office" not in out and "send it to a friend" not in out


@pytest.mark.parametrize(
    ("label", "then"),
    [
        ("Was this article helpful?", "<button>Yes</button> <button>No</button>"),
        ("Fanden Sie diesen Artikel nützlich?", "<a href='/ja'>Ja</a> <a href='/nein'>Nein</a>"),
        ("Notas relacionadas", "<ul><li><a href='/n/1'>Hackers piden rescate</a></li></ul>"),
    ],
)
def test_feedback_prompts_and_related_labels_go(label: str, then: str) -> None:
    paragraphs = "".join(f"<p>{PROSE}Paragraph {n}.</p>" for n in range(4))
    html = page(
        "<title>Pumping station</title>",
        f"<article>{paragraphs}<h3>{label}</h3><div>{then}</div></article>",
    )
    out = body(clean_page(html))
    assert out.count("The water board met") == 4
    assert label not in out
