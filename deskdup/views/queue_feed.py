"""Keeping the main window's queue fed: the scan at start (the kept queue first,
then the index built from the kept pairs), refreshes after each decision as a
delta of rows, the Leads / Contacts switch, the likely / possible tier, and
the lead list.  A mixin of ``MainWindow``: it works on the window's queue,
lead list and context, and runs every read on the database worker.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from deskdup.models import Entity
from deskdup.services import scan_apart
from deskdup.services.kept_queue import KeptQueue, kept_queue, queue_order
from deskdup.services.lead_rows import (
    GroupRights,
    lead_owners,
    load_contact_queue_facts,
    load_queue_facts,
    readable_lead_rows,
)
from deskdup.services.matching import MatchIndex, ScanResult, quiet_gc
from deskdup.services.matching.contacts import ContactMatchIndex
from deskdup.services.matching.store import open_index, refresh_index
from deskdup.services.merge_plan import CONTACT, LEAD
from deskdup.services.operators import OperatorInfo
from deskdup.services.team_settings import team_match_settings
from deskdup.services.workspace import Workspace
from deskdup.views import import_dialog
from deskdup.views import settings as opts
from deskdup.views.main_menus import QUEUE_TAB
from deskdup.views.queue_rows import QueueRow, build_rows
from deskdup.views.queue_update import QueueDelta, lead_ids_in_groups, queue_delta

log = logging.getLogger(__name__)

# The kept queue's groups shown first at a window's start (its first screens);
# the rest follow a moment later.
FIRST_ROWS = 100


def queue_rows(ws: Workspace, operator: OperatorInfo, result: ScanResult) -> list[QueueRow]:
    """The queue's rows with real names and the operator's rights (on the worker)."""
    facts = load_queue_facts(ws, {i for g in result.groups for i in g.lead_ids})
    rights = GroupRights(operator, facts.owners, facts.policy)
    return build_rows(result.groups, result.summaries, facts.names, rights)


def first_queue_rows(
    ws: Workspace, operator: OperatorInfo, kept: KeptQueue, mergeable_only: bool
) -> tuple[list[QueueRow], bool]:
    """The rows of the kept queue's first screens, and whether the operator may
    merge any group.  With ``mergeable_only`` (the queue hides what she may not
    merge) they are her first groups she may merge, else the first groups: the
    rows the queue will show at its top once the rest is in."""
    ordered = sorted(kept.result.groups, key=queue_order)
    facts = load_queue_facts(ws, ())
    rights = GroupRights(operator, facts.owners, facts.policy)
    first = ordered[:FIRST_ROWS]
    some = True
    if mergeable_only:
        mine = []
        owners: dict[int, int | None] = {}
        decided: dict[tuple[int | None, ...], bool] = {}
        walked, every_owner = 0, False
        while len(mine) < FIRST_ROWS and walked < len(ordered):
            # The owners of a few hundred groups at a time, by key: the first
            # batch is enough for an operator who may merge most groups.
            batch = ordered[walked : walked + 2 * FIRST_ROWS]
            walked += len(batch)
            unknown = {i for g in batch for i in g.lead_ids if i not in owners}
            if unknown and not every_owner:
                every_owner = bool(owners)  # the second time: every lead's, in one pass
                owners.update(lead_owners(ws, None if every_owner else unknown))
            for group in batch:
                # Whether she may merge a group depends on its leads' owners alone.
                whose = tuple(owners.get(i) for i in group.lead_ids)
                free = decided.get(whose)
                if free is None:
                    pairs = zip(group.lead_ids, whose, strict=True)
                    cards = [rights.card(i, "", owner) for i, owner in pairs]
                    free = decided[whose] = rights.lock(cards) is None
                if free:
                    mine.append(group)
                    if len(mine) == FIRST_ROWS:
                        break
        some = bool(mine)
        first = mine or first  # none she may merge: the queue shows the locked ones
    kept.take(ws, first)
    names = load_queue_facts(ws, {i for g in first for i in g.lead_ids}).names
    return build_rows(first, kept.result.summaries, names, rights), some


def rest_queue_rows(
    ws: Workspace, operator: OperatorInfo, kept: KeptQueue
) -> tuple[ScanResult, list[QueueRow]]:
    """The kept queue completed, and the rows of every group but the ones
    ``first_queue_rows`` made."""
    result = kept.complete(ws)
    first = {id(g) for g in kept.first}
    rest = [g for g in result.groups if id(g) not in first]
    facts = load_queue_facts(ws, {i for g in rest for i in g.lead_ids})
    rights = GroupRights(operator, facts.owners, facts.policy)
    return result, build_rows(rest, result.summaries, facts.names, rights)


def contact_queue_rows(ws: Workspace, operator: OperatorInfo, result: ScanResult) -> list[QueueRow]:
    """``queue_rows`` of duplicate contacts: contact names, rights on contacts."""
    facts = load_contact_queue_facts(ws)
    rights = GroupRights(operator, facts.owners, facts.policy, Entity.CONTACT)
    return build_rows(result.groups, result.summaries, facts.names, rights)


class QueueFeed:
    def start(self) -> None:
        """Fill the window: the queue from the kept scan or a new one, then the leads."""
        if self.context.scan_result is not None:
            self._show_kept_result(self.context.scan_result)
            # The kept result may predate a decision of the window before (its
            # refresh waits for a pause): a refresh, cheap when nothing changed.
            self._refresh_again = self.context.match_index is not None
            self._start_rest()
        elif self.context.match_index is None and self.queue.entity_kind == LEAD:
            # The kept queue's first groups come first on the database worker:
            # the lead list and the claims wait until they are shown.
            self._after_kept = [self.load_leads, self.claims.start]
            self.start_scan(full=True)
        else:
            self.start_scan(full=True)
            self._start_rest()

    def _start_rest(self) -> None:
        """What a window's start reads besides the queue: the leads, the claims."""
        self.load_leads()
        self.claims.start()

    def start_scan(self, full: bool = False) -> None:
        """Scan in the background (a full build, or a refresh of what changed).

        The build takes over the pairs the workspace keeps for every lead
        unchanged since (``store.open_index``); when the window has no index
        yet, the kept queue is shown first, before the build.  A refresh while
        the queue shows a result of the same tier updates only the groups that
        changed (``queue_update``); one asked for while a scan runs (a merge
        after a merge) runs when it ends, so no change is left out.
        """
        if self._scan_op is not None:
            self._refresh_again = self._refresh_again or not full
            return
        self.queue.set_looking(True)
        if self.queue.entity_kind == CONTACT:
            self._scan_contacts()
            return
        if self.context.match_index is None:
            self._read_kept_queue()
        else:
            self._build(full)

    def _read_kept_queue(self) -> None:
        """No index yet: the queue the workspace keeps first, its best groups
        only (the first screen, shown at once), then the rest of its rows and
        the index built behind it, in that order on the database worker."""
        ctx = self.context
        ws, settings, operator = ctx.workspace, ctx.match_settings(), ctx.operator
        tier = self.queue.tier

        mergeable_only = self.queue.mergeable_only.isChecked()

        def kept(progress) -> tuple[KeptQueue, list[QueueRow], bool] | None:
            with quiet_gc(freeze=True):
                team = team_match_settings(ws, settings)
                queue = kept_queue(ws, team, tier, first=0)
                # None kept for these settings in a large workspace: built and
                # kept by a process of its own (it may fork its workers), then
                # read as kept; if it cannot, the index is built as before.
                if queue is None and scan_apart.wanted(ws, team):
                    why_not = scan_apart.build_apart(ws, team, progress, lambda: progress.cancelled)
                    if not why_not:  # kept
                        queue = kept_queue(ws, team, tier, first=0)
                if queue is None:
                    return None
                return queue, *first_queue_rows(ws, operator, queue, mergeable_only)

        self.scan_action.setEnabled(False)
        self._scan_op = (
            ctx.query(self, kept, self._show_kept_queue)
            .with_progress(self.tr("Scanning leads…"), cancellable=True, in_status_bar=True)
            .finally_(self._kept_queue_read)
            .run_in_background()
        )

    def _kept_queue_read(self) -> None:
        """The kept queue's first groups are shown (or there was none): the rest
        of its rows, what the window's start deferred, then the index (not
        when the operator cancelled the first scan: Scan starts it again)."""
        op, self._scan_op = self._scan_op, None
        cancelled = op is not None and op.progress.cancelled
        kept, self._kept = self._kept, None
        if kept is not None:
            ws, operator = self.context.workspace, self.context.operator

            def rest() -> tuple[ScanResult, list[QueueRow], frozenset[int]]:
                with quiet_gc(freeze=True):
                    result, rows = rest_queue_rows(ws, operator, kept)
                    return result, rows, lead_ids_in_groups(result)

            self.context.query(
                self, rest, lambda outcome: self._show_rest_of_kept(*outcome)
            ).run_in_background()
        deferred, self._after_kept = self._after_kept, []
        for start in deferred:
            start()
        if cancelled:
            self.scan_action.setEnabled(True)
            self.queue.set_looking(False)
        else:
            self._build(full=True)

    def _build(self, full: bool) -> None:
        """The index built (``full``, or no index yet) or refreshed, and the queue
        shown from it."""
        ctx = self.context
        ws, settings, operator = ctx.workspace, ctx.match_settings(), ctx.operator
        index = None if full else ctx.match_index
        tier = self.queue.tier
        # The result the lead queue on screen was built from: the refresh's rows
        # are only what changed since (a queue of another tier is built anew).
        base = ctx.scan_result if index is not None and self._shown_entity == LEAD else None
        if base is not None and getattr(base, "tier", tier) != tier:
            base = None
        dropped, self._dropped_keys = self._dropped_keys, set()

        def work(progress) -> tuple[MatchIndex, ScanResult, list[QueueRow] | QueueDelta]:
            with quiet_gc(freeze=True):
                if index is None:
                    team = team_match_settings(ws, settings)  # the team's, once saved
                    if scan_apart.wanted(ws, team):
                        # None kept that hold (a large import into a workspace
                        # that had none to learn from): built and kept apart,
                        # then taken over below; if not, built here.
                        scan_apart.build_apart(ws, team, progress, lambda: progress.cancelled)
                    built = open_index(
                        ws, team, progress=progress, cancelled=lambda: progress.cancelled
                    )
                    result = built.result(tier=tier)
                else:
                    built = index
                    result = refresh_index(built, ws, tier=tier)
                if base is not None:
                    return built, result, queue_delta(ws, operator, base, result, dropped)
                return built, result, queue_rows(ws, operator, result)

        self.scan_action.setEnabled(False)
        label = self.tr("Scanning leads…") if index is None else self.tr("Updating the queue…")
        self._scan_op = (
            ctx.query(self, work, self._scanned)
            .with_progress(label, cancellable=True, in_status_bar=True)
            .finally_(self._scan_ended)
            .run_in_background()
        )

    def _scan_contacts(self) -> None:
        """The Contacts queue: every contact read and scored again (they are few)."""
        ctx = self.context
        ws, settings, operator, tier = (
            ctx.workspace,
            ctx.match_settings(),
            ctx.operator,
            self.queue.tier,
        )

        def work(progress) -> tuple[MatchIndex, ScanResult, list[QueueRow]]:
            with quiet_gc():
                team = team_match_settings(ws, settings)
                built = ContactMatchIndex.build(
                    ws, team, progress=progress, cancelled=lambda: progress.cancelled
                )
                result = built.result(tier=tier)
                return built, result, contact_queue_rows(ws, operator, result)

        self.scan_action.setEnabled(False)
        self._scan_op = (
            ctx.query(self, work, self._scanned)
            .with_progress(self.tr("Scanning contacts…"), cancellable=True, in_status_bar=True)
            .finally_(self._scan_ended)
            .run_in_background()
        )

    def _entity_switched(self, entity: str) -> None:
        """Leads / Contacts: the other queue, and nothing of this one left open."""
        self.compare.clear()
        self.open_group = ()
        self._open_key = None
        if self._scan_op is None:
            self._show_entity()
        # else: _scan_ended shows the queue switched to

    def _show_entity(self) -> None:
        if self.queue.entity_kind == CONTACT:
            self.start_scan(full=True)
        else:
            self._show_tier()

    def cancel_scan(self) -> None:
        if self._scan_op is not None:
            self._scan_op.cancel()

    @property
    def scanning(self) -> bool:
        return self._scan_op is not None

    def _scan_ended(self) -> None:
        self._scan_op = None
        self.scan_action.setEnabled(True)
        self.queue.set_looking(False)
        if self._scan_again:  # an import landed while this scan ran
            self._scan_again = self._refresh_again = False
            self.start_scan(full=True)
            return
        if self._shown_entity != self.queue.entity_kind:
            self._show_entity()  # Leads / Contacts switched while the scan ran
            return
        if self._refresh_again:  # a merge or an undo written while this scan ran
            self._refresh_again = False
            self.start_scan(full=False)
            return
        kept = self.context.scan_result
        if self._shown_entity == CONTACT:
            kept = self._contact_result
        if kept is not None and getattr(kept, "tier", self.queue.tier) != self.queue.tier:
            self._show_tier()  # the tier was switched while the scan ran

    def _tier_toggled(self, on: bool) -> None:
        """Possible groups shown or hidden: the kept index gives the other tier
        (no new scan); a scan running now shows the new tier when it ends."""
        self.context.settings.set(opts.QUEUE_POSSIBLE, on)
        if self._scan_op is None:
            self._show_tier()

    def _show_tier(self) -> None:
        ctx = self.context
        index, ws, operator, tier = ctx.match_index, ctx.workspace, ctx.operator, self.queue.tier
        rows_of = queue_rows
        if self.queue.entity_kind == CONTACT:
            index, rows_of = self.contact_index, contact_queue_rows
        if index is None:
            self.start_scan(full=True)
            return

        def work() -> tuple[MatchIndex, ScanResult, list[QueueRow]]:
            with quiet_gc(freeze=True):
                result = index.result(tier=tier)
                return index, result, rows_of(ws, operator, result)

        self.scan_action.setEnabled(False)
        self._scan_op = (
            ctx.query(self, work, self._scanned).finally_(self._scan_ended).run_in_background()
        )

    def import_export(self) -> None:
        """File → Import…: pick an export, preview and import it, then rescan the queue."""
        path = import_dialog.choose_export_file(self)
        if not path:
            return
        report = import_dialog.ImportDialog.ask(self, self.context, path)
        if report is None:
            return
        # New leads (or contacts bound to them) change the candidates: a full scan,
        # after the one running if any, which read the workspace before the import.
        self._scan_again = self.scanning
        if not self.scanning:
            self.start_scan(full=True)
        self.load_leads()

    def _scanned(self, outcome: tuple[MatchIndex, ScanResult, list[QueueRow] | QueueDelta]) -> None:
        index, result, rows = outcome
        entity = CONTACT if isinstance(index, ContactMatchIndex) else LEAD
        if entity == CONTACT:
            self.contact_index, self._contact_result = index, result
        else:
            self.context.match_index = index
            self.context.scan_result = result
        if entity != self.queue.entity_kind:
            return
        if not isinstance(rows, QueueDelta):
            self._show_result(result, rows, entity)
        elif self._shown_entity == LEAD:  # a delta is of the lead queue on screen
            self._show_update(rows)

    def _show_kept_result(self, result: ScanResult) -> None:
        """A window rebuilt on a kept scan (new operator, language): rows on the worker,
        since names and rights are read from the database and 20,000 groups take time."""
        ws, operator = self.context.workspace, self.context.operator

        def work() -> list[QueueRow]:
            with quiet_gc(freeze=True):
                return queue_rows(ws, operator, result)

        self._scan_op = (
            self.context.query(self, work, lambda rows: self._show_result(result, rows))
            .finally_(self._scan_ended)
            .run_in_background()
        )
        self.scan_action.setEnabled(False)

    def _show_kept_queue(self, outcome: tuple[KeptQueue, list[QueueRow], bool] | None) -> None:
        """The first groups of the queue the workspace keeps, while the rest of its
        rows are made and the index is built behind it."""
        if outcome is None or self.context.match_index is not None:
            return
        if self.queue.entity_kind != LEAD:
            return  # switched to Contacts meanwhile
        kept, rows, some_mergeable = outcome
        self._kept = kept
        self.queue.expect_more(len(kept.result.groups), some_mergeable)
        self._show_result(kept.result, rows, final=False)

    def _show_rest_of_kept(
        self, _result: ScanResult, rows: list[QueueRow], in_groups: frozenset[int]
    ) -> None:
        """The kept queue's other rows, after its first ones (unless the queue
        shows something else by now: the index's, or the Contacts)."""
        if self.context.match_index is not None or self.queue.entity_kind != LEAD:
            return
        if self._shown_entity != LEAD or not self.queue.counting():
            return
        self.queue.add_rows(rows)
        self.leads.set_duplicate_ids(in_groups)

    def _show_result(
        self, result: ScanResult, rows: list[QueueRow], entity: str = LEAD, final: bool = True
    ) -> None:
        # The open group stays the highlighted one (a rebuilt window has no current row yet).
        self._shown_entity = entity
        self.queue.set_rows(rows, keep=self._open_key)
        if entity == CONTACT:
            text = self.tr("{groups} groups among {contacts} contacts").format(
                groups=len(result.groups), contacts=result.lead_count
            )
        else:
            if final:  # (the kept queue's first rows: with the rest, from the worker)
                self.leads.set_duplicate_ids(lead_ids_in_groups(result))
            text = self.tr("{groups} groups among {leads} leads").format(
                groups=len(result.groups), leads=result.lead_count
            )
        # Not after each merge's update: it would cover a word about a Ctrl+Return;
        # nor for the kept queue's first rows (the queue's count says how many,
        # and the build's progress, shown next, would be drawn over it).
        if final:
            self.statusBar().showMessage(text, 8000)
        self._queue_shown(final)

    def _show_update(self, delta: QueueDelta) -> None:
        """A refresh's changes only: rows out and in, the rest of the queue untouched."""
        self.queue.update_rows(delta.removed, delta.added)
        self.leads.set_duplicate_ids(delta.in_groups)
        self._queue_shown()

    def _queue_shown(self, final: bool = True) -> None:
        """The queue shows a result: open a group if none is, and say so
        (``scan_finished``) unless it is the kept queue shown before the build."""
        pending, self._pending_open = self._pending_open, None
        if pending == "next" and self.compare_is_empty() and not self.queue.current_row():
            # The group open before the refresh is gone: the one now in its place.
            self.queue.select_proxy_row(min(self._reopen_row, self.queue.visible_count() - 1))
        if self.compare_is_empty() and (pending == "next" or not self.queue.current_row()):
            # Ready to work: the first group open, the keyboard in the queue.
            self.queue.open_current_or_first()
            if self.tabs.currentIndex() == QUEUE_TAB:
                self.queue.table.setFocus()
        if final:
            self.scan_finished.emit()

    def load_leads(self) -> None:
        ws, operator = self.context.workspace, self.context.operator

        def work() -> list[Any]:
            with quiet_gc(freeze=True):
                return readable_lead_rows(ws, operator)  # a lead one may not read: not listed

        self.context.query(self, work, self._leads_loaded).run_in_background()

    def _leads_loaded(self, rows: Sequence[Any]) -> None:
        self.leads.set_rows(rows)
        self.leads_loaded.emit()
