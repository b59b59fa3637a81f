"""File → Import…: the preview, the import with its progress, the rejected rows, the rescan."""

from __future__ import annotations

import csv
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from deskdup.models import Contact, Lead
from deskdup.services.importer import import_file
from deskdup.services.operators import add_operator, workspace_operator
from deskdup.services.workspace import open_workspace
from deskdup.views import import_dialog
from deskdup.views.context import AppContext
from deskdup.views.import_dialog import ImportDialog
from deskdup.views.settings import Settings

DATA = Path(__file__).parent.parent / "data" / "bitrix24"
LEADS = DATA / "LEAD_20261125_b7c0f1.csv"
CONTACTS = DATA / "CONTACT_20261125_4e21a9.csv"


@pytest.fixture
def team_context(tmp_path, ops_runner):
    """A fresh team workspace with two of the three operators the export names."""
    ws = open_workspace(str(tmp_path / "team.sqlite"))
    with ws.session() as s:
        add_operator(s, "anna", "Смирнова Анна", role="supervisor")
        add_operator(s, "oleg", "Кузнецов Олег Петрович")
    context = AppContext(
        workspace=ws,
        operator=workspace_operator(ws, "anna"),
        settings=Settings(tmp_path / "settings.ini"),
        ops=ops_runner,
    )
    yield context
    ops_runner.cancel_all()
    ops_runner.wait()
    ws.dispose()


def _lead_count(context: AppContext) -> int:
    with context.workspace.session() as s:
        return s.scalar(select(func.count(Lead.id)))


def _open(qtbot, context: AppContext, path: Path) -> ImportDialog:
    dialog = ImportDialog(context, str(path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    return dialog


def test_the_preview_shows_the_first_rows_and_how_each_column_is_read(
    qtbot, qtmodeltester, team_context
):
    dialog = _open(qtbot, team_context, LEADS)
    model = dialog.preview_model
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    titles = {model.headerData(c, Qt.Orientation.Horizontal): c for c in range(model.columnCount())}
    assert "Контакт Telegram\n→ messenger: Telegram" in titles
    assert "Контакт Открытая линия\n→ messenger: Open line" in titles
    assert "Ответственный\n→ responsible operator" in titles
    assert "Дата создания\n→ created (day first)" in titles
    assert "Кем создан\n→ not read" in titles
    telegram = titles["Контакт Telegram\n→ messenger: Telegram"]
    assert model.index(0, telegram).data() == "@ivan_petrov93"
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"  # the file's line
    assert dialog.entity.currentData() == "lead"
    assert "Bitrix24 export" in dialog.file_label.text()

    contacts = _open(qtbot, team_context, CONTACTS)
    assert contacts.entity.currentData() == "contact"


def test_import_lists_the_missing_operator_once_shows_and_saves_the_rejected_rows(
    qtbot, qtmodeltester, team_context, tmp_path, monkeypatch
):
    dialog = _open(qtbot, team_context, LEADS)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.busy)

    report = dialog.report
    assert not report.written and dialog.written is None
    assert _lead_count(team_context) == 0
    summary = dialog.summary.text()
    assert summary.startswith("Nothing imported: 2 of 7 rows are bad.")
    # Мария Иванова is responsible for two rows: named once, with the command.
    assert summary.count("Мария Иванова") == 2  # her name, and in the command's --name
    db = team_context.workspace.display_url
    assert f"Мария Иванова (2 rows): deskdup operator add LOGIN --db {db} --name" in summary
    assert dialog.rejected_view.isVisibleTo(dialog)
    qtmodeltester.check(dialog.rejected_model)
    rows = [
        (dialog.rejected_model.index(r, 0).data(), dialog.rejected_model.index(r, 1).data())
        for r in range(dialog.rejected_model.rowCount())
    ]
    assert [line for line, _reason in rows] == ["5", "6"]
    assert all("Мария Иванова" in reason for _line, reason in rows)

    target = tmp_path / "rejected.csv"
    monkeypatch.setattr(import_dialog, "choose_rejects_file", lambda parent, suggested: str(target))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.saved_to is not None)
    with target.open(encoding="utf-8-sig", newline="") as f:
        saved = list(csv.DictReader(f))
    assert [(r["ID"], r["line"]) for r in saved] == [("1004", "5"), ("1005", "6")]
    assert "Мария Иванова" in saved[0]["reason"]

    # The good rows alone: the others wait for their operator.
    dialog.skip_bad.setChecked(True)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None and not dialog.busy)
    assert (dialog.written.imported, dialog.written.rejected) == (5, 2)
    assert _lead_count(team_context) == 5


def test_the_contacts_export_then_the_leads(qtbot, team_context):
    with team_context.workspace.session() as s:
        add_operator(s, "maria", "Иванова Мария")
    contacts = _open(qtbot, team_context, CONTACTS)
    contacts.import_button.click()
    qtbot.waitUntil(lambda: contacts.written is not None)
    assert (contacts.written.entity, contacts.written.imported) == ("contact", 2)
    leads = _open(qtbot, team_context, LEADS)
    leads.import_button.click()
    qtbot.waitUntil(lambda: leads.written is not None)
    assert (leads.written.imported, leads.written.rejected) == (7, 0)
    assert not leads.rejected_view.isVisibleTo(leads)
    assert "Парсинг конкурентов (1)" in leads.summary.text()


def test_file_import_rescans_the_queue(qtbot, window, tmp_path, monkeypatch):
    """The menu action: choose a file, import it, and the queue is scanned again."""
    window.start()
    qtbot.waitUntil(lambda: not window.scanning and window.context.scan_result is not None)
    before = window.context.scan_result.lead_count

    path = tmp_path / "LEAD_new.csv"
    shutil.copy(LEADS, path)
    with window.context.workspace.session() as s:
        add_operator(s, "anna_b24", "Смирнова Анна")
        add_operator(s, "oleg_b24", "Кузнецов Олег Петрович")
        # Мария Иванова is a demo operator already.
    ws = window.context.workspace
    import_file(ws, CONTACTS)
    monkeypatch.setattr(import_dialog, "choose_export_file", lambda parent: str(path))
    # The dialog's own flow is tested above; here the operator imports at once.
    monkeypatch.setattr(
        import_dialog.ImportDialog, "ask", classmethod(lambda cls, p, ctx, f: import_file(ws, f))
    )
    assert window.import_action.text() == "&Import…"
    window.import_action.trigger()
    qtbot.waitUntil(
        lambda: not window.scanning and window.context.scan_result.lead_count == before + 7,
        timeout=20000,
    )


def test_cancel_writes_nothing(qtbot, team_context):
    with team_context.workspace.session() as s:
        add_operator(s, "maria", "Иванова Мария")
    dialog = _open(qtbot, team_context, CONTACTS)
    # Hold the database worker so that Cancel is pressed while the import waits for it.
    gate = threading.Event()
    team_context.query(None, lambda: gate.wait(30), lambda _r: None).run_in_background()
    dialog.import_button.click()
    assert dialog.busy
    dialog.cancel_import()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.report is None and dialog.written is None
    with team_context.workspace.session() as s:
        assert s.scalar(select(func.count(Contact.id))) == 0
    # Cancelled, the dialog can import again.
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None)
    assert dialog.written.imported == 2
