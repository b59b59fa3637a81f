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

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from deskdup.services.messages import QT_TRANSLATE_NOOP
from deskdup.views.shortcuts import ReviewAction, is_plain, shortcut, with_keys

CONTEXT = "ReviewActions"


@dataclass(frozen=True)
class Look:
    """How an action with a button shows: icon, button words, tooltip, menu words."""

    icon: str
    button: str = ""  # English, translated in CONTEXT; "" for an icon-only button
    tip: str = ""
    menu: str = ""  # "" for the shortcuts table's label


LOOKS: dict[ReviewAction, Look] = {
    ReviewAction.PREVIOUS_GROUP: Look(
        "fa5s.chevron-up",
        QT_TRANSLATE_NOOP("ReviewActions", "Previous"),
        QT_TRANSLATE_NOOP("ReviewActions", "Previous group"),
        QT_TRANSLATE_NOOP("ReviewActions", "&Previous group"),
    ),
    ReviewAction.NEXT_GROUP: Look(
        "fa5s.chevron-down",
        QT_TRANSLATE_NOOP("ReviewActions", "Next"),
        QT_TRANSLATE_NOOP("ReviewActions", "Next group"),
        QT_TRANSLATE_NOOP("ReviewActions", "&Next group"),
    ),
    ReviewAction.UNDO: Look(
        "fa5s.undo",
        QT_TRANSLATE_NOOP("ReviewActions", "Undo last"),
        QT_TRANSLATE_NOOP("ReviewActions", "Undo my last merge or bind"),
    ),
    ReviewAction.CHEAT_SHEET: Look(
        "fa5s.keyboard",
        "",
        QT_TRANSLATE_NOOP("ReviewActions", "Keyboard shortcuts"),
        QT_TRANSLATE_NOOP("ReviewActions", "&Keyboard shortcuts"),
    ),
    ReviewAction.CONVERSATION: Look(
        "fa5s.comments",
        "",
        QT_TRANSLATE_NOOP("ReviewActions", "The whole conversation of the chats"),
        QT_TRANSLATE_NOOP("ReviewActions", "&Conversation of the chats"),
    ),
    ReviewAction.FOLD_QUEUE: Look(
        "fa5s.columns",
        "",
        QT_TRANSLATE_NOOP("ReviewActions", "Fold the queue away to see more leads side by side"),
        QT_TRANSLATE_NOOP("ReviewActions", "&Fold the queue away"),
    ),
    ReviewAction.SKIP: Look(
        "fa5s.forward",
        QT_TRANSLATE_NOOP("ReviewActions", "Skip"),
        QT_TRANSLATE_NOOP("ReviewActions", "Skip this group for now"),
    ),
    ReviewAction.DISMISS: Look(
        "fa5s.not-equal",
        QT_TRANSLATE_NOOP("ReviewActions", "Not duplicates"),
        QT_TRANSLATE_NOOP(
            "ReviewActions", "These leads are different people; do not show them again"
        ),
    ),
    ReviewAction.BIND: Look(
        "fa5s.address-book",
        QT_TRANSLATE_NOOP("ReviewActions", "Contact…"),
        QT_TRANSLATE_NOOP(
            "ReviewActions", "Find the customer's contact; the merge binds the merged lead to it"
        ),
        QT_TRANSLATE_NOOP("ReviewActions", "&Bind to a contact…"),
    ),
    ReviewAction.MERGE: Look(
        "fa5s.compress-arrows-alt",
        QT_TRANSLATE_NOOP("ReviewActions", "Merge"),
        QT_TRANSLATE_NOOP("ReviewActions", "Merge every other lead into the primary"),
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else ""


class ReviewActions:
    """The QActions of one comparison view (``widget``), by ``ReviewAction``."""

    def __init__(self, widget: QWidget) -> None:
        self._widget = widget
        self._actions: dict[ReviewAction, list[QAction]] = {}
        self._tips: dict[ReviewAction, str] = {}

    def add(self, which: ReviewAction, slot: Callable[[], Any] | Callable[[int], Any]) -> QAction:
        """Create the action(s) of ``which``; ``slot`` gets the column for indexed ones.

        Its words and icon are its ``LOOKS`` entry (none for the keys-only actions).
        """
        look = LOOKS.get(which)
        icon = look.icon if look else None
        button_text, tip, menu_text = (
            (_tr(look.button), _tr(look.tip), _tr(look.menu)) if look else ("", "", "")
        )
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


class ButtonRow(QHBoxLayout):
    """The buttons under the grid: moving on the left, the decisions on the right.

    ``worded`` buttons show their words when the whole row fits and only their
    icons otherwise (``fit``): moving between groups also has keys and menu
    items, and a decision's words must never be cut at the window's edge.
    """

    def __init__(
        self,
        actions: ReviewActions,
        left: Sequence[ReviewAction],
        right: Sequence[ReviewAction],
        worded: Sequence[ReviewAction],
    ) -> None:
        super().__init__()
        self.buttons: dict[ReviewAction, QToolButton] = {}
        for which in left:
            self.addWidget(self._button(actions, which, which in worded))
        self.addStretch(1)
        for which in right:
            self.addWidget(self._button(actions, which, True))
        self._worded = [self.buttons[w] for w in worded]
        for button in self._worded:
            # As narrow as its icon, so its words never widen the window: ``fit``
            # takes the words away before the layout would have to cut them.
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setMinimumWidth(button.sizeHint().width())
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def _button(self, actions: ReviewActions, which: ReviewAction, text: bool) -> QToolButton:
        self.buttons[which] = actions.button(which, text=text)
        return self.buttons[which]

    def fit(self, width: int) -> None:
        """Words on the ``worded`` buttons if the row fits in ``width``, icons otherwise."""
        for button in self._worded:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        if self.sizeHint().width() <= width:
            return
        for button in self._worded:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)


__all__ = ["ButtonRow", "ReviewActions"]
