"""The page front matter written without ruamel (`page/yaml_lines.py`) is byte for byte what
ruamel.yaml writes with the same settings, and `clean_page` takes that path for usual pages."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scrapedown import clean_page
from scrapedown.page.frontmatter_out import render_front_matter, ruamel_yaml
from scrapedown.page.yaml_lines import DateText, yaml_lines

# Characters that change how YAML writes a string: indicators, quotes, spaces, digits, the
# letters of `yes`/`no`/`null`, line breaks and characters ruamel escapes.
_SPECIAL = ("\t", "\n", "\x85", "\u2028", "\ufeff", "\x00", "\U0001f600", "\xa0")
_ALPHABET = st.sampled_from([*"aeynostrulNY019-_.:#,?!&*|>'\"%@`[]{}~=<+ /\\é€中", *_SPECIAL])
_TEXT = st.text(_ALPHABET, max_size=12) | st.sampled_from(
    ["yes", "No", "null", "~", "12:30", "1e3", "0x1f", "2021-03-29", "---", "...", "- a", "<<"]
)
_DATE = st.sampled_from(
    ["2021-03-29", "2021-03-29 10:11", "2021-03-29T10:11:12+02:00", "29.03.2021", "March 3, 2021"]
).map(DateText)
_VALUE = _TEXT | _DATE | st.lists(_TEXT, min_size=1, max_size=3)
_KEY = st.sampled_from(["title", "date", "tags", "yes", "a key", "x: y", "k" * 130]) | _TEXT


def _block(data: dict[str, Any]) -> str:
    return "---\n" + ruamel_yaml(data) + "---\n"


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_KEY, _VALUE, min_size=1, max_size=4))
@example({"title": "Hello: world", "url": "https://example.org/a#b", "note": "a # b"})
@example({"title": "O'Neil's post", "author": ["Jane Doe", "'quoted'"], "tags": ["yes"]})
@example({"date": DateText("2021-03-29"), "updated": DateText("2021-03-29 10:11")})
def test_same_as_ruamel(data: dict[str, Any]) -> None:
    assert render_front_matter(data) == _block(data)


def test_usual_front_matter_takes_the_line_path() -> None:
    data = {
        "title": "How caching works: a guide",
        "date": DateText("2021-03-29"),
        "author": ["Jane Doe"],
        "tags": ["web", "http"],
        "url": "https://example.org/caching",
    }
    assert yaml_lines(data) is not None
    assert render_front_matter(data) == _block(data)


def test_clean_page_front_matter() -> None:
    page = (
        "<!doctype html><html lang=en><head><title>Yes</title>"
        '<meta property="og:title" content="Caching: a guide">'
        '<meta name="keywords" content="no, 12:30, web">'
        '<meta property="article:published_time" content="2021-03-29"></head>'
        "<body><article><p>" + "Text of the article. " * 20 + "</p></article></body></html>"
    )
    out = clean_page(page)
    front = out[: out.index("---\n", 4) + 4]
    assert front.startswith("---\ntitle: 'Caching: a guide'\ndate: 2021-03-29\n")
    assert "  - 'no'\n  - '12:30'\n  - web\n" in front
