"""Every case of ../shared/cases/proxy-cases.jsonl and lazy-img-cases.jsonl (skipped when absent).

Proxy cases: default-on and negative cases hold with default options; an opt-in case leaves its
input unchanged by default and gives `expected_url` once the rules named in `scheme` are on.
Lazy cases: after `rewrite_urls` (and the removal of <noscript> the pipeline does next) the
region holds exactly one image with `expected_src`, or none when it is null.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from scrapedown.options import Options
from scrapedown.urls import rewrite_urls, unwrap_url
from scrapedown.urls.registry import BUILTIN_NAMES
from scrapedown.urls.userrules import USER_RULE_NAMES

CASES = Path(__file__).resolve().parents[1].parent / "shared" / "cases"
PAGE_URL = "https://example.com/articles/1.html"

# An opt-in rule that a name alone cannot switch on: its host comes from user configuration.
USER_RULES_FOR = {"user_prefix_proxy": ("prefix:https://imgcf.aixbox.top/",)}


def _load(name: str) -> list[dict[str, Any]]:
    path = CASES / name
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _params(name: str, *, opt_in_only: bool = False) -> list[Any]:
    cases = _load(name)
    if opt_in_only:
        cases = [case for case in cases if not case["default_on"]]
    if not cases:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{CASES / name} absent"))]
    return [pytest.param(case, id=case["id"]) for case in cases]


def _enabled(case: dict[str, Any]) -> Options:
    # Only real rule names: a negative case's scheme (jsdelivr_gh) names no rule, and enabling
    # an unknown name is an error.
    names = frozenset(case["scheme"].split(">")) & (BUILTIN_NAMES | USER_RULE_NAMES)
    rules = tuple(rule for name in names for rule in USER_RULES_FOR.get(name, ()))
    defaults = Options()
    return replace(defaults, urls=replace(defaults.urls, enable=names, rules=rules))


def _unwrap(case: dict[str, Any], options: Options | None = None) -> str:
    return unwrap_url(case["input_url"], kind=case["kind"], base_url=PAGE_URL, options=options)


@pytest.mark.parametrize("case", _params("proxy-cases.jsonl"))
def test_proxy_case_with_default_options(case: dict[str, Any]) -> None:
    expected = case["expected_url"] if case["default_on"] else case["input_url"]
    assert _unwrap(case) == expected


@pytest.mark.parametrize("case", _params("proxy-cases.jsonl", opt_in_only=True))
def test_opt_in_case_with_its_rule_enabled(case: dict[str, Any]) -> None:
    assert _unwrap(case, _enabled(case)) == case["expected_url"]


def test_proxy_case_file_has_the_documented_shape() -> None:
    cases = _load("proxy-cases.jsonl")
    if not cases:
        pytest.skip("proxy-cases.jsonl absent")
    assert len(cases) == 134
    assert sum(not case["default_on"] for case in cases) == 15


def _images_after_pipeline(html: str) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    rewrite_urls(soup, Options(), base_url=PAGE_URL)
    for noscript in soup.find_all("noscript"):  # the pipeline's next rule drops <noscript>
        noscript.decompose()
    return [str(image.get("src")) for image in soup.find_all("img")]


@pytest.mark.parametrize("case", _params("lazy-img-cases.jsonl"))
def test_lazy_image_case(case: dict[str, Any]) -> None:
    expected = [] if case["expected_src"] is None else [case["expected_src"]]
    assert _images_after_pipeline(case["html"]) == expected


def test_lazy_case_file_has_the_documented_shape() -> None:
    cases = _load("lazy-img-cases.jsonl")
    if not cases:
        pytest.skip("lazy-img-cases.jsonl absent")
    assert len(cases) == 43
    assert sum(case["expected_src"] is None for case in cases) == 4
