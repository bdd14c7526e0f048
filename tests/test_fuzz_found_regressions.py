"""Classes found by the fuzz runs of 2026-12-07/08 (seed 27 on, `benchmarks/fuzz_driver.py`),
each as its minimal input through the public API: `clean` and `clean_html` give the expected
output (when one is given), and a second pass changes nothing."""

from __future__ import annotations

import pytest

from scrapedown import clean, clean_html

CASES: dict[str, tuple[str, str | None]] = {
    # Seed 27: a list whose only item held an image without a source writes line breaks only;
    # it counted as a list, so a `<!-- -->` separator went before the next list of its kind
    # (after a kept table the next pass dropped that comment).
    "emptied list between a kept table and a list": (
        "<table><tr><pre >></table><ol><li><img ></ol><ol><li >x",
        "<table>\n<tr><td><pre>&gt;</pre></td></tr>\n</table>\n\n1. x\n",
    ),
    "emptied list before a list": ("<ol><li><img></ol><ol><li>x</ol>", "1. x\n"),
    "emptied list after a list": ("<ul><li>x</ul><ul><li><img></ul>", "- x\n"),
    "emptied list between two lists": (
        "<ol><li>y</ol><ol><li><img></ol><ol><li>x</ol>",
        "1. y\n\n<!-- -->\n\n1. x\n",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_clean_is_idempotent(name: str) -> None:
    text, expected = CASES[name]
    once = clean(text)
    assert clean(once) == once
    if expected is not None:
        assert once == expected


@pytest.mark.parametrize("name", list(CASES))
def test_clean_html_output_is_clean(name: str) -> None:
    text, _ = CASES[name]
    once = clean_html(text)
    assert clean(once) == once
