"""Detection: candidate pairs, reasons, groups, dismissals, incremental refresh, lookup."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, update

from deskdup.models import Channel, CommKind, Dismissal, Lead
from deskdup.services.errors import Cancelled
from deskdup.services.matching import (
    MatchIndex,
    MatchSettings,
    combine,
    lookup,
    scan_workspace,
    score_pair,
)
from tests.factories import make_lead, make_operator

T0 = datetime(2026, 3, 2, 10, 0)
PHONE, EMAIL, MESSENGER = CommKind.PHONE, CommKind.EMAIL, CommKind.MESSENGER


def _texts(pair) -> list[str]:
    return [str(r.text) for r in pair.reasons]


@pytest.fixture
def impatient(workspace):
    """The issue's customer: Telegram nickname, Avito first name, site form; plus strangers."""
    with workspace.session() as s:
        tg = make_lead(
            s,
            channel=Channel.TELEGRAM,
            created_at=T0,
            comms=[(MESSENGER, Channel.TELEGRAM, "@vanya_petrov93")],
            chats=[(Channel.TELEGRAM, "Сколько стоит доставка в Химки?")],
        )
        avito = make_lead(
            s,
            channel=Channel.AVITO,
            first_name="Ваня",
            created_at=T0 + timedelta(minutes=4),
            chats=[(Channel.AVITO, "Сколько стоит доставка в Химки")],
        )
        site = make_lead(
            s,
            channel=Channel.SITE,
            last_name="Петров Иван Сергеевич",
            created_at=T0 + timedelta(minutes=9),
            comms=[(PHONE, Channel.SITE, "8 (916) 123-45-67")],
        )
        # Strangers: another Ivan a month later, and an unrelated lead at the same time.
        make_lead(s, channel=Channel.SITE, first_name="Иван", last_name="Сидоров",
                  created_at=T0 + timedelta(days=30),
                  comms=[(PHONE, Channel.SITE, "+7 903 555 00 11")])  # fmt: skip
        make_lead(s, channel=Channel.WHATSAPP, first_name="Ольга",
                  created_at=T0 + timedelta(minutes=2),
                  comms=[(MESSENGER, Channel.WHATSAPP, "+7 926 111 22 33")])  # fmt: skip
        ids = (tg.id, avito.id, site.id)
    return workspace, ids


def test_issue_example_forms_one_group_with_readable_reasons(impatient):
    ws, (tg, avito, site) = impatient
    result = scan_workspace(ws)
    assert [g.lead_ids for g in result.groups] == [tuple(sorted((tg, avito, site)))]
    pairs = {p.key: p for p in result.pairs}
    tg_site = _texts(pairs[(tg, site)])
    assert "Telegram vanya_petrov93 ~ Петров Иван Сергеевич (translit, diminutive)" in tg_site
    assert any(
        t.startswith("Both wrote 4 min apart: 'Сколько стоит") for t in _texts(pairs[(tg, avito)])
    )
    assert set(result.summaries) == {tg, avito, site}
    assert result.summaries[avito].channel is Channel.AVITO
    assert result.lead_count == 5
    assert result.pairs == sorted(result.pairs, key=lambda p: -p.score)


def test_shared_phone_pairs_in_any_form(workspace):
    with workspace.session() as s:
        a = make_lead(s, first_name="Анна", comms=[(PHONE, Channel.SITE, "8 916 123-45-67")])
        b = make_lead(s, created_at=T0 + timedelta(days=40),
                      comms=[(MESSENGER, Channel.WHATSAPP, "9161234567")])  # fmt: skip
    result = scan_workspace(workspace)
    assert [p.key for p in result.pairs] == [(a.id, b.id)]
    assert "Same phone +79161234567" in _texts(result.pairs[0])


