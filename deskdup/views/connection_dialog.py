"""Choosing the workspace to open and the operator to sign in as.

Both dialogs return a value through a classmethod ``ask(...)`` (None when the
operator cancels); tests replace ``ask``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskdup.services.bitrix24.backend import PortalCheck, check_webhook
from deskdup.services.bitrix24.webhook import portal_address
from deskdup.services.errors import KnownError
from deskdup.services.operators import OperatorInfo, operator_display
from deskdup.services.workspace import display_url, sqlite_file
from deskdup.views.formatting import error_text, translate_message
from deskdup.views.operations import QueryOp
from deskdup.views.settings import RECENT_CONNECTIONS, Settings

log = logging.getLogger(__name__)


class ConnectionChoice(str):
    """The workspace address the dialog answers, with the Bitrix24 webhook given, if any.

    A ``str`` so that callers (and tests) that want only the address keep
    working; the webhook never goes to the settings.
    """

    webhook: str = ""

    @classmethod
    def of(cls, url: str, webhook: str = "") -> ConnectionChoice:
        choice = cls(url)
        choice.webhook = webhook
        return choice


def webhook_address(portal: str, text: str) -> str:
    """The full webhook from the two fields: a whole URL, or ``USER_ID/SECRET`` on the portal."""
    text = text.strip()
    if not text or "/rest/" in text:
        return text
    address = portal_address(portal)
    return f"{address}/rest/{text.strip('/')}/" if address else text


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
    The Bitrix24 profile links the workspace to a portal through an incoming
    webhook; "Test connection" says which user it acts as and how many leads
    the portal has, off the UI thread.
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
        layout.addWidget(self._portal_box())

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

    def _portal_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Bitrix24 portal (optional)"))
        form = QFormLayout(box)
        hint = QLabel(
            self.tr(
                "To work on the portal's leads, give an incoming webhook (Developer resources → "
                "Other → Incoming webhook, with the crm, user and imopenlines permissions). "
                "The workspace above keeps deskdup's history and a copy of the leads."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.portal = QLineEdit()
        self.portal.setPlaceholderText(self.tr("company.bitrix24.ru"))
        form.addRow(self.tr("Portal address:"), self.portal)
        self.webhook = QLineEdit()
        self.webhook.setEchoMode(QLineEdit.EchoMode.Password)
        self.webhook.setPlaceholderText(self.tr("https://company.bitrix24.ru/rest/1/… or 1/…"))
        form.addRow(self.tr("Webhook:"), self.webhook)
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        row.addWidget(self.test_button)
        self.test_result = QLabel("")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.test_result, 1)
        form.addRow(row)
        return box

    def webhook_url(self) -> str:
        return webhook_address(self.portal.text(), self.webhook.text())

    def test_connection(self) -> None:
        """Ask the portal who the webhook is and how many leads it has (off the UI thread)."""
        text = self.webhook_url()
        if not text:
            self.test_result.setText(self.tr("Give the webhook first."))
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Asking the portal…"))
        (
            # One request, a second at most: the shared worker is fine for it.
            QueryOp(self, lambda: check_webhook(text), self._tested)
            .failure(self._test_failed)
            .finally_(lambda: self.test_button.setEnabled(True))
            .run_in_background()
        )

    def _tested(self, check: PortalCheck) -> None:
        self.test_result.setStyleSheet("color: #1B5E20;")
        self.test_result.setText(translate_message(check.message))
        if not self.portal.text().strip():
            self.portal.setText(check.portal)

    def _test_failed(self, exc: BaseException) -> None:
        self.test_result.setStyleSheet("color: #B71C1C;")
        if isinstance(exc, KnownError):
            self.test_result.setText(error_text(exc))
        else:
            self.test_result.setText(self.tr("The test failed unexpectedly (see the log)."))
            log.error("Testing the webhook failed", exc_info=exc)

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
            text = str(self.address.itemData(index))
        return ConnectionChoice.of(text, self.webhook_url()) if text else text

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
