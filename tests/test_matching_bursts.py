"""Issue 14: bursts make candidates; a template's copies are weak evidence; a
shared phone with a man and a woman is a household; reworded messages meet."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from deskdup.models import Channel, CommKind, Lead
from deskdup.services.matching import (
    LIKELY,
    POSSIBLE,
    MatchIndex,
    MatchSettings,
    scan_workspace,
    score_pair,
)
from deskdup.services.matching.inquiry import (
    TEMPLATE_COUNT,
    band_keys,
    fold,
    likeness,
    numbers_differ,
    rarity,
    strip_greeting,
)
from deskdup.services.matching.name_agreement import (
    _gender,
    _name_evidence,
    _nick_differs,
    _nick_initial_fits,
)
from deskdup.services.names import (
    parse_free_name,
    parse_name,
    surname_gender,
)
from deskdup.services.nicknames import nickname_surname_gender, parse_nickname
from tests.factories import make_lead

T0 = datetime(2026, 3, 2, 10, 0)
PHONE, MESSENGER = CommKind.PHONE, CommKind.MESSENGER
QUESTION = "Сколько будет стоить шкаф-купе 2,4 м в прихожую, белый глянец?"
REWORDED = "Здравствуйте! какая цена на шкаф-купе 2,4 м в прихожую белый глянец"


def _codes(pair) -> set[str]:
    return {r.code for r in pair.reasons}


# ----------------------------------------------------------------- the inquiry


def test_greeting_and_politeness_do_not_count():
    assert strip_greeting("Здравствуйте! Сколько стоит доставка?") == "Сколько стоит доставка?"
    assert strip_greeting("Добрый день. сколько стоит") == "сколько стоит"
    assert strip_greeting("Привет") == "Привет"  # nothing but a greeting stays
    assert fold("Подскажите, сколько стоит доставка, пожалуйста!") == "сколько стоит доставка"
    assert fold("Ещё актуально?") == fold("еще актуально")


def test_a_reworded_copy_is_alike_and_a_strangers_question_is_not():
    assert likeness(QUESTION, REWORDED) >= 75
    assert likeness(QUESTION, "сколько будет стоить шкаф купе 2,4 м в прихожую белый глянец") >= 90
    # Built the same way, other numbers: another person's question.
    assert numbers_differ(QUESTION, "Сколько будет стоить шкаф-купе 3 м в прихожую")
    assert likeness(QUESTION, "Сколько будет стоить шкаф-купе 3 м в прихожую, белый глянец?") == 0
    # "2,4 м" and "24 м" are one size; a detail left out is no other number.
    assert not numbers_differ("шкаф 2,4 м", "шкаф 24 м")
    assert not numbers_differ("стеллаж 2 м, в комнату 12 кв.м", "в комнату 12 кв.м, стеллаж 2 м")
    assert not numbers_differ("стеллаж 2 м, в комнату 12 кв.м", "стеллаж 2 м")
    assert numbers_differ("стеллаж 2 м, в комнату 12 кв.м", "стеллаж 3 м, в комнату 12 кв.м")


def test_the_question_worded_otherwise_or_its_clauses_moved_is_the_same_question():
    # The frame of the question changes, the thing asked about does not.
    assert (
        likeness(
            "Сколько будет стоить угловой шкаф 2,3 м в прихожую?",
            "Какая цена на уговой шкаф 2,3 м в прихожую?",
        )
        >= 90
    )
    assert (
        likeness(
            "Гардеробную 1,5 м орех сколько по времени делаете?",
            "Здравствуйте! гардеробную 1,5 м орех за сколько сделаете?",
        )
        >= 75
    )
    # A clause put first and another added.
    assert (
        likeness(
            "Рассчитайте пожалуйста стеллаж ширина 210 см, в комнату 12 кв.м",
            "В конмату 12 кв.м, в Кировском районе, Рассчитайте пожалуйста стеллаж ширина 210 см",
        )
        >= 75
    )
    # Asked about something else: not alike, however the question is framed.
    assert (
        likeness(
            "Хочу заказать угловой шкаф 210 на 40, в прихожую",
            "Хочу заказать стеллаж белый глянец в детскую",
        )
        < 75
    )


_WORDS = st.sampled_from(
    ("шкаф", "купе", "кухня", "стол", "комод", "белый", "дуб", "сонома", "прихожая", "спальня",
     "ручки", "замер", "фасад", "доставка", "массив", "зеркало", "ящики", "глянец")
)  # fmt: skip


@given(st.lists(_WORDS, min_size=4, max_size=10, unique=True), st.integers(0, 3))
def test_a_copy_with_one_word_dropped_shares_a_band_key(words, drop):
    text = " ".join(words)
    copy = " ".join(w for i, w in enumerate(words) if i != drop)
    # Five sketch words: dropping one still leaves two of them in common.
    assert set(band_keys(text)) & set(band_keys(copy))


def test_rarity_tiers():
    assert rarity(1) == rarity(4) == "personal"
    assert rarity(5) == "common"
    assert rarity(TEMPLATE_COUNT) == "template"


# ----------------------------------------------------------------- bursts in the index


def test_phone_only_and_first_name_only_with_the_same_question_are_a_pair(workspace):
    """The seeds' case: WhatsApp gives a phone, Avito a first name, minutes apart,
    the same question typed again with a greeting; nothing else is in common."""
    with workspace.session() as s:
        wa = make_lead(s, channel=Channel.WHATSAPP, created_at=T0,
                       comms=[(MESSENGER, Channel.WHATSAPP, "+7 916 555 12 34")],
                       chats=[(Channel.WHATSAPP, QUESTION)])  # fmt: skip
        avito = make_lead(s, channel=Channel.AVITO, first_name="Оля",
                          created_at=T0 + timedelta(minutes=6),
                          chats=[(Channel.AVITO, REWORDED)])  # fmt: skip
        # A stranger at the same time with another question.
        make_lead(s, channel=Channel.SITE, first_name="Ольга", created_at=T0 + timedelta(minutes=3),
                  chats=[(Channel.SITE, "Нужен замерщик в субботу, кухня 3 м")])  # fmt: skip
    result = scan_workspace(workspace)
    assert [p.key for p in result.pairs] == [(wa.id, avito.id)]
    assert {"burst", "similar_message"} <= _codes(result.pairs[0]) or {
        "burst",
        "same_message",
    } <= _codes(result.pairs[0])


def test_the_same_question_an_hour_and_a_half_apart_is_no_burst(workspace):
    with workspace.session() as s:
        make_lead(s, channel=Channel.WHATSAPP, created_at=T0,
                  comms=[(MESSENGER, Channel.WHATSAPP, "+7 916 555 12 34")],
                  chats=[(Channel.WHATSAPP, QUESTION)])  # fmt: skip
        make_lead(s, channel=Channel.AVITO, first_name="Оля", created_at=T0 + timedelta(minutes=95),
                  chats=[(Channel.AVITO, QUESTION)])  # fmt: skip
    assert not scan_workspace(workspace, threshold=0.0).pairs


def _template_wave(s, text: str, count: int, start: datetime) -> list[Lead]:
    """Strangers answering an ad with its default question, minutes apart."""
    names = ["Пётр", "Анна", "Илья", "Зоя", "Глеб", "Вера", "Лев", "Ия", "Рита"]
    leads = []
    for i in range(count):
        leads.append(
            make_lead(s, channel=Channel.AVITO, first_name=names[i % len(names)],
                      created_at=start + timedelta(minutes=i), chats=[(Channel.AVITO, text)])
        )  # fmt: skip
    return leads


def test_a_template_many_leads_send_is_weak_evidence(workspace):
    template = "Здравствуйте! Интересует ваше объявление, ещё актуально?"
    with workspace.session() as s:
        # While the ad runs, many strangers send its line (within the burst
        # window around the two below).
        _template_wave(s, template, TEMPLATE_COUNT, T0 - timedelta(minutes=20))
        # Two strangers called Сергей among them, minutes apart.
        a = make_lead(s, channel=Channel.TELEGRAM, created_at=T0, first_name="Sergei",
                      comms=[(MESSENGER, Channel.TELEGRAM, "@sbeliaev")],
                      chats=[(Channel.TELEGRAM, template)])  # fmt: skip
        b = make_lead(s, channel=Channel.AVITO, created_at=T0 + timedelta(minutes=7),
                      first_name="Сергей", chats=[(Channel.AVITO, template)])  # fmt: skip
    (pair,) = [p for p in scan_workspace(workspace, threshold=0.0).pairs if p.key == (a.id, b.id)]
    assert "template_message" in _codes(pair)
    assert any("many leads send" in str(r.text) for r in pair.reasons)
    # The template weighs less than the same two leads' own question would.
    index = MatchIndex.build(workspace)
    x, y = index.leads[a.id], index.leads[b.id]
    x.message = y.message = QUESTION
    x.tier = y.tier = "personal"
    own = score_pair(x, y, index.settings, index.model)
    assert pair.score < own[0]
    message_bits = {r.code: r.weight for r in (*pair.reasons, *own[1]) if "message" in r.code}
    assert message_bits["template_message"] < message_bits["same_message"]
    # With nothing but the template and the burst, no likely pair: a second
    # stranger with no name, on WhatsApp, minutes after.
    with workspace.session() as s:
        c = make_lead(s, channel=Channel.WHATSAPP, created_at=T0 + timedelta(minutes=3),
                      comms=[(MESSENGER, Channel.WHATSAPP, "+7 916 555 12 34")],
                      chats=[(Channel.WHATSAPP, template)])  # fmt: skip
    likely = {key for p in scan_workspace(workspace).pairs for key in [p.key]}
    assert not {(a.id, c.id), (b.id, c.id)} & likely


def test_a_texts_tier_is_told_within_the_burst_window(workspace):
    """A text others sent an hour before (outside the burst window) leaves a
    pair minutes apart rare; two more within the window make it few, a wave in
    it a template."""
    template = "Здравствуйте! Интересует ваше объявление, ещё актуально?"
    with workspace.session() as s:
        _template_wave(s, template, TEMPLATE_COUNT, T0 - timedelta(minutes=70))
        a = make_lead(s, channel=Channel.TELEGRAM, created_at=T0, first_name="Sergei",
                      chats=[(Channel.TELEGRAM, template)])  # fmt: skip
        b = make_lead(s, channel=Channel.AVITO, created_at=T0 + timedelta(minutes=5),
                      first_name="Сергей", chats=[(Channel.AVITO, template)])  # fmt: skip
    assert {MatchIndex.build(workspace).leads[i].tier for i in (a.id, b.id)} == {"rare"}
    with workspace.session() as s:
        _template_wave(s, template, 2, T0 + timedelta(minutes=20))
    assert {MatchIndex.build(workspace).leads[i].tier for i in (a.id, b.id)} == {"few"}
    with workspace.session() as s:
        _template_wave(s, template, TEMPLATE_COUNT, T0 + timedelta(minutes=10))
    assert {MatchIndex.build(workspace).leads[i].tier for i in (a.id, b.id)} == {"template"}


def test_a_text_many_send_on_other_days_is_common_not_a_template_today(workspace):
    """A text many leads sent on other days, but no one else in these hours, is
    rare here: its copies minutes apart pair (the nameless WhatsApp lead too),
    as the seeds' customer does.  A template is what many send in the same hours."""
    template = "Здравствуйте! Интересует ваше объявление, ещё актуально?"
    with workspace.session() as s:
        _template_wave(s, template, TEMPLATE_COUNT, T0 - timedelta(days=7))
        a = make_lead(s, channel=Channel.TELEGRAM, created_at=T0, first_name="Sergei",
                      comms=[(MESSENGER, Channel.TELEGRAM, "@sbeliaev")],
                      chats=[(Channel.TELEGRAM, template)])  # fmt: skip
        b = make_lead(s, channel=Channel.AVITO, created_at=T0 + timedelta(minutes=7),
                      first_name="Сергей", chats=[(Channel.AVITO, template)])  # fmt: skip
        c = make_lead(s, channel=Channel.WHATSAPP, created_at=T0 + timedelta(minutes=12),
                      comms=[(MESSENGER, Channel.WHATSAPP, "+7 916 555 12 34")],
                      chats=[(Channel.WHATSAPP, template)])  # fmt: skip
    pairs = {p.key: p for p in scan_workspace(workspace).pairs}
    assert "rare_message" in _codes(pairs[(a.id, b.id)])
    assert "common_message" not in _codes(pairs[(a.id, b.id)])
    (group,) = scan_workspace(workspace).groups
    assert group.lead_ids == (a.id, b.id, c.id)


