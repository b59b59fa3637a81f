"""Issue 11, the import side: hostile files and faults lose nothing and end in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from deskdup.cli import main
from deskdup.models import Lead, Operator
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
