"""The reference schema: SQLAlchemy 2.0 typed declarative tables.

These tables hold both the CRM data (when the SQL backend is the CRM) and
deskdup's own workspace (history, dismissals, review claims), whatever the
backend.  Schema changes go through Alembic (``deskdup/migrations``).

Every table a merge writes carries a ``version`` column used as SQLAlchemy's
``version_id_col``: an UPDATE that finds another version raises
``StaleDataError``, which the merge service turns into "changed by someone
else, reloaded".
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from deskdup.models.kinds import Action, Channel, CommKind, Entity, EventKind, Scope

# Stable constraint names so Alembic migrations work the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# --------------------------------------------------------------------------- enums


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Store the string values (not names) and as VARCHAR + CHECK, portable everywhere.
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=20,
        values_callable=lambda e: [m.value for m in e],
    )


# --------------------------------------------------------------------------- people


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)

    operators: Mapped[list[Operator]] = relationship(back_populates="department")


class Operator(Base):
    """A CRM user: an operator, a manager or a supervisor."""

    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    login: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Supervisors review the history and undo merges; not a per-entity scope.
    can_undo: Mapped[bool] = mapped_column(Boolean, default=False)

    department: Mapped[Department | None] = relationship(back_populates="operators")
    rights: Mapped[list[OperatorRight]] = relationship(
        back_populates="operator", cascade="all, delete-orphan"
    )


class OperatorRight(Base):
    __tablename__ = "operator_rights"
    __table_args__ = (UniqueConstraint("operator_id", "entity", "action"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id", ondelete="CASCADE"))
    entity: Mapped[Entity] = mapped_column(_enum(Entity, "entity"))
    action: Mapped[Action] = mapped_column(_enum(Action, "action"))
    scope: Mapped[Scope] = mapped_column(_enum(Scope, "scope"), default=Scope.NONE)

    operator: Mapped[Operator] = relationship(back_populates="rights")


# --------------------------------------------------------------------------- CRM records


deal_contacts = Table(
    "deal_contacts",
    Base.metadata,
    Column("deal_id", ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
)


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    middle_name: Mapped[str] = mapped_column(String(100), default="")
    assigned_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    comments: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}

    assigned: Mapped[Operator | None] = relationship()
    communications: Mapped[list[Communication]] = relationship(
        back_populates="contact", foreign_keys="Communication.contact_id"
    )
    deals: Mapped[list[Deal]] = relationship(secondary=deal_contacts, back_populates="contacts")

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)


class Lead(Base):
    __tablename__ = "leads"
    __table_args__ = (
        Index("ix_leads_created_at", "created_at"),
        Index("ix_leads_updated_at", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    middle_name: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(40), default="new")
    source_channel: Mapped[Channel] = mapped_column(
        _enum(Channel, "channel"), default=Channel.OTHER
    )
    assigned_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    comments: Mapped[str] = mapped_column(Text, default="")
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("leads.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}

    assigned: Mapped[Operator | None] = relationship()
    contact: Mapped[Contact | None] = relationship()
    communications: Mapped[list[Communication]] = relationship(
        back_populates="lead",
        foreign_keys="Communication.lead_id",
        cascade="all, delete-orphan",
        order_by="Communication.id",
    )
    chats: Mapped[list[Chat]] = relationship(back_populates="lead", order_by="Chat.id")
    activities: Mapped[list[Activity]] = relationship(back_populates="lead", order_by="Activity.id")
    deals: Mapped[list[Deal]] = relationship(back_populates="lead", order_by="Deal.id")

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)

    @property
    def label(self) -> str:
        """The id an operator quotes: the CRM's own id when there is one."""
        return self.external_id or str(self.id)


