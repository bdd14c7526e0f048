"""Line patterns that can only match text holding a digit, found from the parsed pattern.

The meta-line patterns (`PageOptions.meta_line_patterns`) are searched in every short block of
a page, and most of them need a digit (a date, a reading time): on the many short lines with
no digit (menus, labels, share bars) only the others need searching. Python's `re` finds no
literal prefix in an alternation of `\\b…` patterns, so each search tries every alternative at
every position; a search for `\\d` is a scan in C.

The analysis is conservative: a pattern counts as needing a digit only when an item of its
top-level sequence that must match (at least once) can match nothing but digits, or every
branch of a mandatory alternation needs one. Lookarounds, conditionals and anything not
understood count as not needing one; a pattern that cannot be parsed (a user's pattern in a
future `re` syntax) leaves the patterns unsplit.
"""

from __future__ import annotations

import functools
import importlib
import re
from typing import Any

try:  # the parser `re` compiles with (private, but stable since Python 3.11)
    sre: Any = importlib.import_module("re._constants")
    sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: no split, same results
    sre = sre_parse = None

# Any Unicode decimal digit: what `\d` and `[0-9]` in a pattern can match, and more.
DIGIT = re.compile(r"\d")
# A group reference would change meaning when its pattern is joined with others differently.
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


@functools.lru_cache(maxsize=64)
def split_on_digits(patterns: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(`patterns` that match only text holding a digit, the others), each in their order;
    ((), patterns) when the analysis does not apply."""
    if sre_parse is None or any(_GROUP_REFERENCE.search(p) for p in patterns):
        return (), patterns
    try:
        needs = [_needs_digit(sre_parse.parse(p, re.IGNORECASE)) for p in patterns]
    except Exception:  # any parser trouble: no split (never a wrong one)
        return (), patterns
    digits = tuple(p for p, need in zip(patterns, needs, strict=True) if need)
    rest = tuple(p for p, need in zip(patterns, needs, strict=True) if not need)
    return digits, rest


def _needs_digit(sequence: Any) -> bool:
    """Whether a parsed sequence matches only text holding a digit."""
    return _needs(sequence, _digit_only)


def _needs(sequence: Any, only: Any) -> bool:
    """Whether a parsed sequence matches only text holding a character that `only(kind,
    item)` vouches for (`kind` an `sre` class item kind: LITERAL, RANGE or CATEGORY)."""
    return any(_item_needs(op, value, only) for op, value in sequence)


def _item_needs(op: Any, value: Any, only: Any) -> bool:
    if op is sre.IN:
        return all(only(kind, item) for kind, item in value)
    if op is sre.LITERAL:
        return bool(only(sre.LITERAL, value))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = value
        return bool(low >= 1 and _needs(body, only))
    if op is sre.SUBPATTERN:
        return _needs(value[-1], only)
    if op is sre.ATOMIC_GROUP:
        return _needs(value, only)
    if op is sre.BRANCH:
        return all(_needs(branch, only) for branch in value[1])
    return False


def _digit_only(kind: Any, item: Any) -> bool:
    """Whether an item of a character class matches digits only."""
    if kind is sre.CATEGORY:
        return item is sre.CATEGORY_DIGIT
    if kind is sre.LITERAL:
        return bool(0x30 <= item <= 0x39)
    if kind is sre.RANGE:
        return bool(0x30 <= item[0] <= item[1] <= 0x39)
    return False


# Every character `\s` (and `str.isspace`) matches; none has a case variant, so no letter
# matches one under IGNORECASE.
_SPACES = tuple(code for code in range(0x3001) if chr(code).isspace())


@functools.lru_cache(maxsize=64)
def needs_non_space(patterns: tuple[str, ...]) -> bool:
    """Whether every pattern matches only text holding a character other than white space
    (a line of blanks cannot match any of them); False when the analysis does not apply."""
    if sre_parse is None or any(_GROUP_REFERENCE.search(p) for p in patterns):
        return False
    try:
        return all(_needs(sre_parse.parse(p, re.IGNORECASE), _non_space_only) for p in patterns)
    except Exception:  # any parser trouble: no answer (never a wrong one)
        return False


def _non_space_only(kind: Any, item: Any) -> bool:
    """Whether an item of a character class matches no white space."""
    if kind is sre.CATEGORY:
        return item in (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD, sre.CATEGORY_NOT_SPACE)
    if kind is sre.LITERAL:
        return not chr(item).isspace()
    if kind is sre.RANGE:
        low, high = item
        return not any(low <= code <= high for code in _SPACES)
    return False
