"""What the operator picks in the open group: a field's value (a click, the
arrows, a lead's number key), a value typed in, the primary lead.

``FieldChoosing`` is a mixin of ``CompareView`` (``view.py``): it changes the
view's ``MergePlan`` (``plan.choose``, ``plan.type_value``,
``plan.set_primary``), moves the keyboard's current field and shows the result
(``_refresh``); nothing here touches the database.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from deskdup.views.formatting import translate_message


class FieldChoosing:
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


__all__ = ["FieldChoosing"]
