"""The whole conversation of a lead's chats (issue 12, item 6): every message the
workspace holds, in order, survives a merge and its undo, and the lead's page in
a linked Bitrix24 portal."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from deskdup.models import Channel, Chat, ChatMessage
from deskdup.services.bitrix24.link import PortalLink, lead_url, write_link
from deskdup.services.conversation import load_conversations
from deskdup.services.demo import generate_demo
from deskdup.services.merge import apply_merge
from deskdup.services.merge_plan import build_plan
from deskdup.services.policy import MergePolicy
from deskdup.services.undo import undo_event
from tests.factories import BASE_TIME, make_lead, make_operator


def add_messages(session, chat: Chat, texts: list[str]) -> None:
    for n, text in enumerate(texts):
        session.add(
            ChatMessage(
                chat_id=chat.id,
                sent_at=BASE_TIME + timedelta(minutes=10 - n),  # stored newest first
                incoming=n % 2 == 0,
                author="" if n % 2 == 0 else "Анна",
                text=text,
            )
        )


def test_every_message_of_every_chat_oldest_first(workspace):
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна")
        lead = make_lead(s, owner=anna, chats=[(Channel.TELEGRAM, "Привет"), (Channel.AVITO, "?")])
        other = make_lead(s, owner=anna, chats=1)
        s.flush()
        add_messages(s, lead.chats[0], ["третье", "второе", "первое"])
        add_messages(s, other.chats[0], ["чужое"])
        ids = (lead.id, other.id)
    first, second = load_conversations(workspace, ids)
    assert first.lead_id == ids[0] and second.lead_id == ids[1]
    telegram, avito = first.chats
    assert telegram.channel is Channel.TELEGRAM
    assert [m.text for m in telegram.messages] == ["первое", "второе", "третье"]
    assert [m.incoming for m in telegram.messages] == [True, False, True]
    assert telegram.messages[1].author == "Анна"
    assert avito.messages == () and avito.missing == avito.message_count == 2
    assert [m.text for m in second.chats[0].messages] == ["чужое"]
    assert first.crm_url is None  # not linked to a portal


def test_the_demo_holds_every_message_it_counts(workspace):
    generate_demo(workspace, leads=150, seed=5)
    with workspace.session() as s:
        chats = s.execute(select(Chat.id, Chat.lead_id, Chat.message_count)).all()
        stored = dict(
            s.execute(select(ChatMessage.chat_id, func.count()).group_by(ChatMessage.chat_id)).all()
        )
    assert chats and all(stored.get(c.id) == c.message_count for c in chats)
    lead_ids = [c.lead_id for c in chats[:20]]
    for conversation in load_conversations(workspace, lead_ids):
        for thread in conversation.chats:
            assert thread.missing == 0
            assert thread.messages[0].text == thread.first_message and thread.messages[0].incoming
            times = [m.sent_at for m in thread.messages]
            assert times == sorted(times)


def test_a_merge_keeps_every_message_and_undo_gives_them_back(workspace):
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна")
        a = make_lead(s, owner=anna, first_name="Иван", chats=[(Channel.TELEGRAM, "Привет")])
        b = make_lead(s, owner=anna, first_name="Иван", chats=[(Channel.WHATSAPP, "Добрый день")])
        s.flush()
        add_messages(s, a.chats[0], ["a1", "a2"])
        add_messages(s, b.chats[0], ["b1", "b2", "b3"])
        ids, anna_id = [a.id, b.id], anna.id
    with workspace.session() as s:
        plan = build_plan(s, ids, ids[0])
    result = apply_merge(workspace, plan, anna_id, MergePolicy(archive_instead_of_delete=False))
    (primary,) = load_conversations(workspace, [ids[0]])
    texts = sorted(m.text for t in primary.chats for m in t.messages)
    assert texts == ["a1", "a2", "b1", "b2", "b3"]
    undo_event(workspace, result.event_id, anna_id)
    first, second = load_conversations(workspace, ids)
    assert sorted(m.text for t in first.chats for m in t.messages) == ["a1", "a2"]
    assert sorted(m.text for t in second.chats for m in t.messages) == ["b1", "b2", "b3"]


def test_the_crm_link_is_the_portals_lead_page(workspace):
    link = PortalLink("https://example.bitrix24.ru", 7)
    assert lead_url(link, "4711") == "https://example.bitrix24.ru/crm/lead/details/4711/"
    assert lead_url(link, "L-000004") is None  # not an id the portal gave
    assert lead_url(None, "4711") is None  # not linked
    with workspace.session() as s:
        write_link(s, link)
        anna = make_operator(s, "anna", "Петрова Анна")
        lead = make_lead(s, owner=anna, external_id="4711", chats=1)
        mine = make_lead(s, owner=anna, external_id="L-1", chats=1)
        ids = [lead.id, mine.id]
    portal, local = load_conversations(workspace, ids)
    assert portal.crm_url == "https://example.bitrix24.ru/crm/lead/details/4711/"
    assert local.crm_url is None
