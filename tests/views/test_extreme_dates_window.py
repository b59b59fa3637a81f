"""The window shows leads dated at the calendar's ends, under any clock (issue 11.7)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QLocale, Qt

from deskdup.services.operators import workspace_operator
from deskdup.services.workspace import open_workspace
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.queue_model import Column
from deskdup.views.settings import Settings
from tests.test_extreme_dates import extreme_workspace

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(params=["Europe/Moscow", "America/New_York"])
def clock(request, monkeypatch):
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    # A short date format with a two-digit year ("M/d/yy") is the hard case.
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield request.param
    QLocale.setDefault(previous)
    monkeypatch.undo()
    time.tzset()


def test_queue_and_lead_list_show_extreme_dates(qtbot, tmp_path, ops_runner, clock):
    ws = open_workspace(extreme_workspace(tmp_path / "dates.sqlite"), create=False)
    context = AppContext(
        workspace=ws,
        operator=workspace_operator(ws, "anna"),
        settings=Settings(tmp_path / "settings.ini"),
        ops=ops_runner,
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    try:
        window.start()
        qtbot.waitUntil(lambda: not window.scanning and window.leads.loaded, timeout=30000)
        queue = window.queue
        assert queue.model.rowCount() == 1
        queue.proxy.sort(Column.AGE, Qt.SortOrder.AscendingOrder)
        age = queue.model.index(0, Column.AGE).data()
        assert age  # something readable, not a crash
        lead_rows = window.leads.model.rowCount()
        assert lead_rows == 2
        shown = [
            str(window.leads.model.index(r, c).data() or "")
            for r in range(lead_rows)
            for c in range(window.leads.model.columnCount())
        ]
        joined = " ".join(shown)
        assert "9999" in joined and "0001" in joined
        qtbot.waitUntil(lambda: window.compare.plan is not None, timeout=10000)
    finally:
        window.cancel_scan()
        ops_runner.wait()
        ws.dispose()
