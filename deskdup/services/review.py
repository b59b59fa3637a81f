"""Opening a candidate group for review: the plan, the team's policy and the rights.

``load_group`` is what the comparison view runs on the database worker when
the operator opens a group: it builds the ``MergePlan``, reads the merge policy
and checks the signed-in operator's rights.  When the suggested primary cannot
be merged into but another lead can (edit and archive rights often differ by
lead), that lead becomes the primary, by the rule the queue uses to mark a
group mergeable (``rights.primary_choice``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from deskdup.services.merge_plan import MergePlan, build_plan
from deskdup.services.policy import MergePolicy, load_policy
from deskdup.services.rights import OperatorInfo, Refusal, check_lead, check_merge, primary_choice
from deskdup.services.workspace import Workspace


@dataclass
class LoadedGroup:
    """What the worker hands back for one group."""

    plan: MergePlan
    policy: MergePolicy
    refusals: list[Refusal]


def load_group(
    workspace: Workspace,
    operator: OperatorInfo,
    lead_ids: Sequence[int],
    primary_id: int | None = None,
) -> LoadedGroup:
    """Build the plan and check the rights; ``primary_id`` None lets the plan suggest one."""
    with workspace.session() as session:
        plan = build_plan(session, lead_ids, primary_id)
        policy = load_policy(session)
    refusals = check_merge(None, operator, plan, policy)
    if refusals and primary_id is None:
        refusals = _primary_the_operator_may_keep(operator, plan, policy, refusals)
    return LoadedGroup(plan, policy, refusals)


def _primary_the_operator_may_keep(
    operator: OperatorInfo, plan: MergePlan, policy: MergePolicy, refusals: list[Refusal]
) -> list[Refusal]:
    """When the suggested primary cannot be merged into, suggest one that can.

    Tries the leads in the order the plan suggests them; keeps the plan's own
    suggestion when none works.
    """
    cards = [plan.cards[i] for i in plan.lead_ids]
    position = {lead_id: i for i, lead_id in enumerate(plan.lead_ids)}
    order = sorted(
        plan.other_ids,
        key=lambda i: (-plan.cards[i].data_score, plan.cards[i].created_at, i),
    )
    best, lacking = primary_choice(
        len(cards),
        lambda i, action: check_lead(operator, cards[i], action) is None,
        preferred=[position[plan.primary_id], *(position[i] for i in order)],
    )
    if lacking:
        return refusals
    plan.set_primary(cards[best].id)
    return []


__all__ = ["LoadedGroup", "load_group"]
