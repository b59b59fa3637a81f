"""The side-by-side comparison of a candidate group: state, loading, actions and keys.

The grid (``grid.py``) renders the group's ``MergePlan`` and says what the
operator clicked; this view keeps the state (which group, which field the
keyboard is on, whether something is loading or being written), opens a group
through ``services/review.load_group`` and forwards clicks and keys to
``plan.choose`` / ``plan.set_primary``.

Every database call (open the group, merge, dismiss, undo) runs through the
background-operation helper; the rights check of a changed primary needs no
database (the plan and the signed-in operator's scopes are plain data).

About 900 lines, over the house's 600: the group's state, its loading and the
five decisions stay together because what each decision does when its answer
comes back depends on which group is on screen by then.  What does not depend
on it lives beside: the lead columns that fit (``columns.py``), the button row
(``actions.ButtonRow``), the conversation panel (``conversation.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QInputDialog,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from deskdup.services import merge as merge_service
from deskdup.services.contact_picker import ContactCard
from deskdup.services.errors import KnownError, StaleError
from deskdup.services.merge_plan import CONTACT, LEAD, MergePlan
from deskdup.services.policy import MergePolicy
from deskdup.services.review import (
    HiddenGroup,
    LoadedGroup,
    ReviewChange,
    dismiss_group,
    exclude_lead,
    load_group,
    merge_group,
    undo_merge,
)
from deskdup.services.rights import Refusal, check_merge, grouped_refusals
from deskdup.views.bind_dialog import BindDialog, BindTarget, group_heading
from deskdup.views.cheatsheet import CheatSheetDialog
from deskdup.views.compare.actions import ButtonRow, ReviewActions
from deskdup.views.compare.columns import LeadColumns
from deskdup.views.compare.conversation import PANEL_WIDTH, ConversationPanel
from deskdup.views.compare.counters import WorkCounters
from deskdup.views.compare.grid import CompareGrid
from deskdup.views.compare.heading import GroupHeading
from deskdup.views.compare.keyboard import FocusTaker, ask_keeping_keyboard
from deskdup.views.dismiss_dialog import DismissDialog
from deskdup.views.formatting import error_text, translate_message, undo_question
from deskdup.views.i18n import current_language, note_translators
from deskdup.views.lifetime import delete_later
from deskdup.views.operations import QueryOp
from deskdup.views.shortcuts import MAX_LEADS, ReviewAction

log = logging.getLogger(__name__)

T = TypeVar("T")

if TYPE_CHECKING:
    from deskdup.services.candidates import Reason
    from deskdup.views.context import AppContext


def confirm(parent: QWidget, title: str, text: str, ok_text: str, info: str = "") -> bool:
    """Ask yes/no through the window's one interaction helper (tests replace this)."""
    try:
        from deskdup.views.interaction import Interaction
    except ImportError:  # a window without the helper: a plain question box
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        if info:
            box.setInformativeText(info)
        ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok
    return Interaction.confirm(parent, title, text, info=info, ok_text=ok_text)


@dataclass(frozen=True)
class ReviewState:
    """The operator's work on the open group, carried into a rebuilt window
    (another language, another operator): the group, the primary and her picks."""

    lead_ids: tuple[int, ...]
    reasons: tuple[Reason, ...]
    primary_id: int
    choices: dict[str, int]  # field -> lead id, only what the operator chose herself
    current_row: int
    entity: str = LEAD  # a group of leads or of contacts


