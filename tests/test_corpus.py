"""Every file of ../shared/corpus (read in place; skipped when absent): converts without an
exception, idempotently, losing no letter, digit, image or link by the safety net's measure,
leaving no inline style, proxy or stray HTML, and keeping the front-matter keys in order."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from scrapedown import clean
from scrapedown.fidelity import compare
from scrapedown.frontmatter import split_post
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"
FILES = sorted(p for p in CORPUS.glob("*") if p.suffix in (".md", ".html")) if CORPUS.is_dir() else []
PARAMS = [pytest.param(p, id=p.name) for p in FILES] or [
    pytest.param(None, marks=pytest.mark.skip(reason="../shared/corpus is absent"))
]
# Raw HTML a careful human keeps: tables that cannot be pipe tables, <sup>/<sub>, Hexo markers.
ALLOWED_HTML = re.compile(r"</?(?:table|caption|tr|td|th|sup|sub|br|kbd)\b|<!-- more -->")
PROXY = re.compile(r"https?://[\w.-]*workers\.dev/\?http")


@cache
def converted(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    return text, clean(text)


def _outside_code(markdown: str) -> str:
    markdown = re.sub(r"(?ms)^ *(```+|~~~+).*?^ *\1", "", markdown)
    return re.sub(r"(`+).+?\1", "", markdown)


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
    body = _outside_code(split_post(out)[1])
    assert "style=" not in body
    assert not PROXY.search(out)
    leftover = [t for t in re.findall(r"</?[A-Za-z][\w:-]*", body) if not ALLOWED_HTML.match(t)]
    assert leftover == []


@pytest.mark.parametrize("path", PARAMS)
def test_front_matter_keys_kept_in_order(path: Path) -> None:
    text, out = converted(path)
    before, after = split_post(text)[0], split_post(out)[0]
    assert (before is None) == (after is None)
    if before is not None and after is not None:
        assert list(after.data) == list(before.data)
        assert out.startswith(("---", "+++", "{"))
