"""Binding to a contact from the window: the comparison by keyboard, the lead list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolButton
from sqlalchemy import select

from deskdup.models import (
    Action,
    Channel,
    Chat,
    CommKind,
    Contact,
    Entity,
    EventKind,
    Lead,
    MergeEvent,
    Scope,
)
from deskdup.services.operators import find_operator
from deskdup.views.bind_dialog import BindDialog, BindTarget, lead_heading
from deskdup.views.compare import decisions
from deskdup.views.context import AppContext
from deskdup.views.settings import Settings
from tests.factories import BASE_TIME, make_comm, make_operator
from tests.views.compare_group import four_channel_group, show
from tests.views.test_keyboard_flow import CTRL, focused_view, key

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

OLD_MAIL = "ivan@old.ru"


def add_contacts(workspace):
    """The customer as a contact, a namesake with another patronymic, and someone else."""
    with workspace.session() as s:
        owner = find_operator(s, "anna")
        out = {}
        for ext, first, last, middle, comms in (
            (
                "C-500",
                "Иван",
                "Петров",
                "Сергеевич",
                [(CommKind.EMAIL, Channel.EMAIL, "ivan@old.ru")],
            ),
            ("C-501", "Иван", "Петров", "Олегович", []),
            ("C-502", "Мария", "Соколова", "", []),
        ):
            contact = Contact(
                external_id=ext,
                first_name=first,
                last_name=last,
                middle_name=middle,
                assigned_id=owner.id,
                created_at=BASE_TIME,
                updated_at=BASE_TIME,
            )
            for kind, channel, raw in comms:
                contact.communications.append(make_comm(kind, channel, raw))
            s.add(contact)
            s.flush()
            out[ext] = contact.id
    return out


def open_dialog(qtbot, view):
    key(qtbot, view, Qt.Key.Key_B, CTRL)
    qtbot.waitUntil(lambda: view.bind_dialog is not None and view.bind_dialog.isVisible())
    dialog = view.bind_dialog
    qtbot.waitUntil(lambda: dialog.last_results is not None, timeout=10000)
    return dialog


def type_text(widget, text):
    """Key presses carrying each character (QTest's keyClicks aborts on Cyrillic)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_and_wait(qtbot, dialog, text):
    dialog.search.setFocus()
    type_text(dialog.search, text)
    qtbot.waitUntil(
        lambda: dialog.last_results is not None and dialog.last_results.text == text,
        timeout=10000,
    )


def arrow_to(qtbot, dialog, label):
    """Down from the first contact to the one called ``label``."""
    labels = [c.label for c in dialog.cards]
    assert label in labels, labels
    for _ in range(labels.index(label)):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.current_card().label == label


def test_bind_the_merged_lead_by_keyboard_then_undo(qtbot, workspace, runner, shown, monkeypatch):
    ids, ops = four_channel_group(workspace)
    contacts = add_contacts(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids)
    primary = view.plan.primary_id

    dialog = open_dialog(qtbot, view)
    # Before anything is typed: the contacts the group's own names and values point at.
    assert dialog.last_results.text == ""
    assert dialog.status.text().startswith("Contacts this lead most likely belongs to")
    assert {"C-500", "C-501"} <= {c.label for c in dialog.cards}
    assert "C-502" not in {c.label for c in dialog.cards}

    # A half-remembered name: a misspelt surname and the patronymic's initial.
    type_and_wait(qtbot, dialog, "Петрв Иван С.")
    arrow_to(qtbot, dialog, "C-500")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.bind_dialog is None)
    assert view.plan.contact_pick == contacts["C-500"]
    result = view.grid.result_cells["contact_id"].text()
    assert result == "Петров Иван Сергеевич · #C-500"
    assert "C-500" in view.banner.text()

    qtbot.waitUntil(lambda: view.isAncestorOf(QApplication.focusWidget()))
    with qtbot.waitSignal(view.merged, timeout=10000) as merged:
        key(qtbot, view, Qt.Key.Key_Return, CTRL)
    assert merged.args[0].primary_id == primary
    with workspace.session() as s:
        lead = s.get(Lead, primary)
        assert lead.contact_id == contacts["C-500"]
        contact = s.get(Contact, contacts["C-500"])
        values = {c.normalized for c in contact.communications}
        assert {"ivan@old.ru", "ivan.petrov@example.com", "+79123456789", "ivan_petrov93"} <= values
        chats = s.scalars(select(Chat).where(Chat.lead_id == primary)).all()
        assert {c.contact_id for c in chats} == {contacts["C-500"]}
        event = s.scalars(select(MergeEvent).order_by(MergeEvent.id.desc())).first()
        assert event.kind is EventKind.MERGE_LEADS
        assert event.choices["bound_contact"] == contacts["C-500"]

    monkeypatch.setattr(decisions, "confirm", lambda *a, **k: True)
    with qtbot.waitSignal(view.undone, timeout=10000):
        key(qtbot, view, Qt.Key.Key_Z, CTRL)
    with workspace.session() as s:
        assert s.get(Lead, primary).contact_id is None
        contact = s.get(Contact, contacts["C-500"])
        assert {c.normalized for c in contact.communications} == {"ivan@old.ru"}
        assert all(c.contact_id is None for c in s.scalars(select(Chat)))
    assert shown == {"known": [], "bug": []}


