"""Fuzzing `clean` with random scraped HTML, Markdown bodies and whole posts (tests/strategies.py).

Properties, for every input:

- it never raises anything but `ScrapedownError` (and then a clear message, not a traceback);
- it is idempotent: ``clean(clean(x)) == clean(x)``;
- it keeps the visible text: no letter, digit, image or link lost by the safety net's measure
  (`scrapedown.fidelity.compare`);
- no inline ``style=`` survives, and every pipe table we write renders as a table;
- it finishes in bounded time (a per-example deadline).

Budgets (``HYPOTHESIS_PROFILE`` selects one; the default is ``ci``):

    pytest tests/test_fuzz.py                          # ci: 3 x 120 examples, derandomized
    HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py  # long: 20,000 examples per property

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
from scrapedown.fidelity import compare
from tests.strategies import html_documents, markdown_bodies, posts

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
    assert "style=" not in _CODE.sub("", out), f"inline style left: clean(x) = {out!r}"
    assert broken_tables(out) <= broken_tables(text), f"a broken pipe table: clean(x) = {out!r}"


_DELIMITER_ROW = re.compile(r"^\s*(?:>\s*)*\|(?: *:?-+:? *\|)+\s*$", re.MULTILINE)
_MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def broken_tables(markdown: str) -> int:
    """Pipe tables (delimiter rows) that do not render as a <table>. The output may not have more
    than the input (a Markdown body can bring its own broken table; HTML brings none)."""
    rows = len(_DELIMITER_ROW.findall(_CODE.sub("", markdown)))
    return max(0, rows - _MD.render(markdown).count("<table>"))


# --- minimal failing inputs found so far (fuzzer, and the peer suites' inputs) -----------------


class Regression(NamedTuple):
    kind: str
    """Which property test it belongs to: "html", "markdown" or "post"."""
    text: str
    reason: str


FUZZ_REGRESSIONS: dict[str, Regression] = {
    "hr-only-document": Regression(
        "html",
        "<hr>",
        "not idempotent: the output `---` is read back as an unclosed front matter, and "
        "clean('---\\n') raises ScrapedownError",
    ),
    "whitespace-only": Regression(
        "html", " ", "not idempotent: clean(' ') == ' \\n' but clean(' \\n') == ''"
    ),
    "xml-declaration": Regression(
        "html",
        '<?xml version="1.0" encoding="UTF-8"?>\n<div>Hello</div>',
        "raises ValueError from lxml (a str with an encoding declaration), not ScrapedownError",
    ),
    "comment-only": Regression(
        "html",
        "<!-- note -->",
        "the safety net crashes: fidelity.visible raises lxml ParserError 'Document is empty' "
        "(also for '<!DOCTYPE html>' and '<![CDATA[x]]>')",
    ),
    "javascript-image-counted": Regression(
        "html",
        '<img src="javascript:alert(1)">',
        "the converter rightly drops a javascript: image, but the safety net counts it as a real "
        "image, so the CLI would refuse to write the file (false positive)",
    ),
    "placeholder-image-counted": Regression(
        "html",
        '<img src="https://img.example.com/loading.gif">',
        "the converter drops a loading.gif placeholder by design, but the safety net counts it as "
        "a real image (false positive; fidelity and urls.lazy disagree on what is a placeholder)",
    ),
    "pre-inside-link": Regression(
        "html",
        '<a href="/x"><pre>code</pre></a>',
        "a link around a <pre> is dropped: the target is lost",
    ),
    "pre-inside-emphasis-inside-link": Regression(
        "html",
        '<a href="/x"><i><pre>code</pre></i></a>',
        "written `[```\\ncode\\n```](/x)`: a fence inside link text, the link is lost",
    ),
    "text-after-empty-block-in-link": Regression(
        "html",
        '<a href="/x"><p></p>text</a>',
        "the text after an empty block inside a link loses the link",
    ),
    "text-before-empty-block-in-link": Regression(
        "html",
        '<a href="/x">text<p></p></a>',
        "a link whose text is followed by an empty block (common: a stray <p> inside <a>) is "
        "dropped; with a non-empty block only the text before it loses the link",
    ),
    "list-inside-link": Regression(
        "html",
        '<a href="/x"><ul><li>a</li><li>b</li></ul></a>',
        "a link around a list is written `[- a\\n- b](/x)`: link syntax around blocks, the "
        "brackets show as text and the link is lost",
    ),
    "pre-inside-inline-code": Regression(
        "html",
        '<p><code>a<pre class="x">#</pre></code></p>',
        "a <pre> inside <code>/<kbd>/<samp> is written as a code span holding a fence "
        "(```` a / ``` / # / ``` ````): the blank line breaks it, `a` becomes a fence info string "
        "and is lost",
    ),
    "table-inside-kbd": Regression(
        "html",
        '<kbd class=""><table><caption>\u200bw',
        "not idempotent: the table inside <kbd> is written as raw HTML inside a code span "
        "(`<table>…</table>`), which the second pass re-reads as HTML. Same family as "
        "pre-inside-inline-code: a <table> or list inside <code> becomes literal `| x |` / `- a` "
        "code text",
    ),
    "pre-inside-sup": Regression(
        "html",
        '<sup><pre class="x">&amp;gt;</pre></sup>',
        "a <pre> inside <sup>/<sub> is written as raw HTML `<sup>```\\n&gt;\\n```</sup>`: the "
        "fence is literal text and the text `&gt;` (escaped `&amp;gt;`) shows as `>`",
    ),
    "image-inside-pre": Regression(
        "html",
        '<pre>a<img src="http://img.example.com/y.png">b</pre>',
        "an <img> inside <pre> is dropped",
    ),
    "image-inside-code": Regression(
        "html",
        '<p>a <code><img src="http://img.example.com/p.png"></code></p>',
        "an <img> inside <code>/<kbd> is dropped (or written as literal `![](…)` code text)",
    ),
    "text-directly-in-table": Regression(
        "html",
        "<table>2</table>",
        "text directly inside <table> (browsers show it before the table) is lost, and the "
        "leftover `<table>\\n</table>` is not idempotent",
    ),
    "content-between-cells": Regression(
        "html",
        '<table><tr><td>a</td>f<img src="http://img.example.com/i.png"></tr></table>',
        "text/image between cells is appended after the row's last pipe (`| a |f![](…)`): the "
        "header row then has 2 cells and the delimiter row 1, so it renders as no table",
    ),
    "text-directly-in-tbody": Regression(
        "html",
        "<table><tbody>x<tr><td>a</td></tr></tbody></table>",
        "text directly inside <tbody> is glued to the first row (`x| a |`), which breaks the "
        "table (browsers show the text before the table)",
    ),
    "line-start-syntax-after-block-in-inline": Regression(
        "html",
        "<span><div>1</div>2) x</span>",
        "text after a block inside an inline wrapper is not escaped at line start: `2) x` "
        "becomes a list item (the 2 is lost); `<span><p>1</p># x</span>` gives a heading, "
        "`- x` a list",
    ),
    "script-after-head": Regression(
        "html",
        "<head>\n<style>x</style>\n</head>\n<script>\nvar word = 1;\n</script>\n<p>b</p>\n",
        "safety-net false positive ('lost 8 letters/digits'): fidelity.visible drops elements "
        "while iterating root.iter(...), so the element after a dropped one (here the <script> "
        "after <head>) is skipped and its code counted as visible text",
    ),
    "doctype-and-html-on-one-line": Regression(
        "html",
        '<!DOCTYPE html> <html>\n    <body><p style="x">Hi</p></body>\n</html>\n',
        "`<!DOCTYPE html> <html>` is a one-line HTML block (type 4), so the indented lines after "
        "it are read as a Markdown code block: the page is kept as raw HTML, style= and all "
        "(clean_html converts it)",
    ),
    "style-in-markdown-list-item": Regression(
        "markdown",
        '- <span style="color:red">b</span>',
        "inline HTML in a Markdown list item (also headings and blockquotes) keeps its style=; "
        "in a paragraph it is cleaned",
    ),
    "style-in-markdown-heading": Regression(
        "markdown",
        '## <span style="color:red">b</span>',
        "inline HTML in a Markdown heading keeps its style=",
    ),
}


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
