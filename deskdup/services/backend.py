"""A ``CrmBackend`` protocol for a CRM, and ``SqlBackend`` over deskdup's own schema.

``CrmBackend`` is the shape a CRM takes for deskdup: load leads and contacts
(incrementally, since a time), search contacts, the signed-in operator and the
team's merge policy, build and apply a merge plan, bind a contact to a lead.
``SqlBackend`` implements it over the SQL workspace (SQLite for one operator
and the demo, PostgreSQL for a team); its methods return plain records
(``LeadCard``, ``ContactRecord``, ``OperatorInfo``, ``MergePlan``...), never ORM
objects, so results can cross threads.

Who goes through it: ``Bitrix24Backend`` (``services/bitrix24/``) builds on
``SqlBackend`` for a linked portal, and the ``sync`` and ``merge --bitrix24``
commands use that.  The window and the other commands do not: they call the
services over a ``Workspace`` (``review.py``, ``merge.py``, ``lead_rows.py``,
``matching/``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from deskdup.models import Action, Contact, EventKind, Lead, Operator
from deskdup.services import merge as merge_service
from deskdup.services.errors import KnownError, RightsError, StaleError, fail
from deskdup.services.events import record_event
from deskdup.services.merge import MergeResult
from deskdup.services.merge_plan import (
    MSG_NO_LEAD,
    LeadCard,
    MergePlan,
    build_plan,
    cards_from_leads,
)
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.names import fold
from deskdup.services.operators import find_operator
from deskdup.services.policy import MergePolicy, load_policy
from deskdup.services.records import MSG_NO_OPERATOR, RowSet, row_dict, utcnow, write_session
from deskdup.services.rights import OperatorInfo, check_lead
from deskdup.services.workspace import Workspace

MSG_BIND_CHANGED = QT_TRANSLATE_NOOP(
    "Merge",
    "Lead #{lead} was changed by someone else (now version {version}); nothing was bound",
)
MSG_NO_CONTACT = QT_TRANSLATE_NOOP("Merge", "Contact {contact} does not exist (any more)")


@dataclass(frozen=True)
class ContactRecord:
    id: int
    label: str  # the CRM's id when there is one, else the database id
    name: str
    owner_id: int | None
    updated_at: datetime


@runtime_checkable
class CrmBackend(Protocol):
    """Everything deskdup needs from a CRM."""

    def load_leads(self, since: datetime | None = None) -> list[LeadCard]:
        """Leads changed at or after ``since`` (all when None), archived ones excluded."""
        ...

    def load_contacts(self, since: datetime | None = None) -> list[ContactRecord]:
        """Contacts changed at or after ``since`` (all when None)."""
        ...

    def search_contacts(self, query: str, limit: int = 20) -> list[ContactRecord]:
        """Contacts whose id / CRM id equals ``query`` or whose name contains it."""
        ...

    def current_operator(self, login: str) -> OperatorInfo:
        """The signed-in operator with their rights (``KnownError`` when unknown)."""
        ...

    def merge_policy(self) -> MergePolicy:
        """The team's policy for the other leads of a merge."""
        ...

    def build_plan(self, lead_ids: Sequence[int], primary_id: int | None = None) -> MergePlan:
        """The merge plan of a group (what the comparison view shows)."""
        ...

    def apply_merge(self, plan: MergePlan, operator_id: int) -> MergeResult:
        """Apply the plan; ``StaleError`` / ``RightsError`` write nothing."""
        ...

    def bind_contact(
        self, lead_id: int, contact_id: int | None, operator_id: int, expected_version: int
    ) -> int:
        """Bind the lead to the contact (None: unbind); returns the history event id."""
        ...


