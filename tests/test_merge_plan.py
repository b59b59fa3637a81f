"""The merge plan: defaults, the operator's choices, united data, preview."""

from __future__ import annotations

from datetime import timedelta

import pytest

from deskdup.models import Channel, CommKind, Lead
from deskdup.services.errors import KnownError
from deskdup.services.merge_plan import FIELD_NAMES, build_plan, suggest_primary
from tests.factories import BASE_TIME, make_contact, make_lead, make_operator

PHONE, EMAIL, MSG = CommKind.PHONE, CommKind.EMAIL, CommKind.MESSENGER


@pytest.fixture
def group(workspace):
    """Three leads of one customer from Telegram, WhatsApp and the site."""
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 2")
        contact = make_contact(s, "Иван", "Петров")
        tg = make_lead(
            s,
            channel=Channel.TELEGRAM,
            first_name="",
            title="Telegram @ivan_p",
            comms=[(MSG, Channel.TELEGRAM, "@Ivan_P")],
            chats=[(Channel.TELEGRAM, "Здравствуйте, сколько стоит доставка?")],
            created_at=BASE_TIME,
        )
        wa = make_lead(
            s,
            owner=anna,
            channel=Channel.WHATSAPP,
            first_name="Иван",
            comms=[
                (MSG, Channel.WHATSAPP, "+7 916 123-45-67"),
                (PHONE, Channel.WHATSAPP, "89161234567"),
            ],
            chats=[(Channel.WHATSAPP, "Иван, доставка завтра?")],
            activities=2,
            comments="Просил перезвонить после 18:00",
            created_at=BASE_TIME + timedelta(minutes=3),
        )
        site = make_lead(
            s,
            channel=Channel.SITE,
            first_name="Ваня",
            last_name="Петров",
            comms=[
                (PHONE, Channel.SITE, "+7 (916) 123-45-67"),
                (EMAIL, Channel.SITE, "Ivan.Petrov@Mail.ru"),
                (MSG, Channel.INSTAGRAM, "ivan_p"),
            ],
            contact=contact,
            deals=1,
            created_at=BASE_TIME + timedelta(minutes=5),
        )
        return {"tg": tg.id, "wa": wa.id, "site": site.id, "anna": anna.id, "contact": contact.id}


def plan_of(workspace, ids, primary=None):
    with workspace.session() as s:
        return build_plan(s, ids, primary)


def test_default_choice_is_the_primarys_value_or_the_first_non_empty_from_the_primary_on(
    workspace, group
):
    plan = plan_of(workspace, [group["tg"], group["wa"], group["site"]], primary=group["tg"])
    # The Telegram lead has no first name: the next lead from the primary on has one.
    assert plan.field("first_name").chosen == group["wa"]
    assert plan.field("first_name").chosen_value == "Иван"
    assert plan.field("last_name").chosen == group["site"]
    assert plan.field("title").chosen == group["tg"]
    assert plan.field("assigned_id").chosen_display == "Петрова Анна"
    assert plan.field("contact_id").chosen_value == group["contact"]
    # All empty: the primary's (empty) value.
    assert plan.field("middle_name").chosen == group["tg"]
    assert plan.field("first_name").differs
    assert not plan.field("middle_name").differs
    assert [f.name for f in plan.fields] == list(FIELD_NAMES)


def test_set_primary_rederives_defaults_but_keeps_explicit_choices(workspace, group):
    plan = plan_of(workspace, [group["tg"], group["wa"], group["site"]], primary=group["tg"])
    plan.choose("title", group["site"])
    plan.set_primary(group["site"])
    assert plan.primary_id == group["site"]
    assert plan.other_ids == [group["tg"], group["wa"]]
    assert plan.field("first_name").chosen_value == "Ваня"
    assert plan.field("title").chosen == group["site"]
    assert plan.field("title").explicit
    plan.choose("title", group["tg"])
    plan.set_primary(group["wa"])
    assert plan.field("title").chosen == group["tg"]  # explicit survives
    plan.reset_choices()
    assert plan.field("title").chosen == group["wa"]
    assert plan.choices_for_history()["primary"] == group["wa"]


def test_united_communications_drop_duplicates_by_normalised_value_only(workspace, group):
    plan = plan_of(workspace, [group["tg"], group["wa"], group["site"]], primary=group["tg"])
    united = plan.united
    keys = [
        (c.kind, c.channel if c.kind is MSG else None, c.normalized) for c in united.communications
    ]
    # 89161234567 (WhatsApp) and +7 (916) 123-45-67 (site) are one phone.
    phones = [c for c in united.communications if c.kind is PHONE]
    assert len(phones) == 1
    assert phones[0].normalized == "+79161234567"
    assert set(phones[0].lead_ids) == {group["wa"], group["site"]}
    # The same handle on Telegram and Instagram are two accounts; both stay.
    assert (MSG, Channel.TELEGRAM, "ivan_p") in keys
    assert (MSG, Channel.INSTAGRAM, "ivan_p") in keys
    assert (MSG, Channel.WHATSAPP, "+79161234567") in keys
    assert len(united.chats) == 2
    assert len(united.activities) == 2
    assert len(united.deals) == 1
    assert united.comments == [(group["wa"], "Просил перезвонить после 18:00")]


