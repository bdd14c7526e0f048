"""Stages 1 and 9: split a post into front matter and body, and write it back with a minimal diff.

The raw front-matter block is kept byte-for-byte; values are only read (safe loaders), never
re-serialised. A changed value is written back by editing its own line (see `replace_value`).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml
from frontmatter.default_handlers import YAMLHandler

from scrapedown.errors import ScrapedownError
from scrapedown.safety import safe_start

Format = Literal["yaml", "toml", "json"]

_BOM = "\ufeff"
# Leading blank lines (and a BOM) before the opening delimiter: tolerated by Hexo, fatal to Jekyll.
# Every BOM among them goes, not only a first one: an output starting with the next would lose
# it on a second run (`\ufeff\ufeff_`, `\n\ufeff\t中`).
_LEADING_BLANK = re.compile(r"\A(?:\ufeff|[ \t]*+\n)*+")
_FENCES: dict[str, tuple[Format, re.Pattern[str]]] = {
    "---": ("yaml", re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)),
    "+++": ("toml", re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)),
    ";;;": ("json", re.compile(r"^;;;[ \t]*$", re.MULTILINE)),
}
_OPENING = re.compile(r"\A(---|\+\+\+)[ \t]*\n")
# (the blank lines after one too, spaces on them included: the body then starts with content)
_LEADING_RULES = re.compile(r"\A(?:(?:---+|\+\+\+)[ \t]*+(?:\n(?:[ \t]*+\n)*+|\Z))+")


@dataclass(frozen=True)
class FrontMatter:
    """A front-matter block as found in the file."""

    fmt: Format
    raw: str
    """The whole block, delimiters included, ending with its newline."""
    data: Mapping[str, Any] = field(hash=False)
    """The parsed values (read-only use: never serialised back)."""
    first_line: int = 1
    """1-based line of the opening delimiter in the original text (for error messages)."""


def split_post(text: str) -> tuple[FrontMatter | None, str]:
    """Split `text` into its front matter (None when absent) and its body."""
    lead = _LEADING_BLANK.match(text)
    skipped = lead.group(0) if lead else ""
    rest = text[len(skipped) :]
    first_line = skipped.count("\n") + 1
    opening = _OPENING.match(rest)
    if opening:
        return _split_fenced(rest, opening.group(1), first_line)
    if rest.startswith("{"):
        found = _split_json_object(rest, first_line)
        if found is not None:
            return found
    hexo = _split_hexo_json(rest, first_line)
    if hexo is not None:
        return hexo
    return None, skipped.replace(_BOM, "") + rest


def _split_fenced(rest: str, fence: str, first_line: int) -> tuple[FrontMatter, str]:
    fmt, closing = _FENCES[fence]
    start = rest.index("\n") + 1
    end = closing.search(rest, start)
    if end is None:
        raise ScrapedownError(
            f"line {first_line}: front matter opened with {fence} is never closed"
        )
    inner = rest[start : end.start()]
    stop = end.end() + 1 if rest[end.end() : end.end() + 1] == "\n" else end.end()
    raw = rest[:stop]
    if not raw.endswith("\n"):
        raw += "\n"
    data = _load(fmt, inner, first_line + 1)
    return FrontMatter(fmt, raw, data, first_line), rest[stop:]


def _split_json_object(rest: str, first_line: int) -> tuple[FrontMatter, str] | None:
    """Hugo's JSON front matter: a JSON object at the very start of the file."""
    first = rest.split("\n", 1)[0].strip()
    if first not in ("{", "{}") and not first.startswith('{"'):
        return None
    _check_json_depth(rest, first_line)
    try:
        data, end = json.JSONDecoder().raw_decode(rest)
    except json.JSONDecodeError as exc:
        line = first_line + exc.lineno - 1
        raise ScrapedownError(f"line {line}: JSON front matter does not parse: {exc.msg}") from None
    if not isinstance(data, dict):
        return None
    stop = end + 1 if rest[end : end + 1] == "\n" else end
    raw = rest[:stop] if rest[:stop].endswith("\n") else rest[:stop] + "\n"
    return FrontMatter("json", raw, data, first_line), rest[stop:]


