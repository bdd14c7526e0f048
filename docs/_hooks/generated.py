"""MkDocs hook: the reference parts of the docs are generated from the code, so they cannot drift.

A page holds a marker comment (``<!-- generated: NAME -->``) where a generated block goes:

- ``options``: every field of `Options`, `PunctOptions`, `UrlOptions` and `PageOptions`, with the
  `[tool.scrapedown]` key, the type and the field's docstring (read from the source with `ast`:
  attribute docstrings are not kept at run time);
- ``cli-help``: the output of ``scrapedown --help``;
- ``dom-rules``: the cleaning rules in the order they run, with their functions' summaries;
- ``url-rules``: the built-in URL rule registry, one row per entry;
- ``presets``: the front-matter keys and date format of each page preset.
"""

from __future__ import annotations

import ast
import inspect
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

_SRC = Path(__file__).resolve().parents[2] / "src"
if str(_SRC) not in sys.path:  # a checkout without `pip install -e .`
    sys.path.insert(0, str(_SRC))

_MARKER = re.compile(r"<!-- generated: ([a-z-]+) -->")


def field_docs(cls: type[Any]) -> list[tuple[str, str, str]]:
    """(name, annotation, docstring) of each documented field of a dataclass, in order."""
    module = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    body = module.body[0].body  # type: ignore[attr-defined]
    fields: list[tuple[str, str, str]] = []
    for node, following in zip(body, [*body[1:], None], strict=True):
        if not isinstance(node, ast.AnnAssign) or not isinstance(node.target, ast.Name):
            continue
        doc = ""
        if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
            doc = " ".join(inspect.cleandoc(str(following.value.value)).split())
        fields.append((node.target.id, ast.unparse(node.annotation), doc))
    return fields


_CODE_SPAN = re.compile(r"(`+).+?\1")


def _cell(text: str) -> str:
    """Text for a table cell: outside code spans, ``|`` escaped and ``<`` shown, not parsed
    (Python-Markdown's tables leave a ``|`` inside a code span alone)."""
    out: list[str] = []
    cursor = 0
    for match in _CODE_SPAN.finditer(text):
        out.append(_plain(text[cursor : match.start()]))
        out.append(match.group())
        cursor = match.end()
    out.append(_plain(text[cursor:]))
    return "".join(out)


def _plain(text: str) -> str:
    return text.replace("<", "&lt;").replace("|", "\\|")


def options_reference() -> str:
    from scrapedown.options import Options
    from scrapedown.page.options import PageOptions
    from scrapedown.punct.options import PunctOptions
    from scrapedown.urls.options import UrlOptions

    tables = (
        ("tool.scrapedown", Options, "Options"),
        ("tool.scrapedown.punct", PunctOptions, "Options.punct"),
        ("tool.scrapedown.urls", UrlOptions, "Options.urls"),
        ("tool.scrapedown.page", PageOptions, "Options.page"),
    )
    parts: list[str] = []
    for table, cls, python in tables:
        parts.append(f"### `[{table}]`\n\n`{cls.__name__}`, in Python `{python}`.\n")
        parts.append("| key | type | meaning and default |\n|---|---|---|")
        for name, annotation, doc in field_docs(cls):
            if name in {"punct", "urls", "page"} and cls is Options:
                continue  # the nested tables have their own sections
            key = name.replace("_", "-")
            parts.append(f"| `{key}` | `{annotation}` | {_cell(doc)} |")
        parts.append("")
    return "\n".join(parts)


def cli_help() -> str:
    env = {**os.environ, "COLUMNS": "100", "PYTHONPATH": str(_SRC)}
    result = subprocess.run(
        [sys.executable, "-m", "scrapedown", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return "```text\n" + result.stdout.rstrip() + "\n```\n"


def dom_rules() -> str:
    from scrapedown.rules import SOUP_RULES, TREE_RULES

    rows = ["| # | name | tree | what it does |", "|---:|---|---|---|"]
    for number, (tree, (name, rule)) in enumerate(
        [("lxml", r) for r in TREE_RULES] + [("BeautifulSoup", r) for r in SOUP_RULES], 1
    ):
        summary = " ".join((inspect.getdoc(rule) or "").split("\n\n")[0].split())
        rows.append(f"| {number} | `{name}` | {tree} | {_cell(summary)} |")
    return "\n".join(rows) + "\n"


def url_rules() -> str:
    from scrapedown.urls.registry import BUILTIN_NAMES, BUILTIN_RULES

    rows = [
        f"{len(BUILTIN_RULES)} entries under {len(BUILTIN_NAMES)} names (several entries share "
        "a name when one scheme has several host shapes; a name switches all of them).\n",
        "| name | hosts | path starts | images | links | extractor |",
        "|---|---|---|---|---|---|",
    ]
    for rule in BUILTIN_RULES:
        hosts = ", ".join(f"`{host}`" for host in rule.hosts)
        path = f"`{rule.path}`" if rule.path else "any"
        extractor = type(rule.extract).__name__
        rows.append(
            f"| `{rule.name}` | {_cell(hosts)} | {_cell(path)} | {rule.img} | {rule.link} "
            f"| {extractor} |"
        )
    return "\n".join(rows) + "\n"


def presets() -> str:
    from scrapedown.page.presets import FIELDS, PRESETS

    names = list(PRESETS)
    rows = ["| field | " + " | ".join(f"`{n}`" for n in names) + " |"]
    rows.append("|---|" + "---|" * len(names))
    for field in FIELDS:
        keys = [dict(PRESETS[name].keys).get(field) for name in names]
        rows.append(f"| {field} | " + " | ".join(f"`{k}`" if k else "—" for k in keys) + " |")
    dates = [f"`{PRESETS[name].date_format}`" for name in names]
    rows.append("| date format | " + " | ".join(dates) + " |")
    return "\n".join(rows) + "\n"


GENERATORS: dict[str, Callable[[], str]] = {
    "options": options_reference,
    "cli-help": cli_help,
    "dom-rules": dom_rules,
    "url-rules": url_rules,
    "presets": presets,
}


def render(markdown: str) -> str:
    """`markdown` with every marker replaced by its generated block."""
    return _MARKER.sub(lambda match: GENERATORS[match.group(1)](), markdown)


def on_page_markdown(markdown: str, **_: Any) -> str:
    return render(markdown)
