"""The kept queue read in two steps (``services/kept_queue.py``): the first
groups complete at once, the rest by ``complete``, which equals
``kept_result`` and the index's own result."""

from __future__ import annotations

from deskdup.services.kept_queue import kept_queue, queue_order
from deskdup.services.matching import LIKELY, POSSIBLE, MatchSettings
from deskdup.services.matching.store import kept_result, open_index
from tests.test_match_store import _people


def _pairs(result) -> list:
    return [(p.key, p.score, p.reasons) for p in result.pairs]


def _groups(result) -> list:
    return [
        (g.lead_ids, g.tier, [(p.key, p.score, p.reasons) for p in g.pairs]) for g in result.groups
    ]


def test_the_first_groups_complete_at_once_the_rest_on_completion(workspace):
    _people(workspace)
    settings = MatchSettings()
    index = open_index(workspace, settings)
    for tier in (LIKELY, POSSIBLE):
        fresh = index.result(tier=tier)
        whole = kept_result(workspace, settings, tier)
        assert _groups(whole) == _groups(fresh) and _pairs(whole) == _pairs(fresh)
        assert whole.summaries == fresh.summaries

        queue = kept_queue(workspace, settings, tier, first=1)
        assert len(fresh.groups) > 1, "more groups than the first"
        best = min(fresh.groups, key=queue_order)
        taken = queue.first
        # The best group, its reasons and its leads' columns, and no more.
        assert [g.lead_ids for g in taken] == [best.lead_ids]
        assert [(p.key, p.reasons) for p in taken[0].pairs] == [
            (p.key, p.reasons) for p in best.pairs
        ]
        assert set(queue.result.summaries) == set(best.lead_ids)
        others = [g for g in queue.result.groups if g is not taken[0]]
        assert others and all(not p.reasons for g in others for p in g.pairs)
        # Every group is there from the start, in the index's order.
        assert [g.lead_ids for g in queue.result.groups] == [g.lead_ids for g in fresh.groups]

        done = queue.complete(workspace)
        assert _groups(done) == _groups(fresh) and _pairs(done) == _pairs(fresh)
        assert done.summaries == fresh.summaries
        assert any(g is taken[0] for g in done.groups)  # the rows made of it stay valid
        assert done.lead_count == whole.lead_count
