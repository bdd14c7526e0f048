"""Shared test helpers: where the third-party data lives, the golden-file switch, timing."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples (a red build is then a regression,
# never the luck of the draw); a developer's run draws new ones, which is how the rare cases are
# found. `CI` is set by .ci/run and by most CI services.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

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
