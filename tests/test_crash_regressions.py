"""Inputs on which the fuzzer found an exception other than `ScrapedownError` escaping the public
API (a Dask or Spark job that catches `ScrapedownError` would die on them)."""

from __future__ import annotations

import pytest

from scrapedown import ScrapedownError, clean, clean_html

CASES = {
    # lxml refuses to set text holding a character XML forbids, raw or as a reference.
    "vertical tab": "<b>a\x0bb</b>",
    "backspace": "<p>a\x08b</p>",
    "ANSI escape": "<p>a\x1b[31mb</p>",
    "control character reference": "<p>a &#1; b</p>",
    "noncharacter reference": "<p>x&#xFFFE;y&#65535;z</p>",
    "form feed": "<p>x\x0cy</p>",
    # A row inside a table's caption: the table has no rows of its own.
    "row in a caption": "<table><caption><div><tr>x</div></caption></table>",
}


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("function", [clean, clean_html])
def test_only_scrapedown_error(name: str, function: object) -> None:
    assert callable(function)
    try:
        out = function(CASES[name])
    except ScrapedownError:
        return
    assert isinstance(out, str)
    assert clean(out) == out


def test_control_characters_go_and_text_stays() -> None:
    assert clean_html("<p>a\x0bb &#1;c\x0cd</p>") == "ab c d\n"
