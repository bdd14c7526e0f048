"""Found files -> tasks: where each one is written, and the checks that need the whole list."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from scrapedown.batch.files import (
    Found,
    absolute,
    common_parent,
    is_dir,
    is_html,
    iter_markdown_dest,
)
from scrapedown.batch.worker import Task


class UsageError(Exception):
    """A command line that cannot be run as given (exit 2, nothing processed)."""


def build_tasks(
    found: Sequence[Found],
    arguments: Sequence[Path],
    out_root: Path | None,
    *,
    writes: bool = True,
) -> tuple[list[Task], list[tuple[Task, str]]]:
    """Tasks in discovery order, and the tasks refused because their output path is taken.
    A named ``.html`` file without ``-o`` is refused only when the run `writes`: ``--check``
    and ``--diff`` can convert it without a place to put the result."""
    if out_root is None:
        if writes:
            _refuse_explicit_html(found)
        return [Task(item.path, is_html(item.path)) for item in found], []
    _refuse_output_over_inputs(arguments, out_root)
    base = common_parent(arguments)
    tasks: list[Task] = []
    clashes: list[tuple[Task, str]] = []
    owners: dict[Path, Path] = {}
    for item, dest in zip(found, iter_markdown_dest(found, base, out_root), strict=True):
        task = Task(item.path, is_html(item.path), dest, out_root)
        owner = owners.setdefault(Path(os.path.normcase(absolute(dest))), item.path)
        if owner != item.path:
            clashes.append((task, f"output {dest} is already written from {owner}"))
        else:
            tasks.append(task)
    return tasks, clashes


def _refuse_explicit_html(found: Sequence[Found]) -> None:
    named = [str(item.path) for item in found if item.explicit and is_html(item.path)]
    if named:
        raise UsageError(
            f"{named[0]}: HTML input needs -o DIR (it becomes a new .md file; "
            "inputs are never overwritten with another format)"
        )


def _refuse_output_over_inputs(arguments: Sequence[Path], out_root: Path) -> None:
    if os.path.lexists(out_root) and not is_dir(out_root):
        raise UsageError(f"--output-dir {out_root}: not a directory")
    real_out = Path(os.path.realpath(out_root))
    for argument in arguments:
        real = Path(os.path.realpath(argument))
        if real == real_out or real.is_relative_to(real_out):
            raise UsageError(
                f"{argument} is inside the output directory {out_root}; "
                "-o must name a separate directory (inputs are never modified)"
            )
