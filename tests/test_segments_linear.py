"""Stage 2 runs in linear time: every pattern and scan of `detect`, `html_tokens` and
`inline_html` on adversarial 100k-character strings within a small budget, and `clean` on
repeated structures at 1x, 4x and 16x (ratio of best-of-3 times, robust on a loaded box)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest

from scrapedown import clean
from scrapedown.parse import detect, html_tokens, inline_html
from tests.timing import best_of

_SIZE = 100_000
_BUDGET = 1.0  # seconds for one call on 100k characters (linear code takes milliseconds)

# Strings that make a backtracking pattern or a rescanning loop blow up: runs of a pattern's
# own prefix with no end, nested openers, unterminated quotes and comments.
_ADVERSARIAL = (
    "<!--",
    "<!--[-->",
    "<!-- a --",
    "<!-- a --!",
    "<!---",
    "--",
    "-",
    "<a ",
    "<a\n",
    '<a x="',
    "<a x='>",
    "<a x=",
    "<a/",
    "</",
    "</a",
    "<?",
    "<!x",
    "<script>",
    "</script",
    "<",
    " ",
    "\t",
    "<br",
    "<abbr title=",
    "<abbr title",
    'javascript:"',
    "&#",
    "<!-- more",
    "<?xml ",
    "\n\n",
)


def _adversarial(unit: str, tail: str = "") -> str:
    return (unit * (_SIZE // len(unit) + 1))[:_SIZE] + tail


# How the code applies each pattern: `match`/`fullmatch` at one position (the scanners then
# move past what matched, or stop), `search`/`sub` over the text.
_USES = {
    "scrapedown.parse.detect._WHOLE_DOCUMENT": "match",
    "scrapedown.parse.detect._MORE": "fullmatch",
    "scrapedown.parse.html_tokens._TAG": "match",
    "scrapedown.parse.html_tokens._RAW_END": "search",
    "scrapedown.parse.html_tokens._PLAIN": "match",
    "scrapedown.parse.html_tokens._RAW_START": "search",
    "scrapedown.parse.inline_html._OPEN": "match",
    "scrapedown.parse.inline_html._ATTRIBUTE": "match",
    "scrapedown.parse.inline_html._OPEN_END": "fullmatch",
    "scrapedown.parse.inline_html._CLOSE": "fullmatch",
    "scrapedown.parse.inline_html._SCHEME": "match",
    "scrapedown.parse.inline_html._BOGUS_COMMENT": "search",
    "scrapedown.parse.inline_html._CUT_TAG": "match",
    "scrapedown.parse.inline_html._URL_NOISE": "sub",
}


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for module in (detect, html_tokens, inline_html):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{module.__name__}.{name}", value))
            elif isinstance(value, dict):
                found.extend(
                    (f"{module.__name__}.{name}", pattern)
                    for pattern in value.values()
                    if isinstance(pattern, re.Pattern)
                )
    return found


def test_every_pattern_is_timed_the_way_it_is_used() -> None:
    assert {name for name, _ in _patterns()} == set(_USES)


def _apply(use: str, pattern: re.Pattern[str], text: str) -> object:
    if use == "match":
        return pattern.match(text), pattern.match(text, 1)
    if use == "fullmatch":
        return pattern.fullmatch(text), pattern.match(text)
    if use == "search":
        return pattern.search(text)
    return pattern.sub("", text)


@pytest.mark.parametrize(("name", "pattern"), _patterns())
@pytest.mark.parametrize("unit", _ADVERSARIAL)
def test_patterns_are_linear_on_adversarial_input(
    name: str, pattern: re.Pattern[str], unit: str
) -> None:
    for text in (_adversarial(unit), _adversarial(unit, "x"), "<" + _adversarial(unit)):
        start = time.process_time()
        _apply(_USES[name], pattern, text)
        elapsed = time.process_time() - start
        assert elapsed < _BUDGET, f"{name} took {elapsed:.2f}s on {unit!r} * n"


_SCANS: tuple[tuple[str, Callable[[str], object]], ...] = (
    ("comments_only", html_tokens.comments_only),
    ("complete_comments", html_tokens.complete_comments),
    ("comment_end", lambda text: html_tokens.comment_end(text, 0)),
    ("TagScanner.scan", lambda text: html_tokens.TagScanner().scan(text)),
    ("TagScanner.element_tags", lambda text: html_tokens.TagScanner().element_tags(text)),
    ("allowed_inline_html", inline_html.allowed_inline_html),
    ("allowed_block_html", inline_html.allowed_block_html),
    ("split_segments", detect.split_segments),
)


@pytest.mark.parametrize(("name", "scan"), _SCANS)
@pytest.mark.parametrize("unit", _ADVERSARIAL)
def test_scans_are_linear_on_adversarial_input(
    name: str, scan: Callable[[str], object], unit: str
) -> None:
    # split_segments runs markdown-it (about 1 s per 100k lines here); ratio 4x -> under 10x.
    quarter, text = _adversarial(unit)[: _SIZE // 4], _adversarial(unit)
    small = best_of(runs=3, call=lambda: scan(quarter))
    large = best_of(runs=2, call=lambda: scan(text))
    assert large < max(small, 0.02) * 10, f"{name}: {small:.3f}s -> {large:.3f}s on {unit!r}"


def test_the_vue_comment_markers_from_the_issue_are_fast() -> None:
    # 13 s at n=24 with the old backtracking pattern; n=4000 here.
    text = "<!--[--><!--[--><div>" + "<!--[--><p>x</p><!--]-->" * 4000 + "</div>\n"
    assert best_of(runs=1, call=lambda: clean(text)) < 5.0


# Repeated structures that exercise stage 2 (regions, comments, markers, inline HTML).
_STRUCTURES: dict[str, Callable[[int], str]] = {
    "vue markers": lambda n: "<!--[--><!--[--><div>" + "<!--[--><p>x</p><!--]-->" * n + "</div>\n",
    "comment-only blocks": lambda n: "<!-- a --><!--><!--->\n\n" * n,
    "unclosed divs": lambda n: "<div>\n\npara *x*\n\n" * n,
    "divs across blank lines": lambda n: "<div>\n<p>a</p>\n\ntext\n\n</div>\n\n" * n,
    "code spans and escapes": lambda n: "a <kbd>x</kbd> `<b>` \\<div> " * n + "\n",
    "converted paragraphs": lambda n: 'W `<div>` <span style="c">x</span>.\n\n## H\n\n' * n,
    "excerpt markers": lambda n: "<p>a</p>\n<!-- more -->\n" * n,
    "edge breaks": lambda n: "<br>text<br>\n\n" * n,
    "script across blocks": lambda n: "<p>a</p>\n<script>\nx\n\n    y\n</script>\n\n" * n,
    "one long paragraph": lambda n: "word <sup>2</sup> " * (8 * n) + "\n",
}


@pytest.mark.parametrize("name", sorted(_STRUCTURES))
def test_clean_is_linear_in_repeated_structures(name: str) -> None:
    make = _STRUCTURES[name]
    base = 120
    small = best_of(runs=3, call=lambda: clean(make(base)))
    large = best_of(runs=2, call=lambda: clean(make(base * 16)))
    # Linear is 16x; quadratic would be 256x. Floors keep tiny timings from dominating.
    assert large < max(small, 0.005) * 40, f"{name}: {small:.4f}s -> {large:.4f}s at 16x"
