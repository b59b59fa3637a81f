"""Rows as plain data: write transactions, snapshots and the "what an event left" check.

Every event that changes records (a merge, a bind, a dismissal, a team
setting) stores, beside the before-snapshot, the *content* of exactly the rows
it left behind (``RowSet``): the rows it wrote, and the ids of the rows it
removed.  Undo is safe when those rows still hold that content and the removed
ids are still unused; it compares every column but the version counter, so a
change made outside deskdup (a plain SQL ``UPDATE`` that leaves ``version``
alone) is seen, an unrelated row never is, and a row put back by undoing a
later event counts as unchanged even though its version moved on (undo gives
restored rows a new version on purpose: see ``undo``).

Times are stored as naive UTC.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import DateTime, Numeric, select
from sqlalchemy import Enum as SAEnum
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from deskdup.models import (
    Activity,
    Chat,
    Communication,
    Contact,
    ContactDismissal,
    Deal,
    Dismissal,
    Lead,
    Operator,
    WorkspaceMeta,
    deal_contacts,
)
from deskdup.services.errors import KnownError, StaleError, fail
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.workspace import (
    Workspace,
    held_error,
    is_lock_timeout,
    known_database_error,
    start_write,
)

if TYPE_CHECKING:
    from deskdup.services.merge_plan import MergePlan

T = TypeVar("T")

CONTEXT = "Merge"

MSG_RACE = QT_TRANSLATE_NOOP(
    "Merge",
    "Someone else changed one of these leads at the same moment; nothing was merged",
)
MSG_BUSY = QT_TRANSLATE_NOOP(
    "Merge", "The database is busy with another operator's change; try again in a moment"
)
MSG_NO_OPERATOR = QT_TRANSLATE_NOOP("Merge", "There is no active operator with the id {operator}")

# The tables an event may leave rows in, by the name used in snapshots.
TABLES: dict[str, type] = {
    "leads": Lead,
    "communications": Communication,
    "chats": Chat,
    "activities": Activity,
    "deals": Deal,
    "contacts": Contact,
    "dismissals": Dismissal,
    "contact_dismissals": ContactDismissal,
    "workspace_meta": WorkspaceMeta,
}
# Compared for undo: every column but these (see the module doc).
IGNORED_COLUMNS = frozenset({"version"})


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# --------------------------------------------------------------------------- transactions


@contextmanager
def write_session(ws: Workspace) -> Iterator[Session]:
    """A session whose transaction holds the write lock from its first statement.

    On SQLite, ``BEGIN IMMEDIATE`` makes a second writer wait (busy timeout) for
    the first to commit and then read the committed data, instead of failing
    half-way with "database is locked".  On PostgreSQL the ``FOR UPDATE`` reads
    do that job.
    """
    try:
        with ws.session() as session:
            if ws.is_sqlite:
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            start_write(session)  # PostgreSQL: lock and statement timeouts
            yield session
    except StaleDataError as exc:
        raise fail(StaleError, Message(CONTEXT, MSG_RACE)) from exc
    except DBAPIError as exc:
        # Busy, locked, a full disk, a PostgreSQL lock timeout: nothing was written.
        known = known_database_error(exc)
        if known is None:
            raise
        raise known from exc


def active_operator(session: Session, operator_id: int) -> Operator:
    operator = session.scalar(
        select(Operator)
        .where(Operator.id == operator_id)
        .options(selectinload(Operator.rights), selectinload(Operator.department))
    )
    if operator is None or not operator.is_active:
        raise fail(KnownError, Message(CONTEXT, MSG_NO_OPERATOR, {"operator": operator_id}))
    return operator


def lock_group(
    ws: Workspace,
    session: Session,
    plan: MergePlan,
    load: Callable[..., list[T]],
) -> list[T]:
    """The records of ``plan``'s group read ``FOR UPDATE`` by ``load``; a lock held
    by someone else too long is the ``held_error`` naming them."""
    try:
        return load(session, plan.lead_ids, for_update=True)
    except DBAPIError as exc:
        if not is_lock_timeout(exc):
            raise
        raise held_error(ws.engine, {i: plan.cards[i].label for i in plan.lead_ids}) from exc


# --------------------------------------------------------------------------- rows as data


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def row_dict(obj: Any) -> dict[str, Any]:
    """Every column of an ORM object as a JSON-safe dict."""
    mapper = sa_inspect(obj).mapper
    return {attr.key: _to_json(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def from_json(model: type, data: dict[str, Any]) -> dict[str, Any]:
    """Column values of ``model`` back from ``row_dict`` output."""
    out: dict[str, Any] = {}
    for attr in sa_inspect(model).column_attrs:
        if attr.key not in data:
            continue
        value = data[attr.key]
        kind = attr.columns[0].type
        if value is not None:
            if isinstance(kind, SAEnum) and kind.enum_class is not None:
                value = kind.enum_class(value)
            elif isinstance(kind, DateTime):
                value = datetime.fromisoformat(value)
            elif isinstance(kind, Numeric):
                value = Decimal(value)
        out[attr.key] = value
    return out


def restore_row(obj: Any, data: dict[str, Any]) -> None:
    """Put the snapshot's column values back; the version moves on (see ``undo``)."""
    key_names = {c.key for c in sa_inspect(type(obj)).primary_key}
    for key, value in from_json(type(obj), data).items():
        if key not in key_names and key != "version":
            setattr(obj, key, value)


