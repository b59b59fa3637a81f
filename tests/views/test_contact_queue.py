"""The queue's Leads / Contacts switch: duplicate contacts compared and merged
in the same comparison view, by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from deskdup.models import Contact, Lead
from deskdup.services.merge_plan import CONTACT, LEAD
from deskdup.services.operators import workspace_operator
from deskdup.views.context import AppContext
from deskdup.views.main_window import MainWindow
from deskdup.views.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def test_switch_the_queue_to_contacts_and_merge_a_pair_by_keyboard(
    qtbot, demo_ws, ops_runner, tmp_path, shown
):
    context = AppContext(
        workspace=demo_ws,
        operator=workspace_operator(demo_ws, "supervisor"),
        settings=Settings(tmp_path / "settings.ini"),
        ops=ops_runner,
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.scanning and bool(window.open_group), timeout=30000)
    lead_groups = window.queue.model.rowCount()
    assert window.compare.entity == LEAD

    table = window.queue.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL_SHIFT)
    assert window.queue.entity_kind == CONTACT
    qtbot.waitUntil(
        lambda: window.compare.plan is not None and window.compare.plan.entity == CONTACT,
        timeout=30000,
    )
    contact_groups = window.queue.model.rowCount()
    assert contact_groups >= 3  # the demo's duplicate contacts
    model = window.queue.model
    first = model.rows()[0]
    assert model.size_text(first) == f"{len(first.lead_ids)} contacts"
    # The score column is wide enough for the size under the score.
    from deskdup.views.queue_model import Column

    score_width = window.queue.table.horizontalHeader().sectionSize(Column.SCORE)
    assert score_width >= window.queue.table.fontMetrics().horizontalAdvance(model.size_of(5))
    plan = window.compare.plan
    group, primary = tuple(plan.lead_ids), plan.primary_id
    assert window.open_group == group
    # The comparison shows contacts: their names and fields, and a Leads section.
    assert [f.name for f in plan.fields] == [
        "last_name",
        "first_name",
        "middle_name",
        "assigned_id",
    ]
    assert "leads" in window.compare.grid.result_sections
    assert "contacts that may be one customer" in window.compare.title.text()
    with demo_ws.session() as s:
        bound = s.scalars(select(Lead.id).where(Lead.contact_id.in_(group))).all()

    with qtbot.waitSignal(window.compare.merged, timeout=15000) as merged:
        qtbot.keyClick(table, Qt.Key.Key_Return, CTRL)
    assert merged.args[0].primary_id == primary
    qtbot.waitUntil(lambda: window.open_group != group and not window.scanning, timeout=30000)
    assert window.queue.model.rowCount() == contact_groups - 1
    assert all(row.key != ",".join(map(str, group)) for row in window.queue.model.rows())
    with demo_ws.session() as s:
        for contact_id in group:
            contact = s.get(Contact, contact_id)
            if contact_id == primary:
                assert contact.merged_into_id is None and not contact.archived
            else:
                assert contact.archived and contact.merged_into_id == primary
        assert s.scalars(select(Lead.contact_id).where(Lead.id.in_(bound))).all() == [
            primary
        ] * len(bound)
    assert shown == {"known": [], "bug": []}

    # Back to leads: the kept lead scan, no contact group left open.
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL_SHIFT)
    assert window.queue.entity_kind == LEAD
    qtbot.waitUntil(
        lambda: window.compare.plan is not None and window.compare.plan.entity == LEAD,
        timeout=30000,
    )
    assert window.queue.model.rowCount() == lead_groups


def test_a_contact_group_marked_not_duplicates_leaves_the_queue(
    qtbot, demo_ws, ops_runner, tmp_path, shown, monkeypatch
):
    from deskdup.models import ContactDismissal
    from deskdup.views.dismiss_dialog import DismissDialog

    context = AppContext(
        workspace=demo_ws,
        operator=workspace_operator(demo_ws, "supervisor"),
        settings=Settings(tmp_path / "settings.ini"),
        ops=ops_runner,
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.scanning and bool(window.open_group), timeout=30000)
    table = window.queue.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL_SHIFT)
    qtbot.waitUntil(
        lambda: window.compare.plan is not None and window.compare.plan.entity == CONTACT,
        timeout=30000,
    )
    contact_groups = window.queue.model.rowCount()
    group = tuple(window.compare.plan.lead_ids)
    asked = []

    def ask(cls, parent, labels, excluded=None, contacts=False):
        asked.append(contacts)
        return "namesakes"

    monkeypatch.setattr(DismissDialog, "ask", classmethod(ask))
    assert window.compare.dismiss_button.isEnabled()
    with qtbot.waitSignal(window.compare.dismissed, timeout=15000):
        qtbot.keyClick(table, Qt.Key.Key_D, CTRL)
    assert asked == [True]
    qtbot.waitUntil(lambda: window.open_group != group and not window.scanning, timeout=30000)
    assert window.queue.model.rowCount() == contact_groups - 1
    with demo_ws.session() as s:
        rows = s.scalars(select(ContactDismissal)).all()
    pairs = {(r.contact_a_id, r.contact_b_id) for r in rows}
    assert pairs == {(a, b) for a in sorted(group) for b in sorted(group) if a < b}
    assert {r.reason for r in rows} == {"namesakes"}
    # A scan afresh (the window's next refresh) leaves the pairs out too.
    from deskdup.services.matching.contacts import scan_contacts
    from deskdup.services.matching.settings import POSSIBLE

    assert not pairs & {p.key for p in scan_contacts(demo_ws, tier=POSSIBLE).pairs}


def test_a_loosely_linked_contact_is_named_as_a_contact(qtbot, demo_ws, ops_runner, shown):
    from tests.views.compare_group import make_view

    with demo_ws.session() as s:
        ids = list(s.scalars(select(Contact.id).order_by(Contact.id).limit(3)))
    view = make_view(qtbot, demo_ws, workspace_operator(demo_ws, "supervisor"), ops_runner)
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        view.show_group(ids, entity=CONTACT, loose={ids[2]: (ids[0], 0.42)})
    header = view.grid.headers[2]
    assert header.loose.isVisibleTo(view)
    assert "most like contact 1 " in header.loose.toolTip() and "0.42" in header.loose.toolTip()
    assert view.title.text().endswith("· check contact 3")
    assert shown == {"known": [], "bug": []}
