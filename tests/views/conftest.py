"""Shared fixtures of the window tests.

One small demo workspace is generated per test session and copied for each
test, so every test gets its own real SQLite file without paying for the
generation again.
"""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from deskdup import app as app_module
from deskdup.services.demo import generate_demo
from deskdup.services.operators import workspace_operator
from deskdup.services.workspace import open_workspace
from deskdup.views import errors, gc_guard
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.operations import OperationRunner
from deskdup.views.settings import Settings

DEMO_LEADS = 200


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_ui_thread(qapp):
    """As the app does (views/gc_guard.py): a collection on a worker thread that meets
    Qt wrappers can crash the test process."""
    collector = gc_guard.UiThreadCollector()
    yield
    collector.stop()
    gc.collect()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    ws = open_workspace(str(path))
    generate_demo(ws, leads=DEMO_LEADS, seed=3)
    ws.dispose()
    return path


@pytest.fixture
def demo_ws(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    ws = open_workspace(str(path))
    yield ws
    ws.dispose()


@pytest.fixture
def ops_runner():
    """The background-operation runner of one test; cancelled and drained at its end."""
    r = OperationRunner()
    yield r
    r.cancel_all()
    r.wait()


@pytest.fixture
def runner(ops_runner):
    """``ops_runner`` under the name the widget tests give it."""
    return ops_runner


@pytest.fixture
def shown(monkeypatch):
    """Replace the message and crash dialogs with recorders."""
    seen: dict[str, list[BaseException]] = {"known": [], "bug": []}
    monkeypatch.setattr(errors, "show_known_error", lambda _p, exc: seen["known"].append(exc))
    monkeypatch.setattr(errors, "report_bug", lambda _p, exc: seen["bug"].append(exc))
    return seen


@pytest.fixture
def app_context(demo_ws, ops_runner, tmp_path) -> AppContext:
    """The context of a window on the demo workspace, signed in as ``operator``."""
    return AppContext(
        workspace=demo_ws,
        operator=workspace_operator(demo_ws, "operator"),
        settings=Settings(tmp_path / "settings.ini"),
        ops=ops_runner,
    )


@pytest.fixture
def window(qtbot, app_context) -> MainWindow:
    """The main window on ``app_context``; its scan is stopped at the end."""
    w = MainWindow(app_context)
    qtbot.addWidget(w)
    yield w
    w.cancel_scan()
    app_context.ops.wait()


@pytest.fixture
def controller(qtbot, ops_runner):
    """The composition root as the program runs it (a small demo when asked for one)."""
    c = app_module.AppController(Settings(), runner=ops_runner, demo_leads=120)
    yield c
    if c.window is not None:
        c.window.close()
    ops_runner.cancel_all()
    ops_runner.wait()
    if c.context is not None:
        c.context.workspace.dispose()