def test_the_same_personal_question_with_a_first_name_is_likely(workspace):
    with workspace.session() as s:
        a = make_lead(s, channel=Channel.TELEGRAM, created_at=T0, first_name="Sergei",
                      comms=[(MESSENGER, Channel.TELEGRAM, "@ironbear97")],
                      chats=[(Channel.TELEGRAM, QUESTION)])  # fmt: skip
        b = make_lead(s, channel=Channel.AVITO, created_at=T0 + timedelta(minutes=7),
                      first_name="Серёжа", chats=[(Channel.AVITO, QUESTION.lower())])  # fmt: skip
    (pair,) = scan_workspace(workspace).pairs
    assert pair.key == (a.id, b.id)
    assert {"same_message", "first_name", "burst"} <= _codes(pair)


def test_refresh_follows_a_text_that_becomes_a_template(workspace):
    """How many leads share a text moves the weight of every pair sharing it:
    a refresh that makes the text a template rescores the old pairs too."""
    text = "Хочу заказать кухню по акции, перезвоните"
    with workspace.session() as s:
        make_lead(s, channel=Channel.WHATSAPP, created_at=T0,
                  comms=[(MESSENGER, Channel.WHATSAPP, "+7 916 555 12 34")],
                  chats=[(Channel.WHATSAPP, text)])  # fmt: skip
        make_lead(s, channel=Channel.AVITO, first_name="Оля", created_at=T0 + timedelta(minutes=4),
                  chats=[(Channel.AVITO, text)])  # fmt: skip
    index = MatchIndex.build(workspace)
    assert len(index.result().pairs) == 1
    with workspace.session() as s:
        _template_wave(s, text, TEMPLATE_COUNT, T0 + timedelta(minutes=30))
    refreshed = index.refresh(workspace)
    fresh = scan_workspace(workspace)
    assert [(p.key, p.score) for p in refreshed.pairs] == [(p.key, p.score) for p in fresh.pairs]
    assert not refreshed.pairs
    # And back: the wave archived, the pair returns.
    with workspace.session() as s:
        for lead in s.scalars(select(Lead).where(Lead.created_at >= T0 + timedelta(minutes=30))):
            lead.archived = True
            lead.updated_at = T0 + timedelta(days=5)
    assert len(index.refresh(workspace).pairs) == 1


