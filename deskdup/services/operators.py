"""Who is signed in: the operators of a workspace as plain records.

The window signs in as one operator of the workspace (``--as LOGIN``, the one
remembered for the connection, or the one chosen from this list).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from deskdup.models import Operator
from deskdup.services.errors import KnownError
from deskdup.services.workspace import Workspace


@dataclass(frozen=True)
class OperatorInfo:
    """The signed-in operator as the window and the services need it."""

    id: int
    login: str
    full_name: str
    department: str = ""
    department_id: int | None = None
    can_undo: bool = False

    @property
    def display(self) -> str:
        """ "Петрова Анна (anna, Sales 1)"."""
        extra = ", ".join(p for p in (self.login, self.department) if p)
        return f"{self.full_name} ({extra})" if extra else self.full_name


def _info(op: Operator) -> OperatorInfo:
    return OperatorInfo(
        id=op.id,
        login=op.login,
        full_name=op.full_name,
        department=op.department.name if op.department else "",
        department_id=op.department_id,
        can_undo=bool(op.can_undo),
    )


def list_operators(session: Session) -> list[OperatorInfo]:
    """Active operators, by name."""
    rows = session.scalars(
        select(Operator)
        .options(joinedload(Operator.department))
        .where(Operator.is_active.is_(True))
        .order_by(Operator.full_name, Operator.login)
    )
    return [_info(op) for op in rows]


def find_operator(session: Session, login: str) -> OperatorInfo:
    """The active operator with this login; a ``KnownError`` naming it otherwise."""
    op = session.scalar(
        select(Operator)
        .options(joinedload(Operator.department))
        .where(Operator.login == login, Operator.is_active.is_(True))
    )
    if op is None:
        raise KnownError(f"There is no active operator with the login '{login}' in this workspace.")
    return _info(op)


def workspace_operators(ws: Workspace) -> list[OperatorInfo]:
    with ws.session() as session:
        return list_operators(session)


def workspace_operator(ws: Workspace, login: str) -> OperatorInfo:
    with ws.session() as session:
        return find_operator(session, login)
