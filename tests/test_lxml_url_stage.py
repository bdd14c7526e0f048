"""The URL stage, the image rules and the text rule on the lxml tree (the perf pass, part 2),
through the public API: what they do, and that they stay linear."""

from __future__ import annotations

import pytest

import scrapedown
from scrapedown import Options
from scrapedown.urls.options import UrlOptions
from tests.test_linear_scaling import Unit, _base, check_linear

PAGE = "https://blog.example/posts/7.html"


def test_unsafe_link_text_reads_like_plain_text() -> None:
    # The links go, and their text joins as any inline text does (a line break between two
    # CJK characters is no space, as for two spans).
    unsafe = '<p><a href="javascript:;">编辑</a>\n<a href="javascript:;">锁定</a></p>'
    spans = "<p><span>编辑</span>\n<span>锁定</span></p>"
    assert scrapedown.clean_html(unsafe) == scrapedown.clean_html(spans) == "编辑锁定\n"


def test_placeholder_image_takes_its_noscript_copy() -> None:
    html = (
        '<figure><img src="https://img.example/loading.gif"><noscript>'
        '<img src="https://img.example/a-full.jpg" alt="A cat"></noscript></figure>'
    )
    assert scrapedown.clean_html(html) == "![A cat](https://img.example/a-full.jpg)\n"


def test_lone_noscript_image_is_rescued() -> None:
    html = (
        "<p>text</p><noscript><img src='https://img.example/b.png' alt='IMG_0042.JPG'></noscript>"
    )
    assert scrapedown.clean_html(html) == "text\n\n![](https://img.example/b.png)\n"


def test_tracking_pixels_and_sourceless_images_go() -> None:
    html = "<p>more<img src='https://t.example/p.gif' width='1' height='1px'><img alt='x'></p>"
    assert scrapedown.clean_html(html) == "more\n"


def test_lightbox_link_becomes_the_image_and_relative_urls_resolve() -> None:
    html = '<p><a href="/full/c.png"><img src="/small/c.png" alt="c"></a> <a href="x">x</a></p>'
    options = Options(urls=UrlOptions(base_url=PAGE))
    assert scrapedown.clean_html(html, options) == (
        "![c](https://blog.example/small/c.png) [x](https://blog.example/posts/x)\n"
    )


def test_amp_image_keeps_what_it_held_after_it() -> None:
    out = scrapedown.clean_html('<p><amp-img src="https://img.example/d.png" alt="d">fallback</p>')
    assert out == "![d](https://img.example/d.png)fallback\n"


def test_non_breaking_spaces_go_outside_code_only() -> None:
    html = "<p>a\u00a0b <b>c\u200bd</b>\u00a0e <code>x\u00a0y</code></p><pre>p\u00a0q</pre>"
    assert scrapedown.clean_html(html) == "a b **cd** e `x\u00a0y`\n\n```\np\u00a0q\n```\n"


@pytest.mark.parametrize("depth", [8, 9, 12])
def test_nesting_below_the_limit_keeps_its_text_in_order(depth: int) -> None:
    html = "<div>" * 15 + "<p>one</p><p>two <b>three</b></p>" + "</div>" * 15 + "<p>after</p>"
    out = scrapedown.clean_html(html, Options(max_depth=depth))
    assert out.index("one") < out.index("two") < out.index("three") < out.index("after")


STRUCTURES: dict[str, Unit] = {
    "noscript pairs": lambda t, n: "".join(
        f'<figure><img data-src="https://e.com/{i}.jpg"><noscript><img src="https://e.com/'
        f'{i}.jpg"></noscript></figure><p>{t}</p>'
        for i in range(n)
    ),
    "unsafe links": lambda t, n: "<p>" + f'<a href="javascript:;">{t}</a>\n' * n + "</p>",
    "links without a target": lambda t, n: "<p>" + f'<a href="#">{t}</a>\n<a>{t}</a>' * n,
    "inline wrappers": lambda t, n: "<p>" + f"<span>{t}</span>\n<font>{t}</font>" * n,
    "lightbox links": lambda t, n: "".join(
        f'<a href="https://e.com/{i}.png"><img src="https://e.com/{i}.png"></a> {t}'
        for i in range(n)
    ),
    "amp images": lambda t, n: "<p>" + f'<amp-img src="https://e.com/a.png">{t}</amp-img>' * n,
    "non-breaking spaces": lambda t, n: f"<p>{t}\u00a0<b>{t}</b>\u00a0{t}</p>" * n,
    "deep nesting": lambda t, n: "<div>" * 120 + f"<p>{t}</p>" * n + "</div>" * 120,
}


@pytest.mark.parametrize("name", sorted(STRUCTURES))
def test_lxml_stages_scale_linearly(name: str) -> None:
    unit = STRUCTURES[name]
    check_linear(scrapedown.clean_html, unit, "文字 x", _base(unit, "文字 x", 20_000))
