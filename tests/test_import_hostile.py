"""Issue 11, the import side: hostile files and faults lose nothing and end in words."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from deskdup.cli import main
from deskdup.models import Chat, Communication, Lead, Operator
from deskdup.services.errors import KnownError
from deskdup.services.importer import import_file
from deskdup.services.workspace import Workspace


@pytest.fixture
def ws(workspace):
    with workspace.session() as s:
        s.add(Operator(login="operator", full_name="Оператор"))
    return workspace


def _count(ws: Workspace, table=Lead) -> int:
    with ws.session() as s:
        return s.scalar(select(func.count()).select_from(table))


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _reasons(report) -> list[tuple[int, str]]:
    return [(b.line, b.reason.render()) for b in report.bad_rows]


# --------------------------------------------------------------------------- dates (7, 10)


def test_a_date_whose_offset_passes_the_calendar_limit_is_a_bad_row(ws, tmp_path):
    path = _write(
        tmp_path / "x.csv",
        "id,created_at\n1,9999-12-31T23:59:59-05:00\n2,0001-01-01T00:00:00+03:00\n3,2026-11-01\n",
    )
    report = import_file(ws, path)
    assert [line for line, _ in _reasons(report)] == [2, 3]
    assert "9999-12-31T23:59:59-05:00" in _reasons(report)[0][1]
    assert _count(ws) == 0


@pytest.mark.parametrize("value", ["0001-01-01", "1900-01-01", "9999-12-31", "2999-01-01T10:00"])
def test_only_a_plausible_date_is_accepted(ws, tmp_path, value):
    path = _write(tmp_path / "x.csv", f"id,created_at\n1,{value}\n2,2026-11-01T09:30\n")
    report = import_file(ws, path, skip_bad=True)
    assert (report.imported, report.rejected) == (1, 1)
    line, reason = _reasons(report)[0]
    assert line == 2 and value in reason and "1970" in reason


# --------------------------------------------------------------------------- rejects (1, 13)

BAD_ROWS = "id;created_at;name;phone\n1;2026-11-01;Иван;89161234567\n2;вчера;Пётр;89161234568\n"


def _lead_count_in(db: Path) -> int:
    from deskdup.services.workspace import open_workspace

    other = open_workspace(str(db))
    try:
        return _count(other)
    finally:
        other.dispose()


def test_rejects_path_that_is_the_workspace_is_refused_and_the_workspace_kept(ws, tmp_path, capsys):
    db = Path(ws.url.removeprefix("sqlite:///"))
    import_file(ws, _write(tmp_path / "first.csv", "id;name\n77;Анна\n"))
    argv = ["import", str(_write(tmp_path / "x.csv", BAD_ROWS)), "--db", str(db), "--skip-bad"]
    assert main([*argv, "--rejects", str(db), "--force"]) == 2
    err = capsys.readouterr().err
    assert "workspace" in err and "Traceback" not in err
    assert _lead_count_in(db) == 1


def test_rejects_path_that_is_the_input_is_refused_and_the_input_kept(ws, tmp_path, capsys):
    source = _write(tmp_path / "x.csv", BAD_ROWS)
    argv = ["import", str(source), "--db", ws.url, "--skip-bad", "--rejects", str(source)]
    assert main([*argv, "--force"]) == 2
    assert "the file being imported" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == BAD_ROWS
    assert _count(ws) == 0


@pytest.mark.parametrize("explicit", [True, False])
def test_an_existing_rejects_file_is_kept_unless_forced(ws, tmp_path, capsys, explicit):
    source = _write(tmp_path / "x.csv", BAD_ROWS)
    rejects = tmp_path / ("mine.csv" if explicit else "x.csv.rejects.csv")
    rejects.write_text("keep me\n", encoding="utf-8")
    argv = ["import", str(source), "--db", ws.url, "--skip-bad"]
    if explicit:
        argv += ["--rejects", str(rejects)]
    assert main(argv) == 2
    assert "--force" in capsys.readouterr().err
    assert rejects.read_text(encoding="utf-8") == "keep me\n"
    assert _count(ws) == 0  # refused before anything was imported

    assert main([*argv, "--force"]) == 0
    assert "вчера" in rejects.read_text(encoding="utf-8-sig")
    assert _count(ws) == 1


def test_a_refused_import_leaves_no_rejects_file_behind(ws, tmp_path):
    rejects = tmp_path / "r.csv"
    path = _write(tmp_path / "x.csv", BAD_ROWS)
    report = import_file(ws, path, rejects_path=rejects)  # bad rows, nothing written
    assert not report.written and rejects.is_file()  # the list of what to fix
    rejects.unlink()
    report = import_file(ws, _write(tmp_path / "ok.csv", "id\n5\n"), rejects_path=rejects)
    assert report.written and not rejects.exists()  # no bad row: no file


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+79161234567", "'+79161234567"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Иван", "Иван"),
        ("", ""),
    ],
)
def test_the_rejects_file_neutralises_formulas(ws, tmp_path, value, written):
    import csv

    rejects = tmp_path / "r.csv"
    with (tmp_path / "x.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "created_at", "name"], ["1", "вчера", value]])
    import_file(ws, tmp_path / "x.csv", skip_bad=True, rejects_path=rejects)
    with rejects.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["name"] == written


# --------------------------------------------------------------------------- text cut (5)


def test_a_title_too_long_for_the_workspace_is_refused_not_cut(ws, tmp_path):
    path = _write(tmp_path / "x.csv", f"id,title\n1,{'я' * 1000}\n2,{'я' * 300}\n")
    report = import_file(ws, path, skip_bad=True)
    assert (report.imported, report.rejected) == (1, 1)
    assert _reasons(report)[0][0] == 2 and "title" in _reasons(report)[0][1]
    with ws.session() as s:
        assert s.scalar(select(Lead.title)) == "я" * 300


@pytest.mark.parametrize("column", ["status", "first_name", "phone"])
def test_every_limited_field_too_long_is_a_bad_row(ws, tmp_path, column):
    path = _write(tmp_path / "x.csv", f"id,{column}\n1,{'7' * 400}\n")
    report = import_file(ws, path)
    assert [line for line, _ in _reasons(report)] == [2]


def test_a_long_comment_is_kept_whole(ws, tmp_path):
    comment = "Перезвонить. " * 20_000  # 260,000 characters: past csv's 131,072 limit
    path = tmp_path / "x.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "comments", "message"], ["1", comment, comment]])
    report = import_file(ws, path)
    assert report.imported == 1
    with ws.session() as s:
        assert s.scalar(select(Lead.comments)) == comment.strip()
        assert s.scalar(select(Chat.first_message)) == comment.strip()


def test_an_xlsx_cell_at_excels_length_limit_is_a_bad_row_not_cut(ws, tmp_path):
    # calamine gives at most 32,767 characters of a cell (Excel's limit) and drops the rest.
    path = _book(
        tmp_path / "x.xlsx", {"Leads": [["id", "comments"], ["1", "я" * 40_000], ["2", "ok"]]}
    )
    report = import_file(ws, path, skip_bad=True)
    assert (report.imported, report.rejected) == (1, 1)
    assert "32,767" in _reasons(report)[0][1]


# --------------------------------------------------------------------------- invisible (6)


def test_invisible_characters_are_stripped_from_ids_phones_and_emails(ws, tmp_path):
    import_file(ws, _write(tmp_path / "a.csv", "id,email\nX-1,a@mail.ru\n"))
    text = (
        "id,email,phone,telegram\n"
        "X-1\u200b,a@mail.ru,,\n"
        "X-2,\u200bb\u200c@mail.ru\u2060,\u200e+7 916 123-45-67\u200f,@ivan\u200d_p\n"
    )
    report = import_file(ws, _write(tmp_path / "b.csv", text))
    assert (report.imported, report.unchanged) == (1, 1)
    with ws.session() as s:
        assert sorted(s.scalars(select(Lead.external_id))) == ["X-1", "X-2"]
        comms = {c.kind.value: c for c in s.scalars(select(Communication))}
        assert comms["email"].raw_value == "b@mail.ru" and comms["email"].is_valid
        assert comms["phone"].normalized == "+79161234567"
        assert comms["messenger"].raw_value == "@ivan_p"


def test_an_id_with_a_control_character_is_a_bad_row(ws, tmp_path):
    report = import_file(ws, _write(tmp_path / "x.csv", "id,name\nX\x071,Иван\n"))
    assert [line for line, _ in _reasons(report)] == [2]
    assert "control" in _reasons(report)[0][1]


# --------------------------------------------------------------------------- NUL (10)

pytest_plugins = ("tests.postgres",)


def _nul_after_64k(tmp_path: Path) -> Path:
    rows = "".join(f"{i},Иван Петров {i}\n" for i in range(1, 4000))
    assert len(rows.encode()) > 65536
    return _write(tmp_path / "nul.csv", "id,name\n" + rows + "5000,Пётр\x00Сидоров\n")


def test_a_nul_byte_after_the_first_64k_is_a_bad_row_on_postgres(pg_database, tmp_path):
    from deskdup.services.workspace import open_workspace

    pg = open_workspace(pg_database)
    try:
        report = import_file(pg, _nul_after_64k(tmp_path), skip_bad=True)
        assert (report.imported, report.rejected) == (3999, 1)
        line, reason = _reasons(report)[0]
        assert line == 4001 and "NUL" in reason
    finally:
        pg.dispose()


def test_a_nul_byte_is_a_bad_row_on_sqlite_too(ws, tmp_path):
    report = import_file(ws, _nul_after_64k(tmp_path))
    assert not report.written and [line for line, _ in _reasons(report)] == [4001]


# --------------------------------------------------------------------------- open quote (2)


def test_an_unclosed_quote_that_swallows_the_rows_after_it_is_refused(ws, tmp_path):
    path = _write(
        tmp_path / "x.csv",
        'id,name,phone\n1,"Ромашка ООО,89161234567\n2,Иван,89161234568\n3,Пётр,89161234569\n',
    )
    with pytest.raises(KnownError, match=r"line 2\b.*quote") as caught:
        import_file(ws, path, skip_bad=True)
    assert "line 3" in str(caught.value)
    assert _count(ws) == 0


def test_an_open_quote_closed_far_below_is_refused_naming_its_line(ws, tmp_path, capsys):
    rows = [f"{i};Клиент {i};8916{i:07d}" for i in range(1, 1001)]
    rows[1] = '2;"Ромашка ООО;89160000002'
    rows[500] = '501;"ООО ""Лес""";89160000501'
    path = _write(tmp_path / "x.csv", "id;name;phone\n" + "\n".join(rows) + "\n")
    for extra in ([], ["--skip-bad"]):
        assert main(["import", str(path), "--db", ws.url, *extra]) == 2
        err = capsys.readouterr().err
        assert "x.csv, line 3:" in err and "quote" in err and "longer than" not in err
    assert _count(ws) == 0


