"""What detection hands to the rest of the program: candidate pairs and groups.

Plain data, no Qt.  The scan (``services/matching.py``) produces them; the
review queue renders them; the merge starts from a group.  Slotted: a scan of a
million leads holds hundreds of thousands of pairs and reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from deskdup.models import Channel
from deskdup.services.messages import Message


@dataclass(frozen=True, slots=True)
class Reason:
    """One piece of evidence, with its weight in the score.

    ``weight`` is positive for evidence for, negative for evidence against
    (two different valid phones).  ``text`` is what the operator reads.
    """

    code: str  # "same_phone", "name_translit", "burst", "different_phones"...
    weight: float
    text: Message


@dataclass(frozen=True, slots=True)
class CandidatePair:
    a: int  # lead database id, a < b
    b: int
    score: float  # 0..1
    reasons: tuple[Reason, ...] = ()

    @property
    def key(self) -> tuple[int, int]:
        return (self.a, self.b)


@dataclass(frozen=True, slots=True)
class LeadSummary:
    """What the queue shows of one lead without loading it."""

    id: int
    label: str  # external id, else the database id
    name: str
    channel: Channel
    owner_id: int | None
    owner_name: str
    created_at: datetime
    status: str


@dataclass
class CandidateGroup:
    """Leads joined by pairs above the review threshold (a connected component)."""

    lead_ids: tuple[int, ...]  # sorted
    pairs: list[CandidatePair] = field(default_factory=list)
    # "likely" (its best pair is at the review threshold) or "possible" (below
    # it, at the possible threshold: shown on request, recall first).
    tier: str = "likely"

    @property
    def key(self) -> str:
        """Stable identity of the group (review claims use it)."""
        return ",".join(str(i) for i in self.lead_ids)

    @property
    def score(self) -> float:
        return max((p.score for p in self.pairs), default=0.0)

    def top_reasons(self, limit: int = 3) -> list[Reason]:
        """The strongest distinct pieces of evidence across the group's pairs."""
        seen: set[str] = set()
        out: list[Reason] = []
        for reason in sorted((r for p in self.pairs for r in p.reasons), key=lambda r: -r.weight):
            text = str(reason.text)
            if reason.weight <= 0 or text in seen:
                continue
            seen.add(text)
            out.append(reason)
            if len(out) == limit:
                break
        return out
