"""The final safety stage: what any output may hold, whatever `Options` switch off.

`safe_body` runs on every Markdown body `clean`, `clean_html` and `clean_page` return:

- characters XML cannot hold (C0 controls but tab, newline and carriage return; U+FFFE,
  U+FFFF) are removed: they are invisible, break XML tools, and an ANSI escape in a post
  printed to a terminal is a command to the terminal;
- every raw HTML tag is on the allowlist of `safety.policy` (others escaped, attributes not
  allowed removed), and no link, image, autolink or reference definition has an unsafe URL
  (dropped, its text kept; see `safety.markdown`);
- a body without front matter never starts with what would be read as a front-matter block.

The common case costs a few scans: a body whose tags are all allowed (`safety.html`) and no
link destination of which may be unsafe (`safety.schemes.unsafe_destination_positions`) is
not parsed at all. Otherwise markdown-it parses only the sections holding a suspect position
(`safety.sections`: a `<` in inline code, escaped or in a link title is found harmless there),
and where that cannot show the body safe as it is, `safety.markdown.repair` parses the whole
body's blocks, and inline the paragraphs holding a suspect position.
"""

from __future__ import annotations

import re

from scrapedown.safety.html import html_edits
from scrapedown.safety.schemes import is_unsafe_url, unsafe_destination_positions

__all__ = [
    "XML_INVALID",
    "has_invalid_chars",
    "is_unsafe_url",
    "safe_body",
    "safe_start",
    "without_invalid_chars",
]

#: Characters an XML document (and so lxml) cannot hold; removed from every output.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]+")
# What front-matter readers take for an opening block at byte 0: a `---`/`+++`/`;;;` line
# (Jekyll, Hugo, Hexo), a JSON object (Hugo), Hexo's `"key": …` members closed by `;;;`.
_FRONT_MATTER_START = re.compile(
    r"\A(?:(?:---|\+\+\+|;;;)[ \t]*(?:\n|\Z)|\{|\"[^\n]*\n(?s:.*)^;;;)", re.M
)


def has_invalid_chars(text: str) -> bool:
    """Whether `text` holds a character XML cannot hold. (One `in` per character: each is a
    C scan, a few times faster in all than `XML_INVALID.search`, whose `+` keeps the engine
    from jumping to the first candidate character.)"""
    return any(map(text.__contains__, _INVALID_CHARS))


_INVALID_CHARS = tuple(
    chr(code) for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
)


def without_invalid_chars(text: str) -> str:
    """`text` without the characters XML cannot hold."""
    return XML_INVALID.sub("", text) if has_invalid_chars(text) else text


def safe_body(markdown: str) -> str:
    """`markdown` with nothing unsafe in it (itself when nothing needs to change)."""
    markdown = without_invalid_chars(markdown)
    suspects = [edit.start for edit in html_edits(markdown, autolinks=True)]
    suspects += unsafe_destination_positions(markdown)
    if not suspects:
        return markdown
    from scrapedown.safety.markdown import repair
    from scrapedown.safety.sections import sections_unchanged

    # (what `repair` would keep, shown on the few sections holding a suspect line)
    return markdown if sections_unchanged(markdown, suspects) else repair(markdown)


def safe_start(body: str) -> str:
    """A body that will be written without front matter, made not to start like one: a
    leading thematic break is written `***`, any other such start gets a backslash."""
    match = _FRONT_MATTER_START.match(body)
    if match is None:
        return body
    if body.startswith("---"):
        return "***" + body[3:]
    return "\\" + body
