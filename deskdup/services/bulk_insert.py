"""Fast bulk INSERT for the demo generator and the importer.

SQLAlchemy's per-value type processing costs more than SQLite's own work when
hundreds of thousands of rows are written, so these rows go straight to the
driver's ``executemany``.  The caller hands values already in the database's
form: enum members as their ``.value`` strings and datetimes through
``datetime_converter`` (SQLite keeps them as the same text SQLAlchemy writes,
so comparisons and reads through the ORM agree).  ``open_line_chat_row`` is
the row of a chat known by its ID only, as the importer and the portal's pull
write it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from deskdup.models import Channel, Chat

CHAT_ID_LENGTH = Chat.__table__.c.external_chat_id.type.length


def _sqlite_datetime(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(" ", "microseconds")


def _same(value: datetime | None) -> datetime | None:
    return value


def datetime_converter(session: Session) -> Callable[[datetime | None], Any]:
    """How a datetime is handed to this session's driver."""
    return _sqlite_datetime if session.get_bind().dialect.name == "sqlite" else _same


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT ``rows`` (dicts with the same keys, driver-ready values) in one executemany."""
    if not rows:
        return
    connection = session.connection()
    columns = list(rows[0])
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    getter = itemgetter(*columns)
    if len(columns) == 1:
        connection.exec_driver_sql(sql, [(getter(row),) for row in rows])
    else:
        connection.exec_driver_sql(sql, [getter(row) for row in rows])


def open_line_chat_row(owner: str, owner_id: int, channel: Channel, chat_id: str) -> dict[str, Any]:
    """The row of an open-line chat known by its ID only (``imol|…``): no message
    yet.  ``owner`` is the column naming whose it is, "lead_id" or "contact_id"."""
    return {
        "lead_id": None,
        "contact_id": None,
        owner: owner_id,
        "channel": channel.value,
        "external_chat_id": chat_id[:CHAT_ID_LENGTH],
        "first_message": "",
        "message_count": 0,
        "last_message_at": None,
        "version": 1,
    }
