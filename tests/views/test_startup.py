"""Starting the window for real (``run_gui`` with its own event loop).

The connection dialog comes back after a failed open; closing it must not end
the program while no main window is open (issue 12.1: a corrected path, or
"Open the demo" after an error, used to quit silently with exit code 0).
"""

from __future__ import annotations

import argparse
import shutil
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from deskdup import app as app_module
from deskdup.views import settings as opts
from deskdup.views.connection_dialog import ConnectionDialog, SignInDialog
from deskdup.views.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

GAVE_UP = 99  # the safety exit code: the test's script did not finish


def _args(**kw) -> argparse.Namespace:
    values = {"demo": False, "db": None, "login": "operator", "lang": "en", **kw}
    return argparse.Namespace(**values)


class Operator:
    """Plays the operator in front of the real connection dialogs, one answer each."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.errors: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SignInDialog) and dialog.isVisible():
            dialog.accept()  # whoever is first: the test is about the window opening
            return
        if not isinstance(dialog, ConnectionDialog) or not dialog.isVisible():
            return
        if getattr(dialog, "_answered", False):
            return
        dialog._answered = True
        self.errors.append(dialog.error_label.text() if dialog.error_label.isVisible() else "")
        if not self.answers:
            dialog.reject()
            return
        answer = self.answers.pop(0)
        if answer == ConnectionDialog.DEMO:
            dialog.demo_button.click()
        else:
            dialog.address.setEditText(answer)
            dialog.buttons.button(dialog.buttons.StandardButton.Open).click()


@pytest.fixture
def run_window(qapp, monkeypatch, demo_template):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr(app_module, "DEMO_LEADS", 120)
    shown = []
    original = app_module.AppController._show

    def show_then_leave(self, ws, operator):
        original(self, ws, operator)
        shown.append(self.window)
        # The window is up: the test is over, with an exit code of its own.
        QTimer.singleShot(0, lambda: qapp.exit(42))

    monkeypatch.setattr(app_module.AppController, "_show", show_then_leave)

    def run(args, answers):
        player = Operator(answers)
        QTimer.singleShot(60000, lambda: qapp.exit(GAVE_UP))
        code = app_module.run_gui(args)
        player.timer.stop()
        for window in shown:
            window.close()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog):
                widget.close()
        return code, player.errors, shown

    return run


def test_a_corrected_path_opens_the_window_instead_of_quitting(run_window, tmp_path, demo_template):
    good = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, good)
    typo = tmp_path / "dmeo.sqlite"
    code, errors, shown = run_window(_args(db=str(typo)), [str(good)])
    assert code == 42, f"exit code {code}; dialogs saw {errors}"
    assert len(shown) == 1
    assert "dmeo.sqlite" in errors[0]
    # Issue 11.8: the typo is "file not found", and no empty workspace is left behind.
    assert "File not found" in errors[0]
    assert not typo.exists()


def test_open_the_demo_after_an_error_opens_the_window(run_window, tmp_path):
    typo = tmp_path / "dmeo.sqlite"
    code, errors, shown = run_window(_args(db=str(typo)), [ConnectionDialog.DEMO])
    assert code == 42, f"exit code {code}; dialogs saw {errors}"
    assert len(shown) == 1


def test_a_remembered_workspace_that_is_gone_asks_and_then_opens(
    run_window, tmp_path, demo_template
):
    settings = Settings()
    settings.set(opts.LAST_CONNECTION, str(tmp_path / "gone.sqlite"))
    settings.sync()
    good = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, good)
    code, errors, _shown = run_window(_args(), [str(good)])
    assert code == 42, f"exit code {code}; dialogs saw {errors}"
    assert "gone.sqlite" in errors[0] and "File not found" in errors[0]
    assert not (tmp_path / "gone.sqlite").exists()


def test_cancelling_the_dialog_with_no_window_ends_with_exit_code_1(run_window, tmp_path):
    code, _errors, shown = run_window(_args(db=str(tmp_path / "dmeo.sqlite")), [])
    assert code == 1
    assert shown == []
