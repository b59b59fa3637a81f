"""The filtered history written out: CSV and XLSX (Excel-safe), JSON lines.

Every text cell passes through ``spreadsheet.safe_cell``: a lead's name or a
dismissal's reason that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return cannot run as a formula when the file is opened.  Times are
written in the time zone given (the operator's), with the zone's offset in the
header; the JSON lines keep UTC with a ``Z``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from deskdup.services.channels import channel_name
from deskdup.services.history import KIND_WORDS, HistoryRow
from deskdup.services.messages import Message, Translate
from deskdup.services.spreadsheet import safe_row

COLUMNS = (
    "event",
    "time",
    "operator",
    "login",
    "department",
    "kind",
    "primary",
    "others",
    "channels",
    "reasons",
    "summary",
    "undone by event",
)


def local_time(at: datetime, tz: tzinfo | None = None) -> datetime:
    """A stored naive-UTC time in ``tz`` (None: this computer's zone), without tzinfo."""
    return at.replace(tzinfo=UTC).astimezone(tz).replace(tzinfo=None)


def _text(value: Message | str, translate: Translate | None) -> str:
    return value.render(translate=translate) if isinstance(value, Message) else str(value)


def row_values(
    row: HistoryRow, tz: tzinfo | None = None, translate: Translate | None = None
) -> list[Any]:
    """One row of the export, in ``COLUMNS`` order (time as a datetime)."""
    say: Callable[[str, str], str] = translate or (lambda _c, text: text)
    primary = f"#{row.primary_label}" if row.primary_label else ""
    if row.primary_name:
        primary = f"{primary} {row.primary_name}".strip()
    others = [f"#{label}" for label in (*row.other_labels, *row.contact_labels)]
    return [
        row.id,
        local_time(row.at, tz),
        row.operator_name,
        row.operator_login,
        row.department,
        say("History", KIND_WORDS.get(row.kind, row.kind.value)),
        primary,
        ", ".join(others),
        ", ".join(say("Channels", channel_name(c)) for c in row.channels),
        "; ".join(_text(r, translate) for r in row.reasons),
        row.summary,
        row.undone_by_id or "",
    ]


def header(tz: tzinfo | None) -> list[str]:
    offset = datetime.now(tz or UTC).astimezone(tz).strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "local"
    return [f"time ({zone})" if c == "time" else c for c in COLUMNS]


def write_csv(
    path: Path | str,
    rows: Iterable[HistoryRow],
    tz: tzinfo | None = None,
    translate: Translate | None = None,
) -> int:
    """Write ``rows`` as CSV (UTF-8 with a BOM, so Excel reads Cyrillic); the number written."""
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header(tz))
        for row in rows:
            values = row_values(row, tz, translate)
            values[1] = values[1].strftime("%Y-%m-%d %H:%M:%S")
            writer.writerow(safe_row(values))
            count += 1
    return count


def write_xlsx(
    path: Path | str,
    rows: Iterable[HistoryRow],
    tz: tzinfo | None = None,
    translate: Translate | None = None,
) -> int:
    """Write ``rows`` as an XLSX sheet (XlsxWriter, constant memory); the number written.

    Text cells are written as strings, never as formulas, and neutralised as
    in the CSV for the programs that re-read the file as text.
    """
    import xlsxwriter  # only exports need it

    count = 0
    workbook = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False}
    )
    try:
        sheet = workbook.add_worksheet("history")
        bold = workbook.add_format({"bold": True})
        when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        for col, name in enumerate(header(tz)):
            sheet.write_string(0, col, name, bold)
        sheet.set_column(1, 1, 20)
        sheet.set_column(2, 2, 24)
        sheet.set_column(6, 10, 30)
        for n, row in enumerate(rows, start=1):
            values = safe_row(row_values(row, tz, translate))
            for col, value in enumerate(values):
                if isinstance(value, datetime):
                    sheet.write_datetime(n, col, value, when)
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(n, col, value)
                else:
                    sheet.write_string(n, col, str(value))
            count += 1
    finally:
        workbook.close()
    return count


def jsonl_line(row: HistoryRow) -> str:
    """One event as a JSON object: ``id``, ``kind``, ``operator``, ``at``, ``primary``, ``others``.

    ``primary`` and ``others`` are the leads' CRM ids where they have one (as
    ``scan`` prints them), else their database ids.
    """
    data = {
        "id": row.id,
        "kind": row.kind.value,
        "operator": row.operator_login,
        "at": row.at.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z"),
        "primary": row.primary_label or None,
        "others": list(row.other_labels or row.contact_labels),
        "undone_by": row.undone_by_id,
        "undo_of": row.undo_of_id,
        "summary": row.summary,
    }
    return json.dumps(data, ensure_ascii=False)
