"""The emphasis check's fast path (`_markers_cannot_pair`, issue 18) decides without rendering
only where rendering would agree: a paragraph it calls safe renders the same with its text
`*`/`_` bare and escaped, and `clean_html` writes text stars and underscores that render back
as themselves."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from scrapedown import clean_html
from scrapedown.convert.escape import (
    STAR_MARK,
    UNDERSCORE_MARK,
    _markers_cannot_pair,
    _markers_may_pair,
    resolve_emphasis_markers,
)

_MD = MarkdownIt("commonmark").enable("strikethrough")

# Pieces that meet the delimiter rules' corner cases: runs, neighbours of every class
# (letters, digits, space, ASCII and Unicode punctuation and symbols), container and list
# markers at line starts, escapes, code spans, links, line breaks.
_PIECES = st.sampled_from(
    [
        STAR_MARK,
        UNDERSCORE_MARK,
        "*",
        "_",
        "**",
        "__",
        "\\*",
        "\\_",
        "\\\\",
        "a",
        "b",
        "2",
        " ",
        "  ",
        "\n",
        "\\\n",
        "> ",
        ">",
        "- ",
        "+ ",
        "1. ",
        "3) ",
        "`",
        "`x`",
        "[",
        "]",
        "](/u)",
        "(",
        ")",
        ".",
        ",",
        "!",
        "'",
        '"',
        "~",
        "~~",
        "<",
        "&amp;",
        "©",
        "€",
        "。",
        "中",
        "é",
        "\u00a0",
        "\t",
        "    ",
        "#",
        "|",
        "=",
        "-",
        "<div>",
        "<sup>",
        "</sup>",
        "<http://a>",
    ]
)
_CHUNKS = st.lists(_PIECES, min_size=1, max_size=14).map("".join)


def _render(markdown: str) -> str:
    out: str = _MD.render(markdown)
    return out


def _always_render(chunk: str) -> str:
    """The decision before the fast path: bare when no marker run can open or close at all,
    else (one render) bare when nothing but markers formed no emphasis, list or rule, else bare
    when bare and escaped render alike."""
    bare = chunk.replace(STAR_MARK, "*").replace(UNDERSCORE_MARK, "_")
    if not _markers_may_pair(chunk, bare):
        return bare
    rendered = _render(bare)
    if "*" not in chunk and "_" not in chunk and not re.search(r"<(?:em|strong|li|hr)\b", rendered):
        return bare
    escaped = chunk.replace(STAR_MARK, "\\*").replace(UNDERSCORE_MARK, "\\_")
    return bare if _render(bare) == _render(escaped) else escaped


@settings(max_examples=3000, deadline=None)
@given(_CHUNKS)
def test_fast_path_agrees_with_the_render(chunk: str) -> None:
    chunk = re.sub(r"\n\n++", "\n", chunk)  # one paragraph: the caller splits at blank lines
    bare = chunk.replace(STAR_MARK, "*").replace(UNDERSCORE_MARK, "_")
    if _markers_cannot_pair(chunk, bare):
        escaped = chunk.replace(STAR_MARK, "\\*").replace(UNDERSCORE_MARK, "\\_")
        assert _render(bare) == _render(escaped)
    assert resolve_emphasis_markers(chunk, _render) == _always_render(chunk)


def test_fast_path_takes_the_common_cases_and_leaves_the_doubtful() -> None:
    def decides(text: str) -> bool:
        chunk = text.replace("{s}", STAR_MARK).replace("{u}", UNDERSCORE_MARK)
        return _markers_cannot_pair(
            chunk, chunk.replace(STAR_MARK, "*").replace(UNDERSCORE_MARK, "_")
        )

    assert decides("2{s}3 = 6")  # a lone run that could open or close has no partner
    assert decides("a {u}init{u}s b{s}c")  # `_` runs cannot form, one `*` run alone
    assert decides("a target of {u}self or a parent to {u}self")  # openers, no closer
    assert not decides("2{s}3 and 4{s}5")  # two runs that could pair: render
    assert not decides("{s} item")  # a list item
    assert not decides("x\n> {s}a")  # after a container marker
    assert not decides("a {s}**b**")  # a run mixing a marker and emphasis
    assert not decides("a **b{s}")


_WORDS = st.lists(
    st.sampled_from(["a", "bc", "2", "*", "_", "**", " ", ",", "(", ")", "©", "中", "x*y", "1_2"]),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_WORDS)
def test_text_stars_and_underscores_render_as_themselves(text: str) -> None:
    markdown = clean_html(f"<p>{html.escape(text)}</p>")
    rendered = _render(markdown)
    assert "<em>" not in rendered and "<strong>" not in rendered
    plain = html.unescape(re.sub(r"<[^>]*+>", "", rendered))
    assert " ".join(plain.split()) == " ".join(text.split())
