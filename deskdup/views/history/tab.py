"""The History tab: filters, the lazily loaded event table, the event's detail,
undo by keyboard with a preview of what stands in the way, export, and the
supervisors' charts.

Every operator sees their own events; a supervisor sees everyone's, may
filter by operator and department, undo anyone's event and see the charts.
All database work runs on the window's worker (``context.query``).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskdup.models import EventKind
from deskdup.services.errors import KnownError
from deskdup.services.history import (
    KIND_WORDS,
    HistoryFacts,
    HistoryFilter,
    history_facts,
    iter_rows,
)
from deskdup.services.history_detail import EventDetail, event_detail
from deskdup.services.history_export import write_csv, write_xlsx
from deskdup.services.history_stats import TeamStats, team_stats
from deskdup.services.review import ReviewChange, undo_merge
from deskdup.views.context import AppContext
from deskdup.views.formatting import error_text, translate_message
from deskdup.views.history.charts import LineChart, StackedBarChart
from deskdup.views.history.detail import EventDetailView
from deskdup.views.history.model import Column, HistoryModel, Role
from deskdup.views.interaction import Interaction

ANY_DATE = QDate(2000, 1, 1)
CHART_DAYS = 30


class ExportDialog:
    """Where to export (a classmethod ``ask`` that tests replace)."""

    @classmethod
    def ask(cls, parent: QWidget) -> Path | None:
        title = QCoreApplication.translate("HistoryTab", "Export the history")
        kinds = QCoreApplication.translate("HistoryTab", "Excel workbook (*.xlsx);;CSV (*.csv)")
        name, _ = QFileDialog.getSaveFileName(parent, title, "history.xlsx", kinds)
        return Path(name) if name else None


def _utc(day: QDate, *, end: bool = False) -> datetime:
    """Local midnight of ``day`` (of the next day with ``end``) as naive UTC."""
    local = datetime.combine(day.toPython(), time(0))
    if end:
        local += timedelta(days=1)
    return local.astimezone().astimezone(UTC).replace(tzinfo=None)


class HistoryTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.supervisor = bool(context.operator.can_undo)
        self.model = HistoryModel(context, self)
        self.detail: EventDetail | None = None
        self._detail_request = 0
        self._facts: HistoryFacts | None = None

        self._build_filters()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.TIME, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in (
            (Column.TIME, 130),
            (Column.OPERATOR, 150),
            (Column.KIND, 130),
            (Column.PRIMARY, 190),
            (Column.OTHERS, 140),
            (Column.CHANNELS, 150),
        ):
            self.table.setColumnWidth(column, width)
        self.table.setAccessibleName(self.tr("History events"))

        self.detail_view = EventDetailView()
        self.side = QTabWidget()
        self.side.addTab(self.detail_view, self.tr("&Detail"))
        self.merges_chart = StackedBarChart(self.tr("Merges per operator per day"))
        self.groups_chart = LineChart(self.tr("Groups found, merged and dismissed per day"))
        for chart in (self.merges_chart, self.groups_chart):
            chart.empty_text = self.tr("No events in the last 30 days")
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        charts_layout.addWidget(self.merges_chart)
        charts_layout.addWidget(self.groups_chart)
        self.charts = charts
        if self.supervisor:
            self.side.addTab(charts, self.tr("&Charts"))
        self.side.currentChanged.connect(self._side_changed)

        self.status = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.status)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._build_actions()
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self.model.modelReset.connect(self._update_actions)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._started = False

    # ------------------------------------------------------------------ building

    def _build_filters(self) -> None:
        # Two rows: the choices, then the search and the actions (one row does not
        # fit half of a 1366-pixel screen).
        self.filters = QWidget()
        rows = QVBoxLayout(self.filters)
        rows.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        second = QHBoxLayout()
        rows.addLayout(row)
        rows.addLayout(second)
        self.operator_box = QComboBox()
        self.operator_box.setAccessibleName(self.tr("Operator"))
        self.department_box = QComboBox()
        self.department_box.setAccessibleName(self.tr("Department"))
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(self.tr("Kind of event"))
        self.kind_box.addItem(self.tr("All events"), None)
        for kind in EventKind:
            self.kind_box.addItem(self.tr_kind(kind), kind)
        self.since_edit = self._date_edit(self.tr("From"))
        self.until_edit = self._date_edit(self.tr("To"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Lead or contact: ID, name or phone"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Lead or contact"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        from_label = QLabel(self.tr("From"))
        from_label.setBuddy(self.since_edit)
        to_label = QLabel(self.tr("to"))
        to_label.setBuddy(self.until_edit)
        for widget in (self.operator_box, self.department_box, self.kind_box):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (from_label, self.since_edit, to_label, self.until_edit):
            second.addWidget(widget)
        second.addWidget(self.search, 1)
        self.export_button = QToolButton()
        self.undo_button = QToolButton()
        second.addWidget(self.undo_button)
        second.addWidget(self.export_button)
        for box in (self.operator_box, self.department_box, self.kind_box):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.department_box.setVisible(self.supervisor)
        # Wide enough to read a name, not as wide as the longest one.
        for box, chars in ((self.operator_box, 14), (self.department_box, 10), (self.kind_box, 12)):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(chars)

    def tr_kind(self, kind: EventKind) -> str:
        return QCoreApplication.translate("History", KIND_WORDS.get(kind, kind.value))

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText(self.tr("any day"))
        edit.setDate(ANY_DATE)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    def _build_actions(self) -> None:
        self.undo_action = QAction(self.tr("&Undo this event…"), self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+U"))
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.setToolTip(
            self.tr("Undo the chosen event: its records go back to what they were (Ctrl+U)")
        )
        self.undo_action.triggered.connect(lambda _c=False: self.undo_current())
        self.export_action = QAction(self.tr("&Export…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.export_action.setToolTip(
            self.tr("Write the events shown to an Excel workbook or a CSV file (Ctrl+E)")
        )
        self.export_action.triggered.connect(lambda _c=False: self.export())
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence("Ctrl+R"))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(lambda _c=False: self.refresh())
        for action in (self.undo_action, self.export_action, self.refresh_action):
            self.addAction(action)
        self.undo_button.setDefaultAction(self.undo_action)
        self.export_button.setDefaultAction(self.export_action)
        self._update_actions()

    # ------------------------------------------------------------------ loading

    def start(self) -> None:
        """Load the filter choices and the first page (once; later ``refresh``)."""
        if self._started:
            return
        self._started = True
        ws, viewer = self.context.workspace, self.context.operator
        self.context.query(self, lambda: history_facts(ws, viewer), self._show_facts).failure(
            self._failed
        ).run_in_background()
        self.model.reload(self.current_filter())

    def refresh(self) -> None:
        if not self._started:
            self.start()
            return
        self.model.reload(self.current_filter())

    def _show_facts(self, facts: HistoryFacts) -> None:
        self._facts = facts
        for box in (self.operator_box, self.department_box):
            box.blockSignals(True)
            box.clear()
        if self.supervisor:
            self.operator_box.addItem(self.tr("All operators"), None)
        for op_id, login, name in facts.operators:
            self.operator_box.addItem(f"{name} ({login})", op_id)
        self.operator_box.setEnabled(self.supervisor)
        self.department_box.addItem(self.tr("All departments"), None)
        for dept_id, name in facts.departments:
            self.department_box.addItem(name, dept_id)
        for box in (self.operator_box, self.department_box):
            box.blockSignals(False)

    def current_filter(self) -> HistoryFilter:
        operator = self.operator_box.currentData()
        since = self.since_edit.date()
        until = self.until_edit.date()
        return HistoryFilter(
            operator_ids=(int(operator),) if operator is not None and self.supervisor else (),
            department_id=self.department_box.currentData() if self.supervisor else None,
            kinds=(self.kind_box.currentData(),) if self.kind_box.currentData() else (),
            since=_utc(since) if since > ANY_DATE else None,
            until=_utc(until, end=True) if until > ANY_DATE else None,
            record=self.search.text().strip(),
            sort=self.model.filter.sort,
            descending=self.model.filter.descending,
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        if self._started:
            self.model.reload(self.current_filter())

    def set_operator(self, operator_id: int | None) -> None:
        index = self.operator_box.findData(operator_id)
        if index >= 0:
            self.operator_box.setCurrentIndex(index)

    def _loaded(self) -> None:
        total = self.model.total
        self.status.setText(self.tr("Events: {count}").format(count=total))
        if total:
            self.table.selectRow(0)
        else:
            self.show_detail(None)
        if self.side.currentWidget() is self.charts:
            self.load_charts()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.status.setText(error_text(exc))
            return
        raise exc

    # ------------------------------------------------------------------ detail

    def current_row(self):
        index = self.table.currentIndex()
        return self.model.data(index, Role.ObjectRole) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.data(current, Role.ObjectRole) if current.isValid() else None
        self._update_actions()
        if row is None:
            self.show_detail(None)
            return
        self.load_detail(row.id)

    def load_detail(self, event_id: int) -> None:
        self._detail_request += 1
        request, ws, viewer = self._detail_request, self.context.workspace, self.context.operator

        def done(detail: EventDetail) -> None:
            if request == self._detail_request:
                self.show_detail(detail)

        self.context.query(self, lambda: event_detail(ws, event_id, viewer), done).failure(
            self._failed
        ).run_in_background()

    def show_detail(self, detail: EventDetail | None) -> None:
        self.detail = detail
        self.detail_view.show_detail(detail)
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.current_row()
        self.undo_action.setEnabled(row is not None and not row.undone)
        self.export_action.setEnabled(self.model.total > 0)

    # ------------------------------------------------------------------ undo

    def undo_current(self) -> None:
        """Undo the chosen event after a confirmation that says what would happen."""
        detail = self.detail
        row = self.current_row()
        if row is None or detail is None or detail.row.id != row.id:
            return
        preview = detail.preview
        title = self.tr("Undo event {id}").format(id=row.id)
        if preview is not None and not preview.ok:
            if preview.reason is not None:
                text = translate_message(preview.reason)
            elif preview.allowed is not None:
                text = translate_message(preview.allowed)
            else:
                text = self.tr("It cannot be undone: these records changed since.")
                items = "\n".join(f"• {translate_message(c.message)}" for c in preview.conflicts)
                Interaction.information(self, title, text, items)
                return
            Interaction.information(self, title, text)
            return
        what = f"{self.tr_kind(row.kind)} #{row.primary_label} {row.primary_name}".strip()
        if not Interaction.confirm(
            self,
            title,
            self.tr("Undo “{what}” by {who}?").format(what=what, who=row.operator_name),
            self.tr("Every record of this event goes back to what it was before it."),
            self.tr("Undo"),
        ):
            return
        ws, operator_id, event_id = (
            self.context.workspace,
            self.context.operator.id,
            row.id,
        )

        def done(change: ReviewChange) -> None:
            # ops.executed tells the window (the queue and the leads read again).
            self.status.setText(translate_message(change.result.summary))
            self.model.reload(self.model.filter)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, KnownError):
                Interaction.information(self, title, error_text(exc))
                self.load_detail(event_id)
                return
            raise exc

        self.context.write(self, lambda: undo_merge(ws, event_id, operator_id), done).failure(
            failed
        ).run_in_background()

    # ------------------------------------------------------------------ export

    def export(self) -> None:
        path = ExportDialog.ask(self)
        if path is None:
            return
        ws, viewer, flt = self.context.workspace, self.context.operator, self.model.filter

        writer = write_xlsx if path.suffix.lower() == ".xlsx" else write_csv

        def write() -> int:
            try:
                return writer(
                    path, iter_rows(ws, viewer, flt), translate=QCoreApplication.translate
                )
            except OSError as exc:
                raise KnownError(f"Cannot write {path}: {exc.strerror or exc}") from None

        def done(count: int) -> None:
            self.status.setText(
                self.tr("Exported {count} events to {path}").format(count=count, path=str(path))
            )

        self.context.query(self, write, done).failure(self._failed).run_in_background()

    # ------------------------------------------------------------------ charts

    def _side_changed(self, _index: int) -> None:
        if self.side.currentWidget() is self.charts:
            self.load_charts()

    def load_charts(self) -> None:
        if not self.supervisor:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        since = _utc(QDate.currentDate().addDays(-(CHART_DAYS - 1)))
        result = self.context.scan_result
        open_times = []
        if result is not None:
            for group in result.groups:
                times = [
                    result.summaries[i].created_at
                    for i in group.lead_ids
                    if i in result.summaries and result.summaries[i].created_at is not None
                ]
                if times:
                    open_times.append(max(times))
        ws = self.context.workspace
        local = datetime.now().astimezone().tzinfo

        def load() -> TeamStats:
            return team_stats(ws, since, now + timedelta(seconds=1), local, open_times)

        self.context.query(self, load, self.show_charts).failure(self._failed).run_in_background()

    def show_charts(self, stats: TeamStats) -> None:
        self.merges_chart.set_data(stats.days, list(stats.merges_by_operator.items()))
        self.groups_chart.set_data(
            stats.days,
            [
                (self.tr("found"), stats.found),
                (self.tr("merged"), stats.merged),
                (self.tr("dismissed"), stats.dismissed),
            ],
        )
