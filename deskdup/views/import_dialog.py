"""File → Import…: a CRM export previewed, imported with progress, its bad rows shown.

``ImportDialog.ask(parent, context, path)`` shows the file's first rows under
its own column titles, with what deskdup reads from each column, and what the
file holds (leads or contacts, a Bitrix24 export or not).  Import runs on the
database worker with a progress dialog and Cancel (cancelled, nothing is
written: the import is one transaction).  Afterwards the dialog shows the
summary, the responsible persons who are not operators (once each, with the
command that adds them) and every rejected row with its line and reason, which
"Save rejected rows…" writes to a CSV file.  It returns the report of the
import that wrote something, for the window to rescan; None otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deskdup.services.importer import ENCODING_NAMES, BadRow, ImportReport, import_file
from deskdup.services.importer.preview import ColumnReading, ImportPreview, preview_export
from deskdup.services.importer.preview import save_rejects as write_rejects
from deskdup.services.messages import Message
from deskdup.views.channel_badges import channel_name
from deskdup.views.context import AppContext
from deskdup.views.lifetime import delete_later

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FONT = Qt.ItemDataRole.FontRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole


def _tr(message: Message) -> str:
    return message.render(QCoreApplication.translate(message.context, message.template))


def reading_text(column: ColumnReading) -> str:
    """What deskdup reads from a column, in the window's language."""
    text = QCoreApplication.translate(column.reading.context, column.reading.template)
    return text.replace("{channel}", channel_name(column.channel)) if column.channel else text


