"""The rules of one line, in the spec's order (docs/punctuation.md: always, protection of URLs,
by context, optional)."""

from __future__ import annotations

from scrapedown.punct import context, optional, rules
from scrapedown.punct.context import line_flags
from scrapedown.punct.rules import Pass
from scrapedown.punct.segments import Line
from scrapedown.punct.syntax import find_urls_and_emails


def normalize_line(line: Line, run: Pass) -> None:
    """Apply every enabled rule to the line, in place."""
    rules.drop_zero_width(line, run)
    rules.compose_halfwidth_forms(line, run)
    rules.convert_alnum(line, run)
    if run.options.small_form_variants:
        optional.small_form_variants(line, run, line_flags(line.view))
    rules.resolve_inner_space_runs(line, run)
    # Optional space trimming comes before the indentation and contextual rules, so that they
    # see the neighbours it leaves (``9 ：9`` -> ``9：9`` -> ``9:9`` in one run).
    optional.trim_space_around_fullwidth_punct(line, run)
    rules.resolve_leading_space_run(line, run)
    rules.convert_symbols(line, run)
    rules.convert_hyphens(line, run)
    optional.yen_sign(line, run)
    # Bare URLs and e-mails are found now, after the context-free conversions, so a URL written
    # in full width is fixed and what is protected does not move between passes
    # (docs/punctuation.md#where-it-runs).
    urls = find_urls_and_emails(line.view)
    line.protect(urls)
    flags = line_flags(line.view)
    context.convert_every_line(line, run, urls)
    context.pair_quotes(line, run, flags)
    if flags.latin:
        context.convert_latin_line(line, run)
    if run.options.any_optional:
        optional.zh_interpunct(line, run)
        optional.ascii_punct_to_fullwidth(line, run)
        optional.ascii_quotes_to_cjk(line, run, flags)
        optional.cjk_latin_spacing(line, run)
