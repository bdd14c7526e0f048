"""Hostile inputs: each is converted correctly or refused with a ScrapedownError that says why,
never a traceback or a hang. (How long they take is measured in benchmarks/, not here; the
alarm only turns a hang into a failure.)"""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator

import pytest

from scrapedown import ScrapedownError, clean, clean_html
from tests._regex_inventory import long_run_requested

N = 10_000


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    def fail(signum: int, frame: object) -> None:
        raise TimeoutError("hung")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(900)  # far above the slowest case on a loaded 2-core machine
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(
    ("open_tags", "close_tags"),
    [
        ("<div>", "</div>"),
        ("<b>", "</b>"),
        ("<span>", "</span>"),
        ("<ul><li>", "</li></ul>"),
        ("<blockquote>", "</blockquote>"),
        ("<table><tr><td>", "</td></tr></table>"),
    ],
)
def test_ten_thousand_deep_nesting_keeps_the_text(open_tags: str, close_tags: str) -> None:
    html = "<p>before</p>" + open_tags * N + "deep text" + close_tags * N + "<p>after</p>"
    out = clean_html(html)
    assert "deep text" in out
    assert out.startswith("before\n") and out.endswith("after\n")
    assert clean(out) == out


def test_a_tag_with_100000_attributes() -> None:
    attributes = " ".join(f'data-a{i}="{i}"' for i in range(100_000))
    assert clean_html(f'<p {attributes} style="x">text</p>') == "text\n"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>before</p><!-- never closed <p>after</p>", "before\n"),
        ("<p>before</p><![CDATA[ x <p>after</p>", "before\n\nafter\n"),
        ("<p>a\x00b</p>\x00", "ab\n"),
        ("<p>a\udcffb</p>", "a\ufffdb\n"),
        ("<p><svg><script>alert(1)</script></svg>text</p>", "text\n"),
        ('<p><img src="javascript:alert(1)">t</p>', "t\n"),
        ('<p><a href=" JaVaScRiPt:alert(1)">t</a></p>', "t\n"),
        ('<p><a href="vbscript:x">t</a> <a href="data:text/html,x">u</a></p>', "t u\n"),
        (
            "<p><a href='x'>a](javascript:alert(1)) [b</a></p>",
            "[a\\](javascript:alert(1)) \\[b](x)\n",
        ),
        ("<p><img src='x.png' alt='a]\n(b) `c` <d>'></p>", "![a\\] (b) \\`c\\` \\<d>](x.png)\n"),
    ],
)
def test_broken_and_hostile_markup(html: str, expected: str) -> None:
    assert clean_html(html) == expected


def test_no_unsafe_scheme_survives() -> None:
    html = "".join(
        f'<p><a href="{scheme}:x">{scheme}</a><img src="{scheme}:y"></p>'
        for scheme in ("javascript", "JAVASCRIPT", " javascript", "vbscript", "data", "file")
    )
    out = clean_html(html)
    assert not re.search(r"\]\(\s*(?:javascript|vbscript|data|file):", out, re.IGNORECASE)


@pytest.mark.parametrize(
    "megabytes",
    [2, pytest.param(20, marks=[pytest.mark.slow, pytest.mark.timeout(1800)], id="20")],
    ids=str,
)
def test_a_big_body(megabytes: int, request: pytest.FixtureRequest) -> None:
    """A 2 MB body in every run; the 20 MB one (half a minute alone) with `-m slow`."""
    if megabytes > 2 and not long_run_requested(request.config):
        pytest.skip("the long run: -m slow")
    unit = (
        '<div class="post"><p style="text-indent:2em">段落 <span>text</span> 工业４．０ '
        '<a href="https://example.org/a" target="_blank">link</a></p>'
        '<center><img src="https://cors.zfour.workers.dev/?http://img.example.com/a.png"></center>'
        "<table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "<ul><li>one</li><li>two<br><br>three</li></ul></div>\n\n"
    )
    html = unit * (megabytes * 1_000_000 // len(unit))
    out = clean_html(html)
    assert out.count("工业4.0") == html.count("工业４．０")
    assert out.count("![](http://img.example.com/a.png)") == html.count("<img")
    assert "style=" not in out and "<span" not in out
    assert out.count("| 1 | 2 |") == html.count("<table>")
    assert out.count("段落 text 工业4.0 [link](https://example.org/a)") == html.count("<p ")


@pytest.mark.parametrize(
    "post",
    [
        "---\nx: !!python/object/apply:os.system ['true']\n---\nbody\n",
        "---\ntitle: [broken\n---\nbody\n",
        "+++\ntitle = \n+++\nbody\n",
        '{\n"title": \n}\nbody\n',
        "---\nno closing delimiter\n",
    ],
)
def test_bad_front_matter_is_a_clear_error(post: str) -> None:
    with pytest.raises(ScrapedownError) as error:
        clean(post)
    assert "front matter" in str(error.value)
    assert "\n" not in str(error.value)
