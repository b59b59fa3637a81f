"""Importing CRM exports: CSV and XLSX, bad rows, re-import, malformed files."""

from __future__ import annotations

import csv
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from deskdup.cli import main
from deskdup.models import Channel, Chat, CommKind, Communication, Lead, Operator
from deskdup.services.errors import KnownError
from deskdup.services.importer import (
    cell_text,
    fast_ru_mobile,
    import_file,
    split_full_name,
)
from deskdup.services.normalize import normalize_comm
from deskdup.services.workspace import Workspace

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "leads_sample.csv"
SAMPLE_ROWS = 12


def _add_operators(ws: Workspace, *logins: str) -> None:
    with ws.session() as s:
        for login in logins:
            s.add(Operator(login=login, full_name=f"Оператор {login}"))


@pytest.fixture
def ws(workspace):
    _add_operators(workspace, "operator", "trainee")
    return workspace


def _count(ws: Workspace, table) -> int:
    with ws.session() as s:
        return s.scalar(select(func.count()).select_from(table))


def _write(path: Path, text: str, *, bom: bool = False, encoding: str = "utf-8") -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Петров Иван Сергеевич", ("Петров", "Иван", "Сергеевич")),
        ("Иван Сергеевич Петров", ("Петров", "Иван", "Сергеевич")),
        ("Иван Петров", ("Петров", "Иван", "")),
        ("Петров Иван", ("Петров", "Иван", "")),
        ("Петрова Анна", ("Петрова", "Анна", "")),
        ("Ваня", ("", "Ваня", "")),
        ("Кузнецов", ("Кузнецов", "", "")),
        ("Петров И. С.", ("Петров", "И.", "С.")),
        ("Мамедов Али Гусейн оглы", ("Мамедов", "Али", "Гусейн оглы")),
        ("Абрамович Роман Аркадьевич", ("Абрамович", "Роман", "Аркадьевич")),
        ("мария ивановна смирнова", ("смирнова", "мария", "ивановна")),
        ("", ("", "", "")),
    ],
)
def test_split_full_name(text, expected):
    assert split_full_name(text) == expected


def test_sample_csv_imports_with_names_phones_and_chats(ws):
    report = import_file(ws, SAMPLE)
    assert (report.rows, report.imported, report.rejected, report.unchanged) == (
        SAMPLE_ROWS,
        SAMPLE_ROWS,
        0,
        0,
    )
    assert report.written and report.format == "csv"
    assert report.invalid_values == 1  # "123-45" is kept, flagged
    with ws.session() as s:
        site = s.scalars(select(Lead).where(Lead.external_id == "B-1004")).one()
        assert (site.last_name, site.first_name, site.middle_name) == (
            "Петров",
            "Иван",
            "Сергеевич",
        )
        assert site.source_channel is Channel.SITE
        assert site.created_at == datetime(2026, 10, 5, 10, 19)
        assert site.assigned.login == "operator"
        assert site.status == "in_process"
        assert {(c.kind, c.normalized) for c in site.communications} == {
            (CommKind.PHONE, "+79161234567"),
            (CommKind.EMAIL, "ivan.petrov@mail.ru"),
        }
        assert site.chats[0].first_message.startswith("Добрый день!")
        tg = s.scalars(select(Lead).where(Lead.external_id == "B-1010")).one()
        assert [(c.kind, c.channel, c.normalized) for c in tg.communications] == [
            (CommKind.MESSENGER, Channel.TELEGRAM, "masha_smirnova")
        ]
        wa = s.scalars(select(Lead).where(Lead.external_id == "B-1002")).one()
        assert wa.communications[0].normalized == "+79161234567"
        assert wa.first_name == "Ваня"
        bad_phone = s.scalars(
            select(Communication).where(Communication.raw_value == "123-45")
        ).one()
        assert not bad_phone.is_valid


def test_reimport_changes_nothing(ws):
    import_file(ws, SAMPLE)
    with ws.session() as s:
        before = [(x.id, x.version, x.updated_at, x.title) for x in s.scalars(select(Lead))]
    counts = [_count(ws, t) for t in (Lead, Communication, Chat)]
    report = import_file(ws, SAMPLE)
    assert (report.imported, report.unchanged, report.rejected) == (0, SAMPLE_ROWS, 0)
    assert [_count(ws, t) for t in (Lead, Communication, Chat)] == counts
    with ws.session() as s:
        after = [(x.id, x.version, x.updated_at, x.title) for x in s.scalars(select(Lead))]
    assert after == before


