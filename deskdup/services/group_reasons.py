"""Every reason for and against a group of leads, for the comparison view.

The queue keeps a group's three strongest reasons for its "Why" column; the
operator comparing the leads side by side should read all of them, the
contrary ones too ("Different phones …"), also for leads she picked in the
lead list herself (no queue group, no reasons of its own).  The pairs are
scored again from the match index's in-memory records (``score_pair``), so
nothing is read from the database.  The same scores tell which lead of a
larger group is linked to the rest only loosely: a group is every lead
reached through its pairs, and one stranger's weak pair with one lead brings
her into it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from deskdup.services.candidates import Reason
from deskdup.services.matching.compare import score_pair
from deskdup.services.matching.index import MatchIndex

# A lead of a group of three or more whose likeliest lead in the group is one
# customer with it less often than this is marked in the comparison ("check
# it belongs").  Measured over the default queue's groups of three or more
# (``group_evidence``): on the independent 100k set (seed 5) 950 leads are
# marked, 367 of them another customer than the group's (39 %, against 4.6 %
# of those groups' leads), in 340 of the 891 groups holding another customer and
# 251 of the 7,479 others (3.4 %); on its variant 31 % (against 3.3 %), 379 of
# 556 and 7.6 %; on the 5,000-lead demo 33 % (against 3.2 %), 11 of 42 and
# 2.6 %.  At 0.9 a correct group was marked 14 % of the time on all three.
LOOSE_LINK = 0.8


@dataclass(frozen=True)
class GroupEvidence:
    """What the comparison view tells of a group besides its leads."""

    # One reason of each kind: for it, strongest first, then against it.
    reasons: list[Reason] = field(default_factory=list)
    # The leads linked to the rest only loosely (``LOOSE_LINK``): lead id ->
    # (the lead of the group it is likeliest one customer with, that probability).
    loose: dict[int, tuple[int, float]] = field(default_factory=dict)


def group_evidence(index: MatchIndex | None, lead_ids: Sequence[int]) -> GroupEvidence:
    """A group's reasons, one of each kind across its pairs (for it, strongest
    first, then against it, most contrary first), and its loosely linked
    leads, from every pair of its leads scored once.  Empty without an index or when the
    index does not know the leads (yet).  An index of contacts scores its own
    pairs (``ContactMatchIndex.score_pair``: a shared deal is a reason too)."""
    if index is None:
        return GroupEvidence()
    records = [index.leads[i] for i in dict.fromkeys(lead_ids) if i in index.leads]
    found: dict[str, Reason] = {}
    closest: dict[int, tuple[int, float]] = {}
    for x, y in combinations(records, 2):
        a, b = (x, y) if x.id < y.id else (y, x)
        if hasattr(index, "score_pair"):
            score, reasons = index.score_pair(a, b)
        else:
            score, reasons = score_pair(a, b, index.settings, index.model)
        for one, other in ((a.id, b.id), (b.id, a.id)):
            if one not in closest or score > closest[one][1]:
                closest[one] = (other, score)
        for reason in reasons:
            if reason.weight == 0:
                continue
            # One per kind, the strongest: "came 12 / 17 / 29 min apart" of each
            # pair said the same thing three times over.
            if reason.code not in found or abs(reason.weight) > abs(found[reason.code].weight):
                found[reason.code] = reason
    reasons = list(found.values())
    for_it = sorted((r for r in reasons if r.weight > 0), key=lambda r: -r.weight)
    against = sorted((r for r in reasons if r.weight < 0), key=lambda r: r.weight)
    # In a pair each lead's likeliest partner is the other: nothing to tell apart.
    loose = (
        {i: link for i, link in closest.items() if link[1] < LOOSE_LINK}
        if len(records) >= 3
        else {}
    )
    return GroupEvidence(for_it + against, loose)
