"""Every file of ../shared/corpus (read in place; skipped when absent): converts without an
exception, idempotently, losing no letter, digit, image or link by the safety net's measure,
leaving no inline style, proxy or stray HTML, and keeping the front-matter keys in order."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from scrapedown import clean
from scrapedown.frontmatter.block import split_post
from scrapedown.safety.fidelity import compare
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"
FILES = sorted(p for p in CORPUS.glob("*") if p.suffix in (".md", ".html"))
PARAMS = [pytest.param(p, id=p.name) for p in FILES] or [
    pytest.param(None, marks=pytest.mark.skip(reason="../shared/corpus is absent"))
]
# Raw HTML a careful human keeps: tables that cannot be pipe tables, <sup>/<sub>/<kbd>/<br>
# (in table cells), Hexo's excerpt marker, and the empty comment between two adjacent lists.
ALLOWED_BLOCK = re.compile(r"\A(?:<table>\n|<!-- more -->|<!-- -->\n\Z)")
ALLOWED_INLINE = re.compile(r"\A</?(?:sup|sub|br|kbd)\b")
PROXY = re.compile(r"https?://[\w.-]*workers\.dev/\?http")
MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


def raw_html(markdown: str) -> list[str]:
    """The raw HTML a Markdown renderer would pass through (blocks and inline tags)."""
    found: list[str] = []
    for token in MARKDOWN.parse(markdown):
        if token.type == "html_block":
            found.append(token.content)
        for child in token.children or []:
            if child.type == "html_inline":
                found.append(child.content)
    return found


@cache
def converted(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    return text, clean(text)


@pytest.mark.parametrize("path", PARAMS)
def test_idempotent(path: Path) -> None:
    _, out = converted(path)
    assert clean(out) == out


@pytest.mark.parametrize("path", PARAMS)
def test_nothing_lost(path: Path) -> None:
    text, out = converted(path)
    loss = compare(text, out)
    assert not loss, loss.describe()


@pytest.mark.parametrize("path", PARAMS)
def test_no_junk_left(path: Path) -> None:
    _, out = converted(path)
    html = raw_html(split_post(out)[1])
    assert [h for h in html if "style=" in h] == []
    assert not PROXY.search(out)
    leftover = [h for h in html if not (ALLOWED_BLOCK.match(h) or ALLOWED_INLINE.match(h))]
    assert leftover == []


@pytest.mark.parametrize("path", PARAMS)
def test_front_matter_keys_kept_in_order(path: Path) -> None:
    text, out = converted(path)
    before, after = split_post(text)[0], split_post(out)[0]
    assert (before is None) == (after is None)
    if before is not None and after is not None:
        assert list(after.data) == list(before.data)
        assert out.startswith(("---", "+++", "{"))
