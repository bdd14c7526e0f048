"""Which configuration applies to a run: `[tool.scrapedown]` of the user's project, or
``--config FILE``; and the table read into `Options` (the mapping itself: `cli.coerce`)."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from scrapedown.cli.coerce import DRIVER_KEYS, TABLE, ConfigError, apply_table, norm_key
from scrapedown.options import Options


@dataclasses.dataclass(frozen=True)
class Config:
    """What was found: the file (None when there is none) and its `[tool.scrapedown]` table."""

    path: Path | None
    table: Mapping[str, Any]
    ignored: Path | None = None
    """A configuration found in the tree being converted and not used (it is outside the
    project the user runs in), so that the run can say so."""


def find_config(start: Path, cwd: Path | None = None) -> Config:
    """The nearest ``pyproject.toml`` with a `[tool.scrapedown]` table, from `start` upward,
    that belongs to the project the user runs in (`cwd`, default: the current directory).

    The search stops at the repository root (a directory holding ``.git`` or ``.hg``), as black's
    does, so a project never picks up a configuration from outside itself. And a tree being
    converted is data, not configuration: a ``pyproject.toml`` inside it counts only when it is
    within the user's project (`cwd`'s repository, else `cwd` and its parents). When `start` is
    outside, the search starts again from `cwd`.
    """
    here = (cwd or Path.cwd()).absolute()
    trusted = _project_of(here)
    found = _search(start.absolute(), trusted, here)
    if found is None and not _within(start.absolute(), trusted, here):
        found = _search(here, trusted, here)
    ignored = _untrusted(start.absolute(), trusted, here)
    return dataclasses.replace(found or Config(None, {}), ignored=ignored)


def _untrusted(start: Path, trusted: Path | None, cwd: Path) -> Path | None:
    """The nearest configuration above `start` that the search passed over as untrusted."""
    for directory in (start, *start.parents):
        if _within(directory, trusted, cwd):
            return None
        candidate = directory / "pyproject.toml"
        if os.path.isfile(candidate):  # noqa: PTH113
            try:
                if _tool_table(_read_toml(candidate)) is not None:
                    return candidate
            except ConfigError:  # not ours to report: it is not used
                pass
        if _is_repo_root(directory):
            return None
    return None


def _search(start: Path, trusted: Path | None, cwd: Path) -> Config | None:
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        # os.path: a directory that cannot be searched has no config (Path.is_file would raise)
        if _within(directory, trusted, cwd) and os.path.isfile(candidate):  # noqa: PTH113
            table = _tool_table(_read_toml(candidate))
            if table is not None:
                return Config(candidate, table)
        if _is_repo_root(directory):
            break
    return None


def _project_of(cwd: Path) -> Path | None:
    for directory in (cwd, *cwd.parents):
        if _is_repo_root(directory):
            return directory
    return None


def _within(directory: Path, trusted: Path | None, cwd: Path) -> bool:
    """In the user's repository, or (outside any repository) `cwd` or one of its parents."""
    if trusted is not None and directory.is_relative_to(trusted):
        return True
    return cwd.is_relative_to(directory)


def _is_repo_root(directory: Path) -> bool:
    # os.path.exists is False for what cannot be seen (a folder without search permission);
    # Path.exists raises PermissionError there.
    return any(os.path.exists(directory / name) for name in (".git", ".hg"))  # noqa: PTH110


def driver_value(config: Config, name: str, kind: type[Any]) -> Any:
    """A driver key of the configuration (``exclude``…), checked; None when it is not set."""
    for key, value in config.table.items():
        if norm_key(key) == name:
            label = f"{config.path}: {TABLE}.{key}" if config.path else f"{TABLE}.{key}"
            if kind is list and (
                not isinstance(value, list) or not all(isinstance(v, str) for v in value)
            ):
                raise ConfigError(f"{label}: expected a list of strings")
            if kind is bool and not isinstance(value, bool):
                raise ConfigError(f"{label}: expected true or false")
            return value
    return None


def load_config_file(path: Path) -> Config:
    """``--config FILE``: its `[tool.scrapedown]` table, else (not a pyproject) its top level."""
    document = _read_toml(path)
    table = _tool_table(document)
    if table is not None:
        return Config(path, table)
    if path.name == "pyproject.toml":
        raise ConfigError(f"{path}: no [{TABLE}] table")
    return Config(path, document)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None


def _tool_table(document: Mapping[str, Any]) -> Mapping[str, Any] | None:
    table = document.get("tool", {}).get("scrapedown")
    if table is not None and not isinstance(table, Mapping):
        raise ConfigError(f"[{TABLE}] must be a table")
    return table


def options_from_table(
    table: Mapping[str, Any], base: Options | None = None, *, source: Path | None = None
) -> Options:
    """`base` (default: `Options()`) with the table's values applied; driver keys ignored.
    Errors name the file (`source`), the key and, for an unknown key, the closest known one."""
    options = base if base is not None else Options()
    values = {key: value for key, value in table.items() if norm_key(key) not in DRIVER_KEYS}
    try:
        applied: Options = apply_table(options, values, TABLE)
    except ConfigError as exc:
        raise ConfigError(f"{source}: {exc}" if source is not None else str(exc)) from None
    return applied
