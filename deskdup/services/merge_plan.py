"""The merge plan: what the comparison view shows and what the merge applies.

Like Picard's ``TagDiff`` this is plain Python, built from the database once
and then only read and edited in memory: the leads of a group as ``LeadCard``
records (one column of the comparison view each, ``merge_cards.py``), one
``FieldChoice`` per single-value field (the candidate value of every lead and
the chosen source), and the united multi-value data (communications without
duplicates, every chat, activity, deal and comment).
``services.merge.apply_merge`` takes the plan and the ``versions`` captured
here; a lead changed since then is not overwritten.

Nothing here touches the database after ``build_plan`` returns, so a plan can
be handed to a view and back to a worker thread freely.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from deskdup.models import Channel, CommKind, Lead, Operator
from deskdup.services.errors import KnownError, fail
from deskdup.services.merge_cards import ActivityInfo, ChatInfo, CommInfo, DealInfo, LeadCard
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message, message_to_json
from deskdup.services.name_proposal import NAME_FIELDS, NameSource, propose_names

PLAN_CONTEXT = "Merge"
MSG_TWO_LEADS = QT_TRANSLATE_NOOP("Merge", "A merge needs at least two different leads")
MSG_NO_LEAD = QT_TRANSLATE_NOOP("Merge", "Lead {lead} does not exist (any more)")
MSG_MERGED_INTO = QT_TRANSLATE_NOOP("Merge", "Lead #{lead} was already merged into #{into}")
MSG_ARCHIVED = QT_TRANSLATE_NOOP("Merge", "Lead #{lead} is archived; it cannot be merged")

PROPOSED = "proposed"  # FieldChoice.source: a name split or put right by the plan
TYPED = "typed"  # FieldChoice.source: typed by the operator
BOUND = "bound"  # FieldChoice.source: a contact found in the bind dialog (contact_id)

# --------------------------------------------------------------------------- fields

# (name, label) of the single-value fields, in the order the view shows them.
# ``assigned_id`` and ``contact_id`` hold ids; their display text is the name.
FIELDS: tuple[tuple[str, str], ...] = (
    ("title", QT_TRANSLATE_NOOP("MergeField", "Title")),
    ("last_name", QT_TRANSLATE_NOOP("MergeField", "Last name")),
    ("first_name", QT_TRANSLATE_NOOP("MergeField", "First name")),
    ("middle_name", QT_TRANSLATE_NOOP("MergeField", "Middle name")),
    ("status", QT_TRANSLATE_NOOP("MergeField", "Status")),
    ("source_channel", QT_TRANSLATE_NOOP("MergeField", "Source")),
    ("assigned_id", QT_TRANSLATE_NOOP("MergeField", "Responsible")),
    ("contact_id", QT_TRANSLATE_NOOP("MergeField", "Contact")),
)
FIELD_NAMES: tuple[str, ...] = tuple(name for name, _ in FIELDS)
# A contact's single-value fields (``services/contact_merge.py`` builds its plan).
CONTACT_FIELDS: tuple[tuple[str, str], ...] = tuple(
    f for f in FIELDS if f[0] in ("last_name", "first_name", "middle_name", "assigned_id")
)
CONTACT_FIELD_NAMES: tuple[str, ...] = tuple(name for name, _ in CONTACT_FIELDS)
LEAD, CONTACT = "lead", "contact"  # MergePlan.entity


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass
class FieldChoice:
    """One single-value field: every lead's value and which one survives."""

    name: str
    label: Message
    values: dict[int, Any]  # lead id -> stored value (an id for assigned/contact)
    display: dict[int, str]  # lead id -> text to show
    chosen: int  # lead id whose value survives (or that the proposed value comes from)
    explicit: bool = False  # the operator chose it (kept when the primary changes)
    # A value no lead holds as such: PROPOSED (a name split or put right,
    # services/name_proposal.py) or TYPED by the operator; None: the lead's value.
    override: str | None = None
    source: str = ""
    # The stored value of an override that is not its text: BOUND's contact id.
    override_value: Any = None

    @property
    def differs(self) -> bool:
        """More than one distinct value among the leads (empty counts as a value),
        or a value put right that the operator should see."""
        if self.override is not None:
            return True
        return len({None if _empty(v) else v for v in self.values.values()}) > 1

    @property
    def chosen_value(self) -> Any:
        if self.override is None:
            return self.values[self.chosen]
        return self.override if self.override_value is None else self.override_value

    def clear_override(self) -> None:
        self.override, self.source, self.override_value = None, "", None

    @property
    def chosen_display(self) -> str:
        return self.display[self.chosen] if self.override is None else self.override


