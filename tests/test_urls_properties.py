"""Properties of `unwrap_url` over generated URLs: wrappers (nested, encoded in every way the
rules know) around targets (http, protocol-relative, scheme-less, hostile schemes, odd text),
and arbitrary text. It never raises, only ever returns its input or an http(s) URL, and a second
run changes nothing."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import quote, unquote

from hypothesis import given, settings
from hypothesis import strategies as st

from scrapedown.options import Options
from scrapedown.urls import unwrap_url
from scrapedown.urls.options import UrlOptions
from scrapedown.urls.registry import BUILTIN_NAMES
from scrapedown.urls.urlparts import normalize

ALL_RULES = Options(urls=replace(UrlOptions(), enable=BUILTIN_NAMES))
OPTION_SETS = st.sampled_from([Options(), ALL_RULES])
KINDS = st.sampled_from(["img", "link"])
# What a re-quoted URL never contains: whitespace, controls, quotes, angle brackets …
UNSAFE_IN_OUTPUT = re.compile(r"[\x00-\x20\x7f\"<>\\^`{|}]")


def _enc(url: str) -> str:
    return quote(url, safe="")


def _b64(url: str) -> str:
    return base64.urlsafe_b64encode(url.encode("utf-8", "surrogatepass")).decode().rstrip("=")


def _hex(url: str) -> str:
    return url.encode("utf-8", "surrogatepass").hex()


def _no_scheme(url: str) -> str:
    return url.split("://", 1)[-1]


def _proofpoint(url: str) -> str:
    encoded = quote(url, safe="/").replace("-", "%2D").replace("_", "%5F")
    return encoded.replace("%", "-").replace("/", "_")


WRAPPERS: list[Callable[[str], str]] = [
    lambda u: "https://cors.x.workers.dev/?" + u,
    lambda u: "https://cors.x.workers.dev/?" + _enc(u),
    lambda u: "https://p.workers.dev/?url=" + _enc(u) + "&referer=x",
    lambda u: "https://wsrv.nl/?url=" + _enc(u) + "&w=300",
    lambda u: "//images.weserv.nl/?url=" + _enc(_enc(u)),
    lambda u: "https://external-content.duckduckgo.com/iu/?u=" + _enc(u) + "&f=1",
    lambda u: "https://cors-anywhere.herokuapp.com/" + u,
    lambda u: f"https://camo.githubusercontent.com/{'ab' * 20}/{_hex(u)}",
    lambda u: f"https://camo.example.org/{_b64('k' * 20)}/{_b64(u)}",
    lambda u: f"https://www.inoreader.com/camo/sig,b64/{_b64(u)}",
    lambda u: "https://i2.wp.com/" + _no_scheme(u) + "?ssl=1",
    lambda u: "https://site.example/_next/image?url=" + _enc(u) + "&w=64",
    lambda u: "https://site.example/cdn-cgi/image/w=1/" + u,
    lambda u: "https://res.cloudinary.com/c/image/fetch/w_1/" + _enc(u),
    lambda u: "https://a-b.cdn.ampproject.org/i/s/" + _no_scheme(u),
    lambda u: "https://read.html5.qq.com/image?imageUrl=" + u,
    lambda u: "https://www.google.com/url?q=" + _enc(u) + "&sa=D",
    lambda u: "https://link.zhihu.com/?target=" + quote(u, safe="/"),
    lambda u: "https://urldefense.proofpoint.com/v2/url?u=" + _proofpoint(u) + "&d=x",
    lambda u: "https://web.archive.org/web/2020im_/" + u,
    lambda u: "https://img.example/sig/rs:fit:1/plain/" + _enc(u) + "@png",
    lambda u: "https://thumbor.example/unsafe/1x1/" + _enc(u),
]

HOSTS = st.sampled_from(["example.com", "img.example.net", "例子.example", "a-b.example.org:8080"])
TEXT = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("%/?#&=:@()[] \t"))
SEGMENTS = st.lists(TEXT.filter(lambda s: "/" not in s), max_size=3).map("/".join)
SCHEMES = st.sampled_from(
    ["https://", "http://", "HTTPS://", "//", "", "https:/", "javascript:", " JaVa\tScRiPt:",
     "data:", "vbscript:", "file:///", "ftp://"]
)  # fmt: skip
TARGETS = st.builds(lambda s, h, p: f"{s}{h}/{p}", SCHEMES, HOSTS, SEGMENTS) | TEXT
WRAPPED = st.builds(
    lambda target, chain: _wrap(target, chain),
    TARGETS,
    st.lists(st.sampled_from(range(len(WRAPPERS))), min_size=1, max_size=4),
)


def _wrap(target: str, chain: list[int]) -> str:
    url = target
    for index in chain:
        url = WRAPPERS[index](url)
    return url


def _check(url: str, kind: str, options: Options) -> None:
    once = unwrap_url(url, kind=kind, base_url="https://example.com/a/1.html", options=options)
    if once != url:
        assert once.startswith(("http://", "https://")), once
        assert not UNSAFE_IN_OUTPUT.search(once), once
    twice = unwrap_url(once, kind=kind, base_url="https://example.com/a/1.html", options=options)
    assert twice == once


@settings(max_examples=400, deadline=None)
@given(url=WRAPPED, kind=KINDS, options=OPTION_SETS)
def test_wrapped_urls(url: str, kind: str, options: Options) -> None:
    _check(url, kind, options)


@settings(max_examples=300, deadline=None)
@given(url=TEXT, kind=KINDS, options=OPTION_SETS)
def test_arbitrary_text(url: str, kind: str, options: Options) -> None:
    _check(url, kind, options)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters()), kind=KINDS)
def test_any_string_including_lone_surrogates(text: str, kind: str) -> None:
    for url in (text, "https://wsrv.nl/?url=" + text, "https://a.workers.dev/?http://" + text):
        _check(url, kind, ALL_RULES)


@given(target=st.builds(lambda h, p: f"https://{h}/{p}", HOSTS, SEGMENTS))
def test_a_simple_wrapper_gives_back_an_equivalent_target(target: str) -> None:
    """One level of weserv around an http target gives that target, re-quoted."""
    unwrapped = unwrap_url(WRAPPERS[3](target))
    browser_view = normalize(target)
    assert unquote(unwrapped) == unquote(browser_view)
