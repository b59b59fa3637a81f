"""What an import did: the counts, the bad rows with their reasons, the summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from deskdup.services.messages import QT_TRANSLATE_NOOP, Message

MAX_BAD_ROWS_KEPT = 10_000
CONTEXT = "Import"


@dataclass(frozen=True)
class BadRow:
    line: int  # line of the CSV file, or row of the sheet
    reason: Message
    values: dict[str, str]  # the row as it was in the file, by original header


@dataclass
class ImportReport:
    path: str
    format: str
    encoding: str = ""  # CSV only: the codec name (encoding_label names it)
    sheet: str = ""  # XLSX only: the sheet read
    other_sheets: list[str] = field(default_factory=list)  # XLSX only: those not read
    rows: int = 0  # non-empty data rows read
    imported: int = 0
    updated: int = 0  # already there, and corrected from the file (``update``)
    unchanged: int = 0  # already in the workspace (same external id): left as they are
    rejected: int = 0
    invalid_values: int = 0  # phones / e-mails kept as typed but flagged invalid
    bad_rows: list[BadRow] = field(default_factory=list)  # the first MAX_BAD_ROWS_KEPT
    ignored_columns: list[str] = field(default_factory=list)
    rejects_path: str | None = None
    written: bool = False
    update: bool = False  # rows already there correct their leads
    entity: str = "lead"  # "lead" or "contact": what the file holds
    bitrix24: bool = False  # read as Bitrix24's own export
    # Told once, each with its number of rows (the rows are bad rows as well):
    missing_operators: dict[str, int] = field(default_factory=dict)  # responsible persons
    missing_contacts: dict[str, int] = field(default_factory=dict)  # a lead's contact
    # A portal's own lead sources, not a channel: the leads' channel is read from
    # their phones and messengers, or "other".
    other_sources: dict[str, int] = field(default_factory=dict)

    def operator_hint(self, db: str = "WORKSPACE") -> list[str]:
        """The command that adds each missing operator, to copy and adjust."""
        return [
            f'deskdup operator add LOGIN --db {db} --name "{name}"'
            for name in self.missing_operators
        ]

    def summary(self) -> Message:
        if not self.written and self.rejected:
            return Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "Import",
                    "Nothing imported: {rejected} of {rows} rows are bad. "
                    "Fix them, or import the rest and skip them.",
                ),
                {"rejected": self.rejected, "rows": self.rows},
            )
        if self.update:
            return Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "Import",
                    "Imported {imported}, updated {updated}, already there and left as they "
                    "are {unchanged}, rejected {rejected} (of {rows} rows); {invalid} invalid "
                    "phones or e-mails kept as typed.",
                ),
                {
                    "imported": self.imported,
                    "updated": self.updated,
                    "unchanged": self.unchanged,
                    "rejected": self.rejected,
                    "rows": self.rows,
                    "invalid": self.invalid_values,
                },
            )
        return Message(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "Import",
                "Imported {imported}, already there {unchanged}, rejected {rejected} "
                "(of {rows} rows); {invalid} invalid phones or e-mails kept as typed.",
            ),
            {
                "imported": self.imported,
                "unchanged": self.unchanged,
                "rejected": self.rejected,
                "rows": self.rows,
                "invalid": self.invalid_values,
            },
        )


def bad(template: str, **params: Any) -> Message:
    return Message(CONTEXT, template, params)
