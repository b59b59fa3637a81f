"""The review queue: a background scan fills it, filters narrow it, the model is sound."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from deskdup.models import Channel
from deskdup.services.candidates import CandidateGroup, CandidatePair, LeadSummary, Reason
from deskdup.services.kept_queue import queue_order
from deskdup.services.matching import MatchIndex
from deskdup.services.messages import Message
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.queue_feed import FIRST_ROWS
from deskdup.views.queue_model import Column, QueueFilter, QueueModel, QueueProxy, Role
from deskdup.views.queue_rows import build_rows

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ObjectRole = Role.ObjectRole
NOW = datetime(2026, 11, 23, 12, 0)


def _summary(lead_id: int, name: str, channel: Channel, owner: str, minutes_ago: int):
    return LeadSummary(
        id=lead_id,
        label=str(lead_id),
        name=name,
        channel=channel,
        owner_id=hash(owner) % 100,
        owner_name=owner,
        created_at=NOW - timedelta(minutes=minutes_ago),
        status="new",
    )


def _reason(text: str, weight: float = 0.9) -> Reason:
    return Reason("same_phone", weight, Message("Reason", "Same phone {phone}", {"phone": text}))


@pytest.fixture
def rows():
    summaries = {
        1: _summary(1, "Иван Петров", Channel.SITE, "Петрова Анна", 5),
        2: _summary(2, "vanya_petrov93", Channel.TELEGRAM, "Петрова Анна", 9),
        3: _summary(3, "Мария", Channel.AVITO, "Соколов Павел", 3 * 24 * 60),
        4: _summary(4, "Мария Иванова", Channel.WHATSAPP, "Соколов Павел", 3 * 24 * 60 + 4),
        5: _summary(5, "Олег", Channel.CALL, "Иванова Мария", 40 * 24 * 60),
        6: _summary(6, "Олег Смирнов", Channel.EMAIL, "Иванова Мария", 40 * 24 * 60),
    }
    groups = [
        CandidateGroup((1, 2), [CandidatePair(1, 2, 0.95, (_reason("+79161234567"),))]),
        CandidateGroup((3, 4), [CandidatePair(3, 4, 0.70, (_reason("+79031112233", 0.5),))]),
        CandidateGroup((5, 6), [CandidatePair(5, 6, 0.55, (_reason("+79990000000", 0.4),))]),
    ]
    return build_rows(groups, summaries)


def test_queue_model_passes_the_model_tester(qtmodeltester, rows):
    model = QueueModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    proxy = QueueProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(QueueFilter(min_score=0.6))
    qtmodeltester.check(proxy)


def test_rows_show_score_channels_owners_age_and_translated_reasons(rows):
    model = QueueModel()
    model.now = NOW
    model.set_rows(rows)
    first = model.row_at(0)
    assert first.lead_ids == (1, 2)
    assert first.channels == (Channel.TELEGRAM, Channel.SITE)
    assert model.index(0, Column.SCORE).data() == "0.95"
    assert model.index(0, Column.AGE).data() == "9 min"
    assert model.index(1, Column.AGE).data() == "3 d"
    assert model.index(0, Column.OWNERS).data() == "Петрова Анна"
    assert model.index(0, Column.REASONS).data() == "Same phone +79161234567"


def test_sorting_by_age_and_by_score(rows):
    model = QueueModel()
    model.set_rows(rows)
    model.sort(Column.AGE, Qt.SortOrder.DescendingOrder)  # oldest first
    assert [model.row_at(i).lead_ids for i in range(3)] == [(5, 6), (3, 4), (1, 2)]
    model.sort(Column.SCORE, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(i).score for i in range(3)] == [0.55, 0.70, 0.95]


def test_filters_narrow_the_queue(rows):
    model = QueueModel()
    model.set_rows(rows)
    proxy = QueueProxy()
    proxy.setSourceModel(model)

    def shown(**kwargs):
        proxy.set_filter(QueueFilter(**kwargs))
        return sorted(proxy.index(r, 0).data(ObjectRole).lead_ids for r in range(proxy.rowCount()))

    assert len(shown()) == 3
    assert shown(channel=Channel.TELEGRAM) == [(1, 2)]
    assert shown(owner="Соколов Павел") == [(3, 4)]
    assert shown(min_score=0.6) == [(1, 2), (3, 4)]
    assert shown(since=NOW - timedelta(days=7)) == [(1, 2), (3, 4)]
    assert shown(text="петров") == [(1, 2)]
    assert shown(text="олег смирнов") == [(5, 6)]
    assert shown(channel=Channel.AVITO, min_score=0.9) == []


def test_the_filter_reads_yo_as_ye_in_any_case():
    summaries = {
        1: _summary(1, "Пётр Чернышёв", Channel.SITE, "Иванова Мария", 5),
        2: _summary(2, "Петр", Channel.AVITO, "Иванова Мария", 9),
    }
    rows = build_rows([CandidateGroup((1, 2), [CandidatePair(1, 2, 0.9, (_reason("+7916"),))])],
                      summaries)  # fmt: skip
    proxy = QueueProxy()
    model = QueueModel()
    model.set_rows(rows)
    proxy.setSourceModel(model)
    for typed in ("ЧЕРНЫШЕВ", "чернышёв", "петр черн"):
        proxy.set_filter(QueueFilter(text=typed))
        assert proxy.rowCount() == 1, typed
    proxy.set_filter(QueueFilter(text="Чернов"))
    assert proxy.rowCount() == 0


def test_removing_a_merged_lead_drops_its_group(rows):
    model = QueueModel()
    model.set_rows(rows)
    model.remove_leads([4])
    assert [model.row_at(i).lead_ids for i in range(model.rowCount())] == [(1, 2), (5, 6)]


def test_the_scan_runs_in_the_background_and_fills_the_queue(qtbot, window, app_context):
    window.show()
    window.start()
    assert window.scanning
    qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
    result = app_context.scan_result
    assert result is not None and result.groups
    assert window.queue.model.rowCount() == len(result.groups)
    assert str(len(result.groups)) in window.queue.count.text()
    # The first group is open and the keyboard moves through the queue.
    assert window.open_group == window.queue.current_row().lead_ids
    first = window.open_group
    window.next_group()
    assert window.open_group != first
    window.previous_group()
    assert window.open_group == first

    # A filter on the window's own widgets narrows what is shown: exactly the
    # groups shown before that score at least the minimum stay.
    def visible():
        return [
            window.queue.proxy.index(r, 0).data(ObjectRole)
            for r in range(window.queue.visible_count())
        ]

    before = visible()
    window.queue.min_score.setValue(0.9)
    cut = window.queue.min_score.value()
    expected = [row.lead_ids for row in before if row.score >= cut]
    assert 0 < len(expected) < len(before)
    assert sorted(row.lead_ids for row in visible()) == sorted(expected)


def test_a_second_start_shows_the_kept_queue_and_scores_nothing_again(
    qtbot, app_context, ops_runner, monkeypatch
):
    """The workspace keeps the candidates: a window opened again shows them
    before its index is built, and the build takes every pair over (no lead
    scored again, nothing changed); a lead edited since is the one scored."""
    first = MainWindow(app_context)
    qtbot.addWidget(first)
    first.start()
    qtbot.waitUntil(lambda: not first.scanning, timeout=30000)
    scanned = app_context.scan_result
    groups = [g.lead_ids for g in scanned.groups]
    first.close()
    ops_runner.wait()

    shown = []
    context = AppContext(
        workspace=app_context.workspace,
        operator=app_context.operator,
        settings=app_context.settings,
        ops=ops_runner,
    )
    again = MainWindow(context)
    qtbot.addWidget(again)
    monkeypatch.setattr(again, "_show_kept_queue", lambda outcome: shown.append(outcome) or None)
    again.start()
    qtbot.waitUntil(lambda: not again.scanning, timeout=30000)
    assert shown and shown[0] is not None
    kept, rows, _some_mergeable = shown[0]
    assert [g.lead_ids for g in kept.result.groups] == groups
    # The first screens' rows at once, in the queue's order (the rest follow):
    # the groups she may merge, as the queue hides the others.
    order = [g.lead_ids for g in sorted(scanned.groups, key=queue_order)]
    got = [r.lead_ids for r in rows]
    assert 0 < len(got) <= FIRST_ROWS and all(r.lock is None for r in rows)
    assert got == [ids for ids in order if ids in set(got)]
    assert context.match_index.touched == set()
    assert [g.lead_ids for g in context.scan_result.groups] == groups
    again.cancel_scan()


def test_cancel_stops_the_scan_and_leaves_the_queue_empty(qtbot, window, app_context, monkeypatch):
    started = []
    real_build = MatchIndex.build

    def slow_build(ws, settings=None, progress=None, cancelled=None, kept=None):
        started.append(True)
        while not cancelled():
            progress(0, 10)  # raises Cancelled once the operator pressed Cancel
        return real_build(ws, settings, progress=progress, cancelled=cancelled, kept=kept)

    monkeypatch.setattr(MatchIndex, "build", staticmethod(slow_build))
    window.start_scan(full=True)
    qtbot.waitUntil(lambda: bool(started), timeout=10000)
    # Shown once the scan has run a moment (a quick update after a merge shows nothing).
    qtbot.waitUntil(lambda: window.progress_box.isVisibleTo(window), timeout=10000)
    window.progress_cancel.click()
    qtbot.waitUntil(lambda: not window.scanning, timeout=10000)
    assert app_context.scan_result is None
    assert window.queue.model.rowCount() == 0
    assert not window.progress_box.isVisibleTo(window)


def test_the_queue_works_by_keyboard(qtbot, window):
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
    table = window.queue.table
    table.setFocus()
    first = window.open_group
    # Arrows move the highlight and the comparison follows it (issue 12: what
    # Ctrl+Return merges is always the highlighted group).
    qtbot.keyClick(table, Qt.Key.Key_Down)
    second = window.queue.current_row().lead_ids
    assert window.open_group == second != first
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter opens (the same group)
    assert window.open_group == second
    qtbot.keyClick(table, Qt.Key.Key_J)  # J: next group, opened
    assert window.open_group == window.queue.current_row().lead_ids != second
    qtbot.keyClick(table, Qt.Key.Key_K)  # K: back
    assert window.open_group == second


def test_saved_widths_never_cut_a_header_short(qtbot):
    """Widths saved in English were restored in Russian: 'Давность' read 'Давност'."""
    from deskdup.views.queue import QueueView

    view = QueueView()
    qtbot.addWidget(view)
    header = view.table.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, 31)
    saved = view.header_state()
    fresh = QueueView()
    qtbot.addWidget(fresh)
    fresh.restore_header(saved)
    fresh_header = fresh.table.horizontalHeader()
    metrics = fresh_header.fontMetrics()
    for column in (Column.SCORE, Column.CUSTOMER, Column.AGE):
        text = fresh.model.headerData(column, Qt.Orientation.Horizontal)
        assert fresh_header.sectionSize(column) >= metrics.horizontalAdvance(text)
    assert fresh_header.sectionSize(Column.LOCK) == 31  # the operator's own width stays