# ----------------------------------------------------------------- households


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("Андрей", "Соколов"),
        ("Атнон", "Соколов"),  # a typo'd first name: the surname's form tells
        ("Андей", ""),  # a typo'd first name alone: the name it is one letter from tells
    ],
)
def test_a_shared_phone_with_a_man_and_a_woman_is_a_household(workspace, first, last):
    with workspace.session() as s:
        make_lead(s, first_name=first, last_name=last, created_at=T0,
                  comms=[(PHONE, Channel.SITE, "+7 916 555 12 34")])  # fmt: skip
        make_lead(s, first_name="Ольга", last_name="Соколова", created_at=T0 + timedelta(days=9),
                  comms=[(PHONE, Channel.SITE, "8 916 555-12-34")])  # fmt: skip
    assert not scan_workspace(workspace).pairs
    (pair,) = scan_workspace(workspace, threshold=0.0).pairs
    assert "same_phone" in _codes(pair)
    assert _codes(pair) & {"different_first_names", "different_genders"}


def test_two_known_names_one_letter_apart_are_two_names(workspace):
    """Лёша (a Telegram handle) and Lena share no name, however close their
    coarse keys (lesa / lena): two names, not one typo'd."""
    template = "Интересует акция на кухни"
    with workspace.session() as s:
        make_lead(s, channel=Channel.TELEGRAM, created_at=T0,
                  comms=[(MESSENGER, Channel.TELEGRAM, "@lyosha_fedotov")],
                  chats=[(Channel.TELEGRAM, template)])  # fmt: skip
        make_lead(s, channel=Channel.WHATSAPP, first_name="Lena",
                  created_at=T0 + timedelta(minutes=9),
                  comms=[(MESSENGER, Channel.WHATSAPP, "+7 916 555 12 34")],
                  chats=[(Channel.WHATSAPP, template)])  # fmt: skip
    (pair,) = scan_workspace(workspace, threshold=0.0).pairs
    assert not {"first_name", "first_name_common", "nickname_name"} & _codes(pair)


