"""Odd trees and black/ruff conventions: every path problem is one ``path: reason`` line counted
as failed, skipped paths are counted, flags go anywhere, excludes replace or extend."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import scrapedown
from scrapedown.batch import files as _files
from scrapedown.cli import main

DIRTY = "---\ntitle: 'Hello'\n---\n<div><p style='x'>Hello <span>world</span>.</p></div>\n"
CLEAN = "---\ntitle: 'Calm'\n---\n\nAlready clean text.\n"
PAGE = "<html><body><article><p style='x'>A page body.</p></article></body></html>\n"


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCRAPEDOWN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def _write(root: Path, files: dict[str, str]) -> dict[str, Path]:
    paths = {}
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        paths[name] = path
    return paths


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err and "Errno" not in err, err


def test_symlink_loop_is_a_failure_and_the_rest_converts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = _write(tmp_path, {"ok.md": DIRTY})
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    _no_traceback(err)
    assert f"{tmp_path / 'a.md'}: too many levels of symbolic links" in err
    assert "1 changed, 0 unchanged, 2 failed" in err
    assert posts["ok.md"].read_text() == scrapedown.clean(DIRTY)
    assert main(["--check", str(tmp_path / "a.md")]) == 2  # named: the same one-line error
    _no_traceback(capsys.readouterr().err)


def test_dangling_symlink_and_missing_argument_are_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    assert main(["--check", str(tmp_path), str(tmp_path / "missing.md")]) == 2
    err = capsys.readouterr().err
    _no_traceback(err)
    assert f"{tmp_path / 'gone.md'}: no such file or directory" in err
    assert f"{tmp_path / 'missing.md'}: cannot read: no such file or directory" in err


def test_unlistable_folder_is_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    posts = _write(tmp_path, {"open/a.md": DIRTY, "locked/b.md": DIRTY})
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # root may list anything: simulate the EACCES
        if Path(str(path)).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    assert (
        main(["-o", str(tmp_path / "out"), str(tmp_path / "open"), str(tmp_path / "locked")]) == 2
    )
    err = capsys.readouterr().err
    _no_traceback(err)
    assert f"{tmp_path / 'locked'}: cannot list the directory: permission denied" in err
    assert "1 written, 0 unchanged, 1 failed" in err
    assert posts["locked/b.md"].read_text() == DIRTY


def _permissions_apply() -> list[str]:
    """A command prefix under which file permissions hold: for root, `setpriv` without the
    capabilities that override them (root reads everything otherwise)."""
    if not hasattr(os, "geteuid"):
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    if shutil.which("setpriv") is None or subprocess.run([*prefix, "true"]).returncode:
        pytest.skip("root, and its permission overrides cannot be dropped here")
    return prefix


def _run_cli(prefix: list[str], args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(scrapedown.__file__).parents[1])}
    command = [*prefix, sys.executable, "-m", "scrapedown", "--no-cache", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.timeout(300)
def test_unreadable_folders_and_files_for_real(tmp_path: Path) -> None:
    prefix = _permissions_apply()
    posts = _write(tmp_path, {"t/locked/b.md": DIRTY, "t/ok/a.md": DIRTY, "t/ok/shut.md": DIRTY})
    (tmp_path / "t/locked").chmod(0o000)
    posts["t/ok/shut.md"].chmod(0o000)
    try:
        runs = {
            "walk": _run_cli(prefix, ["-o", "out", "t"], tmp_path),
            "named, -o": _run_cli(prefix, ["-o", "o2", "t/locked/b.md"], tmp_path),
            "named, --check": _run_cli(prefix, ["--check", "t/locked/b.md"], tmp_path),
        }
    finally:
        (tmp_path / "t/locked").chmod(0o755)
        posts["t/ok/shut.md"].chmod(0o644)
    for name, run in runs.items():
        assert run.returncode == 2, (name, run.stderr)
        _no_traceback(run.stderr)
    walk = runs["walk"].stderr
    assert "t/locked: cannot list the directory: permission denied" in walk
    assert "t/ok/shut.md: cannot read: permission denied" in walk
    assert "1 written, 0 unchanged, 2 failed" in walk
    assert "t/locked/b.md: cannot read: permission denied" in runs["named, --check"].stderr
    assert "0 written, 0 unchanged, 1 failed" in runs["named, -o"].stderr


def test_an_output_path_that_is_a_directory_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, {"in/a.md": DIRTY, "in/b.md": DIRTY})
    (tmp_path / "out/a.md").mkdir(parents=True)
    for check in ([], ["--check"]):
        assert main([*check, "-o", str(tmp_path / "out"), str(tmp_path / "in")]) == 2
        err = capsys.readouterr().err
        _no_traceback(err)
        assert f"{tmp_path / 'in/a.md'}: output {tmp_path / 'out/a.md'}: is a directory" in err


def test_a_deleted_current_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    posts = _write(tmp_path, {"a.md": DIRTY})
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert main([str(posts["a.md"])]) == 2
    err = capsys.readouterr().err
    assert "scrapedown: error: the current directory cannot be used" in err
    _no_traceback(err)


def test_an_internal_error_is_exit_2_not_the_changes_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    posts = _write(tmp_path, {"a.md": DIRTY})

    def broken(self: _files.Walker, paths: list[Path]) -> _files.Discovery:
        raise RuntimeError("a bug")

    monkeypatch.setattr(_files.Walker, "collect", broken)
    assert main(["--check", str(posts["a.md"])]) == 2  # 1 would read as "a post would change"
    err = capsys.readouterr().err
    assert "RuntimeError: a bug" in err  # the traceback, for the bug report
    assert err.rstrip().endswith("internal error; please report it with the traceback above")


def test_a_file_that_vanishes_after_the_walk_is_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    posts = _write(tmp_path, {"a.md": DIRTY, "b.md": DIRTY})
    real_collect = _files.Walker.collect

    def collect(self: _files.Walker, paths: list[Path]) -> _files.Discovery:
        found = real_collect(self, paths)
        posts["a.md"].unlink()  # deleted between the walk and the read
        return found

    monkeypatch.setattr(_files.Walker, "collect", collect)
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{posts['a.md']}: cannot read: no such file or directory" in err
    assert "1 changed, 0 unchanged, 1 failed" in err


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_non_utf8_file_name_is_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, {"ok.md": CLEAN})
    bad = os.fsencode(str(tmp_path)) + b"/caf\xe9.md"
    try:
        with open(bad, "wb") as stream:  # noqa: PTH123 (a bytes path)
            stream.write(DIRTY.encode())
    except OSError:
        pytest.skip("this file system refuses non-UTF-8 names")
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    _no_traceback(err)
    assert f"{tmp_path}/caf\\xe9.md: the name is not valid UTF-8; rename it" in err
    assert "0 changed, 1 unchanged, 1 failed" in err


def test_gitignored_paths_are_counted_and_can_be_included(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("data/\n*.tmp.md\n")
    _write(tmp_path, {"data/raw/a.md": DIRTY, "x.tmp.md": DIRTY, "y.tmp.md": DIRTY})
    assert main(["--check", "."]) == 0
    err = capsys.readouterr().err
    assert "0 would change, 0 unchanged, 0 failed, 3 ignored by .gitignore" in err
    assert main(["--check", "data/raw"]) == 0  # the folder named is inside an ignored one
    err = capsys.readouterr().err
    assert "1 ignored by .gitignore" in err
    assert "nothing to do: 1 path(s) ignored by .gitignore (--no-respect-gitignore" in err
    assert main(["--check", "--no-respect-gitignore", "."]) == 1
    assert "3 would change, 0 unchanged, 0 failed (" in capsys.readouterr().err
    (tmp_path / "pyproject.toml").write_text("[tool.scrapedown]\nrespect-gitignore = false\n")
    assert main(["--check", "."]) == 1
    capsys.readouterr()


def test_options_after_and_between_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = _write(tmp_path, {"a.md": DIRTY, "b.md": DIRTY})
    out = tmp_path / "out"
    assert main([str(posts["a.md"]), "-o", str(out), str(posts["b.md"]), "-q"]) == 0
    assert (out / "a.md").is_file() and (out / "b.md").is_file()
    assert posts["a.md"].read_text() == DIRTY
    assert capsys.readouterr().err == ""  # -q after the paths applies too


def test_exclude_replaces_and_extend_exclude_adds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, {"node_modules/x/README.md": DIRTY, "drafts/a.md": DIRTY, "b.md": DIRTY})
    assert main(["--check", "."]) == 1
    assert "1 excluded" in capsys.readouterr().err  # node_modules/, the default
    assert main(["--check", "--exclude", "b.md", "--exclude", "drafts/", "."]) == 1
    err = capsys.readouterr().err
    assert "would clean node_modules/x/README.md" in err  # the default list was replaced
    assert "2 excluded" in err
    assert main(["--check", "--extend-exclude", "b.md", "--extend-exclude", "drafts/", "."]) == 0
    assert "3 excluded" in capsys.readouterr().err
    (tmp_path / "pyproject.toml").write_text(
        '[tool.scrapedown]\nexclude = ["b.md"]\nextend-exclude = ["drafts/"]\n'
    )
    assert main(["--check", "."]) == 1  # node_modules is back: exclude replaced the default
    assert "would clean node_modules/x/README.md" in capsys.readouterr().err


def test_jobs_zero_means_all_cpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scrapedown.cli import runner as _runner

    seen: list[int] = []
    real = _runner._outcomes

    def spy(tasks, settings, *, jobs, engine):  # type: ignore[no-untyped-def]
        seen.append(jobs)
        return real(tasks, settings, jobs=jobs, engine=engine)

    monkeypatch.setattr(_runner, "_outcomes", spy)
    monkeypatch.setattr(_runner, "default_jobs", lambda: 7)
    _write(tmp_path, {"a.md": CLEAN})
    assert main(["-j", "0", "--no-cache", str(tmp_path)]) == 0
    assert seen == [7]
    assert main(["-j", "-1", str(tmp_path)]) == 2


def test_no_arguments_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: scrapedown")
    assert "no PATH given" in err


def test_stdin_filename_without_stdin_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = _write(tmp_path, {"a.md": DIRTY})
    assert main(["--stdin-filename", "x.md", str(posts["a.md"])]) == 2  # ignored, silently, before
    assert "--stdin-filename names what '-' stands for" in capsys.readouterr().err
    assert posts["a.md"].read_text() == DIRTY


def test_check_and_diff_of_html_without_output_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, {"page.html": PAGE})
    assert main(["--check", "page.html"]) == 1
    assert "would clean page.md" in capsys.readouterr().err
    assert main(["--diff", "page.html"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- /dev/null\n+++ b/page.md\n")
    assert "A page body." in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]  # nothing written
    assert main(["page.html"]) == 2  # writing still needs -o
    assert "HTML input needs -o DIR" in capsys.readouterr().err


def test_diff_headers_for_stdin_and_output_dir(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io
    import sys

    monkeypatch.chdir(tmp_path)
    _write(tmp_path, {"in/a.md": DIRTY, "out/a.md": "old\n"})
    assert main(["--diff", "-o", "out", "in"]) == 1
    assert capsys.readouterr().out.startswith("--- a/out/a.md\n+++ b/out/a.md\n")
    assert main(["--diff", "-o", str(tmp_path / "out"), "in"]) == 1
    path = tmp_path / "out" / "a.md"
    assert capsys.readouterr().out.startswith(f"--- {path}\n+++ {path}\n")
    for argv, header in [
        (["--diff", "-"], "--- STDIN\n+++ STDOUT\n"),
        (["--diff", "--stdin-filename", "posts/x.md", "-"], "--- a/posts/x.md\n+++ b/posts/x.md\n"),
    ]:
        stdin = io.TextIOWrapper(io.BytesIO(DIRTY.encode()), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", stdin)
        assert main(argv) == 1
        assert capsys.readouterr().out.startswith(header)


def test_diff_never_reads_through_a_symlink_in_the_output_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, {"in/a.md": DIRTY, "in/sub/b.md": DIRTY, "secret.txt": "TOP SECRET\n"})
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").symlink_to(tmp_path / "secret.txt")
    (out / "sub").symlink_to(tmp_path)  # a folder leading outside
    assert main(["--diff", "-o", str(out), str(tmp_path / "in")]) == 2
    captured = capsys.readouterr()
    assert "TOP SECRET" not in captured.out + captured.err
    assert "outside the output directory" in captured.err
    assert main(["-o", str(out), str(tmp_path / "in")]) == 2  # the link is replaced, not followed
    assert (tmp_path / "secret.txt").read_text() == "TOP SECRET\n"
    assert not (out / "a.md").is_symlink()


def test_diff_does_not_block_on_a_fifo_in_the_output_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    _write(tmp_path, {"in/a.md": DIRTY})
    (tmp_path / "out").mkdir()
    os.mkfifo(tmp_path / "out" / "a.md")
    assert main(["--diff", "-o", str(tmp_path / "out"), str(tmp_path / "in")]) == 1
    assert "+Hello world." in capsys.readouterr().out
