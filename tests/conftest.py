"""Shared test helpers: where the third-party data lives, the golden-file switch, timing."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite fixtures/*/expected.md from the current output (review the diff!)",
    )


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is absent)")
    return path


def best_cpu_seconds(function: Callable[[str], object], argument: str, runs: int = 3) -> float:
    """The least CPU time of `runs` calls of `function(argument)`: CPU time, because waiting
    for a core on a loaded machine is not the code's; the least, because noise only adds."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        function(argument)
        best = min(best, time.process_time() - start)
    return best
