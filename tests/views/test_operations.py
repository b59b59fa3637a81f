"""The background-operation helper: results and errors come back on the UI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication, QWidget

from deskdup.services.errors import KnownError
from deskdup.views.operations import Progress, QueryOp


def test_success_runs_op_off_the_ui_thread_and_callback_on_it(qtbot, runner):
    ui_thread = QThread.currentThread()
    seen = {}

    def op():
        seen["op_thread"] = threading.current_thread()
        return 41 + 1

    def success(value):
        seen["value"] = value
        seen["callback_on_ui"] = QThread.currentThread() is ui_thread

    QueryOp(None, op, success, runner=runner).run_in_background()
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["callback_on_ui"]
    assert seen["op_thread"] is not threading.main_thread()


def test_known_error_goes_to_the_message_with_the_services_words(qtbot, runner, shown):
    def op():
        raise KnownError("The database is down; try again later.")

    QueryOp(None, op, lambda _v: None, runner=runner).run_in_background()
    qtbot.waitUntil(lambda: bool(shown["known"]))
    assert str(shown["known"][0]) == "The database is down; try again later."
    assert shown["bug"] == []


def test_a_bug_goes_to_the_crash_dialog(qtbot, runner, shown, caplog):
    def op():
        raise ZeroDivisionError("oops")

    QueryOp(None, op, lambda _v: None, runner=runner).run_in_background()
    qtbot.waitUntil(lambda: bool(shown["bug"]))
    assert isinstance(shown["bug"][0], ZeroDivisionError)
    assert shown["known"] == []


def test_cancel_stops_a_progress_op_silently(qtbot, runner, shown):
    started = threading.Event()
    finished = []
    parent = QWidget()
    qtbot.addWidget(parent)

    def op(progress: Progress):
        started.set()
        i = 0
        while True:  # only Cancel ends it
            i += 1
            progress(i, 0)

    query = (
        QueryOp(parent, op, lambda _v: finished.append("success"), runner=runner)
        .with_progress("Working", cancellable=True)
        .finally_(lambda: finished.append("finally"))
        .run_in_background()
    )
    assert started.wait(5)
    query.cancel()
    qtbot.waitUntil(lambda: finished == ["finally"])
    assert shown == {"known": [], "bug": []}


def test_custom_failure_handler_replaces_the_default(qtbot, runner, shown):
    got = []

    def op():
        raise KnownError("nope")

    QueryOp(None, op, lambda _v: None, runner=runner).failure(got.append).run_in_background()
    qtbot.waitUntil(lambda: bool(got))
    assert str(got[0]) == "nope"
    assert shown["known"] == []


def test_known_error_handler_says_it_its_way_and_bugs_still_reach_the_crash_dialog(
    qtbot, runner, shown
):
    said: list[BaseException] = []
    ops = [KnownError("The lead is gone."), ZeroDivisionError("oops")]
    for exc in ops:

        def op(exc=exc):
            raise exc

        QueryOp(None, op, lambda _v: None, runner=runner).known_error(
            said.append
        ).run_in_background()
    qtbot.waitUntil(lambda: bool(shown["bug"]))
    assert [str(e) for e in said] == ["The lead is gone."]
    assert shown["known"] == [] and [str(e) for e in shown["bug"]] == ["oops"]


def test_a_dropped_op_calls_none_of_its_callbacks(qtbot, runner, shown):
    """Only the latest answer is wanted: a dropped op neither succeeds, fails nor ends."""
    gate = threading.Event()
    called: list[str] = []
    parent = QWidget()
    qtbot.addWidget(parent)

    def slow_success():
        assert gate.wait(10)
        return 1

    def slow_failure():
        assert gate.wait(10)
        raise KnownError("too late")

    for op in (slow_success, slow_failure):
        QueryOp(parent, op, lambda _v: called.append("success"), runner=runner).failure(
            lambda _e: called.append("failure")
        ).finally_(lambda: called.append("finally")).run_in_background().drop()
    latest = QueryOp(parent, lambda: 2, lambda v: called.append(f"latest {v}"), runner=runner)
    latest.run_in_background()
    gate.set()
    # One database worker, in order: the latest answers after both dropped ones ended.
    qtbot.waitUntil(lambda: bool(called))
    runner.wait()
    qtbot.waitUntil(lambda: not runner.running)
    assert called == ["latest 2"]
    assert shown == {"known": [], "bug": []}


def test_a_write_announces_what_it_changed_after_its_own_success(qtbot, runner):
    parent = QWidget()
    qtbot.addWidget(parent)
    heard: list[tuple[str, object, object]] = []
    runner.executed.connect(lambda change, who: heard.append(("executed", change, who)))
    QueryOp(
        parent,
        lambda: {"merged": (3, 4)},
        lambda v: heard.append(("success", v, None)),
        runner=runner,
    ).writes().run_in_background()
    QueryOp(
        parent, lambda: "a read", lambda v: heard.append(("success", v, None)), runner=runner
    ).run_in_background()
    qtbot.waitUntil(lambda: len(heard) == 3)
    assert heard == [
        ("success", {"merged": (3, 4)}, None),
        ("executed", {"merged": (3, 4)}, parent),
        ("success", "a read", None),
    ]


def test_database_ops_run_one_at_a_time_in_order(qtbot, runner):
    order: list[int] = []
    active = []
    overlap = []

    def make(i):
        def op():
            active.append(i)
            if len(active) > 1:
                overlap.append(i)
            order.append(i)
            active.remove(i)
            return i

        return op

    done = []
    for i in range(5):
        QueryOp(None, make(i), done.append, runner=runner).run_in_background()
    qtbot.waitUntil(lambda: len(done) == 5)
    assert order == [0, 1, 2, 3, 4]
    assert overlap == []


def test_no_callback_after_the_parent_is_gone(qtbot, runner):
    release = threading.Event()
    called = []
    parent = QObject()

    def op():
        release.wait(5)
        return 1

    QueryOp(parent, op, called.append, runner=runner).run_in_background()
    parent.deleteLater()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not _alive(parent))
    release.set()
    qtbot.waitUntil(lambda: not runner.running)
    assert called == []


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True


def test_progress_reports_are_thinned_but_the_last_one_arrives():
    seen = []
    progress = Progress(lambda done, total, label: seen.append((done, total)))
    for i in range(1, 10001):
        progress(i, 10000)
    for i in range(1, 10001):
        progress(i, 0)  # unknown total
    assert (10000, 10000) in seen
    assert len(seen) < 100


@pytest.mark.parametrize("fails", [False, True])
def test_an_op_ending_after_its_window_is_gone_leaves_the_progress_alone(
    qtbot, runner, shown, fails
):
    # The window's status bar showed the progress; the window closed (its
    # timers deleted) while the op still ran: its end touched a dead timer
    # ("Internal C++ object (PySide6.QtCore.QTimer) already deleted").
    from PySide6.QtWidgets import QMainWindow

    from deskdup.views.status_bar import WindowStatus

    release = threading.Event()
    ended = []
    window = QMainWindow()
    status = WindowStatus(window, "sqlite:///x", "operator")
    runner.status_progress = lambda: status

    def op(progress: Progress):
        release.wait(5)
        progress(1, 2)
        if fails:
            raise KnownError("The database is down; try again later.")
        return 1

    try:
        (
            QueryOp(None, op, ended.append, runner=runner)
            .with_progress("Scanning", in_status_bar=True)
            .finally_(lambda: ended.append("finally"))
            .run_in_background()
        )
        window.deleteLater()
        qtbot.waitUntil(lambda: not _alive(status))
        release.set()
        qtbot.waitUntil(lambda: not runner.running)
    finally:
        runner.status_progress = None
    assert ended == (["finally"] if fails else [1, "finally"])
    assert shown["bug"] == []
