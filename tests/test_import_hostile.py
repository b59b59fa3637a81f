"""Issue 11, the import side: hostile files and faults lose nothing and end in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from deskdup.cli import main
from deskdup.models import Chat, Communication, Lead, Operator
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
