"""Bind a lead to an existing contact (undone by ``undo.undo_event``).

The lead gets the contact; the lead's phones, e-mails and messenger handles are
copied to the contact unless it has them already (the lead keeps its own), and
the lead's chats join the contact.  Rights: edit on the lead and edit on the
contact, refused in the words merge refusals use.  A BIND_CONTACT history event
keeps the lead, the contact and the chats as they were, and what was added, so
``undo_event`` restores them exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from deskdup.models import (
    Action,
    Chat,
    CommKind,
    Communication,
    Contact,
    Entity,
    EventKind,
    Lead,
    Operator,
)
from deskdup.services.errors import KnownError, RightsError, StaleError, fail
from deskdup.services.events import record_event
from deskdup.services.merge_plan import cards_from_leads
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message, MessageList
from deskdup.services.records import RowSet, active_operator, row_dict, utcnow, write_session
from deskdup.services.rights import (
    CONTEXT as RIGHTS,
)
from deskdup.services.rights import (
    MSG_SEVERAL,
    NO_DEPARTMENT,
    RIGHT_WORDS,
    allowed,
    check_lead,
)

CONTEXT = "Contacts"
MSG_BOUND = QT_TRANSLATE_NOOP(
    "Contacts",
    "Bound lead #{lead} to contact #{contact} ({name}); added {comms} communication(s) "
    "and {chats} chat(s)",
)
MSG_UNBOUND = QT_TRANSLATE_NOOP("Contacts", "Lead #{lead} is no longer bound to a contact")
MSG_NO_LEAD = QT_TRANSLATE_NOOP("Contacts", "There is no lead {lead} (any more)")
MSG_NO_CONTACT = QT_TRANSLATE_NOOP("Contacts", "There is no contact {contact} (any more)")
MSG_LEAD_GONE = QT_TRANSLATE_NOOP(
    "Contacts", "Lead #{lead} was merged or archived; bind the lead that stayed"
)
MSG_CONTACT_GONE = QT_TRANSLATE_NOOP(
    "Contacts", "Contact #{contact} was merged or archived; bind to the contact that stayed"
)
MSG_ALREADY = QT_TRANSLATE_NOOP(
    "Contacts", "Lead #{lead} is already bound to contact #{contact}; nothing to add"
)
MSG_CHANGED = QT_TRANSLATE_NOOP(
    "Contacts",
    "Lead #{lead} was changed by someone else since you saw it (now version {version}); "
    "look again before binding",
)
MSG_CONTACT_OWN = QT_TRANSLATE_NOOP(
    "Contacts",
    "Contact #{contact} is your own ({department}); you have no {right} right on contacts "
    "at all; ask a supervisor",
)
MSG_CONTACT_COLLEAGUE = QT_TRANSLATE_NOOP(
    "Contacts",
    "Contact #{contact} belongs to {owner} ({department}); you have no {right} right on "
    "your colleagues' contacts; ask a supervisor",
)
MSG_CONTACT_OTHER_DEPARTMENT = QT_TRANSLATE_NOOP(
    "Contacts",
    "Contact #{contact} belongs to {owner} ({department}); you have no {right} right on "
    "contacts of that department; ask a supervisor",
)
MSG_CONTACT_UNOWNED = QT_TRANSLATE_NOOP(
    "Contacts",
    "Contact #{contact} has no responsible operator; you have no {right} right on "
    "contacts that are not yours; ask a supervisor",
)


@dataclass(frozen=True)
class BindResult:
    event_id: int
    lead_id: int
    contact_id: int
    added_communications: int
    added_chats: int
    summary: Message


def _label(obj: Lead | Contact) -> str:
    return obj.external_id or str(obj.id)


def comm_key(kind: CommKind | str, normalized: str, raw: str) -> tuple[str, str]:
    """What makes two communications the same: the kind and the normalised value
    (the raw text, trimmed and lower-cased, when it could not be normalised)."""
    return (str(kind), normalized or raw.strip().lower())


@dataclass
class Attachment:
    """What binding a lead to a contact adds to the contact: the lead's
    communications it lacks and the lead's chats not yet its own.  The bind and
    the merge that binds its result (``merge.apply_merge``) both use it."""

    contact: Contact
    communications: list[Communication]
    chats: list[Chat]
    _before: dict[str, list[dict[str, Any]]]

    @property
    def empty(self) -> bool:
        return not self.communications and not self.chats

    def before(self) -> dict[str, list[dict[str, Any]]]:
        """The contact and the chats as they were (the history's before-snapshot)."""
        return self._before

    def apply(self, session: Session, now) -> None:
        self.contact.updated_at = now
        for chat in self.chats:
            chat.contact_id = self.contact.id
        session.add_all(self.communications)
        session.flush()

    def left(self, rows: RowSet) -> None:
        """Add the rows the bind leaves to ``rows`` (undo deletes the new communications)."""
        rows.add("contacts", [self.contact])
        rows.add("chats", self.chats)
        rows.add("communications", self.communications)


def plan_attach(lead: Lead, contact: Contact, communications, chats) -> Attachment:
    """What ``contact`` gets from ``lead`` (its ``communications`` and ``chats``,
    passed in so a merge can hand over the whole group's); nothing is written yet."""
    have = {comm_key(c.kind, c.normalized, c.raw_value) for c in contact.communications}
    new_comms = []
    for comm in communications:
        key = comm_key(comm.kind, comm.normalized, comm.raw_value)
        if key in have or not (comm.normalized or comm.raw_value.strip()):
            continue
        have.add(key)
        new_comms.append(
            Communication(
                contact_id=contact.id,
                kind=comm.kind,
                channel=comm.channel,
                raw_value=comm.raw_value,
                normalized=comm.normalized,
                is_valid=comm.is_valid,
            )
        )
    moving = [chat for chat in chats if chat.contact_id != contact.id]
    before = {
        "contacts": [row_dict(contact)],
        "chats": [row_dict(chat) for chat in moving],
    }
    return Attachment(contact, new_comms, moving, before)


def contact_refusal(operator: Operator, contact: Contact) -> Message | None:
    """Why ``operator`` may not edit ``contact``, or None."""
    owner = contact.assigned
    if allowed(operator, Entity.CONTACT, Action.EDIT, owner):
        return None
    department = owner.department if owner is not None else None
    params: dict[str, Any] = {
        "contact": _label(contact),
        "owner": owner.full_name if owner is not None else "",
        "department": department.name if department else Message(RIGHTS, NO_DEPARTMENT),
        "right": Message(RIGHTS, RIGHT_WORDS["edit"]),
    }
    if owner is None:
        template = MSG_CONTACT_UNOWNED
    elif owner.id == operator.id:
        template = MSG_CONTACT_OWN
    elif owner.department_id is not None and owner.department_id == operator.department_id:
        template = MSG_CONTACT_COLLEAGUE
    else:
        template = MSG_CONTACT_OTHER_DEPARTMENT
    return Message(CONTEXT, template, params)


def _contact(session: Session, contact_id: int) -> Contact:
    """The contact read afresh with its communications and owner (``KnownError`` if none)."""
    contact = session.scalar(
        select(Contact)
        .where(Contact.id == contact_id)
        .options(selectinload(Contact.communications), selectinload(Contact.assigned))
        .execution_options(populate_existing=True)
    )
    if contact is None:
        raise fail(KnownError, Message(CONTEXT, MSG_NO_CONTACT, {"contact": contact_id}))
    return contact


def _check_not_gone(contact: Contact) -> None:
    """``KnownError`` when the contact was archived or merged away."""
    if contact.archived or contact.merged_into_id is not None:
        raise fail(KnownError, Message(CONTEXT, MSG_CONTACT_GONE, {"contact": _label(contact)}))


def _load(session: Session, lead_id: int, contact_id: int) -> tuple[Lead, Contact]:
    lead = session.scalar(
        select(Lead)
        .where(Lead.id == lead_id)
        .options(selectinload(Lead.communications), selectinload(Lead.chats))
        .execution_options(populate_existing=True)
    )
    if lead is None:
        raise fail(KnownError, Message(CONTEXT, MSG_NO_LEAD, {"lead": lead_id}))
    contact = _contact(session, contact_id)
    if lead.archived or lead.merged_into_id is not None:
        raise fail(KnownError, Message(CONTEXT, MSG_LEAD_GONE, {"lead": _label(lead)}))
    _check_not_gone(contact)
    return lead, contact


def bound_contact(session: Session, operator: Operator, contact_id: int | None) -> Contact | None:
    """The contact a merge binds its result to, checked: it exists, is not merged
    away, and ``operator`` may edit it (``RightsError`` otherwise)."""
    if contact_id is None:
        return None
    contact = _contact(session, contact_id)
    _check_not_gone(contact)
    refusal = contact_refusal(operator, contact)
    if refusal is not None:
        raise fail(RightsError, refusal)
    return contact


def bind_lead(
    ws,
    lead_id: int,
    contact_id: int,
    operator_id: int,
    expected_version: int | None = None,
) -> BindResult:
    """Bind the lead to the contact as ``operator_id``; nothing is written on a refusal.

    ``expected_version``: the lead version the operator saw (another one raises
    ``StaleError``); None skips that check (the command line reads it fresh).
    """
    with write_session(ws) as session:
        operator = active_operator(session, operator_id)
        lead, contact = _load(session, lead_id, contact_id)
        if expected_version is not None and lead.version != expected_version:
            params = {"lead": _label(lead), "version": lead.version}
            raise fail(StaleError, Message(CONTEXT, MSG_CHANGED, params))
        refusals: list[Message] = []
        lead_refusal = check_lead(operator, cards_from_leads([lead])[lead.id], Action.EDIT)
        if lead_refusal is not None:
            refusals.append(lead_refusal.message)
        refusal = contact_refusal(operator, contact)
        if refusal is not None:
            refusals.append(refusal)
        if refusals:
            message = (
                refusals[0]
                if len(refusals) == 1
                else Message(
                    RIGHTS, MSG_SEVERAL, {"refusals": MessageList(tuple(refusals), "\n• ")}
                )
            )
            raise fail(RightsError, message)

        attached = plan_attach(lead, contact, lead.communications, lead.chats)
        if lead.contact_id == contact.id and attached.empty:
            params = {"lead": _label(lead), "contact": _label(contact)}
            raise fail(KnownError, Message(CONTEXT, MSG_ALREADY, params))

        before = {"leads": [row_dict(lead)], **attached.before()}
        now = utcnow()
        lead.contact_id = contact.id
        lead.updated_at = now
        attached.apply(session, now)
        # What undo checks and puts back: the added communications have no
        # before-row, so undo deletes them.
        left = RowSet()
        left.add("leads", [lead])
        attached.left(left)
        before["after"] = left.to_json()
        new_comms, chats = attached.communications, attached.chats
        summary = Message(
            CONTEXT,
            MSG_BOUND,
            {
                "lead": _label(lead),
                "contact": _label(contact),
                "name": contact.full_name,
                "comms": len(new_comms),
                "chats": len(chats),
            },
        )
        event = record_event(
            session,
            kind=EventKind.BIND_CONTACT,
            operator_id=operator.id,
            created_at=now,
            primary_id=lead.id,
            contact_ids=[contact.id],
            other_ids=[],
            choices={"contact_id": contact.id},
            snapshot=before,
            summary=str(summary),
        )
        return BindResult(event.id, lead.id, contact.id, len(new_comms), len(chats), summary)


def unbind_lead(
    ws, lead_id: int, operator_id: int, expected_version: int | None = None
) -> BindResult:
    """Take the lead off its contact (edit right on the lead); the contact keeps what
    the bind gave it (undo the bind itself to take that back)."""
    with write_session(ws) as session:
        operator = active_operator(session, operator_id)
        lead = session.get(Lead, lead_id, populate_existing=True)
        if lead is None:
            raise fail(KnownError, Message(CONTEXT, MSG_NO_LEAD, {"lead": lead_id}))
        if expected_version is not None and lead.version != expected_version:
            params = {"lead": _label(lead), "version": lead.version}
            raise fail(StaleError, Message(CONTEXT, MSG_CHANGED, params))
        refusal = check_lead(operator, cards_from_leads([lead])[lead.id], Action.EDIT)
        if refusal is not None:
            raise fail(RightsError, refusal.message, refusals=[refusal])
        before = {"leads": [row_dict(lead)]}
        old_contact = lead.contact_id
        now = utcnow()
        lead.contact_id = None
        lead.updated_at = now
        session.flush()
        left = RowSet()
        left.add("leads", [lead])
        before["after"] = left.to_json()
        summary = Message(CONTEXT, MSG_UNBOUND, {"lead": _label(lead)})
        event = record_event(
            session,
            kind=EventKind.BIND_CONTACT,
            operator_id=operator.id,
            created_at=now,
            primary_id=lead.id,
            contact_ids=[old_contact] if old_contact is not None else [],
            other_ids=[],
            choices={"contact_id": None},
            snapshot=before,
            summary=str(summary),
        )
        return BindResult(event.id, lead.id, 0, 0, 0, summary)
