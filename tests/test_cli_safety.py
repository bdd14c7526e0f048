"""What a run may trust and what it may overwrite: configuration from the user's project only,
a cache that cannot hide a dirty post, no lost edits, no silently replaced read-only output."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import scrapedown
from scrapedown.batch import cache as _cache
from scrapedown.batch import worker as _worker
from scrapedown.batch.cache import Cache, cache_key, digest
from scrapedown.cli import main

DIRTY = "---\ntitle: 'Hello'\n---\n<div><p style='x'>Hello <span>world</span>.</p></div>\n"
FULLWIDTH = "---\ntitle: 'Keys'\n---\n\nPress Ａｌｔ＋Ｆ４ to quit.\n"


@pytest.fixture
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path_factory.mktemp("cache") / "scrapedown"
    monkeypatch.setenv("SCRAPEDOWN_CACHE_DIR", str(path))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    return path


# --- configuration ---------------------------------------------------------------------------


def test_config_inside_a_converted_tree_from_elsewhere_is_not_used(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cache_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, dump = tmp_path / "project", tmp_path / "dump"
    (project / ".git").mkdir(parents=True)
    dump.mkdir()
    (dump / "pyproject.toml").write_text("[tool.scrapedown.punct]\nenabled = false\n")
    (dump / "a.md").write_text(FULLWIDTH)
    monkeypatch.chdir(project)
    assert main(["-o", str(project / "out"), str(dump)]) == 0
    assert "Alt+F4" in (project / "out" / "a.md").read_text()  # the dump's config was ignored
    assert f"note: {dump / 'pyproject.toml'} is not used" in capsys.readouterr().err  # and said
    monkeypatch.chdir(dump)  # run inside the dump: it is the user's project now
    assert main(["-o", str(project / "out2"), "."]) == 0
    assert "Ａｌｔ" in (project / "out2" / "a.md").read_text()
    assert "is not used" not in capsys.readouterr().err
    monkeypatch.chdir(project)  # or named on purpose
    out3 = project / "out3"
    assert main(["--config", str(dump / "pyproject.toml"), "-o", str(out3), str(dump)]) == 0
    assert "Ａｌｔ" in (out3 / "a.md").read_text()


def test_config_of_the_users_project_applies_to_a_tree_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache_dir: Path
) -> None:
    project, dump = tmp_path / "project", tmp_path / "dump"
    (project / ".git").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[tool.scrapedown.punct]\nenabled = false\n")
    dump.mkdir()
    (dump / "a.md").write_text(FULLWIDTH)
    monkeypatch.chdir(project)
    assert main(["-o", str(project / "out"), str(dump)]) == 0
    assert "Ａｌｔ" in (project / "out" / "a.md").read_text()


# --- edits and read-only files ----------------------------------------------------------------


def test_a_post_edited_during_the_run_is_not_overwritten(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cache_dir: Path,
) -> None:
    post = tmp_path / "a.md"
    post.write_text(DIRTY)
    real_convert = _worker.convert

    def convert_while_the_author_saves(text: str, *, options: scrapedown.Options) -> str:
        post.write_text(DIRTY + "\nA new paragraph.\n")  # the editor saves meanwhile
        return real_convert(text, options=options)

    monkeypatch.setattr(_worker, "convert", convert_while_the_author_saves)
    assert main([str(post)]) == 2
    assert f"{post}: changed on disk while it was being cleaned; not written" in (
        capsys.readouterr().err
    )
    assert post.read_text() == DIRTY + "\nA new paragraph.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left


def test_an_output_changed_during_the_run_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache_dir: Path
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(DIRTY)
    dest = tmp_path / "out" / "a.md"
    dest.parent.mkdir()
    dest.write_text("old\n")
    real_convert = _worker.convert

    def convert_while_someone_writes(text: str, *, options: scrapedown.Options) -> str:
        dest.write_text("someone else's\n")
        return real_convert(text, options=options)

    monkeypatch.setattr(_worker, "convert", convert_while_someone_writes)
    assert main(["-o", str(tmp_path / "out"), str(tmp_path / "in")]) == 2
    assert dest.read_text() == "someone else's\n"


def test_read_only_output_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cache_dir: Path
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(DIRTY)
    (tmp_path / "in" / "b.md").write_text(DIRTY)
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").write_text("kept\n")
    (out / "a.md").chmod(0o444)
    try:
        assert main(["-o", str(out), str(tmp_path / "in")]) == 2
        assert f"output {out / 'a.md'}: file is read-only; not modified" in capsys.readouterr().err
        assert (out / "a.md").read_text() == "kept\n"
        assert (out / "b.md").read_text() == scrapedown.clean(DIRTY)
    finally:
        (out / "a.md").chmod(0o644)


# --- the cache --------------------------------------------------------------------------------


def _cache_file(options: scrapedown.Options | None = None) -> Path:
    cache = Cache.open(cache_key(options or scrapedown.Options(), verify=True))
    assert cache.path is not None
    return cache.path


def test_a_forged_cache_entry_cannot_hide_a_dirty_post(tmp_path: Path, cache_dir: Path) -> None:
    post = tmp_path / "a.md"
    post.write_text(DIRTY)
    data = post.read_bytes()
    forged = digest(data) + digest(data)  # "this input is its own clean output"
    path = _cache_file()
    for content in (forged, b"\0" * 32 + forged, os.urandom(32) + forged):
        path.write_bytes(content)
        assert main(["--check", str(post)]) == 1
    assert main([str(post)]) == 0
    assert post.read_text() == scrapedown.clean(DIRTY)


def test_a_cache_restored_from_another_job_is_not_trusted(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = tmp_path / "a.md"
    post.write_text(DIRTY)
    data = post.read_bytes()
    # Another branch's CI job, with scrapedown's own code and its own key, seals an entry
    # "this input is clean" into the cache directory that this job then restores.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "their-state"))
    theirs = Cache.open(cache_key(scrapedown.Options(), verify=True))
    theirs.add(digest(data), digest(data))
    theirs.save()
    for key in (tmp_path / "their-state").rglob("key"):
        (cache_dir / "key").write_bytes(key.read_bytes())  # even their key, restored with it
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "our-state"))
    assert main(["--check", str(post)]) == 1
    assert main([str(post)]) == 0
    assert post.read_text() == scrapedown.clean(DIRTY)


def test_a_cache_file_of_other_options_is_not_trusted(tmp_path: Path, cache_dir: Path) -> None:
    post = tmp_path / "a.md"
    post.write_text(FULLWIDTH)  # clean when punctuation is off, dirty by default
    assert main(["--check", "-O", "punct.enabled=false", str(post)]) == 0  # cached as clean
    off = _cache_file(scrapedown.Options(punct=scrapedown.Options().punct.__class__(False)))
    assert off.is_file()
    off.replace(_cache_file())  # planted under the default options' key
    assert main(["--check", str(post)]) == 1


def test_cache_key_follows_versions_and_options(monkeypatch: pytest.MonkeyPatch) -> None:
    options = scrapedown.Options()
    key = cache_key(options, verify=True)
    assert key != cache_key(options, verify=False)
    assert key != cache_key(scrapedown.Options(bullet="*"), verify=True)
    monkeypatch.setattr(_cache, "_dependency_versions", lambda: ["lxml==0.0"])
    assert key != cache_key(options, verify=True)


def test_cache_directory_is_private(tmp_path: Path, cache_dir: Path) -> None:
    post = tmp_path / "a.md"
    post.write_text(DIRTY)
    assert main([str(post)]) == 0
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    key = _cache.key_dir() / "key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert not (cache_dir / "key").exists()  # apart from the cache: not restored with it
    cache_dir.chmod(0o777)  # opened up by someone: made private again
    assert main(["--check", str(post)]) == 0
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_cache_directory_of_another_user_is_not_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cache_dir: Path
) -> None:
    cache_dir.mkdir(mode=0o777)
    os.chown(cache_dir, 65534, 65534)
    post = tmp_path / "a.md"
    post.write_text(DIRTY)
    assert main(["-v", "--check", str(post)]) == 1
    assert f"cache not used: {cache_dir} belongs to another user" in capsys.readouterr().err
    assert list(cache_dir.iterdir()) == []


def test_output_digest_is_rechecked_on_a_hit(tmp_path: Path, cache_dir: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(DIRTY)
    out = tmp_path / "out"
    assert main(["-o", str(out), str(tmp_path / "in")]) == 0
    (out / "a.md").write_text("edited by hand\n")
    assert main(["--check", "-o", str(out), str(tmp_path / "in")]) == 1
    assert main(["-o", str(out), str(tmp_path / "in")]) == 0
    assert (out / "a.md").read_text() == scrapedown.clean(DIRTY)


def test_a_signal_during_a_write_lands_after_it(tmp_path: Path) -> None:
    import signal

    from scrapedown.batch import io as _io
    from scrapedown.batch.signals import Interrupted, stop_on_signals

    target = tmp_path / "post.md"
    target.write_bytes(b"original\n")
    real_fdopen = os.fdopen

    def fdopen_then_signal(fd: int, mode: str) -> object:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C between mkstemp and the rename
        return real_fdopen(fd, mode)

    with stop_on_signals(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fdopen", fdopen_then_signal)
        with pytest.raises(Interrupted) as caught:
            _io.write_atomic(target, b"replacement\n")
    assert caught.value.exit_status == 130
    assert target.read_bytes() == b"replacement\n"  # whole, and no temporary file left
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]