HEADER = "id,created_at,channel,name,phone,email,telegram,message,assigned_to,status\n"
ROWS = (
    "1,2026-11-01T10:00:00,whatsapp,Петров Иван,8 (916) 123-45-67,,,Сколько стоит?,operator,new\n"
    "2,2026-11-01T10:05:00,telegram,,,,@vanya_petrov93,Сколько стоит?,,\n"
    "3,2026-11-01T10:09:00,site,Иван Петров,"
    '"+7 916 123 45 67; 8 903 111-22-33",ivan@mail.ru,,,trainee,\n'
)


@pytest.mark.parametrize(
    ("bom", "delimiter"), [(True, ","), (False, ","), (True, ";"), (False, ";")]
)
def test_csv_with_or_without_bom_comma_or_semicolon(ws, tmp_path, bom, delimiter):
    text = (HEADER + ROWS).replace(",", delimiter) if delimiter == ";" else HEADER + ROWS
    if delimiter == ";":
        # The two phones in one cell keep their own separator.
        text = text.replace(
            '"+7 916 123 45 67; 8 903 111-22-33"', '"+7 916 123 45 67, 8 903 111-22-33"'
        )
    report = import_file(ws, _write(tmp_path / "x.csv", text, bom=bom))
    assert (report.imported, report.rejected) == (3, 0)
    with ws.session() as s:
        lead = s.scalars(select(Lead).where(Lead.external_id == "3")).one()
        assert sorted(c.normalized for c in lead.communications) == [
            "+79031112233",
            "+79161234567",
            "ivan@mail.ru",
        ]
        assert (lead.first_name, lead.last_name) == ("Иван", "Петров")


def test_headers_are_case_insensitive_and_accept_russian_names(ws, tmp_path):
    text = (
        "ID;Дата создания;ИСТОЧНИК;Имя;Фамилия;Телефон;Мобильный телефон;"
        "E-MAIL;Ответственный;Extra\n"
        "77;2026-11-01 12:00;WEB;Анна;Петрова;8 903 555 12 34;+7 926 000 11 22;"
        "A@Mail.RU;TRAINEE;x\n"
    )
    report = import_file(ws, _write(tmp_path / "b24.csv", text))
    assert (report.imported, report.rejected) == (1, 0)
    assert report.ignored_columns == ["Extra"]
    with ws.session() as s:
        lead = s.scalars(select(Lead)).one()
        assert (lead.external_id, lead.first_name, lead.last_name) == ("77", "Анна", "Петрова")
        assert lead.source_channel is Channel.SITE
        assert lead.assigned.login == "trainee"
        assert sorted(c.normalized for c in lead.communications) == [
            "+79035551234",
            "+79260001122",
            "a@mail.ru",
        ]


