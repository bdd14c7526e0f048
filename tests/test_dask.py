"""scrapedown on Dask: real local clusters give the same files and reports as ``-j 1``."""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import scrapedown
from scrapedown.batch.tasks import UsageError
from scrapedown.batch.worker import Outcome, Status, Task
from scrapedown.cli import main
from scrapedown.cli import runner as _runner

from .conftest import shared_path

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

# Only once the extra is known to be installed:
import dask.bag as db  # noqa: E402

from scrapedown.dask import _engine, _parquet, clean_bag, clean_parquet, write_tree  # noqa: E402

DIRTY = (
    "---\ntitle: 'Hello'\n---\n"
    '<div><p style="text-indent: 2em;">Hello <span class="x">world</span>, '
    '<strong style="color:red">scraped</strong> text.</p></div>\n'
)
CLEAN = "---\ntitle: 'Calm'\n---\n\nAlready clean text.\n"
PAGE = "<html><body><article><p style='x'>A page <b>body</b>.</p></article></body></html>\n"
GBK_PAGE = '<html><head><meta charset="gbk"></head><body><p>中文：正文</p></body></html>'.encode(
    "gbk"
)
BROKEN_YAML = "---\ntitle: [unclosed\n---\n<p>Body</p>\n"
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"

#: A small scraped dump with every kind of input the CLI handles, two broken files and two
#: inputs (a.html, a.md) that both map to the output a.md.
TREE: dict[str, str | bytes] = {
    "posts/dirty.md": DIRTY,
    "posts/clean.md": CLEAN,
    "posts/crlf-bom.md": b"\xef\xbb\xbf" + DIRTY.replace("\n", "\r\n").encode(),
    "posts/deep/er/nested.md": DIRTY.replace("Hello", "Nested"),
    "pages/page.html": PAGE,
    "pages/gbk.htm": GBK_PAGE,
    "clash/a.html": PAGE,
    "clash/a.md": DIRTY,
    "broken/yaml.md": BROKEN_YAML,
    "broken/binary.md": BINARY,
}
FAILED = ("broken/yaml.md", "broken/binary.md", "clash/a.md")
SUMMARY = re.compile(r"\d+ written, \d+ unchanged, \d+ failed \([\d.]+ s\)$")


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCRAPEDOWN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two single-threaded worker processes, as the issue asks; closed after this module."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as local,
        distributed.Client(local) as client,
    ):
        yield client


