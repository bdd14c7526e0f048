"""The real pre-commit running our hooks from a copy of this working tree (``try-repo``).

pre-commit builds the hook's virtualenv from PyPI (hatchling and our dependencies), so this needs
the package index; deselect it offline with ``-m "not hook"``. It runs in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import scrapedown

pytestmark = [pytest.mark.hook, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
# Everything a pip install of the hook repository may need (src, pyproject.toml, README.md,
# .pre-commit-hooks.yaml, licence files …), without the local environments and caches.
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv*", "__pycache__", "*.pyc", ".*_cache", ".hypothesis", "build", "dist",
    "*.egg-info", "out",
)  # fmt: skip

# A seed-like Hexo post (written for this test): inline styles, wrapper spans, a proxied image.
DIRTY_POST = """\
---
title: '开源软件的一次小聚会'
categories:
 - 新闻
headimg: 'https://cors.zfour.workers.dev/?http://img.example.com/2021/03/cover.png'
date: Mon, 29 Mar 2021 03:22:00 GMT
---

<div><p style="text-indent: 2em; text-align: left;">上周末，<span class="hrefStyle">\
<a href="https://example.org/meetup" target="_blank">开源聚会</a></span>在北京举行。</p>\
<p style="text-align: center;"><img src="https://cors.zfour.workers.dev/?http://img.example.com\
/2021/03/hall.png" alt="image.png"></p><p style="text-indent: 2em;"><span>会上讨论了\
<strong>文档</strong>与测试。</span></p></div>
"""
CLEAN_POST = """\
---
title: A calm post
---

Nothing to clean here: plain **Markdown** with a [link](https://example.org/).
"""


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _commit_all(repo: Path) -> None:
    _git("init", "-q", "-b", "main", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("-c", "user.email=t@example.org", "-c", "user.name=test", "commit", "-qm", "x", cwd=repo)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This working tree, uncommitted edits included, as a committed repository.

    try-repo on a path uses what is committed there, so the files are copied and committed.
    """
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("hook") / "repo"
    shutil.copytree(ROOT, repo, ignore=NOT_COPIED, symlinks=True)
    _commit_all(repo)
    return repo


def _blog(root: Path) -> tuple[Path, Path]:
    posts = root / "source" / "_posts"
    posts.mkdir(parents=True)
    dirty, clean = posts / "dirty.md", posts / "clean.md"
    dirty.write_text(DIRTY_POST, encoding="utf-8")
    clean.write_text(CLEAN_POST, encoding="utf-8")
    (root / "notes.txt").write_text("<p style='x'>not markdown: never passed</p>\n")
    _commit_all(root)
    return dirty, clean


def _try_repo(
    hook_repo: Path, hook: str, cwd: Path, home: Path
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "SCRAPEDOWN_CACHE_DIR": str(home / "sd")}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--all-files"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_fixing_hook_rewrites_only_the_dirty_post(hook_repo: Path, tmp_path: Path) -> None:
    dirty, clean = _blog(tmp_path / "blog")
    clean_mtime = clean.stat().st_mtime_ns
    first = _try_repo(hook_repo, "scrapedown", tmp_path / "blog", tmp_path / "pc")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert dirty.read_text(encoding="utf-8") == scrapedown.clean(DIRTY_POST)
    assert "cors.zfour.workers.dev" not in dirty.read_text(encoding="utf-8")
    assert clean.read_text(encoding="utf-8") == CLEAN_POST
    assert clean.stat().st_mtime_ns == clean_mtime
    assert "never passed" in (tmp_path / "blog" / "notes.txt").read_text()

    second = _try_repo(hook_repo, "scrapedown", tmp_path / "blog", tmp_path / "pc")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout


def test_check_hook_fails_without_modifying(hook_repo: Path, tmp_path: Path) -> None:
    dirty, clean = _blog(tmp_path / "blog")
    result = _try_repo(hook_repo, "scrapedown-check", tmp_path / "blog", tmp_path / "pc")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "would clean source/_posts/dirty.md" in result.stdout
    assert "files were modified" not in result.stdout
    assert dirty.read_text(encoding="utf-8") == DIRTY_POST
    assert clean.read_text(encoding="utf-8") == CLEAN_POST
