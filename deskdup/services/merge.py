"""Applying a merge plan, undoing it, and marking leads "not duplicates" (SQL backend).

Being filled in; the signatures are final.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from deskdup.services.merge_plan import MergePlan
from deskdup.services.messages import Message
from deskdup.services.policy import MergePolicy
from deskdup.services.workspace import Workspace


@dataclass(frozen=True)
class MergeResult:
    event_id: int
    primary_id: int
    merged_ids: tuple[int, ...]
    summary: Message


@dataclass(frozen=True)
class UndoResult:
    event_id: int  # the UNDO event
    undone_event_id: int
    restored_ids: tuple[int, ...]
    summary: Message


def apply_merge(
    ws: Workspace, plan: MergePlan, operator_id: int, policy: MergePolicy | None = None
) -> MergeResult:
    """Apply ``plan`` in one transaction; StaleError / RightsError write nothing."""
    raise NotImplementedError


def undo_event(ws: Workspace, event_id: int, operator_id: int) -> UndoResult:
    """Restore every row the merge event touched exactly; KnownError if changed since."""
    raise NotImplementedError


def last_undoable_event(ws: Workspace, operator_id: int) -> int | None:
    """The id of this operator's newest merge that was not undone, or None."""
    raise NotImplementedError


def dismiss(ws: Workspace, lead_ids: Sequence[int], operator_id: int, reason: str = "") -> int:
    """Mark every pair of ``lead_ids`` "not duplicates" (team-wide); new pairs count."""
    raise NotImplementedError


def undo_dismiss(ws: Workspace, lead_ids: Sequence[int]) -> int:
    """Forget the dismissals between ``lead_ids``; the number removed."""
    raise NotImplementedError
