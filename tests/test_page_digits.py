"""Meta-line patterns that need a digit are searched only in lines holding one
(`page/digits.py`): the same answers as searching every pattern in every line."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scrapedown.page.blocks import _joined, _meta_search
from scrapedown.page.digits import needs_non_space, split_on_digits
from scrapedown.page.options import PageOptions

DEFAULTS = PageOptions().meta_line_patterns
# Digits in a lookahead, an optional digit, a class of digits and letters, a digit in one
# branch only, non-ASCII digits, a back-reference: none of these may be split wrongly.
OTHERS = (
    r"(?=\d)\w+ read",
    r"updated \d?",
    r"[0-9a]{2}x",
    r"(?:\d+|some) min",
    r"vol\.\s*[0-9]+",
    r"\b(\d)\1\b",
    r"(?:\d{2}|\d{4})/\d{2}",
    r"©",
)
# Patterns a line of blanks can match: such lines are searched like any other.
BLANK = (r"\s{3}", r"^\s*$", r"[^a]", r"x?", r"\W", r"[\x00-\x20]+", r"(?!x)")
_PIECES = [*"ab19 ©:/.-xvolminread", "٣", "２", "\n", "updated ", "\t", "\xa0", "\u3000", "   "]
_LINE = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join)


def test_default_date_patterns_need_a_digit() -> None:
    digits, rest = split_on_digits(DEFAULTS)
    assert len(digits) == len(DEFAULTS) - 1
    assert len(rest) == 1 and "copyright" in rest[0]


def test_conservative_split() -> None:
    digits, _ = split_on_digits(OTHERS[:5] + OTHERS[6:])
    assert digits == (r"vol\.\s*[0-9]+", r"(?:\d{2}|\d{4})/\d{2}")
    assert split_on_digits(OTHERS) == ((), OTHERS)  # a back-reference: no split at all


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(DEFAULTS + OTHERS + BLANK), min_size=1, max_size=5, unique=True),
    _LINE,
)
@example(DEFAULTS, "Posted March 3, 2021 · 5 min read")
@example(DEFAULTS, "© Example Inc.")
@example(DEFAULTS, "٣ min read")
@example((*DEFAULTS, r"\s{3}"), " \n  ")
@example((r"©", r"^\s*$"), "\u3000")
def test_same_answers(patterns: list[str], line: str) -> None:
    key = tuple(patterns)
    assert _meta_search(key)(line) == (_joined(key).search(line) is not None)


def test_patterns_that_need_more_than_blanks() -> None:
    assert needs_non_space(DEFAULTS)  # a line of blanks is never a meta line by default
    for pattern in (r"©", r"\bcopyright\b", r"[a-z]+", r"\S", r"\w", r"[\d,]", r"(a|b)c*"):
        assert needs_non_space((pattern,)), pattern
    for pattern in (*BLANK, r".", r"a{0}", r"(?=a)", r"x|\s", r"\b(\d)\1\b"):
        assert not needs_non_space((pattern,)), pattern
