"""The whole conversation behind a group's chats, for the comparison's side panel.

The comparison's grid shows each chat's first inquiry; the operator judges
"same person?" from the rest of it (a name, a phone, the same question asked
twice).  ``load_conversations`` reads every message of every chat of the
given leads, oldest first, and the lead's page in the CRM where the workspace
is linked to a Bitrix24 portal.  Plain data, read on the database worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from deskdup.models import Channel, Chat, ChatMessage, Lead
from deskdup.services.bitrix24.link import lead_url, read_link
from deskdup.services.workspace import Workspace


@dataclass(frozen=True)
class ChatLine:
    sent_at: datetime
    incoming: bool  # from the customer
    author: str
    text: str


@dataclass(frozen=True)
class ChatThread:
    chat_id: int
    channel: Channel
    external_chat_id: str
    first_message: str
    message_count: int  # as the CRM counts them
    last_message_at: datetime | None
    messages: tuple[ChatLine, ...]

    @property
    def missing(self) -> int:
        """Messages the CRM counts that the workspace does not hold (kept in the CRM)."""
        return max(0, self.message_count - len(self.messages))


@dataclass(frozen=True)
class LeadConversation:
    lead_id: int
    label: str  # the CRM's id when there is one, else the database id
    crm_url: str | None  # the lead's page in the linked CRM
    chats: tuple[ChatThread, ...]


def load_conversations(ws: Workspace, lead_ids: Sequence[int]) -> list[LeadConversation]:
    """Every chat of each lead with all its messages, in the order of ``lead_ids``."""
    with ws.session() as session:
        link = read_link(session)
        leads = {
            lead.id: lead for lead in session.scalars(select(Lead).where(Lead.id.in_(lead_ids)))
        }
        chats = list(
            session.scalars(select(Chat).where(Chat.lead_id.in_(lead_ids)).order_by(Chat.id))
        )
        lines: dict[int, list[ChatLine]] = {}
        query = (
            select(ChatMessage)
            .where(ChatMessage.chat_id.in_([c.id for c in chats]))
            .order_by(ChatMessage.chat_id, ChatMessage.sent_at, ChatMessage.id)
        )
        for message in session.scalars(query):
            lines.setdefault(message.chat_id, []).append(
                ChatLine(message.sent_at, message.incoming, message.author, message.text)
            )
        threads: dict[int, list[ChatThread]] = {}
        for chat in chats:
            threads.setdefault(chat.lead_id or 0, []).append(
                ChatThread(
                    chat.id,
                    chat.channel,
                    chat.external_chat_id,
                    chat.first_message,
                    chat.message_count,
                    chat.last_message_at,
                    tuple(lines.get(chat.id, ())),
                )
            )
        out = []
        for lead_id in lead_ids:
            lead = leads.get(lead_id)
            if lead is None:
                continue
            out.append(
                LeadConversation(
                    lead_id,
                    lead.label,
                    lead_url(link, lead.external_id),
                    tuple(threads.get(lead_id, ())),
                )
            )
        return out


__all__ = ["ChatLine", "ChatThread", "LeadConversation", "load_conversations"]
