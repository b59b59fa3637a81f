"""Writing checked rows into the workspace in chunks, and the bad ones to a rejects file."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskdup.models import Channel, Chat, CommKind, Communication, Contact, Lead
from deskdup.services.bulk_insert import datetime_converter, insert_rows, open_line_chat_row
from deskdup.services.importer.report import ImportReport
from deskdup.services.importer.rows import Record
from deskdup.services.importer.updating import import_chat_id, update_leads
from deskdup.services.normalize import Normalized, fast_ru_mobile, normalize_comm

CHUNK = 2000


@lru_cache(maxsize=65536)
def _normalize(kind: CommKind, channel: Channel, raw: str, region: str) -> Normalized:
    # Parsing a phone is the slowest step of an import: the common Russian mobile
    # takes a shortcut, and a repeated value (the phone and WhatsApp columns, a
    # returning client) is parsed once.
    is_phone = kind is CommKind.PHONE or (
        kind is CommKind.MESSENGER and channel in (Channel.WHATSAPP, Channel.VIBER)
    )
    if is_phone and region == "RU":
        fast = fast_ru_mobile(raw)
        if fast is not None:
            return fast
    return normalize_comm(kind, channel, raw, region)


class NothingWritten(Exception):
    """Raised inside the transaction to roll it back when bad rows forbid writing."""


class Writer:
    def __init__(
        self, session: Session, report: ImportReport, region: str, *, update: bool = False
    ):
        self.s = session
        self.report = report
        self.region = region
        self.update = update
        self.pending: list[Record] = []
        self.dt = datetime_converter(session)

    def add(self, record: Record) -> None:
        self.pending.append(record)
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        records, self.pending = self.pending, []
        if not records:
            return
        # A contacts export writes contacts: the same row without the lead's own fields.
        table = Contact if self.report.entity == "contact" else Lead
        owner = "contact_id" if table is Contact else "lead_id"
        columns = set(table.__table__.columns.keys())
        ids = [r.lead["external_id"] for r in records]
        existing = set(self.s.scalars(select(table.external_id).where(table.external_id.in_(ids))))
        fresh = [r for r in records if r.lead["external_id"] not in existing]
        if self.update and existing and table is Lead:
            update_leads(self, [r for r in records if r.lead["external_id"] in existing])
        else:
            self.report.unchanged += len(records) - len(fresh)
        if not fresh:
            return
        # A plain executemany, then the new ids by external id (unique): RETURNING
        # with a guaranteed order degrades to one statement per row on SQLite.
        dt = self.dt
        insert_rows(
            self.s,
            table.__table__,
            [
                {**{k: v for k, v in r.lead.items() if k in columns},
                 "created_at": dt(r.lead["created_at"]), "updated_at": dt(r.lead["updated_at"])}
                for r in fresh
            ],
        )  # fmt: skip
        query = select(table.external_id, table.id).where(
            table.external_id.in_([r.lead["external_id"] for r in fresh])
        )
        new_ids = {external_id: lead_id for external_id, lead_id in self.s.execute(query)}
        lead_ids = [new_ids[r.lead["external_id"]] for r in fresh]
        comm_rows: list[dict[str, Any]] = []
        chat_rows: list[dict[str, Any]] = []
        for lead_id, record in zip(lead_ids, fresh, strict=True):
            comm_rows.extend(self.comm_rows(lead_id, record, owner))
            chat_rows.extend(self.open_line_chats(lead_id, record, owner))
            if record.message:
                chat_rows.append(self.chat_row(lead_id, record, owner))
        insert_rows(self.s, Communication.__table__, comm_rows)
        insert_rows(self.s, Chat.__table__, chat_rows)
        self.report.imported += len(fresh)

    def comm_rows(
        self, lead_id: int, record: Record, owner: str = "lead_id"
    ) -> list[dict[str, Any]]:
        """The communications of a lead (or contact), one for each distinct normalised value."""
        rows: list[dict[str, Any]] = []
        seen: set[tuple[CommKind, str]] = set()
        for kind, channel, raw in record.comms:
            norm = _normalize(kind, channel, raw, self.region)
            key = (kind, norm.value or raw)
            if key in seen:
                continue
            seen.add(key)
            if not norm.valid:
                self.report.invalid_values += 1
            rows.append({
                "lead_id": None,
                "contact_id": None,
                owner: lead_id,
                "kind": kind.value,
                "channel": channel.value,
                "raw_value": raw,
                "normalized": norm.value,
                "is_valid": norm.valid,
            })  # fmt: skip
        return rows

    def open_line_chats(
        self, lead_id: int, record: Record, owner: str = "lead_id"
    ) -> list[dict[str, Any]]:
        """The open-line chats a Bitrix24 export names (``imol|connector|line|chat|user``)."""
        return [
            open_line_chat_row(owner, lead_id, channel, chat_id)
            for channel, chat_id in record.chats
        ]

    def chat_row(self, lead_id: int, record: Record, owner: str = "lead_id") -> dict[str, Any]:
        created = record.lead["created_at"]
        return {
            "lead_id": None,
            "contact_id": None,
            owner: lead_id,
            "channel": record.lead["source_channel"],  # already .value
            "external_chat_id": import_chat_id(record.lead["external_id"]),
            "first_message": record.message,
            "message_count": 1,
            "last_message_at": self.dt(created),
            "version": 1,
        }