def test_ctrl_enter_in_the_dialog_merges_and_binds_at_once(qtbot, workspace, runner, shown):
    ids, ops = four_channel_group(workspace)
    contacts = add_contacts(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids[:2])
    dialog = open_dialog(qtbot, view)
    type_and_wait(qtbot, dialog, "C-501")
    assert dialog.current_card().label == "C-501"
    with qtbot.waitSignal(view.merged, timeout=10000) as merged:
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return, CTRL)
    with workspace.session() as s:
        assert s.get(Lead, merged.args[0].primary_id).contact_id == contacts["C-501"]
    assert "bound it to contact #C-501" in view.title.text()
    assert shown == {"known": [], "bug": []}


def test_a_contact_the_operator_may_not_edit_is_refused_in_the_dialog(
    qtbot, workspace, runner, shown
):
    ids, _ops = four_channel_group(workspace)
    add_contacts(workspace)
    with workspace.session() as s:
        make_operator(
            s,
            "leads_only",
            "Лидов Лев",
            "Sales 1",
            # Reads contacts (a contact one may not read is not listed at all).
            scopes={(Entity.LEAD, a): Scope.ALL for a in Action}
            | {(Entity.CONTACT, Action.READ): Scope.ALL},
        )
        operator = find_operator(s, "leads_only")
    view = focused_view(qtbot, workspace, operator, runner)
    show(qtbot, view, ids[:2])
    dialog = open_dialog(qtbot, view)
    type_and_wait(qtbot, dialog, "C-500")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "no edit right" in dialog.error.text()
    assert view.plan.contact_pick is None
    dialog.reject()


def test_the_contact_row_names_each_leads_contact_and_offers_another(
    qtbot, workspace, runner, shown
):
    ids, ops = four_channel_group(workspace)
    contacts = add_contacts(workspace)
    with workspace.session() as s:
        s.get(Lead, ids[3]).contact_id = contacts["C-502"]
        s.commit()
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids)
    cell = view.grid.cells[("contact_id", ids[3])]
    assert "Соколова Мария · #C-502" in [label.text() for label in cell.findChildren(QLabel)]
    button = next(
        b for b in view.grid.findChildren(QToolButton) if b.text() == "bind to another contact…"
    )
    button.click()
    qtbot.waitUntil(lambda: view.bind_dialog is not None)
    view.bind_dialog.reject()
    qtbot.waitUntil(lambda: view.bind_dialog is None)


