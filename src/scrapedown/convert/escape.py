"""Markdown escaping only where text would otherwise become Markdown syntax.

No `\\_` in `snake_case` or `从1到N_灯塔工厂_`, no `2\\*3`, but `*word*`, `<tag>`, `[x](y)`,
line-start `#`, `>`, `-`, `1.` are escaped.

Whether a `*` or `_` of the text would pair into emphasis depends on the whole paragraph, not on
its text node, so text `*`/`_` are first written as markers (two Unicode noncharacters) and
`resolve_emphasis_markers` decides per paragraph: if writing them bare renders exactly like
writing them escaped, they stay bare; otherwise they are escaped.

Emphasis that no Markdown delimiter can express (`a<strong><code>x</code></strong>b`: `**`
between a letter and a backtick is not flanking) is kept as inline HTML, as docs/conventions.md
keeps whatever Markdown cannot hold: the emphasis rule writes its tags as tokens (`html_token`) that
text escaping leaves alone and the same per-paragraph pass turns into `<strong>`…`</strong>`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from scrapedown.urls.urlparts import encode_controls, normalize

_EMPHASIS_RUN = re.compile(r"\*+|_+")
_ALWAYS = re.compile(r"([\\`])")
# (and before trailing spaces: they may be trimmed, the next pass sees the backslash before
# what follows, and before a line end it would be a hard break)
_BACKSLASH_BEFORE_PUNCT = re.compile(r"\\(?=[!-/:-@\[-`{-~\ufdd4-\ufdd8]|\s*+$)")
# (a `~` before trailing spaces, or after leading ones, is escaped too: they may be trimmed, and
# the next pass sees it at the edge)
_TILDES = re.compile(r"~{2,}|^\s*+~|~(?=\s*+$)")  # a `~` at a node edge may meet `~~` of <del>
_ANGLE = re.compile(r"<(?=[A-Za-z/!?]|$)")  # at a node end: the next node may start a tag
# A character reference, or the start of one at a node end: the next node may end it
# (`&` + `<g>#2;</g>` was written `&#2;`, a control character: "2" was lost).
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]++;|#?[A-Za-z0-9]*+\Z)")
_CLOSE_BRACKET = re.compile(r"\](?=[(\[:]|$)")
_BRACKETS = re.compile(r"([\[\]])")
_LINE_START = re.compile(
    r"^(?:(#{1,6})(?=\s|$)|(>)|([-+*])(?=\s|$)|(\d{1,9})([.)])(?=\s|$)|(=+|-+)\s*$)"
)
_OTHER = "a"  # stand-in for an unknown neighbour outside the text node


def _is_space(char: str) -> bool:
    return char.isspace()


def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    left = not _is_space(after) and (not _is_punct(after) or _is_space(before) or _is_punct(before))
    right = not _is_space(before) and (
        not _is_punct(before) or _is_space(after) or _is_punct(after)
    )
    return left, right


def _can_form_emphasis(run: str, before: str, after: str) -> bool:
    return any(_opens_closes(run[0], before, after))


def _opens_closes(char: str, before: str, after: str) -> tuple[bool, bool]:
    left, right = _flanking(before, after)
    if char == "*":
        return left, right
    return left and (not right or _is_punct(before)), right and (not left or _is_punct(after))


def _escape_emphasis(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        run = match.group(0)
        before = text[match.start() - 1] if match.start() > 0 else _OTHER
        after = text[match.end()] if match.end() < len(text) else _OTHER
        if _can_form_emphasis(run, before, after):
            return "".join("\\" + char for char in run)
        return run

    return _EMPHASIS_RUN.sub(replace, text)


STAR_MARK = "\ufdd0"
UNDERSCORE_MARK = "\ufdd1"
_EMPHASIS_MARKS = re.compile("[\ufdd0\ufdd1]")
# `<` and `>` of an inline HTML tag the emphasis rule keeps (see `html_token`).
_TAG_OPEN = "\ufdd2"
_TAG_CLOSE = "\ufdd3"
_MARKS = re.compile("[\ufdd0-\ufdd3]")
# A `*`, `_`, `[`, `]` or `~` the Markdown source escaped (`\\*` …), carried through the HTML
# by the classifier as a noncharacter stand-in (`keep_escape`): written escaped again, whatever
# its neighbours, so that a paragraph converted on every pass keeps the escapes the previous
# pass (or the punctuation stage) wrote. Elsewhere (code, attributes) it is the bare character
# (`unmark_escapes`). These are the characters `escape_text` escapes only in some places.
_KEPT_ESCAPES = dict(zip("*_[]~", "\ufdd4\ufdd5\ufdd6\ufdd7\ufdd8", strict=True))
_ESCAPED_CHARS = {mark: char for char, mark in _KEPT_ESCAPES.items()}
_ESCAPE_MARKS = re.compile("[\ufdd4-\ufdd8]")
_ESCAPE_MARK_CHARS = "\ufdd4\ufdd5\ufdd6\ufdd7\ufdd8"
_MARK_CHARS = "\ufdd0\ufdd1\ufdd2\ufdd3"
EMPHASIS_HTML_TAGS = ("strong", "em", "del")
_HTML_TOKEN = re.compile(f"{_TAG_OPEN}(/?)({'|'.join(EMPHASIS_HTML_TAGS)}){_TAG_CLOSE}")
_HTML_TOKENS = frozenset(
    f"{_TAG_OPEN}{slash}{name}{_TAG_CLOSE}" for name in EMPHASIS_HTML_TAGS for slash in ("", "/")
)


def html_token(name: str, *, closing: bool = False) -> str:
    """A text node standing for the tag `<name>` (`</name>`), one of `EMPHASIS_HTML_TAGS`:
    `escape_text` leaves it alone and `resolve_emphasis_markers` writes the tag."""
    token = f"{_TAG_OPEN}{'/' if closing else ''}{name}{_TAG_CLOSE}"
    if token not in _HTML_TOKENS:
        raise ValueError(f"no inline HTML token for {name!r}")
    return token


def is_html_token(text: str) -> bool:
    """Whether a text node is a token written by `html_token`."""
    return text in _HTML_TOKENS


def escape_text(text: str, *, in_link: bool = False, in_table: bool = False) -> str:
    """Escape one text node for Markdown inline context (`*`/`_` become markers)."""
    if not text or text in _HTML_TOKENS:
        return text
    plain = text.isascii()  # (then it holds no noncharacter mark, and none is added below)
    if not plain:
        text = _MARKS.sub("", text)
    if "\\" in text:
        text = _BACKSLASH_BEFORE_PUNCT.sub(r"\\\\", text)
    text = text.replace("`", "\\`")
    if "*" in text or "_" in text:
        text = text.replace("*", STAR_MARK).replace("_", UNDERSCORE_MARK)
    if "~" in text:
        text = _TILDES.sub(lambda m: m.group(0).replace("~", "\\~"), text)
    if "<" in text:
        text = _ANGLE.sub(r"\\<", text)
    if "&" in text:
        text = _ENTITY.sub(r"\\&", text)
    if "[" in text or "]" in text:
        text = _BRACKETS.sub(r"\\\1", text) if in_link else _CLOSE_BRACKET.sub(r"\\]", text)
    if in_table and "|" in text:
        text = text.replace("|", "\\|")
    if not plain and _ESCAPE_MARKS.search(text):
        text = _ESCAPE_MARKS.sub(lambda m: "\\" + _ESCAPED_CHARS[m.group()], text)
    return text


# What, after an escape written at a node's end in case the next node continued it into
# syntax (`]` + `(`, `<` + `b`, `&` + `amp;`), would continue it.
_CONTINUES = {
    "<": frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!?"),
    "]": frozenset("([:"),
    "&": frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#;"),
}
# An `&` escaped at a node's end with the start of a reference after it (`\&`, `\&#1`, `\&mp`);
# looked for in the last 34 characters (a longer name is no reference: it stays escaped).
_OPEN_REFERENCE_AT_END = re.compile(r"\\&#?[A-Za-z0-9]*+\Z")


def drop_end_escape(text: str, source: str, next_char: Callable[[], str | None]) -> str:
    """`text` (the escaped `source`) without the escape at its end that `escape_text` wrote in
    case the next node continued it, when `next_char()` (what follows: "" at a block end,
    None when unknown) does not. After an `&` an unknown neighbour is an element written as
    syntax, which starts with punctuation: no reference."""
    if text[-2:] in ("\\]", "\\<") and source.endswith(text[-1]):
        start, char = len(text) - 2, text[-1]
    elif "&" in source[-34:] and (
        found := _OPEN_REFERENCE_AT_END.search(text, max(0, len(text) - 34))
    ):
        start, char = found.start(), "&"
    else:
        return text
    following = next_char()
    if following in _CONTINUES[char] or (following is None and char != "&"):
        return text
    return text[:start] + text[start + 1 :]


def keep_escape(char: str) -> str | None:
    """The stand-in for an escaped `char` of Markdown source, if it is one that is kept."""
    return _KEPT_ESCAPES.get(char)


def _holds_any(text: str, characters: str) -> bool:
    """Whether `text` holds one of `characters`: one C scan each (a whole input or output is
    scanned; a character-class search is many times slower, see the perf pass, part 4)."""
    return any(map(text.__contains__, characters))


def drop_escape_marks(text: str) -> str:
    """`text` (input) without characters that would read as kept escapes (noncharacters)."""
    return _ESCAPE_MARKS.sub("", text) if _holds_any(text, _ESCAPE_MARK_CHARS) else text


def unmark_escapes(text: str) -> str:
    """`text` with the stand-ins of kept escapes that no text node wrote back as bare characters."""
    if _holds_any(text, _ESCAPE_MARK_CHARS):
        return _ESCAPE_MARKS.sub(lambda m: _ESCAPED_CHARS[m.group()], text)
    return text


def resolve_emphasis_markers(markdown: str, render: Callable[[str], str]) -> str:
    """Replace the markers by `*`/`_`, escaped only in paragraphs where they would pair, and
    the inline HTML tokens by their tags.

    `render` renders Markdown to HTML; a paragraph is safe bare when it renders the same bare
    and escaped.
    """
    if not _holds_any(markdown, _MARK_CHARS):
        return markdown
    return "\n\n".join(_resolve_chunk(chunk, render) for chunk in markdown.split("\n\n"))


def _resolve_chunk(chunk: str, render: Callable[[str], str]) -> str:
    if _TAG_OPEN in chunk or _TAG_CLOSE in chunk:
        chunk = _resolve_html_tokens(chunk)
    if not _EMPHASIS_MARKS.search(chunk):
        return chunk
    bare = chunk.replace(STAR_MARK, "*").replace(UNDERSCORE_MARK, "_")
    if not _markers_may_pair(chunk, bare) or _markers_cannot_pair(chunk, bare):
        return bare
    rendered = render(bare)
    if "*" not in chunk and "_" not in chunk and not _STRUCTURE_TAG.search(rendered):
        # Every `*`/`_` is a marker and none formed emphasis, a list or a rule: bare is the
        # same text as escaped (one render instead of two, for most paragraphs that get here).
        return bare
    escaped = chunk.replace(STAR_MARK, "\\*").replace(UNDERSCORE_MARK, "\\_")
    return bare if rendered == render(escaped) else escaped


# What `*`/`_` can make of text besides itself: emphasis, a list item, a thematic break.
_STRUCTURE_TAG = re.compile(r"<(?:em|strong|li|hr)\b")


def _markers_may_pair(chunk: str, bare: str) -> bool:
    """Whether a delimiter run holding a marker can open or close emphasis at all (CommonMark
    flanking rules); when none can, writing them bare is safe without rendering."""
    for match in _EMPHASIS_RUN.finditer(bare):
        if not _EMPHASIS_MARKS.search(chunk, match.start(), match.end()):
            continue
        before = bare[match.start() - 1] if match.start() > 0 else " "
        after = bare[match.end()] if match.end() < len(bare) else " "
        if _can_form_emphasis(match.group(0), before, after):
            return True
    return False


# A line's leading characters that may make or contain a block start (container markers, list
# markers, a rule): a `*`/`_` among them may start a list item or a rule, or sit right after a
# container marker (whose neighbour markdown-it sees as the line start). Possessive: linear.
_LINE_PREFIX = re.compile(r"^(?:[ \t>+*_-]|\d{1,9}[.)])*+", re.MULTILINE)
_NOT_DECIDED = ("`", "<", "~~~", "\t", "    ")


def _markers_cannot_pair(chunk: str, bare: str) -> bool:
    """Whether no marker can take part in emphasis, a list item or a rule, decided without
    rendering (CommonMark's delimiter rules): no marker is in a line's leading block-start
    characters, every run holding a marker is all markers and follows no backslash, and no
    marker run can open before or close after another run of its character. Escaping such
    markers changes no other run's neighbours (`*`, `_` and `\\` are all punctuation), so bare
    and escaped render alike. False when unsure (the caller renders), and for any backtick,
    `<`, `~~~`, tab or four spaces: a marker in a code span, raw HTML, an autolink or code
    block renders its escape."""
    if any(sign in bare for sign in _NOT_DECIDED):
        return False
    for prefix in _LINE_PREFIX.finditer(bare):
        if prefix.end() > prefix.start() and _EMPHASIS_MARKS.search(chunk, *prefix.span()):
            return False
    opener_seen = {"*": False, "_": False}  # a run of the character that can open
    marker_opener_seen = {"*": False, "_": False}  # a marker run of it that can open
    for match in _EMPHASIS_RUN.finditer(bare):
        start, end = match.span()
        before = bare[start - 1] if start > 0 else " "
        after = bare[end] if end < len(bare) else " "
        char = match.group(0)[0]
        opens, closes = _opens_closes(char, before, after)
        markers = len(_EMPHASIS_MARKS.findall(chunk, start, end))
        if markers and (markers != end - start or before == "\\"):
            return False
        # Emphasis pairs an opener with a later closer of the same character: none may
        # involve a marker run (the rule of three and nesting only forbid more pairs).
        if closes and (marker_opener_seen[char] or (markers and opener_seen[char])):
            return False
        opener_seen[char] = opener_seen[char] or opens
        marker_opener_seen[char] = marker_opener_seen[char] or bool(markers and opens)
    return True


def _resolve_html_tokens(chunk: str) -> str:
    """The tokens of a paragraph as tags when they nest properly; otherwise (an element cut
    by a block boundary) none is written, and the text stays without the emphasis."""
    written = _HTML_TOKEN.sub(r"<\1\2>" if _tokens_nest(chunk) else "", chunk)
    return written.replace(_TAG_OPEN, "").replace(_TAG_CLOSE, "")  # an input's own ones


def _tokens_nest(chunk: str) -> bool:
    open_names: list[str] = []
    for match in _HTML_TOKEN.finditer(chunk):
        closing, name = match.groups()
        if not closing:
            open_names.append(name)
        elif not open_names or open_names.pop() != name:
            return False
    return not open_names


_RULE_LINE = re.compile(r"([*_\-])(?:[ \t]*\1){2,}[ \t]*")


def escape_line_start(text: str) -> str:
    """Escape a block marker at the start of `text`, which begins a Markdown line."""
    plain = text.replace(STAR_MARK, "*").replace(UNDERSCORE_MARK, "_")
    if _RULE_LINE.fullmatch(plain) or (plain[:1] == "*" and plain[1:2] in ("", " ", "\t")):
        # `* item` or `* * *`: the first character, written escaped (not as a marker)
        return "\\" + plain[0] + text[1:]
    match = _LINE_START.match(text)
    if not match:
        return text
    if match.group(4):  # `1.` / `1)`: the delimiter is what must be escaped
        return text[: match.end(4)] + "\\" + text[match.end(4) :]
    return "\\" + text


def escape_destination(url: str) -> str:
    """A link or image destination that renders to the URL a browser reads from `url`: edge
    whitespace and tabs/newlines removed (URL parsing drops them), anything else kept."""
    url = normalize(url)
    if not url.isprintable():  # (controls, U+FFFE and U+FFFF are not)
        url = encode_controls(url)
    url = url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return url.replace("\\", "%5C").replace("(", "\\(").replace(")", "\\)")


def escape_title(title: str) -> str:
    """A link or image title for the `"…"` form."""
    title = " ".join(title.split())
    return title.replace("\\", "\\\\").replace('"', '\\"')


def escape_label(text: str) -> str:
    """Image alt text: one line, brackets and backslashes escaped."""
    text = " ".join(text.split())
    return _escape_emphasis(_LABEL_SPECIAL.sub(r"\\\1", text))


_LABEL_SPECIAL = re.compile(r"([\\\[\]`<])")
