"""Help → About: the version, the libraries deskdup bundles with their licences
(Qt's LGPL among them), and where the settings, the logs and the data are.

The library list comes from the installed packages' metadata
(``services/about.bundled_libraries``); the folders from the same functions
that choose them (``paths``, ``settings_path``), so support can read off the
dialog where to look.
"""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt as QtNS
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskdup import __version__
from deskdup.services import paths
from deskdup.services.about import LGPL, Library, bundled_libraries, python_version
from deskdup.views.settings import settings_path

QT_SOURCE = "https://download.qt.io/official_releases/qt/"


def folder_link(folder, text) -> str:
    """A link that opens ``folder`` in the file manager (Tab reaches it, Enter opens it)."""
    url = QUrl.fromLocalFile(str(folder)).toString()
    return f'<a href="{html.escape(url)}">{html.escape(str(text))}</a>'


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About deskdup"))
        layout = QVBoxLayout(self)

        title = QLabel(
            self.tr(
                "<b>deskdup {version}</b><p>Finds duplicate CRM leads across channels that "
                "share no identifier, shows them side by side and merges them by hand.</p>"
            ).format(version=__version__)
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Python {python} · Qt {qt} · PySide6 {pyside} · deskdup: MIT licence"
                ).format(python=python_version(), qt=qVersion(), pyside=pyside_version)
            )
        )

        places = QFormLayout()
        self.places: dict[str, QLabel] = {}
        settings = settings_path()
        for key, label, folder, path in (
            ("settings", self.tr("Settings:"), settings.parent, settings),
            ("logs", self.tr("Logs:"), paths.log_dir(), paths.log_dir()),
            ("data", self.tr("Data (the demo workspace):"), paths.data_dir(), paths.data_dir()),
        ):
            shown = QLabel(folder_link(folder, path))
            shown.setTextInteractionFlags(
                QtNS.TextInteractionFlag.TextBrowserInteraction
                | QtNS.TextInteractionFlag.TextSelectableByKeyboard
            )
            shown.setOpenExternalLinks(True)
            shown.setWordWrap(True)
            shown.setAccessibleName(label.rstrip(":"))
            shown.setAccessibleDescription(str(path))
            places.addRow(label, shown)
            self.places[key] = shown
        layout.addLayout(places)

        layout.addWidget(QLabel(self.tr("Bundled libraries and their licences:")))
        self.libraries = bundled_libraries()
        self.table = QTableWidget(len(self.libraries) + 1, 3)
        self.table.setAccessibleName(self.tr("Bundled libraries and their licences"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Library"), self.tr("Version"), self.tr("Licence")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        # Qt first: the libraries under the LGPL that the folder ships and that can
        # be replaced by compatible builds.
        self._row(0, self.tr("Qt (inside PySide6)"), qVersion(), LGPL, QT_SOURCE)
        for row, lib in enumerate(self.libraries, start=1):
            self._row(row, lib.name, lib.version, lib.licence or self.tr("not stated"), lib)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        lgpl = QLabel(
            self.tr(
                "Qt, PySide6 and psycopg are used under the GNU LGPL version 3: they are "
                "separate libraries in the program folder and may be replaced by compatible "
                'builds. Qt\'s source code: <a href="{url}">{url}</a>.'
            ).format(url=QT_SOURCE)
        )
        lgpl.setWordWrap(True)
        lgpl.setOpenExternalLinks(True)
        lgpl.setTextInteractionFlags(QtNS.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(lgpl)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 34)

    def _row(self, row: int, name: str, version: str, licence: str, source) -> None:
        tip = source if isinstance(source, str) else self._tip(source)
        for column, text in enumerate((name, version, licence)):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.table.setItem(row, column, item)

    @staticmethod
    def _tip(lib: Library) -> str:
        return "\n".join(part for part in (lib.summary, lib.homepage) if part)

    @classmethod
    def show_for(cls, parent: QWidget | None) -> AboutDialog:
        """Open without blocking; Esc or Close shuts it."""
        dialog = cls(parent)
        dialog.setAttribute(QtNS.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.activateWindow()
        return dialog


__all__ = ["AboutDialog", "folder_link"]
