"""The five decisions on the open group, and what each does when its answer
comes back: merge, not duplicates (the group, or one lead of it), bind to a
contact, undo the last merge; skip, the cheat sheet and today's counters.

``ReviewDecisions`` is a mixin of ``CompareView`` (``view.py``): its methods
read and set the view's state (``_loaded``, ``_load_op``, the write under
way) because what a decision does on its answer depends on which group is on
screen by then.  Every write runs in the background (``_write``); the window
follows ``context.ops.executed``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from deskdup.services import merge as merge_service
from deskdup.services.contact_picker import ContactCard
from deskdup.services.errors import KnownError, StaleError
from deskdup.services.merge_plan import CONTACT, LEAD, MergePlan
from deskdup.services.review import (
    ReviewChange,
    dismiss_group,
    exclude_lead,
    merge_group,
    undo_merge,
)
from deskdup.views.bind_dialog import BindDialog, BindDialogHost, BindTarget, group_heading
from deskdup.views.cheatsheet import CheatSheetDialog
from deskdup.views.compare.keyboard import ask_keeping_keyboard
from deskdup.views.dismiss_dialog import DismissDialog
from deskdup.views.formatting import error_text, translate_message, undo_question
from deskdup.views.i18n import current_language, note_translators

T = TypeVar("T")


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


class ReviewDecisions(BindDialogHost):
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
        self._open_bind_dialog(dialog)

    def _bind_dialog_closed(self) -> None:
        super()._bind_dialog_closed()
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


__all__ = ["ReviewDecisions", "confirm"]
