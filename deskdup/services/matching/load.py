"""Reading the active leads of a workspace into records: a few Core selects run
as plain SQL, no ORM objects."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import String, and_, func, select, type_coerce

from deskdup.models import Channel, Chat, Communication, Dismissal, Lead, Operator
from deskdup.services.matching.inquiry import MESSAGE_CHARS, strip_greeting
from deskdup.services.matching.record import (
    _CHANNELS,
    _Lead,
)
from deskdup.services.names import (
    parse_name,
)

_ACTIVE = and_(Lead.archived.is_(False), Lead.merged_into_id.is_(None))
_LEAD_COLUMNS = (
    Lead.id,
    Lead.external_id,
    Lead.first_name,
    Lead.last_name,
    Lead.middle_name,
    type_coerce(Lead.source_channel, String),
    Lead.assigned_id,
    Lead.created_at,
    Lead.updated_at,
    Lead.status,
    Lead.archived,
    Lead.merged_into_id,
    func.substr(Lead.comments, 1, 240),
    Lead.version,
)
_COMM_COLUMNS = (
    Communication.lead_id,
    type_coerce(Communication.kind, String),
    type_coerce(Communication.channel, String),
    Communication.raw_value,
    Communication.normalized,
)
_CHAT_COLUMNS = (Chat.lead_id, Chat.first_message)
_CHUNK = 500


def _raw(conn, stmt) -> Iterable:
    """Run a Core select as plain SQL: the driver's own values, without SQLAlchemy's
    per-value processing (several times faster on a million rows).  Dates come
    back as text from SQLite and as datetimes from PostgreSQL."""
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(10_000):
            yield from rows
    finally:
        cursor.close()


def _as_datetime(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def _make_lead(row) -> _Lead:
    lead_id, ext, first, last, middle, channel, owner, created, _upd, status, _a, _m, notes, ver = (
        row
    )
    created = _as_datetime(created)
    rec = _Lead(
        lead_id,
        ext or str(lead_id),
        _CHANNELS.get(channel, Channel.OTHER),
        owner,
        created,
        sys.intern(status or ""),
        parse_name(first or "", last or "", middle or ""),
    )
    rec.version = ver
    if notes:
        rec.message = _short_message(_inquiry_from_comments(notes))
    return rec


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


def _fill(
    conn, leads: dict[int, _Lead], region: str, ids: list[int] | None, tick: Callable[[], None]
) -> None:
    """Read the communications and the first chat message of ``leads``."""

    def chunks(stmt_for):
        if ids is None:
            yield from _raw(conn, stmt_for(None))
        else:
            for start in range(0, len(ids), _CHUNK):
                yield from _raw(conn, stmt_for(ids[start : start + _CHUNK]))

    def comms(part):
        stmt = select(*_COMM_COLUMNS).where(Communication.lead_id.is_not(None))
        return stmt if part is None else stmt.where(Communication.lead_id.in_(part))

    def chats(part):
        stmt = select(*_CHAT_COLUMNS).where(Chat.lead_id.is_not(None)).order_by(Chat.id.desc())
        return stmt if part is None else stmt.where(Chat.lead_id.in_(part))

    for n, (lead_id, kind, channel, raw, norm) in enumerate(chunks(comms)):
        rec = leads.get(lead_id)
        if rec is not None:
            rec.add_comm(kind, _CHANNELS.get(channel, Channel.OTHER), raw or "", norm or "", region)
        if n % 50_000 == 0:
            tick()
    # Newest first, so the oldest chat's message is the one that stays.
    for lead_id, message in chunks(chats):
        rec = leads.get(lead_id)
        if rec is not None and message:
            rec.message = _short_message(message)


def _owners(conn) -> dict[int, str]:
    return dict(conn.execute(select(Operator.id, Operator.full_name)).all())


def _dismissed(conn) -> set[tuple[int, int]]:
    rows = conn.execute(select(Dismissal.lead_a_id, Dismissal.lead_b_id))
    return {(min(a, b), max(a, b)) for a, b in rows}
