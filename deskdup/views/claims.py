"""The window's side of review claims (``services/claims.py``).

``ClaimKeeper`` claims the group the comparison opens, renews the claim while
it stays open, releases it when the group is left (merge, dismiss, skip,
another group, close) and reads everyone's live claims every few seconds for
the queue's "being reviewed by …" marker.  Every database call runs on the
window's worker like any other op.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from deskdup.services.claims import (
    HEARTBEAT_SECONDS,
    ClaimHeld,
    Holder,
    claim,
    group_key,
    heartbeat,
    release,
    workspace_holders,
)
from deskdup.services.errors import KnownError
from deskdup.views.context import AppContext
from deskdup.views.formatting import error_text

# How often the queue's markers are read again (seconds).
POLL_SECONDS = 3


class ClaimKeeper(QObject):
    refused = Signal(str, bool)  # why (in the operator's words), may take over
    lost = Signal(str)  # the open group's claim is no longer ours
    holders_changed = Signal(object)  # dict[int, Holder]: lead id -> who reviews it

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.key: str | None = None  # the claim we hold
        self.wanted: str | None = None  # the group we asked for last
        self.holders: dict[int, Holder] = {}
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(HEARTBEAT_SECONDS * 1000)
        self.heartbeat_timer.timeout.connect(self._renew)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_SECONDS * 1000)
        self.poll_timer.timeout.connect(self.poll)

    @property
    def operator_id(self) -> int:
        return self.context.operator.id

    def start(self) -> None:
        self.poll_timer.start()
        self.poll()

    def claimed_by_other(self, lead_ids: Sequence[int]) -> Holder | None:
        for lead_id in lead_ids:
            holder = self.holders.get(lead_id)
            if holder is not None and holder.operator_id != self.operator_id:
                return holder
        return None

    # ------------------------------------------------------------------ claiming

    def open(self, lead_ids: Sequence[int], *, takeover: bool = False) -> None:
        """Claim the group now shown (the previous claim is released by the service)."""
        ws, me, ids = self.context.workspace, self.operator_id, list(lead_ids)
        self.wanted = group_key(ids)
        wanted = self.wanted

        def claimed(key: str) -> None:
            if self.wanted != wanted:
                return  # another group was opened meanwhile
            self.key = key
            self.heartbeat_timer.start()
            self.poll()

        def failed(exc: BaseException) -> None:
            if self.wanted != wanted:
                return
            self.key = None
            self.heartbeat_timer.stop()
            if isinstance(exc, ClaimHeld):
                self.refused.emit(error_text(exc), self.context.operator.can_undo)
            elif isinstance(exc, KnownError):
                self.refused.emit(error_text(exc), False)
            else:
                raise exc

        (
            self.context.query(self, lambda: claim(ws, ids, me, takeover=takeover), claimed)
            .failure(failed)
            .run_in_background()
        )

    def leave(self) -> None:
        """The group is left (decided, skipped, cleared): release our claim."""
        self.wanted = None
        key, self.key = self.key, None
        self.heartbeat_timer.stop()
        if key is None:
            return
        ws, me = self.context.workspace, self.operator_id
        self.context.query(self, lambda: release(ws, me, key), lambda _n: self.poll()).failure(
            lambda _exc: None  # an unreleased claim expires on its own
        ).run_in_background()

    def release_now(self) -> None:
        """On close: release on this thread (the worker is being stopped)."""
        self.poll_timer.stop()
        self.heartbeat_timer.stop()
        if self.key is None:
            return
        with contextlib.suppress(Exception):  # the claim expires anyway
            release(self.context.workspace, self.operator_id, self.key)
        self.key = None

    def _renew(self) -> None:
        key = self.key
        if key is None:
            return
        ws, me = self.context.workspace, self.operator_id

        def renewed(still_ours: bool) -> None:
            if still_ours or self.key != key:
                return
            self.key = None
            self.heartbeat_timer.stop()
            self.poll()
            holder = self.holders_for(key)
            name = holder.name if holder is not None else "?"
            self.lost.emit(
                self.tr("{name} has taken over this group; your choices here are not saved").format(
                    name=name
                )
            )

        self.context.query(self, lambda: heartbeat(ws, key, me), renewed).failure(
            lambda _exc: None  # a heartbeat missed: the next one tries again
        ).run_in_background()

    def holders_for(self, key: str) -> Holder | None:
        ids = [int(i) for i in key.split(",") if i]
        return self.claimed_by_other(ids)

    # ------------------------------------------------------------------ reading

    def poll(self) -> None:
        ws = self.context.workspace

        def read(found: dict[int, Holder]) -> None:
            if found != self.holders:
                self.holders = found
                self.holders_changed.emit(found)

        self.context.query(self, lambda: workspace_holders(ws), read).failure(
            lambda _exc: None  # the next poll tries again
        ).run_in_background()
