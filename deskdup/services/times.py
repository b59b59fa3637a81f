"""Stored times (naive UTC) turned into numbers and local times, for any stored date.

``datetime.timestamp()`` and ``astimezone()`` on a naive value go through the
computer's time zone and fail at the calendar's ends ("year 0 is out of
range" for 0001-01-01 under UTC+3, an overflow for 9999-12-31 under UTC-5).
A workspace may hold such a date (an old import, another program), so
matching and display use these instead.
"""

from __future__ import annotations

from datetime import UTC, datetime

EPOCH = datetime(1970, 1, 1)


def minutes_since_epoch(value: datetime) -> float:
    """Minutes from 1970-01-01 UTC to ``value`` (naive UTC; an aware value is converted)."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return (value - EPOCH).total_seconds() / 60.0


def local_time(value: datetime) -> datetime:
    """A stored (naive UTC) time in this computer's zone; in UTC where that zone cannot
    show it (the first or last hours of the calendar)."""
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value
    try:
        return aware.astimezone()
    except (OverflowError, ValueError, OSError):
        return aware
