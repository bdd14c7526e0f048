"""`parse.closed.written_closed`: a region it recognises is one that closing (parse + write out,
as `pipeline.convert_regions` does) gives back unchanged, so it is used as it is. Regions are
built from the grammar the module describes and from its near misses; corpus posts come out
the same with and without the shortcut."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrapedown
from scrapedown import clean, pipeline
from scrapedown.parse.closed import _ALLOWED, _FLOW, VOID, written_closed
from scrapedown.parse.tree import inner_html, parse_tree

from .conftest import shared_path

# Names in the grammar and out of it (where it matters: a block in a paragraph, a link in a
# link, a cell out of its row, raw-text and head elements, foreign content, upper case).
_NAMES = (
    "p", "div", "span", "a", "a", "code", "b", "strong", "em", "font", "kbd", "h2", "h3", "pre",
    "ul", "ol", "li", "li", "dl", "dt", "dd", "table", "tbody", "thead", "tr", "td", "th",
    "caption", "details", "summary", "section", "blockquote", "br", "img", "hr", "sup", "i",
    "script", "title", "textarea", "svg", "form", "P", "center", "nobr", "input", "iframe",
)  # fmt: skip
_ATTRIBUTES = (
    "", "", "", ' id="x"', ' class="a b"', ' href="/x"', ' href="/中文"', ' href="a b"',
    ' href="x?a=1&amp;b=2"', ' src="s.png"', ' src="/图.png"', ' title="t"', ' name="n"',
    ' name="中"', ' nowrap="nowrap"', ' xmlns="u"', ' rel="r"', ' alt=""', ' action="/a b"',
    ' id="x" id="y"', ' href="/中" rel="r"', ' rel="r" href="/中"', ' rel="r" href="/中" src="/图"',
    ' src="/图" href="/中"', " id='q'", ' data-x="1"', ' title="a&#10;b"', ' title="a > b"',
)  # fmt: skip
_TEXTS = (
    "a", "word ", "中文", " ", "\n", "\n\n", "\xa0", "a &amp; b", "x > y", "'", '"', "\t", "&lt;",
    "a&nbsp;b", "  ", "\u3000", "\ufeff",
)  # fmt: skip
_VOID = frozenset({"br", "img", "hr", "input"})


def _element(rng: random.Random, depth: int) -> str:
    name = rng.choice(_NAMES)
    start = f"<{name}{rng.choice(_ATTRIBUTES)}>"
    if name in _VOID:
        return start
    children = [
        _element(rng, depth + 1) if depth < 4 and rng.random() < 0.5 else rng.choice(_TEXTS)
        for _ in range(rng.randint(0, 3))
    ]
    return start + "".join(children) + f"</{name}>"


def _region(seed: int) -> str:
    rng = random.Random(seed)
    parts = [_element(rng, 0) for _ in range(rng.randint(1, 3))]
    return rng.choice(["", "\n", "\n\n", " "]).join(parts) + rng.choice(["", "", "\n", "x"])


def _closed(region: str) -> str:
    tree = parse_tree(pipeline.xml_compatible(region), scrapedown.Options().max_depth)
    return inner_html(tree) if tree is not None else ""


@settings(max_examples=3000, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_a_recognised_region_comes_back_unchanged(seed: int) -> None:
    region = _region(seed)
    if written_closed(region):
        assert _closed(region) == region


def _grammar_element(rng: random.Random, allowed: frozenset[str], depth: int) -> str:
    """An element the grammar allows here, its content too (white space, text, elements)."""
    name = rng.choice(sorted(allowed))
    start = f"<{name}{rng.choice(_ATTRIBUTES) if rng.random() < 0.4 else ''}>"
    if name in VOID:
        return start
    children = [
        _grammar_element(rng, _ALLOWED[name], depth + 1)
        if depth < 5 and rng.random() < 0.55
        else rng.choice(_TEXTS)
        for _ in range(rng.randint(0, 3))
    ]
    return start + "".join(children) + f"</{name}>"


@settings(max_examples=2000, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_a_recognised_region_of_the_grammar_comes_back_unchanged(seed: int) -> None:
    rng = random.Random(seed)
    elements = [_grammar_element(rng, _FLOW, 0) for _ in range(rng.randint(1, 3))]
    region = rng.choice(["", "\n"]).join(elements) + rng.choice(["", "\n", "x"])
    if written_closed(region):
        assert _closed(region) == region


def test_the_grammar_is_recognised_often() -> None:
    # (a shortcut that never fires would pass the test above vacuously)
    recognised = sum(written_closed(_region(seed)) for seed in range(3000))
    assert recognised >= 150


@pytest.mark.parametrize(
    "region",
    [
        '<h2 id="Example">Example</h2>',
        '<p>Use <code>x</code> and <a title="t" href="/中文">a link</a>.</p>\n<p>Two</p>',
        "<ul>\n<li><p>a</p></li>\n<li>b <b>c</b></li>\n</ul>",
        "<dl><dt>a</dt><dd><div>b</div></dd></dl>",
        "<table><tbody><tr><th>h</th><td>d</td></tr></tbody></table>",
        "<details><summary>s</summary><p>x</p></details>",
    ],
)
def test_common_regions_are_recognised(region: str) -> None:
    assert written_closed(region)
    assert _closed(region) == region


@pytest.mark.parametrize(
    "region",
    [
        "<p>a<div>b</div></p>",  # a block closes the paragraph
        "<p>a", "<li>a</li>", "<a href=x>a</a>", "<p>a &quot; b</p>", "<p>a < b</p>",
        '<a href="/中" rel="r">a</a>',  # protected: written back last
        '<a href="/x"><a href="/y">b</a></a>', "<ul>text<li>a</li></ul>", "\n<p>a</p>",
        '<td nowrap="nowrap">a</td>', "<P>a</P>", "<p>a</p><!-- c -->", "\ufeff<p>a</p>",
    ],
)  # fmt: skip
def test_regions_closing_changes_are_not_recognised(region: str) -> None:
    assert not written_closed(region)


def test_corpus_posts_are_the_same_without_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = shared_path("corpus")
    posts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.md"))[::6]]
    fast = [clean(post) for post in posts]
    monkeypatch.setattr(pipeline, "written_closed", lambda region: False)
    assert [clean(post) for post in posts] == fast
