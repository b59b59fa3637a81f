"""Kept pairs word their reasons when asked for (``matching.kept``): the
reasons are those the pair's evidence gives when worked out afresh, in the
same order, whenever they are asked for, from the leads as they were when
the pair was kept."""

from __future__ import annotations

import copy
import pickle
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from deskdup.models import Channel, Lead
from deskdup.services.candidates import CandidatePair
from deskdup.services.importer import import_file
from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.matching.compare import compare, weigh
from deskdup.services.matching.evidence import _evidence, _reasons
from deskdup.services.matching.kept import KeptPair
from tests.factories import independent_generator, make_lead


def _afresh(index: MatchIndex, a_id: int, b_id: int, leads=None) -> tuple:
    """The reasons of a pair worked out from scratch (as ``score_pair`` does),
    with the index's settings and model."""
    leads = leads or index.leads
    a, b = leads[a_id], leads[b_id]
    pattern = compare(a, b, index.settings, common=index.model.common_firsts)
    return _reasons(weigh(_evidence(a, b, index.settings), pattern, index.model))


def _check_every_pair(index: MatchIndex) -> None:
    assert index.pairs
    for (a_id, b_id), pair in index.pairs.items():
        assert isinstance(pair, KeptPair) and not pair.worded
        assert pair.reasons == _afresh(index, a_id, b_id), (a_id, b_id)


@pytest.fixture
def demo(workspace):
    from deskdup.services.demo import generate_demo

    generate_demo(workspace, leads=1500, seed=11)
    return workspace


@pytest.fixture(scope="module")
def independent(tmp_path_factory):
    """1,500 leads of the independent generator (``benchmarks/indep_gen.py``),
    imported as an operator would."""
    from deskdup.services.workspace import open_workspace

    Generator = independent_generator()

    folder = tmp_path_factory.mktemp("independent")
    data, truth = folder / "indep.csv", folder / "indep.truth.csv"
    Generator(1500, 5).write(data, truth)
    ws = open_workspace(str(folder / "indep.sqlite"))
    assert import_file(ws, data).written
    yield ws
    ws.dispose()


@pytest.mark.parametrize("refreshable", [True, False], ids=["window", "one-shot"])
@pytest.mark.parametrize("threshold", [0.0, None], ids=["every-pair", "default"])
def test_reasons_worded_when_asked_are_those_of_the_evidence_afresh(
    demo, independent, refreshable, threshold
):
    settings = MatchSettings() if threshold is None else MatchSettings().fixed(threshold)
    for ws in (demo, independent):
        _check_every_pair(MatchIndex.build(ws, settings, refreshable=refreshable))


def test_an_index_that_lives_on_keeps_the_reasons_once_worded_a_scan_does_not(demo):
    window = MatchIndex.build(demo)
    pair = next(iter(window.pairs.values()))
    first = pair.reasons
    assert pair.worded and pair.reasons is first
    scan = MatchIndex.build(demo, refreshable=False)
    pair = scan.pairs[(pair.a, pair.b)]
    assert pair.reasons == first and not pair.worded


def test_with_evidence_switched_off_the_pairs_are_worded_at_once(demo):
    """Switched-off evidence is worded from the inquiries' tiers, which a
    refresh changes in place: such pairs take their reasons along at once."""
    settings = MatchSettings().fixed(0.0)
    settings = replace(settings, weights={**settings.weights, "burst": 0.0, "first_name": 0.0})
    index = MatchIndex.build(demo, settings)
    assert all(pair.worded for pair in index.pairs.values())
    for (a_id, b_id), pair in index.pairs.items():
        assert pair.reasons == _afresh(index, a_id, b_id)


def test_a_kept_pair_is_a_candidate_pair_of_its_values(demo):
    index = MatchIndex.build(demo, refreshable=False)
    pair = next(iter(index.pairs.values()))
    plain = CandidatePair(pair.a, pair.b, pair.score, pair.reasons)
    assert pair == plain and plain == pair and hash(pair) == hash(plain)
    assert pair != CandidatePair(pair.a, pair.b, pair.score, pair.reasons[1:])
    assert pair != replace(plain, score=pair.score / 2)
    for again in (pickle.loads(pickle.dumps(pair)), copy.copy(pair)):
        assert type(again) is CandidatePair and again == plain
    with pytest.raises(AttributeError):
        pair.score = 1.0  # type: ignore[misc]


