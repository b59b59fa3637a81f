"""What the search box shows first for a mistyped name and for a common one
(issue 14, item 5), in a real SQLite workspace, through the workspace, the
cold command's reader and the window's index alike."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from deskdup.models import Channel, CommKind
from deskdup.services.demo import generate_demo
from deskdup.services.matching import MatchIndex, MatchSettings, lookup, refresh_search
from deskdup.services.matching.evidence import _evidence
from deskdup.services.matching.probe import _lookup_evidence, probe_record
from deskdup.services.matching.search_read import cold_lookup
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
