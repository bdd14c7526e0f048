"""Switches of the whole-page stage (owned by the page package).

Every field is a plain value (bool, float, str, tuples and frozensets of str) so that the CLI
can fill it from ``[tool.scrapedown.page]`` without knowing what it means. This module is
imported by `scrapedown.options`: it imports only data modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapedown._validate import (
    OptionError,
    check_fields,
    check_markup_names,
    check_names,
    check_range,
    check_xpaths,
    named_keywords,
)
from scrapedown.page.patterns import (
    AUTHOR_HINTS,
    AUTHOR_LABELS,
    CAPTION_CREDITS,
    CHROME_HINT_STEMS,
    COMMENT_HINTS,
    COMMENT_LABELS,
    CREDIT_HINTS,
    CREDIT_LINES,
    DROP_LINES,
    PROMPT_LINES,
    READ_ALSO_LINES,
    SECTION_LABELS,
    WEAK_HINTS,
)
from scrapedown.page.policy import (
    ARTICLE_XPATHS,
    CHROME_HINTS,
    CHROME_ROLES,
    CHROME_TAGS,
    CONTROL_TAGS,
    FRAME_HINTS,
    HINT_EXEMPT_TAGS,
    HINT_IGNORED_PREFIXES,
    META_LINE_PATTERNS,
    PAGE_FRAME_TAGS,
    REGION_XPATHS,
    SHARE_LINE_PATTERNS,
)
from scrapedown.page.presets import FIELDS, ISO_DATE, PRESETS


@named_keywords
@dataclass(frozen=True)
class PageOptions:
    """How a whole HTML page becomes a post: which front matter, which part of the page."""

    preset: str = "hexo"
    """Front-matter conventions: `hexo`, `hugo` or `jekyll` (`scrapedown.page.presets`).
    Default: `hexo`."""

    keys: tuple[tuple[str, str], ...] = ()
    """Per-field key names over the preset's, e.g. `(("cover", "headimg"),)`; an empty key
    leaves the field out. Fields: `title`, `date`, `updated`, `author`, `tags`, `categories`,
    `description`, `cover`, `lang`, `url`. Default: none (the preset's keys)."""

    date_format: str = ""
    """`strftime` pattern for dates, or `iso` for RFC 3339; empty: the preset's. Default: empty."""

    extract: bool = True
    """Keep only the article; off: the whole `<body>` (minus what the pipeline always drops).
    Default: on."""

    drop_title_heading: bool = True
    """Remove the article's first heading when it repeats the title (the title is in the
    front matter; generators print it). Default: on."""

    article_xpaths: tuple[str, ...] = ARTICLE_XPATHS
    """Elements that are exactly the article body, best first. Default: `ARTICLE_XPATHS`."""

    region_xpaths: tuple[str, ...] = REGION_XPATHS
    """Elements the article is searched inside, best first. Default: `REGION_XPATHS`."""

    min_region_share: float = 0.5
    """A marked article or region is used only when it holds at least this share of the page's
    article-like text (a `<main>` around a teaser, a stray `<article>` card are not).
    Default: 0.5."""

    drop_allowance: float = 40.0
    """Article-like text (letters and digits, a CJK character counting two) the search may
    leave behind with the chrome around the article: the heading of a sidebar box, a label.
    Recall first: a real paragraph beside the article keeps the article's container whole.
    Default: 40 (about one short line)."""

    chrome_hints: frozenset[str] = CHROME_HINTS
    """`class`/`id` tokens of page chrome. Default: `CHROME_HINTS`."""

    frame_hints: frozenset[str] = FRAME_HINTS
    """`class`/`id` tokens of the page's footer: chrome when the box holds a small share of
    the page's running text. Default: `FRAME_HINTS`."""

    chrome_tags: frozenset[str] = CHROME_TAGS
    """Elements that are always chrome. Default: `CHROME_TAGS` (`nav`, `form`, `dialog`)."""

    page_frame_tags: frozenset[str] = PAGE_FRAME_TAGS
    """Elements that are chrome outside an `<article>`. Default: `header`, `footer`, `aside`."""

    chrome_roles: frozenset[str] = CHROME_ROLES
    """ARIA roles of chrome. Default: `CHROME_ROLES`."""

    hint_exempt_tags: frozenset[str] = HINT_EXEMPT_TAGS
    """Elements never judged by class or id. Default: `HINT_EXEMPT_TAGS`."""

    hint_ignored_prefixes: tuple[str, ...] = HINT_IGNORED_PREFIXES
    """Class names starting with these are not read for hints (`tag-ads`). Default:
    `HINT_IGNORED_PREFIXES`."""

    meta_line_patterns: tuple[str, ...] = META_LINE_PATTERNS
    """Regular expressions (case-insensitive) of post meta lines: a short block matching one
    is a date, byline or reading-time line, not article text. Default: `META_LINE_PATTERNS`."""

    control_tags: frozenset[str] = CONTROL_TAGS
    """Form controls: a box holding one and little text is a widget. Default: `CONTROL_TAGS`."""

    share_line_patterns: tuple[str, ...] = SHARE_LINE_PATTERNS
    """Regular expressions (case-insensitive) of share and print bars: a short line of links
    matching one is chrome, even inside the article. Default: `SHARE_LINE_PATTERNS`."""

    chrome_hint_stems: tuple[str, ...] = CHROME_HINT_STEMS
    """Stems of chrome found inside compound class/id names (`relatedArticles`). Default:
    `scrapedown.page.patterns.CHROME_HINT_STEMS`."""

    weak_hints: frozenset[str] = WEAK_HINTS
    """Hints that make an element chrome only when it holds no running text (layout words
    such as `widget`, `header`, `meta`). Default: `scrapedown.page.patterns.WEAK_HINTS`."""

    section_labels: tuple[str, ...] = SECTION_LABELS
    """Regular expressions (case-insensitive, matching a heading's whole text) of labels that
    open a section of furniture inside the article: related posts, comments, author box,
    newsletter. Default: `scrapedown.page.patterns.SECTION_LABELS`."""

    author_labels: tuple[str, ...] = AUTHOR_LABELS
    """Like `section_labels`, for author boxes (removed whole, biography included). Default:
    `scrapedown.page.patterns.AUTHOR_LABELS`."""

    comment_labels: tuple[str, ...] = COMMENT_LABELS
    """Like `section_labels`, for comment sections (kept with `keep_comments`). Default:
    `scrapedown.page.patterns.COMMENT_LABELS`."""

    comment_hints: frozenset[str] = COMMENT_HINTS
    """Class/id tokens and stems of comment sections (kept with `keep_comments`). Default:
    `scrapedown.page.patterns.COMMENT_HINTS`."""

    keep_comments: bool = False
    """Keep comment sections (by `comment_labels` and `comment_hints`). Default: off."""

    drop_lines: tuple[str, ...] = DROP_LINES
    """Regular expressions (case-insensitive) matching the whole text of a short block that is
    removed inside the article: ad labels, share and print prompts. Default: `DROP_LINES`."""

    credit_lines: tuple[str, ...] = CREDIT_LINES
    """Regular expressions (case-insensitive) matching the start of a short block that is an
    image credit, removed inside the article. Default: `CREDIT_LINES`."""

    prompt_lines: tuple[str, ...] = PROMPT_LINES
    """Regular expressions (case-insensitive) matching the start of a paragraph that is the
    site talking (subscribe and follow calls, affiliate and opinion disclaimers, licence and
    comment-form notices), removed inside the article when short. Default:
    `scrapedown.page.patterns.PROMPT_LINES`."""

    read_also_lines: tuple[str, ...] = READ_ALSO_LINES
    """Regular expressions (case-insensitive) of the label that opens a short line pointing to
    another post ("Lesen Sie auch: <title>"): the line goes when most of it is a link.
    Default: `scrapedown.page.patterns.READ_ALSO_LINES`."""

    author_hints: tuple[str, ...] = AUTHOR_HINTS
    """Class/id stems of author boxes and bylines, removed inside the article when short.
    Default: `scrapedown.page.patterns.AUTHOR_HINTS`."""

    credit_hints: tuple[str, ...] = CREDIT_HINTS
    """Class/id stems of picture credits, removed inside the article. Default:
    `scrapedown.page.patterns.CREDIT_HINTS`."""

    caption_credits: tuple[str, ...] = CAPTION_CREDITS
    """Regular expressions (case-insensitive) of where a credit starts at the end of a
    `<figcaption>`: the short rest of the caption from there is cut. Default:
    `scrapedown.page.patterns.CAPTION_CREDITS`."""

    def __post_init__(self) -> None:
        """Reject what cannot work, naming the field (`OptionError`, a `ValueError`)."""
        check_fields(self)
        check_range("min_region_share", self.min_region_share, 0, 1)
        check_range("drop_allowance", self.drop_allowance, 0)
        if self.preset != "hexo" or self.keys or self.date_format:
            self._check_front_matter()  # (the defaults need no presets import: hook start-up)
        for name, default in (
            ("meta_line_patterns", META_LINE_PATTERNS),
            ("share_line_patterns", SHARE_LINE_PATTERNS),
            ("section_labels", SECTION_LABELS),
            ("author_labels", AUTHOR_LABELS),
            ("comment_labels", COMMENT_LABELS),
            ("drop_lines", DROP_LINES),
            ("credit_lines", CREDIT_LINES),
            ("read_also_lines", READ_ALSO_LINES),
            ("prompt_lines", PROMPT_LINES),
            ("caption_credits", CAPTION_CREDITS),
        ):
            if getattr(self, name) != default:
                for pattern in getattr(self, name):
                    _check_pattern(name, pattern)
        self._check_markup()

    def _check_markup(self) -> None:
        """Tag names and XPaths the user set (the defaults are tested, and cost nothing here)."""
        for name, tags in (
            ("chrome_tags", CHROME_TAGS),
            ("page_frame_tags", PAGE_FRAME_TAGS),
            ("hint_exempt_tags", HINT_EXEMPT_TAGS),
            ("control_tags", CONTROL_TAGS),
        ):
            if getattr(self, name) != tags:
                check_markup_names(name, getattr(self, name), "a tag name")
        for name, xpaths in (("article_xpaths", ARTICLE_XPATHS), ("region_xpaths", REGION_XPATHS)):
            if getattr(self, name) != xpaths:
                check_xpaths(name, getattr(self, name))

    def _check_front_matter(self) -> None:
        check_names("preset", (self.preset.lower(),), PRESETS, "front-matter preset")
        check_names("keys", (name for name, _key in self.keys), FIELDS, "page field")
        if self.date_format and self.date_format != ISO_DATE and "%" not in self.date_format:
            raise OptionError(
                "date_format",
                f"expected a strftime pattern or {ISO_DATE!r}, got {self.date_format!r}",
            )


def _check_pattern(key: str, pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise OptionError(key, f"invalid page line pattern {pattern!r}: {exc}") from None
