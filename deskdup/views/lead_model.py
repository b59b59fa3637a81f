"""The lead list as a Qt table.

All rows are loaded once off the UI thread (``services/lead_rows.py``);
sorting and filtering work on the Python list (a list comprehension over
100,000 rows takes milliseconds, a proxy calling ``data()`` per comparison
would take seconds).  The table shows every row at once: with fixed-height
rows (``lead_list.py``) a ``QTableView`` only lays out the rows on screen.

Sorting, searching and filtering re-arrange the rows as a layout change, not
a model reset: the selected leads and the current one stay selected wherever
they move (and are let go only when they are filtered out).
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from deskdup.services.lead_rows import LeadRow, fold
from deskdup.services.messages import QT_TRANSLATE_NOOP
from deskdup.views.channel_badges import channel_icon, channel_name
from deskdup.views.formatting import format_time, status_name

ModelIndex = QModelIndex | QPersistentModelIndex

# A lead without a name shows the CRM's title ("WhatsApp: 79606785626") in grey.
NAMELESS_TEXT = QColor("#78909C")


class Column(enum.IntEnum):
    LABEL = 0
    NAME = 1
    CHANNEL = 2
    CONTACTS = 3
    OWNER = 4
    STATUS = 5
    CREATED = 6
    MATCH = 7  # why a search hit matched (empty without a search)


class Role(enum.IntEnum):
    ObjectRole = Qt.ItemDataRole.UserRole + 1  # the LeadRow


HEADERS = {
    Column.LABEL: QT_TRANSLATE_NOOP("Leads", "ID"),
    Column.NAME: QT_TRANSLATE_NOOP("Leads", "Name"),
    Column.CHANNEL: QT_TRANSLATE_NOOP("Leads", "Channel"),
    Column.CONTACTS: QT_TRANSLATE_NOOP("Leads", "Phones, e-mails, handles"),
    Column.OWNER: QT_TRANSLATE_NOOP("Leads", "Owner"),
    Column.STATUS: QT_TRANSLATE_NOOP("Leads", "Status"),
    Column.CREATED: QT_TRANSLATE_NOOP("Leads", "Created"),
    Column.MATCH: QT_TRANSLATE_NOOP("Leads", "Match"),
}


def _sort_key(column: int):
    if column == Column.LABEL:
        return lambda r: r.id
    if column == Column.NAME:
        return lambda r: r.name.lower()
    if column == Column.CHANNEL:
        return lambda r: str(r.channel)
    if column == Column.CONTACTS:
        return lambda r: r.contacts
    if column == Column.OWNER:
        return lambda r: r.owner_name.lower()
    if column == Column.STATUS:
        return lambda r: r.status
    if column == Column.CREATED:
        return lambda r: r.created_at
    return lambda r: r.id


class LeadModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[LeadRow] = []
        self._visible: list[LeadRow] = []
        self._duplicates_only = False
        self._duplicate_ids: frozenset[int] = frozenset()
        # Search: lead id -> the hit's reasons text, in the order of the hits.
        self._hits: dict[int, str] | None = None
        self._sort: tuple[int, Qt.SortOrder] = (Column.CREATED, Qt.SortOrder.DescendingOrder)

    # ------------------------------------------------------------------ Qt API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Leads", HEADERS[Column(section)])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._visible[index.row()]
        column = index.column()
        if role == Role.ObjectRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == Column.LABEL:
                return row.label
            if column == Column.NAME:
                return row.name
            if column == Column.CHANNEL:
                return channel_name(row.channel)
            if column == Column.CONTACTS:
                return row.contacts
            if column == Column.OWNER:
                return row.owner_name
            if column == Column.STATUS:
                return status_name(row.status) if row.status else ""
            if column == Column.CREATED:
                return format_time(row.created_at) if row.created_at else ""
            if column == Column.MATCH:
                return (self._hits or {}).get(row.id, "")
        if role == Qt.ItemDataRole.DecorationRole and column == Column.CHANNEL:
            return channel_icon(row.channel)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.NAME and not row.named:
            return NAMELESS_TEXT  # the CRM's title stands in for a name the lead lacks
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort = (column, order)
        self._refilter()

    # ------------------------------------------------------------------ data

    def set_rows(self, rows: Sequence[LeadRow]) -> None:
        self._all = list(rows)
        self._refilter()

    def set_duplicate_ids(self, ids: Collection[int]) -> None:
        self._duplicate_ids = frozenset(ids)
        if self._duplicates_only:
            self._refilter()

    def set_duplicates_only(self, on: bool) -> None:
        if on != self._duplicates_only:
            self._duplicates_only = on
            self._refilter()

    def set_search_hits(self, hits: Mapping[int, str] | None) -> None:
        """Show only these leads, in this order, with why each matched (None: no search)."""
        self._hits = dict(hits) if hits is not None else None
        self._refilter()

    def text_matches(self, text: str, limit: int) -> list[int]:
        """Leads whose ID, name, contacts or owner contain every word of ``text``.

        What the search box finds besides the index's lookup: a surname alone, a
        lead's ID from the CRM, part of a nickname.  Digits-only text is a phone,
        left to the lookup (every phone contains "916").
        """
        words = fold(text).split()
        if not words or not any(ch.isalpha() for ch in text):
            return []
        found: list[int] = []
        for row in self._all:
            if all(word in row.search_text for word in words):
                found.append(row.id)
                if len(found) >= limit:
                    break
        return found

    def remove_leads(self, ids: Collection[int]) -> None:
        """Take merged-away leads out as row removals: after each merge, a re-sort
        and layout change of 100,000 rows held the window up for a moment."""
        gone = set(ids)
        if not gone:
            return
        self._all = [r for r in self._all if r.id not in gone]
        doomed = [i for i, r in enumerate(self._visible) if r.id in gone]
        while doomed:  # from the bottom, a run of neighbours at a time
            last = first = doomed.pop()
            while doomed and doomed[-1] == first - 1:
                first = doomed.pop()
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._visible[first : last + 1]
            self.endRemoveRows()

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def matching(self) -> int:
        return len(self._visible)

    def row_at(self, row: int) -> LeadRow:
        return self._visible[row]

    def row_of(self, lead_id: int) -> int:
        for i, r in enumerate(self._visible):
            if r.id == lead_id:
                return i
        return -1

    def _refilter(self) -> None:
        rows = self._all
        if self._duplicates_only:
            dup = self._duplicate_ids
            rows = [r for r in rows if r.id in dup]
        if self._hits is not None:
            order = {lead_id: i for i, lead_id in enumerate(self._hits)}
            rows = sorted((r for r in rows if r.id in order), key=lambda r: order[r.id])
        else:
            column, order_ = self._sort
            rows = sorted(
                rows, key=_sort_key(column), reverse=order_ == Qt.SortOrder.DescendingOrder
            )
        self._show(rows)

    def _show(self, rows: list[LeadRow]) -> None:
        """Show ``rows``; every index the views hold (the selection, the current
        lead) follows its lead to its new row, or goes when the lead is not shown."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._visible[i.row()].id for i in old]
        self._visible = rows
        if old:
            where: dict[int, int] = {}
            wanted = set(old_ids)
            for n, row in enumerate(rows):
                if row.id in wanted:
                    where[row.id] = n
            new = [
                self.index(where[lead_id], i.column()) if lead_id in where else QModelIndex()
                for lead_id, i in zip(old_ids, old, strict=True)
            ]
            self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
