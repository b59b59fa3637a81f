"""`deskdup operator`: a team set up from the command line, then used by import and merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskdup.cli import main
from deskdup.models import Action, Entity, Scope
from deskdup.services.operators import find_operator
from deskdup.services.rights import Owner, allowed
from deskdup.services.workspace import open_workspace

SAMPLE = Path(__file__).parent / "data" / "leads_sample.csv"


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "team.sqlite")
    assert main(["init", "--db", path]) == 0  # only an explicit create makes a workspace
    return path


def _info(db, login):
    ws = open_workspace(db)
    try:
        with ws.session() as s:
            return find_operator(s, login)
    finally:
        ws.dispose()


def test_a_new_team_can_import_its_export_once_the_operators_exist(db, capsys):
    assert main(["import", str(SAMPLE), "--db", db]) == 2
    assert "deskdup operator add" in capsys.readouterr().err
    assert main(["operator", "add", "operator", "--db", db, "--name", "Петрова Анна",
                 "--department", "Продажи 1"]) == 0  # fmt: skip
    assert main(["operator", "add", "trainee", "--db", db, "--role", "trainee",
                 "--department", "Продажи 1"]) == 0  # fmt: skip
    assert main(["import", str(SAMPLE), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Imported 12" in out


def test_roles_give_their_rights_and_grant_changes_one(db, capsys):
    main(["operator", "add", "olga", "--db", db, "--role", "supervisor", "--name", "Смирнова О."])
    main(["operator", "add", "kd", "--db", db, "--role", "trainee", "--department", "Продажи 2"])
    olga, kd = _info(db, "olga"), _info(db, "kd")
    assert olga.can_undo and olga.scope(Entity.LEAD, Action.DELETE) == Scope.ALL
    assert not kd.can_undo
    assert kd.scope(Entity.LEAD, Action.EDIT) == Scope.OWN
    assert kd.scope(Entity.LEAD, Action.DELETE) == Scope.NONE
    assert kd.department_name == "Продажи 2"
    assert main(["operator", "grant", "kd", "lead", "delete", "own", "--db", db]) == 0
    kd = _info(db, "kd")
    assert kd.scope(Entity.LEAD, Action.DELETE) == Scope.OWN
    assert allowed(kd, Entity.LEAD, Action.DELETE, Owner(kd.id, kd.department_id))
    assert not allowed(kd, Entity.LEAD, Action.DELETE, Owner(olga.id, kd.department_id))
    capsys.readouterr()
    assert main(["operator", "list", "--db", db]) == 0
    listing = capsys.readouterr().out
    assert "Смирнова О. (olga)" in listing and "may undo" in listing
    assert "lead department/own/own" in listing


def test_mistakes_are_refused_in_plain_words_and_change_nothing(db, capsys):
    assert main(["operator", "add", "anna", "--db", db]) == 0
    assert main(["operator", "add", "anna", "--db", db]) == 2
    assert "is taken" in capsys.readouterr().err
    assert main(["operator", "add", "two words", "--db", db]) == 2
    assert "without spaces" in capsys.readouterr().err
    assert main(["operator", "grant", "nobody", "lead", "edit", "all", "--db", db]) == 2
    assert "no operator with the login 'nobody'" in capsys.readouterr().err
    ws = open_workspace(db)
    with ws.session() as s:
        from deskdup.services.operators import list_operators

        assert [op.login for op in list_operators(s)] == ["anna"]
    ws.dispose()


def test_a_disabled_operator_cannot_sign_in_and_can_come_back(db, capsys):
    main(["operator", "add", "volkov", "--db", db])
    assert main(["operator", "disable", "volkov", "--db", db]) == 0
    assert main(["merge", "--db", db, "--as", "volkov", "--primary", "1", "--with", "2"]) == 2
    assert "no active operator with the login 'volkov'" in capsys.readouterr().err
    assert main(["operator", "enable", "volkov", "--db", db]) == 0
    assert _info(db, "volkov").login == "volkov"
