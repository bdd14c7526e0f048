"""From parsed arguments to an exit status: configuration, file list, cache, workers, report."""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
import time
from collections.abc import Generator
from pathlib import Path

from scrapedown.batch.cache import Cache, cache_key, digest
from scrapedown.batch.files import (
    Discovery,
    Walker,
    common_parent,
    skip_counts,
)
from scrapedown.batch.parallel import default_jobs, run_tasks
from scrapedown.batch.signals import exit_status, stopped
from scrapedown.batch.tasks import UsageError, build_tasks
from scrapedown.batch.worker import (
    Outcome,
    Settings,
    Status,
    Task,
    commit,
    display_name,
    failure_reason,
    process,
    unchanged_from_cache,
)
from scrapedown.cli.coerce import ConfigError
from scrapedown.cli.project import exclude_patterns, load_options, project_root, respects_gitignore
from scrapedown.cli.report import EXIT_BROKEN_PIPE, EXIT_CHANGES, EXIT_ERROR, EXIT_OK, Reporter
from scrapedown.cli.stdin import run_stdin
from scrapedown.options import Options


def run_command(args: argparse.Namespace, started: float) -> int:
    """Everything after argument parsing; usage and configuration errors exit 2."""
    verbosity = -1 if args.quiet else 1 if args.verbose else 0
    writes = not (args.check or args.diff)
    mode = "output" if args.output_dir and writes else "write" if writes else "check"
    reporter = Reporter(verbosity=verbosity, mode=mode)
    try:
        _check_cwd()
        if "-" in args.paths:
            return run_stdin(args, reporter)
        return _run_files(args, reporter, started)
    except (UsageError, ConfigError) as exc:
        reporter.stop_progress()
        reporter.error(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:  # the reader of stdout left (| head): stop quietly, as git does
        reporter.stop_progress()
        _drop_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # the run as a whole (the current directory deleted, say)
        reporter.stop_progress()
        where = f"{display_name(exc.filename)}: " if exc.filename else ""
        reporter.error(f"{where}{failure_reason(exc)}")
        return EXIT_ERROR
    except KeyboardInterrupt as exc:
        reporter.stop_progress()
        reporter.error("interrupted; files already written are complete, the others untouched")
        return stopped(exit_status(exc))


def _drop_stdout() -> None:
    # What is still buffered would fail again when Python flushes stdout at exit.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _check_cwd() -> None:
    try:
        Path.cwd()
    except OSError as exc:  # deleted under the shell: configuration and paths are relative to it
        raise UsageError(f"the current directory cannot be used ({failure_reason(exc)})") from None


def _run_files(args: argparse.Namespace, reporter: Reporter, started: float) -> int:
    _check_flags(args)
    paths = [Path(path) for path in args.paths]
    start = common_parent(paths)
    config, options = load_options(args, start)
    if config.path is not None:
        reporter.note(f"using configuration from {config.path}", level=1)
    if config.ignored is not None:
        reporter.note(
            f"note: {config.ignored} is not used: it is in the tree being converted, outside "
            f"the project you run in (--config {config.ignored} would use it)"
        )
    out_root = Path(args.output_dir) if args.output_dir else None
    writes = not (args.check or args.diff)
    walker = Walker(
        root=project_root(config, start),
        excludes=exclude_patterns(config, args),
        force_exclude=args.force_exclude,
        want_html=out_root is not None,
        skip_dir=out_root,
        respect_gitignore=respects_gitignore(config, args),
    )
    found = walker.collect(paths)
    _report_discovery(found, reporter)
    tasks, clashes = build_tasks(found.files, paths, out_root, writes=writes)
    for task, reason in clashes:
        reporter.failure(task.source, reason)
    settings = Settings(options, write=writes, diff=args.diff, verify=args.verify)
    cache = _open_cache(args, options, reporter)
    try:
        _execute(tasks, settings, cache, reporter, jobs=args.jobs or default_jobs(),
                 progress=args.progress, engine=(args.engine, args.scheduler))  # fmt: skip
    finally:
        reporter.stop_progress()
        cache.save()
    reporter.summary(time.perf_counter() - started)
    return _exit_status(reporter, settings)


def _report_discovery(found: Discovery, reporter: Reporter) -> None:
    for path, reason in found.errors:
        reporter.failure(path, reason)
    for path, reason in found.skipped:
        reporter.note(f"skipped {display_name(path)}: {reason}", level=1)
    reporter.skipped = skip_counts(found.skipped)
    if found.html_skipped:
        reporter.note(f"note: {found.html_skipped} .html file(s) skipped: HTML input needs -o DIR")
    ignored = reporter.skipped.get("ignored by .gitignore", 0)
    if ignored and not found.files:
        reporter.note(
            f"note: nothing to do: {ignored} path(s) ignored by .gitignore "
            "(--no-respect-gitignore includes them)"
        )


def _open_cache(args: argparse.Namespace, options: Options, reporter: Reporter) -> Cache:
    if not args.cache:
        return Cache.disabled()
    cache = Cache.open(cache_key(options, verify=args.verify))
    if cache.problem:
        reporter.note(f"cache not used: {cache.problem}", level=1)
    return cache


def _exit_status(reporter: Reporter, settings: Settings) -> int:
    if reporter.counts[Status.FAILED]:
        return EXIT_ERROR
    if not settings.write and reporter.counts[Status.CHANGED]:
        return EXIT_CHANGES
    return EXIT_OK


def _execute(
    tasks: list[Task],
    settings: Settings,
    cache: Cache,
    reporter: Reporter,
    *,
    jobs: int,
    progress: bool | None,
    engine: tuple[str, str | None] = ("processes", None),
) -> None:
    reporter.start_progress(len(tasks), progress)
    known = [_known_from_cache(task, settings, cache) for task in tasks]
    pending = [task for task, outcome in zip(tasks, known, strict=True) if outcome is None]
    results = _outcomes(pending, settings, jobs=jobs, engine=engine)
    with contextlib.closing(results):
        # Outcomes are reported in discovery order, cached or not, whatever -j is.
        for task, cached in zip(tasks, known, strict=True):
            if cached is None:
                reporter.current(task.source)
            # Files are written here, in the main process, one after the other: once a signal
            # stops the run, no worker can write anything more.
            outcome = cached if cached is not None else commit(next(results))
            if outcome.diff:
                _write_stdout(outcome.diff)
            if cached is None and outcome.status is not Status.FAILED:
                cache.add(_entry(task, outcome.source_digest), outcome.output_digest)
            reporter.outcome(outcome)


def _check_flags(args: argparse.Namespace) -> None:
    """Flag combinations that cannot run (before any file is looked at)."""
    if args.stdin_filename is not None:  # with files only: it would be silently ignored
        raise UsageError("--stdin-filename names what '-' stands for; give '-' as the path")
    if args.engine != "dask":
        if args.scheduler is not None:
            raise UsageError("--scheduler needs --engine dask")
        return
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        raise UsageError("--engine dask needs Dask: pip install 'scrapedown[dask]'")


def _outcomes(
    tasks: list[Task], settings: Settings, *, jobs: int, engine: tuple[str, str | None]
) -> Generator[Outcome, None, None]:
    """The tasks' outcomes in order, from the process pool or (``--engine dask``) a Dask
    cluster: the scheduler at the given address, else a local one started for the run."""
    name, address = engine
    if name == "dask":
        from scrapedown.dask._engine import process_tasks  # the optional extra, only when asked

        return process_tasks(tasks, settings, address=address, workers=jobs, on_crash=_crashed)
    worker = functools.partial(process, settings=settings)
    return run_tasks(worker, tasks, jobs, on_crash=_crashed)


def _crashed(task: Task, reason: str) -> Outcome:
    return Outcome(task, Status.FAILED, reason)


def _known_from_cache(task: Task, settings: Settings, cache: Cache) -> Outcome | None:
    """The outcome the cache proves without converting, or None when the file must be run."""
    if not cache.enabled:
        return None
    try:
        data = task.source.read_bytes()
    except OSError:
        return None  # the worker reports it
    source_digest = digest(data)
    cached = cache.lookup(_entry(task, source_digest))
    if cached is None:
        return None
    if unchanged_from_cache(task, cached, source_digest):
        return Outcome(task, Status.UNCHANGED, source_digest=source_digest, output_digest=cached)
    if task.dest is None and not settings.write and not settings.diff:
        # --check in place: the known output differs from the file, so it would change.
        return Outcome(task, Status.CHANGED, source_digest=source_digest, output_digest=cached)
    return None


def _entry(task: Task, source_digest: bytes) -> bytes:
    """The cache entry of an input: the same bytes as a page (``.html``) and as a post clean
    differently, so they are different entries."""
    return digest(b"html:" + source_digest) if task.html else source_digest


def _write_stdout(text: str) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
