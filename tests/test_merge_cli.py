"""`deskdup merge`, `dismiss` and `undo` from the command line: exit codes and messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from deskdup.cli import main
from deskdup.models import Action, Dismissal, Entity, Lead, MergeEvent, Scope
from deskdup.services.workspace import open_workspace
from tests.factories import make_lead, make_operator


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.sqlite")
    ws = open_workspace(path)
    with ws.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        make_operator(
            s,
            "reader",
            "Читатель",
            "Sales 1",
            scopes={(Entity.LEAD, Action.READ): Scope.ALL, (Entity.LEAD, Action.EDIT): Scope.ALL},
        )
        make_lead(s, owner=anna, external_id="L-100", first_name="Иван")  # id 1
        make_lead(s, owner=anna, last_name="Петров")  # id 2
        make_lead(s, owner=anna, external_id="3")  # id 3, CRM id "3"
        make_lead(s, owner=anna)  # id 4
    ws.dispose()
    return path


def _leads(path):
    ws = open_workspace(path)
    try:
        with ws.session() as s:
            return {lead.id: lead for lead in s.scalars(select(Lead))}
    finally:
        ws.dispose()


def test_merge_applies_and_prints_a_summary(db, capsys):
    code = main(
        [
            "merge",
            "--db",
            db,
            "--as",
            "anna",
            "--primary",
            "L-100",
            "--with",
            "2",
            "--choose",
            "last_name=2",
        ]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    assert out.out.strip() == "Merged 2 leads into #L-100 (history event 1); merged: #2"
    leads = _leads(db)
    assert leads[1].last_name == "Петров" and leads[1].first_name == "Иван"
    assert leads[2].archived and leads[2].merged_into_id == 1


def test_external_id_wins_over_database_id(db, capsys):
    # "3" is lead 3's CRM id; lead 4 is only reachable by its database id.
    assert main(["merge", "--db", db, "--as", "anna", "--primary", "3", "--with", "4"]) == 0
    assert _leads(db)[4].merged_into_id == 3
    capsys.readouterr()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--as", "nobody", "--primary", "1", "--with", "2"],
            "no active operator with the login 'nobody'",
        ),
        (["--as", "anna", "--primary", "L-100", "--with", "99"], "no lead with the id '99'"),
        (
            ["--as", "anna", "--primary", "1", "--with", "2", "--choose", "hair=2"],
            "Unknown field 'hair'",
        ),
        (["--as", "anna", "--primary", "1", "--with", "2", "--choose", "title"], "takes FIELD=ID"),
        (["--as", "anna", "--primary", "1", "--with", "1"], "at least two different leads"),
        (
            ["--as", "reader", "--primary", "L-100", "--with", "2"],
            "Lead #2 belongs to Петрова Анна (Sales 1); you have no archive right",
        ),
    ],
)
def test_refusals_exit_2_and_change_nothing(db, capsys, argv, message):
    before = {i: (lead.version, lead.archived) for i, lead in _leads(db).items()}
    assert main(["merge", "--db", db, *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("deskdup: ")
    assert message in err
    assert {i: (lead.version, lead.archived) for i, lead in _leads(db).items()} == before


def test_merging_an_already_merged_lead_exits_2(db, capsys):
    assert main(["merge", "--db", db, "--as", "anna", "--primary", "1", "--with", "2"]) == 0
    assert main(["merge", "--db", db, "--as", "anna", "--primary", "3", "--with", "2"]) == 2
    assert "Lead #2 was already merged into #L-100" in capsys.readouterr().err


def test_dismiss_and_undo(db, capsys):
    assert main(["dismiss", "--db", db, "--as", "anna", "L-100", "2,4", "--reason", "разные"]) == 0
    assert (
        "Marked 3 pair(s) as not duplicates (3 new, 0 already marked)." in capsys.readouterr().out
    )
    assert main(["dismiss", "--db", db, "--as", "anna", "2", "1"]) == 0
    assert "(0 new, 1 already marked)" in capsys.readouterr().out
    assert main(["dismiss", "--db", db, "--as", "anna", "2"]) == 2
    assert main(["dismiss", "--db", db, "--as", "ghost", "1", "2"]) == 2
    ws = open_workspace(db)
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Dismissal)) == 3
    ws.dispose()

    assert main(["undo", "--db", db, "--as", "anna"]) == 2
    assert "has no merge left to undo" in capsys.readouterr().err
    assert main(["merge", "--db", db, "--as", "anna", "--primary", "1", "--with", "2,4"]) == 0
    assert main(["undo", "--db", db, "--as", "anna"]) == 0
    assert "Undid the merge into #L-100; 2 leads restored" in capsys.readouterr().out
    assert not any(lead.archived for lead in _leads(db).values())
    ws = open_workspace(db)
    with ws.session() as s:
        kinds = sorted(e.kind.value for e in s.scalars(select(MergeEvent)))
        assert kinds == ["dismiss", "merge_leads", "undo"]
    ws.dispose()


def test_db_and_login_are_required(db, capsys):
    with pytest.raises(SystemExit):  # argparse: "the following arguments are required"
        main(["merge", "--as", "anna", "--primary", "1", "--with", "2"])
    assert "--db" in capsys.readouterr().err
    missing = str(Path(db).with_name("typo.sqlite"))
    assert main(["merge", "--db", missing, "--as", "anna", "--primary", "1", "--with", "2"]) == 2
    assert "File not found: " in capsys.readouterr().err
    assert not Path(missing).exists()
    # The top-level --db/--as are the window's; a command takes its own.
    with pytest.raises(SystemExit):
        main(["--db", db, "--as", "anna", "merge", "--primary", "1", "--with", "2"])
    assert "required: --db" in capsys.readouterr().err
