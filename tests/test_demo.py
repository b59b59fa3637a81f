"""The demo workspace: deterministic, realistic, with the ground truth."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from deskdup.cli import main
from deskdup.models import (
    Action,
    Channel,
    Chat,
    CommKind,
    Communication,
    Contact,
    Deal,
    DemoTruth,
    Department,
    Entity,
    Lead,
    Operator,
    Scope,
    deal_contacts,
)
from deskdup.services.demo import generate_demo
from deskdup.services.errors import KnownError
from deskdup.services.normalize import normalize_comm
from deskdup.services.workspace import open_workspace

LEADS = 400


def _make(tmp_path_factory, seed: int, leads: int = LEADS):
    ws = open_workspace(str(tmp_path_factory.mktemp("demo") / "demo.sqlite"))
    stats = generate_demo(ws, leads=leads, seed=seed)
    return ws, stats


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws, stats = _make(tmp_path_factory, seed=1)
    yield ws, stats
    ws.dispose()


def _dump(ws):
    with ws.session() as s:
        leads = [
            (
                lead.id,
                lead.external_id,
                lead.title,
                lead.first_name,
                lead.last_name,
                lead.middle_name,
                lead.status,
                lead.source_channel,
                lead.assigned_id,
                lead.created_at,
                lead.contact_id,
                lead.comments,
            )
            for lead in s.scalars(select(Lead).order_by(Lead.id))
        ]
        comms = s.execute(
            select(
                Communication.lead_id, Communication.raw_value, Communication.normalized
            ).order_by(Communication.id)
        ).all()
        truth = s.execute(select(DemoTruth.lead_id, DemoTruth.person_id, DemoTruth.story)).all()
    return leads, comms, truth


def test_same_seed_gives_the_same_workspace_and_another_seed_another(demo, tmp_path_factory):
    ws, _ = demo
    again, _ = _make(tmp_path_factory, seed=1)
    other, _ = _make(tmp_path_factory, seed=2)
    try:
        assert _dump(again) == _dump(ws)
        assert _dump(other)[0] != _dump(ws)[0]
    finally:
        again.dispose()
        other.dispose()


def test_exactly_the_asked_number_of_leads_with_ids_in_time_order(demo):
    ws, stats = demo
    assert stats.leads == LEADS
    with ws.session() as s:
        rows = s.execute(select(Lead.id, Lead.created_at, Lead.external_id).order_by(Lead.id)).all()
    assert len(rows) == LEADS
    times = [r.created_at for r in rows]
    assert times == sorted(times)
    assert rows[122].external_id == "L-000123"


def _rights(op: Operator) -> dict[tuple[Entity, Action], Scope]:
    return {(r.entity, r.action): r.scope for r in op.rights}


def test_operators_departments_and_rights(demo):
    ws, _ = demo
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Department)) >= 2
        ops = {op.login: op for op in s.scalars(select(Operator))}
        assert len(ops) >= 6
        assert len({op.department_id for op in ops.values()}) >= 2
        assert all(" " in op.full_name for op in ops.values())

        supervisor = _rights(ops["supervisor"])
        assert ops["supervisor"].can_undo
        assert set(supervisor.values()) == {Scope.ALL} and len(supervisor) == 9

        operator = _rights(ops["operator"])
        assert not ops["operator"].can_undo
        assert operator[Entity.LEAD, Action.READ] is Scope.ALL
        assert operator[Entity.LEAD, Action.EDIT] is Scope.DEPARTMENT
        assert operator[Entity.LEAD, Action.DELETE] is Scope.DEPARTMENT

        trainee = _rights(ops["trainee"])
        assert trainee[Entity.LEAD, Action.READ] is Scope.DEPARTMENT
        assert trainee[Entity.LEAD, Action.EDIT] is Scope.OWN
        assert trainee[Entity.LEAD, Action.DELETE] is Scope.NONE

        # Mixed rights among the managers, e.g. delete only their own leads.
        assert any(_rights(op)[Entity.LEAD, Action.DELETE] is Scope.OWN for op in ops.values())


def test_leads_are_owned_by_operators_of_both_departments(demo):
    ws, _ = demo
    with ws.session() as s:
        owners = s.execute(
            select(Operator.login, Operator.department_id).join(
                Lead, Lead.assigned_id == Operator.id
            )
        ).all()
    assert len({login for login, _ in owners}) >= 5
    assert len({dep for _, dep in owners}) == 2


def test_every_channel_appears_and_looks_like_itself(demo):
    ws, _ = demo
    with ws.session() as s:
        leads = s.scalars(select(Lead)).all()
        by_channel = defaultdict(list)
        for lead in leads:
            by_channel[lead.source_channel].append(lead)
        for channel in (
            Channel.TELEGRAM,
            Channel.WHATSAPP,
            Channel.AVITO,
            Channel.SITE,
            Channel.CALL,
            Channel.EMAIL,
        ):
            assert by_channel[channel], channel
        for lead in by_channel[Channel.TELEGRAM]:
            assert lead.title.startswith("Telegram: @")
            assert not (lead.first_name or lead.last_name)
            assert [(c.kind, c.channel) for c in lead.communications] == [
                (CommKind.MESSENGER, Channel.TELEGRAM)
            ]
            assert lead.chats and lead.chats[0].channel is Channel.TELEGRAM
        for lead in by_channel[Channel.AVITO]:
            assert lead.first_name and not lead.communications
        for lead in by_channel[Channel.WHATSAPP]:
            assert lead.communications[0].channel is Channel.WHATSAPP
        assert any(
            c.kind is CommKind.EMAIL
            for lead in by_channel[Channel.SITE]
            for c in lead.communications
        )
        # Phones in many formats.
        raws = {
            c.raw_value[:2] for lead in by_channel[Channel.WHATSAPP] for c in lead.communications
        }
        assert len(raws) >= 4


def test_normalized_values_are_what_the_normaliser_says(demo):
    ws, _ = demo
    with ws.session() as s:
        comms = s.scalars(select(Communication)).all()
    assert comms
    for c in comms:
        expected = normalize_comm(c.kind, c.channel, c.raw_value)
        assert (c.normalized, c.is_valid) == (expected.value, expected.valid), c.raw_value


def test_ground_truth_bursts_returns_and_namesakes(demo):
    ws, _ = demo
    with ws.session() as s:
        truth = {t.lead_id: t for t in s.scalars(select(DemoTruth))}
        leads = {lead.id: lead for lead in s.scalars(select(Lead))}
        phones = defaultdict(set)
        for c in s.scalars(select(Communication).where(Communication.lead_id.is_not(None))):
            if c.is_valid and c.kind in (CommKind.PHONE, CommKind.MESSENGER):
                phones[c.lead_id].add(c.normalized)
    assert set(truth) == set(leads)
    people = defaultdict(list)
    for lead_id, t in truth.items():
        people[t.person_id].append(leads[lead_id])
    multi = [ls for ls in people.values() if len(ls) > 1]
    assert len(multi) >= LEADS // 10
    # A burst: one person, different channels, within half an hour.
    assert any(
        len({lead.source_channel for lead in ls}) > 1
        and max(lead.created_at for lead in ls) - min(lead.created_at for lead in ls)
        <= timedelta(minutes=30)
        for ls in multi
    )
    stories = {t.story.split(":")[0] for t in truth.values()}
    assert {"single", "burst", "return", "namesake"} <= stories
    # A returning client writes days later from a phone seen before.
    returns = [lid for lid, t in truth.items() if t.story.startswith("return:")]
    assert any(
        any(
            phones[lid] & phones[other.id]
            and leads[lid].created_at - other.created_at >= timedelta(days=2)
            for other in people[truth[lid].person_id]
        )
        for lid in returns
    )


def test_chats_contacts_and_deals(demo):
    ws, stats = demo
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Chat).where(Chat.first_message != ""))
        assert stats.contacts == s.scalar(select(func.count()).select_from(Contact)) > 0
        assert s.scalar(select(func.count()).select_from(Deal)) == stats.deals > 0
        per_deal = s.execute(
            select(deal_contacts.c.deal_id, func.count()).group_by(deal_contacts.c.deal_id)
        ).all()
        assert {n for _, n in per_deal} >= {1, 2}
        contact_phones = s.scalar(
            select(func.count())
            .select_from(Communication)
            .where(Communication.contact_id.is_not(None), Communication.kind == CommKind.PHONE)
        )
        assert contact_phones == stats.contacts


def test_demo_refuses_a_non_empty_workspace(demo):
    ws, _ = demo
    with pytest.raises(KnownError, match="not empty"):
        generate_demo(ws, leads=10)


def test_cli_demo_refuses_then_force_replaces(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite")
    assert main(["demo", "--db", db, "--leads", "50"]) == 0
    assert "leads: 50" in capsys.readouterr().out
    assert main(["demo", "--db", db, "--leads", "60"]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["demo", "--db", db, "--leads", "60", "--force", "--seed", "5"]) == 0
    ws = open_workspace(db)
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Lead)) == 60
        assert s.scalar(select(func.count()).select_from(Operator)) == 7
    ws.dispose()


def test_no_phone_email_or_handle_is_shared_by_two_people(demo):
    ws, _ = demo
    with ws.session() as s:
        rows = s.execute(
            select(Communication.normalized, DemoTruth.person_id)
            .join(DemoTruth, DemoTruth.lead_id == Communication.lead_id)
            .where(Communication.is_valid)
        ).all()
    owners = defaultdict(set)
    for value, person in rows:
        owners[value].add(person)
    assert rows
    assert {v: p for v, p in owners.items() if len(p) > 1} == {}


def test_progress_is_reported_and_a_cancel_writes_nothing(tmp_path):
    from deskdup.services.errors import Cancelled

    ws = open_workspace(str(tmp_path / "p.sqlite"))
    calls = []

    def cancel_at_2000(done, total):
        calls.append((done, total))
        if done >= 2000:
            raise Cancelled

    with pytest.raises(Cancelled):
        generate_demo(ws, leads=3000, progress=cancel_at_2000)
    assert calls == [(1000, 3000), (2000, 3000)]
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Lead)) == 0
        assert s.scalar(select(func.count()).select_from(Operator)) == 0
    ws.dispose()


def test_surnames_agree_with_the_gender_of_first_name_and_patronymic(tmp_path_factory):
    """Namesakes too: a woman's surname is feminine, a man's masculine (no Иван Соколова)."""
    ws, _ = _make(tmp_path_factory, seed=3, leads=6000)
    try:
        with ws.session() as s:
            rows = s.execute(
                select(Lead.last_name, Lead.middle_name).where(
                    Lead.last_name != "", Lead.middle_name != ""
                )
            ).all()
    finally:
        ws.dispose()
    assert len(rows) > 100
    wrong = [
        (last, middle)
        for last, middle in rows
        if (middle.endswith("вна") and last.endswith(("ов", "ев", "ёв", "ин", "ский", "цкий")))
        or (middle.endswith("вич") and last.endswith(("ова", "ева", "ёва", "ина", "ская", "цкая")))
    ]
    assert not wrong, wrong[:5]
