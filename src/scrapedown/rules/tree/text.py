"""Text rule: non-breaking spaces become spaces, zero-width characters go (not in code)."""

from __future__ import annotations

import re

from scrapedown.options import Options
from scrapedown.parse.tree import Element, elements
from scrapedown.punct.tables import EMOJI_CLASS, ZWJ
from scrapedown.tags import VERBATIM

# U+200D goes too, except between emoji (it builds their sequences), as in `punct`: left in
# the tree, it went only after conversion, leaving the space after it at a line start.
_SPECIAL = re.compile(
    f"[\u00a0\u200b\u200c\u2060\ufeff]|(?<![{EMOJI_CLASS}]){ZWJ}|{ZWJ}(?![{EMOJI_CLASS}])"
)
_REPLACEMENT = {"\u00a0": " "}


def _fix(text: str | None) -> str | None:
    if not text or not _SPECIAL.search(text):
        return text
    return _SPECIAL.sub(lambda m: _REPLACEMENT.get(m.group(0), ""), text)


def cleaned_text(text: str) -> str:
    """`text` as this rule leaves text: for text a later rule makes (a link's target)."""
    return _fix(text) or ""


def clean_text_whitespace(root: Element, options: Options) -> None:
    """U+00A0 → space and zero-width characters dropped in every text outside code."""
    verbatim = {node for code in elements(root, *VERBATIM) for node in code.iter()}
    for element in elements(root):
        if element not in verbatim:
            element.text = _fix(element.text)
        if element.getparent() not in verbatim:
            element.tail = _fix(element.tail)
    root.text = _fix(root.text)
