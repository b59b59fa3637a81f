"""Which lead columns the comparison shows, when not all of them fit.

The field names and the merged lead never scroll; the grid shows a window of
whole lead columns (``CompareGrid.show_leads``) and a horizontal scroll bar
under the grid moves that window.  How many columns fit is measured on every
resize of the grid's scroll area; a lead the operator acts on (the primary, a
value kept) is scrolled into the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QScrollArea, QScrollBar

if TYPE_CHECKING:
    from deskdup.views.compare.grid import CompareGrid


class LeadColumns(QObject):
    def __init__(self, scroll: QScrollArea, grid: Callable[[], CompareGrid | None]) -> None:
        super().__init__(scroll)
        self._scroll = scroll
        self._grid = grid
        # Sideways scrolling of the whole grid only where not even one lead column
        # fits beside the fixed ones (a very narrow pane): better than cutting it.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.installEventFilter(self)
        self.bar = QScrollBar(Qt.Orientation.Horizontal)
        self.bar.setToolTip(self.tr("More leads of this group: scroll to see them"))
        self.bar.valueChanged.connect(self.fit)
        self.bar.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._scroll and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def reset(self) -> None:
        """A new grid: start at the first lead."""
        self.bar.blockSignals(True)
        self.bar.setValue(0)
        self.bar.blockSignals(False)
        self.fit()

    def fit(self) -> None:
        """Show as many whole lead columns as the width allows; the bar moves them."""
        grid, bar = self._grid(), self.bar
        if grid is None:
            bar.hide()
            return
        # The vertical scroll bar's width is kept free whether it shows or not, so
        # its coming and going never changes how many columns fit.
        scroll = self._scroll
        width = scroll.width() - scroll.verticalScrollBar().sizeHint().width()
        total = len(grid.lead_cells)
        count = min(total, grid.leads_that_fit(width))
        bar.blockSignals(True)
        bar.setRange(0, total - count)
        bar.setPageStep(count)
        bar.blockSignals(False)
        bar.setVisible(count < total)
        grid.show_leads(bar.value(), count)

    def ensure_visible(self, index: int) -> None:
        """Scroll the lead columns so that the lead in position ``index`` shows."""
        grid = self._grid()
        if grid is None or index in grid.shown_leads:
            return
        shown = grid.shown_leads
        self.bar.setValue(index if index < shown.start else index - len(shown) + 1)


__all__ = ["LeadColumns"]
