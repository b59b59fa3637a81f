"""Detection settings: the weight of each kind of evidence, the review threshold,
the burst window and the caps on block size; and the result types."""

from __future__ import annotations

from dataclasses import dataclass, field

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
# shown on request); from the review threshold on the "likely" tier (the default).
DEFAULT_POSSIBLE_THRESHOLD = 0.4
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
    burst_minutes: int = DEFAULT_BURST_MINUTES
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    # Name evidence between leads further apart than burst_minutes counts this much.
    far_name_factor: float = 0.3

    def weight(self, code: str) -> float:
        return self.weights.get(code, DEFAULT_WEIGHTS.get(code, 0.0))

    def threshold_of(self, tier: str) -> float:
        """The lowest score a pair of ``tier`` has (the possible tier holds the likely one)."""
        if tier == POSSIBLE:
            return min(self.possible_threshold, self.review_threshold)
        return self.review_threshold


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
