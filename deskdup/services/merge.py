"""Applying a merge plan (SQL backend); undo and dismissals live beside it.

``apply_merge`` is one transaction.  The leads are re-read (``FOR UPDATE`` on
PostgreSQL; on SQLite the transaction starts with ``BEGIN IMMEDIATE``, which
serialises writers the same way) and their versions compared with the ones the
plan captured: a lead changed since it was shown raises ``StaleError`` and
nothing is written.  Then the rights check (``RightsError``, nothing written),
then the history event with the before-snapshot of every row the merge touches
and the content of every row it leaves (``records.RowSet``: what undo compares
with), then the changes.  Every UPDATE goes through the ORM with
``version_id_col``, so a writer that slipped past the check still fails with
``StaleDataError``, turned into the same ``StaleError``.

Undo is ``services/undo.py``, dismissals ``services/dismissals.py``; both are
re-exported here for the callers that import them from this module.

The exceptions raised here carry the operator-facing ``Message`` as
``exc.message`` (and ``RightsError`` the ``Refusal`` list as ``exc.refusals``)
for views that translate; ``str(exc)`` is the English text.

Times are stored as naive UTC.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskdup.models import (
    Activity,
    Chat,
    Contact,
    Deal,
    EventKind,
    EventLead,
    Lead,
    MergeEvent,
    Operator,
    deal_contacts,
)
from deskdup.services.binding import bound_contact, plan_attach
from deskdup.services.channels import channel_message
from deskdup.services.dismissals import dismiss, undo_dismiss
from deskdup.services.errors import RightsError, StaleError, fail
from deskdup.services.events import record_event
from deskdup.services.merge_cards import LeadCard
from deskdup.services.merge_plan import (
    MergePlan,
    cards_from_leads,
    load_leads,
    merged_comments,
    unite,
)
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message, Translate
from deskdup.services.policy import MergePolicy, load_policy
from deskdup.services.records import (
    MSG_BUSY,
    MSG_NO_OPERATOR,
    MSG_RACE,
    RowSet,
    active_operator,
    lock_group,
    row_dict,
    utcnow,
    write_session,
)
from deskdup.services.rights import check_merge_cards, refusals_message
from deskdup.services.times import local_time
from deskdup.services.undo import (
    MSG_ALREADY_UNDONE,
    MSG_NO_EVENT,
    MSG_UNDO_CHANGED,
    MSG_UNDONE,
    UndoResult,
    undo_event,
)
from deskdup.services.workspace import Workspace, tag_session

__all__ = [
    "MSG_ALREADY_UNDONE",
    "MSG_BUSY",
    "MSG_NO_EVENT",
    "MSG_NO_OPERATOR",
    "MSG_RACE",
    "MSG_UNDONE",
    "MSG_UNDO_CHANGED",
    "MergeResult",
    "UndoResult",
    "UndoableMerge",
    "apply_merge",
    "dismiss",
    "last_undoable_event",
    "last_undoable_merge",
    "row_dict",
    "undo_dismiss",
    "undo_event",
    "utcnow",
    "write_session",
]

CONTEXT = "Merge"

# The name the Bitrix24 merge imports (services/bitrix24/merge.py).
_operator = active_operator

MSG_MERGED = QT_TRANSLATE_NOOP("Merge", "Merged {count} leads into #{primary}")
MSG_MERGED_BOUND = QT_TRANSLATE_NOOP(
    "Merge", "Merged {count} leads into #{primary} and bound it to contact #{contact} ({name})"
)
MSG_CHANGED = QT_TRANSLATE_NOOP(
    "Merge",
    "Lead #{lead} was changed by {who} at {time} (now version {version}); nothing was merged",
)
MSG_GONE = QT_TRANSLATE_NOOP(
    "Merge",
    "Lead #{lead} was deleted by someone else; nothing was merged",
)
MSG_MERGED_AWAY = QT_TRANSLATE_NOOP(
    "Merge",
    "Lead #{lead} was merged into #{into} by {who}; nothing was merged",
)
SOMEONE_ELSE = QT_TRANSLATE_NOOP("Merge", "someone else")

# The note appended to the primary's comments, in the team's language
# (``MergePolicy.note_language``) and the merging operator's local time.
NOTE_CONTEXT = "MergeNote"
MERGE_NOTE = QT_TRANSLATE_NOOP("MergeNote", "Merged leads {leads} into this lead ({when}, {who}).")
NOTE_TIME = QT_TRANSLATE_NOOP("MergeNote", "%Y-%m-%d %H:%M")  # strftime, per language


@dataclass(frozen=True)
class MergeResult:
    event_id: int
    primary_id: int
    merged_ids: tuple[int, ...]
    summary: Message


@dataclass(frozen=True)
class UndoableMerge:
    """A merge "undo last" would undo, as the confirmation names it."""

    event_id: int
    primary_label: str  # the CRM's id when there is one, else the database id
    primary_name: str  # the primary's name as it is now ("" when it has none)
    other_labels: tuple[str, ...]
    merged_at: datetime  # naive UTC, as stored
    operator_name: str
    # A bind (the window's undo takes back the operator's last merge or bind):
    # the contact's label and name; "" for a merge.
    contact_label: str = ""
    contact_name: str = ""

    @property
    def is_bind(self) -> bool:
        return bool(self.contact_label)

    @property
    def merged_at_local(self) -> datetime:
        """When, in this computer's time zone (the operator reads local time)."""
        return local_time(self.merged_at)


