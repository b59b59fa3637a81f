"""The conversation panel beside the comparison (issue 12, item 6): every message
of the group's chats from the database, opened and closed by keyboard, and the
link to the lead's page in a linked Bitrix24 portal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from deskdup.models import Chat, ChatMessage
from deskdup.services.bitrix24.link import PortalLink, write_link
from deskdup.views.compare import conversation as panel_module
from tests.factories import BASE_TIME
from tests.views.compare_group import four_channel_group, make_view, show

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TELEGRAM_TALK = [
    "Здравствуйте, сколько стоит доставка в Казань?",
    "Добрый день! 500 ₽, привезём за два дня.",
    "Меня зовут Иван Петров",
    "Мой номер +7 912 345-67-89",
    "Записала, Иван. Хорошего дня!",
]


def with_talk(workspace):
    """The four-channel group, the Telegram chat with its whole conversation stored."""
    ids, ops = four_channel_group(workspace)
    with workspace.session() as s:
        chat = s.scalars(select(Chat).where(Chat.lead_id == ids[0])).one()
        chat.message_count = len(TELEGRAM_TALK)
        for n, text in enumerate(TELEGRAM_TALK):
            s.add(
                ChatMessage(
                    chat_id=chat.id,
                    sent_at=BASE_TIME + timedelta(minutes=n),
                    incoming=n != 1 and n != 4,
                    author="",
                    text=text,
                )
            )
    return ids, ops


def focus_grid(qtbot, view):
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view.window())
    view.scroll.setFocus()
    qtbot.waitUntil(view.scroll.hasFocus)


def test_the_whole_conversation_opens_and_closes_by_keyboard(qtbot, workspace, runner, shown):
    ids, ops = with_talk(workspace)
    view = make_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids)
    panel = view.conversation
    focus_grid(qtbot, view)
    assert not panel.isVisible()

    qtbot.keyClick(view.scroll, Qt.Key.Key_C)
    assert panel.isVisible()
    qtbot.waitUntil(lambda: ids[0] in panel.sections)
    texts = [label.text() for label in panel.message_labels]
    # Every message of the Telegram chat from the database, in order; the chats
    # whose messages are not stored show their first inquiry.
    start = texts.index(TELEGRAM_TALK[0])
    assert texts[start : start + len(TELEGRAM_TALK)] == TELEGRAM_TALK
    assert "Добрый день! Нужен диван" in texts and "Ещё продаётся?" in texts
    assert set(panel.sections) == set(ids)  # the site lead too ("no chats")
    assert panel.isAncestorOf(QApplication.focusWidget())  # the keyboard reads it

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert view.scroll.hasFocus()  # back on the grid: 1-6, arrows go on working

    qtbot.keyClick(view.scroll, Qt.Key.Key_C)
    assert panel.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C)  # the same key closes it
    assert not panel.isVisible()
    assert shown == {"known": [], "bug": []}


def test_the_chat_cells_button_opens_that_leads_conversation(qtbot, workspace, runner, shown):
    ids, ops = with_talk(workspace)
    view = make_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids)
    # One button per lead with chats (the site lead has none).
    buttons = view.grid.conversation_buttons
    assert len(buttons) == 3
    buttons[2].click()  # the Avito lead's
    panel = view.conversation
    assert panel.isVisible() and view.conversation_action.isChecked()
    qtbot.waitUntil(lambda: ids[2] in panel.sections)
    # The panel follows the group: another group, its conversation.
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        view.show_group(ids[:2])
    qtbot.waitUntil(lambda: set(panel.sections) == set(ids[:2]))


def test_the_crm_link_opens_the_leads_page_in_the_portal(
    qtbot, workspace, runner, shown, monkeypatch
):
    ids, ops = with_talk(workspace)
    from deskdup.models import Lead

    with workspace.session() as s:
        write_link(s, PortalLink("https://example.bitrix24.ru", 7))
        s.get(Lead, ids[1]).external_id = "4711"
    opened: list[str] = []
    monkeypatch.setattr(panel_module, "open_url", lambda url: opened.append(url) or True)
    view = make_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids)
    view.conversation_action.trigger()
    panel = view.conversation
    qtbot.waitUntil(lambda: ids[1] in panel.sections)
    # Only the lead the portal knows (an id of digits) has a page there.
    assert set(panel.crm_links) == {ids[1]}
    link = panel.crm_links[ids[1]]
    assert link.property("url") == "https://example.bitrix24.ru/crm/lead/details/4711/"
    link.click()
    assert opened == ["https://example.bitrix24.ru/crm/lead/details/4711/"]
