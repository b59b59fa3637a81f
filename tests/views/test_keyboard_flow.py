"""The review flow by keyboard alone: primary, values, merge, not duplicates, undo."""

from __future__ import annotations

from datetime import UTC

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import func, select, update

from deskdup.models import Channel, Chat, Communication, Dismissal, Lead, MergeEvent
from deskdup.views.cheatsheet import CheatSheetDialog
from deskdup.views.compare import decisions
from deskdup.views.dismiss_dialog import DismissDialog
from deskdup.views.shortcuts import SHORTCUTS, ReviewAction, shortcut
from tests.views.compare_group import four_channel_group, make_view, show

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier


def focused_view(qtbot, workspace, operator, runner):
    view = make_view(qtbot, workspace, operator, runner)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.setFocus()
    qtbot.waitUntil(lambda: view.isAncestorOf(QApplication.focusWidget()))
    return view


def key(qtbot, view, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or view, k, modifier)


def test_choose_primary_and_values_by_keyboard_then_merge(qtbot, workspace, runner, shown):
    ids, ops = four_channel_group(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids)
    plan = view.plan

    key(qtbot, view, Qt.Key.Key_4)  # the site lead (#S-104) becomes the primary
    assert plan.primary_id == ids[3]
    # Differing fields, in order: title, last name, first name, source, responsible.
    assert view.current_field == "title"
    key(qtbot, view, Qt.Key.Key_1, CTRL)  # the Telegram lead's title
    key(qtbot, view, Qt.Key.Key_Down)
    key(qtbot, view, Qt.Key.Key_Down)
    key(qtbot, view, Qt.Key.Key_Down)
    assert view.current_field == "source_channel"
    key(qtbot, view, Qt.Key.Key_Left)  # from the site lead to the Avito lead
    key(qtbot, view, Qt.Key.Key_Down)
    assert view.current_field == "assigned_id"
    key(qtbot, view, Qt.Key.Key_2, CTRL)  # Boris, the WhatsApp lead's owner
    assert view.merge_button.isEnabled()

    with qtbot.waitSignal(view.merged, timeout=10000) as merged:
        key(qtbot, view, Qt.Key.Key_Return, CTRL)
    assert merged.args[0].primary_id == ids[3]

    with workspace.session() as s:
        primary = s.get(Lead, ids[3])
        assert primary.title == "Telegram: ivan_petrov93"
        assert primary.last_name == "Петров"
        assert primary.source_channel is Channel.AVITO
        assert primary.assigned.login == "boris"
        values = {c.raw_value for c in s.scalars(select(Communication).filter_by(lead_id=ids[3]))}
        assert {"@ivan_petrov93", "+79123456789", "ivan.petrov@example.com"} <= values
        chats = s.scalars(select(Chat).filter_by(lead_id=ids[3])).all()
        assert len(chats) == 3
        for other in ids[:3]:
            lead = s.get(Lead, other)
            assert lead.merged_into_id == ids[3] and lead.archived
    qtbot.waitUntil(lambda: view.counters["merges"] == 1)
    assert shown == {"known": [], "bug": []}


def test_merge_refused_for_a_trainee_disables_merge_and_changes_nothing(
    qtbot, workspace, runner, shown
):
    ids, ops = four_channel_group(workspace)
    view = focused_view(qtbot, workspace, ops["trainee"], runner)
    show(qtbot, view, ids[:2])
    assert not view.merge_button.isEnabled()
    tip = view.merge_button.toolTip()
    # Names the lead, its owner and department, and the missing right: the
    # primary is Борис's W-102 (the trainee may edit every lead), so the one
    # refused is Анна's T-101, which the trainee may not archive.
    assert "#T-101" in tip and "#W-102" not in tip
    assert "Петрова Анна (Sales 1)" in tip and "Борисов Борис" not in tip
    assert "archive" in tip
    key(qtbot, view, Qt.Key.Key_Return, CTRL)
    assert view.rights_label.isVisible() and view.rights_label.text() == tip
    runner.wait()  # a merge wrongly started would have finished by now
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(MergeEvent)) == 0
        assert not any(s.get(Lead, i).archived for i in ids)


