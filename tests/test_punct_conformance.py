"""Every case of ../shared/cases/cjk-cases.jsonl (spec: docs/punctuation.md).

The data is read in place and never copied into the project; without ../shared the tests skip.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from scrapedown.options import Options
from scrapedown.punct import PunctOptions, normalize_markdown, normalize_punctuation

CASES_FILE = Path(__file__).parents[1].parent / "shared" / "cases" / "cjk-cases.jsonl"

#: Case ids whose expected value we believe is wrong, with the reason (none so far).
WRONG_EXPECTATIONS: dict[str, str] = {}


def _load() -> list[dict[str, Any]]:
    if not CASES_FILE.is_file():
        return []
    with CASES_FILE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


CASES = _load()


OPTIONAL_SWITCHES = [
    name
    for name, value in vars(PunctOptions()).items()
    if value is False  # the optional rules are the switches that are off by default
]


def _options(case: dict[str, Any]) -> Options:
    """Default options, plus the optional rules the case asks for: an ``options`` field, or a
    ``rule`` that starts with an optional rule's name (``cjk-latin-spacing: …``)."""
    switches = dict(case.get("options") or {})
    rule = str(case.get("rule") or "").replace("-", "_")
    switches.update({name: True for name in OPTIONAL_SWITCHES if rule.startswith(name)})
    return Options(punct=replace(PunctOptions(), **switches))


def test_no_case_needs_an_optional_rule() -> None:
    """All 204 cases are the default behaviour (docs/punctuation.md): keeps the mapping honest."""
    assert [case["id"] for case in CASES if _options(case) != Options()] == []


def _params() -> list[Any]:
    return [
        pytest.param(
            case,
            id=case["id"],
            marks=(
                [pytest.mark.xfail(strict=True, reason=WRONG_EXPECTATIONS[case["id"]])]
                if case["id"] in WRONG_EXPECTATIONS
                else []
            ),
        )
        for case in CASES
    ]


def test_case_file_is_complete() -> None:
    if not CASES:
        pytest.skip(f"{CASES_FILE} is absent")
    assert len(CASES) == 204
    assert len({case["id"] for case in CASES}) == len(CASES)


@pytest.mark.skipif(not CASES, reason="../shared/cases/cjk-cases.jsonl is absent")
@pytest.mark.parametrize("case", _params())
def test_case(case: dict[str, Any]) -> None:
    options = _options(case)
    output = normalize_punctuation(case["input"], options)
    assert output == case["expected"], case.get("note") or case.get("rule")
    assert normalize_punctuation(output, options) == output
    assert normalize_punctuation(case["expected"], options) == case["expected"]


@pytest.mark.skipif(not CASES, reason="../shared/cases/cjk-cases.jsonl is absent")
@pytest.mark.parametrize("case", _params())
def test_case_as_markdown(case: dict[str, Any]) -> None:
    """The Markdown normaliser gives the same text, up to the escapes it adds (M01–M05)."""
    options = _options(case)
    output = normalize_markdown(case["input"], options)
    assert output.replace("\\", "") == case["expected"].replace("\\", "")
    assert normalize_markdown(output, options) == output
