"""Stage 2 reads a block of plain tags all at once (`html_tokens._plain_matches`, one pattern
over the block) and anything else tag by tag: both ways find the same tags, so the body's
segments and the cleaned post do not depend on which way a block was read."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapedown import clean
from scrapedown.parse import html_tokens

# Pieces of markup whose joins make every case the scanner tells apart: plain tags, tags
# with `>` or `<` in quoted values, self-closing and `/` in unquoted values, comments (all
# their endings), bogus comments, raw-text elements, tags left open, stray `<`.
_PIECES = (
    "<p>", "</p>", "<div class=x>", "</div>", "<a href='>'>", "</a>", "<br/>", "<img src=/>",
    "<a href=x/>", "<b title=\"<i>\">", "</b>", "<!-- c -->", "<!-->", "<!--", "-->", "--!>",
    "<?x?>", "<!x>", "</ x>", "<script>", "</script>", "<STYLE>", "</style >", "<title/>",
    "<p", "<", " < ", "text", "\n", "\n\n", "<ul><li>", "</li></ul>", "=\"", "'", ">",
)  # fmt: skip

_blocks = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


def _walked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every block read tag by tag (the all-at-once path off)."""
    monkeypatch.setattr(html_tokens, "_is_plain", lambda html: False)


@settings(max_examples=400, deadline=None)
@given(st.lists(_blocks, min_size=1, max_size=4))
def test_both_ways_find_the_same_tags(blocks: list[str]) -> None:
    # (a scanner carries an open comment or <script> from one block to the next: one each)
    scanning, listing = html_tokens.TagScanner(), html_tokens.TagScanner()
    found = [(scanning.scan(b), listing.element_tags(b)) for b in blocks]
    with pytest.MonkeyPatch.context() as patch:
        _walked(patch)
        slow = html_tokens.TagScanner()
        walked = [slow.scan(b) for b in blocks]
    slow_elements = [[(t.name, t.closing) for t in tags if not t.self_closing] for tags in walked]
    assert [tags for tags, _ in found] == walked
    assert [elements for _, elements in found] == slow_elements


@settings(max_examples=150, deadline=None)
@given(st.lists(_blocks, min_size=1, max_size=5).map("\n\n".join))
def test_a_post_cleans_the_same_either_way(body: str) -> None:
    post = f"---\ntitle: t\n---\n\n{body}\n"
    fast = clean(post)
    with pytest.MonkeyPatch.context() as patch:
        _walked(patch)
        assert clean(post) == fast


def test_a_tag_never_closed_is_read_tag_by_tag() -> None:
    # `<a` has no `>`: the walk ends the block there, and so must the reading all at once.
    assert html_tokens._plain_matches("<p>x</p><a b") is None
    assert html_tokens.TagScanner().element_tags("<p>x</p><a b") == [("p", False), ("p", True)]