def primary_key(model: type, data: dict[str, Any]) -> Any:
    """The primary-key value of a ``row_dict`` (``workspace_meta`` is keyed by ``key``)."""
    return data[sa_inspect(model).primary_key[0].key]


def comparable(data: dict[str, Any] | None) -> dict[str, Any] | None:
    """A row's content as undo compares it: every column but the version."""
    if data is None:
        return None
    return {k: v for k, v in data.items() if k not in IGNORED_COLUMNS}


# --------------------------------------------------------------------------- what an event left


@dataclass
class RowSet:
    """The rows an event left: ``rows[table][key] = row_dict``, ``absent[table] = [keys]``.

    Keys are strings (JSON object keys); ``absent`` are rows the event removed,
    which must stay removed (an id reused by a new row would be overwritten).
    """

    rows: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    absent: dict[str, list[str]] = field(default_factory=dict)

    def add(self, table: str, objects: Iterable[Any]) -> None:
        model = TABLES[table]
        for obj in objects:
            data = row_dict(obj)
            self.rows.setdefault(table, {})[str(primary_key(model, data))] = data

    def remove(self, table: str, keys: Iterable[Any]) -> None:
        self.absent.setdefault(table, []).extend(str(k) for k in keys)

    def to_json(self) -> dict[str, Any]:
        return {"rows": self.rows, "absent": self.absent}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RowSet:
        return cls(rows=dict(data.get("rows", {})), absent=dict(data.get("absent", {})))

    def keys(self) -> Iterator[tuple[str, str]]:
        for table, rows in self.rows.items():
            for key in rows:
                yield table, key
        for table, keys in self.absent.items():
            for key in keys:
                yield table, key


def _key_value(model: type, key: str) -> Any:
    column = sa_inspect(model).primary_key[0]
    return int(key) if column.type.python_type is int else key


def current_rows(session: Session, table: str, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The rows of ``table`` with these keys as they are now (missing ones left out)."""
    if not keys:
        return {}
    model = TABLES[table]
    column = sa_inspect(model).primary_key[0]
    found: dict[str, dict[str, Any]] = {}
    values = [_key_value(model, k) for k in keys]
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        for obj in session.scalars(
            select(model).where(column.in_(chunk)).execution_options(populate_existing=True)
        ):
            data = row_dict(obj)
            found[str(primary_key(model, data))] = data
    return found


@dataclass(frozen=True)
class RowChange:
    """One row of an event that is no longer as the event left it."""

    table: str
    key: str
    label: str  # the CRM id of a lead when it has one, else the key
    fields: tuple[tuple[str, Any, Any], ...]  # (column, as the event left it, now)
    gone: bool = False  # the row was deleted since
    reused: bool = False  # a row the event removed exists again


def changed_rows(session: Session, left: RowSet) -> list[RowChange]:
    """Every row of ``left`` whose content differs now (empty: nothing changed)."""
    changes: list[RowChange] = []
    for table, expected in left.rows.items():
        now = current_rows(session, table, list(expected))
        for key, data in expected.items():
            label = str(data.get("external_id") or key)
            current = now.get(key)
            if current is None:
                changes.append(RowChange(table, key, label, (), gone=True))
                continue
            if comparable(current) == comparable(data):
                continue
            fields = tuple(
                (name, data.get(name), current.get(name))
                for name in current
                if name not in IGNORED_COLUMNS and current.get(name) != data.get(name)
            )
            changes.append(RowChange(table, key, label, fields))
    for table, keys in left.absent.items():
        now = current_rows(session, table, keys)
        for key in keys:
            if key in now:
                label = str(now[key].get("external_id") or key)
                changes.append(RowChange(table, key, label, (), reused=True))
    return changes


# --------------------------------------------------------------------------- deal-contact links

# ``deal_contacts`` has no row of its own to version: an event that changes it
# keeps the links of the contacts it touched as [deal id, contact id] pairs,
# before (``snapshot[LINKS]``) and after (``snapshot["after"][LINKS]``), and undo
# compares and puts back that set as a whole.
LINKS = "deal_contact_links"


def contact_links(session: Session, contact_ids: Sequence[int]) -> list[list[int]]:
    """Every [deal id, contact id] link of these contacts, sorted."""
    if not contact_ids:
        return []
    rows = session.execute(
        select(deal_contacts.c.deal_id, deal_contacts.c.contact_id).where(
            deal_contacts.c.contact_id.in_(list(contact_ids))
        )
    )
    return sorted([int(d), int(c)] for d, c in rows)
