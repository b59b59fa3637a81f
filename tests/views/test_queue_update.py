"""Issue 12 items 7 and 8: the queue after a merge, fast Ctrl+Return, the Why column
at 1366 px, and a status bar where nothing is drawn over anything else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from deskdup.models import Channel, Lead, MergeEvent
from deskdup.services.candidates import CandidateGroup, CandidatePair
from deskdup.services.matching import ScanResult
from deskdup.services.operators import workspace_operator
from deskdup.views import i18n
from deskdup.views.compare.actions import ReviewAction
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.queue_columns import WHY_LEAST
from deskdup.views.queue_model import Column, QueueModel, translate_reason
from deskdup.views.queue_rows import build_rows
from deskdup.views.queue_update import changed_groups
from deskdup.views.settings import Settings
from tests.views.test_queue import _reason, _summary

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "raise()", "grabbing the keyboard")

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def ui_language(qapp, request):
    """The interface language the window is built in (a switch rebuilds the window)."""
    i18n.install(getattr(request, "param", "en"))
    yield
    i18n.install("en")


@pytest.fixture
def supervisor_window(qtbot, demo_ws, ops_runner, tmp_path, ui_language):
    """The window on the demo as the supervisor (who may merge every group),
    active, with the queue filled and its first group open."""
    context = AppContext(
        workspace=demo_ws,
        operator=workspace_operator(demo_ws, "supervisor"),
        settings=Settings(tmp_path / "settings.ini"),
        ops=ops_runner,
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.scan_finished, timeout=60000):
        window.start()
    qtbot.waitUntil(lambda: ready(window), timeout=20000)
    window.queue.table.setFocus()
    yield window
    window.cancel_scan()
    ops_runner.wait()


def ready(window: MainWindow) -> bool:
    """A group is on screen and Ctrl+Return would merge it."""
    compare = window.compare
    return (
        compare.plan is not None
        and not compare.is_busy()
        and compare.actions[ReviewAction.MERGE].isEnabled()
    )


def settled(window: MainWindow) -> bool:
    """Nothing left to do: no write, no load, no queue refresh waiting or running."""
    return (
        not window.compare.is_busy()
        and not window.scanning
        and not window._refresh_timer.isActive()
    )


def press_merge(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return, CTRL)


def merge_events(ws) -> int:
    with ws.session() as s:
        return s.scalar(select(func.count()).select_from(MergeEvent))


def test_only_changed_groups_are_rebuilt_and_they_go_to_their_sorted_places(qtmodeltester):
    """A refresh's result against the one the queue was built from: a group with
    the same pairs and leads is kept (the same row object), a rescored one and a
    new one come in at their places, a vanished one goes."""
    people = {
        i: _summary(i, name, channel, "Петрова Анна", 5 * i)
        for i, name, channel in (
            (1, "Иван Петров", Channel.SITE),
            (2, "vanya_petrov93", Channel.TELEGRAM),
            (3, "Мария", Channel.AVITO),
            (4, "Мария Иванова", Channel.WHATSAPP),
            (5, "Олег", Channel.CALL),
            (6, "Олег Смирнов", Channel.EMAIL),
            (7, "Анна", Channel.VK),
            (8, "Анна Ким", Channel.SITE),
        )
    }
    kept_pair = CandidatePair(1, 2, 0.95, (_reason("+79161234567"),))
    old = ScanResult(
        [],
        [
            CandidateGroup((1, 2), [kept_pair]),
            CandidateGroup((3, 4), [CandidatePair(3, 4, 0.70, (_reason("+7903", 0.5),))]),
            CandidateGroup((5, 6), [CandidatePair(5, 6, 0.65, (_reason("+7999", 0.4),))]),
        ],
        people,
        8,
    )
    new = ScanResult(
        [],
        [
            CandidateGroup((3, 4), [CandidatePair(3, 4, 0.99, (_reason("+7903", 0.9),))]),
            CandidateGroup((1, 2), [kept_pair]),
            CandidateGroup((7, 8), [CandidatePair(7, 8, 0.80, (_reason("+7916", 0.6),))]),
        ],
        people,
        8,
    )
    removed, fresh, kept = changed_groups(old, new)
    assert removed == {"3,4", "5,6"}
    assert [g.lead_ids for g in fresh] == [(3, 4), (7, 8)]
    assert kept == 1

    model = QueueModel()
    model.set_rows(build_rows(old.groups, old.summaries))
    first = model.row_at(0)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.update(removed, build_rows(fresh, new.summaries))
    assert not resets
    assert [model.row_at(i).lead_ids for i in range(model.rowCount())] == [
        (3, 4),
        (1, 2),
        (7, 8),
    ]
    assert model.row_at(1) is first
    qtmodeltester.check(model)
    # Sorted by the customer, a new group still lands in its place.
    model.sort(Column.CUSTOMER, Qt.SortOrder.AscendingOrder)
    model.update({"7,8"}, build_rows([CandidateGroup((7, 8), new.groups[2].pairs)], people))
    customers = [model.row_at(i).customer.lower() for i in range(model.rowCount())]
    assert customers == sorted(customers)


def test_a_merge_updates_the_queue_in_place_and_opens_the_next_group(qtbot, supervisor_window):
    window = supervisor_window
    queue = window.queue
    model = queue.model
    assert model.rowCount() > 5
    queue.select_proxy_row(2)  # a group in the middle, the ones above stay as they were
    qtbot.waitUntil(
        lambda: ready(window) and window.compare.lead_ids == queue.current_row().lead_ids
    )
    merged_row = queue.current_row()
    next_row = queue.proxy.index(3, Column.CUSTOMER).data(Qt.ItemDataRole.UserRole + 1)
    before = model.rows()
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    changes: list[tuple[set[str], list]] = []
    update_rows = queue.update_rows

    def spy(removed, added):  # the real update, its arguments noted
        changes.append((set(removed), list(added)))
        update_rows(removed, added)

    queue.update_rows = spy

    press_merge(qtbot, window)
    qtbot.waitUntil(lambda: settled(window) and bool(changes), timeout=20000)

    assert not resets  # rows taken out and put in, never a reset
    keys = {r.key for r in model.rows()}
    assert merged_row.key not in keys
    # The next group is highlighted and on screen, and stayed so through the refresh.
    assert queue.current_row() is next_row
    assert window.compare.lead_ids == next_row.lead_ids and ready(window)
    # Every other group not changed by the refresh is the very same row object.
    removed, added = changes[-1]
    untouched = [r for r in before if r is not merged_row and r.key not in removed]
    now = {id(r) for r in model.rows()}
    assert untouched and all(id(r) in now for r in untouched)
    assert len(untouched) + len(added) == model.rowCount()
    # The merged-away leads are gone from the lead list too.
    with window.context.workspace.session() as s:
        gone = s.scalars(select(Lead.id).where(Lead.id.in_(merged_row.lead_ids), Lead.archived))
        gone = set(gone)
    assert gone and not gone & {r.id for r in window.leads.model._visible}


def test_five_fast_ctrl_returns_merge_or_say_why_each_time(qtbot, supervisor_window):
    window = supervisor_window
    ws = window.context.workspace
    refused: list[str] = []
    window.merge_key.refused.connect(refused.append)
    merged: list[object] = []
    window.compare.merged.connect(merged.append)

    for _ in range(5):  # as fast as the keyboard goes: no waiting in between
        press_merge(qtbot, window)
    qtbot.waitUntil(lambda: settled(window), timeout=30000)

    # Never silent: each press either merged a group or said why it did not.
    # (The first press starts a merge; the others come before it is written.)
    assert len(merged) + len(refused) == 5
    assert merged and refused
    assert merge_events(ws) == len(merged)
    assert all("Not merged" in text for text in refused)
    if refused:
        assert window.statusBar().currentMessage() == refused[-1]


def test_five_ctrl_returns_at_the_operators_pace_merge_five_groups(qtbot, supervisor_window):
    window = supervisor_window
    refused: list[str] = []
    window.merge_key.refused.connect(refused.append)
    shown = []
    for _ in range(5):
        qtbot.waitUntil(lambda: ready(window), timeout=20000)
        shown.append(window.compare.lead_ids)
        with qtbot.waitSignal(window.compare.merged, timeout=20000):
            press_merge(qtbot, window)
    qtbot.waitUntil(lambda: settled(window), timeout=30000)
    assert not refused
    assert merge_events(window.context.workspace) == 5
    assert len(set(shown)) == 5  # five different groups, each the one on screen
    keys = {r.key for r in window.queue.model.rows()}
    assert not keys & {",".join(map(str, ids)) for ids in shown}


@pytest.mark.parametrize("ui_language", ["en", "ru"], indirect=True)
def test_the_why_column_is_in_view_at_1366_with_its_whole_text(qtbot, supervisor_window):
    window = supervisor_window
    window.resize(1366, 768)
    queue = window.queue
    table = queue.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.viewport().width() < 700)  # the queue's half of 1366
    room = table.viewport().width()
    for column in (Column.SCORE, Column.CUSTOMER, Column.REASONS, Column.OWNERS):
        left = header.sectionViewportPosition(column)
        assert not header.isSectionHidden(column)
        assert left >= 0 and left + header.sectionSize(column) <= room, column
    assert header.sectionSize(Column.REASONS) >= WHY_LEAST
    # Two lines of text a row, and the whole reasons in the tooltip.
    assert table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing()
    row = queue.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    tip = queue.proxy.index(0, Column.REASONS).data(Qt.ItemDataRole.ToolTipRole)
    assert row.reasons and all(translate_reason(r) in tip for r in row.reasons)
    shown = queue.proxy.index(0, Column.REASONS).data()
    assert shown == "; ".join(translate_reason(r) for r in row.reasons)
    # The size of the group is under its score (the Leads column is hidden).
    assert header.isSectionHidden(Column.LEADS)
    size = queue.proxy.index(0, Column.SCORE).data(Qt.ItemDataRole.UserRole + 5)
    assert size.startswith(str(len(row.lead_ids)))


@pytest.mark.parametrize("ui_language", ["ru"], indirect=True)
def test_the_status_bar_draws_nothing_over_the_counters(qtbot, supervisor_window):
    window = supervisor_window
    window.resize(1366, 768)
    window.connection_label.setText(
        "База: sqlite:////home/operator/Документы/рабочие базы/отдел продаж/очень-длинное"
        "-имя-файла-рабочей-базы-2026.sqlite"
    )
    window._show_counters({"merges": 123, "dismissals": 45})
    window.status.start("Обновление очереди…", True, lambda: None)
    qtbot.waitUntil(lambda: window.progress_box.isVisible(), timeout=5000)
    bar = window.statusBar()
    qtbot.waitUntil(
        lambda: window.counters_label.width() >= window.counters_label.sizeHint().width()
    )

    def rect(widget) -> QRect:
        return QRect(widget.mapTo(bar, widget.rect().topLeft()), widget.size())

    widgets = [
        window.progress_box,
        window.counters_label,
        window.connection_label,
        window.operator_label,
    ]
    for i, a in enumerate(widgets):
        assert bar.rect().contains(rect(a)), a.objectName() or type(a).__name__
        for b in widgets[i + 1 :]:
            assert not rect(a).intersects(rect(b))
    # The progress's words and today's counters are whole; the address gives way.
    assert window.progress_label.width() >= window.progress_label.sizeHint().width()
    assert window.connection_label.width() < window.connection_label.sizeHint().width()
    assert "очень-длинное" in window.connection_label.toolTip()
    window.status.finish()
    assert not window.progress_box.isVisible()
