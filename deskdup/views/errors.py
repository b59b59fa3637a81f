"""Showing failures: the operator's message for known errors, a crash dialog for bugs.

Both functions are module attributes so tests can replace them
(``monkeypatch.setattr(errors, "show_known_error", ...)``).  Neither blocks:
the dialogs are opened window-modal with ``open()``.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deskdup.services import paths
from deskdup.views.formatting import error_text

log = logging.getLogger(__name__)


def show_known_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the operator what happened, in the words the service chose."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "deskdup"))
    box.setText(error_text(exc))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


class CrashDialog(QDialog):
    """A bug: say so plainly, show the traceback to copy into a report."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("deskdup: unexpected error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something went wrong inside deskdup. Nothing was changed by the failed "
                "step. Please send the text below to your administrator; it is also "
                "in the log folder: {folder}"
            ).format(folder=str(paths.log_dir()))
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 240)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


_parentless: set[QDialog] = set()


def format_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def report_bug(parent: QWidget | None, exc: BaseException) -> None:
    """Log a bug with its traceback and show the crash dialog."""
    log.error("Unexpected error", exc_info=exc)
    dialog = CrashDialog(format_exception(exc), parent)
    if parent is None:
        # Nothing else holds a parentless dialog: without this reference it was
        # destroyed as soon as this function returned (a bug at start-up showed nothing).
        _parentless.add(dialog)
        dialog.finished.connect(lambda _result: _parentless.discard(dialog))
    dialog.open()


def install_excepthook() -> None:
    """Uncaught exceptions in slots reach the crash dialog instead of vanishing."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        from deskdup.services.errors import KnownError

        if isinstance(exc, KnownError):
            show_known_error(QApplication.activeWindow(), exc)
        else:
            report_bug(QApplication.activeWindow(), exc.with_traceback(tb))

    sys.excepthook = hook
