"""`rewrite_urls` on parsed trees: images, noscript copies, pictures, links."""

from __future__ import annotations

from dataclasses import replace
from html import escape

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapedown.options import Options
from scrapedown.urls import rewrite_urls
from scrapedown.urls.options import UrlOptions
from scrapedown.urls.target import is_unsafe_link, scheme_of

PAGE = "https://blog.example/posts/7.html"
WRAPPED = "https://wsrv.nl/?url=https%3A%2F%2Fimg.example.net%2Fa.jpg&w=10"
REAL = "https://img.example.net/a.jpg"


def _rewrite(html: str, base: str | None = PAGE, **changes: object) -> BeautifulSoup:
    soup = BeautifulSoup(html, "lxml")
    options = Options(urls=replace(UrlOptions(), **changes))  # type: ignore[arg-type]
    rewrite_urls(soup, options, base_url=base)
    return soup


def _images(soup: BeautifulSoup) -> list[str]:
    for noscript in soup.find_all("noscript"):
        noscript.decompose()
    return [str(image.get("src")) for image in soup.find_all("img")]


def _body(soup: BeautifulSoup) -> str:
    body = soup.body
    assert body is not None
    return body.decode_contents()


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", " JavaScript:alert(1)", "java&#9;script:alert(1)",
     "&#x01;javascript:x", "vbscript:msgbox", "data:text/html;base64,PGI+", "file:///etc/passwd",
     "jAvAsCrIpT&colon;alert(1)"],
)  # fmt: skip
def test_unsafe_links_lose_the_link_and_keep_the_text(href: str) -> None:
    soup = _rewrite(f'<p>see <a href="{href}" title="t">the <b>text</b></a>.</p>')
    assert soup.find("a") is None
    assert _body(soup) == "<p>see the <b>text</b>.</p>"


def test_unsafe_links_are_removed_even_when_the_stage_is_off() -> None:
    soup = _rewrite('<a href="javascript:x">t</a><img src="javascript:y">', enabled=False)
    assert _body(soup) == "t"


def test_links_are_resolved_and_unwrapped() -> None:
    html = (
        '<a href="https://link.juejin.cn/?target=https%3A%2F%2Fdocs.example%2F">a</a>'
        '<a href="/about">b</a><a href="#fn1">c</a><a href="mailto:x@y.example">d</a>'
        '<a href=" https://plain.example/ ">e</a>'
    )
    links = [str(a["href"]) for a in _rewrite(html).find_all("a")]
    assert links == [
        "https://docs.example/",
        "https://blog.example/about",
        "#fn1",
        "mailto:x@y.example",
        "https://plain.example/",
    ]


def test_relative_urls_stay_relative_without_a_base() -> None:
    soup = _rewrite('<a href="/about">b</a><img src="/i/a.png">', base=None)
    assert soup.a is not None and soup.a["href"] == "/about"
    assert _images(soup) == ["/i/a.png"]


def test_base_element_refines_the_base() -> None:
    soup = _rewrite('<base href="/assets/"><img data-src="a.png" src="loading.gif">')
    assert _images(soup) == ["https://blog.example/assets/a.png"]


def test_image_sources_are_unwrapped_and_lazy_attributes_dropped() -> None:
    html = f'<img data-original="{WRAPPED}" src="/img/loading.gif" srcset="" alt="A">'
    image = _rewrite(html).find("img")
    assert image is not None
    assert image.attrs == {"alt": "A", "src": REAL}


@pytest.mark.parametrize(
    "html",
    ['<img src="javascript:alert(1)">', '<img src="data:image/gif;base64,R0lGOD">',
     '<img src="https://t.example/px.gif" width="1" height="1">', "<img>",
     '<img src="{{ cover }}">'],
)  # fmt: skip
def test_images_without_a_real_source_are_removed(html: str) -> None:
    assert _images(_rewrite(f"<p>x{html}</p>")) == []


def test_placeholder_names_do_not_swallow_real_names() -> None:
    html = '<img src="/i/dotnet-logo.png"><img src="/i/loading-bay.jpg"><img src="/i/blank_2x.gif">'
    assert _images(_rewrite(html)) == [
        "https://blog.example/i/dotnet-logo.png",
        "https://blog.example/i/loading-bay.jpg",
    ]


def test_noscript_holding_the_only_image_is_rescued() -> None:
    soup = _rewrite(f"<p>before</p><noscript><img src='{WRAPPED}' alt='x'></noscript><p>after</p>")
    assert _images(soup) == [REAL]
    assert "before" in _body(soup) and "after" in _body(soup)


def test_noscript_copy_of_an_image_elsewhere_is_not_duplicated() -> None:
    html = (
        f"<p><img src='{REAL}'></p><p>text</p>"
        f"<div><p>more</p><noscript><img src='{WRAPPED}'></noscript></div>"
    )
    assert _images(_rewrite(html)) == [REAL]


def test_hidden_tracking_pixels_in_noscript_stay_hidden() -> None:
    html = (
        '<noscript><img height="1" width="1" src="https://www.facebook.example/tr?id=1"></noscript>'
        '<noscript><img src="https://mc.example/watch/1" style="position:absolute; left:-9999px;">'
        "</noscript>"
    )
    assert _images(_rewrite(html)) == []


