"""The queue tells the operator which groups she may merge, and shows customers by name.

A lock in the first column (its tooltip names the missing right), a filter
"only groups I can merge" (on by default, remembered), the customer column with
real names first, a custom date range, and the window's first size.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication

from deskdup.models import Action, Channel, Entity, Scope
from deskdup.services.candidates import CandidateGroup, CandidatePair, LeadSummary, Reason
from deskdup.services.lead_rows import (
    GroupRights,
    OwnerInfo,
    RightsCard,
    load_queue_facts,
)
from deskdup.services.messages import Message
from deskdup.services.operators import workspace_operator
from deskdup.services.policy import MergePolicy
from deskdup.services.rights import OperatorInfo, check_merge_cards
from deskdup.views import settings as opts
from deskdup.views.main_window import MainWindow
from deskdup.views.queue import CUSTOM
from deskdup.views.queue_model import (
    Column,
    QueueFilter,
    QueueModel,
    QueueProxy,
    Role,
)
from deskdup.views.queue_rows import build_rows, readable_names

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(autouse=True)
def _app(qapp):
    """The lock is a qtawesome icon: it needs the application even in model tests."""
    return qapp


NOW = datetime(2026, 11, 23, 12, 0)

# Two departments; the signed-in operator (id 2) is in the first.
OWNERS = {
    1: OwnerInfo(1, "Смирнова Ольга", 1, "Продажи 1"),
    2: OwnerInfo(2, "Петрова Анна", 1, "Продажи 1"),
    4: OwnerInfo(4, "Иванова Мария", 2, "Продажи 2"),
    5: OwnerInfo(5, "Соколов Павел", 2, "Продажи 2"),
}


def _operator(scope: Scope, delete: Scope | None = None) -> OperatorInfo:
    """Петрова Анна with ``scope`` for read and edit and ``delete`` (same when None)."""
    delete = scope if delete is None else delete
    return OperatorInfo(
        id=2,
        login="operator",
        full_name="Петрова Анна",
        department_id=1,
        department_name="Продажи 1",
        can_undo=False,
        scopes={
            (Entity.LEAD, Action.READ): Scope.ALL,
            (Entity.LEAD, Action.EDIT): scope,
            (Entity.LEAD, Action.DELETE): delete,
        },
    )


def _summary(lead_id: int, name: str, owner_id: int, minutes_ago: int, channel=Channel.SITE):
    return LeadSummary(
        id=lead_id,
        label=f"L-{lead_id}",
        name=name,
        channel=channel,
        owner_id=owner_id,
        owner_name=OWNERS[owner_id].name,
        created_at=NOW - timedelta(minutes=minutes_ago),
        status="new",
    )


def _group(*ids: int, score: float = 0.9) -> CandidateGroup:
    reason = Reason("same_phone", score, Message("Reason", "Same phone {phone}", {"phone": "+7"}))
    return CandidateGroup(ids, [CandidatePair(ids[0], ids[1], score, (reason,))])


@pytest.fixture
def rows():
    """Group (1, 2): Анна's own department; group (3, 4): Продажи 2, locked for her."""
    summaries = {
        1: _summary(1, "Иван Петров", 2, 5),
        2: _summary(2, "vanya_petrov93", 1, 9, Channel.TELEGRAM),
        3: _summary(3, "+79161234567", 4, 60, Channel.WHATSAPP),
        4: _summary(4, "Мария", 5, 3 * 24 * 60, Channel.AVITO),
    }
    names = {1: "Иван Петров", 4: "Мария"}  # leads 2 and 3 have no name
    rights = GroupRights(_operator(Scope.DEPARTMENT), OWNERS, MergePolicy())
    return build_rows([_group(1, 2, score=0.95), _group(3, 4)], summaries, names, rights)


def _model(rows) -> QueueModel:
    model = QueueModel()
    model.now = NOW
    model.set_rows(rows)
    return model


