"""Fast bulk INSERT for the demo generator and the importer.

SQLAlchemy's per-value type processing costs more than SQLite's own work when
hundreds of thousands of rows are written, so these rows go straight to the
driver's ``executemany``.  The caller hands values already in the database's
form: enum members as their ``.value`` strings and datetimes through
``datetime_converter`` (SQLite keeps them as the same text SQLAlchemy writes,
so comparisons and reads through the ORM agree).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session


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
