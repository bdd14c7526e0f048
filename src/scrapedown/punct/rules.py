"""Context-free conversions (docs/punctuation.md#always) and the whitespace clean-up, one
function per rule.

Each rule takes the `Line` and a `Pass` (options + whether the text is Markdown) and edits the
line's view. The order is the spec's: half-width forms, letters and digits, ideographic spaces,
ASCII-only symbols, hyphens. Every output character lies outside its rule's domain, which is what
makes the whole normaliser idempotent (docs/punctuation.md#idempotency).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from scrapedown.punct import tables as t
from scrapedown.punct.escape import markdown_replacement, starts_block
from scrapedown.punct.options import PunctOptions
from scrapedown.punct.segments import EDIT, HIDE, KEEP, Edit, Line, Replacement


@dataclass(frozen=True)
class Pass:
    """What one normalisation run needs to know besides the text."""

    options: PunctOptions
    markdown: bool
    in_table: bool = False
    """The Markdown paragraph is a GFM table (there, ``|`` must be escaped)."""
    open_link: bool = False
    """The Markdown paragraph has a ``](`` that a new ``)`` could close (then it is escaped)."""

    def converted(self, line: Line, start: int, end: int, text: str) -> Replacement:
        """Replacement text, escaped when the input is Markdown and it would become syntax."""
        if not self.markdown:
            return text
        return markdown_replacement(
            line, start, end, text, in_table=self.in_table, open_link=self.open_link
        )


_ZERO_WIDTH_RE = re.compile(
    f"(?:[{t.ZERO_WIDTH}]|(?<![{t.EMOJI_CLASS}]){t.ZWJ}|{t.ZWJ}(?![{t.EMOJI_CLASS}]))+"
)
_ANY_ZERO_WIDTH_RE = re.compile(f"[{t.ZERO_WIDTH}{t.ZWJ}]")
_FULLWIDTH_ALNUM_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_HALFWIDTH_RE = re.compile(f"[{t.HALFWIDTH_FORMS}]+")
# A run starts at its first U+3000 (or U+00A0); the ASCII blanks before it are added after the
# search, so that the pattern starts with a character set the regex engine scans for quickly.
_SPACE_RUN_RE = re.compile("\u3000[ \t\u3000]*")
_SPACE_RUN_WITH_NBSP_RE = re.compile("[\u3000\u00a0][ \t\u3000\u00a0]*")
_SPACE_EATING_RE = re.compile(f"[{t.SPACE_EATING_CLASS}]")
_SYMBOL_RE = re.compile(f"[{t.ASCII_ONLY_SYMBOLS}]")
_HYPHEN_RUN_RE = re.compile(f"{t.FULLWIDTH_HYPHEN}+")
_ASCII_ALNUM_RE = re.compile("[A-Za-z0-9]")


#: Raw neighbours that a deletion must not bring together: they would make syntax (a longer
#: backtick run, ``](``, an escape, a tag) and change what is protected on the next run.
_JOINS_INTO_SYNTAX_RE = re.compile(
    r"``|\*\*|__|~~|\]\(|\]\[|!\[|\\[!-/:-@\[-`{-~]|<[A-Za-z/!?]|&[A-Za-z0-9#]"
)


def joins_into_syntax(line: Line, start: int, end: int) -> bool:
    """Whether deleting view[start:end] would put two raw characters together as syntax."""
    before, after = line.raw_before(start), line.raw_after(end)
    return bool(before and after and _JOINS_INTO_SYNTAX_RE.fullmatch(before + after))


def drop_zero_width(line: Line, run: Pass) -> None:
    """Zero-width characters go; U+200D stays only between emoji (it builds emoji sequences).

    In Markdown a run touching syntax stays: ``**text \u200d**`` is bold only because the
    invisible character keeps the closing ``**`` away from the space.
    """
    if run.options.nbsp_and_zero_width and _ANY_ZERO_WIDTH_RE.search(line.view):
        line.apply(
            [
                (*m.span(), "")
                for m in _ZERO_WIDTH_RE.finditer(line.view)
                if not (run.markdown and (line.hidden_at(m.start()) or line.hidden_at(m.end())))
                and not joins_into_syntax(line, *m.span())
                and not (run.markdown and m.start() == 0 and _INDENT_RE.match(line.view, m.end()))
            ]
        )


# A tab or four spaces: a line starting with it after a deletion would be a code block
# (`\u200b\t&#203;` is a paragraph showing `Ë`; without the U+200B it shows `&#203;` as code).
# Then content (else the line is blank). The lookbehind starts a search only at the start of a
# run of blanks: linear (used with `match` right after the zero-width run).
_INDENT_RE = re.compile(r"(?<![ \t])(?: {0,3}\t| {4})[ \t]*+\S")


def compose_halfwidth_forms(line: Line, run: Pass) -> None:
    """U+FF61–FFDC runs -> NFKC of the run only: ``ｶﾞ`` -> ``ガ``, ``｡｢｣､`` -> ``。「」、``."""
    line.apply(
        [
            (*m.span(), unicodedata.normalize("NFKC", m.group()))
            for m in _HALFWIDTH_RE.finditer(line.view)
        ]
    )


def convert_alnum(line: Line, run: Pass) -> None:
    """Full-width letters and digits -> ASCII, always (clreq: avoid storing them). In Markdown,
    a literal `<` before a converted letter is escaped (`<Ｂ` -> `\\<B`), as the converter
    writes a `<` before a letter: left bare, the next pass converting the paragraph (it holds
    inline HTML) escapes it."""
    if not _FULLWIDTH_ALNUM_RE.search(line.view):
        return
    if run.markdown and "<" in line.view:
        line.apply(
            [
                (m.start(), m.end(), ((HIDE, "\\"), (KEEP, "<"), (EDIT, m.group(1))))
                for m in _ANGLE_FULLWIDTH_LETTER_RE.finditer(line.view)
                if not line.hidden_at(m.start() + 1)
            ]
        )
    line.translate(t.FULLWIDTH_ALNUM)


_ANGLE_FULLWIDTH_LETTER_RE = re.compile("<([\uff21-\uff3a\uff41-\uff5a])")


def resolve_inner_space_runs(line: Line, run: Pass) -> None:
    """Runs of spaces holding U+3000 (or U+00A0), except at the line start: gone at the line
    end and next to punctuation, one space elsewhere; a mid-line U+00A0 without U+3000 becomes
    one space per character."""
    line.apply([edit for edit in _space_run_edits(line, run) if edit[0] > 0])


def resolve_leading_space_run(line: Line, run: Pass) -> None:
    """The run at the line start is indentation and goes, decided last, on the rest of the line
    as it will be: in Markdown it stays when the line would otherwise start a block (``- ``,
    ``#``, ``<div>``)."""
    leading = [edit for edit in _space_run_edits(line, run) if edit[0] == 0]
    if leading and run.markdown and starts_block(line.raw_from(leading[0][1])):
        return
    line.apply(leading)


def _space_run_edits(line: Line, run: Pass) -> list[Edit]:
    pattern = _SPACE_RUN_WITH_NBSP_RE if run.options.nbsp_and_zero_width else _SPACE_RUN_RE
    view = line.view
    edits: list[Edit] = []
    for match in pattern.finditer(view):
        start, end = match.span()
        while start > 0 and view[start - 1] in " \t":
            start -= 1
        # hidden syntax inside the run (`) **\u3000<em>`: the `**`) splits it, as in
        # `convert_hyphens`: each side is decided beside the syntax it touches
        cuts = [p for p in range(start + 1, end) if line.hidden_at(p)]
        for piece in zip([start, *cuts], [*cuts, end], strict=True):
            edits.append((*piece, _space_run_replacement(line, run, *piece)))
    return edits


def _space_run_replacement(line: Line, run: Pass, start: int, end: int) -> str:
    view = line.view
    if joins_into_syntax(line, start, end) or (
        run.markdown and _beside_delimiter(line, start, end)
    ):
        return " "
    if start == 0 or end == len(view):
        return ""
    if "\u3000" not in view[start:end]:
        return view[start:end].replace(t.NBSP, " ")
    if _SPACE_EATING_RE.match(view, start - 1) or _SPACE_EATING_RE.match(view, end):
        return ""
    return " "


def _beside_delimiter(line: Line, start: int, end: int) -> bool:
    """Whether a space run touches an emphasis or strikethrough delimiter (`**\u3000<em>文`):
    CommonMark reads a delimiter beside whitespace differently (U+3000 is whitespace to it), so
    deleting the run could make a literal `**` open emphasis on the next run."""
    return line.raw_before(start) in _DELIMITERS or line.raw_after(end) in _DELIMITERS


_DELIMITERS = frozenset("*_~")


def convert_symbols(line: Line, run: Pass) -> None:
    """``＃＄％＆＊＋／＜＝＞＠＼＾＿｜`` -> ASCII, always (escaped in Markdown where needed)."""
    if not _SYMBOL_RE.search(line.view):
        return
    if not run.markdown:
        line.translate(t.ASCII_ONLY_MAP)
        return
    line.apply(
        [
            (*m.span(), run.converted(line, m.start(), m.end(), t.ASCII_ONLY_MAP[ord(m.group())]))
            for m in _SYMBOL_RE.finditer(line.view)
        ]
    )


def convert_hyphens(line: Line, run: Pass) -> None:
    """``－－`` between non-alphanumerics is a dash ``——``; every other ``－`` is ``-``."""
    view = line.view
    edits: list[Edit] = []
    for match in _HYPHEN_RUN_RE.finditer(view):
        # hidden syntax inside the run (`－<br>－`) splits it: no dash spans a tag
        cuts = [p for p in range(match.start() + 1, match.end()) if line.hidden_at(p)]
        for start, end in zip([match.start(), *cuts], [*cuts, match.end()], strict=True):
            count = end - start
            alnum_before = start > 0 and _ASCII_ALNUM_RE.match(view, start - 1)
            alnum_after = _ASCII_ALNUM_RE.match(view, end)
            if count >= 2 and not alnum_before and not alnum_after:
                edits.append((start, end, t.EM_DASH * count))
            else:
                edits.append((start, end, run.converted(line, start, end, "-" * count)))
    line.apply(edits)
