"""Other converters' own test suites as an outside check (``../shared/peer-cases``, read in place).

Each case's HTML goes through `clean_html`. Our Markdown and the peer's expected Markdown are both
rendered to HTML by markdown-it-py (CommonMark + GFM tables and strikethrough) and compared after
normalising whitespace, so a difference of spelling (``_em_`` / ``*em*``, setext / ATX, fenced /
indented code) is no difference. Every case then has exactly one outcome:

- ``agree``;
- a category from ``tests/peer_differences.toml``: a deliberate difference of convention, a case
  the peer's own suite no longer passes (``peer-known-broken``), or one of a whole document;
- ``peer-option-not-supported``: the case turns on a peer option that changes what the output
  renders to, and which we do not emulate (see `COMPARABLE_OPTIONS`);
- ``our-bug``: listed in `OUR_BUGS`, marked ``xfail(strict=True)`` so that the fix flips it.

An unrecorded disagreement fails. ``python benchmarks/peer_agreement.py`` prints the rates.
Minimal inputs for the bugs found in whole documents are in `test_peer_regressions`, and every
peer input also runs through the fuzz properties of tests/test_fuzz.py (robustness: no stray
exception, idempotent, nothing lost, no style=). Skipped when ../shared is absent.
"""

from __future__ import annotations

import json
import re
import tomllib
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from markdown_it import MarkdownIt

from scrapedown import clean_html
from scrapedown.safety.fidelity import compare
from tests.conftest import SHARED
from tests.test_fuzz import FUZZ_REGRESSIONS, check_properties

PEER_CASES = SHARED / "peer-cases"
DIFFERENCES = Path(__file__).with_name("peer_differences.toml")


@dataclass(frozen=True)
class PeerCase:
    id: str
    suite: str
    html: str
    expected: str
    options: dict[str, Any]


class Bug(NamedTuple):
    """A disagreement that is our fault. `want` replaces the peer's expectation where the peer's
    own output is not what docs/conventions.md asks for either."""

    reason: str
    want: str | None = None


# --- rendering and comparing ---------------------------------------------------------------------

_MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL)
_BLOCK_TAG = (
    r"</?(?:p|h[1-6]|ul|ol|li|pre|blockquote|table|caption|thead|tbody|tr|td|th|hr|br)\b[^>]*>"
)


def render(markdown: str) -> str:
    """Markdown → HTML, normalised so that only what a reader sees can differ."""
    html = _MD.render(markdown)
    # Both sides drop comments: we remove them by definition, and the Go suite's test registers a
    # renderer that keeps them (not the peer's default).
    html = re.sub(r"<!--.*?-->", "", html, flags=re.DOTALL)
    return "".join(
        part if part.startswith("<pre") else _normalise_outside_pre(part)
        for part in _PRE.split(html)
    ).strip()


def _normalise_outside_pre(html: str) -> str:
    # markdown-it writes XHTML void tags (`<br />`), raw HTML in the Markdown usually does not.
    html = re.sub(r"<(br|hr|img\b[^>]*?)\s*/>", r"<\1>", html)
    # Browsers collapse runs of whitespace, and ignore it next to block boundaries.
    html = re.sub(r"\s+", " ", html)
    return re.sub(rf"\s*({_BLOCK_TAG})\s*", r"\1", html)


