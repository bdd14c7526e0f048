"""From parsed arguments to an exit status: configuration, file list, cache, workers, report."""

from __future__ import annotations

import argparse
import contextlib
import functools
import sys
import time
from collections.abc import Generator
from pathlib import Path

from scrapedown.batch.cache import Cache, cache_key, digest
from scrapedown.batch.files import (
    DEFAULT_EXCLUDES,
    Discovery,
    Walker,
    common_parent,
    find_repo_root,
    skip_counts,
)
from scrapedown.batch.parallel import default_jobs, run_tasks
from scrapedown.batch.signals import exit_status
from scrapedown.batch.tasks import UsageError, build_tasks
from scrapedown.batch.worker import (
    Outcome,
    Settings,
    Status,
    Task,
    commit,
    display_name,
    process,
    unchanged_from_cache,
)
from scrapedown.cli.args import EXIT_CHANGES, EXIT_ERROR, EXIT_OK
from scrapedown.cli.config import (
    Config,
    ConfigError,
    apply_overrides,
    driver_value,
    find_config,
    load_config_file,
    options_from_table,
)
from scrapedown.cli.report import Reporter
from scrapedown.options import Options


def run_command(args: argparse.Namespace, started: float) -> int:
    """Everything after argument parsing; usage and configuration errors exit 2."""
    verbosity = -1 if args.quiet else 1 if args.verbose else 0
    writes = not (args.check or args.diff)
    mode = "output" if args.output_dir and writes else "write" if writes else "check"
    reporter = Reporter(verbosity=verbosity, mode=mode)
    try:
        if "-" in args.paths:
            from scrapedown.cli.stdin import run_stdin

            return run_stdin(args, reporter)
        return _run_files(args, reporter, started)
    except (UsageError, ConfigError) as exc:
        reporter.stop_progress()
        reporter.error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt as exc:
        reporter.stop_progress()
        reporter.error("interrupted; files already written are complete, the others untouched")
        return exit_status(exc)


def load_options(args: argparse.Namespace, start: Path) -> tuple[Config, Options]:
    """The configuration file that applies (given or discovered) and the resulting Options."""
    config = load_config_file(Path(args.config)) if args.config else find_config(start, Path.cwd())
    options = apply_overrides(options_from_table(config.table, source=config.path), args.option)
    return config, options


def exclude_patterns(config: Config, args: argparse.Namespace) -> list[str]:
    """ruff's rule: ``--exclude`` replaces the configured ``exclude``, which replaces the
    default list; ``extend-exclude`` (configured, then ``--extend-exclude``) adds to it."""
    configured = driver_value(config, "exclude", list)
    base = args.exclude if args.exclude is not None else configured
    if base is None:
        base = list(DEFAULT_EXCLUDES)
    extra = driver_value(config, "extend_exclude", list) or []
    return [*base, *extra, *args.extend_exclude]


def respects_gitignore(config: Config, args: argparse.Namespace) -> bool:
    if args.respect_gitignore is not None:
        return bool(args.respect_gitignore)
    configured = driver_value(config, "respect_gitignore", bool)
    return True if configured is None else bool(configured)


def project_root(config: Config, start: Path) -> Path:
    """Where exclude patterns are anchored: the config's directory, else the repository root."""
    if config.path is not None:
        return config.path.parent.absolute()
    return find_repo_root(start) or Path.cwd()


def _run_files(args: argparse.Namespace, reporter: Reporter, started: float) -> int:
    paths = [Path(path) for path in args.paths]
    start = common_parent(paths)
    config, options = load_options(args, start)
    if config.path is not None:
        reporter.note(f"using configuration from {config.path}", level=1)
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
    _check_engine(args)
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


def _check_engine(args: argparse.Namespace) -> None:
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
