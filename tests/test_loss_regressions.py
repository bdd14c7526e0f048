"""Inputs on which the fuzzer found a link, an image or text lost (measured independently of the
library's safety net: tests/fuzz_properties.py), each checked through the public API."""

from __future__ import annotations

import pytest

from scrapedown import clean, clean_html
from tests.fuzz_properties import _lost, failures

CASES = {
    # A link inside an element inside code (`<samp><e><a>`): the elements around it go (a
    # code span writes their text only), and the code is split around the link.
    "link in an unknown element in code": ('<samp c="" s=\'\'><e><a href="h">a', "[`a`](h)\n"),
    # Found by the seed-22 run. A full-width colon after a bracket made `[x]: x`, a link
    # reference definition, which shows nothing: its `[` is escaped like any block start the
    # normaliser creates.
    "link reference definition made by the normaliser": ("[x]：x", "\\[x]: x\n"),
    "link reference definition made from a character reference": (
        "<pre ></pre>[x]&#65306x",
        "\\[x]: x\n",
    ),
    # Text before an item in a wrapper two levels down (`<ol><d><c>-<li>`): written on the
    # item's line (`\\-1. …`), a later fence took the image after it into code.
    "text in a nested wrapper before the items": (
        "<ol><d><c>-<li>x<li>y</ol>",
        "\\-\n\n1. x\n2. y\n",
    ),
    # A destination holding a no-break space and an en space: CommonMark allows both (only
    # ASCII spaces end one), but the normaliser did not see a link there and made the U+00A0
    # a space, which broke the link (`[w](/ \u2002/)` is text).
    "link to a URL with a no-break space and an en space": (
        '<a href="/\xa0&ensp;/">w',
        "[w](/\xa0\u2002/)\n",
    ),
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
    # fuzzfix (seed 26): an `&` ending a text node before an element written as its content
    # made a character reference with the next node's text (`&mp;` is "∓").
    "ampersand before an unknown element": ("&amp;<g>mp;", "\\&mp;\n"),
    "ampersand and a name cut by an unknown element": ("&amp;m<g>p;", "\\&mp;\n"),
    "ampersand before bold stays bare": ("R&amp;<b>D</b> AT&amp;T", "R&**D** AT&T\n"),
    # A `</template>` closes its template whatever is open inside (libxml2 ignored it while a
    # table part or a div was open, and the text after it was dropped with the template).
    "text after a template holding a row group": ("<template><tbody></template>x", "x\n"),
    "text after a template holding a div": ("<p>a<template><div></template>x</p>", "ax\n"),
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
    # The 20 "lost" of the seed-12 run: letters or links each reading shows in a different
    # block (tests/fuzz_properties.py `_blockwise_visible`, `_media_counted`). The `1` of
    # `>1.` (a list marker as Markdown, text as HTML) and of `    <e1>` (code as Markdown, a
    # tag as HTML) are two characters, each visible to one reading only.
    "a digit each reading shows in another block": ("<n>x\n>1. \n    <e1>", "x\n\n>1. \n"),
    "an alt text and a tag name": ("![s](g)\n\n8<pre>\n# </pre><s'>", None),
    # An autolink only Markdown reads and an `<a href=` only HTML reads are two links.
    "two different links": ('<a href=\n- <ps:><em s="">p\n\n</em>', "<a href=\n\n\\- *p*\n"),
    "an image each reading sees with another source": (
        '```<img src=\n```\n![](h)<pre s="">\n\n</pre>',
        "```<img src=\n```\n\n![\\](h)\n",
    ),
    # Found by the seed-22 run: the link ends at its `</a>` (not, as lxml reads it, at the
    # next `<a>`), so the heading after it is no link text.
    "a heading after a link holding an open div": ('<a href="t"><div s="">&gt;</a>\n# r', None),
    # A table to markdown-it, a list item to CommonMark (`1.` over `|-|-`): counted as both
    # read it. A `<template>`'s content shows in no browser, whatever end tag follows it.
    "a list item markdown-it reads as a table": ("1.     ||\n|-|-\n<g>", None),
    "text after an unclosed template": ("<video ><!--more--><template ></video>注", None),
    "an image tag over a blank line and a Markdown image": (
        '```<img src="https://e.com/x.png"`\n\n<a >\n\n</a>![](https://e.com/x.png)',
        None,
    ),
    "text after a comment no `-->` ends": ('](<!--)<pre c="">\n- m</pre>', None),
    # A tag cut by the end is dropped for the HTML reading only: to Markdown `<n` is text,
    # and cutting it made `1. ` an empty item that cannot interrupt `]` (text "1." then).
    "an item holding a cut tag after a paragraph": ("]\n1. <n", "]\n1. <n\n"),
    # A link to `<` never closed ends with its block (its tag is read without its `>`).
    "a link to a less-than sign never closed": ("<p><a href=<>\n\ne", "e\n"),
    "a link each reading sees with other text": ('><pre>\n</pre><a href="/"><e\n\n>y', None),
    # fuzzfix (seed 26). A `<script>` never closed holds the rest as text: a `</a>` in it
    # closes nothing, and the "d" after it is script.
    "text after a link end tag in a script never closed": ('<a h=""><script></a>d', ""),
    # A `data:` link is dropped, its text kept (no `data:` link survives).
    "a data: link": ('<a href="data:">d', "d\n"),
    # A link starting inside a link ends the outer one: the <pre> opened in the outer link
    # stays open, and the inner link is in it (written as code, as a browser shows it).
    "a link inside a pre opened in a link": ('<a><pre><a></a><a href="/">A', "```\nA\n```\n"),
    # An `</li>` with a list opened in the item still open closes nothing in a browser: the
    # link stays in the <pre> (libxml2 closed them all and showed it outside code).
    "a link after an item end tag a nested list keeps open": (
        'y<li>\n<ol><pre></li><a href="=">f',
        "y\n\n```\nf\n```\n",
    ),
}


@pytest.mark.parametrize("name", list(ORACLE_CASES))
def test_nothing_lost_by_the_fuzz_oracle(name: str) -> None:
    text, expected = ORACLE_CASES[name]
    if expected is not None:
        assert clean(text) == expected
    assert not failures(text)


_POST = (
    "Intro 开头.\n\n<p>A kept <b>paragraph</b> 保留.</p>\n\n"
    '<p>See <a href="https://e.com/x">the link</a> and <img src="https://e.com/i.png"></p>\n\n'
    "- an item\n- another 项\n\nLast line.\n"
)


@pytest.mark.parametrize(
    ("removed", "replacement", "reported"),
    [
        ("A kept **paragraph** 保留.\n\n", "", "16 "),  # a paragraph: its 16 letters
        ("- another 项\n", "", "8 "),  # a list item
        ("Intro 开头.\n\n", "", "7 "),  # the first block
        ("[the link](https://e.com/x)", "the link", "{'<a>': 1}"),  # a link, its text kept
        ("![](https://e.com/i.png)", "", "{'<img>': 1}"),  # an image
    ],
)
def test_the_oracle_reports_a_dropped_block(removed: str, replacement: str, reported: str) -> None:
    # The per-block and keyed counting (tests/fuzz_properties.py) must not hide a real loss:
    # a paragraph, an item, a link or an image taken out of the real output is reported.
    out = clean(_POST)
    assert not _lost(_POST, out)
    assert removed in out
    found = _lost(_POST, out.replace(removed, replacement))
    assert found and found[0][0] == "lost"
    assert reported in found[0][1]
