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

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from deskdup.models import Contact, Lead
from deskdup.services import merge as merge_service
from deskdup.services.binding import bind_lead, unbind_lead
from deskdup.services.contacts import ContactIndex
from deskdup.services.merge import MergeResult
from deskdup.services.merge_cards import LeadCard
from deskdup.services.merge_plan import MergePlan, build_plan, cards_from_leads
from deskdup.services.operators import find_operator
from deskdup.services.policy import MergePolicy, load_policy
from deskdup.services.rights import OperatorInfo
from deskdup.services.workspace import Workspace


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
        """Contacts by CRM id, name (any order, initials, typos, transliteration),
        phone, e-mail or handle, best first."""
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
        self._contacts: ContactIndex | None = None

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
        """The contact search of ``services/contacts.py`` (ID, name in any form,
        phone, e-mail, handle), best first; the index is kept and refreshed."""
        if self._contacts is None:
            self._contacts = ContactIndex.build(self.ws)
        else:
            self._contacts.refresh(self.ws)
        hits = self._contacts.search(query, limit)
        if not hits:
            return []
        with self.ws.session() as session:
            rows = session.scalars(
                select(Contact).where(Contact.id.in_([h.contact_id for h in hits]))
            )
            by_id = {c.id: c for c in rows}
        return [_contact(by_id[h.contact_id]) for h in hits if h.contact_id in by_id]

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
        """``services/binding.py``: edit rights on the lead and the contact, the lead's
        channels and chats added to the contact, a BIND_CONTACT event; None unbinds.
        ``expected_version`` is the lead version the operator saw (``StaleError`` else)."""
        if contact_id is None:
            return unbind_lead(self.ws, lead_id, operator_id, expected_version).event_id
        return bind_lead(self.ws, lead_id, contact_id, operator_id, expected_version).event_id


def _contact(contact: Contact) -> ContactRecord:
    return ContactRecord(
        id=contact.id,
        label=contact.external_id or str(contact.id),
        name=contact.full_name,
        owner_id=contact.assigned_id,
        updated_at=contact.updated_at,
    )
