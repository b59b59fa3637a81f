"""A window's start shows the kept queue's first groups at once, then the rest
(issue 14: the queue ready within 1.5 s of opening a 100k workspace).

The first rows are the ones the whole queue shows at its top (the groups the
operator may merge first when the queue hides the others); once the rest is
in, the queue is the same groups in the same order as one built from every
row at once, whatever column it was sorted by meanwhile, and the group
highlighted first stays highlighted.
"""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete

from deskdup.models import MatchState
from deskdup.services import scan_apart
from deskdup.services.errors import Cancelled
from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.matching.store import kept_result
from deskdup.views import queue_feed
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.queue_model import Column, QueueModel, QueueProxy, Role

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

FIRST = 3


def _keep_candidates(qtbot, app_context) -> None:
    """A first window's scan: the workspace keeps its candidates."""
    first = MainWindow(app_context)
    qtbot.addWidget(first)
    first.start()
    qtbot.waitUntil(lambda: not first.scanning, timeout=60000)
    first.close()
    app_context.ops.wait()


@pytest.fixture
def release(app_context):
    """Set to let the rest of the kept queue be read (set at the end, so the
    worker is free before the runner is drained)."""
    event = threading.Event()
    yield event
    event.set()


def _reopen(qtbot, app_context, monkeypatch, release, mergeable_only: bool):
    """A second window, the index build behind its queue held back (recorded
    instead), the rest of the kept queue held until ``release`` is set."""
    context = AppContext(
        workspace=app_context.workspace,
        operator=app_context.operator,
        settings=app_context.settings,
        ops=app_context.ops,
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.queue.set_mergeable_only(mergeable_only)
    builds: list[bool] = []
    monkeypatch.setattr(window, "_build", lambda full: builds.append(full))
    real_rest = queue_feed.rest_queue_rows

    def held_rest(ws, operator, kept):
        release.wait(60)
        return real_rest(ws, operator, kept)

    monkeypatch.setattr(queue_feed, "rest_queue_rows", held_rest)
    window.show()
    window.start()
    return window, builds


def _expected(app_context, column=Column.SCORE, order=Qt.SortOrder.DescendingOrder):
    """The queue built from every row at once (what the window showed before)."""
    ws, operator = app_context.workspace, app_context.operator
    result = kept_result(ws, MatchSettings())
    model = QueueModel()
    model.sort(column, order)
    model.set_rows(queue_feed.queue_rows(ws, operator, result))
    return model


def _keys(model) -> list[str]:
    return [model.index(i, 0).data(Role.ObjectRole).key for i in range(model.rowCount())]


@pytest.mark.parametrize("mergeable_only", [True, False])
def test_the_first_groups_come_first_then_the_rest_in_the_same_order(
    qtbot, app_context, monkeypatch, release, mergeable_only
):
    monkeypatch.setattr(queue_feed, "FIRST_ROWS", FIRST)
    _keep_candidates(qtbot, app_context)
    window, builds = _reopen(qtbot, app_context, monkeypatch, release, mergeable_only)
    queue = window.queue
    qtbot.waitUntil(lambda: queue.current_row() is not None, timeout=30000)

    expected = _expected(app_context)
    proxy = QueueProxy()
    proxy.setSourceModel(expected)
    proxy.set_filter(queue.current_filter())
    assert queue.counting() and queue.model.rowCount() == FIRST
    assert "reading the rest" in queue.count.text()
    total = len(kept_result(app_context.workspace, MatchSettings()).groups)
    assert str(total) in queue.count.text()
    # What the operator sees first is the top of the whole queue, highlighted.
    assert _keys(queue.proxy) == _keys(proxy)[: queue.proxy.rowCount()]
    first = queue.current_row().key
    assert first == _keys(proxy)[0]
    assert window.open_group == queue.current_row().lead_ids

    release.set()
    qtbot.waitUntil(lambda: not queue.counting(), timeout=30000)
    assert _keys(queue.model) == _keys(expected)
    assert _keys(queue.proxy) == _keys(proxy)
    assert queue.model.locked_count() == expected.locked_count()
    assert queue.current_row().key == first
    assert "reading the rest" not in queue.count.text()
    assert builds == [True]  # the index, asked for behind the rest


def test_a_sort_chosen_before_the_rest_is_in_holds_for_it(qtbot, app_context, monkeypatch, release):
    monkeypatch.setattr(queue_feed, "FIRST_ROWS", FIRST)
    _keep_candidates(qtbot, app_context)
    window, _builds = _reopen(qtbot, app_context, monkeypatch, release, mergeable_only=False)
    queue = window.queue
    qtbot.waitUntil(lambda: queue.current_row() is not None, timeout=30000)
    highlighted = queue.current_row().key
    queue.table.sortByColumn(Column.CUSTOMER, Qt.SortOrder.AscendingOrder)

    release.set()
    qtbot.waitUntil(lambda: not queue.counting(), timeout=30000)
    expected = _expected(app_context, Column.CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert queue.model.rowCount() > FIRST
    assert _keys(queue.model) == _keys(expected)
    assert queue.current_row().key == highlighted


@pytest.fixture
def apart(monkeypatch) -> list[str]:
    """Every workspace counts as large (``scan_apart``); what each process
    answered ("": kept), in order."""
    monkeypatch.setattr(scan_apart, "APART_MIN_LEADS", 1)
    answers: list[str] = []
    real = scan_apart.build_apart

    def spied(*args, **kwargs):
        answers.append(real(*args, **kwargs))
        return answers[-1]

    monkeypatch.setattr(scan_apart, "build_apart", spied)
    return answers


def test_a_large_workspace_s_first_scan_runs_in_a_process_of_its_own(qtbot, app_context, apart):
    """Nothing kept and enough leads: the candidates are built and kept by a
    process of its own, the queue read from them as at any start, and the
    window's index takes every pair over (no lead scored in the window)."""
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.scanning, timeout=60000)
    assert apart == [""]  # kept by the process
    built = MatchIndex.build(app_context.workspace, MatchSettings()).result()
    shown = app_context.scan_result
    assert sorted(g.lead_ids for g in shown.groups) == sorted(g.lead_ids for g in built.groups)
    assert window.queue.model.rowCount() == len(built.groups) > 0
    assert app_context.match_index.touched == set()
    window.close()
    app_context.ops.wait()


def test_cancelling_the_first_scan_of_a_large_workspace_builds_nothing_in_the_window(
    qtbot, window, monkeypatch
):
    monkeypatch.setattr(scan_apart, "APART_MIN_LEADS", 1)

    def endless(ws, settings, progress, cancelled):
        while not cancelled():
            progress(1, 10)  # raises Cancelled once the operator pressed Cancel
            time.sleep(0.01)
        raise Cancelled()

    monkeypatch.setattr(scan_apart, "build_apart", endless)
    builds: list[bool] = []
    monkeypatch.setattr(window, "_build", lambda full: builds.append(full))
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.progress_box.isVisibleTo(window), timeout=10000)
    # Not "0 groups to review" while the first scan runs.
    assert window.queue.count.text() == "Looking for duplicates…"
    window.progress_cancel.click()
    qtbot.waitUntil(lambda: not window.scanning, timeout=10000)
    assert builds == []
    assert window.queue.model.rowCount() == 0
    assert window.queue.count.text() == "0 groups to review"
    assert window.scan_action.isEnabled()  # Scan starts it again


def test_a_full_scan_with_none_kept_that_hold_runs_apart_too(qtbot, app_context, apart):
    """A window with an index whose kept pairs stopped holding (a large import
    into a workspace that had too few leads to learn from, or other detection
    settings): its full scan is built and kept apart, then taken over."""
    _keep_candidates(qtbot, app_context)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.start()
    qtbot.waitUntil(lambda: not window.scanning, timeout=60000)
    with app_context.workspace.engine.begin() as conn:  # as if the settings changed
        conn.execute(delete(MatchState))
    apart.clear()  # (the first window's start ran one)
    window.start_scan(full=True)
    qtbot.waitUntil(lambda: not window.scanning, timeout=60000)
    assert apart == [""]
    assert app_context.match_index.touched == set()  # every pair taken over
    assert window.queue.model.rowCount() > 0
    window.close()
    app_context.ops.wait()
