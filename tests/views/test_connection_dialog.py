"""The connection dialog: an Open file chooser in the operator's language, a New
workspace choice, and errors that say what to do (issues 12.9 and 11.8)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from deskdup.services.errors import KnownError
from deskdup.services.workspace import open_workspace
from deskdup.views import i18n
from deskdup.views.connection_dialog import ConnectionDialog
from deskdup.views.formatting import error_text as known_error_text
from deskdup.views.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def russian(qapp):
    i18n.install("ru")
    yield
    i18n.install("en")


@pytest.fixture
def chooser(monkeypatch):
    """Records the file dialog the connection dialog opens, and answers ``answer``."""
    seen: dict = {"answer": ""}

    def exec_(self):
        seen["dialog"] = self
        seen["labels"] = {
            label: self.labelText(label)
            for label in (
                QFileDialog.DialogLabel.LookIn,
                QFileDialog.DialogLabel.FileName,
                QFileDialog.DialogLabel.FileType,
                QFileDialog.DialogLabel.Accept,
                QFileDialog.DialogLabel.Reject,
            )
        }
        seen["filters"] = self.nameFilters()
        seen["mode"] = (self.acceptMode(), self.fileMode())
        if seen["answer"]:
            self.selectFile(seen["answer"])
            self.setResult(QDialog.DialogCode.Accepted)
            return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QFileDialog, "exec", exec_)
    return seen


def test_choose_file_is_an_open_dialog_in_russian(qtbot, chooser, russian, tmp_path):
    dialog = ConnectionDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    existing = tmp_path / "team.sqlite"
    existing.write_bytes(b"")
    chooser["answer"] = str(existing)
    dialog.browse_button.click()
    labels = chooser["labels"]
    assert chooser["mode"] == (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.FileMode.ExistingFile)
    assert labels[QFileDialog.DialogLabel.Accept] == "Открыть"
    assert "Сохранить" not in labels.values()
    assert labels[QFileDialog.DialogLabel.LookIn] == "Папка:"
    assert labels[QFileDialog.DialogLabel.FileType] == "Тип файлов:"
    assert labels[QFileDialog.DialogLabel.Reject] == "Отмена"
    assert any("*.sqlite" in f for f in chooser["filters"])
    assert any("*.csv" in f for f in chooser["filters"])  # shown, then pointed to import
    assert dialog.value() == str(existing)


def test_new_workspace_asks_for_a_new_file_and_answers_create(qtbot, chooser, tmp_path):
    dialog = ConnectionDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    chooser["answer"] = str(tmp_path / "new.sqlite")
    dialog.new_button.click()
    assert chooser["mode"][0] == QFileDialog.AcceptMode.AcceptSave
    assert chooser["labels"][QFileDialog.DialogLabel.Accept] == "Create"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == ConnectionDialog.NEW + str(tmp_path / "new.sqlite")


def test_a_csv_given_as_the_workspace_says_how_to_import_it(russian, tmp_path):
    export = tmp_path / "leads.csv"
    export.write_text("id,name\n1,Иван\n", encoding="utf-8")
    with pytest.raises(KnownError) as err:
        open_workspace(str(export), create=False)
    text = known_error_text(err.value)
    assert "выгрузка" in text and "deskdup import" in text and "leads.csv" in text


def test_the_error_is_shown_in_the_dialog(qtbot, tmp_path):
    dialog = ConnectionDialog(Settings(tmp_path / "s.ini"), "File not found: x.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.error_label.isVisible()
    assert "File not found" in dialog.error_label.text()
    assert isinstance(dialog.error_label, QLabel)


def test_new_workspace_creates_the_file_and_says_what_comes_next(
    qtbot, controller, monkeypatch, tmp_path
):
    path = tmp_path / "team.sqlite"
    answers = [ConnectionDialog.NEW + str(path), None]
    errors_seen = []

    def ask(cls, settings, error="", current="", parent=None):
        errors_seen.append(error)
        return answers.pop(0)

    monkeypatch.setattr(ConnectionDialog, "ask", classmethod(ask))
    assert controller.start()
    qtbot.waitUntil(lambda: len(errors_seen) == 2, timeout=20000)
    assert path.exists()
    assert "has no operators yet" in errors_seen[1] and "operator add" in errors_seen[1]
    assert controller.window is None