class Communication(Base):
    """A phone, e-mail, messenger handle or web address of a lead or a contact."""

    __tablename__ = "communications"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int | None] = mapped_column(
        ForeignKey("leads.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[CommKind] = mapped_column(_enum(CommKind, "comm_kind"))
    channel: Mapped[Channel] = mapped_column(_enum(Channel, "channel"), default=Channel.OTHER)
    raw_value: Mapped[str] = mapped_column(String(300))
    # E.164 phone, lower-case e-mail, handle without @; empty when it could not be
    # normalised (the raw value is kept and ``is_valid`` is false).
    normalized: Mapped[str] = mapped_column(String(300), default="", index=True)
    is_valid: Mapped[bool] = mapped_column(Boolean, default=True)

    lead: Mapped[Lead | None] = relationship(
        back_populates="communications", foreign_keys=[lead_id]
    )
    contact: Mapped[Contact | None] = relationship(
        back_populates="communications", foreign_keys=[contact_id]
    )


class Chat(Base):
    """An open-line conversation behind a lead (Telegram, WhatsApp, Avito chat...)."""

    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("leads.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    channel: Mapped[Channel] = mapped_column(_enum(Channel, "channel"))
    external_chat_id: Mapped[str] = mapped_column(String(100))
    first_message: Mapped[str] = mapped_column(Text, default="")
    message_count: Mapped[int] = mapped_column(Integer, default=1)
    last_message_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}

    lead: Mapped[Lead | None] = relationship(back_populates="chats")


class ChatMessage(Base):
    """One message of a chat, the customer's (incoming) or the team's.

    Never written by a merge (a merge moves the chat, its messages go with it),
    so no version counter; deleting a chat deletes its messages.
    """

    __tablename__ = "chat_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chats.id", ondelete="CASCADE"), index=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime)
    incoming: Mapped[bool] = mapped_column(Boolean)  # from the customer
    author: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")


class Activity(Base):
    """A call, task, meeting or e-mail logged against a lead."""

    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("leads.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}

    lead: Mapped[Lead | None] = relationship(back_populates="activities")


class Deal(Base):
    __tablename__ = "deals"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    stage: Mapped[str] = mapped_column(String(40), default="new")
    amount: Mapped[float] = mapped_column(Numeric(14, 2), default=0)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("leads.id"), index=True)
    assigned_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}

    lead: Mapped[Lead | None] = relationship(back_populates="deals")
    contacts: Mapped[list[Contact]] = relationship(secondary=deal_contacts, back_populates="deals")


# --------------------------------------------------------------------------- workspace


class MergeEvent(Base):
    """One entry of the merge history, with enough of the past to undo it exactly."""

    __tablename__ = "merge_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[EventKind] = mapped_column(_enum(EventKind, "event_kind"), index=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    primary_id: Mapped[int | None] = mapped_column(Integer, index=True)
    other_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    # field -> chosen source lead id, as the operator chose.
    choices: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Every row the event touched, as it was before: {"leads": [...], "communications": [...]...}
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    summary: Mapped[str] = mapped_column(Text, default="")
    undo_of_id: Mapped[int | None] = mapped_column(ForeignKey("merge_events.id"))
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("merge_events.id"))

    operator: Mapped[Operator] = relationship()


