"""The portal's records written into the workspace: its users as operators
(with their department and rights), its contacts, and its leads with their
phones, e-mails, messengers and open-line chats, each by the portal's ID
(``external_id``).

The pull (``sync.pull``) reads the portal and hands each chunk here; a merge
in the portal (``merge.py``) writes the leads it changed the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from deskdup.models import (
    Action,
    Chat,
    Communication,
    Contact,
    Department,
    Lead,
    Operator,
    OperatorRight,
)
from deskdup.services.bitrix24.vocabulary import (
    KIND_OF,
    MULTI_FIELDS,
    comm_channel,
    connector_channel,
    normalize_entry,
    parse_imol,
    source_channel,
)
from deskdup.services.bulk_insert import (
    CHAT_ID_LENGTH,
    datetime_converter,
    insert_rows,
    open_line_chat_row,
)
from deskdup.services.operators import ROLES

ACTIONS = (Action.READ, Action.EDIT, Action.DELETE)


def portal_datetime(text: Any) -> datetime | None:
    """The portal's ISO time (with its offset) as naive UTC, as the workspace stores time."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _text(value: Any, limit: int) -> str:
    return ("" if value is None else str(value)).strip()[:limit]


# --------------------------------------------------------------------------- users


def operator_login(user_id: int | str) -> str:
    return f"b24-{user_id}"


def user_name(user: dict[str, Any]) -> str:
    parts = [_text(user.get(k), 100) for k in ("LAST_NAME", "NAME", "SECOND_NAME")]
    name = " ".join(p for p in parts if p)
    return name or _text(user.get("EMAIL"), 200) or f"#{user.get('ID')}"


def write_users(
    session: Session,
    users: Sequence[dict[str, Any]],
    departments: dict[str, str],
    me: str,
    first_link: bool,
) -> str:
    """Portal users as operators (by external id); returns the webhook user's login."""
    existing = {
        op.external_id: op
        for op in session.scalars(select(Operator).where(Operator.external_id.is_not(None)))
    }
    deps = {d.name: d for d in session.scalars(select(Department))}
    login = ""
    for user in users:
        ext = str(user.get("ID"))
        dep_ids = user.get("UF_DEPARTMENT") or []
        dep_name = departments.get(str(dep_ids[0])) if dep_ids else None
        dep = None
        if dep_name:
            dep = deps.get(dep_name)
            if dep is None:
                dep = deps[dep_name] = Department(name=dep_name[:200])
                session.add(dep)
        op = existing.get(ext)
        active = user.get("ACTIVE") not in (False, "N", "false", 0)
        if op is None:
            # The one who links the workspace with their webhook reviews and
            # undoes; the portal still enforces its own rights on every write.
            role = "supervisor" if (first_link and ext == me) else "operator"
            op = Operator(
                external_id=ext,
                login=operator_login(ext),
                full_name=user_name(user),
                department=dep,
                is_active=active,
                can_undo=role == "supervisor",
            )
            op.rights = [
                OperatorRight(entity=entity, action=action, scope=scope)
                for entity, scopes in ROLES[role].items()
                for action, scope in zip(ACTIONS, scopes, strict=True)
            ]
            session.add(op)
        else:
            op.full_name = user_name(user)
            op.is_active = active
            if dep is not None:
                op.department = dep
        if ext == me:
            login = op.login
    return login


# --------------------------------------------------------------------------- records


def _comms(record: dict[str, Any], region: str) -> list[tuple[Any, Any, str, str, bool]]:
    out = []
    for type_id in MULTI_FIELDS:
        for entry in record.get(type_id) or []:
            value = _text(entry.get("VALUE"), 300)
            if not value:
                continue
            value_type = str(entry.get("VALUE_TYPE") or "")
            norm = normalize_entry(type_id, value_type, value, region)
            channel = comm_channel(type_id, value_type, value)
            out.append((KIND_OF[type_id], channel, value, norm.value[:300], norm.valid))
    return out


