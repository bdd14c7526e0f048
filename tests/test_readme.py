"""Every claim of README.md that is not a runnable example (those run in `tests/test_docs.py`):
its length, its first commands, its counts, its before/after example, its output formats, its
links and its licence."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from scrapedown.rules import RULE_NAMES
from scrapedown.urls.registry import BUILTIN_NAMES, BUILTIN_RULES
from tests.conftest import FIXTURES, REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
BLOCKS = FENCE.findall(README)


def test_short() -> None:
    assert len(README.splitlines()) <= 250


def test_starts_with_the_two_commands_ci_runs() -> None:
    language, code = BLOCKS[0]
    assert (language, code) == (
        "bash",
        "pip install . && scrapedown fixtures/ -o out/\npip install -e '.[test]' && pytest\n",
    )
    assert "pip install -e '.[test]' && pytest\n" in (REPO / ".ci" / "run").read_text()


def test_before_and_after_are_the_golden_fixture() -> None:
    case = FIXTURES / "seed-like-hexo-post"
    assert "`fixtures/seed-like-hexo-post/input.md`" in README
    assert BLOCKS[1] == ("html", (case / "input.md").read_text(encoding="utf-8"))
    assert BLOCKS[2] == ("markdown", (case / "expected.md").read_text(encoding="utf-8"))


def test_rule_counts() -> None:
    assert f"**{len(RULE_NAMES)} named cleaning rules**" in README
    names, entries = len(BUILTIN_NAMES), len(BUILTIN_RULES)
    assert f"a registry of {names} named URL rules ({entries} entries)" in README


def test_summary_line_has_the_format_the_cli_prints() -> None:
    claimed = re.search(r"a summary such as\s+`([^`]+)`", README)
    assert claimed is not None
    shape = re.compile(
        r"\d+ (?:changed|would change|written), \d+ unchanged, \d+ failed \(\d+\.\d\d s\)"
    )
    assert shape.fullmatch(claimed.group(1))
    result = subprocess.run(
        [
            *(sys.executable, "-m", "scrapedown", "--check", "--no-cache", "-j", "1"),
            *(str(FIXTURES / case) for case in ("seed-like-hexo-post", "clean-post-unchanged")),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert shape.fullmatch(result.stderr.strip().splitlines()[-1]), result.stderr


def test_configuration_tables_named() -> None:
    for table in ("punct", "urls", "page"):
        assert f"`[tool.scrapedown.{table}]`" in README


def test_links_resolve() -> None:
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if not target.startswith("http"):
            assert (REPO / target).exists(), target


def test_licence() -> None:
    licence = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) 2026 scrapedown developers\n")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert "MIT, see [LICENSE](LICENSE)." in README


_CITED_TEST = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+))?")


def test_every_cited_test_exists() -> None:
    """The Guarantees table (README and docs/guarantees.md) names test files and tests that
    exist, so a promise cannot point at a test that was renamed or removed."""
    guarantees = (REPO / "docs" / "guarantees.md").read_text(encoding="utf-8")
    cited = _CITED_TEST.findall(README + guarantees)
    assert len(cited) > 20
    for path, name in cited:
        source = (REPO / path).read_text(encoding="utf-8")
        assert not name or f"def {name}(" in source, f"{path}::{name}"
