"""The direct BeautifulSoup builder makes the tree bs4's own event API would make.

The converter, the soup rules and `clean_html`'s output depend on every field and link of that
tree (the rules follow `next_element`, the converter `contents` and siblings, the safety of
`<script>` text on its string class), so the builder is compared with a reference built through
`handle_starttag`/`handle_data`/`endData`/`handle_endtag`, node by node, field by field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from bs4 import BeautifulSoup
from bs4.element import Comment, PageElement, Tag
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from scrapedown import clean_html
from scrapedown.parse.soup import _layout_tail, _layout_text, _TreeFeeder, soup_from_tree
from scrapedown.parse.tree import parse_tree

from .conftest import shared_path

_LINKS = ("parent", "previous_element", "next_element", "previous_sibling", "next_sibling")


class _ReferenceFeeder(_TreeFeeder):
    """The tree through bs4's parser events (what `soup_from_tree` did before)."""

    def feed(self, markup: object) -> None:
        soup = self.soup
        assert soup is not None
        owners: list[Any] = [None]
        stack: list[Iterator[Any]] = [iter((self._root,))]
        in_pre = 0
        while stack:
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
                owner = owners.pop()
                if owner is not None:
                    soup.handle_endtag(owner.tag)
                    in_pre -= owner.tag == "pre"
                    if owner is not self._root:
                        self._tail(soup, owner, in_pre)
                continue
            if isinstance(node.tag, str):
                soup.handle_starttag(node.tag, None, None, self.attribute_dict_class(node.attrib))
                in_pre += node.tag == "pre"
                text = node.text
                if text and (in_pre or text.strip() or not _layout_text(node)):
                    soup.handle_data(text)
                stack.append(iter(node))
                owners.append(node)
                continue
            if node.tag is etree.Comment:
                soup.endData()
                soup.handle_data(node.text or "")
                soup.endData(Comment)
            self._tail(soup, node, in_pre)

    @staticmethod
    def _tail(soup: BeautifulSoup, node: Any, in_pre: int) -> None:
        tail = node.tail
        if tail and (in_pre or tail.strip() or not _layout_tail(node)):
            soup.handle_data(tail)


def _nodes(soup: BeautifulSoup) -> list[PageElement]:
    found: list[PageElement] = [soup]
    stack = [iter(soup.contents)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        found.append(node)
        if isinstance(node, Tag):
            stack.append(iter(node.contents))
    return found


def _assert_same_tree(html: str) -> None:
    tree = parse_tree(html, 10_000)
    if tree is None:
        return
    built = soup_from_tree(tree)
    reference = BeautifulSoup("", builder=_ReferenceFeeder(tree))
    ours, theirs = _nodes(built), _nodes(reference)
    assert [type(n) for n in ours] == [type(n) for n in theirs]
    position = {id(n): i for i, n in enumerate(ours)}
    position_ref = {id(n): i for i, n in enumerate(theirs)}
    for mine, ref in zip(ours[1:], theirs[1:], strict=True):
        for link in _LINKS:
            a, b = getattr(mine, link), getattr(ref, link)
            assert (a is None) == (b is None), link
            if a is not None:
                assert position[id(a)] == position_ref[id(b)], link
        if isinstance(mine, Tag):
            assert isinstance(ref, Tag), type(ref)
            fields = {k: v for k, v in vars(mine).items() if k not in (*_LINKS, "contents")}
            expected = {k: v for k, v in vars(ref).items() if k not in (*_LINKS, "contents")}
            assert fields == expected
            assert [position[id(c)] for c in mine.contents] == [
                position_ref[id(c)] for c in ref.contents
            ]
        else:
            assert str(mine) == str(ref)
            assert set(vars(mine)) == set(vars(ref))


CASES = [
    "<p>plain <b>bold</b> and <i>it</i></p>",
    "<div>\n  <p class='a b' id=x>one</p>\n  <p>two</p>\n</div>",
    "<pre>  keep\n\n   <code>  spaces </code>  \n</pre>after",
    "<textarea>   </textarea><p> <span> </span> </p>",
    "<p>a<!-- note -->b<!---->c</p>",
    "<script>var a = '<b>';</script><style>p{}</style><template><p>t</p></template>",
    "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>",
    "<table><tr><td headers='h1 h2'>1</td><th>2</th></tr></table>",
    "<a rel='nofollow noopener' href='x'>l</a><meta charset='utf-8'><br><img src=i.png>",
    "<ul><li>a</li>\n<li>b<ul><li>c</li></ul></li></ul>\n\n<p>\t</p>",
    "text only",
]


@pytest.mark.parametrize("html", CASES)
def test_same_tree_as_bs4_events(html: str) -> None:
    _assert_same_tree(html)


_PIECES = (
    "<p>", "</p>", "<pre>", "</pre>", "<b>", "</b>", " ", "\n", "x", "<!--c-->", "<script>",
    "</script>", "<textarea>", "</textarea>", "<li>", "<td>", "<br>", "\t ",
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_same_tree_on_generated_markup(html: str) -> None:
    _assert_same_tree(html)


def test_same_tree_over_corpus_bodies() -> None:
    corpus = shared_path("corpus")
    checked = 0
    for path in sorted(corpus.glob("*.html"))[::4]:
        _assert_same_tree(path.read_text(encoding="utf-8", errors="replace"))
        checked += 1
    assert checked > 0


def test_public_output_unchanged_shape() -> None:
    # Through the public API: whitespace inside <pre> kept, layout whitespace gone, comments gone.
    out = clean_html("<div>\n <p>a <b>b</b></p>\n<pre>  x\n y</pre><!-- c --></div>")
    assert out == "a **b**\n\n```\n  x\n y\n```\n"
