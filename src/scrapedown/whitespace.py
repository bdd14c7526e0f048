"""Stage 7 (layout part): blank lines and trailing spaces of converted Markdown, never inside
fenced code, whose content is verbatim."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t>*+\-\d.)]*?(`{3,}|~{3,})")
_BLANK_EDGES = re.compile(r"\A(?:[ \t]*\n)+|(?:\n[ \t]*)+\Z")


def tidy_markdown(markdown: str) -> str:
    """One blank line between blocks, no trailing spaces, no blank lines at either end."""
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
