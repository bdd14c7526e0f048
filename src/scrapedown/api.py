"""The public API: `clean` (a whole post) and `clean_html` (an HTML fragment).

Both are pure: no I/O, no global state, picklable arguments and results, so the same call runs
in the CLI's process pool, in Dask or in Spark.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape

from scrapedown.convert.escape import drop_escape_marks
from scrapedown.convert.whitespace import join_parts, strip_blank_edges
from scrapedown.errors import ScrapedownError
from scrapedown.frontmatter.block import FrontMatter, join_post, split_post
from scrapedown.frontmatter.meta import unwrap_image_keys
from scrapedown.memory import collector_paused, trim_heap
from scrapedown.options import DEFAULT_OPTIONS, Options
from scrapedown.punct import normalize_markdown
from scrapedown.punct.markdown import stripped_continuation
from scrapedown.safety import safe_body, safe_start
from scrapedown.safety.guard import public_errors
from scrapedown.urls import base_url_from_metadata, rewrite_markdown_urls, unwrap_url


def clean(text: str, options: Options | None = None) -> str:
    """A whole post in (front matter + HTML/Markdown body, or a bare fragment), a clean post out.

    Raises `ScrapedownError` for input it cannot handle (broken front matter, oversized body).
    """
    options = _checked(text, options)
    with public_errors("clean"):
        return clean_taken([text], options)


def clean_taken(holder: list[str], options: Options) -> str:
    """`clean(holder.pop(), options)`, for a caller that gives the text up: on a big page no
    frame keeps the whole text (nor the body cut from it) while the body is converted."""
    with collector_paused():
        return _clean_taken(holder, options)


def _clean_taken(holder: list[str], options: Options) -> str:
    text = holder.pop()
    trim_heap(len(text))  # (a page's tree, freed before its article is handed over)
    crlf = "\r\n" in text
    if crlf:
        text = text.replace("\r\n", "\n")
    front, body = split_post(text)
    del text
    options = _with_base_url(front, options)
    if front is not None:
        front = unwrap_image_keys(front, options, lambda url: _unwrap_image(url, options))
    blank_after = front is not None and body.startswith("\n")
    holder[:] = [body]
    del body
    cleaned = clean_body(holder.pop(), options)  # (a temporary argument: clean_body owns it)
    result = join_post(front, _settled(cleaned, options), blank_after)
    return result.replace("\n", "\r\n") if crlf else result


def clean_html(html: str, options: Options | None = None) -> str:
    """An HTML fragment in, its Markdown body out (ending with one newline, or empty)."""
    from scrapedown.pipeline import html_to_markdown

    options = _checked(html, options)
    with public_errors("clean_html"), collector_paused():
        markdown = _normalize(html_to_markdown(drop_escape_marks(html), options), options)
        markdown = safe_start(_settled(markdown, options))
    return markdown + "\n" if markdown else ""


def clean_body(body: str, options: Options, *, again: bool = True) -> str:
    """A post body (HTML, Markdown or a mix) as clean Markdown, without blank edges."""
    if len(body) > options.max_body_chars:
        raise ScrapedownError(
            f"body of {len(body):,} characters is over the limit of {options.max_body_chars:,}"
        )
    # (lines of invisible characters too: what follows starts, not continues, a paragraph)
    body = stripped_continuation(body, strip_blank_edges(body))
    if "<" not in body:  # no HTML at all: Markdown through and through, nothing heavy to load
        return _normalize(_markdown_urls(body, options), options)
    from scrapedown.parse.detect import split_segments
    from scrapedown.pipeline import convert_regions

    segments = split_segments(body)
    del body  # (the caller gave it up, see `clean_taken`: a big body is not kept twice)
    regions = [s.text for s in segments if s.is_html]
    # Markdown segments' text, None for a region: the regions' text is held by `regions`
    # alone, which `convert_regions` empties as it converts
    texts = [None if s.is_html else s.text for s in segments]
    del segments
    converted = iter(convert_regions(regions, options))
    parts = [next(converted) if text is None else _markdown_urls(text, options) for text in texts]
    joined = join_parts([p for p in map(strip_blank_edges, parts) if p.strip()])
    normalized = _normalize(joined, options)
    if again and _lines_emptied(joined, normalized):
        # A line the punctuation stage emptied (a no-break or zero-width space alone) changes
        # the blocks: `\xa0` + `<mark>` was a paragraph, `<mark>` alone is an HTML block. The
        # next run would read it so: this one does.
        del joined
        return clean_body(normalized, options, again=False)
    return normalized


def _lines_emptied(before: str, after: str) -> bool:
    """Whether normalising `before` into `after` emptied or removed a line (cheap: counts)."""
    if after is before or after == before:
        return False
    return after.count("\n") != before.count("\n") or after.count("\n\n") != before.count("\n\n")


_SETTLE_ROUNDS = 3


def _settled(body: str, options: Options) -> str:
    """The final safety stage on a cleaned body. What it escapes or drops can read differently
    to a second run (an escaped comment no longer hides the tag after it), so a body it changes
    is cleaned again until a run changes nothing: the output stays idempotent. A second run that
    would lose text (a page left half-converted, re-read as HTML) is not taken."""
    for _ in range(_SETTLE_ROUNDS):
        safe = safe_body(body)
        if safe == body:
            return safe
        body = clean_body(safe, options)
        if _letters(body) < _letters(safe) * 0.9:
            return safe
    return safe_body(body)


def _letters(text: str) -> int:
    """About how many letters and digits `text` shows (tags left out)."""
    return sum(map(str.isalnum, _TAG.sub("", unescape(text))))


_TAG = re.compile(r"<[^<>]*+>")


def _markdown_urls(markdown: str, options: Options) -> str:
    """Stage 5 for hand-written Markdown (converted HTML had its URLs done in the tree)."""
    if not options.urls.enabled:
        return markdown
    return rewrite_markdown_urls(markdown, options, options.urls.base_url)


def _normalize(markdown: str, options: Options) -> str:
    """Stage 7: punctuation and spaces in the text of the Markdown body."""
    return normalize_markdown(markdown, options) if options.punct.enabled else markdown


def _checked(text: object, options: Options | None) -> Options:
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    if options is None:
        return DEFAULT_OPTIONS
    if not isinstance(options, Options):
        raise TypeError(f"options must be scrapedown.Options, got {type(options).__name__}")
    return options


def _with_base_url(front: FrontMatter | None, options: Options) -> Options:
    """Options whose URL stage knows the post's own URL (from its front matter)."""
    if front is None or options.urls.base_url:
        return options
    base = base_url_from_metadata(front.data, options)
    return replace(options, urls=replace(options.urls, base_url=base)) if base else options


def _unwrap_image(url: str, options: Options) -> str:
    return unwrap_url(url, kind="img", base_url=options.urls.base_url, options=options)
