"""The review queue widget: filters above, the groups below, keyboard-first.

The highlighted row is the group in the comparison view: arrows, J/K, a
click, a filter that hides the open group all move the highlight, and the
window opens whatever is highlighted (``current_changed``).  The data comes from the main
window (``set_rows``) after a background scan.  The columns' widths, the
header's menu and its kept state are ``queue_columns.QueueColumns``, a mixin
of this view.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deskdup.models import Channel
from deskdup.services.matching import LIKELY, POSSIBLE
from deskdup.services.merge_plan import CONTACT, LEAD
from deskdup.services.messages import QT_TRANSLATE_NOOP
from deskdup.views.channel_badges import channel_icon, channel_name
from deskdup.views.queue_cells import GAP, ICON, ChannelsDelegate, ScoreDelegate, row_height
from deskdup.views.queue_columns import HIDDEN, LOCK_WIDTH, QueueColumns
from deskdup.views.queue_model import Column, QueueFilter, QueueModel, QueueProxy, Role
from deskdup.views.queue_rows import CHANNEL_ORDER, QueueRow

CUSTOM = -1  # the period item that shows the two date fields
PERIODS = (  # (label, days back; None = any time)
    (QT_TRANSLATE_NOOP("QueueView", "Any time"), None),
    (QT_TRANSLATE_NOOP("QueueView", "Today"), 0),
    (QT_TRANSLATE_NOOP("QueueView", "Last 7 days"), 7),
    (QT_TRANSLATE_NOOP("QueueView", "Last 30 days"), 30),
    (QT_TRANSLATE_NOOP("QueueView", "Dates…"), CUSTOM),
)

__all__ = ["GAP", "ICON", "QueueView"]


# Leads / Contacts: the switch between the two queues (a key switches too).
ENTITY_KEY = "Ctrl+Shift+C"


class QueueView(QueueColumns, QWidget):
    group_activated = Signal(object)  # QueueRow: open it in the comparison view
    current_changed = Signal(object)  # QueueRow or None: the highlighted row moved
    filters_changed = Signal()
    entity_changed = Signal(str)  # LEAD or CONTACT: which duplicates the queue lists

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claims: tuple[Mapping[int, Any], int] | None = None  # the last set_claims
        # (groups in all, may she merge any) while only the first are in.
        self._total: tuple[int, bool] | None = None
        self._more: tuple[int, bool] | None = None  # the next set_rows' (expect_more)
        self._looking = False  # a scan runs (set_looking)
        self.model = QueueModel(self)
        self._quiet = False  # ``update_rows`` at work: the highlight's moves are its own
        self.proxy = QueueProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Filter by name, ID or owner"))
        self.text.setAccessibleName(self.text.placeholderText())
        self.text.setClearButtonEnabled(True)
        top = QHBoxLayout()
        self.entity = QComboBox()
        self.entity.addItem(self.tr("Leads"), LEAD)
        self.entity.addItem(self.tr("Contacts"), CONTACT)
        self.entity.setAccessibleName(self.tr("Duplicates of"))
        self.entity.setToolTip(
            self.tr("Duplicate leads or duplicate contacts ({key})").format(
                key=QKeySequence(ENTITY_KEY).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        top.addWidget(self.entity)
        top.addWidget(self.text, 1)
        self.mergeable_only = QCheckBox(self.tr("Only groups I can merge"))
        self.mergeable_only.setToolTip(
            self.tr(
                "Hide the groups you lack a right to merge (a lock in the first column); "
                "their owners or a supervisor merge them"
            )
        )
        top.addWidget(self.mergeable_only)
        self.show_possible = QCheckBox(self.tr("Also possible duplicates"))
        self.show_possible.setToolTip(
            self.tr(
                "Also the groups with weaker evidence (a first name and the time, a text "
                "many leads send): more of the duplicates, more groups that are not"
            )
        )
        top.addWidget(self.show_possible)
        layout.addLayout(top)
        bar = QHBoxLayout()
        self.channel = QComboBox()
        self.channel.addItem(self.tr("All channels"), None)
        for channel in sorted(CHANNEL_ORDER, key=CHANNEL_ORDER.get):
            self.channel.addItem(channel_icon(channel), channel_name(channel), channel)
        bar.addWidget(self.channel)
        self.owner = QComboBox()
        self.owner.addItem(self.tr("All owners"), "")
        self.owner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.owner.setMinimumContentsLength(12)
        bar.addWidget(self.owner, 1)
        self.min_score = QDoubleSpinBox()
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setPrefix(self.tr("Score ≥ "))
        self.min_score.setAccessibleName(self.tr("Lowest score shown"))
        bar.addWidget(self.min_score)
        self.period = QComboBox()
        for label, days in PERIODS:
            self.period.addItem(QCoreApplication.translate("QueueView", label), days)
        self.period.setToolTip(self.tr("When the leads of a group came in"))
        bar.addWidget(self.period)
        today = QDate.currentDate()
        self.from_label = QLabel(self.tr("from"))
        self.date_from = self._date_edit(today.addDays(-7))
        self.to_label = QLabel(self.tr("to"))
        self.date_to = self._date_edit(today)
        self.date_from.setToolTip(self.tr("Groups with a lead created on or after this day"))
        self.date_to.setToolTip(self.tr("Groups with a lead created on or before this day"))
        bar.addStretch(0)
        layout.addLayout(bar)
        # The range gets its own row (shown with "Dates…") so the filters above keep their room.
        dates = QHBoxLayout()
        for widget in (self.from_label, self.date_from, self.to_label, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        layout.addLayout(dates)

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Groups to review"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        # Two lines a row: names, reasons and owners wrap instead of being cut, and
        # what still does not fit ends in "…" with the whole text in the tooltip.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(row_height(self.table.fontMetrics()))
        self.table.setItemDelegateForColumn(Column.CHANNELS, ChannelsDelegate(self.table))
        self.table.setItemDelegateForColumn(Column.SCORE, ScoreDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSortIndicator(Column.SCORE, Qt.SortOrder.DescendingOrder)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(LOCK_WIDTH)
        # The operator's own widths (a column dragged or moved) are kept; until then
        # "Why" follows the queue's width.
        self._auto_widths = True
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        header.sectionMoved.connect(self._section_moved)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        for column in HIDDEN:
            self.table.setColumnHidden(column, True)
        self.fit_columns()
        self.table.viewport().installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)

        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_moved)
        self.table.clicked.connect(self._activated)
        for widget in (self.channel, self.owner, self.period):
            widget.currentIndexChanged.connect(self._apply_filter)
        self.period.currentIndexChanged.connect(self._show_dates)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._apply_filter)
        self.mergeable_only.toggled.connect(self._apply_filter)
        self.min_score.valueChanged.connect(self._apply_filter)
        self.text.textChanged.connect(self._apply_filter)
        self.entity.currentIndexChanged.connect(self._entity_switched)
        switch = QShortcut(QKeySequence(ENTITY_KEY), self)
        switch.setContext(Qt.ShortcutContext.WindowShortcut)
        switch.activated.connect(self.toggle_entity)
        for key, step in (("J", 1), ("K", -1)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.move(step))
        self._show_dates()
        self._update_count()

    @staticmethod
    def _date_edit(day: QDate) -> QDateEdit:
        edit = QDateEdit(day)  # the locale's short date: 26.11.2026, 11/26/26
        edit.setCalendarPopup(True)
        return edit

    def _show_dates(self, *_args) -> None:
        custom = self.period.currentData() == CUSTOM
        for widget in (self.from_label, self.date_from, self.to_label, self.date_to):
            widget.setVisible(custom)

    # ------------------------------------------------------------------ data

    def expect_more(self, total: int, some_mergeable: bool) -> None:
        """The next ``set_rows`` is of the first of ``total`` groups (``add_rows``
        brings the rest; the count says it is still reading them), and whether
        the operator may merge any of them all."""
        self._more = (total, some_mergeable)

    def set_rows(self, rows: Sequence[QueueRow], keep: str | None = None) -> None:
        keep = keep or (self.current_row().key if self.current_row() else None)
        more, self._more = self._more, None
        self._total = more if more is not None and more[0] > len(rows) else None
        self.model.set_rows(rows)
        if self._claims is not None and self.entity_kind == LEAD:  # claims are of lead groups
            self.model.set_claims(*self._claims)
        self._fill_owners(rows)
        self._refilter_if_changed()
        self._update_count()
        if keep:
            self.select_key(keep, open_it=False)

    def add_rows(self, rows: Sequence[QueueRow]) -> None:
        """The rest of the rows ``set_rows`` was given the first of: put in after
        them (or in their sorted places), the highlight and the scroll kept."""
        self._total = None
        self.model.extend(rows)
        if rows and self._claims is not None and self.entity_kind == LEAD:
            self.model.set_claims(*self._claims)
        self._fill_owners(self.model.rows(), only_if_changed=True)
        self._refilter_if_changed()
        self._update_count()

    def counting(self) -> bool:
        """Only the first groups are in; the rest are still being read."""
        return self._total is not None

    def set_looking(self, looking: bool) -> None:
        """A scan runs and the queue has no group yet (a workspace's first
        scan): the count says so instead of "0 groups to review"."""
        self._looking = looking
        self._update_count()

    def set_claims(self, holders: Mapping[int, Any], me: int) -> None:
        """Mark the groups colleagues are reviewing; Next passes them by."""
        self._claims = (holders, me)
        self.model.set_claims(holders if self.entity_kind == LEAD else {}, me)

    def update_rows(self, removed: Collection[str], added: Sequence[QueueRow]) -> None:
        """Take out and put in the groups a refresh changed (``queue_update.py``).

        The highlighted group stays highlighted when it is still there; when it
        changed (a lead joined or left it) its successor, the group holding the
        most of its leads, is highlighted instead.  The highlight moving on its
        own while rows go (Qt moves it to a neighbour) is not announced: the
        comparison must not jump to a group because a row above it changed.
        """
        current = self.current_row()
        self._quiet = True
        try:
            self.model.update(removed, added)
        finally:
            self._quiet = False
        if added and self._claims is not None and self.entity_kind == LEAD:
            self.model.set_claims(*self._claims)  # the new rows' "being reviewed by …"
        if added or removed:
            self._fill_owners(self.model.rows(), only_if_changed=True)
            self._refilter_if_changed()
        self._update_count()
        if current is None:
            return
        now = self.current_row()
        if (now is not None and now.key == current.key) or self.select_key(
            current.key, open_it=False
        ):
            return
        leads = set(current.lead_ids)
        heirs = [r for r in added if leads.intersection(r.lead_ids)]
        heir = max(heirs, key=lambda r: len(leads.intersection(r.lead_ids)), default=None)
        if heir is None or not self.select_key(heir.key, open_it=False):
            # Gone, or filtered out: what Qt highlighted in its place, now said aloud.
            self.current_changed.emit(self.current_row())

    def remove_leads(self, lead_ids: Iterable[int]) -> list[str]:
        removed = self.model.remove_leads(lead_ids)
        self._refilter_if_changed()
        self._update_count()
        return removed

    def _refilter_if_changed(self) -> None:
        """New rows may turn "nothing she may merge" on or off (see ``_lock_filter_on``)."""
        wanted = self.current_filter()
        if wanted != self.proxy.queue_filter:
            self.proxy.set_filter(wanted)

    def nothing_mergeable(self) -> bool:
        total = self.model.rowCount()
        if self._total is not None:  # the first groups alone do not tell
            return not self._total[1]
        return total > 0 and self.model.locked_count() == total

    def _lock_filter_on(self) -> bool:
        """ "Only groups I can merge", unless she may merge none of them: then the
        filter would empty the queue (a trainee without the delete right), and she
        still reviews and dismisses; the count says why the locks are shown."""
        return self.mergeable_only.isChecked() and not self.nothing_mergeable()

    def _fill_owners(self, rows: Sequence[QueueRow], only_if_changed: bool = False) -> None:
        current = self.owner.currentData()
        owners = sorted({o for r in rows for o in r.owners})
        if only_if_changed and owners == [
            self.owner.itemData(i) for i in range(1, self.owner.count())
        ]:
            return
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("All owners"), "")
        for owner in owners:
            self.owner.addItem(owner, owner)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))
        self.owner.blockSignals(False)

    # ------------------------------------------------------------------ filter

    def current_filter(self) -> QueueFilter:
        days = self.period.currentData()
        since = until = None
        if days == CUSTOM:
            first, last = sorted((self.date_from.date(), self.date_to.date()))
            since = datetime(first.year(), first.month(), first.day())
            until = datetime(last.year(), last.month(), last.day()) + timedelta(days=1)
        elif days is not None:
            today = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
            since = today - timedelta(days=days)
        channel = self.channel.currentData()
        return QueueFilter(
            channel=Channel(channel) if channel else None,
            owner=self.owner.currentData() or "",
            min_score=self.min_score.value(),
            since=since,
            until=until,
            text=self.text.text().strip(),
            mergeable_only=self._lock_filter_on(),
        )

    @property
    def entity_kind(self) -> str:
        """LEAD or CONTACT: whose duplicates the queue lists."""
        return self.entity.currentData() or LEAD

    def _entity_switched(self, _index: int) -> None:
        self.model.entity = self.entity_kind  # "2 contacts" under a contact group's score
        self.fit_columns(only_widen=True)
        self.entity_changed.emit(self.entity_kind)

    def set_entity(self, entity: str) -> None:
        self.entity.setCurrentIndex(max(0, self.entity.findData(entity)))

    def toggle_entity(self) -> None:
        self.set_entity(CONTACT if self.entity_kind == LEAD else LEAD)

    @property
    def tier(self) -> str:
        """The tier of groups the queue asks for (the window scans for it)."""
        return POSSIBLE if self.show_possible.isChecked() else LIKELY

    def set_mergeable_only(self, on: bool) -> None:
        """Check or clear "Only groups I can merge" (the window restores the saved choice)."""
        self.mergeable_only.setChecked(on)
        self._apply_filter()

    def set_filter(self, queue_filter: QueueFilter) -> None:
        self.proxy.set_filter(queue_filter)
        self._update_count()
        self.filters_changed.emit()

    def _apply_filter(self, *_args) -> None:
        self.set_filter(self.current_filter())

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0 and self._looking:
            self.count.setText(self.tr("Looking for duplicates…"))
            return
        if self._total is not None:
            if shown == total:
                text = self.tr("{n} groups to review · reading the rest…")
                text = text.format(n=self._total[0])
            else:
                text = self.tr("{shown} of the first {first} of {total} groups · reading the rest…")
                text = text.format(shown=shown, first=total, total=self._total[0])
            self.count.setText(text)
            return
        if shown == total:
            text = self.tr("{n} groups to review").format(n=total)
        else:
            text = self.tr("{shown} of {total} groups").format(shown=shown, total=total)
        locked = self.model.locked_count()
        if self.nothing_mergeable():
            text += " · " + self.tr("you may merge none of them (a lock's tooltip says why)")
        elif locked and self.mergeable_only.isChecked():
            text += " · " + self.tr("{n} that you cannot merge are hidden").format(n=locked)
        elif locked:
            text += " · " + self.tr("{n} locked").format(n=locked)
        self.count.setText(text)

    # ------------------------------------------------------------------ selection

    def current_row(self) -> QueueRow | None:
        index = self.table.currentIndex()
        return index.data(Role.ObjectRole) if index.isValid() else None

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    def select_proxy_row(self, row: int, open_it: bool = True) -> bool:
        if not 0 <= row < self.proxy.rowCount():
            return False
        index = self.proxy.index(row, Column.CUSTOMER)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if open_it:
            self.group_activated.emit(index.data(Role.ObjectRole))
        return True

    def select_key(self, key: str, open_it: bool = True) -> bool:
        source_row = self.model.find(key)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, Column.CUSTOMER))
        if not index.isValid():
            return False
        return self.select_proxy_row(index.row(), open_it)

    def move(self, step: int) -> bool:
        """Select and open the next (1) or previous (-1) group a colleague is not reviewing."""
        current = self.table.currentIndex()
        row = current.row() + step if current.isValid() else 0
        return self.select_proxy_row(self.unclaimed_from(row, step))

    def unclaimed_from(self, row: int, step: int = 1) -> int:
        """The first row from ``row`` on (in ``step``'s direction) no colleague reviews;
        -1 when there is none."""
        step = 1 if step >= 0 else -1
        i = row
        while 0 <= i < self.proxy.rowCount():
            found = self.proxy.index(i, Column.CUSTOMER).data(Role.ObjectRole)
            if found is not None and not found.claimed_by:
                return i
            i += step
        return -1

    def open_current_or_first(self) -> bool:
        current = self.table.currentIndex()
        return self.select_proxy_row(current.row() if current.isValid() else self.unclaimed_from(0))

    def _current_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return  # rows being taken out and put in: ``update_rows`` decides
        self.current_changed.emit(current.data(Role.ObjectRole) if current.isValid() else None)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.group_activated.emit(index.data(Role.ObjectRole))
