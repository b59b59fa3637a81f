"""The command line as a shell user meets it: a real process and a real pipe."""

from __future__ import annotations

import subprocess
import sys

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
