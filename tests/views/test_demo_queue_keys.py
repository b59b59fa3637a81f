"""The review flow by keyboard alone in the main window on the demo queue: a
supervisor clears it, the next group opens after each decision, groups changed
elsewhere leave it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import func, select

from deskdup.models import Dismissal, Lead, MergeEvent
from deskdup.views.dismiss_dialog import DismissDialog
from deskdup.views.queue_model import Role

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier


def _press_in_dialog_when_it_opens(qtbot, dialog_type, key_name=Qt.Key.Key_Return):
    """Press a key in the next modal dialog of ``dialog_type`` once it has the keyboard.

    ``DismissDialog.ask`` and the undo confirmation run their own event loop;
    the key is sent from a timer inside that loop, to the dialog's focused
    widget, as an operator's finger would.  Returns the list of widget class
    names the key went to; a dialog that never gets the keyboard is rejected
    after 10 s so the test fails instead of hanging.
    """
    from PySide6.QtCore import QTimer

    pressed: list[str] = []
    polls = [0]

    def poll() -> None:
        polls[0] += 1
        dialog = QApplication.activeModalWidget()
        focused = QApplication.focusWidget()
        if (
            isinstance(dialog, dialog_type)
            and dialog.isVisible()
            and focused is not None
            and dialog.isAncestorOf(focused)
        ):
            pressed.append(type(focused).__name__)
            qtbot.keyClick(focused, key_name)
        elif polls[0] > 500:
            if isinstance(dialog, dialog_type):
                dialog.reject()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return pressed


@pytest.fixture
def demo_window(qtbot, demo_ws, tmp_path, monkeypatch):
    """The main window on the small demo workspace, signed in as ``supervisor``, active.

    Yields ``(window, shown)``: ``shown`` collects what would have been shown in
    an error dialog.
    """
    from deskdup.services.operators import workspace_operator
    from deskdup.views import i18n

    i18n.install("en")  # as the app does: the English plural forms ("1 pair")
    from deskdup.views import errors
    from deskdup.views.context import AppContext
    from deskdup.views.main_window import MainWindow
    from deskdup.views.operations import OperationRunner
    from deskdup.views.settings import Settings

    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_known_error", lambda _p, exc: shown.append(exc))
    monkeypatch.setattr(errors, "report_bug", lambda _p, exc: shown.append(exc))
    ops = OperationRunner()
    context = AppContext(
        workspace=demo_ws,
        operator=workspace_operator(demo_ws, "supervisor"),
        settings=Settings(tmp_path / "settings.ini"),
        ops=ops,
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window, shown
    window.cancel_scan()
    ops.cancel_all()
    ops.wait()


def settled(window) -> bool:
    """No scan, merge or load running, and the queue's current group is on screen."""
    view = window.compare
    if window.scanning or view.is_busy():
        return False
    if window.queue.model.rowCount() == 0:
        return True
    return view.plan is not None and window.open_group == tuple(view.lead_ids)


def pairs_text(n: int) -> str:
    return f"{n} pair" if n == 1 else f"{n} pairs"


def queue_lead_ids(window) -> set[int]:
    model = window.queue.model
    return {i for r in range(model.rowCount()) for i in model.row_at(r).lead_ids}


