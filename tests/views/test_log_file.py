"""The crash dialog names the log folder; the traceback is really there (issue 11.14).

The log rotates (it never fills the disk) and holds no secret of a database address.
"""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication

from deskdup.cli import main
from deskdup.services import logs, paths
from deskdup.views import errors

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SECRET = "pw-in-url"


@pytest.fixture
def log_file():
    handler = logs.install()
    yield paths.log_dir() / logs.LOG_NAME
    logs.uninstall(handler)


def test_a_bug_shown_in_the_crash_dialog_is_in_the_log_folder_it_names(qtbot, log_file):
    try:
        raise RuntimeError(f"boom at postgresql://crm:{SECRET}@db/crm?sslpassword={SECRET}")
    except RuntimeError as exc:
        errors.report_bug(None, exc)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, errors.CrashDialog)]
    assert dialogs
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    said = " ".join(label.text() for label in dialogs[-1].findChildren(errors.QLabel))
    assert str(log_file.parent) in said
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: boom at postgresql://crm@db/crm" in text
    assert SECRET not in text


def test_the_command_line_logs_its_refusals_without_secrets(tmp_path, log_file):
    url = f"postgresql://crm:{SECRET}@127.0.0.1:1/crm?password={SECRET}&connect_timeout=2"
    assert main(["scan", "--db", url]) == 2
    logging.getLogger("test").warning("the address was %s", url)
    text = log_file.read_text(encoding="utf-8")
    assert "scan" in text and "127.0.0.1" in text
    assert SECRET not in text


def test_the_log_rotates(monkeypatch, tmp_path):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    handler = logs.install()
    try:
        for n in range(200):
            logging.getLogger("deskdup.test").warning("line %d %s", n, "x" * 50)
    finally:
        logs.uninstall(handler)
    names = sorted(p.name for p in paths.log_dir().iterdir())
    assert logs.LOG_NAME in names and f"{logs.LOG_NAME}.1" in names
    assert len(names) <= logs.BACKUPS + 1
    assert all(p.stat().st_size <= 2200 for p in paths.log_dir().iterdir())


def test_a_command_line_bug_keeps_its_traceback_in_the_log(log_file, monkeypatch, tmp_path):
    from deskdup.commands import scan

    def broken(args):
        raise RuntimeError("a bug in scan")

    monkeypatch.setattr(scan, "run_scan", broken)
    with pytest.raises(RuntimeError):
        main(["scan", "--db", str(tmp_path / "x.sqlite")])
    text = log_file.read_text(encoding="utf-8")
    assert "deskdup scan failed" in text and "RuntimeError: a bug in scan" in text


def test_a_bitrix24_webhook_secret_never_reaches_the_log(tmp_path, log_file):
    webhook = "http://127.0.0.1:1/rest/7/whsecret0token9/"
    code = main(["sync", "--db", str(tmp_path / "portal.sqlite"), "--bitrix24", webhook])
    assert code != 0
    logging.getLogger("test").warning("calling %scrm.lead.list", webhook)
    text = log_file.read_text(encoding="utf-8")
    assert "/rest/7/***" in text
    assert "whsecret0token9" not in text
