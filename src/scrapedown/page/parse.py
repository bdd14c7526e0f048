"""Parsing a whole page with lxml, and the page's body as text when lxml cannot hold it."""

from __future__ import annotations

import re
from typing import Any, cast

from lxml import etree
from lxml import html as lxml_html

from scrapedown.errors import ScrapedownError
from scrapedown.page.chrome import Element

_XML_DECLARATION = re.compile(r"\A(\ufeff?\s*)<\?xml[^>]*>")
# Characters libxml2 refuses in a str (C0 controls but tab, newline, carriage return).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# The same characters, each looked for with `str.__contains__` (a memchr-like scan in C,
# about 3× faster than the class search over a page that holds none of them).
_CONTROL_CHARS = tuple(chr(code) for code in (*range(9), 11, 12, *range(14, 32)))
# lxml.html's own lookup runs a Python method for every element proxy made (half a million
# per 330 pages) to give `<form>`, `<input>`, `<select>`, `<textarea>` and `<label>` their
# form-field classes, which nothing here uses: every element is an `HtmlElement`, looked up in C.
_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement,
    comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity,
)
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_HEAD_CLOSE = re.compile(r"</head\s*>", re.IGNORECASE)


def parse_page(text: str) -> tuple[Any, bool]:
    """The page's document element, and whether lxml kept all of it: libxml2 stops building
    the tree below a nesting depth of a few thousand elements (the text under it is lost)."""
    text = _XML_DECLARATION.sub(r"\1", text, count=1)
    if any(char in text for char in _CONTROL_CHARS):
        text = _CONTROL.sub("", text)
    parser = etree.HTMLParser(huge_tree=True)
    parser.set_element_class_lookup(_LOOKUP)
    try:
        doc = lxml_html.document_fromstring(text, parser=cast(Any, parser))  # (lxml-stubs)
    except (etree.ParserError, ValueError) as exc:
        raise ScrapedownError(f"cannot parse the page: {exc}") from None
    complete = not any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)
    return doc, complete


def body_of(doc: Element) -> Element:
    """The page's `<body>` (an empty one is added to a page that has none)."""
    body = doc.find("body")
    if body is None:
        body = etree.SubElement(doc, "body")
    return body


def raw_body(text: str) -> str:
    """The markup between `<body>` and `</body>` (or after `</head>`), as written: what is left
    to convert when the tree is too deep for lxml (the pipeline flattens deep nesting)."""
    start = _BODY_OPEN.search(text) or _HEAD_CLOSE.search(text)
    begin = start.end() if start else 0
    end = text.lower().rfind("</body", begin)
    return text[begin : end if end >= 0 else len(text)]
