"""The command line as a shell user meets it: a real process and a real pipe."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from deskdup.cli import main


def test_scan_into_a_closed_pipe_stops_quietly(tmp_path):
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db), "--leads", "1500", "--seed", "3"]) == 0
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "deskdup",
            "scan",
            "--db",
            str(db),
            "--format",
            "jsonl",
            "--threshold",
            "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first = proc.stdout.readline()  # what `| head -1` reads, then it goes away
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert first.startswith(b'{"a": ')
    assert b"Traceback" not in err, err.decode()
    assert proc.returncode == 141


def test_unknown_folder_is_an_operator_message_not_a_traceback(tmp_path, capsys):
    missing = tmp_path / "no-such-folder" / "x.sqlite"
    assert main(["scan", "--db", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err


def test_the_command_table_names_what_each_module_registers():
    """``cli.COMMANDS`` lets a command import only its own module: it must name
    every subcommand each module registers, and no other."""
    from deskdup import cli

    registered = {}
    for module in cli.COMMAND_MODULES:
        parser = cli.build_parser(only=module)
        action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
        for name, sub in action.choices.items():
            if sub.add_help:  # the module's own parser, not a stand-in
                registered[name] = module
    assert registered == cli.COMMANDS


def _cold_lookup(db, text: str, heavy: str) -> subprocess.CompletedProcess:
    """``deskdup lookup --db DB TEXT`` in a new interpreter, which prints
    ``HEAVY [the modules it imported that match ``heavy``, sorted] EXIT_CODE``."""
    probe = textwrap.dedent(
        f"""
        import runpy, sys
        sys.argv = ["deskdup", "lookup", "--db", sys.argv[1], sys.argv[2]]
        try:
            runpy.run_module("deskdup", run_name="__main__")
        except SystemExit as stop:
            code = stop.code
        heavy = sorted(m for m in sys.modules if {heavy})
        print("HEAVY", heavy, code)
        """
    )
    return subprocess.run(
        [sys.executable, "-c", probe, str(db), text], capture_output=True, text=True, timeout=120
    )


def test_lookup_loads_neither_alembic_nor_the_other_commands(tmp_path):
    """A cold ``deskdup lookup`` imports what it needs (its start was most of
    its time): no Qt, no Alembic on a current workspace, no Bitrix24 client,
    importer, demo or numpy (a build's background count); and it still answers."""
    db = tmp_path / "w.sqlite"
    assert main(["demo", "--db", str(db), "--leads", "300", "--seed", "2"]) == 0
    proc = _cold_lookup(
        db,
        "Иванов",
        'm.split(".")[0] in ("PySide6", "alembic", "httpx", "numpy") or m.startswith(('
        '"deskdup.services.importer", "deskdup.services.demo", '
        '"deskdup.services.bitrix24.client", "deskdup.commands.merge"))',
    )
    assert "HEAVY [] 0" in proc.stdout, proc.stdout + proc.stderr
    assert "leads in" in proc.stderr


def test_a_lookup_of_a_current_workspace_loads_no_sqlalchemy(tmp_path):
    """Once the search names are kept and nothing changed, a cold lookup
    answers through ``sqlite3``: SQLAlchemy, the ORM's tables, the scan command
    and the match index (most of its time once) are never imported."""
    db = tmp_path / "w.sqlite"
    assert main(["demo", "--db", str(db), "--leads", "300", "--seed", "2"]) == 0
    heavy = (
        'm.split(".")[0] in ("sqlalchemy", "alembic", "PySide6", "psycopg") or m in ('
        '"deskdup.models.tables", "deskdup.commands.scan", '
        '"deskdup.services.matching.index", "deskdup.services.matching.contacts", '
        '"deskdup.services.workspace")'
    )

    def run(text: str) -> subprocess.CompletedProcess:
        return _cold_lookup(db, text, heavy)

    first = run("Иванов")  # keeps the search names: the workspace is opened
    assert "deskdup.services.workspace" in first.stdout, first.stdout + first.stderr
    for text in ("Иванов", "Иванова Мария", "+7 916 000-00-00", "@ivanov"):
        again = run(text)
        assert "HEAVY [] 0" in again.stdout, again.stdout + again.stderr
        assert "leads in" in again.stderr