def lead_dialog(qtbot, workspace, operator, runner, lead_id):
    context = AppContext(workspace=workspace, operator=operator, settings=Settings(), ops=runner)
    with workspace.session() as s:
        lead = s.get(Lead, lead_id)
        target = BindTarget((lead.id,), lead_heading(lead.label, lead.full_name), lead.version)
    dialog = BindDialog(context, target)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.last_results is not None, timeout=10000)
    return dialog


def test_one_lead_is_bound_at_enter_and_a_refusal_keeps_the_dialog(qtbot, workspace, runner, shown):
    ids, ops = four_channel_group(workspace)
    contacts = add_contacts(workspace)
    # The trainee may edit leads but not contacts: refused in the words of a merge
    # refusal (whose contact, which right), and the dialog stays open.
    dialog = lead_dialog(qtbot, workspace, ops["trainee"], runner, ids[3])
    with qtbot.waitSignal(dialog.results_shown, timeout=10000):
        qtbot.keyClicks(dialog.search, "C-500")
    qtbot.waitUntil(lambda: dialog.last_results.text == "C-500", timeout=10000)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert "Петрова Анна" in dialog.error.text()
    assert "no edit right" in dialog.error.text()
    assert dialog.isVisible()
    with workspace.session() as s:
        assert s.get(Lead, ids[3]).contact_id is None
    dialog.reject()

    dialog = lead_dialog(qtbot, workspace, ops["anna"], runner, ids[3])
    # The site lead's own phone and e-mail and name point at the Petrovs.
    assert dialog.cards[0].label in {"C-500", "C-501"}
    type_and_wait(qtbot, dialog, "petrov ivan sergeevich")
    assert dialog.current_card().label == "C-500"
    with qtbot.waitSignal(dialog.bound, timeout=10000) as bound:
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert bound.args[0].result.contact_id == contacts["C-500"]
    with workspace.session() as s:
        assert s.get(Lead, ids[3]).contact_id == contacts["C-500"]
        event = s.scalars(select(MergeEvent)).one()
        assert event.kind is EventKind.BIND_CONTACT
    assert shown == {"known": [], "bug": []}


def test_the_lead_lists_context_menu_binds_the_selected_lead(qtbot, demo_ws, runner, tmp_path):
    from deskdup.services.operators import workspace_operator
    from deskdup.views.main_menus import LEADS_TAB
    from deskdup.views.main_window import MainWindow

    context = AppContext(
        workspace=demo_ws,
        operator=workspace_operator(demo_ws, "supervisor"),
        settings=Settings(tmp_path / "settings.ini"),
        ops=runner,
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.start()
    qtbot.waitUntil(lambda: not window.scanning and window.leads.loaded, timeout=30000)
    with demo_ws.session() as s:
        lead_id = s.scalar(
            select(Lead.id).where(Lead.contact_id.is_(None), Lead.archived.is_(False)).limit(1)
        )
        contact = s.scalars(select(Contact).order_by(Contact.id)).first()
        label = contact.external_id or str(contact.id)
        contact_id = contact.id
    window.show_tab(LEADS_TAB)
    leads = window.leads
    leads.select_ids([lead_id])
    assert leads.bind_action in leads.table.actions()  # the table's context menu
    assert leads.bind_action.isEnabled()
    leads.bind_action.trigger()
    qtbot.waitUntil(
        lambda: window.bind_dialog is not None and window.bind_dialog.last_results is not None,
        timeout=10000,
    )
    dialog = window.bind_dialog
    dialog.search.setText(label)
    qtbot.waitUntil(lambda: dialog.last_results.text == label, timeout=10000)
    assert dialog.current_card().contact_id == contact_id
    with qtbot.waitSignal(dialog.bound, timeout=10000):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    with demo_ws.session() as s:
        assert s.get(Lead, lead_id).contact_id == contact_id
    assert f"to contact #{label}" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.bind_dialog is None)
    window.cancel_scan()
    runner.wait()
