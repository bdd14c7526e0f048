"""Text rule: non-breaking spaces become spaces, zero-width characters go (not in code)."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

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
_CHARACTERS = "\u00a0\u200b\u200c\u2060\ufeff" + ZWJ  # every character `_SPECIAL` matches


def _fix(text: str | None) -> str | None:
    if not text or not _SPECIAL.search(text):
        return text
    return _SPECIAL.sub(lambda m: _REPLACEMENT.get(m.group(0), ""), text)


def cleaned_text(text: str) -> str:
    """`text` as this rule leaves text: for text a later rule makes (a link's target)."""
    return _fix(text) or ""


def clean_text_whitespace(root: Element, options: Options) -> None:
    """U+00A0 → space and zero-width characters dropped in every text outside code (the text
    of every element under `root`, and of `root` itself, and their tails)."""
    # The whole text once (in C) says which of the characters occur, if any (most articles
    # hold a few `&nbsp;` and nothing else); libxml2 then finds the text nodes holding them.
    content = etree.tostring(root, method="text", encoding=str, with_tail=False)
    present = "".join(c for c in _CHARACTERS if c in content)
    if not present:
        return
    verbatim = {node for code in elements(root, *VERBATIM) for node in code.iter()}
    for text in _texts_holding(present)(root):  # "smart" strings: each knows its element
        owner = text.getparent()
        if not isinstance(owner.tag, str):
            continue  # a comment's tail: left as it was (no rule reads it)
        if text.is_tail:
            if owner.getparent() not in verbatim:
                owner.tail = _fix(owner.tail)
        elif owner not in verbatim:
            owner.text = _fix(owner.text)


@lru_cache(maxsize=64)
def _texts_holding(characters: str) -> etree.XPath:
    """The text nodes under an element (its text, its descendants' texts and tails) holding
    one of `characters`, in document order."""
    tests = " or ".join(f"contains(., '{c}')" for c in characters)
    return etree.XPath(f"descendant::text()[{tests}]")
