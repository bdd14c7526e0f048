"""Attribute rules: code languages are read from classes, then every other attribute goes."""

from __future__ import annotations

import re
from functools import lru_cache

from scrapedown.options import Options
from scrapedown.parse.tree import Element, elements, is_blank, text_content
from scrapedown.tags import CONTENT_WITHOUT_TEXT

# `language-x`, `lang-x`, `highlight-source-x` (GitHub), `brush: x;` (SyntaxHighlighter, MDN).
_LANGUAGE = re.compile(
    r"(?:^|\s)(?:language|lang|highlight-source|highlight)-([\w+#.-]+)|brush:\s*([\w+#.-]+)",
    re.IGNORECASE,
)
_NOT_LANGUAGES = frozenset({"none", "plain", "plaintext", "text", "nohighlight", "auto"})
# The URL stage (BeautifulSoup phase) still reads these elements' lazy-loading attributes; the
# image policy is applied to them after it (`strip_image_attributes`).
_URL_STAGE_TAGS = frozenset({"img", "source", "amp-img", "picture", "noscript"})


def code_language(pre: Element) -> str:
    """The language of a <pre> block from its own or its <code>'s class or data-lang."""
    # (its first <code> that writes something: a blank one goes with `remove_empty`, and the
    # next pass, finding the other alone, read its language)
    code = next((c for c in pre.iter("code") if not _blank(c)), None)
    for element in (pre,) if code is None else (pre, code):
        declared = element.get("data-lang") or element.get("data-language") or ""
        if declared.strip():
            return _usable(declared.strip())
        match = _LANGUAGE.search(element.get("class") or "")
        if match:
            return _usable(match.group(1) or match.group(2))
    return ""


def _blank(code: Element) -> bool:
    """Code without text or an image (what `remove_empty` drops)."""
    if not is_blank(text_content(code)):
        return False
    return next(code.iter(*CONTENT_WITHOUT_TEXT), None) is None


def _usable(language: str) -> str:
    language = language.lower().rstrip(";")
    return "" if language in _NOT_LANGUAGES else language


def mark_code_language(root: Element, options: Options) -> None:
    """Store each <pre>'s language as a single `language-x` class the converter reads."""
    for pre in elements(root, "pre"):
        language = code_language(pre)
        pre.attrib.clear()
        if language:
            pre.set("class", f"language-{language}")


def strip_attributes(root: Element, options: Options) -> None:
    """Drop every attribute except those `options.keep_attrs` lists for the element."""
    kept = kept_attributes(options.keep_attrs)
    anywhere = kept.get("*", frozenset())
    allowed_for: dict[str, frozenset[str] | None] = dict.fromkeys((*_URL_STAGE_TAGS, "pre"))
    for element in elements(root):
        attrib = element.attrib
        if not attrib:
            continue
        tag = str(element.tag)
        if tag not in allowed_for:
            allowed_for[tag] = kept.get(tag, frozenset()) | anywhere
        allowed = allowed_for[tag]
        if allowed is None:  # left to the URL stage and the code rules
            continue
        keep = [(name, value) for name, value in attrib.items() if name in allowed]
        if len(keep) < len(attrib):
            attrib.clear()  # one pass: deleting one by one is quadratic in the attribute count
            for name, value in keep:
                attrib[name] = value


@lru_cache(maxsize=8)
def kept_attributes(
    keep_attrs: tuple[tuple[str, frozenset[str]], ...],
) -> dict[str, frozenset[str]]:
    """`Options.keep_attrs` as a mapping from tag to the attributes it keeps."""
    merged: dict[str, frozenset[str]] = {}
    for name, attrs in keep_attrs:
        merged[name] = merged.get(name, frozenset()) | attrs
    return merged
