"""The main window's status bar: the scan's progress with Cancel, today's counters,
the workspace and the operator.

It is also the window's ``ProgressView`` (``start``/``update``/``finish``): a
background operation started ``in_status_bar`` reports here instead of in a
dialog, once it has run for ``SHOW_AFTER_MS`` (the queue's update after a
merge takes a fraction of a second: a flash after every merge is noise).

Nothing is drawn over anything else at 1366 px: the workspace's address and
the operator's name give up room first (elided, the whole text in the
tooltip), today's counters and the progress never do.  The widgets are set on
the window too (``window.progress_box``, ``window.counters_label``…), where the
window and the tests reach them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QProgressBar, QToolButton, QWidget

from deskdup.views import icons

SHOW_AFTER_MS = 400


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" when the bar is narrow;
    the whole text stays its ``text()`` and is its tooltip."""

    def __init__(self, mode: Qt.TextElideMode, least: int = 80) -> None:
        super().__init__()
        self._mode = mode
        self._least = least

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._least), hint.height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), self._mode, rect.width())
        QPainter(self).drawText(rect, int(self.alignment()), text)


class WindowStatus(QObject):
    def __init__(self, window: QMainWindow, workspace_url: str, operator_text: str) -> None:
        super().__init__(window)
        bar = window.statusBar()
        self.progress_box = QWidget()
        row = QHBoxLayout(self.progress_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setMinimumWidth(80)
        self.progress_bar.setTextVisible(True)
        self.progress_cancel = QToolButton()
        self.progress_cancel.setIcon(icons.action_icon("cancel"))
        self.progress_cancel.setText(self.tr("Cancel"))
        self.progress_cancel.setToolTip(self.tr("Stop the scan"))
        self.progress_cancel.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._on_cancel: Callable[[], None] | None = None
        self.progress_cancel.clicked.connect(self._cancel_clicked)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress_bar)
        row.addWidget(self.progress_cancel)
        self.progress_box.setVisible(False)
        self._show_later = QTimer(self)
        self._show_later.setSingleShot(True)
        self._show_later.setInterval(SHOW_AFTER_MS)
        self._show_later.timeout.connect(lambda: self.progress_box.setVisible(True))
        bar.addWidget(self.progress_box)
        # Permanent, like the connection: a temporary message ("1025 groups among 4998
        # leads" after every merge's refresh) would otherwise hide today's counters.
        self.counters_label = QLabel()
        bar.addPermanentWidget(self.counters_label)

        self.connection_label = ElidedLabel(Qt.TextElideMode.ElideMiddle)
        self.operator_label = ElidedLabel(Qt.TextElideMode.ElideRight, least=120)
        self.connection_label.setText(self.tr("Workspace: {url}").format(url=workspace_url))
        self.operator_label.setText(self.tr("Operator: {who}").format(who=operator_text))
        # The address gives up its room first, then the operator's name; both are
        # capped so a passing message (a refused Ctrl+Return) has room on the left.
        self.connection_label.setMaximumWidth(320)
        self.operator_label.setMaximumWidth(300)
        bar.addPermanentWidget(self.connection_label)
        bar.addPermanentWidget(self.operator_label)
        for name in (
            "progress_box",
            "progress_label",
            "progress_bar",
            "progress_cancel",
            "counters_label",
            "connection_label",
            "operator_label",
        ):
            setattr(window, name, getattr(self, name))

    def _cancel_clicked(self) -> None:
        self.progress_cancel.setEnabled(False)
        if self._on_cancel is not None:
            self._on_cancel()

    # ------------------------------------------------------------ ProgressView

    def start(self, label: str, cancellable: bool, on_cancel: Callable[[], None]) -> None:
        self.progress_label.setText(label)
        self.progress_bar.setRange(0, 0)
        self.progress_cancel.setVisible(cancellable)
        self.progress_cancel.setEnabled(True)
        self._on_cancel = on_cancel
        if not self.progress_box.isVisible():
            self._show_later.start()

    def update(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
        if label:
            self.progress_label.setText(label)

    def finish(self) -> None:
        self._show_later.stop()
        self.progress_box.setVisible(False)
        self._on_cancel = None
