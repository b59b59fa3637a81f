"""Who is signed in: the operators of a workspace as plain records.

The window signs in as one operator of the workspace (``--as LOGIN``, the one
remembered for the connection, or the one chosen from this list).  The record
is ``rights.OperatorInfo`` (with the operator's scopes), so the views can ask
the rights service about it without touching the database.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from deskdup.models import Operator
from deskdup.services.errors import KnownError
from deskdup.services.rights import OperatorInfo
from deskdup.services.workspace import Workspace

__all__ = ["OperatorInfo", "find_operator", "list_operators", "operator_display"]


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
