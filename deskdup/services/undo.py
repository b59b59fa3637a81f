"""Undo of any history event: a merge, a bind, a dismissal, a team setting.

Each of those events stores, in ``snapshot["after"]``, the rows it left
(``records.RowSet``) and, in the rest of the snapshot, those rows as they
were before.  Undo is allowed when every one of *this event's* rows still
holds what the event left (content compared column by column, version
counters aside; see ``records``).  Rows of other leads never matter, so an
unrelated later merge does not block; any change to one of the event's rows,
through deskdup or a plain SQL ``UPDATE``, does, and nothing is written.
Events of the same leads undo in reverse order: undoing the later one puts
the rows back to what the earlier one left.

Undo then, in one transaction: re-inserts the rows the event removed, puts
back the before-content of the rows it changed, deletes the rows it created,
and writes an ``UNDO`` event.  Restored rows get a *new* version rather than
their old number: a version number is never reused, so neither a view still
showing the merged state nor one built before the merge can pass the
optimistic-lock check on rows that changed twice in between (an A-B-A).
That counter is the one column an undo does not restore.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from deskdup.models import EventKind, EventLead, MergeEvent, Operator, deal_contacts
from deskdup.services.errors import KnownError, RightsError, fail
from deskdup.services.events import record_event
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message, MessageList
from deskdup.services.records import (
    LINKS,
    TABLES,
    RowChange,
    RowSet,
    active_operator,
    changed_rows,
    contact_links,
    current_rows,
    from_json,
    primary_key,
    restore_row,
    write_session,
)
from deskdup.services.rights import check_undo
from deskdup.services.workspace import Workspace, tag_session

CONTEXT = "Merge"

MSG_UNDONE = QT_TRANSLATE_NOOP("Merge", "Undid the merge into #{primary}; {count} leads restored")
MSG_UNDONE_OTHER = QT_TRANSLATE_NOOP("Merge", "Undid history event {event} ({kind})")
MSG_UNDONE_CONTACTS = QT_TRANSLATE_NOOP(
    "Merge", "Undid the merge of contacts into #{primary}; {count} contacts restored"
)
MSG_CHANGE_LINKS = QT_TRANSLATE_NOOP("Merge", "the deals of contact #{label} (by {who})")
MSG_UNDO_CHANGED = QT_TRANSLATE_NOOP(
    "Merge",
    "Cannot undo: {what} changed after the merge; undo would overwrite that change",
)
MSG_ALREADY_UNDONE = QT_TRANSLATE_NOOP("Merge", "This merge was already undone")
MSG_NOT_UNDOABLE = QT_TRANSLATE_NOOP("Merge", "This history event cannot be undone")
MSG_NO_EVENT = QT_TRANSLATE_NOOP("Merge", "There is no history event {event}")
MSG_PORTAL_MERGE = QT_TRANSLATE_NOOP(
    "Merge",
    "This merge was made in the CRM portal, which deleted the other leads; deskdup cannot undo "
    "it. The history keeps everything they held.",
)
MSG_CHANGE = QT_TRANSLATE_NOOP("Merge", "{record} #{label} ({fields}; by {who})")
MSG_CHANGE_GONE = QT_TRANSLATE_NOOP("Merge", "{record} #{label} (deleted; by {who})")
MSG_CHANGE_REUSED = QT_TRANSLATE_NOOP("Merge", "{record} #{label} (the id is used again)")
OUTSIDE = QT_TRANSLATE_NOOP("Merge", "someone outside deskdup")

RECORD_WORDS: dict[str, str] = {
    "leads": QT_TRANSLATE_NOOP("Merge", "lead"),
    "communications": QT_TRANSLATE_NOOP("Merge", "communication"),
    "chats": QT_TRANSLATE_NOOP("Merge", "chat"),
    "activities": QT_TRANSLATE_NOOP("Merge", "activity"),
    "deals": QT_TRANSLATE_NOOP("Merge", "deal"),
    "contacts": QT_TRANSLATE_NOOP("Merge", "contact"),
    "dismissals": QT_TRANSLATE_NOOP("Merge", "not-duplicates mark"),
    "workspace_meta": QT_TRANSLATE_NOOP("Merge", "team setting"),
    LINKS: QT_TRANSLATE_NOOP("Merge", "deal's contacts"),
}
# Re-inserted in this order (foreign keys point at leads and contacts).
INSERT_ORDER = (
    "contacts",
    "leads",
    "communications",
    "chats",
    "activities",
    "deals",
    "dismissals",
    "contact_dismissals",
    "workspace_meta",
)
UNDOABLE = {
    EventKind.MERGE_LEADS,
    EventKind.BIND_CONTACT,
    EventKind.MERGE_CONTACTS,
    EventKind.DISMISS,
    EventKind.TEAM_SETTINGS,
}


@dataclass(frozen=True)
class UndoResult:
    event_id: int  # the UNDO event
    undone_event_id: int
    restored_ids: tuple[int, ...]
    summary: Message


@dataclass(frozen=True)
class Conflict:
    """A row of the event that changed since, and who changed it (as far as the history knows)."""

    change: RowChange
    who: str  # "" when no later event explains it: changed outside deskdup
    when: datetime | None

    @property
    def message(self) -> Message:
        change = self.change
        record = Message(CONTEXT, RECORD_WORDS.get(change.table, change.table))
        who: Any = self.who or Message(CONTEXT, OUTSIDE)
        if change.reused:
            return Message(CONTEXT, MSG_CHANGE_REUSED, {"record": record, "label": change.label})
        if change.table == LINKS:
            return Message(CONTEXT, MSG_CHANGE_LINKS, {"label": change.label, "who": who})
        if change.gone:
            params = {"record": record, "label": change.label, "who": who}
            return Message(CONTEXT, MSG_CHANGE_GONE, params)
        fields = ", ".join(name for name, _, _ in change.fields)
        params = {"record": record, "label": change.label, "fields": fields, "who": who}
        return Message(CONTEXT, MSG_CHANGE, params)


@dataclass(frozen=True)
class UndoPreview:
    """What undoing an event would meet: nothing (``ok``) or the changed rows."""

    event_id: int
    kind: EventKind
    allowed: Message | None  # None when the operator may undo it, else why not
    reason: Message | None  # why it cannot be undone at all (already undone, not undoable)
    conflicts: tuple[Conflict, ...]

    @property
    def ok(self) -> bool:
        return self.allowed is None and self.reason is None and not self.conflicts


def conflicts_message(conflicts: tuple[Conflict, ...] | list[Conflict]) -> Message:
    items = MessageList(tuple(c.message for c in conflicts[:5]), separator=", ")
    return Message(CONTEXT, MSG_UNDO_CHANGED, {"what": items})


# --------------------------------------------------------------------------- reading an event


def before_rows(snapshot: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """The before-snapshot by table and key (``relinked_leads`` are leads too)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for table, model in TABLES.items():
        rows = list(snapshot.get(table, []) or [])
        if table == "leads":
            rows += snapshot.get("relinked_leads", []) or []
        if rows and isinstance(rows[0], dict):
            out[table] = {str(primary_key(model, r)): r for r in rows}
    return out


