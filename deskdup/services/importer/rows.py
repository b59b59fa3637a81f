"""One row of an export checked and turned into a lead, or the reason it is bad."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from deskdup.models import Channel, CommKind
from deskdup.services.importer import bitrix24_export
from deskdup.services.importer.columns import CHANNEL_LABELS, Columns, parse_channel
from deskdup.services.importer.dates import implausible, parse_datetime
from deskdup.services.importer.people import AMBIGUOUS, PersonIndex
from deskdup.services.importer.reading import cell_text
from deskdup.services.importer.report import bad
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.names import split_full_name
from deskdup.services.normalize import visible

_SPLIT_LIST = re.compile(r"[;,]")
_SPLIT_WORDS = re.compile(r"[;,\s]+")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


# The longest text an Excel cell holds; calamine drops whatever a program wrote past it.
EXCEL_CELL_LIMIT = 32_767


def _has_nul(cells: list[Any]) -> bool:
    return any(type(c) is str and "\x00" in c for c in cells)


AMBIGUOUS_CONTACT = QT_TRANSLATE_NOOP(
    "Import", "'{value}' is the name of several contacts: give the contact's id instead"
)
# The reasons a whole group of rows shares: the report lists each value once.
UNKNOWN_OPERATOR = QT_TRANSLATE_NOOP(
    "Import",
    "unknown operator '{value}': add the operator to the workspace "
    "(deskdup operator add) or clear the cell",
)
AMBIGUOUS_OPERATOR = QT_TRANSLATE_NOOP(
    "Import",
    "'{value}' is the name of several operators: write the login in the cell instead",
)
UNKNOWN_CONTACT = QT_TRANSLATE_NOOP(
    "Import",
    "contact '{value}' is not in the workspace: import the contacts export first",
)


@dataclass
class Record:
    line: int
    lead: dict[str, Any]
    comms: list[tuple[CommKind, Channel, str]]
    message: str
    dated: bool = True  # the file gave the date (else the lead's date is the import's)
    chats: list[tuple[Channel, str]] = field(default_factory=list)  # open-line chat ids


class RowReader:
    """Reads rows of leads, or of contacts when ``entity == "contact"``."""

    def __init__(
        self,
        columns: Columns,
        operators: PersonIndex,
        now: datetime,
        region: str,
        *,
        contacts: PersonIndex | None = None,
        entity: str = "lead",
        typed: bool = True,
        may_hold_nul: bool = True,
    ):
        self.c = columns
        self.operators = operators
        self.contacts = contacts or PersonIndex()
        self.entity = entity
        self.now = now
        self.region = region
        self.typed = typed  # cells may be numbers, dates, booleans (a workbook)
        self.may_hold_nul = may_hold_nul
        self.seen: dict[str, int] = {}
        # Told once in the report, with the number of rows, not row by row.
        self.missing_operators: Counter[str] = Counter()
        self.missing_contacts: Counter[str] = Counter()
        self.other_sources: Counter[str] = Counter()  # a portal's own sources: read as "other"

    def cell(self, cells: list[Any], name: str) -> str:
        index = self.c.single.get(name)
        if index is None or index >= len(cells):
            return ""
        return cell_text(cells[index])

    def cells(self, cells: list[Any], name: str) -> list[str]:
        return [cell_text(cells[i]) for i in self.c.multi.get(name, ()) if i < len(cells)]

    def unfaithful_cell(self, cells: list[Any]) -> Message | None:
        """Why an id or phone cell of a workbook cannot be read as the digits typed.

        A spreadsheet keeps a number as a float: ``1.5``, ``TRUE`` or an id of 17
        digits (rounded to 12345678901234567168) is not what the CRM wrote.  And a
        text at Excel's length limit may have been cut there.
        """
        for index, value in enumerate(cells):
            if type(value) is str and len(value) >= EXCEL_CELL_LIMIT:
                return bad(
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "the cell in column '{column}' reaches Excel's limit of 32,767 "
                        "characters, so its text may have been cut: import it from a CSV file",
                    ),
                    column=self.c.names[index] if index < len(self.c.names) else index + 1,
                )
        indexes = [self.c.single.get("id"), *self.c.multi.get("phone", ())]
        for index in indexes:
            if index is None or index >= len(cells):
                continue
            value = cells[index]
            if type(value) is str or value is None:
                continue
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if number and float(value).is_integer() and abs(value) < 2**53:
                continue
            return bad(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "the cell in column '{column}' holds {value}, which a spreadsheet does not "
                    "keep as the digits typed (TRUE/FALSE, a fraction, a date or more than 15 "
                    "digits): format the column as text and type the value again",
                ),
                column=self.c.names[index],
                value=cell_text(value),
            )
        return None

    def identifiers(self, cells: list[Any], name: str) -> list[str]:
        return [visible(text) for text in self.cells(cells, name)]

    def read(self, line: int, cells: list[Any]) -> Record | Message:
        """A record for a good row, the reason for a bad one."""
        if self.may_hold_nul and _has_nul(cells):
            # PostgreSQL refuses text with NUL, and no export writes one: binary data.
            return bad(
                QT_TRANSLATE_NOOP(
                    "Import", "the row contains a NUL character (binary data, not text)"
                )
            )
        if self.typed and (reason := self.unfaithful_cell(cells)) is not None:
            return reason
        external_id = visible(self.cell(cells, "id"))
        if not external_id:
            return bad(QT_TRANSLATE_NOOP("Import", "the id is empty"))
        if _CONTROL.search(external_id):
            return bad(
                QT_TRANSLATE_NOOP("Import", "the id '{id}' contains a control character"),
                id=_CONTROL.sub("?", external_id),
            )
        if len(external_id) > 64:
            return bad(QT_TRANSLATE_NOOP("Import", "the id is longer than 64 characters"))
        if external_id in self.seen:
            return bad(
                QT_TRANSLATE_NOOP("Import", "id {id} already appears on line {first}"),
                id=external_id,
                first=self.seen[external_id],
            )
        self.seen[external_id] = line

        created_text = self.cell(cells, "created_at")
        created = parse_datetime(created_text) if created_text else self.now
        if created is None:
            return _bad_date(created_text)
        if created_text and (reason := implausible(created, created_text, self.now)):
            return reason
        updated_text = self.cell(cells, "updated_at")
        updated = parse_datetime(updated_text) if updated_text else created
        if updated is None:
            return _bad_date(updated_text)
        if updated_text and (reason := implausible(updated, updated_text, self.now)):
            return reason

        telegram = [
            w for t in self.identifiers(cells, "telegram") for w in _SPLIT_WORDS.split(t) if w
        ]
        whatsapp = [
            w.strip() for t in self.identifiers(cells, "whatsapp") for w in _SPLIT_LIST.split(t)
        ]
        whatsapp = [w for w in whatsapp if w]
        messengers, chats = self._messengers(cells)
        channel_text = self.cell(cells, "channel")
        source_text = self.cell(cells, "source")
        channel: Channel | None = None
        if channel_text:
            channel = parse_channel(channel_text)
            if channel is None:
                return bad(
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "unknown channel '{value}' (known: telegram, whatsapp, avito, site, "
                        "call, email, vk, instagram, viber, openline, other)",
                    ),
                    value=channel_text,
                )
        elif source_text:
            source = bitrix24_export.read_source(source_text)
            channel = source.channel
            if not source.known:
                self.other_sources[source_text] += 1
        if channel is None:
            firsts = [Channel.TELEGRAM] if telegram else [Channel.WHATSAPP] if whatsapp else []
            firsts += [c for c, _v in chats] + [c for c, _v in messengers]
            channel = next((c for c in firsts if c is not Channel.OTHER), Channel.OTHER)

        assigned_text = self.cell(cells, "assigned_to")
        assigned_id = None
        if assigned_text:
            found = self.operators.find(assigned_text)
            if found == AMBIGUOUS:
                return bad(AMBIGUOUS_OPERATOR, value=assigned_text)
            if found is None:
                self.missing_operators[assigned_text] += 1
                return bad(UNKNOWN_OPERATOR, value=assigned_text)
            assigned_id = found

        contact_text = self.cell(cells, "contact")
        contact_id = None
        if contact_text and self.entity == "lead":
            found = self.contacts.find(contact_text)
            if found == AMBIGUOUS:
                return bad(AMBIGUOUS_CONTACT, value=contact_text)
            if found is None:
                self.missing_contacts[contact_text] += 1
                return bad(UNKNOWN_CONTACT, value=contact_text)
            contact_id = found

        status = bitrix24_export.status_code(self.cell(cells, "status")) or "new"
        if len(status) > 40:
            return bad(QT_TRANSLATE_NOOP("Import", "the status is longer than 40 characters"))

        first = self.cell(cells, "first_name")
        last = self.cell(cells, "last_name")
        middle = self.cell(cells, "middle_name")
        full = self.cell(cells, "name")
        if full and not (first or last or middle):
            last, first, middle = split_full_name(full)
        if max(len(first), len(last), len(middle)) > 100:
            return bad(QT_TRANSLATE_NOOP("Import", "a name is longer than 100 characters"))

        comms: list[tuple[CommKind, Channel, str]] = []
        for text in self.identifiers(cells, "phone"):
            comms.extend((CommKind.PHONE, channel, p.strip()) for p in _SPLIT_LIST.split(text))
        for text in self.identifiers(cells, "email"):
            comms.extend((CommKind.EMAIL, channel, e) for e in _SPLIT_WORDS.split(text))
        comms.extend((CommKind.MESSENGER, Channel.TELEGRAM, t) for t in telegram)
        comms.extend((CommKind.MESSENGER, Channel.WHATSAPP, w) for w in whatsapp)
        comms.extend((CommKind.MESSENGER, c, v) for c, v in messengers)
        for index in self.c.multi.get("web", ()):
            if index < len(cells):
                web_channel = self.c.channels.get(index, Channel.SITE)
                comms.extend(
                    (CommKind.WEB, web_channel, w.strip())
                    for w in _SPLIT_LIST.split(cell_text(cells[index]))
                )
        comms = [c for c in comms if c[2]]
        if any(len(c[2]) > 300 for c in comms):
            return bad(
                QT_TRANSLATE_NOOP("Import", "a phone or address is longer than 300 characters")
            )

        title = self.cell(cells, "title")
        if len(title) > 300:
            return bad(QT_TRANSLATE_NOOP("Import", "the title is longer than 300 characters"))
        if not title:
            shown = " ".join(w for w in (last, first) if w) or (comms[0][2] if comms else "")
            label = CHANNEL_LABELS[channel]
            title = (f"{label}: {shown}" if shown else label)[:300]  # made here, not data
        lead = {
            "external_id": external_id,
            "title": title,
            "first_name": first,
            "last_name": last,
            "middle_name": middle,
            "status": status,
            "source_channel": channel.value,
            "assigned_id": assigned_id,
            "created_at": created,
            "updated_at": updated,
            "comments": self.cell(cells, "comments"),
            "contact_id": contact_id,
            "archived": False,
            "merged_into_id": None,
            "version": 1,
        }
        message = self.cell(cells, "message")
        return Record(line, lead, comms, message, dated=bool(created_text), chats=chats)

    def _messengers(
        self, cells: list[Any]
    ) -> tuple[list[tuple[Channel, str]], list[tuple[Channel, str]]]:
        """The messenger columns' handles, and the open-line chat ids among them."""
        handles: list[tuple[Channel, str]] = []
        chats: list[tuple[Channel, str]] = []
        for index in self.c.multi.get("messenger", ()):
            if index >= len(cells):
                continue
            channel = self.c.channels.get(index, Channel.OTHER)
            for value in _SPLIT_LIST.split(visible(cell_text(cells[index]))):
                value = value.strip()
                if not value:
                    continue
                chat_channel = bitrix24_export.open_line_chat(value)
                if chat_channel is not None:
                    chats.append((chat_channel, value))
                else:
                    handles.append((channel, value))
        return handles, chats


def _bad_date(value: str) -> Message:
    return bad(
        QT_TRANSLATE_NOOP(
            "Import",
            "cannot read the date '{value}' (dates are read day first: 25.11.2026, "
            "25/11/2026 10:02, or ISO 2026-11-25T10:02)",
        ),
        value=value,
    )
