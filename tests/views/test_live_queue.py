"""A colleague's merge (another process) shows in the queue within seconds, no rescan asked.

SQLite (``PRAGMA data_version``) and PostgreSQL (``LISTEN/NOTIFY``); the
colleague is ``deskdup merge`` run as a separate process.  Waits are
``qtbot.waitUntil`` on the condition, never sleeps.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import update

from deskdup.models import Lead
from deskdup.services.demo import generate_demo
from deskdup.services.operators import workspace_operator
from deskdup.services.workspace import open_workspace
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.operations import OperationRunner
from deskdup.views.settings import Settings

pytest_plugins = ("tests.postgres",)
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(params=["sqlite", "postgresql"])
def workspace_url(request, demo_ws):
    if request.param == "sqlite":
        return demo_ws.url
    url = request.getfixturevalue("pg_database")
    ws = open_workspace(url)
    generate_demo(ws, leads=300, seed=3)
    ws.dispose()
    return url


@pytest.fixture
def desk(qtbot, workspace_url, tmp_path):
    ws = open_workspace(workspace_url, create=False)
    runner = OperationRunner()
    context = AppContext(
        workspace=ws,
        operator=workspace_operator(ws, "operator"),
        settings=Settings(tmp_path / "desk.ini"),
        ops=runner,
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.scan_finished, timeout=60000):
        window.start()
    window.live.start()
    yield window
    window.live.stop()
    window.cancel_scan()
    runner.cancel_all()
    runner.wait()
    ws.dispose()


def _colleague(url: str, *args: str) -> None:
    """``deskdup ARGS --db URL`` as another operator's process."""
    done = subprocess.run(
        [sys.executable, "-m", "deskdup", *args, "--db", url],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def _keys(window: MainWindow) -> set[str]:
    return {row.key for row in window.queue.model.rows()}


def test_a_colleagues_merge_leaves_the_queue_within_five_seconds(qtbot, desk, workspace_url):
    open_key = desk.queue.current_row().key
    other = next(row for row in desk.queue.model.rows() if row.key != open_key)
    primary, *others = other.lead_ids
    with_ids = ",".join(map(str, others))
    _colleague(workspace_url, "merge", "--as", "supervisor", "--primary", str(primary),
               "--with", with_ids)  # fmt: skip
    merged_at = time.monotonic()
    qtbot.waitUntil(lambda: other.key not in _keys(desk), timeout=5000)
    print(f"\nlive update latency: {time.monotonic() - merged_at:.2f} s")
    assert desk.queue.current_row().key == open_key  # her own group stays open


def test_the_open_group_reloads_with_a_word_when_a_colleague_changes_a_lead(qtbot, desk):
    qtbot.waitUntil(lambda: desk.compare.plan is not None, timeout=10000)
    shown = desk.compare.plan
    lead_id = shown.lead_ids[0]
    colleague = open_workspace(desk.context.workspace.url, create=False)
    try:
        with colleague.session() as s:
            s.execute(
                update(Lead)
                .where(Lead.id == lead_id)
                .values(title="Changed by a colleague", version=Lead.version + 1)
            )
    finally:
        colleague.dispose()
    qtbot.waitUntil(
        lambda: "A colleague changed one of these leads" in desk.compare.banner.text(),
        timeout=5000,
    )
    qtbot.waitUntil(lambda: desk.compare.plan is not None and desk.compare.plan is not shown)
    assert desk.compare.plan.versions[lead_id] == shown.versions[lead_id] + 1
