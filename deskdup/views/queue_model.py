"""The review queue as a Qt table: one row per candidate group.

Rows are plain ``QueueRow`` records built off the UI thread
(``queue_rows.build_rows``) from the scan's groups and lead summaries, the
leads' real names and the signed-in operator's rights (``services/lead_rows.py``);
``data()`` only formats the rows the view asks for.  Sorting is done here on the Python
list (fast at tens of thousands of groups); filtering by :class:`QueueFilter`
through a ``QSortFilterProxyModel`` that forwards ``sort`` to this model.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from deskdup.models import Channel
from deskdup.services.candidates import Reason
from deskdup.services.lead_rows import fold
from deskdup.services.merge_plan import CONTACT, LEAD
from deskdup.services.messages import QT_TRANSLATE_NOOP
from deskdup.services.rights import grouped_refusals
from deskdup.services.times import minutes_since_epoch
from deskdup.views import icons
from deskdup.views.channel_badges import channel_name
from deskdup.views.formatting import translate_message
from deskdup.views.queue_rows import QueueRow

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    LOCK = 0  # a lock when the signed-in operator may not merge the group
    SCORE = 1  # the view shows the group's size under it
    LEADS = 2  # hidden by default (the size is under the score)
    CHANNELS = 3
    CUSTOMER = 4  # the names, fullest first; phones and handles only of nameless leads
    REASONS = 5  # next to the customer: at 1366 px it was past the right edge
    OWNERS = 6
    AGE = 7


class Role(enum.IntEnum):
    ObjectRole = Qt.ItemDataRole.UserRole + 1  # the QueueRow
    ChannelsRole = Qt.ItemDataRole.UserRole + 3  # tuple[Channel, ...] for the delegate
    MergeableRole = Qt.ItemDataRole.UserRole + 4  # bool: may the operator merge it
    SizeRole = Qt.ItemDataRole.UserRole + 5  # "3 leads", shown under the score


# Locked rows read as unavailable, like disabled items, without hiding their text.
LOCKED_TEXT = QColor("#78909C")


def translate_reason(reason: Reason) -> str:
    return translate_message(reason.text)


def format_age(oldest: datetime | None, now: datetime | None = None) -> str:
    if oldest is None:
        return ""
    now = now or datetime.now()
    seconds = max(0, int((now - oldest).total_seconds()))
    if seconds < 3600:
        return QCoreApplication.translate("Queue", "{n} min").format(n=max(1, seconds // 60))
    if seconds < 86400:
        return QCoreApplication.translate("Queue", "{n} h").format(n=seconds // 3600)
    return QCoreApplication.translate("Queue", "{n} d").format(n=seconds // 86400)


class QueueModel(QAbstractTableModel):
    HEADERS = {
        Column.LOCK: "",  # a lock icon; the tooltip says what it means
        Column.SCORE: QT_TRANSLATE_NOOP("Queue", "Score"),
        Column.LEADS: QT_TRANSLATE_NOOP("Queue", "Leads"),
        Column.CHANNELS: QT_TRANSLATE_NOOP("Queue", "Channels"),
        Column.CUSTOMER: QT_TRANSLATE_NOOP("Queue", "Customer"),
        Column.OWNERS: QT_TRANSLATE_NOOP("Queue", "Owners"),
        Column.AGE: QT_TRANSLATE_NOOP("Queue", "Age"),
        Column.REASONS: QT_TRANSLATE_NOOP("Queue", "Why"),
    }

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._locked = 0
        self._sort: tuple[int, Qt.SortOrder] = (Column.SCORE, Qt.SortOrder.DescendingOrder)
        self.now: datetime | None = None  # fixed "now" for tests; None: the clock
        # Whose groups the rows are (the queue's Leads / Contacts): the size's word.
        self.entity = LEAD

    # ------------------------------------------------------------------ Qt API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.HEADERS[Column(section)]
            return QCoreApplication.translate("Queue", text) if text else ""
        if section == Column.LOCK:
            if role == Qt.ItemDataRole.DecorationRole:
                return icons.action_icon("lock")
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return QCoreApplication.translate("Queue", "Can merge")
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "Queue", "A lock: you lack a right to merge the group (the tooltip says which)"
                )
        if section == Column.CUSTOMER and role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "Queue",
                "The customer's names, fullest first; a phone, e-mail or handle "
                "stands for a lead that has no name",
            )
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Role.ObjectRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and column in (Column.LOCK, Column.CHANNELS):
            # Icons only on screen: a screen reader reads the words instead.
            if column == Column.LOCK and row.lock is not None:
                return QCoreApplication.translate("Queue", "locked")
            if column == Column.LOCK:
                return QCoreApplication.translate("Queue", "can merge")
            return self._tooltip(row, column) or QCoreApplication.translate("Queue", "no channels")
        if role == Qt.ItemDataRole.DecorationRole:
            if column == Column.LOCK and row.claimed_by:
                return icons.action_icon("reviewing")
            if column == Column.LOCK and row.lock is not None:
                return icons.action_icon("lock")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if (
                row.claimed_by
                or row.lock is not None
                or (column == Column.CUSTOMER and not row.names)
            ):
                return LOCKED_TEXT
            return None
        if role == Role.MergeableRole:
            return row.mergeable
        if role == Role.SizeRole:
            return self.size_text(row)
        if role == Role.ChannelsRole and column == Column.CHANNELS:
            return row.channels
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.SCORE,
            Column.LEADS,
            Column.AGE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def size_text(self, row: QueueRow) -> str:
        return self.size_of(len(row.lead_ids))

    def size_of(self, count: int) -> str:
        """The size of a group of ``count``: "3 leads", or "3 contacts" in a queue of contacts."""
        if self.entity == CONTACT:
            return self.tr("%n contacts", "", count)
        return self.tr("%n leads", "", count)

    def _tooltip(self, row: QueueRow, column: int) -> str | None:
        if column == Column.LOCK and row.claimed_by:
            return row.claimed_by
        if column == Column.LOCK:
            if row.lock is None:
                return QCoreApplication.translate("Queue", "You may merge this group")
            return "\n".join(
                (
                    QCoreApplication.translate("Queue", "You cannot merge this group:"),
                    *(translate_message(m) for m in grouped_refusals(row.refusals)),
                )
            )
        if column == Column.SCORE:
            return f"{row.score:.2f} · {self.size_text(row)}"
        if column == Column.CHANNELS:
            return ", ".join(channel_name(c) for c in row.channels)
        if column == Column.REASONS:
            return "\n".join(translate_reason(r) for r in row.reasons)
        if column == Column.CUSTOMER:
            return "\n".join(
                f"#{label}  {name}  ({channel_name(channel)})"
                for label, name, channel in row.members
            )
        if column == Column.OWNERS:
            return self._display(row, column)
        return None

    def _display(self, row: QueueRow, column: int) -> str | None:
        if column == Column.LOCK:
            return None  # the icon; the refusals in the tooltip
        if column == Column.SCORE:
            return f"{row.score:.2f}"
        if column == Column.LEADS:
            return str(len(row.group.lead_ids))
        if column == Column.CHANNELS:
            return None  # icons only (the delegate); names in the tooltip
        if column == Column.CUSTOMER:
            return f"{row.claimed_by} — {row.customer}" if row.claimed_by else row.customer
        if column == Column.OWNERS:
            return ", ".join(row.owners)
        if column == Column.AGE:
            return format_age(row.oldest, self.now)
        if column == Column.REASONS:
            if row.reasons_text is None:
                row.reasons_text = "; ".join(translate_reason(r) for r in row.reasons)
            return row.reasons_text
        return None

    @staticmethod
    def _sort_key(row: QueueRow, column: int) -> Any:
        if column == Column.LOCK:
            return (row.lock.missing if row.lock else 0, -row.score)  # mergeable first
        if column == Column.SCORE:
            return row.score
        if column == Column.LEADS:
            return len(row.group.lead_ids)
        if column == Column.CHANNELS:
            return len(row.channels)
        if column == Column.CUSTOMER:
            return (0 if row.names else 1, row.customer.lower())  # nameless groups last
        if column == Column.OWNERS:
            return " ".join(row.owners).lower()
        if column == Column.AGE:
            # Older first when ascending by age = smaller timestamp is "bigger" age.
            return -minutes_since_epoch(row.oldest) if row.oldest else 0.0
        if column == Column.REASONS:
            return row.reasons[0].weight if row.reasons else 0.0
        return 0

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort = (column, order)
        self._arrange(
            sorted(
                self._rows,
                key=lambda r: self._sort_key(r, column),
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        )

    # ------------------------------------------------------------------ data

    def set_rows(self, rows: Sequence[QueueRow]) -> None:
        column, order = self._sort
        ordered = sorted(
            rows,
            key=lambda r: self._sort_key(r, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        # Sorted before the reset: one pass of the proxy's filter, not two.
        self.beginResetModel()
        self._rows = ordered
        self._locked = sum(1 for r in ordered if r.lock is not None)
        self.endResetModel()

    def extend(self, rows: Sequence[QueueRow]) -> None:
        """Put in ``rows``, the rest of a queue ``set_rows`` was given the first
        rows of: appended in one insertion, then every row put where
        ``set_rows`` of them all would put it (``build_rows``' order, then the
        column sorted by), the highlight and selection following their rows."""
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self._locked += sum(1 for r in rows if r.lock is not None)
        self.endInsertRows()
        column, order = self._sort
        self._arrange(
            sorted(
                sorted(self._rows, key=lambda r: (-r.score, r.group.lead_ids)),
                key=lambda r: self._sort_key(r, column),
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        )

    def _arrange(self, ordered: list[QueueRow]) -> None:
        """The same rows in a new order, as a layout change (persistent indexes,
        the highlight among them, follow their rows)."""
        if all(a is b for a, b in zip(ordered, self._rows, strict=True)):
            return
        self.layoutAboutToBeChanged.emit()
        old = {id(r): i for i, r in enumerate(self._rows)}
        before = self.persistentIndexList()
        self._rows = ordered
        by_old = [0] * len(ordered)
        for i, r in enumerate(ordered):
            by_old[old[id(r)]] = i
        self.changePersistentIndexList(
            before, [self.index(by_old[i.row()], i.column()) for i in before]
        )
        self.layoutChanged.emit()

    def rows(self) -> list[QueueRow]:
        return list(self._rows)

    def set_claims(self, holders: Mapping[int, Any], me: int) -> None:
        """Mark the groups colleagues are reviewing (``holders``: lead id -> ``Holder``)."""
        last = len(Column) - 1
        for i, row in enumerate(self._rows):
            holder = next(
                (
                    holders[lead_id]
                    for lead_id in row.group.lead_ids
                    if lead_id in holders and holders[lead_id].operator_id != me
                ),
                None,
            )
            marker = translate_message(holder.marker()) if holder is not None else ""
            if marker != row.claimed_by:
                row.claimed_by = marker
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    def locked_count(self) -> int:
        """Groups the signed-in operator may not merge."""
        return self._locked

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def find(self, key: str) -> int:
        for i, r in enumerate(self._rows):
            if r.key == key:
                return i
        return -1

    def remove_leads(self, lead_ids: Iterable[int]) -> list[str]:
        """Drop every group containing one of ``lead_ids`` (merged or dismissed);
        the keys of the groups dropped."""
        gone = set(lead_ids)
        removed: list[str] = []
        for i in range(len(self._rows) - 1, -1, -1):
            if gone.intersection(self._rows[i].group.lead_ids):
                self.beginRemoveRows(QModelIndex(), i, i)
                self._locked -= self._rows[i].lock is not None
                removed.append(self._rows[i].key)
                del self._rows[i]
                self.endRemoveRows()
        return removed

    def update(self, removed: Collection[str], added: Iterable[QueueRow]) -> None:
        """Take out the groups ``removed`` (keys) and put ``added`` in their sorted
        places, as row removals and insertions: no reset, so the rows left keep
        their identity, the selection and the scroll position (``queue_update.py``)."""
        gone = set(removed)
        new = list(added)
        gone.update(r.key for r in new)  # a changed group comes back as a new row
        if gone:
            doomed = [i for i, r in enumerate(self._rows) if r.key in gone]
            # From the bottom, a run of neighbours at a time: the indexes above stay valid.
            while doomed:
                last = doomed.pop()
                first = last
                while doomed and doomed[-1] == first - 1:
                    first = doomed.pop()
                self.beginRemoveRows(QModelIndex(), first, last)
                self._locked -= sum(r.lock is not None for r in self._rows[first : last + 1])
                del self._rows[first : last + 1]
                self.endRemoveRows()
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        for row in new:
            at = self._sorted_place(self._sort_key(row, column), descending)
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, row)
            self._locked += row.lock is not None
            self.endInsertRows()

    def _sorted_place(self, key: Any, descending: bool) -> int:
        """Where a row with sort key ``key`` goes: after the rows that sort before
        it or equal (as a stable sort of the whole list would put it last among equals)."""
        rows, sort_key, column = self._rows, self._sort_key, self._sort[0]
        low, high = 0, len(rows)
        while low < high:
            middle = (low + high) // 2
            other = sort_key(rows[middle], column)
            before = other >= key if descending else other <= key
            if before:
                low = middle + 1
            else:
                high = middle
        return low

    def retranslate(self) -> None:
        for r in self._rows:
            r.reasons_text = None
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )


@dataclass
class QueueFilter:
    channel: Channel | None = None
    owner: str = ""
    min_score: float = 0.0
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""
    mergeable_only: bool = False  # hide the groups the operator lacks a right to merge

    def accepts(self, row: QueueRow) -> bool:
        if self.mergeable_only and row.lock is not None:
            return False
        if row.score < self.min_score:
            return False
        if self.channel is not None and self.channel not in row.channels:
            return False
        if self.owner and self.owner not in row.owners:
            return False
        if self.since is not None and (row.newest is None or row.newest < self.since):
            return False
        if self.until is not None and (row.oldest is None or row.oldest > self.until):
            return False
        if self.text:
            return all(word in row.search_text for word in fold(self.text).split())
        return True


class QueueProxy(QSortFilterProxyModel):
    """Filters by :class:`QueueFilter`; sorting is the source model's own."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._filter = QueueFilter()
        self._inactive = True
        self._rows_of = None
        self.setDynamicSortFilter(False)

    @property
    def queue_filter(self) -> QueueFilter:
        return self._filter

    def set_filter(self, queue_filter: QueueFilter) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            self._set(queue_filter)
            self.endFilterChange()
        else:
            self._set(queue_filter)
            self.invalidateFilter()

    def _set(self, queue_filter: QueueFilter) -> None:
        self._filter = queue_filter
        self._inactive = queue_filter == QueueFilter()

    def setSourceModel(self, model) -> None:
        self._rows_of = model.row_at if isinstance(model, QueueModel) else None
        super().setSourceModel(model)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        # Called once per group on every change: keep it lean.
        if self._inactive:
            return True
        if self._rows_of is None or source_parent.isValid():
            return False
        return self._filter.accepts(self._rows_of(source_row))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, QueueModel):
            model.sort(column, order)
