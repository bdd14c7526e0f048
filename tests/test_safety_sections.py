"""The safety stage's shortcut (`safety.sections.sections_unchanged`): `repair`'s verdict shown
on the sections of a text that hold a suspect line. It must never keep what the full repair
would change; the sections must parse alone into the tokens `repair` reads in the whole text;
and on every corpus output the shortcut and the full repair agree."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from scrapedown import clean, clean_html
from scrapedown.safety import safe_body
from scrapedown.safety.html import html_edits
from scrapedown.safety.markdown import _parser, repair
from scrapedown.safety.schemes import unsafe_destination_positions
from scrapedown.safety.sections import _sections, _UnsureError, sections_unchanged

from .conftest import shared_path

# Lines that open, close or sit in every block markdown-it knows, at every indentation that
# matters (0-3 spaces, 4, a tab), with suspect `<` in code, escapes, titles and raw HTML.
_LINES = (
    "", "", "", " ", "\t", "text", "  text", "   text", "    code <b>", "\tcode <i>",
    "```", "```c", "```a`b", "~~~", "````", " ```", "  ```", "   ```", "    ```", "\t```",
    "- ```", "> ```", "- item", "1. item", "2) item", "  - nested", "   1. nested", "> quote",
    "> <x-y>", "- <x-y>", "<div>", "</div>", "<div>text", "  <div>", "<script>", "</script>",
    "<script>alert(1)</script>", "<pre>", "  <pre>", "</pre>", "<style>", "<textarea>",
    "<!--", "-->", "  <!--", "<!-- -->", "<!-- x --> <b>", "<?php", "?>", "<!DOCTYPE x",
    "<![CDATA[", "]]>", "<img src=x onerror=a()>", "<x-y>", "<a href='javascript:a()'>x</a>",
    "`<b>` and `List<T>`", "`` a`<u>` ``", "\\<image> x", "``\\<q>", "`<b`", "<b>`", "` x`<b>",
    "[a](u \"t <b>\")", "[a](javascript:alert(1))", "[a `<b>`](/x)", "[`x](<y>)`",
    "<http://a.b/c`d>", "<javascript:alert(1)>", "| a | <b> |", "|---|---|", "| `<x>` | b |",
    "[x]: javascript:alert(1)", "[x]", "[x]: /ok", "===", "---", "# h <x-y>", "***",
    '<a title="', '">', "  `<x>`", "    `<x>`", "- `<x>`", "> `<x>`", "1. `<x>`",
)  # fmt: skip

_markdown = st.lists(st.sampled_from(_LINES), max_size=16).map("\n".join)


def _positions(markdown: str) -> list[int]:
    """The suspect positions, as `safe_body` gives them."""
    return [e.start for e in html_edits(markdown, autolinks=True)] + unsafe_destination_positions(
        markdown
    )


def _read_tokens(markdown: str, first: int = 0) -> Counter[tuple[str, int, int, str]]:
    """The tokens `repair` reads (inline content and HTML blocks), lines shifted by `first`."""
    found: Counter[tuple[str, int, int, str]] = Counter()
    for token in _parser().parse(markdown, {}):
        if token.type in ("inline", "html_block") and token.map:
            found[(token.type, token.map[0] + first, token.map[1] + first, token.content)] += 1
    return found


def _fence_lines(tokens: list[Token]) -> set[int]:
    lines: set[int] = set()
    for token in tokens:
        if token.type == "fence" and token.level == 0 and token.map:
            lines.update(range(*token.map))
    return lines


@settings(max_examples=1500, deadline=None)
@given(_markdown)
def test_sections_parse_alone_into_the_same_tokens(markdown: str) -> None:
    lines = markdown.split("\n")
    try:
        starts, fenced = _sections(lines)
    except _UnsureError:
        return
    whole = _read_tokens(markdown)
    alone: Counter[tuple[str, int, int, str]] = Counter()
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    bounds = [*starts, len(lines)]
    for first, end in pairwise(bounds):
        alone += _read_tokens(markdown[offsets[first] : offsets[end]], first)
    if "]:" not in markdown:  # (a definition turns text into links: not sections' business)
        assert alone == whole
    # The lines taken for top-level fences are a top-level fence's to markdown-it.
    assert {i for i in fenced if lines[i].strip()} <= _fence_lines(_parser().parse(markdown))


@settings(max_examples=1500, deadline=None)
@given(_markdown)
def test_shortcut_only_where_repair_changes_nothing(markdown: str) -> None:
    if sections_unchanged(markdown, _positions(markdown)):
        assert repair(markdown) == markdown


@settings(max_examples=300, deadline=None)
@given(_markdown)
def test_safe_body_is_the_full_repair(markdown: str) -> None:
    # Through the safety stage: the shortcut only saves work.
    positions = _positions(markdown)
    assert safe_body(markdown) == (repair(markdown) if positions else markdown)


@pytest.mark.parametrize(
    "body",
    [
        "`<b>` is bold\n\n<img src=x onerror=alert(1)>\n",
        "text `<b>`\n<div>\n```\n<img src=x onerror=alert(1)>\n```\n",
        "- item\n\n  ```\n  <b>\n\n<img src=x onerror=alert(1)>\n  ```\n",
        "`<b>`\n\n<!--\n\n-->\n\n<img src=x onerror=alert(1)>\n",
        "`<b>`\n\n<pre>\n\nx\n\n<img src=x onerror=alert(1)>\n",
        "`a\n\nb <img src=x onerror=alert(1)>`\n",
        "[a `<b>`][r]\n\n[r]: javascript:alert(1)\n",
        "text\n\n```c\n#include <stdio.h>\n```\n\n<script>alert(1)</script>\n",
        'text\n\n```\n<a title="\n```\n<img src=x onerror=alert(1)>\n">\n',
        "- item\n\n  ```\n  <b>\n```\n<img src=x onerror=alert(1)>\n",
        "para\n```\n<img src=x onerror=alert(1)>\n```\n",
        "```a`b\n<img src=x onerror=alert(1)>\n```\n",
    ],
)
def test_unsafe_html_next_to_code_is_still_removed(body: str) -> None:
    # Through the public API, rendered the way an attacker would.
    rendered = _parser().render(clean(body))
    assert "<img src=x onerror" not in rendered
    assert "<script" not in rendered
    assert "javascript:" not in rendered


def test_code_mentioning_tags_is_kept_without_a_whole_parse() -> None:
    body = "Use `<textarea>` here, not \\<input>.\n\n- a `List<T>`\n\n```\n<x>\n```\n"
    assert sections_unchanged(body, _positions(body))
    assert clean(body) == body


def test_corpus_outputs_agree_with_the_full_repair() -> None:
    # Every body of the corpus whose output has a suspect `<`: the shortcut's verdict is
    # repair's (and it is taken for most of them).
    corpus = shared_path("corpus")
    taken = checked = 0
    for path in sorted(corpus.iterdir())[::3]:
        if path.suffix not in (".md", ".html"):
            continue
        output = clean(path.read_text(encoding="utf-8", errors="replace"))
        positions = _positions(output)
        if not positions:
            continue
        checked += 1
        if sections_unchanged(output, positions):
            taken += 1
            assert repair(output) == output
    assert taken >= checked // 2


def test_clean_html_keeps_code_about_tags() -> None:
    html = "<p>Use <code>&lt;textarea&gt;</code> for <code>List&lt;T&gt;</code>.</p>"
    assert clean_html(html) == "Use `<textarea>` for `List<T>`.\n"
