"""The main window's status bar: the scan's progress with Cancel, today's counters,
the workspace and the operator.

It is also the window's ``ProgressView`` (``start``/``update``/``finish``): a
background operation started ``in_status_bar`` reports here instead of in a
dialog.  The widgets are set on the window too (``window.progress_box``,
``window.counters_label``…), where the window and the tests reach them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QProgressBar, QToolButton, QWidget

from deskdup.views import icons


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
        bar.addWidget(self.progress_box)
        # Permanent, like the connection: a temporary message ("1025 groups among 4998
        # leads" after every merge's refresh) would otherwise hide today's counters.
        self.counters_label = QLabel()
        bar.addPermanentWidget(self.counters_label)

        self.connection_label = QLabel()
        self.operator_label = QLabel()
        self.connection_label.setText(self.tr("Workspace: {url}").format(url=workspace_url))
        self.connection_label.setToolTip(workspace_url)
        self.operator_label.setText(self.tr("Operator: {who}").format(who=operator_text))
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
        self.progress_box.setVisible(True)

    def update(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
        if label:
            self.progress_label.setText(label)

    def finish(self) -> None:
        self.progress_box.setVisible(False)
        self._on_cancel = None