def test_contradictions_lower_the_score(workspace):
    with workspace.session() as s:
        make_lead(s, first_name="Иван", last_name="Петров", created_at=T0,
                  comms=[(PHONE, Channel.SITE, "+79161234567")])  # fmt: skip
        make_lead(s, first_name="Иван", last_name="Петров", created_at=T0 + timedelta(minutes=5),
                  comms=[(PHONE, Channel.SITE, "+79031234567")])  # fmt: skip
    result = scan_workspace(workspace, threshold=0.0)
    (pair,) = result.pairs
    assert any(r.weight < 0 and str(r.text).startswith("Different phones") for r in pair.reasons)
    # The same two leads without the second phone score higher.
    index = MatchIndex.build(workspace)
    a, b = (index.leads[i] for i in pair.key)
    b.phones = ()
    assert pair.score < score_pair(a, b, index.settings, index.model)[0]


def test_dismissed_pairs_are_excluded(impatient):
    ws, (tg, avito, site) = impatient
    with ws.session() as s:
        operator = make_operator(s, "olga")
        s.add(Dismissal(lead_a_id=tg, lead_b_id=site, operator_id=operator.id, created_at=T0))
    result = scan_workspace(ws)
    assert (tg, site) not in {p.key for p in result.pairs}
    assert {(tg, avito)} <= {p.key for p in result.pairs}


def test_archived_and_merged_leads_are_ignored(impatient):
    ws, (_tg, avito, _site) = impatient
    with ws.session() as s:
        s.execute(update(Lead).where(Lead.id == avito).values(archived=True))
    result = scan_workspace(ws)
    assert avito not in {i for p in result.pairs for i in p.key}
    assert result.lead_count == 4


def test_threshold_setting_and_weights(impatient):
    ws, _ids = impatient
    everything = scan_workspace(ws, threshold=0.0)
    lowest = min(p.score for p in everything.pairs)
    strict = scan_workspace(ws, threshold=lowest + 1e-4)
    assert len(everything.pairs) >= len(scan_workspace(ws).pairs) >= len(strict.pairs)
    assert len(strict.pairs) < len(everything.pairs)
    assert {p.key for p in strict.pairs} < {p.key for p in everything.pairs}
    # Evidence whose weight is set to 0 says nothing: without the names and the
    # inquiry, the burst alone (minutes apart, nothing else) makes no likely pair.
    no_names = MatchSettings(
        weights={"nickname_name": 0.0, "first_name": 0.0, "same_message": 0.0, "full_name": 0.0}
    )
    assert not scan_workspace(ws, no_names).pairs


