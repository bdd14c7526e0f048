"""Unit tests per rule family, on URLs written for these tests (not the shared case data)."""

from __future__ import annotations

import base64
from dataclasses import replace

import pytest

from scrapedown.options import Options
from scrapedown.urls import base_url_from_metadata, rule_errors, unwrap_url
from scrapedown.urls.options import UrlOptions
from scrapedown.urls.registry import BUILTIN_NAMES, BUILTIN_RULES
from scrapedown.urls.target import is_unsafe_link


def _options(**changes: object) -> Options:
    return Options(urls=replace(UrlOptions(), **changes))  # type: ignore[arg-type]


def _hex(text: str) -> str:
    return text.encode().hex()


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


DIGEST = "0f" * 20
TARGET = "https://media.example.org/pics/cat.png"


@pytest.mark.parametrize(
    ("wrapped", "expected"),
    [
        # CORS proxies
        (
            "https://a.b.workers.dev/?https://x.example.net/p.png?q=1&r=2",
            "https://x.example.net/p.png?q=1&r=2",
        ),
        (
            "https://a.workers.dev/?u=https%3A%2F%2Fx.example.net%2Fp.png",
            "https://x.example.net/p.png",
        ),
        (
            "https://a.workers.dev/?target=%2F%2Fx.example.net%2Fp.png",
            "https://x.example.net/p.png",
        ),
        (
            "https://thingproxy.freeboard.io/fetch/https://x.example.net/p.png",
            "https://x.example.net/p.png",
        ),
        ("https://yacdn.org/proxy/x.example.net/p.png", "http://x.example.net/p.png"),
        (
            "https://corsproxy.io/?url=https%3A%2F%2Fx.example.net%2Fp.png",
            "https://x.example.net/p.png",
        ),
        (
            "https://ghfast.top/https://raw.githubusercontent.com/o/r/main/a.png",
            "https://raw.githubusercontent.com/o/r/main/a.png",
        ),
        # image proxies
        ("https://wsrv.nl/?url=ssl:x.example.net/p.png&w=10", "https://x.example.net/p.png"),
        ("https://wsrv.nl/?w=10&url=x.example.net:8080/p.png", "http://x.example.net:8080/p.png"),
        ("https://ci5.googleusercontent.com/proxy/abc=s0#" + TARGET, TARGET),
        (
            "https://images2-focus-opensocial.googleusercontent.com/gadgets/proxy?url=" + TARGET,
            TARGET,
        ),
        (f"https://camo.githubusercontent.com/{DIGEST}/{_hex(TARGET)}", TARGET),
        (f"https://camo.example.com/{DIGEST}?url={TARGET}", TARGET),
        (f"https://camo.example.com/{_b64('d' * 32)}/{_b64(TARGET)}", TARGET),
        (f"https://inoreader.com/camo/sig,q70,b64/{_b64(TARGET)}?x=1", TARGET),
        ("https://img.feedly.com/img?url=" + TARGET, TARGET),
        (
            "https://read.html5.qq.com/image?imageUrl=https://x.example.net/a.php?id=1&s=2",
            "https://x.example.net/a.php?id=1&s=2",
        ),
        (
            "https://gimg2.baidu.com/image_search/app=1&src=http%3A%2F%2Fx.example.net%2Fa.jpg&refer=z",
            "http://x.example.net/a.jpg",
        ),
        (
            "http://t3.baidu.com/it/u=https://x.example.net/a.jpg&fm=1&fm=2",
            "https://x.example.net/a.jpg&fm=1",
        ),
        # resizers
        ("https://site.example/_next/image?url=%2Fa%2Fb.png&w=64", "https://site.example/a/b.png"),
        ("https://site.example/.netlify/images?url=" + TARGET, TARGET),
        ("https://site.example/_ipx/s_100x100,f_webp/img/a.png", "https://site.example/img/a.png"),
        ("https://site.example/cdn-cgi/image/fit=cover/" + TARGET, TARGET),
        (
            "https://res.cloudinary.com/c/image/fetch/w_10/https%3A%2F%2Fx.example.net%2Fa.jpg",
            "https://x.example.net/a.jpg",
        ),
        ("https://substackcdn.com/image/fetch/w_1,h_2/" + TARGET, TARGET),
        ("https://i1.wp.com/x.example.net/a.jpg?w=10&ssl=1", "https://x.example.net/a.jpg"),
        (
            "https://x-example-net.cdn.ampproject.org/r/s/x.example.net/font.woff",
            "https://x.example.net/font.woff",
        ),
        ("https://k.sinaimg.cn/n/a/b.png/w100h100.png", "https://n.sinaimg.cn/a/b.png"),
    ],
)
def test_default_image_rules(wrapped: str, expected: str) -> None:
    assert unwrap_url(wrapped) == expected


