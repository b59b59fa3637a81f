"""Two operators merging overlapping groups at once: one wins, the other is told.

Each operator has their own ``Workspace`` (engine, connection pool) on the same
SQLite file, as two deskdup windows on one shared database would.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from deskdup.models import Channel, Chat, CommKind, Communication, Lead, MergeEvent
from deskdup.services.errors import StaleError
from deskdup.services.merge import apply_merge
from deskdup.services.merge_plan import MergePlan, build_plan
from deskdup.services.workspace import Workspace, open_workspace
from tests.factories import make_lead, make_operator

# The throwaway PostgreSQL server (fixtures pg_url, pg_database); skipped without it.
pytest_plugins = ("tests.postgres",)


@pytest.fixture(params=["sqlite", "postgresql"])
def two(request, tmp_path):
    if request.param == "sqlite":
        path = str(tmp_path / "shared.sqlite")
    else:
        path = request.getfixturevalue("pg_database")
    first = open_workspace(path)
    with first.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1").id
        oleg = make_operator(s, "oleg", "Сидоров Олег", "Sales 1").id
        ids = [
            make_lead(
                s,
                comms=[(CommKind.PHONE, Channel.SITE, f"+7916000000{i}")],
                chats=[(Channel.TELEGRAM, f"chat {i}")],
                activities=1,
            ).id
            for i in range(4)
        ]
    second = open_workspace(path)
    yield first, second, anna, oleg, ids
    first.dispose()
    second.dispose()


def _plan(ws: Workspace, ids: list[int]) -> MergePlan:
    with ws.session() as s:
        return build_plan(s, ids, primary_id=ids[0])


def _nothing_lost(ws: Workspace, ids: list[int]) -> None:
    """Every phone and chat of the leads is on a lead that is still live."""
    with ws.session() as s:
        live = {
            lead.id
            for lead in s.scalars(select(Lead).where(Lead.id.in_(ids), Lead.archived.is_(False)))
        }
        comms = s.scalars(select(Communication).where(Communication.lead_id.in_(ids))).all()
        chats = s.scalars(select(Chat)).all()
        assert {c.normalized for c in comms} == {f"+7916000000{i}" for i in range(4)}
        assert all(c.lead_id in live for c in comms)
        assert len(chats) == 4
        assert all(c.lead_id in live for c in chats)


def test_the_second_of_two_overlapping_merges_is_stale(two):
    first, second, anna, oleg, ids = two
    plan_a = _plan(first, ids[0:2])
    plan_b = _plan(second, ids[1:3])
    apply_merge(first, plan_a, anna)
    with pytest.raises(StaleError, match=r"Lead #2 was merged into #1 by Петрова Анна"):
        apply_merge(second, plan_b, oleg)
    with second.session() as s:
        assert [e.operator_id for e in s.scalars(select(MergeEvent))] == [anna]
        assert s.get(Lead, ids[2]).archived is False
    _nothing_lost(second, ids)
    # Reloaded, the second operator can merge what is left.
    apply_merge(second, _plan(second, [ids[0], ids[2]]), oleg)
    _nothing_lost(first, ids)


@pytest.mark.parametrize("groups", [((0, 1), (1, 2)), ((0, 1, 2), (3, 2)), ((0, 1), (1, 0))])
def test_simultaneous_overlapping_merges_in_two_threads(two, groups):
    first, second, anna, oleg, ids = two
    plans = [_plan(first, [ids[i] for i in groups[0]]), _plan(second, [ids[i] for i in groups[1]])]
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def run(slot: int, ws: Workspace, operator: int) -> None:
        barrier.wait()
        try:
            outcomes[slot] = apply_merge(ws, plans[slot], operator)
        except StaleError as exc:
            outcomes[slot] = exc
        except Exception as exc:  # anything else fails the test below
            outcomes[slot] = exc

    threads = [
        threading.Thread(target=run, args=(0, first, anna)),
        threading.Thread(target=run, args=(1, second, oleg)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    kinds = sorted(type(o).__name__ for o in outcomes)
    assert kinds == ["MergeResult", "StaleError"], outcomes
    with first.session() as s:
        assert len(s.scalars(select(MergeEvent)).all()) == 1
    _nothing_lost(first, ids)


def test_disjoint_merges_both_succeed(two):
    first, second, anna, oleg, ids = two
    plan_a = _plan(first, ids[0:2])
    plan_b = _plan(second, ids[2:4])
    apply_merge(first, plan_a, anna)
    apply_merge(second, plan_b, oleg)
    _nothing_lost(first, ids)
