"""What the comparison is made of: the heading above, the grid's scroll area
with its sideways bar of lead columns, the conversation panel beside it, and
the button row below; the review actions with their keys and slots.

``CompareLayout`` is a mixin of ``CompareView`` (``view.py``): ``_build``
makes the widgets once, when the view is made, and names them on the view
(``heading``, ``scroll``, ``lead_bar``, ``conversation``, ``body``, ``bar``
and each button); ``_build_actions`` ties each ``ReviewAction`` to the
view's method that does it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from deskdup.views.compare.actions import ButtonRow, ReviewActions
from deskdup.views.compare.columns import LeadColumns
from deskdup.views.compare.conversation import ConversationPanel
from deskdup.views.compare.heading import GroupHeading
from deskdup.views.shortcuts import ReviewAction


class CompareLayout:
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.heading = GroupHeading()
        layout.addWidget(self.heading)
        heading = self.heading
        self.title, self.reasons_label = heading.title, heading.reasons_label
        self.banner, self.rights_label = heading.banner, heading.rights_label

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A screen reader names the grid, and its description follows the keyboard:
        # the current field's chosen value ("lead 2, Last name, Петров, chosen").
        self.scroll.setAccessibleName(self.tr("The group's leads side by side"))
        self.scroll.horizontalScrollBar().setAccessibleName(self.tr("Scroll the leads sideways"))
        self.scroll.verticalScrollBar().setAccessibleName(self.tr("Scroll the fields"))
        self.setFocusProxy(self.scroll)
        # Sideways the grid shows whole lead columns (``lead_bar`` moves them), so the
        # field names and the merged lead never scroll away with the leads.
        self.columns = LeadColumns(self.scroll, lambda: self.grid)
        self.lead_bar = self.columns.bar
        self.lead_bar.setAccessibleName(self.tr("Scroll the leads sideways"))
        leads = QWidget()
        column = QVBoxLayout(leads)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.scroll, 1)
        column.addWidget(self.lead_bar)
        # The conversation of the chats opens beside the grid (C), on demand.
        self.conversation = ConversationPanel()
        self.conversation.closed.connect(self.close_conversation)
        self.conversation.hide()
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.addWidget(leads)
        self.body.addWidget(self.conversation)
        self.body.setStretchFactor(0, 1)
        self.body.setChildrenCollapsible(False)
        layout.addWidget(self.body, 1)

        self.actions = self._build_actions()
        A = ReviewAction
        self.bar = ButtonRow(
            self.actions,
            left=(
                A.FOLD_QUEUE,
                A.PREVIOUS_GROUP,
                A.NEXT_GROUP,
                A.UNDO,
                A.CHEAT_SHEET,
                A.CONVERSATION,
            ),
            right=(A.SKIP, A.DISMISS, A.BIND, A.MERGE),
            # Binding also has Ctrl+B and the Contact row's "bind to another contact…".
            worded=(A.PREVIOUS_GROUP, A.NEXT_GROUP, A.UNDO, A.BIND),
        )
        buttons = self.bar.buttons
        self.previous_button, self.next_button = buttons[A.PREVIOUS_GROUP], buttons[A.NEXT_GROUP]
        self.undo_button, self.help_button = buttons[A.UNDO], buttons[A.CHEAT_SHEET]
        self.conversation_button, self.fold_button = buttons[A.CONVERSATION], buttons[A.FOLD_QUEUE]
        self.skip_button, self.dismiss_button = buttons[A.SKIP], buttons[A.DISMISS]
        self.bind_button, self.merge_button = buttons[A.BIND], buttons[A.MERGE]
        layout.addLayout(self.bar)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        margins = self.layout().contentsMargins()
        self.bar.fit(self.width() - margins.left() - margins.right())

    def _build_actions(self) -> ReviewActions:
        """Every review action with its keys; ``_update_actions`` says which can be done."""
        actions = ReviewActions(self)
        for which, slot in (
            (ReviewAction.PREVIOUS_GROUP, self.previous_requested.emit),
            (ReviewAction.NEXT_GROUP, self.next_requested.emit),
            (ReviewAction.UNDO, self.undo_last),
            (ReviewAction.CHEAT_SHEET, self.show_cheat_sheet),
            (ReviewAction.SKIP, self.skip),
            (ReviewAction.DISMISS, self.dismiss),
            (ReviewAction.MERGE, self.merge),
            (ReviewAction.BIND, self.bind_contact),
            (ReviewAction.PRIMARY, self.choose_primary_column),
            (ReviewAction.FIELD_UP, lambda: self.move_row(-1)),
            (ReviewAction.FIELD_DOWN, lambda: self.move_row(1)),
            (ReviewAction.VALUE_LEFT, lambda: self.move_choice(-1)),
            (ReviewAction.VALUE_RIGHT, lambda: self.move_choice(1)),
            (ReviewAction.VALUE_OF_LEAD, self.choose_column_value),
            # The window folds its queue on the action's ``toggled`` (main_window.py).
            (ReviewAction.FOLD_QUEUE, lambda: None),
            (ReviewAction.CONVERSATION, lambda: None),
        ):
            actions.add(which, slot)
        actions[ReviewAction.FOLD_QUEUE].setCheckable(True)
        self.conversation_action = actions[ReviewAction.CONVERSATION]
        self.conversation_action.setCheckable(True)
        self.conversation_action.toggled.connect(self._conversation_toggled)
        return actions


__all__ = ["CompareLayout"]
