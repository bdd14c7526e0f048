"""The page stages' fast paths give the answers of their plain definitions."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import html

from scrapedown.chars import CJK_WORD_CLASS
from scrapedown.page.blocks import text_weight
from scrapedown.page.extract import _MARK_TESTS, _Marks
from scrapedown.page.policy import ARTICLE_XPATHS, REGION_XPATHS

_NON_WORD = re.compile(r"[\W_]+")
_CJK = re.compile(f"[{CJK_WORD_CLASS}]")


def _defined_weight(text: str | None) -> float:
    """Letters and digits (`[^\\W_]`), a CJK character counting twice."""
    letters = len(_NON_WORD.sub("", text or ""))
    return float(letters + len(_CJK.findall(text or ""))) if letters else 0.0


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="abc ,.\u2019\xa0é漢字Ж_٣²½ⅷ\t\n", max_size=60)))
@example("It\u2019s 10\xa0km")
@example("Ж" * 5 + "ab")
@example("\u3000\u00a0")
@example("漢字 and a few words")
def test_text_weight_counts_what_the_regex_counts(text: str) -> None:
    assert text_weight(text) == _defined_weight(text)


def test_text_weight_of_nothing() -> None:
    assert text_weight(None) == text_weight("") == text_weight(" \n\t") == 0.0


_PAGE = (
    "<html><head><meta itemprop='articleBody'></head><body>"
    "<div role='main'><article><main property='articleBody'><p>x</p></main></article></div>"
    "<section itemprop='articleBody'><article role='main'><p>y</p></article></section>"
    "<div itemprop='articleBody body'><div property='articlebody'><main>z</main></div></div>"
    "</body></html>"
)


def test_default_marks_found_in_one_walk_select_what_each_xpath_selects() -> None:
    body = html.document_fromstring(_PAGE).find("body")
    assert body is not None
    marks = _Marks(body)
    assert set(_MARK_TESTS) == {*ARTICLE_XPATHS, *REGION_XPATHS}
    for xpath in (*ARTICLE_XPATHS, *REGION_XPATHS, "//section", "//p[1]"):
        assert marks(xpath) == body.xpath(xpath), xpath
    assert len(marks("//*[@itemprop='articleBody']")) == 2  # the one in <head> too
