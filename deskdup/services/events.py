"""Writing a history event, with the index the history view searches by lead."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskdup.models import Contact, EventKind, EventLead, Lead, MergeEvent
from deskdup.services.names import fold
from deskdup.services.records import utcnow


def _lead_texts(session: Session, ids: Sequence[int], known: dict[int, dict[str, Any]]) -> dict:
    missing = [i for i in ids if i not in known]
    found = dict(known)
    if missing:
        for lead in session.scalars(select(Lead).where(Lead.id.in_(missing))):
            found[lead.id] = {
                "id": lead.id,
                "external_id": lead.external_id,
                "first_name": lead.first_name,
                "last_name": lead.last_name,
                "middle_name": lead.middle_name,
            }
    return found


def _label_and_search(data: dict[str, Any] | None, record_id: int) -> tuple[str, str]:
    if not data:
        return str(record_id), str(record_id)
    label = data.get("external_id") or str(record_id)
    name = " ".join(
        data.get(k) or "" for k in ("last_name", "first_name", "middle_name") if data.get(k)
    )
    return label[:64], fold(f"{label} {record_id} {name}")[:400]


def record_event(
    session: Session,
    *,
    kind: EventKind,
    operator_id: int,
    primary_id: int | None,
    other_ids: Sequence[int] = (),
    contact_ids: Sequence[int] = (),
    choices: dict[str, Any] | None = None,
    snapshot: dict[str, Any] | None = None,
    summary: str = "",
    undo_of_id: int | None = None,
    created_at=None,
    of_contacts: bool = False,
) -> MergeEvent:
    """Add a ``MergeEvent`` and its ``EventLead`` rows; flushed, so it has an id.

    Lead names come from the snapshot's "leads" rows when there are any (a lead
    the event deleted is still found by name), else from the leads table.
    ``of_contacts``: ``primary_id`` and ``other_ids`` are contacts (a contact
    merge and its undo); they are indexed as contacts, and contact names come
    from the snapshot's "contacts" rows likewise.
    """
    snapshot = snapshot or {}
    event = MergeEvent(
        kind=kind,
        operator_id=operator_id,
        created_at=created_at or utcnow(),
        primary_id=primary_id,
        other_ids=list(other_ids),
        choices=choices or {},
        snapshot=snapshot,
        summary=summary,
        undo_of_id=undo_of_id,
    )
    session.add(event)
    session.flush()
    if of_contacts:
        contact_ids = list(
            dict.fromkeys([*(i for i in [primary_id, *other_ids] if i is not None), *contact_ids])
        )
    known = {int(d["id"]): d for d in snapshot.get("leads", []) if "id" in d}
    lead_ids = [] if of_contacts else [i for i in [primary_id, *other_ids] if i is not None]
    texts = _lead_texts(session, lead_ids, known)
    seen: set[tuple[str, int]] = set()
    roles = [] if of_contacts else [("primary", primary_id), *(("other", i) for i in other_ids)]
    for role, record in roles:
        if record is None or (role, record) in seen:
            continue
        seen.add((role, record))
        label, search = _label_and_search(texts.get(record), record)
        session.add(
            EventLead(event_id=event.id, role=role, record_id=record, label=label, search=search)
        )
    known_contacts = {int(d["id"]): d for d in snapshot.get("contacts", []) if "id" in d}
    for contact_id in contact_ids:
        contact = session.get(Contact, contact_id)
        data = known_contacts.get(contact_id)
        if data is None and contact is not None:
            data = {
                "external_id": contact.external_id,
                "first_name": contact.first_name,
                "last_name": contact.last_name,
                "middle_name": contact.middle_name,
            }
        label, search = _label_and_search(data, contact_id)
        session.add(
            EventLead(
                event_id=event.id, role="contact", record_id=contact_id, label=label, search=search
            )
        )
    session.flush()
    return event
