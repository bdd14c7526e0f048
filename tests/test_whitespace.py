"""Layout of converted Markdown (stage 7): the fence-free fast path and the line walk agree."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from scrapedown.convert.walk import join_blocks
from scrapedown.convert.whitespace import _tidy_lines, strip_blank_edges, tidy_markdown

# Lines built from what matters to the layout: spaces of several kinds, blank runs, fences.
_PIECES = st.sampled_from(
    ["a", "中文", " ", "\t", "\u3000", "\xa0", "\r", "\n", "\n\n\n", "- x", "```", "~~~", "`"]
)


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_fast_path_matches_the_line_walk(markdown: str) -> None:
    assert tidy_markdown(markdown) == _tidy_lines(markdown)


def test_layout() -> None:
    assert tidy_markdown("\n\n# T  \n\n\n\npara \u3000\n\n") == "# T\n\npara"
    assert tidy_markdown("```\nx  \n\n\n\ny\n```\n\n\n\nz") == "```\nx  \n\n\n\ny\n```\n\nz"


# The definition strip_blank_edges implements without regex backtracking: blank lines (spaces,
# tabs, U+3000 and zero-width characters, which the punctuation stage deletes on a line of their
# own) at the start, and newline-led blank runs at the end.
_BLANK_EDGES = re.compile("\\A(?:[ \t\u3000\xa0\u200b\u2060\ufeff]*\n)+|(?:\n[ \t]*)+\\Z")


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_blank_edges_are_the_blank_lines_at_either_end(text: str) -> None:
    assert strip_blank_edges(text) == _BLANK_EDGES.sub("", text)


def _join_blocks_reference(parts: list[str]) -> str:
    """The collapsing walk without the fast path (a reference model)."""
    joined = [""]
    for part in parts:
        body = part.lstrip("\n")
        content = body.rstrip("\n")
        leading, trailing = part[: len(part) - len(body)], body[len(content) :]
        if not body:
            leading, trailing = part, ""
        if joined[-1] and leading:
            leading = "\n" * min(2, max(len(joined.pop()), len(leading)))
        joined.extend((leading, content, trailing))
    return "".join(joined)


@given(st.lists(st.sampled_from(["a", "b c", "\n", "\n\n\n", "\n\nx\n\n", "y\n", "\nz", ""])))
def test_join_blocks_collapses_only_where_newlines_meet(parts: list[str]) -> None:
    assert join_blocks(parts) == _join_blocks_reference(parts)
