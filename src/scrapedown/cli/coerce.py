"""TOML values (a `[tool.scrapedown]` table, ``-O KEY=VALUE``) onto the options dataclasses.

Nothing here knows the list of options: keys are matched against `dataclasses.fields()` and
values checked against the field annotations, so a field added to `Options` (or to its nested
`punct`/`urls`/`page` dataclasses) is configurable the moment it exists. Values of the right
type that cannot work are refused by the dataclasses themselves (`OptionError`), and reported
here with the key as the user wrote it.
"""

from __future__ import annotations

import dataclasses
import enum
import tomllib
import types
import typing
from collections.abc import Mapping
from typing import Any

from scrapedown._validate import OptionError, did_you_mean
from scrapedown.options import Options

TABLE = "tool.scrapedown"
#: Keys of `[tool.scrapedown]` read by the command line itself rather than by `Options`.
DRIVER_KEYS = frozenset({"exclude", "extend_exclude", "respect_gitignore"})
_EXTEND = "extend_"


class ConfigError(Exception):
    """A configuration problem; the message names the file and key. Exit code 2."""


def norm_key(key: str) -> str:
    """A key as a field name: hyphens and underscores alike."""
    return key.replace("-", "_")


def apply_table(instance: Any, values: Mapping[str, Any], where: str) -> Any:
    """The dataclass `instance` with `values` applied (nested tables onto nested dataclasses);
    `where` is the dotted table, for messages (``tool.scrapedown.urls``)."""
    cls = type(instance)
    hints = typing.get_type_hints(cls)
    names = {field.name for field in dataclasses.fields(cls) if field.init}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        name, extend = norm_key(key), False
        if name not in names and name.startswith(_EXTEND) and name[len(_EXTEND) :] in names:
            name, extend = name[len(_EXTEND) :], True
        if name not in names:
            known = (
                names | {_EXTEND + n for n in names} | (DRIVER_KEYS if where == TABLE else set())
            )
            hint = did_you_mean(name, known).replace("_", "-")
            raise ConfigError(f"unknown key {where}.{key}{hint}")
        label = f"{where}.{key}"
        current = changes.get(name, getattr(instance, name))
        if dataclasses.is_dataclass(current) and not isinstance(current, type):
            if not isinstance(value, Mapping):
                raise ConfigError(f"{label}: expected a table")
            changes[name] = apply_table(current, value, label)
        elif extend:
            changes[name] = _extend(current, _coerce(value, hints[name], label), label)
        else:
            changes[name] = _coerce(value, hints[name], label)
    if not changes:
        return instance
    try:
        return dataclasses.replace(instance, **changes)
    except OptionError as exc:  # a value of the right type that cannot work (bullet = "xx")
        key = next((k for k in values if norm_key(k) in (exc.key, _EXTEND + exc.key)), exc.key)
        raise ConfigError(f"{where}.{key}: {exc.reason}") from None


def _extend(current: Any, extra: Any, label: str) -> Any:
    # extend-KEY adds to the default collection instead of replacing it (ruff's extend-* idea).
    if isinstance(current, frozenset):
        return current | extra
    if isinstance(current, tuple):
        return current + tuple(item for item in extra if item not in current)
    raise ConfigError(f"{label}: only list-valued options can be extended")


