"""Ctrl+Return pressed while there is nothing to merge yet: said, never swallowed.

Between a merge and the next group on screen (the merge being written, the
next group being read) the Merge action is disabled, and a disabled action's
keys used to do nothing at all: of five fast presses one merged nothing and
the operator could not tell.  Such a press is *not* kept for later: it would
merge a group the operator has not seen yet, the very thing the review exists
to prevent (and a held key would merge group after group unseen).  Instead it
is refused aloud: a beep and a line in the status bar saying why and what to
do (``refused`` carries the same words, for tests and whoever listens).

A window shortcut on the Merge keys does it, enabled exactly while the Merge
action is disabled, so the two never compete for a key press.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow

from deskdup.views.shortcuts import ReviewAction, shortcut

# How long the status bar keeps the words (ms).
NOTICE_MS = 6000


class MergeKeyGuard(QObject):
    refused = Signal(str)  # the words shown

    def __init__(self, window: QMainWindow, merge: QAction, why: Callable[[], str | None]) -> None:
        """``why``: the reason Merge cannot be done now, in words (None: say nothing)."""
        super().__init__(window)
        self._window = window
        self._merge = merge
        self._why = why
        self.count = 0  # presses refused so far
        self._keys: list[QShortcut] = []
        for key in shortcut(ReviewAction.MERGE).keys:
            sequence = QShortcut(QKeySequence(key), window)
            sequence.setContext(Qt.ShortcutContext.WindowShortcut)
            sequence.setAutoRepeat(False)  # a held key is one press, said once
            sequence.activated.connect(self._pressed)
            self._keys.append(sequence)
        merge.changed.connect(self._follow)
        self._follow()

    @property
    def shortcuts(self) -> tuple[QShortcut, ...]:
        return tuple(self._keys)

    def _follow(self) -> None:
        on = not self._merge.isEnabled()
        for key in self._keys:
            key.setEnabled(on)

    def _pressed(self) -> None:
        text = self._why()
        if not text:
            return
        self.count += 1
        QApplication.beep()
        self._window.statusBar().showMessage(text, NOTICE_MS)
        self.refused.emit(text)