@pytest.mark.parametrize(
    ("wrapped", "expected"),
    [
        ("https://www.google.co.uk/url?q=" + TARGET, TARGET),
        ("https://google.de/url?url=" + TARGET + "&q=https://other.example/", TARGET),
        (
            "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fx.example.net%2F&data=a",
            "https://x.example.net/",
        ),
        ("https://link.csdn.net/?target=" + TARGET, TARGET),
        ("https://m.weibo.cn/sinaurl?u=" + TARGET, TARGET),
        ("https://lm.facebook.com/l.php?u=" + TARGET + "&h=x", TARGET),
        ("https://steamcommunity.com/linkfilter/?u=" + TARGET, TARGET),
        ("https://m.vk.com/away.php?to=" + TARGET, TARGET),
        ("https://slack-redir.net/link?url=" + TARGET, TARGET),
        ("https://www.oschina.net/action/GoToLink?url=" + TARGET, TARGET),
        (
            "https://urldefense.proofpoint.com/v2/url?u=https-3A__x.example.net_a-5Fb&d=1",
            "https://x.example.net/a_b",
        ),
        # "**A" stands for a run of 2 replacement characters, "*" for one: "%2" then "%".
        (
            "https://urldefense.com/v3/__https://x.example.net/a**AF*3Fb__;JTIl!!x$",
            "https://x.example.net/a%2F%3Fb",
        ),
        (
            "https://urldefense.com/v3/__https://x.example.net/a**AF*3F**Ab__;JTIl!!x$",
            "https://urldefense.com/v3/__https://x.example.net/a**AF*3F**Ab__;JTIl!!x$",
        ),
    ],
)
def test_default_link_rules(wrapped: str, expected: str) -> None:
    assert unwrap_url(wrapped, kind="link") == expected


def test_redirectors_do_not_apply_to_images() -> None:
    url = "https://link.zhihu.com/?target=" + TARGET
    assert unwrap_url(url, kind="img") == url


def test_cors_proxies_are_opt_in_for_links() -> None:
    url = "https://api.example.workers.dev/?url=" + TARGET
    assert unwrap_url(url, kind="link") == url
    enabled = _options(enable=frozenset({"workers_dev_query:link"}))
    assert unwrap_url(url, kind="link", options=enabled) == TARGET


@pytest.mark.parametrize(
    ("name", "wrapped", "expected"),
    [
        ("wayback", "https://web.archive.org/web/20200101000000id_/" + TARGET, TARGET),
        ("archive_today", "https://archive.is/20200101/" + TARGET, TARGET),
        ("imagekit_remote", "https://ik.imagekit.io/me/" + TARGET, TARGET),
        ("imgproxy", "https://img.site.example/sig/w:10/plain/" + TARGET + "@webp", TARGET),
        (
            "thumbor",
            "https://t.site.example/unsafe/10x10/x.example.net/a.jpg",
            "http://x.example.net/a.jpg",
        ),
        (
            "translate_goog",
            "https://x--y-example-net.translate.goog/a?b=1&_x_tr_sl=de",
            "https://x-y.example.net/a?b=1",
        ),
    ],
)
def test_opt_in_rules_need_enabling(name: str, wrapped: str, expected: str) -> None:
    kind = "link" if name == "translate_goog" else "img"
    assert unwrap_url(wrapped, kind=kind) == wrapped
    enabled = _options(enable=frozenset({name}))
    assert unwrap_url(wrapped, kind=kind, options=enabled) == expected


