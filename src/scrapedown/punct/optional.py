"""Optional rules (docs/punctuation.md#optional-rules), all off by default; each one is a
`PunctOptions` switch.

Their outputs stay outside the domains of the default rules, and none of them creates or removes
a CJ character or a letter, so the line flags and idempotency hold with any combination on.
"""

from __future__ import annotations

import re

from scrapedown.chars import HAN_CLASS
from scrapedown.punct import tables as t
from scrapedown.punct.context import LineFlags
from scrapedown.punct.rules import Pass, joins_into_syntax
from scrapedown.punct.segments import Edit, Line

_HAN = HAN_CLASS
_INTERPUNCT_RE = re.compile(f"(?<=[{_HAN}])[{t.INTERPUNCT_VARIANTS}](?=[{_HAN}])")
_ASCII_PUNCT_AFTER_CJ_RE = re.compile(f"(?<=[{t.CJ_CLASS}])[,.;:!?](?=[{t.CJ_CLASS}]|$)")
_SPACE_NEAR_PUNCT_RE = re.compile(
    f"(?<=\\S)[ \\t]+(?=[{t.TRIMMED_AROUND}])|(?<=[{t.TRIMMED_AROUND}])[ \\t]+(?=\\S)"
)
_CJ_LATIN_BOUNDARY_RE = re.compile(
    f"(?<=[{t.CJ_CLASS}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{t.CJ_CLASS}])"
)


def small_form_variants(line: Line, run: Pass, flags: LineFlags) -> None:
    """``﹐﹑﹒﹔﹕﹖﹗`` -> ``，、．；：？！`` on CJ lines (Big5 legacy)."""
    if run.options.small_form_variants and flags.cj:
        line.translate(t.SMALL_FORM_MAP)


def yen_sign(line: Line, run: Pass) -> None:
    """``￥`` -> ``¥``."""
    if run.options.yen_sign and t.FULLWIDTH_YEN in line.view:
        line.translate({ord(t.FULLWIDTH_YEN): t.YEN})


def zh_interpunct(line: Line, run: Pass) -> None:
    """``・‧•`` between two Han characters -> ``·`` (clreq; would break Japanese)."""
    if run.options.zh_interpunct:
        line.apply([(*m.span(), t.CHINESE_INTERPUNCT) for m in _INTERPUNCT_RE.finditer(line.view)])


def ascii_punct_to_fullwidth(line: Line, run: Pass) -> None:
    """``,.;:!?`` after a CJ character, before a CJ character or the line end -> full width."""
    if run.options.ascii_punct_to_fullwidth:
        line.apply(
            [
                (*m.span(), t.ASCII_TO_FULLWIDTH_MAP[m.group()])
                for m in _ASCII_PUNCT_AFTER_CJ_RE.finditer(line.view)
            ]
        )


def ascii_quotes_to_cjk(line: Line, run: Pass, flags: LineFlags) -> None:
    """An even number of editable ASCII ``"`` on a CJ line -> alternating ``“`` ``”``."""
    if not (run.options.ascii_quotes_to_cjk and flags.cj and '"' in line.view):
        return
    positions = [p for p, ch in enumerate(line.view) if ch == '"' and line.editable(p, p + 1)]
    if len(positions) % 2 == 0:
        line.apply([(p, p + 1, "”" if i % 2 else "“") for i, p in enumerate(positions)])


def trim_space_around_fullwidth_punct(line: Line, run: Pass) -> None:
    """Mid-line ASCII spaces next to ``，。（）`` and similar are deleted, except next to
    Markdown syntax (``**注意：** 正文`` keeps its space: it is what makes the bold render)."""
    if not run.options.trim_space_around_fullwidth_punct:
        return
    edits: list[Edit] = [
        (m.start(), m.end(), "")
        for m in _SPACE_NEAR_PUNCT_RE.finditer(line.view)
        if not (line.hidden_at(m.start()) or line.hidden_at(m.end()))
        and not joins_into_syntax(line, m.start(), m.end())
    ]
    line.apply(edits)


def cjk_latin_spacing(line: Line, run: Pass) -> None:
    """One space where a CJ character touches an ASCII letter or digit (pangu style)."""
    if not run.options.cjk_latin_spacing:
        return
    edits: list[Edit] = [
        (m.start(), m.start(), " ")
        for m in _CJ_LATIN_BOUNDARY_RE.finditer(line.view)
        if not line.hidden_at(m.start())
    ]
    line.apply(edits)
