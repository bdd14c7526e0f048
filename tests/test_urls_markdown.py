"""`rewrite_markdown_urls`: destinations unwrapped, code untouched, unchanged text identical."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from scrapedown.options import Options
from scrapedown.urls import markdown_destination, rewrite_markdown_urls
from scrapedown.urls.options import UrlOptions

OPTIONS = Options()
LINK = "https://link.zhihu.com/?target=https%3A//docs.example/guide"
LINK_REAL = "https://docs.example/guide"
IMAGE = "https://wsrv.nl/?url=img.example.net/a.png&amp;w=300"
IMAGE_REAL = "http://img.example.net/a.png"


def _rewrite(text: str, options: Options = OPTIONS) -> str:
    return rewrite_markdown_urls(text, options)


def _targets(text: str) -> list[str]:
    """Every link href and image src markdown-it renders, in order."""

    def walk(tokens: list[Token]) -> list[str]:
        found: list[str] = []
        for token in tokens:
            for name in ("href", "src"):
                if token.attrGet(name) is not None:
                    found.append(str(token.attrGet(name)))
            found += walk(token.children or [])
        return found

    return walk(MarkdownIt("commonmark").enable("table").parse(text))


def test_inline_links_images_and_titles() -> None:
    text = f'Read [the guide]({LINK} "Guide") and look: ![a cat]({IMAGE})\n'
    expected = f'Read [the guide]({LINK_REAL} "Guide") and look: ![a cat]({IMAGE_REAL})\n'
    assert _rewrite(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"Code: `[x]({LINK})` stays.\n",
        f"```\n[x]({LINK})\n![y]({IMAGE})\n```\n",
        f"    [indented]({LINK})\n",
        f"~~~md\n[ref]: {LINK}\n~~~\n",
        f"Not a link: \\[x]({LINK}) and a bare URL {LINK}\n",
        f'<div><a href="{LINK}">html block is not ours</a></div>\n',
        f"``` ``[x]({LINK})`` ```\n",
    ],
)
def test_code_and_non_links_are_untouched(text: str) -> None:
    assert _rewrite(text) is text


def test_mixed_document_changes_only_real_destinations() -> None:
    text = (
        f"# Title [x]({LINK}) #\r\n\r\n"
        f"> - item [x]({LINK})\r\n>   more <{LINK}>\r\n\r\n"
        f"| a | b |\r\n|---|---|\r\n| `[x]({LINK})` | [x]({LINK}) |\r\n\r\n"
        f"[ref]: <{LINK}> 'title'\r\n"
        f"`[x]({LINK})` [y]({LINK})\r\n"
    )
    out = _rewrite(text)
    assert out == text.replace(f"[x]({LINK}) #", f"[x]({LINK_REAL}) #").replace(
        f"item [x]({LINK})", f"item [x]({LINK_REAL})"
    ).replace(f"<{LINK}>\r\n\r\n|", f"<{LINK_REAL}>\r\n\r\n|").replace(
        f"| [x]({LINK}) |", f"| [x]({LINK_REAL}) |"
    ).replace(f"[ref]: <{LINK}>", f"[ref]: <{LINK_REAL}>").replace(
        f"[y]({LINK})", f"[y]({LINK_REAL})"
    )  # fmt: skip
    assert out.count(f"`[x]({LINK})`") == 2
    assert all(LINK not in target for target in _targets(out))


def test_identical_table_cells_are_each_rewritten() -> None:
    text = f"| a | b |\n|---|---|\n| [x]({LINK}) | [x]({LINK}) |\n"
    assert _rewrite(text) == text.replace(LINK, LINK_REAL)


def test_reference_definitions() -> None:
    text = f"See [the guide][g].\n\n[g]: {LINK}\n[h]:\n  {LINK}\n"
    out = _rewrite(text)
    assert out.startswith(f"See [the guide][g].\n\n[g]: {LINK_REAL}\n")
    assert _targets(out)[0] == LINK_REAL


def test_unwrapped_urls_stay_valid_markdown() -> None:
    parens = "https://link.zhihu.com/?target=https%3A//en.wikipedia.example/wiki/A_%28b"
    entity = "https://link.zhihu.com/?target=https%3A%2F%2Fq.example%2F%3Fa%3D1%26amp%3Bb%3D2"
    text = f"[p]({parens}) [q]({entity})\n"
    out = _rewrite(text)
    assert _targets(out) == [
        "https://en.wikipedia.example/wiki/A_(b",
        "https://q.example/?a=1&amp;b=2",
    ]


def test_nothing_to_do_returns_the_very_same_string() -> None:
    for text in ("", "plain\n", "[a](https://example.com/)\n", f"`{LINK}`\n"):
        assert _rewrite(text) is text


def test_switches() -> None:
    text = f"[x]({LINK}) ![y]({IMAGE})\n"
    no_links = Options(urls=replace(UrlOptions(), links=False))
    assert _rewrite(text, no_links) == f"[x]({LINK}) ![y]({IMAGE_REAL})\n"
    off = Options(urls=replace(UrlOptions(), enabled=False))
    assert _rewrite(text, off) is text


def test_relative_wrappers_use_the_base_only_to_match() -> None:
    text = "![a](/_next/image?url=%2Fa.png&w=64) ![b](/local/b.png)\n"
    out = rewrite_markdown_urls(text, OPTIONS, base_url="https://site.example/post/")
    assert out == "![a](https://site.example/a.png) ![b](/local/b.png)\n"


def test_idempotent() -> None:
    text = f"[x]({LINK})\n\n![y]({IMAGE})\n\n[r]: {LINK}\n"
    once = _rewrite(text)
    assert _rewrite(once) == once


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a b.png",
        "https://example.com/a_(b).png",
        "https://example.com/a_(b.png",
        "https://example.com/a)b",
        "https://example.com/<script>",
        "https://example.com/a\nb) [evil](https://evil.example/",
        "https://example.com/a\\)b\\",
        "https://example.com/?a=1&amp;b=2&copy;",
        'https://example.com/"title"',
        "",
    ],
)
def test_markdown_destination_renders_back_to_the_url(url: str) -> None:
    _assert_one_link_to(url)


@given(url=st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("()<>[]\\&;# \n")))
def test_markdown_destination_never_breaks_out(url: str) -> None:
    _assert_one_link_to("https://example.com/" + url)


def _assert_one_link_to(url: str) -> None:
    parser = MarkdownIt("commonmark")
    for template in ("[text]({}) tail", '![text]({} "title") tail'):
        tokens = parser.parseInline(template.format(markdown_destination(url)))[0].children or []
        kinds = [token.type for token in tokens]
        assert kinds[0] in ("link_open", "image"), kinds
        target = tokens[0].attrGet("href" if kinds[0] == "link_open" else "src")
        assert target == parser.normalizeLink(_percent_encode_breaking(url))
        assert tokens[-1].type == "text" and tokens[-1].content == " tail"
        assert "text" in (tokens[0].content, tokens[1].content)


def _percent_encode_breaking(url: str) -> str:
    return re.sub(r"[\x00-\x20\x7f<>]", lambda m: f"%{ord(m.group()):02X}", url)


PIECES = st.sampled_from(
    [f"[a]({LINK})", f"![b]({IMAGE} 'T')", f"<{LINK}>", f"`[c]({LINK})`", f"``{LINK}``",
     f"[d]: {LINK}", "\n", "\r\n", "\n\n", "> ", "- ", "1. ", "    ", "| x | y |\n|---|---|\n| ",
     " | ", "```\n", "~~~\n", "# ", "text ", "\\", "*", "[", "](", ")", "<", "&amp;", "\t",
     "中文", f"[e](<{LINK}>)", f"[f]({LINK.replace('docs', 'a_(b)')})"]
)  # fmt: skip


def _code(text: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    found: list[str] = []
    for token in tokens:
        if token.type in ("fence", "code_block"):
            found.append(token.content)
        found += [c.content for c in token.children or [] if c.type == "code_inline"]
    return found


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(PIECES, max_size=14))
def test_any_document_code_kept_and_idempotent(pieces: list[str]) -> None:
    text = "".join(pieces)
    once = _rewrite(text)
    assert _rewrite(once) == once
    assert _code(once) == _code(text)
    assert len(_targets(once)) == len(_targets(text))
    wrappers = ("https://link.zhihu.com/", "https://wsrv.nl/")
    assert not any(target.startswith(wrappers) for target in _targets(once))