def test_lead_changed_by_someone_else_shows_who_and_reloads(qtbot, workspace, runner, shown):
    ids, ops = four_channel_group(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids[:2])
    old_version = view.plan.versions[ids[1]]
    with workspace.session() as s:
        s.execute(
            update(Lead)
            .where(Lead.id == ids[1])
            .values(title="Changed elsewhere", version=Lead.version + 1)
        )
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        key(qtbot, view, Qt.Key.Key_Return, CTRL)
    assert view.banner.isVisible()
    assert "W-102" in view.banner.text()
    assert view.plan.versions[ids[1]] == old_version + 1
    assert view.plan.field("title").values[ids[1]] == "Changed elsewhere"
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(MergeEvent)) == 0


def test_not_duplicates_with_reason_is_recorded(qtbot, workspace, runner, shown, monkeypatch):
    ids, ops = four_channel_group(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids[:3])
    asked = []

    def ask(cls, parent, labels, excluded=None, contacts=False):
        asked.append(labels)
        assert not contacts
        return "namesakes"

    monkeypatch.setattr(DismissDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(view.dismissed, timeout=10000) as dismissed:
        key(qtbot, view, Qt.Key.Key_D, CTRL)
    assert asked == [["T-101", "W-102", "A-103"]]
    assert tuple(dismissed.args[0]) == tuple(ids[:3])
    with workspace.session() as s:
        rows = s.scalars(select(Dismissal)).all()
        assert {(r.lead_a_id, r.lead_b_id) for r in rows} == {
            (ids[0], ids[1]),
            (ids[0], ids[2]),
            (ids[1], ids[2]),
        }
        assert {r.reason for r in rows} == {"namesakes"}
        assert {r.operator_id for r in rows} == {ops["anna"].id}


def test_dismiss_dialog_accepts_an_empty_reason_with_enter(qtbot):
    dialog = DismissDialog(["T-101", "W-102"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.reason.text() == ""


def test_undo_last_restores_the_merged_leads(qtbot, workspace, runner, shown, monkeypatch):
    ids, ops = four_channel_group(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids[:2])
    with workspace.session() as s:
        before = {i: (s.get(Lead, i).title, s.get(Lead, i).assigned_id) for i in ids[:2]}
    key(qtbot, view, Qt.Key.Key_2)
    key(qtbot, view, Qt.Key.Key_1, CTRL)  # the title of the Telegram lead
    with qtbot.waitSignal(view.merged, timeout=10000):
        key(qtbot, view, Qt.Key.Key_Return, CTRL)
    asked = []
    monkeypatch.setattr(decisions, "confirm", lambda *a, **k: asked.append(a) or True)
    with qtbot.waitSignal(view.undone, timeout=10000) as undone:
        key(qtbot, view, Qt.Key.Key_Z, CTRL)
    # The question names the merge: the leads, the primary's name, when and who.
    with workspace.session() as s:
        event = s.get(MergeEvent, undone.args[0].undone_event_id)
        when = event.created_at.replace(tzinfo=UTC).astimezone()
        name = s.get(Lead, ids[1]).full_name
    assert name
    question = asked[0][2]
    assert question == f"Undo the merge of #T-101 into #W-102 ({name}), {when:%H:%M}, Петрова Анна?"
    assert ids[0] in undone.args[0].restored_ids  # the lead merged away is back
    with workspace.session() as s:
        for i in ids[:2]:
            lead = s.get(Lead, i)
            assert not lead.archived and lead.merged_into_id is None
            assert (lead.title, lead.assigned_id) == before[i]
        assert len(s.scalars(select(Chat).filter_by(lead_id=ids[0])).all()) == 1
    qtbot.waitUntil(lambda: view.counters["undos"] == 1)


def test_next_previous_skip_and_cheat_sheet_keys(qtbot, workspace, runner, shown):
    ids, ops = four_channel_group(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids[:2])
    with qtbot.waitSignal(view.next_requested):
        key(qtbot, view, Qt.Key.Key_J)
    with qtbot.waitSignal(view.previous_requested):
        key(qtbot, view, Qt.Key.Key_Up, CTRL)
    with qtbot.waitSignal(view.skipped):
        key(qtbot, view, Qt.Key.Key_S)
    assert view.counters["skips"] == 1
    key(qtbot, view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(view.findChildren(CheatSheetDialog)))
    sheet = view.findChildren(CheatSheetDialog)[0]
    assert sheet.table.rowCount() == len(SHORTCUTS)
    merge_keys = shortcut(ReviewAction.MERGE).key_text()
    assert any(sheet.table.item(r, 0).text() == merge_keys for r in range(len(SHORTCUTS)))
    # The button tooltips show the same keys as the cheat sheet.
    assert merge_keys in view.merge_button.toolTip()
    assert shortcut(ReviewAction.DISMISS).key_text() in view.dismiss_button.toolTip()
    sheet.close()


def test_review_keys_are_bound_once_in_the_main_window(qtbot, workspace, runner):
    """Two shortcuts on one key cancel each other out in Qt: every review key stays unique."""
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    from deskdup.views.context import AppContext
    from deskdup.views.settings import Settings

    main_window = pytest.importorskip("deskdup.views.main_window")
    _ids, ops = four_channel_group(workspace)
    context = AppContext(workspace=workspace, operator=ops["anna"], settings=Settings(), ops=runner)
    window = main_window.MainWindow(context)
    qtbot.addWidget(window)
    review_keys = [QKeySequence(k) for s in SHORTCUTS for k in s.keys]
    assert len({k.toString() for k in review_keys}) == len(review_keys)
    # The review's QActions (buttons and menus share them) and the view's plain-key
    # shortcuts: each review key bound once, by nobody else in the window.
    bound = [
        k.toString()
        for action in window.findChildren(QAction)
        for k in action.shortcuts()
        if action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut
    ] + [
        sc.key().toString()
        for sc in window.findChildren(QShortcut)
        if sc.context() != Qt.ShortcutContext.WidgetShortcut
        and sc not in window.merge_key.shortcuts
    ]
    assert {k.toString(): bound.count(k.toString()) for k in review_keys} == {
        k.toString(): 1 for k in review_keys
    }
    # The Merge keys' second binding (saying why nothing was merged) is on only
    # while the Merge action is off: never two live bindings on one key.
    merge = window.compare.actions[ReviewAction.MERGE]
    guard = window.merge_key.shortcuts
    assert {sc.key().toString() for sc in guard} == {"Ctrl+Return", "Ctrl+Enter"}
    assert not merge.isEnabled() and all(sc.isEnabled() for sc in guard)
    merge.setEnabled(True)
    assert not any(sc.isEnabled() for sc in guard)
    runner.wait()


def test_opened_group_takes_the_focus_unless_the_operator_is_typing(
    qtbot, workspace, runner, shown
):
    from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QWidget

    from deskdup.views.compare import CompareView
    from deskdup.views.context import AppContext
    from deskdup.views.settings import Settings

    ids, ops = four_channel_group(workspace)
    window = QWidget()
    layout = QHBoxLayout(window)
    queue, search = QListWidget(), QLineEdit()
    context = AppContext(workspace=workspace, operator=ops["anna"], settings=Settings(), ops=runner)
    view = CompareView(context)
    for widget in (queue, search, view):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    show(qtbot, view, ids[:2])
    assert search.hasFocus()

    queue.setFocus()
    qtbot.waitUntil(queue.hasFocus)
    show(qtbot, view, ids[2:])
    assert view.isAncestorOf(QApplication.focusWidget())
    key(qtbot, view, Qt.Key.Key_2)
    assert view.plan.primary_id == ids[3]


def test_moving_on_during_a_merge_still_reports_it_and_shows_the_new_group(
    qtbot, workspace, runner, shown
):
    ids, ops = four_channel_group(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids[:2])
    with qtbot.waitSignals([view.merged, view.group_loaded], timeout=10000):
        view.merge()
        view.show_group(ids[2:])  # the operator pressed J before the merge finished
    assert view.plan.lead_ids == ids[2:]
    assert view.merge_button.isEnabled()


def test_rights_withdrawn_after_the_check_are_refused_in_words(qtbot, workspace, runner, shown):
    """The view checked with the rights of sign-in; the merge re-checks in its transaction."""
    from deskdup.models import Action, Entity, Operator, OperatorRight, Scope

    ids, ops = four_channel_group(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids[:2])
    assert view.merge_button.isEnabled()
    with workspace.session() as s:
        anna = s.scalar(select(Operator).filter_by(login="anna"))
        right = s.scalar(
            select(OperatorRight).filter_by(
                operator_id=anna.id, entity=Entity.LEAD, action=Action.DELETE
            )
        )
        right.scope = Scope.NONE
    key(qtbot, view, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: view.banner.isVisible() and not view.is_busy())
    assert "#T-101" in view.banner.text() and "archive" in view.banner.text()
    assert view.plan is not None  # the group stays on screen
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(MergeEvent)) == 0
        assert not any(s.get(Lead, i).archived for i in ids)
    assert shown == {"known": [], "bug": []}


def test_taking_one_lead_out_keeps_comparing_the_rest(qtbot, workspace, runner, shown, monkeypatch):
    ids, ops = four_channel_group(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids[:3])
    asked = []

    def ask(cls, parent, labels, excluded=None, contacts=False):
        asked.append((labels, excluded))
        return "a namesake"

    monkeypatch.setattr(DismissDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        view.grid.headers[2].exclude_button.click()
    assert asked == [(["T-101", "W-102", "A-103"], "A-103")]
    assert view.plan.lead_ids == ids[:2]
    with workspace.session() as s:
        rows = s.scalars(select(Dismissal)).all()
        assert {(r.lead_a_id, r.lead_b_id) for r in rows} == {(ids[0], ids[2]), (ids[1], ids[2])}
        assert {r.reason for r in rows} == {"a namesake"}
    with qtbot.waitSignal(view.dismissed, timeout=10000) as dismissed:
        view.grid.headers[0].exclude_button.click()
    assert tuple(dismissed.args[0]) == tuple(ids[:2])


def test_the_cheat_sheet_takes_the_keyboard_and_esc_closes_it(qtbot, workspace, runner, shown):
    ids, ops = four_channel_group(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids[:2])
    key(qtbot, view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(view.findChildren(CheatSheetDialog)))
    sheet = view.findChildren(CheatSheetDialog)[0]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sheet)
    with qtbot.waitSignal(sheet.finished):
        qtbot.keyClick(QApplication.focusWidget() or sheet, Qt.Key.Key_Escape)


def test_a_group_merged_in_another_window_says_who_merged_it(qtbot, workspace, runner, shown):
    """Two windows on one workspace: the second merge is refused, and the refusal's
    'merged by whom' stays on screen (the reload's 'already merged' replaced it)."""
    ids, ops = four_channel_group(workspace)
    first = focused_view(qtbot, workspace, ops["anna"], runner)
    second = make_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, first, ids[:2])
    show(qtbot, second, ids[:2])
    with qtbot.waitSignal(first.merged, timeout=10000):
        first.merge()
    with qtbot.waitSignal(second.group_unavailable, timeout=10000):
        second.merge()
    text = second.banner.text()
    assert "Петрова Анна" in text and "T-101" in text
    assert second.plan is None and not second.merge_button.isEnabled()
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(MergeEvent)) == 1
    assert shown == {"known": [], "bug": []}


@pytest.mark.parametrize(
    ("key_", "modifier", "signal"),
    [
        (Qt.Key.Key_Return, CTRL, "merged"),
        (Qt.Key.Key_S, Qt.KeyboardModifier.NoModifier, "skipped"),
    ],
)
def test_a_held_key_does_not_act_on_the_groups_that_follow(
    qtbot, workspace, runner, shown, key_, modifier, signal
):
    """Holding Ctrl+Return for 2 s merged 12 demo groups, each opened and merged at once."""
    ids, ops = four_channel_group(workspace)
    view = focused_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids[:2])
    acted = []
    getattr(view, signal).connect(lambda *args: acted.append(args))

    def press(repeat: bool) -> None:
        event = QKeyEvent(QEvent.Type.KeyPress, key_, modifier, "", repeat)
        QApplication.sendEvent(QApplication.focusWidget(), event)

    with qtbot.assertNotEmitted(getattr(view, signal), wait=200):
        press(repeat=True)  # what a held key sends after the first press
    assert acted == []
    press(repeat=False)
    qtbot.waitUntil(lambda: len(acted) == 1, timeout=10000)
    assert shown == {"known": [], "bug": []}
