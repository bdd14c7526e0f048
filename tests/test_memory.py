"""Memory of one conversion (`scrapedown.memory`): the cyclic collector paused for the length of
a call and left as found, the soup freed before the call returns, the C heap trimmed after a big
tree only."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from bs4.element import Tag

import scrapedown
from scrapedown import memory
from scrapedown.parse import chunks
from scrapedown.parse.soup import soup_from_tree
from scrapedown.parse.tree import Element

_ARTICLE = "".join(
    f"<div><p>Paragraph {i} with <span>a wrapper</span> and <a href='/p/{i}'>a link</a>.</p>"
    f"<ul><li>one</li><li><em>two</em></li></ul></div>\n"
    for i in range(300)
)
_PAGE = (
    "<!DOCTYPE html><html><head><title>A page</title></head>"
    f"<body><article><h1>A page</h1>{_ARTICLE}</article></body></html>"
)
_CALLS: dict[str, Callable[[], str]] = {
    "clean": lambda: scrapedown.clean(_ARTICLE),
    "clean_html": lambda: scrapedown.clean_html(_ARTICLE),
    "clean_page": lambda: scrapedown.clean_page(_PAGE),
}


@pytest.fixture
def collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector_restored")
@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("name", sorted(_CALLS))
def test_the_collector_is_left_as_found(name: str, enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()
    assert "Paragraph 299" in _CALLS[name]()
    assert gc.isenabled() is enabled


@pytest.mark.usefixtures("collector_restored")
def test_the_collector_is_back_on_after_an_error() -> None:
    gc.enable()
    tight = scrapedown.Options(max_body_chars=100)
    with pytest.raises(scrapedown.ScrapedownError):
        scrapedown.clean(_ARTICLE, tight)
    assert gc.isenabled()


def _tags_alive() -> int:
    return sum(isinstance(o, Tag) for o in gc.get_objects())


@pytest.mark.usefixtures("collector_restored")
@pytest.mark.parametrize("name", sorted(_CALLS))
def test_no_soup_outlives_the_call_even_with_the_collector_off(name: str) -> None:
    """The soup's elements point to their parents: only a collection frees it. The call runs
    one over what it made, so a caller with the collector off does not keep every page's."""
    _CALLS[name]()  # (warm: lazy imports and caches)
    gc.collect()
    gc.disable()
    before = _tags_alive()
    _CALLS[name]()
    assert _tags_alive() - before < 20  # the soup held over 2,000 elements


def test_the_heap_is_trimmed_after_a_big_tree_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def record(pad: int) -> int:
        calls.append(pad)
        return 1

    monkeypatch.setattr(memory, "_malloc_trim", lambda: record)
    scrapedown.clean_html(_ARTICLE)
    assert calls == []  # a small document: its pages are used again by the next one
    big = _ARTICLE * (memory.TRIM_FROM_CHARS // len(_ARTICLE) + 1)
    assert "Paragraph 299" in scrapedown.clean_html(big)
    assert calls and set(calls) == {0}  # (once per part of a big body: see below)


_BIG_BODY = "".join(
    f"<p>Paragraph {i} with <em>emphasis</em>.</p><h2>Heading {i}</h2>\n"
    for i in range(chunks.PART_FROM_CHILDREN * 2)
)


def test_a_big_body_is_never_one_whole_soup(monkeypatch: pytest.MonkeyPatch) -> None:
    """A big body's soup is built in parts, each freed before the next is built: no soup of
    the whole document is ever alive (it was most of a big page's peak memory)."""
    real = soup_from_tree
    sizes: list[int] = []
    children_left: list[int] = []

    def recording(root: Element, part: Any = None) -> Any:
        children_left.append(len(root))
        soup = real(root, part)
        sizes.append(len(soup.find_all(True)))
        assert _tags_alive() < 2 * sizes[-1] + 20  # the parts before it are gone
        return soup

    monkeypatch.setattr(chunks, "soup_from_tree", recording)
    markdown = scrapedown.clean_html(_BIG_BODY)
    assert markdown.count("Paragraph") == chunks.PART_FROM_CHILDREN * 2
    total = chunks.PART_FROM_CHILDREN * 4 * 2  # (two elements a block: <p><em>, <h2>)
    assert len(sizes) >= 4
    assert max(sizes) < total / 3
    assert children_left == sorted(children_left, reverse=True)  # the lxml tree shrinks too
    assert children_left[-1] < children_left[0] / 3


def test_a_small_body_is_one_soup(monkeypatch: pytest.MonkeyPatch) -> None:
    real = soup_from_tree
    parts: list[object] = []

    def recording(root: Element, part: Any = None) -> Any:
        parts.append(part)
        return real(root, part)

    monkeypatch.setattr(chunks, "soup_from_tree", recording)
    scrapedown.clean_html(_ARTICLE)
    assert len(parts) == 1
