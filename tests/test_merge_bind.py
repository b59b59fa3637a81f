"""A group merged and bound to a contact in one step; what the bind dialog lists."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from deskdup.models import (
    Action,
    Channel,
    Chat,
    CommKind,
    Communication,
    Contact,
    Entity,
    EventKind,
    EventLead,
    Lead,
    MergeEvent,
    Scope,
)
from deskdup.services.backend import SqlBackend
from deskdup.services.binding import comm_key
from deskdup.services.contact_picker import ContactFinder
from deskdup.services.errors import KnownError, RightsError
from deskdup.services.merge import apply_merge, last_undoable_merge, row_dict, undo_event
from deskdup.services.merge_plan import build_plan
from deskdup.services.operators import find_operator
from deskdup.services.policy import MergePolicy
from deskdup.services.review import merge_group
from deskdup.services.workspace import open_workspace
from tests.factories import BASE_TIME, make_comm, make_lead, make_operator

# Leads only, and reading contacts: a contact one may not read is not listed at all.
LEADS_ONLY = {
    (e, a): Scope.ALL for e in (Entity.LEAD,) for a in (Action.READ, Action.EDIT, Action.DELETE)
} | {(Entity.CONTACT, Action.READ): Scope.ALL}


NO_CONTACTS = {(Entity.LEAD, a): Scope.ALL for a in (Action.READ, Action.EDIT, Action.DELETE)}


@pytest.fixture
def world(tmp_path):
    ws = open_workspace(str(tmp_path / "merge-bind.sqlite"))
    with ws.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        make_operator(s, "leads_only", "Лидов Лев", "Sales 1", scopes=LEADS_ONLY)
        make_operator(s, "no_contacts", "Безконтактов Бен", "Sales 1", scopes=NO_CONTACTS)
        contact = Contact(
            external_id="C-77",
            first_name="Елизавета",
            last_name="Ермакова",
            middle_name="Антоновна",
            assigned=anna,
            created_at=BASE_TIME,
            updated_at=BASE_TIME,
        )
        contact.communications.append(make_comm(CommKind.PHONE, Channel.CALL, "+7 916 123-45-67"))
        s.add(contact)
        other = Contact(
            external_id="C-78",
            first_name="Елизавета",
            last_name="Ермакова",
            middle_name="Петровна",
            created_at=BASE_TIME,
            updated_at=BASE_TIME,
        )
        s.add(other)
        s.flush()
        tg = make_lead(
            s,
            owner=anna,
            channel=Channel.TELEGRAM,
            external_id="L-1",
            comms=[(CommKind.MESSENGER, Channel.TELEGRAM, "@lizaerm")],
            chats=1,
        )
        site = make_lead(
            s,
            owner=anna,
            external_id="L-2",
            first_name="Лиза",
            last_name="Ермакова",
            comms=[
                (CommKind.PHONE, Channel.SITE, "8 (916) 123 45 67"),
                (CommKind.EMAIL, Channel.SITE, "liza@example.ru"),
            ],
            chats=1,
            contact=other,
        )
        ids = {"tg": tg.id, "site": site.id, "contact": contact.id, "other": other.id}
        ops = {login: find_operator(s, login) for login in ("anna", "leads_only", "no_contacts")}
    yield ws, ids, ops
    ws.dispose()


def state(ws):
    """Every row a merge and bind may touch, versions aside."""
    with ws.session() as s:
        out = {}
        for model in (Lead, Contact, Communication, Chat):
            rows = []
            for obj in s.scalars(select(model).order_by(model.id)):
                data = row_dict(obj)
                data.pop("version", None)
                rows.append(data)
            out[model.__name__] = rows
        return out


def plan_for(ws, ids, primary):
    with ws.session() as s:
        return build_plan(s, ids, primary)


def test_the_contact_row_shows_each_leads_contact_by_name_and_id(world):
    ws, ids, _ops = world
    plan = plan_for(ws, [ids["tg"], ids["site"]], ids["site"])
    choice = plan.field("contact_id")
    assert choice.display[ids["site"]] == "Ермакова Елизавета Петровна · #C-78"
    assert choice.display[ids["tg"]] == ""


def test_merge_binds_the_merged_lead_in_one_event_and_undo_restores(world):
    ws, ids, ops = world
    before = state(ws)
    plan = plan_for(ws, [ids["tg"], ids["site"]], ids["site"])
    plan.pick_contact(ids["contact"], "C-77", "Ермакова Елизавета Антоновна")
    assert plan.preview()["contact_id"] == ids["contact"]
    result = apply_merge(ws, plan, ops["anna"].id, MergePolicy())
    assert "bound it to contact #C-77" in str(result.summary)
    with ws.session() as s:
        primary = s.get(Lead, ids["site"])
        contact = s.get(Contact, ids["contact"])
        assert primary.contact_id == contact.id
        # The group's phone (already there), e-mail and Telegram handle, once each.
        assert sorted(c.normalized for c in contact.communications) == sorted(
            ["+79161234567", "liza@example.ru", "lizaerm"]
        )
        chats = s.scalars(select(Chat).where(Chat.lead_id == primary.id)).all()
        assert len(chats) == 2 and {c.contact_id for c in chats} == {contact.id}
        event = s.scalars(select(MergeEvent)).one()
        assert event.kind is EventKind.MERGE_LEADS
        assert event.choices["bound_contact"] == contact.id
        roles = {
            (row.record_id, row.role)
            for row in s.scalars(select(EventLead).where(EventLead.event_id == event.id))
        }
        assert (contact.id, "contact") in roles
    undo_event(ws, result.event_id, ops["anna"].id)
    assert state(ws) == before


def test_merge_and_bind_without_the_contact_right_writes_nothing(world):
    ws, ids, ops = world
    before = state(ws)
    plan = plan_for(ws, [ids["tg"], ids["site"]], ids["site"])
    plan.pick_contact(ids["contact"], "C-77", "Ермакова Елизавета Антоновна")
    with pytest.raises(RightsError, match="no edit right"):
        apply_merge(ws, plan, ops["leads_only"].id, MergePolicy())
    assert state(ws) == before


def test_choosing_a_leads_contact_drops_the_pick(world):
    ws, ids, _ops = world
    plan = plan_for(ws, [ids["tg"], ids["site"]], ids["tg"])
    plan.pick_contact(ids["contact"], "C-77", "Ермакова Елизавета Антоновна")
    plan.set_primary(ids["site"])  # an explicit pick survives a new primary
    assert plan.contact_pick == ids["contact"]
    plan.choose("contact_id", ids["site"])
    assert plan.contact_pick is None
    assert plan.chosen_values()["contact_id"] == ids["other"]


def test_a_portal_merge_refuses_to_bind_in_the_same_step(world):
    ws, ids, ops = world
    plan = plan_for(ws, [ids["tg"], ids["site"]], ids["site"])
    plan.pick_contact(ids["contact"], "C-77", "Ермакова Елизавета Антоновна")
    before = state(ws)
    with pytest.raises(KnownError, match="merge, then bind"):
        merge_group(ws, plan, ops["anna"].id, MergePolicy(), backend=SqlBackend(ws))
    assert state(ws) == before


def test_suggestions_come_from_the_leads_own_values(world):
    ws, ids, ops = world
    finder = ContactFinder()
    found = finder.suggest(ws, ops["anna"], [ids["tg"], ids["site"]])
    cards = {c.label: c for c in found.cards}
    # The same phone and the same name beat the same name alone.
    assert [c.label for c in found.cards][:2] == ["C-77", "C-78"]
    assert cards["C-77"].owner_name == "Петрова Анна"
    assert [c.kind for c in cards["C-77"].communications] == [CommKind.PHONE]
    assert cards["C-78"].bound_here and cards["C-78"].lead_count == 1
    assert cards["C-77"].refusal is None
    refused = finder.suggest(ws, ops["leads_only"], [ids["site"]])
    assert all(c.refusal is not None for c in refused.cards)
    assert "no edit right" in str(refused.cards[0].refusal)


def test_search_by_a_half_remembered_name_and_by_id(world):
    ws, _ids, ops = world
    finder = ContactFinder()
    hits = finder.find(ws, ops["anna"], "ермакоа лиза антоновна").cards
    assert hits[0].label == "C-77"
    assert finder.find(ws, ops["anna"], "C-78").cards[0].label == "C-78"
    assert finder.find(ws, ops["anna"], "").cards == ()


def test_undo_last_takes_back_a_bind_too(world):
    ws, ids, ops = world
    event_id = SqlBackend(ws).bind_contact(ids["tg"], ids["contact"], ops["anna"].id, 1)
    last = last_undoable_merge(ws, ops["anna"].id)
    assert last is not None and last.event_id == event_id
    assert last.is_bind and last.contact_label == "C-77"


_comm = st.one_of(
    st.tuples(
        st.just(CommKind.PHONE),
        st.just(Channel.CALL),
        st.sampled_from(["+7 916 123-45-67", "8 (916) 123 45 67", "+79031112233", "89035550000"]),
    ),
    st.tuples(
        st.just(CommKind.EMAIL),
        st.just(Channel.EMAIL),
        st.sampled_from(["liza@example.ru", "LIZA@example.ru", "ivan@mail.ru"]),
    ),
    st.tuples(
        st.just(CommKind.MESSENGER),
        st.just(Channel.TELEGRAM),
        st.sampled_from(["@lizaerm", "lizaerm", "@ivan_p"]),
    ),
)


@pytest.fixture(scope="module")
def prop_ws(tmp_path_factory):
    ws = open_workspace(str(tmp_path_factory.mktemp("merge-bind") / "props.sqlite"))
    with ws.session() as s:
        operator_id = make_operator(s, "anna").id
    yield ws, operator_id
    ws.dispose()


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    groups=st.lists(
        st.tuples(st.lists(_comm, max_size=3), st.integers(0, 2)), min_size=2, max_size=4
    ),
    contact_comms=st.lists(_comm, max_size=3, unique_by=lambda c: (c[0], c[2])),
)
def test_merge_and_bind_loses_nothing_and_undo_restores(prop_ws, groups, contact_comms):
    ws, operator_id = prop_ws
    with ws.session() as s:
        leads = [
            make_lead(s, first_name="Лиза", comms=comms, chats=chats) for comms, chats in groups
        ]
        contact = Contact(first_name="Лиза", created_at=BASE_TIME, updated_at=BASE_TIME)
        for kind, channel, raw in contact_comms:
            contact.communications.append(make_comm(kind, channel, raw))
        s.add(contact)
        s.flush()
        ids, contact_id = [lead.id for lead in leads], contact.id
        group_keys = {
            comm_key(c.kind, c.normalized, c.raw_value) for x in leads for c in x.communications
        }
        chat_ids = {chat.id for x in leads for chat in x.chats}
        contact_before = [
            comm_key(c.kind, c.normalized, c.raw_value) for c in contact.communications
        ]
    before = state(ws)
    with ws.session() as s:
        plan = build_plan(s, ids, ids[0])
    plan.pick_contact(contact_id, str(contact_id), "Лиза")
    result = apply_merge(ws, plan, operator_id, MergePolicy())
    with ws.session() as s:
        contact = s.get(Contact, contact_id)
        after = [comm_key(c.kind, c.normalized, c.raw_value) for c in contact.communications]
        assert group_keys <= set(after)  # every channel of the group is on the contact
        # once each: only what the contact lacked was added
        assert len(after) == len(contact_before) + len(group_keys - set(contact_before))
        bound = set(s.scalars(select(Chat.id).where(Chat.contact_id == contact_id)))
        assert bound == chat_ids
        assert s.get(Lead, ids[0]).contact_id == contact_id
    undo_event(ws, result.event_id, operator_id)
    assert state(ws) == before


def test_the_dialog_lists_no_contact_the_operator_may_not_read(world):
    ws, ids, ops = world
    finder = ContactFinder()
    assert finder.find(ws, ops["anna"], "C-77").cards
    assert finder.find(ws, ops["no_contacts"], "C-77").cards == ()
    assert finder.find(ws, ops["no_contacts"], "Ермакова Елизавета").cards == ()
    assert finder.suggest(ws, ops["no_contacts"], [ids["tg"], ids["site"]]).cards == ()
