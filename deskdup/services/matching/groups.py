"""Candidate groups: the connected components of the pairs, ranked."""

from __future__ import annotations

from collections.abc import Iterable

from deskdup.services.candidates import CandidateGroup, CandidatePair
from deskdup.services.matching.settings import POSSIBLE


def _groups(pairs: list[CandidatePair]) -> list[CandidateGroup]:
    """Connected components of the pairs (given best first), each with its pairs
    best first; groups ranked by their best pair, then size, then ids."""
    parent: dict[int, int] = {}

    def root(lead_id: int) -> int:
        top = parent.setdefault(lead_id, lead_id)
        if top == lead_id:
            return lead_id
        path = [lead_id]
        while (up := parent[top]) != top:
            path.append(top)
            top = up
        for node in path:  # compress: later finds are one step
            parent[node] = top
        return top

    for pair in pairs:
        ra, rb = root(pair.a), root(pair.b)
        if ra != rb:
            parent[rb] = ra
    group_pairs: dict[int, list[CandidatePair]] = {}
    for pair in pairs:  # in the given order, so each group's pairs stay best first
        group_pairs.setdefault(root(pair.a), []).append(pair)
    members: dict[int, list[int]] = {}
    for lead_id in parent:
        members.setdefault(root(lead_id), []).append(lead_id)
    ranked = []
    for top, its_pairs in group_pairs.items():
        ids = tuple(sorted(members[top]))
        ranked.append((-its_pairs[0].score, -len(ids), ids, its_pairs))
    ranked.sort(key=lambda r: (r[0], r[1], r[2]))
    return [CandidateGroup(ids, its_pairs) for _s, _n, ids, its_pairs in ranked]


def rank_pairs(
    pairs: Iterable[CandidatePair],
    dismissed: set[tuple[int, int]],
    limit: float,
    review_threshold: float,
) -> tuple[list[CandidatePair], list[CandidateGroup]]:
    """The pairs at or above ``limit`` that no one dismissed, best first, and
    their groups; a group whose best pair is under the review threshold is of
    the possible tier."""
    kept = [p for p in pairs if p.score >= limit and (p.a, p.b) not in dismissed]
    kept.sort(key=lambda p: (-p.score, p.a, p.b))
    groups = _groups(kept)
    for group in groups:
        if group.score < review_threshold:
            group.tier = POSSIBLE
    return kept, groups
