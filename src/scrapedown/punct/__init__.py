"""Full-width punctuation normaliser (spec: docs/punctuation.md).

Not NFKC: correct Chinese ``，（）：？！`` stay; full-width letters, digits and ASCII-only symbols
become ASCII; ``．：，＂`` change only in context; ideographic-space indentation goes. Code, link
targets, URLs and e-mails are never changed, and running it twice changes nothing more.

Import rule: `scrapedown.options` imports this package (for `PunctOptions`), so nothing here
imports it at run time (only under TYPE_CHECKING), and the engine loads on first use: these
public functions are lazy entry points (see docs/architecture.md, "Imports").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapedown.punct.options import PunctOptions

if TYPE_CHECKING:
    from scrapedown.options import Options

__all__ = ["PunctOptions", "normalize_markdown", "normalize_punctuation"]


_DEFAULTS = PunctOptions()  # `Options().punct`, without importing `scrapedown.options`


def _punct_options(options: Options | None) -> PunctOptions:
    return _DEFAULTS if options is None else options.punct


def normalize_punctuation(text: str, options: Options | None = None) -> str:
    """Normalise full-width forms in plain text.

    Code spans, fenced code, link destinations, autolinks, bare URLs and e-mail addresses are
    left byte-identical. Returns ``text`` itself when there is nothing to change.
    """
    # The engine loads on first use: `scrapedown.options` imports this package, and the CLI
    # imports the options before it knows it has any work.
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    from scrapedown.punct.text import normalize_text
    from scrapedown.safety.guard import public_errors

    with public_errors("normalize_punctuation"):
        return normalize_text(text, _punct_options(options))


def normalize_markdown(markdown: str, options: Options | None = None) -> str:
    """Normalise full-width forms in the text of a Markdown document, never in code or URLs.

    Fenced and indented code, code spans, link and image destinations, autolinks, bare URLs,
    e-mail addresses and raw HTML are left byte-identical; context is read through inline syntax;
    characters that would become Markdown syntax are escaped. Returns ``markdown`` itself when
    there is nothing to change.
    """
    from scrapedown.punct.markdown import normalize_markdown_text

    return normalize_markdown_text(markdown, _punct_options(options))
