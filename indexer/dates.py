"""Publication times: Vietnamese newsroom time lines to aware datetimes.

Every stored time is in Asia/Ho_Chi_Minh, the newsroom's own clock, so that a
"24/07/2023" article is filed under that day whatever server reads it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dateutil import parser as _dateutil

from .vietnamese import fold

__all__ = ["VN_TZ", "parse_time_line", "parse_date_value", "as_vn_time"]

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Words that decorate a time line but carry no time: weekdays, "ngày",
# "cập nhật", and the zone note most sites append.  Matched on folded text.
_DECORATION_RE = re.compile(
    r"\b(thu\s+(hai|ba|tu|nam|sau|bay|2|3|4|5|6|7)|chu\s+nhat|cn|ngay|luc|"
    r"cap\s+nhat|dang|dang\s+luc|gio)\b|\(?\s*(gmt|utc)\s*\+\s*0?7(:?00)?\s*\)?",
)
# What may remain once decorations are gone: digits and date/time punctuation.
_ONLY_TIME_RE = re.compile(r"^[\d\s:/.,\-T+Zh|]+$")
_HAS_DATE_RE = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{4}-\d{2}-\d{2}")
_TIME_H_RE = re.compile(r"(\d{1,2})h(\d{2})")


def as_vn_time(value: datetime) -> datetime:
    """Naive times are newsroom times; aware ones are converted."""
    if value.tzinfo is None:
        return value.replace(tzinfo=VN_TZ)
    return value.astimezone(VN_TZ)


def parse_time_line(line: str) -> datetime | None:
    """The publication time on a line that holds nothing else, or None.

    Strict on purpose: a body sentence that mentions a date is not a time line.
    """
    if not line or len(line) > 80:
        return None
    iso = _parse_iso(line.strip())
    if iso is not None:
        return iso
    folded = fold(line)
    stripped = _DECORATION_RE.sub(" ", folded)
    stripped = _TIME_H_RE.sub(r"\1:\2", stripped).strip(" ,-|")
    if not stripped or not _ONLY_TIME_RE.match(stripped) or not _HAS_DATE_RE.search(stripped):
        return None
    return _parse(stripped.replace("|", " "))


def parse_date_value(value: object) -> datetime | None:
    """A record's ``published``/``date`` field: ISO 8601, a date, or a time line."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return as_vn_time(value)
    if isinstance(value, date):
        return datetime.combine(value, time(), VN_TZ)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(float(value), VN_TZ)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    return parse_time_line(value.strip())


def _parse_iso(text: str) -> datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return as_vn_time(parsed) if 1900 <= parsed.year <= 2100 else None


def _parse(text: str) -> datetime | None:
    iso = re.match(r"^\d{4}-\d{2}-\d{2}", text)
    try:
        parsed = _dateutil.parse(text, dayfirst=not iso, yearfirst=bool(iso))
    except (ValueError, OverflowError):
        return None
    if not 1900 <= parsed.year <= 2100:
        return None
    return as_vn_time(parsed)
