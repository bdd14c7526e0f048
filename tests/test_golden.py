"""Golden fixtures: `fixtures/<case>/input.md` cleans to `expected.md`, and `expected.md` is a
fixed point. Run `pytest tests/test_golden.py --update-golden` to rewrite the expected files
after an intended change, then review the diff with `git diff fixtures/`.

A case may carry its options in `fixtures/<case>/options.toml`: the keys of `[tool.scrapedown]`
at the top level (nested tables `[punct]`, `[urls]`, `[page]`), read by the CLI's own
configuration code, so an opt-in rule gets a golden case too."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapedown import Options, clean
from scrapedown.cli.config import load_config_file, options_from_table
from tests.conftest import FIXTURES

CASES = sorted(p for p in FIXTURES.iterdir() if (p / "input.md").is_file())


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _options(case: Path) -> Options | None:
    path = case / "options.toml"
    return options_from_table(load_config_file(path).table) if path.is_file() else None


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30


def test_some_cases_carry_options_that_change_the_output() -> None:
    with_options = [case for case in CASES if (case / "options.toml").is_file()]
    assert len(with_options) >= 2
    for case in with_options:
        options = _options(case)
        assert options is not None and options != Options(), case.name
        text = _read(case / "input.md")
        assert clean(text, options) != clean(text), f"{case.name}: options change nothing"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_input_cleans_to_expected(case: Path, request: pytest.FixtureRequest) -> None:
    output = clean(_read(case / "input.md"), _options(case))
    expected_path = case / "expected.md"
    if request.config.getoption("--update-golden"):
        expected_path.write_bytes(output.encode("utf-8"))
    assert output == _read(expected_path)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_expected_is_a_fixed_point(case: Path) -> None:
    expected = _read(case / "expected.md")
    assert clean(expected, _options(case)) == expected
