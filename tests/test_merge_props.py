"""A merge loses nothing, touches nothing outside the group, and undo is exact.

Hypothesis draws groups of 2-6 leads with communications from small pools (so
the same phone, e-mail or handle shows up on several leads, in different
spellings), chats, activities, deals and comments, then a primary, random
field choices and the archive/delete policy.  One workspace serves the whole
test; each example adds fresh leads, so the leads of earlier examples are the
"outside the group" rows that must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from deskdup.models import Activity, Channel, Chat, CommKind, Communication, Deal, Dismissal, Lead
from deskdup.services.merge import apply_merge, undo_event
from deskdup.services.merge_cards import CommInfo
from deskdup.services.merge_plan import FIELD_NAMES, build_plan
from deskdup.services.policy import MergePolicy
from deskdup.services.workspace import open_workspace
from tests.factories import make_contact, make_lead, make_operator

PHONES = ["+7 916 111-11-11", "89161111111", "8 (916) 222-22-22", "79162222222", "12-34"]
EMAILS = ["ivan@mail.ru", "IVAN@Mail.ru", "petr@ya.ru", "not an email"]
HANDLES = [
    (Channel.TELEGRAM, "@ivan_p"),
    (Channel.TELEGRAM, "t.me/Ivan_P"),
    (Channel.TELEGRAM, "petr93"),
    (Channel.INSTAGRAM, "ivan_p"),
    (Channel.WHATSAPP, "+79161111111"),
]
COMMENTS = ["", "", "Перезвонить после 18:00", "Хочет скидку", "Доставка в Тверь"]
NAMES = ["", "Иван", "Ваня", "Ivan"]

comm = st.one_of(
    st.sampled_from(PHONES).map(lambda v: (CommKind.PHONE, Channel.SITE, v)),
    st.sampled_from(EMAILS).map(lambda v: (CommKind.EMAIL, Channel.SITE, v)),
    st.sampled_from(HANDLES).map(lambda h: (CommKind.MESSENGER, h[0], h[1])),
)

lead_spec = st.fixed_dictionaries(
    {
        "channel": st.sampled_from(
            [Channel.TELEGRAM, Channel.WHATSAPP, Channel.AVITO, Channel.SITE]
        ),
        "first_name": st.sampled_from(NAMES),
        "last_name": st.sampled_from(["", "Петров", "Petrov"]),
        "comments": st.sampled_from(COMMENTS),
        "comms": st.lists(comm, max_size=4),
        "chats": st.integers(0, 2),
        "activities": st.integers(0, 2),
        "deals": st.integers(0, 1),
        "owner": st.integers(0, 2),  # 0 = nobody
        "contact": st.booleans(),
    }
)

group_spec = st.lists(lead_spec, min_size=2, max_size=6).flatmap(
    lambda leads: st.tuples(
        st.just(leads),
        st.integers(0, len(leads) - 1),
        st.dictionaries(st.sampled_from(FIELD_NAMES), st.integers(0, len(leads) - 1)),
        st.booleans(),
    )
)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    ws = open_workspace(str(tmp_path_factory.mktemp("props") / "props.sqlite"))
    with ws.session() as s:
        ops = [make_operator(s, f"op{i}", f"Оператор {i}", f"Sales {i}").id for i in (1, 2)]
        contact = make_contact(s, "Иван", "Петров").id
        # A lead nobody merges, with a phone the groups also use.
        make_lead(s, comms=[(CommKind.PHONE, Channel.SITE, PHONES[0])], chats=1, comments="чужой")
    yield ws, ops, contact
    ws.dispose()


def _row(obj) -> dict[str, Any]:
    row = {k: v for k, v in vars(obj).items() if not k.startswith("_")}
    row.pop("version", None)  # undo moves versions on, on purpose
    return row


def dump(ws) -> dict[str, list[dict[str, Any]]]:
    out = {}
    with ws.session() as s:
        for model in (Lead, Communication, Chat, Activity, Deal, Dismissal):
            out[model.__tablename__] = [
                _row(o) for o in s.scalars(select(model).order_by(model.id))
            ]
    return out


def outside(d: dict[str, list[dict[str, Any]]], group: set[int]) -> dict[str, list]:
    """The rows that belong to no lead of the group."""
    return {
        "leads": [r for r in d["leads"] if r["id"] not in group],
        **{
            name: [r for r in d[name] if r["lead_id"] not in group]
            for name in ("communications", "chats", "activities", "deals")
        },
        "dismissals": d["dismissals"],
    }


@settings(
    max_examples=30,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=group_spec)
def test_merge_loses_nothing_and_undo_is_exact(world, spec):
    ws, ops, contact = world
    leads, primary_index, choices, archive = spec
    with ws.session() as s:
        owners = [None, *ops]
        ids = []
        for lead in leads:
            made = make_lead(
                s,
                channel=lead["channel"],
                first_name=lead["first_name"],
                last_name=lead["last_name"],
                comments=lead["comments"],
                comms=lead["comms"],
                chats=lead["chats"],
                activities=lead["activities"],
                deals=lead["deals"],
            )
            made.assigned_id = owners[lead["owner"]]
            made.contact_id = contact if lead["contact"] else None
            ids.append(made.id)
    group = set(ids)
    before = dump(ws)
    with ws.session() as s:
        plan = build_plan(s, ids, primary_id=ids[primary_index])
    for field, index in choices.items():
        plan.choose(field, ids[index])
    expected_values = plan.chosen_values()
    wanted_comms = {c.dedup_key for card in plan.cards.values() for c in card.communications}
    wanted_chats = {c.id for card in plan.cards.values() for c in card.chats}
    wanted_activities = {a.id for card in plan.cards.values() for a in card.activities}
    wanted_deals = {d.id for card in plan.cards.values() for d in card.deals}
    wanted_comments = {card.comments.strip() for card in plan.cards.values()} - {""}

    result = apply_merge(ws, plan, ops[0], MergePolicy(archive_instead_of_delete=archive))

    with ws.session() as s:
        primary = s.get(Lead, plan.primary_id)
        for field, value in expected_values.items():
            assert getattr(primary, field) == value, field
        have = {
            CommInfo(
                c.id, primary.id, c.kind, c.channel, c.raw_value, c.normalized, c.is_valid
            ).dedup_key
            for c in primary.communications
        }
        assert have == wanted_comms  # everything, and no duplicates left behind
        assert len(have) == len(primary.communications)
        assert {c.id for c in primary.chats} == wanted_chats
        assert {a.id for a in primary.activities} == wanted_activities
        assert {d.id for d in primary.deals} == wanted_deals
        for text in wanted_comments:
            assert text in primary.comments
        for other in result.merged_ids:
            lead = s.get(Lead, other)
            if archive:
                assert lead.archived and lead.merged_into_id == primary.id
            else:
                assert lead is None
    after = dump(ws)
    assert outside(after, group) == outside(before, group)

    undo_event(ws, result.event_id, ops[0])
    assert dump(ws) == before
