"""The History tab: a supervisor finds a merge by operator and date, reads its
detail and undoes it by keyboard; an operator sees only their own events."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from deskdup.models import EventKind, Lead, MergeEvent
from deskdup.services.matching import scan_workspace
from deskdup.services.merge import apply_merge, dismiss, utcnow
from deskdup.services.merge_plan import build_plan
from deskdup.services.operators import workspace_operator
from deskdup.services.rights import check_dismiss, check_merge
from deskdup.views.context import AppContext
from deskdup.views.history.charts import LineChart, StackedBarChart, _nice_max
from deskdup.views.history.model import Column, HistoryModel
from deskdup.views.interaction import Interaction
from deskdup.views.main_window import HISTORY_TAB, MainWindow
from deskdup.views.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def history(demo_ws):
    """Four merges and a dismissal by two operators; one merge three days ago."""
    operator = workspace_operator(demo_ws, "operator")
    with demo_ws.session() as s:
        groups = [
            g
            for g in scan_workspace(demo_ws).groups
            if len(g.lead_ids) == 2
            and not check_merge(s, operator, list(g.lead_ids))
            and not check_dismiss(s, operator, list(g.lead_ids))
        ]
    ops = {login: workspace_operator(demo_ws, login).id for login in ("operator", "supervisor")}
    made = []
    logins = ("operator", "operator", "supervisor", "operator")
    for group, login in zip(groups[:4], logins, strict=True):
        with demo_ws.session() as s:
            plan = build_plan(s, group.lead_ids)
        made.append(apply_merge(demo_ws, plan, ops[login]))
    dismiss(demo_ws, groups[4].lead_ids, ops["operator"], "разные")
    old = made[0].event_id
    with demo_ws.session() as s:
        s.execute(
            update(MergeEvent)
            .where(MergeEvent.id == old)
            .values(created_at=utcnow() - timedelta(days=3))
        )
    return {"merges": made, "old": old, "ops": ops}


def _window(qtbot, demo_ws, ops_runner, tmp_path, login):
    context = AppContext(
        workspace=demo_ws,
        operator=workspace_operator(demo_ws, login),
        settings=Settings(tmp_path / f"{login}.ini"),
        ops=ops_runner,
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    return window


def _stop(window, ops_runner):
    window.cancel_scan()
    ops_runner.wait()


def test_supervisor_filters_opens_detail_and_undoes_by_keyboard(
    qtbot, demo_ws, ops_runner, tmp_path, history, monkeypatch
):
    window = _window(qtbot, demo_ws, ops_runner, tmp_path, "supervisor")
    try:
        window.show()
        window.activateWindow()
        window.show_tab(HISTORY_TAB)
        tab = window.history
        assert not window.compare.isVisible()  # the history's detail takes its place
        qtbot.waitUntil(lambda: tab.model.total == 5 and tab.operator_box.count() > 2)

        # Filter: Петрова Анна's events of today.
        tab.set_operator(history["ops"]["operator"])
        qtbot.waitUntil(lambda: tab.model.total == 4 and not tab.model.loading)
        tab.since_edit.setDate(QDate.currentDate())
        qtbot.waitUntil(lambda: tab.model.total == 3 and not tab.model.loading)
        tab.kind_box.setCurrentIndex(tab.kind_box.findData(EventKind.MERGE_LEADS))
        qtbot.waitUntil(lambda: tab.model.total == 2 and not tab.model.loading)
        rows = tab.model.rows
        assert {r.operator_login for r in rows} == {"operator"}
        assert history["old"] not in {r.id for r in rows}

        # The detail of the newest: records before and after, what moved.
        target = rows[0]
        qtbot.waitUntil(lambda: tab.detail is not None and tab.detail.row.id == target.id)
        detail = tab.detail
        assert detail.fields and detail.preview is not None and detail.preview.ok
        text = tab.detail_view.browser.toPlainText()
        assert "Records before and after" in text and f"#{target.primary_label}" in text
        assert "Can be undone" in text

        # Undo by keyboard: Ctrl+U on the table, confirmed with the keyboard's default.
        asked = []
        monkeypatch.setattr(Interaction, "confirm", lambda *a, **k: asked.append(a) or True)
        tab.table.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table)
        qtbot.keyClick(tab.table, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
        assert asked, "Ctrl+U asked for a confirmation"

        def undone() -> bool:
            with demo_ws.session() as s:
                return s.get(MergeEvent, target.id).undone_by_id is not None

        qtbot.waitUntil(undone)
        with demo_ws.session() as s:
            others = s.scalars(select(Lead).where(Lead.id.in_(target.other_ids))).all()
            assert others and not any(lead.archived for lead in others)
        qtbot.waitUntil(lambda: any(r.id == target.id and r.undone for r in tab.model.rows))
    finally:
        _stop(window, ops_runner)


def test_operator_sees_only_own_events_and_no_charts(qtbot, demo_ws, ops_runner, tmp_path, history):
    window = _window(qtbot, demo_ws, ops_runner, tmp_path, "operator")
    try:
        window.show_tab(HISTORY_TAB)
        tab = window.history
        qtbot.waitUntil(lambda: tab.model.total == 4 and tab.operator_box.count() == 1)
        assert not tab.operator_box.isEnabled()
        assert tab.side.count() == 1  # the detail only; charts are for supervisors
        assert {r.operator_login for r in tab.model.rows} == {"operator"}
    finally:
        _stop(window, ops_runner)


def test_a_conflict_is_shown_and_nothing_is_undone(
    qtbot, demo_ws, ops_runner, tmp_path, history, monkeypatch
):
    merge = history["merges"][2]
    with demo_ws.session() as s:
        s.execute(update(Lead).where(Lead.id == merge.primary_id).values(comments="правка"))
    window = _window(qtbot, demo_ws, ops_runner, tmp_path, "supervisor")
    try:
        window.show_tab(HISTORY_TAB)
        tab = window.history
        qtbot.waitUntil(lambda: tab.model.total == 5)
        row = next(n for n, r in enumerate(tab.model.rows) if r.id == merge.event_id)
        tab.table.selectRow(row)
        qtbot.waitUntil(lambda: tab.detail is not None and tab.detail.row.id == merge.event_id)
        assert tab.detail.preview.conflicts
        told = []
        monkeypatch.setattr(Interaction, "information", lambda *a, **k: told.append(a))
        monkeypatch.setattr(Interaction, "confirm", lambda *a, **k: pytest.fail("no undo"))
        tab.undo_current()
        assert told and "someone outside deskdup" in told[0][3]
        with demo_ws.session() as s:
            assert s.get(MergeEvent, merge.event_id).undone_by_id is None
    finally:
        _stop(window, ops_runner)


def test_model_loads_lazily(qtbot, qtmodeltester, app_context, history, monkeypatch):
    import deskdup.views.history.model as model_module

    monkeypatch.setattr(model_module, "PAGE", 2)
    model = HistoryModel(app_context)
    model.reload()
    qtbot.waitUntil(lambda: model.total == 4 and not model.loading)
    assert model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 4 and not model.loading)
    assert not model.canFetchMore()
    qtmodeltester.check(model)
    model.sort(Column.OPERATOR, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.filter.sort.value == "operator" and not model.loading)


def test_charts_paint(qtbot):
    assert [_nice_max(v) for v in (0, 1, 3, 7, 11, 60)] == [1, 1, 5, 10, 20, 100]
    for chart in (StackedBarChart("a"), LineChart("b")):
        qtbot.addWidget(chart)
        chart.resize(400, 240)
        days = tuple(QDate.currentDate().addDays(i).toPython() for i in range(5))
        chart.set_data(days, [("Анна", (1, 0, 2, 3, 0)), ("Олег", (0, 1, 1, 0, 2))])
        image = chart.grab().toImage()
        assert image.width() == 400
