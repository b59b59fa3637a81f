"""Only an explicit create makes a workspace (issue 11.8): a typo in --db is "file not found"."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskdup.cli import main
from deskdup.services.errors import KnownError
from deskdup.services.workspace import open_workspace

SAMPLE = Path(__file__).parent / "data" / "leads_sample.csv"


@pytest.mark.parametrize(
    "argv",
    [
        ["scan"],
        ["lookup", "Иван"],
        ["operator", "add", "anna"],
        ["operator", "list"],
        ["operator", "grant", "anna", "lead", "edit", "all"],
        ["merge", "--as", "anna", "--primary", "1", "--with", "2"],
        ["dismiss", "--as", "anna", "1", "2"],
        ["undo", "--as", "anna"],
    ],
)
def test_a_missing_file_is_not_found_and_not_created(tmp_path, capsys, argv):
    typo = tmp_path / "dmeo.sqlite"
    assert main([*argv, "--db", str(typo)]) == 2
    err = capsys.readouterr().err
    assert "not found" in err and str(typo) in err
    assert "deskdup init --db" in err  # and how to make a new one
    assert not typo.exists()
    assert list(tmp_path.iterdir()) == []


def test_init_creates_an_empty_workspace_once(tmp_path, capsys):
    path = tmp_path / "team.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    assert "Created" in capsys.readouterr().out
    assert path.exists()
    assert main(["operator", "add", "anna", "--db", str(path)]) == 0
    # A second init leaves the workspace and its operators alone.
    assert main(["init", "--db", str(path)]) == 0
    assert "already" in capsys.readouterr().out
    assert main(["operator", "list", "--db", str(path)]) == 0
    assert "anna" in capsys.readouterr().out


def test_init_refuses_a_file_that_is_not_a_workspace(tmp_path, capsys):
    text = tmp_path / "notes.sqlite"
    text.write_text("hello", encoding="utf-8")
    assert main(["init", "--db", str(text)]) == 2
    assert "not a deskdup workspace" in capsys.readouterr().err
    assert text.read_text(encoding="utf-8") == "hello"


def test_demo_still_creates_its_file(tmp_path, capsys):
    path = tmp_path / "new-demo.sqlite"
    assert main(["demo", "--db", str(path), "--leads", "30"]) == 0
    assert path.exists()
    capsys.readouterr()


def test_open_workspace_without_create_names_the_missing_file(tmp_path):
    with pytest.raises(KnownError) as err:
        open_workspace(str(tmp_path / "gone.sqlite"), create=False)
    assert "File not found" in str(err.value)
    assert not (tmp_path / "gone.sqlite").exists()


@pytest.mark.parametrize("name", ["leads.csv", "leads.xlsx"])
def test_a_crm_export_given_as_the_workspace_points_to_import(tmp_path, name):
    export = tmp_path / name
    export.write_bytes(SAMPLE.read_bytes() if name.endswith(".csv") else b"PK\x03\x04" + b"0" * 200)
    before = export.read_bytes()
    with pytest.raises(KnownError) as err:
        open_workspace(str(export), create=False)
    text = str(err.value)
    assert "deskdup import" in text and name in text
    assert export.read_bytes() == before