def test_a_pair_kept_before_an_edit_still_says_what_it_said(workspace):
    """A result handed out before a refresh words its pairs from the leads as
    they were (the queue compares the old result's pairs with the new)."""
    t0 = datetime(2026, 3, 2, 10, 0)
    with workspace.session() as s:
        a = make_lead(s, channel=Channel.AVITO, first_name="Ольга", created_at=t0,
                      chats=[(Channel.AVITO, "Сколько стоит шкаф-купе 2 м, белый?")])  # fmt: skip
        b = make_lead(s, channel=Channel.SITE, first_name="Оля", last_name="Соколова",
                      created_at=t0 + timedelta(minutes=4),
                      chats=[(Channel.SITE, "Сколько стоит шкаф-купе 2 м, белый?")])  # fmt: skip
        ids = (a.id, b.id)
    index = MatchIndex.build(workspace)
    old = index.result(threshold=0.0).pairs[0]
    assert (old.a, old.b) == ids and not old.worded
    expected = _afresh(index, *ids, leads=dict(index.leads))
    with workspace.session() as s:
        lead = s.get(Lead, ids[0])
        lead.first_name = "Ольга Соколова"
        lead.updated_at = t0 + timedelta(days=1)
    index.refresh(workspace)
    new = index.pairs[ids]
    assert new is not old and new.reasons != expected
    assert old.reasons == expected


def test_pairs_worded_over_a_forked_worker_are_worded_as_by_this_process(demo, monkeypatch):
    """``reason_texts`` with two workers (a forked copy words the back half)
    gives each pair's reasons in order, as one process does."""
    from deskdup.services.matching import kept, parallel

    if not parallel.can_fork():
        pytest.skip("the platform does not fork")
    index = MatchIndex.build(demo, MatchSettings(), refreshable=False)
    pairs = index.result().pairs
    assert len(pairs) > 100
    alone = kept.reason_texts(pairs, workers=1)
    monkeypatch.setattr(kept, "FORK_MIN_PAIRS", 2)
    assert kept.reason_texts(pairs, workers=2) == alone
    assert alone == [tuple(str(r.text) for r in _afresh(index, p.a, p.b)) for p in pairs]


def test_a_wording_worker_that_fails_is_an_error_in_words(demo, monkeypatch):
    from deskdup.services.matching import kept, parallel

    if not parallel.can_fork():
        pytest.skip("the platform does not fork")
    index = MatchIndex.build(demo, MatchSettings(), refreshable=False)
    pairs = index.result().pairs
    monkeypatch.setattr(kept, "FORK_MIN_PAIRS", 2)
    # The back half's last pair cannot be worded (in the worker only).
    broken = KeptPair.__new__(KeptPair)
    with pytest.raises(RuntimeError, match="a wording worker failed"):
        kept.reason_texts([*pairs, broken], workers=2)


def test_a_pair_rounded_up_onto_the_threshold_is_kept_by_neither_a_build_nor_a_refresh(demo):
    """One rule for a build (``_keep_compared``) and a refresh (``_keep``): a
    probability just under the threshold, whose 4-place score equals it, is
    not kept; at the threshold it is, with that score."""
    index = MatchIndex.build(demo, MatchSettings(), refreshable=True)
    threshold = index.threshold
    assert index._kept_score(threshold - 0.00004) is None
    assert index._kept_score(threshold) == round(threshold, 4)
    assert index._kept_score(0.0) is None
    # And _keep follows it: a pattern the model scores just under is dropped.
    (a_id, b_id), _pair = next(iter(index.pairs.items()))
    index._drop_pairs(a_id)
    index.model = replace(index.model)  # a copy whose probability is set below
    index.model.probability = lambda _pattern: threshold - 0.00004
    index._keep(a_id, b_id, (0,) * 7)
    assert (a_id, b_id) not in index.pairs
    index.model.probability = lambda _pattern: threshold
    index._keep(a_id, b_id, (0,) * 7)
    assert index.pairs[(a_id, b_id)].score == round(threshold, 4)