def _chats_of(record: dict[str, Any], fetched: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """chat id -> channel, from the IMOL entries and from imopenlines.crm.chat.get."""
    chats: dict[str, Any] = {}
    for entry in record.get("IM") or []:
        if str(entry.get("VALUE_TYPE") or "").upper() == "IMOL":
            chat = parse_imol(str(entry.get("VALUE") or ""))
            if chat and chat.chat_id:
                chats[chat.chat_id] = connector_channel(chat.connector)
    for item in fetched:
        chat_id = str(item.get("CHAT_ID") or "")
        if chat_id:
            chats.setdefault(chat_id, connector_channel(str(item.get("CONNECTOR_ID") or "")))
    return chats


def _same_comms(current: Sequence[Communication], new: Sequence[tuple]) -> bool:
    have = [(c.kind, c.channel, c.raw_value, c.normalized, c.is_valid) for c in current]
    return have == list(new)


def _lead_values(
    record: dict[str, Any], operators: dict[str, int], contacts: dict[str, int], now: datetime
) -> dict[str, Any]:
    return {
        "title": _text(record.get("TITLE"), 300),
        "first_name": _text(record.get("NAME"), 100),
        "last_name": _text(record.get("LAST_NAME"), 100),
        "middle_name": _text(record.get("SECOND_NAME"), 100),
        "status": _text(record.get("STATUS_ID"), 40).lower() or "new",
        "source_channel": source_channel(record.get("SOURCE_ID")),
        "assigned_id": operators.get(str(record.get("ASSIGNED_BY_ID"))),
        "created_at": portal_datetime(record.get("DATE_CREATE")) or now,
        "updated_at": portal_datetime(record.get("DATE_MODIFY")) or now,
        "comments": "" if record.get("COMMENTS") is None else str(record["COMMENTS"]),
        "contact_id": contacts.get(str(record.get("CONTACT_ID"))),
    }


def _operator_map(session: Session) -> dict[str, int]:
    query = select(Operator.external_id, Operator.id).where(Operator.external_id.is_not(None))
    return dict(session.execute(query).all())


def write_leads(
    session: Session,
    records: Sequence[dict[str, Any]],
    chats: dict[str, list[dict[str, Any]]],
    region: str,
) -> int:
    """Insert or update the leads of ``records`` by portal ID; the number written.

    New leads go in with plain ``executemany`` (the ORM's unit of work costs
    several times SQLite's own work on a first pull of thousands); changed
    ones through the ORM, so their version moves on and a plan built on the
    old state is refused.
    """
    if not records:
        return 0
    ids = [str(r["ID"]) for r in records]
    existing = {
        lead.external_id: lead
        for lead in session.scalars(
            select(Lead)
            .where(Lead.external_id.in_(ids))
            .options(selectinload(Lead.communications), selectinload(Lead.chats))
        )
    }
    operators = _operator_map(session)
    contact_ids = {str(r.get("CONTACT_ID")) for r in records if r.get("CONTACT_ID")}
    contacts: dict[str, int] = {}
    if contact_ids:
        query = select(Contact.external_id, Contact.id).where(Contact.external_id.in_(contact_ids))
        contacts = dict(session.execute(query).all())
    now = datetime.now(UTC).replace(tzinfo=None)
    fresh = [r for r in records if str(r["ID"]) not in existing]
    for record in records:
        ext = str(record["ID"])
        lead = existing.get(ext)
        if lead is None:
            continue
        for key, value in _lead_values(record, operators, contacts, now).items():
            if getattr(lead, key) != value:
                setattr(lead, key, value)
        if lead.archived and lead.merged_into_id is None:
            lead.archived = False  # back in the portal (restored from its recycle bin)
        comms = _comms(record, region)
        if not _same_comms(lead.communications, comms):
            lead.communications = [
                Communication(kind=k, channel=ch, raw_value=raw, normalized=n, is_valid=v)
                for k, ch, raw, n, v in comms
            ]
        wanted = _chats_of(record, chats.get(ext, []))
        have = {c.external_chat_id: c for c in lead.chats}
        for chat_id, channel in wanted.items():
            if chat_id not in have:
                lead.chats.append(
                    Chat(
                        channel=channel, external_chat_id=chat_id[:CHAT_ID_LENGTH], message_count=0
                    )
                )
        for chat_id, chat in have.items():
            if chat_id not in wanted:
                session.delete(chat)
    session.flush()
    if fresh:
        _insert_leads(session, fresh, chats, operators, contacts, now, region)
    return len(records)


def _insert_leads(
    session: Session,
    records: Sequence[dict[str, Any]],
    chats: dict[str, list[dict[str, Any]]],
    operators: dict[str, int],
    contacts: dict[str, int],
    now: datetime,
    region: str,
) -> None:
    dt = datetime_converter(session)
    rows = []
    for record in records:
        values = _lead_values(record, operators, contacts, now)
        values["source_channel"] = values["source_channel"].value
        values["created_at"] = dt(values["created_at"])
        values["updated_at"] = dt(values["updated_at"])
        rows.append(
            {
                "external_id": str(record["ID"]),
                **values,
                "archived": False,
                "merged_into_id": None,
                "version": 1,
            }
        )
    insert_rows(session, Lead.__table__, rows)
    query = select(Lead.external_id, Lead.id).where(
        Lead.external_id.in_([str(r["ID"]) for r in records])
    )
    new_ids = dict(session.execute(query).all())
    comm_rows: list[dict[str, Any]] = []
    chat_rows: list[dict[str, Any]] = []
    for record in records:
        ext = str(record["ID"])
        lead_id = new_ids[ext]
        for kind, channel, raw, norm, valid in _comms(record, region):
            comm_rows.append(
                {
                    "lead_id": lead_id,
                    "contact_id": None,
                    "kind": kind.value,
                    "channel": channel.value,
                    "raw_value": raw,
                    "normalized": norm,
                    "is_valid": valid,
                }
            )
        for chat_id, channel in _chats_of(record, chats.get(ext, [])).items():
            chat_rows.append(open_line_chat_row("lead_id", lead_id, channel, chat_id))
    insert_rows(session, Communication.__table__, comm_rows)
    insert_rows(session, Chat.__table__, chat_rows)


def write_contacts(session: Session, records: Sequence[dict[str, Any]], region: str) -> int:
    if not records:
        return 0
    ids = [str(r["ID"]) for r in records]
    existing = {
        c.external_id: c
        for c in session.scalars(
            select(Contact)
            .where(Contact.external_id.in_(ids))
            .options(selectinload(Contact.communications))
        )
    }
    operators = _operator_map(session)
    now = datetime.now(UTC).replace(tzinfo=None)
    for record in records:
        ext = str(record["ID"])
        values = {
            "first_name": _text(record.get("NAME"), 100),
            "last_name": _text(record.get("LAST_NAME"), 100),
            "middle_name": _text(record.get("SECOND_NAME"), 100),
            "assigned_id": operators.get(str(record.get("ASSIGNED_BY_ID"))),
            "created_at": portal_datetime(record.get("DATE_CREATE")) or now,
            "updated_at": portal_datetime(record.get("DATE_MODIFY")) or now,
            "comments": "" if record.get("COMMENTS") is None else str(record["COMMENTS"]),
        }
        contact = existing.get(ext)
        if contact is None:
            contact = Contact(external_id=ext, **values)
            session.add(contact)
        else:
            for key, value in values.items():
                if getattr(contact, key) != value:
                    setattr(contact, key, value)
        comms = _comms(record, region)
        if contact.id is None or not _same_comms(contact.communications, comms):
            for old in list(contact.communications):
                session.delete(old)
            for k, ch, raw, n, v in comms:
                contact.communications.append(
                    Communication(kind=k, channel=ch, raw_value=raw, normalized=n, is_valid=v)
                )
    session.flush()
    return len(records)


__all__ = [
    "operator_login",
    "portal_datetime",
    "user_name",
    "write_contacts",
    "write_leads",
    "write_users",
]
