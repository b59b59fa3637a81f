"""Review claims between two processes, on SQLite and on PostgreSQL.

The other operator runs in its own process (``tests/claim_holder.py``); it is
killed to play an operator whose computer died.  Waits are loops on the
condition, never fixed sleeps.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from deskdup.models import Scope
from deskdup.services.claims import ClaimHeld, claim, heartbeat, holders, release
from deskdup.services.workspace import open_workspace
from tests.factories import make_lead, make_operator

pytest_plugins = ("tests.postgres",)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition did not come true in time")
        time.sleep(0.05)


@pytest.fixture(params=["sqlite", "postgresql"])
def team(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'team.sqlite'}"
    else:
        url = request.getfixturevalue("pg_database")
    ws = open_workspace(url)
    with ws.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", scopes=Scope.ALL)
        boris = make_operator(s, "boris", "Орлов Борис", scopes=Scope.ALL)
        boss = make_operator(s, "boss", "Смирнова Ольга", scopes=Scope.ALL, can_undo=True)
        leads = [make_lead(s, owner=anna, first_name=f"Lead{i}").id for i in range(4)]
        ids = {"anna": anna.id, "boris": boris.id, "boss": boss.id}
    yield url, ws, ids, leads
    ws.dispose()


def _holder(url: str, operator_id: int, leads, seconds: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.claim_holder", url, str(operator_id),
         ",".join(map(str, leads)), str(seconds)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    line = proc.stdout.readline()
    assert line.startswith("claimed"), line
    return proc


def _free_for(ws, leads, operator_id) -> bool:
    try:
        claim(ws, leads, operator_id)
    except ClaimHeld:
        return False
    return True


def test_a_claimed_group_is_not_offered_and_frees_when_its_holder_vanishes(team):
    url, ws, ids, leads = team
    proc = _holder(url, ids["anna"], leads[:2], seconds=2)
    try:
        with pytest.raises(ClaimHeld, match="Петрова Анна is reviewing this group"):
            claim(ws, [leads[1], leads[0]], ids["boris"])
        with pytest.raises(ClaimHeld):  # any group sharing a lead
            claim(ws, [leads[1], leads[2]], ids["boris"])
        claim(ws, leads[2:], ids["boris"])  # another group is free
        with ws.session() as s:
            shown = holders(s)
        assert shown[leads[0]].name == "Петрова Анна" and shown[leads[2]].name == "Орлов Борис"
        # Alive and renewing: still held after more than its two seconds.
        started = time.monotonic()
        wait_until(lambda: time.monotonic() - started > 3, timeout=10)
        assert not _free_for(ws, leads[:2], ids["boris"])
    finally:
        proc.kill()  # the holder vanishes without a word
        proc.wait()
    wait_until(lambda: _free_for(ws, leads[:2], ids["boris"]))
    with ws.session() as s:
        assert holders(s)[leads[0]].name == "Орлов Борис"
    assert leads[2] not in holders_of(ws)  # boris's earlier claim went: one group at a time


def holders_of(ws):
    with ws.session() as s:
        return holders(s)


def test_release_on_close_and_a_supervisor_takes_over(team):
    url, ws, ids, leads = team
    proc = _holder(url, ids["anna"], leads[:2], seconds=60)
    try:
        assert not _free_for(ws, leads[:2], ids["boris"])
        claim(ws, leads[:2], ids["boss"], takeover=True)
        assert holders_of(ws)[leads[0]].name == "Смирнова Ольга"
    finally:
        proc.stdin.close()  # anna closes her window: her heartbeat finds the claim gone
        assert proc.stdout.readline().strip() == "released"
        proc.wait()
    assert not heartbeat(ws, "x", ids["anna"])
    assert release(ws, ids["boss"]) == 1
    assert holders_of(ws) == {}
    assert _free_for(ws, leads[:2], ids["boris"])
