"""A whole group on one screen (issue 12, item 3): the field names and the merged
lead stay put while the lead columns scroll, a chosen primary scrolls into view,
the queue folds away, and 4 leads fit at 1366×768, 6 at 1920×1080."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from deskdup.models import DemoTruth
from deskdup.services.operators import find_operator
from deskdup.views import settings as opts
from deskdup.views.main_window import MainWindow
from tests.factories import make_lead, make_operator
from tests.views.compare_group import make_view, show

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def six_leads(workspace) -> tuple[list[int], object]:
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна")
        ids = [
            make_lead(s, owner=anna, first_name="Иван", last_name=f"Петров{'а' * (i % 2)}").id
            for i in range(6)
        ]
        operator = find_operator(s, "anna")
    return ids, operator


def x_in(widget, viewport) -> tuple[int, int]:
    """The widget's left and right edges in the viewport's coordinates."""
    left = widget.mapTo(viewport, QPoint(0, 0)).x()
    return left, left + widget.width()


def test_field_names_and_result_stay_while_the_leads_scroll(qtbot, workspace, runner, shown):
    ids, operator = six_leads(workspace)
    view = make_view(qtbot, workspace, operator, runner)
    view.resize(900, 700)
    show(qtbot, view, ids)
    grid, viewport = view.grid, view.scroll.viewport()
    qtbot.waitUntil(lambda: view.lead_bar.isVisible())
    shown_before = grid.shown_leads
    assert 1 <= len(shown_before) < 6 and shown_before.start == 0
    field = grid.field_labels["first_name"]
    result = grid.result_cells["first_name"]
    field_x, result_x = x_in(field, viewport), x_in(result, viewport)

    view.lead_bar.setValue(view.lead_bar.maximum())

    assert grid.shown_leads.stop == 6
    qtbot.waitUntil(lambda: grid.headers[5].isVisible())
    assert not grid.headers[0].isVisible()
    # The frozen columns are where they were, whole and on screen.
    assert field.isVisible() and result.isVisible()
    assert x_in(field, viewport) == field_x and x_in(result, viewport) == result_x
    assert field_x[0] >= 0 and result_x[1] <= viewport.width()
    # Every shown lead column is whole inside the viewport; nothing scrolls the grid.
    qtbot.waitUntil(lambda: not view.scroll.horizontalScrollBar().isVisible())
    for index in grid.shown_leads:
        left, right = x_in(grid.headers[index], viewport)
        assert left >= 0 and right <= viewport.width()
    assert shown == {"known": [], "bug": []}


def test_choosing_lead_four_as_primary_scrolls_it_into_view(qtbot, workspace, runner, shown):
    ids, operator = six_leads(workspace)
    view = make_view(qtbot, workspace, operator, runner)
    view.resize(760, 700)
    show(qtbot, view, ids)
    grid = view.grid
    qtbot.waitUntil(lambda: view.lead_bar.isVisible())
    assert 3 not in grid.shown_leads
    qtbot.keyClick(view.scroll, Qt.Key.Key_4)  # the key of the 4th column
    assert view.plan.primary_id == ids[3]
    assert 3 in grid.shown_leads
    qtbot.waitUntil(lambda: grid.headers[3].isVisible())
    left, right = x_in(grid.headers[3], view.scroll.viewport())
    assert left >= 0 and right <= view.scroll.viewport().width()
    # Back to the first: it scrolls back.
    qtbot.keyClick(view.scroll, Qt.Key.Key_1)
    assert 0 in grid.shown_leads and grid.headers[0].isVisible()


def demo_group(ws, size: int) -> list[int]:
    """A demo customer's leads (``size`` of them): a real group as the demo makes it."""
    with ws.session() as s:
        person = s.scalars(
            select(DemoTruth.person_id)
            .group_by(DemoTruth.person_id)
            .having(func.count() >= size)
            .order_by(DemoTruth.person_id)
        ).first()
        if person is None:  # the small demo has no customer with that many leads
            return list(s.scalars(select(DemoTruth.lead_id).limit(size)))
        return list(
            s.scalars(select(DemoTruth.lead_id).where(DemoTruth.person_id == person).limit(size))
        )


@pytest.mark.parametrize(("size", "width", "height"), [(4, 1366, 768), (6, 1920, 1080)])
def test_the_whole_group_fits_with_the_queue_folded(qtbot, window, size, width, height):
    ids = demo_group(window.context.workspace, size)
    assert len(ids) == size
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised to the test screen
    window.resize(width, height)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.queue.table, Qt.Key.Key_F9)  # fold the queue (window-wide key)
    assert window.queue_folded and not window.tabs.isVisible()
    view = window.compare
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        window.compare_leads(ids)
    # The window is no wider than the screen it was sized for (nothing cut at the edge).
    assert window.width() <= width and window.minimumSizeHint().width() <= width
    viewport = view.scroll.viewport()
    qtbot.waitUntil(lambda: view.grid.headers[-1].isVisible())
    assert not view.lead_bar.isVisible()
    qtbot.waitUntil(lambda: not view.scroll.horizontalScrollBar().isVisible())
    assert view.grid.shown_leads == range(size)
    for header in view.grid.headers:
        left, right = x_in(header, viewport)
        assert left >= 0 and right <= viewport.width()
    # The buttons keep their words and end inside the window.
    merge = view.merge_button
    assert merge.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert merge.mapTo(window, QPoint(merge.width(), 0)).x() <= window.width()


