"""Markdown-heavy documents for `fuzz_driver.py run --generator markdown`: the constructs the
tag-soup generator (`tests.strategies.messy_posts`) rarely makes. Link reference definitions
(multi-line, indented, unterminated titles), setext headings and thematic breaks next to HTML
blocks, HTML blocks of every CommonMark kind (comments, processing instructions, declarations,
CDATA, custom elements alone on a line) inside and beside lists and quotes, lazy quote lines,
fences of both kinds left open, indented code, pipe tables with inline HTML in cells, inline
HTML across lines, autolinks of odd schemes, entity edge cases (no `;`, out of range, upper
case, surrogates), hard breaks of three kinds; then, for half the documents, a few tag-soup
tokens dropped at random places.

Plain `random.Random` (seeded): cheap next to Hypothesis, and a run is reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Callable

_INLINE = (
    "word", "中文", "正文", "snake_case", "a_b", "2*3", "x", "Hello world", "注意：", "，", "。",
    "*em*", "**bold**", "_u_", "__uu__", "***bi***", "`code`", "``co`de``", "~~del~~",
    "[link](https://example.com/a)", "[link][ref]", "[ref]", "[ref][]", "![alt][img]",
    "![img](https://img.example.com/a.png)", "<https://example.com/auto>", "<mailto:a@b.c>",
    "<a@b.com>", "https://example.com/bare_url", "www.example.com", "<b>b</b>", "<i>i</i>",
    '<span style="color:red">red</span>', "<span>", "</span>", "<em>", "</em>", "<b>", "</b>",
    '<a href="/x">', "</a>", "<br>", "<br/>", "<sup>1</sup>", "<kbd>Ctrl</kbd>",
    "<code>&lt;div&gt;</code>", "`<div>`", "\\<div>", "\\*", "\\_", "\\\\", "&amp;", "&copy",
    "&copy;", "&#42;", "&#x2a;", "&#0;", "&#x110000;", "&nbsp;", "&lt;b&gt;", "&notin;",
    "&ThisIsNotDefined;", "[^1]", "[ ]", "[x]", "*", "_", "**", "__", "`", "[", "]", "(", ")",
    "<", ">", "|", "~", "#", "!", "<!-- c -->", "<!--", "-->", "<?x?>", "<![CDATA[a]]>",
    "</div>", "<div>", "<p>", "</p>", "  ", "\u3000", "\u00a0", "\t", "a  \n", "b\\\n",
    '<img src="https://img.example.com/b.png" alt="图">', '<a href="/j">x</a>', "[x](/j(1))",
    "[x]( <y z> )", "[x](<a b>)", '[x](/u "title")', "[x](/u 'ti\"tle')", "<u>under</u>",
    "<del>d</del>", "<s>s</s>", "<mark>m</mark>", "<x-el>c</x-el>", "<g>",
    "<ruby>字<rt>zi</rt></ruby>",
)  # fmt: skip
_DEFINITIONS = (
    "[ref]: https://example.com/r", '[ref]: <https://example.com/r r> "t"',
    "[img]: https://img.example.com/c.png", "[ref]:\n  https://example.com/r\n  'title'",
    "[REF]: /x", "[x]: /j", "[ref]: /u (paren title)", "[^1]: footnote text", "[ref]: ",
    "[中文]: /中文", "   [ref]: /indented", '[ref]: /u "unterminated',
)  # fmt: skip
_HTML_BLOCKS = (
    "<div>\nblock *not em*\n</div>", "<div>\n\n*md inside*\n\n</div>",
    "<details>\n<summary>Sum</summary>\n\ntext **b**\n\n</details>",
    "<table><tr><td>c</td></tr></table>", "<!-- comment\nline -->",
    "<pre>\ncode *x*\n\nmore\n</pre>",
    "<script>x()</script>", "<style>p{}</style>",
    '<p align="center">\n<img src="https://img.example.com/d.png">\n</p>',
    "<x-custom>\ntext\n</x-custom>", "<span>inline start\nof para</span>", "<center>c</center>",
    "<hr>", "<br>",
    '<figure>\n<img src="https://img.example.com/e.png">\n<figcaption>cap</figcaption>\n</figure>',
    "<blockquote>\nq <b>b</b>\n</blockquote>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>", "</div>",
    "<div>", "<p>", "<h2>Heading</h2>", '<a href="/x">\nlink block\n</a>', "<?php echo 1; ?>",
    "<!DOCTYPE html>", "<![CDATA[\nx\n]]>",
)  # fmt: skip
_AUTOLINKS = (
    "https://example.com/a_b",
    "http://x.y/<z>",
    "ftp://f.f/",
    "a@b.c",
    "made-up:scheme",
    "HTTPS://E.COM",
    "irc://x",
)
_ENTITIES = (
    "&", "&#", "&#x", "&#123", "&#x1F600;", "&#55357;", "&#128512;", "&amp;amp;", "&AMP;",
    "&Aacute", "&aacute;", "&#X41;", "&#65;&#x42;", "&nbsp&nbsp;", "&zwj;", "&#8203;",
    "&#12288;", "&#xD800;", "&#9999999;",
)  # fmt: skip
_SOUP = (
    "<b>", "</b>", "<i>", "</i>", "<em>", "</em>", "<span>", "</span>", "<div>", "</div>",
    "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<ol>", "</ol>", "<blockquote>",
    "</blockquote>", "<pre>", "</pre>", "<code>", "</code>", "<table>", "<tr>", "<td>",
    "</td>", "</table>", "<br>", "<hr>", "<img>", "<a href=/s>", "</a>", "<h2>", "</h2>",
    "<g>", "</g>", "<x-y>", "<!--", "-->", "<!-- x -->", "<dl>", "<dt>", "<dd>", "<details>",
    "<summary>", "<sup>", "<del>", "<s>", "<u>", "<q>",
)  # fmt: skip
_SEPARATORS = ("\n\n", "\n\n", "\n", "\n\n\n")


def _inline(chance: random.Random, count: int = 0) -> str:
    count = count or chance.randint(1, 6)
    joiners = ("", " ", " ", "", "\n")
    text = "".join(chance.choice(_INLINE) + chance.choice(joiners) for _ in range(count))
    return text.strip(" ") or "w"


def _heading(chance: random.Random) -> str:
    marks = chance.choice(("#", "##", "###", "######", "#######"))
    return marks + chance.choice((" ", "", "  ")) + _inline(chance, 2) + chance.choice(("", " #"))


def _fence(chance: random.Random) -> str:
    opening = chance.choice(("```", "~~~", "````", "```python", "~~~ {.js}", "``` a`b"))
    body = chance.choice(("x = 1", "<div>", "*not em*", "```", "", "  indented", "中文"))
    closing = chance.choice((opening[:3], opening[:3], "", "````"))
    return f"{opening}\n{body}\n{closing}".rstrip("\n")


def _quote(chance: random.Random, depth: int) -> str:
    lines = _block(chance, depth + 1).split("\n")
    lazy = chance.random() < 0.3  # later lines without `>`: lazy continuation (or not)
    return "\n".join(
        (">" + chance.choice((" ", "")) + line) if index == 0 or not lazy else line
        for index, line in enumerate(lines)
    )


def _list(chance: random.Random, depth: int) -> str:
    marker = chance.choice(("-", "*", "+", "1.", "2)", "10.", "- [ ]", "- [x]"))
    pad = " " * (len(marker) + 1)
    items = []
    for _ in range(chance.randint(1, 3)):
        first, *rest = _block(chance, depth + 1).split("\n")
        items.append(
            marker + " " + "\n".join([first, *(pad + line if line else line for line in rest)])
        )
    return chance.choice(("\n", "\n\n")).join(items)


def _table(chance: random.Random) -> str:
    columns = chance.randint(1, 3)
    head = "| " + " | ".join(_inline(chance, 1) for _ in range(columns)) + " |"
    rule = "|" + "|".join(chance.choice(("---", ":--", "--:", ":-:")) for _ in range(columns)) + "|"
    rows = [
        "| " + " | ".join(_inline(chance, 1).replace("|", "\\|") for _ in range(columns)) + " |"
        for _ in range(chance.randint(0, 2))
    ]
    return "\n".join([head, rule, *rows])


def _inline_html_across_lines(chance: random.Random) -> str:
    tag = chance.choice(("span", "b", "em", 'a href="/l"', "font color=red", "strong", "x-y"))
    name = tag.split()[0]
    first, second = _inline(chance, 2), _inline(chance, 2)
    return f"{_inline(chance, 2)} <{tag}>{first}\n{second}</{name}> {_inline(chance, 1)}"


def _setext(chance: random.Random, depth: int) -> str:
    return _inline(chance, 2) + "\n" + chance.choice(("===", "---", "-", "=", "- - -", "***"))


def _indented_code(chance: random.Random, depth: int) -> str:
    return "    " + _inline(chance, 2) + chance.choice(("", "\n    more", "\n\n    after"))


def _html_then_markdown(chance: random.Random, depth: int) -> str:
    """An HTML block and Markdown without a blank line between, either order."""
    html, markdown = chance.choice(_HTML_BLOCKS), _block(chance, depth + 1)
    return f"{html}\n{markdown}" if chance.random() < 0.5 else f"{markdown}\n{html}"


def _quoted_list_with_html(chance: random.Random, depth: int) -> str:
    item, div, last = _inline(chance, 2), _inline(chance, 1), _inline(chance, 1)
    return f"> - {item}\n>   <div>{div}</div>\n> - {last}"


def _hard_break(chance: random.Random, depth: int) -> str:
    breaks = ("  \n", "\\\n", "<br>\n", "\n")
    return _inline(chance, 2) + chance.choice(breaks) + _inline(chance, 2)


def _indented_text(chance: random.Random, depth: int) -> str:
    if chance.random() < 0.5:
        return "\t" + _inline(chance, 1)
    return " " * chance.randint(1, 3) + _inline(chance, 2)


def _one_of(pool: tuple[str, ...]) -> Callable[[random.Random, int], str]:
    return lambda chance, depth: chance.choice(pool)


_MARKERS = ("<!-- more -->", "<!--more-->", "<!-- a -->x", "x<!-- b -->", "<!---->")
_RULES = ("---", "***", "___", "* * *", "- - -", "<hr>")
# Each kind of block, a paragraph five times as often as the others.
_BLOCKS: tuple[Callable[[random.Random, int], str], ...] = (
    *[lambda chance, depth: _inline(chance)] * 5,
    lambda chance, depth: _heading(chance),
    _setext,
    _one_of(_DEFINITIONS),
    _one_of(_HTML_BLOCKS),
    lambda chance, depth: _fence(chance),
    _indented_code,
    _one_of(_RULES),
    _quote,
    _list,
    _list,
    lambda chance, depth: _table(chance),
    lambda chance, depth: _inline_html_across_lines(chance),
    _html_then_markdown,
    _quoted_list_with_html,
    lambda chance, depth: "<" + chance.choice(_AUTOLINKS) + ">",
    lambda chance, depth: chance.choice(_ENTITIES) + _inline(chance, 1),
    _hard_break,
    _one_of(_MARKERS),
    _indented_text,
)


def _block(chance: random.Random, depth: int = 0) -> str:
    """One block; past three levels of quotes and lists, a paragraph instead of another."""
    make = chance.choice(_BLOCKS)
    if depth >= 3 and make in (_quote, _list, _html_then_markdown):
        return _inline(chance)
    return make(chance, depth)


def _with_soup(chance: random.Random, text: str) -> str:
    """A few tag-soup tokens dropped at random places of `text`."""
    for _ in range(chance.randint(0, 4)):
        at = chance.randrange(len(text) + 1)
        text = text[:at] + chance.choice(_SOUP) + text[at:]
    return text


def markdown_document(chance: random.Random) -> str:
    """One document: 1-7 blocks, blank lines (or none) between, sometimes front matter."""
    text = "".join(_block(chance) + chance.choice(_SEPARATORS) for _ in range(chance.randint(1, 7)))
    if chance.random() < 0.15:
        text = "---\ntitle: t\n---\n" + text
    return _with_soup(chance, text) if chance.random() < 0.5 else text
