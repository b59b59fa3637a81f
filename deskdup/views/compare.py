"""The side-by-side comparison of a candidate group: one column per lead.

Renders a ``MergePlan`` (services/merge_plan.py) and lets the operator choose
the primary and the surviving value of each field, by mouse or keyboard, then
merge, dismiss ("not duplicates"), skip or undo the last merge.  Every database
call runs through the background-operation helper (views/operations.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from deskdup.services.candidates import Reason
    from deskdup.views.context import AppContext


class CompareView(QWidget):
    merged = Signal(object)  # MergeResult
    dismissed = Signal(object)  # the group's lead ids (tuple[int, ...])
    skipped = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    # Today's work of this operator: {"merges": int, "dismissals": int, "skips": int}
    counters_changed = Signal(dict)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._lead_ids: tuple[int, ...] = ()
        layout = QVBoxLayout(self)
        self._placeholder = QLabel(self.tr("Choose a group in the queue to compare its leads."))
        layout.addWidget(self._placeholder)

    def show_group(self, lead_ids: Sequence[int], reasons: Sequence[Reason] = ()) -> None:
        self._lead_ids = tuple(lead_ids)

    def clear(self) -> None:
        self._lead_ids = ()
