"""Inputs on which the fuzzer found a link, an image or text lost (measured independently of the
library's safety net: tests/fuzz_properties.py), each checked through the public API."""

from __future__ import annotations

import pytest

from scrapedown import clean, clean_html
from tests.fuzz_properties import failures

CASES = {
    # A block inside an inline element inside a link: the Markdown link spanned a paragraph
    # break (`[文\n\ni](/)`), which is no link at all.
    "block in an inline element in a link": (
        '<a href="/"><g>文<div>i</div></a>',
        "[文](/)\n\n[i](/)\n",
    ),
    "block in a span in a link, text after": (
        '<a href="/"><span>a<div>b</div>c</span>d</a>',
        "[a](/)\n\n[b](/)\n\n[cd](/)\n",
    ),
    # A link in <kbd> (written as a code span, which holds no link) was lost like one in <code>.
    "link in kbd": ('<kbd><a href="g">w', "[`w`](g)\n"),
    # libxml2 leaves an unknown element that follows head content (<script>, <style>, <meta>)
    # in <head>, and its text was dropped with it; a browser starts the body there.
    "unknown element after a script": ("<script></script><t>2", "2\n"),
    "unknown element after a style, body text after": ("<style></style><t>x</t>y", "xy\n"),
    "unknown element after a meta, paragraph after": (
        "<meta x><foo>a</foo> b <p>c</p>",
        "a b\n\nc\n",
    ),
    # bs4 reads the text of <rt>/<rp> as RubyTextString, which `get_text` leaves out: a table
    # in an annotation looked empty and was dropped.
    "table in a ruby annotation": (
        "<rt><table><tr><td>x</td></tr></table></rt>",
        "| x |\n| --- |\n",
    ),
    "caption of a table in a ruby annotation": ("<rt><table><caption>表", "表\n"),
    # What an <amp-img> holds (left open, it holds the rest) was dropped with the void <img>.
    "text inside an amp-img": ("<i><amp-img src=g>０", "*![](g)0*\n"),
    "markup inside a closed amp-img": (
        "<p><amp-img src=a.jpg>text <b>x</b></amp-img> after",
        "![](a.jpg)text **x** after\n",
    ),
    # fuzz3: <kbd> and <samp> are written as code spans, which show no image: it moves out
    # after them, as from <code>.
    "image in kbd": ('<kbd><img src="https://e.com/1.png">', "![](https://e.com/1.png)\n"),
    # `<a href=/>` opens a link (the `/` ends the unquoted value): the region reaches its end
    # tag after the blank line (it was read as self-closing, and the link was lost).
    "unquoted href ending with a slash, closed after a blank line": (
        "<p><a href=/>\n\nz</a>",
        "[z](/)\n",
    ),
    "unquoted href ending with a slash, closed in the same block": (
        '<p><a href=https://e.com/>x</a> <span style="x">y</span></p>',
        "[x](https://e.com/) y\n",
    ),
    # A link inside a link: Markdown cannot nest them (`[t[s](p)](g)` shows the outer one as
    # text); a browser ends the outer link where the inner one starts.
    "link nested in a link": ('<a href="g">t<e n=""><a href="p" >s', "[t](g)[s](p)\n"),
    "link directly in a link": (
        '<p><a href="https://a.com/">a <a href="https://b.com/">b</a></a></p>',
        "[a](https://a.com/) [b](https://b.com/)\n",
    ),
    # A control character after `<` is dropped (XML cannot hold it): the `<` stays text, as
    # the HTML tokenizer reads it, instead of opening a tag that swallowed the letters.
    "vertical tab after a less-than sign": ("<table><\x0bH", "< H\n"),
    "image in samp": (
        "<samp>a<img src=https://e.com/1.png>b</samp>",
        "`ab`![](https://e.com/1.png)\n",
    ),
    # s21: a `<` ending a text node before an element written as its content (`<l>`) read as
    # the start of a tag once joined (`<d>`), which the safety stage then dropped.
    "less-than sign before an unknown element": ("a <<l>d>", "a \\<d>\n"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_kept(name: str) -> None:
    text, expected = CASES[name]
    assert clean_html(text) == expected
    assert clean(text) == expected
    assert clean(expected) == expected


# Inputs the loss oracle flagged where the letters stayed: the alt text of an image without
# a source (`![r]()`, read as text "![r]()" by the HTML reading of the input) is what a browser
# shows in its place. The indented `<r>` after an element never closed is read as HTML layout
# (scraped pages indent their markup), as before.
ORACLE_CASES = {
    "indented tag after an element never closed, then a sourceless image": (
        '<e s="">\n\n\t<r>\n![r]()',
        "![r]()\n",
    ),
    "indented tag after a pre tag cut by its end tag": ("<pre </pre>\n\t<r>\n![r]()", "![r]()\n"),
}


@pytest.mark.parametrize("name", list(ORACLE_CASES))
def test_nothing_lost_by_the_fuzz_oracle(name: str) -> None:
    text, expected = ORACLE_CASES[name]
    assert clean(text) == expected
    assert not failures(text)
