"""Reading the dates and times of CRM exports: the one place that does it.

What is read (``parse_datetime``):

- ISO 8601, as deskdup's own format and most APIs write it:
  ``2026-11-25``, ``2026-11-25T10:02:11``, ``2026-11-25 10:02``, with ``Z``
  or an offset (then converted to UTC).
- Day first, as Bitrix24 and every Russian-locale export write it:
  ``25.11.2026``, ``25.11.2026 10:02``, ``25.11.2026 10:02:11``, and the same
  with ``/`` or ``-`` between the numbers (``25/11/2026``), two-digit years too.

The day-first rule: a date of three numbers with the year last is always read
day, month, year.  ``03/04/2026`` is the 3rd of April, never March 4th; a date
that cannot be read that way (``11/25/2026``: there is no month 25) is refused,
not silently read month first, so a file from a US-format export is noticed
instead of being imported with days and months swapped wherever both are 12 or
less.

Times without an offset are kept as written (the CRM's local time), stored
naive like every other time in the workspace; with an offset they become UTC.

The parsing itself is python-dateutil's (and the standard library's ISO
parser, which is faster for the common case); this module decides which texts
are dates at all and in which order their numbers are read.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from dateutil import parser as _dateutil

from deskdup.services.importer.report import bad
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message

# A lead older than this is a placeholder (0001-01-01, Excel's 1900-01-00), not a date.
EARLIEST = datetime(1970, 1, 1)
# A naive time from a clock far east of UTC may be a day ahead of ours.
FUTURE_SLACK = timedelta(days=2)

# Day, month and year (year last), then an optional time: the Russian-locale shape.
_DAY_FIRST = re.compile(
    r"^(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4}|\d{2})"
    r"(?:[ T,]+(?P<time>\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?))?$"
)
# Year first, the ISO family (2026-11-25, 2026/11/25 10:02, 2026-11-25T10:02:11+03:00).
_YEAR_FIRST = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:$|[ T])")


def parse_datetime(text: str) -> datetime | None:
    """The date and time ``text`` names, naive (UTC when it had an offset); None if not a date.

    A date alone is midnight of that day.  Text that is not one of the forms
    above (``вчера``, ``10:02`` without a date, ``11/25/2026``) gives None.
    """
    value = (text or "").strip()
    if not value:
        return None
    parsed: datetime | None = None
    if _YEAR_FIRST.match(value):
        iso = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
        try:
            parsed = datetime.fromisoformat(iso)
        except ValueError:
            parsed = _with_dateutil(value, dayfirst=False)
    else:
        match = _DAY_FIRST.match(value)
        if match is None or not 1 <= int(match["month"]) <= 12:
            return None
        parsed = _day_first(value, match)
    if parsed is None:
        return None
    if parsed.tzinfo is not None:
        try:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:  # 9999-12-31T23:59:59-05:00 is past the calendar's end
            return datetime.max if parsed.year > 1 else datetime.min
    return parsed


def implausible(value: datetime, text: str, now: datetime) -> Message | None:
    """Why ``value`` (read from ``text``) cannot be a lead's date, or None when it can.

    Stored years 1 or 9999 crash every later reader that shifts them by a time
    zone, and no CRM lead was created before 1970 or after today.
    """
    latest = now + FUTURE_SLACK
    if EARLIEST <= value <= latest:
        return None
    return bad(
        QT_TRANSLATE_NOOP(
            "Import", "the date '{value}' is not a lead's date: expected {earliest} to {latest}"
        ),
        value=text,
        earliest=EARLIEST.date().isoformat(),
        latest=latest.date().isoformat(),
    )


def _day_first(value: str, match: re.Match) -> datetime | None:
    # An export has a few hundred distinct days and a time on every row: the
    # day goes through dateutil once (cached), the time through the standard
    # library, which is a hundred times faster than parsing each whole text.
    day = _date_day_first(match["day"], match["month"], match["year"])
    if day is None:
        return None
    if not match["time"]:
        return datetime.combine(day, time())
    try:
        clock = time.fromisoformat(match["time"].replace(",", ".").zfill(5))
    except ValueError:
        return _with_dateutil(value, dayfirst=True)
    return datetime.combine(day, clock)


@lru_cache(maxsize=4096)
def _date_day_first(day: str, month: str, year: str) -> date | None:
    parsed = _with_dateutil(f"{day}.{month}.{year}", dayfirst=True)
    return parsed.date() if parsed is not None else None


def _with_dateutil(value: str, *, dayfirst: bool) -> datetime | None:
    try:
        return _dateutil.parse(value, dayfirst=dayfirst, yearfirst=not dayfirst)
    except (ValueError, OverflowError):
        return None
