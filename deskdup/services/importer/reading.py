"""Opening an export: what kind of file it is, its encoding, its header, its rows."""

from __future__ import annotations

import codecs
import csv
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from deskdup.services.errors import KnownError
from deskdup.services.importer import xlsx
from deskdup.services.importer.columns import FIELD_ALIASES, header_key
from deskdup.services.importer.encoding import UTF16_BOMS, encoding_label, text_encoding

_EXPORT_HINT = "Export the leads from the CRM as CSV (UTF-8) or XLSX and import that file."
# What a file plainly is when it is not a table, told by its first bytes.
_NOT_A_TABLE: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
)
# Old binary Excel (.xls), and also any password-protected workbook.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Python's csv refuses a field over 128 KB; a long comment or chat is data, but a
# field of this size is a quote left open, not a cell.
MAX_FIELD = 64 * 2**20
csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD))


@dataclass
class ExportFile:
    """An export opened for reading: its header, then its rows as a stream."""

    path: Path
    format: str  # "csv" or "xlsx"
    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (line, cells)
    total: int  # estimated data rows, for progress
    close: Callable[[], None]
    encoding: str = ""  # CSV only: the text encoding (codecs name)
    sheet: str = ""  # XLSX only: the sheet read
    other_sheets: list[str] = field(default_factory=list)  # XLSX only: the sheets not read
    error_cells: dict[int, list[str]] = field(default_factory=dict)  # XLSX: row -> #N/A cells
    may_hold_nul: bool = True  # CSV: the scan saw a NUL (each row is checked only then)

    def __enter__(self) -> ExportFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_export(
    path: str | Path, *, encoding: str | None = None, sheet: str | None = None
) -> ExportFile:
    """Open a CSV or XLSX export and read its header.

    Raises ``KnownError``, saying what the file is and what to do, when it is
    missing, empty, or not a table: an image, a PDF, an old or protected Excel
    workbook, a web page, a damaged XLSX, or a CSV whose encoding is not
    ``encoding`` (when given) or cannot be told for sure.  Of a workbook the
    sheet named ``sheet`` is read, or else the one Excel opens on (``xlsx``).
    """
    path = Path(path)
    if not path.is_file():
        raise KnownError(f"The file {path} does not exist.")
    try:
        with path.open("rb") as f:
            head = f.read(65536)
    except OSError as exc:
        raise KnownError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if not head.strip(b"\xef\xbb\xbf \t\r\n"):
        raise KnownError(f"The file {path.name} is empty.")
    if head.startswith(b"PK\x03\x04"):
        return _open_xlsx(path, sheet)
    if head.startswith(_OLE2):
        raise KnownError(
            f"{path.name} is an old Excel workbook (.xls) or a password-protected one. "
            "Open it in Excel and save it as XLSX or 'CSV UTF-8', without a password, "
            "then import that file."
        )
    for magic, what in _NOT_A_TABLE:
        if head.startswith(magic):
            raise KnownError(f"{path.name} is {what}, not a table of leads. {_EXPORT_HINT}")
    return _open_csv(path, head, encoding)


def _open_csv(path: Path, head: bytes, forced_encoding: str | None) -> ExportFile:
    if b"\x00" in head and not head.startswith(UTF16_BOMS):
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            raise KnownError(
                f"{path.name} is not a readable XLSX workbook (it does not start as one: "
                "damaged, or another kind of file renamed). Open it in Excel, save it again "
                "as XLSX and import that file."
            )
        raise KnownError(f"{path.name} is not a CSV file (it contains binary data). {_EXPORT_HINT}")
    encoding, scan = text_encoding(path, head, forced_encoding)
    text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    start = text.lstrip("\ufeff \t\r\n")[:512].lower()
    if start.startswith("<"):
        raise KnownError(
            f"{path.name} is a web page or an XML file, not CSV or XLSX (some CRMs, "
            "Bitrix24 among them, save their 'Excel' export this way). Open it in Excel and "
            "save it as XLSX, or export the leads as CSV."
        )
    first_line = text.lstrip("\ufeff").splitlines()[0] if text else ""
    delimiter = max((";", ",", "\t"), key=first_line.count)
    if not first_line.count(delimiter):
        delimiter = ","
    handle = path.open(encoding=encoding, newline="")
    reader = csv.reader(handle, delimiter=delimiter)
    shape: list[int] = []  # the header's width and id column, once it is read

    def rows() -> Iterator[tuple[int, list[Any]]]:
        previous_end = 0
        try:
            for cells in reader:
                start = previous_end + 1
                previous_end = reader.line_num
                if previous_end > start and shape:
                    _refuse_swallowed_rows(path, start, previous_end, cells, delimiter, shape)
                yield start, cells
        except UnicodeDecodeError as exc:  # the file changed since it was scanned
            raise KnownError(
                f"{path.name}: the text after line {previous_end} is not "
                f"{encoding_label(encoding)}. Save the file as 'CSV UTF-8' and import it again."
            ) from exc
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise KnownError(
                    f"{path.name}, line {previous_end + 1}: a quote opened on this line or "
                    f"the next runs on for more than {MAX_FIELD // 2**20} MB, so the rest of "
                    "the file would be read as one cell: a closing quote is missing. Fix the "
                    "quote and import again."
                ) from exc
            raise KnownError(
                f"{path.name}, line {reader.line_num}: not a CSV file ({exc})."
            ) from exc

    iterator = rows()
    try:
        header = next(iterator)[1]
        while not any(cell.strip() for cell in header):
            header = next(iterator)[1]
    except StopIteration:
        handle.close()
        raise KnownError(f"The file {path.name} is empty.") from None
    except KnownError:
        handle.close()
        raise
    ids = [i for i, h in enumerate(header) if header_key(h) in FIELD_ALIASES["id"]]
    shape.extend((len(header), ids[0] if ids else 0))
    return ExportFile(
        path,
        "csv",
        header,
        iterator,
        max(scan.lines - 1, 1),
        handle.close,
        encoding=encoding,
        may_hold_nul=scan.nul,
    )


