"""The import itself: read, check and write a whole export in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from deskdup.services.importer.columns import map_columns
from deskdup.services.importer.reading import ExportFile, cell_text, open_export
from deskdup.services.importer.rejects import RejectsFile, check_rejects_path
from deskdup.services.importer.report import MAX_BAD_ROWS_KEPT, BadRow, ImportReport
from deskdup.services.importer.report import bad as bad_row
from deskdup.services.importer.rows import RowReader
from deskdup.services.importer.writing import (
    CHUNK,
    NothingWritten,
    Writer,
    operator_keys,
)
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.normalize import DEFAULT_REGION
from deskdup.services.workspace import Workspace

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
) -> ImportReport:
    """Import the leads of a CSV or XLSX export into the workspace, in one transaction.

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
        if rejects_path is not None:
            target = check_rejects_path(rejects_path, path, ws.url, force=force)
            names = [h or f"column {i + 1}" for i, h in enumerate(columns.names)]
            rejects = RejectsFile(target, names, force=force)
        try:
            with ws.session() as session:
                reader = RowReader(
                    columns, operator_keys(session), datetime.now(UTC).replace(tzinfo=None),
                    region, typed=source.format == "xlsx", may_hold_nul=source.may_hold_nul,
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
                if report.rejected and not skip_bad:
                    raise NothingWritten
                writer.flush()
                report.written = True
        except NothingWritten:
            report.imported = report.updated = report.unchanged = report.invalid_values = 0
        if rejects is not None:
            published = rejects.publish()
            report.rejects_path = str(published) if published else None
        if progress is not None:
            progress(report.rows, report.rows)
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