# The json module decodes nested arrays and objects by recursion: 1,000 levels raise
# RecursionError. Front matter is a few levels deep; deeper is refused before decoding.
_MAX_JSON_DEPTH = 100
# A string (skipped whole: possessive, so linear) or a bracket.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*+"|[\[\]{}]')


def _check_json_depth(text: str, first_line: int) -> None:
    """Raise `ScrapedownError` when the JSON value at the start of `text` nests too deeply."""
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > _MAX_JSON_DEPTH:
                raise ScrapedownError(
                    f"line {first_line}: JSON front matter nests deeper than {_MAX_JSON_DEPTH}"
                )
        elif token in "]}":
            depth -= 1
            if depth <= 0:
                return


def _split_hexo_json(rest: str, first_line: int) -> tuple[FrontMatter, str] | None:
    """Hexo's `;;;` form: JSON members without braces, closed by a `;;;` line."""
    if not rest.startswith('"'):
        return None
    end = _FENCES[";;;"][1].search(rest)
    if end is None:
        return None
    _check_json_depth(rest[: end.start()], first_line)
    try:
        data = json.loads("{" + rest[: end.start()] + "}")
    except json.JSONDecodeError:
        return None
    stop = end.end() + 1 if rest[end.end() : end.end() + 1] == "\n" else end.end()
    raw = rest[:stop] if rest[:stop].endswith("\n") else rest[:stop] + "\n"
    return FrontMatter("json", raw, data, first_line), rest[stop:]


def _load(fmt: Format, inner: str, first_inner_line: int) -> Mapping[str, Any]:
    """Parse the inside of a fenced block with a safe loader; errors name the file line."""
    try:
        data = _YAML.load(inner) if fmt == "yaml" else tomllib.loads(inner)
    except yaml.MarkedYAMLError as exc:
        # A token left open (an unclosed quote) is found at the end of the block: the line
        # to fix is where the token started, the context mark.
        scanning = (exc.context or "").startswith("while scanning") and exc.context_mark
        mark = exc.context_mark if scanning else exc.problem_mark or exc.context_mark
        line = first_inner_line + (mark.line if mark else 0)
        problem = exc.problem or exc.context or "invalid YAML"
        if scanning:
            problem = f"{exc.context[len('while ') :]}: {problem}"  # type: ignore[index]
        raise ScrapedownError(f"line {line}: front matter is not valid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise ScrapedownError(
            f"line {first_inner_line}: front matter is not valid YAML: {exc}"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ScrapedownError(f"front matter is not valid TOML: {exc}") from None
    except RecursionError:
        raise ScrapedownError(f"line {first_inner_line}: front matter nests too deeply") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ScrapedownError(
            f"line {first_inner_line}: front matter is not a key/value mapping "
            f"(found {type(data).__name__})"
        )
    return data


_YAML = YAMLHandler()


def join_post(front: FrontMatter | None, body: str, blank_after: bool) -> str:
    """Stage 9: the post text; one newline at the end, the block at byte 0."""
    body = body.strip("\n") if body.strip() else ""
    if front is None:
        # A leading thematic break would read as an opening front-matter delimiter.
        body = safe_start(_LEADING_RULES.sub("", body))
        return body + "\n" if body else ""
    if not body:
        return front.raw
    # JSON front matter ends with a `}` line, a paragraph to a renderer that does not know
    # front matter: an indented first line would continue it (raw HTML in it read as HTML)
    # instead of starting a code block. A blank line keeps the two apart.
    blank_after = blank_after or (front.fmt == "json" and body[:1] in (" ", "\t"))
    return front.raw + ("\n" if blank_after else "") + body + "\n"
