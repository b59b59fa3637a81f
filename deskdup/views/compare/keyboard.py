"""Keeping the keyboard on the review: the keys 1-6, arrows and J/K must reach
the group on screen after it opens and after every question asked."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

T = TypeVar("T")


def is_text_entry(widget: QWidget) -> bool:
    if isinstance(widget, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()


def ask_keeping_keyboard(view: QWidget, question: Callable[[], T]) -> T:
    """Ask through a modal dialog, then give the keyboard back to ``view``.

    Without a window manager (or with one that does not reactivate the
    parent) closing a dialog leaves no active window, and the next key
    press goes nowhere: the keyboard-only flow would stop there.
    """
    focused = QApplication.focusWidget()
    had_focus = focused is None or view.isAncestorOf(focused)
    try:
        return question()
    finally:
        window = view.window()
        if window.isVisible() and not window.isActiveWindow():
            window.activateWindow()
        if had_focus:
            view.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


class FocusTaker(QObject):
    """Gives ``view`` the keyboard when a group opens, unless the operator is typing."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view
        self._on_activation = False  # a group came in while the window was inactive
        view.installEventFilter(self)

    def take_if_free(self) -> None:
        """Let the keys 1-6, arrows, J/K reach the group just opened.

        Unless the operator is typing somewhere (a search box, a filter): then
        the focus stays where it is and Ctrl+… keys still work window-wide.
        """
        view = self._view
        if not view.isVisible() or not view.isActiveWindow():
            # Opened before the window got the keyboard (the first group at start,
            # or while the operator was in another program): take it on activation.
            self._on_activation = True
            return
        self._on_activation = False
        focused = QApplication.focusWidget()
        if focused is not None and (view.isAncestorOf(focused) or is_text_entry(focused)):
            return
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self._on_activation:
            # After the event: the window restores its own focus widget first.
            QTimer.singleShot(0, self.take_if_free)
        return False


__all__ = ["FocusTaker", "ask_keeping_keyboard", "is_text_entry"]