def test_a_group_the_operator_cannot_merge_shows_a_lock_naming_the_right(rows):
    model = _model(rows)
    mine, locked = model.row_at(0), model.row_at(1)
    assert mine.lead_ids == (1, 2) and mine.mergeable
    assert locked.lead_ids == (3, 4) and not locked.mergeable
    assert model.index(0, Column.LOCK).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(1, Column.LOCK).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(1, Column.LOCK).data(Role.MergeableRole) is False
    tip = model.index(1, Column.LOCK).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("You cannot merge this group:")
    # The refusal names each lead, its owner, the department and the right lacked:
    # edit on Мария's primary, archive on Павел's other lead.
    lines = tip.splitlines()[1:]
    assert len(lines) == 2
    assert "#L-3" in lines[0] and "Иванова Мария (Продажи 2)" in lines[0] and "no edit" in lines[0]
    assert "#L-4" in lines[1] and "Соколов Павел (Продажи 2)" in lines[1]
    assert "no archive" in lines[1]
    assert "may merge" in model.index(0, Column.LOCK).data(Qt.ItemDataRole.ToolTipRole)


def test_only_groups_i_can_merge_hides_the_locked_one(qtmodeltester, rows):
    model = _model(rows)
    proxy = QueueProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(QueueFilter(mergeable_only=True))
    assert [proxy.index(r, 0).data(Role.ObjectRole).lead_ids for r in range(proxy.rowCount())] == [
        (1, 2)
    ]
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(QueueFilter())
    assert proxy.rowCount() == 2
    assert model.locked_count() == 1


def test_sorting_by_the_lock_puts_the_mergeable_groups_first(rows):
    model = _model(rows)
    model.sort(Column.LOCK, Qt.SortOrder.DescendingOrder)
    assert not model.row_at(0).mergeable
    model.sort(Column.LOCK, Qt.SortOrder.AscendingOrder)
    assert model.row_at(0).mergeable


def test_the_customer_column_shows_names_first_and_identifiers_of_nameless_leads(rows):
    model = _model(rows)
    assert model.index(0, Column.CUSTOMER).data() == "Иван Петров · vanya_petrov93"
    assert model.index(1, Column.CUSTOMER).data() == "Мария · +79161234567"
    tip = model.index(0, Column.CUSTOMER).data(Qt.ItemDataRole.ToolTipRole)
    assert "#L-2  vanya_petrov93  (Telegram)" in tip.splitlines()
    # A group of nameless leads is told apart by its colour.
    assert model.index(0, Column.CUSTOMER).data(Qt.ItemDataRole.ForegroundRole) is None


def test_readable_names_keep_the_fullest_and_drop_their_parts():
    assert readable_names(["Владимир", "Власов Владимир", "власов владимир", "Люба"]) == (
        "Власов Владимир",
        "Люба",
    )
    assert readable_names(["гаврилова вера константиновна", "Вера"]) == (
        "Гаврилова Вера Константиновна",
    )
    assert readable_names(["Алёна", "Алена Котова"]) == ("Алена Котова",)
    assert readable_names([]) == ()


SCOPES = st.sampled_from(list(Scope))


@given(
    edit=SCOPES,
    delete=SCOPES,
    read=SCOPES,
    owners=st.lists(st.sampled_from([None, 1, 2, 4, 5]), min_size=2, max_size=5),
    archive=st.booleans(),
)
def test_the_quick_decision_agrees_with_the_rights_service(edit, delete, read, owners, archive):
    """Locked exactly when no lead of the group may be the primary (check_merge_cards)."""
    operator = _operator(edit, delete)
    operator.scopes[(Entity.LEAD, Action.READ)] = read
    policy = MergePolicy(archive_instead_of_delete=archive)
    rights = GroupRights(operator, OWNERS, policy)
    cards = [rights.card(i + 1, f"L-{i + 1}", o) for i, o in enumerate(owners)]
    got = rights.refusals(cards)
    by_primary = [check_merge_cards(operator, cards, c.id, policy) for c in cards]
    assert (got == ()) == any(not r for r in by_primary)
    if got:
        assert len(got) == min(len(r) for r in by_primary)
        assert all(isinstance(c, RightsCard) for c in cards)


# --------------------------------------------------------------------------- the real demo