def test_xlsx_import(ws, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Id", "Created_At", "Channel", "Name", "Phone", "Message"])
    sheet.append([101, datetime(2026, 11, 1, 9, 30), "avito", "Саша", None, "Актуально?"])
    sheet.append([102.0, "2026-11-01T09:41:00+03:00", "call", None, 79161234567, None])
    sheet.append([None, None, None, None, None, None])
    sheet.append([103, "вчера", "site", "Петров", None, None])
    path = tmp_path / "export.xlsx"
    book.save(path)

    report = import_file(ws, path)
    assert report.format == "xlsx"
    assert [(b.line, b.reason.params.get("value")) for b in report.bad_rows] == [(5, "вчера")]
    assert _count(ws, Lead) == 0

    report = import_file(ws, path, skip_bad=True)
    assert (report.imported, report.rejected) == (2, 1)
    with ws.session() as s:
        avito = s.scalars(select(Lead).where(Lead.external_id == "101")).one()
        assert avito.first_name == "Саша" and avito.created_at == datetime(2026, 11, 1, 9, 30)
        assert avito.chats[0].first_message == "Актуально?"
        call = s.scalars(select(Lead).where(Lead.external_id == "102")).one()
        assert call.created_at == datetime(2026, 11, 1, 6, 41)  # stored in UTC
        assert call.communications[0].normalized == "+79161234567"


def _xlsx(path: Path, rows: list[list], *, start: str = "A1", sheets=()) -> Path:
    """Write ``rows`` into the first sheet of a real workbook, its top-left cell at ``start``."""
    from openpyxl import Workbook
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    book = Workbook()
    sheet = book.active
    column, row = coordinate_from_string(start)
    first_column = column_index_from_string(column)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is not None:
                sheet.cell(row=row + r, column=first_column + c, value=value)
    for title, values in sheets:
        other = book.create_sheet(title)
        for row_values in values:
            other.append(row_values)
    book.save(path)
    return path


def _leads(ws: Workspace) -> dict[str, Lead]:
    with ws.session() as s:
        leads = {lead.external_id: lead for lead in s.scalars(select(Lead))}
        for lead in leads.values():
            _ = lead.communications, lead.chats  # loaded while the session is open
        s.expunge_all()
    return leads


def test_xlsx_dates_typed_as_dates_serials_or_text(ws, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["id", "created_at", "channel"])
    sheet.append([1, datetime(2026, 11, 1, 9, 30), "site"])  # a date-time cell
    sheet.append([2, datetime(2026, 11, 2), "site"])  # a date cell, midnight
    sheet.append([3, 46329.75, "site"])  # an Excel serial shown as a date
    sheet["B4"].number_format = "DD.MM.YYYY HH:MM"
    sheet.append([4, 46330, "site"])  # a serial in a date format, no time
    sheet["B5"].number_format = "DD.MM.YYYY"
    sheet.append([5, "2026-11-06 08:15", "site"])  # text in ISO 8601
    sheet.append([6, "2026-11-07T10:00:00+03:00", "site"])  # text with an offset
    sheet.append([7, None, "site"])  # no date: the time of the import
    path = tmp_path / "dates.xlsx"
    book.save(path)
    before = datetime.now(UTC).replace(tzinfo=None, microsecond=0)

    report = import_file(ws, path)
    assert (report.imported, report.rejected) == (7, 0)
    created = {k: lead.created_at for k, lead in _leads(ws).items()}
    assert created["1"] == datetime(2026, 11, 1, 9, 30)
    assert created["2"] == datetime(2026, 11, 2)
    assert created["3"] == datetime(2026, 11, 3, 18, 0)
    assert created["4"] == datetime(2026, 11, 4)
    assert created["5"] == datetime(2026, 11, 6, 8, 15)
    assert created["6"] == datetime(2026, 11, 7, 7, 0)  # stored in UTC
    assert created["7"] >= before


def test_xlsx_serial_number_without_a_date_format_and_text_dates_are_bad_rows(ws, tmp_path):
    path = _xlsx(
        tmp_path / "dates.xlsx",
        [
            ["id", "created_at"],
            [1, 46327],  # a bare number: nothing says it is a date
            [2, "11/25/2026"],  # month first: refused by the day-first rule
            [3, "2026-11-01"],
            [4, "01.11.2026 09:30"],  # day first, as Bitrix24 writes it
        ],
    )
    report = import_file(ws, path)
    assert [(b.line, b.reason.params.get("value")) for b in report.bad_rows] == [
        (2, "46327"),
        (3, "11/25/2026"),
    ]
    assert _leads(ws) == {}  # bad rows: nothing written


def test_xlsx_1904_date_system(ws, tmp_path):
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = Workbook()
    book.epoch = CALENDAR_MAC_1904
    book.active.append(["id", "created_at"])
    book.active.append([1, datetime(2026, 11, 1, 9, 30)])
    book.save(tmp_path / "mac.xlsx")
    import_file(ws, tmp_path / "mac.xlsx")
    assert _leads(ws)["1"].created_at == datetime(2026, 11, 1, 9, 30)


def test_xlsx_phones_and_ids_typed_as_numbers_keep_their_digits(ws, tmp_path):
    path = _xlsx(
        tmp_path / "numbers.xlsx",
        [
            ["id", "channel", "phone", "whatsapp", "status"],
            [101, "call", 79161234567, None, None],
            [102.0, "call", 79031112233.0, None, None],
            [103, "whatsapp", 89261234567, 9261234567, 1],
            ["104", "call", "8 (916) 555-12-34", None, None],
        ],
    )
    report = import_file(ws, path)
    assert (report.imported, report.rejected, report.invalid_values) == (4, 0, 0)
    leads = _leads(ws)
    assert sorted(leads) == ["101", "102", "103", "104"]
    raw = {k: sorted(c.raw_value for c in lead.communications) for k, lead in leads.items()}
    assert raw["101"] == ["79161234567"]
    assert raw["102"] == ["79031112233"]
    assert raw["103"] == ["89261234567", "9261234567"]
    assert [c.normalized for c in leads["102"].communications] == ["+79031112233"]
    assert {c.normalized for c in leads["103"].communications} == {"+79261234567"}
    assert leads["103"].status == "1"


@given(st.integers(min_value=0, max_value=2**53))
def test_a_whole_number_cell_reads_as_its_digits(number):
    # openpyxl gives an int, calamine a float: both must read as the digits typed.
    assert cell_text(number) == cell_text(float(number)) == str(number)


def test_xlsx_empty_cells_rows_and_a_table_away_from_a1(ws, tmp_path):
    # The header on row 3, column B: bad rows are named by the row number Excel shows.
    # "#N/A" is written as an Excel error value: its row is bad (it would read empty).
    path = _xlsx(
        tmp_path / "offset.xlsx",
        [
            ["id", "created_at", "name", "phone", "email", "message"],
            [1, "", "Иван Петров", None, "", "   "],
            [None, None, None, None, None, None],
            ["", "", "", "", "", ""],
            [2, "вчера", "Анна", None, None, None],
            ["#N/A", "2026-11-01", "Олег", None, None, None],
        ],
        start="B3",
    )
    from openpyxl import load_workbook

    assert load_workbook(path).active["B8"].data_type == "e"

    report = import_file(ws, path)
    assert report.bad_rows[1].reason.params == {"cells": "B8"}
    assert report.rows == 3
    assert [(b.line, b.reason.template.split(" ")[0]) for b in report.bad_rows] == [
        (7, "cannot"),
        (8, "the"),  # the cells B8 hold Excel errors
    ]
    report = import_file(ws, path, skip_bad=True)
    assert (report.imported, report.rejected) == (1, 2)
    lead = _leads(ws)["1"]
    assert (lead.last_name, lead.first_name, lead.middle_name) == ("Петров", "Иван", "")
    assert lead.communications == [] and lead.chats == []
    assert lead.comments == ""


def test_xlsx_reads_the_first_sheet_only(ws, tmp_path):
    path = _xlsx(
        tmp_path / "sheets.xlsx",
        [["id", "name"], [1, "Иван"]],
        sheets=[("Other", [["id", "name"], [2, "Анна"], [3, "Олег"]])],
    )
    report = import_file(ws, path)
    assert (report.rows, report.imported) == (1, 1)
    assert sorted(_leads(ws)) == ["1"]


def test_xlsx_a_chart_sheet_in_front_is_passed_over(ws, tmp_path):
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    book = Workbook()
    sheet = book.active
    sheet.append(["id", "name"])
    sheet.append([1, "Иван"])
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=2))
    book.create_chartsheet("Chart", 0).add_chart(chart)
    book.save(tmp_path / "chart.xlsx")
    report = import_file(ws, tmp_path / "chart.xlsx")
    assert (report.rows, report.imported) == (1, 1)