def test_translate_goog_skips_punycode_labels() -> None:
    url = "https://xn--bcher-kva-de.translate.goog/"
    assert (
        unwrap_url(url, kind="link", options=_options(enable=frozenset({"translate_goog"}))) == url
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://evilworkers.dev.attacker.com/?" + TARGET,
        "https://workers.dev.evil.com/?" + TARGET,
        "https://workers.dev/?" + TARGET,
        "https://xworkers.dev/?" + TARGET,
        "https://images.weserv.nl.evil.example/?url=" + TARGET,
        "https://evil.example/images.weserv.nl/?url=" + TARGET,
        "https://i4.wp.com/x.example.net/a.jpg",
        "https://ci3.googleusercontent.com.evil.example/proxy/x#" + TARGET,
        f"https://notcamo.example.com/{DIGEST}/{_hex(TARGET)}",
        "https://link.zhihu.com.evil.example/?target=" + TARGET,
        "https://www.google.evil.example/url?q=" + TARGET,
        "https://ghproxy.com/https://evil.example/a.png",
        "https://site.example/cdn-cgi/image/noequals/" + TARGET,
        "https://api.allorigins.win/get?url=" + TARGET,
    ],
)
def test_hosts_and_shapes_that_must_not_match(url: str) -> None:
    assert unwrap_url(url, kind="img") == url
    assert unwrap_url(url, kind="link") == url


@pytest.mark.parametrize(
    "hostile",
    ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:x", "vbscript:x",
     "data:text/html,<b>", "file:///etc/passwd", "blob:https://x/1", "about:blank",
     "chrome://settings"],
)  # fmt: skip
def test_decoded_targets_must_be_http(hostile: str) -> None:
    for url in (
        "https://wsrv.nl/?url=" + hostile.replace("\t", "%09"),
        f"https://camo.githubusercontent.com/{DIGEST}/{_hex(hostile)}",
        "https://www.google.com/url?q=" + hostile,
    ):
        kind = "link" if "google" in url else "img"
        assert unwrap_url(url, kind=kind) == url


def test_user_rules() -> None:
    options = _options(
        rules=(
            "prefix:https://img.myblog.example/p/",
            "param:*.proxy.example/fetch?src",
            "camo:images.forum.example",
            "imgproxy:imgproxy.myblog.example",
        )
    )
    cases = {
        "https://img.myblog.example/p/" + TARGET: TARGET,
        "https://a.proxy.example/fetch?src=" + TARGET: TARGET,
        "https://a.proxy.example/other?src=" + TARGET: None,
        f"https://images.forum.example/{DIGEST}/{_hex(TARGET)}": TARGET,
        "https://imgproxy.myblog.example/sig/rs:fit:1/" + "/".join(
            [_b64(TARGET)[:8], _b64(TARGET)[8:]]
        ) + ".png": TARGET,
    }  # fmt: skip
    for wrapped, expected in cases.items():
        assert unwrap_url(wrapped, options=options) == (expected or wrapped)
    assert unwrap_url("https://img.myblog.example/p/" + TARGET) != TARGET
    assert rule_errors(options) == ()
    # A malformed rule is refused when the options are made (issue 15), naming the key.
    with pytest.raises(ValueError, match="rules: unknown kind of URL rule 'nonsense'"):
        _options(rules=("nonsense:whatever",))
    with pytest.raises(ValueError, match="rules: malformed URL rule 'param:x'"):
        _options(rules=("param:x",))


def test_enable_and_disable_by_name() -> None:
    url = "https://i0.wp.com/x.example.net/a.jpg"
    assert unwrap_url(url, options=_options(disable=frozenset({"photon"}))) == url
    assert unwrap_url(url, options=_options(disable=frozenset({"photon:img"}))) == url
    assert unwrap_url(url, options=_options(disable=frozenset({"photon:link"}))) != url
    both = _options(enable=frozenset({"wayback"}), disable=frozenset({"wayback"}))
    wayback = "https://web.archive.org/web/2020/" + TARGET
    assert unwrap_url(wayback, options=both) == wayback
    with pytest.raises(ValueError, match=r"enable: unknown URL rule 'waybak' \(did you mean"):
        _options(enable=frozenset({"waybak"}))
    with pytest.raises(ValueError, match="enable: unknown kind 'video' in 'photon:video'"):
        _options(enable=frozenset({"photon:video"}))