class EventLead(Base):
    """A lead (or contact) an event concerns, so the history finds events by lead.

    ``label`` and ``search`` are copied when the event is written: a lead the
    merge deleted is still found by its CRM id or name.  ``search`` is the
    folded name and label (``normalize.fold``).
    """

    __tablename__ = "event_leads"
    __table_args__ = (UniqueConstraint("event_id", "role", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("merge_events.id", ondelete="CASCADE"), index=True
    )
    # "primary", "other" (leads) or "contact".
    role: Mapped[str] = mapped_column(String(10))
    record_id: Mapped[int] = mapped_column(Integer, index=True)
    label: Mapped[str] = mapped_column(String(64), default="", index=True)
    search: Mapped[str] = mapped_column(String(400), default="")


class Dismissal(Base):
    """A pair of leads a team member marked "not duplicates"; team-wide."""

    __tablename__ = "dismissals"
    __table_args__ = (UniqueConstraint("lead_a_id", "lead_b_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Always stored with lead_a_id < lead_b_id.
    lead_a_id: Mapped[int] = mapped_column(Integer, index=True)
    lead_b_id: Mapped[int] = mapped_column(Integer, index=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text, default="")

    operator: Mapped[Operator] = relationship()


class ContactDismissal(Base):
    """A pair of contacts a team member marked "not duplicates"; team-wide (as
    ``Dismissal`` for leads: contact ids and lead ids are apart, so two tables)."""

    __tablename__ = "contact_dismissals"
    __table_args__ = (UniqueConstraint("contact_a_id", "contact_b_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Always stored with contact_a_id < contact_b_id.
    contact_a_id: Mapped[int] = mapped_column(Integer, index=True)
    contact_b_id: Mapped[int] = mapped_column(Integer, index=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text, default="")

    operator: Mapped[Operator] = relationship()


class ReviewClaim(Base):
    """An operator is looking at this candidate group until ``expires_at``."""

    __tablename__ = "review_claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Sorted lead ids joined by commas: the same group gets the same key.
    group_key: Mapped[str] = mapped_column(String(500), unique=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    claimed_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)

    operator: Mapped[Operator] = relationship()


class PortalJournal(Base):
    """A merge written to a linked CRM portal, step by step.

    A REST merge is several requests; each step is committed here before the
    next is sent, so a merge cut off half-way (crash, network, an answer lost)
    is finished or reported on the next start and never applied twice.
    ``target`` is what the portal must end with, ``before`` the portal's
    records as they were (nothing is lost even when the merge fails).
    """

    __tablename__ = "portal_journal"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="merge")
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    primary_external_id: Mapped[str] = mapped_column(String(64))
    other_external_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    target: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # planned -> agreed -> merge_sent -> merged -> done (or rolled_back)
    step: Mapped[str] = mapped_column(String(20), default="planned")
    # open (to be finished), done, failed (told, nothing lost)
    state: Mapped[str] = mapped_column(String(20), default="open", index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    requests: Mapped[int] = mapped_column(Integer, default=0)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("merge_events.id"))

    operator: Mapped[Operator] = relationship()


class WorkspaceMeta(Base):
    """Key/value facts about the workspace (sync cursors, when it was created)."""

    __tablename__ = "workspace_meta"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class DemoTruth(Base):
    """Ground truth of a demo workspace: which leads are one person.

    Written only by ``deskdup demo``; used by tests and benchmarks to measure
    precision and recall.  Empty in a real workspace.
    """

    __tablename__ = "demo_truth"

    lead_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(Integer, index=True)
    # What the generator meant by this lead ("telegram_nick", "returning", "namesake"...).
    story: Mapped[str] = mapped_column(String(40), default="")


# --------------------------------------------------------------------------
# What detection keeps between runs (services/matching/store.py, search.py).
# Derived from the leads, never edited by hand: each table says which version
# of every lead it reflects, so a reader finds the leads changed since and
# brings only those up to date.  No foreign keys: a lead deleted by a merge
# leaves rows here that the next refresh drops.


class MatchState(Base):
    """The stamp of each kept artefact ("candidates", "search"): the settings and
    the code it was computed with.  Another stamp means it is computed afresh."""

    __tablename__ = "match_state"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(80), default="")
    saved_at: Mapped[datetime | None] = mapped_column(DateTime)


class MatchLead(Base):
    """A lead as the kept candidate pairs know it: its version, inquiry tier and
    the name the queue shows (``_Lead.display_name``: a nickname, e-mail or phone
    when the lead has no name), so the queue is shown without reading it again."""

    __tablename__ = "match_leads"

    lead_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer, default=0)
    tier: Mapped[str] = mapped_column(String(10), default="personal")
    name: Mapped[str] = mapped_column(String(200), default="")
    # The lead's updated_at when kept (copied in SQL): a change made outside
    # deskdup moves it without moving the version.
    updated: Mapped[datetime | None] = mapped_column(DateTime)


class MatchPair(Base):
    """A kept candidate pair (from the possible tier's threshold on), its reasons as JSON."""

    __tablename__ = "match_pairs"

    lead_a: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    lead_b: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False, index=True)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    reasons: Mapped[str] = mapped_column(Text, default="[]")


class SearchLead(Base):
    """A lead as the kept search names know it (its version and updated_at)."""

    __tablename__ = "search_leads"

    lead_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[datetime | None] = mapped_column(DateTime)


class SearchDirty(Base):
    """A lead whose search names may be stale: marked by the database's own
    triggers (migration 0008) at every write of the lead or its communications;
    ``n`` counts the marks, so a refresh unmarks only what it read."""

    __tablename__ = "search_dirty"

    lead_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(Integer, default=1)


class SearchName(Base):
    """One name key of a lead for the search box: kind S (surname key), F (first
    name), W (a folded name word, what a typo is corrected against)."""

    __tablename__ = "search_names"

    kind: Mapped[str] = mapped_column(String(1), primary_key=True)
    value: Mapped[str] = mapped_column(String(100), primary_key=True)
    lead_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False, index=True)
