"""The background-operation helper: results and errors come back on the UI thread."""

from __future__ import annotations

import threading

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
