"""Choosing the workspace to open and the operator to sign in as.

Both dialogs return a value through a classmethod ``ask(...)`` (None when the
operator cancels); tests replace ``ask``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskdup.services.operators import OperatorInfo, operator_display
from deskdup.services.workspace import display_url, sqlite_file
from deskdup.views.settings import RECENT_CONNECTIONS, Settings


def shown_address(url: str) -> str:
    """A SQLite workspace as the file path the operator typed; any other without secrets."""
    file = sqlite_file(url)
    return str(file) if file is not None else display_url(url)


class ConnectionDialog(QDialog):
    """A SQLite file or a database URL; the recent ones a click away.

    "Open the demo" answers ``DEMO`` instead of an address, so someone trying
    deskdup for the first time is one click from a workspace full of duplicates;
    "New workspace…" answers ``NEW`` + the path: the only way the window creates
    a workspace (a mistyped path is "file not found", not a new empty file).
    """

    DEMO = "deskdup:demo"
    NEW = "deskdup:new:"  # followed by the path of the workspace to create

    def __init__(
        self, settings: Settings, error: str = "", current: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a workspace"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the workspace database: a SQLite file on this computer, or the "
                "address of the team's PostgreSQL database "
                "(postgresql://user@server/database)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.error_label = QLabel(error)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B71C1C;")
        self.error_label.setVisible(bool(error))
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.error_label)

        form = QFormLayout()
        row = QHBoxLayout()
        self.address = QComboBox()
        self.address.setEditable(True)
        self.address.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for url in settings.get(RECENT_CONNECTIONS):
            # Shown without a password; the full URL stays in the item data.
            self.address.addItem(shown_address(url), url)
        if current:
            index = self.address.findData(current)
            if index < 0:
                self.address.insertItem(0, shown_address(current), current)
                index = 0
            self.address.setCurrentIndex(index)
        self.address.lineEdit().setPlaceholderText(self.tr("File path or database URL"))
        row.addWidget(self.address, 1)
        self.browse_button = QPushButton(self.tr("Choose file…"))
        self.browse_button.clicked.connect(self._browse)
        row.addWidget(self.browse_button)
        form.addRow(self.tr("Workspace:"), row)
        layout.addLayout(form)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.demo_button = self.buttons.addButton(
            self.tr("Open the demo"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.demo_button.setToolTip(
            self.tr("A built-in workspace of Russian demo leads with duplicates, to try deskdup")
        )
        self.demo_button.clicked.connect(self._choose_demo)
        self.new_button = self.buttons.addButton(
            self.tr("New workspace…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.new_button.setToolTip(
            self.tr("Create a new, empty workspace file (then add the operators and import leads)")
        )
        self.new_button.clicked.connect(self._choose_new)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._demo = False
        self._new = ""

    def _choose_demo(self) -> None:
        self._demo = True
        self.accept()

    def _file_dialog(self, title: str, accept: str) -> QFileDialog:
        """Qt's file dialog with every label in the operator's language.

        qtbase_ru translates the buttons but not the field labels this Qt
        version shows ("&Look in:", "Files of &type:"), so they are set here.
        """
        dialog = QFileDialog(self, title)
        dialog.setNameFilters(
            [
                self.tr("deskdup workspaces (*.sqlite *.sqlite3 *.db)"),
                self.tr("CRM exports, to import (*.csv *.xlsx)"),
                self.tr("All files (*)"),
            ]
        )
        labels = {
            QFileDialog.DialogLabel.LookIn: self.tr("Look in:"),
            QFileDialog.DialogLabel.FileName: self.tr("File name:"),
            QFileDialog.DialogLabel.FileType: self.tr("Files of type:"),
            QFileDialog.DialogLabel.Accept: accept,
            QFileDialog.DialogLabel.Reject: self.tr("Cancel"),
        }
        for label, text in labels.items():
            dialog.setLabelText(label, text)
        return dialog

    def _ask_file(self, dialog: QFileDialog) -> str:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return ""
        chosen = dialog.selectedFiles()
        return chosen[0] if chosen else ""

    def _browse(self) -> None:
        dialog = self._file_dialog(self.tr("Open a workspace file"), self.tr("Open"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        path = self._ask_file(dialog)
        if path:
            self.address.setEditText(path)

    def _choose_new(self) -> None:
        dialog = self._file_dialog(self.tr("New workspace file"), self.tr("Create"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("sqlite")
        # An existing file is opened as it is, never overwritten: no "replace?" question.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
        path = self._ask_file(dialog)
        if path:
            self._new = path
            self.accept()

    def value(self) -> str:
        if self._demo:
            return self.DEMO
        if self._new:
            return self.NEW + self._new
        text = self.address.currentText().strip()
        index = self.address.currentIndex()
        # The item's text hides the password; use the stored URL when it was picked.
        if index >= 0 and self.address.itemText(index) == text:
            return str(self.address.itemData(index))
        return text

    @classmethod
    def ask(
        cls,
        settings: Settings,
        error: str = "",
        current: str = "",
        parent: QWidget | None = None,
    ) -> str | None:
        dialog = cls(settings, error, current, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value() or None


class SignInDialog(QDialog):
    """Pick the operator to work as (the CRM's own login is not ours to check)."""

    def __init__(
        self, operators: Sequence[OperatorInfo], preselect: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumSize(420, 360)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who is working?")))
        self.list = QListWidget()
        for op in operators:
            item = QListWidgetItem(operator_display(op))
            item.setData(Qt.ItemDataRole.UserRole, op)
            self.list.addItem(item)
            if op.login == preselect:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self) -> OperatorInfo | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    @classmethod
    def ask(
        cls, operators: Sequence[OperatorInfo], preselect: str = "", parent: QWidget | None = None
    ) -> OperatorInfo | None:
        dialog = cls(operators, preselect, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()