class PreviewModel(QAbstractTableModel):
    """The first rows of the file under its own titles; each title says how it is read."""

    def __init__(self, preview: ImportPreview | None = None, parent=None) -> None:
        super().__init__(parent)
        self.preview = preview

    def set_preview(self, preview: ImportPreview) -> None:
        self.beginResetModel()
        self.preview = preview
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.preview is None:
            return 0
        return len(self.preview.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.preview is None:
            return 0
        return len(self.preview.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or self.preview is None:
            return None
        if role in (_DISPLAY, _TOOLTIP):
            cells = self.preview.rows[index.row()][1]
            return cells[index.column()] if index.column() < len(cells) else ""
        if role == _FOREGROUND and not self.preview.columns[index.column()].read:
            return QCoreApplication.instance().palette().placeholderText()
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if self.preview is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == _DISPLAY and 0 <= section < len(self.preview.rows):
                return str(self.preview.rows[section][0])  # the file's line number
            return None
        if not 0 <= section < len(self.preview.columns):
            return None
        column = self.preview.columns[section]
        if role == _DISPLAY:
            return f"{column.title}\n→ {reading_text(column)}"
        if role == _FONT and column.read:
            font = QFont()
            font.setBold(True)
            return font
        return None


class RejectedModel(QAbstractTableModel):
    """The rejected rows: the file's line and the reason."""

    LINE, REASON = range(2)

    def __init__(self, rows: list[BadRow] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.rows = rows or []

    def set_rows(self, rows: list[BadRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or role not in (_DISPLAY, _TOOLTIP):
            return None
        bad = self.rows[index.row()]
        return str(bad.line) if index.column() == self.LINE else _tr(bad.reason)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        return (self.tr("Line"), self.tr("Reason"))[section] if section in (0, 1) else None


def choose_export_file(parent: QWidget | None) -> str | None:
    """The export the operator picks, or None (tests replace this)."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Import leads or contacts"),
        "",
        QCoreApplication.translate(
            "ImportDialog", "CRM exports (*.csv *.xlsx *.txt);;All files (*)"
        ),
    )
    return path or None


def choose_rejects_file(parent: QWidget | None, suggested: str) -> str | None:
    """Where to save the rejected rows, or None (tests replace this)."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Save rejected rows"),
        suggested,
        QCoreApplication.translate("ImportDialog", "CSV files (*.csv)"),
    )
    return path or None


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = path
        self.preview: ImportPreview | None = None
        self.report: ImportReport | None = None  # the last import's
        self.written: ImportReport | None = None  # the last import that wrote something
        self.busy = False
        self._import_op = None
        self.setWindowTitle(self.tr("Import — {file}").format(file=Path(path).name))
        layout = QVBoxLayout(self)

        self.file_label = QLabel(self.tr("Reading {file}…").format(file=path))
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.file_label)

        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("The file holds:")))
        self.entity = QComboBox()
        self.entity.addItem(self.tr("Leads"), "lead")
        self.entity.addItem(self.tr("Contacts"), "contact")
        options.addWidget(self.entity)
        options.addSpacing(16)
        self.skip_bad = QCheckBox(self.tr("Import the good rows and skip the bad ones"))
        self.skip_bad.setToolTip(
            self.tr("Otherwise nothing is imported while any row is bad: fix them first.")
        )
        options.addWidget(self.skip_bad)
        options.addStretch(1)
        layout.addLayout(options)

        self.preview_title = QLabel(self.tr("First rows, and how each column will be read:"))
        layout.addWidget(self.preview_title)
        self.preview_model = PreviewModel(parent=self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.setWordWrap(False)
        header = self.preview_view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        rows = self.preview_view.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        layout.addWidget(self.preview_view, 3)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        layout.addWidget(self.summary)
        self.rejected_model = RejectedModel(parent=self)
        self.rejected_view = QTableView()
        self.rejected_view.setModel(self.rejected_model)
        self.rejected_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejected_view.verticalHeader().hide()
        self.rejected_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.rejected_view.horizontalHeader().setStretchLastSection(True)
        self.rejected_view.hide()
        layout.addWidget(self.rejected_view, 2)
        self.saved_label = QLabel()
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.saved_label)
        self.saved_to: str | None = None

        buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = QPushButton(self.tr("&Save rejected rows…"))
        self.save_button.clicked.connect(self.save_rejects)
        self.save_button.hide()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 620)
        self.load_preview()

    # ------------------------------------------------------------------ preview

    def load_preview(self) -> None:
        path = self.path
        self.context.query(self, lambda: preview_export(path), self._show_preview).failure(
            self._preview_failed
        ).run_in_background()

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.preview_model.set_preview(preview)
        self.entity.setCurrentIndex(self.entity.findData(preview.entity))
        kind = self.tr("Bitrix24 export") if preview.bitrix24 else self.tr("CRM export")
        fmt = "XLSX" if preview.format == "xlsx" else ENCODING_NAMES.get(preview.encoding, "CSV")
        read = sum(c.read for c in preview.columns)
        self.file_label.setText(
            self.tr(
                "{file}: {kind} ({format}), about {rows} rows; {read} of {columns} columns "
                "are read."
            ).format(
                file=preview.path,
                kind=kind,
                format=fmt if preview.format == "xlsx" else f"CSV, {fmt}",
                rows=preview.total,
                read=read,
                columns=len(preview.columns),
            )
        )
        self.preview_view.resizeColumnsToContents()
        for column in range(self.preview_model.columnCount()):
            width = self.preview_view.columnWidth(column)
            self.preview_view.setColumnWidth(column, min(width, 260))
        self.import_button.setEnabled(True)

    def _preview_failed(self, exc: BaseException) -> None:
        self.file_label.setText(str(exc))
        self.import_button.setEnabled(False)

    # ------------------------------------------------------------------ import

    def start_import(self) -> None:
        if self.busy or self.preview is None:
            return
        self.busy = True
        self.import_button.setEnabled(False)
        ws, path = self.context.workspace, self.path
        skip_bad = self.skip_bad.isChecked()
        entity = self.entity.currentData()
        region = self.context.match_settings().region

        def work(progress) -> ImportReport:
            return import_file(
                ws, path, skip_bad=skip_bad, progress=progress, region=region, entity=entity
            )

        self._import_op = (
            self.context.query(self, work, self._imported)
            .with_progress(
                self.tr("Importing {file}…").format(file=Path(path).name), cancellable=True
            )
            .finally_(self._import_ended)
            .run_in_background()
        )

    def cancel_import(self) -> None:
        """What Cancel in the progress dialog does: stop, and write nothing."""
        if self._import_op is not None:
            self._import_op.cancel()

    def _import_ended(self) -> None:
        self._import_op = None
        self.busy = False
        self.import_button.setEnabled(self.preview is not None)

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        if report.written and (report.imported or report.unchanged):
            self.written = report
        lines = [_tr(report.summary())]
        if report.missing_operators:
            lines.append(
                self.tr(
                    "These responsible persons are not operators of this workspace; their "
                    "rows are bad. Add them, then import the file again:"
                )
            )
            for (name, rows), hint in zip(
                report.missing_operators.items(),
                report.operator_hint(self.context.workspace.display_url),
                strict=True,
            ):
                lines.append(self.tr("  {name} ({rows} rows): {command}").format(
                    name=name, rows=rows, command=hint
                ))  # fmt: skip
        if report.missing_contacts:
            names = ", ".join(report.missing_contacts)
            lines.append(
                self.tr(
                    "Leads are bound to contacts that are not in this workspace ({contacts}): "
                    "import the contacts export first."
                ).format(contacts=names)
            )
        if report.other_sources:
            sources = ", ".join(f"{s} ({n})" for s, n in report.other_sources.items())
            lines.append(
                self.tr(
                    "Sources that are not a channel; the channel is read from the phones and "
                    "messengers: {sources}"
                ).format(sources=sources)
            )
        self.summary.setText("\n".join(lines))
        self.summary.show()
        self.rejected_model.set_rows(report.bad_rows)
        self.rejected_view.setVisible(bool(report.bad_rows))
        self.rejected_view.resizeColumnToContents(RejectedModel.LINE)
        self.save_button.setVisible(bool(report.bad_rows))

    def save_rejects(self) -> None:
        report = self.report
        if report is None or not report.bad_rows:
            return
        suggested = str(Path(self.path).with_name(Path(self.path).name + ".rejects.csv"))
        target = choose_rejects_file(self, suggested)
        if not target:
            return
        url = self.context.workspace.url
        # Refused (in words) when it is the imported file or the workspace itself.
        self.context.query(
            self, lambda: write_rejects(report, target, url), self._saved
        ).run_in_background()

    def _saved(self, target: Path) -> None:
        self.saved_to = str(target)
        count = len(self.report.bad_rows) if self.report else 0
        self.saved_label.setText(
            self.tr("{count} rejected rows saved to {file}").format(count=count, file=target)
        )

    # ------------------------------------------------------------------ running

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext, path: str) -> ImportReport | None:
        """Show the dialog; the report of the import that wrote something, else None."""
        dialog = cls(context, path, parent)
        try:
            dialog.exec()
            return dialog.written
        finally:
            delete_later(dialog)

    def reject(self) -> None:
        if self.busy:  # the import is running: Cancel in its progress dialog stops it
            return
        super().reject()
