"""Fuzzing `clean` with random scraped HTML, Markdown bodies and whole posts (tests/strategies.py).

Properties, for every input:

- it never raises anything but `ScrapedownError` (and then a clear message, not a traceback);
- it is idempotent: ``clean(clean(x)) == clean(x)``;
- it keeps the visible text: no letter, digit, image or link lost by the safety net's measure
  (`scrapedown.safety.fidelity.compare`);
- no inline ``style=`` survives, and every pipe table we write renders as a table;
- it finishes in bounded time (a per-example deadline).

The messy generator (`tests.strategies.messy_posts`: tag soup, unknown and custom elements,
misnesting, odd attribute quoting, corpus snippets cut at random points, CJK, emphasis markers,
comments, entities, front matter) is checked against every property of
`tests.fuzz_properties.failures`: only `ScrapedownError`, at most 2 s of CPU per call,
idempotent (`clean`, and the Markdown of `clean_html`), nothing lost (measured independently of
the library), nothing injected (the output rendered by markdown-it with ``html=True``).

Budgets (``HYPOTHESIS_PROFILE`` selects one; the default is ``ci``):

    pytest tests/test_fuzz.py                          # ci: 3 x 120 + 120 messy, derandomized
    HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py  # long: 20,000 examples per property
    FUZZ_EXAMPLES=20000 pytest -m slow tests/test_fuzz.py   # the messy generator, long, random

Far more documents, faster and without stopping at the first failure:
``benchmarks/fuzz_driver.py`` (run, then minimise).

The long budget takes hours (about 0.1-0.2 s an example); ``-k html_documents`` runs one
property.

``ci`` is derandomized (a CI failure reproduces locally with the same command) and skips the
shrinking phase, which can take minutes while a bug is open: its report shows the failing input
as generated, with our output. ``long`` is random, shrinks, and keeps its failures in the local
``.hypothesis`` database, replayed first next time.
Every minimal failing input found so far is an explicit, expected-to-fail `@example` of its
property test and a case of `test_fuzz_regressions` (strict xfail: the fix flips it).
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from markdown_it import MarkdownIt

from scrapedown import ScrapedownError, clean
from scrapedown.safety.fidelity import compare
from tests.fuzz_properties import failures, injected, input_visible, visible
from tests.strategies import html_documents, markdown_bodies, messy_posts, posts

_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large]
PROFILES = {
    # 360 examples in all, the same ones on every run. No shrinking phase: it can take minutes
    # while a bug is open; the report shows the failing input and our output as found.
    "ci": settings(
        max_examples=120,
        deadline=2000,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=_SLOW_IS_FINE,
    ),
    # Random, shrinking, and remembering failures in the local .hypothesis database.
    "long": settings(max_examples=20_000, deadline=2000, suppress_health_check=_SLOW_IS_FINE),
}
FUZZ = PROFILES[os.environ.get("HYPOTHESIS_PROFILE", "ci")]

_CODE = re.compile(r"(?ms)^ *(`{3,}|~{3,}).*?^ *\1|(`+).+?\2")


def cleaned(text: str) -> str | None:
    """`clean(text)`, or None when it is rejected with a `ScrapedownError` (allowed)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4's XML-looking-input warning is not our concern
        try:
            return clean(text)
        except ScrapedownError as error:
            assert str(error), "a ScrapedownError must say why"
            return None
        except Exception as error:  # the property: nothing else escapes
            raise AssertionError(f"clean raised {type(error).__name__}: {error}") from error


def lost(before: str, after: str) -> str:
    """What the safety net says `after` lost of `before` ('' when nothing)."""
    try:
        loss = compare(before, after)
    except Exception as error:  # the safety net itself must not crash
        raise AssertionError(f"fidelity.compare raised {type(error).__name__}: {error}") from error
    return loss.describe() if loss else ""


def check_properties(text: str) -> None:
    """All the properties, for one input; every failure is an AssertionError that shows the
    output (the input is in Hypothesis' report)."""
    out = cleaned(text)
    if out is None:
        return
    again = cleaned(out)
    assert again == out, f"not idempotent: clean(x) = {out!r}, clean(clean(x)) = {again!r}"
    loss = lost(text, out)
    assert not loss, f"{loss}: clean(x) = {out!r}"
    assert not _styled_html(out), f"inline style left: clean(x) = {out!r}"
    assert broken_tables(out) <= broken_tables(text), f"a broken pipe table: clean(x) = {out!r}"


