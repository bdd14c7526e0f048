"""Every regular expression of the package runs in linear time on adversarial input.

Each compiled pattern (module globals, found by walking the package; patterns functions compile
at call time, found in the `re` cache after the pipeline ran) is run with `finditer` (the cost
of `search`, `sub`, `findall` and `split` too) over strings that repeat one unit: the
characters quantifiers typically touch, and every literal punctuation of the pattern itself.

A pattern that takes a quarter of the input four times longer to scan than to scan the whole
(8× instead of 4×), or more than a second for 100k characters, is super-linear.
"""

from __future__ import annotations

import re
import time

import pytest

import scrapedown
from tests._regex_inventory import compiled_by_the_package, long_run_requested, module_patterns

# Repeated units: markup openers, whitespace, emphasis and link syntax, escapes, CJK and
# full-width forms, quotes, entities, URL pieces.
_UNITS_CORE = (
    "<",
    "<!--",
    "<a ",
    "<?",
    " ",
    "\t",
    "\n",
    "*",
    "_",
    "`",
    "[",
    "](",
    "\\",
    "中",
    "，",
    "\u3000",
    '"',
    "'",
    "&#",
    "-",
    "a",
    "a ",
    ".",
    ":",
    "=",
    "#",
    "|",
    ">",
    "0",
    "%2",
)
_UNITS = (
    "<",
    "<!--",
    "-->",
    "<a ",
    "<a",
    "< ",
    "</",
    "<!",
    "<?",
    " ",
    "\t",
    "\n",
    "\n\n",
    " \n",
    "*",
    "**",
    "_",
    "__",
    "*a",
    "_a",
    "a_",
    "~",
    "`",
    "```",
    "[",
    "](",
    "]",
    "(",
    ")",
    "[a](",
    "![",
    "\\",
    "\\*",
    "中",
    "中文",
    "，",
    "：",
    "\u3000",
    "\xa0",
    "\u200b",
    "ａ",
    "１",
    "－",
    "．",
    "＂",
    '"',
    "'",
    '="',
    "='",
    "&#",
    "&",
    ";",
    "-",
    "--",
    " -",
    "- ",
    "a",
    "a ",
    ".",
    "/",
    "//",
    ":",
    "=",
    "#",
    "|",
    ">",
    "!",
    "%",
    "%2",
    "?",
    "@",
    "0",
    "1.",
    "+",
    "{",
    "}",
    "$",
    ",",
    "http://",
    "https://a.b/",
    "#x",
    "x=",
)
_SMALL, _LARGE, _HUGE = 2_000, 8_000, 100_000
_HUGE_BUDGET = 1.0  # seconds for 100k characters; linear patterns take milliseconds
_NOISE = 0.05  # below this a ratio is timer noise

# Super-linear under `finditer` today, each with where it is used. Strict: a fixed pattern
# turns its entry into a failure, so the list only shrinks.
KNOWN_SUPERLINEAR: dict[str, str] = {
    "scrapedown.parse.html_tokens._TAG": "matched only at a `<` the scanner reaches: a match moves "
    "the scanner past it and a tag with no `>` ends the scan, so each character is read once in "
    "use",
}


def _units(pattern: str, every: bool) -> list[str]:
    units = _UNITS if every else _UNITS_CORE
    own = sorted({c for c in pattern if not c.isalnum() and not c.isspace()} - set(units))
    return [*units, *own]


def _texts(unit: str, size: int) -> list[str]:
    body = (unit * (size // len(unit) + 1))[:size]
    return [body, body[:-2] + "!\x00"]  # as is, and with an end no pattern expects


def _scan_time(pattern: re.Pattern[str], text: str, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()  # (CPU time: other processes on a loaded machine don't count)
        for _match in pattern.finditer(text):
            pass
        best = min(best, time.process_time() - start)
    return best


def check_linear(pattern: re.Pattern[str], every: bool = False) -> None:
    """Fails on a super-linear scan; `every` tries all units, not the core ones."""
    for unit in _units(pattern.pattern, every):
        for small, large in zip(_texts(unit, _SMALL), _texts(unit, _LARGE), strict=True):
            t_large = _scan_time(pattern, large)
            if t_large > _NOISE:
                t_small = _scan_time(pattern, small)
                if t_large >= 8 * t_small:  # once more, more rounds: a disturbed run or a real one
                    t_small, t_large = _scan_time(pattern, small, 5), _scan_time(pattern, large, 5)
                assert t_large < 8 * t_small, (unit, t_small, t_large)
        for huge in _texts(unit, _HUGE)[: 2 if every else 1]:
            elapsed = _scan_time(pattern, huge, repeat=1)
            assert elapsed < _HUGE_BUDGET, (unit, elapsed)


def _patterns_built_in_functions() -> dict[str, re.Pattern[str]]:
    """Patterns compiled by functions of the package while the pipeline runs."""
    sample = "---\nimages:\n  - https://images.weserv.nl/?url=https://e.com/a.png\n---\n\n"
    sample += "Text ``code`` and `x` with <span style='c'>**注意**：</span> [a](https://e.com).\n\n"
    sample += "```py\nx\n```\n\n<table><tr><td><p>a</p><p>b</p></td></tr></table>\n"
    html = "<p>a<b>x</b><code>y</code> ``z`` <img data-src='https://e.com/i.png'></p>"
    with compiled_by_the_package() as found:
        scrapedown.clean(sample)
        scrapedown.clean_html(html)
        scrapedown.clean_page(
            f"<html><head><title>T - Site</title></head><body>{html}</body></html>"
        )
    known = {(p.pattern, p.flags) for p in module_patterns().values()}
    return {k: p for k, p in found.items() if (p.pattern, p.flags) not in known}


_MODULE_PATTERNS = module_patterns()


def _params() -> list[object]:
    params: list[object] = []
    for label, pattern in _MODULE_PATTERNS.items():
        marks = []
        if label in KNOWN_SUPERLINEAR:
            marks.append(pytest.mark.xfail(reason=KNOWN_SUPERLINEAR[label], strict=True))
        params.append(pytest.param(pattern, id=label, marks=marks))
    return params


def test_the_inventory_finds_the_package_patterns() -> None:
    assert len(_MODULE_PATTERNS) > 100
    assert any(label.startswith("scrapedown.punct.") for label in _MODULE_PATTERNS)
    assert all(label in _MODULE_PATTERNS for label in KNOWN_SUPERLINEAR)


@pytest.mark.parametrize("pattern", _params())
def test_module_pattern_is_linear(pattern: re.Pattern[str]) -> None:
    check_linear(pattern)


@pytest.mark.slow
@pytest.mark.timeout(3600)
@pytest.mark.parametrize("pattern", _params())
def test_module_pattern_is_linear_on_every_unit(
    pattern: re.Pattern[str], request: pytest.FixtureRequest
) -> None:
    if not long_run_requested(request.config):
        pytest.skip("the long run: -m slow")
    check_linear(pattern, every=True)


def test_patterns_built_in_functions_are_linear() -> None:
    built = _patterns_built_in_functions()
    slow = []
    for label, pattern in built.items():
        try:
            check_linear(pattern)
        except AssertionError as exc:
            slow.append((label, exc))
    assert not slow, slow


def test_the_check_catches_a_quadratic_pattern() -> None:
    with pytest.raises(AssertionError):
        check_linear(re.compile(r"[ \t]*x"))