def test_xlsx_same_id_as_number_and_text_is_a_repeat(ws, tmp_path):
    path = _xlsx(tmp_path / "dup.xlsx", [["id", "name"], [7, "Иван"], ["7", "Анна"], [7.0, "Олег"]])
    report = import_file(ws, path)
    assert [(b.line, b.reason.params) for b in report.bad_rows] == [
        (3, {"id": "7", "first": 2}),
        (4, {"id": "7", "first": 2}),
    ]


def test_xlsx_with_no_cells_is_empty(ws, tmp_path):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "blank.xlsx")
    with pytest.raises(KnownError, match="is empty"):
        import_file(ws, tmp_path / "blank.xlsx")


def test_xlsx_damaged_or_not_a_workbook(ws, tmp_path):
    good = _xlsx(tmp_path / "good.xlsx", [["id"], [1]])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(KnownError, match="not a readable XLSX workbook"):
        import_file(ws, cut)
    import zipfile

    with zipfile.ZipFile(tmp_path / "letter.xlsx", "w") as z:  # a .docx renamed
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(KnownError, match="not a readable XLSX workbook"):
        import_file(ws, tmp_path / "letter.xlsx")
    head_lost = tmp_path / "head.xlsx"
    head_lost.write_bytes(b"\x00" * 4 + good.read_bytes()[4:])
    with pytest.raises(KnownError, match="not a readable XLSX workbook"):
        import_file(ws, head_lost)
    assert _count(ws, Lead) == 0