def _legacy_left(session: Session, snapshot: dict[str, Any]) -> tuple[RowSet, list[RowChange]]:
    """A merge written before rows were recorded: its version counters are all there is."""
    after = snapshot.get("after", {})
    left = RowSet()
    changes: list[RowChange] = []
    for table in ("leads", "chats", "activities", "deals"):
        expected = after.get(table, {}) or {}
        now = current_rows(session, table, list(expected))
        for key, version in expected.items():
            row = now.get(key)
            if row is None or row.get("version") != version:
                changes.append(RowChange(table, key, key, (("version", version, None),)))
            elif row is not None:
                left.rows.setdefault(table, {})[key] = row
    dropped = [str(i) for i in after.get("dropped_communications", [])]
    deleted = [str(i) for i in after.get("deleted_leads", [])]
    left.remove("communications", dropped)
    left.remove("leads", deleted)
    comm_keys = [
        str(c["id"]) for c in snapshot.get("communications", []) if str(c["id"]) not in dropped
    ]
    now = current_rows(session, "communications", comm_keys)
    for key in comm_keys:
        if key in now:
            left.rows.setdefault("communications", {})[key] = now[key]
        else:
            changes.append(RowChange("communications", key, key, (), gone=True))
    for table, keys in left.absent.items():
        present = current_rows(session, table, keys)
        changes += [RowChange(table, k, k, (), reused=True) for k in keys if k in present]
    return left, changes


