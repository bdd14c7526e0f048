"""Whole-text scans done without a regular expression where one was slow (perf pass, part 4):
each must agree with the pattern it replaced, on every input."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from scrapedown import clean, commonmark
from scrapedown.convert.escape import drop_escape_marks, resolve_emphasis_markers, unmark_escapes
from scrapedown.pipeline import split_at_breaks
from scrapedown.safety import XML_INVALID, has_invalid_chars, without_invalid_chars
from scrapedown.urls.markdown import _may_hold_destinations, destinations

# The patterns the scans replaced, as they were.
_REGION_BREAK_LINE = re.compile(r"(?:(?<!\n)\n++)?^\ue0ff$\n*", re.MULTILINE)
_ESCAPE_MARKS = re.compile("[\ufdd4-\ufdd8]")
_MARKS = re.compile("[\ufdd0-\ufdd3]")
_ESCAPED = dict(zip("\ufdd4\ufdd5\ufdd6\ufdd7\ufdd8", "*_[]~", strict=True))

_near_breaks = st.text(alphabet="\n\ue0ffa ", max_size=24)
_CHARACTERS = (
    "a", " ", "\n", "\x00", "\x08", "\t", "\x0b", "\x1f", "\ufffe", "\uffff", "\ufdd0",
    "\ufdd3", "\ufdd4", "\ufdd8", "\ufdd9", "中", "\ud800", "\U0001f600",
)  # fmt: skip
_near_marks = st.text(alphabet=st.sampled_from(_CHARACTERS), max_size=16)


@settings(max_examples=3000, deadline=None)
@given(_near_breaks)
def test_split_at_breaks_is_the_pattern_split(markdown: str) -> None:
    assert split_at_breaks(markdown) == _REGION_BREAK_LINE.split(markdown)


@settings(max_examples=2000, deadline=None)
@given(_near_marks)
def test_character_scans_are_the_pattern_searches(text: str) -> None:
    assert has_invalid_chars(text) == (XML_INVALID.search(text) is not None)
    assert without_invalid_chars(text) == XML_INVALID.sub("", text)
    assert drop_escape_marks(text) == _ESCAPE_MARKS.sub("", text)
    assert unmark_escapes(text) == _ESCAPE_MARKS.sub(lambda m: _ESCAPED[m.group()], text)
    if _MARKS.search(text) is None:
        assert resolve_emphasis_markers(text, lambda markdown: markdown) == text


_LINK_PIECES = (
    "[", "]", "(", ")", ":", "!", " ", "\n", "\n\n", "x", "http://a.b/c", "<", ">", "`", "\\",
    "    ", "- ", "> ", "*", '"', "&#91;", "&#93;", "%5D", "www.a.b",
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_LINK_PIECES), max_size=20).map("".join))
def test_no_destination_without_link_syntax(markdown: str) -> None:
    # The URL stage skips a Markdown segment with no `](`, `]:` nor `<`: it has no destination.
    if not _may_hold_destinations(markdown):
        assert destinations(markdown) == []


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(("a", "\n", "\r", "\r\n", "\0", " ", "- ", "# ", "<b>", "`")), max_size=16
    )
)
def test_quick_normalize_is_markdown_its(pieces: list[str]) -> None:
    # (`commonmark`'s parsers skip markdown-it's newline substitution when there is no CR)
    markdown = "".join(pieces)
    options = {"html": True, "maxNesting": commonmark.MAX_NESTING}
    stock = MarkdownIt("commonmark", options).enable("table").enable("strikethrough")
    assert commonmark.html_renderer().render(markdown) == stock.render(markdown)


def test_every_character_xml_refuses_is_found() -> None:
    for code in range(0x10000):
        text = f"a{chr(code)}b"
        assert has_invalid_chars(text) == (XML_INVALID.search(text) is not None), hex(code)


def test_regions_between_markdown_come_back_in_place() -> None:
    # Three HTML regions converted in one pass and cut again at the region breaks.
    post = (
        "---\ntitle: t\n---\n\n<div><p>One</p></div>\n\nText *between*.\n\n"
        "<p>Two</p>\n\n## Heading\n\n<ul><li>three</li></ul>\n"
    )
    assert clean(post) == (
        "---\ntitle: t\n---\n\nOne\n\nText *between*.\n\nTwo\n\n## Heading\n\n- three\n"
    )
