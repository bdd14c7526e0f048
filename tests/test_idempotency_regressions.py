"""Minimised inputs on which the fuzzer (tests/test_fuzz.py, benchmarks/fuzz_driver.py) found a
second pass that differs, each checked through the public API.

For every case: ``clean(clean(x)) == clean(x)``, and the Markdown of ``clean_html(x)`` is clean
(``clean(clean_html(x)) == clean_html(x)``: it is a post body a hook will see again). Where the
intended output is known, it is pinned too, so that a "fix" cannot reach idempotency by dropping
the emphasis or the text.
"""

from __future__ import annotations

import pytest

from scrapedown import clean, clean_html
from tests.idempotency_cases_2 import CASES as CASES_2
from tests.test_fuzz_found_regressions import CASES as FUZZ_FOUND

# (input, expected output of clean, or None when only idempotency is pinned)
CASES: dict[str, tuple[str, str | None]] = {
    # A link emptied by its image without a source (seed 25) was taken for markup at the edge
    # of the bold: kept as inline HTML, written as `**` by the next pass.
    "emptied link at the start of bold": (
        "<p>x<strong><a href=/><img></a>o</strong>y</p>",
        "x**o**y\n",
    ),
    "emptied link at the end of bold": (
        "<p>x<strong>o<a href=/><img></a></strong>y</p>",
        "x**o**y\n",
    ),
    # A `<br>` that ends its block from inside an inline element (seed 25) was written as a
    # backslash: a literal one at the end of the paragraph, or `\\**` escaping the bold's end.
    "break at a block's end inside an unknown element": ("<p>ab<k><br></k></p>", "ab\n"),
    "break at a block's end inside bold": ("<p>a<b>b<k><br></k></b></p>", "a**b**\n"),
    "break at a block's start inside an unknown element": ("<p><k><br></k>c</p>", "c\n"),
    "break inside an element mid-paragraph stays": ("<p>b<k><br></k>c</p>", "b\\\nc\n"),
    # An element written as its bare content (unknown, custom, <ruby>, <var>, <meter>) at the
    # edge of an emphasis was taken for syntax: the emphasis was kept as inline HTML, and the
    # second pass (which no longer sees the element) wrote it as `**`.
    "empty unknown element at the edge of bold": ("<b>链<g></b>文", "**链**文\n"),
    "empty span at the edge of em": ("<p>中<em>文<span></span></em>字</p>", "中*文*字\n"),
    "ruby at the edge of bold": (
        "<p>中文<strong>加粗<ruby>字<rt>zi</rt></ruby></strong>正文</p>",
        "中文**加粗字zi**正文\n",
    ),
    "var at the edge of bold": ("<p>中文<strong>加粗<var>字</var></strong>正文</p>", None),
    "meter at the edge of bold": (
        "<p>中文<strong>加粗<meter>字</meter></strong>正文</p>",
        "中文**加粗字**正文\n",
    ),
    "custom element at the edge of bold": (
        "<p>中文<strong>加粗<my-el>字</my-el></strong>正文</p>",
        "中文**加粗字**正文\n",
    ),
    "custom element before bold": ("<p>中文<x-a>字</x-a><b>加粗</b>正文</p>", None),
    "unknown element opening an em in Markdown": ('*<g>2*5<del e="">', "*2*5\n"),
    # Code at the edge still cannot render as emphasis next to a letter: kept as inline HTML,
    # also when a wrapper written as bare content sits between.
    "code in a span at the edge of bold": (
        "<p>a<strong><span><code>x</code></span></strong>b</p>",
        "a<strong>`x`</strong>b\n",
    ),
    # A blank <pre> in a cell made the table minimal HTML, written with an empty cell that the
    # second pass dropped.
    "blank pre in a cell": ("<table ><tr><p><s><pre>", ""),
    "blank pre beside text in a cell": (
        "<table><tr><td>a</td><td><pre></pre></td></tr></table>",
        "| a |  |\n| --- | --- |\n",
    ),
    # A stray <li> inside inline content was written after the text on the same line
    # (`\\>- <table>`), a paragraph with inline HTML, not a list item.
    "stray li after text": ("<l>><li><table ><tr><pre >x", None),
    "stray li in a span": ("<span>a<li>b</li></span>c", "a\n\n- b\n\nc\n"),
    "stray items stay one list": ("<div><li>a</li><li>b</li></div>", "- a\n- b\n"),
    # A minimal-HTML table: the space left beside a block in a cell (where an image without a
    # source was) is layout the next pass drops; a table left without content goes at once.
    "space beside a list in a kept cell": (
        "<table><tr><td rowspan=2>a <ul><li>b</li></ul> c</td></tr></table>",
        '<table>\n<tr><td rowspan="2">a<ul><li>b</li></ul>c</td></tr>\n</table>\n',
    ),
    "image without source before a list in a cell": (
        "<table><tr><y>\n<img ><ul><li >w",
        None,
    ),
    "table whose only image has no source": ('<table ><tr><td rowspan="2"><img >', ""),
    "row emptied by an image without source": (
        "<table><tr><pre >></tr><tr><r><img ><i",
        "<table>\n<tr><td><pre>&gt;</pre></td></tr>\n</table>\n",
    ),
    "space before a pre in a kept cell": (
        "<table ><tr><g> <img><pre>i",
        "<table>\n<tr><td><pre>i</pre></td></tr>\n</table>\n",  # unknown <g> dropped (safety)
    ),
    "row inside a kept cell": (
        "<table ><tr><i><tr><pre >i",
        "<table>\n<tr><td><pre>i</pre></td></tr>\n</table>\n",
    ),
    "empty table inside a kept cell": ("<table ><tr><ul><li>x</ul><table ><td>", None),
    "pre emptied by moving its image out": (
        "<rp><table ><tr><pre><c><img src=f><",
        # (the `<` in the <pre>, once dropped as <rp> text, is kept)
        '<table>\n<tr><td><pre>&lt;\n</pre><img src="f"/></td></tr>\n</table>\n',
    ),
    "cell inside a cell of a nested table": ("<table><tr><table ><tr><nav/b><td><", None),
    "spaces beside an element holding a pre": ("<table ><tr><e>\n<img > <m><pre>i", None),
    # `- ---` is a thematic break, not an item holding one: the item's break is `***`.
    "list item holding a break": ("<ul><li><hr></li></ul>", "- ***\n"),
    "list item holding a break and a kept table": ("<li><hr><table><tr><pre>k", None),
    # Spaces on both sides of an inline tag show as one (and a second pass sees one).
    "spaces around an unknown element": ("<del>> <l> <em><b>字</em>意", None),
    "space at the start of an em": ("<p>a <i> b</i></p>", "a *b*\n"),
    # A term holding a kept table was folded into one bold line around the table's HTML.
    "definition term holding a table": (
        '<dt/e><table ><tr><td><code>e</td><td rowspan="2">',
        None,
    ),
    # Punctuation normalisation: a last line of U+3000 kept its indentation (trailing spaces
    # the next pass dropped); a zero-width space gone made ` <t>` an HTML block.
    "last line of ideographic space": (";\n \u3000", ";\n"),
    "zero-width space before a tag": ("\u200b <t>", ""),  # an empty unknown element: no text
    # libxml2 puts no <tr> around cells straight in a table: they were moved out of it and
    # written as a row without its table (` a | b |`).
    "cells straight in a table": (
        "<table><td>a</td><td>b</td></table>",
        "| a | b |\n| --- | --- |\n",
    ),
    "cell straight in a table, holding a kept table": ("<table ><td ><table><tr><pre >)", None),
    "row group and row inside a pre in a kept cell": ("<table><tr><pre><tbody><tr><", None),
    "zero-width space on a last line": ("}\n\ufeff ", "}\n"),
    "dash at the start of a quotation": ("<q>-<l><b><sub>字</b>中", None),
    "tilde before a trimmed newline": ("i<li><em><b>４</em>日~", "i\n\n- <em>**4**</em>日\\~\n"),
    # (and the tidying of kept cells leaves a nested table's empty cells alone: a calendar)
    "empty cells of a nested table stay": (
        "<table><tr><td rowspan=2><table><tr><td></td><td>01</td></tr></table></td></tr></table>",
        '<table>\n<tr><td rowspan="2"><table><tr><td></td><td>01</td></tr></table></td></tr>\n'
        "</table>\n",
    ),
    "stray th": ("<th>x", "x\n"),
    "stray th between text": ("a<th>b</th>c", None),
    "list in a paragraph in a cell": (
        "<table><tr><td><p><ul><li>a</li></ul></td></tr></table>",
        None,
    ),
    # The punctuation stage escapes a full-width `＿`/`＊` it makes ASCII; the paragraph holds
    # inline HTML, so the next pass converted it again and wrote the (harmless) `_` bare. An
    # escape of the Markdown source now survives the conversion.
    "full-width underscore before em": ("＿<em><b>文</em>中", "\\_<em>**文**</em>中\n"),
    "full-width underscore after em": ("<em><b>文</em>文＿", "<em>**文**</em>文\\_\n"),
    "full-width star before a lone angle": ("＊<<em><b>文</em>接", "\\*<<em>**文**</em>接\n"),
    "escapes of a converted paragraph": (
        'a\\_b <span style="x">c</span> `a\\_b` <code>x\\_y</code> ![a\\_b](u) [a\\*](v)\n',
        "a\\_b c `a\\_b` `x_y` ![a_b](u) [a\\*](v)\n",
    ),
    # Text after an inline element that ends with a block (libxml2 leaves `<x><ul>…</ul></x>`)
    # starts a line: its leading space was kept (the next pass dropped it) and a `- ` or `# `
    # there became a list or a heading.
    "space after an unknown element holding a list": (
        "<rt><ul>d</rt><l></m>\n<b><em>文</b>m",
        "d\n\n<strong>*文*</strong>m\n",
    ),
    "dash after an unknown element holding a paragraph": (
        "<div><x><p>d</p></x>- item</div>",
        "d\n\n\\- item\n",
    ),
    # A row group outside a table was dropped after the rules had shaped its parent (`<dd>`
    # holding a block: no paragraph); the next pass, without it, wrapped the text in one.
    "row group in a definition in a row": (
        "<table><tr><dl><dd><thead>=",
        "<table>\n<tr><td><dl><dd><p>=</p></dd></dl></td></tr>\n</table>\n",
    ),
    # In a kept cell, an inline wrapper unwrapped by a rule left a `<dd>` in a `<dt>`, a list
    # in a `<p>`: the next pass's parser closes the outer element there.
    "definition in a term through a link": (
        "<table ><tr><dl><dt><a><dd>G",
        "<table>\n<tr><td><dl><dd><p>G</p></dd></dl></td></tr>\n</table>\n",
    ),
    "item in an item through bold": (
        "<table ><tr><li><b><li ><pre>d",
        "<table>\n<tr><td><li><pre>d</pre></li></td></tr>\n</table>\n",
    ),
    "list in a paragraph through a link": (
        "<table><tr><td><p>a<a><ul><li>D</li></ul>tail</a></p></td></tr></table>",
        "<table>\n<tr><td><p>a</p><ul><li>D</li></ul>tail</td></tr>\n</table>\n",
    ),
    # An unknown element holding a block (written as its content) hid the block from the
    # list-item rule: the loose text after it got no paragraph until the next pass.
    "unknown element around a table in a list item": (
        "<li><m><table><tr><pre ><span >></table>><ol><li >x",
        "- <table>\n  <tr><td><pre>&gt;</pre></td></tr>\n  </table>\n\n  \\>\n\n  1. x\n",
    ),
    # A <span> kept in a <pre> of a kept table (off the allowlist) made the next pass convert
    # the list holding the table, as a loose item: its text got a paragraph.
    "span in a pre of a table in a list item": (
        "<li><table><tr><pre ><span >></tr>><ol><li >e",
        "- \\>\n  1. e\n\n  <table>\n  <tr><td><pre>&gt;</pre></td></tr>\n  </table>\n",
    ),
    # A link of a paragraph converted on every pass (it holds inline HTML) had its destination
    # percent-encoded by markdown-it on the second pass (`中文`, `]`, `|`): kept as written.
    "CJK path of a link around kept emphasis": (
        '<a href="https://e.com/中文"><b><i>語</b>中',
        "[<strong>*語*</strong>中](https://e.com/中文)\n",
    ),
    "bracket in a link destination around kept emphasis": (
        '<a href="https://e.com/a]b|c"><b><i>語</b>中',
        "[<strong>*語*</strong>中](https://e.com/a]b|c)\n",
    ),
    "quote in a link destination around kept emphasis": ('<a href=c"><b><i>語</b>文', None),
    "escaped bracket before a converted em": ("]<r>d<em><b>中", "]d<em>**中**</em>\n"),
    "escaped brackets and tilde of a converted paragraph": (
        'a\\[b\\] \\~x~ <span style="x">c</span> <code>x\\[y\\~</code>\n',
        "a\\[b\\] \\~x~ c `x[y~`\n",
    ),
    # fuzz3: a space at the edge of the inner element is written outside its delimiters, so
    # the outer emphasis does not start with syntax: it renders as Markdown.
    "space at the edge of bold in em": ("文<em><b> g", "文 ***g***\n"),
    # libxml2 closes a <pre> at a <table>, <ul>, <dl> or <li>: with an unknown tag between
    # them (unwrapped on the way out), the next pass read the kept cell differently.
    "table behind an unknown tag in a pre in a kept cell": (
        "<table><tr><pre><o><table ><caption>表",
        "<table>\n<tr><td><table><caption>表</caption></table></td></tr>\n</table>\n",
    ),
    "list behind an unknown tag in a pre in a kept cell": (
        "<table><tr><pre>a<o><ul><li>x</ul>b</o>c</pre><td rowspan=2>y",
        '<table>\n<tr><td><pre>a</pre><ul><li>x</li></ul>bc</td><td rowspan="2">y</td></tr>\n'
        "</table>\n",
    ),
    # A header cell libxml2 nests in a list item's <div> went in the table stage, after the
    # paragraph rules: the item's loose text got its <p> on the next pass only.
    "header cell in a div in a list item in a cell": (
        "<table><tr><ul><li><div>><th>—",
        "<table>\n<tr><td><ul><li><p>&gt;—</p></li></ul></td></tr>\n</table>\n",
    ),
    # A zero-width space before a tab is all that keeps the line from being indented code.
    # A nested list not starting at 1 cannot interrupt the item's paragraph: a blank line.
    "nested ordered list starting at 3 after text": (
        "<ul><li>a<ol start=3><li>b</li></ol></li></ul>",
        "- a\n\n  3. b\n",
    ),
    # An indented Markdown line after a converted list would continue its last item.
    "indented code after a converted list": (
        "i<li>어\n\n\td<i>",
        "i\n\n- 어\n\n<!-- -->\n\n\td<i>\n",
    ),
    # Text split around an unknown element (`<b">` is the element `b"`) is one line start.
    "dash before an unknown element's text": ('-<b">…<b><del>文</b>e', None),
    "dash before an unknown element": ("<p>-<g>…</g></p>", "-…\n"),
    # U+200D outside emoji goes in the tree, with the other zero-width characters.
    "zero-width joiner before bold": ("\u200d\n<b><i>0</b>日", "<strong>*0*</strong>日\n"),
    "zero-width joiner between emoji kept": ("<p>👨\u200d👩 x</p>", "👨\u200d👩 x\n"),
    # The target written after a code block a link held (code holds no link) is text: a
    # no-break space in it (a cut snippet's href swallowing `&nbsp;`) is a space at once.
    "no-break space in the target of a link around code": (
        '<a href="https://e.com/a\u00a0b"><pre>x</pre></a>',
        "```\nx\n```\n\n[https://e.com/a b](https://e.com/a\u00a0b)\n",
    ),
    # An empty element writes nothing: text after it starts the line (`1.` escaped).
    "empty element before a number and a dot": ("<g/><r>1.", "1\\.\n"),
    "empty bold before a list marker": ("<p><b></b>1. x</p>", "1\\. x\n"),
    # Emphasis open at an excerpt marker opens again after it.
    "excerpt marker inside a link": ('<a href="文" ><!--more-->1', "<!--more-->\n\n[1](文)\n"),
    "excerpt marker inside bold": (
        "<p>a<b>b<!--more-->c</b>d</p>",
        "a**b**\n\n<!--more-->\n\n**c**d\n",
    ),
    # Punctuation left in its own text node at the edge (an emptied <b> unwrapped) moves out
    # too: `~~粗。~~中` cannot close, and the next pass escaped the tildes.
    "punctuation node at the end of a strikethrough": (
        "<s>粗<b>。</s>中<b><code>文",
        "~~粗~~。中<strong>`文`</strong>\n",
    ),
    "zero-width space before a tab": ("\u200b\t&#203;", "\u200b\t&#203;\n"),
    "zero-width space before blanks only": ("a\n\n\ufeff\t \n\nb", None),  # a blank line
    # A kept cell is written as libxml2 will read it: an element it closes at a child's start
    # (`<dl>` at `<li>`, `<pre>` at `<dt>`/`<dd>`, `<dt>` at `<dl>`, `<p>` at `<li>`) ends
    # there, even when an inline wrapper between them was unwrapped after parsing.
    "li in a dl in a kept cell": ("<table><td><dl><b><li>m", "| - m |\n| --- |\n"),
    "dd in a pre in a kept cell": ("<table><td><pre><b><dd>m", "| m |\n| --- |\n"),
    "dt in a pre in a kept cell": ("<table><td><pre><b><dt>m", None),
    "dl in a dt in a kept cell": (
        "<table><td rowspan=2><dt>a<g><dl><dd>b",
        '<table>\n<tr><td rowspan="2"><dt>a</dt><dl><dd><p>b</p></dd></dl></td></tr>\n</table>\n',
    ),
    "li in a paragraph in a pre in a kept cell": (
        "<table><td><pre ><p><a><li>h",
        "| - h |\n| --- |\n",
    ),
    "li in a paragraph in a list in a kept cell": (
        "<table ><td><ol><p><o><li >;",
        "<table>\n<tr><td><ol><li>;</li></ol></td></tr>\n</table>\n",
    ),
    # A list whose only item was empty holds bare text: the next pass reads it as a paragraph.
    "text in an ol whose item is empty": ("<table><tr><ol><e>><li >", "| > |\n| --- |\n"),
    "text in a ul whose item is empty": ("<table ><th ><ul><d>x<li>", "| x |\n| --- |\n"),
    "image in a list whose item closed a pre": (
        "<table ><th ><ol ><pre\n><k><li><img src=f>",
        "| ![](f) |\n| --- |\n",
    ),
    # Text a wrapper around an item held is directly in the list once the wrapper goes: it
    # moves out as the next pass moves it (a paragraph; an <ol> split numbers on).
    "text before an item in a kept cell": (
        "<table><tr><ol><e>><li ><",
        "<table>\n<tr><td><p>&gt;</p><ol><li>&lt;</li></ol></td></tr>\n</table>\n",
    ),
    "image after an item in a kept cell": (
        "<table ><th ><ol ><pre\n><k><li><img src=f><",
        '<table>\n<tr><th><ol><li>&lt;</li></ol><p><img src="f"/></p></th></tr>\n</table>\n',
    ),
    "text between items in a kept cell": (
        "<table><td rowspan=2><ol><li>a</li><b>x<li>b</li></b><li>c</li></ol>",
        '<table>\n<tr><td rowspan="2"><ol><li>a</li></ol><p>x</p><ol start="2"><li>b</li>'
        "<li>c</li></ol></td></tr>\n</table>\n",
    ),
    # A wrapper the rules leave in a <pre> is unwrapped once an item moved it out of the <pre>.
    "cite moved out of a pre by an item": (
        "<table><th><pre ><code>w<li></li><cite >s",
        "<table>\n<tr><th><pre>w</pre>s</th></tr>\n</table>\n",
    ),
    # s21: a space at the edge of an element the converter trims it out of (sub, sup, code)
    # is a space, not markup, at the emphasis edge: the emphasis is not kept as inline HTML.
    "space at the end of a sub in strikethrough": ("<s>d<sub>* </s>w", "~~d<sub>*</sub>~~ w\n"),
    "space at the end of code in strikethrough": ("<s>d<code>x </code></s>w", "~~d`x`~~ w\n"),
    # A `]` escaped at a node end (the next node might start `(`) is bare at a block end, where
    # one before trailing spaces was left bare: the next pass sees it last.
    "bracket before a trailing space after emphasis": (
        "<b><em>文</b>中] ",
        "<strong>*文*</strong>中]\n",
    ),
    "bracket before a full-width space and a cut tag": ("<b><i>文</b>正]\u3000<l", None),
    # A backslash before a space is doubled (the node may end there, and a backslash before a
    # line end is a hard break).
    "backslash before an empty element and a newline": ("\\<m>\n<b><i>３</b>1", None),
    # A line that the punctuation stage empties (U+3000, a BOM) beside a blank line or at the
    # start goes with it: the next pass would not write the second blank line.
    "line of U+3000 at the start of the body": (
        "---\ng: ''\n---\n\u3000\n \n按",
        "---\ng: ''\n---\n按\n",
    ),
    "line of a BOM before a converted list": (
        ">\n\ufeff\n1. <em><b>粗</em>字",
        ">\n\n1. <em>**粗**</em>字\n",
    ),
    # What follows an element whose Markdown ends with a line break starts a line.
    "break in an annotation before a greater-than sign": ("<sub></h><rt><br></rt>>", None),
    "thematic break and a blank line of spaces at the start": ("----\n \n渐", "渐\n"),
    # markdownify starts a quote with one newline: after inline text it needs a blank line.
    "blockquote in an unknown element after text": (
        "<b><s>文</b>中<t><blockquote>>",
        "<strong>~~文~~</strong>中\n\n> \\>\n",
    ),
    "tilde after a newline at the start of a paragraph": (
        "<a>\n~文<em><b>加",
        "\\~文<em>**加**</em>\n",
    ),
    # <q> is written as its quote marks, which the emphasis repairs now see as text.
    "q at the edge of bold": ("<strong ><q>文</strong>文", '**"文**"文\n'),
    "q at the end of strikethrough": ("<s>d<q>x </q></s>w", '~~d"x~~ "w\n'),
    # Kept cells, as the next pass reads them: an element holding only a <br> goes, loose text
    # after a block in an item gets its <p>, text moved out of a <pre> loses its no-break and
    # zero-width characters.
    "empty item with a break after a pre in a kept cell": (
        "<table ><th ><pre><d>><li ><br\n>",
        "<table>\n<tr><th><pre>&gt;</pre></th></tr>\n</table>\n",
    ),
    "text after a pre in a dd in a kept cell": (
        "<table ><tr><dd><meter><pre><</pre>n",
        "<table>\n<tr><td><dd><pre>&lt;</pre><p>n</p></dd></td></tr>\n</table>\n",
    ),
    "no-break space in a caption moved out of a pre": (
        "<table><th ><pre ><c><table ><caption>表&nbsp",
        "<table>\n<tr><th><table><caption>表 </caption></table></th></tr>\n</table>\n",
    ),
    "zero-width space in an item after a pre in a kept cell": (
        "l<table ><th ><pre><t>><li>\u200b",
        "l\n\n<table>\n<tr><th><pre>&gt;</pre></th></tr>\n</table>\n",
    ),
    # Text moved out of a nested list is a paragraph after it: the item is loose, its first
    # line a paragraph too (the next pass reads the blank line so).
    "text after a nested list's item": (
        "<li>F<ul><li>></li>文<i><b>正",
        "- F\n\n  - \\>\n\n  文<em>**正**</em>\n",
    ),
    "backslash before an unknown element's letter": ("<div><i><s>３</i>３\\<t>注", None),
    "bracket before a nested table in a kept cell": (
        "<table><tr><table ><caption>表<tr><h><img><y",
        "<table>\n<tr><td><table><caption>表</caption></table></td></tr>\n</table>\n",
    ),
    "fence in a quote in an item, then a full-width space": (
        "<li ><blockquote><pre >i</li/><b><em>文</b>l<v>\u3000",
        None,
    ),
    "space after inline code before emphasis": ("<code>v </code>\n<em><b>文</em>中", None),
    "break before an empty element at the end": ("<em><b>文</em>s<br></><y>", None),
    "strikethrough around a backtick moved out of a pre": (
        "<table><th><pre><u><table>:<table><s>`",
        "<table>\n<tr><th><pre>: </pre>`</th></tr>\n</table>\n",
    ),
    "link title equal to its text in a kept cell": (
        '<a href="/x"title="/x"><g><table ><td><pre >e',
        None,
    ),
    "fence-like line in a pre in a kept cell": (
        "<table ><tr><pre>\n```</table\n><li><img ></li><",
        None,
    ),
    "backslash doubled at a node end before a letter": (
        "<strong>\\</strong><b>文<i>文</b>字",
        None,
    ),
    # A line start looks into elements written as their bare content (`<u>`, `<rt>`).
    "hyphen before a ruby annotation holding bold": (
        "-<u><rt ><b><del>粗</b>文",
        "-<strong>~~粗~~</strong>文\n",
    ),
    "backslash before an unknown element's full-width parenthesis": (
        "<div><i><s>３</i>３\\<t>（",
        "<em>~~3~~</em>3\\（\n",
    ),
    # A leading line of invisible characters goes before the body is split: what follows
    # starts the body (an HTML block, a paragraph starting with a break), as on the next pass.
    "no-break space line before an empty mark": ("\xa0\n<mark>", ""),
    "zero-width space line before a break": ("\u200b\n<br><", "<\n"),
    # No dash spans a tag: `－<br>－` is two hyphens, not `——` written before the break.
    "full-width hyphens around a break": ("－<br>－", "-<br>-\n"),
    # In a kept cell an item with a paragraph after a block is loose, as the next pass reads
    # it: its first inline run gets a <p> too.
    "link split around a pre in an item in a kept cell": (
        "<table ><td><li><a href=l>r<h6><pre >r",
        '<table>\n<tr><td><li><p><a href="l">r</a></p><pre>r</pre><p><a href="l">l</a></p></li>'
        "</td></tr>\n</table>\n",
    ),
    # An escape at a node end (`<`, `]`) is bare again when what follows cannot continue it
    # (inside a wrapper, before an element that writes nothing, at the block end).
    "less-than sign at the end of a wrapper": ("<v><b><i>文</b>文<", "<strong>*文*</strong>文<\n"),
    "less-than signs around an empty element": (
        "<b><del>文</b>中<<e><",
        "<strong>~~文~~</strong>中<<\n",
    ),
    # A pipe table's padding (a short row, a colspan) is written as an empty cell is (`|  |`):
    # a table the next pass converts again (inline HTML in a cell) reads it as one.
    "short row of a table holding kept emphasis": (
        "<table ><td><td>A<tr><b><i>文</b>文",
        "|  | A |\n| --- | --- |\n| <strong>*文*</strong>文 |  |\n",
    ),
    # Found by the 100,000-document run of seed 12 (fixed in the evening of 2026-12-07).
    # Every leading BOM goes at once: one removed per pass left the next for the second.
    "two byte-order marks": ("\ufeff\ufeff_", "_\n"),
    # A term already holding bold written as inline HTML is not wrapped in `**` again (bold
    # in bold, which the second pass collapsed).
    "kept bold in a definition term": ("<dt><b><s>文</b>a", "<strong>~~文~~</strong>a\n"),
    # A space run split by syntax (`**`) is decided on each side: deleting the U+3000
    # between a literal `**` and `<em>` made the `**` open emphasis on the next pass.
    "ideographic space after a literal double star": (
        ") **\u3000<i>文<b>w</i>文",
        ") ** <em>文**w**</em>文\n",
    ),
    # In a kept cell, an unknown element unwrapped brings a `<br>` to a paragraph's edge (or
    # two together) that the next pass's `paragraphs` rule drops (splits at): done now.
    "break at a paragraph's edge in an unknown element in a kept cell": (
        "<details ><table ><td><pre ><details>-<e><br>",
        "<table>\n<tr><td><pre><p>-</p></pre></td></tr>\n</table>\n",
    ),
    "two breaks in an unknown element in a kept cell": (
        "<table><td><pre><p>a<e><br><br></e>b</p></pre></table>",
        "<table>\n<tr><td><pre><p>a</p><p>b</p></pre></td></tr>\n</table>\n",
    ),
    # A <caption> outside a table (left by an <amp-img> without a source) starts its own line,
    # as its escaping assumed (`中\\>` was a `>` escaped in the middle of a line).
    "caption left by an amp-img": ("<b><sub>文</b>中<amp-img><caption>&gt", None),
    # An item opened inside an unknown element in a list (`<ul><l>a<li>x`, as the parser nests
    # it) was written on the line of the element's text (`a- x`): the wrapper is unwrapped and
    # its text is a block before the list, as a browser shows it.
    "item inside an unknown element in a list": ("<ul><l>a<li>x", "a\n\n- x\n"),
    "item inside bold in a list": ("<ol><b>x<li>y", "x\n\n1. y\n"),
    # Found by the seed-22 run: after a setext underline (`-` under a paragraph, no empty
    # list item) a tab-indented line is code; the normaliser read it as text and edited it.
    "indented code after a setext heading": (
        '\'\n-\n\t\u3000<figure><p c=""><t>\u3000<e a=""> ',
        '\'\n-\n\t\u3000<figure><p c=""><t>\u3000<e a=""> \n',
    ),
    # A full-width letter after a literal `<` became `<B`, which the next pass, converting the
    # paragraph for its inline HTML, escaped: the normaliser escapes it as the converter does.
    "full-width letter after a less-than sign": ("<Ｃ<b><del>文", "\\<C<strong>~~文~~</strong>\n"),
    "full-width letter after a less-than sign and a tag": (
        "<b><sub>粗</b>文<<o >Ｂ",
        "<strong><sub>粗</sub></strong>文\\<B\n",
    ),
    # A BOM after a leading blank line stayed, and started the output: the next pass took
    # it for the encoding mark (every BOM before the first content line goes now).
    "byte-order mark after a blank line": ("\n\ufeff\t中", "\t中\n"),
    # An escaped `<` at a node end is bare again before emphasis whose text starts with a
    # space: the converter writes that space before the delimiters (`< ~~e~~`).
    "less-than sign before a strikethrough starting with a line break": (
        '<b><sub>粗</b>文<<o b=""><del>\ne',
        "<strong><sub>粗</sub></strong>文< ~~e~~\n",
    ),
    # Code spans that touch were written back to back (`` `b``<` ``), one span to the next
    # pass: merged into one.
    "code spans that touch": ("<p><code>a</code><code>b</code></p>", "`ab`\n"),
    "a Markdown code span touching a code element": ("어<g<s>``b``<code><", None),
    # Older runs' classes, fixed the same evening. A stray item after a bulleted list (the
    # list at the end of a wrapper that goes) was a block of its own: one loose list to
    # Markdown, written tight by a second pass converting it (it holds inline HTML).
    "stray item after a list in a details element": (
        "<details ><ul><li>K</details><li><i><b>文</i>中",
        "- K\n- <em>**文**</em>中\n",
    ),
    "stray items after a list": ("<ul><li>K</ul><li>x<li>y", "- K\n- x\n- y\n"),
    # Punctuation left at the end of an emphasis after a nested one (`<em><b>意</b>：</em>３`)
    # moves out too: the `*` after `：` before a digit could not close.
    "punctuation after nested bold at the end of an em": (
        "<i><b>意：</i>３<i><b>文",
        "***意***：3<em>**文**</em>\n",
    ),
    # An em inside an em in a kept cell, brought together when an element off the allowlist
    # between them went: unwrapped at once, as the next pass does.
    "nested em in a kept cell": (
        'n<table><td><pre s=""><m><table >><table><em><em>文',
        "n\n\n<table>\n<tr><td><pre>&gt; </pre><em>文 </em></td></tr>\n</table>\n",
    ),
    # Found by the seed-23 check run: a caption in a quote in a kept cell is the quote's
    # paragraph (unwrapped, its text was loose in the quote, which the next pass wraps).
    "caption in a quote in a kept cell": (
        "1<table ><td ><blockquote ><caption>|",
        "1\n\n<table>\n<tr><td><blockquote><p>|</p></blockquote></td></tr>\n</table>\n",
    ),
    # Found by the seed-24 check run: a node of punctuation alone at the start of a bold
    # after a letter moves out whole (`**:文**` after `b` cannot open).
    "punctuation node at the start of a bold after a letter": (
        "*3<b<b>:<b>文*3",
        "<em>3\\<b:**文**</em>3\n",
    ),
    "text after a quote in a quote in a kept cell": (
        "<table ><tr><blockquote ><caption><blockquote>></blockquote>~",
        "<table>\n<tr><td><blockquote><blockquote><p>&gt;</p></blockquote><p>~</p></blockquote>"
        "</td></tr>\n</table>\n",
    ),
    # Found by the seed-25 check run: an emphasis holding a link through an element written
    # as its bare content goes into the link (`[*o*](/)`) as it does without that element.
    "emphasis around a link inside an unknown element": ("語<i><g><a href=/><img>o", None),
    "text before a table in an item inside an unknown element": (
        "<ul><l>:<li/k><table ><td><pre >|",
        ":\n\n- <table>\n  <tr><td><pre>|</pre></td></tr>\n  </table>\n",
    ),
}


# Every file of such cases, one test over all (the cases of a fuzz wave are kept together).
ALL_CASES = {**CASES, **CASES_2, **FUZZ_FOUND}
assert len(ALL_CASES) == len(CASES) + len(CASES_2) + len(FUZZ_FOUND), "a case name twice"


@pytest.mark.parametrize("name", list(ALL_CASES))
def test_clean_is_idempotent(name: str) -> None:
    text, expected = ALL_CASES[name]
    once = clean(text)
    assert clean(once) == once
    if expected is not None:
        assert once == expected


@pytest.mark.parametrize("name", list(ALL_CASES))
def test_clean_html_output_is_clean(name: str) -> None:
    text, _ = ALL_CASES[name]
    once = clean_html(text)
    assert clean(once) == once
