"""Text-level repairs of HTML before libxml2 parses it.

Each one fixes what would make lxml refuse the markup, truncate it, take quadratic time on it or
read it differently from a browser; kept text is unchanged. `parse.tree.parse_tree` runs them in
order; the safety net (`safety/fidelity.py`) reads its reference through the same repairs.
"""

from __future__ import annotations

import re

from scrapedown.parse.foreign import close_foreign_content
from scrapedown.parse.html_tokens import TagScanner

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters XML forbids: libxml2's HTML parser keeps them, then lxml refuses to set any text
# holding one (ValueError from a rule). A browser shows none of them; a form feed is a space.
_NOT_XML_CHAR = re.compile("[\x01-\x08\x0b\x0e-\x1f\ufffe\uffff]")
# Any character one of `sanitize`'s replacements changes: lone surrogates, NUL, the characters
# above, form feed.
_TO_REPAIR = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same characters written as numeric references (`&#1;`, `&#xFFFE;`), which libxml2 decodes.
_NOT_XML_CHAR_REF = re.compile(
    r"&#(?:0*+(?:[1-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*+(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)
# NULs stop libxml2; an XML declaration makes lxml refuse a str ("encoding declaration").
_XML_DECLARATION = re.compile(r"\A\s*+<\?xml[^>]*+>")
# libxml2 checks each attribute against all earlier ones (quadratic): a start tag holding more
# than MAX_ATTRIBUTES attributes keeps its first MAX_ATTRIBUTES. Only long tags are looked at.
MAX_ATTRIBUTES = 256
_LONG_START_TAG = re.compile(r"<([A-Za-z][\w:-]*)(\s[^<>]{8192,})>")
# Possessive runs, and a match starts only where a blank run starts: linear under findall.
_ATTRIBUTE = re.compile(
    r"""(?<!\s)\s*+[^\s=/>"']++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>"']*+))?+"""
)


def sanitize(markup: str) -> str:
    """`markup` without what makes lxml refuse or truncate it (kept text is unchanged)."""
    # (plain `in`/`match` tests: an alternation with `\A` is tried at every position, 15× slower)
    if _TO_REPAIR.search(markup) is not None:  # one scan for the four repairs (most need none)
        markup = _LONE_SURROGATE.sub("\ufffd", markup).replace("\x00", "")
        markup = _NOT_XML_CHAR.sub("", markup).replace("\x0c", " ")
    if "&#" in markup:
        markup = _NOT_XML_CHAR_REF.sub("", markup)
    declaration = _XML_DECLARATION.match(markup)
    markup = close_foreign_content(markup[declaration.end() :] if declaration else markup)
    return drop_closed_templates(markup) if _TEMPLATE.search(markup) else markup


_TEMPLATE = re.compile("<template", re.IGNORECASE)


def drop_closed_templates(markup: str) -> str:
    """`markup` without each `<template>` that its `</template>` closes, content and all. A
    browser shows none of it, and ends it at that end tag whatever is open inside; libxml2,
    which does not know the element, ignores the end tag while a table part or a `<div>` is
    open (`<template><tbody></template>x` put "x" in the template, dropped with it). One scan
    of the tags (comments and raw text skipped): linear. One left open keeps libxml2's
    reading (it holds the rest, as in a browser)."""
    kept: list[str] = []
    depth = start = done = 0
    for tag in TagScanner().scan(markup):
        if tag.name != "template" or (tag.closing and not depth):
            continue
        if not tag.closing:
            start = tag.start if not depth else start
            depth += 1
            continue
        depth -= 1
        if not depth:
            kept.append(markup[done:start])
            done = tag.end
    return "".join(kept) + markup[done:] if kept else markup


def cap_attributes(markup: str) -> str:
    """`markup` with each very long start tag cut to its first `MAX_ATTRIBUTES` attributes."""
    return _LONG_START_TAG.sub(_cap_attributes, markup)


def _cap_attributes(match: re.Match[str]) -> str:
    attributes = _ATTRIBUTE.findall(match.group(2))
    if len(attributes) <= MAX_ATTRIBUTES:
        return match.group(0)
    return f"<{match.group(1)} {' '.join(a.strip() for a in attributes[:MAX_ATTRIBUTES])}>"


# A closed heading holding a <p>, no other heading and no structural block, and short: a
# heading left open over a whole article keeps libxml2's reading (it ends at the first <p>).
MAX_HEADING_MARKUP = 2000
_HEADING_SPAN = re.compile(
    r"(<h[1-6]\b[^>]*>)"
    r"((?:(?!</?h[1-6]\b|<(?:ul|ol|li|dl|table|pre|blockquote)\b).)"
    rf"{{0,{MAX_HEADING_MARKUP}}}?)"
    r"(</h[1-6]\s*>)",
    re.IGNORECASE | re.DOTALL,
)
_PARAGRAPH_TAG = re.compile(r"</?p\b[^>]*>", re.IGNORECASE)
_MAYBE = re.compile(r"<h[1-6]\b", re.IGNORECASE)


def keep_paragraphs_in_headings(markup: str) -> str:
    """`markup` with the `<p>`/`</p>` tags inside headings replaced by spaces, so that the
    parser keeps the heading whole (run before `parse_tree`)."""
    if ("<p" not in markup and "<P" not in markup) or not _MAYBE.search(markup):
        return markup
    # (a substitution copies the whole markup even when it changes nothing: a big page's
    # headings seldom hold a <p>, and its text is 4 bytes a character after one emoji)
    if not any(_PARAGRAPH_TAG.search(m.group(2)) for m in _HEADING_SPAN.finditer(markup)):
        return markup
    return _HEADING_SPAN.sub(_drop_paragraph_tags, markup)


def _drop_paragraph_tags(match: re.Match[str]) -> str:
    opening, inner, closing = match.groups()
    return opening + _PARAGRAPH_TAG.sub(" ", inner) + closing
