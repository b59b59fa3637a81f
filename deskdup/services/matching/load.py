"""Reading the active leads of a workspace into records: a few Core selects run
as plain SQL, no ORM objects."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import closing

from sqlalchemy import String, and_, func, or_, select, type_coerce

from deskdup.models import Channel, Chat, CommKind, Communication, Dismissal, Lead, Operator
from deskdup.services.matching.record import NICKNAMES, _Lead, nicknames_later
from deskdup.services.matching.rows import (
    _MESSAGES,
    COMMENT_CHARS,
    NAMES,
    _as_datetime,
    _make_lead,
    add_communications,
    add_messages,
    names_later,
)
from deskdup.services.names import parse_name
from deskdup.services.nicknames import forget_parsed

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
    func.substr(Lead.comments, 1, COMMENT_CHARS),
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


def _fill(
    conn,
    leads: dict[int, _Lead],
    region: str,
    ids: list[int] | None,
    tick: Callable[[], None],
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

    # Newest first, so the oldest chat's message is the one that stays.
    # (Cursors closed here even when ``tick`` stops the build: a cursor left
    # to the garbage collector would be closed after its connection.)
    with closing(chunks(chats)) as rows:
        add_messages(leads, rows)
    with closing(chunks(comms)) as rows:
        add_communications(leads, rows, region, tick)


def _name_words(conn) -> list[tuple[str, str, str]]:
    """The (first, last, middle) names of the active leads, each once."""
    stmt = select(Lead.first_name, Lead.last_name, Lead.middle_name).where(_ACTIVE).distinct()
    return [(f or "", last or "", m or "") for f, last, m in _raw(conn, stmt)]


def _nickname_texts(conn) -> list[str]:
    """The stored e-mails and handles ``_Lead.add_comm`` reads names into (those
    of WhatsApp and Viber are phones), each once."""
    stmt = (
        select(Communication.normalized)
        .where(
            Communication.lead_id.is_not(None),
            Communication.normalized.is_not(None),
            Communication.normalized != "",
            or_(
                Communication.kind == CommKind.EMAIL,
                and_(
                    Communication.kind == CommKind.MESSENGER,
                    Communication.channel.not_in([Channel.WHATSAPP, Channel.VIBER]),
                ),
            ),
        )
        .distinct()
    )
    return [text for (text,) in _raw(conn, stmt)]


def _owners(conn) -> dict[int, str]:
    return dict(conn.execute(select(Operator.id, Operator.full_name)).all())


def _dismissed(conn) -> set[tuple[int, int]]:
    rows = conn.execute(select(Dismissal.lead_a_id, Dismissal.lead_b_id))
    return {(min(a, b), max(a, b)) for a, b in rows}


def load_leads(index, ws, progress, check: Callable[[], None], ahead=None) -> int:
    """Read every active lead of ``ws`` with its communications into ``index``
    (its leads, owners, dismissed pairs, cursor); how many leads there are.

    ``ahead`` (``build_workers.ReadAhead``): a worker reading and parsing the
    nicknames and its share of the names meanwhile.  Then the records hold
    their name's words and their nicknames unparsed until the leads are read;
    this process parses the other names meanwhile, the worker's come last."""
    later: dict[tuple[str, str, str], tuple[str, str, str]] | None = None
    if ahead is not None:
        later = {}
        _Lead.parse_later = True
    try:
        with ws.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(Lead).where(_ACTIVE)).scalar_one()
            # Loading is about a third of the work; scoring the rest.
            steps = max(total, 1) * 3
            if progress is not None:
                progress(0, steps)
            cursor, max_id = None, 0
            for n, row in enumerate(_raw(conn, select(*_LEAD_COLUMNS).where(_ACTIVE))):
                rec = _make_lead(row, later)
                index.leads[rec.id] = rec
                updated = row[8]
                # (Most leads were not changed since they came: parsed once.)
                updated = rec.created_at if updated == row[7] else _as_datetime(updated)
                if updated is not None and (cursor is None or updated > cursor):
                    cursor = updated
                max_id = max(max_id, rec.id)
                if n % 20_000 == 0:
                    check()
                    if progress is not None:
                        progress(n // 2, steps)
            index._cursor, index._max_id = cursor, max_id
            if later is not None:
                theirs = ahead.theirs
                NAMES.update((words, parse_name(*words)) for words in later if not theirs(words))
                check()
            _fill(conn, index.leads, index.settings.region, None, check)
            index.owners = _owners(conn)
            index.dismissed = _dismissed(conn)
    finally:
        _Lead.parse_later = False
    if ahead is not None:
        ahead.into(NAMES, NICKNAMES)
        names_later(index.leads.values())
        nicknames_later(index.leads.values())
    # The records hold what was parsed and the one copy of each message;
    # the caches that made them go before the blocks are made.
    forget_parsed()
    _MESSAGES.clear()
    return total
