"""The leads of a merge plan as the comparison view shows them: one
``LeadCard`` a column, with the lead's communications (``CommInfo``), chats,
activities and deals, and on a contact's card the leads bound to it
(``LeadLink``).  Plain frozen records, read only; ``merge_plan.py`` builds them
from the database and makes the plan of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from deskdup.models import Channel, CommKind


@dataclass(frozen=True)
class CommInfo:
    """A phone, e-mail, messenger handle or web address of one lead."""

    id: int
    lead_id: int
    kind: CommKind
    channel: Channel
    raw: str
    normalized: str
    valid: bool

    @property
    def dedup_key(self) -> tuple[str, str, str]:
        """Two communications with the same key are the same phone/address/account.

        Phones and e-mails are the same whatever channel they were recorded
        through; a messenger handle or web address is only the same account on
        the same channel (``@ivan`` on Telegram is not ``ivan`` on Instagram).
        A value that could not be normalised compares by its raw text.
        """
        value = self.normalized or self.raw.strip().casefold()
        channel = self.channel.value if self.kind in (CommKind.MESSENGER, CommKind.WEB) else ""
        return (self.kind.value, channel, value)


@dataclass(frozen=True)
class ChatInfo:
    id: int
    lead_id: int
    channel: Channel
    external_chat_id: str
    first_message: str
    message_count: int
    last_message_at: datetime | None


@dataclass(frozen=True)
class ActivityInfo:
    id: int
    lead_id: int
    kind: str
    subject: str
    created_at: datetime


@dataclass(frozen=True)
class DealInfo:
    id: int
    lead_id: int
    label: str
    title: str
    stage: str
    amount: Decimal | float


@dataclass(frozen=True)
class LeadLink:
    """A lead bound to a contact (a contact's card lists them)."""

    id: int
    contact_id: int
    label: str
    name: str
    status: str


@dataclass(frozen=True)
class LeadCard:
    """One lead as the comparison view shows it (one column)."""

    id: int
    label: str  # the CRM's id when there is one, else the database id
    title: str
    first_name: str
    last_name: str
    middle_name: str
    status: str
    source_channel: Channel
    owner_id: int | None
    owner_name: str
    department_id: int | None
    department_name: str
    contact_id: int | None
    contact_name: str
    created_at: datetime
    updated_at: datetime
    version: int
    comments: str
    communications: tuple[CommInfo, ...] = ()
    chats: tuple[ChatInfo, ...] = ()
    activities: tuple[ActivityInfo, ...] = ()
    deals: tuple[DealInfo, ...] = ()
    contact_label: str = ""  # the contact's CRM id when there is one, else its database id
    # A contact's card (``MergePlan.entity == CONTACT``): the leads bound to it.
    leads: tuple[LeadLink, ...] = ()

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)

    @property
    def activity_count(self) -> int:
        return len(self.activities)

    @property
    def data_score(self) -> int:
        """How much this lead knows: filled fields plus attached records."""
        filled = sum(
            1
            for v in (
                self.title,
                self.first_name,
                self.last_name,
                self.middle_name,
                self.owner_id,
                self.contact_id,
                self.comments.strip(),
            )
            if v not in (None, "")
        )
        return (
            filled
            + len(self.communications)
            + len(self.chats)
            + len(self.activities)
            + len(self.deals)
            + len(self.leads)
        )
