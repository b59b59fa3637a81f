"""The side panel with the whole conversation of a group's chats.

The grid shows each chat's first inquiry; "same person?" is often decided by
the rest (a name given, a phone typed, the same question in two messengers).
The panel lists, lead by lead, every chat with all its messages: the channel's
icon, who wrote (the customer or the team) and when; and a link that opens the
lead in the CRM where the workspace is linked to a Bitrix24 portal.

It reads ``services/conversation.load_conversations`` on the database worker
(``load``: only the group asked for last is shown) and renders the result.
Esc (or the key that opened it) closes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import qtawesome as qta
from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskdup.services.conversation import (
    ChatLine,
    ChatThread,
    LeadConversation,
    load_conversations,
)
from deskdup.views.channel_badges import channel_icon, channel_name, icon_label
from deskdup.views.compare.cells import make_secondary, muted
from deskdup.views.formatting import format_time

if TYPE_CHECKING:
    from deskdup.views.context import AppContext

PANEL_WIDTH = 360


def open_url(url: str) -> bool:
    """Open ``url`` in the operator's browser (tests replace this)."""
    return QDesktopServices.openUrl(QUrl(url))


class ConversationPanel(QFrame):
    closed = Signal()  # Esc or the close button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.title = QLabel(self.tr("Conversation"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        self.close_button = QToolButton()
        self.close_button.setIcon(qta.icon("fa5s.times"))
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close the conversation (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the conversation"))
        self.close_button.clicked.connect(self.closed)
        top.addWidget(self.close_button)
        layout.addLayout(top)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The keyboard reads it: Up/Down, PgUp/PgDn scroll the conversation.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(self.scroll, 1)
        self.setFocusProxy(self.scroll)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.closed)

        self.sections: dict[int, QWidget] = {}  # lead id -> its part of the panel
        self.message_labels: list[QLabel] = []
        self.crm_links: dict[int, QToolButton] = {}  # lead id -> "open in the CRM"
        self._op: Any = None  # the conversation being read
        self._focus_lead: int | None = None  # the lead to scroll to once shown
        self.show_loading()

    # ------------------------------------------------------------------ loading

    def load(self, context: AppContext, lead_ids: Sequence[int]) -> None:
        """Read every message of these leads' chats on the worker, then show them."""
        self.stop(keep_focus_lead=True)
        if not lead_ids:
            self.show_conversations([])
            return
        self.show_loading()
        lead_ids = tuple(lead_ids)

        def loaded(conversations: list[LeadConversation]) -> None:
            self._op = None
            self.show_conversations(conversations)

        self._op = context.query(
            self, lambda: load_conversations(context.workspace, lead_ids), loaded
        )
        self._op.run_in_background()

    def stop(self, keep_focus_lead: bool = False) -> None:
        """Not wanted any more (closed, or another group): drop what is being read."""
        if self._op is not None:
            self._op.drop()
            self._op = None
        if not keep_focus_lead:
            self._focus_lead = None

    def scroll_to_lead(self, lead_id: int) -> None:
        """Bring this lead's chats to the top (now, or once they are shown)."""
        self._focus_lead = lead_id
        if self._op is None and lead_id in self.sections:
            # After the layout: a section has no place before it.
            QTimer.singleShot(0, self._scroll_to_focus_lead)

    def _scroll_to_focus_lead(self) -> None:
        section = self.sections.get(self._focus_lead) if self._focus_lead else None
        if section is not None:
            self.scroll.verticalScrollBar().setValue(section.y())

    # ------------------------------------------------------------------ states

    def _set_content(self, content: QWidget) -> None:
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(content)

    def show_loading(self) -> None:
        self.sections, self.message_labels, self.crm_links = {}, [], {}
        self._set_content(muted(self.tr("Loading the conversation…")))

    def show_conversations(self, conversations: Sequence[LeadConversation]) -> None:
        self.sections, self.message_labels, self.crm_links = {}, [], {}
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(10)
        for conversation in conversations:
            section = self._lead_section(conversation)
            self.sections[conversation.lead_id] = section
            layout.addWidget(section)
        layout.addStretch(1)
        self._set_content(content)
        if self._focus_lead in self.sections:
            QTimer.singleShot(0, self._scroll_to_focus_lead)

    # ------------------------------------------------------------------ rendering

    def _lead_section(self, conversation: LeadConversation) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        label = QLabel(f"#{conversation.label}")
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(label)
        top.addStretch(1)
        if conversation.crm_url:
            link = QToolButton()
            link.setIcon(qta.icon("fa5s.external-link-alt"))
            link.setText(self.tr("Open in Bitrix24"))
            link.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            link.setAutoRaise(True)
            link.setToolTip(conversation.crm_url)
            link.setProperty("url", conversation.crm_url)
            link.clicked.connect(lambda _=False, u=conversation.crm_url: open_url(u))
            top.addWidget(link)
            self.crm_links[conversation.lead_id] = link
        layout.addLayout(top)
        if not conversation.chats:
            layout.addWidget(muted(self.tr("no chats")))
        for thread in conversation.chats:
            layout.addWidget(self._thread(thread, conversation.crm_url))
        return box

    def _thread(self, thread: ChatThread, crm_url: str | None) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        head = QHBoxLayout()
        head.setSpacing(5)
        head.addWidget(icon_label(channel_icon(thread.channel)))
        name = QLabel(
            self.tr("{channel} · %n message(s)", "", thread.message_count).format(
                channel=channel_name(thread.channel)
            )
        )
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        head.addWidget(name, 1)
        layout.addLayout(head)
        messages = thread.messages
        if not messages and thread.first_message:
            # Only the first inquiry is known (a chat imported without its messages).
            messages = (ChatLine(thread.last_message_at, True, "", thread.first_message),)
        if thread.missing and len(messages) < thread.message_count:
            where = (
                self.tr("More messages, kept in Bitrix24 only: {count}")
                if crm_url
                else self.tr("More messages, kept in the CRM only: {count}")
            )
            note = muted(where.format(count=thread.message_count - len(messages)))
            layout.addWidget(note)
        for line in messages:
            layout.addWidget(self._message(line))
        return box

    def _message(self, line: ChatLine) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        # The team's messages indented from the left: two sides of a conversation.
        layout.setContentsMargins(0 if line.incoming else 24, 0, 0, 0)
        layout.setSpacing(5)
        who = (
            line.author or self.tr("Customer") if line.incoming else line.author or self.tr("Team")
        )
        icon = icon_label(
            qta.icon(
                "fa5s.user" if line.incoming else "fa5s.headset",
                color="#1E88E5" if line.incoming else "#757575",
            ),
            tooltip=self.tr("from the customer") if line.incoming else self.tr("from the team"),
        )
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(0)
        meta = make_secondary(QLabel(f"{who} · {format_time(line.sent_at)}"))
        text.addWidget(meta)
        body = QLabel(line.text)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(body)
        self.message_labels.append(body)
        layout.addLayout(text, 1)
        return row


__all__ = ["PANEL_WIDTH", "ConversationPanel", "open_url"]
