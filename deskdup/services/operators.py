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

from deskdup.models import (
    Action,
    Department,
    Dismissal,
    Entity,
    EventKind,
    MergeEvent,
    Operator,
    OperatorRight,
    Scope,
)
from deskdup.services.errors import KnownError
from deskdup.services.rights import OperatorInfo
from deskdup.services.workspace import Workspace

__all__ = [
    "ROLES",
    "OperatorInfo",
    "TodayCounters",
    "add_operator",
    "find_operator",
    "list_operators",
    "operator_display",
    "set_active",
    "set_right",
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


# --------------------------------------------------------------------------- managing

_A, _D, _O, _N = Scope.ALL, Scope.DEPARTMENT, Scope.OWN, Scope.NONE

# Starting rights for a new operator, (read, edit, delete) per entity; adjust one
# right afterwards with ``set_right``.  The same levels as the demo's
# supervisor / operator / trainee.
_L, _C, _DL = Entity.LEAD, Entity.CONTACT, Entity.DEAL
ROLES: dict[str, dict[Entity, tuple[Scope, Scope, Scope]]] = {
    "supervisor": {_L: (_A, _A, _A), _C: (_A, _A, _A), _DL: (_A, _A, _A)},
    "operator": {_L: (_A, _D, _D), _C: (_A, _D, _N), _DL: (_A, _D, _N)},
    "trainee": {_L: (_D, _O, _N), _C: (_D, _O, _N), _DL: (_D, _N, _N)},
    "reader": {_L: (_A, _N, _N), _C: (_A, _N, _N), _DL: (_A, _N, _N)},
}
_ACTIONS = (Action.READ, Action.EDIT, Action.DELETE)


def _operator(session: Session, login: str) -> Operator:
    op = session.scalar(_query().where(Operator.login == login))
    if op is None:
        raise KnownError(
            f"There is no operator with the login '{login}' in this workspace; "
            "'deskdup operator list' shows who is there."
        )
    return op


def _department(session: Session, name: str) -> Department | None:
    name = name.strip()
    if not name:
        return None
    found = session.scalar(select(Department).where(Department.name == name))
    if found is None:
        found = Department(name=name)
        session.add(found)
    return found


def add_operator(
    session: Session, login: str, full_name: str, department: str = "", role: str = "operator"
) -> OperatorInfo:
    """A new operator with the rights of ``role``; the department is created if new."""
    login = login.strip()
    if not login or any(c.isspace() for c in login):
        raise KnownError(f"'{login}' cannot be a login: use one word without spaces.")
    if role not in ROLES:
        raise KnownError(f"Unknown role '{role}'; one of: {', '.join(ROLES)}.")
    if session.scalar(select(Operator.id).where(Operator.login == login)) is not None:
        raise KnownError(f"The login '{login}' is taken in this workspace; choose another.")
    op = Operator(
        login=login,
        full_name=full_name.strip() or login,
        department=_department(session, department),
        can_undo=role == "supervisor",
    )
    for entity, scopes in ROLES[role].items():
        for action, scope in zip(_ACTIONS, scopes, strict=True):
            op.rights.append(OperatorRight(entity=entity, action=action, scope=scope))
    session.add(op)
    session.flush()
    return OperatorInfo.from_operator(op)


def set_right(session: Session, login: str, entity: str, action: str, scope: str) -> OperatorInfo:
    """Give ``login`` the scope ``scope`` for ``action`` on ``entity`` (by their names)."""
    op = _operator(session, login)
    try:
        ent, act, sco = Entity(entity), Action(action), Scope(scope)
    except ValueError:
        raise KnownError(
            f"Unknown right '{entity} {action} {scope}': entity is one of "
            f"{', '.join(e.value for e in Entity)}; action one of "
            f"{', '.join(a.value for a in Action)}; scope one of "
            f"{', '.join(s.value for s in Scope)}."
        ) from None
    for right in op.rights:
        if right.entity == ent and right.action == act:
            right.scope = sco
            break
    else:
        op.rights.append(OperatorRight(entity=ent, action=act, scope=sco))
    session.flush()
    return OperatorInfo.from_operator(op)


def set_active(session: Session, login: str, active: bool) -> None:
    """Switch an operator off (left the team; keeps owning their leads) or back on."""
    _operator(session, login).is_active = active
    session.flush()


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
