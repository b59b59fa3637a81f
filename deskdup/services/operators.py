"""Who is signed in: the operators of a workspace as plain records.

The window signs in as one operator of the workspace (``--as LOGIN``, the one
remembered for the connection, or the one chosen from this list).  The record
is ``rights.OperatorInfo`` (with the operator's scopes), so the views can ask
the rights service about it without touching the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from deskdup.models import Dismissal, EventKind, MergeEvent, Operator
from deskdup.services.errors import KnownError
from deskdup.services.rights import OperatorInfo
from deskdup.services.workspace import Workspace

__all__ = [
    "OperatorInfo",
    "TodayCounters",
    "find_operator",
    "list_operators",
    "operator_display",
    "today_counters",
]


def _query():
    return select(Operator).options(
        selectinload(Operator.department), selectinload(Operator.rights)
    )


def list_operators(session: Session) -> list[OperatorInfo]:
    """Active operators, by name."""
    rows = session.scalars(
        _query().where(Operator.is_active.is_(True)).order_by(Operator.full_name, Operator.login)
    )
    return [OperatorInfo.from_operator(op) for op in rows]


def find_operator(session: Session, login: str) -> OperatorInfo:
    """The active operator with this login; a ``KnownError`` naming it otherwise."""
    op = session.scalar(_query().where(Operator.login == login, Operator.is_active.is_(True)))
    if op is None:
        raise KnownError(f"There is no active operator with the login '{login}' in this workspace.")
    return OperatorInfo.from_operator(op)


def operator_display(op: OperatorInfo) -> str:
    """ "Петрова Анна (anna, Sales 1)"."""
    extra = ", ".join(p for p in (op.login, op.department_name) if p)
    return f"{op.full_name} ({extra})" if extra else op.full_name


def workspace_operators(ws: Workspace) -> list[OperatorInfo]:
    with ws.session() as session:
        return list_operators(session)


def workspace_operator(ws: Workspace, login: str) -> OperatorInfo:
    with ws.session() as session:
        return find_operator(session, login)


# --------------------------------------------------------------------------- today's work


@dataclass(frozen=True)
class TodayCounters:
    """What the status bar shows: this operator's work since local midnight."""

    merges: int = 0
    dismissals: int = 0
    undos: int = 0


def local_day_start_utc(now: datetime | None = None) -> datetime:
    """Local midnight of today as naive UTC (history times are stored as naive UTC)."""
    local = (now or datetime.now().astimezone()).astimezone()
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight.astimezone(UTC).replace(tzinfo=None)


def today_counters(
    session: Session, operator_id: int, now: datetime | None = None
) -> TodayCounters:
    """Merges, dismissed pairs and undos by ``operator_id`` since local midnight.

    A merge that was undone later still counts: it was work done today.
    """
    since = local_day_start_utc(now)
    kinds = dict(
        session.execute(
            select(MergeEvent.kind, func.count())
            .where(MergeEvent.operator_id == operator_id, MergeEvent.created_at >= since)
            .group_by(MergeEvent.kind)
        ).all()
    )
    dismissals = session.scalar(
        select(func.count())
        .select_from(Dismissal)
        .where(Dismissal.operator_id == operator_id, Dismissal.created_at >= since)
    )
    return TodayCounters(
        merges=int(kinds.get(EventKind.MERGE_LEADS, 0)),
        dismissals=int(dismissals or 0),
        undos=int(kinds.get(EventKind.UNDO, 0)),
    )


def workspace_today_counters(ws: Workspace, operator_id: int) -> TodayCounters:
    with ws.session() as session:
        return today_counters(session, operator_id)
