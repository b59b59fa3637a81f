"""The review's actions as ``QAction``s, built from the one shortcuts table.

As Anki's browser does: one ``QAction`` per review action carries its keys
(``views/shortcuts.py``), whether a held key repeats, its icon, its tooltip
with the keys, and whether it can be done now.  The buttons show the action
(``QToolButton.setDefaultAction``) and the main window's Review menu lists the
same object, so the view enables and disables each action in one place and a
disabled action's keys do nothing.

Keys and their scope: a ``window_wide`` action's command keys (Ctrl/Alt, F1…)
are the action's own shortcuts, in the window's scope; its plain keys (J, S, ?)
only act while the focus is inside the comparison view (a ``QShortcut`` there
triggers the action), so they never fight with typing in a search box.  An
action that is not window-wide has all its keys in the view's scope.  Indexed
actions (1..6, Ctrl+1..6) are one action per column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QToolButton, QWidget

from deskdup.views.shortcuts import ReviewAction, is_plain, shortcut, with_keys


class ReviewActions:
    """The QActions of one comparison view (``widget``), by ``ReviewAction``."""

    def __init__(self, widget: QWidget) -> None:
        self._widget = widget
        self._actions: dict[ReviewAction, list[QAction]] = {}
        self._tips: dict[ReviewAction, str] = {}

    def add(
        self,
        which: ReviewAction,
        slot: Callable[[], Any] | Callable[[int], Any],
        *,
        icon: str | None = None,
        button_text: str = "",
        tip: str = "",
        menu_text: str = "",
    ) -> QAction:
        """Create the action(s) of ``which``; ``slot`` gets the column for indexed ones.

        ``menu_text``: the words in a menu (default: the table's label);
        ``button_text``: the words on a button; ``tip``: the tooltip, the keys added.
        """
        entry = shortcut(which)
        widget = self._widget
        if entry.indexed:
            actions = []
            for index, key in enumerate(entry.keys):
                action = self._action(menu_text or entry.label_text(), entry.repeats)
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.triggered.connect(lambda _checked=False, i=index: slot(i))
                actions.append(action)
            self._actions[which] = actions
            return actions[0]
        action = self._action(menu_text or entry.label_text(), entry.repeats)
        if icon:
            action.setIcon(qta.icon(icon))
        if button_text:
            action.setIconText(button_text)
        if tip:
            self._tips[which] = with_keys(tip, which)
            action.setToolTip(self._tips[which])
        action.triggered.connect(lambda _checked=False: slot())
        sequences = [QKeySequence(k) for k in entry.keys]
        own = [s for s in sequences if entry.window_wide and not is_plain(s)]
        local = [s for s in sequences if s not in own]
        if own:
            action.setShortcuts(own)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            for sequence in local:
                key = QShortcut(sequence, widget)
                key.setAutoRepeat(entry.repeats)
                key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                key.activated.connect(action.trigger)
        else:
            action.setShortcuts(local)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._actions[which] = [action]
        return action

    def _action(self, text: str, repeats: bool) -> QAction:
        action = QAction(text, self._widget)
        action.setAutoRepeat(repeats)
        self._widget.addAction(action)
        return action

    def __getitem__(self, which: ReviewAction) -> QAction:
        return self._actions[which][0]

    def tip(self, which: ReviewAction) -> str:
        """The action's own tooltip (with its keys), to put back after a special one."""
        return self._tips.get(which, "")

    def set_enabled(self, which: ReviewAction, enabled: bool) -> None:
        for action in self._actions[which]:
            action.setEnabled(enabled)

    def button(self, which: ReviewAction, *, text: bool = True) -> QToolButton:
        """A push-style button showing the action: its text, icon, tooltip and state."""
        button = QToolButton()
        button.setDefaultAction(self[which])
        button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if text
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button


__all__ = ["ReviewActions"]
