"""Help → About: version, the bundled libraries with Qt's LGPL, and where things are."""

from __future__ import annotations

import pytest
from PySide6.QtCore import qVersion

from deskdup import __version__
from deskdup.services import paths
from deskdup.views.about_dialog import AboutDialog
from deskdup.views.settings import settings_path


def _table(dialog):
    t = dialog.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_about_names_the_version_qt_under_the_lgpl_and_every_library(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.places["logs"])))
    assert f"deskdup {__version__}" in texts
    rows = _table(dialog)
    assert rows[0][1] == qVersion() and rows[0][2].startswith("LGPL-3.0")
    names = {row[0].lower() for row in rows}
    assert {"sqlalchemy", "phonenumbers", "pyside6_essentials", "keyring"} <= names
    assert len(rows) == len(dialog.libraries) + 1


def test_about_says_where_settings_logs_and_data_are(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert str(settings_path()) in dialog.places["settings"].text()
    assert str(paths.log_dir()) in dialog.places["logs"].text()
    assert str(paths.data_dir()) in dialog.places["data"].text()
    # Each place is a link the keyboard reaches, with a name a screen reader reads.
    for label in dialog.places.values():
        assert label.openExternalLinks()
        assert label.accessibleName()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen: a window shown
def test_help_about_opens_the_dialog(qtbot, window):
    dialog = window.show_about()
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "About deskdup"
