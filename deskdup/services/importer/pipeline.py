"""The import itself: read, check and write a whole export in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from deskdup.services.errors import KnownError, fail
from deskdup.services.importer import bitrix24_export
from deskdup.services.importer.columns import map_columns
from deskdup.services.importer.people import contact_index, operator_index
from deskdup.services.importer.reading import ExportFile, cell_text, open_export
from deskdup.services.importer.rejects import RejectsFile, check_rejects_path
from deskdup.services.importer.report import CONTEXT, MAX_BAD_ROWS_KEPT, BadRow, ImportReport
from deskdup.services.importer.report import bad as bad_row
from deskdup.services.importer.rows import RowReader
from deskdup.services.importer.writing import (
    CHUNK,
    NothingWritten,
    Writer,
)
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.normalize import DEFAULT_REGION
from deskdup.services.workspace import Workspace, database_fault_kind, known_database_error

ProgressFn = Callable[[int, int], None]


def import_file(
    ws: Workspace,
    path: str | Path | ExportFile,
    *,
    skip_bad: bool = False,
    rejects_path: str | Path | None = None,
    force: bool = False,
    encoding: str | None = None,
    update: bool = False,
    sheet: str | None = None,
    progress: ProgressFn | None = None,
    region: str = DEFAULT_REGION,
    entity: str | None = None,
) -> ImportReport:
    """Import the leads (or contacts) of a CSV or XLSX export, in one transaction.

    ``entity`` is "lead" or "contact"; by default the file's columns and name
    tell (``bitrix24_export.detect_entity``).  A lead's contact ("Связанный контакт",
    by CRM id or full name) must be in the workspace already: import the
    contacts export first.

    ``path`` may be an export already opened with ``open_export`` (the command
    line opens it before the workspace, so that a wrong file creates nothing);
    it is closed either way; ``encoding`` overrides the detection of a CSV's
    encoding, ``sheet`` the choice of a workbook's sheet.  Raises ``KnownError``
    when the file cannot be read as a table with an ``id`` column.  Bad rows are
    in the report; when there are any and not ``skip_bad``, nothing is written
    (``report.written`` is false).
    The bad rows go to ``rejects_path`` when given, which must not be the file
    or the workspace, nor (unless ``force``) any other existing file.  With
    ``update``, a row whose lead is already there corrects it (``updating``).
    """
    source = (
        path if isinstance(path, ExportFile) else open_export(path, encoding=encoding, sheet=sheet)
    )
    path = source.path
    report = ImportReport(
        path=str(path),
        format=source.format,
        encoding=source.encoding,
        sheet=source.sheet,
        other_sheets=source.other_sheets,
        update=update,
    )
    rejects = None
    try:
        columns = map_columns(path, source.header)
        report.ignored_columns = columns.ignored
        report.bitrix24 = columns.bitrix24
        report.entity = entity or bitrix24_export.detect_entity(source.header, path)
        if rejects_path is not None:
            target = check_rejects_path(rejects_path, path, ws.url, force=force)
            names = [h or f"column {i + 1}" for i, h in enumerate(columns.names)]
            rejects = RejectsFile(target, names, force=force)
        try:
            with ws.session() as session:
                reader = RowReader(
                    columns, operator_index(session), datetime.now(UTC).replace(tzinfo=None),
                    region, contacts=contact_index(session), entity=report.entity,
                    typed=source.format == "xlsx", may_hold_nul=source.may_hold_nul,
                )  # fmt: skip
                writer = Writer(session, report, region, update=update)
                for line, cells in source.rows:
                    if not any(c not in (None, "") for c in cells):
                        continue
                    report.rows += 1
                    if line in source.error_cells:
                        result = bad_row(
                            QT_TRANSLATE_NOOP(
                                "Import",
                                "the cells {cells} hold Excel errors (such as #N/A) "
                                "instead of values",
                            ),
                            cells=", ".join(source.error_cells[line]),
                        )
                    else:
                        result = reader.read(line, cells)
                    if isinstance(result, Message):
                        report.rejected += 1
                        bad = BadRow(line, result, _row_values(columns.names, cells))
                        if len(report.bad_rows) < MAX_BAD_ROWS_KEPT:
                            report.bad_rows.append(bad)
                        if rejects is not None:
                            rejects.write(bad)
                    elif skip_bad or not report.rejected:
                        writer.add(result)
                    if progress is not None and report.rows % CHUNK == 0:
                        progress(report.rows, max(source.total, report.rows))
                report.missing_operators = dict(reader.missing_operators.most_common())
                report.missing_contacts = dict(reader.missing_contacts.most_common())
                report.other_sources = dict(reader.other_sources.most_common())
                if report.rejected and not skip_bad:
                    raise NothingWritten
                writer.flush()
                if progress is not None:
                    # The last chance to cancel, inside the transaction: a Cancel
                    # pressed up to here rolls everything back.
                    progress(report.rows, report.rows)
                report.written = True
        except NothingWritten:
            report.imported = report.updated = report.unchanged = report.invalid_values = 0
        except DBAPIError as exc:  # rolled back: nothing was imported
            known = database_fault(exc)
            if known is None:
                raise
            raise known from exc
        if rejects is not None:
            published = rejects.publish()
            report.rejects_path = str(published) if published else None
    finally:
        source.close()
        if rejects is not None:
            rejects.discard()
    return report


def _row_values(names: list[str], cells: list[Any]) -> dict[str, str]:
    return {
        (name or f"column {i + 1}"): _as_in_file(cells[i]) if i < len(cells) else ""
        for i, name in enumerate(names)
    }


def _as_in_file(value: Any) -> str:
    # The rejects file gives the value as it was, spaces and all; cell_text trims.
    return value if type(value) is str else cell_text(value)


MSG_BUSY = QT_TRANSLATE_NOOP(
    "Import",
    "The workspace is busy with another operator's change; nothing was imported. "
    "Import the file again in a moment.",
)
MSG_DISK_FULL = QT_TRANSLATE_NOOP(
    "Import",
    "The disk is full where the workspace is kept; nothing was imported. Free some space "
    "and import the file again.",
)


def database_fault(exc: DBAPIError) -> KnownError | None:
    """The operator's words, for an import, for a failure of the database the
    environment caused (``workspace.database_fault_kind``); None for a bug."""
    kind = database_fault_kind(exc)
    if kind == "disk_full":
        return fail(KnownError, Message(CONTEXT, MSG_DISK_FULL))
    if kind == "busy":
        return fail(KnownError, Message(CONTEXT, MSG_BUSY))
    return known_database_error(exc) if kind else None