def test_facts_and_rights_on_the_demo_workspace(demo_ws):
    facts = load_queue_facts(demo_ws)
    assert facts.names and all(n.strip() == n and n for n in facts.names.values())
    assert {o.department_name for o in facts.owners.values()} >= {"Продажи 1", "Продажи 2"}
    cards_by_dept: dict[int | None, RightsCard] = {}
    supervisor = GroupRights(workspace_operator(demo_ws, "supervisor"), facts.owners)
    operator = GroupRights(workspace_operator(demo_ws, "operator"), facts.owners)
    trainee = GroupRights(workspace_operator(demo_ws, "trainee"), facts.owners)
    for owner in facts.owners.values():
        cards_by_dept.setdefault(owner.department_id, operator.card(owner.id, "x", owner.id))
    mine = cards_by_dept[operator.operator.department_id]
    other = next(c for d, c in cards_by_dept.items() if d != operator.operator.department_id)
    pair = [mine, other]
    assert supervisor.refusals(pair) == ()
    refusals = operator.refusals(pair)
    assert refusals and all(r.lead_id == other.id for r in refusals)
    # The trainee has no delete right: no group of two can be merged by her.
    assert trainee.refusals([mine, mine]) != ()


def _visible(window) -> list:
    proxy = window.queue.proxy
    return [proxy.index(r, 0).data(Role.ObjectRole) for r in range(proxy.rowCount())]


def test_the_window_hides_what_she_cannot_merge_by_default_and_remembers_the_choice(
    qtbot, window, app_context
):
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
    queue = window.queue
    assert queue.mergeable_only.isChecked()
    locked = queue.model.locked_count()
    assert 0 < locked < queue.model.rowCount()  # the demo has both kinds for `operator`
    assert all(row.mergeable for row in _visible(window))
    assert str(locked) in queue.count.text()
    # The first group opened is one she may merge.
    assert window.queue.current_row().mergeable
    queue.mergeable_only.setChecked(False)
    assert len(_visible(window)) == queue.model.rowCount()
    assert any(not row.mergeable for row in _visible(window))
    assert app_context.settings.get(opts.QUEUE_MERGEABLE_ONLY) is False
    second = MainWindow(app_context)
    qtbot.addWidget(second)
    assert not second.queue.mergeable_only.isChecked()


def test_a_window_rebuilt_for_another_operator_recomputes_the_locks_in_the_background(
    qtbot, window, app_context
):
    window.start()
    qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
    assert window.queue.model.locked_count() > 0
    app_context.operator = workspace_operator(app_context.workspace, "supervisor")
    again = MainWindow(app_context)
    qtbot.addWidget(again)
    again.start()  # the kept scan: no new scan, but names and rights on the worker
    assert again.scanning
    qtbot.waitUntil(lambda: not again.scanning, timeout=30000)
    assert again.queue.model.rowCount() == window.queue.model.rowCount()
    assert again.queue.model.locked_count() == 0


def test_a_custom_date_range_narrows_the_queue(qtbot, window):
    window.start()
    qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
    queue = window.queue
    queue.mergeable_only.setChecked(False)
    assert not queue.date_from.isVisibleTo(queue)
    queue.period.setCurrentIndex(queue.period.findData(CUSTOM))
    assert queue.date_from.isVisibleTo(queue) and queue.date_to.isVisibleTo(queue)
    rows = queue.model.rows()
    day = min(r.newest for r in rows if r.newest)
    queue.date_from.setDate(QDate(day.year, day.month, day.day))
    queue.date_to.setDate(QDate(day.year, day.month, day.day))
    shown = _visible(window)
    assert 0 < len(shown) < len(rows)
    start = datetime(day.year, day.month, day.day)
    for row in shown:
        assert row.newest >= start and row.oldest < start + timedelta(days=1)


def test_the_first_start_fills_the_screen_and_a_saved_geometry_wins(qtbot, app_context):
    first = MainWindow(app_context)
    qtbot.addWidget(first)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert first.isMaximized() or first.size() == available.size()
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.setGeometry(available.x() + 10, available.y() + 10, 500, 400)
    first.save_state()
    second = MainWindow(app_context)
    qtbot.addWidget(second)
    assert not second.isMaximized()
    assert second.size().width() == 500 and second.size().height() == 400


def test_an_operator_who_may_merge_nothing_still_sees_the_queue_with_its_locks(
    qtbot, window, app_context
):
    """The trainee has no delete right: hiding every locked group would empty her queue."""
    app_context.operator = workspace_operator(app_context.workspace, "trainee")
    window.start()
    qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
    queue = window.queue
    assert queue.mergeable_only.isChecked() and queue.nothing_mergeable()
    assert queue.visible_count() == queue.model.rowCount() > 0
    assert all(not row.mergeable for row in _visible(window))
    assert "none of them" in queue.count.text()
