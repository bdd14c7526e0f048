"""A small, linear scan of raw HTML the way the HTML tokenizer reads it: comments (with the
spec's endings `<!-->`, `<!--->` and `--!>`), bogus comments (`<?…>`, `<!X…>`, `</ …>`), the
raw text of `<script>`, `<style>`… and start/end tags with quoted attribute values.

Stage 2 uses it to tell a block of nothing but comments (kept verbatim, like Hexo's
`<!-- more -->`) from one that only starts with a comment, and to match the elements blocks
open and close. A `TagScanner` reads a body block by block: a comment or a `<script>` left
open at the end of one block goes on in the next. Every step moves forward with `str.find` or
a possessive pattern matched at one position, so the time is linear in the input.
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: The name `Tag` gives a comment: complete (self-closing), or opened and closed in two pieces.
COMMENT = "!--"
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
# A piece of nothing but text and complete start and end tags: every `<` that could start
# markup (`<!`, `<?`, `</`, `<` + letter) starts a tag `_TAG` matches. Anchored at both ends
# and possessive (its three alternatives start differently; a tag `_TAG` cannot close ends
# the loop and the match fails at `\Z`): one pass, each character read once.
_PLAIN = re.compile(rf"\A(?:[^<]++|<(?![!?/A-Za-z])|{_TAG.pattern})*+\Z")
# A start tag of a raw-text element (as `_TAG` ends a name: at white space, `/` or `>`).
_RAW_START = re.compile(rf"<(?:{'|'.join(sorted(_RAW_TEXT))})[\t\n\f\r />]", re.IGNORECASE)


class Tag(NamedTuple):  # a tuple: built 100,000s of times per corpus pass
    """A start or end tag, or a comment (`name == COMMENT`), found by `TagScanner.scan`."""

    name: str  # lower case
    closing: bool
    self_closing: bool  # `<x/>` (foreign content: opens nothing), or a complete comment
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
    return _comment_close(html, body)


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


def complete_comments(html: str) -> list[tuple[int, int]]:
    """(start, end) of every complete comment of `html`, outside tags and raw text."""
    tags = TagScanner().scan(html)
    return [(t.start, t.end) for t in tags if t.name == COMMENT and t.self_closing]


class TagScanner:
    """Scans HTML piece by piece (the blocks of a body), carrying an open comment or raw text
    (`<script>` …) from one piece to the next."""

    def __init__(self) -> None:
        self.inside: str | None = None  # COMMENT, or the raw-text element whose end is awaited

    def scan(self, html: str) -> list[Tag]:
        """The tags and comments of one piece, in order (positions in the piece)."""
        plain = _plain_matches(html) if self.inside is None else None
        if plain is not None:
            return [
                Tag(tag[2].lower(), tag[1] == "/", self_closing(tag[3]), tag.start(), tag.end())
                for tag in plain
            ]
        tags: list[Tag] = []
        position = self._leave(html, tags) if self.inside is not None else 0
        while self.inside is None and (position := html.find("<", position)) >= 0:
            position = self._markup(html, position, tags)
        return tags

    def element_tags(self, html: str) -> list[tuple[str, bool]]:
        """(name, closing) of each tag of one piece that opens or closes something: `scan`'s
        tags without the self-closing ones and the complete comments."""
        if self.inside is None and _is_plain(html):
            # (`findall`'s tuples, not match objects: `scan`'s tags, found the same way)
            return [
                (name.lower(), slash == "/")
                for slash, name, rest in _TAG.findall(html)
                if not (rest.endswith("/") and self_closing(rest))
            ]
        return [(tag.name, tag.closing) for tag in self.scan(html) if not tag.self_closing]

    def _markup(self, html: str, position: int, tags: list[Tag]) -> int:
        """Reads the markup at `html[position] == "<"`; returns where scanning goes on."""
        match = _TAG.match(html, position)  # most markup is a tag: it needs no other test
        if match is not None:
            closing, name, rest = match.groups()
            name = name.lower()
            tags.append(Tag(name, bool(closing), self_closing(rest), position, match.end()))
            if closing or name not in _RAW_TEXT:
                return match.end()
            raw_end = _RAW_END[name].search(html, match.end())
            if raw_end is None:
                self.inside = name
                return len(html)
            return raw_end.start()
        if html.startswith("<!--", position):
            end = comment_end(html, position)
            if end < 0:
                self.inside = COMMENT
                tags.append(Tag(COMMENT, False, False, position, len(html)))
                return len(html)
            tags.append(Tag(COMMENT, False, True, position, end))
            return end
        following = html[position + 1 : position + 2]
        if following in ("!", "?") or (following == "/" and not _letter_at(html, position + 2)):
            close = html.find(">", position)  # a bogus comment up to the next `>` (or the end)
            return close + 1 if close >= 0 else len(html)
        # Not a complete tag: text, or a tag that runs to the end (no `>` outside quotes).
        is_tag = following == "/" or _letter_at(html, position + 1)
        return len(html) if is_tag else position + 1

    def _leave(self, html: str, tags: list[Tag]) -> int:
        """Looks for the end of the comment or raw text left open by an earlier piece."""
        if self.inside == COMMENT:
            end = _comment_close(html, 0)
            if end < 0:
                return len(html)
            tags.append(Tag(COMMENT, True, False, 0, end))
            self.inside = None
            return end
        assert self.inside is not None
        close = _RAW_END[self.inside].search(html)
        if close is None:
            return len(html)
        self.inside = None
        return close.start()  # the end tag itself is read as a tag


def _plain_matches(html: str) -> list[re.Match[str]] | None:
    """`_TAG`'s matches in `html`, found all at once, when it holds only text and complete
    start and end tags (no comment, bogus comment, tag left open nor raw-text element): then
    `scan`'s walk from one tag to the next finds the same tags, and so does `finditer`, each
    of whose tries fails at the first or second character or matches. None otherwise (then
    `scan` walks)."""
    return list(_TAG.finditer(html)) if _is_plain(html) else None


def _is_plain(html: str) -> bool:
    """Whether `html` holds only text and complete start and end tags, none of a raw-text
    element (see `_plain_matches`)."""
    return _PLAIN.match(html) is not None and _RAW_START.search(html) is None


def self_closing(rest: str) -> bool:
    """Whether a tag whose attributes read `rest` ends with a self-closing `/`, as the
    tokenizer reads it: not when the `/` ends an unquoted attribute value (`<a href=/>` and
    `<a href= x/>` open a link). One pass over `rest`, only when it ends with `/`."""
    if not rest.endswith("/"):
        return False
    index, end = 0, len(rest) - 1
    in_value = False  # inside an unquoted attribute value
    while index < end:
        char = rest[index]
        if in_value:
            in_value = char not in _SPACE
        elif char == "=":
            index = _skip_space(rest, index + 1)
            if index < len(rest) and rest[index] in "\"'":
                close = rest.find(rest[index], index + 1)
                index = close if close >= 0 else end
            else:
                in_value = True
                continue  # the value's first character (it may be the last `/` itself)
        index += 1
    return not in_value


def _comment_close(html: str, position: int) -> int:
    dashes = html.find("--", position)
    while dashes >= 0:  # the first `--` followed by `>` or `!>` closes a comment
        if html.startswith(">", dashes + 2):
            return dashes + 3
        if html.startswith("!>", dashes + 2):
            return dashes + 4
        dashes = html.find("--", dashes + 1)
    return -1


def _letter_at(html: str, index: int) -> bool:
    char = html[index : index + 1]
    return char.isascii() and char.isalpha()


def _skip_space(html: str, position: int) -> int:
    while position < len(html) and html[position] in _SPACE:
        position += 1
    return position