@dataclass(frozen=True)
class UnitedComm:
    """A communication of the merged lead and the leads it came from."""

    kind: CommKind
    channel: Channel
    raw: str
    normalized: str
    valid: bool
    lead_ids: tuple[int, ...]  # every lead that had it, first one = the kept row's lead


@dataclass
class United:
    """The multi-value data of the merged lead: united, never dropped."""

    communications: list[UnitedComm]
    chats: list[ChatInfo]
    activities: list[ActivityInfo]
    deals: list[DealInfo]
    comments: list[tuple[int, str]]  # (lead id, text), non-empty, duplicates removed


# --------------------------------------------------------------------------- the plan


@dataclass
class MergePlan:
    """A group of leads, the primary, and the operator's choice per field."""

    lead_ids: list[int]  # display order
    primary_id: int
    cards: dict[int, LeadCard]
    fields: list[FieldChoice]
    versions: dict[int, int]  # lead id -> version when the plan was built
    built_at: datetime = field(default_factory=datetime.now)
    # Why the group was offered (the matcher's reasons); kept in the history.
    reasons: tuple[Any, ...] = ()
    # What the cards are: LEAD, or CONTACT (then ids are contact ids, and the
    # fields are ``CONTACT_FIELDS``).
    entity: str = LEAD

    # ---- reading

    @property
    def other_ids(self) -> list[int]:
        return [i for i in self.lead_ids if i != self.primary_id]

    @property
    def primary(self) -> LeadCard:
        return self.cards[self.primary_id]

    def card(self, lead_id: int) -> LeadCard:
        return self.cards[lead_id]

    def field(self, name: str) -> FieldChoice:
        for choice in self.fields:
            if choice.name == name:
                return choice
        names = ", ".join(c.name for c in self.fields)
        raise KnownError(f"Unknown field '{name}'; the fields are: {names}.")

    def ordered_from_primary(self) -> list[int]:
        """Lead ids starting at the primary, then the others in display order."""
        return [self.primary_id, *self.other_ids]

    @property
    def united(self) -> United:
        return unite(self.cards[i] for i in self.ordered_from_primary())

    # ---- editing

    def choose(self, field_name: str, lead_id: int) -> None:
        """The operator keeps ``lead_id``'s value of ``field_name``."""
        if lead_id not in self.cards:
            raise KnownError(f"Lead {lead_id} is not in this group.")
        choice = self.field(field_name)
        choice.chosen = lead_id
        choice.explicit = True
        choice.clear_override()

    def type_value(self, field_name: str, text: str) -> None:
        """The operator types the merged lead's value of a text field herself."""
        if field_name not in NAME_FIELDS and field_name != "title":
            raise KnownError(f"'{field_name}' cannot be typed; choose a lead's value.")
        choice = self.field(field_name)
        choice.override, choice.source = text.strip(), TYPED
        choice.explicit = True

    def pick_contact(self, contact_id: int, label: str, name: str) -> None:
        """The merged lead is bound to this contact (found in the bind dialog, not
        necessarily one of the group's): the merge binds it in its transaction."""
        choice = self.field("contact_id")
        choice.override, choice.source = contact_text(name, label), BOUND
        choice.override_value = contact_id
        choice.explicit = True

    @property
    def contact_pick(self) -> int | None:
        """The contact chosen with ``pick_contact``, if the operator still wants it."""
        if self.entity != LEAD:
            return None  # contacts are merged, not bound
        choice = self.field("contact_id")
        return choice.override_value if choice.source == BOUND else None

    def set_primary(self, lead_id: int) -> None:
        """Make ``lead_id`` the primary; defaults follow, explicit choices stay."""
        if lead_id not in self.cards:
            raise KnownError(f"Lead {lead_id} is not in this group.")
        self.primary_id = lead_id
        order = self.ordered_from_primary()
        for choice in self.fields:
            if not choice.explicit:
                choice.chosen = _default_source(choice.values, order)
                choice.clear_override()
        _apply_proposals(self.fields, self.cards, order)

    def reset_choices(self) -> None:
        """Forget the operator's choices; every field takes its default again."""
        for choice in self.fields:
            choice.explicit = False
        self.set_primary(self.primary_id)

    # ---- results

    def chosen_values(self) -> dict[str, Any]:
        """field -> surviving stored value."""
        return {c.name: c.chosen_value for c in self.fields}

    def choices_for_history(self) -> dict[str, Any]:
        """What the history records of the operator's decisions (JSON-safe)."""
        return {
            "primary": self.primary_id,
            "fields": {c.name: c.chosen for c in self.fields},
            "explicit": sorted(c.name for c in self.fields if c.explicit),
            "values": {c.name: [c.source, c.override] for c in self.fields if c.source},
            "bound_contact": self.contact_pick,
            "reasons": [message_to_json(getattr(r, "text", r)) for r in self.reasons],
        }

    def preview(self) -> dict[str, Any]:
        """The merged lead as it will be after applying, as a plain dict."""
        united = self.united
        out: dict[str, Any] = {"id": self.primary_id, "label": self.primary.label}
        for choice in self.fields:
            out[choice.name] = choice.chosen_value
            out[f"{choice.name}_display"] = choice.chosen_display
        out["communications"] = united.communications
        out["chats"] = united.chats
        out["activities"] = united.activities
        out["deals"] = united.deals
        out["comments"] = merged_comments(united.comments, self.cards)
        out["merged_from"] = [self.cards[i].label for i in self.other_ids]
        return out


