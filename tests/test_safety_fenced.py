"""The safety stage's shortcut for bodies whose only `<` are in fenced code
(`safety.fenced.only_fenced_suspects`): it must never keep what the full repair would change,
and the lines it takes for fence content must be fence content to markdown-it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from scrapedown import clean
from scrapedown.safety.fenced import _fence_content_lines, only_fenced_suspects
from scrapedown.safety.markdown import repair
from scrapedown.safety.schemes import unsafe_destination_positions

_PIECES = (
    "```", "```c", "```a`b", "~~~", "````", "   ```", "    ```", "- ```", "> ```", "1. x",
    "- item", "  ```", "<div>", "</div>", "<script>alert(1)</script>", "<img src=x onerror=a()>",
    "#include <stdio.h>", "List<T> x;", "<!-- -->", "<!--", "-->", "<pre>", "text", "`<b>`",
    '<a title="', '">', "| a | b |", "|---|---|", "[x]: javascript:alert(1)", "\t```", "",
)  # fmt: skip


def _markdown_it_fence_lines(markdown: str) -> set[int]:
    tokens = MarkdownIt("commonmark", {"html": True}).enable("table").parse(markdown)
    lines: set[int] = set()
    for token in tokens:
        if token.type == "fence" and token.level == 0 and token.map:
            first, end = token.map
            lines.update(range(first + 1, end))  # the content (closing line excluded below)
    return lines


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("\n".join))
def test_fence_lines_are_fence_content_to_markdown_it(markdown: str) -> None:
    lines = markdown.split("\n")
    found = _fence_content_lines(lines)
    if found is not None:  # (blank lines carry nothing: markdown-it ends a map before the last)
        assert {i for i in found if lines[i].strip()} <= _markdown_it_fence_lines(markdown)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("\n".join))
def test_shortcut_only_where_repair_changes_nothing(markdown: str) -> None:
    # As `safe_body` uses it: together with the first look at link destinations.
    if only_fenced_suspects(markdown) and not unsafe_destination_positions(markdown):
        assert repair(markdown) == markdown


@pytest.mark.parametrize(
    "body",
    [
        "text\n\n```c\n#include <stdio.h>\n```\n\n<script>alert(1)</script>\n",
        'text\n\n```\n<a title="\n```\n<img src=x onerror=alert(1)>\n">\n',
        "- item\n\n  ```\n  <b>\n```\n<img src=x onerror=alert(1)>\n",
        "para\n```\n<img src=x onerror=alert(1)>\n```\n",
        "```a`b\n<img src=x onerror=alert(1)>\n```\n",
    ],
)
def test_unsafe_html_next_to_code_is_still_removed(body: str) -> None:
    # Through the public API, as hand-written Markdown, rendered the way an attacker would.
    rendered = MarkdownIt("commonmark", {"html": True}).render(clean(body))
    assert "<script" not in rendered
    assert "<img src=x onerror" not in rendered


def test_code_only_body_is_kept_as_is() -> None:
    body = "Headers:\n\n```c\n#include <stdio.h>\nList<T> x;\n```\n"
    assert only_fenced_suspects(body)
    assert clean(body) == body