# ----------------------------------------------------------------- tiers


def test_two_tiers_likely_by_default_possible_on_request(workspace):
    """A first name and the burst alone (different questions) is a possible pair:
    not in the default queue, in the possible tier, marked so."""
    with workspace.session() as s:
        a = make_lead(s, channel=Channel.AVITO, first_name="Глеб", created_at=T0,
                      chats=[(Channel.AVITO, QUESTION)])  # fmt: skip
        b = make_lead(s, channel=Channel.SITE, first_name="Глеб", last_name="Львович",
                      created_at=T0 + timedelta(minutes=6),
                      chats=[(Channel.SITE, "Нужен замерщик в субботу на Садовой")])  # fmt: skip
        c = make_lead(s, channel=Channel.WHATSAPP, created_at=T0 + timedelta(minutes=2),
                      comms=[(MESSENGER, Channel.WHATSAPP, "+7 916 555 12 34")],
                      chats=[(Channel.WHATSAPP, REWORDED)])  # fmt: skip
    # The tiers' thresholds around this pair's probability (first name and
    # burst, but another question: the model makes it unlikely).
    index = MatchIndex.build(workspace)
    score = next(p.score for p in scan_workspace(workspace, threshold=0.0).pairs
                 if p.key == (a.id, b.id))  # fmt: skip
    assert score < index.settings.review_threshold
    settings = MatchSettings(review_threshold=0.6, possible_threshold=score / 2)
    index = MatchIndex.build(workspace, settings)
    likely = index.result()
    assert likely.tier == LIKELY
    assert [g.lead_ids for g in likely.groups] == [(a.id, c.id)]
    assert [g.tier for g in likely.groups] == [LIKELY]
    possible = index.result(tier=POSSIBLE)
    assert possible.tier == POSSIBLE
    assert {p.key for p in possible.pairs} >= {(a.id, b.id), (a.id, c.id)}
    (group,) = possible.groups  # the possible pair joins the likely group
    assert group.lead_ids == (a.id, b.id, c.id) and group.tier == LIKELY
    assert scan_workspace(workspace, settings, tier=POSSIBLE).pairs == possible.pairs
    # A group of possible pairs only is marked possible.
    with workspace.session() as s:
        make_lead(s, channel=Channel.AVITO, first_name="Зоя", created_at=T0 + timedelta(days=3),
                  chats=[(Channel.AVITO, "Нужна кухня")])  # fmt: skip
        make_lead(s, channel=Channel.SITE, first_name="Зоя",
                  created_at=T0 + timedelta(days=3, minutes=5),
                  chats=[(Channel.SITE, "Нужен стол")])  # fmt: skip
    refreshed = index.refresh(workspace, tier=POSSIBLE)
    assert sorted(g.tier for g in refreshed.groups) == [LIKELY, POSSIBLE]
    assert [g.tier for g in index.result().groups] == [LIKELY]


