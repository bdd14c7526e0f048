"""The page front matter written line by line, as ruamel.yaml writes it, without ruamel's
representer, serializer and emitter (a sixth of a page's metadata time went to them).

Only the usual front matter takes this path: a mapping of short keys to one-line strings (or
lists of them), each of which ruamel writes plain or in single quotes, with `page_yaml`'s
settings (YAML 1.1, no line width, Unicode allowed, list items indented under their key).
The choice below is ruamel's (`Emitter.analyze_scalar`, `choose_scalar_style`), narrowed to
such strings; whether a plain string would read back as a string is asked of ruamel's own
YAML 1.1 resolver. Anything else (a line break, a control or BOM character, a string holding
an apostrophe that needs quoting, a key ruamel would not write as a simple key) returns None:
`scrapedown.page.frontmatter_out` then has ruamel write the block.
`tests/test_page_yaml_lines.py` checks every value this module writes against ruamel.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.util import timestamp_regexp

_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_RESOLVER = VersionedResolver(version=(1, 1))
# One line of characters ruamel writes as they are with `allow_unicode` (printable, no BOM,
# no line or paragraph separator, no NEL).
_ONE_LINE = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]++"
)
# What makes ruamel give up a block plain scalar: a space at either end, a document marker,
# an indicator first, `: ` or a final `:`, ` #`.
_NOT_PLAIN = re.compile(r"\A(?:[ #,\[\]{}&*!|>'\"%@`]|---|\.\.\.|[-?:](?: |\Z))|:(?: |\Z)| #| \Z")
_MAX_KEY = 100
"""Longest key written here (ruamel writes a key of 128 characters or more as `? key`)."""


class DateText(str):
    """A formatted date: written plain (a YAML timestamp when it reads as one)."""


def yaml_lines(data: Mapping[Any, Any]) -> str | None:
    """The YAML of `data` (without a directive or `---`), or None when ruamel must write it."""
    lines: list[str] = []
    for key, value in data.items():
        if type(key) is not str or len(key) >= _MAX_KEY:
            return None
        written_key = _scalar(key)
        if written_key is None:
            return None
        if isinstance(value, list):
            items = [_scalar(item) if isinstance(item, str) else None for item in value]
            if not items or None in items:
                return None
            lines.append(f"{written_key}:")
            lines.extend(f"  - {item}" for item in items)
            continue
        written = _scalar(value) if isinstance(value, str) else None
        if written is None:
            return None
        lines.append(f"{written_key}: {written}")
    return "\n".join(lines) + "\n"


def _scalar(value: str) -> str | None:
    """`value` as ruamel writes it in a block mapping or sequence, if plain or single-quoted."""
    if not _ONE_LINE.fullmatch(value):
        return None  # empty, multi-line, or a character ruamel escapes: ruamel decides
    tag = _STR
    if type(value) is DateText and timestamp_regexp.match(value):
        tag = _TIMESTAMP
    elif type(value) not in (str, DateText):
        return None
    plain = _NOT_PLAIN.search(value) is None
    if plain and _RESOLVER.resolve(ScalarNode, value, (True, False)) == tag:
        return value
    if tag != _STR or "'" in value:
        return None  # an explicit tag, or double quotes: ruamel decides
    return f"'{value}'"