def test_windows_1251_csv_is_read(ws, tmp_path):
    text = (
        "ID;Дата создания;Источник;ФИО;Телефон;Комментарий\n"
        "1;2026-11-01 12:00;Сайт;Ёлкина Анна Сергеевна;8 903 555 12 34;№ 5 «срочно» — перезвонить\n"
        # Ukrainian names are written in Windows-1251 too.
        + "".join(f"{i};;;Їжакевич Євгенія Іванівна;;Ґанок, ї, є, і\n" for i in range(2, 40))
    )
    report = import_file(ws, _write(tmp_path / "b24.csv", text, encoding="cp1251"))
    assert (report.imported, report.rejected, report.encoding) == (39, 0, "cp1251")
    lead = _leads(ws)["1"]
    assert (lead.last_name, lead.first_name, lead.middle_name) == ("Ёлкина", "Анна", "Сергеевна")
    assert lead.comments == "№ 5 «срочно» — перезвонить"
    assert lead.source_channel is Channel.SITE


def test_utf8_file_with_a_windows_1251_line_is_refused_naming_the_line(ws, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes("id;name\n1;Иван Петров\n".encode() + "2;Пётр Иванов\n".encode("cp1251"))
    with pytest.raises(KnownError, match="not UTF-8 text from line 3 on"):
        import_file(ws, path)
    assert _count(ws, Lead) == 0


def test_utf16_text_export_is_read(ws, tmp_path):
    # Excel's "Unicode text": UTF-16 with a BOM, tab-separated.
    text = "id\tname\tphone\n1\tИван Петров\t89161234567\n"
    report = import_file(ws, _write(tmp_path / "x.txt", "\ufeff" + text, encoding="utf-16-le"))
    assert (report.imported, report.encoding) == (1, "utf-16")
    lead = _leads(ws)["1"]
    assert (lead.first_name, lead.communications[0].normalized) == ("Иван", "+79161234567")


def test_header_with_no_known_column_lists_the_expected_ones(ws, tmp_path):
    path = _write(tmp_path / "x.csv", "Клиент;Номер;Когда\nИван;89161234567;вчера\n")
    with pytest.raises(KnownError) as caught:
        import_file(ws, path)
    message = str(caught.value)
    assert "it reads: Клиент, Номер, Когда" in message
    for name in ("id", "created_at", "channel", "name", "phone", "email", "telegram",
                 "whatsapp", "message", "assigned_to", "status"):  # fmt: skip
        assert name in message


BAD = (
    "id,created_at,channel,name,phone,assigned_to\n"
    "1,2026-11-01T10:00:00,whatsapp,Иван,89161234567,operator\n"
    "2,11/25/2026,telegram,,,\n"
    "3,2026-11-01T10:09:00,fax,Анна,,\n"
    '4,2026-11-01T10:10:00,site,"Петров\nИван",12,\n'
    "5,2026-11-01T10:11:00,site,Олег,,nobody\n"
    "1,2026-11-01T10:12:00,site,Олег,,\n"
    ",2026-11-01T10:13:00,site,Олег,,\n"
)


def test_bad_rows_are_reported_with_line_numbers_and_nothing_is_written(ws, tmp_path):
    report = import_file(ws, _write(tmp_path / "bad.csv", BAD))
    assert not report.written
    assert report.imported == 0
    assert [(b.line, b.reason.template.split(" ")[0]) for b in report.bad_rows] == [
        (3, "cannot"),
        (4, "unknown"),
        (7, "unknown"),
        (8, "id"),
        (9, "the"),
    ]
    assert report.bad_rows[1].reason.params == {"value": "fax"}
    assert report.bad_rows[3].reason.params == {"id": "1", "first": 2}
    assert "Nothing imported" in report.summary().render()
    assert _count(ws, Lead) == 0 and _count(ws, Communication) == 0


def test_skip_bad_imports_the_rest_and_writes_the_rejects(ws, tmp_path):
    rejects = tmp_path / "rejects.csv"
    report = import_file(ws, _write(tmp_path / "bad.csv", BAD), skip_bad=True, rejects_path=rejects)
    assert report.written
    assert (report.rows, report.imported, report.rejected) == (7, 2, 5)
    assert report.invalid_values == 1  # the phone "12" of row 4, kept and flagged
    with ws.session() as s:
        assert sorted(s.scalars(select(Lead.external_id))) == ["1", "4"]
        multiline = s.scalars(select(Lead).where(Lead.external_id == "4")).one()
        assert multiline.communications[0].raw_value == "12"
        assert not multiline.communications[0].is_valid
    with rejects.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["line"] for r in rows] == ["3", "4", "7", "8", "9"]
    assert rows[0]["created_at"] == "11/25/2026"
    assert "day first" in rows[0]["reason"]
    assert rows[2]["assigned_to"] == "nobody" and "nobody" in rows[2]["reason"]


