"""The history: events found by operator, department, kind, time and lead, a page at a time.

Every operator sees their own events; a supervisor (``can_undo``) sees
everyone's.  Filtering, sorting and paging happen in SQL (indexes on the
event's kind, operator and time, and ``event_leads`` for the leads an event
concerns), so a page of a history of 100,000 events costs a few
milliseconds and the window never loads more than it shows.

A lead or contact is found by its database id, its CRM id, a part of its name
(folded: case and ё/е do not matter; a lead the merge deleted is still found,
its name was copied into ``event_leads``) or a phone (any spelling: it is
normalised and looked up among the communications).

Times are naive UTC here; the window and the exports show them in the
operator's time zone.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from deskdup.models import (
    Channel,
    CommKind,
    Communication,
    Department,
    EventKind,
    EventLead,
    Lead,
    MergeEvent,
    Operator,
)
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message, message_from_json
from deskdup.services.names import fold
from deskdup.services.normalize import normalize_comm
from deskdup.services.rights import OperatorInfo
from deskdup.services.workspace import Workspace

CONTEXT = "History"

KIND_WORDS: dict[EventKind, str] = {
    EventKind.MERGE_LEADS: QT_TRANSLATE_NOOP("History", "merge"),
    EventKind.BIND_CONTACT: QT_TRANSLATE_NOOP("History", "bind to contact"),
    EventKind.MERGE_CONTACTS: QT_TRANSLATE_NOOP("History", "merge contacts"),
    EventKind.UNDO: QT_TRANSLATE_NOOP("History", "undo"),
    EventKind.DISMISS: QT_TRANSLATE_NOOP("History", "not duplicates"),
    EventKind.TEAM_SETTINGS: QT_TRANSLATE_NOOP("History", "team settings"),
}
# What the command line accepts for --kind, besides the stored values.
KIND_ALIASES = {
    "merge": EventKind.MERGE_LEADS,
    "bind": EventKind.BIND_CONTACT,
    "dismissal": EventKind.DISMISS,
    "settings": EventKind.TEAM_SETTINGS,
}


def parse_kind(text: str) -> EventKind | None:
    """The event kind ``text`` names (a stored value or an alias), or None."""
    key = text.strip().lower().replace("-", "_")
    if key in KIND_ALIASES:
        return KIND_ALIASES[key]
    try:
        return EventKind(key)
    except ValueError:
        return None


class Sort(enum.StrEnum):
    TIME = "time"
    OPERATOR = "operator"
    KIND = "kind"
    PRIMARY = "primary"


@dataclass(frozen=True)
class HistoryFilter:
    operator_ids: tuple[int, ...] = ()
    department_id: int | None = None
    kinds: tuple[EventKind, ...] = ()
    since: datetime | None = None  # naive UTC, inclusive
    until: datetime | None = None  # naive UTC, exclusive
    record: str = ""  # a lead or contact: id, CRM id, part of a name, or a phone
    lead_ids: tuple[int, ...] = ()  # exact database ids of leads
    sort: Sort = Sort.TIME
    descending: bool = True


@dataclass(frozen=True)
class HistoryRow:
    id: int
    kind: EventKind
    at: datetime  # naive UTC
    operator_id: int
    operator_login: str
    operator_name: str
    department: str
    primary_id: int | None
    primary_label: str
    primary_name: str
    other_ids: tuple[int, ...]
    other_labels: tuple[str, ...]
    channels: tuple[str, ...]  # Channel values, as the leads came in and their messengers
    reasons: tuple[Message | str, ...]  # why they were grouped; a dismissal's reason
    summary: str
    undone_by_id: int | None
    undo_of_id: int | None
    contact_labels: tuple[str, ...] = ()

    @property
    def undone(self) -> bool:
        return self.undone_by_id is not None


# --------------------------------------------------------------------------- the query


def _lead_ids_for(session: Session, text: str, region: str) -> Select:
    """``event_leads.event_id`` of the events that concern the lead or contact ``text``."""
    text = text.strip().lstrip("#")
    conditions = [EventLead.label == text]
    if text.isdigit():
        conditions.append(EventLead.record_id == int(text))
    phone = normalize_comm(CommKind.PHONE, Channel.OTHER, text, region=region)
    if phone.valid and sum(ch.isdigit() for ch in text) >= 7:
        owners = select(Communication.lead_id).where(Communication.normalized == phone.value)
        contacts = select(Communication.contact_id).where(Communication.normalized == phone.value)
        conditions.append(and_(EventLead.role != "contact", EventLead.record_id.in_(owners)))
        conditions.append(and_(EventLead.role == "contact", EventLead.record_id.in_(contacts)))
    words = fold(text).split()
    if words and not text.isdigit():
        conditions.append(and_(*(EventLead.search.like(f"%{w}%") for w in words)))
    return select(EventLead.event_id).where(or_(*conditions))


def _query(
    session: Session, viewer: OperatorInfo | None, flt: HistoryFilter, region: str = "RU"
) -> Select:
    query = select(MergeEvent.id).join(Operator, Operator.id == MergeEvent.operator_id)
    if viewer is not None and not viewer.can_undo:
        query = query.where(MergeEvent.operator_id == viewer.id)
    if flt.operator_ids:
        query = query.where(MergeEvent.operator_id.in_(flt.operator_ids))
    if flt.department_id is not None:
        query = query.where(Operator.department_id == flt.department_id)
    if flt.kinds:
        query = query.where(MergeEvent.kind.in_(flt.kinds))
    if flt.since is not None:
        query = query.where(MergeEvent.created_at >= flt.since)
    if flt.until is not None:
        query = query.where(MergeEvent.created_at < flt.until)
    if flt.record.strip():
        query = query.where(MergeEvent.id.in_(_lead_ids_for(session, flt.record, region)))
    if flt.lead_ids:
        query = query.where(
            MergeEvent.id.in_(
                select(EventLead.event_id).where(
                    EventLead.record_id.in_(flt.lead_ids), EventLead.role != "contact"
                )
            )
        )
    return query


def _ordered(query: Select, flt: HistoryFilter) -> Select:
    def direction(column):
        return column.desc() if flt.descending else column.asc()

    if flt.sort is Sort.OPERATOR:
        return query.order_by(direction(Operator.full_name), direction(MergeEvent.id))
    if flt.sort is Sort.KIND:
        return query.order_by(direction(MergeEvent.kind), direction(MergeEvent.id))
    if flt.sort is Sort.PRIMARY:
        primary = (
            select(EventLead.label)
            .where(EventLead.event_id == MergeEvent.id, EventLead.role == "primary")
            .limit(1)
            .scalar_subquery()
        )
        return query.order_by(direction(primary), direction(MergeEvent.id))
    # By time, then id: two clients' clocks may disagree by a little.
    return query.order_by(direction(MergeEvent.created_at), direction(MergeEvent.id))


def count_events(
    ws: Workspace, viewer: OperatorInfo | None, flt: HistoryFilter = HistoryFilter()
) -> int:
    """How many events ``viewer`` sees with this filter (None: everyone's)."""
    with ws.session() as session:
        inner = _query(session, viewer, flt).subquery()
        return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def load_page(
    ws: Workspace,
    viewer: OperatorInfo | None,
    flt: HistoryFilter = HistoryFilter(),
    offset: int = 0,
    limit: int = 200,
) -> list[HistoryRow]:
    """Rows ``offset`` .. ``offset + limit`` of the filtered, sorted history."""
    with ws.session() as session:
        query = _ordered(_query(session, viewer, flt), flt).offset(offset).limit(limit)
        ids = list(session.scalars(query))
        return rows_for(session, ids)


def iter_rows(
    ws: Workspace, viewer: OperatorInfo | None, flt: HistoryFilter = HistoryFilter(), batch=1000
) -> Iterator[HistoryRow]:
    """Every row of the filtered history, a batch at a time (exports)."""
    offset = 0
    while True:
        page = load_page(ws, viewer, flt, offset, batch)
        yield from page
        if len(page) < batch:
            return
        offset += batch


# --------------------------------------------------------------------------- rows


def _reasons(event: MergeEvent) -> tuple[Message | str, ...]:
    choices = event.choices or {}
    if event.kind is EventKind.DISMISS:
        reason = str(choices.get("reason") or "").strip()
        return (reason,) if reason else ()
    return tuple(message_from_json(r) for r in choices.get("reasons", []) or [])


def _channels(event: MergeEvent, current: dict[int, Lead]) -> tuple[str, ...]:
    snapshot = event.snapshot or {}
    found: list[str] = []
    leads = snapshot.get("leads") or []
    if leads:
        found += [str(d.get("source_channel") or "") for d in leads]
    else:
        ids = [event.primary_id, *(event.other_ids or [])]
        found += [current[i].source_channel.value for i in ids if i in current]
    found += [
        str(c.get("channel") or "")
        for c in snapshot.get("communications", []) or []
        if c.get("kind") == CommKind.MESSENGER.value
    ]
    return tuple(dict.fromkeys(c for c in found if c))


def rows_for(session: Session, ids: Sequence[int]) -> list[HistoryRow]:
    """``HistoryRow``s of these events, in this order."""
    if not ids:
        return []
    events = {e.id: e for e in session.scalars(select(MergeEvent).where(MergeEvent.id.in_(ids)))}
    operators = {
        op.id: (op.login, op.full_name, dept or "")
        for op, dept in session.execute(
            select(Operator, Department.name)
            .outerjoin(Department, Department.id == Operator.department_id)
            .where(Operator.id.in_({e.operator_id for e in events.values()}))
        )
    }
    labels: dict[int, dict[tuple[str, int], EventLead]] = {}
    for link in session.scalars(select(EventLead).where(EventLead.event_id.in_(ids))):
        labels.setdefault(link.event_id, {})[(link.role, link.record_id)] = link
    lead_ids = {
        i
        for e in events.values()
        if not (e.snapshot or {}).get("leads")
        for i in [e.primary_id, *(e.other_ids or [])]
        if i is not None
    }
    current = (
        {lead.id: lead for lead in session.scalars(select(Lead).where(Lead.id.in_(lead_ids)))}
        if lead_ids
        else {}
    )
    rows = []
    for event_id in ids:
        event = events.get(event_id)
        if event is None:
            continue
        links = labels.get(event.id, {})
        login, name, dept = operators.get(event.operator_id, ("", str(event.operator_id), ""))
        # A contact merge (and its undo) names contacts where a lead merge names leads.
        contacts = _of_contacts(event)
        role_primary, role_other = ("contact", "contact") if contacts else ("primary", "other")
        primary = links.get((role_primary, event.primary_id)) if event.primary_id else None
        others = tuple(i for i in event.other_ids or [] if (role_other, i) in links)
        rows.append(
            HistoryRow(
                id=event.id,
                kind=event.kind,
                at=event.created_at,
                operator_id=event.operator_id,
                operator_login=login,
                operator_name=name,
                department=dept,
                primary_id=event.primary_id,
                primary_label=primary.label if primary else "",
                primary_name=_name_of(event, event.primary_id, current, contacts),
                other_ids=others,
                other_labels=tuple(links[(role_other, i)].label for i in others),
                channels=_channels(event, current),
                reasons=_reasons(event),
                summary=event.summary,
                undone_by_id=event.undone_by_id,
                undo_of_id=event.undo_of_id,
                contact_labels=tuple(
                    link.label for (role, _), link in links.items() if role == "contact"
                ),
            )
        )
    return rows


def _of_contacts(event: MergeEvent) -> bool:
    if event.kind is EventKind.MERGE_CONTACTS:
        return True
    if (event.choices or {}).get("entity") == "contact":
        return True  # "not duplicates" of contacts, and its undo
    undone = (event.choices or {}).get("undone_kind")
    return event.kind is EventKind.UNDO and undone == EventKind.MERGE_CONTACTS.value


def _name_of(
    event: MergeEvent, lead_id: int | None, current: dict[int, Lead], contacts: bool = False
) -> str:
    if contacts:
        for data in (event.snapshot or {}).get("contacts", []) or []:
            if data.get("id") == lead_id:
                parts = (data.get("last_name"), data.get("first_name"), data.get("middle_name"))
                return " ".join(p for p in parts if p)
        return ""
    for data in (event.snapshot or {}).get("leads", []) or []:
        if data.get("id") == lead_id:
            parts = (data.get("last_name"), data.get("first_name"), data.get("middle_name"))
            return " ".join(p for p in parts if p)
    lead = current.get(lead_id) if lead_id is not None else None
    return lead.full_name if lead is not None else ""


# --------------------------------------------------------------------------- facts for filters


@dataclass(frozen=True)
class HistoryFacts:
    """What the filter boxes offer: operators and departments that appear in the history."""

    operators: tuple[tuple[int, str, str], ...]  # id, login, full name
    departments: tuple[tuple[int, str], ...]
    total: int = 0
    first: datetime | None = None
    last: datetime | None = None
    kinds: tuple[EventKind, ...] = field(default_factory=tuple)


def history_facts(ws: Workspace, viewer: OperatorInfo | None) -> HistoryFacts:
    with ws.session() as session:
        ops = session.execute(
            select(Operator.id, Operator.login, Operator.full_name).order_by(Operator.full_name)
        ).all()
        if viewer is not None and not viewer.can_undo:
            ops = [o for o in ops if o.id == viewer.id]
        depts = session.execute(select(Department.id, Department.name).order_by(Department.name))
        inner = _query(session, viewer, HistoryFilter()).subquery()
        total, first, last = session.execute(
            select(func.count(), func.min(MergeEvent.created_at), func.max(MergeEvent.created_at))
            .select_from(MergeEvent)
            .where(MergeEvent.id.in_(select(inner.c.id)))
        ).one()
        return HistoryFacts(
            operators=tuple((o.id, o.login, o.full_name) for o in ops),
            departments=tuple((d.id, d.name) for d in depts),
            total=int(total or 0),
            first=first,
            last=last,
            kinds=tuple(EventKind),
        )
