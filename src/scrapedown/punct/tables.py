"""Character tables of the normaliser, as data (spec: docs/punctuation.md).

Everything here is a string, a mapping or a regex character class built from them, so a reader can
check the policy against the spec without reading any code.
"""

from __future__ import annotations

from scrapedown.chars import CJ_CLASS as CJ_CLASS  # re-exported for the punct modules

# --- context-free conversions (docs/punctuation.md#always) --------------------------------------

#: Full-width digits and letters (U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A) -> ASCII, always.
FULLWIDTH_ALNUM: dict[int, str] = {
    code: chr(code - 0xFEE0)
    for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for code in range(start, end + 1)
}

#: Full-width symbols that have no Chinese use: always ASCII. ``｀`` is deliberately absent (it
#: would create code-span delimiters), and so is ``－`` (it has its own dash rule).
ASCII_ONLY_SYMBOLS = "＃＄％＆＊＋／＜＝＞＠＼＾＿｜"
ASCII_ONLY_MAP: dict[int, str] = {ord(ch): chr(ord(ch) - 0xFEE0) for ch in ASCII_ONLY_SYMBOLS}

FULLWIDTH_HYPHEN = "－"
EM_DASH = "—"

#: Half-width forms block, converted run by run with NFKC (katakana with voiced marks composed).
HALFWIDTH_FORMS = "\uff61-\uffdc"

NBSP = "\u00a0"
#: Zero-width characters dropped outside code (U+200D only when it does not join emoji).
ZERO_WIDTH = "\u200b\u200c\ufeff\u2060"
ZWJ = "\u200d"
#: Characters around a U+200D that make it an emoji joiner (emoji blocks, VS16, tag characters).
EMOJI_CLASS = (
    "\u00a9\u00ae\u203c\u2049\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f"
    "\U0001f000-\U0001faff\U000e0020-\U000e007f"
)

#: Punctuation next to which a mid-line ideographic-space run is deleted, not collapsed: this list
#: plus every non-alphanumeric character of U+FF01–FF65.
SPACE_EATING_PUNCT = "，。、；：？！（）［］｛｝〔〕【】〖〗「」『』《》〈〉“”‘’…—～·・"
SPACE_EATING_CLASS = SPACE_EATING_PUNCT + "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"

# --- context (docs/punctuation.md#by-context) ----------------------------------------------------

# `CJ_CLASS` (Han with 〇々, kana without U+30FB, Bopomofo, half-width katakana) is imported from
# `scrapedown.chars`, the one place for character classes.

#: On a Latin line (no CJ text, two or more words) these become ASCII.
LATIN_LINE_MAP: dict[str, str] = {
    "，": ",", "、": ",", "．": ".", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?",
    "（": "(", "）": ")", "［": "[", "］": "]", "｛": "{", "｝": "}", "～": "~",
}  # fmt: skip
#: Converted marks after which a space is inserted before a letter (``．`` never gets one).
SPACED_AFTER = "，、。：；！？"
#: Of those, the ones that also take a space before an opening quote or bracket.
SPACED_BEFORE_OPENER = "，、：；"

# --- optional rules (docs/punctuation.md#optional-rules) -----------------------------------------

SMALL_FORMS, SMALL_FORM_TARGETS = "﹐﹑﹒﹔﹕﹖﹗", "，、．；：？！"
SMALL_FORM_MAP: dict[int, str] = {
    ord(small): normal for small, normal in zip(SMALL_FORMS, SMALL_FORM_TARGETS, strict=True)
}
ASCII_TO_FULLWIDTH_MAP: dict[str, str] = dict(zip(",.;:!?", "，。；：！？", strict=True))
INTERPUNCT_VARIANTS = "・‧•"
CHINESE_INTERPUNCT = "·"
FULLWIDTH_YEN = "￥"
YEN = "¥"
#: Full-width punctuation around which the optional space trimming removes ASCII spaces (not the
#: curly quotes: ``＂`` becomes one of them after the trimming, and spacing around quotes is a
#: separate matter in autocorrect too).
TRIMMED_AROUND = "，。、；：？！（）「」『』《》【】〔〕〖〗…"