def _refuse_swallowed_rows(
    path: Path, start: int, end: int, cells: list[str], delimiter: str, shape: list[int]
) -> None:
    """Refuse a row whose quoted cell took in lines that read as rows of their own.

    A cell may hold line breaks (a comment typed on several lines), but a quote
    left open (``"Ромашка ООО``) makes every line up to the next quote part of
    one cell: the rows in between would vanish into a name or a comment.
    """
    width, id_index = shape
    if width < 2:
        return
    lines_before = 0
    for cell in cells:
        if "\n" not in cell and "\r" not in cell:
            continue
        for offset, text in enumerate(cell.splitlines()[1:], start=1):
            parts = next(csv.reader([text], delimiter=delimiter), [])
            row_id = parts[id_index].strip() if id_index < len(parts) else ""
            if width - 1 <= len(parts) <= width + 1 and _looks_like_an_id(row_id):
                shown = text if len(text) <= 60 else text[:60] + "..."
                raise KnownError(
                    f"{path.name}, line {start}: a quote opened on this line is not closed "
                    f"until line {end}, so the lines in between would be read as one cell; "
                    f"line {start + lines_before + offset} reads like a row of its own "
                    f"({shown}). Close or remove the quote on line {start} and import again."
                )
        lines_before += len(cell.splitlines()) - 1


def _looks_like_an_id(text: str) -> bool:
    return 0 < len(text) <= 64 and not any(ch.isspace() for ch in text)


def _open_xlsx(path: Path, wanted_sheet: str | None) -> ExportFile:
    # python-calamine (Rust) reads a sheet several times faster than openpyxl, but
    # holds the whole sheet in memory: about 0.65 KB a row (benchmarks/README.md),
    # some 0.7 GB for the largest sheet Excel allows, against minutes with openpyxl.
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    try:
        workbook = CalamineWorkbook.from_path(path)
        names = [m.name for m in workbook.sheets_metadata]
        worksheets = {m.name for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet}
        if not worksheets:
            workbook.close()
            raise KnownError(f"{path.name} has no sheet.")
        try:
            name = xlsx.choose_sheet(path, names, worksheets, wanted_sheet)
        except KnownError:
            workbook.close()
            raise
        sheet = workbook.get_sheet_by_name(name)
    except CalamineError as exc:
        raise KnownError(
            f"{path.name} is not a readable XLSX workbook ({exc}). Open it in Excel, save it "
            "again as XLSX and import that file."
        ) from exc
    workbook.close()  # the sheet's cells are read; the file is no longer needed
    if sheet.start is None:  # no cell at all (iter_rows would fail on it)
        raise KnownError(f"The file {path.name} is empty (sheet '{name}').")
    # iter_rows starts at the sheet's first row even when it is empty, so the
    # count is the row number Excel shows.
    iterator = enumerate(sheet.iter_rows(), start=1)
    found = next((row for row in iterator if any(c not in (None, "") for c in row[1])), None)
    if found is None:
        raise KnownError(f"The file {path.name} is empty (sheet '{name}').")
    header_line, header = found
    xlsx.refuse_merged_cells(path, name, sheet.merged_cell_ranges or [], header_line - 1)
    parts = {s.name: s.part for s in _sheets_or_none(path)}
    error_cells = xlsx.unread_cells(path, parts[name], name) if name in parts else {}
    last_line = (sheet.end or (0, 0))[0] + 1
    return ExportFile(
        path,
        "xlsx",
        [cell_text(h) for h in header],
        iterator,
        max(last_line - header_line, 1),
        lambda: None,
        sheet=name,
        other_sheets=[n for n in names if n != name],
        error_cells=error_cells,
    )


def _sheets_or_none(path: Path) -> list[xlsx.SheetInfo]:
    try:
        return xlsx.workbook_sheets(path)[0]
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return []


def cell_text(value: Any) -> str:
    if type(value) is str:  # most cells: the quick way first
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):  # a date cell without a time (calamine), as openpyxl gave it
        return datetime.combine(value, time()).isoformat()
    if isinstance(value, float) and value.is_integer():
        # A phone typed as a number (79161234567) must not read as 7.9161234567e10.
        return str(int(value))
    return str(value).strip()