def test_progress_and_cancel(impatient):
    ws, _ids = impatient
    seen = []
    scan_workspace(ws, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    with pytest.raises(Cancelled):
        scan_workspace(ws, cancelled=lambda: True)


def test_combine():
    assert combine([]) == 0.0
    assert combine([0.5, 0.5]) == 0.75
    assert combine([0.95, -0.5]) == 0.475


# ----------------------------------------------------------------- incremental

_FIRST = ["Иван", "Ваня", "Анна", "Саша", "Ольга", "Дмитрий", "Дима"]
_LAST = ["Петров", "Петрова", "Смирнов", "Кузнецова", ""]
_CHANNELS = [Channel.SITE, Channel.TELEGRAM, Channel.AVITO, Channel.WHATSAPP]


def _random_lead(s, rng: random.Random):
    comms = []
    if rng.random() < 0.5:
        comms.append((PHONE, Channel.SITE, f"+7916{rng.randrange(20):07d}"))
    if rng.random() < 0.3:
        comms.append(
            (MESSENGER, Channel.TELEGRAM, rng.choice(["vanya_petrov", "anna.s", "dimon77"]))
        )
    if rng.random() < 0.2:
        comms.append((EMAIL, Channel.EMAIL, rng.choice(["ivan.petrov@mail.ru", "olga@ya.ru"])))
    return make_lead(
        s,
        channel=rng.choice(_CHANNELS),
        first_name=rng.choice(_FIRST),
        last_name=rng.choice(_LAST),
        created_at=T0 + timedelta(minutes=rng.randrange(0, 240)),
        comms=comms,
        chats=[(Channel.TELEGRAM, rng.choice(["Сколько стоит?", "Здравствуйте, есть доставка?"]))],
    )


def _snapshot(result):
    return (
        [(p.a, p.b, p.score, tuple(str(r.text) for r in p.reasons)) for p in result.pairs],
        [g.lead_ids for g in result.groups],
    )


@pytest.mark.parametrize("seed", [1, 2])
def test_incremental_refresh_equals_full_rescan(workspace, seed):
    rng = random.Random(seed)
    with workspace.session() as s:
        for _ in range(60):
            _random_lead(s, rng)
    index = MatchIndex.build(workspace)
    assert _snapshot(index.result()) == _snapshot(scan_workspace(workspace))
    later = T0 + timedelta(days=1)
    with workspace.session() as s:
        ids = list(s.scalars(select(Lead.id)))
        for lead_id in rng.sample(ids, 8):  # edits
            lead = s.get(Lead, lead_id)
            lead.first_name = rng.choice(_FIRST)
            lead.last_name = rng.choice(_LAST)
            lead.updated_at = later
        for lead_id in rng.sample(ids, 3):  # merged away
            s.get(Lead, lead_id).archived = True
            s.get(Lead, lead_id).updated_at = later
        for _ in range(10):  # new leads
            _random_lead(s, rng)
        operator = make_operator(s, "ivan")
        s.add(Dismissal(lead_a_id=min(ids[:2]), lead_b_id=max(ids[:2]), operator_id=operator.id,
                        created_at=later))  # fmt: skip
    refreshed = index.refresh(workspace)
    assert _snapshot(refreshed) == _snapshot(scan_workspace(workspace))
    assert refreshed.lead_count == 60 - 3 + 10


# ----------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    "text", ["+79161234567", "8 (916) 123-45-67", "9161234567", "7-916-123-45-67"]
)
def test_lookup_phone_in_any_format(impatient, text):
    ws, (_tg, _avito, site) = impatient
    hits = lookup(ws, text)
    assert [h.lead_id for h in hits] == [site]
    assert str(hits[0].reasons[0].text) == "Same phone +79161234567"


def test_lookup_handle_email_and_name(impatient):
    ws, (tg, avito, site) = impatient
    with ws.session() as s:
        mail = make_lead(s, comms=[(EMAIL, Channel.EMAIL, "Olga.Smirnova@Mail.ru")])
    index = MatchIndex.build(ws)
    assert index.lookup("@Vanya_Petrov93")[0].lead_id == tg
    assert index.lookup("https://t.me/vanya_petrov93")[0].lead_id == tg
    assert lookup(ws, "olga.smirnova@mail.ru")[0].lead_id == mail.id
    by_name = [h.lead_id for h in index.lookup("Иван Петров")]
    assert by_name[0] == site and tg in by_name
    assert index.lookup("ivan petrov")[0].lead_id == site
    assert avito in [h.lead_id for h in index.lookup("Ваня")]
    assert index.lookup("   ") == []


def test_lookup_of_a_surname_alone(impatient):
    """The search box: "Петрова" or "Петров" finds the Petrovs; a lone first name
    stays a first name."""
    ws, (_tg, avito, site) = impatient
    index = MatchIndex.build(ws)
    for typed in ("Петров", "петрова"):
        hits = [h.lead_id for h in index.lookup(typed)]
        assert site in hits and avito not in hits, typed
    assert "Same surname" in str(index.lookup("Петров")[0].reasons[0].text)
    assert site not in [h.lead_id for h in index.lookup("Сидоров")]
    assert avito in [h.lead_id for h in index.lookup("Иван")]


