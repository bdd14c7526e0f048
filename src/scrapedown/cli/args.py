"""The command's arguments: the parser, its help text, and `parse_args`.

This module is imported on every hook call, so it imports only the standard library and light
modules of our own; the pipeline is imported by the worker when a file actually needs converting.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from scrapedown import __version__
from scrapedown.cli.coerce import option_keys

_DESCRIPTION = """\
Clean scraped article HTML in Markdown posts (front matter kept) and convert .html pages
to Markdown. Directories are searched for *.md, *.markdown, *.html and *.htm, skipping hidden
directories, node_modules and whatever .gitignore ignores. Markdown files are rewritten in place,
and only when their content changes; .html files need -o DIR."""

_EPILOG = """\
exit status:
  0    success, or nothing to do
  1    --check/--diff found files that would change
  2    usage or configuration error, or some file failed (each failure is reported as
       "path: reason" on stderr and the file is left untouched; the other files are processed)
  130  interrupted (Ctrl-C; 143 for SIGTERM): files already written are complete, the
       others untouched (a file being converted at that moment is not written)
  141  stdout was closed by its reader (scrapedown --diff . | head): the run stopped there

configuration:
  [tool.scrapedown] in the nearest pyproject.toml upward from the paths (not above the
  repository root) that belongs to the project you run in (the current directory's
  repository, or the current directory and its parents): a tree converted from elsewhere
  never configures the run. Or --config FILE. Keys (hyphens or underscores; nested tables are
  [tool.scrapedown.punct], [tool.scrapedown.urls] and [tool.scrapedown.page]; "extend-KEY"
  adds to a list default; an unknown key, rule name or impossible value is an error, exit 2):
    {keys}
  plus "exclude" and "extend-exclude" (lists of gitignore-style globs, like the flags) and
  "respect-gitignore" (true or false).
  Precedence: built-in defaults, then the file, then -O/--option flags.

environment:
  SCRAPEDOWN_CACHE_DIR  cache directory (default: the user cache dir + /scrapedown); kept
                        private (0700), not used when another user owns it, and sealed with
                        a per-user key kept apart (XDG_STATE_HOME/scrapedown), so a cache
                        restored from elsewhere (a CI cache) is not trusted"""


def build_parser() -> argparse.ArgumentParser:
    keys = "\n    ".join(_wrap(option_keys(), width=84))
    parser = argparse.ArgumentParser(
        prog="scrapedown",
        description=_DESCRIPTION,
        epilog=_EPILOG.format(keys=keys),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories to clean; '-' reads stdin and writes the result to stdout",
    )
    _add_mode_arguments(parser)
    _add_selection_arguments(parser)
    _add_run_arguments(parser)
    return parser


def _add_mode_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("modes")
    group.add_argument(
        "-o",
        "--output-dir",
        metavar="DIR",
        help="write a mirrored tree of clean Markdown into DIR (.html/.htm become .md); "
        "inputs are never modified and nothing is written outside DIR",
    )
    group.add_argument(
        "--check",
        action="store_true",
        help="write nothing; list the files that would change and exit 1 if there are any",
    )
    group.add_argument(
        "--diff",
        action="store_true",
        help="write nothing; print unified diffs to stdout and exit 1 if there are any",
    )
    group.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="with '-': the file name stdin stands for (an .html name decodes it as a page; "
        "used for configuration discovery and --force-exclude)",
    )


def _add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("file selection and configuration")
    group.add_argument(
        "--exclude",
        action="append",
        default=None,
        metavar="GLOB",
        help="skip paths matching this gitignore-style pattern, relative to the project root "
        "(repeatable; replaces the configuration's exclude list and the default node_modules/)",
    )
    group.add_argument(
        "--extend-exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="like --exclude, but adds to the exclude list instead of replacing it",
    )
    group.add_argument(
        "--respect-gitignore",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="skip files that .gitignore files ignore (default: on; the summary counts them)",
    )
    group.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply exclude patterns to files named on the command line too (for pre-commit)",
    )
    group.add_argument(
        "--config",
        metavar="FILE",
        help="read options from FILE ([tool.scrapedown] of a pyproject.toml, or the top level "
        "of any other TOML file) instead of searching for pyproject.toml",
    )
    group.add_argument(
        "-O",
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="set one option, overriding the configuration file; VALUE is TOML or a bare "
        "string (-O bold-headings=true, -O punct.enabled=false, -O 'extend-drop-tags=[\"aside\"]')",
    )


def _add_run_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("running")
    group.add_argument(
        "-j",
        "--jobs",
        type=_job_count,
        metavar="N",
        help="worker processes (default, or 0: all CPUs); a few files are always done in-process",
    )
    group.add_argument(
        "--engine",
        choices=("processes", "dask"),
        default="processes",
        help="where files are converted: the local process pool (default), or a Dask cluster "
        "(needs pip install 'scrapedown[dask]'; without --scheduler, a local cluster of -j "
        "worker processes is started for the run)",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running Dask scheduler (tcp://host:8786); its workers must "
        "see the files at the same absolute paths (a shared filesystem)",
    )
    group.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="neither read nor write the cache of files known to be clean",
    )
    group.add_argument(
        "--no-verify",
        dest="verify",
        action="store_false",
        help="skip the fidelity check of each result before it is written",
    )
    group.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="draw a progress bar on stderr (default: when stderr is a terminal and there are "
        "at least 100 files)",
    )
    _add_verbosity_arguments(group)


def _add_verbosity_arguments(group: argparse._ArgumentGroup) -> None:
    verbosity = group.add_mutually_exclusive_group()
    verbosity.add_argument(
        "-q", "--quiet", action="store_true", help="print only failures (and the exit status)"
    )
    verbosity.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also print unchanged and skipped files and the configuration used",
    )
    group.add_argument("--version", action="version", version=f"scrapedown {__version__}")


def _job_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (all CPUs) or more")
    return value


def _wrap(words: list[str], *, width: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + len(word) + 2 <= width:
            lines[-1] += f" {word},"
        else:
            lines.append(f"{word},")
    if lines:
        lines[-1] = lines[-1].rstrip(",")
    return lines


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Options may come before, between or after the paths (``a.md -o out b.md``)."""
    parser = build_parser()
    args = parser.parse_intermixed_args(argv)
    if not args.paths:
        # black and ruff show the usage here; "nothing to do" with exit 0 hid typos in scripts.
        parser.error("no PATH given (use '.' for the current directory, '-' for stdin)")
    return args
