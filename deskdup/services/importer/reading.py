"""Opening an export: what kind of file it is, its encoding, its header, its rows."""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from deskdup.services.errors import KnownError

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
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Characters Windows-1251 gives that a Russian text would not contain (the
# Ukrainian and Belarusian letters it has count as Russian here): a file that
# decodes to many of them is in some other encoding.
_NOT_RUSSIAN = re.compile(r"[^\x00-\x7fА-яЁёІіЇїЄєҐґЎў№«»–—‘’“”„…•°±§©®™€\xa0]")
ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "cp1251": "Windows-1251"}


@dataclass
class ExportFile:
    """An export opened for reading: its header, then its rows as a stream."""

    path: Path
    format: str  # "csv" or "xlsx"
    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (line, cells)
    total: int  # estimated data rows, for progress
    close: Callable[[], None]
    encoding: str = ""  # CSV only: the text encoding, a key of ENCODING_NAMES

    def __enter__(self) -> ExportFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_export(path: str | Path) -> ExportFile:
    """Open a CSV or XLSX export and read its header.

    Raises ``KnownError``, saying what the file is and what to do, when it is
    missing, empty, or not a table: an image, a PDF, an old or protected Excel
    workbook, a web page, a damaged XLSX.
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
        return _open_xlsx(path)
    if head.startswith(_OLE2):
        raise KnownError(
            f"{path.name} is an old Excel workbook (.xls) or a password-protected one. "
            "Open it in Excel and save it as XLSX or 'CSV UTF-8', without a password, "
            "then import that file."
        )
    for magic, what in _NOT_A_TABLE:
        if head.startswith(magic):
            raise KnownError(f"{path.name} is {what}, not a table of leads. {_EXPORT_HINT}")
    return _open_csv(path, head)


@dataclass
class _TextScan:
    lines: int  # up to the first undecodable byte when not ``decodes``
    decodes: bool
    odd: int = 0  # Windows-1251 only: characters unlikely in Russian text


def _scan_text(path: Path, encoding: str) -> _TextScan:
    """Read the whole file as ``encoding`` in one streamed pass, counting lines."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines = odd = 0
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                lines += chunk[: max(exc.start, 0)].count(b"\n")
                return _TextScan(lines + 1, False)
            lines += text.count("\n")
            if encoding == "cp1251":
                odd += len(_NOT_RUSSIAN.findall(text))
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return _TextScan(lines + 1, False)
    return _TextScan(lines, True, odd)


def _text_encoding(path: Path, head: bytes) -> tuple[str, int]:
    """The encoding of a CSV file and its number of lines.

    UTF-8 (with or without BOM) and UTF-16 with a BOM (Excel's "Unicode text")
    are read as they are.  A file that is not UTF-8 is read as Windows-1251, the
    encoding of Russian Excel's plain "CSV", when it then reads as Russian text;
    otherwise it is refused with a request to save it as UTF-8.
    """
    encoding = "utf-16" if head.startswith(_UTF16_BOMS) else "utf-8-sig"
    scan = _scan_text(path, encoding)
    if not scan.decodes and encoding == "utf-8-sig":
        cp1251 = _scan_text(path, "cp1251")
        # A stray character or two (a ™, a Latin-1 ©) is fine; a page of them is not Russian.
        if cp1251.decodes and cp1251.odd <= max(2, path.stat().st_size // 1000):
            return "cp1251", cp1251.lines
    if not scan.decodes:
        name = ENCODING_NAMES[encoding]
        also = ", nor Russian text in Windows-1251" if encoding == "utf-8-sig" else ""
        raise KnownError(
            f"{path.name} is not {name} text from line {scan.lines} on{also}. "
            "Save it as 'CSV UTF-8' or XLSX and import it again."
        )
    return encoding, scan.lines


def _open_csv(path: Path, head: bytes) -> ExportFile:
    if b"\x00" in head and not head.startswith(_UTF16_BOMS):
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            raise KnownError(
                f"{path.name} is not a readable XLSX workbook (it does not start as one: "
                "damaged, or another kind of file renamed). Open it in Excel, save it again "
                "as XLSX and import that file."
            )
        raise KnownError(f"{path.name} is not a CSV file (it contains binary data). {_EXPORT_HINT}")
    encoding, total = _text_encoding(path, head)
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

    def rows() -> Iterator[tuple[int, list[Any]]]:
        previous_end = 0
        try:
            for cells in reader:
                start = previous_end + 1
                previous_end = reader.line_num
                yield start, cells
        except UnicodeDecodeError as exc:  # the file changed since it was scanned
            raise KnownError(
                f"{path.name}: the text after line {previous_end} is not "
                f"{ENCODING_NAMES[encoding]}. Save the file as 'CSV UTF-8' and import it again."
            ) from exc
        except csv.Error as exc:
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
    return ExportFile(
        path, "csv", header, iterator, max(total - 1, 1), handle.close, encoding=encoding
    )


def _open_xlsx(path: Path) -> ExportFile:
    # python-calamine (Rust) reads a sheet several times faster than openpyxl, but
    # holds the whole sheet in memory: about 0.65 KB a row (benchmarks/README.md),
    # some 0.7 GB for the largest sheet Excel allows, against minutes with openpyxl.
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    try:
        workbook = CalamineWorkbook.from_path(path)
        index = next(
            (i for i, m in enumerate(workbook.sheets_metadata) if m.typ == SheetTypeEnum.WorkSheet),
            None,
        )
        if index is None:
            workbook.close()
            raise KnownError(f"{path.name} has no sheet.")
        sheet = workbook.get_sheet_by_index(index)
    except CalamineError as exc:
        raise KnownError(
            f"{path.name} is not a readable XLSX workbook ({exc}). Open it in Excel, save it "
            "again as XLSX and import that file."
        ) from exc
    workbook.close()  # the sheet's cells are read; the file is no longer needed
    if sheet.start is None:  # no cell at all (iter_rows would fail on it)
        raise KnownError(f"The file {path.name} is empty.")
    # iter_rows starts at the sheet's first row even when it is empty, so the
    # count is the row number Excel shows.
    iterator = enumerate(sheet.iter_rows(), start=1)
    found = next((row for row in iterator if any(c not in (None, "") for c in row[1])), None)
    if found is None:
        raise KnownError(f"The file {path.name} is empty.")
    header_line, header = found
    last_line = (sheet.end or (0, 0))[0] + 1
    return ExportFile(
        path,
        "xlsx",
        [cell_text(h) for h in header],
        iterator,
        max(last_line - header_line, 1),
        lambda: None,
    )


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
