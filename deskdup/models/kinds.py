"""The schema's vocabularies (entities, rights, channels, communication kinds,
history events) as plain enums: the tables (``tables.py``) store them, and a
module that only needs a channel's name does not load SQLAlchemy for it."""

from __future__ import annotations

import enum


class Entity(enum.StrEnum):
    LEAD = "lead"
    CONTACT = "contact"
    DEAL = "deal"


class Action(enum.StrEnum):
    READ = "read"
    EDIT = "edit"
    DELETE = "delete"


class Scope(enum.StrEnum):
    """Bitrix24's access levels, ordered from narrowest to widest."""

    NONE = "none"
    OWN = "own"
    DEPARTMENT = "department"
    ALL = "all"

    @property
    def rank(self) -> int:
        return _SCOPE_RANK[self]


_SCOPE_RANK = {Scope.NONE: 0, Scope.OWN: 1, Scope.DEPARTMENT: 2, Scope.ALL: 3}


class CommKind(enum.StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    MESSENGER = "messenger"
    WEB = "web"


class Channel(enum.StrEnum):
    """Where a lead came from or where a communication lives."""

    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    VIBER = "viber"
    VK = "vk"
    AVITO = "avito"
    INSTAGRAM = "instagram"
    OPENLINE = "openline"
    SITE = "site"
    CALL = "call"
    EMAIL = "email"
    OTHER = "other"


class EventKind(enum.StrEnum):
    MERGE_LEADS = "merge_leads"
    BIND_CONTACT = "bind_contact"
    MERGE_CONTACTS = "merge_contacts"
    UNDO = "undo"
    DISMISS = "dismiss"  # pairs marked "not duplicates"
    TEAM_SETTINGS = "team_settings"  # a supervisor changed a team-wide setting
