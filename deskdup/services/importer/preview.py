"""What an import will do, before it does it: the first rows and how each column is read.

The import window shows this (the file's own header over its first rows, and
under each title what deskdup reads from it) so the operator sees a wrong
file, a column not read or a contacts export taken for leads before anything
is written.  Plain data; the window translates the messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from deskdup.models import Channel
from deskdup.services.importer import bitrix24_export
from deskdup.services.importer.columns import Columns, map_columns
from deskdup.services.importer.reading import ExportFile, cell_text, open_export
from deskdup.services.importer.rejects import RejectsFile, check_rejects_path
from deskdup.services.importer.report import ImportReport
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message

CONTEXT = "ImportColumns"

# How a field is read, in the operator's words.
_FIELD_READINGS: dict[str, str] = {
    "id": QT_TRANSLATE_NOOP("ImportColumns", "CRM id"),
    "title": QT_TRANSLATE_NOOP("ImportColumns", "title"),
    "name": QT_TRANSLATE_NOOP("ImportColumns", "full name"),
    "first_name": QT_TRANSLATE_NOOP("ImportColumns", "first name"),
    "last_name": QT_TRANSLATE_NOOP("ImportColumns", "last name"),
    "middle_name": QT_TRANSLATE_NOOP("ImportColumns", "patronymic"),
    "phone": QT_TRANSLATE_NOOP("ImportColumns", "phone"),
    "email": QT_TRANSLATE_NOOP("ImportColumns", "e-mail"),
    "telegram": QT_TRANSLATE_NOOP("ImportColumns", "messenger: {channel}"),
    "whatsapp": QT_TRANSLATE_NOOP("ImportColumns", "messenger: {channel}"),
    "messenger": QT_TRANSLATE_NOOP("ImportColumns", "messenger: {channel}"),
    "web": QT_TRANSLATE_NOOP("ImportColumns", "website"),
    "message": QT_TRANSLATE_NOOP("ImportColumns", "first message"),
    "comments": QT_TRANSLATE_NOOP("ImportColumns", "comment"),
    "assigned_to": QT_TRANSLATE_NOOP("ImportColumns", "responsible operator"),
    "status": QT_TRANSLATE_NOOP("ImportColumns", "stage"),
    "channel": QT_TRANSLATE_NOOP("ImportColumns", "channel"),
    "source": QT_TRANSLATE_NOOP("ImportColumns", "source (channel)"),
    "created_at": QT_TRANSLATE_NOOP("ImportColumns", "created (day first)"),
    "updated_at": QT_TRANSLATE_NOOP("ImportColumns", "modified (day first)"),
    "contact": QT_TRANSLATE_NOOP("ImportColumns", "bound contact"),
}
NOT_READ = QT_TRANSLATE_NOOP("ImportColumns", "not read")
_FIXED_CHANNEL = {"telegram": Channel.TELEGRAM, "whatsapp": Channel.WHATSAPP}


@dataclass
class ColumnReading:
    title: str  # the file's own column title
    reading: Message  # what deskdup reads from it; "{channel}" is filled by the view
    read: bool
    channel: Channel | None = None  # a messenger column's channel


@dataclass
class ImportPreview:
    path: str
    format: str  # "csv" or "xlsx"
    encoding: str  # CSV only: a key of ENCODING_NAMES
    entity: str  # "lead" or "contact", as the columns and the file name tell
    bitrix24: bool
    total: int  # estimated data rows
    columns: list[ColumnReading]
    rows: list[tuple[int, list[str]]]  # (line, cell texts) of the first rows


def preview_export(path: str | Path, rows: int = 20) -> ImportPreview:
    """Open the export, map its columns and read its first ``rows`` rows.

    Raises ``KnownError`` in the operator's words when the file cannot be
    imported at all (not a table, no id column...), as the import would.
    """
    with open_export(path) as source:
        columns = map_columns(source.path, source.header)
        sample = _first_rows(source, rows)
        return ImportPreview(
            path=str(source.path),
            format=source.format,
            encoding=source.encoding,
            entity=bitrix24_export.detect_entity(source.header, source.path),
            bitrix24=columns.bitrix24,
            total=source.total,
            columns=column_readings(columns),
            rows=sample,
        )


def column_readings(columns: Columns) -> list[ColumnReading]:
    field_of: dict[int, str] = {index: name for name, index in columns.single.items()}
    for name, indexes in columns.multi.items():
        field_of.update(dict.fromkeys(indexes, name))
    out = []
    for index, title in enumerate(columns.names):
        field_name = field_of.get(index)
        if field_name is None:
            out.append(ColumnReading(title, Message(CONTEXT, NOT_READ), False))
            continue
        channel = columns.channels.get(index, _FIXED_CHANNEL.get(field_name))
        reading = Message(CONTEXT, _FIELD_READINGS[field_name])
        out.append(ColumnReading(title, reading, True, channel))
    return out


def _first_rows(source: ExportFile, limit: int) -> list[tuple[int, list[str]]]:
    out: list[tuple[int, list[str]]] = []
    for line, cells in source.rows:
        if not any(c not in (None, "") for c in cells):
            continue
        out.append((line, [cell_text(c) for c in cells]))
        if len(out) >= limit:
            break
    return out


def save_rejects(report: ImportReport, path: str | Path, workspace_url: str | None = None) -> Path:
    """Write the report's bad rows (their columns, line and reason) as CSV; where they went.

    The operator chose ``path`` in a save dialog, which asked before replacing a
    file; the imported file itself and the workspace are refused all the same.
    """
    target = check_rejects_path(path, report.path, workspace_url, force=True)
    header: list[str] = []
    for bad in report.bad_rows:
        header.extend(h for h in bad.values if h not in header)
    rejects = RejectsFile(target, header, force=True)
    for bad in report.bad_rows:
        rejects.write(bad)
    return rejects.publish() or target