def test_a_real_multi_line_comment_is_kept(ws, tmp_path):
    comment = "Позвонить после 18:00,\nадрес: Москва, ул. Ленина, д. 5, кв. 7\nспросить про скидку"
    path = tmp_path / "x.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [["id", "name", "comments"], ["1", "Иван", comment], ["2", "Пётр", ""]]
        )
    report = import_file(ws, path)
    assert report.imported == 2
    with ws.session() as s:
        assert s.scalar(select(Lead.comments).where(Lead.external_id == "1")) == comment


# --------------------------------------------------------------------------- encodings (3)


def _names(ws: Workspace) -> dict[str, tuple[str, str]]:
    with ws.session() as s:
        return {e: (last, first) for e, last, first in s.execute(
            select(Lead.external_id, Lead.last_name, Lead.first_name)
        )}  # fmt: skip


def test_a_koi8r_file_is_read_as_koi8r_not_windows_1251(ws, tmp_path):
    path = _write(tmp_path / "x.csv", "id,name\n1,Иванов\n2,Петрова Анна\n", "koi8-r")
    report = import_file(ws, path)
    assert report.encoding == "koi8-r"
    assert _names(ws) == {"1": ("Иванов", ""), "2": ("Петрова", "Анна")}


def test_a_latin1_file_is_read_as_western_text(ws, tmp_path):
    path = _write(tmp_path / "x.csv", "id,name\n1,Jürgen Müßig\n", "latin-1")
    import_file(ws, path)
    assert set(_names(ws)["1"]) == {"Jürgen", "Müßig"}


