"""A big body converted in parts (`parse.chunks`) comes out byte for byte as converted whole.

The switch is the size from which a body is cut: the tests set it to a few top-level children,
so that small generated documents are cut in as many parts as they have places to cut, and
compare with the same call where nothing is cut."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scrapedown
from scrapedown.parse import chunks
from scrapedown.parse.tree import Element
from tests.conftest import shared_path
from tests.strategies import html_fragments, html_text, tag_soup


def _whole_and_parts(
    monkeypatch: pytest.MonkeyPatch, html: str, from_children: int = 2
) -> tuple[str, str, int]:
    """clean_html of `html` converted whole, then in parts of (about) `from_children // 2`
    top-level children; the number of parts of the second run."""
    monkeypatch.setattr(chunks, "PART_FROM_CHILDREN", 10**9)
    whole = scrapedown.clean_html(html)
    monkeypatch.setattr(chunks, "PART_FROM_CHILDREN", from_children)
    monkeypatch.setattr(chunks, "MAX_PARTS", 10**6)
    counted: list[int] = []
    real = chunks._part_length

    def counting(root: Element, size: int) -> int:
        counted.append(1)
        return real(root, size)

    monkeypatch.setattr(chunks, "_part_length", counting)
    in_parts = scrapedown.clean_html(html)
    return whole, in_parts, len(counted)


# Blocks a part may end at, and blocks it may not (lists, quotes, tables, text between).
_edge_blocks = st.one_of(
    html_text.map(lambda t: f"<p>{t}</p>"),
    html_text.map(lambda t: f"<p>{t} <em>{t}</em></p>"),
    html_text.map(lambda t: f"<h2>{t}</h2>"),
    html_text.map(lambda t: f"<pre>{t}</pre>"),
    st.just("<p>*a* _b_ **c**</p>"),
    st.just("<p>one<br><br>two</p>"),
)
_other_blocks = st.one_of(
    st.just("<ul><li>a</li></ul>"),
    st.just("<ol start='3'><li>b</li></ol>"),
    st.just("<p></p>"),
    st.just("<p> </p>"),
    st.just("<div></div>"),
    st.just("<hr>"),
    st.just("<!-- a comment -->"),
    st.just("<em>emphasis</em>"),
    st.just("<b>*</b>"),
    html_text,
    html_fragments,
    tag_soup,
)
_documents = st.lists(
    st.one_of(_edge_blocks, _edge_blocks, _other_blocks), min_size=2, max_size=14
).flatmap(lambda blocks: st.sampled_from(("", "\n", " ")).map(lambda sep: sep.join(blocks)))


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(html=_documents)
def test_parts_convert_as_the_whole(monkeypatch: pytest.MonkeyPatch, html: str) -> None:
    whole, in_parts, _ = _whole_and_parts(monkeypatch, html)
    assert in_parts == whole


def test_a_body_of_paragraphs_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    html = "".join(f"<p>Paragraph {i} with <em>emphasis</em>.</p>\n" for i in range(40))
    whole, in_parts, parts = _whole_and_parts(monkeypatch, html)
    assert in_parts == whole
    assert parts >= 10  # (without a cut, one part: the test would compare nothing)


def test_no_cut_beside_a_list(monkeypatch: pytest.MonkeyPatch) -> None:
    html = "<ul><li>a</li></ul>\n<ul><li>b</li></ul>\n<p>p</p>\n" * 5
    whole, in_parts, parts = _whole_and_parts(monkeypatch, html)
    assert in_parts == whole
    assert "<!-- -->" in whole
    assert parts == 1  # (no two paragraphs side by side: nowhere to cut)


def test_the_corpus_as_one_body_is_cut_without_change(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(shared_path("corpus").glob("*.html"))[::4]
    html = "\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
    assert len(html) > 300_000
    whole, in_parts, parts = _whole_and_parts(monkeypatch, html, from_children=200)
    assert in_parts == whole
    assert parts >= 10
