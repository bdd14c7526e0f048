"""Stage 7 (layout part): blank lines and trailing spaces of converted Markdown, never inside
fenced code, whose content is verbatim."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t>*+\-\d.)]*?(`{3,}|~{3,})")
_BLANK_EDGES = re.compile(r"\A(?:[ \t]*\n)+|(?:\n[ \t]*)+\Z")
_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.MULTILINE)  # what str.rstrip removes
_BLANK_RUN = re.compile(r"\n{3,}")


def tidy_markdown(markdown: str) -> str:
    """One blank line between blocks, no trailing spaces, no blank lines at either end."""
    if "```" not in markdown and "~~~" not in markdown:  # no fence: two regex passes suffice
        return strip_blank_edges(_BLANK_RUN.sub("\n\n", _TRAILING_SPACE.sub("", markdown)))
    return _tidy_lines(markdown)


def _tidy_lines(markdown: str) -> str:
    out: list[str] = []
    fence = ""
    blank_run = 0
    for line in markdown.split("\n"):
        if fence:
            out.append(line)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            continue
        stripped = line.rstrip()
        if not stripped:
            blank_run += 1
            if blank_run == 1:
                out.append("")
            continue
        blank_run = 0
        out.append(stripped)
        opening = _FENCE.match(stripped)
        if opening:
            fence = opening.group(1)
    return strip_blank_edges("\n".join(out))


def strip_blank_edges(text: str) -> str:
    """`text` without blank lines at its start and end."""
    return _BLANK_EDGES.sub("", text)