def test_lookup_of_one_latin_word_is_a_name_or_a_handle_typed_without_at(impatient):
    ws, (_tg, _avito, site) = impatient
    with ws.session() as s:
        comms = [(MESSENGER, Channel.TELEGRAM, "@SunnyCat")]
        cat = make_lead(s, channel=Channel.TELEGRAM, comms=comms)
    index = MatchIndex.build(ws)
    top = index.lookup("Petrov")[0]
    assert top.lead_id == site
    assert str(top.reasons[0].text).startswith("Same surname: Petrov ~ ")  # not "Telegram petrov"
    hit = index.lookup("sunnycat")[0]
    assert hit.lead_id == cat.id and "sunnycat" in str(hit.reasons[0].text)


def test_refresh_sees_an_undo_that_puts_the_old_updated_at_back(impatient):
    ws, (_tg, avito, _site) = impatient
    index = MatchIndex.build(ws)
    before = _snapshot(index.result())
    with ws.session() as s:
        lead = s.get(Lead, avito)
        old_updated = lead.updated_at
        lead.archived = True  # merged away ...
    index.refresh(ws)
    assert avito not in index.leads
    with ws.session() as s:
        lead = s.get(Lead, avito)
        lead.archived = False  # ... and the merge undone: the old timestamp comes back
        lead.updated_at = old_updated
    assert _snapshot(index.refresh(ws)) == before == _snapshot(scan_workspace(ws))


def test_a_placeholder_shared_by_many_leads_is_no_evidence(workspace):
    with workspace.session() as s:
        for n in range(30):
            make_lead(s, created_at=T0 + timedelta(days=n),
                      comms=[(EMAIL, Channel.SITE, "no@mail.ru")])  # fmt: skip
    assert scan_workspace(workspace).pairs == []


# ----------------------------------------------------------------- shortcuts change nothing


@pytest.mark.parametrize(
    "settings",
    [
        MatchSettings(),
        MatchSettings(review_threshold=0.45, far_name_factor=0.6),
        MatchSettings(review_threshold=0.7, burst_minutes=60),
        MatchSettings(weights={"first_name": 0.45, "same_message": 0.5, "different_phones": 0.1}),
        MatchSettings(
            review_threshold=0.2, weights={"same_message": -0.2, "burst": -0.1, "first_name": -0.3}
        ),
    ],
)
def test_skipping_hopeless_pairs_changes_no_pair(workspace, settings):
    """The build skips pairs whose best possible score by the hand-set weights
    stays under the candidate floor (a bound: the skipped pairs are counted
    with those that are no candidate).  Scoring every candidate pair that
    reaches the floor with the index's model gives the same pairs and scores."""
    from deskdup.services.demo import generate_demo
    from deskdup.services.matching.evidence import hand_score

    generate_demo(workspace, leads=1500, seed=5)
    index = MatchIndex.build(workspace, settings)
    assert index.model.learned  # 1,500 leads are enough to learn from
    expected = {}
    for rec in index.leads.values():
        for other_id in index._candidates(rec):
            a, b = sorted((rec.id, other_id))
            x, y = index.leads[a], index.leads[b]
            if hand_score(x, y, settings)[0] < index._floor:
                continue
            score, _reasons = score_pair(x, y, settings, index.model)
            if score >= index.threshold:  # the index keeps the possible tier too
                expected[(a, b)] = score
    assert expected
    kept = {key: pair.score for key, pair in index.pairs.items()}
    assert {key: kept.get(key) for key in expected} == expected
    for key, score in kept.items():
        assert score_pair(*(index.leads[i] for i in key), settings, index.model)[0] == score


_NAME_WORDS = ["Иван", "Ваня", "Петров", "Петрова", "Сергеевич", "Маск", "Ivan", "Petrov", "И.", ""]
_NICKS = [
    "vanya_petrov93",
    "ipetrov",
    "sunny_cat",
    "petrovivan",
    "i.petrov@mail.ru",
    "anna.s",
    "avlasova@ya.ru",
    "lanisimov",
]