# --------------------------------------------------------------------------- building


def contact_text(name: str, label: str) -> str:
    """A contact as the comparison shows it: its name and its ID."""
    return f"{name} · #{label}" if name and name != f"#{label}" else f"#{label}"


def suggest_primary(cards: Sequence[LeadCard]) -> int:
    """The lead with the most data; on a tie the oldest, then the lowest id."""
    if not cards:
        raise ValueError("no leads")
    best = min(cards, key=lambda c: (-c.data_score, c.created_at, c.id))
    return best.id


def _default_source(values: dict[int, Any], order: Sequence[int]) -> int:
    """The primary's value, or the first non-empty one from the primary on."""
    for lead_id in order:
        if not _empty(values[lead_id]):
            return lead_id
    return order[0]


def _name_source(card: LeadCard) -> NameSource:
    other = " ".join([card.title, *(c.raw for c in card.communications)])
    return NameSource(card.last_name, card.first_name, card.middle_name, other)


def _apply_proposals(
    fields: Sequence[FieldChoice], cards: dict[int, LeadCard], order: Sequence[int]
) -> None:
    """The clean name (services/name_proposal.py) in the name fields the operator
    has not decided herself."""
    proposals = propose_names({i: _name_source(cards[i]) for i in order}, order)
    for choice in fields:
        proposal = proposals.get(choice.name)
        if proposal is None or choice.explicit:
            continue
        choice.chosen = proposal.lead_id
        stored = choice.values[proposal.lead_id]
        if (stored or "").strip() == proposal.value:
            choice.clear_override()
        else:
            choice.override, choice.source = proposal.value, PROPOSED


def unite(cards: Sequence[LeadCard] | Any) -> United:
    """Unite the multi-value data of ``cards`` (primary first)."""
    comms: dict[tuple[str, str, str], UnitedComm] = {}
    chats: list[ChatInfo] = []
    activities: list[ActivityInfo] = []
    deals: list[DealInfo] = []
    comments: list[tuple[int, str]] = []
    seen_comments: set[str] = set()
    seen_deals: set[int] = set()  # contacts on one deal: the deal counts once
    for card in cards:
        for comm in card.communications:
            key = comm.dedup_key
            if key in comms:
                prev = comms[key]
                if card.id not in prev.lead_ids:
                    comms[key] = UnitedComm(
                        prev.kind,
                        prev.channel,
                        prev.raw,
                        prev.normalized,
                        prev.valid,
                        (*prev.lead_ids, card.id),
                    )
            else:
                comms[key] = UnitedComm(
                    comm.kind, comm.channel, comm.raw, comm.normalized, comm.valid, (card.id,)
                )
        chats.extend(card.chats)
        activities.extend(card.activities)
        deals.extend(d for d in card.deals if d.id not in seen_deals)
        seen_deals.update(d.id for d in card.deals)
        text = card.comments.strip()
        if text and text not in seen_comments:
            seen_comments.add(text)
            comments.append((card.id, text))
    return United(list(comms.values()), chats, activities, deals, comments)


def merged_comments(comments: Sequence[tuple[int, str]], cards: dict[int, LeadCard]) -> str:
    """The primary's comment text after the merge (before the merge note).

    The first comment (the primary's, if any) stays as it is; the others follow,
    each marked with the lead it came from.
    """
    parts: list[str] = []
    for i, (lead_id, text) in enumerate(comments):
        parts.append(text if i == 0 else f"[#{cards[lead_id].label}] {text}")
    return "\n\n".join(parts)


