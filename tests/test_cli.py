"""The command line driven in-process: ``main(argv) -> int`` over temporary trees."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

import scrapedown
from scrapedown.batch import worker as _worker
from scrapedown.cli import main

DIRTY = (
    "---\n"
    "title: 'Hello'\n"
    "date: 2021-03-29 03:22:00\n"
    "---\n"
    '<div><p style="text-indent: 2em;">Hello <span class="x">world</span>, '
    '<strong style="color:red">scraped</strong> text.</p></div>\n'
)
CLEAN = "---\ntitle: 'Calm'\n---\n\nAlready clean text.\n"
PAGE = "<html><body><article><p style='x'>A page body.</p></article></body></html>\n"
OLD = 1_000_000_000  # an mtime in 2001: a rewritten file would get a new one


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCRAPEDOWN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def _posts(root: Path, files: dict[str, str | bytes]) -> dict[str, Path]:
    paths = {}
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8", newline="")
        else:
            path.write_bytes(content)
        os.utime(path, (OLD, OLD))
        paths[name] = path
    return paths


def test_in_place_rewrites_only_the_dirty_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = _posts(tmp_path, {"dirty.md": DIRTY, "clean.md": CLEAN})
    assert main([str(tmp_path)]) == 0
    cleaned = posts["dirty.md"].read_text(encoding="utf-8")
    assert cleaned == scrapedown.clean(DIRTY)
    assert "<span" not in cleaned and "style=" not in cleaned and "world" in cleaned
    assert posts["clean.md"].read_text() == CLEAN
    assert posts["clean.md"].stat().st_mtime == OLD  # not even touched
    err = capsys.readouterr()
    assert err.out == ""
    assert f"cleaned {posts['dirty.md']}" in err.err
    assert "1 changed, 1 unchanged, 0 failed" in err.err


def test_check_writes_nothing_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = _posts(tmp_path, {"dirty.md": DIRTY, "clean.md": CLEAN})
    assert main(["--check", str(tmp_path)]) == 1
    assert posts["dirty.md"].read_text() == DIRTY
    assert posts["dirty.md"].stat().st_mtime == OLD
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"would clean {posts['dirty.md']}" in captured.err
    assert "clean.md" not in captured.err.replace("1 would change", "")
    assert main(["--check", str(posts["clean.md"])]) == 0


def test_diff_prints_a_unified_diff_on_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = _posts(tmp_path, {"dirty.md": DIRTY, "clean.md": CLEAN})
    assert main(["--diff", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    # An absolute path gets no git a/ b/ prefix ("b//tmp/x" is nobody's path).
    assert f"--- {posts['dirty.md']}\n+++ {posts['dirty.md']}\n" in out
    assert '-<div><p style="text-indent: 2em;">Hello' in out
    assert "clean.md" not in out
    assert posts["dirty.md"].read_text() == DIRTY


def test_quiet_prints_nothing_on_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _posts(tmp_path, {"dirty.md": DIRTY})
    assert main(["-q", str(tmp_path)]) == 0
    assert capsys.readouterr() == ("", "")


def test_output_dir_mirrors_the_tree_and_never_touches_inputs(tmp_path: Path) -> None:
    src, out = tmp_path / "dump", tmp_path / "clean"
    posts = _posts(src, {"a.md": DIRTY, "sub/page.html": PAGE, "sub/b.markdown": CLEAN})
    before = {name: (p.read_bytes(), p.stat().st_mtime) for name, p in posts.items()}
    assert main(["-o", str(out), str(src)]) == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a.md",
        "sub/b.markdown",
        "sub/page.md",
    ]
    assert (out / "a.md").read_text() == scrapedown.clean(DIRTY)
    assert "A page body." in (out / "sub" / "page.md").read_text()
    assert "<article" not in (out / "sub" / "page.md").read_text()
    assert {name: (p.read_bytes(), p.stat().st_mtime) for name, p in posts.items()} == before
    # Idempotent through the CLI: the output tree is already clean.
    assert main(["--check", "--no-cache", str(out)]) == 0


def test_output_dir_check_compares_with_existing_output(tmp_path: Path) -> None:
    src, out = tmp_path / "dump", tmp_path / "out"
    _posts(src, {"a.md": DIRTY})
    assert main(["--check", "-o", str(out), str(src)]) == 1
    assert not out.exists()  # --check writes nothing, not even the directory
    assert main(["-o", str(out), str(src)]) == 0
    assert main(["--check", "-o", str(out), str(src)]) == 0


def test_html_without_output_dir_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = _posts(tmp_path, {"page.html": PAGE})
    assert main([str(posts["page.html"])]) == 2
    assert "HTML input needs -o DIR" in capsys.readouterr().err
    assert posts["page.html"].read_text() == PAGE


def test_output_dir_must_not_contain_the_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _posts(tmp_path, {"a.md": DIRTY})
    assert main(["-o", str(tmp_path), str(tmp_path / "a.md")]) == 2
    assert "inside the output directory" in capsys.readouterr().err
    assert (tmp_path / "a.md").read_text() == DIRTY


def test_output_dir_inside_the_input_tree_is_not_walked(tmp_path: Path) -> None:
    _posts(tmp_path, {"a.md": DIRTY})
    assert main(["-o", str(tmp_path / "out"), str(tmp_path)]) == 0
    assert main(["-o", str(tmp_path / "out"), str(tmp_path)]) == 0
    assert not (tmp_path / "out" / "out").exists()


def test_two_inputs_for_one_output_fail_the_second(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _posts(tmp_path / "in", {"a.html": PAGE, "a.md": CLEAN})
    assert main(["-o", str(tmp_path / "out"), str(tmp_path / "in")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'in' / 'a.md'}: output {tmp_path / 'out' / 'a.md'} is already" in err
    assert "A page body." in (tmp_path / "out" / "a.md").read_text()


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsysbinary) -> None:  # type: ignore[no-untyped-def]
    _stdin(monkeypatch, DIRTY.encode())
    assert main(["-"]) == 0
    assert capsysbinary.readouterr().out == scrapedown.clean(DIRTY).encode()


def test_stdin_keeps_crlf_and_bom(monkeypatch: pytest.MonkeyPatch, capsysbinary) -> None:  # type: ignore[no-untyped-def]
    data = b"\xef\xbb\xbf" + "<p style='x'>text</p>\n".replace("\n", "\r\n").encode()
    _stdin(monkeypatch, data)
    assert main(["-"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbftext")
    assert b"\r\n" in out and b"\n" not in out.replace(b"\r\n", b"")


def test_stdin_check_and_diff(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    _stdin(monkeypatch, DIRTY.encode())
    assert main(["--check", "-"]) == 1
    assert capsys.readouterr().out == ""
    _stdin(monkeypatch, DIRTY.encode())
    assert main(["--diff", "-"]) == 1
    assert capsys.readouterr().out.startswith("--- STDIN\n+++ STDOUT\n")  # as black names them
    _stdin(monkeypatch, CLEAN.encode())
    assert main(["--check", "-"]) == 0


def test_stdin_html_needs_its_name(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    page = '<meta charset="gbk"><p>中文网页</p>\n'.encode("gbk")
    _stdin(monkeypatch, page)
    assert main(["--stdin-filename", "page.html", "-"]) == 0
    assert "中文网页" in capsys.readouterr().out
    _stdin(monkeypatch, page)
    assert main(["-"]) == 2
    assert "-: not valid UTF-8" in capsys.readouterr().err


def test_stdin_cannot_mix_with_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-", str(tmp_path)]) == 2
    assert "cannot be combined" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "code"),
    [(["--help"], 0), (["--version"], 0), (["--jobs", "-1", "x"], 2), (["--nope"], 2), ([], 2)],
)
def test_exit_codes_of_the_argument_parser(argv: list[str], code: int) -> None:
    assert main(argv) == code


def test_failures_are_reported_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = _posts(
        tmp_path,
        {
            "a-binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00",
            "b-latin1.md": "caf\u00e9 <b>x</b>\n".encode("latin-1"),
            "c-dirty.md": DIRTY,
        },
    )
    assert main([str(tmp_path), str(tmp_path / "missing.md")]) == 2
    err = capsys.readouterr().err
    assert f"{posts['a-binary.md']}: binary file" in err
    assert f"{posts['b-latin1.md']}: not valid UTF-8 (byte 0xe9 at offset 3)" in err
    assert f"{tmp_path / 'missing.md'}: cannot read: no such file or directory" in err
    assert "1 changed, 0 unchanged, 3 failed" in err
    assert posts["a-binary.md"].read_bytes().startswith(b"\x89PNG")
    assert posts["b-latin1.md"].stat().st_mtime == OLD
    assert posts["c-dirty.md"].read_text() == scrapedown.clean(DIRTY)


def test_gbk_html_page_is_converted_to_utf8_markdown(tmp_path: Path) -> None:
    body = "<p style='x'>卡奥斯赋能海尔互联工厂，摘得智能制造大奖。</p>" * 3
    page = f'<html><head><meta charset="gbk"></head><body>{body}</body></html>\n'
    _posts(tmp_path / "in", {"page.html": page.encode("gbk")})
    assert main(["-o", str(tmp_path / "out"), str(tmp_path / "in")]) == 0
    text = (tmp_path / "out" / "page.md").read_text(encoding="utf-8")
    assert "卡奥斯赋能海尔互联工厂" in text


def test_read_only_file_is_reported_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = _posts(tmp_path, {"locked.md": DIRTY, "open.md": DIRTY})
    posts["locked.md"].chmod(0o444)
    try:
        assert main([str(tmp_path)]) == 2
        assert f"{posts['locked.md']}: file is read-only; not modified" in capsys.readouterr().err
        assert posts["locked.md"].read_text() == DIRTY
        assert posts["open.md"].read_text() == scrapedown.clean(DIRTY)
    finally:
        posts["locked.md"].chmod(0o644)


def test_symlink_in_output_dir_cannot_lead_outside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _posts(tmp_path / "in", {"sub/a.md": DIRTY, "b.md": DIRTY})
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "sub").symlink_to(outside)
    assert main(["-o", str(out), str(tmp_path / "in")]) == 2
    assert "outside the output directory" in capsys.readouterr().err
    assert list(outside.iterdir()) == []
    assert (out / "b.md").is_file()


def test_symlinked_input_is_rewritten_through_the_link(tmp_path: Path) -> None:
    posts = _posts(tmp_path, {"real.md": DIRTY})
    link = tmp_path / "link.md"
    link.symlink_to(posts["real.md"])
    assert main([str(link)]) == 0
    assert link.is_symlink()
    assert posts["real.md"].read_text() == scrapedown.clean(DIRTY)


def test_crlf_and_bom_survive_in_place(tmp_path: Path) -> None:
    crlf = DIRTY.replace("\n", "\r\n").encode()
    posts = _posts(tmp_path, {"crlf.md": crlf, "bom.md": b"\xef\xbb\xbf<p style='x'>text</p>\n"})
    assert main([str(tmp_path)]) == 0
    out = posts["crlf.md"].read_bytes()
    assert out == scrapedown.clean(DIRTY).replace("\n", "\r\n").encode()
    assert posts["bom.md"].read_bytes().startswith(b"\xef\xbb\xbftext")


def test_interrupted_write_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = _posts(tmp_path, {"a.md": DIRTY, "b.md": DIRTY})

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", interrupt)
    assert main([str(tmp_path)]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]
    assert posts["a.md"].read_text() == DIRTY


def test_exclude_and_force_exclude(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the configuration is the project's the user runs in
    posts = _posts(tmp_path, {"drafts/a.md": DIRTY, "b.md": DIRTY})
    (tmp_path / "pyproject.toml").write_text('[tool.scrapedown]\nexclude = ["drafts/"]\n')
    assert main(["--check", str(tmp_path)]) == 1
    assert main(["--check", str(posts["drafts/a.md"])]) == 1  # named: taken anyway
    assert main(["--check", "--force-exclude", str(posts["drafts/a.md"])]) == 0
    # ruff's rule: --exclude replaces the configured list, --extend-exclude adds to it.
    assert main(["--check", "--exclude", "b.md", str(tmp_path)]) == 1  # drafts/a.md is back
    assert main(["--check", "--extend-exclude", "b.md", str(tmp_path)]) == 0


def test_gitignored_files_are_skipped_in_walks(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("public/\n")
    posts = _posts(tmp_path, {"public/index.md": DIRTY, "source/a.md": CLEAN})
    assert main([str(tmp_path)]) == 0
    assert posts["public/index.md"].read_text() == DIRTY


def test_cache_skips_known_clean_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _posts(tmp_path, {"a.md": DIRTY, "b.md": CLEAN})
    calls: list[str] = []
    real_convert = _worker.convert

    def counting(text: str, *, options: scrapedown.Options) -> str:
        calls.append(text)
        return real_convert(text, options=options)

    monkeypatch.setattr(_worker, "convert", counting)
    assert main(["--check", str(tmp_path)]) == 1
    assert len(calls) == 2
    assert main(["--check", str(tmp_path)]) == 1  # both results known from the cache
    assert len(calls) == 2
    assert main(["--check", "--no-cache", str(tmp_path)]) == 1
    assert len(calls) == 4
    assert main(["-O", "bold-headings=true", "--check", str(tmp_path)]) == 1  # new options
    assert len(calls) == 6


def test_jobs_2_output_identical_to_jobs_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {}
    for index in range(30):
        files[f"p{index:02}.md"] = DIRTY.replace("Hello", f"Hello {index}")
    files["p15.md"] = b"\x00binary"
    _posts(tmp_path / "one", files)
    _posts(tmp_path / "two", files)
    runs = []
    for name, jobs in (("one", "1"), ("two", "2")):
        assert main(["--diff", "-j", jobs, "--no-cache", str(tmp_path / name)]) == 2
        captured = capsys.readouterr()
        runs.append((captured.out.replace(name, "X"), _lines(captured.err, name)))
        assert main(["-j", jobs, "--no-cache", str(tmp_path / name)]) == 2
        capsys.readouterr()
    assert runs[0] == runs[1]
    assert "@@" in runs[0][0]
    for index in range(30):
        one = (tmp_path / "one" / f"p{index:02}.md").read_bytes()
        assert one == (tmp_path / "two" / f"p{index:02}.md").read_bytes()


def _lines(err: str, name: str) -> list[str]:
    return [line.replace(name, "X") for line in err.splitlines() if "failed (" not in line]


def test_verbose_names_the_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.scrapedown]\nbold-headings = false\n")
    _posts(tmp_path, {"a.md": CLEAN, ".hidden/x.md": DIRTY})
    assert main(["-v", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert f"using configuration from {tmp_path / 'pyproject.toml'}" in err
    assert f"unchanged {tmp_path / 'a.md'}" in err
    assert f"skipped {tmp_path / '.hidden'}: hidden" in err


def test_no_pool_for_a_handful_of_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scrapedown.batch import parallel as _parallel

    started: list[int] = []
    real_pool = _parallel._run_in_pool

    def spy(func, tasks, workers, on_crash):  # type: ignore[no-untyped-def]
        started.append(len(tasks))
        return real_pool(func, tasks, workers, on_crash)

    monkeypatch.setattr(_parallel, "_run_in_pool", spy)
    _posts(tmp_path / "few", {f"p{n}.md": DIRTY for n in range(3)})
    assert main(["-j", "4", "--no-cache", str(tmp_path / "few")]) == 0
    assert started == []
    _posts(tmp_path / "many", {f"p{n}.md": DIRTY for n in range(20)})
    assert main(["-j", "2", "--no-cache", str(tmp_path / "many")]) == 0
    assert started == [20]
    assert (tmp_path / "many" / "p19.md").read_text() == scrapedown.clean(DIRTY)
