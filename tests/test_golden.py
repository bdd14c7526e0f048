"""Golden fixtures: `fixtures/<case>/input.md` cleans to `expected.md`, and `expected.md` is a
fixed point. Run `pytest tests/test_golden.py --update-golden` to rewrite the expected files
after an intended change, then review the diff with `git diff fixtures/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapedown import clean
from tests.conftest import FIXTURES

CASES = sorted(p for p in FIXTURES.iterdir() if (p / "input.md").is_file())


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_input_cleans_to_expected(case: Path, request: pytest.FixtureRequest) -> None:
    output = clean(_read(case / "input.md"))
    expected_path = case / "expected.md"
    if request.config.getoption("--update-golden"):
        expected_path.write_bytes(output.encode("utf-8"))
    assert output == _read(expected_path)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_expected_is_a_fixed_point(case: Path) -> None:
    expected = _read(case / "expected.md")
    assert clean(expected) == expected