class CompareView(QWidget):
    # This view's own decisions, once written.  The window does not listen to
    # these: it follows ``context.ops.executed`` (a ReviewChange), like every
    # view showing leads; these are for whoever watches this view alone (tests).
    merged = Signal(object)  # MergeResult
    dismissed = Signal(object)  # the group's lead ids (tuple[int, ...])
    undone = Signal(object)  # UndoResult
    skipped = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    # Today's work of this operator:
    # {"merges": int, "dismissals": int (pairs), "undos": int, "skips": int}
    counters_changed = Signal(dict)
    # The group on screen is ready (plan built, rights checked): tests and the window wait on it.
    group_loaded = Signal()
    # The group could not be opened because its leads changed elsewhere (one was
    # merged, archived or deleted by someone else): the queue is out of date.
    group_unavailable = Signal(object)  # the group's lead ids (tuple[int, ...])

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._lead_ids: tuple[int, ...] = ()
        self._entity = LEAD  # the ids are leads, or contacts (the queue's Contacts switch)
        self._reasons: tuple[Reason, ...] = ()
        self._loaded: LoadedGroup | None = None
        self._refusals: list[Refusal] = []
        self._carried = ""  # the banner of a group that vanished, for the next one
        # Building the plan of the group to show: only the latest one is wanted.
        self._load_op: QueryOp[LoadedGroup] | None = None
        # A merge, dismissal or undo being written, and the group it was decided on.
        self._write_op: QueryOp[Any] | None = None
        self._write_for: LoadedGroup | None = None
        self._current_row = 0
        self._restoring: dict[str, int] = {}  # picks to apply when the group arrives
        self._nav_fields: list[str] = []
        self.grid: CompareGrid | None = None  # the open group's grid
        self.bind_dialog: BindDialog | None = None  # while open
        self._counters = WorkCounters(context, self)
        self._counters.changed.connect(self.counters_changed)

        self._build()
        self._focus = FocusTaker(self)
        self.clear()
        self.refresh_counters()

    # ------------------------------------------------------------------ layout

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

    def ensure_lead_visible(self, index: int) -> None:
        """Scroll the lead columns so that the lead in position ``index`` shows."""
        self.columns.ensure_visible(index)

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

    # ------------------------------------------------------------------ public API

    @property
    def plan(self) -> MergePlan | None:
        return self._loaded.plan if self._loaded else None

    @property
    def lead_ids(self) -> tuple[int, ...]:
        return self._lead_ids

    @property
    def refusals(self) -> list[Refusal]:
        return list(self._refusals)

    @property
    def current_field(self) -> str | None:
        if not self._nav_fields:
            return None
        return self._nav_fields[self._current_row]

    @property
    def entity(self) -> str:
        """LEAD or CONTACT: what the open group's ids are."""
        return self._entity

    def show_group(
        self, lead_ids: Sequence[int], reasons: Sequence[Reason] = (), entity: str = LEAD
    ) -> None:
        """Load and show a group (2 to 6 leads, or contacts with ``entity`` CONTACT);
        the old one stays greyed until it arrives."""
        lead_ids = tuple(dict.fromkeys(lead_ids))
        self._entity = entity
        self._lead_ids = lead_ids[:MAX_LEADS]
        self._reasons = tuple(reasons)
        self._current_row = 0
        self._restoring = {}
        # Why the group before could not be merged stays readable above this one
        # (the window opens the next group by itself after it vanished).
        carried, self._carried = self._carried, ""
        self._show_banner(
            self.tr("Previous group: {reason}").format(reason=carried) if carried else ""
        )
        self._load()
        if len(lead_ids) > MAX_LEADS:
            self._show_banner(
                self.tr(
                    "Only the first {shown} of the {total} selected leads are compared; "
                    "merge them, then compare the rest."
                ).format(shown=MAX_LEADS, total=len(lead_ids))
            )

    def review_state(self) -> ReviewState | None:
        plan = self.plan
        if plan is None:
            return None
        return ReviewState(
            lead_ids=self._lead_ids,
            reasons=self._reasons,
            primary_id=plan.primary_id,
            choices={f.name: f.chosen for f in plan.fields if f.explicit},
            current_row=self._current_row,
            entity=self._entity,
        )

    def restore_review(self, state: ReviewState) -> None:
        """Open the group again as the operator left it (read afresh from the database)."""
        self._lead_ids = tuple(state.lead_ids)
        self._entity = state.entity
        self._reasons = tuple(state.reasons)
        self._current_row = state.current_row
        self._restoring = dict(state.choices)
        self._show_banner("")
        self._load(state.primary_id)

    def reload(self, stale: str = "") -> None:
        """Build the plan again from the database, keeping the chosen primary.

        ``stale``: why (a refused merge's words), kept on screen if the group is gone.
        """
        primary = self.plan.primary_id if self.plan else None
        self._load(primary, stale)

    def clear(self) -> None:
        self._drop_load()
        self._lead_ids = ()
        self._reasons = ()
        self._loaded = None
        self._refusals = []
        self._carried = ""
        self.title.setText(self.tr("No group selected"))
        self.reasons_label.setText(
            self.tr("Choose a group in the queue to compare its leads side by side.")
        )
        self.reasons_label.show()
        self._show_banner("")
        self._replace_grid(None)
        self.close_conversation()
        self._update_actions()

    @property
    def _busy(self) -> bool:
        return self._load_op is not None or self._write_op is not None

    def is_busy(self) -> bool:
        return self._busy

    def is_writing(self) -> bool:
        """A merge, dismissal or undo of this view is being written."""
        return self._write_op is not None

    # ------------------------------------------------------------------ loading

    def _load(self, primary_id: int | None = None, stale: str = "") -> None:
        self._drop_load()
        lead_ids, entity = self._lead_ids, self._entity
        if entity == CONTACT:
            loading = self.tr("Loading {count} contacts…")
        else:
            loading = self.tr("Loading {count} leads…")
        self.title.setText(loading.format(count=len(lead_ids)))
        if self.scroll.widget() is not None:
            self.scroll.widget().setEnabled(False)
        context = self._context

        def failed(text: str) -> None:
            self._load_op = None
            self._loaded = None
            self._replace_grid(None)
            self.title.setText(self.tr("This group cannot be shown"))
            self._show_banner(text)
            self._update_actions()

        def unavailable(exc: KnownError) -> None:
            if isinstance(exc, HiddenGroup):  # nothing changed: no refresh to ask for
                failed(error_text(exc))
                return
            # After a refused merge the refusal says more (who merged it, and when)
            # than the reload's own "already merged".
            failed(stale or error_text(exc))
            self._carried = stale or error_text(exc)
            self.group_unavailable.emit(lead_ids)

        def ended() -> None:
            if self._load_op is op:  # neither shown nor refused: a bug (the crash dialog says)
                failed(stale)

        op = context.query(
            self,
            lambda: load_group(context.workspace, context.operator, lead_ids, primary_id, entity),
            self._on_loaded,
        )
        op.known_error(unavailable).finally_(ended)
        self._load_op = op
        self._update_actions()
        op.run_in_background()

    def _drop_load(self) -> None:
        """The group being loaded is not wanted any more (another one, or none)."""
        if self._load_op is not None:
            self._load_op.drop()
            self._load_op = None

    def _on_loaded(self, loaded: LoadedGroup) -> None:
        self._load_op = None
        self._loaded = loaded
        self._refusals = loaded.refusals
        plan = loaded.plan
        restoring, self._restoring = self._restoring, {}
        for name, lead_id in restoring.items():
            if lead_id in plan.lead_ids and any(f.name == name for f in plan.fields):
                plan.choose(name, lead_id)
        self._nav_fields = [f.name for f in plan.fields if f.differs] or [
            f.name for f in plan.fields
        ]
        self._current_row = min(self._current_row, len(self._nav_fields) - 1)
        if plan.entity == CONTACT:
            title = self.tr("{count} contacts that may be one customer")
        else:
            title = self.tr("{count} leads that may be one customer")
        self.title.setText(title.format(count=len(plan.lead_ids)))
        # A reason quotes the leads' names and phones: none when one may not be read.
        self.heading.show_reasons(() if loaded.hidden else self._reasons)
        if loaded.hidden:  # leads the operator may not read: whose, not what
            self._show_banner("; ".join(translate_message(m) for m in loaded.hidden))
        grid = CompareGrid(plan)
        grid.value_chosen.connect(self._choose)
        grid.type_requested.connect(self.type_value)
        grid.primary_chosen.connect(self.choose_primary_column)
        grid.exclude_requested.connect(self.exclude_column)
        grid.conversation_requested.connect(self.show_conversation)
        grid.bind_requested.connect(self.bind_contact)
        self._replace_grid(grid)
        if self.conversation.isVisible():
            self.conversation.load(self._context, self._conversation_leads())
        self._refresh()
        self._focus.take_if_free()
        self.group_loaded.emit()

    def _replace_grid(self, grid: CompareGrid | None) -> None:
        old = self.scroll.takeWidget()
        if old is not None:
            delete_later(old)
        self.grid = grid
        self.scroll.setWidget(grid if grid is not None else QWidget())
        self.columns.reset()

    def _refresh(self) -> None:
        """Show the plan's current primary and choices, the preview and the rights."""
        plan = self.plan
        if plan is not None and self.grid is not None:
            policy = self._loaded.policy if self._loaded else MergePolicy()
            self.grid.show_state(policy, self._refusals, self.current_field)
        self._describe_current()
        self._update_actions()

    def _describe_current(self) -> None:
        plan, name, text = self.plan, self.current_field, ""
        if plan is not None and name is not None and self.grid is not None:
            cell = self.grid.cells.get((name, plan.field(name).chosen))
            text = cell.accessibleName() if cell is not None else ""
        if self.scroll.accessibleDescription() != text:
            self.scroll.setAccessibleDescription(text)

    def _update_actions(self) -> None:
        """The one place that says which review actions can be done now."""
        has_group = self.plan is not None and not self._busy
        if self.scroll.widget() is not None:
            self.scroll.widget().setEnabled(has_group)
        enable = self.actions.set_enabled
        for editing in (
            ReviewAction.PRIMARY,
            ReviewAction.VALUE_LEFT,
            ReviewAction.VALUE_RIGHT,
            ReviewAction.VALUE_OF_LEAD,
        ):
            enable(editing, has_group)
        # A group of leads or of contacts may be "not duplicates"; a contact
        # group is merged, not bound.
        lead_group = has_group and self.plan is not None and self.plan.entity == LEAD
        enable(ReviewAction.DISMISS, has_group)
        enable(ReviewAction.BIND, lead_group)
        # Moving between fields only highlights: fine while the group is greyed.
        enable(ReviewAction.FIELD_UP, self.plan is not None)
        enable(ReviewAction.FIELD_DOWN, self.plan is not None)
        enable(ReviewAction.SKIP, bool(self._lead_ids))
        enable(ReviewAction.UNDO, not self._busy)
        merge = self.actions[ReviewAction.MERGE]
        if has_group and self._refusals:
            enable(ReviewAction.MERGE, False)
            text = (
                self.tr("You cannot merge this group:")
                + "\n"
                # One line per owner, department and missing right, naming its leads.
                + "\n".join(translate_message(m) for m in grouped_refusals(self._refusals))
            )
            merge.setToolTip(text)
            self.heading.show_refusals(text)
        else:
            enable(ReviewAction.MERGE, has_group)
            merge.setToolTip(self.actions.tip(ReviewAction.MERGE))
            self.heading.show_refusals("")

    def forget_banner(self) -> None:
        """The banner of the queue's flow ("Previous group: …", a refusal) does not
        belong to what the operator turns to next (leads from the lead list)."""
        self._carried = ""
        self._show_banner("")

    def _show_banner(self, text: str, *, error: bool = True) -> None:
        self.heading.show_banner(text, error=error)

    def _recheck_rights(self) -> None:
        # Plain data (the plan and the operator's scopes): no database, so no worker.
        plan = self.plan
        if plan is None or self._loaded is None:
            return
        self._refusals = check_merge(None, self._context.operator, plan, self._loaded.policy)

    # ------------------------------------------------------------------ choosing

    def _choose(self, field_name: str, lead_id: int) -> None:
        plan = self.plan
        if plan is None or not plan.field(field_name).differs:
            return
        plan.choose(field_name, lead_id)
        if field_name in self._nav_fields:
            self._current_row = self._nav_fields.index(field_name)
        self._refresh()
        self.ensure_lead_visible(plan.lead_ids.index(lead_id))

    def type_value(self, field_name: str) -> None:
        """The operator types the merged lead's value (a name no lead spells right)."""
        plan = self.plan
        if plan is None or self._busy:
            return
        choice = plan.field(field_name)
        label = translate_message(choice.label)
        text, ok = self._ask(
            lambda: QInputDialog.getText(
                self,
                self.tr("Type the value"),
                self.tr("{field} of the merged lead:").format(field=label),
                text=str(choice.chosen_display or ""),
            )
        )
        if not ok:
            return
        plan.type_value(field_name, text)
        if field_name in self._nav_fields:
            self._current_row = self._nav_fields.index(field_name)
        self._refresh()

    def choose_primary_column(self, index: int) -> None:
        """Make the lead of column ``index`` (0-based) the primary."""
        plan = self.plan
        if plan is None or not 0 <= index < len(plan.lead_ids):
            return
        plan.set_primary(plan.lead_ids[index])
        self._recheck_rights()
        self._refresh()
        self.ensure_lead_visible(index)

    def move_row(self, step: int) -> None:
        if not self._nav_fields or self.plan is None:
            return
        self._current_row = max(0, min(len(self._nav_fields) - 1, self._current_row + step))
        self._refresh()
        label = self.grid.field_labels.get(self.current_field or "") if self.grid else None
        if label is not None:
            self.scroll.ensureWidgetVisible(label)

    def move_choice(self, step: int) -> None:
        plan = self.plan
        name = self.current_field
        if plan is None or name is None:
            return
        choice = plan.field(name)
        index = plan.lead_ids.index(choice.chosen)
        target = max(0, min(len(plan.lead_ids) - 1, index + step))
        self._choose(name, plan.lead_ids[target])

    def choose_column_value(self, index: int) -> None:
        plan = self.plan
        name = self.current_field
        if plan is None or name is None or not 0 <= index < len(plan.lead_ids):
            return
        self._choose(name, plan.lead_ids[index])

    # ------------------------------------------------------------------ conversation

    def show_conversation(self, index: int | None = None) -> None:
        """Open the conversation panel, at the lead of column ``index`` if given."""
        plan = self.plan
        if plan is not None and index is not None:
            self.conversation.scroll_to_lead(plan.lead_ids[index])
        if self.conversation_action.isChecked():
            self.conversation.setFocus()
        else:
            self.conversation_action.setChecked(True)

    def _conversation_leads(self) -> tuple[int, ...]:
        """The leads whose chats the panel reads (none for a group of contacts)."""
        plan = self.plan
        return tuple(plan.lead_ids) if plan is not None and plan.entity == LEAD else ()

    def close_conversation(self) -> None:
        self.conversation_action.setChecked(False)

    def _conversation_toggled(self, on: bool) -> None:
        had_focus = self.conversation.isAncestorOf(QApplication.focusWidget())
        self.conversation.setVisible(on)
        if on:
            width = self.body.width()
            panel = min(PANEL_WIDTH, width // 2)
            self.body.setSizes([width - panel, panel])
            self.conversation.load(self._context, self._conversation_leads())
            self.conversation.setFocus()
        else:
            self.conversation.stop()
            if had_focus:
                self.scroll.setFocus()

    # ------------------------------------------------------------------ actions

    def show_cheat_sheet(self) -> None:
        CheatSheetDialog.show_for(self)

    def skip(self) -> None:
        if not self._lead_ids:
            return
        self._count("skips")
        self.skipped.emit()

    def _write(
        self,
        op: Callable[[], ReviewChange],
        success: Callable[[ReviewChange], None],
        known: Callable[[KnownError], None] | None = None,
    ) -> None:
        """Write in the background (``ops.executed`` tells the window what changed)."""
        self._write_for = self._loaded
        write = self._context.write(self, op, success)
        write.known_error(known or self._action_failed).finally_(self._write_ended)
        self._write_op = write
        self._update_actions()
        write.run_in_background()

    def _written(self) -> bool:
        """A write came back: the view is free again.  True when the group it was
        decided on is still the one shown (no other group opened meanwhile)."""
        current = (
            self._write_for is not None
            and self._write_for is self._loaded
            and self._load_op is None
        )
        self._write_op = None
        self._write_for = None
        return current

    def _write_ended(self) -> None:
        if self._write_op is not None:  # a bug: the crash dialog says what
            self._written()
            self._update_actions()

    def merge(self) -> None:
        plan = self.plan
        if plan is None or self._loaded is None:
            return
        context = self._context
        operator_id = context.operator.id
        policy = self._loaded.policy
        translators = note_translators()
        # A linked portal (context.backend): the merge is written there first.
        self._write(
            lambda: merge_group(
                context.workspace,
                plan,
                operator_id,
                policy,
                translators,
                current_language(),
                backend=context.backend,
            ),
            self._on_merged,
            self._on_merge_failed,
        )

    def _on_merged(self, change: ReviewChange) -> None:
        current = self._written()
        self._count("merges")
        if current:
            self._finish_group(translate_message(change.result.summary))
        else:  # the operator opened another group meanwhile; keep showing that one
            self._update_actions()
        self.merged.emit(change.result)

    def _finish_group(self, title: str) -> None:
        """The group is done with: nothing left to act on until the next one opens."""
        self._drop_load()
        self._loaded = None
        self._refusals = []
        self._replace_grid(None)
        self.title.setText(title)
        self.reasons_label.hide()
        self._show_banner("")
        self._update_actions()

    def _on_merge_failed(self, exc: KnownError) -> None:
        self._written()
        if isinstance(exc, StaleError):
            # Someone else changed a lead: say who/what, show the group as it is now.
            # (The service's words stop at "nothing was merged": the command line has
            # no view to reload.)
            reloaded = self.tr("The view has been reloaded.")
            text = f"{error_text(exc)}. {reloaded}"
            self._show_banner(text)
            self.reload(stale=text)
            return
        # A RightsError (rights changed since the check) and other known failures
        # wrote nothing: say so, keep the group as it is.
        self._action_failed(exc)

    def _action_failed(self, exc: KnownError) -> None:
        """Known failures (rights, a lead gone, database busy) in words above the grid."""
        self._written()
        self._update_actions()
        self._show_banner(error_text(exc))

    def _ask(self, question: Callable[[], T]) -> T:
        return ask_keeping_keyboard(self, question)

    def exclude_column(self, index: int) -> None:
        """The lead of column ``index`` is someone else: dismiss its pairs with the others.

        With two or more leads left the comparison goes on with them; otherwise the
        group is done, as after "Not duplicates".
        """
        plan = self.plan
        if plan is None or not 0 <= index < len(plan.lead_ids):
            return
        lead_id = plan.lead_ids[index]
        others = [i for i in plan.lead_ids if i != lead_id]
        entity = plan.entity
        reason = self._ask(
            lambda: DismissDialog.ask(
                self,
                [plan.cards[i].label for i in plan.lead_ids],
                excluded=plan.cards[lead_id].label,
                contacts=entity == CONTACT,
            )
        )
        if reason is None:
            return
        context = self._context
        operator_id = context.operator.id
        group = tuple(plan.lead_ids)

        def done(change: ReviewChange) -> None:
            current = self._written()
            self._count("dismissals")
            if not current:
                self._update_actions()
            elif not change.closes_group:
                self.show_group(others, self._reasons)
            else:
                self._finish_group(self.tr("Marked as not duplicates"))
                self.dismissed.emit(group)

        self._write(
            lambda: exclude_lead(context.workspace, group, lead_id, operator_id, reason, entity),
            done,
        )

    def bind_contact(self) -> None:
        """Find the customer's contact (Ctrl+B): the merged lead is bound to it, by the
        merge (Enter in the dialog) or at once with the merge (Ctrl+Enter)."""
        plan = self.plan
        if plan is None or plan.entity != LEAD or self._busy or self.bind_dialog is not None:
            return
        labels = [plan.cards[i].label for i in plan.lead_ids]
        target = BindTarget(tuple(plan.lead_ids), group_heading(labels))
        dialog = BindDialog(self._context, target, self)
        dialog.picked.connect(lambda card, now, p=plan: self._contact_picked(p, card, now))
        dialog.finished.connect(self._bind_dialog_closed)
        self.bind_dialog = dialog
        dialog.open()

    def _bind_dialog_closed(self) -> None:
        if self.bind_dialog is not None:
            delete_later(self.bind_dialog)
        self.bind_dialog = None
        # The keys go back to the group (without a window manager nothing would).
        window = self.window()
        if window.isVisible() and not window.isActiveWindow():
            window.activateWindow()
        self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _contact_picked(self, plan: MergePlan, card: ContactCard, merge_now: bool) -> None:
        if plan is not self.plan:  # another group opened meanwhile
            return
        plan.pick_contact(card.contact_id, card.label, card.name)
        self._refresh()
        self._show_banner(
            self.tr(
                "The merge will bind the merged lead to contact #{contact} ({name}) and give "
                "it the group's phones, e-mails, messengers and chats."
            ).format(contact=card.label, name=card.name),
            error=False,
        )
        if merge_now:
            self.merge()

    def dismiss(self) -> None:
        plan = self.plan
        if plan is None:
            return
        labels = [plan.cards[i].label for i in plan.lead_ids]
        entity = plan.entity
        reason = self._ask(lambda: DismissDialog.ask(self, labels, contacts=entity == CONTACT))
        if reason is None:
            return
        context = self._context
        lead_ids = tuple(plan.lead_ids)
        operator_id = context.operator.id

        def done(_change: ReviewChange) -> None:
            current = self._written()
            self._count("dismissals")
            if current:
                self._finish_group(self.tr("Marked as not duplicates"))
            else:
                self._update_actions()
            self.dismissed.emit(lead_ids)

        self._write(
            lambda: dismiss_group(context.workspace, lead_ids, operator_id, reason, entity), done
        )

    def undo_last(self) -> None:
        """Undo this operator's newest merge, after a confirmation."""
        context = self._context
        operator_id = context.operator.id
        context.query(
            self,
            lambda: merge_service.last_undoable_merge(context.workspace, operator_id),
            self._confirm_undo,
        ).known_error(self._action_failed).run_in_background()

    def _confirm_undo(self, last: merge_service.UndoableMerge | None) -> None:
        if last is None:
            self._show_banner(self.tr("There is no merge or bind of yours to undo."), error=False)
            return
        event_id = last.event_id
        if not self._ask(
            lambda: confirm(
                self,
                self.tr("Undo the last bind") if last.is_bind else self.tr("Undo the last merge"),
                undo_question(last),
                info=self.tr("The lead and the contact will be restored exactly as they were.")
                if last.is_bind
                else self.tr("The leads will be restored exactly as they were before the merge."),
                ok_text=self.tr("Undo bind") if last.is_bind else self.tr("Undo merge"),
            )
        ):
            return
        context = self._context
        operator_id = context.operator.id

        def done(change: ReviewChange) -> None:
            self._written()
            self._count("undos")
            self._show_banner(translate_message(change.result.summary), error=False)
            self._update_actions()
            self.undone.emit(change.result)

        self._write(lambda: undo_merge(context.workspace, event_id, operator_id), done)

    def _count(self, key: str) -> None:
        self._counters.count(key)

    def refresh_counters(self) -> None:
        """Read today's merges, dismissed pairs and undos; skips are this window's."""
        self._counters.refresh()

    @property
    def counters(self) -> dict[str, int]:
        """Today's work: {"merges", "dismissals" (pairs), "undos", "skips"}."""
        return self._counters.values


__all__ = ["CompareView", "ReviewState", "confirm"]
