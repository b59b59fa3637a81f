"""What the bind dialog shows: contacts found for a text, or suggested for leads.

``ContactFinder`` keeps one ``ContactIndex`` (``services/contacts.py``) for a
window, built on the first search and refreshed incrementally before each one;
it is only touched on the database worker.  Each hit becomes a ``ContactCard``:
the contact's name and ID, its phones, e-mails and messenger channels, owner,
deals, how many open leads it already has, why it matched, and whether the
operator may bind to it (the refusal in the words a bind would refuse with).

Before anything is typed, ``suggest`` lists the contacts the leads most likely
belong to: the best matches of each lead's own name, phones, e-mails and
handles, a contact found by several of them first.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from deskdup.models import Channel, CommKind, Contact, Deal, Lead, Operator
from deskdup.services.binding import contact_refusal
from deskdup.services.contacts import ContactHit, ContactIndex, readable_hits
from deskdup.services.matching.settings import MatchSettings
from deskdup.services.messages import Message
from deskdup.services.rights import OperatorInfo

log = logging.getLogger(__name__)

SEARCH_LIMIT = 20
SUGGEST_LIMIT = 8
# A contact matched by several of the lead's own values ranks above one matched
# by a single one: each further value adds this much to its best score.
SEVERAL_VALUES_BONUS = 0.1


@dataclass(frozen=True)
class ContactComm:
    kind: CommKind
    channel: Channel
    raw: str
    normalized: str
    valid: bool


@dataclass(frozen=True)
class ContactCard:
    """One contact as the bind dialog lists it."""

    contact_id: int
    label: str  # the CRM's contact ID when there is one, else the database id
    name: str
    communications: tuple[ContactComm, ...]
    owner_name: str
    department_name: str
    deals: tuple[str, ...]  # "#label title" of each deal
    lead_count: int  # open leads bound to it already
    score: float
    reasons: tuple[Message, ...]
    refusal: Message | None  # why the operator may not bind to it, or None
    bound_here: bool  # one of the leads the dialog is for is bound to it already


@dataclass(frozen=True)
class ContactResults:
    text: str  # "" for the suggestions
    cards: tuple[ContactCard, ...]
    searched: int  # contacts in the index
    elapsed_ms: float  # the index search alone (not the cards' reading)


class ContactFinder:
    """The window's contact index (database worker only)."""

    def __init__(self, settings: MatchSettings | None = None) -> None:
        self.settings = settings
        self._index: ContactIndex | None = None

    def index(self, ws, refresh: bool = True) -> ContactIndex:
        """The index, built at the first call; ``refresh`` reads what changed since."""
        if self._index is None:
            self._index = ContactIndex.build(ws, self.settings)
        elif refresh:
            self._index.refresh(ws)
        return self._index

    def find(
        self,
        ws,
        operator: OperatorInfo,
        text: str,
        lead_ids: Sequence[int] = (),
        limit: int = SEARCH_LIMIT,
        *,
        refresh: bool = True,
    ) -> ContactResults:
        """``refresh`` False: the index as the last call left it (the dialog refreshes
        it once when it opens, not at every keystroke)."""
        index = self.index(ws, refresh)
        started = time.perf_counter()
        # Contacts the operator may not read are not shown (as in ``contacts find``).
        hits = readable_hits(ws, operator, index.search(text, limit * 5))[:limit]
        elapsed = (time.perf_counter() - started) * 1000
        log.debug("contact search %r: %d hits in %.1f ms", text, len(hits), elapsed)
        cards = contact_cards(ws, operator, hits, lead_ids)
        return ContactResults(text, cards, len(index), elapsed)

    def suggest(
        self, ws, operator: OperatorInfo, lead_ids: Sequence[int], limit: int = SUGGEST_LIMIT
    ) -> ContactResults:
        """The contacts ``lead_ids`` most likely belong to, best first."""
        index = self.index(ws)
        texts = lead_texts(ws, lead_ids)
        started = time.perf_counter()
        best: dict[int, ContactHit] = {}
        found_by: dict[int, int] = {}
        for text in texts:
            for hit in index.search(text, limit):
                found_by[hit.contact_id] = found_by.get(hit.contact_id, 0) + 1
                old = best.get(hit.contact_id)
                if old is None:
                    best[hit.contact_id] = hit
                else:
                    # One reason of each kind (the first value that gave it): a lead's
                    # name and its title both matching is one "same name".
                    kinds = {(r.context, r.template) for r in old.reasons}
                    reasons = old.reasons + tuple(
                        r for r in hit.reasons if (r.context, r.template) not in kinds
                    )
                    best[hit.contact_id] = ContactHit(
                        old.contact_id, old.label, old.name, max(old.score, hit.score), reasons
                    )
        ranked = sorted(
            best.values(),
            key=lambda h: (
                -(h.score + SEVERAL_VALUES_BONUS * (found_by[h.contact_id] - 1)),
                -h.contact_id,
            ),
        )
        ranked = readable_hits(ws, operator, ranked)[:limit]
        elapsed = (time.perf_counter() - started) * 1000
        cards = contact_cards(ws, operator, ranked, lead_ids)
        return ContactResults("", cards, len(index), elapsed)


