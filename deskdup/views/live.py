"""The window follows colleagues' work live (``services/live.py`` tells it when).

A change committed by another session (a merge, a dismissal, an undo, a claim)
refreshes the queue (the kept index rescans only what changed) and the
"being reviewed by" markers; when one of the open group's leads changed, the
comparison is reloaded and says why.  Bursts of changes make one refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from deskdup.services.live import ChangeWatcher, fingerprint, open_group_changed

DEBOUNCE_MS = 300


class LiveUpdates(QObject):
    # Emitted from the watcher's thread; Qt queues it to this object's (the UI) thread.
    changed = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.refreshes = 0  # how many refreshes colleagues' changes caused (tests, logs)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._refresh)
        self.changed.connect(self._timer.start)
        self._say = ""
        self._seen: tuple | None = None  # the workspace's fingerprint last refreshed for
        window.compare.group_loaded.connect(self._reloaded)
        watcher = self.watcher = ChangeWatcher(window.context.workspace, self.changed.emit)
        # A window rebuilt (language, operator) is deleted without a close: stop then too.
        window.destroyed.connect(lambda *_: watcher.stop(0))

    def stop(self) -> None:
        self._timer.stop()
        self.watcher.stop()

    def start(self) -> None:
        ws = self.window.context.workspace
        self.window.context.query(self, lambda: fingerprint(ws), self._remember).failure(
            lambda _exc: None
        ).run_in_background()
        self.watcher.start()

    def _remember(self, seen: tuple) -> None:
        self._seen = seen

    def _refresh(self) -> None:
        window = self.window
        if window.scanning:
            self._timer.start()  # after the scan running now
            return
        window.claims.poll()  # claims change often (every open group): markers only
        self._check_open_group()
        ws = window.context.workspace
        window.context.query(self, lambda: fingerprint(ws), self._compare).failure(
            lambda _exc: None  # the next change looks again
        ).run_in_background()

    def _compare(self, seen: tuple) -> None:
        """Refresh the queue when the candidates may have changed (not for claims)."""
        if seen == self._seen:
            return
        self._seen = seen
        if self.window.scanning:
            self._timer.start()
            return
        self.refreshes += 1
        self.window.start_scan(full=False)

    def _check_open_group(self) -> None:
        """Reload the open group, with a word, when a colleague changed one of its leads."""
        compare = self.window.compare
        plan = compare.plan
        if plan is None or compare.is_busy() or compare.is_writing():
            return
        versions = {i: plan.versions[i] for i in plan.lead_ids if i in plan.versions}
        ws = self.window.context.workspace
        shown = tuple(plan.lead_ids)

        def checked(changed: bool) -> None:
            current = compare.plan
            if not changed or current is None or tuple(current.lead_ids) != shown:
                return
            self._say = self.tr("A colleague changed one of these leads; the group was reloaded.")
            compare.reload(self._say)

        self.window.context.query(self, lambda: open_group_changed(ws, versions), checked).failure(
            lambda _exc: None
        ).run_in_background()

    def _reloaded(self) -> None:
        if self._say:
            self.window.compare.heading.show_banner(self._say, error=False)
            self._say = ""
