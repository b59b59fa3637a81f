"""Detection settings: the weight of each kind of evidence, the review threshold,
the burst window and the caps on block size; and the result types."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from deskdup.services.candidates import CandidateGroup, CandidatePair, LeadSummary, Reason

DEFAULT_WEIGHTS: dict[str, float] = {
    # Shared identifiers.
    "same_phone": 0.95,
    "same_email": 0.95,
    "same_handle": 0.95,
    "same_invalid_phone": 0.6,
    # Names (within burst_minutes; further apart they count far_name_factor as much).
    "full_name": 0.75,
    "full_name_patronymic": 0.85,
    "nickname_name": 0.55,
    "surname_initial": 0.6,
    "surname_only": 0.35,
    "surname_number": 0.6,
    "first_name": 0.3,
    "nickname_initial": 0.3,
    # Behaviour: leads from different channels within burst_minutes; the same
    # inquiry within the name horizon, by how rare its text is (inquiry.rarity).
    "burst": 0.3,
    "same_message": 0.6,
    "similar_message": 0.45,
    "rare_message": 0.35,
    "common_message": 0.35,
    "template_message": 0.1,
    # Contradictions (negative: the score is multiplied by 1 + w).
    "different_phones": -0.25,
    "different_first_names": -0.5,
    "different_genders": -0.5,
    "different_surnames": -0.4,
    "different_patronymics": -0.4,
    "nickname_different": -0.3,
}

DEFAULT_THRESHOLD = 0.6
# Pairs from this score on make the "possible" tier of the queue (recall first,
# shown on request).
DEFAULT_POSSIBLE_THRESHOLD = 0.4
# The "likely" tier (the default queue, precision first) is the best pairs
# whose probabilities average at least this: the share of them the model
# expects to be one customer.  A fixed probability (the review threshold)
# cannot keep that promise: the same score means less in a denser workspace,
# where more strangers share a first name or a template in the same hour (at a
# million leads the pairs from 0.60 on are right 94 % of the time, at a
# hundred thousand 96 %).  ``likely_precision = None``: the review threshold.
DEFAULT_LIKELY_PRECISION = 0.95
# A pair at least this probable is always likely, and the likely tier never
# starts under the possible one.
LIKELY_CEILING = 0.9
# How sure the promise is: the pairs are right at least ``likely_precision``
# of the time in 99 cases of 100 (one-sided normal quantile).  Even with every
# probability right, which of the pairs are one customer is chance: 2,300
# pairs (5,000 leads) are right 0.4 % above or below their mean probability,
# 45,000 pairs 0.1 %.  So a small workspace's tier starts a little higher.
LIKELY_CONFIDENCE_Z = 2.326
LIKELY, POSSIBLE = "likely", "possible"
DEFAULT_BURST_MINUTES = 30
# A pair whose evidence by the hand-set weights above cannot reach this is not
# compared at all (the model counts it with the pairs that are no candidate).
CANDIDATE_FLOOR = 0.35
# A workspace with fewer leads keeps the model's priors (``model.prior_model``).
LEARN_MIN_LEADS = 1000

# Blocks larger than this are not paired.  A phone, e-mail or handle on more
# than 25 leads is a placeholder (no@mail.ru), an office switchboard or a shop's
# account, not one customer; a name key that large is a common name in a rush hour.
STRONG_BLOCK_CAP = 25
WEAK_BLOCK_CAP = 60
# Two inquiries this alike (inquiry.likeness, 0..100) are the same question;
# from SIMILAR_MESSAGE on much the same (reworded).
SAME_MESSAGE = 90.0
SIMILAR_MESSAGE = 75.0
# Name evidence counts fully between leads up to this many burst windows apart;
# weak keys therefore pair with this many time buckets on either side.
NAME_HORIZON = 2
_WIDE_OFFSETS = tuple(range(-NAME_HORIZON, NAME_HORIZON + 1))
_NARROW_OFFSETS = (-1, 0, 1)
# A lookup scores at most this many leads per name key (the newest).
LOOKUP_CANDIDATES = 200


@dataclass
class MatchSettings:
    """Plain settings of detection; the window persists them in QSettings."""

    region: str = "RU"
    review_threshold: float = DEFAULT_THRESHOLD
    possible_threshold: float = DEFAULT_POSSIBLE_THRESHOLD
    likely_precision: float | None = DEFAULT_LIKELY_PRECISION
    burst_minutes: int = DEFAULT_BURST_MINUTES
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    # Name evidence between leads further apart than burst_minutes counts this much.
    far_name_factor: float = 0.3

    def weight(self, code: str) -> float:
        return self.weights.get(code, DEFAULT_WEIGHTS.get(code, 0.0))

    def threshold_of(self, tier: str, likely: float | None = None) -> float:
        """The lowest score a pair of ``tier`` has (the possible tier holds the
        likely one); ``likely``: the likely tier's start (``likely_start``),
        else the review threshold."""
        likely = self.review_threshold if likely is None else likely
        if tier == POSSIBLE:
            return min(self.possible_threshold, likely)
        return likely

    def likely_start(self, scores: Iterable[float], leads: int) -> float:
        """Where the likely tier starts among pairs with these scores: the
        lowest score from which the pairs are right ``likely_precision`` of the
        time (``precision_cut``), between the possible tier's start and
        ``LIKELY_CEILING``.  The review threshold when no precision is asked
        for, or in a workspace of fewer than ``LEARN_MIN_LEADS`` leads: its
        scores are the built-in model's, not learned on it, and its few pairs
        could keep no promise (a lone pair of 0.8 is no 95 %)."""
        if self.likely_precision is None or leads < LEARN_MIN_LEADS:
            return self.review_threshold
        floor = min(self.possible_threshold, LIKELY_CEILING)
        return precision_cut(
            scores, self.likely_precision, floor, LIKELY_CEILING, LIKELY_CONFIDENCE_Z
        )

    def fixed(self, threshold: float) -> MatchSettings:
        """These settings with the likely tier from ``threshold`` on, whatever the precision."""
        return replace(
            self, review_threshold=threshold, likely_precision=None, weights=dict(self.weights)
        )


def precision_cut(
    scores: Iterable[float], precision: float, floor: float, ceiling: float, z: float = 0.0
) -> float:
    """The lowest score ``s`` (at least ``floor``) such that the pairs scored
    from ``s`` on are right at least ``precision`` of the time, ``z`` standard
    deviations sure; never above ``ceiling``.

    The scores are probabilities: the number of right pairs among those kept
    has the mean ``sum(p)`` and the variance ``sum(p * (1 - p))`` (each pair
    one customer or not by chance).  Taken best first the share only falls
    (up to that chance), so the pairs kept are the run from the top up to the
    first score where it no longer holds; pairs with one score are kept or
    left together.
    """
    ranked = sorted((s for s in scores if s >= floor), reverse=True)
    cut = ceiling
    total = variance = 0.0
    i, n = 0, len(ranked)
    while i < n:
        score = ranked[i]
        while i < n and ranked[i] == score:
            total += score
            variance += score * (1.0 - score)
            i += 1
        if total - z * math.sqrt(variance) < precision * i:
            break
        cut = min(cut, score)
    return max(cut, floor)


@dataclass
class ScanResult:
    pairs: list[CandidatePair]  # at/above the threshold, best first, dismissed excluded
    groups: list[CandidateGroup]  # connected components of those pairs, best first
    summaries: dict[int, LeadSummary]  # every lead that is in a group
    lead_count: int
    threshold: float = DEFAULT_THRESHOLD
    seconds: float = 0.0
    tier: str = LIKELY  # LIKELY: the likely groups; POSSIBLE: the possible ones too


@dataclass(frozen=True)
class LookupHit:
    lead_id: int
    score: float
    reasons: tuple[Reason, ...]
