"""The full scan's shortcuts change no result: the one-shot build (band keys per
time bucket, personal leads only), the comparing pass over forked processes."""

from __future__ import annotations

import random

import pytest

from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.matching.parallel import Compared, can_fork, split


def _pairs(index: MatchIndex) -> dict:
    return {
        key: (pair.score, tuple((r.code, r.weight, str(r.text)) for r in pair.reasons))
        for key, pair in index.pairs.items()
    }


@pytest.fixture
def demo(workspace):
    from deskdup.services.demo import generate_demo

    generate_demo(workspace, leads=1500, seed=5)
    return workspace


@pytest.mark.parametrize("settings", [MatchSettings(), MatchSettings(review_threshold=0.0)])
def test_one_shot_and_forked_scans_find_what_the_refreshable_build_finds(demo, settings):
    kept = MatchIndex.build(demo, settings)
    one_shot = MatchIndex.build(demo, settings, refreshable=False)
    forked = MatchIndex.build(demo, settings, refreshable=False, workers=2)
    assert kept.model.learned and kept.pairs
    assert _pairs(one_shot) == _pairs(kept)
    assert _pairs(forked) == _pairs(kept)
    assert list(forked.pairs) == list(one_shot.pairs)  # in the same order, too
    assert forked.model.top_weights(40) == kept.model.top_weights(40)
    assert {i: r.tier for i, r in forked.leads.items()} == {
        i: r.tier for i, r in kept.leads.items()
    }


def test_the_parts_are_whole_buckets_in_time_order(demo):
    index = MatchIndex.build(demo, refreshable=False)
    leads = list(index.leads.values())
    period = index._message_bucket
    parts = split(leads, period, 2)
    assert can_fork() and len(parts) == 2
    assert sorted(r.id for part in parts for r in part) == sorted(index.leads)
    last = [int(r.minute // period) for r in parts[0]]
    first = [int(r.minute // period) for r in parts[1]]
    assert max(last) < min(first)
    assert abs(len(parts[0]) - len(parts[1])) < len(leads) / 2
    assert len(split(leads[:1], period, 2)) == 1


def test_joined_parts_number_the_patterns_as_one_pass_would():
    rng = random.Random(3)
    pairs = [(i, i + 1, (rng.randrange(4), rng.randrange(3))) for i in range(300)]
    whole = Compared()
    for pair in pairs:
        whole.sink(*pair)
    first, second = Compared(), Compared()
    for pair in pairs[:120]:
        first.sink(*pair)
    for pair in pairs[120:]:
        second.sink(*pair)
    first.join(
        second.a_ids.tobytes(),
        second.b_ids.tobytes(),
        second.pattern_ids.tobytes(),
        second.patterns(),
    )
    assert first.patterns() == whole.patterns()
    assert list(first.pattern_ids) == list(whole.pattern_ids)
    assert list(first.a_ids) == list(whole.a_ids) and list(first.b_ids) == list(whole.b_ids)