def test_preview_shows_the_chosen_values_and_everything_united(workspace, group):
    plan = plan_of(workspace, [group["tg"], group["wa"], group["site"]], primary=group["tg"])
    plan.choose("first_name", group["site"])
    preview = plan.preview()
    assert preview["id"] == group["tg"]
    assert preview["first_name"] == "Ваня"
    assert preview["last_name"] == "Петров"
    assert len(preview["chats"]) == 2
    assert "Просил перезвонить" in preview["comments"]
    assert preview["merged_from"] == [str(group["wa"]), str(group["site"])]


def test_suggested_primary_has_most_data_and_ties_go_to_the_oldest(workspace, group):
    plan = plan_of(workspace, [group["tg"], group["wa"], group["site"]])
    assert plan.primary_id == group["wa"]  # 2 comms, chat, 2 activities, owner, comment
    with workspace.session() as s:
        old = make_lead(s, title="same", created_at=BASE_TIME - timedelta(days=1))
        new = make_lead(s, title="same", created_at=BASE_TIME)
        ids = [new.id, old.id]
    plan = plan_of(workspace, ids)
    assert plan.primary_id == ids[1]
    assert suggest_primary([plan.card(ids[0]), plan.card(ids[1])]) == ids[1]


def test_cards_show_channels_chats_owner_and_versions(workspace, group):
    plan = plan_of(workspace, [group["wa"], group["site"]])
    card = plan.card(group["wa"])
    assert card.owner_name == "Петрова Анна"
    assert card.department_name == "Sales 2"
    assert card.chats[0].first_message == "Иван, доставка завтра?"
    assert {c.channel for c in card.communications} == {Channel.WHATSAPP}
    assert plan.card(group["site"]).contact_name == "Петров Иван"
    assert plan.versions == {group["wa"]: 1, group["site"]: 1}


def test_build_plan_refuses_bad_groups(workspace, group):
    with pytest.raises(KnownError, match="at least two"):
        plan_of(workspace, [group["tg"], group["tg"]])
    with pytest.raises(KnownError, match="does not exist"):
        plan_of(workspace, [group["tg"], 999_999])
    with pytest.raises(KnownError, match="not in the group"):
        plan_of(workspace, [group["tg"], group["wa"]], primary=group["site"])
    with workspace.session() as s:
        s.get(Lead, group["wa"]).archived = True
    with pytest.raises(KnownError, match="is archived; it cannot be merged"):
        plan_of(workspace, [group["tg"], group["wa"]])
    with workspace.session() as s:
        s.get(Lead, group["wa"]).merged_into_id = group["site"]
    with pytest.raises(KnownError, match="already merged into #"):
        plan_of(workspace, [group["tg"], group["wa"]])
    plan = plan_of(workspace, [group["tg"], group["site"]])
    with pytest.raises(KnownError, match="Unknown field"):
        plan.choose("shoe_size", group["tg"])
    with pytest.raises(KnownError, match="not in this group"):
        plan.choose("title", group["wa"])


def test_the_plan_proposes_the_clean_name_and_the_merge_writes_it(workspace):
    """Issue 12 item 4: "Высцкий" + "Высоцкий Георгий Юрьевич" in the first-name
    field made "Высцкий Высоцкий Георгий Юрьевич"; the primary's "Денисоов" stayed."""
    from deskdup.services.merge import apply_merge
    from deskdup.services.merge_plan import PROPOSED, TYPED

    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 2")
        typo = make_lead(s, channel=Channel.CALL, last_name="Высцкий", comments="x" * 5)
        full = make_lead(s, channel=Channel.SITE, first_name="Высоцкий Георгий Юрьевич")
        ids, anna_id = (typo.id, full.id), anna.id
    with workspace.session() as s:
        plan = build_plan(s, ids, primary_id=ids[0])
    names = {n: plan.field(n) for n in ("last_name", "first_name", "middle_name")}
    assert {n: c.chosen_value for n, c in names.items()} == {
        "last_name": "Высоцкий",
        "first_name": "Георгий",
        "middle_name": "Юрьевич",
    }
    assert all(c.source == PROPOSED and c.chosen == ids[1] for c in names.values())
    # Choosing a lead's value drops the proposal; typing one says so.
    plan.choose("last_name", ids[0])
    assert plan.field("last_name").chosen_value == "Высцкий"
    plan.type_value("last_name", " Высоцкий-Младший ")
    assert plan.field("last_name").chosen_value == "Высоцкий-Младший"
    assert plan.field("last_name").source == TYPED
    # Another primary: proposals stay, the typed value too.
    plan.set_primary(ids[1])
    assert plan.field("first_name").chosen_value == "Георгий"
    assert plan.field("last_name").chosen_value == "Высоцкий-Младший"
    apply_merge(workspace, plan, anna_id)
    with workspace.session() as s:
        lead = s.get(Lead, ids[1])
        assert (lead.last_name, lead.first_name, lead.middle_name) == (
            "Высоцкий-Младший",
            "Георгий",
            "Юрьевич",
        )


def test_the_spelling_two_leads_agree_on_beats_the_primarys_typo(workspace):
    with workspace.session() as s:
        leads = [
            make_lead(s, channel=Channel.CALL, last_name="Денисоов", first_name="Павел"),
            make_lead(s, channel=Channel.SITE, last_name="Денисов"),
            make_lead(s, channel=Channel.VK, last_name="Денисов", first_name="павел"),
        ]
        ids = [lead.id for lead in leads]
    with workspace.session() as s:
        plan = build_plan(s, ids, primary_id=ids[0])
    assert plan.field("last_name").chosen_value == "Денисов"
    assert plan.field("last_name").source == ""  # a lead's own value, nothing put right
    assert plan.field("first_name").chosen_value == "Павел"
