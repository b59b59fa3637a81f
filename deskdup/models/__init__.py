"""Data only: the SQLAlchemy tables and the plain records built from them.

The enums (``kinds.py``) are plain Python; the tables are imported on first
use (``from deskdup.models import Lead``), so a module that needs only a
channel's name does not load SQLAlchemy and the ORM (``deskdup lookup``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from deskdup.models.kinds import Action, Channel, CommKind, Entity, EventKind, Scope

if TYPE_CHECKING:
    from deskdup.models.tables import (
        Activity,
        Base,
        Chat,
        ChatMessage,
        Communication,
        Contact,
        ContactDismissal,
        Deal,
        DemoTruth,
        Department,
        Dismissal,
        EventLead,
        Lead,
        MatchLead,
        MatchPair,
        MatchState,
        MergeEvent,
        Operator,
        OperatorRight,
        PortalJournal,
        ReviewClaim,
        SearchDirty,
        SearchLead,
        SearchName,
        WorkspaceMeta,
        deal_contacts,
    )

_KINDS = {"Action", "Channel", "CommKind", "Entity", "EventKind", "Scope"}


def __getattr__(name: str) -> Any:
    if name in __all__ and name not in _KINDS:
        value = getattr(importlib.import_module("deskdup.models.tables"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Action",
    "Activity",
    "Base",
    "Channel",
    "Chat",
    "ChatMessage",
    "CommKind",
    "Communication",
    "Contact",
    "ContactDismissal",
    "Deal",
    "DemoTruth",
    "Department",
    "Dismissal",
    "Entity",
    "EventKind",
    "EventLead",
    "Lead",
    "MatchLead",
    "MatchPair",
    "MatchState",
    "MergeEvent",
    "Operator",
    "OperatorRight",
    "PortalJournal",
    "ReviewClaim",
    "Scope",
    "SearchDirty",
    "SearchLead",
    "SearchName",
    "WorkspaceMeta",
    "deal_contacts",
]
