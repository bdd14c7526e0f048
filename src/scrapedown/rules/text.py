"""Text rule: non-breaking spaces become spaces, zero-width characters go (not in code)."""

from __future__ import annotations

import re

from lxml import etree

from scrapedown.html import VERBATIM
from scrapedown.options import Options
from scrapedown.tree import Element

_SPECIAL_CHARS = "\u00a0\u200b\u200c\u2060\ufeff"
_SPECIAL = re.compile(f"[{_SPECIAL_CHARS}]")
_REPLACEMENT = {"\u00a0": " "}


def _fix(text: str | None) -> str | None:
    if not text or not _SPECIAL.search(text):
        return text
    return _SPECIAL.sub(lambda m: _REPLACEMENT.get(m.group(0), ""), text)


def clean_text_whitespace(root: Element, options: Options) -> None:
    """U+00A0 → space and zero-width characters dropped in every text outside code."""
    for text in _TEXTS_TO_FIX(root):  # libxml2 finds the few texts that need it
        owner = text.getparent()
        container = owner.getparent() if text.is_tail else owner
        if _in_verbatim(container, root):
            continue
        if text.is_tail:
            owner.tail = _fix(owner.tail)
        else:
            owner.text = _fix(owner.text)


def _in_verbatim(element: Element | None, root: Element) -> bool:
    while element is not None:
        if element.tag in VERBATIM:
            return True
        if element is root:
            return False
        element = element.getparent()
    return False


_ANY_SPECIAL = " or ".join(f'contains(., "{c}")' for c in _SPECIAL_CHARS)
_TEXTS_TO_FIX = etree.XPath(f"descendant-or-self::text()[{_ANY_SPECIAL}]")