# ----------------------------------------------------------------- names


@pytest.mark.parametrize("first", ["Ангелина", "Эвелина"])  # known, and a name no table has
def test_a_name_in_the_other_order_is_the_same_name_not_a_conflict(workspace, first):
    with workspace.session() as s:
        a = make_lead(
            s,
            channel=Channel.WHATSAPP,
            first_name=first,
            last_name="Куликова",
            created_at=T0,
            comms=[(MESSENGER, Channel.WHATSAPP, "+7 916 555 12 34")],
        )
        # The importer read the other order with the roles swapped.
        b = make_lead(s, first_name="Куликова", last_name=first,
                      created_at=T0 + timedelta(days=20),
                      comms=[(PHONE, Channel.SITE, "8 916 555-12-34")])  # fmt: skip
    (pair,) = scan_workspace(workspace).pairs
    assert pair.key == (a.id, b.id)
    assert not any(r.weight < 0 for r in pair.reasons)


# ----------------------------------------------------------------- a handle that names someone else


@pytest.mark.parametrize(
    ("handle", "first", "last", "differs"),
    [
        ("lena_mishina", "Павел", "Игнатьев", True),  # another first name, surname, gender
        ("ilyusha52", "Анна", "Федотова", True),  # Илюша is a man
        ("smirnow50", "Екатерина", "Лазарева", True),  # another surname, and a man's form
        ("volkova05", "Марина", "Яковлева", True),  # another surname
        ("evgenijasmirnova", "Наталья", "", True),  # another first name
        ("etrofimova", "Елена", "Трофимова", False),  # an initial glued to the surname
        ("etrofimova", "Екатерина", "", False),  # nothing against it
        ("dpavlov0", "Дима", "", False),  # Д. Павлов
        ("volkova05", "Марина", "", False),  # a woman's surname, a woman's name
        ("bondarenko14", "Ксения", "", False),  # the form tells no gender
    ],
)
def test_a_handle_that_reads_as_another_name_is_evidence_against(handle, first, last, differs):
    nick = parse_nickname(handle)
    name = parse_name(first, last)
    assert _nick_differs(nick, name, _gender(name)) is differs