@given(
    st.lists(st.sampled_from(_NAME_WORDS), max_size=3),
    st.lists(st.sampled_from(_NICKS), max_size=3, unique=True),
)
def test_key_hashes_are_the_keys_of_every_name_a_lead_carries(words, nicks):
    """The build's hashed keys (worked out once per name) are the documented keys."""
    from deskdup.services.matching.hashing import value_hash
    from deskdup.services.matching.keys import (
        _lookup_keys,
        _name_hashes,
        _strong_hashes,
        _strong_keys,
        _weak_keys,
    )
    from deskdup.services.matching.record import _Lead
    from deskdup.services.names import parse_name

    rec = _Lead(1, "1", Channel.SITE, None, T0, "new", parse_name(" ".join(words)))
    for nick in nicks:
        if "@" in nick:
            rec.add_comm(EMAIL, Channel.EMAIL, nick, "", "RU")
        else:
            rec.add_comm(MESSENGER, Channel.TELEGRAM, nick, "", "RU")
    narrow, wide, lookup_hashes = _name_hashes(rec)
    for hashes in (narrow, wide, lookup_hashes, _strong_hashes(rec)):
        assert len(hashes) == len(set(hashes))  # a lead is added to a block once
    assert (set(narrow), set(wide)) == _weak_keys(rec)
    assert set(lookup_hashes) == {key for _kind, key in _lookup_keys(rec)}
    assert set(_strong_hashes(rec)) == {value_hash(*k) for k in _strong_keys(rec)}


def test_an_initial_glued_to_a_surname_meets_the_name(workspace):
    """avlasova@… is А. Власова: blocked together although the nickname parser
    cannot split a vowel initial off (ivanova is not I. Vanova)."""
    with workspace.session() as s:
        mail = make_lead(s, channel=Channel.EMAIL, created_at=T0,
                         comms=[(EMAIL, Channel.EMAIL, "avlasova@icloud.com")],
                         chats=[(Channel.EMAIL, "Перезвоните мне, пожалуйста")])  # fmt: skip
        site = make_lead(s, channel=Channel.SITE, first_name="Александра Власова",
                         created_at=T0 + timedelta(minutes=20),
                         chats=[(Channel.SITE, "Перезвоните мне, пожалуйста")])  # fmt: skip
        ids = (mail.id, site.id)
    result = scan_workspace(workspace)
    assert [(p.a, p.b) for p in result.pairs] == [ids]


def test_a_shared_email_is_not_undone_by_lazy_transliteration(workspace):
    """Sedyx is Седых (x for х): no 'different surnames' against a shared address."""
    with workspace.session() as s:
        a = make_lead(s, channel=Channel.EMAIL, first_name="Maksim", last_name="Sedyx",
                      created_at=T0,
                      comms=[(EMAIL, Channel.EMAIL, "maksim.sedyx@bk.ru")])  # fmt: skip
        b = make_lead(s, channel=Channel.SITE, first_name="Максим", last_name="Седых",
                      created_at=T0 + timedelta(days=3),
                      comms=[(EMAIL, Channel.SITE, "maksim.sedyx@bk.ru")])  # fmt: skip
        ids = (a.id, b.id)
    (pair,) = scan_workspace(workspace).pairs
    assert (pair.a, pair.b) == ids
    assert not any(r.code == "different_surnames" for r in pair.reasons)


def test_a_man_and_a_woman_of_one_family_are_not_one_name(workspace):
    """Евгений Ефимов and Евгения Ефимова minutes apart: a couple, not a typo."""
    with workspace.session() as s:
        make_lead(s, channel=Channel.VK, first_name="Евгений", last_name="Ефимов", created_at=T0)
        make_lead(s, channel=Channel.SITE, first_name="Евгения", last_name="Ефимова",
                  created_at=T0 + timedelta(minutes=6))  # fmt: skip
    assert scan_workspace(workspace).pairs == []