_DELIMITER_ROW = re.compile(r"^\s*(?:>\s*)*\|(?: *:?-+:? *\|)+\s*$", re.MULTILINE)
_MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


_HTML_MD = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


# A real start tag carrying style= (escaped markup, `&lt;li style=…&gt;`, is text).
_STYLED_TAG = re.compile(r"<[A-Za-z][^<>]*?\sstyle\s*=", re.IGNORECASE)


def _styled_html(markdown: str) -> bool:
    """Whether raw HTML a renderer would pass through carries a style attribute (text in code
    blocks, code spans or link titles is not HTML)."""
    for token in _HTML_MD.parse(markdown):
        pieces = [token] if token.type == "html_block" else (token.children or [])
        if any(p.type.startswith("html") and _STYLED_TAG.search(p.content) for p in pieces):
            return True
    return False


def broken_tables(markdown: str) -> int:
    """Pipe tables (delimiter rows) that do not render as a <table>. The output may not have more
    than the input (a Markdown body can bring its own broken table; HTML brings none)."""
    rows = len(_DELIMITER_ROW.findall(_CODE.sub("", markdown)))
    rendered: str = _MD.render(markdown)
    return max(0, rows - rendered.count("<table>"))


# --- minimal failing inputs found so far (fuzzer, and the peer suites' inputs) -----------------


class Regression(NamedTuple):
    kind: str
    """Which property test it belongs to: "html", "markdown" or "post"."""
    text: str
    reason: str


FUZZ_REGRESSIONS: dict[str, Regression] = {}


