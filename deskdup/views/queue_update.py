"""What the review queue must change after a refresh: the groups that moved.

After a merge, a dismissal or an undo the index is refreshed and hands back
every group again (20,000 at 100k leads).  Rebuilding every row from it
(names and rights read for 35,000 leads) and resetting the table took
seconds and lost the highlight.  Here the new result is compared with the one
the queue was built from: a group is *kept* when it has the same leads, the
same pairs with the same scores and reasons, and every lead the same summary
(name, channel, owner); rows are built only for the others, and the model
takes them as row insertions and removals (``QueueModel.update``).

Plain Python, run on the database worker; only the model is Qt.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from deskdup.services.candidates import CandidateGroup, CandidatePair, LeadSummary
from deskdup.services.lead_rows import GroupRights, load_queue_facts
from deskdup.services.matching import ScanResult
from deskdup.services.operators import OperatorInfo
from deskdup.services.workspace import Workspace
from deskdup.views.queue_rows import QueueRow, build_rows


@dataclass
class QueueDelta:
    """Rows to take out (by group key) and rows to put in, relative to ``base``."""

    removed: set[str] = field(default_factory=set)
    added: list[QueueRow] = field(default_factory=list)
    kept: int = 0  # groups left as they were
    # Every lead in a group after the refresh (the lead list's "has duplicates").
    in_groups: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.removed or self.added)


def _same_pairs(old: list[CandidatePair], new: list[CandidatePair]) -> bool:
    # A refresh keeps the pair objects of leads it did not rescore: ``is`` is the
    # common answer, equality the exact one for a rescore that came out the same.
    return len(old) == len(new) and all(p is q or p == q for p, q in zip(old, new, strict=True))


def _same_leads(
    lead_ids: Iterable[int], old: Mapping[int, LeadSummary], new: Mapping[int, LeadSummary]
) -> bool:
    for i in lead_ids:
        a, b = old.get(i), new.get(i)
        if a is None or b is None or not (a is b or a == b):
            return False
    return True


def changed_groups(
    old: ScanResult, new: ScanResult, dropped: Collection[str] = ()
) -> tuple[set[str], list[CandidateGroup], int]:
    """(keys of ``old`` groups gone or changed, ``new`` groups new or changed, kept count).

    Groups are matched by their leads (the tuple, not the key string: 20,000
    string joins a refresh are worth avoiding).  ``dropped``: keys of groups the
    queue took out since ``old`` (decided on): one of them still, or again, in
    ``new`` (an undo before the refresh) is put back."""
    before = {g.lead_ids: g for g in old.groups}
    if dropped:
        taken = set(dropped)
        before = {ids: g for ids, g in before.items() if g.key not in taken}
    fresh: list[CandidateGroup] = []
    kept: set[tuple[int, ...]] = set()
    old_leads, new_leads = old.summaries, new.summaries
    for group in new.groups:
        was = before.get(group.lead_ids)
        if (
            was is not None
            and was.tier == group.tier
            and _same_pairs(was.pairs, group.pairs)
            and _same_leads(group.lead_ids, old_leads, new_leads)
        ):
            kept.add(group.lead_ids)
        else:
            fresh.append(group)
    removed = {g.key for ids, g in before.items() if ids not in kept}
    return removed, fresh, len(kept)


def queue_delta(
    ws: Workspace,
    operator: OperatorInfo,
    old: ScanResult,
    new: ScanResult,
    dropped: Collection[str] = (),
) -> QueueDelta:
    """The rows to remove and add so a queue built from ``old``, less the groups
    ``dropped`` since, shows ``new`` (worker)."""
    removed, fresh, kept = changed_groups(old, new, dropped)
    delta = QueueDelta(removed, [], kept, lead_ids_in_groups(new))
    if fresh:
        facts = load_queue_facts(ws, {i for g in fresh for i in g.lead_ids})
        rights = GroupRights(operator, facts.owners, facts.policy)
        delta.added = build_rows(fresh, new.summaries, facts.names, rights)
    return delta


def lead_ids_in_groups(result: ScanResult) -> frozenset[int]:
    """Every lead that has a candidate group (the lead list's "has duplicates")."""
    return frozenset(i for g in result.groups for i in g.lead_ids)