def test_the_folded_queue_is_remembered_and_unfolds_on_request(qtbot, app_context):
    first = MainWindow(app_context)
    qtbot.addWidget(first)
    first.show()
    first.fold_action.trigger()
    assert first.queue_folded and first.tabs.isHidden()
    first.close()
    assert app_context.settings.get(opts.QUEUE_FOLDED) is True

    second = MainWindow(app_context)
    qtbot.addWidget(second)
    second.show()
    assert second.queue_folded and second.tabs.isHidden()
    # Asking for the history (View menu, Alt+3) brings the pane back.
    second.reveal_tab(2)
    assert not second.queue_folded and second.tabs.isVisible()
    assert app_context.settings.get(opts.QUEUE_FOLDED) is False
    second.close()


@pytest.fixture
def russian(qapp):
    from deskdup.views import i18n

    i18n.install("ru")
    yield
    i18n.install("en")


def test_in_russian_beside_the_queue_at_1366_nothing_is_cut(qtbot, russian, app_context):
    """The queue open, 1366×768, Russian: the window is no wider than the screen,
    two leads fit beside the merged one, the reasons wrap inside the window and
    "Объединить" keeps its words inside it."""
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    ids = demo_group(app_context.workspace, 4)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert not window.queue_folded
    view = window.compare
    with qtbot.waitSignal(window.scan_finished, timeout=60000):
        window.start()  # the scan gives the group its reasons
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=10000)
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        window.compare_leads(ids)
    assert window.minimumSizeHint().width() <= 1366 and window.width() == 1366
    qtbot.waitUntil(lambda: len(view.grid.shown_leads) >= 2)
    assert view.lead_bar.isVisible()  # the other two are a scroll away
    merge = view.merge_button
    assert merge.text() == "Объединить"
    assert merge.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert merge.mapTo(window, QPoint(merge.width(), 0)).x() <= window.width()
    reasons = view.reasons_label
    assert reasons.isVisible() and reasons.wordWrap()
    assert reasons.mapTo(window, QPoint(reasons.width(), 0)).x() <= window.width()
    window.cancel_scan()
    app_context.ops.wait()


def open_beside_the_queue(qtbot, window, width: int, height: int, size: int) -> list[int]:
    """The window at ``width``×``height`` with the queue open, a demo group of
    ``size`` leads in the comparison; its ids."""
    ids = demo_group(window.context.workspace, size)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(width, height)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.compare.group_loaded, timeout=10000):
        window.compare_leads(ids)
    return ids


def two_leads_whole(view) -> bool:
    """At least two lead columns show, each whole inside the grid's viewport."""
    viewport, grid = view.scroll.viewport(), view.grid
    if len(grid.shown_leads) < 2 or view.scroll.horizontalScrollBar().isVisible():
        return False
    edges = [x_in(grid.headers[i], viewport) for i in grid.shown_leads]
    return all(left >= 0 and right <= viewport.width() for left, right in edges)


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_the_conversation_folds_the_queue_while_it_is_open(qtbot, window, width, height):
    """Beside the queue, the conversation panel left the grid the merged lead and
    a sliver of one lead: it folds the queue away while open (not remembered)
    and brings it back when closed."""
    open_beside_the_queue(qtbot, window, width, height, 4)
    view = window.compare
    assert not window.queue_folded
    qtbot.keyClick(view.scroll, Qt.Key.Key_C)
    assert view.conversation.isVisible()
    assert window.queue_folded and window.tabs.isHidden()
    qtbot.waitUntil(lambda: two_leads_whole(view))
    assert window.context.settings.get(opts.QUEUE_FOLDED) is False  # not the operator's choice

    view.close_conversation()
    assert not view.conversation.isVisible()
    assert not window.queue_folded and window.tabs.isVisible()
    assert window.context.settings.get(opts.QUEUE_FOLDED) is False


def test_the_operators_own_fold_stands_after_the_conversation(qtbot, window):
    open_beside_the_queue(qtbot, window, 1366, 768, 4)
    view = window.compare
    view.show_conversation()
    assert window.queue_folded
    # She brings the queue back while reading: closing the panel leaves it so.
    window.fold_action.trigger()
    assert not window.queue_folded
    view.close_conversation()
    assert not window.queue_folded and window.tabs.isVisible()
    assert window.context.settings.get(opts.QUEUE_FOLDED) is False
    # Folded by her before: it stays folded after the panel closes.
    window.fold_action.trigger()
    view.show_conversation()
    view.close_conversation()
    assert window.queue_folded
    assert window.context.settings.get(opts.QUEUE_FOLDED) is True


def test_a_wide_enough_grid_keeps_the_queue_beside_the_conversation(qtbot, window):
    """A group of two on a wide screen: both leads fit beside the panel, the queue stays."""
    open_beside_the_queue(qtbot, window, 2560, 1200, 2)
    view = window.compare
    window.splitter.setSizes([800, 1760])
    qtbot.waitUntil(lambda: view.width() > 1500)
    view.show_conversation()
    assert view.conversation.isVisible()
    assert not window.queue_folded and window.tabs.isVisible()
    qtbot.waitUntil(lambda: two_leads_whole(view))
