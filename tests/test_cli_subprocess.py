"""The installed ``scrapedown`` script (and ``python -m scrapedown``) in real subprocesses."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import scrapedown
from scrapedown.cli.args import build_parser

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
DIRTY = (
    "---\ntitle: 'Post {n}'\n---\n"
    '<div><p style="text-indent: 2em;">Paragraph {n} with <span class="a">wrapped</span> '
    '<strong style="color:red">words</strong>.</p><p style="x">Second paragraph.</p></div>\n'
)


def _script() -> str:
    found = shutil.which("scrapedown", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("the scrapedown console script is not installed")
    return found


def _run(*args: str, cwd: Path, cache: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCRAPEDOWN_CACHE_DIR": str(cache)}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [_script(), *args], cwd=cwd, env=env, capture_output=True, text=True, **kwargs
    )


def test_help_documents_every_option(tmp_path: Path) -> None:
    result = _run("--help", cwd=tmp_path, cache=tmp_path)
    assert result.returncode == 0
    for action in build_parser()._actions:
        for flag in action.option_strings:
            assert flag in result.stdout, flag
        if action.help is not argparse.SUPPRESS and action.option_strings:
            assert action.help, action.option_strings
    assert "exit status" in result.stdout and "[tool.scrapedown]" in result.stdout


def test_console_script_and_module_behave_alike(tmp_path: Path) -> None:
    post = tmp_path / "a.md"
    post.write_text(DIRTY.format(n=1))
    checked = _run("--check", "a.md", cwd=tmp_path, cache=tmp_path / "c")
    assert checked.returncode == 1
    assert checked.stdout == ""
    assert "would clean a.md" in checked.stderr
    module = subprocess.run(
        [sys.executable, "-m", "scrapedown", "a.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "SCRAPEDOWN_CACHE_DIR": str(tmp_path / "c")},
    )
    assert module.returncode == 0, module.stderr
    assert post.read_text() == scrapedown.clean(DIRTY.format(n=1))
    assert _run("--check", "a.md", cwd=tmp_path, cache=tmp_path / "c").returncode == 0


HEAVY = ("bs4", "lxml", "markdownify", "markdown_it", "chardetng_py", "tqdm")


def test_no_heavy_import_until_there_is_work(tmp_path: Path) -> None:
    # What the pre-commit hook pays on a post the cache already knows is clean.
    post = tmp_path / "a.md"
    post.write_text(scrapedown.clean(DIRTY.format(n=3)))
    cache = tmp_path / "cache"
    assert _run("a.md", cwd=tmp_path, cache=cache).returncode == 0  # converts, fills the cache
    probe = (
        "import sys\n"
        "from scrapedown.cli import main\n"
        "codes = [main(['--help']), main(['--version']), main(['--check', 'a.md'])]\n"
        f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})\n"
        "print(codes, heavy)\n"
    )
    env = {**os.environ, "SCRAPEDOWN_CACHE_DIR": str(cache)}
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[0, 0, 0] []", result.stderr


def test_stdin_through_a_pipe(tmp_path: Path) -> None:
    result = _run("-", cwd=tmp_path, cache=tmp_path, input=DIRTY.format(n=2))
    assert result.returncode == 0
    assert result.stdout == scrapedown.clean(DIRTY.format(n=2))
    assert result.stderr == ""


def test_usage_error_exit_2(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.scrapedown]\nnot-an-option = 1\n")
    (tmp_path / "a.md").write_text("x\n")
    result = _run("a.md", cwd=tmp_path, cache=tmp_path)
    assert result.returncode == 2
    assert "unknown key tool.scrapedown.not-an-option" in result.stderr


def test_sigint_mid_run_leaves_only_whole_files(tmp_path: Path) -> None:
    originals = {f"p{n:03}.md": DIRTY.format(n=n) * 60 for n in range(400)}
    for name, text in originals.items():
        (tmp_path / name).write_text(text)
    env = {**os.environ, "SCRAPEDOWN_CACHE_DIR": str(tmp_path / ".cache")}
    process = subprocess.Popen(
        [_script(), "-j", "2", "--no-cache", str(tmp_path)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a shell job
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any((tmp_path / name).read_text() != text for name, text in originals.items()):
            break
        time.sleep(0.05)
    if process.poll() is not None:
        pytest.skip("the run finished before it could be interrupted")
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted" in err
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".scrapedown-tmp")]
    assert leftovers == []
    written = 0
    for name, text in originals.items():
        content = (tmp_path / name).read_text()
        if content != text:
            assert content == scrapedown.clean(text), name
            written += 1
    assert 0 < written < len(originals)


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_whole_corpus_converts_and_the_output_is_clean(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _run("-o", str(out), "--no-cache", str(CORPUS), cwd=tmp_path, cache=tmp_path / "c")
    assert first.returncode == 0, first.stderr[-3000:]
    inputs = [p for p in CORPUS.iterdir() if p.suffix in {".md", ".html"}]
    assert len(list(out.rglob("*.md"))) == len(inputs)
    second = _run("--check", "--no-cache", str(out), cwd=tmp_path, cache=tmp_path / "c")
    assert second.returncode == 0, second.stderr[-3000:]
