"""`deskdup demo --force` never wipes a team's work (issue 11.9)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from deskdup.cli import main
from deskdup.models import Lead, MergeEvent
from deskdup.services.workspace import open_workspace

SAMPLE = Path(__file__).parent / "data" / "leads_sample.csv"


def _counts(db):
    ws = open_workspace(db, create=False)
    try:
        with ws.session() as s:
            return (
                s.scalar(select(func.count()).select_from(Lead)),
                s.scalar(select(func.count()).select_from(MergeEvent)),
            )
    finally:
        ws.dispose()


def _first_two_leads(db):
    ws = open_workspace(db, create=False)
    try:
        with ws.session() as s:
            return [str(i) for i in s.scalars(select(Lead.id).order_by(Lead.id).limit(2))]
    finally:
        ws.dispose()


def test_force_refuses_a_team_workspace_with_merge_history(tmp_path, capsys):
    db = str(tmp_path / "team.sqlite")
    assert main(["init", "--db", db]) == 0
    assert main(["operator", "add", "operator", "--db", db, "--role", "supervisor"]) == 0
    assert main(["operator", "add", "trainee", "--db", db, "--role", "trainee"]) == 0
    assert main(["import", str(SAMPLE), "--db", db]) == 0
    a, b = _first_two_leads(db)
    assert main(["merge", "--db", db, "--as", "operator", "--primary", a, "--with", b]) == 0
    before = _counts(db)
    assert before[1] == 1
    capsys.readouterr()
    assert main(["demo", "--db", db, "--force", "--leads", "20"]) == 2
    err = capsys.readouterr().err
    assert "merge history" in err and "not a demo workspace" in err
    assert _counts(db) == before


def test_force_still_replaces_a_demo_workspace_with_history(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert main(["demo", "--db", db, "--leads", "40"]) == 0
    a, b = _first_two_leads(db)
    assert main(["merge", "--db", db, "--as", "supervisor", "--primary", a, "--with", b]) == 0
    assert main(["demo", "--db", db, "--force", "--leads", "30"]) == 0
    assert _counts(db) == (30, 0)
    capsys.readouterr()
