"""Every compiled regular expression of the `scrapedown` package, for tests/test_regex_linear.py.

Module globals are walked (also inside tuples, lists, frozensets and dict values); patterns a
function compiles at call time are picked up from the `re` module's cache after the pipeline has
run on a sample (see `patterns_built_in_functions`).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pkgutil
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import scrapedown


def _patterns_in(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield value
    elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)


def module_patterns() -> dict[str, re.Pattern[str]]:
    """`module.NAME` (with `#i` for the i-th in a container) -> pattern."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[tuple[str, int]] = set()
    for info in pkgutil.walk_packages(scrapedown.__path__, "scrapedown."):
        module = importlib.import_module(info.name)
        for name, value in sorted(vars(module).items()):
            for index, pattern in enumerate(_patterns_in(value)):
                key = (pattern.pattern, pattern.flags)
                if key in seen:
                    continue
                seen.add(key)
                label = f"{info.name}.{name}" + (f"#{index}" if index else "")
                found[label] = pattern
    return found


@contextlib.contextmanager
def compiled_by_the_package() -> Iterator[dict[str, re.Pattern[str]]]:
    """Record the patterns code of the package compiles while the block runs (`re.compile`
    inside a function, `re.search(pattern, …)`, …), labelled by their call site."""
    found: dict[str, re.Pattern[str]] = {}
    package = str(Path(scrapedown.__file__).parent)
    original = re._compile  # type: ignore[attr-defined]

    def recording(pattern: Any, flags: Any) -> Any:
        compiled = original(pattern, flags)
        frame: FrameType | None = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename == re.__file__:
            frame = frame.f_back
        in_package = frame is not None and frame.f_code.co_filename.startswith(package)
        if frame is not None and in_package and isinstance(compiled.pattern, str):
            where = os.path.relpath(frame.f_code.co_filename, package)
            found[f"{where}:{frame.f_lineno}"] = compiled
        return compiled

    re._compile = recording  # type: ignore[attr-defined]
    try:
        yield found
    finally:
        re._compile = original  # type: ignore[attr-defined]


def long_run_requested(config: Any) -> bool:
    """Whether the run selects the long tests (`-m slow`): they are skipped otherwise."""
    expression = str(config.getoption("markexpr") or "")
    return "slow" in expression and "not slow" not in expression
