"""Every reason for and against a group of leads, for the comparison view.

The queue keeps a group's three strongest reasons for its "Why" column; the
operator comparing the leads side by side should read all of them, the
contrary ones too ("Different phones …"), also for leads she picked in the
lead list herself (no queue group, no reasons of its own).  The pairs are
scored again from the match index's in-memory records (``score_pair``), so
nothing is read from the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from deskdup.services.candidates import Reason
from deskdup.services.matching.compare import score_pair
from deskdup.services.matching.index import MatchIndex


def group_reasons(index: MatchIndex | None, lead_ids: Sequence[int]) -> list[Reason]:
    """One reason of each kind across the group's pairs: those for it, strongest first,
    then those against it, most contrary first.  Empty without an index or when
    the index does not know the leads (yet).  An index of contacts scores its own
    pairs (``ContactMatchIndex.score_pair``: a shared deal is a reason too)."""
    if index is None:
        return []
    records = [index.leads[i] for i in dict.fromkeys(lead_ids) if i in index.leads]
    found: dict[str, Reason] = {}
    for x, y in combinations(records, 2):
        a, b = (x, y) if x.id < y.id else (y, x)
        if hasattr(index, "score_pair"):
            _score, reasons = index.score_pair(a, b)
        else:
            _score, reasons = score_pair(a, b, index.settings, index.model)
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
    return for_it + against
