"""What the lead list and the review queue show beyond the scan's own summaries.

* ``load_lead_rows``: every open lead with what the lead list shows, in two
  queries (plain data for ``views/lead_model.py``).
* ``load_queue_facts`` and ``GroupRights``: the real names of the leads (the
  scan's summaries fall back to a phone or a handle when a lead has no name)
  and whether the signed-in operator may merge a group, through the rights
  service's own checks.

All of it runs on the database worker, never on the UI thread.  Core selects
(no ORM objects) keep 100,000 leads cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskdup.models import (
    Action,
    Channel,
    Communication,
    Contact,
    Department,
    Entity,
    Lead,
    Operator,
)
from deskdup.services.messages import Message
from deskdup.services.names import fold
from deskdup.services.policy import MergePolicy, load_policy
from deskdup.services.rights import (
    OperatorInfo,
    Owner,
    Refusal,
    allowed,
    check_merge_cards,
    hidden_lead,
    primary_choice,
)
from deskdup.services.workspace import Workspace

_CHUNK = 20000
# Up to this many leads are read by id (an IN list, under SQLite's 999 parameters).
_FEW_LEADS = 900


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
    named: bool = True  # False: ``name`` is the CRM's title of a lead that has no name
    # ID, name, contacts and owner, case-folded with ё as е: what the search box
    # reads.  Made once here (on the worker), not on every search of the UI thread.
    search_text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        text = f"{self.label} {self.name} {self.contacts} {self.owner_name}"
        object.__setattr__(self, "search_text", fold(text))


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
                    named=bool(last or first or middle),
                )
            )
            if progress and len(rows) % _CHUNK == 0:
                progress(len(rows), 0)
    return rows


# --------------------------------------------------------------------------- the queue


@dataclass(frozen=True, slots=True)
class OwnerInfo:
    """The responsible operator of a lead, as the rights check and its messages need it."""

    id: int
    name: str
    department_id: int | None
    department_name: str


@dataclass(frozen=True)
class QueueFacts:
    """What the queue needs besides the scan: real names, owners and the merge policy."""

    names: dict[int, str]  # lead id -> name as entered; leads without a name are absent
    owners: dict[int, OwnerInfo] = field(default_factory=dict)  # operator id -> owner
    policy: MergePolicy = field(default_factory=MergePolicy)


def load_queue_facts(ws: Workspace, lead_ids: Collection[int] | None = None) -> QueueFacts:
    """Names of ``lead_ids`` (every open lead when None), all owners and the policy.

    One pass over the open leads is cheaper than ``IN`` lists of tens of
    thousands of ids; the ones not asked for are dropped on the way.
    """
    wanted = None if lead_ids is None else set(lead_ids)
    names: dict[int, str] = {}
    with ws.session() as session:
        query = select(Lead.id, Lead.last_name, Lead.first_name, Lead.middle_name).where(
            Lead.archived.is_(False)
        )
        if wanted is not None and len(wanted) <= _FEW_LEADS:
            # The queue's update after a merge asks for a handful: by key, not a pass.
            query = query.where(Lead.id.in_(sorted(wanted)))
        for lead_id, last, first, middle in session.execute(query):
            if wanted is not None and lead_id not in wanted:
                continue
            name = " ".join(p.strip() for p in (last, first, middle) if p and p.strip())
            if name:
                names[lead_id] = name
        return QueueFacts(names, _owners(session), load_policy(session))


def lead_owners(ws: Workspace, lead_ids: Collection[int] | None = None) -> dict[int, int | None]:
    """The responsible operator of ``lead_ids`` (by key when they are few), or of
    every open lead (one lean pass): who may merge a group depends on them alone."""
    from deskdup.services.matching.load import _raw  # the driver's rows, unprocessed

    query = select(Lead.id, Lead.assigned_id).where(Lead.archived.is_(False))
    if lead_ids is not None and len(lead_ids) <= _FEW_LEADS:
        query = query.where(Lead.id.in_(sorted(lead_ids)))
    with ws.engine.connect() as conn:
        return dict(_raw(conn, query))


def _owners(session) -> dict[int, OwnerInfo]:
    return {
        op_id: OwnerInfo(op_id, full_name or "", dept_id, dept_name or "")
        for op_id, full_name, dept_id, dept_name in session.execute(
            select(
                Operator.id, Operator.full_name, Operator.department_id, Department.name
            ).outerjoin(Department, Department.id == Operator.department_id)
        )
    }


def load_contact_queue_facts(ws: Workspace) -> QueueFacts:
    """``load_queue_facts`` for the Contacts queue: contact names, owners, the policy."""
    names: dict[int, str] = {}
    with ws.session() as session:
        query = select(Contact.id, Contact.last_name, Contact.first_name, Contact.middle_name)
        for contact_id, last, first, middle in session.execute(
            query.where(Contact.archived.is_(False))
        ):
            name = " ".join(p.strip() for p in (last, first, middle) if p and p.strip())
            if name:
                names[contact_id] = name
        return QueueFacts(names, _owners(session), load_policy(session))


def load_owners(session: Session) -> dict[int, OwnerInfo]:
    """Every operator as the rights check sees an owner: name and department."""
    return _owners(session)


def readable_lead_rows(
    ws: Workspace, operator: OperatorInfo, ids: Iterable[int] | None = None
) -> list[LeadRow]:
    """``load_lead_rows`` without the leads ``operator`` may not read (list and search)."""
    rows = load_lead_rows(ws, ids)
    with ws.session() as session:
        rights = GroupRights(operator, load_owners(session))
    return [row for row in rows if rights.may_read(row.owner_id)]


@dataclass(frozen=True, slots=True)
class RightsCard:
    """The part of a ``LeadCard`` that ``rights.check_merge_cards`` reads."""

    id: int
    label: str
    owner_id: int | None
    owner_name: str
    department_id: int | None
    department_name: str


@dataclass(frozen=True, slots=True)
class MergeLock:
    """A group the operator may not merge: how many rights she lacks at best, and why.

    The refusals are worded on demand (a tooltip): most locked groups are never
    looked at, and wording 16,000 of them would double the rights' cost.
    """

    rights: GroupRights
    cards: tuple[RightsCard, ...]
    primary_id: int  # the primary that lacks the fewest rights
    missing: int

    def refusals(self) -> tuple[Refusal, ...]:
        rights = self.rights
        return tuple(
            check_merge_cards(
                rights.operator, self.cards, self.primary_id, rights.policy, rights.entity
            )
        )


class GroupRights:
    """May the signed-in operator merge a group?  ``refusals`` says why not.

    A group can be merged when some lead of it may be the primary: read on
    every lead, edit on the primary, delete (or archive) on the others; the
    comparison view then suggests that primary.  Scopes depend only on the
    owner, so each (owner, action) is decided once and the common case (all
    allowed) costs a few dictionary look-ups per group; the refusals
    themselves come from ``rights.check_merge_cards`` for the locked groups.
    """

    def __init__(
        self,
        operator: OperatorInfo,
        owners: dict[int, OwnerInfo],
        policy: MergePolicy | None = None,
        entity: Entity = Entity.LEAD,
    ) -> None:
        self.operator = operator
        self.owners = owners
        self.policy = policy or MergePolicy()
        self.entity = entity  # whose rights: the leads' or, for contact groups, the contacts'

        self._allowed: dict[tuple[int | None, Action], bool] = {}

    def _may(self, owner_id: int | None, action: Action) -> bool:
        key = (owner_id, action)
        got = self._allowed.get(key)
        if got is None:
            info = self.owners.get(owner_id) if owner_id is not None else None
            owner = None
            if owner_id is not None:
                owner = Owner(owner_id, info.department_id if info else None)
            got = self._allowed[key] = allowed(self.operator, self.entity, action, owner)
        return got

    def may_read(self, owner_id: int | None) -> bool:
        """May the operator read a lead of ``owner_id`` (its data is shown only then)?"""
        return self._may(owner_id, Action.READ)

    def hidden(self, owner_id: int | None) -> Message:
        """What stands for a lead the operator may not read: "a lead of Продажи 2 …"."""
        info = self.owners.get(owner_id) if owner_id is not None else None
        return hidden_lead(info.department_name if info else "")

    def card(self, lead_id: int, label: str, owner_id: int | None) -> RightsCard:
        info = self.owners.get(owner_id) if owner_id is not None else None
        return RightsCard(
            id=lead_id,
            label=label,
            owner_id=owner_id,
            owner_name=info.name if info else "",
            department_id=info.department_id if info else None,
            department_name=info.department_name if info else "",
        )

    def refusals(self, cards: Sequence[RightsCard]) -> tuple[Refusal, ...]:
        """Nothing when the operator may merge the group, else the missing rights.

        For a locked group: the refusals of the primary that lacks the fewest.
        """
        lock = self.lock(cards)
        return () if lock is None else lock.refusals()

    def lock(self, cards: Sequence[RightsCard]) -> MergeLock | None:
        """None when the operator may merge the group."""
        if not cards:
            return None
        owners = [c.owner_id for c in cards]
        primary, lacking = primary_choice(
            len(cards), lambda i, action: self._may(owners[i], action)
        )
        if lacking == 0:
            return None
        return MergeLock(self, tuple(cards), cards[primary].id, lacking)