class SqlBackend:
    """The SQL workspace as the CRM."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def load_leads(self, since: datetime | None = None) -> list[LeadCard]:
        with self.ws.session() as session:
            stmt = (
                select(Lead)
                .where(Lead.archived.is_(False))
                .options(
                    selectinload(Lead.communications),
                    selectinload(Lead.chats),
                    selectinload(Lead.activities),
                    selectinload(Lead.deals),
                    selectinload(Lead.contact),
                    selectinload(Lead.assigned),
                )
                .order_by(Lead.id)
            )
            if since is not None:
                stmt = stmt.where(Lead.updated_at >= since)
            cards = cards_from_leads(list(session.scalars(stmt)))
            return list(cards.values())

    def load_contacts(self, since: datetime | None = None) -> list[ContactRecord]:
        with self.ws.session() as session:
            stmt = select(Contact).where(Contact.archived.is_(False)).order_by(Contact.id)
            if since is not None:
                stmt = stmt.where(Contact.updated_at >= since)
            return [_contact(c) for c in session.scalars(stmt)]

    def search_contacts(self, query: str, limit: int = 20) -> list[ContactRecord]:
        """By id or CRM id (exact), else by name: every word of ``query`` in the name.

        SQLite's ``lower()`` knows only ASCII, so on SQLite the name match is
        done in Python (casefold, ё = е); PostgreSQL uses ILIKE.
        """
        text = query.strip()
        if not text:
            return []
        words = [fold(w) for w in text.split()]
        with self.ws.session() as session:
            exact = [Contact.external_id == text]
            if text.isdigit():
                exact.append(Contact.id == int(text))
            base = select(Contact).where(Contact.archived.is_(False))
            found = list(session.scalars(base.where(or_(*exact)).order_by(Contact.id)))
            if self.ws.is_sqlite:
                rows = session.scalars(base.order_by(Contact.last_name, Contact.first_name))
                named = [c for c in rows if all(w in fold(c.full_name) for w in words)]
            else:
                full = Contact.last_name + " " + Contact.first_name + " " + Contact.middle_name
                stmt = base.where(and_(*(full.ilike(f"%{w}%") for w in text.split())))
                named = list(
                    session.scalars(
                        stmt.order_by(Contact.last_name, Contact.first_name).limit(limit)
                    )
                )
            seen: set[int] = set()
            out = []
            for contact in [*found, *named]:
                if contact.id not in seen:
                    seen.add(contact.id)
                    out.append(_contact(contact))
            return out[:limit]

    def current_operator(self, login: str) -> OperatorInfo:
        with self.ws.session() as session:
            return find_operator(session, login)

    def merge_policy(self) -> MergePolicy:
        with self.ws.session() as session:
            return load_policy(session)

    def build_plan(self, lead_ids: Sequence[int], primary_id: int | None = None) -> MergePlan:
        with self.ws.session() as session:
            return build_plan(session, lead_ids, primary_id)

    def apply_merge(self, plan: MergePlan, operator_id: int) -> MergeResult:
        return merge_service.apply_merge(self.ws, plan, operator_id)

    def bind_contact(
        self, lead_id: int, contact_id: int | None, operator_id: int, expected_version: int
    ) -> int:
        """Bind with a history event (BIND_CONTACT) holding the lead as it was.

        Needs edit on the lead.  ``expected_version`` is the lead version the
        operator saw; another one raises ``StaleError``.
        """
        with write_session(self.ws) as session:
            operator = session.get(Operator, operator_id)
            if operator is None:
                message = Message("Merge", MSG_NO_OPERATOR, {"operator": operator_id})
                raise fail(KnownError, message)
            lead = session.get(Lead, lead_id, populate_existing=True)
            if lead is None:
                raise fail(KnownError, Message("Merge", MSG_NO_LEAD, {"lead": lead_id}))
            if lead.version != expected_version:
                message = Message(
                    "Merge", MSG_BIND_CHANGED, {"lead": lead.label, "version": lead.version}
                )
                raise fail(StaleError, message)
            if contact_id is not None and session.get(Contact, contact_id) is None:
                message = Message("Merge", MSG_NO_CONTACT, {"contact": contact_id})
                raise fail(KnownError, message)
            card = cards_from_leads([lead])[lead.id]
            refusal = check_lead(operator, card, Action.EDIT)
            if refusal is not None:
                raise fail(RightsError, refusal.message, refusals=[refusal])
            before = row_dict(lead)
            lead.contact_id = contact_id
            lead.updated_at = utcnow()
            session.flush()
            left = RowSet()
            left.add("leads", [lead])
            event = record_event(
                session,
                kind=EventKind.BIND_CONTACT,
                operator_id=operator_id,
                created_at=lead.updated_at,
                primary_id=lead.id,
                contact_ids=[contact_id] if contact_id is not None else [],
                other_ids=[],
                choices={"contact_id": contact_id},
                snapshot={"leads": [before], "after": left.to_json()},
                summary=f"Bound lead #{lead.label} to contact #{contact_id}"
                if contact_id is not None
                else f"Unbound lead #{lead.label} from its contact",
            )
            return event.id


def _contact(contact: Contact) -> ContactRecord:
    return ContactRecord(
        id=contact.id,
        label=contact.external_id or str(contact.id),
        name=contact.full_name,
        owner_id=contact.assigned_id,
        updated_at=contact.updated_at,
    )