def test_a_windows_1251_file_still_is_read(ws, tmp_path):
    path = _write(tmp_path / "x.csv", "id;ФИО\n1;Иванов\n", "cp1251")
    assert import_file(ws, path).encoding == "cp1251"
    assert _names(ws)["1"] == ("Иванов", "")


def test_an_encoding_that_cannot_be_told_is_refused_naming_the_candidates(ws, tmp_path, capsys):
    # Capitals only: KOI8-R and Windows-1251 both read it as Russian words.
    path = _write(tmp_path / "x.csv", "id,name\n1,ИВАНОВ ИВАН\n", "koi8-r")
    assert main(["import", str(path), "--db", ws.url]) == 2
    err = capsys.readouterr().err
    assert "KOI8-R" in err and "Windows-1251" in err and "--encoding" in err
    assert _count(ws) == 0
    assert main(["import", str(path), "--db", ws.url, "--encoding", "koi8-r"]) == 0
    assert _names(ws)["1"] == ("ИВАНОВ", "ИВАН")


def test_an_unknown_or_wrong_encoding_option_is_refused(ws, tmp_path, capsys):
    path = _write(tmp_path / "x.csv", "id,name\n1,Иванов\n")
    assert main(["import", str(path), "--db", ws.url, "--encoding", "klingon"]) == 2
    assert "'klingon' is not a text encoding" in capsys.readouterr().err
    assert main(["import", str(path), "--db", ws.url, "--encoding", "ascii"]) == 2
    assert "line 2" in capsys.readouterr().err
    assert _count(ws) == 0


