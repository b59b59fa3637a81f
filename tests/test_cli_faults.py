"""Hostile input and a failing database end in a sentence, never a traceback (issue 11.10).

Ids of 30 and 100,000 digits, a dismissal of many leads, a full disk, and a
SQLite file locked by another writer, for merge, undo, dismiss and operator.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from deskdup.cli import main
from deskdup.models import Dismissal, Lead, MergeEvent, Operator
from deskdup.services import workspace as workspace_module
from deskdup.services.workspace import open_workspace
from tests.factories import make_lead, make_operator

HUGE = "9" * 100_000
LONG = "1" * 30


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.sqlite")
    ws = open_workspace(path)
    with ws.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        for n in range(50):
            make_lead(s, owner=anna, external_id=f"L-{n + 1}", first_name="Иван")
    ws.dispose()
    return path


def _count(db, model):
    ws = open_workspace(db, create=False)
    try:
        with ws.session() as s:
            return s.scalar(select(func.count()).select_from(model))
    finally:
        ws.dispose()


@pytest.mark.parametrize("big", [LONG, HUGE], ids=["30 digits", "100000 digits"])
@pytest.mark.parametrize(
    "argv",
    [
        ["merge", "--primary", "{big}", "--with", "L-2"],
        ["merge", "--primary", "L-1", "--with", "{big}"],
        ["dismiss", "L-1", "{big}"],
        ["merge", "--primary", "L-1", "--with", "L-2", "--choose", "title={big}"],
    ],
)
def test_huge_lead_ids_are_unknown_leads(db, capsys, argv, big):
    args = [a.replace("{big}", big) for a in argv]
    assert main([*args, "--db", db, "--as", "anna"]) == 2
    err = capsys.readouterr().err
    assert "There is no lead with the id" in err
    assert "Traceback" not in err and len(err) < 400  # the id is cut, not echoed whole
    assert _count(db, MergeEvent) == 0 and _count(db, Dismissal) == 0


@pytest.mark.parametrize("big", [LONG, HUGE], ids=["30 digits", "100000 digits"])
def test_a_huge_event_id_is_refused_in_words(db, capsys, big):
    with pytest.raises(SystemExit) as stop:
        main(["undo", big, "--db", db, "--as", "anna"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "history event id" in err and len(err) < 600


def test_dismiss_of_many_leads_is_recorded(db, capsys):
    ids = [f"L-{n}" for n in range(1, 51)]
    assert main(["dismiss", *ids, "--db", db, "--as", "anna"]) == 0
    assert "1225 pair(s)" in capsys.readouterr().out
    assert _count(db, Dismissal) == 50 * 49 // 2
    # Again: every pair is already there.
    assert main(["dismiss", *ids, "--db", db, "--as", "anna"]) == 0
    assert "0 new, 1225 already marked" in capsys.readouterr().out


@pytest.fixture
def lock(db, monkeypatch):
    """Another program holds the SQLite write lock (as a long import would)."""
    monkeypatch.setattr(workspace_module, "SQLITE_BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(db, isolation_level=None)
    yield lambda: holder.execute("BEGIN IMMEDIATE")
    if holder.in_transaction:
        holder.execute("ROLLBACK")
    holder.close()


@pytest.mark.parametrize(
    "argv",
    [
        ["dismiss", "L-1", "L-2", "--as", "anna"],
        ["operator", "add", "boris"],
        ["operator", "grant", "anna", "lead", "edit", "none"],
        ["merge", "--primary", "L-1", "--with", "L-2", "--as", "anna"],
        ["undo", "--as", "anna"],
    ],
)
def test_a_workspace_locked_by_another_writer_is_busy_in_words(db, lock, capsys, argv):
    if argv[0] == "undo":
        assert main(["merge", "--primary", "L-3", "--with", "L-4", "--as", "anna", "--db", db]) == 0
    lock()
    code = main([*argv, "--db", db])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "busy" in err and "Traceback" not in err


@pytest.fixture
def full_disk(db, monkeypatch):
    """The file may not grow by a single page: SQLite says 'database or disk is full'."""
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    real = workspace_module._sqlite_pragmas

    def pragmas(dbapi_connection, record):
        real(dbapi_connection, record)
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(workspace_module, "_sqlite_pragmas", pragmas)
    return db


def test_a_full_disk_during_merge_and_dismiss_is_told_and_writes_nothing(full_disk, capsys):
    # Fill the last free pages so that any growth fails.
    ids = [f"L-{n}" for n in range(1, 51)]
    code = main(["dismiss", *ids, "--db", full_disk, "--as", "anna"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "disk is full" in err and "Traceback" not in err
    code = main(["merge", "--primary", "L-1", "--with", ",".join(ids[1:]), "--db", full_disk,
                 "--as", "anna"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2, err
    assert "disk is full" in err
    assert _count(full_disk, MergeEvent) == 0 and _count(full_disk, Dismissal) == 0
    assert _count(full_disk, Lead) == 50 and _count(full_disk, Operator) == 1


def test_a_scan_whose_worker_is_killed_says_so_in_words(db, monkeypatch, capsys):
    """A worker process ended from outside (or by the system when memory ran
    out) is the environment's doing: a sentence and exit 2, not a traceback;
    and with one process the same scan works."""
    import os
    import signal

    from deskdup.services.matching import build_workers

    monkeypatch.setattr(build_workers, "FORK_MIN_LEADS", 0)
    key_part = build_workers._key_part
    scanner = os.getpid()

    def killed():
        if os.getpid() != scanner:  # the worker, not this process
            os.kill(os.getpid(), signal.SIGKILL)
        return key_part()

    monkeypatch.setattr(build_workers, "_key_part", killed)
    assert main(["scan", "--db", db, "--workers", "2", "--format", "jsonl"]) == 2
    out, err = capsys.readouterr()
    assert "keying worker process stopped before it finished" in err
    assert "Nothing was changed" in err and "--workers 1" in err
    assert "Traceback" not in err and out == ""
    assert main(["scan", "--db", db, "--workers", "1", "--format", "jsonl"]) == 0
    assert capsys.readouterr().err.startswith("50 leads, ")
