"""One hand-written page per failure class of whole-page extraction (tests/page_fixtures/
failures): the article's text is kept, the furniture named for that class is not, and a page
with prose never comes out empty."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapedown.page import PageOptions, clean_page, clean_page_result
from scrapedown.page.policy import CHROME_HINTS
from tests.conftest import best_cpu_seconds
from tests.page_fixtures import LONG, body, front, load, page

CASES = {
    "noscript_forum": (
        ["restoring last week took two hours", "use a filesystem snapshot"],
        [],
    ),
    "ad_class_article": (
        ["Stale bread is not dry bread.", "toast from an old loaf still tastes fine"],
        ["Ten soups for winter evenings"],
    ),
    "comment_section": (
        ["A potted fig wants a new pot", "Then leave it alone for two weeks."],
        ["4 Comments", "sulked for the whole winter", "olive tree"],
    ),
    "related_list": (
        ["sleeper services across the continent", "lockable compartments"],
        ["Rail pass prices", "Related articles", "The last sleeper", "相关阅读", "夜行列车"],
    ),
    "newsletter_box": (
        ["首先要看钢材", "最后，别忘了定期磨刀。"],
        ["Subscribe to our newsletter", "every Friday", "扫码关注"],
    ),
    "author_box": (
        ["Reifen altern auch", "an einem Felgenbaum aufgehängt"],
        ["Über den Autor", "Jonas Keller schreibt"],
    ),
    "author_box_by_class": (
        ["lemon tree in a pot", "graft union", "by [Kim Park]"],
        ["north-facing balcony", "Hanna Voss\n"],
    ),
    "caption_credit": (
        [
            "Kolonne vor der Mautstelle Schönberg",
            "Die Einfahrt zum Tunnel bei Matrei.",
            "brenner-stau.jpg",
            "karte.png",
            "Reschenpass",
        ],
        ["Lena Hofer", "Bildagentur", "Verkehrsamt Tirol", "©", "Max Roth", "Pressestelle"],
    ),
    "read_also_lines": (
        [
            "dos semanas antes",
            "siembra de maíz",
            "Lesen Sie auch, was die Agentur sagt",
            "2021-03-01",
        ],
        [
            "12.03.2021",
            "Cómo preparar el techo",
            "periodismo independiente",
            "Temas relacionados",
            "4 min read",
            "Posted in",
            "Sequía en el norte",
        ],
    ),
    "site_prompts": (
        [
            "roots do not",
            "Subscribe to our newsletter and you will never miss a tip",  # inside a sentence
            "coolest bright room",
        ],
        [
            "affiliate links",
            "Follow us on Instagram",
            "enjoyed reading",
            "Akismet",
            "关注我们",
            "Externer Inhalt",
            "PDF",
            "Show more",
            "Lizenz",
            "teilen",
            "nächsten Artikel",
            "Lemon trees",
        ],
    ),
    "site_footer": (
        ["vierzig Gäste in der alten Lokhalle", "an der Abendkasse"],
        ["urheberrechtlich geschützt", "Copyright"],
    ),
    "hidden_nodes": (
        ["fills the gap", "buckwheat pillow", "Shredded foam moulds", "give it two weeks"],
        ["small-screen menu", "Before you go"],
    ),
    "press_contact": (
        ["Kohlendioxid, Methan und Ozon", "frei im Netz stehen"],
        [
            "Weitere Informationen",
            "Messnetz im Überblick",
            "Kontakt",
            "Eva Muster",
            "responses",
            "Sorgenkind",
        ],
    ),
    "jsonld_body": (
        ["A tide table lists the times", "rule of twelfths approximates"],
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_failure_class(name: str) -> None:
    keep, drop = CASES[name]
    result = clean_page_result(load(f"failures/{name}.html"))
    out = body(result.text)
    assert [phrase for phrase in keep if phrase not in out] == []
    assert [phrase for phrase in drop if phrase in out] == []
    assert 0.0 <= result.confidence <= 1.0


def test_the_printed_byline_meta_names_the_author() -> None:
    result = clean_page_result(load("failures/author_box_by_class.html"))
    assert front(result.text)["author"] == "HANNA VOSS"


def test_comment_sections_are_kept_on_request() -> None:
    html = load("failures/comment_section.html")
    out = body(clean_page(html, page=PageOptions(keep_comments=True)))
    assert "sulked for the whole winter" in out and "A potted fig wants" in out


def test_a_page_whose_text_is_only_in_json_ld_is_reported_as_doubtful() -> None:
    result = clean_page_result(load("failures/jsonld_body.html"))
    assert result.low_confidence
    assert front(result.text)["author"] == "Ana Lima"  # JSON-LD inside CDATA is read


def test_a_page_whose_every_text_looks_like_chrome_is_never_empty() -> None:
    """Three boxes named as chrome, none holding most of the text (an article whose class
    names a share bar, beside a sidebar and a related list): the whole body is kept, as
    doubtful, rather than nothing."""
    boxes = "".join(
        f"<div class='{hint}'><p>{LONG}</p><p>{LONG} {hint.title()}.</p></div>"
        for hint in ("pin-share", "sidebar", "related")
    )
    html = page("", boxes)
    result = clean_page_result(html)
    assert "Pin-Share." in body(result.text) and result.low_confidence


def test_a_marked_article_is_confident() -> None:
    html = page("", f"<nav><a href='/'>Home</a></nav><article><p>{LONG}</p><p>{LONG}</p></article>")
    result = clean_page_result(html)
    assert not result.low_confidence and LONG in result.text


def test_ad_labels_credits_and_share_prompts_go_inside_the_article() -> None:
    html = page(
        "",
        "<article>"
        f"<p>{LONG}</p><div class='slot'><span>Advertisement</span></div>"
        "<figure><img src='https://img.example/a.jpg' alt='A harbour'>"
        "<figcaption>Photo: Getty Images</figcaption></figure>"
        f"<p>广告</p><p>{LONG} Second time.</p><p>Share this article</p>"
        "</article>",
    )
    out = body(clean_page(html))
    assert "Second time." in out and "https://img.example/a.jpg" in out
    for phrase in ("Advertisement", "Getty", "广告", "Share this"):
        assert phrase not in out


def test_a_sentence_that_mentions_furniture_words_stays() -> None:
    words = "Comments, related articles and a newsletter: we read every reply."
    inner = f"<p>{LONG}</p><p>{words}</p><h2>Comments</h2><p>{LONG} Two.</p>"
    html = page("", f"<article>{inner}</article>")
    out = body(clean_page(html))
    assert words in out


@settings(max_examples=40, deadline=None)
@given(
    hint=st.sampled_from(sorted(CHROME_HINTS)),
    tag=st.sampled_from(["div", "section", "article", "main", "aside"]),
)
def test_never_empty_when_the_only_prose_sits_in_hinted_chrome(hint: str, tag: str) -> None:
    html = page("", f"<{tag} class='{hint} x-{hint}'><p>{LONG}</p><p>{LONG} Again.</p></{tag}>")
    assert "Again." in body(clean_page(html))


def _section(index: int) -> str:
    return (
        f"<div class='post'><h2>Part {index}</h2><p>{LONG}</p>"
        f"<h3>Related articles</h3><ul><li><a href='/{index}'>A title of another post {index}"
        "</a></li></ul><p>Advertisement</p></div>"
    )


def test_furniture_pruning_is_linear() -> None:
    def best(count: int) -> float:
        html = page("", "<article>" + "".join(_section(i) for i in range(count)) + "</article>")
        return best_cpu_seconds(clean_page, html)

    small, large = best(25), best(400)
    assert large < 16 * small * 3, (small, large)  # 16x the input, well under 48x the time


def test_a_section_named_like_furniture_in_the_singular_or_a_table_cell_stays() -> None:
    inner = (
        f"<p>{LONG}</p><h2>Response</h2><p>{LONG} Response body.</p>"
        "<table><tr><th><strong>Comment</strong></th><th>Status</th></tr>"
        "<tr><td>ok</td><td>done</td></tr></table>"
    )
    out = body(clean_page(page("", f"<article>{inner}</article>")))
    assert "## Response" in out and "Response body." in out and "**Comment**" in out


@pytest.mark.parametrize(
    "unit",
    ["word/word ", "(Foto ", "© ", "a " * 3 + "\t" * 40, "Shutterstock/"],
)
def test_caption_credit_search_is_linear(unit: str) -> None:
    """Adversarial caption text for the credit markers (`PageOptions.caption_credits`)."""

    def best(count: int) -> float:
        caption = f"<figure><img src='a.jpg'><figcaption>{unit * count}</figcaption></figure>"
        html = page("", f"<article><p>{LONG}</p>{caption}<p>{LONG}</p></article>")
        return best_cpu_seconds(clean_page, html)

    small, large = best(500), best(8000)
    assert large < 16 * small * 3, (unit, small, large)


def test_prompt_lines_and_frame_hints_are_options() -> None:
    """The phrases and footer names are data a user can change (`PageOptions`)."""
    html = load("failures/site_prompts.html")
    kept = body(clean_page(html, page=PageOptions(prompt_lines=())))
    assert "enjoyed reading" in kept and "Akismet" in kept
    footer = load("failures/site_footer.html")
    kept = body(clean_page(footer, page=PageOptions(frame_hints=frozenset())))
    assert "urheberrechtlich geschützt" in kept


def test_prompt_removal_is_linear() -> None:
    """Many short paragraphs, each tried against the prompt patterns."""
    prompt = "<p>Follow the Example Times on Twitter and Instagram for more.</p>"
    unit = f"<p>{LONG}</p>" + prompt + "<p>" + "Subscribe to " * 20 + "</p>"

    def best(count: int) -> float:
        html = page("", "<article>" + unit * count + "</article>")
        return best_cpu_seconds(clean_page, html)

    small, large = best(25), best(400)
    assert large < 16 * small * 3, (small, large)
