"""A new YAML front-matter block from page metadata, in a preset's key names and date format.

YAML for all three presets (Hugo reads YAML as well as TOML). Strings are quoted exactly when a
YAML 1.1 reader (PyYAML, Ruby's Psych in Jekyll) would otherwise read something else (`yes`,
`12:30`, `2021-03-29`); dates are written plain, as a person writes them.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.util import timestamp_regexp

from scrapedown.errors import ScrapedownError
from scrapedown.page.dates import format_date
from scrapedown.page.metadata import PageMeta, is_web_url
from scrapedown.page.options import PageOptions
from scrapedown.page.presets import FIELDS, PRESETS, Preset
from scrapedown.page.yaml_lines import DateText, yaml_lines

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STRING = "tag:yaml.org,2002:str"
_URL_FIELDS = frozenset({"cover", "url"})


class _Representer(RoundTripRepresenter):
    """ruamel's round-trip representer plus `DateText` (registered on this subclass only)."""


def _represent_date(representer: RoundTripRepresenter, value: DateText) -> Any:
    tag = _TIMESTAMP if timestamp_regexp.match(value) else _STRING
    return representer.represent_scalar(tag, str(value))


_Representer.add_representer(DateText, _represent_date)


def preset_of(page: PageOptions) -> Preset:
    """The preset `page` names; a clear error for an unknown name."""
    preset = PRESETS.get(page.preset.strip().lower())
    if preset is None:
        known = ", ".join(sorted(PRESETS))
        raise ScrapedownError(f"unknown front-matter preset {page.preset!r} (known: {known})")
    return preset


def front_matter_keys(page: PageOptions) -> dict[str, str]:
    """Field → front-matter key under `page`: the preset's, overridden by `page.keys`."""
    keys = dict(preset_of(page).keys)
    for name, key in page.keys:
        if name not in FIELDS:
            raise ScrapedownError(
                f"unknown page field {name!r} in page keys (fields: {', '.join(FIELDS)})"
            )
        keys[name] = key.strip()
    return keys


def front_matter_data(meta: PageMeta, page: PageOptions) -> dict[str, Any]:
    """The front-matter mapping: preset keys in field order, empty fields left out."""
    preset = preset_of(page)
    keys = front_matter_keys(page)
    date_format = page.date_format or preset.date_format
    data: dict[str, Any] = {}
    for name in FIELDS:
        key = keys.get(name, "")
        value = _field_value(meta, name, date_format)
        if not key or value in (None, "", ()):
            continue
        if name in _URL_FIELDS and not is_web_url(str(value)):
            continue  # only http(s) or relative URLs reach front matter
        if isinstance(value, tuple):
            value = list(value) if len(value) > 1 or name in preset.list_fields else value[0]
        elif name in preset.list_fields:
            value = [value]
        data[key] = value
    return data


def render_front_matter(data: Mapping[str, Any]) -> str:
    """`data` as a `---` fenced YAML block ending with a newline (empty data: empty block)."""
    if not data:
        return "---\n---\n"
    lines = yaml_lines(data)  # the usual one-line values, without ruamel's machinery
    return "---\n" + (lines if lines is not None else ruamel_yaml(data)) + "---\n"


def ruamel_yaml(data: Mapping[str, Any]) -> str:
    """`data` as ruamel.yaml writes it (the block of `render_front_matter` without `---`)."""
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.version = (1, 1)  # quote what YAML 1.1 readers would turn into booleans or numbers
    yaml.width = 1 << 30  # one value per line, never folded
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)  # list items indented under their key
    stream = io.StringIO()
    yaml.dump(dict(data), stream)
    text = stream.getvalue()
    directive, separator, rest = text.partition("---\n")
    return rest if separator and directive.startswith("%YAML") else text


def _field_value(meta: PageMeta, name: str, date_format: str) -> object:
    value: object = {
        "title": meta.title,
        "date": meta.date,
        "updated": meta.updated,
        "author": meta.authors,
        "tags": meta.tags,
        "categories": meta.categories,
        "description": meta.description,
        "cover": meta.cover,
        "lang": meta.lang,
        "url": meta.url,
    }[name]
    if isinstance(value, date | datetime):
        return DateText(format_date(value, date_format))
    return value
