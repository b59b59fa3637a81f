"""The history as a Qt table that loads lazily, a page at a time.

The history may hold 100,000 events; the model never holds more than the
operator scrolled to.  ``reload`` counts the filtered events and loads the
first page on the database worker; ``fetchMore`` (called by the view as the
operator scrolls) loads the next page the same way.  Filtering and sorting
happen in SQL (``services/history.py``), because a proxy model can only sort
what is loaded: ``sort`` reloads in the new order.  A page that comes back
after the filter changed again is dropped (``_generation``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from deskdup.services.history import (
    KIND_WORDS,
    HistoryFilter,
    HistoryRow,
    Sort,
    count_events,
    load_page,
)
from deskdup.services.history_export import local_time
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.views.channel_badges import channel_icon, channel_name
from deskdup.views.context import AppContext
from deskdup.views.formatting import translate_message

ModelIndex = QModelIndex | QPersistentModelIndex
PAGE = 200

UNDONE_TEXT = QColor("#78909C")


class Column(enum.IntEnum):
    TIME = 0
    OPERATOR = 1
    KIND = 2
    PRIMARY = 3
    OTHERS = 4
    CHANNELS = 5
    REASONS = 6


HEADERS = {
    Column.TIME: QT_TRANSLATE_NOOP("HistoryModel", "Time"),
    Column.OPERATOR: QT_TRANSLATE_NOOP("HistoryModel", "Operator"),
    Column.KIND: QT_TRANSLATE_NOOP("HistoryModel", "Event"),
    Column.PRIMARY: QT_TRANSLATE_NOOP("HistoryModel", "Primary"),
    Column.OTHERS: QT_TRANSLATE_NOOP("HistoryModel", "Others"),
    Column.CHANNELS: QT_TRANSLATE_NOOP("HistoryModel", "Channels"),
    Column.REASONS: QT_TRANSLATE_NOOP("HistoryModel", "Why"),
}
UNDONE = QT_TRANSLATE_NOOP("HistoryModel", "{kind} (undone)")
SORTS = {
    Column.TIME: Sort.TIME,
    Column.OPERATOR: Sort.OPERATOR,
    Column.KIND: Sort.KIND,
    Column.PRIMARY: Sort.PRIMARY,
}


class Role(enum.IntEnum):
    ObjectRole = Qt.ItemDataRole.UserRole + 1  # the HistoryRow


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryModel", text)


def kind_text(row: HistoryRow) -> str:
    word = QCoreApplication.translate("History", KIND_WORDS.get(row.kind, row.kind.value))
    return _tr(UNDONE).format(kind=word) if row.undone else word


def reasons_text(row: HistoryRow) -> str:
    parts = [translate_message(r) if isinstance(r, Message) else str(r) for r in row.reasons]
    return "; ".join(p for p in parts if p) or row.summary


class HistoryModel(QAbstractTableModel):
    loaded = Signal()  # a reload finished (count and first page)
    failed = Signal(object)  # the exception of a failed load

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self._context = context
        self.rows: list[HistoryRow] = []
        self.total = 0
        self.filter = HistoryFilter()
        self._generation = 0
        self._loading = False

    # ------------------------------------------------------------------ loading

    def reload(self, flt: HistoryFilter | None = None) -> None:
        """Count the events the filter finds and load the first page (on the worker)."""
        if flt is not None:
            self.filter = flt
        self._generation += 1
        generation, ws, viewer, current = (
            self._generation,
            self._context.workspace,
            self._context.operator,
            self.filter,
        )
        self._loading = True

        def load() -> tuple[int, list[HistoryRow]]:
            return count_events(ws, viewer, current), load_page(ws, viewer, current, 0, PAGE)

        def done(result: tuple[int, list[HistoryRow]]) -> None:
            if generation != self._generation:
                return
            self._loading = False
            self.beginResetModel()
            self.total, self.rows = result
            self.endResetModel()
            self.loaded.emit()

        self._run(load, done)

    def _run(self, op: Callable[[], Any], done: Callable[[Any], None]) -> None:
        generation = self._generation

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._loading = False
                self.failed.emit(exc)

        self._context.query(self, op, done).failure(failed).run_in_background()

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore(parent):
            return
        self._loading = True
        generation, ws, viewer, current = (
            self._generation,
            self._context.workspace,
            self._context.operator,
            self.filter,
        )
        offset = len(self.rows)

        def done(page: list[HistoryRow]) -> None:
            if generation != self._generation:
                return
            self._loading = False
            if not page:
                self.total = len(self.rows)
                return
            self.beginInsertRows(QModelIndex(), offset, offset + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

        self._run(lambda: load_page(ws, viewer, current, offset, PAGE), done)

    @property
    def loading(self) -> bool:
        return self._loading

    def replace_row(self, row: HistoryRow) -> None:
        """Show a fresher copy of one event (after it was undone)."""
        for n, old in enumerate(self.rows):
            if old.id == row.id:
                self.rows[n] = row
                self.dataChanged.emit(self.index(n, 0), self.index(n, len(Column) - 1))
                return

    # ------------------------------------------------------------------ model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return _tr(HEADERS[Column(section)])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.REASONS:
                return reasons_text(row)
            if column == Column.CHANNELS:
                return ", ".join(channel_name(c) for c in row.channels)
            return self._display(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.CHANNELS and row.channels:
            return channel_icon(row.channels[0])
        if role == Qt.ItemDataRole.ForegroundRole and row.undone:
            return UNDONE_TEXT
        if role == Qt.ItemDataRole.FontRole and row.undone and column == Column.KIND:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Role.ObjectRole:
            return row
        return None

    def _display(self, row: HistoryRow, column: Column) -> str:
        if column == Column.TIME:
            return local_time(row.at).strftime("%Y-%m-%d %H:%M")
        if column == Column.OPERATOR:
            return row.operator_name
        if column == Column.KIND:
            return kind_text(row)
        if column == Column.PRIMARY:
            label = f"#{row.primary_label}" if row.primary_label else ""
            return f"{label} {row.primary_name}".strip()
        if column == Column.OTHERS:
            return ", ".join(f"#{x}" for x in (*row.other_labels, *row.contact_labels))
        if column == Column.CHANNELS:
            return ", ".join(channel_name(c) for c in row.channels)
        return reasons_text(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = SORTS.get(Column(column)) if 0 <= column < len(Column) else None
        if sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if sort is self.filter.sort and descending == self.filter.descending and self.rows:
            return
        self.reload(replace(self.filter, sort=sort, descending=descending))

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
