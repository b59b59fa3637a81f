"""The main window: review queue and lead list on the left, the comparison on the right.

The window only renders and routes: the scan, the lead list and the lookups
run on the database worker through ``context.query`` and come back as plain
rows.  After a merge or a dismissal the group leaves the queue, the next one
opens by itself and the index is refreshed in the background.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QWidget,
)

from deskdup.services.group_reasons import group_evidence
from deskdup.services.lead_rows import (
    LeadRow,
)
from deskdup.services.matching import ScanResult
from deskdup.services.matching.contacts import ContactMatchIndex
from deskdup.services.merge_plan import CONTACT, LEAD
from deskdup.services.operators import operator_display
from deskdup.services.review import ChangeKind, ReviewChange
from deskdup.views import settings as opts
from deskdup.views.about_dialog import AboutDialog
from deskdup.views.bind_dialog import BindDialog, BindDialogHost, BindTarget, lead_heading
from deskdup.views.claims import ClaimKeeper
from deskdup.views.compare import CompareView
from deskdup.views.context import AppContext
from deskdup.views.formatting import translate_message
from deskdup.views.history import HistoryTab
from deskdup.views.interaction import Interaction
from deskdup.views.lead_list import LeadListView
from deskdup.views.live import LiveUpdates
from deskdup.views.main_menus import HISTORY_TAB, LEADS_TAB, QUEUE_TAB, WindowMenus
from deskdup.views.merge_key import MergeKeyGuard
from deskdup.views.queue import QueueView
from deskdup.views.queue_feed import QueueFeed
from deskdup.views.queue_rows import QueueRow
from deskdup.views.shortcuts import ReviewAction, shortcut
from deskdup.views.status_bar import WindowStatus

log = logging.getLogger(__name__)

# How long after a merge or dismissal, with no other, the queue is refreshed.
REFRESH_PAUSE_MS = 600


class MainWindow(QueueFeed, BindDialogHost, QMainWindow):
    scan_finished = Signal()  # the queue shows the latest scan
    leads_loaded = Signal()
    # Routed to the composition root (app.py), which owns workspaces and sign-in.
    open_workspace_requested = Signal()
    sign_in_requested = Signal()
    settings_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._scan_op: Any = None
        # The kept queue shown at the start, until the rest of its rows is asked
        # for; what the start defers until its first groups are shown.
        self._kept: Any = None
        self._after_kept: list[Callable[[], None]] = []
        self._scan_again = False  # scan once more when the running scan ends
        self._refresh_again = False  # refresh once more when the running scan ends
        # Groups taken out of the queue since the result it was built from (decided on).
        self._dropped_keys: set[str] = set()
        # After a decision the index is refreshed once the operator pauses: the
        # database worker runs one op at a time, and a refresh started at once
        # would make her next Ctrl+Return, a moment later, wait behind it.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_PAUSE_MS)
        self._refresh_timer.timeout.connect(lambda: self.start_scan(full=False))
        self._pending_open: str | None = None
        self._reopen_row = 0  # where the next group opens after a refresh ("next")
        self.open_group: tuple[int, ...] = ()  # the leads shown in the comparison
        self._open_key: str | None = None  # the queue group they come from
        self.bind_dialog: BindDialog | None = None  # the lead list's, while open
        # The Contacts queue's index (the leads' is the context's) and which
        # queue the rows on screen are (the switch may move during a scan).
        self.contact_index: ContactMatchIndex | None = None
        self._contact_result: ScanResult | None = None
        self._shown_entity = LEAD
        # The queue folded away while the conversation is open (its grid had no
        # room), and whether the fold being made is that one (not remembered).
        self._folded_for_conversation = False
        self._folding_for_conversation = False
        # Qt adds " — deskdup" (the application's display name) itself.
        self.setWindowTitle(self.tr("Duplicate leads"))

        self.queue = QueueView()
        self.leads = LeadListView()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Queue, leads and history"))
        self.tabs.addTab(self.queue, self.tr("Review queue"))
        self.tabs.addTab(self.leads, self.tr("Leads"))
        self.history = HistoryTab(context)
        self.tabs.addTab(self.history, self.tr("History"))
        self.compare = CompareView(context)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.compare)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        who = operator_display(context.operator)
        if context.signed is not None:  # and how the connection proved it
            who = f"{who} — {translate_message(context.signed.describe())}"
        self.status = WindowStatus(self, context.workspace.display_url, who)
        self.menus = WindowMenus(self)
        self.merge_key = MergeKeyGuard(
            self, self.compare.actions[ReviewAction.MERGE], self._why_not_merged
        )
        self.claims = ClaimKeeper(context, self)
        # Colleagues' changes, live; started by the composition root (app.py).
        self.live = LiveUpdates(self)
        self._connect()
        self.context.ops.status_progress = lambda: self.status
        self._restore_state()

    # ------------------------------------------------------------------ building

    def _connect(self) -> None:
        self.queue.group_activated.connect(self.open_row)
        self.queue.current_changed.connect(self._follow_queue)
        self.leads.compare_requested.connect(self.compare_leads)
        self.leads.bind_requested.connect(self.bind_lead)
        self.leads.search_requested.connect(self.lookup)
        # What a merge, dismissal or undo changed: the queue and the lead list follow.
        self.context.ops.executed.connect(self._executed)
        self.compare.skipped.connect(self.next_group)
        self.compare.next_requested.connect(self.next_group)
        self.compare.previous_requested.connect(self.previous_group)
        self.compare.counters_changed.connect(self._show_counters)
        # A group whose leads changed elsewhere cannot be opened: refresh the queue.
        self.compare.group_unavailable.connect(self._group_unavailable)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.queue.filters_changed.connect(self._queue_filtered)
        self.fold_action = self.compare.actions[ReviewAction.FOLD_QUEUE]
        self.fold_action.toggled.connect(self.fold_queue)
        self.compare.room_wanted.connect(self._room_for_conversation)
        me = self.context.operator.id
        self.claims.holders_changed.connect(lambda found: self.queue.set_claims(found, me))
        self.claims.refused.connect(self._claim_refused)
        self.claims.lost.connect(self.compare.heading.show_banner)
        self.queue.entity_changed.connect(self._entity_switched)

    # ------------------------------------------------------------------ state

    def _restore_state(self) -> None:
        s = self.context.settings
        geometry = s.get(opts.MAIN_GEOMETRY)
        if not geometry or not self.restoreGeometry(QByteArray(geometry)):
            self._first_geometry()
        state = s.get(opts.MAIN_STATE)
        if state:
            self.restoreState(QByteArray(state))
        splitter = s.get(opts.MAIN_SPLITTER)
        if splitter:
            self.splitter.restoreState(QByteArray(splitter))
        else:
            # Half and half: the queue's columns up to "Why" fit, the comparison
            # still shows three leads side by side.
            width = max(self.width(), 1400)
            self.splitter.setSizes([width // 2, width - width // 2])
        self.queue.restore_header(s.get(opts.QUEUE_HEADER), bool(s.get(opts.QUEUE_AUTO_WIDTHS)))
        self.leads.restore_header(s.get(opts.LEADS_HEADER))
        self.queue.set_mergeable_only(bool(s.get(opts.QUEUE_MERGEABLE_ONLY)))
        self.queue.mergeable_only.toggled.connect(
            lambda on: self.context.settings.set(opts.QUEUE_MERGEABLE_ONLY, on)
        )
        self.queue.show_possible.setChecked(bool(s.get(opts.QUEUE_POSSIBLE)))
        self.queue.show_possible.toggled.connect(self._tier_toggled)
        self.fold_action.setChecked(bool(s.get(opts.QUEUE_FOLDED)))

    def _first_geometry(self) -> None:
        """First start: the whole available screen (maximised where a window manager
        honours it; the size itself where none does)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1400, 860)
            return
        available = screen.availableGeometry()
        self.setGeometry(available)
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_state(self) -> None:
        s = self.context.settings
        s.set(opts.MAIN_GEOMETRY, bytes(self.saveGeometry().data()))
        s.set(opts.MAIN_STATE, bytes(self.saveState().data()))
        if not self.queue_folded:  # a folded queue's width is 0: keep the one it unfolds to
            s.set(opts.MAIN_SPLITTER, bytes(self.splitter.saveState().data()))
        s.set(opts.QUEUE_HEADER, self.queue.header_state())
        s.set(opts.QUEUE_AUTO_WIDTHS, self.queue.auto_widths)
        s.set(opts.LEADS_HEADER, self.leads.header_state())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self._refresh_timer.stop()
        self.live.stop()
        self.claims.release_now()
        if self._scan_op is not None:
            self._scan_op.cancel()
        super().closeEvent(event)

    # ------------------------------------------------------------------ review flow

    def compare_is_empty(self) -> bool:
        return not self.open_group

    def _showing(self, row: QueueRow) -> bool:
        """The comparison shows (or is loading) exactly this queue group."""
        return (
            row.key == self._open_key
            and tuple(row.lead_ids) == self.open_group == tuple(self.compare.lead_ids)
            and (self.compare.is_busy() or self.compare.plan is not None)
        )

    def _follow_queue(self, row: QueueRow | None) -> None:
        """The comparison shows the highlighted group, whatever moved the highlight
        (arrows, a filter, a refreshed queue): Ctrl+Return, Ctrl+D and S act on what
        is shown, so the two must never differ (issue 12: a filter left one group
        highlighted while another, opened by an earlier keystroke, was merged)."""
        if row is None or self.tabs.currentIndex() != QUEUE_TAB or self._showing(row):
            return
        self.open_row(row)

    def open_row(self, row: QueueRow) -> None:
        if self._showing(row):
            return  # highlighted and activated at once: one load, not two
        self.open_group = tuple(row.lead_ids)
        self._open_key = row.key
        # Every reason, the contrary ones too (the queue row keeps the top three).
        entity = self._shown_entity
        index = self.contact_index if entity == CONTACT else self.context.match_index
        evidence = group_evidence(index, row.lead_ids)
        reasons = evidence.reasons or row.reasons
        self.compare.show_group(row.lead_ids, reasons, entity, evidence.loose)
        if entity == LEAD:  # claims are of lead groups
            self.claims.open(row.lead_ids)

    def _claim_refused(self, text: str, may_take_over: bool) -> None:
        """A colleague reviews the group just opened: say so; a supervisor may take it."""
        self.compare.heading.show_banner(text)
        if may_take_over and Interaction.confirm(
            self,
            self.tr("Being reviewed"),
            text,
            self.tr("As a supervisor you may take the review over."),
            self.tr("Take over"),
            default=False,
        ):
            self.claims.open(self.open_group, takeover=True)

    def _queue_filtered(self) -> None:
        """Keep the highlighted row and the comparison on the same group.

        A filter that hides the open group left another row highlighted while the
        comparison still showed (and Ctrl+Return merged) the hidden one.
        """
        if self.tabs.currentIndex() != QUEUE_TAB:
            return
        if self._open_key and self.queue.select_key(self._open_key, open_it=False):
            return
        if self.compare.is_writing():
            return  # a merge being written: _group_done opens the next group
        if not self.queue.open_current_or_first():
            self.compare.clear()
            self.open_group = ()
            self._open_key = None

    def adopt_review(self, old: MainWindow) -> None:
        """Go on with the group open in ``old`` (a window rebuilt for another
        language or operator): same group, same primary, same picks, same tab."""
        state = old.compare.review_state()
        self.tabs.setCurrentIndex(old.tabs.currentIndex())
        if state is None:
            return
        self.open_group = tuple(state.lead_ids)
        self._open_key = old._open_key
        self.compare.restore_review(state)

    def compare_leads(self, lead_ids: list[int]) -> None:
        self.open_group = tuple(lead_ids)
        self._open_key = None  # leads chosen in the list, not a queue group
        self.compare.forget_banner()  # what the queue's last group said is not about these
        evidence = group_evidence(self.context.match_index, lead_ids)
        self.compare.show_group(lead_ids, evidence.reasons, loose=evidence.loose)
        self.claims.open(lead_ids)

    def bind_lead(self, row: LeadRow) -> None:
        """The lead list's "Bind to a contact…": the dialog for one lead."""
        if self.bind_dialog is not None:
            return
        target = BindTarget((row.id,), lead_heading(row.label, row.name if row.named else ""))
        dialog = BindDialog(self.context, target, self)
        dialog.bound.connect(
            lambda change: self.statusBar().showMessage(
                translate_message(change.result.summary), 15000
            )
        )
        self._open_bind_dialog(dialog)

    def next_group(self) -> None:
        self.show_tab(QUEUE_TAB)
        self.queue.move(1)

    def previous_group(self) -> None:
        self.show_tab(QUEUE_TAB)
        self.queue.move(-1)

    def _executed(self, change: object, initiator: QObject | None) -> None:
        """A write of this window finished: take a decided group out of the queue and
        open the next one; after an undo, read the queue and the leads again."""
        if not isinstance(change, ReviewChange):
            return
        if initiator is None or not (initiator is self or self.isAncestorOf(initiator)):
            return  # not decided in this window (another one, or a window since closed)
        if change.kind is ChangeKind.UNDO:
            self.start_scan(full=False)
            self.load_leads()
        elif change.kind is ChangeKind.BIND:
            self.load_leads()
            if set(change.group) & set(self.compare.lead_ids):
                self.compare.reload()  # the plan holds the lead's old version
        elif change.closes_group:
            self._group_done(change.group, change.gone)

    def _group_done(self, group_ids: Sequence[int], gone_ids: Sequence[int]) -> None:
        """Take the group out of the queue, open the next one, refresh in the background."""
        self.claims.leave()
        current = self.queue.table.currentIndex()
        row = current.row() if current.isValid() else 0
        self._dropped_keys.update(self.queue.remove_leads(group_ids))
        if gone_ids and self.compare.entity == LEAD:
            self.leads.remove_leads(gone_ids)
        if self.queue.visible_count():
            row = min(row, self.queue.visible_count() - 1)
            free = self.queue.unclaimed_from(row)  # not a group a colleague reviews
            self.queue.select_proxy_row(free if free >= 0 else row)
        else:
            self.compare.clear()
            self.open_group = ()
            self._pending_open = "next"
        self._refresh_timer.start()  # (again: the pause starts over)

    def _why_not_merged(self) -> str | None:
        """Why Ctrl+Return merges nothing now (``MergeKeyGuard`` says it aloud)."""
        if self.tabs.currentIndex() == HISTORY_TAB:
            return None  # no comparison on that tab
        keys = shortcut(ReviewAction.MERGE).key_text()
        compare = self.compare
        if compare.is_writing():
            return self.tr(
                "Not merged: the merge before is still being written; press {keys} again"
            ).format(keys=keys)
        if compare.is_busy():
            return self.tr(
                "Not merged: the next group is still opening; look, then press {keys} again"
            ).format(keys=keys)
        if compare.plan is None:
            return self.tr("Nothing to merge: no group is open")
        if compare.refusals:
            return self.tr("Not merged: you lack a right to merge this group (see above)")
        return None

    def _group_unavailable(self, lead_ids: Sequence[int]) -> None:
        """The open group's leads changed elsewhere (a merge refused, or J onto a group
        someone else merged): refresh the queue, then open what is in its place
        (the refreshed group, or the next one), as after a merge of one's own."""
        if tuple(lead_ids) == self.open_group:
            current = self.queue.table.currentIndex()
            self._reopen_row = current.row() if current.isValid() else 0
            self.open_group = ()
            self._pending_open = "next"
        self.start_scan(full=False)

    def _show_counters(self, counters: dict) -> None:
        self.counters_label.setText(
            # Dismissals are counted by pair (a group of 4 is 6 pairs): the label says so,
            # in the plural form the number needs ("1 pair", "2 pairs"; the .ts has them).
            self.tr(
                "Today: {merges} merged, %n pairs not duplicates", "", counters.get("dismissals", 0)
            ).format(merges=counters.get("merges", 0))
        )

    # ------------------------------------------------------------------ search

    def lookup(self, text: str) -> None:
        index = self.context.match_index
        if index is None:
            self.statusBar().showMessage(self.tr("The search works once the scan is done."), 5000)
            return
        self.context.query(
            self, lambda: index.lookup(text, 50), lambda hits: self.leads.show_hits(text, hits)
        ).run_in_background()

    def focus_search(self) -> None:
        self.reveal_tab(LEADS_TAB)
        self.leads.search.setFocus()
        self.leads.search.selectAll()

    # ------------------------------------------------------------------ misc

    def show_tab(self, tab: int) -> None:
        self.tabs.setCurrentIndex(tab)

    def reveal_tab(self, tab: int) -> None:
        """The operator asked for this tab (View menu, Alt+1…3): unfold it if folded."""
        self.fold_action.setChecked(False)
        self.show_tab(tab)

    @property
    def queue_folded(self) -> bool:
        return self.fold_action.isChecked()

    def fold_queue(self, folded: bool) -> None:
        """Fold the queue and the lead list away (the comparison takes the whole
        width) or bring them back; remembered for the next start (not when
        folded for the conversation: ``_room_for_conversation``).

        Folded, J/K and Ctrl+Down/Up still walk the queue: only its pane is hidden.
        """
        if self._folding_for_conversation:
            self._folded_for_conversation = folded
        else:
            # The operator's own choice: it stands after the conversation closes.
            self._folded_for_conversation = False
            self.context.settings.set(opts.QUEUE_FOLDED, folded)
        if self.tabs.isHidden() == folded:
            return
        if folded and self.tabs.currentIndex() == HISTORY_TAB:
            self.tabs.setCurrentIndex(QUEUE_TAB)  # the history has no comparison beside it
        had_focus = self.tabs.isAncestorOf(QApplication.focusWidget())
        self.tabs.setVisible(not folded)
        if folded and had_focus:
            self.compare.setFocus()

    def _room_for_conversation(self, wanted: bool) -> None:
        """The conversation panel opened where the leads had no room beside it
        (``wanted``): fold the queue away while it is open; closed: bring the
        queue back, unless the operator folded or unfolded it meanwhile."""
        if wanted == self._folded_for_conversation or (wanted and self.queue_folded):
            return
        self._folding_for_conversation = True
        try:
            self.fold_action.setChecked(wanted)
        finally:
            self._folding_for_conversation = False

    def _tab_changed(self, tab: int) -> None:
        # The history has its own detail pane: it takes the comparison's place.
        self.compare.setVisible(tab != HISTORY_TAB)
        if tab == HISTORY_TAB:
            self.history.refresh()
            self.history.table.setFocus()
        elif tab == QUEUE_TAB:
            self.queue.table.setFocus()
        else:
            self.leads.table.setFocus()
            if self.compare.plan is None and not self.compare.is_busy():
                self.compare.forget_banner()  # an old banner of the queue's flow

    def show_about(self) -> AboutDialog:
        """Version, the bundled libraries' licences, where settings and logs are."""
        return AboutDialog.show_for(self)