def lead_texts(ws, lead_ids: Sequence[int]) -> list[str]:
    """What the leads say about who they are: each one's name, phones, e-mails, handles."""
    texts: list[str] = []
    with ws.session() as session:
        leads = session.scalars(
            select(Lead)
            .where(Lead.id.in_(list(lead_ids)))
            .options(selectinload(Lead.communications))
            .order_by(Lead.id)
        )
        for lead in leads:
            if lead.full_name.strip():
                texts.append(lead.full_name)
            texts.extend(c.raw_value for c in lead.communications if c.raw_value.strip())
    return list(dict.fromkeys(texts))


def contact_cards(
    ws, operator: OperatorInfo, hits: Sequence[ContactHit], lead_ids: Sequence[int] = ()
) -> tuple[ContactCard, ...]:
    """The hits with what the dialog shows of each contact, in the hits' order."""
    ids = [h.contact_id for h in hits]
    if not ids:
        return ()
    with ws.session() as session:
        contacts = {
            c.id: c
            for c in session.scalars(
                select(Contact)
                .where(Contact.id.in_(ids))
                .options(
                    selectinload(Contact.communications),
                    selectinload(Contact.assigned).selectinload(Operator.department),
                    selectinload(Contact.deals),
                )
            )
        }
        counts = dict(
            session.execute(
                select(Lead.contact_id, func.count())
                .where(Lead.contact_id.in_(ids), Lead.archived.is_(False))
                .group_by(Lead.contact_id)
            ).all()
        )
        bound = set(
            session.scalars(
                select(Lead.contact_id).where(
                    Lead.id.in_(list(lead_ids)), Lead.contact_id.is_not(None)
                )
            )
        )
        cards = []
        for hit in hits:
            contact = contacts.get(hit.contact_id)
            if contact is None:
                continue
            owner = contact.assigned
            department = owner.department if owner is not None else None
            cards.append(
                ContactCard(
                    contact_id=contact.id,
                    label=contact.external_id or str(contact.id),
                    name=contact.full_name,
                    communications=tuple(
                        ContactComm(
                            CommKind(c.kind),
                            c.channel,
                            c.raw_value,
                            c.normalized,
                            c.is_valid,
                        )
                        for c in contact.communications
                    ),
                    owner_name=owner.full_name if owner is not None else "",
                    department_name=department.name if department is not None else "",
                    deals=tuple(_deal_text(d) for d in sorted(contact.deals, key=lambda d: d.id)),
                    lead_count=counts.get(contact.id, 0),
                    score=hit.score,
                    reasons=hit.reasons,
                    refusal=contact_refusal(operator, contact),
                    bound_here=contact.id in bound,
                )
            )
    return tuple(cards)


def _deal_text(deal: Deal) -> str:
    return f"#{deal.external_id or deal.id} {deal.title}".strip()


__all__ = [
    "ContactCard",
    "ContactComm",
    "ContactFinder",
    "ContactResults",
    "contact_cards",
    "lead_texts",
]
