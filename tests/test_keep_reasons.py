"""Keeping a compared pair (``compare.kept_weighed``, ``evidence._reasons``): the
reasons are those of the pair's evidence worked out afresh, although what the
comparison pattern already tells (the names' agreement, the inquiries'
likeness) is not worked out again."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from deskdup.models import Channel
from deskdup.services.matching import MatchIndex, MatchSettings, parallel
from deskdup.services.matching.compare import compare, kept_weighed, weigh
from deskdup.services.matching.evidence import _evidence, _reasons
from deskdup.services.matching.model import LEVELS, MESSAGE, NAME, prior_model
from deskdup.services.matching.record import _Lead
from deskdup.services.names import NameParts, parse_name
from tests.factories import make_lead

T0 = datetime(2026, 3, 2, 10, 0)


# Questions asked again minutes later: as typed, with a greeting added, reworded
# (the demo's own inquiries are mostly shared texts).
_BURSTS = [
    ("Сколько будет стоить шкаф-купе 2,4 м в прихожую, белый глянец?",
     "Сколько будет стоить шкаф-купе 2,4 м в прихожую, белый глянец?"),
    ("Нужен замерщик после 18:00, угловой шкаф в спальню 3 м",
     "Добрый день! Нужен замерщик после 18:00, угловой шкаф в спальню 3м"),
    ("Какая цена на детскую кровать 180 на 80 цвет графит с ящиками",
     "Детскую кровать 180 на 80 с ящиками цвет графит сколько стоит"),
]  # fmt: skip


@pytest.fixture
def demo(workspace):
    from deskdup.services.demo import generate_demo

    generate_demo(workspace, leads=1500, seed=7)
    start = datetime(2025, 6, 2, 10, 0)
    with workspace.session() as s:
        for n, (first, second) in enumerate(_BURSTS):
            at = start + timedelta(days=n)
            make_lead(s, channel=Channel.AVITO, first_name="Глеб", created_at=at,
                      chats=[(Channel.AVITO, first)])  # fmt: skip
            make_lead(s, channel=Channel.SITE, first_name="Глеб", last_name="Львов",
                      created_at=at + timedelta(minutes=6),
                      chats=[(Channel.SITE, second)])  # fmt: skip
    return workspace


def _compared(ws, settings: MatchSettings, monkeypatch) -> tuple[MatchIndex, list]:
    """A one-shot build of ``ws`` and every pair it compared, with its pattern."""
    seen: list = []
    keep = parallel.Comparing.keep

    def keeping(self, index):
        c = self.compared
        patterns = c.patterns()
        seen.extend(zip(c.a_ids, c.b_ids, (patterns[n] for n in c.pattern_ids), strict=True))
        return keep(self, index)

    monkeypatch.setattr(parallel.Comparing, "keep", keeping)
    return MatchIndex.build(ws, settings, refreshable=False), seen


@pytest.mark.parametrize(
    "weights",
    [{}, {"same_message": 0.0, "first_name": 0.0, "burst": 0.0}],
    ids=["default", "switched-off"],
)
def test_every_compared_pair_gets_the_reasons_of_its_evidence_worked_out_again(
    demo, monkeypatch, weights
):
    settings = MatchSettings(review_threshold=0.0)
    settings = replace(settings, weights={**settings.weights, **weights})
    index, compared = _compared(demo, settings, monkeypatch)
    leads, model = index.leads, index.model
    names, messages = set(), set()
    for a_id, b_id, pattern in compared:
        a, b = leads[a_id], leads[b_id]
        expected = weigh(_evidence(a, b, index.settings), pattern, model)
        assert kept_weighed(a, b, index.settings, pattern, model) == expected, (a_id, b_id)
        names.add(LEVELS[NAME][pattern[NAME]])
        messages.add(LEVELS[MESSAGE][pattern[MESSAGE]])
    # The pairs went through every shortcut: no name, a match, a conflict;
    # no message, a personal one, a shared text.
    assert {"null", "none", "different_first_names"} <= names
    if not weights:
        assert "first_name" in names
        assert {"null", "personal_same", "rare"} <= messages, messages
        assert messages & {"personal_similar", "personal_reworded"}, messages
    # And the pairs kept carry those reasons.
    for (a_id, b_id), pair in index.pairs.items():
        pattern = compare(leads[a_id], leads[b_id], index.settings, common=model.common_firsts)
        assert pair.reasons == _reasons(
            weigh(_evidence(leads[a_id], leads[b_id], index.settings), pattern, model)
        )


def _lead(lead_id: int, name: NameParts, minute: float, channel: Channel) -> _Lead:
    rec = _Lead(lead_id, f"L{lead_id}", channel, None, T0 + timedelta(minutes=minute), "new", name)
    rec.message = "Сколько будет стоить шкаф-купе 2,4 м в прихожую, белый глянец?"
    return rec


def test_a_name_side_without_words_that_still_carries_a_surname_is_weighed_in_full():
    """The pattern's null name level (one side has no words) says nothing of
    the evidence when that side's parsed name still holds a surname: then the
    name evidence is worked out as before, not left out."""
    settings = MatchSettings()
    model = prior_model()
    bare = _lead(1, NameParts(surnames=("ivanov",)), 0, Channel.TELEGRAM)
    named = _lead(2, parse_name("Иван", "Иванов", ""), 5, Channel.WHATSAPP)
    pattern = compare(bare, named, settings)
    assert LEVELS[NAME][pattern[NAME]] == "null"
    expected = weigh(_evidence(bare, named, settings), pattern, model)
    assert "surname_only" in {code for code, *_ in expected}
    assert kept_weighed(bare, named, settings, pattern, model) == expected

    # A side with no name at all: no name evidence either way.
    empty = _lead(3, NameParts(), 0, Channel.TELEGRAM)
    pattern = compare(empty, named, settings)
    weighed = kept_weighed(empty, named, settings, pattern, model)
    assert weighed == weigh(_evidence(empty, named, settings), pattern, model)
    assert {code for code, *_ in weighed} == {"burst", "same_message"}


def test_reasons_are_heaviest_first_in_their_order_when_as_heavy_and_shared():
    first = ("first_name", 1.5, "Same first name: {a} ~ {b}", {"a": "Оля", "b": "Ольга"})
    burst = ("burst", 1.5, "Came {minutes} min apart via {a} and {b}", {"minutes": 3})
    phone = ("same_phone", 9.0, "Same phone {phone}", {"phone": "+79161234567"})
    against = ("different_surnames", -4.0, "Different surnames {a} / {b}", {"a": "X", "b": "Y"})
    reasons = _reasons([first, against, burst, phone])
    assert [r.code for r in reasons] == ["same_phone", "first_name", "burst", "different_surnames"]
    assert [r.code for r in _reasons([burst, first])] == ["burst", "first_name"]
    # A name agreement recurs in many pairs: one Reason for all of them; a
    # phone is one pair's.
    again = _reasons([dict_copy(first), dict_copy(phone)])
    assert again[1] is reasons[1] and again[0] == reasons[0] and again[0] is not reasons[0]


def dict_copy(evidence: tuple) -> tuple:
    code, weight, template, params = evidence
    return (code, weight, template, dict(params))


def test_pairs_compared_by_a_worker_are_kept_in_the_order_one_process_keeps_them(demo):
    """The worker sends its compared pairs and stops; the scanning process
    keeps them after its own, in the order one process keeps them all, with
    the same scores and reasons."""
    if not parallel.can_fork():
        pytest.skip("no fork here")
    settings = MatchSettings(review_threshold=0.0)
    one = MatchIndex.build(demo, settings, refreshable=False)
    forked = MatchIndex.build(demo, settings, refreshable=False, workers=2)
    assert list(forked.pairs) == list(one.pairs)
    assert all(forked.pairs[key] == pair for key, pair in one.pairs.items())
    assert forked.partners.data == one.partners.data


def test_shared_phones_and_e_mails_are_told_in_one_order_in_every_process():
    """Several shared phones or e-mails are reasons in sorted order: a set of
    strings iterates in another order in every process (salted hashes), and
    ``deskdup scan`` must print the same bytes every run."""
    phones = tuple(f"+7999000000{n}" for n in (7, 2, 9, 4, 1, 6))
    emails = tuple(f"{n}@example.ru" for n in ("olga", "anna", "petr", "ivan", "zoya"))
    a = _lead(1, parse_name("Ольга"), 0, Channel.WHATSAPP)
    b = _lead(2, parse_name("Ольга"), 3, Channel.SITE)
    a.phones, b.phones = phones, phones[::-1]
    a.emails, b.emails = emails, emails[::-1]
    a.bad_phones, b.bad_phones = ("123", "045", "777"), ("777", "123", "045")
    evidence = _evidence(a, b, MatchSettings())
    said = {
        code: [params for c, _w, _t, params in evidence if c == code]
        for code in ("same_phone", "same_email", "same_invalid_phone")
    }
    assert [p["phone"] for p in said["same_phone"]] == sorted(phones)
    assert [p["email"] for p in said["same_email"]] == sorted(emails)
    assert [p["phone"] for p in said["same_invalid_phone"]] == ["045", "123", "777"]
