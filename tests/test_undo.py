"""Undo compares exactly the event's own rows, by content.

* an unrelated later merge never blocks an undo (it blocked, because the
  communications were looked up by the *lead* ids);
* any change to one of the event's rows blocks it and writes nothing, whether
  it came through deskdup or a plain SQL ``UPDATE`` that leaves the version alone;
* events of the same leads undo in reverse order (undo B, then A);
* dismissals, binds and team settings are events that undo the same way.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from deskdup.models import (
    Channel,
    Chat,
    CommKind,
    Communication,
    EventKind,
    Lead,
    MergeEvent,
)
from deskdup.services.backend import SqlBackend
from deskdup.services.errors import KnownError, RightsError
from deskdup.services.merge import apply_merge, dismiss, undo_dismiss, undo_event
from deskdup.services.merge_plan import build_plan
from deskdup.services.policy import MergePolicy
from deskdup.services.undo import undo_preview
from tests.dumps import dump
from tests.factories import make_contact, make_lead, make_operator

PHONE, MSG = CommKind.PHONE, CommKind.MESSENGER


def without_versions(d):
    return {
        t: {k: {c: v for c, v in r.items() if c != "version"} for k, r in rows.items()}
        for t, rows in d.items()
    }


@pytest.fixture
def world(workspace):
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        oleg = make_operator(s, "oleg", "Орлов Олег", "Sales 1")
        boss = make_operator(s, "boss", "Начальник", "Sales 1", can_undo=True)
        contact = make_contact(s, "Иван", "Петров")

        def lead(phone: str, handle: str, **kw) -> int:
            return make_lead(
                s,
                owner=anna,
                comms=[(PHONE, Channel.SITE, phone), (MSG, Channel.TELEGRAM, handle)],
                chats=1,
                activities=1,
                deals=1,
                **kw,
            ).id

        # The b-leads first: their communications get the ids the a-leads have,
        # which is what made an unrelated merge block an undo.
        ids = {
            "b1": lead("+7 903 222-22-22", "@petr", first_name="Пётр"),
            "b2": lead("89032222222", "@petya"),
            "a1": lead("+7 916 111-11-11", "@ivan", first_name="Иван", comments="первый"),
            "a2": lead("89161111111", "@ivan_p", first_name="Ваня"),
            "a3": lead("+7 916 111-11-12", "@vanya"),
        }
    return {
        "ws": workspace,
        "anna": anna.id,
        "oleg": oleg.id,
        "boss": boss.id,
        "contact": contact.id,
        **ids,
    }


def merge(world, names, operator="anna", archive=True):
    ws = world["ws"]
    ids = [world[n] for n in names]
    with ws.session() as s:
        plan = build_plan(s, ids, primary_id=ids[0])
    return apply_merge(ws, plan, world[operator], MergePolicy(archive_instead_of_delete=archive))


@pytest.mark.parametrize("archive", [True, False])
def test_an_unrelated_later_merge_never_blocks(world, archive):
    ws = world["ws"]
    before = dump(ws)
    first = merge(world, ["a1", "a2", "a3"], archive=archive)
    after_first = dump(ws)
    merge(world, ["b1", "b2"], operator="oleg", archive=archive)
    after_second = dump(ws)
    assert undo_preview(ws, first.event_id, world["anna"]).ok
    undo_event(ws, first.event_id, world["anna"])
    now = dump(ws)
    # The a-leads' rows are as before the first merge, the b-leads' as the second left them.
    for table in before:
        keys = set(before[table]) | set(after_first[table]) | set(after_second[table])
        for key in keys | set(now[table]):
            touched_by_first = before[table].get(key) != after_first[table].get(key)
            expected = before[table].get(key) if touched_by_first else after_second[table].get(key)
            assert _content(now[table].get(key)) == _content(expected), (table, key)


def _content(row):
    return None if row is None else {c: v for c, v in row.items() if c != "version"}


def _sql(ws, statement: str, **params) -> None:
    with ws.engine.begin() as conn:
        conn.execute(text(statement), params)


def _primary_comm(ws, lead_id: int) -> int:
    with ws.session() as s:
        return s.scalar(select(Communication.id).where(Communication.lead_id == lead_id))


def _moved_chat(ws, lead_id: int) -> int:
    with ws.session() as s:
        return s.scalar(select(Chat.id).where(Chat.lead_id == lead_id).order_by(Chat.id.desc()))


CHANGES = {
    "lead comments": lambda ws, p: _sql(
        ws, "UPDATE leads SET comments = 'перезвонить' WHERE id = :id", id=p
    ),
    "lead name, version kept": lambda ws, p: _sql(
        ws, "UPDATE leads SET first_name = 'Иоанн' WHERE id = :id", id=p
    ),
    "a communication of the merged lead": lambda ws, p: _sql(
        ws, "UPDATE communications SET raw_value = '+7 999' WHERE id = :id", id=_primary_comm(ws, p)
    ),
    "a moved chat": lambda ws, p: _sql(
        ws, "UPDATE chats SET message_count = 99 WHERE id = :id", id=_moved_chat(ws, p)
    ),
    "a communication deleted": lambda ws, p: _sql(
        ws, "DELETE FROM communications WHERE id = :id", id=_primary_comm(ws, p)
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_plain_sql_change_to_the_events_rows_blocks_and_changes_nothing(world, change):
    ws = world["ws"]
    result = merge(world, ["a1", "a2", "a3"])
    CHANGES[change](ws, result.primary_id)
    before = dump(ws)
    preview = undo_preview(ws, result.event_id, world["boss"])
    assert not preview.ok and preview.conflicts
    # Nothing in the history explains the change: it was made outside deskdup.
    assert {c.who for c in preview.conflicts} == {""}
    with pytest.raises(KnownError, match="changed after the merge") as caught:
        undo_event(ws, result.event_id, world["boss"])
    assert "someone outside deskdup" in str(caught.value)
    assert caught.value.conflicts
    assert dump(ws) == before
    with ws.session() as s:
        assert s.get(MergeEvent, result.event_id).undone_by_id is None


def test_a_change_through_deskdup_blocks_and_names_who(world):
    ws = world["ws"]
    result = merge(world, ["a1", "a2"])
    with ws.session() as s:
        version = s.get(Lead, result.primary_id).version
    SqlBackend(ws).bind_contact(result.primary_id, world["contact"], world["oleg"], version)
    before = dump(ws)
    with pytest.raises(KnownError, match="by Орлов Олег"):
        undo_event(ws, result.event_id, world["anna"])
    assert dump(ws) == before


def test_same_leads_undo_in_reverse_order(world):
    ws = world["ws"]
    start = dump(ws)
    first = merge(world, ["a1", "a2"])
    middle = dump(ws)
    second = merge(world, ["a1", "a3"], operator="oleg")
    # The later merge changed the first one's primary: the first cannot be undone yet.
    with pytest.raises(KnownError, match=r"lead #.*by Орлов Олег"):
        undo_event(ws, first.event_id, world["anna"])
    undo_event(ws, second.event_id, world["boss"])
    assert without_versions(dump(ws)) == without_versions(middle)
    undo_event(ws, first.event_id, world["anna"])
    now = dump(ws)
    assert without_versions(now) == without_versions(start)
    # The one column undo does not put back: every restored version moved on.
    for table in ("leads", "chats", "activities", "deals"):
        for key, row in now[table].items():
            if row != start[table][key]:
                assert row["version"] > start[table][key]["version"]


def test_delete_policy_reverse_order(world):
    ws = world["ws"]
    start = dump(ws)
    first = merge(world, ["a1", "a2"], archive=True)
    second = merge(world, ["a3", "a1"], archive=False)  # a1 (with a2 linked to it) deleted
    with pytest.raises(KnownError, match="deleted"):
        undo_event(ws, first.event_id, world["anna"])
    undo_event(ws, second.event_id, world["anna"])
    undo_event(ws, first.event_id, world["anna"])
    assert without_versions(dump(ws)) == without_versions(start)


def test_dismissal_is_an_event_undone_by_its_author_or_a_supervisor(world):
    ws = world["ws"]
    start = dump(ws)
    assert dismiss(ws, [world["a1"], world["b1"], world["b2"]], world["anna"], "разные") == 3
    with ws.session() as s:
        event = s.scalars(select(MergeEvent).where(MergeEvent.kind == EventKind.DISMISS)).one()
        assert event.choices["reason"] == "разные"
    with pytest.raises(RightsError):
        undo_event(ws, event.id, world["oleg"])
    with pytest.raises(RightsError, match="only a supervisor"):
        undo_dismiss(ws, [world["a1"], world["b1"]], world["oleg"])
    undo_event(ws, event.id, world["boss"])
    assert dump(ws) == start
    with pytest.raises(KnownError, match="already undone"):
        undo_event(ws, event.id, world["boss"])


def test_undo_dismiss_by_pair_marks_the_whole_event_undone(world):
    ws = world["ws"]
    start = dump(ws)
    dismiss(ws, [world["a1"], world["b1"]], world["anna"])
    assert undo_dismiss(ws, [world["b1"], world["a1"]], world["anna"]) == 1
    assert dump(ws) == start
    with ws.session() as s:
        event = s.scalars(select(MergeEvent).where(MergeEvent.kind == EventKind.DISMISS)).one()
        assert event.undone_by_id is not None
    with pytest.raises(KnownError, match="not marked"):
        undo_dismiss(ws, [world["a1"], world["b1"]], world["anna"])


def test_trainee_may_not_dismiss(world):
    ws = world["ws"]
    with ws.session() as s:
        from deskdup.models import Action, Entity, Scope

        trainee = make_operator(
            s,
            "trainee",
            "Стажёр",
            "Sales 1",
            scopes={
                (Entity.LEAD, Action.READ): Scope.DEPARTMENT,
                (Entity.LEAD, Action.EDIT): Scope.OWN,
            },
        ).id
    before = dump(ws)
    with pytest.raises(RightsError, match="no archive right"):
        dismiss(ws, [world["a1"], world["b1"]], trainee)
    assert dump(ws) == before


def test_bind_undo(world):
    ws = world["ws"]
    start = dump(ws)
    with ws.session() as s:
        version = s.get(Lead, world["a1"]).version
    event_id = SqlBackend(ws).bind_contact(world["a1"], world["contact"], world["anna"], version)
    undo_event(ws, event_id, world["anna"])
    assert without_versions(dump(ws)) == without_versions(start)


def test_an_undo_cannot_be_undone(world):
    ws = world["ws"]
    result = merge(world, ["a1", "a2"])
    undo = undo_event(ws, result.event_id, world["anna"])
    with pytest.raises(KnownError, match="cannot be undone"):
        undo_event(ws, undo.event_id, world["anna"])
