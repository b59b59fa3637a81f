"""The likely tier is chosen by the precision it promises: the best pairs whose
probabilities average at least ``likely_precision`` (issue 14: precision first,
whatever the workspace's density)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from deskdup.models import Channel
from deskdup.services.matching import LIKELY, POSSIBLE, MatchIndex, MatchSettings
from deskdup.services.matching import settings as settings_module
from deskdup.services.matching.settings import LIKELY_CEILING, precision_cut
from deskdup.services.matching.store import kept_result, open_index
from tests.factories import make_lead
from tests.test_match_store import T0, _people

scores = st.lists(st.sampled_from([i / 20 for i in range(21)]), max_size=60)


@given(scores, st.sampled_from([0.5, 0.8, 0.9, 0.95, 0.99]), st.sampled_from([0.0, 0.3, 0.4]))
def test_the_cut_keeps_the_longest_run_from_the_top_that_holds_the_precision(
    values, precision, floor
):
    cut = precision_cut(values, precision, floor, LIKELY_CEILING)
    assert floor <= cut <= LIKELY_CEILING
    kept = [s for s in values if s >= cut]
    below = sorted({s for s in values if floor <= s < cut}, reverse=True)
    if cut < LIKELY_CEILING:  # what is kept holds the precision ...
        assert sum(kept) >= precision * len(kept) - 1e-9
    if below:  # ... and one more score would break it, unless the ceiling kept more
        more = kept + [s for s in values if s == below[0]]
        # (Within rounding: the cut adds scores in another order than sum().)
        assert sum(more) < precision * len(more) + 1e-9 or below[0] >= LIKELY_CEILING


def test_the_cut_by_hand():
    assert precision_cut([1.0, 1.0, 0.9, 0.5, 0.45], 0.9, 0.4, 0.9) == 0.9
    assert precision_cut([1.0, 1.0, 1.0, 0.9, 0.5, 0.45], 0.85, 0.4, 0.9) == 0.5
    # Nothing holds the precision: the pairs from the ceiling on still are likely.
    assert precision_cut([0.92, 0.7], 0.99, 0.4, 0.9) == 0.9
    assert precision_cut([], 0.95, 0.4, 0.9) == 0.9
    # Never under the floor (the possible tier's start).
    assert precision_cut([1.0] * 50 + [0.3], 0.95, 0.4, 0.9) == 0.9


def test_a_surer_promise_starts_the_tier_higher_the_fewer_the_pairs():
    """The pairs' right share is chance around their mean probability: with
    few pairs the tier keeps a margin, with many hardly any."""
    few = [0.99] * 40 + [0.6] * 4
    many = few * 1000
    assert precision_cut(few, 0.95, 0.4, 0.9) == 0.6  # mean 0.955
    assert precision_cut(few, 0.95, 0.4, 0.9, z=2.326) == 0.9
    assert precision_cut(many, 0.95, 0.4, 0.9, z=2.326) == 0.6


def test_a_small_workspace_keeps_the_review_threshold(workspace):
    """Under LEARN_MIN_LEADS leads the scores are the built-in model's and the
    pairs too few to promise a precision: the likely tier is the fixed one."""
    _people(workspace)
    index = MatchIndex.build(workspace, MatchSettings())
    assert index.likely_start() == MatchSettings().review_threshold


def test_the_queue_and_the_kept_queue_cut_the_likely_tier_alike(workspace, monkeypatch):
    # As if the few leads were a workspace large enough to learn on.
    monkeypatch.setattr(settings_module, "LEARN_MIN_LEADS", 0)
    _people(workspace)
    with workspace.session() as s:
        # A weaker pair too (a first name only, 16 minutes apart), so that not
        # every pair scores from the ceiling on.
        t = T0 + timedelta(hours=30)
        make_lead(s, first_name="Тимур", created_at=t)
        later = t + timedelta(minutes=16)
        make_lead(s, channel=Channel.AVITO, first_name="Тимур", created_at=later)
    index = open_index(workspace, MatchSettings())
    ranked = sorted((p.score for p in index.pairs.values()), reverse=True)
    assert len(set(ranked)) >= 2, "pairs of several scores"
    starts = {}
    for precision in (0.5, 0.8, 0.95, 0.999):
        settings = replace(MatchSettings(), likely_precision=precision)
        index.settings = settings
        start = starts[precision] = index.likely_start()
        likely = index.result()
        assert likely.threshold == start
        assert {p.key for p in likely.pairs} == {
            k for k, p in index.pairs.items() if p.score >= start
        }
        chosen = [p.score for p in likely.pairs]
        if start < LIKELY_CEILING and chosen:
            assert sum(chosen) / len(chosen) >= precision
        for tier in (LIKELY, POSSIBLE):
            kept = kept_result(workspace, settings, tier)
            fresh = index.result(tier=tier)
            assert kept is not None and kept.threshold == fresh.threshold
            assert [(g.lead_ids, g.tier) for g in kept.groups] == [
                (g.lead_ids, g.tier) for g in fresh.groups
            ]
    assert starts[0.5] < starts[0.999], "a higher precision starts the tier higher"


def test_a_fixed_threshold_is_a_fixed_likely_tier(workspace):
    _people(workspace)
    settings = MatchSettings().fixed(0.6)
    index = MatchIndex.build(workspace, settings)
    assert index.likely_start() == 0.6 == index.result().threshold
    assert all(p.score >= 0.6 for p in index.result().pairs)
    assert MatchSettings().likely_precision is not None and settings.likely_precision is None