# --------------------------------------------------------------------------- merge


def _who_changed(session: Session, lead: Lead) -> str:
    """The operator of the latest history event that touched ``lead``, if any."""
    event = session.scalars(
        select(MergeEvent)
        .join(EventLead, EventLead.event_id == MergeEvent.id)
        .where(EventLead.record_id == lead.id, EventLead.role != "contact")
        .order_by(MergeEvent.id.desc())
        .limit(1)
    ).first()
    return event.operator.full_name if event is not None and event.operator else ""


def check_plan_still_holds(
    session: Session,
    operator: Operator,
    plan: MergePlan,
    leads: dict[int, Lead],
    policy: MergePolicy,
) -> dict[int, LeadCard]:
    """Refuse a plan whose leads changed since it was shown, or that the operator may not apply.

    Every backend asks this before it writes anything (the SQL one here, the
    portal in ``bitrix24.merge``); returns the leads' cards as they are now.
    """
    _check_versions(session, plan, leads)
    cards = cards_from_leads(list(leads.values()))
    refusals = check_merge_cards(
        operator, [cards[i] for i in plan.lead_ids], plan.primary_id, policy
    )
    if refusals:
        raise fail(RightsError, refusals_message(refusals), refusals=refusals)
    return cards


def _check_versions(session: Session, plan: MergePlan, leads: dict[int, Lead]) -> None:
    for lead_id in plan.lead_ids:
        lead = leads.get(lead_id)
        label = plan.cards[lead_id].label
        if lead is None:
            raise fail(StaleError, Message(CONTEXT, MSG_GONE, {"lead": label}), lead_id=lead_id)
        if lead.archived or lead.merged_into_id is not None:
            target = session.get(Lead, lead.merged_into_id) if lead.merged_into_id else None
            params = {
                "lead": label,
                "into": target.label if target is not None else "?",
                "who": _who_changed(session, lead) or Message(CONTEXT, SOMEONE_ELSE),
            }
            raise fail(StaleError, Message(CONTEXT, MSG_MERGED_AWAY, params), lead_id=lead_id)
        if lead.version != plan.versions[lead_id]:
            who = _who_changed(session, lead) or Message(CONTEXT, SOMEONE_ELSE)
            params = {
                "lead": label,
                "who": who,
                "time": f"{lead.updated_at:%H:%M}" if lead.updated_at else "?",
                "version": lead.version,
            }
            raise fail(StaleError, Message(CONTEXT, MSG_CHANGED, params), lead_id=lead_id)


def _merge_note(
    cards: Sequence[LeadCard], when: datetime, who: str, translate: Translate | None = None
) -> str:
    """``when``: naive UTC; written in this computer's (the operator's) local time.
    ``translate(context, text)``: the note's language (None: English)."""
    local = when.replace(tzinfo=UTC).astimezone()
    time_format = translate(NOTE_CONTEXT, NOTE_TIME) if translate else NOTE_TIME
    leads = ", ".join(
        f"#{c.label} ({channel_message(c.source_channel).render(translate=translate)})"
        for c in cards
    )
    when_text = local.strftime(time_format)
    note = Message(NOTE_CONTEXT, MERGE_NOTE, {"leads": leads, "when": when_text, "who": who})
    return note.render(translate=translate)


def move_records(other: Lead, primary: Lead) -> None:
    """``other``'s chats, activities and deals go to ``primary``: a merge keeps them all."""
    for chat in list(other.chats):
        chat.lead = primary
    for activity in list(other.activities):
        activity.lead = primary
    for deal in list(other.deals):
        deal.lead = primary


