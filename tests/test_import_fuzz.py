"""Issue 11, "done when": random bytes and random CSV/XLSX shapes given to the importer.

Each ends in a clear refusal (``KnownError``) or in an import that holds what
the file held; never in a traceback, and a refusal leaves the workspace as it was.
"""

from __future__ import annotations

import csv
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from deskdup.models import Chat, Communication, Lead
from deskdup.services.errors import KnownError
from deskdup.services.importer import import_file
from deskdup.services.workspace import Workspace, open_workspace

FUZZ = settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def fuzz_ws(tmp_path_factory) -> Workspace:
    ws = open_workspace(str(tmp_path_factory.mktemp("fuzz") / "workspace.sqlite"))
    yield ws
    ws.dispose()


def _state(ws: Workspace) -> tuple:
    with ws.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Lead)),
            s.scalar(select(func.count()).select_from(Communication)),
            s.scalar(select(func.count()).select_from(Chat)),
            s.scalar(select(func.max(Lead.version))),
            tuple(s.scalars(select(Lead.first_name).order_by(Lead.id).limit(50))),
        )


def _import(ws: Workspace, data: bytes, name: str, **options):
    """Import ``data`` as a file called ``name``: the report, or None when refused."""
    before = _state(ws)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            report = import_file(ws, path, **options)
        except KnownError as exc:
            assert str(exc).strip(), "a refusal says why"
            assert "Traceback" not in str(exc)
            assert _state(ws) == before, "a refused import changed the workspace"
            return None
    if not report.written:
        assert _state(ws) == before, "an import that wrote nothing changed the workspace"
        # Bad rows stop the whole file: the good rows among them are counted
        # in ``rows`` but neither imported nor rejected ("Nothing imported:
        # 1 of 2 rows are bad").
        assert 0 < report.rejected <= report.rows
        assert report.imported == report.unchanged == report.updated == 0
    else:
        assert _state(ws)[0] == before[0] + report.imported
        assert report.rows == report.imported + report.unchanged + report.rejected + report.updated
    return report


HEADERS = st.sampled_from([b"", b"id,name,phone\n", b"id;created_at;email\n", b"\xef\xbb\xbfid\t"])
MAGIC = st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF-", b"<html>", b"\xff\xfe"])


@FUZZ
@given(prefix=MAGIC, header=HEADERS, body=st.binary(max_size=3000), skip_bad=st.booleans())
# A good row beside a bad one, not skipped: nothing is written (found by a long run).
@example(prefix=b"", header=b"id,name,phone\n", body=b"\x01\r!", skip_bad=False)
def test_random_bytes_are_refused_in_words_or_imported(fuzz_ws, prefix, header, body, skip_bad):
    for name in ("leads.csv", "leads.xlsx"):
        _import(fuzz_ws, prefix + header + body, name, skip_bad=skip_bad)


ID = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,15}", fullmatch=True)
TEXT = st.text(
    alphabet=st.sampled_from(list("абвгдеёжзАБВЯабc xyzXYZ019,;\t\"'=+-@#№«»\u200b\u00a0")),
    max_size=30,
)
MULTILINE_TEXT = st.lists(TEXT, min_size=1, max_size=3).map("\n".join)
DATE = st.one_of(
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2026, 1, 1)).map(
        lambda d: d.replace(microsecond=0).isoformat()
    ),
    st.sampled_from(["", "вчера", "0001-01-01", "9999-12-31T23:59:59-05:00", "31.02.2026"]),
)


@st.composite
def csv_exports(draw):
    ids = draw(st.lists(ID, min_size=1, max_size=12, unique_by=str.lower))
    multiline = draw(st.booleans())
    rows = [[i, draw(DATE), draw(TEXT), draw(MULTILINE_TEXT if multiline else TEXT)] for i in ids]
    return rows, multiline


@FUZZ
@given(
    export=csv_exports(),
    delimiter=st.sampled_from([",", ";", "\t"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    bom=st.booleans(),
)
def test_random_csv_shapes_are_imported_faithfully_or_refused(
    fuzz_ws, export, delimiter, quoting, bom
):
    rows, multiline = export
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
            writer = csv.writer(f, delimiter=delimiter, quoting=quoting)
            writer.writerow(["id", "created_at", "name", "comments"])
            writer.writerows(rows)
        data = path.read_bytes()
    with fuzz_ws.session() as s:
        s.execute(Lead.__table__.delete().where(Lead.external_id.in_([r[0] for r in rows])))
    report = _import(fuzz_ws, data, "x.csv", skip_bad=True)
    if report is None:
        # Only a cell of several lines, one of which reads like a row, may be taken
        # for a quote left open.
        assert multiline
        return
    assert report.rows == len(rows) and report.written
    rejected = {b.line for b in report.bad_rows}
    with fuzz_ws.session() as s:
        stored = {
            e: (c, created)
            for e, c, created in s.execute(
                select(Lead.external_id, Lead.comments, Lead.created_at).where(
                    Lead.external_id.in_([r[0] for r in rows])
                )
            )
        }
    assert len(stored) == report.imported
    for external_id, date_text, _name, comment in rows:
        if external_id not in stored:
            continue
        kept_comment, created = stored[external_id]
        assert kept_comment == comment.strip()
        if date_text and "T" in date_text and len(date_text) == 19:
            assert created == datetime.fromisoformat(date_text)
    assert len(rejected) == report.rejected


CELL = st.one_of(
    st.none(),
    TEXT,
    st.integers(min_value=-(2**60), max_value=2**60),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 1, 1)),
    st.sampled_from(["=TODAY()", "=1/0", "#N/A", "=A1"]),
)


@settings(FUZZ, max_examples=25)
@given(
    header=st.lists(
        st.sampled_from(["id", "name", "phone", "created_at", "email", "x", ""]), max_size=6
    ),
    rows=st.lists(st.lists(CELL, max_size=6), max_size=8),
    hidden_first=st.booleans(),
    merge=st.booleans(),
)
def test_random_xlsx_shapes_are_imported_or_refused_in_words(
    fuzz_ws, header, rows, hidden_first, merge
):
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.append(["id", "name"])
    first.append(["hidden-1", "Скрытый"])
    sheet = book.create_sheet("Leads")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    if merge and rows:
        sheet.merge_cells("A2:A3")
    if hidden_first:
        first.sheet_state = "hidden"
        book.active = 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.xlsx"
        book.save(path)
        data = path.read_bytes()
    with fuzz_ws.session() as s:
        s.execute(Lead.__table__.delete())
    report = _import(fuzz_ws, data, "x.xlsx", skip_bad=True)
    if report is None or not report.written:
        return
    with fuzz_ws.session() as s:
        imported = set(s.scalars(select(Lead.external_id)))
    if hidden_first:
        assert report.sheet == "Leads" and "hidden-1" not in imported
    if report.sheet == "Leads":
        # Every lead is a row of the sheet, its id the text or the whole number typed.
        column = header.index("id")
        typed = {
            _typed_id(row[column]) for row in rows if column < len(row) and row[column] is not None
        }
        assert imported <= typed


def _typed_id(value) -> str | None:
    if isinstance(value, bool | datetime):
        return None
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() and abs(value) < 2**53 else None
    return value.strip().replace("\u200b", "")
