"""Reviewing a candidate group: opening it, and the decisions written back.

``load_group`` is what the comparison view runs on the database worker when
the operator opens a group: it builds the ``MergePlan``, reads the merge policy
and checks the signed-in operator's rights.  When the suggested primary cannot
be merged into but another lead can (edit and archive rights often differ by
lead), that lead becomes the primary, by the rule the queue uses to mark a
group mergeable (``rights.primary_choice``).

The decisions (merge, not duplicates, one lead excluded, undo) each return a
``ReviewChange``: what changed, for the views that show those leads (the
window subscribes to it instead of each view forwarding its own signal).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from deskdup.models import Action, Contact, Lead
from deskdup.services import merge as merge_service
from deskdup.services.binding import CONTEXT, MSG_BOUND, BindResult, bind_lead
from deskdup.services.contact_merge import apply_contact_merge, build_contact_plan
from deskdup.services.dismissals import dismiss_contacts
from deskdup.services.errors import KnownError, fail
from deskdup.services.merge_plan import CONTACT, LEAD, MergePlan, build_plan
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message, MessageList, Translate
from deskdup.services.policy import MergePolicy, load_policy
from deskdup.services.rights import (
    OperatorInfo,
    Refusal,
    check_lead,
    check_merge,
    hidden_lead,
    plan_entity,
    primary_choice,
    rights_cards,
)
from deskdup.services.workspace import Workspace

MSG_NO_PORTAL_MERGE_BIND = QT_TRANSLATE_NOOP(
    "Contacts",
    "With a Bitrix24 portal the merge cannot bind its result to a contact yet: merge, "
    "then bind the merged lead to the contact (lead list, right click).",
)


@dataclass
class LoadedGroup:
    """What the worker hands back for one group."""

    plan: MergePlan
    policy: MergePolicy
    refusals: list[Refusal]
    # Leads of the group the operator may not read: left out of the plan, said as
    # "a lead of Продажи 2 you may not read".
    hidden: tuple[Message, ...] = ()


class HiddenGroup(KnownError):
    """Fewer than two leads of the group may be read: there is nothing to compare."""


MSG_HIDDEN_GROUP = QT_TRANSLATE_NOOP(
    "Review", "This group holds leads you may not read ({hidden}); there is nothing to compare"
)


def load_group(
    workspace: Workspace,
    operator: OperatorInfo,
    lead_ids: Sequence[int],
    primary_id: int | None = None,
    entity: str = LEAD,
) -> LoadedGroup:
    """Build the plan and check the rights; ``primary_id`` None lets the plan suggest one.

    ``entity`` CONTACT: the ids are contacts (``contact_merge.build_contact_plan``).
    Leads the operator may not read are not loaded into the plan (none of their
    data reaches the view); they stay refused, so the group cannot be merged
    while they are in it.
    """
    unreadable: list = []
    hidden: tuple[Message, ...] = ()
    with workspace.session() as session:
        if entity == CONTACT:
            plan = build_contact_plan(session, lead_ids, primary_id)
        else:
            cards = rights_cards(session, lead_ids)
            unreadable = [
                cards[i]
                for i in dict.fromkeys(lead_ids)
                if i in cards and check_lead(operator, cards[i], Action.READ) is not None
            ]
            hidden_ids = {card.id for card in unreadable}
            shown = [i for i in lead_ids if i not in hidden_ids]
            departments = [card.department_name for card in unreadable]
            hidden = tuple({str(m): m for m in map(hidden_lead, departments)}.values())
            if unreadable and len(shown) < 2:
                text = MessageList(hidden, separator="; ")
                raise fail(HiddenGroup, Message("Review", MSG_HIDDEN_GROUP, {"hidden": text}))
            plan = build_plan(session, shown, primary_id if primary_id in shown else None)
        policy = load_policy(session)
    refusals = check_merge(None, operator, plan, policy)
    if refusals and primary_id is None:
        refusals = _primary_the_operator_may_keep(operator, plan, policy, refusals)
    refusals += [check_lead(operator, card, Action.READ) for card in unreadable]
    return LoadedGroup(plan, policy, refusals, hidden)


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
    entity = plan_entity(plan)
    best, lacking = primary_choice(
        len(cards),
        lambda i, action: check_lead(operator, cards[i], action, entity=entity) is None,
        preferred=[position[plan.primary_id], *(position[i] for i in order)],
    )
    if lacking:
        return refusals
    plan.set_primary(cards[best].id)
    return []


class ChangeKind(enum.StrEnum):
    MERGE = "merge"
    DISMISS = "dismiss"
    UNDO = "undo"
    BIND = "bind"


@dataclass(frozen=True)
class ReviewChange:
    """What a review decision changed (Anki's ``OpChanges``)."""

    kind: ChangeKind
    group: tuple[int, ...]  # the leads decided on (undo: the leads restored)
    gone: tuple[int, ...] = ()  # leads merged away: no longer open
    closes_group: bool = True  # the group leaves the queue (not when 2+ leads remain)
    result: Any = None  # MergeResult, UndoResult, or how many pairs were dismissed


def merge_group(
    workspace: Workspace,
    plan: MergePlan,
    operator_id: int,
    policy: MergePolicy,
    note_translators: Mapping[str, Translate] | None = None,
    note_default: str = "en",
    *,
    backend: Any = None,
) -> ReviewChange:
    """Merge in the workspace, or through ``backend`` (a linked CRM portal) when given."""
    if plan.entity == CONTACT:
        result = apply_contact_merge(workspace, plan, operator_id, policy)
    elif backend is not None and plan.contact_pick is not None:
        raise fail(KnownError, Message(CONTEXT, MSG_NO_PORTAL_MERGE_BIND))
    elif backend is not None:
        result = backend.apply_merge(plan, operator_id)
    else:
        result = merge_service.apply_merge(
            workspace, plan, operator_id, policy, note_translators, note_default
        )
    group = (result.primary_id, *result.merged_ids)
    return ReviewChange(ChangeKind.MERGE, group, tuple(result.merged_ids), result=result)


def _dismiss(entity: str):
    return dismiss_contacts if entity == CONTACT else merge_service.dismiss


def dismiss_group(
    workspace: Workspace,
    lead_ids: Sequence[int],
    operator_id: int,
    reason: str,
    entity: str = LEAD,
) -> ReviewChange:
    """Every pair of the group (of leads, or of contacts) is "not duplicates"."""
    pairs = _dismiss(entity)(workspace, lead_ids, operator_id, reason)
    return ReviewChange(ChangeKind.DISMISS, tuple(lead_ids), result=pairs)


def exclude_lead(
    workspace: Workspace,
    lead_ids: Sequence[int],
    lead_id: int,
    operator_id: int,
    reason: str,
    entity: str = LEAD,
) -> ReviewChange:
    """``lead_id`` is someone else: its pairs with the other leads (or contacts)
    are "not duplicates".

    The group goes on with the others when two or more remain.
    """
    others = [i for i in lead_ids if i != lead_id]
    dismiss = _dismiss(entity)
    pairs = sum(dismiss(workspace, [lead_id, other], operator_id, reason) for other in others)
    return ReviewChange(
        ChangeKind.DISMISS, tuple(lead_ids), closes_group=len(others) < 2, result=pairs
    )


def bind_to_contact(
    workspace: Workspace,
    lead_id: int,
    contact_id: int,
    operator_id: int,
    expected_version: int | None = None,
    *,
    backend: Any = None,
) -> ReviewChange:
    """Bind one lead to a contact (``services/binding.py``), or through ``backend``
    (a linked CRM portal: the portal first, then the workspace)."""
    if backend is None:
        result = bind_lead(workspace, lead_id, contact_id, operator_id, expected_version)
    else:
        with workspace.session() as session:
            lead = session.get(Lead, lead_id)
            version = lead.version if lead is not None else 0
        event_id = backend.bind_contact(
            lead_id,
            contact_id,
            operator_id,
            expected_version if expected_version is not None else version,
        )
        with workspace.session() as session:
            lead = session.get(Lead, lead_id)
            contact = session.get(Contact, contact_id)
            params = {
                "lead": lead.label if lead else lead_id,
                "contact": (contact.external_id or str(contact.id)) if contact else contact_id,
                "name": contact.full_name if contact else "",
                "comms": 0,
                "chats": 0,
            }
        result = BindResult(
            event_id, lead_id, contact_id, 0, 0, Message(CONTEXT, MSG_BOUND, params)
        )
    return ReviewChange(ChangeKind.BIND, (lead_id,), closes_group=False, result=result)


def undo_merge(workspace: Workspace, event_id: int, operator_id: int) -> ReviewChange:
    result = merge_service.undo_event(workspace, event_id, operator_id)
    return ReviewChange(
        ChangeKind.UNDO, tuple(result.restored_ids), closes_group=False, result=result
    )


__all__ = [
    "ChangeKind",
    "LoadedGroup",
    "ReviewChange",
    "bind_to_contact",
    "dismiss_group",
    "exclude_lead",
    "load_group",
    "merge_group",
    "undo_merge",
]