@pytest.mark.parametrize(
    ("a", "b", "pair"),
    [
        ("lkomarova@mail.ru", "@l_komarova", True),  # Л. Комарова twice
        ("frolov68@ya.ru", "@kiriusha_frolov81", False),  # Фролов and Кирилл Фролов
    ],
)
def test_a_glued_letter_meets_an_initial_but_not_another_glued_letter(workspace, a, b, pair):
    with workspace.session() as s:
        make_lead(s, channel=Channel.EMAIL, created_at=T0, comms=[(EMAIL, Channel.EMAIL, a)])
        make_lead(s, channel=Channel.TELEGRAM, created_at=T0 + timedelta(minutes=5),
                  comms=[(MESSENGER, Channel.TELEGRAM, b)])  # fmt: skip
    # (Both are the surname Фролов minutes apart: the model may still pair them,
    # by the surname and the burst; what must not happen is an initial read
    # into the glued digits.)
    pairs = scan_workspace(workspace, threshold=0.0).pairs
    assert any(r.code == "surname_initial" for p in pairs for r in p.reasons) is pair


@given(
    st.lists(st.tuples(st.integers(1, 30), st.integers(1, 30), st.integers(60, 99)), max_size=60)
)
def test_groups_are_connected_components_best_first(raw):
    from deskdup.services.candidates import CandidatePair
    from deskdup.services.matching.index import _groups

    by_key = {(min(a, b), max(a, b)): s / 100 for a, b, s in raw if a != b}
    pairs = [CandidatePair(a, b, s) for (a, b), s in by_key.items()]
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    groups = _groups(pairs)
    # Reference: grow each component from its smallest lead.
    components: list[set[int]] = []
    for a, b in by_key:
        joined = [c for c in components if a in c or b in c]
        merged = {a, b}.union(*joined)
        components = [c for c in components if c not in joined] + [merged]
    assert sorted(g.lead_ids for g in groups) == sorted(tuple(sorted(c)) for c in components)
    for g in groups:
        assert g.pairs == sorted(g.pairs, key=lambda p: (-p.score, p.a, p.b))
        assert {x for p in g.pairs for x in (p.a, p.b)} == set(g.lead_ids)
    ranks = [(-g.pairs[0].score, -len(g.lead_ids), g.lead_ids) for g in groups]
    assert ranks == sorted(ranks)


def test_refresh_leaves_the_blocks_a_fresh_build_would_make(workspace):
    rng = random.Random(3)
    with workspace.session() as s:
        for _ in range(50):
            _random_lead(s, rng)
    index = MatchIndex.build(workspace)
    later = T0 + timedelta(days=1)
    with workspace.session() as s:
        ids = list(s.scalars(select(Lead.id)))
        for lead_id in ids[:10]:  # a new name
            s.get(Lead, lead_id).last_name = rng.choice(_LAST)
            s.get(Lead, lead_id).updated_at = later
        for lead_id in ids[10:20]:  # only the status
            s.get(Lead, lead_id).status = "in_process"
            s.get(Lead, lead_id).updated_at = later
    index.refresh(workspace)

    def blocks(idx):
        return {key: sorted(idx.blocks.get(key)) for key in idx.blocks.data}

    assert blocks(index) == blocks(MatchIndex.build(workspace))


def test_a_typo_in_each_copy_of_a_surname_is_no_contradiction(workspace):
    """Жуоква and Жукоав are both Жукова mistyped: a shared phone stays a pair."""
    with workspace.session() as s:
        make_lead(s, channel=Channel.CALL, first_name="Юлия", last_name="Жуоква", created_at=T0,
                  comms=[(PHONE, Channel.CALL, "+79216114491")])  # fmt: skip
        make_lead(s, channel=Channel.SITE, first_name="Юлия", last_name="Жукоав",
                  created_at=T0 + timedelta(days=9),
                  comms=[(PHONE, Channel.SITE, "8 921 611-44-91")])  # fmt: skip
    (pair,) = scan_workspace(workspace).pairs
    assert not any(r.code == "different_surnames" for r in pair.reasons)
    # Clearly different surnames still contradict.
    from deskdup.services.matching.name_agreement import _surnames_differ
    from deskdup.services.names import parse_name

    assert _surnames_differ(parse_name("Юлия", "Жукова"), parse_name("Юлия", "Смирнова"))