def test_surname_gender_by_its_form():
    assert [surname_gender(w) for w in ("титова", "titova", "smirnow", "черных", "bondarenko")] == [
        "f", "f", "m", "", ""
    ]  # fmt: skip
    assert nickname_surname_gender("volkova05", parse_nickname("volkova05").surnames) == "f"
    assert nickname_surname_gender("lkomarov", parse_nickname("lkomarov").surnames) == "m"
    assert nickname_surname_gender("baranoval", parse_nickname("baranoval").surnames) == "f"
    assert nickname_surname_gender("sunny_cat", ()) == ""


def test_a_handle_naming_someone_else_in_a_burst_says_so(workspace):
    """A Telegram ``lena_mishina`` and Павел Игнатьев on WhatsApp, minutes apart
    with the same text: not "names with nothing in common" but a conflict, in words."""
    template = "Интересует ваше объявление"
    with workspace.session() as s:
        make_lead(s, channel=Channel.TELEGRAM, created_at=T0,
                  comms=[(MESSENGER, Channel.TELEGRAM, "@lena_mishina")],
                  chats=[(Channel.TELEGRAM, template)])  # fmt: skip
        make_lead(s, channel=Channel.WHATSAPP, first_name="Павел", last_name="Игнатьев",
                  created_at=T0 + timedelta(minutes=8),
                  comms=[(MESSENGER, Channel.WHATSAPP, "+7 916 555 12 34")],
                  chats=[(Channel.WHATSAPP, template)])  # fmt: skip
    (pair,) = scan_workspace(workspace, threshold=0.0).pairs
    (reason,) = [r for r in pair.reasons if r.code == "nickname_different"]
    assert reason.weight < 0
    assert reason.text.render() == "Telegram lena_mishina reads as another name than Игнатьев Павел"


# ----------------------------------------------------------------- a handle's initial and surname


