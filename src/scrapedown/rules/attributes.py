"""Attribute rules: code languages are read from classes, then every other attribute goes."""

from __future__ import annotations

import re
from functools import lru_cache

from bs4.element import Tag

from scrapedown.options import Options

# `language-x`, `lang-x`, `highlight-source-x` (GitHub), `brush: x;` (SyntaxHighlighter, MDN).
_LANGUAGE = re.compile(
    r"(?:^|\s)(?:language|lang|highlight-source|highlight)-([\w+#.-]+)|brush:\s*([\w+#.-]+)",
    re.IGNORECASE,
)
_NOT_LANGUAGES = frozenset({"none", "plain", "plaintext", "text", "nohighlight", "auto"})


def code_language(pre: Tag) -> str:
    """The language of a <pre> block from its own or its <code>'s class or data-lang."""
    candidates = [pre]
    code = pre.find("code")
    if isinstance(code, Tag):
        candidates.append(code)
    for tag in candidates:
        declared = tag.get("data-lang") or tag.get("data-language")
        if isinstance(declared, str) and declared.strip():
            return _usable(declared.strip())
        classes = tag.get("class")
        text = " ".join(classes) if isinstance(classes, list) else str(classes or "")
        match = _LANGUAGE.search(text)
        if match:
            return _usable(match.group(1) or match.group(2))
    return ""


def _usable(language: str) -> str:
    language = language.lower().rstrip(";")
    return "" if language in _NOT_LANGUAGES else language


def mark_code_language(root: Tag, options: Options) -> None:
    """Store each <pre>'s language as a single `language-x` class the converter reads."""
    for pre in root.find_all("pre"):
        if isinstance(pre, Tag):
            language = code_language(pre)
            pre.attrs = {"class": f"language-{language}"} if language else {}


def strip_attributes(root: Tag, options: Options) -> None:
    """Drop every attribute except those `options.keep_attrs` lists for the element."""
    kept = _kept_attributes(options.keep_attrs)
    anywhere = kept.get("*", frozenset())
    for tag in root.find_all(True):
        if isinstance(tag, Tag) and tag.attrs:
            allowed = kept.get(tag.name, frozenset()) | anywhere
            tag.attrs = {k: v for k, v in tag.attrs.items() if k in allowed}


@lru_cache(maxsize=8)
def _kept_attributes(
    keep_attrs: tuple[tuple[str, frozenset[str]], ...],
) -> dict[str, frozenset[str]]:
    merged: dict[str, frozenset[str]] = {}
    for name, attrs in keep_attrs:
        merged[name] = merged.get(name, frozenset()) | attrs
    return merged
