"""The queue the workspace keeps, read in two steps for a window's start.

``store.kept_result`` reads the kept pairs, decodes every reason and reads
the queue's columns of every lead in a group: seconds at 100k leads, and a
window's operator waits for the first screen only.  ``kept_queue`` reads
every pair's score and ranks the groups (their order needs all of them) but
decodes the reasons and reads the leads' columns only of the groups it is
asked to ``take`` (the first screens); ``KeptQueue.complete`` reads the rest
and is exactly ``kept_result``.

Outside ``matching/`` on purpose: reading the kept pairs computes nothing, so
a change here must not make them stale (``store.candidates_stamp`` hashes the
matcher's package).
"""

from __future__ import annotations

import heapq
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import func, select

from deskdup.models import MatchLead, MatchPair
from deskdup.services.candidates import CandidateGroup, CandidatePair
from deskdup.services.matching.blocks import quiet_gc
from deskdup.services.matching.groups import rank_pairs
from deskdup.services.matching.load import _dismissed, _raw
from deskdup.services.matching.search import _changed
from deskdup.services.matching.settings import LIKELY, POSSIBLE, MatchSettings, ScanResult
from deskdup.services.matching.store import _Reasons, _summaries, kept_holds


@dataclass
class KeptQueue:
    """The kept queue read in two steps, so a window shows its first groups at
    once: every pair's score and every group first, but the reasons (most of
    the bytes) and the queue's columns only of the groups ``take`` is given
    (the first screens); ``complete`` reads the rest.  Until then the other
    groups' pairs have no reasons and their leads no summaries in ``result``.

    A pair rewritten between the steps (another window keeping what it
    rescored) may show its new reasons with its old score until the window
    shows its index; ``kept_result`` reads everything at once."""

    result: ScanResult
    # The reasons as kept, of the pairs not decoded yet (None: not read yet).
    encoded: dict[tuple[int, int], str] | None = None
    first: list[CandidateGroup] = field(default_factory=list)  # the groups taken

    def take(self, ws, groups: list[CandidateGroup]) -> None:
        """Make ``groups`` (of ``result``) complete: their reasons decoded, their
        leads' summaries read (by key: they are few)."""
        ids = {i for g in groups for i in g.lead_ids}
        with quiet_gc(), ws.engine.connect() as conn:
            encoded = self.encoded
            if encoded is None:
                encoded = _reasons(conn, self.result.threshold, ids)
            decoder = _Reasons()
            for group in groups:
                group.pairs = [
                    CandidatePair(p.a, p.b, p.score, decoder.decode(encoded.pop((p.a, p.b))))
                    if (p.a, p.b) in encoded
                    else p  # taken before, or kept without reasons
                    for p in group.pairs
                ]
            summaries = self.result.summaries
            missing = {i for i in ids if i not in summaries}
            if missing:
                summaries.update(_summaries(conn, missing))
        self.first.extend(groups)

    def complete(self, ws) -> ScanResult:
        """The whole result (what ``kept_result`` returns): every reason decoded,
        every lead's summary read; the groups taken are the same objects."""
        done = {id(g) for g in self.first}
        old = self.result
        with quiet_gc(), ws.engine.connect() as conn:
            encoded = self.encoded
            if encoded is None:
                encoded = _reasons(conn, old.threshold)
            decoder = _Reasons()
            decoded: dict[tuple[int, int], CandidatePair] = {}

            def full(pair: CandidatePair) -> CandidatePair:
                text = encoded.get((pair.a, pair.b))
                if not text:
                    return pair
                got = decoded[pair.a, pair.b] = CandidatePair(
                    pair.a, pair.b, pair.score, decoder.decode(text)
                )
                return got

            for group in self.first:
                decoded.update(((p.a, p.b), p) for p in group.pairs)
            groups = [
                g if id(g) in done else CandidateGroup(g.lead_ids, list(map(full, g.pairs)), g.tier)
                for g in old.groups
            ]
            pairs = [decoded.get((p.a, p.b), p) for p in old.pairs]
            missing = {i for g in groups for i in g.lead_ids if i not in old.summaries}
            summaries = dict(old.summaries)
            if missing:
                summaries.update(_summaries(conn, missing))
        return ScanResult(
            pairs, groups, summaries, old.lead_count, threshold=old.threshold, tier=old.tier
        )


def _reasons(
    conn, limit: float, lead_ids: Collection[int] | None = None
) -> dict[tuple[int, int], str]:
    """The kept reasons of the pairs at or above ``limit`` (of pairs whose first
    lead is one of ``lead_ids``, by key, when given)."""
    query = select(MatchPair.lead_a, MatchPair.lead_b, MatchPair.reasons).where(
        MatchPair.score >= limit
    )
    if lead_ids is not None:
        query = query.where(MatchPair.lead_a.in_(sorted(lead_ids)))
    return {(a, b): reasons for a, b, reasons in _raw(conn, query)}


def queue_order(group: CandidateGroup) -> tuple:
    """The queue's order of groups: best score first, then by their leads (a
    group's pairs are best first: ``rank_pairs``)."""
    return (-group.pairs[0].score if group.pairs else 0.0, group.lead_ids)


def kept_queue(
    ws, settings: MatchSettings, tier: str = LIKELY, first: int = 100, reasons: bool = False
) -> KeptQueue | None:
    """The kept queue with only its ``first`` best groups complete (see
    ``KeptQueue``: ``take`` completes others); None when nothing is kept for
    these settings.  ``reasons``: read every pair's reasons at once, in the
    same read as the scores (``kept_result``)."""
    with quiet_gc(), ws.engine.connect() as conn:
        if not kept_holds(conn, settings):
            return None
        changed, gone = _changed(conn, MatchLead.__table__)
        queue = read_kept_queue(conn, settings, tier, reasons, set(changed) | set(gone))
    if first:
        queue.take(ws, heapq.nsmallest(first, queue.result.groups, key=queue_order))
    return queue


def read_kept_queue(
    conn, settings: MatchSettings, tier: str, reasons: bool, stale: Collection[int]
) -> KeptQueue:
    """``kept_queue`` on ``conn``, whose kept candidates are those of
    ``settings`` and whose ``stale`` leads (changed or gone since) are known:
    nothing taken yet."""
    with quiet_gc():
        count = conn.execute(select(func.count()).select_from(MatchLead)).scalar_one()
        # One read of every kept pair (the index keeps them from the possible
        # tier on): the likely tier starts where the index puts it, by all
        # their scores, and the tier asked for is cut from the same rows.
        columns = [MatchPair.lead_a, MatchPair.lead_b, MatchPair.score]
        if reasons:
            columns.append(MatchPair.reasons)
        floor = settings.threshold_of(POSSIBLE)
        kept = list(_raw(conn, select(*columns).where(MatchPair.score >= floor)))
        likely = settings.likely_start((row[2] for row in kept), count)
        limit = settings.threshold_of(tier, likely)
        encoded: dict[tuple[int, int], str] | None = {} if reasons else None
        pairs = []
        for row in kept:
            a, b = row[0], row[1]
            if row[2] < limit or a in stale or b in stale:
                continue
            pairs.append(CandidatePair(a, b, row[2]))
            if encoded is not None:
                encoded[a, b] = row[3]
        pairs, groups = rank_pairs(pairs, _dismissed(conn), limit, likely)
    return KeptQueue(ScanResult(pairs, groups, {}, count, threshold=limit, tier=tier), encoded)
