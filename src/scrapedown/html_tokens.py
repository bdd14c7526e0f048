"""A small, linear scan of raw HTML the way the HTML tokenizer reads it: comments (with the
spec's endings `<!-->`, `<!--->` and `--!>`), bogus comments (`<?…>`, `<!X…>`, `</ …>`), the
raw text of `<script>`, `<style>`… and start/end tags with quoted attribute values.

Stage 2 uses it to tell a block of nothing but comments (kept verbatim, like Hexo's
`<!-- more -->`) from one that only starts with a comment, and to count the elements a block
opens and closes. Every scan moves forward with `str.find` or a possessive pattern matched at
one position, so its time is linear in the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SPACE = " \t\n\f\r"  # HTML's ASCII whitespace (not \v, not U+00A0)
# Start and end tags: a name, then attributes whose quoted values may hold `>`. The three
# alternatives start with different characters and every quantifier is possessive: no
# backtracking, one pass over the tag.
_TAG = re.compile(
    r"<(/?)([A-Za-z][^\t\n\f\r />]*+)"
    r"""((?:[^>"'=]++|["']|=[\t\n\f\r ]*+(?:"[^"]*+"|'[^']*+')?+)*+)>"""
)
# Elements whose content is text up to their own end tag (tags and comments inside are not).
_RAW_TEXT = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"}
)
_RAW_END = {name: re.compile(f"</{name}[\t\n\f\r />]", re.IGNORECASE) for name in _RAW_TEXT}


@dataclass(frozen=True)
class Tag:
    """One start or end tag found by `iter_tags`."""

    name: str  # lower case
    closing: bool
    self_closing: bool  # `<x/>`: foreign content (svg) that opens nothing
    start: int
    end: int


def comment_end(html: str, start: int) -> int:
    """Where the comment that opens at `html[start:]` (`<!--`) ends, or -1 when it never does
    (the tokenizer then runs it to the end of the input)."""
    body = start + 4
    if html.startswith(">", body):
        return body + 1  # `<!-->`: an empty comment
    if html.startswith("->", body):
        return body + 2  # `<!--->`: an empty comment
    dashes = html.find("--", body)
    while dashes >= 0:  # the first `--` followed by `>` or `!>` closes it
        if html.startswith(">", dashes + 2):
            return dashes + 3
        if html.startswith("!>", dashes + 2):
            return dashes + 4
        dashes = html.find("--", dashes + 1)
    return -1


def comments_only(html: str) -> bool:
    """Whether `html` is nothing but complete comments and whitespace (and holds one)."""
    position = _skip_space(html, 0)
    if position == len(html):
        return False
    while position < len(html):
        if not html.startswith("<!--", position):
            return False
        end = comment_end(html, position)
        if end < 0:
            return False
        position = _skip_space(html, end)
    return True


def iter_comments(html: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every complete comment of `html`, outside tags and raw text."""
    for start, end, is_comment in _scan(html):
        if is_comment:
            yield start, end


def iter_tags(html: str) -> Iterator[Tag]:
    """Every start and end tag of `html`, in order; comments and raw text skipped."""
    for start, end, is_comment in _scan(html):
        if is_comment:
            continue
        match = _TAG.match(html, start, end)
        if match is not None:
            closing, name, rest = match.groups()
            yield Tag(name.lower(), bool(closing), rest.endswith("/"), start, end)


def _scan(html: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_comment) of each comment and tag, in order, like the tokenizer."""
    position = html.find("<")
    while position >= 0:
        end, is_comment = _markup_end(html, position)
        if end < 0:
            return  # an unterminated comment or tag runs to the end of the input
        if end > position:
            yield position, end, is_comment
            if not is_comment:
                end = _after_raw_text(html, position, end)
        position = html.find("<", max(end, position + 1))


def _markup_end(html: str, position: int) -> tuple[int, bool]:
    """The end of the markup at `html[position] == "<"` (position itself when it is text)."""
    if html.startswith("<!--", position):
        return comment_end(html, position), True
    following = html[position + 1 : position + 2]
    if following in ("!", "?") or (following == "/" and not _letter_at(html, position + 2)):
        close = html.find(">", position)  # a bogus comment up to the next `>`
        return (close + 1 if close >= 0 else -1), True
    if following == "/" or _letter_at(html, position + 1):
        match = _TAG.match(html, position)
        return (match.end() if match else -1), False
    return position, False


def _after_raw_text(html: str, start: int, end: int) -> int:
    """Past the raw text of a `<script>`-like element that opens at `html[start:end]`."""
    match = _TAG.match(html, start, end)
    if match is None or match.group(1):
        return end
    pattern = _RAW_END.get(match.group(2).lower())
    if pattern is None:
        return end
    close = pattern.search(html, end)
    return close.start() if close else len(html)


def _letter_at(html: str, index: int) -> bool:
    char = html[index : index + 1]
    return char.isascii() and char.isalpha()


def _skip_space(html: str, position: int) -> int:
    while position < len(html) and html[position] in _SPACE:
        position += 1
    return position
