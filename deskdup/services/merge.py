"""Applying a merge plan, undoing it, and marking leads "not duplicates" (SQL backend).

``apply_merge`` is one transaction.  The leads are re-read (``FOR UPDATE`` on
PostgreSQL; on SQLite the transaction starts with ``BEGIN IMMEDIATE``, which
serialises writers the same way) and their versions compared with the ones the
plan captured: a lead changed since it was shown raises ``StaleError`` and
nothing is written.  Then the rights check (``RightsError``, nothing written),
then the history event with the before-snapshot of every row the merge touches,
then the changes.  Every UPDATE goes through the ORM with ``version_id_col``,
so a writer that slipped past the check still fails with ``StaleDataError``,
turned into the same ``StaleError``.

``undo_event`` restores every touched row from the snapshot, provided none of
them changed after the merge.  Restored rows get a *new* version (the ORM
bumps it) rather than their old number, so a view that still shows the merged
state cannot overwrite the restored one; every other column is restored
exactly.

The exceptions raised here carry the operator-facing ``Message`` as
``exc.message`` (and ``RightsError`` the ``Refusal`` list as ``exc.refusals``)
for views that translate; ``str(exc)`` is the English text.

Times are stored as naive UTC.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from itertools import combinations
from typing import Any

from sqlalchemy import DateTime, Numeric, and_, delete, or_, select
from sqlalchemy import Enum as SAEnum
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from deskdup.models import (
    Activity,
    Chat,
    Communication,
    Deal,
    Dismissal,
    EventKind,
    Lead,
    MergeEvent,
    Operator,
    deal_contacts,
)
from deskdup.services.channels import channel_message
from deskdup.services.errors import KnownError, RightsError, StaleError, fail
from deskdup.services.merge_plan import (
    MSG_NO_LEAD,
    PLAN_CONTEXT,
    LeadCard,
    MergePlan,
    cards_from_leads,
    load_leads,
    merged_comments,
    unite,
)
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message, Translate
from deskdup.services.policy import MergePolicy, load_policy
from deskdup.services.rights import (
    check_dismiss,
    check_merge_cards,
    check_undo,
    refusals_message,
)
from deskdup.services.workspace import Workspace

CONTEXT = "Merge"

MSG_MERGED = QT_TRANSLATE_NOOP("Merge", "Merged {count} leads into #{primary}")
MSG_UNDONE = QT_TRANSLATE_NOOP("Merge", "Undid the merge into #{primary}; {count} leads restored")
MSG_CHANGED = QT_TRANSLATE_NOOP(
    "Merge",
    "Lead #{lead} was changed by {who} at {time} (now version {version}); nothing was "
    "merged; the view has been reloaded",
)
MSG_GONE = QT_TRANSLATE_NOOP(
    "Merge",
    "Lead #{lead} was deleted by someone else; nothing was merged; the view has been reloaded",
)
MSG_MERGED_AWAY = QT_TRANSLATE_NOOP(
    "Merge",
    "Lead #{lead} was merged into #{into} by {who}; nothing was merged; the view has been reloaded",
)
MSG_RACE = QT_TRANSLATE_NOOP(
    "Merge",
    "Someone else changed one of these leads at the same moment; nothing was merged; "
    "the view has been reloaded",
)
MSG_BUSY = QT_TRANSLATE_NOOP(
    "Merge", "The database is busy with another operator's change; try again in a moment"
)
MSG_UNDO_CHANGED = QT_TRANSLATE_NOOP(
    "Merge",
    "Cannot undo: {what} changed after the merge; undo would overwrite that change",
)
MSG_ALREADY_UNDONE = QT_TRANSLATE_NOOP("Merge", "This merge was already undone")
MSG_NOT_A_MERGE = QT_TRANSLATE_NOOP("Merge", "Only lead merges can be undone")
MSG_NO_EVENT = QT_TRANSLATE_NOOP("Merge", "There is no history event {event}")
MSG_PORTAL_MERGE = QT_TRANSLATE_NOOP(
    "Merge",
    "This merge was made in the CRM portal, which deleted the other leads; deskdup cannot undo "
    "it. The history keeps everything they held.",
)
SOMEONE_ELSE = QT_TRANSLATE_NOOP("Merge", "someone else")
MSG_NO_OPERATOR = QT_TRANSLATE_NOOP("Merge", "There is no active operator with the id {operator}")
MSG_DISMISS_TWO = QT_TRANSLATE_NOOP(
    "Merge", "Marking leads as not duplicates needs at least two different leads"
)

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
class UndoResult:
    event_id: int  # the UNDO event
    undone_event_id: int
    restored_ids: tuple[int, ...]
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

    @property
    def merged_at_local(self) -> datetime:
        """When, in this computer's time zone (the operator reads local time)."""
        return self.merged_at.replace(tzinfo=UTC).astimezone()


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# --------------------------------------------------------------------------- transactions


