"""Stage 8: front-matter metadata. Image keys are unwrapped from proxies; nothing else changes.

A changed value is written back by editing the text of its own line, keeping the original
quoting, so that the diff of a cleaned post is exactly the lines whose URL changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from scrapedown.errors import ScrapedownError
from scrapedown.frontmatter.block import FrontMatter, split_post
from scrapedown.options import Options

Unwrap = Callable[[str], str]


def unwrap_image_keys(front: FrontMatter, options: Options, unwrap: Unwrap) -> FrontMatter:
    """The front matter with every proxied URL under `options.image_keys` unwrapped.

    The edited block must read back as the old data with exactly those values changed (no key
    added, no other value touched); otherwise it is left as it was.
    """
    raw = front.raw
    changed: dict[tuple[str, str], str] = {}
    for key in options.image_keys:
        pairs = [(old, unwrap(old)) for old in _string_values(front.data.get(key))]
        pairs = [(old, new) for old, new in pairs if new != old]
        changed.update(((key, old), new) for old, new in pairs)
        raw = replace_values(raw, front.fmt, key, pairs)
    if raw == front.raw or not _reads_back(raw, front, changed):
        return front
    return replace(front, raw=raw)


def _reads_back(raw: str, front: FrontMatter, changed: dict[tuple[str, str], str]) -> bool:
    """Whether `raw` parses to `front.data` with the `changed` values (and nothing else)."""
    try:
        parsed, _ = split_post(raw)
    except ScrapedownError:
        return False
    if parsed is None or parsed.fmt != front.fmt:
        return False
    expected = {}
    for key, value in front.data.items():
        if isinstance(value, str):
            value = changed.get((key, value), value)
        elif isinstance(value, list):
            value = [changed.get((key, v), v) if isinstance(v, str) else v for v in value]
        expected[key] = value
    return dict(parsed.data) == expected


def _string_values(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        yield from (item for item in value if isinstance(item, str))


def replace_value(raw: str, fmt: str, key: str, old: str, new: str) -> str:
    """`raw` with `old` replaced by `new` in the lines of top-level `key`, quoting kept.

    When the old value cannot be found literally (escaped or folded), the block is left as it is:
    a missed unwrap is harmless, a broken front matter is not.
    """
    return replace_values(raw, fmt, key, [(old, new)])


# How far past the line of the previous value the next one of a list is looked for (blank
# lines and comments between items); a list parses in the order it is written.
_LIST_WINDOW = 64


def replace_values(raw: str, fmt: str, key: str, pairs: list[tuple[str, str]]) -> str:
    """`replace_value` for the values of one key in their order: the block is split once and
    each value is looked for from the line of the one before, so a list of n values costs one
    pass over its lines, not n passes over the whole front matter."""
    if not pairs:
        return raw
    lines = raw.split("\n")
    span = _key_span(lines, fmt, key)
    if span is None:
        return raw
    cursor, end = span
    for old, new in pairs:
        for index in range(cursor, min(end, cursor + _LIST_WINDOW)):
            edited = _replace_in_line(lines[index], fmt, old, new)
            if edited is not None:
                lines[index] = edited
                cursor = index
                break
    return "\n".join(lines)


def _key_span(lines: list[str], fmt: str, key: str) -> tuple[int, int] | None:
    """Indices [start, end) of the lines holding the value of top-level `key`."""
    if fmt == "yaml":
        head = re.compile(rf"^(?:{re.escape(key)}|'{re.escape(key)}'|\"{re.escape(key)}\")\s*:")
    elif fmt == "toml":
        head = re.compile(rf"^(?:{re.escape(key)}|\"{re.escape(key)}\")\s*=")
    else:
        head = re.compile(rf"^\s*\"{re.escape(key)}\"\s*:")
    for start, line in enumerate(lines):
        if head.match(line):
            end = start + 1
            # YAML block sequences and TOML/JSON arrays continue on indented lines.
            while end < len(lines) and lines[end][:1] in (" ", "\t", "-", "]"):
                end += 1
            return start, end
    return None


def _replace_in_line(line: str, fmt: str, old: str, new: str) -> str | None:
    for quote, encode in _ENCODERS[fmt]:
        needle = quote + encode(old) + quote
        if needle in line:
            fits = _FITS[fmt, quote](new) and (quote or not _in_flow(line, line.index(needle)))
            value = quote + encode(new) + quote if fits else _requoted(new)
            return line.replace(needle, value, 1)
    return None


def _in_flow(line: str, position: int) -> bool:
    """Whether `position` is inside a YAML flow collection (`[…]`, `{…}`) of `line`."""
    return "[" in line[:position] or "{" in line[:position]


def _yaml_plain(value: str) -> str:
    return value


def _yaml_single(value: str) -> str:
    return value.replace("'", "''")


def _double(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


# A value that reads back as itself, unquoted (YAML plain scalar: no indicator first, no
# space, comment, flow or quote character anywhere, no trailing colon) or inside single quotes
# (YAML single-quoted, TOML literal: no line break, no control character).
_PLAIN_RE = re.compile(r"[^\s#,\[\]{}'\"\\:`|>!&*?@%-][^\s,\[\]{}'\"\\]*+")
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _plain_fits(value: str) -> bool:
    return bool(_PLAIN_RE.fullmatch(value)) and not value.endswith(":")


def _single_fits(value: str) -> bool:
    return _CONTROL_RE.search(value) is None


def _literal_fits(value: str) -> bool:
    return "'" not in value and _CONTROL_RE.search(value) is None


def _double_fits(value: str) -> bool:
    return _CONTROL_RE.search(value) is None


_FITS: dict[tuple[str, str], Callable[[str], bool]] = {
    ("yaml", ""): _plain_fits,
    ("yaml", "'"): _single_fits,
    ("yaml", '"'): _double_fits,
    ("toml", "'"): _literal_fits,
    ("toml", '"'): _double_fits,
    ("json", '"'): _double_fits,
}


def _requoted(value: str) -> str:
    """`value` as a double-quoted string every format reads the same way (YAML double-quoted,
    TOML basic, JSON): backslash, quote and every control or special character escaped."""
    escaped = _double(value)
    return '"' + _CONTROL_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'


_ENCODERS: dict[str, tuple[tuple[str, Callable[[str], str]], ...]] = {
    "yaml": (("'", _yaml_single), ('"', _double), ("", _yaml_plain)),
    "toml": (('"', _double), ("'", _yaml_plain)),
    "json": (('"', _double),),
}
