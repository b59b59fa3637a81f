"""The window's first scan of a large workspace in a process of its own
(``services/scan_apart.py``): it keeps what a build in the window keeps, says
why when it cannot, and leaves nothing behind when cancelled.

Each test starts a real process (``spawn``: a fresh interpreter, about a
second)."""

from __future__ import annotations

import multiprocessing
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from deskdup.models import MatchState
from deskdup.services import scan_apart
from deskdup.services.errors import Cancelled
from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.matching.store import CANDIDATES, kept_result

pytest_plugins = ("tests.postgres",)


@pytest.fixture
def demo(workspace):
    from deskdup.services.demo import generate_demo

    generate_demo(workspace, leads=1500, seed=11)
    return workspace


def _fails(conn, _url, _settings) -> None:
    """A process that answers it could not (in the spawned process: a
    module-level function, found by name)."""
    conn.send(("failed", "no"))
    conn.close()


def _kept_stamp(ws):
    with ws.engine.connect() as conn:
        return conn.scalar(select(MatchState.stamp).where(MatchState.name == CANDIDATES))


def test_the_process_keeps_the_pairs_a_build_in_the_window_finds(demo, monkeypatch):
    settings = MatchSettings()
    monkeypatch.setattr(scan_apart, "APART_MIN_LEADS", 1000)
    assert scan_apart.wanted(demo, settings)
    seen: list[tuple[int, int]] = []
    why_not = scan_apart.build_apart(demo, settings, lambda done, total: seen.append((done, total)))
    assert why_not == ""
    # Its progress came through, up to the end.
    assert seen and all(0 <= done <= total for done, total in seen)
    assert seen[-1][0] == seen[-1][1]
    kept = {(p.a, p.b): (p.score, p.reasons) for p in kept_result(demo, settings).pairs}
    built = MatchIndex.build(demo, settings).result()
    assert kept == {(p.a, p.b): (p.score, p.reasons) for p in built.pairs}
    assert kept
    # Kept now: a second start reads them; no second process.
    assert not scan_apart.wanted(demo, settings)
    assert not multiprocessing.active_children()


def test_a_small_workspace_is_built_in_the_window(demo):
    assert scan_apart.APART_MIN_LEADS > 1500
    assert not scan_apart.wanted(demo, MatchSettings())


def test_a_process_that_cannot_open_the_workspace_says_why_and_keeps_nothing(tmp_path, caplog):
    gone = SimpleNamespace(url=f"sqlite:///{tmp_path / 'moved.sqlite'}")
    why = scan_apart.build_apart(gone, MatchSettings())
    assert "moved.sqlite" in why  # the workspace's own words: file not found
    assert "built in the window" in caplog.text
    assert not (tmp_path / "moved.sqlite").exists()
    assert not multiprocessing.active_children()


def test_cancel_ends_the_process_and_keeps_nothing(demo):
    seen: list[int] = []
    with pytest.raises(Cancelled):
        scan_apart.build_apart(
            demo, MatchSettings(), lambda done, _total: seen.append(done), lambda: bool(seen)
        )
    assert len(seen) == 1  # cancelled at its first report, the build not finished
    assert not multiprocessing.active_children()
    assert _kept_stamp(demo) is None


def test_on_postgresql_the_process_keeps_them_for_the_team(pg_database):
    from deskdup.services.demo import generate_demo
    from deskdup.services.workspace import open_workspace

    ws = open_workspace(pg_database)
    try:
        generate_demo(ws, leads=400, seed=5)
        settings = MatchSettings()
        assert scan_apart.build_apart(ws, settings) == ""
        kept = {(p.a, p.b): (p.score, p.reasons) for p in kept_result(ws, settings).pairs}
        built = MatchIndex.build(ws, settings).result()
        assert kept == {(p.a, p.b): (p.score, p.reasons) for p in built.pairs} != {}
    finally:
        ws.dispose()


def test_after_a_failure_the_workspace_is_built_in_the_window_for_the_run(demo, monkeypatch):
    monkeypatch.setattr(scan_apart, "APART_MIN_LEADS", 1000)
    monkeypatch.setattr(scan_apart, "_FAILED", set())
    assert scan_apart.wanted(demo, MatchSettings())
    monkeypatch.setattr(scan_apart, "_child", _fails)
    assert scan_apart.build_apart(demo, MatchSettings()) == "no"
    assert not scan_apart.wanted(demo, MatchSettings())  # not tried at every scan again
