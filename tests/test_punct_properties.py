"""Property tests of the normaliser (docs/punctuation.md): idempotency, protection, kept
punctuation.

The alphabet is the spec's tricky one: CJK, Latin, digits, full-width forms, ideographic spaces,
backticks, URLs, link syntax, plus Markdown syntax for the Markdown normaliser.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from scrapedown.punct import normalize_markdown, normalize_punctuation
from scrapedown.punct.markdown import normalize_markdown_text
from scrapedown.punct.options import PunctOptions
from scrapedown.punct.text import normalize_text

TEXT_TOKENS = [
    *"中日ｶﾞﾊﾟ한 aZ09 \n\u3000，．：；！？（）［］｛｝～＂＇＃％＆＊＋－／＜＝＞＠＿｀",
    *"。、“”‘’…—·・ＡＺａｚ０９",
    *["`", "```", "https://", "www.", "](", "x.com/", "a@b.cn", "\u00a0", "\u200b", "\u200d"],
]
MARKDOWN_TOKENS = [
    *TEXT_TOKENS,
    *["**", "_", "*", "[", "]", "(", ")", "<b>", "</b>", "<", ">", "\\", "#", "- ", "1. ", "> "],
    *["    ", "\n\n", "~~~", "|", "![", "&amp;", "\n```\n", "= "],
]

DEFAULT = PunctOptions()


def joined(alphabet: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Strings of up to max_size tokens; one byte string per example keeps generation cheap."""
    return st.binary(max_size=max_size).map(
        lambda data: "".join(alphabet[byte % len(alphabet)] for byte in data)
    )


markdown_strings = joined(MARKDOWN_TOKENS, 30)


@settings(max_examples=10_000, deadline=None)
@given(markdown_strings)
def test_idempotent_and_candidate_test_is_conservative(text: str) -> None:
    """f(f(x)) == f(x) for both functions; skipping lines never changes the result."""
    once = normalize_punctuation(text)
    assert normalize_punctuation(once) == once
    assert normalize_text(text, DEFAULT, check_lines=False) == once
    once = normalize_markdown(text)
    assert normalize_markdown(once) == once
    assert normalize_markdown_text(text, DEFAULT, check_lines=False) == once


# --- code spans and URLs are byte-identical --------------------------------------------------

AROUND = [t for t in TEXT_TOKENS if "`" not in t]
CODE = list("中ａ１　，．＂＊＿｜＼－ ＃x")
URL_PATH = [*"abz09-_/.?=&%~+", "页面"]


def _pick(alphabet: list[str], data: bytes) -> str:
    return "".join(alphabet[byte % len(alphabet)] for byte in data)


@settings(max_examples=10_000, deadline=None)
@given(st.binary(max_size=46))
def test_code_spans_and_urls_are_untouched(data: bytes) -> None:
    before, code, path, after = (
        _pick(AROUND, data[:12]),
        _pick(CODE, data[12:22]),
        _pick(URL_PATH, data[22:34]),
        _pick(AROUND, data[34:]),
    )
    span = f"`{code.strip() or 'x'}`"
    url = f"https://ex.org/{path}a"
    text = f"{before} {span} {url} {after}"
    for normalize in (normalize_punctuation, normalize_markdown):
        out = normalize(text)
        assert span in out, normalize.__name__
        assert url in out, normalize.__name__


# --- CJK punctuation is kept ---------------------------------------------------------------

KEPT = "，。、；：？！（）［］｛｝【】「」《》…—～·・"
CJ_LINE_TOKENS = [*KEPT, "中", "文", "ａ", "Ｑ", "＂", "＃", "％", "\u3000", " ", "“", "\n"]
cj_lines = joined(CJ_LINE_TOKENS, 40).map(
    lambda text: "中" + text.replace("\n", "\n中")  # every line has Han: every line is CJ
)
_KEPT_RUN_RE = re.compile(f"[{KEPT}]+")


@settings(max_examples=10_000, deadline=None)
@given(cj_lines)
def test_cjk_punctuation_runs_are_kept_on_cj_lines(text: str) -> None:
    for normalize in (normalize_punctuation, normalize_markdown):
        out = normalize(text)
        assert "".join(_KEPT_RUN_RE.findall(out)) == "".join(_KEPT_RUN_RE.findall(text))
        if "\u3000" not in text:
            assert _KEPT_RUN_RE.findall(out) == _KEPT_RUN_RE.findall(text)