def pinned(kind: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Each regression of `kind` as an explicit, expected-to-fail example of a property test."""

    def decorate(test: Callable[..., None]) -> Callable[..., None]:
        for case in FUZZ_REGRESSIONS.values():
            if case.kind == kind:
                test = example(case.text).xfail(reason=case.reason, raises=AssertionError)(test)
        return test

    return decorate


# --- the properties --------------------------------------------------------------------------


@FUZZ
@pinned("html")
@given(html_documents())
def test_html_documents(html: str) -> None:
    check_properties(html)


@FUZZ
@pinned("markdown")
@given(markdown_bodies())
def test_markdown_bodies(markdown: str) -> None:
    check_properties(markdown)


@FUZZ
@pinned("post")
@given(posts())
def test_posts(post: str) -> None:
    check_properties(post)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=pytest.mark.xfail(
                strict=True, raises=AssertionError, reason=f"our bug: {r.reason}"
            ),
        )
        for name, r in FUZZ_REGRESSIONS.items()
    ],
)
def test_fuzz_regressions(name: str) -> None:
    check_properties(FUZZ_REGRESSIONS[name].text)


# --- as messy as the web ---------------------------------------------------------------------

_MESSY_CI = settings(FUZZ, max_examples=120) if FUZZ is PROFILES["ci"] else FUZZ
_MESSY_LONG = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "5000")),
    deadline=None,  # the CPU-time budget per call is checked by `failures` itself
    phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink),
    suppress_health_check=_SLOW_IS_FINE,
)


# Kinds of failure allowed in the short default run while a class is open (issue 14): none
# now. A kind goes back here only with the open class named beside it, so that CI stays a gate
# for everything else; the long run (-m slow) and benchmarks/fuzz_driver.py allow nothing.
NOT_YET_FIXED: frozenset[str] = frozenset()


def check_messy(text: str, *, allowed: frozenset[str] = frozenset()) -> None:
    found = [(kind, detail) for kind, detail in failures(text) if kind not in allowed]
    assert not found, "\n".join(f"{kind}: {detail}" for kind, detail in found)


@settings(_MESSY_CI, deadline=None)
@given(messy_posts())
def test_messy_posts(text: str) -> None:
    check_messy(text, allowed=NOT_YET_FIXED)


@_MESSY_LONG
@given(messy_posts())
def _messy_posts_long(text: str) -> None:
    check_messy(text)


@pytest.mark.slow
def test_messy_posts_long(request: pytest.FixtureRequest) -> None:
    """Only when asked for (`-m slow`): thousands of examples, minutes to hours."""
    if "slow" not in (request.config.option.markexpr or ""):
        pytest.skip("the long fuzz run: FUZZ_EXAMPLES=N pytest -m slow tests/test_fuzz.py")
    _messy_posts_long()


# --- the oracle itself: fixed where it was wrong, strict where the input is not ambiguous ----


@pytest.mark.parametrize(
    ("text", "links", "images"),
    [
        # A browser ends an outer link where an inner one starts: one link when the outer one
        # has no text of its own before it, two when it has.
        ('<a href="https://e.com/"><a href="https://f.com/">s</a></a>', 1, 0),
        ('<a href="https://e.com/">t<a href="https://f.com/">s</a></a>', 2, 0),
        # A link closed after a blank line is a region (counted); one never closed ends with
        # its block (not counted: the text after the blank line is not in it).
        ("<p><a href=/>\n\nz</a>", 1, 0),
        ("<p><a href=/>\n\nz", 0, 0),
        ("<p><a href=\n\na>用", 0, 0),  # a tag cut by the blank line: no tag
        ('<p><a href=">\n\n<div>">有', 0, 0),  # cut inside a quoted value holding `>`
        ('<a href="https://e.com/"><script>x</script></a>', 0, 0),  # no visible text
        ('<a href="https://e.com/"><!-- c -->y</a>', 1, 0),
        ('<img src="s:">', 0, 0),  # no browser loads an image from another scheme
        ('<img src="https://e.com/x.png"> <img src="/x.png">', 0, 2),
        # A `<` inside a tag the end cuts off is the tag's (lxml keeps the image, browsers not).
        ("<ol ><img src=t<", 0, 0),
        # A start tag closes an open link: the `</a>` after the blank line closes the inner one.
        ('<a href="g"><p>\n\nÄ<a f=""></a>', 0, 0),
        ('<a href="a"><tbody>\n\nÄ', 0, 0),  # a browser ignores the stray <tbody>
        # A link ends at its `</a>` even with a block opened inside it still open (a browser's
        # adoption agency; lxml linked what followed): no letter in it, no link.
        ('<a href="t"><div s="">&gt;</a>\n# r', 0, 0),
        ('<a href="https://e.com/"><div>in</div></a>', 1, 0),
        ('<a href="https://e.com/"><div>in</a> out', 1, 0),
    ],
)
def test_oracle_counts(text: str, links: int, images: int) -> None:
    seen = input_visible(text)
    assert (seen["<a>"], seen["<img>"]) == (links, images)


def test_oracle_leaves_out_template_content_only() -> None:
    # A browser shows nothing of a template, and its parser ends one at `</template>` only.
    seen = input_visible(
        "<p>x<template>a<template>b</template>c</template>d</p><video><template></video>e"
    )
    assert (seen["x"], seen["a"], seen["b"], seen["c"], seen["d"], seen["e"]) == (1, 0, 0, 0, 1, 0)


def test_oracle_reads_an_unclosed_comment_to_the_end() -> None:
    # A browser ends a comment at `-->` or at the end of the document, nowhere else.
    seen = input_visible("a<!-- b --> c <!--> d <!-- e")
    assert (seen["a"], seen["b"], seen["c"], seen["d"], seen["e"]) == (1, 0, 1, 1, 0)


def test_oracle_counts_alt_text_of_sourceless_output_images() -> None:
    # A browser shows the alt text of an image it cannot load: what the output shows. The
    # input's do not count (an image without a source is junk the library may drop).
    assert visible("![r]()")["r"] == 1
    assert visible("![r](https://e.com/r.png)")["r"] == 0
    assert input_visible('<img alt="r">')["r"] == 0


def test_oracle_scans_for_injection() -> None:
    assert injected('<a href="java&#x09;script:alert(1)">x</a>')
    assert injected("<p onclick=x>a</p>")
    assert not injected('<img src="javascript%3Col%3E">')  # a relative URL, no scheme


def test_json_front_matter_keeps_an_indented_body_apart() -> None:
    # A renderer that does not know front matter reads JSON front matter's `}` line as a
    # paragraph: an indented body line right after it would continue it, raw HTML included.
    out = clean('{"":""}    <style>')
    assert out == '{"":""}\n\n    <style>\n'
    assert not injected(out)
    assert clean(out) == out