def test_after_a_merge_the_next_group_opens_and_todays_counters_move(qtbot, demo_window):
    window, shown = demo_window
    view = window.compare
    window.start()
    qtbot.waitUntil(lambda: settled(window), timeout=30000)
    qtbot.waitUntil(
        lambda: window.counters_label.text() == "Today: 0 merged, 0 pairs not duplicates"
    )
    first = tuple(view.lead_ids)
    assert view.isAncestorOf(QApplication.focusWidget())

    with qtbot.waitSignals([view.merged, view.group_loaded], timeout=10000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    # The next group is open without another key, and the keys still reach it.
    second = tuple(view.lead_ids)
    assert view.plan is not None and second != first
    assert window.open_group == second == window.queue.current_row().lead_ids
    assert not set(first) & queue_lead_ids(window)
    assert view.isAncestorOf(QApplication.focusWidget())
    qtbot.waitUntil(
        lambda: window.counters_label.text() == "Today: 1 merged, 0 pairs not duplicates"
    )

    pairs = len(second) * (len(second) - 1) // 2
    pressed = _press_in_dialog_when_it_opens(qtbot, DismissDialog)
    with qtbot.waitSignals([view.dismissed, view.group_loaded], timeout=15000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, CTRL)
    assert pressed == ["QLineEdit"]
    assert tuple(view.lead_ids) not in (first, second)
    expected = f"Today: 1 merged, {pairs_text(pairs)} not duplicates"
    qtbot.waitUntil(lambda: window.counters_label.text() == expected)
    qtbot.waitUntil(lambda: settled(window), timeout=30000)
    assert shown == []


def test_supervisor_clears_the_demo_queue_by_keyboard_alone(qtbot, demo_window):
    """Done when: an operator can clear the demo queue by keyboard alone.

    Only key presses on the main window (and Enter in the dialogs they open):
    Ctrl+Return merges, Ctrl+D + Enter marks not duplicates, S skips, J/K move,
    a digit picks the primary, Ctrl+Z + Enter undoes.  The queue must end empty
    and the database agree: a fresh scan finds nothing left to review.
    """
    from PySide6.QtWidgets import QMessageBox

    from deskdup.models import EventKind
    from deskdup.services.matching import MatchIndex

    window, shown = demo_window
    context = window.context
    demo_ws = context.workspace
    view = window.compare

    def wait_settled() -> None:
        qtbot.waitUntil(lambda: settled(window), timeout=30000)

    def wait_refreshed() -> None:
        # The window refreshes its index once the operator pauses after a
        # decision: what a merge changed (a text now one lead's own) may add a
        # group the queue did not have.
        qtbot.waitUntil(
            lambda: settled(window) and not window._refresh_timer.isActive(), timeout=30000
        )

    def press(k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        assert QApplication.activeWindow() is window
        target = QApplication.focusWidget()
        assert target is not None and window.isAncestorOf(target)
        qtbot.keyClick(target, k, modifier)

    window.start()
    wait_settled()
    groups_at_start = window.queue.model.rowCount()
    assert groups_at_start >= 10
    # The first group is open and the keys reach it.
    assert view.isAncestorOf(QApplication.focusWidget())

    merges = dismissed = skipped = undone = merge_events = pairs = 0
    steps = 0

    def today() -> str:
        return f"Today: {merge_events} merged, {pairs_text(pairs)} not duplicates"

    def more_to_review() -> bool:
        if window.queue.model.rowCount():
            return True
        wait_refreshed()
        return window.queue.model.rowCount() > 0

    while more_to_review():
        steps += 1
        assert steps < 3 * groups_at_start, "the queue does not get shorter"
        group = tuple(view.lead_ids)
        assert view.plan is not None, view.title.text() + " " + view.banner.text()
        if steps == 2 and skipped == 0:
            # Skip the second group for now; it comes back when the rest is done.
            with qtbot.waitSignal(view.group_loaded, timeout=10000):
                press(Qt.Key.Key_S)
            skipped += 1
            assert tuple(view.lead_ids) != group
            continue
        if steps == 3:
            # Next and back again with J / K.
            with qtbot.waitSignal(view.group_loaded, timeout=10000):
                press(Qt.Key.Key_J)
            with qtbot.waitSignal(view.group_loaded, timeout=10000):
                press(Qt.Key.Key_K)
            assert tuple(view.lead_ids) == group
        if steps % 4 == 0:
            # Not duplicates, with the dialog accepted by Enter (no reason).
            pressed = _press_in_dialog_when_it_opens(qtbot, DismissDialog)
            with qtbot.waitSignal(view.dismissed, timeout=10000):
                press(Qt.Key.Key_D, CTRL)
            assert pressed == ["QLineEdit"]  # the reason field had the focus
            dismissed += 1
            pairs += len(group) * (len(group) - 1) // 2
        else:
            if len(group) > 1 and steps % 3 == 0:
                press(Qt.Key.Key_2)  # the second lead becomes the primary
                assert view.plan.primary_id == view.plan.lead_ids[1]
            assert view.merge_button.isEnabled(), view.rights_label.text()
            with qtbot.waitSignal(view.merged, timeout=10000) as merged:
                press(Qt.Key.Key_Return, CTRL)
            assert merged.args[0].primary_id in group
            merges += 1
            merge_events += 1  # an undone merge still counts as today's work
            if merges == 2 and not undone:
                # Undo it (Ctrl+Z, Enter confirms): the group comes back to the queue.
                wait_settled()
                pressed = _press_in_dialog_when_it_opens(qtbot, QMessageBox)
                with qtbot.waitSignal(view.undone, timeout=10000):
                    press(Qt.Key.Key_Z, CTRL)
                assert pressed
                undone += 1
                merges -= 1
                qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
                rows = [window.queue.model.row_at(r) for r in range(window.queue.model.rowCount())]
                assert any(set(group) <= set(r.lead_ids) for r in rows)
        wait_settled()
        # The focus stays where the keys work, and today's counters moved.
        assert window.isAncestorOf(QApplication.focusWidget())
        qtbot.waitUntil(lambda: window.counters_label.text() == today())

    wait_settled()
    assert skipped and dismissed and undone and merges
    assert shown == []
    assert window.counters_label.text() == today()

    with demo_ws.session() as s:
        events = s.scalars(select(MergeEvent).where(MergeEvent.kind == EventKind.MERGE_LEADS))
        live = [e for e in events if e.undone_by_id is None]
        assert len(live) == merges
        for event in live:
            assert not s.get(Lead, event.primary_id).archived
            for other in event.other_ids:
                lead = s.get(Lead, other)
                assert lead.archived and lead.merged_into_id == event.primary_id
        assert s.scalar(select(func.count()).select_from(Dismissal)) >= dismissed
    # No active lead is left with an unresolved candidate pair at the threshold.
    fresh = MatchIndex.build(demo_ws, context.match_settings()).result()
    assert fresh.groups == []


def test_a_group_changed_elsewhere_leaves_the_queue_and_the_keys_go_on(qtbot, demo_window):
    """Another operator merged the next group meanwhile: it cannot be opened, merged or
    dismissed, so the queue is refreshed and J goes on to a group that can."""
    from deskdup.services.merge import apply_merge
    from deskdup.services.merge_plan import build_plan

    window, shown = demo_window
    view = window.compare
    ws = window.context.workspace
    window.start()
    qtbot.waitUntil(lambda: settled(window), timeout=30000)
    taken = window.queue.proxy.index(1, 0).data(Role.ObjectRole).lead_ids
    with ws.session() as s:
        plan = build_plan(s, taken)
    apply_merge(ws, plan, window.context.operator.id)  # "someone else", in another session

    with qtbot.waitSignal(view.group_unavailable, timeout=10000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_J)
    assert view.plan is None and "already merged" in view.banner.text()
    # The refresh takes the merged group out of the queue.
    qtbot.waitUntil(lambda: not set(plan.other_ids) & queue_lead_ids(window), timeout=30000)
    qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
    assert view.isAncestorOf(QApplication.focusWidget())
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_J)
    assert view.plan is not None and view.merge_button.isEnabled()
    assert shown == []


def test_a_merge_refused_because_someone_else_merged_the_group_opens_the_next_one(
    qtbot, demo_window
):
    """As after a merge of one's own, the next group opens by itself: no row was
    highlighted and the operator had to press J to go on."""
    from deskdup.services.merge import apply_merge
    from deskdup.services.merge_plan import build_plan

    window, shown = demo_window
    view = window.compare
    ws = window.context.workspace
    window.start()
    qtbot.waitUntil(lambda: settled(window) and view.plan is not None, timeout=30000)
    window.queue.select_proxy_row(2)  # not the first row: the next group is the one below
    qtbot.waitUntil(lambda: settled(window) and window.queue.current_row() is not None)
    qtbot.waitUntil(lambda: tuple(view.lead_ids) == window.queue.current_row().lead_ids)
    qtbot.waitUntil(lambda: view.plan is not None and not view.is_busy(), timeout=10000)
    following = window.queue.proxy.index(3, 0).data(Role.ObjectRole).key
    taken = tuple(view.lead_ids)
    with ws.session() as s:
        plan = build_plan(s, taken)
    apply_merge(ws, plan, window.context.operator.id)  # "someone else", in another session

    with qtbot.waitSignal(view.group_unavailable, timeout=10000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    # The refresh takes the merged group out; the group below it opens by itself.
    qtbot.waitUntil(
        lambda: (
            settled(window) and window.queue.current_row() is not None and view.plan is not None
        ),
        timeout=30000,
    )
    current = window.queue.current_row()
    assert current.key == following
    assert tuple(view.lead_ids) == tuple(current.lead_ids) == window.open_group
    assert not set(taken) & set(view.lead_ids)
    assert view.merge_button.isEnabled()
    # Why the merge did not happen stays on screen above the new group.
    assert "merged" in view.banner.text() and view.banner.isVisible()
    assert view.isAncestorOf(QApplication.focusWidget())
    assert shown == []


def test_todays_counters_stay_visible_while_the_status_bar_shows_a_message(qtbot, demo_window):
    window, _shown = demo_window
    window.start()
    qtbot.waitUntil(lambda: settled(window), timeout=30000)
    window.statusBar().showMessage("1025 groups among 4998 leads", 8000)
    assert window.counters_label.isVisible()
    assert window.connection_label.isVisible()
    # Qt appends the application's name to the title itself: once is enough.
    assert "deskdup" not in window.windowTitle()


def test_a_group_opened_before_the_window_is_active_gets_the_keys_on_activation(qtbot, demo_window):
    """At start the first group may load before the window manager activates the
    window: the keyboard stayed in the queue and the digits chose no primary."""
    window, shown = demo_window
    view = window.compare
    other = QDialog()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    window.start()
    qtbot.waitUntil(lambda: settled(window) and view.plan is not None, timeout=30000)
    assert window.queue.table.hasFocus() or not view.isAncestorOf(QApplication.focusWidget())
    other.hide()
    window.activateWindow()
    qtbot.waitUntil(lambda: view.isAncestorOf(QApplication.focusWidget()))
    column = 1 if view.plan.primary_id != view.plan.lead_ids[1] else 0
    qtbot.keyClick(QApplication.focusWidget(), (Qt.Key.Key_1, Qt.Key.Key_2)[column])
    assert view.plan.primary_id == view.plan.lead_ids[column]
    assert shown == []


def test_a_filter_that_hides_the_open_group_opens_the_highlighted_one(qtbot, demo_window):
    """The highlighted row and the comparison showed different groups after a
    filter hid the open one, and Ctrl+Return merged the hidden group."""
    window, shown = demo_window
    queue, view = window.queue, window.compare
    window.start()
    qtbot.waitUntil(lambda: settled(window) and view.plan is not None, timeout=30000)
    first = window.queue.current_row()
    others = {
        c for r in range(queue.model.rowCount()) for c in queue.model.row_at(r).channels
    } - set(first.channels)
    channel = sorted(others)[0]
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        queue.channel.setCurrentIndex(queue.channel.findData(channel))
    current = queue.current_row()
    assert channel in current.channels
    assert tuple(view.lead_ids) == tuple(current.lead_ids) == window.open_group

    # Back to every channel: the open group stays open and highlighted.
    queue.channel.setCurrentIndex(0)
    assert queue.current_row().key == current.key
    assert tuple(view.lead_ids) == tuple(current.lead_ids)

    # Nothing left to show: nothing stays open to be merged by mistake.
    queue.text.setText("no such customer at all")
    assert view.plan is None and window.open_group == ()
    # And when groups show again, the first one opens, as at start.
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        queue.text.clear()
    assert tuple(view.lead_ids) == tuple(queue.current_row().lead_ids) == window.open_group
    assert shown == []


def test_typing_a_lead_id_into_the_filter_merges_exactly_the_highlighted_group(qtbot, demo_window):
    """Issue 12 item 2: typing "L-003328" into the queue filter left one row
    highlighted while the comparison still showed (and Ctrl+Return merged) a
    group opened by an earlier keystroke."""
    window, shown = demo_window
    queue, view = window.queue, window.compare
    window.start()
    qtbot.waitUntil(lambda: settled(window) and view.plan is not None, timeout=30000)
    first = queue.current_row()
    rows = [queue.model.row_at(r) for r in range(queue.model.rowCount())]
    labels = [label for row in rows for label, _name, _channel in row.members]
    # A lead far down the queue whose label no other lead's label contains.
    target, label = next(
        (row, label)
        for row in reversed(rows)
        if row.key != first.key
        for label, _n, _c in row.members
        if sum(label in other for other in labels) == 1
    )
    queue.text.setFocus()
    qtbot.keyClicks(queue.text, label)  # one filter per keystroke, as typed
    assert queue.visible_count() == 1
    assert queue.current_row().key == target.key
    qtbot.waitUntil(lambda: not view.is_busy() and view.plan is not None, timeout=10000)
    # What is shown is the highlighted group, and the merge takes exactly that one.
    assert tuple(view.lead_ids) == tuple(target.lead_ids) == window.open_group
    merged = []
    view.merged.connect(merged.append)
    with qtbot.waitSignal(view.merged, timeout=10000):
        qtbot.keyClick(queue.text, Qt.Key.Key_Return, CTRL)
    assert set(merged[0].merged_ids) | {merged[0].primary_id} == set(target.lead_ids)
    assert shown == []


def test_the_comparison_shows_every_reason_also_for_leads_from_the_lead_list(qtbot, demo_window):
    """Issue 12 item 11: only the top three reasons were shown, none for leads
    opened from the lead list, never the contrary ones."""
    from deskdup.services.group_reasons import group_evidence

    window, shown = demo_window
    view = window.compare
    window.start()
    qtbot.waitUntil(lambda: settled(window) and view.plan is not None, timeout=30000)
    rows = [window.queue.model.row_at(r) for r in range(window.queue.model.rowCount())]
    index = window.context.match_index
    # The group with the most reasons: more than the queue's three.
    row = max(rows, key=lambda r: len(group_evidence(index, r.lead_ids).reasons))
    every = group_evidence(index, row.lead_ids).reasons
    assert len(every) > 3
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        window.compare_leads(list(row.lead_ids))  # as the lead list's "Compare" does
    text = view.heading.reasons_label.text()
    assert text.startswith("Why: ")
    assert ("\nAgainst: " in text) == any(r.weight < 0 for r in every)
    for reason in every:
        assert str(reason.text) in text
    assert shown == []
