"""One event in full, for the detail pane: records before and after, field by field,
what the operator chose, what moved, and whether it can be undone now.

Everything comes from the event itself (its before-snapshot and the rows it
left), not from the records as they are today, so the detail of a merge whose
leads changed later still shows what that merge did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from deskdup.models import Contact, EventKind, MergeEvent, Operator
from deskdup.services.channels import channel_name
from deskdup.services.errors import KnownError, fail
from deskdup.services.history import HistoryRow, rows_for
from deskdup.services.merge_plan import FIELD_NAMES
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.rights import OperatorInfo
from deskdup.services.undo import UndoPreview, preview_in_session
from deskdup.services.workspace import Workspace

CONTEXT = "History"
MSG_NOT_YOURS = QT_TRANSLATE_NOOP(
    "History", "History event {event} is another operator's; only a supervisor sees it"
)
MSG_NO_EVENT = QT_TRANSLATE_NOOP("History", "There is no history event {event}")

# What the detail shows of each lead, in this order.
DETAIL_FIELDS = (*FIELD_NAMES, "comments", "archived", "merged_into_id")


@dataclass(frozen=True)
class FieldRow:
    name: str
    before: tuple[tuple[str, Any], ...]  # (lead label, value) for each lead of the event
    after: Any  # the value the event left on the primary (the lead itself for a bind)
    chosen_label: str = ""  # whose value the operator chose ("" for united fields)
    explicit: bool = False  # the operator picked it (not the default)

    @property
    def changed(self) -> bool:
        return any(value != self.after for _, value in self.before[:1])


@dataclass(frozen=True)
class Moved:
    """A communication, chat, activity or deal the event moved or dropped."""

    table: str  # communications, chats, activities, deals
    text: str
    from_label: str
    to_label: str  # "" when dropped as a duplicate
    channel: str = ""


@dataclass(frozen=True)
class EventDetail:
    row: HistoryRow
    fields: tuple[FieldRow, ...] = ()
    moved: tuple[Moved, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()  # dismissed pairs, by label
    settings_before: dict[str, Any] = field(default_factory=dict)
    settings_after: dict[str, Any] = field(default_factory=dict)
    operator_names: dict[int, str] = field(default_factory=dict)  # for assigned_id values
    contact_labels: dict[int, str] = field(default_factory=dict)  # for contact_id values
    preview: UndoPreview | None = None


def _label(data: dict[str, Any]) -> str:
    return str(data.get("external_id") or data.get("id"))


def _text(table: str, data: dict[str, Any]) -> str:
    if table == "communications":
        return str(data.get("raw_value") or "")
    if table == "chats":
        return str(data.get("first_message") or data.get("external_chat_id") or "")
    if table == "activities":
        return str(data.get("subject") or data.get("kind") or "")
    return str(data.get("title") or "")


def _merge_parts(event: MergeEvent) -> tuple[tuple[FieldRow, ...], tuple[Moved, ...]]:
    snap = event.snapshot or {}
    # A contact merge: its records are the contacts, and the leads it re-pointed move.
    of_contacts = event.kind is EventKind.MERGE_CONTACTS
    records, owner = ("contacts", "contact_id") if of_contacts else ("leads", "lead_id")
    before = [d for d in snap.get(records, []) if isinstance(d, dict)]
    after = (snap.get("after") or {}).get("rows", {})
    absent = (snap.get("after") or {}).get("absent", {})
    labels = {int(d["id"]): _label(d) for d in before}
    primary_after = after.get(records, {}).get(str(event.primary_id), {})
    ordered = sorted(before, key=lambda d: d["id"] != event.primary_id)
    choices = event.choices or {}
    chosen = choices.get("fields", {}) or {}
    explicit = set(choices.get("explicit", []) or [])
    fields = []
    for name in DETAIL_FIELDS:
        if event.kind is EventKind.BIND_CONTACT and name not in ("contact_id",):
            continue
        if of_contacts and not any(name in d for d in before):
            continue  # a lead's field (title, status, source): contacts have none
        values = tuple((_label(d), d.get(name)) for d in ordered)
        source = chosen.get(name)
        fields.append(
            FieldRow(
                name=name,
                before=values,
                after=primary_after.get(name) if primary_after else None,
                chosen_label=labels.get(int(source), "") if source is not None else "",
                explicit=name in explicit,
            )
        )
    moved: list[Moved] = []
    dropped = set(absent.get("communications", []))
    moving = ("communications", "chats", "activities", "leads" if of_contacts else "deals")
    for table in moving:
        for data in snap.get(table, []) or []:
            key = str(data.get("id"))
            origin = labels.get(int(data.get(owner) or 0), str(data.get(owner) or ""))
            channel = str(data.get("channel") or "")
            if table == "communications" and key in dropped:
                moved.append(Moved(table, _text(table, data), origin, "", channel))
                continue
            now = after.get(table, {}).get(key)
            if now is not None and now.get(owner) != data.get(owner):
                target = labels.get(int(now.get(owner) or 0), str(now.get(owner)))
                moved.append(Moved(table, _text(table, data), origin, target, channel))
    return tuple(fields), tuple(moved)


def event_detail(ws: Workspace, event_id: int, viewer: OperatorInfo | None) -> EventDetail:
    """The detail of ``event_id`` as ``viewer`` may see it (``KnownError`` otherwise)."""
    with ws.session() as session:
        event = session.get(MergeEvent, event_id)
        if event is None:
            raise fail(KnownError, Message(CONTEXT, MSG_NO_EVENT, {"event": event_id}))
        if viewer is not None and not viewer.can_undo and event.operator_id != viewer.id:
            raise fail(KnownError, Message(CONTEXT, MSG_NOT_YOURS, {"event": event_id}))
        (row,) = rows_for(session, [event_id])
        fields: tuple[FieldRow, ...] = ()
        moved: tuple[Moved, ...] = ()
        pairs: tuple[tuple[str, str], ...] = ()
        if event.kind in (EventKind.MERGE_LEADS, EventKind.BIND_CONTACT, EventKind.MERGE_CONTACTS):
            fields, moved = _merge_parts(event)
        elif event.kind is EventKind.DISMISS:
            by_id = dict(
                zip(
                    (row.primary_id, *row.other_ids),
                    (row.primary_label, *row.other_labels),
                    strict=False,
                )
            )
            pairs = tuple(
                (by_id.get(a, str(a)), by_id.get(b, str(b)))
                for a, b in (event.snapshot or {}).get("pairs", [])
            )
        names = dict(session.execute(select(Operator.id, Operator.full_name)).all())
        contact_ids = {
            int(v)
            for f in fields
            if f.name == "contact_id"
            for v in (*(x for _, x in f.before), f.after)
            if v is not None
        }
        contacts = {}
        if contact_ids:
            for c in session.scalars(select(Contact).where(Contact.id.in_(contact_ids))):
                contacts[c.id] = f"#{c.external_id or c.id} {c.full_name}".strip()
        operator = None
        if viewer is not None:
            operator = session.get(Operator, viewer.id)
        preview = preview_in_session(session, event_id, operator)
        choices = event.choices or {}
        return EventDetail(
            row=row,
            fields=fields,
            moved=moved,
            pairs=pairs,
            settings_before=dict(choices.get("before", {}) or {}),
            settings_after=dict(choices.get("after", {}) or {}),
            operator_names=names,
            contact_labels=contacts,
            preview=preview,
        )


def display_value(detail: EventDetail, name: str, value: Any) -> str:
    """A field's value as the operator reads it (English words; the view translates channels)."""
    if value is None or value == "":
        return ""
    if name == "assigned_id":
        return detail.operator_names.get(int(value), str(value))
    if name == "contact_id":
        return detail.contact_labels.get(int(value), f"#{value}")
    if name == "source_channel":
        return channel_name(value)
    if name == "merged_into_id":
        return f"#{value}"
    return str(value)