def _coerce(value: Any, hint: Any, label: str) -> Any:
    """`value` (as parsed from TOML) converted to the annotated type `hint`, or ConfigError."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        return _coerce_union(value, args, label)
    if origin is typing.Literal:
        if value not in args:
            raise ConfigError(f"{label}: expected one of {', '.join(map(repr, args))}")
        return value
    if origin in (tuple, frozenset, set, list) or hint in (tuple, frozenset, list):
        return _coerce_collection(value, origin or hint, args, label)
    if origin is not None and issubclass(origin, Mapping):
        if not isinstance(value, Mapping):
            raise ConfigError(f"{label}: expected a table")
        key_hint, value_hint = args or (Any, Any)
        return {
            _coerce(key, key_hint, label): _coerce(item, value_hint, label)
            for key, item in value.items()
        }
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _coerce_enum(value, hint, label)
    return _coerce_scalar(value, hint, label)


def _coerce_union(value: Any, args: tuple[Any, ...], label: str) -> Any:
    errors = []
    for arg in args:
        if arg is type(None):
            continue  # TOML has no null: an optional value is given or left out
        try:
            return _coerce(value, arg, label)
        except ConfigError as exc:
            errors.append(str(exc))
    raise ConfigError(errors[0] if len(errors) == 1 else f"{label}: unexpected value {value!r}")


def _coerce_collection(value: Any, kind: Any, args: tuple[Any, ...], label: str) -> Any:
    if isinstance(value, Mapping) and kind is tuple and len(args) == 2 and args[1] is Ellipsis:
        # A table for a tuple of pairs: keep-attrs = { a = ["href"] } -> (("a", {"href"}),)
        value = [[key, item] for key, item in value.items()]
    if not isinstance(value, list):
        raise ConfigError(f"{label}: expected a list")
    if kind is tuple and args and args[-1] is not Ellipsis:
        if len(value) != len(args):
            raise ConfigError(f"{label}: expected a list of {len(args)} items")
        return tuple(_coerce(item, arg, label) for item, arg in zip(value, args, strict=True))
    item_hint = args[0] if args else Any
    items = [_coerce(item, item_hint, label) for item in value]
    return {tuple: tuple, list: list, set: frozenset, frozenset: frozenset}[kind](items)


def _coerce_enum(value: Any, hint: type[enum.Enum], label: str) -> Any:
    for member in hint:
        if value in (member.value, member.name, member.name.lower()):
            return member
    choices = ", ".join(repr(member.value) for member in hint)
    raise ConfigError(f"{label}: expected one of {choices}")


_TYPE_WORDS = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}


def _coerce_scalar(value: Any, hint: Any, label: str) -> Any:
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    # bool is a subclass of int: `max-depth = true` must not pass as 1.
    is_bool_for_number = isinstance(value, bool) and hint is not bool
    if isinstance(hint, type) and isinstance(value, hint) and not is_bool_for_number:
        return value
    wanted = _TYPE_WORDS.get(hint, getattr(hint, "__name__", str(hint)))
    raise ConfigError(f"{label}: expected {wanted}, got {value!r}")


def parse_override(assignment: str) -> tuple[list[str], Any]:
    """``-O KEY=VALUE``: the dotted key path and the value (TOML syntax, else a bare string)."""
    key, sep, raw = assignment.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"--option {assignment!r}: expected KEY=VALUE")
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        if raw.lstrip().startswith(("[", "{")):  # a list or table, mistyped: not a bare string
            raise ConfigError(
                f"--option {assignment!r}: {raw!r} is not a TOML list or table (strings "
                """inside are quoted: -O 'drop-tags=["aside"]')"""
            ) from None
        value = raw  # -O bullet=* or -O urls.base-url=https://x: no quotes needed
    return [part.strip() for part in key.split(".")], value


def apply_overrides(options: Options, assignments: list[str]) -> Options:
    """`options` with each ``-O KEY=VALUE`` applied in order (flags override the config file)."""
    for assignment in assignments:
        path, value = parse_override(assignment)
        nested: Any = value
        for part in reversed(path[1:]):
            nested = {part: nested}
        if norm_key(path[0]) in DRIVER_KEYS:
            raise ConfigError(f"--option {path[0]}: use the --{path[0]} flag")
        try:
            options = apply_table(options, {path[0]: nested}, TABLE)
        except ConfigError as exc:
            raise ConfigError(f"-O/--option {assignment!r}: {exc}") from None
    return options


def option_keys(cls: type[Any] = Options, prefix: str = "") -> list[str]:
    """Every configurable key, dotted for nested tables (for ``--help``)."""
    keys = []
    for field in dataclasses.fields(cls):
        name = prefix + field.name.replace("_", "-")
        default = (
            field.default_factory()
            if field.default_factory is not dataclasses.MISSING
            else field.default
        )
        if dataclasses.is_dataclass(default):
            keys.extend(option_keys(type(default), name + "."))
        else:
            keys.append(name)
    return keys
