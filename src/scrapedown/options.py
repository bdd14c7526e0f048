"""`Options`: every switch of the pipeline in one frozen, picklable dataclass.

Policy is data: the tag and attribute sets below are the defaults a user can read, copy and extend
(``dataclasses.replace(Options(), drop_tags=Options().drop_tags | {"aside"})``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scrapedown._validate import (
    OptionError,
    check_choice,
    check_fields,
    check_markup_names,
    check_names,
    check_range,
    named_keywords,
)
from scrapedown.page.options import PageOptions
from scrapedown.punct.options import PunctOptions
from scrapedown.tags import DROP_TAGS, UNWRAP_TAGS
from scrapedown.urls.options import UrlOptions

#: Attributes kept, per tag ("*" = every tag). Everything else is dropped.
KEEP_ATTRS: tuple[tuple[str, frozenset[str]], ...] = (
    ("a", frozenset({"href", "title"})),
    ("img", frozenset({"src", "alt", "title"})),
    ("td", frozenset({"colspan", "rowspan"})),
    ("th", frozenset({"colspan", "rowspan"})),
    ("ol", frozenset({"start"})),
    ("pre", frozenset({"class"})),
    ("code", frozenset({"class"})),
)

#: Front-matter keys whose values are image URLs (proxy-unwrapped like <img src>).
IMAGE_KEYS: tuple[str, ...] = (
    "headimg", "thumbnail", "cover", "image", "images", "banner", "featured_image",
    "top_img", "photos",
)  # fmt: skip


#: Markers CommonMark reads as a bullet list item.
BULLETS: tuple[str, ...] = ("-", "*", "+")
#: Lowest `max_depth`: below it an ordinary post (html, body, a wrapper div, a list, its items,
#: a paragraph, emphasis) loses its structure and comes out as one run of text.
MIN_DEPTH = 8
_DEPTH_WHY = " (shallower limits flatten ordinary posts into one line)"


@named_keywords
@dataclass(frozen=True)
class Options:
    """Every switch of scrapedown; the defaults are what a careful human would do."""

    image_keys: tuple[str, ...] = IMAGE_KEYS
    """Front-matter keys holding image URLs, unwrapped from proxies. Default: `IMAGE_KEYS`."""

    disabled_rules: frozenset[str] = frozenset()
    """Names of cleaning rules to skip (`scrapedown.rules.RULE_NAMES`). Default: none."""

    drop_tags: frozenset[str] = DROP_TAGS
    """Elements removed with their content. Default: `DROP_TAGS`."""

    unwrap_tags: frozenset[str] = UNWRAP_TAGS
    """Presentational wrappers replaced by their content. Default: `UNWRAP_TAGS`."""

    keep_attrs: tuple[tuple[str, frozenset[str]], ...] = KEEP_ATTRS
    """Attributes that survive, per tag. Default: `KEEP_ATTRS`."""

    bold_headings: bool = False
    """Promote paragraphs that are a single short bold run to `###` headings. Default: off."""

    bold_heading_level: int = 3
    """Heading level used by `bold_headings`. Default: 3."""

    bullet: str = "-"
    """Bullet character for unordered lists. Default: `-`."""

    max_depth: int = 100
    """HTML nested deeper than this is flattened to its text, images and line breaks before
    conversion (the converter is recursive). Default: 100."""

    max_body_chars: int = 64 * 1024 * 1024
    """Bodies longer than this are rejected with `ScrapedownError`. Default: 64 Mi characters."""

    punct: PunctOptions = field(default_factory=PunctOptions)
    """Full-width punctuation normalisation (`scrapedown.punct.options.PunctOptions`)."""

    urls: UrlOptions = field(default_factory=UrlOptions)
    """URL unwrapping and lazy images (`scrapedown.urls.options.UrlOptions`)."""

    page: PageOptions = field(default_factory=PageOptions)
    """Whole HTML pages: front-matter preset and keys, article extraction
    (`scrapedown.page.options.PageOptions`)."""

    def __post_init__(self) -> None:
        """Reject what cannot work, naming the field (`OptionError`, a `ValueError`)."""
        check_fields(self)
        check_choice("bullet", self.bullet, BULLETS)
        check_range("bold_heading_level", self.bold_heading_level, 1, 6)
        check_range("max_depth", self.max_depth, MIN_DEPTH, why=_DEPTH_WHY)
        check_range("max_body_chars", self.max_body_chars, 1)
        if self.disabled_rules:
            from scrapedown.rules import RULE_NAMES  # the pipeline: only when rules are named

            check_names("disabled_rules", self.disabled_rules, RULE_NAMES, "rule")
        for name in ("drop_tags", "unwrap_tags", "image_keys"):
            if "" in getattr(self, name):
                raise OptionError(name, "an empty name")
        for name, default in (("drop_tags", DROP_TAGS), ("unwrap_tags", UNWRAP_TAGS)):
            if getattr(self, name) is not default:
                check_markup_names(name, getattr(self, name), "a tag name")
        if self.keep_attrs is not KEEP_ATTRS:
            check_markup_names(
                "keep_attrs", (t for t, _ in self.keep_attrs if t != "*"), "a tag name"
            )
            for _tag, attrs in self.keep_attrs:
                check_markup_names("keep_attrs", attrs, "an attribute name")


DEFAULT_OPTIONS = Options()
