"""Classes found by the fuzz runs of 2026-12-07/08 (seed 27 on, `benchmarks/fuzz_driver.py`),
each as its minimal input through the public API: `CASES` are checked by
tests/test_idempotency_regressions.py (`clean` and `clean_html` give the expected output, when
one is given, and a second pass changes nothing); the rendered outputs are checked here."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from scrapedown import clean, clean_html

CASES: dict[str, tuple[str, str | None]] = {
    # Seed 41: the code was split around a link that goes nowhere (no href), which the `links`
    # rule then unwrapped: two code spans back to back, `` `a``/` ``, read as one span holding
    # the backticks (the next pass wrote it with a longer fence).
    "link without a target inside inline code": ("d<em><samp>a<a>/", "d<em>`a/`</em>\n"),
    "unsafe link inside inline code": (
        "d<em><samp><a href=JaVaScRiPt:>w<a>/",
        "d<em>`w/`</em>\n",
    ),
    # Seeds 40, 41: a block in a definition term starting with `>` was escaped at its line
    # start, `\>`; the term joins its lines into one, where the next pass dropped the escape.
    "quote marker starting a block joined into a term": (
        "<dt>（<center>><del><b>語</del>中",
        "（ ><del>**語**</del>中\n",
    ),
    "line-start markers of blocks joined into a term": (
        "<dl><dt>a<div># b</div><div>- c</div><div>+ d</div></dt></dl>",
        "**a # b - c + d**\n",
    ),
    "a literal backslash before > in a term stays": ("<dt>x<br>\\>y</dt>", "**x \\\\>y**\n"),
    # Seeds 40, 41: in a kept table, inline code holding a link moved out of a `<pre>` (where
    # the rules leave it alone) kept the link inside; the next pass split it.
    "link in inline code out of a pre in a kept cell": (
        "<table><tr><pre><c>调<dd><code><a href=y>e",
        '<table>\n<tr><td><pre>调</pre><dd><p><a href="y"><code>e</code></a></p></dd></td></tr>'
        "\n</table>\n",
    ),
    "link between code text out of a pre in a kept cell": (
        "<table><tr><pre><c>调<dd><code>x<a href=y>e</a>z</code>",
        None,
    ),
    "link in inline code in a term out of a pre in a kept cell": (
        '<table><td rowspan="2"><pre><o><dt><code><a href=t>>',
        None,
    ),
    # Seed 50: text of dashes alone in its node, then inline code: the line start check saw
    # `--` alone on its line (a setext underline) and escaped it; the next pass did not.
    "dashes before inline code": ("<p>--<code>c</code> <b>x</b></p>", "--`c` **x**\n"),
    "full-width dashes before inline code": (
        "<u>－－<code>2*3</u>2*3</code><b> * <i>中文</b>加粗</i> ",
        None,
    ),
    "dash and space before inline code is a marker": ("<p>- <code>c</code></p>", "\\- `c`\n"),
    "link to # inside inline code": ("<p>d<code>a<a href=#>b</a>c</code></p>", "d`abc`\n"),
    "link inside inline code": (
        "<p>d<code>a<a href=/u>b</a>c</code></p>",
        "d`a`[`b`](/u)`c`\n",
    ),
    # Seed 27: a list whose only item held an image without a source writes line breaks only;
    # it counted as a list, so a `<!-- -->` separator went before the next list of its kind
    # (after a kept table the next pass dropped that comment).
    "emptied list between a kept table and a list": (
        "<table><tr><pre >></table><ol><li><img ></ol><ol><li >x",
        "<table>\n<tr><td><pre>&gt;</pre></td></tr>\n</table>\n\n1. x\n",
    ),
    "emptied list before a list": ("<ol><li><img></ol><ol><li>x</ol>", "1. x\n"),
    "emptied list after a list": ("<ul><li>x</ul><ul><li><img></ul>", "- x\n"),
    "emptied list between two lists": (
        "<ol><li>y</ol><ol><li><img></ol><ol><li>x</ol>",
        "1. y\n\n<!-- -->\n\n1. x\n",
    ),
    # Markdown-heavy documents (the `markdown` generator): a bogus comment (a declaration, a
    # processing instruction, CDATA) opening an HTML block in a list item or a quote kept the
    # block as Markdown; the safety stage escaped its `<`, the block became a paragraph, and
    # what was text in it became a link (`[]( i)`, an empty link to `i`): the "i" was lost.
    "declaration opening an HTML block in a list item": ("- <!A>[]( i)", "- [\\]( i)\n"),
    "processing instruction opening an HTML block in a quote": ("> <?x?>[]( i)", "> [\\]( i)\n"),
    "CDATA opening an HTML block in a list item": ("- <![CDATA[x]]>[]( i)", "- [\\]( i)\n"),
    # A `&` ending a text node and the rest of a character reference in the next one (an
    # unknown element between, dropped) were written together, `&#2;`: a control character,
    # the "2" lost. Escaped now, and only when the text after it does complete one.
    "ampersand before a character reference's rest in an element": ("&<g>#2;", "\\&#2;\n"),
    "ampersand before an entity name's rest in an element": (
        "<p>&amp;co<g>py;</g></p>",
        "\\&copy;\n",
    ),
    "ampersand before bold": ("<p>AT&amp;<i>T</i></p>", "AT&*T*\n"),
    "ampersand-letter at the end of a link": ("<p><a href=/x>B&amp;H</a> I</p>", "[B&H](/x) I\n"),
    "entity name's rest not ended": ("<p>&amp;co<g>py</g> x</p>", "&copy x\n"),
    # A line the punctuation stage empties (U+3000, a no-break or zero-width space alone) is a
    # paragraph's line to CommonMark: the line after it continued the paragraph. Blank (or
    # stripped at the start), it makes that line start a block: `[g]:h` was text, and became
    # a link reference definition, which shows nothing. Its `[` is escaped now.
    "ideographic space line before a definition-like line": ("\u3000\n[g]:h", "\\[g]:h\n"),
    "zero-width space line before a definition-like line": ("\u200b\n[g]:h", "\\[g]:h\n"),
    "ideographic space line inside a paragraph before a definition-like line": (
        "a\n\u3000\n[g]:h",
        "a\n\n\\[g]:h\n",
    ),
    "ideographic space line in a quote before a definition-like line": (
        "> a\n> \u3000\n> [g]:h",
        "> a\n> \n> \\[g]:h\n",
    ),
    "ideographic space line before a numbered line": ("\u3000\n2) m", "2\\) m\n"),
    "no-break space line inside a paragraph before a numbered line": (
        "a\n\xa0\n10. x",
        "a\n\n10\\. x\n",
    ),
    "ideographic space line before a list numbered 1": ("\u3000\n1. x", "1. x\n"),
    "blank lines before a real definition": ("\n \n[g]: h\n\n[g]", "[g]: h\n\n[g]\n"),
    # `[` as text at a line start and a code span holding `]:` are a link reference definition
    # to CommonMark (read at block level, before code spans): escaped.
    "bracket before code holding a closing bracket and colon": ("[<code>f]<i>:", "\\[`f]:`\n"),
    "the same in a list item": ("<ul><li>[<code>f]:</code></li></ul>", "- \\[`f]:`\n"),
    # Seed 27: in a kept cell, a list inside an unknown element inside a list was directly in
    # the list once the element went (unwrapped late); the next pass put it in an item.
    "list in an unknown element in a list in a kept cell": (
        "<table ><tr><ul><n><ol><li >r",
        "<table>\n<tr><td><ul><li><ol><li>r</li></ol></li></ul></td></tr>\n</table>\n",
    ),
    "list in an unknown element after an item in a kept cell": (
        "<table><tr><td><ul><li>a</li><n><ol><li>r</ol></n><li>b</ul></td></tr></table>",
        "<table>\n<tr><td><ul><li>a<ol><li>r</li></ol></li><li>b</li></ul></td></tr>\n</table>\n",
    ),
    # Seed 28: a `<br>` in a definition term (written as one bold line) was a hard break,
    # `\\` + newline, collapsed to `\\ `: a backslash shown (and doubled by a next pass
    # that converted the item again). It is a space now.
    "break in a definition term": ("<dt>a<br>b", "**a b**\n"),
    "break in a definition term in a converted item": (
        "l<li><b><em>文</b>語<dt>``<br>`k`",
        "l\n\n- <strong>*文*</strong>語\n\n  **\\`\\` `k`**\n",
    ),
    "backslash before a break in a definition term": ("<dt>a\\<br>b", "**a\\\\ b**\n"),
    # Seed 28: in a kept cell, bold moved out of a `<pre>` (where the emphasis rule leaves
    # it) was repaired by the next pass only (`＃` moved out of the bold): now at once.
    "bold moved out of a pre in a kept cell": (
        "<table><tr><pre><o>文<dd>u<b>＃１",
        "<table>\n<tr><td><pre>文</pre><dd><p>u＃<strong>１</strong></p></dd></td></tr>\n</table>\n",
    ),
    "bold kept as HTML beside a pre in a kept cell": (
        "<table><tr><td rowspan=2><pre>x</pre>a<strong><code>x</code></strong>b</td></tr></table>",
        '<table>\n<tr><td rowspan="2"><pre>x</pre>a<strong><code>x</code></strong>b</td></tr>\n'
        "</table>\n",
    ),
    # Markdown generator: an HTML block in a list item holding an image whose source has a
    # `<` stayed raw; the safety stage dropped the source (markup in a value) and the image
    # with it. Such a block is converted now: the `<` is percent-encoded.
    "image with a less-than sign in its source in a list item": (
        '* <img src="<" alt="">',
        "- ![](%3C)\n",
    ),
    # Seed 28: an item's text then a nested list was written tight in a list that another
    # item (text, then a code block after a blank line) makes loose; converted again (it holds
    # inline HTML), the loose list's paragraph got a blank line before the nested list.
    "nested list under text in a loose list of stray items": (
        "<li>询<ul><li>.</ul><li><strong><em>接</strong>文<pre >x",
        "- 询\n\n  - .\n- <strong>*接*</strong>文\n\n  ```\n  x\n  ```\n",
    ),
    "nested list under text in a loose list kept as Markdown": (
        "<ul><li>a<ul><li>b</ul><li>c<pre>x</pre></ul>",
        "- a\n  - b\n- c\n\n  ```\n  x\n  ```\n",
    ),
    "nested list under text in a tight list": (
        "<ul><li>a<ul><li>b</ul><li>c</ul>",
        "- a\n  - b\n- c\n",
    ),
    # Seed 28: an HTML block in a quote ending in a tag cut off (`<a href="` + newline) was
    # kept raw; rendered, the tag ran on into the next paragraph and hid its text. Converted.
    "tag cut off at the end of an HTML block in a quote": ('><li><a href="\n">q', '">q\n'),
    "attribute value cut off at the end of an HTML block in a quote": (
        '> <p><a href="x\ny">q</a></p>',
        'y">q\n',
    ),
}


LOST = {
    "declaration opening an HTML block in a list item": "- <!A>[]( i)",
    "doctype opening an HTML block in a list item": "- <!doctype html>[]( i)",
}


@pytest.mark.parametrize("name", list(LOST))
def test_text_after_a_bogus_comment_in_a_container_stays_text(name: str) -> None:
    """What the input shows as text (`[]( i)`) is not a link once the output is rendered."""
    for out in (clean(LOST[name]), clean_html(LOST[name])):
        rendered = MarkdownIt("commonmark").render(out)
        assert "<a " not in rendered and "( i)" in rendered, out


SHOWN = {
    "ideographic space line before a definition-like line": ("\u3000\n[g]:h", "[g]:h"),
    "zero-width space line inside a paragraph": ("a\n\u200b\n[g]:h", "[g]:h"),
    "bracket before code holding a closing bracket and colon": ("<p>[<code>f]:</code></p>", "f]:"),
    "text after a tag cut off in a quote": ('><li><a href="\n">q', "q"),
}


@pytest.mark.parametrize("name", list(SHOWN))
def test_text_like_a_definition_stays_shown(name: str) -> None:
    """Rendered, the output still shows the text the input showed (no definition ate it)."""
    text, shown = SHOWN[name]
    for out in (clean(text), clean_html(text)):
        assert shown in MarkdownIt("commonmark").render(out), out
