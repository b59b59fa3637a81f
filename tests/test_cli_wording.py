"""The command line speaks of what is there (issue 11.15): no "view" to reload, and the
options a command cannot work without are required by argparse and shown so in --help."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from deskdup.cli import build_parser, main
from deskdup.commands import merge as merge_command
from deskdup.models import Lead
from deskdup.services.workspace import open_workspace
from tests.factories import make_lead, make_operator


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.sqlite")
    ws = open_workspace(path)
    with ws.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        make_lead(s, owner=anna, external_id="L-1", first_name="Иван")
        make_lead(s, owner=anna, external_id="L-2", first_name="Ваня")
    ws.dispose()
    return path


def test_a_lead_changed_while_merging_is_refused_without_a_view(db, capsys, monkeypatch):
    """Another operator saves lead L-2 between the plan and the merge (a real race)."""
    real_build_plan = merge_command.build_plan

    def build_then_someone_edits(session, ids, primary_id):
        plan = real_build_plan(session, ids, primary_id=primary_id)
        other = open_workspace(db)
        with other.session() as s:
            s.execute(update(Lead).where(Lead.external_id == "L-2").values(version=9))
        other.dispose()
        return plan

    monkeypatch.setattr(merge_command, "build_plan", build_then_someone_edits)
    code = main(["merge", "--db", db, "--as", "anna", "--primary", "L-1", "--with", "L-2"])
    err = capsys.readouterr().err
    assert code == 2
    assert "L-2 was changed by someone else" in err and "nothing was merged" in err
    assert "view" not in err and "reloaded" not in err


@pytest.mark.parametrize(
    ("argv", "required"),
    [
        (["merge", "--primary", "1", "--with", "2", "--as", "anna"], "--db"),
        (["dismiss", "1", "2", "--as", "anna"], "--db"),
        (["undo", "--as", "anna"], "--db"),
        (["operator", "list"], "--db"),
        (["operator", "add", "anna"], "--db"),
        (["operator", "grant", "anna", "lead", "edit", "all"], "--db"),
        (["operator", "disable", "anna"], "--db"),
    ],
)
def test_argparse_requires_the_workspace(capsys, argv, required):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "the following arguments are required" in err and required in err


def _subparser(parser, *names):
    for name in names:
        action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
        parser = action.choices[name]
    return parser


@pytest.mark.parametrize(
    "path",
    [
        ("merge",),
        ("dismiss",),
        ("undo",),
        ("operator", "add"),
        ("operator", "list"),
        ("operator", "grant"),
        ("operator", "enable"),
    ],
)
def test_help_shows_db_as_required(path):
    usage = _subparser(build_parser(), *path).format_usage()
    assert " --db URL" in usage and "[--db URL]" not in usage
