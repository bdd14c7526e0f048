"""``scrapedown -``: stdin in, the cleaned post (or a diff) on stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scrapedown.batch.files import Walker, is_html
from scrapedown.batch.tasks import UsageError
from scrapedown.batch.worker import Settings, failure_reason, transform, unified_diff
from scrapedown.cli.project import exclude_patterns, load_options, project_root, respects_gitignore
from scrapedown.cli.report import Reporter


def run_stdin(args: argparse.Namespace, reporter: Reporter) -> int:
    """Clean stdin; with --check/--diff write no text, only the diff, and exit 1 on a change."""
    if len(args.paths) > 1:
        raise UsageError("'-' (stdin) cannot be combined with other paths")
    if args.output_dir:
        raise UsageError("'-' writes to stdout; it cannot be combined with -o")
    name = args.stdin_filename or "-"
    start = Path(name).absolute().parent if args.stdin_filename else Path.cwd()
    config, options = load_options(args, start)
    data = sys.stdin.buffer.read()
    if args.stdin_filename and args.force_exclude:
        walker = Walker(
            root=project_root(config, start),
            excludes=exclude_patterns(config, args),
            force_exclude=True,
            want_html=True,
            respect_gitignore=respects_gitignore(config, args),
        )
        if not walker.collect([Path(args.stdin_filename)]).files:
            _emit(data, check=args.check or args.diff)  # excluded: passed through untouched
            return 0
    settings = Settings(options, write=False, diff=args.diff, verify=args.verify)
    try:
        decoded, cleaned, new_bytes = transform(data, html=is_html(Path(name)), settings=settings)
    except Exception as exc:  # reported as "-: reason", like a file
        reporter.failure(name, failure_reason(exc))
        return 2
    changed = not decoded.is_unchanged_by(cleaned)
    if args.diff and changed:
        _emit(unified_diff(decoded.text, cleaned, name).encode("utf-8"), check=False)
    if args.check or args.diff:
        if changed:
            reporter.note(f"would clean {name}")
        return 1 if changed else 0
    _emit(new_bytes if changed else data, check=False)
    return 0


def _emit(data: bytes, *, check: bool) -> None:
    if check:
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
