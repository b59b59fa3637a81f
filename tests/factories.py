"""Small builders for tests: departments, operators with rights, leads with data;
export files to import, and what an import wrote.

Anyone's tests may import them::

    from tests.factories import make_operator, make_lead
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from deskdup.models import (
    Action,
    Activity,
    Channel,
    Chat,
    CommKind,
    Communication,
    Contact,
    Deal,
    Department,
    Entity,
    Lead,
    Operator,
    OperatorRight,
    Scope,
)
from deskdup.services.normalize import normalize_comm

BASE_TIME = datetime(2026, 3, 2, 9, 0)
_counter = itertools.count(1)


def department(session: Session, name: str) -> Department:
    """The department called ``name``, created when missing."""
    found = session.scalars(select(Department).where(Department.name == name)).first()
    if found is None:
        found = Department(name=name)
        session.add(found)
        session.flush()
    return found


def make_operator(
    session: Session,
    login: str,
    full_name: str | None = None,
    department_name: str | None = "Sales 1",
    scopes: Mapping[tuple[Entity, Action], Scope] | Scope | None = Scope.ALL,
    can_undo: bool = False,
) -> Operator:
    """An operator; ``scopes`` is one scope for every right, or a mapping (missing = none)."""
    dept = department(session, department_name) if department_name else None
    operator = Operator(
        login=login,
        full_name=full_name or login.capitalize(),
        department=dept,
        can_undo=can_undo,
    )
    if isinstance(scopes, Scope):
        scopes = {(e, a): scopes for e in Entity for a in Action}
    for (entity, action), scope in (scopes or {}).items():
        operator.rights.append(OperatorRight(entity=entity, action=action, scope=scope))
    session.add(operator)
    session.flush()
    return operator


def make_comm(kind: CommKind, channel: Channel, raw: str) -> Communication:
    norm = normalize_comm(kind, channel, raw)
    return Communication(
        kind=kind, channel=channel, raw_value=raw, normalized=norm.value, is_valid=norm.valid
    )


def make_lead(
    session: Session,
    *,
    owner: Operator | None = None,
    channel: Channel = Channel.SITE,
    first_name: str = "",
    last_name: str = "",
    middle_name: str = "",
    title: str | None = None,
    status: str = "new",
    comments: str = "",
    external_id: str | None = None,
    created_at: datetime | None = None,
    comms: Iterable[tuple[CommKind, Channel, str]] = (),
    chats: Iterable[tuple[Channel, str]] | int = 0,
    activities: Iterable[str] | int = 0,
    deals: Iterable[str] | int = 0,
    contact: Contact | None = None,
) -> Lead:
    """A lead with its communications, chats (channel, first message), activities, deals."""
    n = next(_counter)
    created = created_at or BASE_TIME + timedelta(minutes=n)
    lead = Lead(
        external_id=external_id,
        title=title if title is not None else f"Inquiry {n}",
        first_name=first_name,
        last_name=last_name,
        middle_name=middle_name,
        status=status,
        source_channel=channel,
        assigned=owner,
        created_at=created,
        updated_at=created,
        comments=comments,
        contact=contact,
    )
    for kind, comm_channel, raw in comms:
        lead.communications.append(make_comm(kind, comm_channel, raw))
    if isinstance(chats, int):
        chats = [(channel, f"Hello from chat {n}.{i}") for i in range(chats)]
    for i, (chat_channel, text) in enumerate(chats):
        lead.chats.append(
            Chat(
                channel=chat_channel,
                external_chat_id=f"chat-{n}-{i}",
                first_message=text,
                message_count=i + 1,
                last_message_at=created + timedelta(minutes=i + 1),
            )
        )
    if isinstance(activities, int):
        activities = [f"Call {n}.{i}" for i in range(activities)]
    for subject in activities:
        lead.activities.append(Activity(kind="call", subject=subject, created_at=created))
    if isinstance(deals, int):
        deals = [f"Deal {n}.{i}" for i in range(deals)]
    for deal_title in deals:
        lead.deals.append(Deal(title=deal_title, created_at=created))
    session.add(lead)
    session.flush()
    return lead


def make_contact(session: Session, first_name: str, last_name: str) -> Contact:
    contact = Contact(
        first_name=first_name, last_name=last_name, created_at=BASE_TIME, updated_at=BASE_TIME
    )
    session.add(contact)
    session.flush()
    return contact


def customer_and_stranger(workspace) -> tuple[list[int], int]:
    """Two leads of one customer (phone, e-mail and name shared) and a stranger's."""
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        same = [
            make_lead(
                s,
                owner=anna,
                channel=channel,
                first_name="Иван",
                last_name="Петров",
                comms=[
                    (CommKind.PHONE, channel, "+7 916 123-45-67"),
                    (CommKind.EMAIL, channel, "ivan.petrov@mail.ru"),
                ],
            )
            for channel in (Channel.SITE, Channel.CALL)
        ]
        stranger = make_lead(
            s,
            owner=anna,
            channel=Channel.WHATSAPP,
            first_name="Ольга",
            comms=[(CommKind.PHONE, Channel.WHATSAPP, "+7 903 765-43-21")],
        )
        s.flush()
        return [lead.id for lead in same], stranger.id


def count_rows(workspace, table) -> int:
    """How many rows ``table`` (a model) holds in the workspace."""
    with workspace.session() as s:
        return s.scalar(select(func.count()).select_from(table))


def leads_by_external_id(workspace) -> dict[str, Lead]:
    """The workspace's leads by their CRM ID, detached, with communications and chats."""
    with workspace.session() as s:
        leads = {lead.external_id: lead for lead in s.scalars(select(Lead))}
        for lead in leads.values():
            _ = lead.communications, lead.chats  # loaded while the session is open
        s.expunge_all()
    return leads


def write_text(path: Path, text: str, *, bom: bool = False, encoding: str = "utf-8") -> Path:
    """An export file holding ``text`` in ``encoding``, after a UTF-8 BOM if ``bom``."""
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
    return path


def independent_generator():
    """``benchmarks/indep_gen.Generator``: leads of another generator than the
    demo's (imported from the benchmarks folder, then forgotten again)."""
    import sys

    folder = str(Path(__file__).resolve().parent.parent / "benchmarks")
    sys.path.insert(0, folder)
    try:
        from indep_gen import Generator
    finally:
        sys.path.remove(folder)
        sys.modules.pop("indep_gen", None)
        sys.modules.pop("indep_names", None)
    return Generator
