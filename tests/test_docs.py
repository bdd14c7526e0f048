"""The documentation: `mkdocs build --strict` is clean, and every code example in README.md and
docs/*.md runs.

Python blocks of one page run in order in one namespace (they assert what the text claims),
bash blocks run line by line through the shell, TOML blocks are read by the configuration code,
YAML blocks are checked against `.pre-commit-hooks.yaml` — all inside a scratch directory that
holds the files the examples name (`post.md`, `posts/`, `dump/`, `fixtures/`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from scrapedown import Options
from scrapedown.cli.config import options_from_table
from scrapedown.page.options import PageOptions
from scrapedown.punct.options import PunctOptions
from scrapedown.rules import SOUP_RULES, TREE_RULES
from scrapedown.urls.options import UrlOptions
from scrapedown.urls.registry import BUILTIN_NAMES, BUILTIN_RULES
from tests.conftest import FIXTURES, REPO

DOCS = REPO / "docs"
PAGES = sorted(DOCS.glob("*.md"))
DOCUMENTS = [REPO / "README.md", *PAGES]
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
# Python blocks of these pages need more than the core (a Dask scheduler run).
SLOW_PAGES = {"corpus-scale.md"}
SUBPROCESS_TIMEOUT = 300


def _blocks(path: Path, language: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [code for lang, code in FENCE.findall(text) if lang == language]


def _env(cache: Path) -> dict[str, str]:
    """This test run's environment, our interpreter's scripts first on PATH, a private cache."""
    bin_dir = str(Path(sys.executable).parent)
    paths = [str(REPO / "src"), os.environ.get("PYTHONPATH", "")]
    return {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join(p for p in paths if p),
        "SCRAPEDOWN_CACHE_DIR": str(cache),
    }


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Path]:
    """A scratch directory holding every file the examples name, as the cwd."""
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    shutil.copy(FIXTURES / "seed-like-hexo-post" / "input.md", tmp_path / "post.md")
    for folder in ("posts", "dump"):
        (tmp_path / folder).mkdir()
        for case in ("seed-like-hexo-post", "clean-post-unchanged", "full-width-forms"):
            shutil.copy(FIXTURES / case / "input.md", tmp_path / folder / f"{case}.md")
    shutil.copy(
        REPO / "tests" / "page_fixtures" / "blog_post.html", tmp_path / "dump" / "page.html"
    )
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(cwd)


# --- the site --------------------------------------------------------------------------------


def test_mkdocs_build_is_strictly_clean(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=_env(tmp_path / "cache"),
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    options = (site / "options" / "index.html").read_text(encoding="utf-8")
    for cls in (Options, PunctOptions, UrlOptions, PageOptions):
        for field in fields(cls):
            if cls is Options and field.name in {"punct", "urls", "page"}:
                continue
            assert f"<code>{field.name.replace('_', '-')}</code>" in options, field.name
    architecture = (site / "architecture" / "index.html").read_text(encoding="utf-8")
    positions = [
        architecture.index(f"<td><code>{name}</code></td>") for name, _ in TREE_RULES + SOUP_RULES
    ]
    assert positions == sorted(positions)  # every rule, in the order it runs
    rules_page = (site / "url-rules" / "index.html").read_text(encoding="utf-8")
    assert f"{len(BUILTIN_RULES)} entries under {len(BUILTIN_NAMES)} names" in rules_page
    assert "--force-exclude" in (site / "cli" / "index.html").read_text(encoding="utf-8")
    _source_references_resolve(site)


def _source_references_resolve(site: Path) -> None:
    """Every ``docs/PAGE.md#anchor`` a source comment cites is a page with that heading; no
    comment cites material outside the repository (research notes, the design brief)."""
    cited = 0
    for path in sorted((REPO / "src").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"research/|anchors-|DESIGN\.md|spec §", text), path
        for page, anchor in re.findall(r"docs/([\w-]+)\.md(?:#([\w-]+))?", text):
            html = (site / page / "index.html").read_text(encoding="utf-8")
            assert not anchor or f'id="{anchor}"' in html, f"{path}: docs/{page}.md#{anchor}"
            cited += 1
    assert cited >= 25


def test_every_page_is_in_the_navigation() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert sorted(re.findall(r": ([\w-]+\.md)$", config, re.MULTILINE)) == sorted(
        page.name for page in PAGES
    )


def test_the_hook_file_names_an_existing_docs_page() -> None:
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for name in re.findall(r"docs/[\w-]+\.md", hooks):
        assert (REPO / name).is_file(), name


# --- the examples ----------------------------------------------------------------------------


def _python_params() -> list[object]:
    return [
        pytest.param(path, id=path.name, marks=[pytest.mark.slow] * (path.name in SLOW_PAGES))
        for path in DOCUMENTS
        if _blocks(path, "python")
    ]


@pytest.mark.parametrize("path", _python_params())
def test_python_examples_run(path: Path, workspace: Path) -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for number, code in enumerate(_blocks(path, "python"), 1):
        try:
            exec(compile(code, f"{path.name}, python block {number}", "exec"), namespace)
        except Exception as exc:
            pytest.fail(f"{path.name}, python block {number}: {exc!r}")


def _commands(path: Path) -> list[str]:
    commands: list[str] = []
    for block in _blocks(path, "bash"):
        for line in block.splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                commands.append(line.strip())
    return commands


def _bash_params() -> list[object]:
    return [
        pytest.param(path, id=path.name, marks=[pytest.mark.slow] * ("--engine dask" in block))
        for path in DOCUMENTS
        for block in ["\n".join(_commands(path))]
        if block
    ]


@pytest.mark.parametrize("path", _bash_params())
def test_bash_examples_run(path: Path, workspace: Path) -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    for command in _commands(path):
        if command.startswith("pip install"):  # installing is not done here; what follows is
            command = command.partition("&&")[2].strip()
            if not command:
                continue
        if command == "pytest":
            assert "pip install -e '.[test]' && pytest" in ci  # CI runs the README's command
            continue
        result = subprocess.run(
            ["bash", "-c", command],
            cwd=workspace,
            capture_output=True,
            text=True,
            env=_env(workspace / ".cache"),
            timeout=SUBPROCESS_TIMEOUT,
            check=False,
        )
        allowed = {0, 1} if ("--check" in command or "--diff" in command) else {0}
        assert result.returncode in allowed, f"{command}: {result.stderr}"
        assert "Traceback" not in result.stderr, f"{command}: {result.stderr}"


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if _blocks(p, "toml")], ids=lambda p: p.name)
def test_toml_examples_are_valid_configuration(path: Path) -> None:
    for code in _blocks(path, "toml"):
        document = tomllib.loads(code)
        table = document.get("tool", {}).get("scrapedown", document)  # fixture options: top level
        options = options_from_table(table)
        assert options != Options() or not table


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if _blocks(p, "yaml")], ids=lambda p: p.name)
def test_pre_commit_examples_use_the_shipped_hooks(path: Path) -> None:
    shipped = {
        hook["id"]: hook
        for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    for code in _blocks(path, "yaml"):
        for repo in yaml.safe_load(code)["repos"]:
            for hook in repo["hooks"]:
                assert hook["id"] in shipped, hook["id"]
                re.compile(hook["files"])
                if repo["repo"] == "local":  # a local hook repeats the shipped definition
                    for key in ("entry", "types", "require_serial"):
                        assert hook[key] == shipped[hook["id"]][key], key
