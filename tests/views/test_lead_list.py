"""The lead list: every row at once, the "has duplicates" filter, instant search, compare."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import select

from deskdup.models import CommKind, Communication, Lead
from deskdup.services.lead_rows import load_lead_rows
from deskdup.views.lead_list import LeadListView
from deskdup.views.lead_model import Column, LeadModel
from deskdup.views.main_window import LEADS_TAB, MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_lead_model_passes_the_model_tester_and_shows_every_row(qtmodeltester, demo_ws):
    rows = load_lead_rows(demo_ws)
    model = LeadModel()
    model.set_rows(rows)
    # No chunks to fetch: a table of fixed-height rows lays out only what is on screen.
    assert model.rowCount() == len(rows) > 100
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    model.set_duplicates_only(True)
    model.set_duplicate_ids({rows[0].id, rows[1].id})
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_sorting_covers_every_row(demo_ws):
    rows = load_lead_rows(demo_ws)
    model = LeadModel()
    model.set_rows(rows)
    model.sort(Column.LABEL, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).id == max(r.id for r in rows)
    model.sort(Column.LABEL, Qt.SortOrder.AscendingOrder)
    assert model.row_at(0).id == min(r.id for r in rows)


def test_sorting_searching_and_filtering_keep_the_selected_leads(qtbot, qtmodeltester, demo_ws):
    """The model is never reset: the selection and the current lead follow their
    leads to their new rows, and only a lead filtered out is let go."""
    rows = load_lead_rows(demo_ws)
    view = LeadListView()
    qtbot.addWidget(view)
    view.set_rows(rows)
    model, table = view.model, view.table
    qtmodeltester.check(model)  # stays attached: every layout change below is checked
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    chosen = [model.row_at(r).id for r in (0, 3, 7)]
    view.select_ids(chosen)
    flags = table.selectionModel().SelectionFlag.NoUpdate
    table.selectionModel().setCurrentIndex(model.index(model.row_of(chosen[1]), 0), flags)

    def current_id() -> int:
        return model.row_at(table.currentIndex().row()).id

    for column, order in (
        (Column.NAME, Qt.SortOrder.AscendingOrder),
        (Column.LABEL, Qt.SortOrder.DescendingOrder),
    ):
        table.sortByColumn(column, order)
        assert sorted(view.selected_ids()) == sorted(chosen)
        assert current_id() == chosen[1]
    assert [model.row_at(r).id for r in range(3)] == sorted((r.id for r in rows), reverse=True)[:3]

    other = next(r.id for r in rows if r.id not in chosen)
    model.set_search_hits({other: "a", chosen[0]: "b", chosen[2]: "c"})
    assert [model.row_at(r).id for r in range(model.rowCount())] == [other, chosen[0], chosen[2]]
    assert sorted(view.selected_ids()) == sorted([chosen[0], chosen[2]])
    assert view.count.text() == f"3 of {len(rows)} leads"
    model.set_search_hits(None)
    assert model.rowCount() == len(rows)
    assert sorted(view.selected_ids()) == sorted([chosen[0], chosen[2]])

    model.set_duplicate_ids({chosen[0], other})
    model.set_duplicates_only(True)
    assert sorted(view.selected_ids()) == [chosen[0]]
    model.set_duplicates_only(False)
    model.remove_leads([other])
    assert model.rowCount() == len(rows) - 1
    assert view.selected_ids() == [chosen[0]]
    assert resets == []


@pytest.fixture
def scanned(qtbot, app_context):
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.start()
    qtbot.waitUntil(lambda: not window.scanning and window.leads.loaded, timeout=30000)
    yield window
    app_context.ops.wait()


def _phone_in_other_format(ws) -> tuple[int, str]:
    with ws.session() as s:
        lead_id, e164 = s.execute(
            select(Communication.lead_id, Communication.normalized)
            .join(Lead, Lead.id == Communication.lead_id)
            .where(
                Communication.kind == CommKind.PHONE,
                Communication.normalized.like("+79%"),
                Lead.archived.is_(False),
            )
            .limit(1)
        ).one()
    digits = e164[2:]  # 9161234567
    return lead_id, f"8 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}"


def test_search_finds_a_lead_by_its_phone_typed_another_way(qtbot, scanned, demo_ws):
    lead_id, typed = _phone_in_other_format(demo_ws)
    leads = scanned.leads
    scanned.focus_search()
    assert scanned.tabs.currentIndex() == LEADS_TAB
    leads.search.setText(typed)
    qtbot.waitUntil(lambda: leads.model.total != leads.model.matching, timeout=10000)
    found = [leads.model.row_at(r).id for r in range(leads.model.rowCount())]
    assert lead_id in found
    why = leads.model.index(found.index(lead_id), Column.MATCH).data()
    assert why  # the hit says why it matched
    leads.search.clear()
    qtbot.waitUntil(lambda: leads.model.matching == leads.model.total, timeout=10000)


def test_has_duplicates_shows_only_leads_in_groups(scanned, app_context):
    leads = scanned.leads
    in_groups = {i for g in app_context.scan_result.groups for i in g.lead_ids}
    leads.duplicates_only.setChecked(True)
    shown = {leads.model.row_at(r).id for r in range(leads.model.matching)}
    assert shown and shown <= in_groups
    leads.duplicates_only.setChecked(False)
    assert leads.model.matching == leads.model.total > len(shown)


def test_compare_and_merge_opens_the_selected_leads(scanned):
    leads = scanned.leads
    scanned.show_tab(LEADS_TAB)
    wanted = [leads.model.row_at(0).id, leads.model.row_at(3).id]
    assert not leads.compare_action.isEnabled()
    leads.select_ids(wanted)
    assert leads.compare_action.isEnabled()
    assert leads.compare_action.shortcut().toString() == "Ctrl+M"
    leads.compare_action.trigger()
    assert sorted(scanned.open_group) == sorted(wanted)


def test_statuses_read_as_words_and_a_nameless_lead_shows_its_title_in_grey(qapp, demo_ws):
    rows = load_lead_rows(demo_ws)
    model = LeadModel()
    model.set_rows(rows)
    by_id = {model.row_at(r).id: r for r in range(model.rowCount())}
    in_work = next(r for r in rows if r.status == "in_process" and r.id in by_id)
    assert model.index(by_id[in_work.id], Column.STATUS).data() == "in progress"
    nameless = next(r for r in rows if not r.named and r.id in by_id)
    named = next(r for r in rows if r.named and r.id in by_id)
    with demo_ws.session() as session:
        lead = session.get(Lead, nameless.id)
        assert not (lead.first_name or lead.last_name or lead.middle_name)
        assert nameless.name == lead.title
    grey = Qt.ItemDataRole.ForegroundRole
    assert model.index(by_id[nameless.id], Column.NAME).data(grey) is not None
    assert model.index(by_id[named.id], Column.NAME).data(grey) is None


def _surname_and_label(ws) -> tuple[int, str, str]:
    with ws.session() as s:
        lead_id, surname, external_id = s.execute(
            select(Lead.id, Lead.last_name, Lead.external_id)
            .where(Lead.last_name != "", Lead.archived.is_(False))
            .limit(1)
        ).one()
    return lead_id, surname, external_id


@pytest.mark.parametrize("what", ["surname", "lead id", "surname in capitals with е for ё"])
def test_search_finds_a_lead_by_surname_alone_or_by_its_id(qtbot, scanned, demo_ws, what):
    """The lookup answers people (phones, names, nicknames); a surname alone and a
    lead's ID from the CRM found nothing at all."""
    lead_id, surname, external_id = _surname_and_label(demo_ws)
    typed = {
        "surname": surname,
        "lead id": external_id,
        "surname in capitals with е for ё": surname.upper().replace("Ё", "Е"),
    }[what]
    leads = scanned.leads
    scanned.focus_search()
    leads.search.setText(typed)
    qtbot.waitUntil(lambda: leads.model.total != leads.model.matching, timeout=10000)
    found = [leads.model.row_at(r).id for r in range(leads.model.matching)]
    assert lead_id in found
    assert leads.model.index(found.index(lead_id), Column.MATCH).data()


def test_a_phone_typed_in_digits_is_left_to_the_lookup(demo_ws):
    model = LeadModel()
    model.set_rows(load_lead_rows(demo_ws))
    assert model.text_matches("916", 50) == []
    assert model.text_matches("8 916 123", 50) == []


def test_down_from_the_search_box_goes_to_the_hits(qtbot, scanned, demo_ws):
    _lead_id, surname, _label = _surname_and_label(demo_ws)
    leads = scanned.leads
    scanned.show()
    scanned.activateWindow()
    qtbot.waitUntil(lambda: scanned.isActiveWindow())
    scanned.focus_search()
    leads.search.setText(surname)  # keyClicks cannot type Cyrillic (QTest aborts)
    qtbot.keyClick(leads.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: leads.model.total != leads.model.matching, timeout=10000)
    qtbot.keyClick(leads.search, Qt.Key.Key_Down)
    assert leads.table.hasFocus()
    assert leads.table.currentIndex().isValid()
