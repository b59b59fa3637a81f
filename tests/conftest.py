"""Test set-up shared by every test.

Qt runs offscreen and deskdup keeps its files in a temporary folder, so the
tests never touch the developer's own settings or demo database.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import settings

from deskdup.models import Operator
from deskdup.services.workspace import Workspace, open_workspace

# Hypothesis's default 200 ms deadline per example is a wall-clock assertion:
# on a shared 2-core machine under load an ordinary example goes over it and
# fails a correct test. Examples still run; only their time is not judged.
settings.register_profile("deskdup", deadline=None)
settings.load_profile("deskdup")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    data = tmp_path_factory.mktemp("deskdup-data")
    monkeypatch.setenv("DESKDUP_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    yield


@pytest.fixture
def workspace(tmp_path) -> Workspace:
    """A fresh, migrated workspace in a real SQLite file."""
    ws = open_workspace(str(tmp_path / "workspace.sqlite"))
    yield ws
    ws.dispose()


@pytest.fixture
def import_ws(workspace) -> Workspace:
    """A workspace with the operators the import samples assign leads to:
    "operator" and "trainee"."""
    with workspace.session() as s:
        for login in ("operator", "trainee"):
            s.add(Operator(login=login, full_name=f"Оператор {login}"))
    return workspace