def _build(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode() if isinstance(content, str) else content
        path.write_bytes(data)
    return root


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _failures(stderr: str, out: Path) -> list[str]:
    """Every stderr line but ``wrote PATH`` and the summary (its time differs), with the output
    directory's name made neutral: the ``path: reason`` lines, and anything unexpected."""
    lines = [line.replace(str(out), "OUT") for line in stderr.splitlines()]
    return [line for line in lines if not line.startswith("wrote ") and not SUMMARY.match(line)]


def _reference(tmp_path: Path, src: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """The CLI's ``-j 1`` run over `src`: its output tree and stderr."""
    out = tmp_path / "out-j1"
    assert main(["--no-cache", "-j", "1", str(src), "-o", str(out)]) == 2
    return out, capsys.readouterr().err


def test_cli_engine_dask_on_its_own_local_cluster_matches_j1(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    src = _build(tmp_path / "dump", TREE)
    ref_out, ref_err = _reference(tmp_path, src, capfd)
    out = tmp_path / "out-dask"
    # No --scheduler: the run starts (and stops) a LocalCluster of -j 2 worker processes.
    assert main(["--no-cache", "--engine", "dask", "-j", "2", str(src), "-o", str(out)]) == 2
    # capfd, not capsys: it also sees what the worker processes write to stderr (Dask's log
    # lines), which must not be there: _failures() compares every line that is not ours.
    err = capfd.readouterr().err
    assert _tree(out) == _tree(ref_out)
    assert len(_tree(out)) == len(TREE) - len(FAILED)  # the broken files: reported, not written
    assert _failures(err, out) == _failures(ref_err, ref_out)
    for name in FAILED:
        assert f"{src / name}: " in err
    assert "binary file" in err and "not valid YAML" in err and "already written from" in err
    assert "7 written, 0 unchanged, 3 failed" in err
    assert "dirty.md" in ref_err and "<span" not in _tree(out)["posts/dirty.md"].decode()


def test_cli_scheduler_address_with_relative_paths_and_diff(
    tmp_path: Path,
    cluster: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _build(tmp_path / "dump", TREE)
    # The workers' working directory is not this one: relative paths must still work, and
    # reports must still name the files as typed.
    monkeypatch.chdir(tmp_path)
    address = cluster.scheduler_info()["address"]
    assert main(["--no-cache", "-j", "1", "dump", "-o", "out1"]) == 2
    ref_err = capsys.readouterr().err
    args = ["--no-cache", "--engine", "dask", "--scheduler", address, "dump", "-o", "out2"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert _tree(tmp_path / "out2") == _tree(tmp_path / "out1")
    assert _failures(err, Path("out2")) == _failures(ref_err, Path("out1"))
    assert "dump/broken/binary.md: binary file" in err
    # In place, --diff: the diffs on stdout are those of -j 1, in the same order.
    posts = str(tmp_path / "dump" / "posts")
    assert main(["--no-cache", "--diff", "-j", "1", posts]) == 1
    ref_diff = capsys.readouterr().out
    assert main(["--no-cache", "--diff", "--engine", "dask", "--scheduler", address, posts]) == 1
    assert capsys.readouterr().out == ref_diff != ""
    assert (tmp_path / "dump/posts/dirty.md").read_text() == DIRTY  # --diff wrote nothing


def test_clean_bag_and_write_tree_match_the_cli(
    tmp_path: Path, cluster: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _build(tmp_path / "dump", TREE)
    ref_out, ref_err = _reference(tmp_path, src, capsys)
    out = tmp_path / "out-bag"
    results = clean_bag([f"{src}/**/*.md", f"{src}/**/*.htm*"], partition_size=2)
    written = write_tree(results, out, base=src).compute()
    assert _tree(out) == _tree(ref_out)
    errors = {key: error for key, _dest, error in written if error is not None}
    assert sorted(errors) == sorted(str(src / name) for name in FAILED)
    for key, error in errors.items():  # the same reasons as the CLI's "path: reason"
        assert f"{key}: {error.replace(str(out), str(ref_out))}" in ref_err
    assert (str(src / "clash/a.html"), str(out / "clash/a.md"), None) in written


def test_clean_bag_of_records_captures_errors_per_record(cluster: Any) -> None:
    records = [
        ("post.md", DIRTY),
        ("crlf.md", DIRTY.replace("\n", "\r\n")),
        ("page.html", GBK_PAGE),  # bytes: decoded as the CLI decodes an .html file
        ("bad.md", BROKEN_YAML),
        ("blob.md", BINARY),
        ("none.md", None),
    ]
    computed = clean_bag(db.from_sequence(records)).compute()
    results = {key: (text, error) for key, text, error in computed}
    assert results["post.md"] == (scrapedown.clean(DIRTY), None)
    assert results["crlf.md"] == (scrapedown.clean(DIRTY).replace("\n", "\r\n"), None)
    assert results["page.html"][0] is not None and "中文：正文" in results["page.html"][0]
    assert results["bad.md"][0] is None and "not valid YAML" in str(results["bad.md"][1])
    assert results["blob.md"] == (None, "binary file (contains NUL bytes), not text")
    assert results["none.md"] == (None, "expected str or bytes, got NoneType")


def test_clean_bag_of_plain_clean_matches_the_function() -> None:
    # The documented one-liner: the core function itself maps over a bag (it is picklable).
    texts = [DIRTY, CLEAN, PAGE]
    bag = db.from_sequence(texts, npartitions=2).map(scrapedown.clean)
    assert bag.compute(scheduler="sync") == [scrapedown.clean(text) for text in texts]


def test_write_tree_keeps_the_cli_output_rules(tmp_path: Path) -> None:
    src = _build(tmp_path / "dump", {"a.md": DIRTY, "b.md": CLEAN})
    out = tmp_path / "out"
    (out / "link").parent.mkdir()
    (out / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    records = [
        (str(src / "a.md"), DIRTY),
        (str(src / "b.md"), CLEAN),
        (str(src / "link" / "c.md"), CLEAN),  # its output would leave out/ through the link
        (str(tmp_path / "outside.md"), CLEAN),  # not under base: no place in the tree
    ]
    results = clean_bag(db.from_sequence(records))
    first = write_tree(results, out, base=src).compute(scheduler="sync")
    assert first[0] == (str(src / "a.md"), str(out / "a.md"), None)
    assert "refusing to write outside the output directory" in str(first[2][2])
    assert first[3] == (str(tmp_path / "outside.md"), None, f"not under the base directory {src}")
    assert not list((tmp_path / "elsewhere").iterdir())
    assert (out / "a.md").read_bytes() == scrapedown.clean(DIRTY).encode()
    os.utime(out / "b.md", (1_000_000_000, 1_000_000_000))
    write_tree(results, out, base=src).compute(scheduler="sync")
    assert (out / "b.md").stat().st_mtime == 1_000_000_000  # identical: not rewritten
    with pytest.raises(UsageError, match="inside the output directory"):
        write_tree(results, src.parent, base=src)


def test_write_tree_settles_output_clashes_before_conversion_like_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a.html wins the output a.md (first in sorted order) even though it fails to convert.
    src = _build(tmp_path / "dump", {"a.html": BINARY, "a.md": DIRTY, "b.md": DIRTY})
    ref_out, ref_err = _reference(tmp_path, src, capsys)
    out = tmp_path / "out"
    results = clean_bag(f"{src}/*")
    written = write_tree(results, out, base=src).compute(scheduler="sync")
    assert _tree(out) == _tree(ref_out) == {"b.md": scrapedown.clean(DIRTY).encode()}
    for key, dest, error in written[:2]:
        assert dest is None
        assert f"{key}: {str(error).replace(str(out), str(ref_out))}" in ref_err


def test_a_chunk_whose_worker_died_is_reported_not_raised() -> None:
    tasks = [Task(Path("a.md"), False), Task(Path("b.md"), False)]

    def killed() -> list[Outcome]:
        raise distributed.KilledWorker("task", "worker", 3)

    outcomes = list(_engine._chunk_outcomes(killed, tasks, _runner._crashed))
    assert [(o.task, o.status, o.message) for o in outcomes] == [
        (task, Status.FAILED, "worker process died") for task in tasks
    ]


def test_engine_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _build(tmp_path / "dump", {"a.md": DIRTY})
    assert main(["--scheduler", "tcp://127.0.0.1:1", str(src)]) == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err
    monkeypatch.setattr(_engine, "CONNECT_TIMEOUT", 1)
    assert main(["--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", str(src)]) == 2
    assert "--scheduler tcp://127.0.0.1:1: cannot connect" in capsys.readouterr().err
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "distributed" else real_find_spec(name, *a),
    )
    assert main(["--engine", "dask", str(src)]) == 2
    assert "pip install 'scrapedown[dask]'" in capsys.readouterr().err
    assert (src / "a.md").read_text() == DIRTY


def test_clean_parquet_without_pyarrow_names_the_missing_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "pyarrow" else real_find_spec(name, *a),
    )
    with pytest.raises(ModuleNotFoundError, match=r"needs (pandas and )?pyarrow \(pip install"):
        clean_parquet(tmp_path / "in.parquet", tmp_path / "out.parquet")


def test_clean_parquet_cleans_the_text_column(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    rows = {
        "url": ["p.html", "post.md", "bad.md", "none.md"],
        "text": [PAGE, DIRTY, BROKEN_YAML, None],
    }
    pd.DataFrame(rows).to_parquet(tmp_path / "in.parquet")
    clean_parquet(tmp_path / "in.parquet", tmp_path / "out", id_column="url")
    got = pd.read_parquet(tmp_path / "out").to_dict("records")
    assert [row["url"] for row in got] == rows["url"]
    # Each row is converted as the CLI converts a file of that name (an .html page as a page).
    src = _build(tmp_path / "dump", {"p.html": PAGE, "post.md": DIRTY})
    assert main(["--no-cache", "-q", str(src), "-o", str(tmp_path / "cli")]) == 0
    assert got[0]["text"] == (tmp_path / "cli" / "p.md").read_text(encoding="utf-8")
    assert got[0][_parquet.ERROR_COLUMN] is None
    assert got[1]["text"] == (tmp_path / "cli" / "post.md").read_text(encoding="utf-8")
    assert got[2]["text"] is None and "not valid YAML" in got[2][_parquet.ERROR_COLUMN]
    assert got[3]["text"] is None and got[3][_parquet.ERROR_COLUMN] == "no text (null)"


@pytest.mark.slow
def test_corpus_on_a_local_cluster_matches_j1(
    tmp_path: Path, cluster: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = shared_path("corpus")
    ref_out = tmp_path / "out-j1"
    assert main(["--no-cache", "-q", "-j", "1", str(corpus), "-o", str(ref_out)]) == 0
    out = tmp_path / "out-dask"
    results = clean_bag([f"{corpus}/*.md", f"{corpus}/*.html"])
    written = write_tree(results, out, base=corpus).compute()
    assert [row for row in written if row[2] is not None] == []
    assert _tree(out) == _tree(ref_out)
    assert len(_tree(out)) > 300
