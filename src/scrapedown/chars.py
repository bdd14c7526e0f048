"""Character classes, in one place: the Unicode ranges the pipeline treats as CJK text.

Each class is a regex character-class body (without the brackets), composed from the named
ranges below. They differ on purpose, because each answers a different question:

- `CJ_CLASS`: is this line Chinese or Japanese, for the punctuation rules (docs/punctuation.md,
  "By context")? Han, kana and Bopomofo, never Hangul (Korean uses Western punctuation), never
  the katakana middle dot U+30FB (it is punctuation).
- `HAN_CLASS`: is this a Han character (the optional Chinese interpunct rule)?
- `CJK_WIDE_CLASS`: does a line break between two of these characters read as no space (CSS Text
  segment-break rules: CJK ideographs, kana, Hangul, CJK punctuation and full-width forms)?
- `CJK_WORD_CLASS`: does this character carry about a word of text (page scoring: kana, Han and
  Hangul syllables count twice)?
"""

from __future__ import annotations

# --- named ranges ------------------------------------------------------------------------------

HAN_BASIC = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""CJK Unified Ideographs Extension A, the URO, and the compatibility ideographs."""
HAN_SUPPLEMENTARY = "\U00020000-\U0003134f"
"""Extensions B to G (supplementary ideographic planes)."""
HAN_MARKS = "\u3005\u3007"
"""The iteration mark 々 and the ideographic zero 〇, which behave as Han characters."""
HIRAGANA = "\u3040-\u309f"
KATAKANA_BUT_MIDDLE_DOT = "\u30a0-\u30fa\u30fc-\u30ff"
BOPOMOFO = "\u3100-\u312f\u31a0-\u31bf"
KATAKANA_PHONETIC_EXTENSIONS = "\u31f0-\u31ff"
HALFWIDTH_KATAKANA = "\uff66-\uff9f"
HANGUL_SYLLABLES = "\uac00-\ud7af"
#: CJK symbols and punctuation (U+3000-303F, the ideographic space first).
CJK_PUNCTUATION = "\u3000-\u303f"
#: Halfwidth and fullwidth forms (U+FF00-FFEF).
FULLWIDTH_FORMS = "\uff00-\uffef"
#: What shows as nothing or as a plain space and is not ASCII whitespace: no-break space,
#: zero-width space and joiners, word joiner, BOM (the normaliser deletes or collapses them).
INVISIBLE = "\u00a0\u200b-\u200d\u2060\ufeff"

# --- classes -----------------------------------------------------------------------------------

#: Chinese/Japanese text, for the punctuation line flag. Half-width katakana are included so a
#: line's flag is the same before and after they are made full-width.
CJ_CLASS = (
    HAN_MARKS + HIRAGANA + KATAKANA_BUT_MIDDLE_DOT + BOPOMOFO + KATAKANA_PHONETIC_EXTENSIONS
    + HAN_BASIC + HALFWIDTH_KATAKANA + HAN_SUPPLEMENTARY
)  # fmt: skip

#: Han characters only.
HAN_CLASS = HAN_MARKS + HAN_BASIC + HAN_SUPPLEMENTARY

#: Wide characters around which a line break is not a space: everything from the CJK radicals
#: to the end of the URO (U+2E80–9FFF: radicals, CJK punctuation, kana, Bopomofo, Hangul
#: compatibility jamo, Han), Hangul syllables, compatibility ideographs, full-width forms.
CJK_WIDE_CLASS = (
    "\u2e80-\u9fff" + HANGUL_SYLLABLES + "\uf900-\ufaff" + FULLWIDTH_FORMS + CJK_PUNCTUATION
)

#: Characters that carry about a word each: kana, Han, Hangul syllables.
CJK_WORD_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff" + HANGUL_SYLLABLES + "\uf900-\ufaff"
