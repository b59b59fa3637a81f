"""What the search box shows first for a mistyped name and for a common one
(issue 14, item 5), in a real SQLite workspace, through the workspace, the
cold command's reader and the window's index alike."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from deskdup.models import Channel, CommKind
from deskdup.services.demo import generate_demo
from deskdup.services.matching import MatchIndex, MatchSettings, lookup, refresh_search, search_find
from deskdup.services.matching.evidence import _evidence
from deskdup.services.matching.probe import _lookup_evidence, hit_order, probe_record, typed_words
from deskdup.services.matching.search_find import _prior, cold_lookup
from deskdup.services.matching.search_read import SearchReader
from deskdup.services.workspace import open_workspace
from tests.factories import make_lead

T0 = datetime(2026, 3, 1, 9, 0)


def _names(ws, hits) -> list[str]:
    from deskdup.models import Lead

    with ws.session() as s:
        return [
            f"{s.get(Lead, h.lead_id).last_name} {s.get(Lead, h.lead_id).first_name}" for h in hits
        ]


def _three_ways(ws, path, text: str) -> list[int]:
    """The lead ids shown for ``text``: the workspace's, the cold command's and
    the window index's answer, which must agree."""
    mine = [h.lead_id for h in lookup(ws, text)]
    cold = cold_lookup(str(path), text, MatchSettings(), 20)
    assert cold is not None
    assert [h.lead_id for h in cold[0]] == mine
    assert [h.lead_id for h in MatchIndex.build(ws).lookup(text)] == mine
    return mine


@pytest.fixture
def grigorievs(tmp_path):
    """Григорьевы, one Вероника among them (the oldest lead); newer Вероникас
    of other surnames; and a patronymic mistyped in the data ("Григроьевна"),
    one letter from the surname mistyped by the operator."""
    path = tmp_path / "w.sqlite"
    ws = open_workspace(str(path))
    with ws.session() as s:
        veronika = make_lead(s, first_name="Вероника", last_name="Григорьева").id
        for n in range(10):
            make_lead(s, first_name=["Анна", "Ольга"][n % 2], last_name="Григорьева")
            make_lead(s, first_name="Вероника", last_name=["Смирнова", "Козлова"][n % 2])
        make_lead(s, first_name="Мария", last_name="Лебедева", middle_name="Григроьевна")
    refresh_search(ws)
    yield ws, path, veronika
    ws.dispose()


def test_a_swapped_surname_is_read_as_the_closest_common_word(grigorievs):
    """ "Григроьева" is one edit from "григорьева" (eleven leads) and from
    "григроьевна" (one): the common one is meant, though the longer word has
    the smaller share of letters changed."""
    ws, path, veronika = grigorievs
    ids = _three_ways(ws, path, "Григроьева Вероника")
    assert ids[0] == veronika
    # Only the corrected name's leads: not every Вероника of another surname,
    # which the text as typed (no such surname) fell back to.
    assert _names(ws, lookup(ws, "Григроьева Вероника")) == ["Григорьева Вероника"]


@pytest.fixture
def petrovs(tmp_path):
    """Older Петровы, newer Петровы (men) and a Petrova by her e-mail."""
    path = tmp_path / "w.sqlite"
    ws = open_workspace(str(path))
    with ws.session() as s:
        for n in range(4):
            make_lead(s, first_name="Анна", last_name="Петрова", created_at=T0 + timedelta(days=n))
        for n in range(4):
            make_lead(
                s, first_name="Иван", last_name="Петров", created_at=T0 + timedelta(days=10 + n)
            )
        make_lead(
            s,
            channel=Channel.EMAIL,
            created_at=T0 + timedelta(days=20),
            comms=[(CommKind.EMAIL, Channel.EMAIL, "petrova.anna@mail.ru")],
        )
    refresh_search(ws)
    yield ws, path
    ws.dispose()


