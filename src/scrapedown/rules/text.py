"""Text-node rule: non-breaking spaces become spaces, zero-width characters go (not in code)."""

from __future__ import annotations

import re

from bs4.element import NavigableString, Tag

from scrapedown.html import VERBATIM
from scrapedown.options import Options

_ZERO_WIDTH = re.compile("[\u200b\u200c\u2060\ufeff]")
_SPECIAL = re.compile("[\u00a0\u200b\u200c\u2060\ufeff]")


def clean_text_whitespace(root: Tag, options: Options) -> None:
    """U+00A0 → space and zero-width characters dropped in every text node outside code."""
    for node in list(root.find_all(string=_SPECIAL)):
        if not isinstance(node, NavigableString) or _in_verbatim(node):
            continue
        text = _ZERO_WIDTH.sub("", str(node)).replace("\u00a0", " ")
        node.replace_with(NavigableString(text))


def _in_verbatim(node: NavigableString) -> bool:
    return any(parent.name in VERBATIM for parent in node.parents)