def test_noscript_pairs_through_a_sole_child_wrapper() -> None:
    html = (
        '<a href="/big.jpg"><img src="/thumb-lqip.jpg"></a>'
        '<noscript><img src="/full.jpg" alt="Full"></noscript>'
    )
    soup = _rewrite(html)
    assert _images(soup) == ["https://blog.example/full.jpg"]
    image = soup.find("img")
    assert image is not None and image.get("alt") == "Full"


def test_noscript_text_is_parsed_when_a_parser_kept_it_as_text() -> None:
    soup = BeautifulSoup("<div><img src='/p.gif'><noscript>x</noscript></div>", "lxml")
    noscript = soup.find("noscript")
    assert noscript is not None
    noscript.string = '<img src="/real.png">'
    rewrite_urls(soup, Options(), base_url=PAGE)
    assert _images(soup) == ["https://blog.example/real.png"]


def test_picture_sources_are_consumed_and_preference_is_a_knob() -> None:
    html = (
        '<p><picture><source srcset="/a-1000.jpg 1000w, /a-2000.jpg 2000w">'
        '<img src="/a-500.jpg"></picture> tail</p>'
    )
    soup = _rewrite(html)
    assert _images(soup) == ["https://blog.example/a-500.jpg"]
    assert soup.find("source") is None and "tail" in _body(soup)
    largest = _rewrite(html, picture_prefer="largest_source")
    assert _images(largest) == ["https://blog.example/a-2000.jpg"]


def test_data_uri_policy() -> None:
    data_uri = "data:image/png;base64," + "A" * 400
    html = f'<img src="{data_uri}" alt="chart">'
    assert _images(_rewrite(html)) == []
    assert _images(_rewrite(html, data_uri_images="keep")) == [data_uri]


def test_amp_img_becomes_img() -> None:
    soup = _rewrite(f'<amp-img src="{WRAPPED}" layout="responsive"></amp-img>')
    assert soup.find("amp-img") is None
    assert _images(soup) == [REAL]


def test_configurable_lazy_attributes() -> None:
    html = '<img data-lazy-custom="/real.png" src="/ph.gif">'
    assert _images(_rewrite(html)) == ["https://blog.example/ph.gif"]
    custom = _rewrite(html, lazy_src_attrs=("data-lazy-custom", "src"))
    assert _images(custom) == ["https://blog.example/real.png"]


def test_lightbox_link_around_a_wrapped_image_is_unwrapped_like_the_image() -> None:
    wrapped = "https://cors.x.workers.dev/?http://img.example.net/big.png"
    html = f'<a href="{wrapped}"><img src="{wrapped}"></a><a href="{wrapped}">text link</a>'
    links = [str(a["href"]) for a in _rewrite(html).find_all("a")]
    assert links == ["http://img.example.net/big.png", wrapped]
    assert _images(_rewrite(html)) == ["http://img.example.net/big.png"]


URL_PIECES = st.sampled_from(
    ["javascript:alert(1)", " JAVA\tSCRIPT:x", "data:image/gif;base64,R0lGOD", "vbscript:x",
     "/rel/a.png", "//cdn.example/a.jpg", "loading.gif", "", "#", "{{ x }}", WRAPPED,
     "https://link.zhihu.com/?target=https%3A//x.example/", "https://ok.example/a.png 2x, /b.png"]
)  # fmt: skip
ATTRS = st.sampled_from(["src", "data-src", "srcset", "data-srcset", "href", "width", "style"])


@settings(max_examples=150, deadline=None)
@given(
    elements=st.lists(
        st.tuples(
            st.sampled_from(["img", "a", "noscript", "picture", "source", "figure", "amp-img"]),
            st.dictionaries(ATTRS, URL_PIECES | st.text(max_size=8), max_size=3),
        ),
        max_size=8,
    )
)
def test_any_tree_ends_up_with_safe_images_and_links(
    elements: list[tuple[str, dict[str, str]]],
) -> None:
    html = "".join(
        "<{} {}>x".format(name, " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items()))
        for name, attrs in elements
    )
    soup = _rewrite(html)
    for image in soup.find_all("img"):
        if image.find_parent("noscript") is None:
            assert scheme_of(str(image["src"])) in (None, "http", "https")
    for link in soup.find_all("a", href=True):
        assert not is_unsafe_link(str(link["href"]))
    assert soup.find("amp-img") is None


def test_a_tree_deeper_than_libxml2_builds_keeps_its_text_and_images() -> None:
    """`rewrite_urls` reads the soup through lxml: past its 2,048 levels nothing may go."""
    deep = "<div>" * 3000 + "<p>deep text</p><img data-src='https://img.example.net/d.jpg'>"
    soup = _rewrite(deep + "</div>" * 3000 + "<p>after</p>")
    assert "deep text" in soup.get_text() and "after" in soup.get_text()
    assert _images(soup) == ["https://img.example.net/d.jpg"]
