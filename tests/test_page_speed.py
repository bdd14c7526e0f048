"""The page stages' fast paths give the answers of their plain definitions."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scrapedown.chars import CJK_WORD_CLASS
from scrapedown.page.blocks import text_weight

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
