"""Pairs whose names as typed conflict are compared only when their bound by
the hand-set weights can reach the candidate floor (``MatchIndex._score_lead``,
``_conflict_needs``): the same rule as every other skipped pair, so a skipped
pair is one ``hand_score`` puts under the floor."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from deskdup.models import Channel
from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.matching.evidence import hand_score
from deskdup.services.matching.inquiry import TEMPLATE_COUNT
from deskdup.services.matching.name_agreement import _name_conflict
from tests.factories import make_lead
from tests.test_matching_bursts import _template_wave

T0 = datetime(2026, 3, 2, 10, 0)
TEMPLATE = "Здравствуйте! Интересует ваше объявление, ещё актуально?"


def _compared(index: MatchIndex) -> set[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()
    for rec in index.leads.values():
        index._score_lead(rec, True, lambda a, b, _pattern: seen.add((a, b)))
    return seen


@pytest.mark.parametrize(
    "settings",
    [
        MatchSettings(),
        MatchSettings(review_threshold=0.45, far_name_factor=0.6),
        MatchSettings(weights={"different_first_names": -0.2, "template_message": 0.3}),
        MatchSettings(weights={"same_message": 0.9, "burst": 0.45}),
    ],
)
def test_every_pair_not_compared_is_under_the_floor_by_hand(workspace, settings):
    from deskdup.services.demo import generate_demo

    generate_demo(workspace, leads=1500, seed=5)
    index = MatchIndex.build(workspace, settings)
    compared = _compared(index)
    skipped_conflicts = 0
    for rec in index.leads.values():
        for other_id in index._candidates(rec):
            if other_id < rec.id or (rec.id, other_id) in compared:
                continue
            x, y = rec, index.leads[other_id]
            assert hand_score(x, y, settings)[0] < index._floor, (x.id, y.id)
            skipped_conflicts += _name_conflict(x.name, y.name) is not None
    assert compared
    if settings == MatchSettings():
        assert skipped_conflicts  # (the rule is exercised)


def test_strangers_with_other_first_names_sending_a_template_are_not_compared(workspace):
    with workspace.session() as s:
        # While an ad runs, many strangers send its line.
        _template_wave(s, TEMPLATE, TEMPLATE_COUNT, T0 - timedelta(minutes=20))
        a = make_lead(s, channel=Channel.TELEGRAM, first_name="Анна", created_at=T0,
                      chats=[(Channel.TELEGRAM, TEMPLATE)])  # fmt: skip
        b = make_lead(s, channel=Channel.SITE, first_name="Пётр",
                      created_at=T0 + timedelta(minutes=4),
                      chats=[(Channel.SITE, TEMPLATE)])  # fmt: skip
        c = make_lead(s, channel=Channel.WHATSAPP, first_name="Анна",
                      created_at=T0 + timedelta(minutes=6),
                      chats=[(Channel.WHATSAPP, TEMPLATE)])  # fmt: skip
    index = MatchIndex.build(workspace)
    x, y = index.leads[a.id], index.leads[b.id]
    assert x.tier == y.tier == "template"
    assert _name_conflict(x.name, y.name) == "different_first_names"
    assert hand_score(x, y, index.settings)[0] < index._floor
    compared = _compared(index)
    # Two Аннas are compared (their names agree); Анна and Пётр are not.
    assert (a.id, c.id) in compared
    assert (a.id, b.id) not in compared and (b.id, c.id) not in compared
    # Asked for every pair (a threshold of 0), they are.
    assert (a.id, b.id) in _compared(MatchIndex.build(workspace, MatchSettings().fixed(0.0)))