def apply_merge(
    ws: Workspace,
    plan: MergePlan,
    operator_id: int,
    policy: MergePolicy | None = None,
    note_translators: Mapping[str, Translate] | None = None,
    note_default: str = "en",
) -> MergeResult:
    """Apply ``plan`` as ``operator_id`` in one transaction.

    The note in the merged lead is in the team's language (``policy.note_language``),
    else in ``note_default`` (the operator's UI language); ``note_translators``
    gives the translation of each language (English needs none).

    Raises ``StaleError`` when a lead changed since the plan was built,
    ``RightsError`` when a right is missing, ``KnownError`` when the operator
    does not exist; in every case nothing is written.  ``policy`` defaults to
    the team's (``policy.load_policy``).
    """
    with write_session(ws) as session:
        if policy is None:
            policy = load_policy(session)
        operator = active_operator(session, operator_id)
        tag_session(session, operator.login)
        locked = lock_group(ws, session, plan, load_leads)
        leads = {lead.id: lead for lead in locked}
        cards = check_plan_still_holds(session, operator, plan, leads, policy)
        # A contact picked for the merged lead: its rights too, before anything changes.
        contact = bound_contact(session, operator, plan.contact_pick)

        primary = leads[plan.primary_id]
        others = [leads[i] for i in plan.other_ids]
        now = utcnow()
        snapshot = _merge_snapshot(session, primary, others)
        snapshot["policy"] = {"archive_instead_of_delete": policy.archive_instead_of_delete}

        # Single-value fields: the chosen lead's value.
        for choice in plan.fields:
            setattr(primary, choice.name, choice.chosen_value)

        # Comments: united, then the note naming what came in.
        ordered = [cards[plan.primary_id], *(cards[i] for i in plan.other_ids)]
        text = merged_comments(unite(ordered).comments, cards)
        translate = (note_translators or {}).get(policy.note_language or note_default)
        note = _merge_note([cards[i] for i in plan.other_ids], now, operator.full_name, translate)
        primary.comments = f"{text}\n\n{note}" if text else note
        primary.updated_at = now

        # Communications: every distinct one ends on the primary; duplicates by
        # normalised value are dropped (the snapshot keeps them for undo).
        # The primary's own duplicates go too, so the result is what the preview showed.
        keys: set[tuple[str, str, str]] = set()
        dropped: list[int] = []
        for lead in [primary, *others]:
            infos = {c.id: c for c in cards[lead.id].communications}
            for comm in list(lead.communications):
                key = infos[comm.id].dedup_key
                if key in keys:
                    dropped.append(comm.id)
                    lead.communications.remove(comm)  # delete-orphan
                    continue
                keys.add(key)
                if lead is not primary:
                    primary.communications.append(comm)
        for other in others:
            move_records(other, primary)
        attached = None
        if contact is not None:
            # The whole group's channels and chats join the contact (services/binding.py).
            # Before the flush that deletes the duplicates: the contact's new rows are
            # inserted first, so none takes the id of a row this merge removes (SQLite
            # hands out the highest id + 1), which undo would read as "the id is used
            # again".  The collections already hold the group's rows (in memory).
            attached = plan_attach(primary, contact, primary.communications, primary.chats)
            snapshot["contacts"] = attached.before()["contacts"]
            known = {row["id"] for row in snapshot["chats"]}
            snapshot["chats"] += [r for r in attached.before()["chats"] if r["id"] not in known]
            attached.apply(session, now)
        session.flush()

        deleted, relinked = retire_others(
            session, Lead, primary, others, plan.lead_ids, policy, now, snapshot["relinked_leads"]
        )

        params = {"count": len(plan.lead_ids), "primary": primary.label}
        if contact is not None:
            params.update(contact=contact.external_id or str(contact.id), name=contact.full_name)
        summary = Message(CONTEXT, MSG_MERGED_BOUND if contact else MSG_MERGED, params)
        left = RowSet()
        left.add("leads", [primary, *(o for o in others if o.id not in deleted)])
        left.add("leads", relinked)
        left.add("communications", primary.communications)
        left.remove("leads", deleted)
        left.remove("communications", dropped)
        moved = _moved_ids(plan)
        for table, model in (("chats", Chat), ("activities", Activity), ("deals", Deal)):
            if moved[table]:
                left.add(table, session.scalars(select(model).where(model.id.in_(moved[table]))))
        if attached is not None:
            attached.left(left)
        snapshot["after"] = left.to_json()
        event = record_event(
            session,
            kind=EventKind.MERGE_LEADS,
            operator_id=operator.id,
            created_at=now,
            primary_id=primary.id,
            other_ids=list(plan.other_ids),
            contact_ids=[contact.id] if contact is not None else [],
            choices=plan.choices_for_history(),
            snapshot=snapshot,
            summary=str(summary),
        )
        return MergeResult(event.id, primary.id, tuple(plan.other_ids), summary)


