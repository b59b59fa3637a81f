"""Applying a merge, undoing it, dismissals, policy, counters and the SQL backend."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from deskdup.models import (
    Action,
    Activity,
    Channel,
    Chat,
    CommKind,
    Communication,
    Deal,
    Dismissal,
    Entity,
    EventKind,
    Lead,
    MergeEvent,
    Scope,
)
from deskdup.services.backend import CrmBackend, SqlBackend
from deskdup.services.errors import KnownError, RightsError, StaleError
from deskdup.services.merge import (
    apply_merge,
    dismiss,
    last_undoable_event,
    last_undoable_merge,
    undo_dismiss,
    undo_event,
    utcnow,
)
from deskdup.services.merge_plan import build_plan
from deskdup.services.operators import today_counters
from deskdup.services.policy import MergePolicy, load_policy, save_policy
from deskdup.services.workspace import open_workspace
from tests.factories import BASE_TIME, make_contact, make_lead, make_operator

PHONE, EMAIL, MSG = CommKind.PHONE, CommKind.EMAIL, CommKind.MESSENGER


# The throwaway PostgreSQL server (fixtures pg_url, pg_database); skipped without it.
pytest_plugins = ("tests.postgres",)


@pytest.fixture
def setup(workspace):
    return populate(workspace)


def populate(workspace):
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        boss = make_operator(s, "boss", "Начальник", "Sales 1", can_undo=True)
        tg = make_lead(
            s,
            owner=anna,
            channel=Channel.TELEGRAM,
            external_id="T-1",
            comms=[(MSG, Channel.TELEGRAM, "@ivan_p")],
            chats=[(Channel.TELEGRAM, "Сколько стоит?")],
            comments="Из Telegram",
            created_at=BASE_TIME,
        )
        wa = make_lead(
            s,
            owner=anna,
            channel=Channel.WHATSAPP,
            first_name="Иван",
            comms=[(PHONE, Channel.WHATSAPP, "89161234567")],
            chats=[(Channel.WHATSAPP, "Иван, доставка?")],
            activities=2,
            deals=1,
        )
        site = make_lead(
            s,
            owner=anna,
            channel=Channel.AVITO,
            last_name="Петров",
            comms=[(PHONE, Channel.SITE, "+7 916 123 45 67"), (EMAIL, Channel.SITE, "i@p.ru")],
            comments="Хочет скидку",
        )
        bystander = make_lead(s, owner=anna, comms=[(PHONE, Channel.SITE, "+79160000000")], chats=1)
        return {
            "anna": anna.id,
            "boss": boss.id,
            "ids": [tg.id, wa.id, site.id],
            "bystander": bystander.id,
        }


def plan_for(ws, ids, primary=None):
    with ws.session() as s:
        return build_plan(s, ids, primary)


def test_merge_moves_everything_to_the_primary_and_archives_the_others(workspace, setup):
    tg, wa, site = setup["ids"]
    plan = plan_for(workspace, setup["ids"], primary=tg)
    plan.choose("last_name", site)
    result = apply_merge(workspace, plan, setup["anna"])
    assert result.primary_id == tg
    assert result.merged_ids == (wa, site)
    assert str(result.summary) == "Merged 3 leads into #T-1"
    with workspace.session() as s:
        primary = s.get(Lead, tg)
        assert (primary.first_name, primary.last_name) == ("Иван", "Петров")
        raws = sorted((c.kind.value, c.normalized) for c in primary.communications)
        # One phone (the duplicate from the site lead was dropped), the e-mail, the handle.
        assert raws == [("email", "i@p.ru"), ("messenger", "ivan_p"), ("phone", "+79161234567")]
        assert {c.first_message for c in primary.chats} == {"Сколько стоит?", "Иван, доставка?"}
        assert len(primary.activities) == 2
        assert len(primary.deals) == 1
        assert "Из Telegram" in primary.comments
        assert "Хочет скидку" in primary.comments
        assert "Merged leads #2 (WhatsApp), #3 (Avito) into this lead" in primary.comments
        assert primary.version == 2
        for other in (wa, site):
            lead = s.get(Lead, other)
            assert lead.archived and lead.merged_into_id == tg
            assert lead.communications == [] and lead.chats == []
        event = s.get(MergeEvent, result.event_id)
        assert event.kind is EventKind.MERGE_LEADS
        assert event.operator_id == setup["anna"]
        assert event.other_ids == [wa, site]
        assert event.choices["fields"]["last_name"] == site
        assert event.choices["explicit"] == ["last_name"]
        assert {d["id"] for d in event.snapshot["leads"]} == {tg, wa, site}
        assert len(event.snapshot["communications"]) == 4
        assert len(event.snapshot["chats"]) == 1
        assert len(event.snapshot["deals"]) == 1
        assert event.snapshot["after"]["absent"]["communications"]
    assert last_undoable_event(workspace, setup["anna"]) == result.event_id


def dump(ws) -> dict:
    """Every CRM row, without version counters (undo moves them on on purpose)."""
    out = {}
    with ws.session() as s:
        for model in (Lead, Communication, Chat, Activity, Deal, Dismissal):
            rows = []
            for obj in s.scalars(select(model).order_by(model.id)):
                row = {k: v for k, v in vars(obj).items() if not k.startswith("_")}
                row.pop("version", None)
                rows.append(row)
            out[model.__tablename__] = rows
    return out


@pytest.mark.parametrize("archive", [True, False])
def test_undo_restores_every_row_exactly(workspace, setup, archive):
    before = dump(workspace)
    plan = plan_for(workspace, setup["ids"], primary=setup["ids"][1])
    plan.choose("title", setup["ids"][2])
    result = apply_merge(workspace, plan, setup["anna"], MergePolicy(archive))
    with workspace.session() as s:
        others_left = s.scalar(
            select(func.count()).select_from(Lead).where(Lead.id.in_(result.merged_ids))
        )
    assert others_left == (2 if archive else 0)
    assert dump(workspace) != before
    # What "undo last" names: the leads (deleted ones too, from the snapshot), when, who.
    last = last_undoable_merge(workspace, setup["anna"])
    _tg, wa, site = setup["ids"]
    with workspace.session() as s:
        event = s.get(MergeEvent, result.event_id)
        assert last.primary_name == s.get(Lead, wa).full_name != ""
    assert (last.event_id, last.primary_label, last.other_labels) == (
        result.event_id,
        str(wa),
        ("T-1", str(site)),
    )
    assert last.merged_at == event.created_at
    assert last.merged_at_local.utcoffset() is not None
    assert (
        last.merged_at_local.replace(tzinfo=None) - last.merged_at
        == last.merged_at_local.utcoffset()
    )
    assert last.operator_name == "Петрова Анна"
    undo = undo_event(workspace, result.event_id, setup["anna"])
    assert undo.undone_event_id == result.event_id
    assert dump(workspace) == before
    with workspace.session() as s:
        merge = s.get(MergeEvent, result.event_id)
        assert merge.undone_by_id == undo.event_id
        assert s.get(MergeEvent, undo.event_id).undo_of_id == result.event_id
        # Versions move on, so a view that still shows the merge cannot write.
        assert all(s.get(Lead, i).version > 1 for i in setup["ids"])
    with pytest.raises(KnownError, match="already undone"):
        undo_event(workspace, result.event_id, setup["anna"])
    assert last_undoable_event(workspace, setup["anna"]) is None
    assert last_undoable_merge(workspace, setup["anna"]) is None
    # A plan built before the merge may not be applied over the restored leads.
    with pytest.raises(StaleError):
        apply_merge(workspace, plan, setup["anna"])


def test_stale_plan_writes_nothing_and_names_the_lead(workspace, setup):
    plan = plan_for(workspace, setup["ids"])
    with workspace.session() as s:
        lead = s.get(Lead, setup["ids"][2])
        lead.status = "in_work"
        lead.updated_at = BASE_TIME + timedelta(hours=5, minutes=2)
    before = dump(workspace)
    with pytest.raises(StaleError) as caught:
        apply_merge(workspace, plan, setup["anna"])
    assert str(caught.value).startswith("Lead #3 was changed by someone else at 14:02")
    assert "now version 2" in str(caught.value)
    assert caught.value.message.context == "Merge"
    assert dump(workspace) == before
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(MergeEvent)) == 0


def test_second_merge_of_a_merged_lead_names_who_merged_it(workspace, setup):
    tg, wa, site = setup["ids"]
    first = plan_for(workspace, [tg, wa], primary=tg)
    second = plan_for(workspace, [wa, site])
    apply_merge(workspace, first, setup["boss"])
    with pytest.raises(StaleError, match="Lead #2 was merged into #T-1 by Начальник"):
        apply_merge(workspace, second, setup["anna"])
    third = plan_for(workspace, [tg, site])
    apply_merge(workspace, plan_for(workspace, [tg, setup["bystander"]], primary=tg), setup["boss"])
    with pytest.raises(StaleError, match="changed by Начальник"):
        apply_merge(workspace, third, setup["anna"])


def test_undo_refuses_when_a_touched_row_changed_after_the_merge(workspace, setup):
    result = apply_merge(workspace, plan_for(workspace, setup["ids"]), setup["anna"])
    with workspace.session() as s:
        chat = s.scalars(select(Chat).where(Chat.lead_id == result.primary_id)).first()
        chat.message_count += 1
    before = dump(workspace)
    with pytest.raises(KnownError, match="changed after the merge"):
        undo_event(workspace, result.event_id, setup["anna"])
    assert dump(workspace) == before


def test_undo_of_someone_elses_merge_needs_a_supervisor(workspace, setup):
    with workspace.session() as s:
        other = make_operator(s, "oleg", "Олег", "Sales 1").id
    result = apply_merge(workspace, plan_for(workspace, setup["ids"]), setup["anna"])
    with pytest.raises(RightsError, match="made by Петрова Анна"):
        undo_event(workspace, result.event_id, other)
    undo_event(workspace, result.event_id, setup["boss"])
    with pytest.raises(KnownError, match="no history event"):
        undo_event(workspace, 999, setup["boss"])


def test_unknown_operator_is_refused(workspace, setup):
    with pytest.raises(KnownError, match="no active operator"):
        apply_merge(workspace, plan_for(workspace, setup["ids"]), 999)


def test_dismiss_is_team_wide_idempotent_and_stores_pairs_in_order(workspace, setup):
    tg, wa, site = setup["ids"]
    assert dismiss(workspace, [site, tg, wa], setup["anna"], " разные люди ") == 3
    assert dismiss(workspace, [wa, tg], setup["boss"]) == 0
    with workspace.session() as s:
        pairs = [(d.lead_a_id, d.lead_b_id, d.reason) for d in s.scalars(select(Dismissal))]
    assert sorted(pairs) == sorted(
        [(tg, wa, "разные люди"), (tg, site, "разные люди"), (wa, site, "разные люди")]
    )
    assert undo_dismiss(workspace, [wa, tg], setup["anna"]) == 1
    assert dismiss(workspace, [tg, wa], setup["boss"]) == 1
    with pytest.raises(KnownError, match="at least two"):
        dismiss(workspace, [tg, tg], setup["anna"])
    with pytest.raises(KnownError, match="does not exist"):
        dismiss(workspace, [tg, 12345], setup["anna"])


def test_today_counters(workspace, setup):
    tg, wa, site = setup["ids"]
    result = apply_merge(workspace, plan_for(workspace, [tg, wa]), setup["anna"])
    dismiss(workspace, [tg, site, setup["bystander"]], setup["anna"])
    undo_event(workspace, result.event_id, setup["anna"])
    with workspace.session() as s:
        counters = today_counters(s, setup["anna"])
        assert (counters.merges, counters.dismissals, counters.undos) == (1, 3, 1)
        assert today_counters(s, setup["boss"]).merges == 0
        tomorrow = today_counters(
            s, setup["anna"], now=datetime.now().astimezone() + timedelta(days=2)
        )
        assert tomorrow.merges == 0


def test_policy_is_stored_in_the_workspace(workspace, setup):
    with workspace.session() as s:
        assert load_policy(s) == MergePolicy(archive_instead_of_delete=True)
        save_policy(s, MergePolicy(archive_instead_of_delete=False))
    with workspace.session() as s:
        assert load_policy(s).delete_merged
    result = apply_merge(workspace, plan_for(workspace, setup["ids"]), setup["anna"])
    with workspace.session() as s:
        assert s.scalar(select(func.count()).where(Lead.id.in_(result.merged_ids))) == 0


def test_delete_policy_relinks_leads_merged_earlier(workspace, setup):
    tg, wa, site = setup["ids"]
    apply_merge(workspace, plan_for(workspace, [wa, site], primary=wa), setup["anna"])
    before = dump(workspace)
    result = apply_merge(
        workspace, plan_for(workspace, [tg, wa], primary=tg), setup["anna"], MergePolicy(False)
    )
    with workspace.session() as s:
        assert s.get(Lead, wa) is None
        assert s.get(Lead, site).merged_into_id == tg
    undo_event(workspace, result.event_id, setup["anna"])
    assert dump(workspace) == before


def test_sql_backend(workspace, setup):
    with workspace.session() as s:
        contact = make_contact(s, "Пётр", "Иванов").id
        make_contact(s, "Анна", "Сидорова")
    backend = SqlBackend(workspace)
    assert isinstance(backend, CrmBackend)
    assert [c.id for c in backend.search_contacts("иванов петр")] == [contact]
    assert [c.id for c in backend.search_contacts(str(contact))] == [contact]
    assert backend.search_contacts("   ") == []
    assert len(backend.load_contacts()) == 2
    assert backend.current_operator("anna").department_name == "Sales 1"
    assert backend.merge_policy().archive_instead_of_delete
    leads = backend.load_leads()
    assert {c.id for c in leads} == {*setup["ids"], setup["bystander"]}
    assert backend.load_leads(since=utcnow() + timedelta(days=1)) == []
    tg = setup["ids"][0]
    event_id = backend.bind_contact(tg, contact, setup["anna"], expected_version=1)
    with workspace.session() as s:
        assert s.get(Lead, tg).contact_id == contact
        assert s.get(MergeEvent, event_id).kind is EventKind.BIND_CONTACT
    with pytest.raises(StaleError):
        backend.bind_contact(tg, None, setup["anna"], expected_version=1)
    plan = backend.build_plan(setup["ids"][1:])
    assert backend.apply_merge(plan, setup["anna"]).primary_id == plan.primary_id


def test_binding_needs_edit_right(workspace, setup):
    with workspace.session() as s:
        reader = make_operator(
            s, "reader", "Читатель", "Sales 1", scopes={(Entity.LEAD, Action.READ): Scope.ALL}
        ).id
    with pytest.raises(RightsError, match="no edit right"):
        SqlBackend(workspace).bind_contact(setup["ids"][0], None, reader, expected_version=1)


@pytest.mark.parametrize("archive", [True, False])
def test_merge_and_undo_on_postgresql(pg_database, archive):
    ws = open_workspace(pg_database)
    try:
        ids = populate(ws)
        before = dump(ws)
        plan = plan_for(ws, ids["ids"], primary=ids["ids"][2])
        plan.choose("first_name", ids["ids"][1])
        result = apply_merge(ws, plan, ids["anna"], MergePolicy(archive))
        with ws.session() as s:
            primary = s.get(Lead, result.primary_id)
            assert primary.first_name == "Иван"
            assert len(primary.chats) == 2
        with pytest.raises(StaleError):
            apply_merge(ws, plan, ids["anna"])
        undo_event(ws, result.event_id, ids["anna"])
        assert dump(ws) == before
        # New rows after a revived lead do not collide with the ids put back.
        with ws.session() as s:
            make_lead(s, comms=[(PHONE, Channel.SITE, "+79165550000")])
    finally:
        ws.dispose()
