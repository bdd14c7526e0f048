"""Code blocks and headings as site generators print them, made plain for the converter.

- *Line-number gutters*: Hexo, Pygments (`table.highlighttable`), Rouge (`table.rouge-table`)
  and Hugo (`table.lntable`) print a numbered code block as a table of one row: a cell of line
  numbers, a cell holding the code's `<pre>`. Converted as it stands it is a table of two
  cells; the `<pre>` alone is the code.
- *The language on a wrapper*: the `<pre>` names no language, the box around it does (GitHub
  `div.highlight-source-python`, Sphinx `div.highlight-toml`, MkDocs `div.language-python`,
  Docusaurus `div.language-js`, Hexo `figure.highlight python`): it is copied onto the `<pre>`
  (`data-lang`, read by the code-language rule).
- *Copy buttons inside the code* (Juejin's `复制代码`, a `<button>` with a clipboard class):
  removed, they are no part of the code.
- *Permalink marks*: a heading's or a definition's own anchor link whose text is only a mark
  (Sphinx and MkDocs `¶`, Hugo `#`, `§`, `🔗`): removed, the heading stays.

What counts is data in `scrapedown.page.patterns` (`PERMALINK_MARKS`, `CODE_BUTTON_HINTS`).
"""

from __future__ import annotations

import re

from lxml import etree

from scrapedown.page.chrome import Element
from scrapedown.page.patterns import CODE_BUTTON_HINTS, PERMALINK_MARKS
from scrapedown.rules.tree.attributes import code_language

_LANGUAGE = re.compile(r"(?:^|\s)(?:language|lang|highlight-source|highlight)-([\w+#.-]+)", re.I)
WRAPPERS_LOOKED_AT = 4
"""Ancestors of a `<pre>` searched for the name of its language."""
_NOT_LANGUAGES = frozenset({"highlight", "notranslate", "chroma", "plaintext", "text", "none"})
_MARK_PARENTS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dt"})
BUTTON_TEXT = 12
"""Longest text of a copy button inside code (`Copy`, `复制代码`, `Copy code`)."""


def tidy_code_and_headings(article: Element) -> None:
    """Unwrap gutter tables, name the languages wrappers give, drop copy buttons inside
    code and permalink marks in headings (see the module docstring), in place."""
    pres = list(article.iter("pre"))
    if pres:
        for table in list(article.iter("table")):
            _unwrap_gutter(table)
        for pre in article.iter("pre"):
            _drop_buttons(pre)
            if not code_language(pre):
                language = _wrapper_language(pre)
                if language:
                    pre.set("data-lang", language)
    for link in list(article.iter("a")):
        if _is_permalink_mark(link):
            link.drop_tree()


def _unwrap_gutter(table: Element) -> None:
    """Replace a one-row table of line numbers and code by the code's `<pre>`."""
    rows = list(table.iter("tr"))
    if len(rows) != 1:
        return
    cells = [cell for cell in rows[0] if cell.tag in ("td", "th")]
    if len(cells) != 2:
        return
    numbers = "".join(cells[0].text_content().split())
    if numbers and not numbers.isdigit():
        return
    if next(cells[0].iter("pre"), None) is None and not cells[0].text_content().strip():
        return  # an empty first cell: a layout table, not a gutter
    code = list(cells[1].iter("pre"))
    if len(code) != 1 or table.getparent() is None:
        return
    pre = code[0]
    language = code_language(pre) or _wrapper_language(table)
    if language:
        pre.set("data-lang", language)
    pre.tail = table.tail
    table.getparent().replace(table, pre)


def _wrapper_language(element: Element) -> str:
    """The language named by the class of one of the first few ancestors of `element`."""
    node = element.getparent()
    for _ in range(WRAPPERS_LOOKED_AT):
        if node is None:
            return ""
        classes = str(node.get("class") or "")
        found = _LANGUAGE.search(classes)
        if found and found.group(1).lower() not in _NOT_LANGUAGES:
            return found.group(1).lower()
        words = classes.lower().split()
        if node.tag == "figure" and "highlight" in words:  # Hexo: `figure.highlight python`
            others = [w for w in words if w not in _NOT_LANGUAGES and _is_word(w)]
            return others[0] if len(others) == 1 else ""
        node = node.getparent()
    return ""


def _is_word(name: str) -> bool:
    """A language's name: a letter, then letters, digits, `+`, `#`, `-` (`c++`, `f#`)."""
    return name[:1].isalpha() and all(c.isalnum() or c in "+#-_" for c in name)


def _drop_buttons(pre: Element) -> None:
    """Remove the buttons inside a code block (their tails, the code, stay)."""
    for element in list(pre.iter(etree.Element)):
        if element is pre or element.getparent() is None:
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        button = element.tag == "button" or any(hint in names for hint in CODE_BUTTON_HINTS)
        if button and len(element.text_content().strip()) <= BUTTON_TEXT:
            element.drop_tree()


def _is_permalink_mark(link: Element) -> bool:
    href = str(link.get("href") or "")
    if not href.startswith("#") or len(link) > 1:
        return False
    if " ".join(link.text_content().split()) not in PERMALINK_MARKS:
        return False
    parent = link.getparent()
    return parent is not None and parent.tag in _MARK_PARENTS
