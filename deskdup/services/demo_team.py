"""The demo's team: two departments, their operators and rights, and where each
channel's leads are routed (the demo generator's ``write_operators``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import insert
from sqlalchemy.orm import Session

from deskdup.models import Action, Channel, Department, Entity, Operator, OperatorRight, Scope

DEPARTMENTS = ("Продажи 1", "Продажи 2")

_ALL = Scope.ALL
_DEP = Scope.DEPARTMENT
_OWN = Scope.OWN
_NO = Scope.NONE


@dataclass(frozen=True)
class OperatorSpec:
    login: str
    full_name: str
    department: int  # index into DEPARTMENTS
    # (read, edit, delete) for leads, contacts, deals.
    lead: tuple[Scope, Scope, Scope]
    contact: tuple[Scope, Scope, Scope]
    deal: tuple[Scope, Scope, Scope]
    can_undo: bool = False
    is_active: bool = True


OPERATORS: tuple[OperatorSpec, ...] = (
    OperatorSpec(
        "supervisor",
        "Смирнова Ольга",
        0,
        (_ALL, _ALL, _ALL),
        (_ALL, _ALL, _ALL),
        (_ALL, _ALL, _ALL),
        can_undo=True,
    ),
    OperatorSpec(
        "operator",
        "Петрова Анна",
        0,
        (_ALL, _DEP, _DEP),
        (_ALL, _DEP, _NO),
        (_ALL, _DEP, _NO),
    ),
    OperatorSpec(
        "trainee",
        "Кузнецов Дмитрий",
        1,
        (_DEP, _OWN, _NO),
        (_DEP, _OWN, _NO),
        (_DEP, _NO, _NO),
    ),
    OperatorSpec(
        "ivanova",
        "Иванова Мария",
        1,
        (_ALL, _ALL, _OWN),
        (_ALL, _OWN, _NO),
        (_ALL, _OWN, _NO),
    ),
    OperatorSpec(
        "sokolov",
        "Соколов Павел",
        1,
        (_DEP, _DEP, _DEP),
        (_DEP, _DEP, _DEP),
        (_DEP, _DEP, _NO),
    ),
    OperatorSpec(
        "morozova",
        "Морозова Елена",
        0,
        (_ALL, _OWN, _OWN),
        (_ALL, _OWN, _NO),
        (_DEP, _OWN, _NO),
    ),
    # Left the company; still owns old leads (a realistic obstacle for rights).
    OperatorSpec(
        "volkov",
        "Волков Артём",
        1,
        (_ALL, _OWN, _NO),
        (_ALL, _OWN, _NO),
        (_OWN, _NO, _NO),
        is_active=False,
    ),
)

# Which department an open line is routed to (the other one gets the rest).
CHANNEL_DEPARTMENT = {
    Channel.TELEGRAM: 0,
    Channel.WHATSAPP: 0,
    Channel.INSTAGRAM: 0,
    Channel.VK: 0,
    Channel.AVITO: 1,
    Channel.SITE: 1,
    Channel.EMAIL: 1,
}

# Channel -> weight a person picks it with.
CHANNEL_WEIGHTS: tuple[tuple[Channel, int], ...] = (
    (Channel.TELEGRAM, 25),
    (Channel.WHATSAPP, 24),
    (Channel.SITE, 20),
    (Channel.AVITO, 12),
    (Channel.CALL, 11),
    (Channel.EMAIL, 8),
    (Channel.VK, 4),
    (Channel.INSTAGRAM, 4),
)

CHAT_CHANNELS = frozenset(
    {
        Channel.TELEGRAM,
        Channel.WHATSAPP,
        Channel.AVITO,
        Channel.VK,
        Channel.INSTAGRAM,
        Channel.EMAIL,
    }
)


@dataclass
class TeamIds:
    """The ids the generator hands leads to: who owns what."""

    operator_ids: dict[str, int] = field(default_factory=dict)
    by_department: list[list[int]] = field(default_factory=lambda: [[], []])
    inactive: list[int] = field(default_factory=list)
    supervisor_id: int = 0


def write_team(session: Session) -> TeamIds:
    """Departments, operators and their rights, with ids from 1."""
    team = TeamIds()
    for i, name in enumerate(DEPARTMENTS, start=1):
        session.execute(insert(Department.__table__), [{"id": i, "name": name}])
    right_id = 1
    for op_id, spec in enumerate(OPERATORS, start=1):
        session.execute(
            insert(Operator.__table__),
            [
                {
                    "id": op_id,
                    "external_id": f"U-{op_id}",
                    "login": spec.login,
                    "full_name": spec.full_name,
                    "department_id": spec.department + 1,
                    "is_active": spec.is_active,
                    "can_undo": spec.can_undo,
                }
            ],
        )
        rows = []
        for entity, scopes in (
            (Entity.LEAD, spec.lead),
            (Entity.CONTACT, spec.contact),
            (Entity.DEAL, spec.deal),
        ):
            for action, scope in zip(
                (Action.READ, Action.EDIT, Action.DELETE), scopes, strict=True
            ):
                rows.append(
                    {
                        "id": right_id,
                        "operator_id": op_id,
                        "entity": entity,
                        "action": action,
                        "scope": scope,
                    }
                )
                right_id += 1
        session.execute(insert(OperatorRight.__table__), rows)
        team.operator_ids[spec.login] = op_id
        if spec.login == "supervisor":
            team.supervisor_id = op_id
        elif spec.is_active:
            team.by_department[spec.department].append(op_id)
        else:
            team.inactive.append(op_id)
    return team
