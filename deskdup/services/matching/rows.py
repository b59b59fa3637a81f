"""Database rows into the matcher's records (``_Lead``), without SQLAlchemy:
the statements are built in ``load.py`` (and spelled out in ``search_read.py``
for a lookup that must not load SQLAlchemy); the rows they return, in the
driver's own values, become records here."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from datetime import datetime

from deskdup.models import Channel
from deskdup.services.matching.inquiry import MESSAGE_CHARS, strip_greeting
from deskdup.services.matching.record import _CHANNELS, _Lead
from deskdup.services.names import NameParts, parse_name

# The columns of a lead row, in this order: id, external_id, first_name,
# last_name, middle_name, source_channel, assigned_id, created_at, updated_at,
# status, archived, merged_into_id, the comments' first 240 characters, version.
COMMENT_CHARS = 240


def _as_datetime(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


# Names read ahead (by a worker process, ``build_workers.ReadAhead``) for the build
# under way: (first, last, middle) -> what ``parse_name`` makes of them.
NAMES: dict[tuple[str, str, str], NameParts] = {}


_OTHER = Channel.OTHER


def _make_lead(row, later: dict | None = None) -> _Lead:
    """A record of a lead row; ``later``: its name is parsed later
    (``names_later``), the record holds its words till then (one tuple for
    each distinct name: ``later`` collects them)."""
    lead_id, ext, first, last, middle, channel, owner, created, _upd, status, _a, _m, notes, ver = (
        row
    )
    if created.__class__ is str:  # (SQLite's text; PostgreSQL's datetime or None)
        created = datetime.fromisoformat(created)
    words = (first or "", last or "", middle or "")
    if later is not None:
        name = later.setdefault(words, words)
    else:
        name = NAMES.get(words) if NAMES else None
        if name is None:
            name = parse_name(*words)
    rec = _Lead(
        lead_id,
        ext or str(lead_id),
        _CHANNELS.get(channel, _OTHER),
        owner,
        created,
        sys.intern(status or ""),
        name,
    )
    rec.version = ver
    if notes:
        rec.message = _short_message(_inquiry_from_comments(notes))
    return rec


def names_later(leads: Iterable[_Lead]) -> None:
    """The parsed names of records made with ``later`` (``_make_lead``), from
    ``NAMES`` (or parsed now)."""
    for rec in leads:
        words = rec.name
        name = NAMES.get(words)  # type: ignore[call-overload]
        rec.name = parse_name(*words) if name is None else name


_MESSAGES: dict[str, str] = {}


def _short_message(text: str) -> str:
    """The start of an inquiry after its greeting, shared when the same text comes
    again (the same question is asked over and over: one string in memory)."""
    text = strip_greeting(text)[:MESSAGE_CHARS]
    if len(_MESSAGES) > 200_000:
        _MESSAGES.clear()
    return _MESSAGES.setdefault(text, text)


def _inquiry_from_comments(notes: str) -> str:
    """A web form's message, which CRMs put in the comments: ``Message from the form: …``.

    Only the first line, and only when it has such a short label; free operator
    notes are not an inquiry.  A chat's first message, when there is one, wins.
    """
    line = notes.strip().split("\n", 1)[0]
    label, colon, text = line.partition(":")
    if colon and 0 < len(label) <= 30 and len(text.strip()) >= 10:
        return text.strip()[:200]
    return ""


def add_communications(
    leads: dict[int, _Lead], rows: Iterable, region: str, tick: Callable[[], None]
) -> None:
    """Rows of (lead_id, kind, channel, raw_value, normalized) into ``leads``."""
    get, channels = leads.get, _CHANNELS
    for n, (lead_id, kind, channel, raw, norm) in enumerate(rows):
        rec = get(lead_id)
        if rec is not None:
            rec.add_comm(kind, channels.get(channel, _OTHER), raw or "", norm or "", region)
        if not n % 50_000:
            tick()


def add_messages(leads: dict[int, _Lead], rows: Iterable) -> None:
    """Rows of (lead_id, first_message), newest chat first, so the oldest chat's
    message is the one that stays."""
    for lead_id, message in rows:
        rec = leads.get(lead_id)
        if rec is not None and message:
            rec.message = _short_message(message)