def _card(lead: Lead) -> LeadCard:
    owner = lead.assigned
    department = owner.department if owner is not None else None
    contact = lead.contact
    return LeadCard(
        id=lead.id,
        label=lead.label,
        title=lead.title or "",
        first_name=lead.first_name or "",
        last_name=lead.last_name or "",
        middle_name=lead.middle_name or "",
        status=lead.status or "",
        source_channel=lead.source_channel,
        owner_id=lead.assigned_id,
        owner_name=owner.full_name if owner is not None else "",
        department_id=department.id if department is not None else None,
        department_name=department.name if department is not None else "",
        contact_id=lead.contact_id,
        contact_name=(contact.full_name or f"#{contact.id}") if contact is not None else "",
        contact_label=(contact.external_id or str(contact.id)) if contact is not None else "",
        created_at=lead.created_at,
        updated_at=lead.updated_at,
        version=lead.version,
        comments=lead.comments or "",
        communications=tuple(
            CommInfo(c.id, lead.id, c.kind, c.channel, c.raw_value, c.normalized, c.is_valid)
            for c in lead.communications
        ),
        chats=tuple(
            ChatInfo(
                c.id,
                lead.id,
                c.channel,
                c.external_chat_id,
                c.first_message,
                c.message_count,
                c.last_message_at,
            )
            for c in lead.chats
        ),
        activities=tuple(
            ActivityInfo(a.id, lead.id, a.kind, a.subject, a.created_at) for a in lead.activities
        ),
        deals=tuple(
            DealInfo(d.id, lead.id, d.external_id or str(d.id), d.title, d.stage, d.amount)
            for d in lead.deals
        ),
    )


def _field_choices(
    cards: dict[int, LeadCard],
    order: Sequence[int],
    fields: Sequence[tuple[str, str]] = FIELDS,
) -> list[FieldChoice]:
    out = []
    for name, label in fields:
        values: dict[int, Any] = {}
        display: dict[int, str] = {}
        for lead_id in order:
            card = cards[lead_id]
            if name == "assigned_id":
                values[lead_id] = card.owner_id
                display[lead_id] = card.owner_name
            elif name == "contact_id":
                values[lead_id] = card.contact_id
                display[lead_id] = (
                    contact_text(card.contact_name, card.contact_label) if card.contact_id else ""
                )
            elif name == "source_channel":
                values[lead_id] = card.source_channel
                display[lead_id] = card.source_channel.value
            else:
                values[lead_id] = getattr(card, name)
                display[lead_id] = getattr(card, name)
        out.append(
            FieldChoice(
                name=name,
                label=Message("MergeField", label),
                values=values,
                display=display,
                chosen=_default_source(values, order),
            )
        )
    _apply_proposals(out, cards, order)
    return out


def load_leads(
    session: Session, lead_ids: Sequence[int], *, for_update: bool = False
) -> list[Lead]:
    """The leads with everything a card shows, loaded in a few queries."""
    stmt = (
        select(Lead)
        .where(Lead.id.in_(list(lead_ids)))
        .options(
            selectinload(Lead.communications),
            selectinload(Lead.chats),
            selectinload(Lead.activities),
            selectinload(Lead.deals),
            selectinload(Lead.contact),
            selectinload(Lead.assigned).selectinload(Operator.department),
        )
        .order_by(Lead.id)
        .execution_options(populate_existing=True)
    )
    if for_update:
        stmt = stmt.with_for_update(of=Lead)
    return list(session.scalars(stmt))


def cards_from_leads(leads: Sequence[Lead]) -> dict[int, LeadCard]:
    return {lead.id: _card(lead) for lead in leads}


def build_plan(
    session: Session, lead_ids: Sequence[int], primary_id: int | None = None
) -> MergePlan:
    """Load the group and make the plan with default choices.

    ``lead_ids`` gives the display order.  Without ``primary_id`` the suggested
    primary (``suggest_primary``) is taken.  Raises ``KnownError`` when a lead
    does not exist any more or was already merged away.
    """
    order = list(dict.fromkeys(lead_ids))
    if len(order) < 2:
        raise fail(KnownError, Message(PLAN_CONTEXT, MSG_TWO_LEADS))
    leads = {lead.id: lead for lead in load_leads(session, order)}
    for lead_id in order:
        lead = leads.get(lead_id)
        if lead is None:
            raise fail(KnownError, Message(PLAN_CONTEXT, MSG_NO_LEAD, {"lead": lead_id}))
        if lead.archived or lead.merged_into_id is not None:
            target = session.get(Lead, lead.merged_into_id) if lead.merged_into_id else None
            if target is not None:
                message = Message(
                    PLAN_CONTEXT, MSG_MERGED_INTO, {"lead": lead.label, "into": target.label}
                )
            else:
                message = Message(PLAN_CONTEXT, MSG_ARCHIVED, {"lead": lead.label})
            raise fail(KnownError, message)
    cards = {lead_id: _card(leads[lead_id]) for lead_id in order}
    if primary_id is None:
        primary_id = suggest_primary([cards[i] for i in order])
    elif primary_id not in cards:
        raise KnownError(f"The primary lead {primary_id} is not in the group.")
    from_primary = [primary_id, *(i for i in order if i != primary_id)]
    return MergePlan(
        lead_ids=order,
        primary_id=primary_id,
        cards=cards,
        fields=_field_choices(cards, from_primary),
        versions={i: cards[i].version for i in order},
    )
