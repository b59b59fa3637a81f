"""Importing XLSX workbooks: cells typed as dates and numbers, empty cells and rows,
a table away from A1, other sheets, repeated IDs, empty and damaged files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from deskdup.models import Lead
from deskdup.services.errors import KnownError
from deskdup.services.importer import cell_text, import_file
from tests.factories import count_rows, leads_by_external_id


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


def test_xlsx_import(import_ws, tmp_path):
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

    report = import_file(import_ws, path)
    assert report.format == "xlsx"
    assert [(b.line, b.reason.params.get("value")) for b in report.bad_rows] == [(5, "вчера")]
    assert count_rows(import_ws, Lead) == 0

    report = import_file(import_ws, path, skip_bad=True)
    assert (report.imported, report.rejected) == (2, 1)
    with import_ws.session() as s:
        avito = s.scalars(select(Lead).where(Lead.external_id == "101")).one()
        assert avito.first_name == "Саша" and avito.created_at == datetime(2026, 11, 1, 9, 30)
        assert avito.chats[0].first_message == "Актуально?"
        call = s.scalars(select(Lead).where(Lead.external_id == "102")).one()
        assert call.created_at == datetime(2026, 11, 1, 6, 41)  # stored in UTC
        assert call.communications[0].normalized == "+79161234567"


def test_xlsx_dates_typed_as_dates_serials_or_text(import_ws, tmp_path):
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

    report = import_file(import_ws, path)
    assert (report.imported, report.rejected) == (7, 0)
    created = {k: lead.created_at for k, lead in leads_by_external_id(import_ws).items()}
    assert created["1"] == datetime(2026, 11, 1, 9, 30)
    assert created["2"] == datetime(2026, 11, 2)
    assert created["3"] == datetime(2026, 11, 3, 18, 0)
    assert created["4"] == datetime(2026, 11, 4)
    assert created["5"] == datetime(2026, 11, 6, 8, 15)
    assert created["6"] == datetime(2026, 11, 7, 7, 0)  # stored in UTC
    assert created["7"] >= before


def test_xlsx_serial_number_without_a_date_format_and_text_dates_are_bad_rows(import_ws, tmp_path):
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
    report = import_file(import_ws, path)
    assert [(b.line, b.reason.params.get("value")) for b in report.bad_rows] == [
        (2, "46327"),
        (3, "11/25/2026"),
    ]
    assert leads_by_external_id(import_ws) == {}  # bad rows: nothing written


def test_xlsx_1904_date_system(import_ws, tmp_path):
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = Workbook()
    book.epoch = CALENDAR_MAC_1904
    book.active.append(["id", "created_at"])
    book.active.append([1, datetime(2026, 11, 1, 9, 30)])
    book.save(tmp_path / "mac.xlsx")
    import_file(import_ws, tmp_path / "mac.xlsx")
    assert leads_by_external_id(import_ws)["1"].created_at == datetime(2026, 11, 1, 9, 30)


def test_xlsx_phones_and_ids_typed_as_numbers_keep_their_digits(import_ws, tmp_path):
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
    report = import_file(import_ws, path)
    assert (report.imported, report.rejected, report.invalid_values) == (4, 0, 0)
    leads = leads_by_external_id(import_ws)
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


def test_xlsx_empty_cells_rows_and_a_table_away_from_a1(import_ws, tmp_path):
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

    report = import_file(import_ws, path)
    assert report.bad_rows[1].reason.params == {"cells": "B8"}
    assert report.rows == 3
    assert [(b.line, b.reason.template.split(" ")[0]) for b in report.bad_rows] == [
        (7, "cannot"),
        (8, "the"),  # the cells B8 hold Excel errors
    ]
    report = import_file(import_ws, path, skip_bad=True)
    assert (report.imported, report.rejected) == (1, 2)
    lead = leads_by_external_id(import_ws)["1"]
    assert (lead.last_name, lead.first_name, lead.middle_name) == ("Петров", "Иван", "")
    assert lead.communications == [] and lead.chats == []
    assert lead.comments == ""


def test_xlsx_reads_the_first_sheet_only(import_ws, tmp_path):
    path = _xlsx(
        tmp_path / "sheets.xlsx",
        [["id", "name"], [1, "Иван"]],
        sheets=[("Other", [["id", "name"], [2, "Анна"], [3, "Олег"]])],
    )
    report = import_file(import_ws, path)
    assert (report.rows, report.imported) == (1, 1)
    assert sorted(leads_by_external_id(import_ws)) == ["1"]


def test_xlsx_a_chart_sheet_in_front_is_passed_over(import_ws, tmp_path):
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
    report = import_file(import_ws, tmp_path / "chart.xlsx")
    assert (report.rows, report.imported) == (1, 1)


def test_xlsx_same_id_as_number_and_text_is_a_repeat(import_ws, tmp_path):
    path = _xlsx(tmp_path / "dup.xlsx", [["id", "name"], [7, "Иван"], ["7", "Анна"], [7.0, "Олег"]])
    report = import_file(import_ws, path)
    assert [(b.line, b.reason.params) for b in report.bad_rows] == [
        (3, {"id": "7", "first": 2}),
        (4, {"id": "7", "first": 2}),
    ]


def test_xlsx_with_no_cells_is_empty(import_ws, tmp_path):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "blank.xlsx")
    with pytest.raises(KnownError, match="is empty"):
        import_file(import_ws, tmp_path / "blank.xlsx")


def test_xlsx_damaged_or_not_a_workbook(import_ws, tmp_path):
    good = _xlsx(tmp_path / "good.xlsx", [["id"], [1]])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(KnownError, match="not a readable XLSX workbook"):
        import_file(import_ws, cut)
    import zipfile

    with zipfile.ZipFile(tmp_path / "letter.xlsx", "w") as z:  # a .docx renamed
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(KnownError, match="not a readable XLSX workbook"):
        import_file(import_ws, tmp_path / "letter.xlsx")
    head_lost = tmp_path / "head.xlsx"
    head_lost.write_bytes(b"\x00" * 4 + good.read_bytes()[4:])
    with pytest.raises(KnownError, match="not a readable XLSX workbook"):
        import_file(import_ws, head_lost)
    assert count_rows(import_ws, Lead) == 0
