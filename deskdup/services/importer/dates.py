"""The date of a lead as an export writes it."""

from __future__ import annotations

from datetime import UTC, datetime


def parse_datetime(text: str) -> datetime | None:
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        # Stored naive, in UTC, like every other time in the workspace.
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed
