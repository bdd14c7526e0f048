"""Link reference definitions the converter wrote by accident.

CommonMark reads definitions at block level, before code spans: `[` as text at a line start and
a code span holding `]:` (`[<code>f]:</code>` is written ``[`f]:` ``) make a definition, which
shows nothing. The converter never writes a definition on purpose (links are inline), so each
one markdown-it finds in its output gets its `[` escaped.
"""

from __future__ import annotations

from typing import Any

from scrapedown import commonmark


def escape_accidental_definitions(markdown: str) -> str:
    """`markdown` (the converter's) with a `\\` before the `[` of each link reference
    definition in it."""
    if "]:" not in markdown:  # (every definition holds one: the usual case costs a search)
        return markdown
    env: dict[str, Any] = {}
    commonmark.block_parser().parse(markdown, env)
    definitions = [*env.get("references", {}).values(), *env.get("duplicate_refs", [])]
    if not definitions:
        return markdown
    lines = markdown.split("\n")
    for definition in definitions:
        first = definition["map"][0]
        bracket = lines[first].find("[")
        if bracket >= 0:
            lines[first] = lines[first][:bracket] + "\\" + lines[first][bracket:]
    return "\n".join(lines)
