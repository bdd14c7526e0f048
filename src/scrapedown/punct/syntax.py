"""Regular expressions for the Markdown constructs the normaliser must not change.

CommonMark 0.31 definitions, written for this package: link destinations with their optional
title, autolinks, inline raw HTML, entity references; plus the spec's bare URLs and e-mails
(docs/punctuation.md#where-it-runs, items 5–6).
"""

from __future__ import annotations

import re

from scrapedown.chars import CJK_PUNCTUATION, FULLWIDTH_FORMS, INVISIBLE

# U+3000, U+00A0 and zero-width characters count as part of a destination or autolink, and
# U+3000 and U+00A0 as spaces around them,
# though CommonMark does not: the normaliser deletes or collapses them, and what is protected
# must not change between two runs (``](＆\u3000`)`` would become a link target).
_INVISIBLE = "\u3000" + INVISIBLE
_DELETABLE_RUN = f"(?>[ \t]*[{_INVISIBLE}][ \t{_INVISIBLE}]*)"
# (CommonMark excludes only ASCII spaces and controls from a destination: `\u2002` is part of
# one; without it, `](/\xa0\u2002/)` was no link to the normaliser, which then made the
# U+00A0 a space and broke the link)
_OTHER_SPACE = f"[^\\S \\t\\n\\r\\f\\v{_INVISIBLE}]"
_DEST_CHAR = f"(?:[^\\s()\\\\]|{_OTHER_SPACE}|{_DELETABLE_RUN})"
_DEST = rf"""(?:<(?:[^<>\n\\]|\\.)*>|(?:{_DEST_CHAR}|\\.|\((?:{_DEST_CHAR}|\\.)*\))*)"""
_TITLE = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))"""
#: ``](destination "title")``: the part of an inline link or image after its text.
_SPACE = "[ \t\n\u3000\u00a0]"
LINK_TAIL = rf"\]\({_SPACE}*+{_DEST}(?:{_SPACE}+{_TITLE})?{_SPACE}*\)"
#: ``][label]``: the label of a full or collapsed reference link.
REF_TAIL = r"\](?:\[[^\[\]]{0,999}\])"

_SCHEME_AUTOLINK = rf"<[A-Za-z][A-Za-z0-9+.\-]{{1,31}}:(?:[^\s<>]|{_DELETABLE_RUN})*>"
_EMAIL_AUTOLINK = (
    r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*>"
)
AUTOLINK = f"(?:{_SCHEME_AUTOLINK}|{_EMAIL_AUTOLINK})"

_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:\-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
# Comments, processing instructions and CDATA are searched for within _RAW_SPAN characters of
# their opener: an unbounded lazy body scans to the end of the text from every opener that has no
# terminator (quadratic on `<!--<!--<!--…`). A longer one inside a Markdown paragraph is read as
# text, which only means its punctuation is normalised like the text around it.
_RAW_SPAN = 512
HTML_TAG = (
    rf"(?:<[A-Za-z][A-Za-z0-9\-]*{_ATTRIBUTE}*\s*/?>"
    r"|</[A-Za-z][A-Za-z0-9\-]*\s*>"
    rf"|<!--(?:-?>|[\s\S]{{0,{_RAW_SPAN}}}?-->)"
    rf"|<\?[\s\S]{{0,{_RAW_SPAN}}}?\?>"
    r"|<![A-Za-z][^>]*>"
    rf"|<!\[CDATA\[[\s\S]{{0,{_RAW_SPAN}}}?\]\]>)"
)
ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"

#: What a literal ``<`` or ``&`` must not start once the text around it has been converted.
CREATED_SYNTAX_RE = re.compile(f"{HTML_TAG}|{AUTOLINK}|{ENTITY}")

# --- bare URLs and e-mails (found after the context-free conversions) ----------------------------

_URL_BODY = (
    f'[^\\s<>"`{CJK_PUNCTUATION}{FULLWIDTH_FORMS}\u2018\u2019\u201c\u201d\u2026\ue000-\uf8ff]'
)
URL_RE = re.compile(rf"(?<![A-Za-z0-9])(?:(?:https?|ftp)://{_URL_BODY}+|(?<![.])www\.{_URL_BODY}+)")
URL_TRAILING = ".,;:!?'\")]"
EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*"
)


def find_urls_and_emails(view: str) -> list[tuple[int, int]]:
    """View ranges of bare URLs (trailing punctuation trimmed) and e-mail addresses."""
    if "://" not in view and "www." not in view and "@" not in view:
        return []
    spans: list[tuple[int, int]] = []
    for match in URL_RE.finditer(view):
        end = match.start() + len(match.group().rstrip(URL_TRAILING))
        if end > match.start():
            spans.append((match.start(), end))
    if "@" in view:
        for match in EMAIL_RE.finditer(view):
            if not any(start < match.end() and match.start() < end for start, end in spans):
                spans.append(match.span())
    return sorted(spans)
