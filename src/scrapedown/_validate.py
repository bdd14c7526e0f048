"""Checks run by the options dataclasses' ``__post_init__``: types from the annotations, then
each class's own limits. A bad value is an `OptionError` naming the field and, for an unknown
name, the closest known one; the CLI adds the file and the table it came from.

Collections are accepted in any iterable form but a string (``image_keys="cover"`` would be the
keys ``c``, ``o``, …) and stored as the annotated tuple or frozenset, so options stay hashable.
This module is imported by `scrapedown.options`, hence by ``import scrapedown``: standard
library only (lxml is imported by `check_xpaths`, for a configured XPath only).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from scrapedown.errors import ScrapedownError


class OptionError(ScrapedownError):
    """An option value that cannot work; `key` is the field, `reason` says why."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of `known`, or an empty string."""
    import difflib

    candidates = sorted(known)
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    if not close:
        lowered = {item.lower().replace("-", "_"): item for item in candidates}
        close = [lowered[key] for key in (name.lower().replace("-", "_"),) if key in lowered]
    return f" (did you mean {close[0]!r}?)" if close else ""


_Options = TypeVar("_Options", bound=type[Any])


def named_keywords(cls: _Options) -> _Options:
    """Class decorator for an options dataclass: an unknown keyword (`Options(bold_heading=…)`)
    is an `OptionError` naming the closest field, like every other bad option, instead of
    Python's `TypeError` (which names neither the class's fields nor the likely one)."""
    init: Callable[..., None] = cls.__init__
    known = frozenset(field.name for field in dataclasses.fields(cls))

    @functools.wraps(init)
    def checked_init(self: Any, *args: Any, **kwargs: Any) -> None:
        for key in kwargs.keys() - known:
            raise OptionError(key, f"unknown option of {cls.__name__}" + did_you_mean(key, known))
        init(self, *args, **kwargs)

    setattr(cls, "__init__", checked_init)  # noqa: B010 (mypy keeps the dataclass signature)
    return cls


def check_fields(instance: Any) -> None:
    """Every field of the dataclass `instance` against its annotation (coercing collections)."""
    for name, (hint, default) in _hints(type(instance)).items():
        value = getattr(instance, name)
        if value is default:
            continue  # the class's own default (checked by the tests, and costly to re-check)
        checked = _check(value, hint, name)
        if checked is not value:
            object.__setattr__(instance, name, checked)


_HINTS: dict[type[Any], dict[str, tuple[Any, Any]]] = {}


def _hints(cls: type[Any]) -> dict[str, tuple[Any, Any]]:
    """Each field's annotation and default value (`dataclasses.MISSING` for a factory)."""
    found = _HINTS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = _HINTS[cls] = {
            field.name: (hints[field.name], field.default)
            for field in dataclasses.fields(cls)
            if field.init
        }
    return found


def _check(value: Any, hint: Any, key: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return value
        (inner,) = (arg for arg in args if arg is not type(None))
        return _check(value, inner, key)
    if origin in (tuple, frozenset):
        return _collection(value, origin, args, key)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(value, hint):
            raise OptionError(key, f"expected {hint.__name__}, got {_kind(value)}")
        return value
    return _scalar(value, hint, key)


def _collection(value: Any, origin: Any, args: tuple[Any, ...], key: str) -> Any:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        wanted = "a tuple" if origin is tuple else "a set"
        raise OptionError(key, f"expected {wanted} of values, got {_kind(value)}")
    if isinstance(value, dict):
        raise OptionError(key, "expected a sequence of values, got dict")
    items = list(value)
    if origin is tuple and args and args[-1] is not Ellipsis:
        if len(items) != len(args):
            raise OptionError(key, f"expected {len(args)} items, got {len(items)}")
        checked = [_check(item, arg, key) for item, arg in zip(items, args, strict=True)]
    else:
        item_hint = args[0] if args else Any
        checked = [_check(item, item_hint, key) for item in items]
    kind = tuple if origin is tuple else frozenset
    if type(value) is kind and all(a is b for a, b in zip(items, checked, strict=True)):
        return value
    return kind(checked)


_WORDS = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}


def _scalar(value: Any, hint: Any, key: str) -> Any:
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    # bool is a subclass of int: max_depth=True must not pass as 1.
    if (
        isinstance(hint, type)
        and isinstance(value, hint)
        and (hint is bool or not isinstance(value, bool))
    ):
        return value
    wanted = _WORDS.get(hint, getattr(hint, "__name__", str(hint)))
    raise OptionError(key, f"expected {wanted}, got {_kind(value)}")


def _kind(value: Any) -> str:
    if isinstance(value, str | int | float):
        return f"{type(value).__name__} {value!r}"
    return type(value).__name__


def check_range(
    key: str, value: float, low: float | None = None, high: float | None = None, why: str = ""
) -> None:
    """`value` within [`low`, `high`] (either bound may be open)."""
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = (
            f"between {low:g} and {high:g}"
            if low is not None and high is not None
            else f"at least {low:g}"
            if low is not None
            else f"at most {high:g}"
        )
        raise OptionError(key, f"must be {bounds}, got {value!r}{why}")


def check_choice(key: str, value: str, choices: Iterable[str]) -> None:
    known = tuple(choices)
    if value not in known:
        listed = ", ".join(map(repr, known))
        raise OptionError(key, f"unknown value {value!r}{did_you_mean(value, known)}; "
                          f"expected one of {listed}")  # fmt: skip


def check_names(key: str, names: Iterable[str], known: Iterable[str], what: str) -> None:
    """Every name in `names` is one of `known`; the first unknown one is the error."""
    known = frozenset(known)
    for name in sorted(names):
        if name not in known:
            raise OptionError(key, f"unknown {what} {name!r}{did_you_mean(name, known)}")


#: Never part of a tag or attribute name as the HTML parser reports it.
_NOT_IN_MARKUP_NAMES = frozenset(" \t\n\r\f<>/=\"'")


def check_markup_names(key: str, names: Iterable[str], what: str) -> None:
    """Tag or attribute names (`what`) as the parser reports them, lower case and bare: a name
    written ``ASIDE`` or ``<aside>`` would never match, so it is an error, not a silent no-op."""
    for name in sorted(names):
        if name and name == name.lower() and _NOT_IN_MARKUP_NAMES.isdisjoint(name):
            continue
        bare = name.strip("<>/ \t\n").lower()
        hint = (
            f" (did you mean {bare!r}?)" if bare and _NOT_IN_MARKUP_NAMES.isdisjoint(bare) else ""
        )
        raise OptionError(key, f"{name!r} is not {what} (lower case, without brackets){hint}")


def check_xpaths(key: str, xpaths: Iterable[str]) -> None:
    """Each one compiles (an XPath that does not would be skipped on every page)."""
    from lxml import etree  # only for a configured value: the pipeline needs lxml then anyway

    for xpath in xpaths:
        try:
            etree.XPath(xpath)
        except etree.XPathSyntaxError as exc:
            raise OptionError(key, f"invalid XPath {xpath!r}: {exc}") from None
