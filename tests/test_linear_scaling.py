"""Time grows linearly with the input: a generated structure repeated 1x, 4x and 16x.

Hypothesis draws a structure (nesting, adjacent inline runs, tables, lists, images, comments,
CJK, emphasis, front matter), its text, and the public function that converts it (`clean`,
`clean_html`, `clean_page`). The test fails when 4x the input takes more than ~5x the time
(a linear rule takes 4x, a quadratic one 16x).

Robust on a loaded 2-core machine: each time is the best of three runs, the 1x input is large
enough that one run is not timer noise, and a failing ratio is measured a second time before
the test fails. `-m slow` runs more examples on larger inputs.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scrapedown
from tests._regex_inventory import long_run_requested

_MAX_RATIO = 5.0  # per 4x input
_NOISE = 0.02  # seconds: a ratio of times below this is timer and load noise

Unit = Callable[[str, int], str]


def _repeat(piece: str, count: int) -> str:
    return piece * count


STRUCTURES: dict[str, Unit] = {
    "adjacent bold in a heading": lambda t, n: "<h2>" + _repeat(f"<b>{t}</b>", n) + "</h2>",
    "adjacent bold in a paragraph": lambda t, n: "<p>" + _repeat(f"<b>{t}</b>", n) + "</p>",
    "WeChat spans": lambda t, n: (
        "<p>"
        + _repeat(f'<span style="color: rgb(62, 62, 62);"><strong>{t}</strong></span>', n)
        + "</p>"
    ),
    "del around code": lambda t, n: "<p>" + _repeat(f"a<del><code>{t}</code></del>b", n) + "</p>",
    "strong around code": lambda t, n: (
        "<p>" + _repeat(f"a<strong><code>{t}</code></strong>b", n) + "</p>"
    ),
    "CJK emphasis": lambda t, n: "<p>" + _repeat(f"<strong>注意：</strong>{t}，", n) + "</p>",
    "paragraphs in a cell": lambda t, n: (
        "<table><tr><td>" + _repeat(f"<p>{t}</p>", n) + "</td></tr></table>"
    ),
    "table rows": lambda t, n: (
        "<table><tr><th>h</th><th>i</th></tr>"
        + _repeat(f"<tr><td>{t}</td><td><b>{t}</b></td></tr>", n)
        + "</table>"
    ),
    "wide colspan rows": lambda t, n: (
        "<table>" + _repeat(f"<tr><td colspan=50>{t}</td></tr>", n) + "</table>"
    ),
    "list items": lambda t, n: "<ul>" + _repeat(f"<li>{t} <em>{t}</em></li>", n) + "</ul>",
    "nested lists": lambda t, n: (
        _repeat(f"<ul><li>{t}", min(n, 40))
        + _repeat("</li></ul>", min(n, 40))
        + "<ul>"
        + _repeat(f"<li>{t}<ul><li>{t}</li></ul></li>", n)
        + "</ul>"
    ),
    "images in one parent": lambda t, n: (
        "<p>" + "".join(f'<img src="https://e.com/{i}.png" alt="{t}">' for i in range(n)) + "</p>"
    ),
    "lazy images": lambda t, n: (
        "<div>"
        + "".join(
            f'<img data-src="https://e.com/{i}.jpg" src="data:,"><noscript>x</noscript>'
            for i in range(n)
        )
        + "</div>"
    ),
    "comments between paragraphs": lambda t, n: _repeat(f"<p>{t}</p>\n<!-- c -->\n", n),
    "nested divs": lambda t, n: (
        _repeat("<div><span>", min(n, 60))
        + _repeat(f"<p>{t}</p>", n)
        + _repeat("</span></div>", min(n, 60))
    ),
    "links": lambda t, n: "<p>" + _repeat(f'<a href="https://e.com/{t}">{t}</a> ', n) + "</p>",
}

MARKDOWN: dict[str, Unit] = {
    "Markdown emphasis": lambda t, n: _repeat(f"**注意**：{t}\n\n", n),
    "one-line paragraph with a span": lambda t, n: (
        "<span>x</span> " + _repeat(f"{t} *a* ", n) + "\n"
    ),
    "front-matter image list": lambda t, n: (
        "---\ntitle: x\nimages:\n"
        + "".join(f"  - https://images.weserv.nl/?url=https://e.com/{i}.png\n" for i in range(n))
        + f"---\n\n{t}\n"
    ),
}

_TEXT = st.text(alphabet="abcxyz中文字，。：！ 123", min_size=1, max_size=6).map(
    lambda s: s.strip() or "x"
)


def _best_time(function: Callable[[str], str], text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):  # CPU time: waiting for a core on a loaded machine is not the code's
        gc.collect()  # (the previous run's garbage is not this run's cost)
        gc.disable()  # (nor the test process's heap, which a full collection walks)
        try:
            start = time.process_time()
            function(text)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def _page(html: str) -> str:
    return scrapedown.clean_page(
        f"<html><head><title>T</title></head><body><article>{html}</article></body></html>"
    )


_FUNCTIONS: dict[str, Callable[[str], str]] = {
    "clean": scrapedown.clean,
    "clean_html": scrapedown.clean_html,
    "clean_page": _page,
}


def _growth(function: Callable[[str], str], unit: Unit, text: str, base: int) -> float:
    """The time growth per 4x input, over the whole 1x..16x span (the geometric mean of the two
    steps: one noisy step on a loaded machine does not decide it); 0 when even the 4x input is
    too fast to time."""
    times = [_best_time(function, unit(text, base * factor)) for factor in (1, 4, 16)]
    if times[0] > _NOISE:
        return float((times[2] / times[0]) ** 0.5)
    return times[2] / times[1] if times[1] > _NOISE else 0.0


def check_linear(function: Callable[[str], str], unit: Unit, text: str, base: int) -> None:
    growth = _growth(function, unit, text, base)
    for _again in range(3):  # a loaded machine moves single runs: measure again before failing
        if growth <= _MAX_RATIO:
            break
        growth = min(growth, _growth(function, unit, text, base))
    assert growth <= _MAX_RATIO, growth


def _base(unit: Unit, text: str, minimum: int) -> int:
    """A repeat count whose input is at least `minimum` characters."""
    one = max(1, len(unit(text, 1)))
    return max(1, minimum // one)


_HTML_CASES = st.tuples(
    st.sampled_from(sorted(STRUCTURES)), st.sampled_from(sorted(_FUNCTIONS)), _TEXT
)
_MD_CASES = st.tuples(st.sampled_from(sorted(MARKDOWN)), _TEXT)
_SETTINGS = settings(
    deadline=None, database=None, suppress_health_check=list(HealthCheck), derandomize=True
)


def _settings(examples: int) -> settings:
    return settings(_SETTINGS, max_examples=examples)


@_settings(6)
@given(_HTML_CASES)
def test_html_structures_scale_linearly(case: tuple[str, str, str]) -> None:
    name, function, text = case
    unit = STRUCTURES[name]
    check_linear(_FUNCTIONS[function], unit, text, _base(unit, text, 2000))


@_settings(3)
@given(_MD_CASES)
def test_markdown_structures_scale_linearly(case: tuple[str, str]) -> None:
    name, text = case
    unit = MARKDOWN[name]
    check_linear(scrapedown.clean, unit, text, _base(unit, text, 2000))


@pytest.mark.slow
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("name", sorted(STRUCTURES))
@pytest.mark.parametrize("function", sorted(_FUNCTIONS))
def test_every_html_structure_scales_linearly(
    name: str, function: str, request: pytest.FixtureRequest
) -> None:
    if not long_run_requested(request.config):
        pytest.skip("the long run: -m slow")
    unit = STRUCTURES[name]
    check_linear(_FUNCTIONS[function], unit, "中文 x", _base(unit, "中文 x", 3000))


@pytest.mark.slow
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("name", sorted(MARKDOWN))
def test_every_markdown_structure_scales_linearly(
    name: str, request: pytest.FixtureRequest
) -> None:
    if not long_run_requested(request.config):
        pytest.skip("the long run: -m slow")
    unit = MARKDOWN[name]
    check_linear(scrapedown.clean, unit, "中文 x", _base(unit, "中文 x", 3000))


def test_the_check_catches_quadratic_time() -> None:
    def quadratic(text: str) -> str:
        return "".join(text[: i % 64] for i in range(len(text) * len(text) // 100))

    with pytest.raises(AssertionError):
        check_linear(quadratic, lambda t, n: t * n, "abcd", 300)
