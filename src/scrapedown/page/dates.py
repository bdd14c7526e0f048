"""Page dates in (ISO 8601, RFC 2822, `2021/03/29 08:00`, `2021年3月29日`), preset dates out."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from scrapedown.page.presets import ISO_DATE

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
# `2021/3/29`, `2021.03.29 08:00`, `2021年3月29日 08:00:05`: the forms CJK sites print.
_LOOSE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?"
)


# A CMS that has no date writes time 0: the Unix epoch (the day before it west of Greenwich),
# or year 1 (`0001-01-01`). No article on the web was published then.
_EPOCH = date(1970, 1, 1)
_EARLIEST_YEAR = 1000


def parse_date(text: str) -> date | datetime | None:
    """The date or date-time `text` names, or None when it is not a recognisable date or is
    a placeholder for none (the Unix epoch, year 1)."""
    value = text.strip()
    if not value or len(value) > 64:
        return None
    if _DATE_ONLY.fullmatch(value):
        parsed = _iso(value, date_only=True)
    else:
        parsed = _iso(value, date_only=False) or _rfc2822(value) or _loose(value)
    return parsed if parsed is not None and _real(parsed) else None


def _real(value: date | datetime) -> bool:
    day = value.date() if isinstance(value, datetime) else value
    return day.year >= _EARLIEST_YEAR and abs(day - _EPOCH) > timedelta(days=1)


def format_date(value: date | datetime, fmt: str) -> str:
    """`value` written with a preset's format: a `strftime` pattern (`%z` drops out for a
    date-time without zone), `iso` for RFC 3339; a bare date is always `YYYY-MM-DD`."""
    if not isinstance(value, datetime):
        return value.isoformat()
    value = value.replace(microsecond=0)
    if fmt == ISO_DATE:
        return value.isoformat()
    return value.strftime(fmt).strip()


def _iso(value: str, *, date_only: bool) -> date | datetime | None:
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None
    return parsed.date() if date_only else parsed


def _rfc2822(value: str) -> datetime | None:
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def _loose(value: str) -> date | datetime | None:
    match = _LOOSE.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else None for g in match.groups())
    try:
        if hour is None or minute is None:
            return date(year or 0, month or 0, day or 0)
        return datetime(year or 0, month or 0, day or 0, hour, minute, second or 0)
    except ValueError:
        return None