def test_a_corrected_surname_puts_the_leads_spelled_so_first(petrovs):
    """ "Петрвоа" is read as "Петрова": the four Петровы come before the newer
    Петровы and the e-mail (the same surname key, the same score), as they
    would for "Петрова" typed right."""
    ws, path = petrovs
    typo = _three_ways(ws, path, "Петрвоа")
    right = _three_ways(ws, path, "Петрова")
    assert typo == right
    assert _names(ws, lookup(ws, "Петрвоа"))[:4] == ["Петрова Анна"] * 4
    assert len(typo) == 9
    # One Latin word is a handle too: no lead has it, so the name is looked up.
    latin = _three_ways(ws, path, "Petrova")
    assert sorted(latin) == sorted(typo)


def test_the_lookup_score_is_the_evidence_a_name_can_carry(tmp_path):
    """``_lookup_evidence`` weighs only the name for a name typed without an
    identifier: the same positive evidence as the full ``_evidence``, on the
    demo's leads against names of every shape."""
    ws = open_workspace(str(tmp_path / "demo.sqlite"))
    try:
        generate_demo(ws, leads=300, seed=7)
        index = MatchIndex.build(ws)
    finally:
        ws.dispose()
    settings = MatchSettings(far_name_factor=1.0)
    recs = sorted(index.leads.values(), key=lambda r: r.id)
    rng = random.Random(3)
    texts = ["Петрова", "Иван", "Petrova Anna", "Жукова Ирина Сергеевна", "Ира"]
    for rec in rng.sample(recs, 40):
        texts.append(" ".join(rec.name.words))
    compared = agreeing = 0
    for text in texts:
        probe = probe_record(text)
        if probe is None or probe.handles or probe.phones or probe.emails:
            continue
        for rec in recs:
            full = [
                e
                for e in _evidence(probe, rec, settings)
                if e[1] > 0 and e[0] not in ("burst", "same_message")
            ]
            assert _lookup_evidence(probe, rec, settings) == full, (text, rec.id)
            compared += 1
            agreeing += bool(full)
    assert compared > 5_000 and agreeing > 100


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("ranking") / "demo.sqlite"
    ws = open_workspace(str(path))
    generate_demo(ws, leads=500, seed=11)
    refresh_search(ws)
    yield ws
    ws.dispose()


def _name_queries(ws) -> list[str]:
    """Surnames, first names and full names of the demo's leads, a few with
    two letters swapped: many share a surname or a first name."""
    index = MatchIndex.build(ws)
    rng = random.Random(2)
    queries = []
    for rec in rng.sample(sorted(index.leads.values(), key=lambda r: r.id), 80):
        surname = next(iter(sorted(rec.name.surname_words)), "")
        first = next(iter(sorted(rec.name.first_words)), "")
        if surname:
            queries.append(surname.title())
            i = rng.randrange(1, max(2, len(surname) - 2))
            queries.append(surname[:i] + surname[i + 1 : i + 2] + surname[i] + surname[i + 2 :])
        if first:
            queries.append(first.title())
        if surname and first:
            queries.append(f"{surname.title()} {first.title()}")
    return queries


def test_reading_a_name_s_leads_a_few_at_a_time_gives_the_whole_answer(demo, monkeypatch):
    """``_ranked_by_name`` stops once enough leads score what the text scores
    against itself: the same hits, scores and reasons as scoring every
    candidate, with batches far smaller than the candidates."""
    ws = demo
    queries = _name_queries(ws)
    settings = MatchSettings()

    def answers(batch: int) -> list[list[tuple]]:
        monkeypatch.setattr(search_find, "_NAME_BATCH", batch)
        return [
            [(h.lead_id, h.score, tuple(str(r.text) for r in h.reasons)) for h in hits]
            for hits in (lookup(ws, q, settings, 5) for q in queries)
        ]

    everything = answers(10**6)
    assert answers(2) == everything
    assert answers(7) == everything
    assert sum(len(a) == 5 for a in everything) > 20