@pytest.mark.parametrize(
    ("handle", "name", "fits"),
    [
        ("dpavlov0", "Дима", True),  # Д. Павлов
        ("smirnovae2", "Лена", True),  # Смирнова Е.
        ("ylebedev", "Егро", True),  # Y. Лебедев, Егор with a typo
        ("eivanova", "Екатерина", True),
        ("dpavlova", "Дима", False),  # a woman's surname
        ("baranoval", "Леонид", False),  # Баранова Л.
        ("dpavlov", "Дима П.", True),  # the other's initial is the surname's
        ("dpavlov", "Дима К.", False),
        ("dpavlov", "Ольга", False),  # another initial
        ("ivan_petrov", "Иван", False),  # a first name of its own: another level
        ("dpavlov", "Дмитрий Павлов", False),  # a surname on both: surname_initial
    ],
)
def test_a_handles_initial_and_surname_form_fit_a_first_name(handle, name, fits):
    assert _nick_initial_fits(parse_nickname(handle), parse_free_name(name)) is fits


def test_a_letter_glued_to_a_surname_is_an_initial_only_without_a_first_name():
    # smirnova: the s is the surname's own when the other side has Смирнова.
    smirnova = parse_free_name("Светлана Смирнова")
    assert _name_evidence(parse_nickname("smirnova"), smirnova) == "surname_only"
    assert _name_evidence(parse_nickname("irina_smirnova9"), smirnova) is None
    assert _name_evidence(parse_nickname("vsmirnova"), parse_free_name("Вера Смирнова")) == (
        "surname_initial"
    )
    assert (
        _name_evidence(parse_nickname("dpavlov"), parse_free_name("Дмитрий Павлов"))
        == "surname_initial"
    )


def test_a_handles_initial_that_fits_the_first_name_is_a_reason(workspace):
    """Telegram ``dpavlov0`` and "Дима" on Avito minutes apart with the same
    template: the initial and the surname's form fit the first name, in words."""
    template = "Интересует ваше объявление"
    with workspace.session() as s:
        make_lead(s, channel=Channel.TELEGRAM, created_at=T0,
                  comms=[(MESSENGER, Channel.TELEGRAM, "@dpavlov0")],
                  chats=[(Channel.TELEGRAM, template)])  # fmt: skip
        make_lead(s, channel=Channel.AVITO, first_name="Дима",
                  created_at=T0 + timedelta(minutes=6),
                  chats=[(Channel.AVITO, template)])  # fmt: skip
        make_lead(s, channel=Channel.AVITO, first_name="Ольга",
                  created_at=T0 + timedelta(minutes=7),
                  chats=[(Channel.AVITO, template)])  # fmt: skip
    pairs = scan_workspace(workspace, threshold=0.0).pairs
    fitting = [p for p in pairs if "nickname_initial" in _codes(p)]
    assert len(fitting) == 1
    (reason,) = [r for r in fitting[0].reasons if r.code == "nickname_initial"]
    assert reason.weight > 0
    assert reason.text.render() == "Telegram dpavlov0: the initial fits Дима"


def test_a_leads_own_name_speaks_before_its_handles_initial(workspace):
    """The e-mail eiwanowa of "Евгения Иванова" fits Елизавета by its initial,
    but the lead says its name is Евгения: no initial's evidence for the pair."""
    template = "Перезвоните мне, пожалуйста"
    with workspace.session() as s:
        make_lead(s, channel=Channel.SITE, first_name="Евгения", last_name="Иванова",
                  created_at=T0, comms=[(CommKind.EMAIL, Channel.EMAIL, "eiwanowa@mail.ru")],
                  chats=[(Channel.SITE, template)])  # fmt: skip
        make_lead(s, channel=Channel.TELEGRAM, created_at=T0 + timedelta(minutes=5),
                  comms=[(MESSENGER, Channel.TELEGRAM, "@elizaveta_2000")],
                  chats=[(Channel.TELEGRAM, template)])  # fmt: skip
    pairs = scan_workspace(workspace, threshold=0.0).pairs
    assert not any("nickname_initial" in _codes(p) for p in pairs)
