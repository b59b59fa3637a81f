"""The date of a lead as an export writes it, and whether it can be a lead's date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from deskdup.services.importer.report import bad
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message

# A lead older than this is a placeholder (0001-01-01, Excel's 1900-01-00), not a date.
EARLIEST = datetime(1970, 1, 1)
# A naive time from a clock far east of UTC may be a day ahead of ours.
FUTURE_SLACK = timedelta(days=2)


def parse_datetime(text: str) -> datetime | None:
    """A naive UTC datetime, or None when the text is not a date."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        # Stored naive, in UTC, like every other time in the workspace.
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
