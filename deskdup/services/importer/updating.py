"""``update``: a re-import corrects the leads an earlier import of the same rows made.

A plain import leaves a lead whose id is already there alone.  When the first
import went wrong (the wrong encoding, a column mapped badly), the operator
imports the right file again with ``update``: each lead that no merge has
touched since takes the file's values, communications and first message.  A
lead that was merged away, archived, or is the primary of a merge holds what
an operator chose, and is left as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, update

from deskdup.models import Chat, Communication, Lead, MergeEvent
from deskdup.services.bulk_insert import CHAT_ID_LENGTH, insert_rows

if TYPE_CHECKING:
    from deskdup.services.importer.rows import Record
    from deskdup.services.importer.writing import Writer

# The lead's own fields a row gives (created_at only when the row has a date).
FIELDS = (
    "title", "first_name", "last_name", "middle_name", "status", "source_channel",
    "assigned_id", "comments",
)  # fmt: skip


def import_chat_id(external_id: str) -> str:
    """The chat an import makes of a row's first message."""
    return f"import:{external_id}"[:CHAT_ID_LENGTH]


def update_leads(writer: Writer, records: list[Record]) -> None:
    """Correct the leads of ``records`` (all already in the workspace) from their rows."""
    s = writer.s
    report = writer.report
    by_id = {r.lead["external_id"]: r for r in records}
    leads = {
        lead.external_id: lead
        for lead in s.execute(
            select(Lead.__table__).where(Lead.external_id.in_(list(by_id)))
        ).mappings()
    }
    lead_ids = [lead["id"] for lead in leads.values()]
    primaries = set(
        s.scalars(select(MergeEvent.primary_id).where(MergeEvent.primary_id.in_(lead_ids)))
    )
    comms: dict[int, set[tuple[str, str, str]]] = {i: set() for i in lead_ids}
    for lead_id, kind, channel, raw in s.execute(
        select(Communication.lead_id, Communication.kind, Communication.channel,
               Communication.raw_value).where(Communication.lead_id.in_(lead_ids))
    ):  # fmt: skip
        comms[lead_id].add((_value(kind), _value(channel), raw))
    chats = {
        chat.external_chat_id: chat
        for chat in s.execute(
            select(Chat.id, Chat.lead_id, Chat.external_chat_id, Chat.first_message).where(
                Chat.external_chat_id.in_([import_chat_id(e) for e in by_id])
            )
        )
    }
    for external_id, record in by_id.items():
        lead = leads[external_id]
        if lead["archived"] or lead["merged_into_id"] is not None or lead["id"] in primaries:
            report.unchanged += 1
            continue
        changed = _changed_fields(lead, record)
        new_comms = writer.comm_rows(lead["id"], record)
        comms_changed = {(c["kind"], c["channel"], c["raw_value"]) for c in new_comms} != comms[
            lead["id"]
        ]
        chat = chats.get(import_chat_id(external_id))
        chat_changed = bool(record.message) and (
            chat is None or chat.first_message != record.message
        )
        if not (changed or comms_changed or chat_changed):
            report.unchanged += 1
            continue
        s.execute(
            update(Lead.__table__)
            .where(Lead.id == lead["id"])
            .values(**changed, version=Lead.version + 1)
        )
        if comms_changed:
            s.execute(delete(Communication).where(Communication.lead_id == lead["id"]))
            insert_rows(s, Communication.__table__, new_comms)
        if chat_changed:
            if chat is None:
                insert_rows(s, Chat.__table__, [writer.chat_row(lead["id"], record)])
            else:
                s.execute(
                    update(Chat.__table__)
                    .where(Chat.id == chat.id)
                    .values(first_message=record.message, version=Chat.version + 1)
                )
        report.updated += 1


def _value(x: Any) -> str:
    return getattr(x, "value", x)


def _changed_fields(lead: Any, record: Record) -> dict[str, Any]:
    new = record.lead
    changed = {f: new[f] for f in FIELDS if lead[f] != new[f] and _value(lead[f]) != new[f]}
    if record.dated and lead["created_at"] != new["created_at"]:
        changed["created_at"] = new["created_at"]
        changed["updated_at"] = new["updated_at"]
    return changed
