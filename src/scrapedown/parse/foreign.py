"""Foreign content (`<svg>`, `<math>`) closed where a browser closes it, before lxml parses.

libxml2's HTML parser knows no foreign content: an `<svg>` left open nests the rest of the
document inside it, and the cleaner drops it with the svg — paragraphs a browser shows are lost.
Browsers follow the HTML "in foreign content" rules instead: inside `<svg>` or `<math>`, one of
the start tags of `FOREIGN_BREAKOUT` (and `</p>`, `</br>`) ends the foreign element, and the
HTML goes on after it.
"""

from __future__ import annotations

import re

# Browsers' "in foreign content" rules: inside <svg> or <math>, one of these start tags (and
# `</p>`, `</br>`) ends the foreign element, and the HTML goes on after it. libxml2 knows no
# foreign content and nests the rest of the document inside an unclosed <svg> — which the
# cleaner then drops with it. The same tags inside an HTML integration point (<foreignObject>,
# <desc>, <title>; MathML's text elements) belong there and are left alone.
FOREIGN_BREAKOUT: frozenset[str] = frozenset(
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
        "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
        "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
        "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    }
)  # fmt: skip
_FOREIGN_ROOTS = frozenset({"svg", "math"})
_INTEGRATION_POINTS = frozenset(
    {"foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"}
)
_FOREIGN_START = re.compile(r"<(?:svg|math)\b", re.IGNORECASE)
# One tag: `[^<>]*` stops at the next `<`, so a `<` without `>` costs its own run only (linear).
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*+)([^<>]*+)>?")
_FONT_BREAKOUT = re.compile(r"\b(?:color|face|size)\s*=", re.IGNORECASE)


def close_foreign_content(markup: str) -> str:
    """`markup` with each <svg>/<math> still open before an HTML block closed there, as a
    browser closes it. One pass over the tags from each foreign element to its end: linear."""
    start = _FOREIGN_START.search(markup)
    parts: list[str] = []
    done = 0
    while start is not None:
        stack: list[str] = []  # the open foreign elements
        integration = 0  # depth inside HTML integration points
        position = start.start()
        for tag in _TAG.finditer(markup, position):
            closing, name, rest = tag.group(1), tag.group(2).lower(), tag.group(3)
            position = tag.end()
            if name in _FOREIGN_ROOTS:
                _foreign_root(stack, name, closing, rest)
            elif name in _INTEGRATION_POINTS:
                integration = max(0, integration + (-1 if closing else not _self_closing(rest)))
            elif integration == 0 and _breaks_out(closing, name, rest):
                parts.append(markup[done : tag.start()] + "".join(f"</{n}>" for n in stack[::-1]))
                done = tag.start()
                stack.clear()
            if not stack:
                break
        start = _FOREIGN_START.search(markup, position)
    return "".join(parts) + markup[done:] if parts else markup


def _foreign_root(stack: list[str], name: str, closing: str, rest: str) -> None:
    if not closing:
        if not _self_closing(rest):
            stack.append(name)
    elif name in stack:
        del stack[len(stack) - 1 - stack[::-1].index(name) :]


def _self_closing(rest: str) -> bool:
    return rest.rstrip().endswith("/")


def _breaks_out(closing: str, name: str, rest: str) -> bool:
    if closing:
        return name in ("p", "br")
    return name in FOREIGN_BREAKOUT or (name == "font" and bool(_FONT_BREAKOUT.search(rest)))
