"""The one table of review shortcuts.

The review's QActions (``views/compare/actions.py``), their buttons and menu
items, the tooltips and the cheat sheet all read this table, so a key shown to
the operator is always the key that works.

Two scopes.  Keys with Ctrl/Alt or a function key of a ``window_wide`` action
work wherever the focus is in the main window; a line edit still gets the keys
it uses itself (Ctrl+Z, Ctrl+Left…), because Qt lets the focused editor claim
them first.  Plain keys (J, 1, ?, Up…) only work while the focus is inside the
comparison view, so they never fight with typing in a search box or with the
queue's own arrow keys.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence

from deskdup.services.messages import QT_TRANSLATE_NOOP

CONTEXT = "ReviewShortcuts"
MAX_LEADS = 6


class ReviewAction(enum.StrEnum):
    NEXT_GROUP = "next_group"
    PREVIOUS_GROUP = "previous_group"
    PRIMARY = "primary"  # keys 1..6: the lead in that column becomes the primary
    FIELD_UP = "field_up"
    FIELD_DOWN = "field_down"
    VALUE_LEFT = "value_left"
    VALUE_RIGHT = "value_right"
    VALUE_OF_LEAD = "value_of_lead"  # Ctrl+1..6: keep that lead's value of the current field
    MERGE = "merge"
    DISMISS = "dismiss"
    SKIP = "skip"
    UNDO = "undo"
    BIND = "bind"  # find a contact for the merged lead
    CHEAT_SHEET = "cheat_sheet"
    CONVERSATION = "conversation"  # the whole conversation of the group's chats, beside it
    FOLD_QUEUE = "fold_queue"  # the queue folds away: the comparison takes the whole width


@dataclass(frozen=True)
class ReviewShortcut:
    action: ReviewAction
    keys: tuple[str, ...]  # QKeySequence portable text; for indexed actions, one per column
    label: str  # English; shown translated in the "ReviewShortcuts" context
    window_wide: bool
    indexed: bool = False  # keys[i] acts on column i
    hidden_keys: tuple[str, ...] = ()  # also work, not worth showing (keypad Enter)
    # A held key repeats: fine for moving, not for acting on groups nobody looked
    # at (holding Ctrl+Return for 2 s merged 12 groups, each opened and merged at once).
    repeats: bool = True

    def label_text(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.label)

    def key_text(self) -> str:
        """The keys as the operator reads them, in the platform's native spelling."""
        names = [native_key(k) for k in self.keys if k not in self.hidden_keys]
        if self.indexed:
            return f"{names[0]} … {names[-1]}"
        return " / ".join(names)


def native_key(portable: str) -> str:
    """A key as the operator reads it on this platform ("Ctrl+2", "⌘2")."""
    return QKeySequence(portable).toString(QKeySequence.SequenceFormat.NativeText)


SHORTCUTS: tuple[ReviewShortcut, ...] = (
    ReviewShortcut(
        ReviewAction.NEXT_GROUP,
        ("Ctrl+Down", "J"),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Next group"),
        window_wide=True,
    ),
    ReviewShortcut(
        ReviewAction.PREVIOUS_GROUP,
        ("Ctrl+Up", "K"),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Previous group"),
        window_wide=True,
    ),
    ReviewShortcut(
        ReviewAction.PRIMARY,
        tuple(str(i) for i in range(1, MAX_LEADS + 1)),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Make the lead in that column the primary"),
        window_wide=False,
        indexed=True,
    ),
    ReviewShortcut(
        ReviewAction.FIELD_UP,
        ("Up",),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Previous field"),
        window_wide=False,
    ),
    ReviewShortcut(
        ReviewAction.FIELD_DOWN,
        ("Down",),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Next field"),
        window_wide=False,
    ),
    ReviewShortcut(
        ReviewAction.VALUE_LEFT,
        ("Left",),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Keep the value on the left"),
        window_wide=False,
    ),
    ReviewShortcut(
        ReviewAction.VALUE_RIGHT,
        ("Right",),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Keep the value on the right"),
        window_wide=False,
    ),
    ReviewShortcut(
        ReviewAction.VALUE_OF_LEAD,
        # Ctrl, not Alt: the main window switches its tabs with Alt+1 / Alt+2, and
        # two shortcuts on one key cancel each other out in Qt.
        tuple(f"Ctrl+{i}" for i in range(1, MAX_LEADS + 1)),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Keep that column's value of the current field"),
        window_wide=False,
        indexed=True,
    ),
    ReviewShortcut(
        ReviewAction.MERGE,
        ("Ctrl+Return", "Ctrl+Enter"),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Merge into the primary"),
        window_wide=True,
        hidden_keys=("Ctrl+Enter",),
        repeats=False,
    ),
    ReviewShortcut(
        ReviewAction.DISMISS,
        ("Ctrl+D",),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Not duplicates"),
        window_wide=True,
        repeats=False,
    ),
    ReviewShortcut(
        ReviewAction.SKIP,
        ("S", "Ctrl+Shift+S"),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Skip this group for now"),
        window_wide=True,
        repeats=False,
    ),
    ReviewShortcut(
        ReviewAction.BIND,
        ("Ctrl+B",),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Bind the merged lead to a contact"),
        window_wide=True,
        repeats=False,
    ),
    ReviewShortcut(
        ReviewAction.UNDO,
        ("Ctrl+Z",),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Undo my last merge or bind"),
        window_wide=True,
        repeats=False,
    ),
    ReviewShortcut(
        ReviewAction.CONVERSATION,
        # Only in the comparison (Ctrl+Shift+C switches the queue to contacts).
        ("C",),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Show or hide the whole conversation of the chats"),
        window_wide=False,
    ),
    ReviewShortcut(
        ReviewAction.FOLD_QUEUE,
        ("F9",),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Fold the queue away, or bring it back"),
        window_wide=True,
    ),
    ReviewShortcut(
        ReviewAction.CHEAT_SHEET,
        ("F1", "?"),
        QT_TRANSLATE_NOOP("ReviewShortcuts", "Show the keyboard shortcuts"),
        window_wide=True,
    ),
)

BY_ACTION: dict[ReviewAction, ReviewShortcut] = {s.action: s for s in SHORTCUTS}


def shortcut(action: ReviewAction) -> ReviewShortcut:
    return BY_ACTION[action]


def with_keys(text: str, action: ReviewAction) -> str:
    """A tooltip: ``text`` followed by the action's keys, e.g. "Merge (Ctrl+Return)"."""
    return f"{text} ({shortcut(action).key_text()})"


_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def is_plain(sequence: QKeySequence) -> bool:
    """A key that types or moves (J, ?, Up): never taken away from other widgets."""
    combo = sequence[0]
    if combo.keyboardModifiers() & _COMMAND_MODIFIERS:
        return False
    return not (Qt.Key.Key_F1 <= combo.key() <= Qt.Key.Key_F35)
