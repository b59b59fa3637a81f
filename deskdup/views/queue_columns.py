"""The queue's columns: their starting widths, "Why" and the customer sharing
the width the others leave, the header's menu to show or hide a column, and
the header's state kept between windows.

``QueueColumns`` is a mixin of ``QueueView`` (``queue.py``), which builds the
table and its header and connects them here; the operator's own widths (a
column dragged or moved) are kept, until then "Why" follows the queue's width.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from deskdup.views.queue_cells import GAP, ICON
from deskdup.views.queue_model import Column

# Starting widths; a column is never narrower than its header (Russian ones are longer).
WIDTHS = (
    (Column.SCORE, 60),
    (Column.LEADS, 44),
    (Column.CHANNELS, 3 * (ICON + GAP) + GAP),  # three icons a line, the rest below
    (Column.CUSTOMER, 160),
    (Column.OWNERS, 120),
    (Column.AGE, 56),
)
LOCK_WIDTH = 30
# The customer and "Why" share the width the others leave (``_fit_why``), never
# narrower than these: at 1366 px (the queue's part of the window, about 600 px)
# "Why" comes right after the customer and the owners are still in view.
WHY_LEAST = 150
CUSTOMER_LEAST, CUSTOMER_MOST = 120, 240
HIDDEN = (Column.LEADS,)  # the size is shown under the score


class QueueColumns:
    def fit_columns(self, only_widen: bool = False) -> None:
        """The starting widths, widened where the header's text needs more.

        ``only_widen``: keep the operator's widths, but no header is cut short
        (widths saved in English are too narrow for the Russian headers).
        """
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        self._fitting = True
        try:
            if not only_widen:
                header.resizeSection(Column.LOCK, LOCK_WIDTH)
            for column, width in (*WIDTHS, (Column.REASONS, WHY_LEAST)):
                text = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
                # Room for the padding and the sort arrow beside the text.
                needed = metrics.horizontalAdvance(text) + 26
                if column == Column.SCORE:
                    # The size under the score ("5 контактов" is wider than "Оценка").
                    cells = self.table.fontMetrics()
                    sizes = (self.model.size_of(n) for n in range(2, 7))
                    needed = max(needed, max(map(cells.horizontalAdvance, sizes)) + 12)
                if only_widen:
                    header.resizeSection(column, max(header.sectionSize(column), needed))
                else:
                    header.resizeSection(column, max(width, needed))
        finally:
            self._fitting = False
        self._fit_why()

    @property
    def auto_widths(self) -> bool:
        """ "Why" follows the queue's width (no column was dragged or moved by hand)."""
        return self._auto_widths

    def set_auto_widths(self, on: bool) -> None:
        self._auto_widths = on
        self._fit_why()

    def _fit_why(self) -> None:
        """The customer and "Why" share what the other shown columns leave of the
        table's width: the age too stays in view when there is room, else it is
        the one scrolled to.  "Why" gets the larger share (the customer's names
        also wrap and have the members in the tooltip), never less than
        ``WHY_LEAST``; the customer never less than ``CUSTOMER_LEAST``."""
        if not self._auto_widths:
            return
        header = self.table.horizontalHeader()
        room = self.table.viewport().width()
        flexible = (Column.CUSTOMER, Column.REASONS)
        shown = [c for c in Column if c not in flexible and not header.isSectionHidden(c)]
        left = room - sum(header.sectionSize(c) for c in shown)
        if left < CUSTOMER_LEAST + WHY_LEAST and Column.AGE in shown:
            left += header.sectionSize(Column.AGE)  # the age goes past the edge first
        customer = min(CUSTOMER_MOST, max(CUSTOMER_LEAST, int(left * 0.42)))
        why = max(WHY_LEAST, left - customer)
        self._fitting = True
        try:
            header.resizeSection(Column.CUSTOMER, customer)
            header.resizeSection(Column.REASONS, why)
        finally:
            self._fitting = False

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_why()
        return super().eventFilter(watched, event)

    def _section_resized(self, _column: int, _old: int, _new: int) -> None:
        # A drag on the header (a mouse button held), not the window's own fitting.
        if not self._fitting and QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._auto_widths = False

    def _section_moved(self, *_args) -> None:
        if not self._fitting:
            self._auto_widths = False

    def _header_menu(self, pos) -> None:
        """Show or hide a column (the Leads column, hidden since the size is under
        the score; the age, for a narrow queue)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in Column:
            if column == Column.LOCK:
                continue
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: self._show_column(c, on))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(pos))

    def _show_column(self, column: int, on: bool) -> None:
        self.table.setColumnHidden(column, not on)
        self._fit_why()

    def header_state(self) -> bytes:
        return bytes(self.table.horizontalHeader().saveState().data())

    def restore_header(self, state: bytes, auto_widths: bool = True) -> None:
        if state:
            self._fitting = True
            try:
                self.table.horizontalHeader().restoreState(QByteArray(state))
            finally:
                self._fitting = False
            self._auto_widths = auto_widths
            self.fit_columns(only_widen=True)


__all__ = ["HIDDEN", "LOCK_WIDTH", "WHY_LEAST", "QueueColumns"]
