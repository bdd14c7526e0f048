"""Front-matter conventions of Hexo, Hugo and Jekyll as data: key names and date format.

Sources (docs/pages.md#presets): Hexo's core keys (`title`, `date`, `updated`,
`tags`, `categories`, `lang`), its themes' cover keys (`cover`: Butterfly, nexmoe) and its
`YYYY-MM-DD HH:mm:ss` dates in site-local time; Hugo's `lastmod`, `description`, `images` list
(read by its internal OpenGraph templates) and RFC 3339 dates; jekyll-seo-tag's `image`,
`canonical_url`, `last_modified_at` and `lang`, and Jekyll's `YYYY-MM-DD HH:MM:SS +TTTT` dates.

Hugo's own `url` key would set the generated page's permalink, so the source URL goes to an
inert `canonical_url` there; Hugo has no page-level language key, so `lang` is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The page facts a preset can write, in the order they are written.
FIELDS: tuple[str, ...] = (
    "title", "date", "updated", "author", "tags", "categories", "description", "cover", "lang",
    "url",
)  # fmt: skip

#: `date_format` value meaning RFC 3339 (`2021-03-29T03:22:00+08:00`).
ISO_DATE = "iso"


@dataclass(frozen=True)
class Preset:
    """Key names and date format of one static-site generator."""

    name: str
    keys: tuple[tuple[str, str], ...]
    """(field, front-matter key) pairs; a field not listed is not written."""
    date_format: str
    """A `strftime` pattern for date-times (`%z` is left out for dates without a zone), or
    `ISO_DATE`. A date without a time is always written `YYYY-MM-DD`."""
    list_fields: frozenset[str] = frozenset({"tags", "categories"})
    """Fields written as a YAML list even when there is one value."""


PRESETS: dict[str, Preset] = {
    "hexo": Preset(
        "hexo",
        (
            ("title", "title"),
            ("date", "date"),
            ("updated", "updated"),
            ("author", "author"),
            ("tags", "tags"),
            ("categories", "categories"),
            ("description", "description"),
            ("cover", "cover"),
            ("lang", "lang"),
            ("url", "link"),
        ),
        "%Y-%m-%d %H:%M:%S",
    ),
    "hugo": Preset(
        "hugo",
        (
            ("title", "title"),
            ("date", "date"),
            ("updated", "lastmod"),
            ("author", "author"),
            ("tags", "tags"),
            ("categories", "categories"),
            ("description", "description"),
            ("cover", "images"),
            ("url", "canonical_url"),
        ),
        ISO_DATE,
        frozenset({"tags", "categories", "cover"}),
    ),
    "jekyll": Preset(
        "jekyll",
        (
            ("title", "title"),
            ("date", "date"),
            ("updated", "last_modified_at"),
            ("author", "author"),
            ("tags", "tags"),
            ("categories", "categories"),
            ("description", "description"),
            ("cover", "image"),
            ("lang", "lang"),
            ("url", "canonical_url"),
        ),
        "%Y-%m-%d %H:%M:%S %z",
    ),
}
