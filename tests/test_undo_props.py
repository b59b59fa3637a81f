"""Property: over random sequences of merges, dismissals, binds, plain SQL edits
and undos, undoing any event whose rows did not change since restores exactly
the state before it, and undoing one whose rows changed is refused and writes
nothing.

The oracle is the test's own full dumps, not the code under test: the rows an
event touched are the rows that differ between the dumps taken just before and
just after it; they "did not change since" when they hold now what the event
left (the version counter aside, as undo compares).  Undoing such an event must
give: the touched rows as in the dump before the event, every other row as it
was just before the undo.  Version counters: every row undo writes gets a
version past any it had (``services/undo.py`` says why a number is never
reused); no other column differs.
"""

from __future__ import annotations

import shutil
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from deskdup.models import Channel, CommKind, Lead, MergeEvent
from deskdup.services.backend import SqlBackend
from deskdup.services.dismissals import dismiss
from deskdup.services.errors import KnownError
from deskdup.services.merge import apply_merge
from deskdup.services.merge_plan import build_plan
from deskdup.services.policy import MergePolicy
from deskdup.services.undo import undo_event
from deskdup.services.workspace import open_workspace
from tests.dumps import dump
from tests.factories import make_contact, make_lead, make_operator

N_LEADS = 6
PHONES = ["+7 916 111-11-11", "89161111111", "+7 903 222-22-22", "12-34"]
HANDLES = ["@ivan", "t.me/Ivan", "@petr"]

leads = st.lists(st.integers(0, N_LEADS - 1), min_size=2, max_size=3, unique=True)
op = st.one_of(
    st.tuples(st.just("merge"), leads, st.booleans()),
    st.tuples(st.just("dismiss"), leads, st.just(None)),
    st.tuples(st.just("bind"), st.integers(0, N_LEADS - 1), st.integers(0, 2)),
    st.tuples(st.just("sql"), st.integers(0, N_LEADS - 1), st.sampled_from(["lead", "comm"])),
    st.tuples(st.just("undo"), st.integers(0, 30), st.just(None)),
    st.tuples(st.just("undo"), st.integers(0, 30), st.just(None)),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A workspace with the operators, contacts and leads, copied for each example."""
    path = tmp_path_factory.mktemp("undo-props") / "template.sqlite"
    ws = open_workspace(str(path))
    with ws.session() as s:
        boss = make_operator(s, "boss", "Начальник", "Sales 1", can_undo=True).id
        contacts = [make_contact(s, "Иван", "Петров").id, make_contact(s, "Пётр", "Иванов").id]
        ids = []
        for n in range(N_LEADS):
            comms = [
                (CommKind.PHONE, Channel.SITE, PHONES[n % len(PHONES)]),
                (CommKind.MESSENGER, Channel.TELEGRAM, HANDLES[n % len(HANDLES)]),
            ]
            lead = make_lead(
                s, comms=comms, chats=n % 2, activities=1, deals=n % 2, comments=f"c{n}"
            )
            ids.append(lead.id)
    ws.dispose()
    return path, boss, contacts, ids


def _content(row: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else {k: v for k, v in row.items() if k != "version"}


def _touched(before: dict, after: dict) -> set[tuple[str, Any]]:
    return {
        (table, key)
        for table in before
        for key in set(before[table]) | set(after[table])
        if before[table].get(key) != after[table].get(key)
    }


def _records(kind: str, touched: set, left: dict) -> set[tuple[str, Any]]:
    """The rows an event answers for: those it touched and, for a merge, every
    communication of the leads it touched (the merged leads' own ones too)."""
    if kind != "merge":
        return touched
    lead_ids = {key for table, key in touched if table == "leads"}
    own = {
        ("communications", key)
        for key, row in left["communications"].items()
        if row["lead_id"] in lead_ids
    }
    return touched | own


def _unchanged_since(touched, left: dict, now: dict) -> bool:
    return all(_content(now[t].get(k)) == _content(left[t].get(k)) for t, k in touched)


def _apply(ws, boss, contacts, ids, step) -> int | None:
    """Run one step; the id of the event it wrote, or None. KnownError passes through."""
    kind, a, b = step
    if kind == "merge":
        chosen = [ids[i] for i in a]
        with ws.session() as s:
            plan = build_plan(s, chosen, primary_id=chosen[0])
        return apply_merge(ws, plan, boss, MergePolicy(archive_instead_of_delete=b)).event_id
    if kind == "dismiss":
        if not dismiss(ws, [ids[i] for i in a], boss, "разные"):
            return None
        with ws.session() as s:
            return s.scalar(select(MergeEvent.id).order_by(MergeEvent.id.desc()).limit(1))
    if kind == "bind":
        with ws.session() as s:
            lead = s.get(Lead, ids[a])
            if lead is None:
                raise KnownError("gone")
            version = lead.version
        contact = contacts[b] if b < len(contacts) else None
        return SqlBackend(ws).bind_contact(ids[a], contact, boss, version)
    if kind == "sql":
        with ws.engine.begin() as conn:
            if b == "lead":
                conn.execute(
                    text("UPDATE leads SET comments = comments || '!' WHERE id = :id"),
                    {"id": ids[a]},
                )
            else:
                conn.execute(
                    text(
                        "UPDATE communications SET raw_value = raw_value || ' ' "
                        "WHERE id = (SELECT min(id) FROM communications WHERE lead_id = :id)"
                    ),
                    {"id": ids[a]},
                )
        return None
    raise AssertionError(kind)


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(op, min_size=2, max_size=12))
def test_undo_restores_exactly_what_was_before(template, tmp_path_factory, steps):
    path, boss, contacts, ids = template
    copy = tmp_path_factory.mktemp("example") / "ws.sqlite"
    shutil.copy(path, copy)
    ws = open_workspace(str(copy))
    try:
        # event id -> (dump before it, dump after it)
        events: dict[int, tuple[str, dict, dict]] = {}
        undone: set[int] = set()
        for step in steps:
            before = dump(ws)
            if step[0] != "undo":
                try:
                    event_id = _apply(ws, boss, contacts, ids, step)
                except KnownError:
                    assert dump(ws) == before  # a refused step writes nothing
                    continue
                if event_id is not None:
                    events[event_id] = (step[0], before, dump(ws))
                continue
            if not events:
                continue
            event_id = sorted(events)[step[1] % len(events)]
            kind, was, left = events[event_id]
            touched = _touched(was, left)
            if event_id in undone or not _unchanged_since(
                _records(kind, touched, left), left, before
            ):
                event("undo refused")
                with pytest.raises(KnownError):
                    undo_event(ws, event_id, boss)
                assert dump(ws) == before
                continue
            undo_event(ws, event_id, boss)
            event(f"undo of a {kind} applied")
            undone.add(event_id)
            now = dump(ws)
            for table in now:
                for key in set(now[table]) | set(before[table]) | set(was[table]):
                    expected = was if (table, key) in touched else before
                    want, got = expected[table].get(key), now[table].get(key)
                    assert _content(got) == _content(want), (table, key)
                    if got is not None and want is not None and "version" in got:
                        if (table, key) in touched and got != want:
                            assert got["version"] > max(
                                want["version"], before[table].get(key, want)["version"]
                            )
                        elif (table, key) not in touched:
                            assert got["version"] == want["version"]
    finally:
        ws.dispose()
