"""Every case of ../shared/cases/lazy-img-cases.jsonl through the public API (skipped when absent).

`clean_html` runs the whole pipeline (parse, structural rules, URL stage, conversion) with the
page URL as `urls.base_url`; the Markdown it gives, rendered by markdown-it, must show exactly one
image whose URL is `expected_src`, or none when that is null. (The cases README: testing the URL
stage alone does not show this — `<picture>` and `<amp-img>` passed there and were lost here.)
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from scrapedown import Options, clean, clean_html

from .conftest import SHARED

PAGE_URL = "https://example.com/articles/1.html"
OPTIONS = replace(Options(), urls=replace(Options().urls, base_url=PAGE_URL))


def _cases() -> list[Any]:
    path = SHARED / "cases" / "lazy-img-cases.jsonl"
    if not path.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{path} absent"))]
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return [pytest.param(record, id=record["id"]) for record in records]


def rendered_images(markdown: str) -> list[str]:
    """The `src` of every image the Markdown shows once rendered."""
    rendered = MarkdownIt("commonmark", {"html": True}).render(markdown)
    if not rendered.strip():
        return []
    return [
        str(img.get("src")) for img in lxml_html.fromstring(f"<div>{rendered}</div>").iter("img")
    ]


@pytest.mark.parametrize("case", _cases())
def test_lazy_image_case_through_clean_html(case: dict[str, Any]) -> None:
    markdown = clean_html(case["html"], OPTIONS)
    expected = [] if case["expected_src"] is None else [case["expected_src"]]
    assert rendered_images(markdown) == expected, markdown
    assert clean(markdown, OPTIONS) == markdown  # the output is a clean post already


def test_all_43_cases_are_run() -> None:
    path = SHARED / "cases" / "lazy-img-cases.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} absent")
    assert len(_cases()) == 43


@pytest.mark.parametrize(
    ("html", "src"),
    [
        (
            '<p>a</p><amp-img src="https://e.com/a.jpg" alt="A"></amp-img><p>b</p>',
            "https://e.com/a.jpg",
        ),
        (
            '<amp-img src="https://e.com/a.jpg" layout="responsive"><noscript>'
            '<img src="https://e.com/a.jpg"></noscript></amp-img><p>b</p>',
            "https://e.com/a.jpg",
        ),
        (
            '<noscript><amp-img src="https://e.com/b.jpg"></amp-img></noscript><p>b</p>',
            "https://e.com/b.jpg",
        ),
        (
            '<amp-img layout="fill"><noscript><img src="https://e.com/c.jpg"></noscript></amp-img><p>b</p>',
            "https://e.com/c.jpg",
        ),
        (
            '<p>a<picture><source srcset="https://e.com/p.jpg 2x"><img alt="pic"></picture>b</p>',
            "https://e.com/p.jpg",
        ),
    ],
)
def test_amp_and_picture_images_survive_the_pipeline(html: str, src: str) -> None:
    markdown = clean_html(html)
    assert rendered_images(markdown) == [src]
    assert "b" in markdown
    assert clean(markdown) == markdown
