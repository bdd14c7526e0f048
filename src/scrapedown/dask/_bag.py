"""Records in, results out: `clean_bag` over a `dask.bag`, and `write_tree` for file inputs.

A record is ``(id, text)`` (``text`` may also be raw ``bytes``); a result is ``(id, cleaned,
error)`` with exactly one of ``cleaned``/``error`` set. Each record goes through the same steps
as a file in the CLI (`scrapedown.batch.worker.transform`: decode, `clean`, fidelity check, encode),
so a result's text is exactly what ``scrapedown -o`` would write for that file.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import dask.bag
from dask.bag import Bag

from scrapedown.batch.files import Found, absolute, common_parent, is_html
from scrapedown.batch.tasks import build_tasks
from scrapedown.batch.worker import (
    Settings,
    Task,
    _read_existing,  # the CLI's own write path, so the tree is written exactly as -o writes it
    _write,
    failure_reason,
    transform,
)
from scrapedown.options import DEFAULT_OPTIONS, Options

# dask.bag is not annotated: its calls go through Any (mypy --strict refuses untyped calls).
db: Any = dask.bag

Record = tuple[str, str | bytes]
Result = tuple[str, str | None, str | None]

#: Files per partition when reading globs: each file takes ~50 ms, so a partition is a few
#: seconds of work, well above Dask's per-task overhead (about 1 ms).
PARTITION_SIZE = 64


def clean_bag(
    source: Bag | str | Sequence[str],
    options: Options | None = None,
    *,
    verify: bool = True,
    partition_size: int = PARTITION_SIZE,
) -> Bag:
    """A bag of results ``(id, cleaned | None, error | None)``, one per record or file.

    `source` is a bag of ``(id, text)`` records, or a glob (or several) of files, read and
    decoded on the workers as the CLI reads them (ids are then the matched paths). A record that
    cannot be converted gets its one-line reason as ``error``: the job never fails for it.
    `verify` runs the CLI's fidelity safety net (``--no-verify`` turns it off there).
    """
    settings = Settings(options or DEFAULT_OPTIONS, write=False, diff=False, verify=verify)
    results: Bag
    if isinstance(source, Bag):
        results = db.map(clean_record, source, settings=settings)
    else:
        results = db.map(clean_file, _path_bag(expand(source), partition_size), settings=settings)
    return results


def clean_record(record: Record, settings: Settings) -> Result:
    """One ``(id, text)`` record, handled as a file named `id` holding `text` would be."""
    key, text = record
    if isinstance(text, bytes):
        return _clean_bytes(key, text, settings)
    if isinstance(text, str):
        # Lone surrogates stay visible as invalid UTF-8, and are reported as such by decode().
        return _clean_bytes(key, text.encode("utf-8", errors="surrogatepass"), settings)
    return key, None, f"expected str or bytes, got {type(text).__name__}"


def clean_file(path: str, settings: Settings) -> Result:
    """One file, read on the worker (no text travels through the scheduler)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return path, None, f"cannot read: {failure_reason(exc)}"
    return _clean_bytes(path, data, settings)


def _clean_bytes(key: str, data: bytes, settings: Settings) -> Result:
    try:
        html = is_html(Path(str(key)))
        _decoded, _cleaned, output = transform(data, html=html, settings=settings)
    except Exception as exc:  # one bad record must not fail a job of millions
        return key, None, failure_reason(exc)
    return key, output.decode("utf-8"), None


def expand(patterns: str | Sequence[str]) -> list[str]:
    """The files matching any of `patterns` (``**`` recurses), sorted, each once."""
    if isinstance(patterns, str):
        patterns = [patterns]
    found = {
        path
        for pattern in patterns
        for path in glob.glob(pattern, recursive=True)  # noqa: PTH207 - absolute patterns too
        if Path(path).is_file()
    }
    if not found:
        raise FileNotFoundError(f"no files match {', '.join(patterns)}")
    return sorted(found)


def _path_bag(paths: Sequence[str], partition_size: int) -> Bag:
    """`paths` as a bag in which files that share an output name (``a.html`` and ``a.md`` both
    become ``a.md``) sit in one partition, in sorted order: `write_tree` can then refuse the
    later ones as the CLI does, without a shuffle."""
    groups: dict[str, list[str]] = {}
    for path in paths:
        groups.setdefault(_output_name(path), []).append(path)
    bag: Bag = db.from_sequence(list(groups.values()), partition_size=partition_size).flatten()
    return bag


def _output_name(path: str) -> str:
    name = Path(path).with_suffix(".md") if is_html(Path(path)) else Path(path)
    return os.path.normcase(name)


def write_tree(results: Bag, out_dir: str | Path, *, base: str | Path) -> Bag:
    """Write each result under `out_dir`, mirroring its id's path below the directory `base`.

    The CLI's ``-o`` rules apply: ``.html``/``.htm`` become ``.md``; writes are atomic and never
    leave `out_dir` (symlinks included); an identical file is not rewritten; `base` must not be
    inside `out_dir`; of two ids with the same output, the first in sorted order is written and
    the other gets an error (detected within a partition, as `clean_bag` groups them).
    Returns a bag of ``(id, written_path | None, error | None)``; compute it to write.
    """
    root, out_root = Path(base), Path(out_dir)
    if not root.is_dir():
        raise NotADirectoryError(f"base {root} is not a directory")
    build_tasks([], [root], out_root)  # the CLI's refusals (-o inside the input…), before any work
    written: Bag = db.map_partitions(_write_partition, results, out_root=out_root, base=root)
    return written


def _write_partition(results: Iterable[Result], out_root: Path, base: Path) -> list[Result]:
    rows = list(results)
    base_dir = common_parent([base])
    # Failed rows take part in the output-name check too: the CLI settles clashes before it
    # converts anything, so a.md is refused even when the a.html that wins it fails.
    found = [
        Found(Path(key), True) for key, _, _ in rows if absolute(Path(key)).is_relative_to(base_dir)
    ]
    tasks, clashes = build_tasks(found, [base], out_root)
    refused = {task.source: reason for task, reason in clashes}
    targets = {task.source: task for task in tasks}
    return [_settle(row, targets, refused, base_dir) for row in rows]


def _settle(
    row: Result, targets: dict[Path, Task], refused: dict[Path, str], base_dir: Path
) -> Result:
    """One row's ``(id, written_path | None, error | None)``, writing it when it may be."""
    key, text, error = row
    path = Path(key)
    if path in refused:
        return key, None, refused[path]
    if error is not None:
        return key, None, error
    if text is None:
        return key, None, "no text to write"
    task = targets.get(path)
    if task is None:
        return key, None, f"not under the base directory {base_dir}"
    return key, *_write_one(task, text)


def _write_one(task: Task, text: str) -> tuple[str | None, str | None]:
    assert task.dest is not None
    try:
        data = text.encode("utf-8")
        _before, unchanged = _read_existing(task.dest, data)
        if not unchanged:
            _write(task, data)
    except Exception as exc:  # reported per file, like the CLI's ``path: reason``
        return None, failure_reason(exc)
    return str(task.dest), None
