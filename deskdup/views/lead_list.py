"""The lead list: every open lead, a "has duplicates" filter and the search box.

The search box answers as the operator types (``MatchIndex.lookup`` on the
database worker, a phone in any format, an e-mail, a handle or a name) and
shows the hits with why they matched.  Select leads and "Compare and merge"
(Ctrl+M) opens them side by side, like the CRM's own list merge button.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskdup.services.lead_rows import LeadRow
from deskdup.views import icons
from deskdup.views.channel_badges import LightIconDelegate
from deskdup.views.lead_model import Column, LeadModel, Role
from deskdup.views.queue_model import translate_reason

SEARCH_DELAY_MS = 150
TEXT_MATCH_LIMIT = 200  # leads that merely contain the text, after the lookup's hits


class LeadListView(QWidget):
    compare_requested = Signal(list)  # lead ids
    bind_requested = Signal(object)  # the LeadRow to bind to a contact
    # Asks the window to run a lookup; the window answers with show_hits().
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LeadModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search: phone in any format, e-mail, @handle or name")
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.action_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        bar.addWidget(self.search, 1)
        self.duplicates_only = QCheckBox(self.tr("Has duplicates"))
        self.duplicates_only.setToolTip(
            self.tr("Only leads that are in a group of the review queue")
        )
        bar.addWidget(self.duplicates_only)
        self.compare_action = QAction(
            icons.action_icon("compare"), self.tr("Compare and merge"), self
        )
        self.compare_action.setShortcut(QKeySequence("Ctrl+M"))
        self.compare_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.compare_action.setToolTip(
            self.tr("Open the selected leads side by side ({keys})").format(
                keys=self.compare_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.compare_action.setEnabled(False)
        self.compare_action.triggered.connect(self.compare_selected)
        self.addAction(self.compare_action)
        compare_button = QToolButton()
        compare_button.setDefaultAction(self.compare_action)
        compare_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addWidget(compare_button)
        layout.addLayout(bar)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setItemDelegateForColumn(
            Column.CHANNEL, LightIconDelegate(_channel_of, self.table)
        )
        header = self.table.horizontalHeader()
        header.setSortIndicator(Column.CREATED, Qt.SortOrder.DescendingOrder)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for column, width in (
            (Column.LABEL, 70),
            (Column.NAME, 200),
            (Column.CHANNEL, 110),
            (Column.CONTACTS, 220),
            (Column.OWNER, 150),
            (Column.STATUS, 90),
            (Column.CREATED, 120),
            (Column.MATCH, 200),
        ):
            header.resizeSection(column, width)
        # Why a search hit matched matters more than its contacts: show it beside the name.
        header.moveSection(header.visualIndex(Column.MATCH), header.visualIndex(Column.NAME) + 1)
        self.table.setColumnHidden(Column.MATCH, True)
        self.table.addAction(self.compare_action)
        self.bind_action = QAction(
            qta.icon("fa5s.address-book"), self.tr("Bind to a contact…"), self
        )
        self.bind_action.setToolTip(self.tr("Find the contact this lead belongs to and bind it"))
        self.bind_action.setEnabled(False)
        self.bind_action.triggered.connect(self.bind_selected)
        self.table.addAction(self.bind_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_now)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._search_now)
        # Down from the search box goes to the hits (Shift+Down then picks more to compare).
        to_table = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        to_table.setContext(Qt.ShortcutContext.WidgetShortcut)
        to_table.activated.connect(self._focus_table)
        self.duplicates_only.toggled.connect(self._duplicates_toggled)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.layoutChanged.connect(self._update_count)
        self._loaded = False
        self._update_count()

    # ------------------------------------------------------------------ data

    @property
    def loaded(self) -> bool:
        return self._loaded

    def set_rows(self, rows: Sequence[LeadRow]) -> None:
        self._loaded = True
        self.model.set_rows(rows)

    def set_duplicate_ids(self, ids: Collection[int]) -> None:
        self.model.set_duplicate_ids(ids)
        self._update_count()

    def remove_leads(self, ids: Collection[int]) -> None:
        self.model.remove_leads(ids)

    def show_hits(self, text: str, hits: Sequence[Any]) -> None:
        """Hits of ``MatchIndex.lookup`` for ``text`` (ignored when the box moved on)."""
        if text != self.search.text().strip():
            return
        found = {h.lead_id: "; ".join(translate_reason(r) for r in h.reasons) for h in hits}
        # The lookup finds people (a phone in any format, a diminutive, a nickname);
        # a surname alone or a lead's ID it does not, and the operator types those too.
        contains = self.tr("Contains “{text}”").format(text=text)
        for lead_id in self.model.text_matches(text, TEXT_MATCH_LIMIT):
            found.setdefault(lead_id, contains)
        self.model.set_search_hits(found)
        self.table.setColumnHidden(Column.MATCH, False)
        if hits:
            self.table.selectRow(0)

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    def _search_now(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        if not text:
            self.model.set_search_hits(None)
            self.table.setColumnHidden(Column.MATCH, True)
            return
        self.search_requested.emit(text)

    def _duplicates_toggled(self, on: bool) -> None:
        self.model.set_duplicates_only(on)

    def _update_count(self) -> None:
        if self.search.text().strip() and self.model.matching == 0:
            self.count.setText(self.tr("Nothing found"))
        elif self.model.matching == self.model.total:
            self.count.setText(self.tr("{n} leads").format(n=self.model.total))
        else:
            self.count.setText(
                self.tr("{shown} of {total} leads").format(
                    shown=self.model.matching, total=self.model.total
                )
            )

    # ------------------------------------------------------------------ selection

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).id for r in rows]

    def select_ids(self, ids: Collection[int]) -> None:
        self.table.clearSelection()
        wanted = set(ids)
        flags = self.table.selectionModel().SelectionFlag
        for lead_id in wanted:
            row = self.model.row_of(lead_id)
            if row >= 0:
                self.table.selectionModel().select(
                    self.model.index(row, 0), flags.Select | flags.Rows
                )

    def _selection_changed(self, *_args) -> None:
        selected = len(self.table.selectionModel().selectedRows())
        self.compare_action.setEnabled(selected >= 2)
        self.bind_action.setEnabled(selected == 1)

    def bind_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) == 1:
            self.bind_requested.emit(self.model.row_at(rows[0].row()))

    def compare_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) >= 2:
            self.compare_requested.emit(ids)

    # ------------------------------------------------------------------ state

    def header_state(self) -> bytes:
        return bytes(self.table.horizontalHeader().saveState().data())

    def restore_header(self, state: bytes) -> None:
        if state:
            self.table.horizontalHeader().restoreState(QByteArray(state))
            self.table.setColumnHidden(Column.MATCH, True)


def _channel_of(index) -> object:
    row = index.data(Role.ObjectRole)
    return row.channel if row is not None else None
