"""The lead list's rows: every open lead with what the list shows, in two queries.

Plain data for ``views/lead_model.py``; loaded on the database worker, never on
the UI thread.  Core selects (no ORM objects) keep 100,000 leads cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from deskdup.models import Channel, Communication, Lead, Operator
from deskdup.services.workspace import Workspace

_CHUNK = 20000


@dataclass(frozen=True, slots=True)
class LeadRow:
    id: int
    label: str  # external id, else the database id
    name: str
    channel: Channel
    contacts: str  # phones, e-mails and handles as entered, joined with ", "
    owner_id: int | None
    owner_name: str
    status: str
    created_at: datetime

    def search_text(self) -> str:
        return f"{self.label} {self.name} {self.contacts} {self.owner_name}".lower()


def _full_name(last: str, first: str, middle: str, title: str) -> str:
    name = " ".join(p for p in (last, first, middle) if p)
    return name or title


def load_lead_rows(
    ws: Workspace,
    ids: Iterable[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[LeadRow]:
    """Open (not archived) leads, oldest first; only ``ids`` when given."""
    wanted = None if ids is None else sorted(set(ids))
    with ws.session() as session:
        lead_q = (
            select(
                Lead.id,
                Lead.external_id,
                Lead.last_name,
                Lead.first_name,
                Lead.middle_name,
                Lead.title,
                Lead.source_channel,
                Lead.assigned_id,
                Operator.full_name,
                Lead.status,
                Lead.created_at,
            )
            .outerjoin(Operator, Operator.id == Lead.assigned_id)
            .where(Lead.archived.is_(False))
            .order_by(Lead.id)
        )
        comm_q = (
            select(Communication.lead_id, Communication.raw_value)
            .join(Lead, Lead.id == Communication.lead_id)
            .where(Lead.archived.is_(False))
            .order_by(Communication.lead_id, Communication.id)
        )
        if wanted is not None:
            lead_q = lead_q.where(Lead.id.in_(wanted))
            comm_q = comm_q.where(Communication.lead_id.in_(wanted))
        contacts: dict[int, list[str]] = {}
        for lead_id, raw in session.execute(comm_q):
            contacts.setdefault(lead_id, []).append(raw)
        if progress:
            progress(0, 0)
        rows: list[LeadRow] = []
        for (
            lead_id,
            external_id,
            last,
            first,
            middle,
            title,
            channel,
            owner_id,
            owner_name,
            status,
            created,
        ) in session.execute(lead_q):
            rows.append(
                LeadRow(
                    id=lead_id,
                    label=external_id or str(lead_id),
                    name=_full_name(last, first, middle, title),
                    channel=channel,
                    contacts=", ".join(contacts.get(lead_id, ())),
                    owner_id=owner_id,
                    owner_name=owner_name or "",
                    status=status or "",
                    created_at=created,
                )
            )
            if progress and len(rows) % _CHUNK == 0:
                progress(len(rows), 0)
    return rows