def test_progress_is_reported(ws):
    calls = []
    import_file(ws, SAMPLE, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (SAMPLE_ROWS, SAMPLE_ROWS)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf\r\n  \n", "empty"),
        ("1;Иван;89161234567\n".encode(), "not a header"),
        ("name,phone\nИван,89161234567\n".encode(), "no 'id' column"),
        ("id,name\n1,Ĳsbrand Œuvre ÿ ŷ\n".encode("utf-16-le"), "not a CSV"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF document"),
        (b"PK\x03\x04garbage", "not a readable XLSX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "old Excel workbook"),
        (b"<html><head><meta charset=utf-8></head><table><tr><td>id</td></tr></table>", "web page"),
        # Not UTF-8, and as Windows-1251 not Russian either (Japanese in Shift-JIS).
        ("id,name\n1,山田太郎さんの電話番号\n".encode("shift_jis") * 10, "not UTF-8"),
    ],
)
def test_malformed_files_are_known_errors(ws, tmp_path, content, message):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    with pytest.raises(KnownError, match=message):
        import_file(ws, path)
    assert _count(ws, Lead) == 0


def test_missing_file_is_a_known_error(ws, tmp_path):
    with pytest.raises(KnownError, match="does not exist"):
        import_file(ws, tmp_path / "nope.csv")


def test_cli_exit_codes_and_default_rejects_file(ws, tmp_path, capsys):
    db = ws.url
    bad = _write(tmp_path / "bad.csv", BAD)
    assert main(["import", str(bad), "--db", db]) == 2
    captured = capsys.readouterr()
    assert "bad.csv:3: cannot read the date '11/25/2026'" in captured.err
    assert "bad.csv:4: unknown channel 'fax'" in captured.err
    assert "Nothing imported" in captured.out
    assert _count(ws, Lead) == 0

    assert main(["import", str(bad), "--db", db, "--skip-bad"]) == 0
    out = capsys.readouterr().out
    assert "Imported 2, already there 0, rejected 5" in out
    assert (tmp_path / "bad.csv.rejects.csv").is_file()

    good = tmp_path / "sample.csv"
    shutil.copy(SAMPLE, good)
    assert main(["import", str(good), "--db", db]) == 0
    assert main(["import", str(good), "--db", db]) == 0
    assert f"already there {SAMPLE_ROWS}" in capsys.readouterr().out

    empty = _write(tmp_path / "empty.csv", "")
    assert main(["import", str(empty), "--db", db]) == 2
    assert "deskdup: The file empty.csv is empty." in capsys.readouterr().err


def test_cli_reports_a_repeated_id_with_both_lines(ws, tmp_path, capsys):
    assert main(["import", str(_write(tmp_path / "bad.csv", BAD)), "--db", ws.url]) == 2
    assert "bad.csv:8: id 1 already appears on line 2" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leads.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "leads.csv is a PNG image"),
        ("leads.xlsx", b"PK\x03\x04\x14\x00\x00\x00broken", "not a readable XLSX workbook"),
    ],
)
def test_cli_refuses_a_file_that_is_not_an_export_and_creates_nothing(
    tmp_path, capsys, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    db = tmp_path / "new.sqlite"
    rejects = tmp_path / "rejects.csv"
    argv = ["import", str(path), "--db", str(db), "--skip-bad", "--rejects", str(rejects)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("deskdup: ") and message in err
    assert "Traceback" not in err
    assert not db.exists() and not rejects.exists()


@given(
    national=st.from_regex(r"9\d{9}", fullmatch=True),
    style=st.sampled_from(
        [
            "8 ({a}) {b}-{c}-{d}",
            "8{n}",
            "7{n}",
            "+7{n}",
            "+7 {a} {b}-{c}-{d}",
            "{n}",
            "8-{a}-{b}-{c}-{d}",
            "+8{n}",
            "+7 ({a}) {b} {c} {d} доб. 12",
            "7{n}1",
            " {a} {b}{c}{d} ",
        ]
    ),
)
def test_the_russian_mobile_shortcut_agrees_with_the_normaliser(national, style):
    raw = style.format(n=national, a=national[:3], b=national[3:6], c=national[6:8], d=national[8:])
    fast = fast_ru_mobile(raw)
    if fast is not None:
        assert fast == normalize_comm(CommKind.PHONE, Channel.OTHER, raw)