def retire_others(
    session: Session,
    model: Any,
    primary: Any,
    others: Sequence[Any],
    group_ids: Sequence[int],
    policy: MergePolicy,
    now: datetime,
    relinked_before: list[dict[str, Any]],
) -> tuple[list[int], list[Any]]:
    """The merged-away records of a lead or contact merge, as the team's policy says.

    Archived: marked merged into the primary.  Deleted: the records merged into
    them earlier (outside this group) now point at the primary, their rows as
    they were appended to ``relinked_before`` for the undo.  Returns the deleted
    ids and the re-pointed records.
    """
    deleted: list[int] = []
    relinked: list[Any] = []
    for other in others:
        if policy.archive_instead_of_delete:
            other.archived = True
            other.merged_into_id = primary.id
            other.updated_at = now
            continue
        for earlier in session.scalars(
            select(model).where(model.merged_into_id == other.id, model.id.not_in(group_ids))
        ):
            relinked_before.append(row_dict(earlier))
            earlier.merged_into_id = primary.id
            relinked.append(earlier)
        deleted.append(other.id)
        session.delete(other)
    session.flush()
    return deleted, relinked


def _moved_ids(plan: MergePlan) -> dict[str, list[int]]:
    """The chats, activities and deals of the other leads: the merge moves them to the primary."""
    cards = [plan.cards[i] for i in plan.other_ids]
    return {
        "chats": [c.id for card in cards for c in card.chats],
        "activities": [a.id for card in cards for a in card.activities],
        "deals": [d.id for card in cards for d in card.deals],
    }


def _merge_snapshot(session: Session, primary: Lead, others: Sequence[Lead]) -> dict[str, Any]:
    """Every row the merge may touch, as it is now."""
    group = [primary, *others]
    deal_ids = [d.id for o in others for d in o.deals]
    links = []
    if deal_ids:
        links = [
            [row.deal_id, row.contact_id]
            for row in session.execute(
                select(deal_contacts).where(deal_contacts.c.deal_id.in_(deal_ids))
            )
        ]
    return {
        "leads": [row_dict(lead) for lead in group],
        "communications": [row_dict(c) for lead in group for c in lead.communications],
        "chats": [row_dict(c) for o in others for c in o.chats],
        "activities": [row_dict(a) for o in others for a in o.activities],
        "deals": [row_dict(d) for o in others for d in o.deals],
        "deal_contacts": links,
        "relinked_leads": [],
    }


def last_undoable_event(
    ws: Workspace, operator_id: int, kinds: Sequence[EventKind] = (EventKind.MERGE_LEADS,)
) -> int | None:
    """The id of this operator's newest lead merge (or event of ``kinds``) not yet
    undone, or None.

    ``undo_event`` still refuses it when something changed since.
    """
    with ws.session() as session:
        return session.scalar(
            select(MergeEvent.id)
            .where(
                MergeEvent.operator_id == operator_id,
                MergeEvent.kind.in_(kinds),
                MergeEvent.undone_by_id.is_(None),
            )
            .order_by(MergeEvent.id.desc())
            .limit(1)
        )


# What the window's "undo my last merge or bind" takes back: a merge or a bind to a contact.
UNDO_LAST_KINDS = (EventKind.MERGE_LEADS, EventKind.BIND_CONTACT)


def last_undoable_merge(ws: Workspace, operator_id: int) -> UndoableMerge | None:
    """``last_undoable_event`` (a merge or a bind) with what the operator needs to
    recognise it."""
    event_id = last_undoable_event(ws, operator_id, UNDO_LAST_KINDS)
    if event_id is None:
        return None
    with ws.session() as session:
        event = session.get(MergeEvent, event_id)
        if event is None:  # undone and purged in between: nothing to name
            return None
        before = {d["id"]: d for d in event.snapshot.get("leads", [])}

        def label(lead_id: int) -> str:
            data = before.get(lead_id, {})
            return data.get("external_id") or str(lead_id)

        primary = session.get(Lead, event.primary_id)
        contact_label = contact_name = ""
        if event.kind is EventKind.BIND_CONTACT:
            contact_id = (event.choices or {}).get("contact_id")
            contact = session.get(Contact, contact_id) if contact_id is not None else None
            contact_label = (contact.external_id or str(contact.id)) if contact else "—"
            contact_name = contact.full_name if contact else ""
        return UndoableMerge(
            event_id=event.id,
            primary_label=label(event.primary_id),
            primary_name=primary.full_name if primary is not None else "",
            other_labels=tuple(label(i) for i in event.other_ids or []),
            merged_at=event.created_at,
            operator_name=event.operator.full_name if event.operator is not None else "",
            contact_label=contact_label,
            contact_name=contact_name,
        )