def rows_left(session: Session, event: MergeEvent) -> tuple[RowSet, list[RowChange]]:
    """The rows ``event`` left and those of them that changed since."""
    after = (event.snapshot or {}).get("after")
    if not after:
        return RowSet(), []
    if "rows" not in after:
        return _legacy_left(session, event.snapshot)
    left = RowSet.from_json(after)
    return left, changed_rows(session, left) + _changed_links(session, after)


def _changed_links(session: Session, after: dict[str, Any]) -> list[RowChange]:
    """The contacts whose deal links are no longer what the event left."""
    links = after.get(LINKS)
    if not links:
        return []
    contacts = [int(i) for i in links["contacts"]]
    left = {tuple(pair) for pair in links["rows"]}
    now = {tuple(pair) for pair in contact_links(session, contacts)}
    changes = []
    for contact in contacts:
        was = sorted(d for d, c in left if c == contact)
        is_ = sorted(d for d, c in now if c == contact)
        if was != is_:
            key = str(contact)
            changes.append(RowChange(LINKS, key, key, (("deals", was, is_),)))
    return changes


def _put_back_links(session: Session, snapshot: dict[str, Any]) -> None:
    """The deal links of the event's contacts as they were before it."""
    links = (snapshot.get("after") or {}).get(LINKS)
    if not links:
        return
    contacts = [int(i) for i in links["contacts"]]
    session.execute(delete(deal_contacts).where(deal_contacts.c.contact_id.in_(contacts)))
    before = snapshot.get(LINKS) or []
    if before:
        session.execute(insert(deal_contacts), [{"deal_id": d, "contact_id": c} for d, c in before])


def _lead_ids_of(change: RowChange, left: RowSet) -> list[int]:
    if change.table == "leads":
        return [int(change.key)]
    row = left.rows.get(change.table, {}).get(change.key, {})
    ids = [row.get(k) for k in ("lead_id", "lead_a_id", "lead_b_id")]
    return [int(i) for i in ids if i is not None]


def _who(session: Session, event: MergeEvent, change: RowChange, left: RowSet) -> Conflict:
    """The latest later event that concerns the changed row's lead, if any."""
    query = select(MergeEvent).where(MergeEvent.id > event.id).order_by(MergeEvent.id.desc())
    if change.table == "workspace_meta":
        query = query.where(MergeEvent.kind == EventKind.TEAM_SETTINGS)
    else:
        lead_ids = _lead_ids_of(change, left)
        if not lead_ids:
            return Conflict(change, "", None)
        query = query.where(
            MergeEvent.id.in_(
                select(EventLead.event_id).where(
                    EventLead.record_id.in_(lead_ids), EventLead.role != "contact"
                )
            )
        )
    later = session.scalars(query.limit(1)).first()
    if later is None:
        return Conflict(change, "", None)
    name = later.operator.full_name if later.operator is not None else str(later.operator_id)
    return Conflict(change, name, later.created_at)


def _why_not(event: MergeEvent | None, event_id: int) -> Message | None:
    if event is None:
        return Message(CONTEXT, MSG_NO_EVENT, {"event": event_id})
    if (event.snapshot or {}).get("portal"):
        return Message(CONTEXT, MSG_PORTAL_MERGE)
    if event.kind not in UNDOABLE or not (event.snapshot or {}).get("after"):
        return Message(CONTEXT, MSG_NOT_UNDOABLE)
    if event.undone_by_id is not None:
        return Message(CONTEXT, MSG_ALREADY_UNDONE)
    return None


def preview_in_session(session: Session, event_id: int, operator: Operator | None) -> UndoPreview:
    event = session.get(MergeEvent, event_id, populate_existing=True)
    reason = _why_not(event, event_id)
    if event is None or reason is not None:
        kind = event.kind if event is not None else EventKind.UNDO
        return UndoPreview(event_id, kind, None, reason, ())
    allowed = check_undo(operator, event) if operator is not None else None
    left, changes = rows_left(session, event)
    conflicts = tuple(_who(session, event, c, left) for c in changes)
    return UndoPreview(event_id, event.kind, allowed, None, conflicts)


