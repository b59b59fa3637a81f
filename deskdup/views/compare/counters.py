"""Today's work of the signed-in operator, for the status bar."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from deskdup.services.operators import TodayCounters, workspace_today_counters

if TYPE_CHECKING:
    from deskdup.views.context import AppContext

log = logging.getLogger(__name__)


class WorkCounters(QObject):
    """Merges, dismissed pairs and undos from the history; skips of this window."""

    # {"merges": int, "dismissals": int (pairs), "undos": int, "skips": int}
    changed = Signal(dict)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.values = {"merges": 0, "dismissals": 0, "undos": 0, "skips": 0}

    def count(self, key: str) -> None:
        # Shown at once; then the database's numbers (other windows of the same
        # operator count too) replace the merges, dismissals and undos.
        self.values[key] += 1
        self.changed.emit(dict(self.values))
        if key != "skips":
            self.refresh()

    def refresh(self) -> None:
        """Read today's merges, dismissed pairs and undos; skips are this window's."""
        context = self._context
        operator_id = context.operator.id

        def done(today: TodayCounters) -> None:
            self.values.update(merges=today.merges, dismissals=today.dismissals, undos=today.undos)
            self.changed.emit(dict(self.values))

        context.query(
            self, lambda: workspace_today_counters(context.workspace, operator_id), done
        ).failure(
            lambda exc: log.warning("Today's counters unavailable: %s", exc)
        ).run_in_background()


__all__ = ["WorkCounters"]