def test_every_builtin_rule_is_named_and_applies_to_something() -> None:
    assert len(BUILTIN_NAMES) >= 45
    for rule in BUILTIN_RULES:
        assert rule.name.isidentifier()
        assert (rule.img, rule.link) != ("never", "never")


def _nest(target: str, depth: int) -> str:
    url = target
    for _ in range(depth):
        url = "https://wsrv.nl/?url=" + url.replace("%", "%25").replace("&", "%26").replace(
            "?", "%3F"
        ).replace("=", "%3D")  # fmt: skip
    return url


def test_depth_limit_keeps_partial_progress() -> None:
    nested = _nest(TARGET, 3)
    assert unwrap_url(nested) == TARGET
    assert unwrap_url(nested, options=_options(max_depth=1)) == _nest(TARGET, 2)
    assert unwrap_url(nested, options=_options(max_depth=0)) == nested


def test_length_limit_and_loop_guard() -> None:
    url = "https://wsrv.nl/?url=" + TARGET
    assert unwrap_url(url, options=_options(max_url_length=len(url) - 1)) == url
    self_loop = "https://cors.bridged.cc/https://cors.bridged.cc/"
    assert unwrap_url(self_loop) == "https://cors.bridged.cc/"


def test_requoting_of_targets() -> None:
    url = "https://wsrv.nl/?url=https%3A%2F%2Fx.example.net%2Fa%20b%22%3C%3E%25zz%E2%9C%93.png"
    assert unwrap_url(url) == "https://x.example.net/a%20b%22%3C%3E%25zz%E2%9C%93.png"


@pytest.mark.parametrize(
    "url", ["  https://example.com/a b  ", "/relative/x.png", "", "not a url", "//x.example/a"]
)
def test_urls_no_rule_unwraps_come_back_unchanged(url: str) -> None:
    assert unwrap_url(url) == url
    assert unwrap_url(url, kind="link", base_url="https://example.com/post/") == url


def test_relative_wrapper_needs_a_base() -> None:
    url = "/_next/image?url=%2Fa.png&w=1"
    assert unwrap_url(url) == url
    assert unwrap_url(url, base_url="https://site.example/post/") == "https://site.example/a.png"


def test_switches_off() -> None:
    url = "https://link.zhihu.com/?target=" + TARGET
    assert unwrap_url(url, kind="link", options=_options(links=False)) == url
    assert unwrap_url(url, kind="link", options=_options(enabled=False)) == url


def test_kind_is_checked() -> None:
    with pytest.raises(ValueError, match="kind"):
        unwrap_url(TARGET, kind="video")


@pytest.mark.parametrize(
    ("href", "unsafe"),
    [("javascript:x", True), (" \x01JAVASCRIPT:x", True), ("jav\tas\ncript:x", True),
     ("VBScript:x", True), ("data:text/html,x", True), ("FILE:///c:/x", True),
     ("https://x.example/javascript:", False), ("/javascript:x", False),
     ("mailto:a@b.example", False), ("#javascript:", False)],
)  # fmt: skip
def test_unsafe_link_detection(href: str, unsafe: bool) -> None:
    assert is_unsafe_link(href) is unsafe


def test_base_url_from_metadata() -> None:
    options = Options()
    meta: dict[str, object] = {
        "url": "/relative",
        "link": " https://blog.example/p/1 ",
        "canonical": "https://c.example/",
    }
    assert base_url_from_metadata(meta, options) == "https://blog.example/p/1"
    assert base_url_from_metadata({"link": "javascript:x", "source": 3}, options) is None
    assert (
        base_url_from_metadata({"canonical": "https://c.example/"}, options) == "https://c.example/"
    )
    fixed = _options(base_url="https://fixed.example/")
    assert base_url_from_metadata(meta, fixed) == "https://fixed.example/"
    only_permalink = _options(base_url_keys=("permalink",))
    assert base_url_from_metadata(meta, only_permalink) is None
