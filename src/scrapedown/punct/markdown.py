"""`normalize_markdown_text`: the rules on the text of a Markdown document.

Blocks first (code and HTML blocks are skipped, block prefixes hidden), then each paragraph's
inline syntax is turned into segments, and each line that could change runs through the same
engine as plain text. The syntax a conversion would create is escaped (`escape.py`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from scrapedown.punct.blocks import text_groups
from scrapedown.punct.candidates import Lines, candidate_lines, document_may_change
from scrapedown.punct.engine import normalize_line
from scrapedown.punct.escape import finish_markdown_line, hiding_block_start
from scrapedown.punct.inline import tokenize
from scrapedown.punct.options import PunctOptions
from scrapedown.punct.rules import Pass
from scrapedown.punct.segments import Line, Segment
from scrapedown.punct.text import until_stable

#: A GFM table delimiter row (``|---|:--:|``): the paragraph above it is a table.
_TABLE_DELIMITER_ROW_RE = re.compile(  # at line starts only (matched at one): linear scans
    r"(?<![^\n])[ \t]*+(?=[^\n]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$"
)


def normalize_markdown_text(
    markdown: str, options: PunctOptions, *, check_lines: bool = True
) -> str:
    """Normalise a Markdown document; the input object itself is returned when nothing changes.

    ``check_lines=False`` disables the cheap candidate tests (see `normalize_text`).
    """
    return until_stable(
        lambda current: normalize_markdown_once(current, options, check_lines), markdown
    )


def normalize_markdown_once(markdown: str, options: PunctOptions, check_lines: bool = True) -> str:
    """One run of the rules over the document (`normalize_markdown_text` repeats it)."""
    if not options.enabled or (check_lines and not document_may_change(markdown, options)):
        return markdown
    candidates = _line_numbers(
        markdown, candidate_lines(markdown, options, markdown=True, every_line=not check_lines)
    )
    if not candidates:
        return markdown
    lines = markdown.split("\n")
    endings = ["\r" if line.endswith("\r") else "" for line in lines] if "\r" in markdown else []
    if endings:
        lines = [line[: len(line) - len(end)] for line, end in zip(lines, endings, strict=True)]
    changed = False
    emptied: set[int] = set()
    for group in text_groups(lines, last=max(candidates)):
        if not any(index in candidates for index, _ in group):
            continue
        contents = [lines[index][prefix:] for index, prefix in group]
        paragraph = "\n".join(contents)
        run = Pass(
            options,
            markdown=True,
            in_table=any(_TABLE_DELIMITER_ROW_RE.match(content) for content in contents[1:]),
            open_link="](" in paragraph,
        )
        for (index, prefix), segments in zip(group, _split_lines(tokenize(paragraph)), strict=True):
            if index in candidates:
                new = _normalized(lines[index][prefix:], segments, run)
                if new is not None:
                    line = lines[index][:prefix] + new
                    # a line emptied (of U+3000, of zero-width characters) keeps no spaces
                    lines[index] = line if line.strip() else ""
                    if not line.strip():
                        emptied.add(index)
                    changed = True
        _escape_block_starts_after_emptied(lines, group)
    if not changed:
        return markdown
    if emptied:
        lines, endings = _without_extra_blanks(lines, endings, emptied)
    if endings:
        lines = [line + ending for line, ending in zip(lines, endings, strict=True)]
    return "\n".join(lines)


def _escape_block_starts_after_emptied(lines: list[str], group: list[tuple[int, int]]) -> None:
    """A line continuing a paragraph after a line the rules emptied (blank now after its
    prefix: every line of a group held text) starts a block now: the link reference
    definition or numbered item it would start (`\u3000` + newline + `[g]:h` or `2) m`,
    text before) is escaped. (A numbered line ends the group even when it cannot interrupt
    the paragraph: the line after the group is looked at too.)"""
    for (before, before_prefix), (index, prefix) in pairwise(group):
        if not lines[before][before_prefix:].strip():
            lines[index] = escape_block_start(lines[index], prefix)
    last, prefix = group[-1]
    after = last + 1
    emptied_last = after < len(lines) and not lines[last][prefix:].strip()
    if emptied_last and lines[after][:prefix] == lines[last][:prefix]:
        lines[after] = escape_block_start(lines[after], prefix)


def escape_block_start(line: str, prefix: int = 0) -> str:
    """`line` with a `\\` where its text after `prefix`, a paragraph's continuation line,
    would start a block that hides text (`punct.escape.hiding_block_start`): text that was a
    paragraph's stays so."""
    at = hiding_block_start(line[prefix:], after_paragraph=True)
    return line if at is None else line[: prefix + at] + "\\" + line[prefix + at :]


def stripped_continuation(before: str, after: str) -> str:
    """`after`, which is `before` without its leading blank lines, with its first line kept
    from starting a block that hides text when that line continued a paragraph in `before`:
    when the last line stripped held characters other than spaces and tabs (U+3000, U+00A0,
    zero-width ones), which CommonMark reads as a paragraph's line."""
    if not after or len(after) == len(before):
        return after
    stripped = before[: before.find(after)].rstrip("\n")
    last_line = stripped[stripped.rfind("\n") + 1 :]
    return escape_block_start(after) if last_line.strip(" \t") else after


def _without_extra_blanks(
    lines: list[str], endings: list[str], emptied: set[int]
) -> tuple[list[str], list[str]]:
    """`lines` without the emptied ones that stand next to a blank line or at an edge of the
    document: a blank line there would be a second one (or a leading one), which the next run
    (splitting the body, joining its parts one blank line apart) would not write again."""
    kept: list[int] = []
    for index in range(len(lines)):
        if index in emptied:
            after = lines[index + 1] if index + 1 < len(lines) else ""
            if not kept or not lines[kept[-1]].strip() or not after.strip():
                continue
        kept.append(index)
    return [lines[i] for i in kept], [endings[i] for i in kept] if endings else endings


def _normalized(old: str, segments: list[Segment], run: Pass) -> str | None:
    """The line's new text, or None when the rules leave it as it is."""
    line = Line(segments)
    normalize_line(line, run)
    if line.raw == old:
        return None
    return finish_markdown_line(line, old)


def _split_lines(segments: list[Segment]) -> list[list[Segment]]:
    """Cut a paragraph's segments at its line breaks."""
    lines: list[list[Segment]] = [[]]
    for kind, text in segments:
        parts = text.split("\n")
        for number, part in enumerate(parts):
            if number:
                lines.append([])
            if part:
                lines[-1].append((kind, part))
    return lines


def _line_numbers(text: str, lines: Lines) -> set[int]:
    """Line numbers of (start, end) line offsets given in order."""
    numbers: set[int] = set()
    number = pos = 0
    for start, _ in lines:
        number += text.count("\n", pos, start)
        pos = start
        numbers.add(number)
    return numbers
