"""Full-width punctuation normaliser (placeholder until issue 3 lands: identity)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapedown.options import Options


def normalize_punctuation(text: str, options: Options | None = None) -> str:
    """Normalise full-width forms in plain text."""
    return text


def normalize_markdown(markdown: str, options: Options | None = None) -> str:
    """Normalise full-width forms in the text of a Markdown document, never in code or URLs."""
    return markdown