KOI8_EXPORT = (
    "id,name,email,message\n"
    "1,Иванов Пётр,ivanov@mail.ru,Здравствуйте\n"
    "2,Петрова Анна,,Перезвоните\n"
    "3,Сидоров Олег,,\n"
)


def test_a_reimport_with_update_corrects_rows_imported_with_the_wrong_encoding(
    ws, tmp_path, capsys
):
    path = _write(tmp_path / "x.csv", KOI8_EXPORT, "koi8-r")
    assert main(["import", str(path), "--db", ws.url, "--encoding", "cp1251"]) == 0
    assert _names(ws)["1"] != ("Иванов", "Пётр")  # garbage, as the issue found it
    with ws.session() as s:  # lead 3 was merged since: an operator's choice, kept
        s.scalars(select(Lead).where(Lead.external_id == "3")).one().archived = True

    assert main(["import", str(path), "--db", ws.url]) == 0
    assert "already there 3" in capsys.readouterr().out
    assert _names(ws)["1"] != ("Иванов", "Пётр")  # a plain re-import changes nothing

    assert main(["import", str(path), "--db", ws.url, "--update"]) == 0
    assert "updated 2" in capsys.readouterr().out
    names = _names(ws)
    assert names["1"] == ("Иванов", "Пётр") and names["2"] == ("Петрова", "Анна")
    assert names["3"] != ("Сидоров", "Олег")
    with ws.session() as s:
        lead = s.scalars(select(Lead).where(Lead.external_id == "1")).one()
        assert lead.version == 2  # an open view sees the change
        assert lead.title.endswith("Иванов Пётр")
        assert [c.raw_value for c in lead.communications] == ["ivanov@mail.ru"]
        assert [c.first_message for c in lead.chats] == ["Здравствуйте"]
        assert _count(ws, Lead) == 3 and _count(ws, Chat) == 2

    assert main(["import", str(path), "--db", ws.url, "--update"]) == 0
    assert "updated 0" in capsys.readouterr().out  # nothing left to correct


def test_update_leaves_a_merge_primary_alone(ws, tmp_path):
    from datetime import datetime

    from deskdup.models import EventKind, MergeEvent

    import_file(ws, _write(tmp_path / "a.csv", "id,name\n1,Иван\n"))
    with ws.session() as s:
        lead = s.scalars(select(Lead)).one()
        operator = s.scalars(select(Operator)).first()
        s.add(MergeEvent(kind=EventKind.MERGE_LEADS, operator_id=operator.id,
                         created_at=datetime(2026, 11, 2), primary_id=lead.id))  # fmt: skip
    report = import_file(ws, _write(tmp_path / "b.csv", "id,name\n1,Пётр\n"), update=True)
    assert (report.updated, report.unchanged) == (0, 1)
    assert _names(ws)["1"] == ("", "Иван")


# --------------------------------------------------------------------------- XLSX (4)


def _book(path: Path, sheets: dict[str, list[list]], *, active: int = 0, hidden=()) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if title in hidden:
            sheet.sheet_state = "hidden"
    book.active = active
    book.save(path)
    return path


def test_xlsx_reads_the_visible_active_sheet_and_says_which(ws, tmp_path, capsys):
    path = _book(
        tmp_path / "x.xlsx",
        {"Old": [["id", "name"], ["H1", "Скрытый"]], "Leads": [["id", "name"], ["L1", "Анна"]],
         "Notes": [["id"], ["N1"]]},
        active=1,
        hidden=("Old",),
    )  # fmt: skip
    report = import_file(ws, path)
    assert (report.sheet, report.imported) == ("Leads", 1)
    assert list(_names(ws)) == ["L1"]
    assert main(["import", str(path), "--db", ws.url, "--sheet", "Notes"]) == 0
    assert "Read the sheet 'Notes'; not read: 'Old', 'Leads'." in capsys.readouterr().err
    assert sorted(_names(ws)) == ["L1", "N1"]