def undo_preview(ws: Workspace, event_id: int, operator_id: int | None = None) -> UndoPreview:
    """Could ``operator_id`` undo ``event_id`` now, and if not, what stands in the way."""
    with ws.session() as session:
        operator = active_operator(session, operator_id) if operator_id is not None else None
        return preview_in_session(session, event_id, operator)


# --------------------------------------------------------------------------- undoing


def _key(model: type, key: str) -> Any:
    column = sa_inspect(model).primary_key[0]
    return int(key) if column.type.python_type is int else key


def _put_back(session: Session, snapshot: dict[str, Any], left: RowSet) -> None:
    before = before_rows(snapshot)
    revived = []
    for table in INSERT_ORDER:
        model = TABLES[table]
        for key in left.absent.get(table, []):
            data = before.get(table, {}).get(key)
            if data is None:
                continue
            obj = model(**from_json(model, data))
            session.add(obj)
            if "version" in data:
                revived.append((obj, int(data["version"]) + 1))
        session.flush()
    for obj, version in revived:
        # An INSERT starts at version 1: move past the old number (see module doc).
        obj.version = version
    for table in INSERT_ORDER:
        model = TABLES[table]
        for key in left.rows.get(table, {}):
            obj = session.get(model, _key(model, key))
            if obj is None:
                continue
            data = before.get(table, {}).get(key)
            if data is None:
                session.delete(obj)  # the event created it
            else:
                restore_row(obj, data)
    session.flush()
    _put_back_links(session, snapshot)


def undo_event(ws: Workspace, event_id: int, operator_id: int) -> UndoResult:
    """Undo history event ``event_id`` as ``operator_id``, in one transaction.

    Refuses (``KnownError``, nothing written) when the event cannot be undone
    or was already undone, or when a row of the event changed since (the
    exception carries ``conflicts``); ``RightsError`` when the operator may
    not undo it (``rights.check_undo``).  Writes an UNDO event and marks the
    event ``undone_by_id``.
    """
    with write_session(ws) as session:
        operator = active_operator(session, operator_id)
        tag_session(session, operator.login)
        preview = preview_in_session(session, event_id, operator)
        if preview.reason is not None:
            raise fail(KnownError, preview.reason)
        if preview.allowed is not None:
            raise fail(RightsError, preview.allowed)
        if preview.conflicts:
            message = conflicts_message(preview.conflicts)
            raise fail(KnownError, message, conflicts=preview.conflicts)
        event = session.get(MergeEvent, event_id)
        assert event is not None
        snapshot = event.snapshot
        left, _ = rows_left(session, event)
        _put_back(session, snapshot, left)

        restored = tuple(event.other_ids or [])
        if event.kind is EventKind.MERGE_LEADS:
            primary_label = next(
                (
                    d.get("external_id") or str(d["id"])
                    for d in snapshot.get("leads", [])
                    if d["id"] == event.primary_id
                ),
                str(event.primary_id),
            )
            params = {"primary": primary_label, "count": len(restored)}
            summary = Message(CONTEXT, MSG_UNDONE, params)
        elif event.kind is EventKind.MERGE_CONTACTS:
            primary_label = next(
                (
                    d.get("external_id") or str(d["id"])
                    for d in snapshot.get("contacts", [])
                    if d["id"] == event.primary_id
                ),
                str(event.primary_id),
            )
            params = {"primary": primary_label, "count": len(restored)}
            summary = Message(CONTEXT, MSG_UNDONE_CONTACTS, params)
        else:
            summary = Message(CONTEXT, MSG_UNDONE_OTHER, {"event": event.id, "kind": event.kind})
        # A contact merge, or "not duplicates" of contacts: its ids are contacts.
        of_contacts = event.kind is EventKind.MERGE_CONTACTS or (
            (event.choices or {}).get("entity") == "contact"
        )
        choices = {"undone_kind": event.kind.value}
        if of_contacts:
            choices["entity"] = "contact"
        undo = record_event(
            session,
            kind=EventKind.UNDO,
            operator_id=operator.id,
            primary_id=event.primary_id,
            other_ids=restored,
            choices=choices,
            snapshot={"leads": snapshot.get("leads", [])}
            if not of_contacts
            else {"contacts": snapshot.get("contacts", [])},
            summary=str(summary),
            undo_of_id=event.id,
            of_contacts=of_contacts,
        )
        event.undone_by_id = undo.id
        session.flush()
        return UndoResult(undo.id, event.id, restored, summary)
