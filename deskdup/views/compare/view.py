"""The side-by-side comparison of a candidate group: state, loading, actions and keys.

The grid (``grid.py``) renders the group's ``MergePlan`` and says what the
operator clicked; this view keeps the state (which group, which field the
keyboard is on, whether something is loading or being written), opens a group
through ``services/review.load_group`` and forwards clicks and keys to
``plan.choose`` / ``plan.set_primary``.

Every database call (open the group, merge, dismiss, undo) runs through the
background-operation helper; the rights check of a changed primary needs no
database (the plan and the signed-in operator's scopes are plain data).

The group's state, its loading and the five decisions belong to one object
because what each decision does when its answer comes back depends on which
group is on screen by then; the decisions are written in ``decisions.py``
(``ReviewDecisions``), the operator's picks in ``choosing.py``
(``FieldChoosing``) and the widgets the view is made of in ``layout.py``
(``CompareLayout``), all mixins of this view.  What does not depend on the
state lives beside: the lead columns that fit (``columns.py``), the button row
(``actions.ButtonRow``), the conversation panel (``conversation.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QWidget

from deskdup.services.errors import KnownError
from deskdup.services.merge_plan import CONTACT, LEAD, MergePlan
from deskdup.services.policy import MergePolicy
from deskdup.services.review import HiddenGroup, LoadedGroup, load_group
from deskdup.services.rights import Refusal, check_merge, grouped_refusals
from deskdup.views.bind_dialog import BindDialog
from deskdup.views.compare.choosing import FieldChoosing
from deskdup.views.compare.conversation import PANEL_WIDTH
from deskdup.views.compare.counters import WorkCounters
from deskdup.views.compare.decisions import ReviewDecisions
from deskdup.views.compare.grid import CompareGrid
from deskdup.views.compare.keyboard import FocusTaker
from deskdup.views.compare.layout import CompareLayout
from deskdup.views.formatting import error_text, translate_message
from deskdup.views.lifetime import delete_later
from deskdup.views.operations import QueryOp
from deskdup.views.shortcuts import MAX_LEADS, ReviewAction

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from deskdup.services.candidates import Reason
    from deskdup.views.context import AppContext


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
    # The leads linked to the rest only loosely (``group_reasons.GroupEvidence``).
    loose: dict[int, tuple[int, float]] = field(default_factory=dict)


class CompareView(CompareLayout, ReviewDecisions, FieldChoosing, QWidget):
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
    # The conversation panel opened where the grid keeps too little room beside
    # it for two leads (True: the window folds the queue away while it is open),
    # or closed again (False).
    room_wanted = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._lead_ids: tuple[int, ...] = ()
        self._entity = LEAD  # the ids are leads, or contacts (the queue's Contacts switch)
        self._reasons: tuple[Reason, ...] = ()
        self._loose: dict[int, tuple[int, float]] = {}
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

    def ensure_lead_visible(self, index: int) -> None:
        """Scroll the lead columns so that the lead in position ``index`` shows."""
        self.columns.ensure_visible(index)

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
        self,
        lead_ids: Sequence[int],
        reasons: Sequence[Reason] = (),
        entity: str = LEAD,
        loose: dict[int, tuple[int, float]] | None = None,
    ) -> None:
        """Load and show a group (2 to 6 leads, or contacts with ``entity`` CONTACT);
        the old one stays greyed until it arrives.  ``loose``: the leads linked
        to the rest only loosely, each with the lead it is most like (marked)."""
        lead_ids = tuple(dict.fromkeys(lead_ids))
        self._entity = entity
        self._lead_ids = lead_ids[:MAX_LEADS]
        self._reasons = tuple(reasons)
        self._loose = dict(loose or {})
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
            loose=dict(self._loose),
        )

    def restore_review(self, state: ReviewState) -> None:
        """Open the group again as the operator left it (read afresh from the database)."""
        self._lead_ids = tuple(state.lead_ids)
        self._entity = state.entity
        self._reasons = tuple(state.reasons)
        self._loose = dict(state.loose)
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
        self._loose = {}
        self._loaded = None
        self._refusals = []
        self._carried = ""
        self.title.setText(self.tr("No group selected"))
        self.title.setToolTip("")
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
        # A loose lead's mark names another lead: none when one may not be read.
        loose = {} if loaded.hidden else self._marked_loose(plan)
        self.title.setText(title.format(count=len(plan.lead_ids)) + self._check_text(plan, loose))
        self.title.setToolTip(
            self.tr("Linked to the rest of the group only loosely: see the mark in the header")
            if loose
            else ""
        )
        # A reason quotes the leads' names and phones: none when one may not be read.
        self.heading.show_reasons(() if loaded.hidden else self._reasons)
        if loaded.hidden:  # leads the operator may not read: whose, not what
            self._show_banner("; ".join(translate_message(m) for m in loaded.hidden))
        grid = CompareGrid(plan)
        grid.mark_loose(loose)
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

    def _marked_loose(self, plan: MergePlan) -> dict[int, tuple[int, float]]:
        """The loosely linked leads to mark: those shown whose likeliest lead is
        shown too (a group of more than six shows its first six)."""
        return {
            i: link for i, link in self._loose.items() if i in plan.cards and link[0] in plan.cards
        }

    def _check_text(self, plan: MergePlan, loose: dict[int, tuple[int, float]]) -> str:
        """The title's ending, " · check lead 3": a marked lead may be out of sight."""
        numbers = [n for n, i in enumerate(plan.lead_ids, 1) if i in loose]
        if not numbers:
            return ""
        if plan.entity == CONTACT:
            check = (
                self.tr("check contact {numbers}")
                if len(numbers) == 1
                else self.tr("check contacts {numbers}")
            )
        else:
            check = (
                self.tr("check lead {numbers}")
                if len(numbers) == 1
                else self.tr("check leads {numbers}")
            )
        return " · " + check.format(numbers=", ".join(map(str, numbers)))

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
            if width - panel < self._width_for_two_leads():
                self.room_wanted.emit(True)
            self.conversation.load(self._context, self._conversation_leads())
            self.conversation.setFocus()
        else:
            self.conversation.stop()
            self.room_wanted.emit(False)
            if had_focus:
                self.scroll.setFocus()

    def _width_for_two_leads(self) -> int:
        """The grid's width that shows the field names, the merged lead and two
        leads side by side (one for a group of one; 0 with no group open)."""
        grid = self.grid
        if grid is None:
            return 0
        shown = min(2, len(grid.lead_cells))
        vertical = self.scroll.verticalScrollBar().sizeHint().width()
        return grid.fixed_width() + shown * grid.lead_width() + vertical


__all__ = ["CompareView", "ReviewState"]