def test_xlsx_a_hidden_active_sheet_gives_way_to_the_first_visible(ws, tmp_path):
    path = _book(
        tmp_path / "x.xlsx",
        {"Hidden": [["id"], ["H1"]], "Shown": [["id"], ["S1"]]},
        active=0,
        hidden=("Hidden",),
    )
    assert import_file(ws, path).sheet == "Shown"


def test_xlsx_an_unknown_sheet_is_refused_naming_the_sheets(ws, tmp_path):
    path = _book(tmp_path / "x.xlsx", {"Leads": [["id"], ["1"]]})
    with pytest.raises(KnownError, match="no sheet 'Лиды'; its sheets are: 'Leads'"):
        import_file(ws, path, sheet="Лиды")


def test_xlsx_merged_cells_in_the_table_are_refused_naming_them(ws, tmp_path):
    from openpyxl import load_workbook

    path = _book(tmp_path / "x.xlsx", {"Leads": [["id", "name"], ["1", "Анна"], ["2", None]]})
    book = load_workbook(path)
    book.active.merge_cells("B2:B3")
    book.save(path)
    with pytest.raises(KnownError, match="merged cells B2:B3"):
        import_file(ws, path)
    assert _count(ws) == 0


def test_xlsx_formulas_without_results_and_error_cells_are_refused(ws, tmp_path):
    path = _book(
        tmp_path / "x.xlsx",
        {"Leads": [["id", "created_at", "name"], ["1", "=TODAY()", "Анна"], ["2", None, "#N/A"]]},
    )
    with pytest.raises(KnownError, match=r"cells B2 hold formulas saved without their results"):
        import_file(ws, path)
    assert _count(ws) == 0
    path = _book(tmp_path / "y.xlsx", {"Leads": [["id", "name"], ["1", "Анна"], ["2", "#N/A"]]})
    report = import_file(ws, path, skip_bad=True)
    assert _reasons(report) == [
        (3, "the cells B3 hold Excel errors (such as #N/A) instead of values")
    ]
    assert list(_names(ws)) == ["1"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [(True, "True"), (1.5, "1.5"), (12345678901234567890, "1234567890123456")],
)
def test_xlsx_ids_that_are_not_the_digits_typed_are_bad_rows(ws, tmp_path, value, shown):
    path = _book(tmp_path / "x.xlsx", {"Leads": [["id", "phone"], [value, None], [7.0, None]]})
    report = import_file(ws, path, skip_bad=True)
    assert (report.imported, report.rejected) == (1, 1)
    params = report.bad_rows[0].reason.params
    assert params["column"] == "id" and params["value"].startswith(shown)
    if isinstance(value, int) and not isinstance(value, bool):
        assert params["value"] != str(value)  # the digits typed are lost: hence the refusal
    assert list(_names(ws)) == ["7"]


# --------------------------------------------------------------------------- faults (10)


def _on_connect(ws: Workspace, *pragmas: str) -> None:
    """Run ``pragmas`` on every new connection of ``ws`` (after its own set-up)."""
    from sqlalchemy import event

    def run(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        for pragma in pragmas:
            cursor.execute(pragma)
        cursor.close()

    event.listen(ws.engine, "connect", run)
    ws.engine.dispose()


def _big_export(tmp_path: Path, rows: int = 3000) -> Path:
    body = "".join(f"{i},Клиент {i},8916{i:07d},Перезвоните мне, пожалуйста\n" for i in range(rows))
    return _write(tmp_path / "big.csv", "id,name,phone,message\n" + body)


def test_a_full_disk_during_import_is_a_sentence_and_nothing_is_written(ws, tmp_path):
    import_file(ws, _write(tmp_path / "a.csv", "id,name\nA-1,Анна\n"))
    with ws.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    # The database may not grow past a few pages: SQLite's own "database or disk is full".
    _on_connect(ws, f"PRAGMA max_page_count={pages + 5}")
    source = _big_export(tmp_path)
    with pytest.raises(KnownError, match="disk is full") as caught:
        import_file(ws, source)
    assert "nothing was imported" in str(caught.value)
    assert _count(ws) == 1


def test_a_workspace_locked_by_another_writer_is_a_sentence(ws, tmp_path):
    import sqlite3

    _on_connect(ws, "PRAGMA busy_timeout=100")
    db = ws.url.removeprefix("sqlite:///")
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another writer, holding the lock
        with pytest.raises(KnownError, match="busy"):
            import_file(ws, _big_export(tmp_path, 10))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _count(ws) == 0
    assert import_file(ws, _big_export(tmp_path, 10)).imported == 10