def test_the_order_before_parsing_is_the_shown_order(demo):
    """``_prior`` (from a lead's row) is ``hit_order`` without the score."""
    ws = demo
    with ws.engine.connect() as conn:
        reader = SearchReader.of(conn)
        ids = [row[0] for row in reader.rows("SELECT id FROM leads")]
        rows = reader.lead_rows(ids)
        records = reader.records(ids, "RU")
    assert len(rows) == len(records) > 400
    for text in ["Петрова", "Иван", "Анна Смирнова", "ivanov"]:
        typed = [typed_words(probe_record(text))]
        for row in rows:
            assert _prior(row, typed) == hit_order(typed, records[row[0]], 0.5)[1:]
    spelled = [row for row in rows if not _prior(row, [typed_words(probe_record("Анна"))])[0]]
    assert spelled


def test_a_name_spelled_as_typed_comes_before_its_correction(tmp_path):
    """ "Котова Иирна" typed: the one lead that carries the typo itself first,
    then the newer Котовы Ирины the typo is corrected to; "Котова Ирина"
    typed: those first."""
    path = tmp_path / "w.sqlite"
    ws = open_workspace(str(path))
    try:
        with ws.session() as s:
            typo = make_lead(s, first_name="Иирна", last_name="Котова").id
            irinas = [make_lead(s, first_name="Ирина", last_name="Котова").id for _ in range(21)]
        refresh_search(ws)
        assert _three_ways(ws, path, "Котова Иирна") == [typo, *irinas[::-1]][:20]
        assert _three_ways(ws, path, "Котова Ирина")[:20] == irinas[::-1][:20]
    finally:
        ws.dispose()


def test_a_typo_as_close_to_two_words_looks_up_both(tmp_path):
    """ "Власвоа" is one edit from "власова" and from "власво" (a typo in the
    data), each on one lead: both Татьяны are shown, before the other ones."""
    path = tmp_path / "w.sqlite"
    ws = open_workspace(str(path))
    try:
        with ws.session() as s:
            wanted = {
                make_lead(s, first_name="Татьяна", last_name="Власова").id,
                make_lead(s, first_name="Татьяна", last_name="Власво").id,
            }
            for n in range(30):
                make_lead(s, first_name="Татьяна", last_name=["Орлова", "Зайцева"][n % 2])
        refresh_search(ws)
        assert set(_three_ways(ws, path, "Власвоа Татьяна")[:2]) == wanted
    finally:
        ws.dispose()


def test_the_other_gender_s_form_is_no_typo(tmp_path):
    """ "Morozova" on one lead, "Morozov" on twenty: the typed word is not
    corrected (its surname key finds both already), so the Morozovs are not
    taken for "Morozova" spelled as corrected."""
    path = tmp_path / "w.sqlite"
    ws = open_workspace(str(path))
    try:
        with ws.session() as s:
            elena = make_lead(s, first_name="Elena", last_name="Morozova").id
            for _ in range(20):
                make_lead(s, first_name="Elena", last_name="Morozov")
        refresh_search(ws)
        with ws.engine.connect() as conn:
            reader = SearchReader.of(conn)
            probe = probe_record("Morozova Elena")
            assert search_find._with_corrections("Morozova Elena", probe, "RU", reader) == [probe]
            typo = probe_record("Morozvoa Elena")
            assert len(search_find._with_corrections("Morozvoa Elena", typo, "RU", reader)) == 2
        assert _three_ways(ws, path, "Morozova Elena")[0] == elena
    finally:
        ws.dispose()


def test_a_handle_of_digits_is_looked_up_as_a_handle(tmp_path):
    """A VK id is mostly digits: typed with its @ or as a link it is the
    handle, not a phone; a phone typed with as many digits stays a phone."""
    path = tmp_path / "w.sqlite"
    ws = open_workspace(str(path))
    try:
        with ws.session() as s:
            vk = make_lead(
                s, channel=Channel.VK, comms=[(CommKind.MESSENGER, Channel.VK, "id39063485")]
            ).id
            phone = make_lead(s, comms=[(CommKind.PHONE, Channel.CALL, "+7 916 390-63-48")]).id
        refresh_search(ws)
        for text in ("@id39063485", "vk.com/id39063485", "https://vk.com/id39063485"):
            assert _three_ways(ws, path, text) == [vk], text
        assert _three_ways(ws, path, "8 916 390 63 48") == [phone]
    finally:
        ws.dispose()
