"""Import leads from a CRM export: CSV (UTF-8, comma or semicolon) or XLSX.

A CSV file is read as a stream, one row at a time.  Of an XLSX workbook the
first worksheet is read (whole, by calamine), then converted row by row.  Every
row is checked; a bad row (an unreadable date, an unknown channel or operator,
a repeated id) is reported with its line number and the reason.  The whole
import is one transaction: when there are bad rows nothing is written, unless
``skip_bad``, which imports the good rows and lists the bad ones in a rejects
file.

The source CRM's id is the key: a row whose id is already a lead's external id
is left alone (counted as "already there"), so importing the same file twice
changes nothing.  Rows are never used to update existing leads: the workspace
may have merged or edited them since, and an export must not undo that.

A phone or e-mail that cannot be normalised is kept as typed and flagged
invalid; it never makes a row bad.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskdup.models import Channel, Chat, CommKind, Communication, Lead, Operator
from deskdup.services.bulk_insert import datetime_converter, insert_rows
from deskdup.services.demo_names import is_known_first_name
from deskdup.services.errors import KnownError
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.normalize import DEFAULT_REGION, Normalized, normalize_comm
from deskdup.services.workspace import Workspace

CHUNK = 2000
MAX_BAD_ROWS_KEPT = 10_000
CONTEXT = "Import"

ProgressFn = Callable[[int, int], None]


# --------------------------------------------------------------------------- columns


def _key(header: str) -> str:
    text = header.replace("\ufeff", "").strip().lower().replace("ё", "е")
    return re.sub(r"[\s\-]+", "_", text)


# field -> accepted header spellings (compared after ``_key``).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "external_id", "lead_id", "ид"),
    "created_at": ("created_at", "created", "date_create", "дата_создания", "создан"),
    "channel": ("channel", "source", "source_id", "канал", "источник"),
    "title": ("title", "название", "название_лида"),
    "name": ("name", "full_name", "fullname", "fio", "фио", "полное_имя"),
    "first_name": ("first_name", "firstname", "имя"),
    "last_name": ("last_name", "lastname", "surname", "фамилия"),
    "middle_name": ("middle_name", "second_name", "patronymic", "отчество"),
    "phone": ("phone", "phones", "телефон", "рабочий_телефон", "мобильный_телефон"),
    "email": ("email", "e_mail", "emails", "почта", "рабочий_e_mail", "частный_e_mail"),
    "telegram": ("telegram", "tg", "телеграм"),
    "whatsapp": ("whatsapp", "wa", "ватсап"),
    "message": ("message", "first_message", "inquiry", "сообщение", "первое_сообщение"),
    "comments": ("comments", "comment", "комментарий"),
    "assigned_to": ("assigned_to", "assigned", "responsible", "ответственный"),
    "status": ("status", "статус", "стадия"),
}
EXPECTED_HEADERS = ", ".join(FIELD_ALIASES)
_ALIAS_TO_FIELD = {alias: name for name, aliases in FIELD_ALIASES.items() for alias in aliases}
# Fields that may come from several columns (Bitrix24 exports "Рабочий телефон",
# "Мобильный телефон"...); the others take the first column that names them.
_MULTI_FIELDS = frozenset({"phone", "email", "telegram", "whatsapp"})

CHANNEL_ALIASES: dict[str, Channel] = {
    **{c.value: c for c in Channel},
    "tg": Channel.TELEGRAM,
    "телеграм": Channel.TELEGRAM,
    "wa": Channel.WHATSAPP,
    "ватсап": Channel.WHATSAPP,
    "вотсап": Channel.WHATSAPP,
    "авито": Channel.AVITO,
    "вконтакте": Channel.VK,
    "vkontakte": Channel.VK,
    "вк": Channel.VK,
    "инстаграм": Channel.INSTAGRAM,
    "ig": Channel.INSTAGRAM,
    "вайбер": Channel.VIBER,
    "web": Channel.SITE,
    "webform": Channel.SITE,
    "website": Channel.SITE,
    "form": Channel.SITE,
    "сайт": Channel.SITE,
    "callback": Channel.CALL,
    "phone": Channel.CALL,
    "звонок": Channel.CALL,
    "телефон": Channel.CALL,
    "e_mail": Channel.EMAIL,
    "mail": Channel.EMAIL,
    "почта": Channel.EMAIL,
    "открытая_линия": Channel.OPENLINE,
    "chat": Channel.OPENLINE,
    "другое": Channel.OTHER,
}

# How a lead's title names its channel when the file gives no title (CRM data, not UI).
CHANNEL_LABELS: dict[Channel, str] = {
    Channel.TELEGRAM: "Telegram",
    Channel.WHATSAPP: "WhatsApp",
    Channel.VIBER: "Viber",
    Channel.VK: "VK",
    Channel.AVITO: "Avito",
    Channel.INSTAGRAM: "Instagram",
    Channel.OPENLINE: "Open line",
    Channel.SITE: "Website",
    Channel.CALL: "Call",
    Channel.EMAIL: "E-mail",
    Channel.OTHER: "Import",
}

_SPLIT_LIST = re.compile(r"[;,]")
_SPLIT_WORDS = re.compile(r"[;,\s]+")


# --------------------------------------------------------------------------- names

_PATRONYMIC_ENDINGS = ("вич", "вна", "ична", "ovich", "evich", "ovna", "evna", "ichna")
_SHORT_PATRONYMICS = frozenset({"ильич", "никитич", "кузьмич", "лукич", "фомич", "саввич"})
_TURKIC_PARTICLES = frozenset({"оглы", "кызы", "улы", "гызы", "ogly", "kyzy"})
_SURNAME_ENDINGS = (
    "ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "цкий",
    "ская", "цкая", "ко", "ук", "юк", "ых", "их", "ян", "дзе", "швили",
    "ov", "ev", "in", "ova", "eva", "ina", "sky", "skiy", "skaya", "enko",
)  # fmt: skip
_INITIALS = re.compile(r"^(?:\w\.)+\w?\.?$")


def _is_patronymic(word: str) -> bool:
    low = word.lower()
    return (
        low.endswith(_PATRONYMIC_ENDINGS)
        or low in _SHORT_PATRONYMICS
        or (" " in low and low.rsplit(" ", 1)[1] in _TURKIC_PARTICLES)
    )


def _looks_like_surname(word: str) -> bool:
    return len(word) > 3 and word.lower().endswith(_SURNAME_ENDINGS)


def split_full_name(text: str) -> tuple[str, str, str]:
    """Split a full name typed in any order into (last, first, middle).

    A patronymic is recognised by its ending (-вич, -вна, -ична, ... оглы); the
    word before it is the first name.  Otherwise a known first name or
    diminutive, then a surname-like ending decide; failing both, the first
    word is taken as the first name.  Initials (``Петров И. С.``) fill the
    first and middle name.
    """
    words = text.replace(",", " ").split()
    # "Гусейн оглы" is one patronymic.
    merged: list[str] = []
    for word in words:
        if word.lower() in _TURKIC_PARTICLES and merged:
            merged[-1] = f"{merged[-1]} {word}"
        else:
            merged.append(word)
    initials: list[str] = []
    tokens: list[str] = []
    for word in merged:
        if _INITIALS.match(word) and len(word) <= 4:
            initials.extend(f"{ch}." for ch in word.replace(".", ""))
        else:
            tokens.append(word)
    last = first = middle = ""
    candidates = [i for i, w in enumerate(tokens) if _is_patronymic(w)]
    m = next(
        (i for i in candidates if i > 0 and is_known_first_name(tokens[i - 1])),
        candidates[-1] if candidates else None,
    )
    if m is not None and m > 0 and len(tokens) > 1:
        middle = tokens[m]
        first = tokens[m - 1]
        last = " ".join(w for i, w in enumerate(tokens) if i not in (m, m - 1))
    else:
        if m is not None:
            middle = tokens.pop(m)
        last, first, extra = _split_without_patronymic(tokens)
        middle = middle or extra
    if initials:
        if not first:
            first = initials.pop(0)
        if initials and not middle:
            middle = initials.pop(0)
    return last, first, middle


def _split_without_patronymic(tokens: list[str]) -> tuple[str, str, str]:
    if not tokens:
        return "", "", ""
    if len(tokens) == 1:
        word = tokens[0]
        if not is_known_first_name(word) and _looks_like_surname(word):
            return word, "", ""
        return "", word, ""
    known = [is_known_first_name(w) for w in tokens]
    if len(tokens) == 2:
        a, b = tokens
        if known[0] and not known[1]:
            return b, a, ""
        if known[1] and not known[0]:
            return a, b, ""
        if _looks_like_surname(a) and not _looks_like_surname(b):
            return a, b, ""
        return b, a, ""
    i = known.index(True) if True in known else 0
    rest = [w for j, w in enumerate(tokens) if j != i]
    return rest[0], tokens[i], " ".join(rest[1:])


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class BadRow:
    line: int  # line of the CSV file, or row of the sheet
    reason: Message
    values: dict[str, str]  # the row as it was in the file, by original header


@dataclass
class ImportReport:
    path: str
    format: str
    encoding: str = ""  # CSV only: a key of ENCODING_NAMES
    rows: int = 0  # non-empty data rows read
    imported: int = 0
    unchanged: int = 0  # already in the workspace (same external id): left as they are
    rejected: int = 0
    invalid_values: int = 0  # phones / e-mails kept as typed but flagged invalid
    bad_rows: list[BadRow] = field(default_factory=list)  # the first MAX_BAD_ROWS_KEPT
    ignored_columns: list[str] = field(default_factory=list)
    rejects_path: str | None = None
    written: bool = False

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


def _bad(template: str, **params: Any) -> Message:
    return Message(CONTEXT, template, params)


# --------------------------------------------------------------------------- reading

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
        [_cell_text(h) for h in header],
        iterator,
        max(last_line - header_line, 1),
        lambda: None,
    )


def _cell_text(value: Any) -> str:
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


# --------------------------------------------------------------------------- rows


@dataclass
class _Columns:
    single: dict[str, int]
    multi: dict[str, list[int]]
    names: list[str]  # original header texts
    ignored: list[str]


def _map_columns(path: Path, header: list[str]) -> _Columns:
    single: dict[str, int] = {}
    multi: dict[str, list[int]] = {}
    ignored: list[str] = []
    names = [str(h).replace("\ufeff", "").strip() for h in header]
    for index, name in enumerate(names):
        field_name = _ALIAS_TO_FIELD.get(_key(name))
        if field_name is None:
            if name:
                ignored.append(name)
        elif field_name in _MULTI_FIELDS:
            multi.setdefault(field_name, []).append(index)
        elif field_name in single:
            ignored.append(name)
        else:
            single[field_name] = index
    if not single and not multi:
        found = ", ".join(n for n in names if n)
        if len(found) > 200:
            found = found[:200] + "..."
        raise KnownError(
            f"{path.name}: the first line is not a header that names the columns "
            f"(it reads: {found}). Expected column names, in any case and order: "
            f"{EXPECTED_HEADERS} (or their Russian names, e.g. Телефон, ФИО)."
        )
    if "id" not in single:
        raise KnownError(
            f"{path.name} has no 'id' column: each lead needs its id in the source CRM "
            "(kept as the external id, so that importing the file again changes nothing). "
            f"Expected column names: {EXPECTED_HEADERS}."
        )
    return _Columns(single, multi, names, ignored)


def _parse_datetime(text: str) -> datetime | None:
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        # Stored naive, in UTC, like every other time in the workspace.
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _parse_channel(text: str) -> Channel | None:
    key = _key(text)
    if "|" in key:  # Bitrix24 open lines: "7|TELEGRAM"
        key = key.rsplit("|", 1)[1]
    return CHANNEL_ALIASES.get(key)


@dataclass
class _Record:
    line: int
    lead: dict[str, Any]
    comms: list[tuple[CommKind, Channel, str]]
    message: str


class _RowReader:
    def __init__(self, columns: _Columns, operators: dict[str, int], now: datetime, region: str):
        self.c = columns
        self.operators = operators
        self.now = now
        self.region = region
        self.seen: dict[str, int] = {}

    def cell(self, cells: list[Any], name: str) -> str:
        index = self.c.single.get(name)
        if index is None or index >= len(cells):
            return ""
        return _cell_text(cells[index])

    def cells(self, cells: list[Any], name: str) -> list[str]:
        return [_cell_text(cells[i]) for i in self.c.multi.get(name, ()) if i < len(cells)]

    def read(self, line: int, cells: list[Any]) -> _Record | Message:
        """A record for a good row, the reason for a bad one."""
        external_id = self.cell(cells, "id")
        if not external_id:
            return _bad(QT_TRANSLATE_NOOP("Import", "the id is empty"))
        if len(external_id) > 64:
            return _bad(QT_TRANSLATE_NOOP("Import", "the id is longer than 64 characters"))
        if external_id in self.seen:
            return _bad(
                QT_TRANSLATE_NOOP("Import", "id {id} already appears on line {first}"),
                id=external_id,
                first=self.seen[external_id],
            )
        self.seen[external_id] = line

        created_text = self.cell(cells, "created_at")
        created = _parse_datetime(created_text) if created_text else self.now
        if created is None:
            return _bad(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "cannot read the date '{value}' (expected ISO 8601, e.g. 2026-11-01T09:30)",
                ),
                value=created_text,
            )

        telegram = [w for t in self.cells(cells, "telegram") for w in _SPLIT_WORDS.split(t) if w]
        whatsapp = [w.strip() for t in self.cells(cells, "whatsapp") for w in _SPLIT_LIST.split(t)]
        whatsapp = [w for w in whatsapp if w]
        channel_text = self.cell(cells, "channel")
        if channel_text:
            channel = _parse_channel(channel_text)
            if channel is None:
                return _bad(
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "unknown channel '{value}' (known: telegram, whatsapp, avito, site, "
                        "call, email, vk, instagram, viber, openline, other)",
                    ),
                    value=channel_text,
                )
        elif telegram:
            channel = Channel.TELEGRAM
        elif whatsapp:
            channel = Channel.WHATSAPP
        else:
            channel = Channel.OTHER

        assigned_text = self.cell(cells, "assigned_to")
        assigned_id = None
        if assigned_text:
            assigned_id = self.operators.get(assigned_text.lower())
            if assigned_id is None:
                return _bad(
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "unknown operator '{value}': add the operator to the workspace "
                        "(deskdup operator add) or clear the cell",
                    ),
                    value=assigned_text,
                )

        status = self.cell(cells, "status") or "new"
        if len(status) > 40:
            return _bad(QT_TRANSLATE_NOOP("Import", "the status is longer than 40 characters"))

        first = self.cell(cells, "first_name")
        last = self.cell(cells, "last_name")
        middle = self.cell(cells, "middle_name")
        full = self.cell(cells, "name")
        if full and not (first or last or middle):
            last, first, middle = split_full_name(full)
        if max(len(first), len(last), len(middle)) > 100:
            return _bad(QT_TRANSLATE_NOOP("Import", "a name is longer than 100 characters"))

        comms: list[tuple[CommKind, Channel, str]] = []
        for text in self.cells(cells, "phone"):
            comms.extend((CommKind.PHONE, channel, p.strip()) for p in _SPLIT_LIST.split(text))
        for text in self.cells(cells, "email"):
            comms.extend((CommKind.EMAIL, channel, e) for e in _SPLIT_WORDS.split(text))
        comms.extend((CommKind.MESSENGER, Channel.TELEGRAM, t) for t in telegram)
        comms.extend((CommKind.MESSENGER, Channel.WHATSAPP, w) for w in whatsapp)
        comms = [c for c in comms if c[2]]
        if any(len(c[2]) > 300 for c in comms):
            return _bad(
                QT_TRANSLATE_NOOP("Import", "a phone or address is longer than 300 characters")
            )

        title = self.cell(cells, "title")
        if not title:
            shown = " ".join(w for w in (last, first) if w) or (comms[0][2] if comms else "")
            label = CHANNEL_LABELS[channel]
            title = f"{label}: {shown}" if shown else label
        lead = {
            "external_id": external_id,
            "title": title[:300],
            "first_name": first,
            "last_name": last,
            "middle_name": middle,
            "status": status,
            "source_channel": channel.value,
            "assigned_id": assigned_id,
            "created_at": created,
            "updated_at": created,
            "comments": self.cell(cells, "comments"),
            "contact_id": None,
            "archived": False,
            "merged_into_id": None,
            "version": 1,
        }
        return _Record(line, lead, comms, self.cell(cells, "message"))


# --------------------------------------------------------------------------- writing


# ASCII only: other scripts' digits go the slow, careful way.
_PHONE_FORMATTING = re.compile(r"^\s*\+?[0-9 ()\-]+\s*$", re.ASCII)
_NON_DIGITS = re.compile(r"[^0-9]")


def fast_ru_mobile(raw: str) -> Normalized | None:
    """The E.164 of a plainly written Russian mobile number, without phonenumbers.

    RU numbering (phonenumbers' metadata): every ten-digit national number
    ``9XXXXXXXXX`` whose second digit is not 3 is a valid mobile number, so
    ``8 916…``, ``7916…``, ``+7 (916)…`` and ``916…`` need no parse.  Anything
    else (an extension, letters, the 93x ranges, another country) returns None
    and goes through ``normalize_comm``; the tests check both agree.
    """
    if not _PHONE_FORMATTING.match(raw):
        return None
    digits = _NON_DIGITS.sub("", raw)
    plus = raw.lstrip().startswith("+")
    if len(digits) == 11 and (digits[0] == "7" or (digits[0] == "8" and not plus)):
        national = digits[1:]
    elif len(digits) == 10 and not plus:
        national = digits
    else:
        return None
    if national[0] != "9" or national[1] == "3":
        return None
    return Normalized("+7" + national, True)


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


class _NothingWritten(Exception):
    """Raised inside the transaction to roll it back when bad rows forbid writing."""


def _operator_keys(session: Session) -> dict[str, int]:
    keys: dict[str, int] = {}
    for op in session.scalars(select(Operator)):
        for key in (op.full_name, op.external_id, op.login):  # the login wins a clash
            if key:
                keys[key.lower()] = op.id
    return keys


class _Writer:
    def __init__(self, session: Session, report: ImportReport, region: str):
        self.s = session
        self.report = report
        self.region = region
        self.pending: list[_Record] = []
        self.dt = datetime_converter(session)

    def add(self, record: _Record) -> None:
        self.pending.append(record)
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        records, self.pending = self.pending, []
        if not records:
            return
        ids = [r.lead["external_id"] for r in records]
        existing = set(self.s.scalars(select(Lead.external_id).where(Lead.external_id.in_(ids))))
        fresh = [r for r in records if r.lead["external_id"] not in existing]
        self.report.unchanged += len(records) - len(fresh)
        if not fresh:
            return
        # A plain executemany, then the new ids by external id (unique): RETURNING
        # with a guaranteed order degrades to one statement per row on SQLite.
        dt = self.dt
        insert_rows(
            self.s,
            Lead.__table__,
            [
                {**r.lead, "created_at": dt(r.lead["created_at"]),
                 "updated_at": dt(r.lead["updated_at"])}
                for r in fresh
            ],
        )  # fmt: skip
        query = select(Lead.external_id, Lead.id).where(
            Lead.external_id.in_([r.lead["external_id"] for r in fresh])
        )
        new_ids = {external_id: lead_id for external_id, lead_id in self.s.execute(query)}
        lead_ids = [new_ids[r.lead["external_id"]] for r in fresh]
        comm_rows: list[dict[str, Any]] = []
        chat_rows: list[dict[str, Any]] = []
        for lead_id, record in zip(lead_ids, fresh, strict=True):
            seen: set[tuple[CommKind, str]] = set()
            for kind, channel, raw in record.comms:
                norm = _normalize(kind, channel, raw, self.region)
                key = (kind, norm.value or raw)
                if key in seen:
                    continue
                seen.add(key)
                if not norm.valid:
                    self.report.invalid_values += 1
                comm_rows.append({
                    "lead_id": lead_id,
                    "contact_id": None,
                    "kind": kind.value,
                    "channel": channel.value,
                    "raw_value": raw,
                    "normalized": norm.value,
                    "is_valid": norm.valid,
                })  # fmt: skip
            if record.message:
                created = record.lead["created_at"]
                chat_rows.append({
                    "lead_id": lead_id,
                    "contact_id": None,
                    "channel": record.lead["source_channel"],  # already .value
                    "external_chat_id": f"import:{record.lead['external_id']}"[:100],
                    "first_message": record.message,
                    "message_count": 1,
                    "last_message_at": dt(created),
                    "version": 1,
                })  # fmt: skip
        insert_rows(self.s, Communication.__table__, comm_rows)
        insert_rows(self.s, Chat.__table__, chat_rows)
        self.report.imported += len(fresh)


class _RejectsFile:
    """The bad rows as CSV: the original columns, then the line and the reason."""

    def __init__(self, path: Path, header: list[str]):
        self.path = path
        self.header = header
        self.handle = None
        self.writer: Any = None

    def write(self, bad: BadRow) -> None:
        if self.writer is None:
            try:
                self.handle = self.path.open("w", encoding="utf-8-sig", newline="")
            except OSError as exc:
                raise KnownError(f"Cannot write the rejects file {self.path}: {exc}") from exc
            self.writer = csv.writer(self.handle)
            self.writer.writerow([*self.header, "line", "reason"])
        self.writer.writerow([*(bad.values.get(h, "") for h in self.header), bad.line,
                              bad.reason.render()])  # fmt: skip

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


def import_file(
    ws: Workspace,
    path: str | Path | ExportFile,
    *,
    skip_bad: bool = False,
    rejects_path: str | Path | None = None,
    progress: ProgressFn | None = None,
    region: str = DEFAULT_REGION,
) -> ImportReport:
    """Import the leads of a CSV or XLSX export into the workspace, in one transaction.

    ``path`` may be an export already opened with ``open_export`` (the command
    line opens it before the workspace, so that a wrong file creates nothing);
    it is closed either way.  Raises ``KnownError`` when the file cannot be read
    as a table with an ``id`` column.  Bad rows are in the report; when there
    are any and not ``skip_bad``, nothing is written (``report.written`` is false).
    """
    source = path if isinstance(path, ExportFile) else open_export(path)
    path = source.path
    report = ImportReport(path=str(path), format=source.format, encoding=source.encoding)
    rejects = None
    try:
        columns = _map_columns(path, source.header)
        report.ignored_columns = columns.ignored
        if rejects_path is not None:
            rejects = _RejectsFile(
                Path(rejects_path), [h or f"column {i + 1}" for i, h in enumerate(columns.names)]
            )
            report.rejects_path = str(rejects_path)
        try:
            with ws.session() as session:
                reader = _RowReader(
                    columns, _operator_keys(session), datetime.now(UTC).replace(tzinfo=None),
                    region,
                )  # fmt: skip
                writer = _Writer(session, report, region)
                for line, cells in source.rows:
                    if not any(c not in (None, "") for c in cells):
                        continue
                    report.rows += 1
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
                    raise _NothingWritten
                writer.flush()
                report.written = True
        except _NothingWritten:
            report.imported = report.unchanged = report.invalid_values = 0
        if progress is not None:
            progress(report.rows, report.rows)
    finally:
        source.close()
        if rejects is not None:
            rejects.close()
    return report


def _row_values(names: list[str], cells: list[Any]) -> dict[str, str]:
    return {
        (name or f"column {i + 1}"): _cell_text(cells[i]) if i < len(cells) else ""
        for i, name in enumerate(names)
    }
