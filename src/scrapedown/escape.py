"""Markdown escaping only where text would otherwise become Markdown syntax.

No `\\_` in `snake_case` or `从1到N_灯塔工厂_`, no `2\\*3`, but `*word*`, `<tag>`, `[x](y)`,
line-start `#`, `>`, `-`, `1.` are escaped.

Whether a `*` or `_` of the text would pair into emphasis depends on the whole paragraph, not on
its text node, so text `*`/`_` are first written as markers (two Unicode noncharacters) and
`resolve_emphasis_markers` decides per paragraph: if writing them bare renders exactly like
writing them escaped, they stay bare; otherwise they are escaped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_EMPHASIS_RUN = re.compile(r"\*+|_+")
_ALWAYS = re.compile(r"([\\`])")
_BACKSLASH_BEFORE_PUNCT = re.compile(r"\\(?=[!-/:-@\[-`{-~]|$)")
_TILDES = re.compile(r"~{2,}|^~|~$")  # a `~` at a node edge may meet `~~` of <del>
_ANGLE = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
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
    left, right = _flanking(before, after)
    if run[0] == "*":
        return left or right
    opens = left and (not right or _is_punct(before))
    closes = right and (not left or _is_punct(after))
    return opens or closes


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
_MARKS = re.compile("[\ufdd0\ufdd1]")


def escape_text(text: str, *, in_link: bool = False, in_table: bool = False) -> str:
    """Escape one text node for Markdown inline context (`*`/`_` become markers)."""
    if not text:
        return text
    text = _BACKSLASH_BEFORE_PUNCT.sub(r"\\\\", _MARKS.sub("", text))
    text = text.replace("`", "\\`")
    if "*" in text or "_" in text:
        text = text.replace("*", STAR_MARK).replace("_", UNDERSCORE_MARK)
    if "~" in text:
        text = _TILDES.sub(lambda m: "\\~" * len(m.group(0)), text)
    if "<" in text:
        text = _ANGLE.sub(r"\\<", text)
    if "&" in text:
        text = _ENTITY.sub(r"\\&", text)
    if "[" in text or "]" in text:
        text = _BRACKETS.sub(r"\\\1", text) if in_link else _CLOSE_BRACKET.sub(r"\\]", text)
    if in_table and "|" in text:
        text = text.replace("|", "\\|")
    return text


def resolve_emphasis_markers(markdown: str, render: Callable[[str], str]) -> str:
    """Replace the markers by `*`/`_`, escaped only in paragraphs where they would pair.

    `render` renders Markdown to HTML; a paragraph is safe bare when it renders the same bare
    and escaped.
    """
    if not _MARKS.search(markdown):
        return markdown
    return "\n\n".join(_resolve_chunk(chunk, render) for chunk in markdown.split("\n\n"))


def _resolve_chunk(chunk: str, render: Callable[[str], str]) -> str:
    if not _MARKS.search(chunk):
        return chunk
    bare = chunk.replace(STAR_MARK, "*").replace(UNDERSCORE_MARK, "_")
    if not _markers_may_pair(chunk, bare):
        return bare
    escaped = chunk.replace(STAR_MARK, "\\*").replace(UNDERSCORE_MARK, "\\_")
    return bare if render(bare) == render(escaped) else escaped


def _markers_may_pair(chunk: str, bare: str) -> bool:
    """Whether a delimiter run holding a marker can open or close emphasis at all (CommonMark
    flanking rules); when none can, writing them bare is safe without rendering."""
    for match in _EMPHASIS_RUN.finditer(bare):
        if not _MARKS.search(chunk, match.start(), match.end()):
            continue
        before = bare[match.start() - 1] if match.start() > 0 else " "
        after = bare[match.end()] if match.end() < len(bare) else " "
        if _can_form_emphasis(match.group(0), before, after):
            return True
    return False


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
    """A link or image destination that renders to `url` exactly, whatever it contains."""
    url = url.strip().replace("\n", "").replace("\r", "")
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