def ours(case: PeerCase) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4 warns about XML-looking input (html2text's ENML case)
        return clean_html(case.html)


def agrees(case: PeerCase, want: str | None = None) -> bool:
    return render(ours(case)) == render(case.expected if want is None else want)


# --- which peer options we still hold ourselves to ---------------------------------------------

#: Per suite, the non-default options under which the peer's expected output is still what our
#: defaults should render to: options that only change the Markdown's spelling (heading style,
#: markers, wrapping, link style, more escaping), or that ask for what we do anyway (promote the
#: first table row, drop empty rows, pad colspans). ``key`` allows any value, ``key=<json>`` one.
#: Any other non-default option makes a case option-specific.
COMPARABLE_OPTIONS: dict[str, frozenset[str]] = {
    "turndown": frozenset(
        {
            "headingStyle",
            "hr",
            "bulletListMarker",
            "codeBlockStyle",
            "fence",
            "emDelimiter",
            "strongDelimiter",
            "linkStyle",
            "linkReferenceStyle",
            "br",
        }
    ),
    "markdownify": frozenset(
        {
            "strip_document",
            "heading_style",
            "strong_em_symbol",
            "bullets",
            "newline_style",
            "wrap",
            "wrap_width",
            "autolinks",
            "escape_misc=true",
            "table_infer_header=true",
        }
    ),
    "html-to-markdown-py": frozenset(
        {
            "heading_style",
            "strong_em_symbol",
            "newline_style",
            "wrap",
            "wrap_width",
            "autolinks",
            "code_block_style",
            "escape_misc=true",
            "escape_underscores=true",
            "preprocess",
        }
    ),
    "html2text": frozenset(
        {
            "body_width",
            "ul_item_mark",
            "emphasis_mark",
            "strong_mark",
            "wrap_links",
            "wrap_list_items",
            "pad_tables",
            "escape_snob",
            "protect_links",
            "inline_links",
            "backquote_code_style",
        }
    ),
    "jk-html-to-markdown-go": frozenset(
        {
            "plugins",
            "keep_comments_as_html",
            "WithBulletListMarker",
            "WithHeadingStyle",
            "WithHorizontalRule",
            "WithCodeBlockFence",
            "WithEmDelimiter",
            "WithStrongDelimiter",
            "WithCellPaddingBehavior",
            "WithSkipEmptyRows",
            "WithHeaderPromotion",
            "WithSpanCellBehavior(SpanBehaviorEmpty)",
        }
    ),
    "turndown-gfm": frozenset(),
    "turndown-gfm-joplin": frozenset(),
}


def option_tokens(options: dict[str, Any], defaults: dict[str, Any]) -> set[str]:
    """The non-default options of a case, as ``key``/``key=<json>`` (Go: ``WithX``) tokens."""
    tokens: set[str] = set()
    for key, value in options.items():
        if key == "go_options":
            tokens |= _go_option_tokens(str(value))
        elif defaults.get(key, object()) != value:
            tokens.add(f"{key}={json.dumps(value, sort_keys=True)}")
    return tokens


def _go_option_tokens(expression: str) -> set[str]:
    # The extractor sometimes runs past a table-driven case whose own options are empty
    # (`[]option{}, input: ...`): such a case uses the defaults.
    if re.match(r"\[\][\w.]+\{\s*\}", expression):
        return set()
    span = {
        f"WithSpanCellBehavior({m})"
        for m in re.findall(r"WithSpanCellBehavior\((\w+)\)", expression)
    }
    return span | {name for name in re.findall(r"\b(With\w+)\(", expression) if "Span" not in name}


def is_comparable(token: str, comparable: frozenset[str]) -> bool:
    return token in comparable or token.split("=", 1)[0] in comparable


def option_specific(case: PeerCase, defaults: dict[str, Any]) -> bool:
    comparable = COMPARABLE_OPTIONS.get(case.suite, frozenset())
    return any(not is_comparable(t, comparable) for t in option_tokens(case.options, defaults))


# --- loading ------------------------------------------------------------------------------------


@cache
def load_cases() -> tuple[PeerCase, ...]:
    """Every case of every suite (empty when ../shared is absent)."""
    if not PEER_CASES.is_dir():
        return ()
    return tuple(
        PeerCase(row["id"], path.stem, row["html"], row["expected_md"], row["options"])
        for path in sorted(PEER_CASES.glob("*.jsonl"))
        for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    )


@cache
def suite_defaults() -> dict[str, dict[str, Any]]:
    """Each suite's default options: the options most of its cases use (the peer's defaults, or
    the fixture defaults its test helper passes, as recorded by the extractor)."""
    counts: dict[str, Counter[str]] = {}
    for case in load_cases():
        counts.setdefault(case.suite, Counter())[json.dumps(case.options, sort_keys=True)] += 1
    return {suite: json.loads(c.most_common(1)[0][0]) for suite, c in counts.items()}


@cache
def recorded() -> dict[str, tuple[str, str]]:
    """case id → (category, reason) from peer_differences.toml."""
    data = tomllib.loads(DIFFERENCES.read_text(encoding="utf-8"))
    return {
        case_id: (category, reason)
        for category, cases in data["cases"].items()
        for case_id, reason in cases.items()
    }


def categories() -> dict[str, str]:
    """category → what it means, from peer_differences.toml."""
    data = tomllib.loads(DIFFERENCES.read_text(encoding="utf-8"))
    return dict(data["categories"])


# --- our bugs -----------------------------------------------------------------------------------

OUR_BUGS: dict[str, Bug] = {}


# --- outcome ------------------------------------------------------------------------------------


def classify(case: PeerCase, want: str | None = None) -> str:
    """``agree``, the category that explains the difference, or ``disagree``."""
    if agrees(case, want):
        return "agree"
    if case.id in recorded():
        return recorded()[case.id][0]
    if option_specific(case, suite_defaults()[case.suite]):
        return "peer-option-not-supported"
    return "disagree"


def outcome(case: PeerCase) -> str:
    """`classify`, with ``our-bug`` for a disagreement listed in `OUR_BUGS`."""
    bug = OUR_BUGS.get(case.id)
    result = classify(case, bug.want if bug else None)
    return "our-bug" if bug and result == "disagree" else result


def _params() -> list[Any]:
    params = []
    for case in load_cases():
        bug = OUR_BUGS.get(case.id)
        marks = [pytest.mark.xfail(strict=True, reason=f"our bug: {bug.reason}")] if bug else []
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params or [pytest.param(None, marks=pytest.mark.skip(reason="../shared is absent"))]


@pytest.mark.parametrize("case", _params())
def test_peer_case(case: PeerCase) -> None:
    bug = OUR_BUGS.get(case.id)
    result = classify(case, bug.want if bug else None)
    assert result != "disagree", (
        f"{case.id} disagrees and is not recorded\n--- html\n{case.html}\n--- ours\n"
        f"{ours(case)}\n--- peer\n{case.expected}\n--- ours rendered\n{render(ours(case))}\n"
        f"--- peer rendered\n{render(case.expected)}"
    )


def test_recorded_cases_exist_and_categories_are_described() -> None:
    """The data file names only real cases, and only categories it describes."""
    if not load_cases():
        pytest.skip("../shared is absent")
    ids = {case.id for case in load_cases()}
    assert sorted(set(recorded()) - ids) == []
    assert sorted({c for c, _ in recorded().values()} - set(categories())) == []
    assert sorted(set(OUR_BUGS) - ids) == []
    assert sorted(set(OUR_BUGS) & set(recorded())) == []


def test_render_normalisation() -> None:
    """The comparison ignores spelling and whitespace, not structure or code content."""
    assert render("_a_ and\n__b__") == render("*a*   and **b**")
    assert render("Title\n=====") == render("# Title")
    assert render("a<br/>b") == render("a  \nb")
    assert render("    x\n") == render("```\nx\n```")
    assert render("```\nx  y\n```") != render("```\nx y\n```")
    assert render("- a\n\n- b") != render("- a\n- b")
    assert render("<!-- c -->\n\n- a") == render("- a")


# --- minimal inputs for the bugs found inside whole peer documents ------------------------------

Check = Callable[[str, str], bool]


def renders_as(*wants: str) -> Check:
    """Our Markdown renders like one of `wants` (any spelling of the fix is fine)."""
    return lambda html, markdown: render(markdown) in {render(want) for want in wants}


def keeps_links_without_literal_syntax(html: str, markdown: str) -> bool:
    """Nothing lost by the safety net's measure, and no link syntax shows as text."""
    return not compare(html, markdown) and "](" not in _rendered_text(markdown)


def _rendered_text(markdown: str) -> str:
    return re.sub(r"<[^>]+>", "", render(markdown))


class Regression(NamedTuple):
    html: str
    check: Check
    reason: str


#: The minimal inputs of bugs found in whole peer documents (`reason`: what went wrong).
REGRESSIONS: dict[str, Regression] = {
    "strong-around-code-in-word": Regression(
        "<p>a<strong><code>x</code></strong>b</p>",
        renders_as("a<strong>`x`</strong>b", "a **`x`** b"),
        "`a**`x`**b`: `**` between a letter and a backtick is not flanking, the bold shows as "
        "literal ** (jk golden code)",
    ),
    "strong-starting-with-link-in-word": Regression(
        '<p>a<strong><a href="/">x</a> y</strong>b</p>',
        renders_as("a<strong>[x](/) y</strong>b", "a **[x](/) y** b"),
        "`a**[x](/) y**b`: `**` before `[` after a letter is not flanking (jk golden link)",
    ),
    "adjacent-lists": Regression(
        "<ul><li>a</li></ul><ul><li>b</li></ul>",
        renders_as("- a\n\n<!-- -->\n\n- b", "- a\n\n* b"),
        "two lists separated only by a blank line are one loose list in CommonMark "
        "(jk golden list)",
    ),
    "adjacent-ordered-lists": Regression(
        '<ol start="8"><li>a</li></ol><ol start="9"><li>b</li></ol>',
        renders_as("8. a\n\n<!-- -->\n\n9. b", "8. a\n\n9) b"),
        "the second <ol> merges into the first (numbering continues, list turns loose) "
        "(jk golden list)",
    ),
    "text-directly-in-list": Regression(
        "<ol>x<li>y</li>z</ol>",
        renders_as("x\n\n1. y\n\nz"),
        "text directly inside <ol> is glued to the item marker: `x1. y` is one paragraph, the "
        "list is lost and `1.` shows as text (jk golden list)",
    ),
    "href-whitespace": Regression(
        '<p><a href="/a\n">x</a> <a href=" /b  ">y</a> <a href="/c\td">z</a></p>',
        renders_as("[x](/a) [y](/b) [z](/cd)"),
        "surrounding whitespace and inner tab/newline of an href are percent-encoded "
        "(`/a%0A`, `/b%20%20`) instead of removed as URL parsing does: the links break "
        "(jk golden link)",
    ),
}


#: Names of REGRESSIONS not fixed yet.
OPEN_REGRESSIONS: frozenset[str] = frozenset()


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=[pytest.mark.xfail(strict=True, reason=f"our bug: {r.reason}")])
        if name in OPEN_REGRESSIONS
        else name
        for name, r in REGRESSIONS.items()
    ],
)
def test_peer_regressions(name: str) -> None:
    """Bugs found inside whole peer documents, one minimal input each; the fixed ones stay as
    regression tests, the open ones (`OPEN_REGRESSIONS`) are strict xfails."""
    case = REGRESSIONS[name]
    markdown = clean_html(case.html)
    assert case.check(case.html, markdown), f"{case.html!r} -> {markdown!r}: {case.reason}"


# --- the peers' inputs as robustness cases --------------------------------------------------------

#: Peer inputs on which `clean` breaks a fuzz property, by the minimal regression that explains it.
ROBUSTNESS_BUGS: dict[str, str] = {}


def _robustness_params() -> list[Any]:
    params = []
    for case in load_cases():
        bug = ROBUSTNESS_BUGS.get(case.id)
        reason = FUZZ_REGRESSIONS[bug].reason if bug in FUZZ_REGRESSIONS else bug
        marks = (
            [pytest.mark.xfail(strict=True, raises=AssertionError, reason=f"our bug: {reason}")]
            if bug
            else []
        )
        params.append(pytest.param(case.html, id=case.id, marks=marks))
    return params or [pytest.param("", marks=pytest.mark.skip(reason="../shared is absent"))]


@pytest.mark.parametrize("html", _robustness_params())
def test_peer_inputs_keep_the_fuzz_properties(html: str) -> None:
    """Each peer input, as a whole post: no stray exception, idempotent, nothing lost, no style=."""
    check_properties(html)
