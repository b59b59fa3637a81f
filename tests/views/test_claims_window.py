"""Two windows on one workspace, as two operators at two desks: review claims.

Each window has its own engine and its own worker, as two processes would.
"""

from __future__ import annotations

import pytest

from deskdup.services.claims import workspace_holders
from deskdup.services.operators import workspace_operator
from deskdup.services.workspace import open_workspace
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.operations import OperationRunner
from deskdup.views.queue_model import Column, Role
from deskdup.views.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def desks(qtbot, demo_ws, tmp_path):
    made = []

    def desk(login: str) -> MainWindow:
        ws = open_workspace(demo_ws.url, create=False)
        runner = OperationRunner()
        context = AppContext(
            workspace=ws,
            operator=workspace_operator(ws, login),
            settings=Settings(tmp_path / f"{login}.ini"),
            ops=runner,
        )
        window = MainWindow(context)
        qtbot.addWidget(window)
        made.append(window)
        with qtbot.waitSignal(window.scan_finished, timeout=60000):
            window.start()
        return window

    yield desk
    for window in made:
        window.cancel_scan()
        window.context.ops.cancel_all()
        window.context.ops.wait()
        window.context.workspace.dispose()


def _row_of(window: MainWindow, key: str) -> int:
    for i in range(window.queue.proxy.rowCount()):
        if window.queue.proxy.index(i, 0).data(Role.ObjectRole).key == key:
            return i
    raise AssertionError(f"group {key} is not in the queue")


def test_a_group_open_at_one_desk_is_marked_and_skipped_at_the_other(qtbot, desks, demo_ws):
    anna = desks("operator")
    qtbot.waitUntil(lambda: anna.claims.key is not None, timeout=10000)
    # Anna moves to the second group: that one is hers now, the first is free again.
    anna.queue.select_proxy_row(1)
    second = anna.queue.current_row()
    qtbot.waitUntil(lambda: anna.claims.key == ",".join(map(str, sorted(second.lead_ids))))
    assert {h.name for h in workspace_holders(demo_ws).values()} == {"Петрова Анна"}

    elena = desks("morozova")
    # Elena's first group is not Anna's, and Anna's row says who is on it.
    qtbot.waitUntil(lambda: elena.claims.key is not None, timeout=10000)
    assert set(elena.open_group) != set(second.lead_ids)
    anna_row = _row_of(elena, second.key)
    customer = elena.queue.proxy.index(anna_row, Column.CUSTOMER)
    qtbot.waitUntil(lambda: "being reviewed by Петрова Анна" in customer.data(), timeout=10000)

    # Next from the row above Anna's passes hers by.
    elena.queue.select_proxy_row(anna_row - 1)
    elena.next_group()
    assert elena.queue.current_row().key != second.key
    assert elena.queue.table.currentIndex().row() == anna_row + 1

    # Anna closes her window: the claim goes, and Elena's queue says so within a poll.
    anna.close()
    qtbot.waitUntil(lambda: "being reviewed" not in customer.data(), timeout=10000)
    assert {h.name for h in workspace_holders(demo_ws).values()} == {"Морозова Елена"}


def test_a_supervisor_takes_a_review_over_and_the_holder_is_told(qtbot, desks, monkeypatch):
    asked = []
    monkeypatch.setattr(
        "deskdup.views.main_window.Interaction.confirm",
        lambda *args, **kwargs: asked.append(args[2]) or True,
    )
    anna = desks("operator")
    qtbot.waitUntil(lambda: anna.claims.key is not None, timeout=10000)
    key = anna.claims.key
    olga = desks("supervisor")
    olga.queue.select_key(anna.queue.current_row().key)
    qtbot.waitUntil(lambda: olga.claims.key == key, timeout=10000)
    assert asked and "Петрова Анна is reviewing this group" in asked[0]
    anna.claims._renew()  # her next heartbeat finds the claim gone
    qtbot.waitUntil(lambda: "has taken over this group" in anna.compare.banner.text())
    assert anna.claims.key is None
