"""The project a run belongs to: its configuration file and the resulting `Options`, where
exclude patterns are anchored, and which paths are left out (read by the file run and by
``scrapedown -``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from scrapedown.batch.files import DEFAULT_EXCLUDES, find_repo_root
from scrapedown.cli.coerce import apply_overrides
from scrapedown.cli.config import (
    Config,
    driver_value,
    find_config,
    load_config_file,
    options_from_table,
)
from scrapedown.options import Options


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
