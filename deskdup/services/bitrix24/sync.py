"""Pulling a portal into the workspace: users, contacts, leads, open-line chats.

The workspace's lead and contact tables are the local cache of the portal,
keyed by the portal's ID (``external_id``); deskdup's own history,
dismissals and claims stay beside them.  The first pull takes everything;
later ones only what changed since the last complete pull (``>=DATE_MODIFY``
with the portal's own clock, so a skewed local clock loses nothing) plus the
list of lead IDs (one request per 2,500 leads), so that leads deleted in the
portal leave the queue.

Requests: one batch for the users and departments, one request per 2,500
leads or contacts (50 chained ``start=-1`` pages), and one per 50 leads that
have open-line chats (``imopenlines.crm.chat.get``; skipped, with a note, when
the webhook lacks the ``imopenlines`` scope: the chats written in the IMOL
multi-field entries are still read).

Progress goes to a callback with an estimate; the client's ``cancelled`` flag
stops the pull between requests (``Cancelled``).  A pull cut short keeps what
it wrote (each chunk is its own transaction) and does not move the "last
pull" mark, so the next one starts over from the same point.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
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
from deskdup.services.bitrix24.client import PAGE, Bitrix24Client, PortalError
from deskdup.services.bitrix24.link import (
    PortalLink,
    check_same_portal,
    read_link,
    set_pulled_at,
    write_link,
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
from deskdup.services.bitrix24.webhook import CONTEXT
from deskdup.services.bulk_insert import datetime_converter, insert_rows
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.operators import ROLES
from deskdup.services.workspace import Workspace

log = logging.getLogger(__name__)

STAGE_USERS = QT_TRANSLATE_NOOP("Bitrix24", "users")
STAGE_CONTACTS = QT_TRANSLATE_NOOP("Bitrix24", "contacts")
STAGE_LEADS = QT_TRANSLATE_NOOP("Bitrix24", "leads")
STAGE_REMOVED = QT_TRANSLATE_NOOP("Bitrix24", "leads deleted in the portal")
MSG_NO_CHATS = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The webhook has no 'imopenlines' permission: open-line chats were read only from the "
    "leads' messenger fields.",
)
MSG_PULLED = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "{kind} pull from {portal}: {users} users, {contacts} contacts and {leads} leads read, "
    "{removed} leads deleted in the portal left the queue; {requests} requests in {seconds} s.",
)
KIND_FULL = QT_TRANSLATE_NOOP("Bitrix24", "Full")
KIND_CHANGES = QT_TRANSLATE_NOOP("Bitrix24", "Incremental")

SELECT = ["*", *MULTI_FIELDS]
ACTIONS = (Action.READ, Action.EDIT, Action.DELETE)
CHAT_BATCH = 50


@dataclass(frozen=True)
class PullProgress:
    stage: Message
    done: int
    total: int | None
    eta_seconds: float | None


@dataclass
class PullReport:
    portal: str
    full: bool
    users: int = 0
    contacts: int = 0
    leads: int = 0
    removed: int = 0
    chats: int = 0
    requests: int = 0
    seconds: float = 0.0
    notes: list[Message] = field(default_factory=list)
    operator_login: str = ""

    @property
    def summary(self) -> Message:
        return Message(
            CONTEXT,
            MSG_PULLED,
            {
                "kind": Message(CONTEXT, KIND_FULL if self.full else KIND_CHANGES),
                "portal": self.portal,
                "users": self.users,
                "contacts": self.contacts,
                "leads": self.leads,
                "removed": self.removed,
                "requests": self.requests,
                "seconds": f"{self.seconds:.1f}",
            },
        )


Progress = Callable[[PullProgress], None]


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


def _write_users(
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
                    Chat(channel=channel, external_chat_id=chat_id[:100], message_count=0)
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
            chat_rows.append(
                {
                    "lead_id": lead_id,
                    "contact_id": None,
                    "channel": channel.value,
                    "external_chat_id": chat_id[:100],
                    "first_message": "",
                    "message_count": 0,
                    "last_message_at": None,
                    "version": 1,
                }
            )
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


# --------------------------------------------------------------------------- the pull


class _Estimate:
    """Seconds left, from the pace so far (or the rate limit before the first answer)."""

    def __init__(self, rate: float):
        self.rate = rate
        self.started = time.monotonic()

    def eta(self, done: int, total: int | None, per_request: int) -> float | None:
        if not total:
            return None
        left = max(total - done, 0)
        elapsed = time.monotonic() - self.started
        if done:
            return elapsed / done * left
        return left / per_request / self.rate


def _users(
    client: Bitrix24Client,
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, str], str]:
    first = client.batch(
        {
            "me": ("user.current", {}),
            "departments": ("department.get", {}),
            "u0": ("user.get", {"start": 0}),
        }
    )
    for key in ("me", "u0"):
        if key in first.errors:
            raise client.batch_error(
                "user.current" if key == "me" else "user.get", first.errors[key]
            )
    me = first.results["me"]
    users = list(first.results.get("u0") or [])
    total = first.totals.get("u0", len(users))
    starts = list(range(PAGE, total, PAGE))
    for chunk in range(0, len(starts), 50):
        more = client.batch(
            {f"u{s}": ("user.get", {"start": s}) for s in starts[chunk : chunk + 50]}
        )
        for s in starts[chunk : chunk + 50]:
            users.extend(more.results.get(f"u{s}") or [])
    departments = {
        str(d.get("ID")): str(d.get("NAME") or "") for d in first.results.get("departments") or []
    }
    return me, users, departments, str(first.time.get("date_start") or "")


def fetch_chats(
    client: Bitrix24Client, lead_ids: Sequence[str], state: dict[str, bool]
) -> dict[str, list[dict[str, Any]]]:
    """Open-line chats of the leads, 50 a request; ``state["available"]`` goes False on no scope."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not state.get("available", True):
        return out
    for start in range(0, len(lead_ids), CHAT_BATCH):
        chunk = lead_ids[start : start + CHAT_BATCH]
        result = client.batch(
            {
                f"c{i}": (
                    "imopenlines.crm.chat.get",
                    {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": i, "ACTIVE_ONLY": "N"},
                )
                for i in chunk
            }
        )
        for lead_id in chunk:
            error = result.errors.get(f"c{lead_id}")
            if error:
                code = str(error.get("error") or "")
                if code in ("insufficient_scope", "ERROR_METHOD_NOT_FOUND", "ACCESS_DENIED"):
                    state["available"] = False
                    return out
                raise client.batch_error("imopenlines.crm.chat.get", error)
            out[lead_id] = list(result.results.get(f"c{lead_id}") or [])
    return out


def portal_lead_ids(client: Bitrix24Client) -> set[str]:
    ids: set[str] = set()
    for rows, _total in client.list_pages("crm.lead.list", select=["ID"]):
        ids.update(str(r["ID"]) for r in rows)
    return ids


def pull(
    ws: Workspace,
    client: Bitrix24Client,
    *,
    progress: Progress | None = None,
    full: bool = False,
    region: str = "RU",
    openline_chats: bool = True,
) -> PullReport:
    """Pull the portal into ``ws`` (linking it on first use); see the module doc.

    ``openline_chats=False`` reads the chats from the IMOL entries only (no
    ``imopenlines.crm.chat.get``: a first pull of a portal full of open-line
    leads takes a request per 50 of them).
    """
    started = time.monotonic()
    requests_before = client.requests
    report_progress = progress or (lambda _p: None)
    with ws.session() as session:
        link = read_link(session)
    check_same_portal(link, client.webhook)
    since = None if full or link is None or not link.pulled_at else link.pulled_at
    report = PullReport(portal=client.webhook.portal, full=since is None)
    estimate = _Estimate(client.rate)

    report_progress(PullProgress(Message(CONTEXT, STAGE_USERS), 0, None, None))
    me, users, departments, portal_time = _users(client)
    with ws.session() as session:
        report.operator_login = _write_users(
            session, users, departments, str(me.get("ID")), first_link=link is None
        )
        if link is None:
            link = PortalLink(client.webhook.portal, client.webhook.user_id, portal_time, "")
            write_link(session, link)
    report.users = len(users)

    date_filter = {">=DATE_MODIFY": since} if since else {}
    for rows, _total in client.list_pages("crm.contact.list", select=SELECT, filter=date_filter):
        with ws.session() as session:
            report.contacts += write_contacts(session, rows, region)
        report_progress(PullProgress(Message(CONTEXT, STAGE_CONTACTS), report.contacts, None, None))

    chat_state = {"available": openline_chats}
    seen: set[str] = set()
    total: int | None = None
    for rows, count in client.list_pages(
        "crm.lead.list", select=SELECT, filter=date_filter, count=True
    ):
        if count is not None:
            total = count
        with_chats = [str(r["ID"]) for r in rows if r.get("HAS_IMOL") == "Y"]
        chats = fetch_chats(client, with_chats, chat_state)
        with ws.session() as session:
            report.leads += write_leads(session, rows, chats, region)
        report.chats += sum(len(v) for v in chats.values())
        seen.update(str(r["ID"]) for r in rows)
        eta = estimate.eta(report.leads, total, PAGE * 50)
        report_progress(PullProgress(Message(CONTEXT, STAGE_LEADS), report.leads, total, eta))
    if openline_chats and not chat_state["available"]:
        report.notes.append(Message(CONTEXT, MSG_NO_CHATS))

    report_progress(PullProgress(Message(CONTEXT, STAGE_REMOVED), report.leads, total, None))
    present = seen if since is None else portal_lead_ids(client)
    with ws.session() as session:
        gone = session.scalars(
            select(Lead).where(Lead.external_id.is_not(None), Lead.archived.is_(False))
        )
        for lead in gone:
            if lead.external_id not in present:
                lead.archived = True
                report.removed += 1
        set_pulled_at(session, portal_time)
    report.requests = client.requests - requests_before
    report.seconds = time.monotonic() - started
    return report


__all__ = ["PortalError", "PullProgress", "PullReport", "portal_datetime", "pull"]
