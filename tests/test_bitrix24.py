"""The live Bitrix24 connection against a portal on 127.0.0.1 (tests/bitrix24_server.py).

Pull under the rate limit, incremental pull, merges through the portal (field
choices, CONFLICT, a refused right, a connection dropped before and after the
portal applied the merge), a wrong webhook, binding a contact.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from deskdup.models import Channel, Chat, CommKind, Communication, Lead, MergeEvent, PortalJournal
from deskdup.services.bitrix24.backend import Bitrix24Backend
from deskdup.services.bitrix24.client import Bitrix24Client, TokenBucket, php_query
from deskdup.services.bitrix24.link import workspace_link
from deskdup.services.bitrix24.sync import pull
from deskdup.services.bitrix24.vocabulary import source_channel
from deskdup.services.bitrix24.webhook import parse_webhook
from deskdup.services.errors import KnownError, RightsError, StaleError
from deskdup.services.merge import undo_event
from deskdup.services.merge_plan import build_plan
from tests.bitrix24_server import Portal, parse_php_query, populate, serve

SECRET = "k3yb0ardc4t5ecret"


@pytest.fixture
def portal() -> Portal:
    portal = Portal(rate=500.0, burst=500.0)
    portal.add_user(1, "Анна", "Петрова", secret=SECRET)
    portal.add_user(2, "Олег", "Смирнов")
    return portal


@pytest.fixture
def base(portal):
    with serve(portal) as address:
        yield address


def client_for(base: str, secret: str = SECRET, **kw) -> Bitrix24Client:
    kw.setdefault("rate", 1000.0)
    kw.setdefault("burst", 1000.0)
    return Bitrix24Client(parse_webhook(f"{base}/rest/1/{secret}/"), **kw)


@pytest.fixture
def backend(workspace, base):
    client = client_for(base)
    yield Bitrix24Backend(workspace, client)
    client.close()


def _lead(ws, external_id: str) -> Lead:
    with ws.session() as s:
        lead = s.scalar(select(Lead).where(Lead.external_id == external_id))
        assert lead is not None
        s.expunge(lead)
        return lead


def _ids(ws, *external_ids: str) -> list[int]:
    return [_lead(ws, e).id for e in external_ids]


def _values(record, field: str) -> list[tuple[str, str]]:
    return sorted((e["VALUE"], e["VALUE_TYPE"]) for e in record.get(field, []))


# --------------------------------------------------------------------------- protocol pieces


def test_php_query_round_trips_through_the_portals_parser():
    params = {
        "filter": {">ID": 5, ">=DATE_MODIFY": "2026-11-27T10:00:00+03:00"},
        "order": {"ID": "ASC"},
        "select": ["*", "PHONE"],
        "start": -1,
    }
    parsed = parse_php_query(php_query(params))
    assert parsed == {
        "filter": {">ID": "5", ">=DATE_MODIFY": "2026-11-27T10:00:00+03:00"},
        "order": {"ID": "ASC"},
        "select": {"0": "*", "1": "PHONE"},
        "start": "-1",
    }
    assert "$result[p0][49][ID]" in php_query({"filter": {">ID": "$result[p0][49][ID]"}})


def test_token_bucket_allows_the_burst_then_the_rate():
    now = [0.0]
    bucket = TokenBucket(rate=2.0, burst=3, clock=lambda: now[0])
    assert [bucket.wait_time() for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.wait_time() == pytest.approx(0.5)
    now[0] += 10
    assert bucket.wait_time() == 0.0


def test_source_and_messenger_codes_become_channels():
    assert source_channel("7|TELEGRAM") is Channel.TELEGRAM
    assert source_channel("3|WZ_WHATSAPP_A1B2") is Channel.WHATSAPP
    assert source_channel("WEBFORM") is Channel.SITE
    assert source_channel("CALL") is Channel.CALL
    assert source_channel("PARTNER") is Channel.OTHER


def test_a_wrong_webhook_is_told_in_words_without_the_secret(workspace, base, portal):
    client = client_for(base, secret="not-the-secret-123")
    with pytest.raises(KnownError) as caught:
        pull(workspace, client)
    text = str(caught.value)
    assert "does not accept this webhook" in text
    assert "not-the-secret-123" not in text
    assert workspace_link(workspace) is None  # nothing linked on a refusal


def test_not_a_webhook_address_is_told_in_words():
    with pytest.raises(KnownError, match="not a Bitrix24 webhook"):
        parse_webhook("https://example.bitrix24.ru/crm/lead/list/")


# --------------------------------------------------------------------------- pull


def test_pull_of_thousands_of_leads_under_the_rate_limit(workspace, base, portal):
    populate(portal, 3000, seed=7)
    # The portal allows 8 requests a second with a burst of 2; the client is told it
    # may go much faster, so the portal's 503 QUERY_LIMIT_EXCEEDED must be waited out.
    portal.rate, portal.burst = 8.0, 2.0
    client = client_for(base, rate=500.0, burst=50.0)
    seen = []
    report = pull(workspace, client, progress=seen.append)
    assert portal.limited > 0, "the test must actually hit the limit"
    assert report.leads == 3000 and report.removed == 0
    assert seen[-2].total == 3000 and any(p.eta_seconds is not None for p in seen)
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(Lead)) == 3000
        expected = sum(len(r[f]) for r in portal.leads.values() for f in ("PHONE", "EMAIL", "IM"))
        assert s.scalar(select(func.count()).select_from(Communication)) == expected
        with_lines = sum(1 for r in portal.leads.values() if "|" in r["SOURCE_ID"])
        assert s.scalar(select(func.count()).select_from(Chat)) == with_lines
    sample = next(i for i, r in portal.leads.items() if r["SOURCE_ID"] == "7|TELEGRAM")
    lead = _lead(workspace, str(sample))
    with workspace.session() as s:
        lead = s.get(Lead, lead.id)
        assert lead.source_channel is Channel.TELEGRAM
        kinds = {(c.kind, c.channel) for c in lead.communications}
        assert (CommKind.MESSENGER, Channel.TELEGRAM) in kinds
        assert (CommKind.PHONE, Channel.OTHER) in kinds
        assert [c.external_chat_id for c in lead.chats] == [str(10_000 + sample - 1)]
        assert lead.assigned is not None and lead.assigned.external_id in ("1", "2")


def test_incremental_pull_reads_changes_and_drops_deleted_leads(workspace, base, portal):
    populate(portal, 120, seed=3)
    portal.clock_offset += timedelta(minutes=1)  # the leads are older than the first pull
    client = client_for(base)
    first = pull(workspace, client)
    assert first.full and first.leads == 120
    before = _lead(workspace, "5")

    portal.clock_offset += timedelta(minutes=5)
    portal.leads[5]["PHONE"].append(
        {"ID": "99999", "VALUE": "+7 999 111-22-33", "VALUE_TYPE": "WORK", "TYPE_ID": "PHONE"}
    )
    portal.touch(portal.leads[5], 1)
    del portal.leads[7]
    new_id = portal.add_lead(NAME="Новый", IM=[("@new_client", "TELEGRAM")])

    second = pull(workspace, client)
    assert not second.full
    assert second.leads < 10  # only what changed, not the 120 again
    assert second.removed == 1
    after = _lead(workspace, "5")
    assert after.version > before.version
    with workspace.session() as s:
        phones = {c.normalized for c in s.get(Lead, after.id).communications}
        assert "+79991112233" in phones
    assert _lead(workspace, "7").archived
    assert _lead(workspace, str(new_id)).first_name == "Новый"
    loaded = {c.label for c in Bitrix24Backend(workspace, client).load_leads()}
    assert "7" not in loaded and str(new_id) in loaded


def test_limits_and_time_limits_are_waited_out_not_reported(workspace, base, portal):
    portal.add_lead(NAME="Иван")
    portal.fail_next["batch"] += [
        (503, "QUERY_LIMIT_EXCEEDED", "Too many requests"),
        (429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit."),
    ]
    report = pull(workspace, client_for(base))
    assert report.leads == 1
    assert not portal.fail_next["batch"]


# --------------------------------------------------------------------------- merge


def _group(portal: Portal) -> tuple[str, str, str]:
    primary = portal.add_lead(
        TITLE="Заявка с сайта",
        NAME="Иван",
        LAST_NAME="Петров",
        SOURCE_ID="WEB",
        COMMENTS="Звонить после 18:00",
        PHONE=[("8 (916) 123-45-67", "MOBILE")],
        EMAIL=[("ivan@example.ru", "WORK")],
    )
    telegram = portal.add_lead(
        TITLE="Telegram",
        NAME="Ваня",
        SOURCE_ID="7|TELEGRAM",
        ASSIGNED_BY_ID="2",
        IM=[("@vanya_petrov", "TELEGRAM"), ("imol|telegrambot|7|501|901", "IMOL")],
        PHONE=[("+79161234567", "WORK")],  # the same phone, written differently
        chats=[(501, "telegrambot")],
    )
    whatsapp = portal.add_lead(
        TITLE="WhatsApp",
        LAST_NAME="Петров-Водкин",
        SOURCE_ID="3|WHATSAPP",
        IM=[("+7 926 000-11-22", "WHATSAPP"), ("imol|whatsapp|3|502|902", "IMOL")],
        WEB=[("petrov.example.ru", "HOME")],
        chats=[(502, "whatsapp")],
    )
    return str(primary), str(telegram), str(whatsapp)


def _plan(backend, ws, primary, *others):
    ids = _ids(ws, primary, *others)
    return backend.build_plan(ids, primary_id=ids[0]), ids


def test_merge_with_choices_ends_with_every_communication_on_the_primary(
    workspace, backend, portal
):
    primary, telegram, whatsapp = _group(portal)
    pull(workspace, backend.client)
    group_before = {i: dict(portal.leads[int(i)]) for i in (primary, telegram, whatsapp)}
    plan, ids = _plan(backend, workspace, primary, telegram, whatsapp)
    plan.choose("last_name", ids[2])
    plan.choose("assigned_id", ids[1])
    operator = backend.current_operator()
    requests = backend.client.requests

    result = backend.apply_merge(plan, operator.id)

    assert backend.client.requests - requests == 4  # read, agree, merge, read back
    assert set(portal.leads) == {int(primary)}
    kept = portal.leads[int(primary)]
    assert kept["LAST_NAME"] == "Петров-Водкин" and kept["ASSIGNED_BY_ID"] == "2"
    assert kept["NAME"] == "Иван" and kept["TITLE"] == "Заявка с сайта"
    assert "Звонить после 18:00" in kept["COMMENTS"] and "Merged leads" in kept["COMMENTS"]
    assert _values(kept, "PHONE") == [("8 (916) 123-45-67", "MOBILE")]  # one phone, once
    assert _values(kept, "EMAIL") == [("ivan@example.ru", "WORK")]
    assert _values(kept, "WEB") == [("petrov.example.ru", "HOME")]
    assert _values(kept, "IM") == sorted(
        [
            ("@vanya_petrov", "TELEGRAM"),
            ("imol|telegrambot|7|501|901", "IMOL"),
            ("+7 926 000-11-22", "WHATSAPP"),
            ("imol|whatsapp|3|502|902", "IMOL"),
        ]
    )
    assert sorted(c["CHAT_ID"] for c in portal.chats[int(primary)]) == ["501", "502"]
    assert portal.applied["crm.entity.mergeBatch"] == 1
    # Every IM entry of the group, with its type, is on the primary.
    for record in group_before.values():
        for entry in record["IM"]:
            assert (entry["VALUE"], entry["VALUE_TYPE"]) in _values(kept, "IM")

    with workspace.session() as s:
        lead = s.get(Lead, ids[0])
        assert {c.external_chat_id for c in lead.chats} == {"501", "502"}
        assert lead.last_name == "Петров-Водкин"
        for other in ids[1:]:
            gone = s.get(Lead, other)
            assert gone.archived and gone.merged_into_id == ids[0]
        event = s.get(MergeEvent, result.event_id)
        assert event.snapshot["portal"]["before"]["leads"][telegram]["NAME"] == "Ваня"
        journal = s.scalar(select(PortalJournal))
        assert (journal.state, journal.step, journal.requests) == ("done", "done", 4)
    with pytest.raises(KnownError, match="cannot undo"):
        undo_event(workspace, result.event_id, operator.id)


def test_conflict_is_told_and_the_leads_are_put_back(workspace, backend, portal):
    primary, telegram, _ = _group(portal)
    portal.leads[int(primary)]["POST"] = "Директор"
    portal.leads[int(telegram)]["POST"] = "Менеджер"
    pull(workspace, backend.client)
    before = {
        i: {
            k: v
            for k, v in portal.leads[int(i)].items()
            if k not in ("DATE_MODIFY", "MODIFY_BY_ID")
        }
        for i in (primary, telegram)
    }
    plan, _ = _plan(backend, workspace, primary, telegram)
    with pytest.raises(KnownError) as caught:
        backend.apply_merge(plan, backend.current_operator().id)
    text = str(caught.value)
    assert (
        "CONFLICT" in text
        and "POST" in text
        and f"/crm/lead/merge/?id={primary},{telegram}" in text
    )
    for i in (primary, telegram):
        now = {
            k: v
            for k, v in portal.leads[int(i)].items()
            if k not in ("DATE_MODIFY", "MODIFY_BY_ID")
        }
        for field in ("NAME", "TITLE", "COMMENTS", "SOURCE_ID", "ASSIGNED_BY_ID", "POST"):
            assert now[field] == before[i][field]
        for field in ("PHONE", "EMAIL", "IM"):
            assert _values(now, field) == _values(before[i], field)
    assert portal.applied["crm.entity.mergeBatch"] == 0
    with workspace.session() as s:
        assert s.scalar(select(PortalJournal.state)) == "failed"
        assert not s.scalar(select(func.count()).select_from(MergeEvent))


def test_a_right_refused_by_the_portal_is_told_and_nothing_is_lost(workspace, backend, portal):
    primary, telegram, _ = _group(portal)
    portal.deny(1, "delete", int(telegram))
    pull(workspace, backend.client)
    before_title = portal.leads[int(telegram)]["TITLE"]
    plan, _ = _plan(backend, workspace, primary, telegram)
    with pytest.raises(RightsError, match="may not"):
        backend.apply_merge(plan, backend.current_operator().id)
    assert set(portal.leads) >= {int(primary), int(telegram)}
    assert portal.leads[int(telegram)]["TITLE"] == before_title
    assert _values(portal.leads[int(primary)], "IM") == []


def test_a_lead_changed_in_the_portal_since_the_pull_stops_the_merge(workspace, backend, portal):
    primary, telegram, _ = _group(portal)
    pull(workspace, backend.client)
    plan, _ = _plan(backend, workspace, primary, telegram)
    portal.clock_offset += timedelta(minutes=3)
    portal.leads[int(telegram)]["NAME"] = "Иван Сергеевич"
    portal.touch(portal.leads[int(telegram)], 2)
    with pytest.raises(StaleError, match="changed in the portal"):
        backend.apply_merge(plan, backend.current_operator().id)
    assert _lead(workspace, telegram).first_name == "Иван Сергеевич"  # reloaded
    assert portal.applied["crm.lead.update"] == 0


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_dropped_connection_is_resumed_once_and_loses_nothing(workspace, backend, portal, when):
    primary, telegram, whatsapp = _group(portal)
    pull(workspace, backend.client)
    plan, ids = _plan(backend, workspace, primary, telegram, whatsapp)
    getattr(portal, f"drop_{when}")["crm.entity.mergeBatch"] = 1

    with pytest.raises(KnownError, match="next start") as caught:
        backend.apply_merge(plan, backend.current_operator().id)
    assert SECRET not in str(caught.value)
    assert portal.applied["crm.entity.mergeBatch"] == (1 if when == "after" else 0)
    with workspace.session() as s:
        assert s.scalar(select(PortalJournal.state)) == "open"

    # The next start (a fresh client, as after a crash) finishes it.
    client = client_for(backend.client.webhook.portal)
    told = Bitrix24Backend(workspace, client).resume()
    assert [str(m) for m in told] == [f"Finished the interrupted merge into #{primary}."]
    assert portal.applied["crm.entity.mergeBatch"] == 1  # never twice
    kept = portal.leads[int(primary)]
    assert set(portal.leads) == {int(primary)}
    values = [e["VALUE"] for f in ("PHONE", "EMAIL", "IM", "WEB") for e in kept[f]]
    assert len(values) == len(set(values)) == 7  # nothing twice, nothing lost
    assert Bitrix24Backend(workspace, client).resume() == []  # nothing left open
    with workspace.session() as s:
        assert s.scalar(select(PortalJournal.state)) == "done"
        assert s.scalar(select(func.count()).select_from(MergeEvent)) == 1
        assert all(s.get(Lead, i).merged_into_id == ids[0] for i in ids[1:])
    client.close()


def test_binding_writes_contact_id_to_the_portal(workspace, backend, portal):
    contact = portal.add_contact(
        NAME="Иван", LAST_NAME="Петров", PHONE=[("+79161234567", "MOBILE")]
    )
    lead_id = portal.add_lead(NAME="Иван")
    pull(workspace, backend.client)
    lead = _lead(workspace, str(lead_id))
    found = backend.search_contacts("Петров")
    assert [c.label for c in found] == [str(contact)]
    backend.bind_contact(lead.id, found[0].id, backend.current_operator().id, lead.version)
    assert str(portal.leads[lead_id]["CONTACT_ID"]) == str(contact)
    assert _lead(workspace, str(lead_id)).contact_id == found[0].id


def test_without_openlines_scope_chats_come_from_the_messenger_fields(workspace, base, portal):
    _group(portal)
    portal.openlines_scope = False
    report = pull(workspace, client_for(base))
    assert any("imopenlines" in str(n) for n in report.notes)
    with workspace.session() as s:
        chats = set(s.scalars(select(Chat.external_chat_id)))
    assert chats == {"501", "502"}


def test_plan_of_a_linked_workspace_is_the_usual_plan(workspace, backend, portal):
    primary, telegram, _ = _group(portal)
    pull(workspace, backend.client)
    ids = _ids(workspace, primary, telegram)
    with workspace.session() as s:
        plan = build_plan(s, ids, ids[0])
    assert plan.primary.label == primary
