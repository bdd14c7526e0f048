"""Writing a URL as a CommonMark link destination that cannot break out of ``[text](…)``."""

from __future__ import annotations

import re

# Characters that end or break a destination (whitespace, controls, angle brackets).
_BREAKING_RE = re.compile(r"[\x00-\x20\x7f<>]")
_ENTITY_LIKE_RE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MAX_PARENTHESIS_DEPTH = 32  # markdown-it's limit for a bare destination


def _can_stand_bare(url: str) -> bool:
    """Whether `url` is a valid bare destination: balanced, not too deeply nested parentheses."""
    depth = 0
    for char in url:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if not 0 <= depth <= _MAX_PARENTHESIS_DEPTH:
            return False
    return depth == 0 and bool(url)


def markdown_destination(url: str, *, angle: bool = False) -> str:
    """`url` as one Markdown link destination that renders back to the same URL.

    Whitespace, controls and ``<``/``>`` are percent-encoded (a renderer would encode them
    anyway); backslashes and an ``&`` that would read as an entity are backslash-escaped; the
    ``<…>`` form is used when the bare form cannot hold the URL, or when `angle` asks for it.
    """
    value = _BREAKING_RE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)
    value = _ENTITY_LIKE_RE.sub(r"\\&", value.replace("\\", "\\\\"))
    return value if _can_stand_bare(value) and not angle else f"<{value}>"
