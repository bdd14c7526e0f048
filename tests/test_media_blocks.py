"""Block-level rules: <video>/<audio> as links, wrappers inside headings, empty blocks between
runs of text."""

from __future__ import annotations

import pytest

from scrapedown import clean_html
from scrapedown.parse.markup import MAX_HEADING_MARKUP, keep_paragraphs_in_headings
from scrapedown.safety.fidelity import compare

MEDIA = [
    ('<video src="/v.mp4" poster="/p.jpg">text</video>', "[![text](/p.jpg)](/v.mp4)"),
    ('<video src="/v.mp4">text</video>', "[text](/v.mp4)"),
    ('<video><source src="/v.mp4"/>text</video>', "[text](/v.mp4)"),
    ('<video poster="/p.jpg">text</video>', "![text](/p.jpg)"),
    ("<video>text</video>", "text"),
    ('<video src="https://x.org/a%20b.mp4"></video>', "[a b.mp4](https://x.org/a%20b.mp4)"),
    ('<video src="https://x.org/"></video>', "[video](https://x.org/)"),
    ('<audio src="/talk.mp3"></audio>', "[talk.mp3](/talk.mp3)"),
    ('<audio src="/a.mp3" poster="/p.jpg">Talk</audio>', "[Talk](/a.mp3)"),
    ('<video data-src="/v.mp4" data-poster="/p.jpg"></video>', "[![](/p.jpg)](/v.mp4)"),
    ('<video src="/v.mp4">Hi <b>there</b></video>', "[Hi **there**](/v.mp4)"),
    ('<p><video src="/v.mp4">clip</video>.</p>', "[clip](/v.mp4)."),
    ('<video src="/v.mp4" poster="/img/loading.gif">clip</video>', "[clip](/v.mp4)"),
    ('<video src="javascript:alert(1)">clip</video>', "clip"),
    ('<a href="/post"><video src="/v.mp4">clip</video></a>', "[clip](/post)"),
    (
        '<video src="/v.mp4">No video: <a href="/v.mp4">download</a>.</video>',
        "[v.mp4](/v.mp4)\n\nNo video: [download](/v.mp4).",
    ),
    ('<video src="/v.mp4"><p>No video.</p></video>', "[v.mp4](/v.mp4)\n\nNo video."),
    ("<p>a</p><video src='/v.mp4'></video><p>b</p>", "a\n\n[v.mp4](/v.mp4)\n\nb"),
    (
        "<video controls><source src='/a.webm'><source src='/a.mp4'><track src='/t.vtt'>Old "
        "browser</video>",
        "[Old browser](/a.webm)",
    ),
]


@pytest.mark.parametrize(("html", "markdown"), MEDIA)
def test_media_become_links_and_posters(html: str, markdown: str) -> None:
    assert clean_html(html) == markdown + "\n"


@pytest.mark.parametrize(("html", "markdown"), MEDIA)
def test_media_conversion_passes_the_safety_net(html: str, markdown: str) -> None:
    body = f"<div>\n{html}\n</div>\n"
    assert not compare(body, clean_html(body))


def test_media_rule_can_be_switched_off() -> None:
    from scrapedown.options import Options

    options = Options(disabled_rules=frozenset({"media"}))
    assert clean_html('<video src="/v.mp4">text</video>', options) == "text\n"


HEADINGS = [
    ("<h1><div>A</div><div>B</div></h1>", "# A B"),
    ("<h2><section><span>Known</span> issues</section></h2>", "## Known issues"),
    ("<h2>x<div></div>y</h2>", "## x y"),
    ("<h2><div>Steps</div><ul><li>one</li></ul></h2>", "Steps\n\n- one"),
]


@pytest.mark.parametrize(("html", "markdown"), HEADINGS)
def test_wrappers_inside_a_heading_join_it(html: str, markdown: str) -> None:
    assert clean_html(html) == markdown + "\n"


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<h1>A <p>P</p> C </h1>", "# A P C"),
        (
            "<h2 class=t><P style='x'>标题</P><p>副标题</p></h2><p>body</p>",
            "## 标题 副标题\n\nbody",
        ),
    ],
)
def test_paragraphs_inside_a_heading_join_it(html: str, markdown: str) -> None:
    assert clean_html(html) == markdown + "\n"


@pytest.mark.parametrize(
    "markup",
    [
        "<p>no heading</p>",
        "<h1>no paragraph</h1>",
        "<h1>open heading<p>a</p><p>b</p>",  # libxml2's reading (the heading ends) is kinder
        "<h1>a<p>b</p><h2>c</h2>",
        "<h2><p>Steps</p><ol><li>one</li></ol></h2>",
        "<h1>" + "x" * MAX_HEADING_MARKUP + "<p>long</p></h1>",
        "<h1>a<pre>b</pre></h1>",
    ],
)
def test_markup_outside_short_closed_headings_is_not_rewritten(markup: str) -> None:
    assert keep_paragraphs_in_headings(markup) == markup


EMPTY_BLOCKS = [
    ("text<div></div>more", "text\n\nmore"),
    ("<div>text<section> </section>more</div>", "text\n\nmore"),
    ("<table><tr><th>h</th></tr><tr><td>x<p></p>y</td></tr></table>", "| h |\n| --- |\n| x<br>y |"),
    ("<p>a</p><p></p><p>&nbsp;</p><p>b</p>", "a\n\nb"),
    ("<div>a<br><br>b</div>", "a\n\nb"),
    ("<p>a<strong><div></div></strong>b</p>", "a\\\nb"),  # a line break inside the <p>
    ("<li>a<div></div>b</li>", "- a\n\n  b"),
    ("<div>text<div></div></div>", "text"),
]


@pytest.mark.parametrize(("html", "markdown"), EMPTY_BLOCKS)
def test_an_empty_block_between_text_still_breaks_the_line(html: str, markdown: str) -> None:
    assert clean_html(html) == markdown + "\n"
