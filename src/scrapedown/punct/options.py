"""Switches of the punctuation normaliser (owned by the punct package).

Spec: ``docs/punctuation.md``. The always-on and contextual rules run when `enabled` is true;
the optional rules are separate switches, all off by default.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrapedown._validate import check_fields, named_keywords


@named_keywords
@dataclass(frozen=True)
class PunctOptions:
    """Full-width punctuation normalisation (spec: docs/punctuation.md)."""

    enabled: bool = True
    """Run the normaliser at all. Default: on."""

    nbsp_and_zero_width: bool = True
    """Outside code and URLs, U+00A0 becomes a space (a run of them at a line start or end is
    deleted, like ideographic-space indentation) and zero-width characters (U+200B, U+200C,
    U+FEFF, U+2060, and U+200D when it does not join emoji) are dropped. Default: on."""

    cjk_latin_spacing: bool = False
    """Pangu-style: one space between CJ characters and ASCII letters or digits that touch
    (never inside code or URLs, never across Markdown syntax). Default: off."""

    ascii_punct_to_fullwidth: bool = False
    """``, . ; : ! ?`` right after a CJ character, and followed by a CJ character or the line
    end, become ``，。；：！？`` (autocorrect's ``fullwidth`` rule). Default: off."""

    ascii_quotes_to_cjk: bool = False
    """On lines with CJ text, an even number of ASCII ``"`` become alternating ``“”``.
    Default: off."""

    zh_interpunct: bool = False
    """``・ ‧ •`` between two Han characters become the Chinese interpunct ``·`` (clreq).
    Breaks Japanese ``日本・中国``. Default: off."""

    yen_sign: bool = False
    """Full-width ``￥`` (U+FFE5) becomes ``¥`` (U+00A5). Default: off."""

    small_form_variants: bool = False
    """On lines with CJ text, the small forms ``﹐﹑﹒﹔﹕﹖﹗`` become ``，、．；：？！``.
    Default: off."""

    trim_space_around_fullwidth_punct: bool = False
    """Delete runs of ASCII spaces inside a line next to CJK punctuation such as ``，。（）``
    (never next to Markdown syntax, never at a line start). Default: off."""

    @property
    def any_optional(self) -> bool:
        """Whether any optional rule (docs/punctuation.md#optional-rules) is switched on."""
        return (
            self.cjk_latin_spacing
            or self.ascii_punct_to_fullwidth
            or self.ascii_quotes_to_cjk
            or self.zh_interpunct
            or self.yen_sign
            or self.small_form_variants
            or self.trim_space_around_fullwidth_punct
        )

    def __post_init__(self) -> None:
        """Every switch is a bool (``enabled="no"`` would be true): `OptionError` otherwise."""
        check_fields(self)