@contextmanager
def write_session(ws: Workspace) -> Iterator[Session]:
    """A session whose transaction holds the write lock from its first statement.

    On SQLite, ``BEGIN IMMEDIATE`` makes a second writer wait (busy timeout) for
    the first to commit and then read the committed data, instead of failing
    half-way with "database is locked".  On PostgreSQL the ``FOR UPDATE`` reads
    do that job.
    """
    try:
        with ws.session() as session:
            if ws.is_sqlite:
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session
    except StaleDataError as exc:
        raise fail(StaleError, Message(CONTEXT, MSG_RACE)) from exc
    except OperationalError as exc:
        text = str(exc.orig).lower() if exc.orig else str(exc).lower()
        if "locked" in text or "busy" in text or "deadlock" in text:
            raise fail(KnownError, Message(CONTEXT, MSG_BUSY)) from exc
        raise


def _operator(session: Session, operator_id: int) -> Operator:
    operator = session.scalar(
        select(Operator)
        .where(Operator.id == operator_id)
        .options(selectinload(Operator.rights), selectinload(Operator.department))
    )
    if operator is None or not operator.is_active:
        raise fail(KnownError, Message(CONTEXT, MSG_NO_OPERATOR, {"operator": operator_id}))
    return operator


# --------------------------------------------------------------------------- snapshots


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def row_dict(obj: Any) -> dict[str, Any]:
    """Every column of an ORM object as a JSON-safe dict."""
    mapper = sa_inspect(obj).mapper
    return {attr.key: _to_json(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _from_json(model: type, data: dict[str, Any]) -> dict[str, Any]:
    """Column values of ``model`` back from ``row_dict`` output."""
    out: dict[str, Any] = {}
    for attr in sa_inspect(model).column_attrs:
        if attr.key not in data:
            continue
        value = data[attr.key]
        kind = attr.columns[0].type
        if value is not None:
            if isinstance(kind, SAEnum) and kind.enum_class is not None:
                value = kind.enum_class(value)
            elif isinstance(kind, DateTime):
                value = datetime.fromisoformat(value)
            elif isinstance(kind, Numeric):
                value = Decimal(value)
        out[attr.key] = value
    return out


def _restore(obj: Any, data: dict[str, Any]) -> None:
    """Put the snapshot's column values back; the version moves on (see module doc)."""
    for key, value in _from_json(type(obj), data).items():
        if key not in ("id", "version"):
            setattr(obj, key, value)


# --------------------------------------------------------------------------- merge


def _who_changed(session: Session, lead: Lead) -> str:
    """The operator of the latest history event that touched ``lead``, if any."""
    events = session.scalars(
        select(MergeEvent)
        .where(MergeEvent.kind.in_([EventKind.MERGE_LEADS, EventKind.UNDO]))
        .order_by(MergeEvent.id.desc())
        .limit(50)
    )
    for event in events:
        if event.primary_id == lead.id or lead.id in (event.other_ids or []):
            return event.operator.full_name
    return ""


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
        operator = _operator(session, operator_id)
        leads = {lead.id: lead for lead in load_leads(session, plan.lead_ids, for_update=True)}
        _check_versions(session, plan, leads)
        cards = cards_from_leads(list(leads.values()))
        refusals = check_merge_cards(
            operator, [cards[i] for i in plan.lead_ids], plan.primary_id, policy
        )
        if refusals:
            raise fail(RightsError, refusals_message(refusals), refusals=refusals)

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
        kept: list[int] = []
        for lead in [primary, *others]:
            infos = {c.id: c for c in cards[lead.id].communications}
            for comm in list(lead.communications):
                key = infos[comm.id].dedup_key
                if key in keys:
                    dropped.append(comm.id)
                    lead.communications.remove(comm)  # delete-orphan
                    continue
                keys.add(key)
                kept.append(comm.id)
                if lead is not primary:
                    primary.communications.append(comm)
        for other in others:
            for chat in list(other.chats):
                chat.lead = primary
            for activity in list(other.activities):
                activity.lead = primary
            for deal in list(other.deals):
                deal.lead = primary
        session.flush()

        deleted: list[int] = []
        relinked: list[int] = []
        for other in others:
            if policy.archive_instead_of_delete:
                other.archived = True
                other.merged_into_id = primary.id
                other.updated_at = now
            else:
                # Leads merged into this one earlier now point at the primary.
                for earlier in session.scalars(
                    select(Lead).where(
                        Lead.merged_into_id == other.id, Lead.id.not_in(plan.lead_ids)
                    )
                ):
                    snapshot["relinked_leads"].append(row_dict(earlier))
                    earlier.merged_into_id = primary.id
                    relinked.append(earlier.id)
                deleted.append(other.id)
                session.delete(other)
        session.flush()

        summary = Message(
            CONTEXT, MSG_MERGED, {"count": len(plan.lead_ids), "primary": primary.label}
        )
        snapshot["after"] = _after_state(session, plan, kept, dropped, deleted, relinked)
        event = MergeEvent(
            kind=EventKind.MERGE_LEADS,
            operator_id=operator.id,
            created_at=now,
            primary_id=primary.id,
            other_ids=list(plan.other_ids),
            choices=plan.choices_for_history(),
            snapshot=snapshot,
            summary=str(summary),
        )
        session.add(event)
        session.flush()
        return MergeResult(event.id, primary.id, tuple(plan.other_ids), summary)


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


def _after_state(
    session: Session,
    plan: MergePlan,
    kept: list[int],
    dropped: list[int],
    deleted: list[int],
    relinked: list[int],
) -> dict[str, Any]:
    """What the touched rows look like right after the merge (undo compares with it)."""

    def versions(model: type, ids: Sequence[int]) -> dict[str, int]:
        if not ids:
            return {}
        rows = session.execute(select(model.id, model.version).where(model.id.in_(list(ids))))
        return {str(i): v for i, v in rows}

    chat_ids = [c.id for i in plan.other_ids for c in plan.cards[i].chats]
    activity_ids = [a.id for i in plan.other_ids for a in plan.cards[i].activities]
    deal_ids = [d.id for i in plan.other_ids for d in plan.cards[i].deals]
    kept = [i for i in plan.lead_ids if i not in deleted]
    comms = session.scalars(select(Communication).where(Communication.id.in_(kept))) if kept else []
    return {
        "leads": versions(Lead, [*kept, *relinked]),
        "chats": versions(Chat, chat_ids),
        "activities": versions(Activity, activity_ids),
        "deals": versions(Deal, deal_ids),
        "communications": {str(c.id): row_dict(c) for c in comms},
        "dropped_communications": dropped,
        "deleted_leads": deleted,
    }


# --------------------------------------------------------------------------- undo


def _undo_conflicts(session: Session, event: MergeEvent) -> list[str]:
    """Descriptions of touched rows that changed after the merge (empty: safe to undo)."""
    after = event.snapshot.get("after", {})
    problems: list[str] = []
    for name, model in (
        ("leads", Lead),
        ("chats", Chat),
        ("activities", Activity),
        ("deals", Deal),
    ):
        expected = after.get(name, {})
        if not expected:
            continue
        ids = [int(i) for i in expected]
        found = dict(
            session.execute(select(model.id, model.version).where(model.id.in_(ids))).all()
        )
        for key, version in expected.items():
            if found.get(int(key)) != version:
                problems.append(f"{name[:-1] if name != 'activities' else 'activity'} {key}")
    moved = after.get("communications", {})
    if moved:
        rows = session.scalars(
            select(Communication).where(Communication.id.in_([int(i) for i in moved]))
        )
        current = {str(c.id): row_dict(c) for c in rows}
        for key, data in moved.items():
            if current.get(key) != data:
                problems.append(f"communication {key}")
    gone = [*after.get("dropped_communications", [])]
    if gone and session.scalar(select(Communication.id).where(Communication.id.in_(gone))):
        problems.append("a communication id reused")
    deleted = after.get("deleted_leads", [])
    if deleted and session.scalar(select(Lead.id).where(Lead.id.in_(deleted))):
        problems.append("a lead id reused")
    return problems


def undo_event(ws: Workspace, event_id: int, operator_id: int) -> UndoResult:
    """Restore every row merge event ``event_id`` touched, as ``operator_id``.

    Refuses (``KnownError``, nothing written) when the event is not a lead
    merge, was already undone, or any touched row changed after the merge;
    ``RightsError`` when the operator may not undo it (``rights.check_undo``).
    Writes an UNDO event and marks the merge ``undone_by_id``.
    """
    with write_session(ws) as session:
        operator = _operator(session, operator_id)
        event = session.get(MergeEvent, event_id, populate_existing=True)
        if event is None:
            raise fail(KnownError, Message(CONTEXT, MSG_NO_EVENT, {"event": event_id}))
        if event.kind is not EventKind.MERGE_LEADS:
            raise fail(KnownError, Message(CONTEXT, MSG_NOT_A_MERGE))
        if event.undone_by_id is not None:
            raise fail(KnownError, Message(CONTEXT, MSG_ALREADY_UNDONE))
        if (event.snapshot or {}).get("portal"):
            raise fail(KnownError, Message(CONTEXT, MSG_PORTAL_MERGE))
        refusal = check_undo(operator, event)
        if refusal is not None:
            raise fail(RightsError, refusal)
        problems = _undo_conflicts(session, event)
        if problems:
            message = Message(CONTEXT, MSG_UNDO_CHANGED, {"what": ", ".join(problems[:5])})
            raise fail(KnownError, message)

        snap = event.snapshot
        after = snap.get("after", {})
        deleted = set(after.get("deleted_leads", []))
        # Deleted leads come back first: the rows below point at them.
        revived = []
        for data in snap["leads"]:
            if data["id"] in deleted:
                lead = Lead(**_from_json(Lead, data))
                session.add(lead)
                revived.append((lead, int(data["version"]) + 1))
        session.flush()
        for lead, version in revived:
            # An INSERT always starts at version 1; move past the old number so
            # a plan built before the merge cannot apply to the revived lead.
            lead.version = version
        for data in snap["leads"]:
            if data["id"] not in deleted:
                _restore(session.get(Lead, data["id"]), data)
        for data in snap.get("relinked_leads", []):
            _restore(session.get(Lead, data["id"]), data)
        dropped = set(after.get("dropped_communications", []))
        for data in snap["communications"]:
            if data["id"] in dropped:
                session.add(Communication(**_from_json(Communication, data)))
            else:
                _restore(session.get(Communication, data["id"]), data)
        for name, model in (("chats", Chat), ("activities", Activity), ("deals", Deal)):
            for data in snap.get(name, []):
                _restore(session.get(model, data["id"]), data)
        session.flush()

        now = utcnow()
        restored = tuple(event.other_ids or [])
        primary_label = next(
            (
                d.get("external_id") or str(d["id"])
                for d in snap["leads"]
                if d["id"] == event.primary_id
            ),
            str(event.primary_id),
        )
        summary = Message(CONTEXT, MSG_UNDONE, {"primary": primary_label, "count": len(restored)})
        undo = MergeEvent(
            kind=EventKind.UNDO,
            operator_id=operator.id,
            created_at=now,
            primary_id=event.primary_id,
            other_ids=list(restored),
            choices={},
            snapshot={},
            summary=str(summary),
            undo_of_id=event.id,
        )
        session.add(undo)
        session.flush()
        event.undone_by_id = undo.id
        session.flush()
        return UndoResult(undo.id, event.id, restored, summary)


def last_undoable_event(ws: Workspace, operator_id: int) -> int | None:
    """The id of this operator's newest lead merge not yet undone, or None.

    ``undo_event`` still refuses it when something changed since.
    """
    with ws.session() as session:
        return session.scalar(
            select(MergeEvent.id)
            .where(
                MergeEvent.operator_id == operator_id,
                MergeEvent.kind == EventKind.MERGE_LEADS,
                MergeEvent.undone_by_id.is_(None),
            )
            .order_by(MergeEvent.id.desc())
            .limit(1)
        )


def last_undoable_merge(ws: Workspace, operator_id: int) -> UndoableMerge | None:
    """``last_undoable_event`` with what the operator needs to recognise it."""
    event_id = last_undoable_event(ws, operator_id)
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
        return UndoableMerge(
            event_id=event.id,
            primary_label=label(event.primary_id),
            primary_name=primary.full_name if primary is not None else "",
            other_labels=tuple(label(i) for i in event.other_ids or []),
            merged_at=event.created_at,
            operator_name=event.operator.full_name if event.operator is not None else "",
        )


# --------------------------------------------------------------------------- dismissals


def _pairs(lead_ids: Sequence[int]) -> list[tuple[int, int]]:
    ids = sorted(set(lead_ids))
    if len(ids) < 2:
        raise fail(KnownError, Message(CONTEXT, MSG_DISMISS_TWO))
    return list(combinations(ids, 2))


def _pair_filter(pairs: Sequence[tuple[int, int]]):
    return or_(*(and_(Dismissal.lead_a_id == a, Dismissal.lead_b_id == b) for a, b in pairs))


def dismiss(ws: Workspace, lead_ids: Sequence[int], operator_id: int, reason: str = "") -> int:
    """Mark every pair of ``lead_ids`` "not duplicates", team-wide.

    Pairs are stored with the smaller id first; a pair already dismissed (by
    anyone) is left as it is, so repeating is harmless.  Needs read on every
    lead (``RightsError``).  Returns the number of new pairs.
    """
    pairs = _pairs(lead_ids)
    ids = sorted({i for pair in pairs for i in pair})
    for attempt in range(2):
        try:
            with ws.session() as session:
                operator = _operator(session, operator_id)
                found = {lead.id for lead in load_leads(session, ids)}
                missing = [i for i in ids if i not in found]
                if missing:
                    raise fail(KnownError, Message(PLAN_CONTEXT, MSG_NO_LEAD, {"lead": missing[0]}))
                refusals = check_dismiss(session, operator, ids)
                if refusals:
                    raise fail(RightsError, refusals_message(refusals), refusals=refusals)
                existing = {
                    (d.lead_a_id, d.lead_b_id)
                    for d in session.scalars(select(Dismissal).where(_pair_filter(pairs)))
                }
                now = utcnow()
                new = [p for p in pairs if p not in existing]
                for a, b in new:
                    session.add(
                        Dismissal(
                            lead_a_id=a,
                            lead_b_id=b,
                            operator_id=operator.id,
                            created_at=now,
                            reason=reason.strip(),
                        )
                    )
            return len(new)
        except IntegrityError:
            # Someone dismissed one of the pairs at the same moment: count again.
            if attempt:
                raise
    return 0


def undo_dismiss(ws: Workspace, lead_ids: Sequence[int], operator_id: int | None = None) -> int:
    """Forget the dismissals between ``lead_ids`` (team-wide); the number removed."""
    pairs = _pairs(lead_ids)
    with ws.session() as session:
        result = session.execute(delete(Dismissal).where(_pair_filter(pairs)))
        return int(result.rowcount or 0)
