"""Merging duplicate contacts: nothing lost, undo exact, rights on contacts.

The property test builds random contacts (phones and handles from a small pool,
so duplicates are common), chats, activities, leads bound to them and deals
shared between them, merges a random group into a random primary under either
team policy, and checks against its own dumps: every communication value,
chat, activity, lead link and deal link of the group is on the primary, each
deal has the primary once; undo gives back every row and link as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

from deskdup.models import (
    Action,
    Activity,
    Channel,
    Chat,
    CommKind,
    Communication,
    Contact,
    Deal,
    Entity,
    EventKind,
    Lead,
    MergeEvent,
    Scope,
    deal_contacts,
)
from deskdup.services.contact_merge import apply_contact_merge, build_contact_plan
from deskdup.services.errors import KnownError, RightsError, StaleError
from deskdup.services.history import rows_for
from deskdup.services.history_detail import event_detail
from deskdup.services.merge_plan import CONTACT
from deskdup.services.policy import MergePolicy
from deskdup.services.undo import undo_event
from deskdup.services.workspace import open_workspace
from tests.factories import BASE_TIME, make_comm, make_lead, make_operator

COMMS = [
    (CommKind.PHONE, Channel.OTHER, "+7 916 111-11-11"),
    (CommKind.PHONE, Channel.OTHER, "89161111111"),
    (CommKind.PHONE, Channel.OTHER, "+7 903 222-22-22"),
    (CommKind.EMAIL, Channel.OTHER, "Ivan@Mail.ru"),
    (CommKind.EMAIL, Channel.OTHER, "ivan@mail.ru"),
    (CommKind.MESSENGER, Channel.TELEGRAM, "@ivan"),
    (CommKind.MESSENGER, Channel.TELEGRAM, "t.me/Ivan"),
    (CommKind.MESSENGER, Channel.INSTAGRAM, "ivan"),
    (CommKind.PHONE, Channel.OTHER, "12-34"),
]
N_DEALS = 4

contact_data = st.fixed_dictionaries(
    {
        "comms": st.lists(st.integers(0, len(COMMS) - 1), max_size=4),
        "chats": st.integers(0, 2),
        "activities": st.integers(0, 1),
        "leads": st.integers(0, 2),
        "deals": st.sets(st.integers(0, N_DEALS - 1), max_size=3),
        "name": st.sampled_from(["", "Иван", "Ваня", "Ivan"]),
    }
)


def _dump(ws) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with ws.session() as s:
        for model in (Contact, Communication, Chat, Activity, Lead, Deal):
            rows = s.execute(select(model.__table__)).mappings().all()
            out[model.__tablename__] = {
                r["id"]: {k: v for k, v in r.items() if k != "version"} for r in rows
            }
        out["deal_contacts"] = sorted(
            tuple(r) for r in s.execute(select(deal_contacts.c.deal_id, deal_contacts.c.contact_id))
        )
    return out


def _comm_key(row: dict[str, Any]) -> tuple[str, str, str]:
    kind = str(row["kind"])
    channel = str(row["channel"]) if kind in ("messenger", "web") else ""
    return (kind, channel, row["normalized"] or row["raw_value"].strip().casefold())


def _build(ws, data: list[dict[str, Any]]) -> tuple[int, list[int]]:
    with ws.session() as s:
        boss = make_operator(s, "boss", "Начальник", can_undo=True).id
        deals = [
            Deal(title=f"Deal {i}", external_id=f"D-{i}", created_at=BASE_TIME)
            for i in range(N_DEALS)
        ]
        s.add_all(deals)
        s.flush()
        ids = []
        for n, item in enumerate(data):
            contact = Contact(
                external_id=f"C-{n}",
                first_name=item["name"],
                last_name="Петров",
                created_at=BASE_TIME,
                updated_at=BASE_TIME,
                comments=f"note {n % 2}",
            )
            s.add(contact)
            s.flush()
            ids.append(contact.id)
            for index in item["comms"]:
                comm = make_comm(*COMMS[index])
                comm.contact_id = contact.id
                s.add(comm)
            for i in range(item["chats"]):
                s.add(
                    Chat(
                        contact_id=contact.id,
                        channel=Channel.TELEGRAM,
                        external_chat_id=f"c{n}-{i}",
                        first_message="hi",
                    )
                )
            for i in range(item["activities"]):
                s.add(
                    Activity(
                        contact_id=contact.id, kind="call", subject=f"a{n}{i}", created_at=BASE_TIME
                    )
                )
            for _ in range(item["leads"]):
                make_lead(s, first_name="Иван", contact=contact)
            for deal in sorted(item["deals"]):
                s.execute(
                    insert(deal_contacts).values(deal_id=deals[deal].id, contact_id=contact.id)
                )
    return boss, ids


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    """An empty, migrated workspace file, copied for each example."""
    path = tmp_path_factory.mktemp("contact-merge") / "empty.sqlite"
    open_workspace(str(path)).dispose()
    return path


@settings(
    max_examples=25,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    data=st.lists(contact_data, min_size=2, max_size=4),
    group_size=st.integers(2, 4),
    primary_at=st.integers(0, 3),
    archive=st.booleans(),
)
def test_a_contact_merge_loses_nothing_and_undo_restores_exactly(
    empty, data, group_size, primary_at, archive
):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "w.sqlite"
        shutil.copy(empty, path)
        ws = open_workspace(str(path), create=False)
        try:
            boss, ids = _build(ws, data)
            group = ids[: min(group_size, len(ids))]
            primary = group[primary_at % len(group)]
            before = _dump(ws)
            with ws.session() as s:
                plan = build_contact_plan(s, group, primary_id=primary)
            assert plan.entity == CONTACT
            policy = MergePolicy(archive_instead_of_delete=archive)
            result = apply_contact_merge(ws, plan, boss, policy)
            after = _dump(ws)

            members = set(group)
            comms = [c for c in before["communications"].values() if c["contact_id"] in members]
            on_primary = [c for c in after["communications"].values() if c["contact_id"] == primary]
            assert {_comm_key(c) for c in comms} == {_comm_key(c) for c in on_primary}
            assert len(on_primary) == len({_comm_key(c) for c in on_primary})
            for table in ("chats", "activities", "leads"):
                moved = [i for i, r in before[table].items() if r["contact_id"] in members]
                assert all(after[table][i]["contact_id"] == primary for i in moved), table
            deals = {d for d, c in before["deal_contacts"] if c in members}
            assert {d for d, c in after["deal_contacts"] if c == primary} == deals
            assert not [1 for _d, c in after["deal_contacts"] if c in members - {primary}]
            others = members - {primary}
            for other in others:
                if archive:
                    assert after["contacts"][other]["merged_into_id"] == primary
                else:
                    assert other not in after["contacts"]
            # Everything outside the group is untouched.
            outside = [i for i in before["contacts"] if i not in members]
            assert all(before["contacts"][i] == after["contacts"][i] for i in outside)

            undo_event(ws, result.event_id, boss)
            assert _dump(ws) == before
        finally:
            ws.dispose()


@pytest.fixture()
def two(tmp_path):
    ws = open_workspace(str(tmp_path / "w.sqlite"))
    with ws.session() as s:
        boss = make_operator(s, "boss", "Начальник", can_undo=True)
        trainee = make_operator(
            s,
            "trainee",
            "Стажёр",
            scopes={
                (Entity.CONTACT, Action.READ): Scope.ALL,
                (Entity.CONTACT, Action.EDIT): Scope.OWN,
                (Entity.LEAD, Action.DELETE): Scope.ALL,
                (Entity.LEAD, Action.EDIT): Scope.ALL,
                (Entity.LEAD, Action.READ): Scope.ALL,
            },
        )
        a = Contact(
            external_id="C-1",
            first_name="Иван",
            last_name="Петров",
            assigned=trainee,
            created_at=BASE_TIME,
            updated_at=BASE_TIME,
        )
        b = Contact(
            external_id="C-2",
            first_name="Ваня",
            last_name="Петров",
            assigned=boss,
            created_at=BASE_TIME,
            updated_at=BASE_TIME,
        )
        s.add_all([a, b])
        s.flush()
        ids = (boss.id, trainee.id, a.id, b.id)
    yield ws, ids
    ws.dispose()


def test_rights_on_contacts_refuse_and_write_nothing(two):
    ws, (_boss, trainee, a, b) = two
    with ws.session() as s:
        plan = build_contact_plan(s, [a, b], primary_id=a)
    with pytest.raises(RightsError) as caught:
        apply_contact_merge(ws, plan, trainee)
    text = str(caught.value)
    assert "Contact #C-2 belongs to Начальник" in text
    assert "archive" in text
    with ws.session() as s:
        assert s.scalar(select(MergeEvent.id)) is None
        assert s.get(Contact, b).merged_into_id is None
        assert s.get(Contact, a).version == plan.versions[a]


def test_a_contact_changed_since_the_plan_is_not_overwritten(two):
    ws, (boss, _trainee, a, b) = two
    with ws.session() as s:
        plan = build_contact_plan(s, [a, b])
    with ws.session() as s:
        s.get(Contact, b).comments = "called back"
    with pytest.raises(StaleError, match="C-2 was changed"):
        apply_contact_merge(ws, plan, boss)
    with ws.session() as s:
        assert s.scalar(select(MergeEvent.id)) is None


def test_the_history_names_the_contacts_and_a_second_merge_of_them_is_refused(two):
    ws, (boss, _trainee, a, b) = two
    with ws.session() as s:
        plan = build_contact_plan(s, [a, b], primary_id=a)
    with ws.session() as s:
        lead = make_lead(s, external_id="L-5", contact=s.get(Contact, b)).id
    result = apply_contact_merge(ws, plan, boss)
    assert str(result.summary) == "Merged 2 contacts into #C-1"
    with ws.session() as s:
        event = s.get(MergeEvent, result.event_id)
        assert event.kind is EventKind.MERGE_CONTACTS
        assert event.snapshot["contacts"][1]["first_name"] == "Ваня"
        (row,) = rows_for(s, [result.event_id])
        assert (row.primary_label, row.primary_name, row.other_labels) == (
            "C-1",
            "Петров Иван",
            ("C-2",),
        )
        with pytest.raises(KnownError, match="C-2 was already merged into #C-1"):
            build_contact_plan(s, [a, b])
    detail = event_detail(ws, result.event_id, None)
    first = next(f for f in detail.fields if f.name == "first_name")
    assert first.before == (("C-1", "Иван"), ("C-2", "Ваня")) and first.after == "Иван"
    assert not [f for f in detail.fields if f.name in ("title", "status")]
    assert [(m.table, m.from_label, m.to_label) for m in detail.moved] == [("leads", "C-2", "C-1")]
    undone = undo_event(ws, result.event_id, boss)
    with ws.session() as s:
        assert s.get(Lead, lead).contact_id == b
        (row,) = rows_for(s, [undone.event_id])
        assert (row.primary_label, row.other_labels) == ("C-1", ("C-2",))
