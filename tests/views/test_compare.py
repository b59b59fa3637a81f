"""The comparison view: columns, channels, chats, choices, rights and the preview."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QLabel

from deskdup.models import Action, CommKind, Entity, Scope
from deskdup.services.operators import find_operator
from deskdup.views.channel_badges import ChannelChip
from tests.factories import make_lead, make_operator
from tests.views.compare_group import SITE, TG, WA, four_channel_group, make_view, show

# The offscreen platform warns about size hints of every shown window.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def chip_texts(widget) -> list[str]:
    return [chip.text_label.text() for chip in widget.findChildren(ChannelChip)]


def test_group_of_two_has_two_columns_and_every_channel(qtbot, workspace, runner, shown):
    ids, ops = four_channel_group(workspace)
    view = make_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids[:2])
    assert len(view.grid.headers) == 2
    texts = chip_texts(view.scroll.widget())
    assert "@ivan_petrov93" in texts
    assert "+7 912 345 67 89" in " ".join(texts).replace("-", " ")
    assert view.merge_button.isEnabled()
    assert shown == {"known": [], "bug": []}


def test_group_of_four_shows_telegram_whatsapp_avito_and_site(qtbot, workspace, runner, shown):
    ids, ops = four_channel_group(workspace)
    view = make_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids)
    assert len(view.grid.headers) == 4
    headers = [" ".join(lbl.text() for lbl in h.findChildren(QLabel)) for h in view.grid.headers]
    for label, owner in zip(
        ("#T-101", "#W-102", "#A-103", "#S-104"),
        ("Петрова Анна", "Борисов Борис", "Петрова Анна", "Петрова Анна"),
        strict=True,
    ):
        assert any(label in h and owner in h for h in headers)
    texts = " | ".join(chip_texts(view.scroll.widget()))
    for expected in ("@ivan_petrov93", "ivan.petrov@example.com", "Ещё продаётся?"):
        assert expected in texts
    # Every chat's first inquiry is listed, the long one elided with the full text in a tooltip.
    tooltips = [c.toolTip() for c in view.scroll.widget().findChildren(ChannelChip)]
    assert any("Здравствуйте, сколько стоит доставка в Казань?" in t for t in tooltips)


def test_more_than_six_leads_shows_six_and_says_so(qtbot, workspace, runner, shown):
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна")
        ids = [make_lead(s, owner=anna, first_name="Иван").id for _ in range(8)]
        operator = find_operator(s, "anna")
    view = make_view(qtbot, workspace, operator, runner)
    show(qtbot, view, ids)
    assert view.plan.lead_ids == ids[:6]
    assert len(view.grid.headers) == 6
    assert view.banner.isVisible() and "8" in view.banner.text()


def test_changing_the_primary_checks_the_rights_again(qtbot, workspace, runner, shown):
    """A trainee may archive only their own leads: which lead is primary decides."""
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        trainee = make_operator(
            s,
            "trainee",
            "Стажёр Семён",
            "Sales 1",
            scopes={
                (Entity.LEAD, Action.READ): Scope.ALL,
                (Entity.LEAD, Action.EDIT): Scope.ALL,
                (Entity.LEAD, Action.DELETE): Scope.OWN,
            },
        )
        own = make_lead(s, owner=trainee, first_name="Иван", external_id="OWN-1")
        theirs = make_lead(s, owner=anna, first_name="Иван", external_id="ANNA-2")
        ids = [own.id, theirs.id]
        operator = find_operator(s, "trainee")
    view = make_view(qtbot, workspace, operator, runner)
    show(qtbot, view, ids)
    # The oldest lead (the trainee's own) would be suggested, but could not be kept:
    # the view suggests the one the trainee may merge into instead.
    assert view.plan.primary_id == ids[1]
    assert view.merge_button.isEnabled()
    view.choose_primary_column(1)  # keep Anna's lead, archive the trainee's own: allowed
    assert view.merge_button.isEnabled() and not view.rights_label.isVisible()
    view.choose_primary_column(0)  # keep the own lead, archive Anna's: refused
    assert not view.merge_button.isEnabled()
    tip = view.merge_button.toolTip()
    assert "#ANNA-2" in tip and "Петрова Анна" in tip and "archive" in tip
    assert not view.grid.headers[0].warning.isVisible() and view.grid.headers[1].warning.isVisible()


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("dd.MM.yyyy", "dd.MM"), ("M/d/yy", "M/d"), ("yyyy-MM-dd", "MM-dd"), ("d MMM y", "d MMM")],
)
def test_dates_of_this_year_drop_the_year(pattern, expected):
    from deskdup.views.formatting import _without_year

    assert _without_year(pattern) == expected


@pytest.mark.parametrize(
    ("kind", "channel", "raw", "normalized", "shown"),
    [
        (CommKind.MESSENGER, TG, "ivan_petrov93", "ivan_petrov93", "@ivan_petrov93"),
        (CommKind.MESSENGER, TG, "https://t.me/ivan", "ivan", "https://t.me/ivan"),
        (CommKind.MESSENGER, WA, "89123456789", "+79123456789", "+7 912 345 67 89"),
        (CommKind.PHONE, SITE, "8 (912) 345-67-89", "+79123456789", "+7 912 345 67 89"),
        (CommKind.PHONE, SITE, "643-48-87", "", "643-48-87"),
        (CommKind.EMAIL, SITE, "Ivan@Example.com", "ivan@example.com", "Ivan@Example.com"),
    ],
)
def test_handles_and_phones_read_as_the_operator_expects(kind, channel, raw, normalized, shown):
    from deskdup.views.channel_badges import display_value

    text = display_value(kind, channel, raw, normalized)
    assert text.replace("-", " ") == shown.replace("-", " ")


@pytest.fixture
def language(qapp):
    """Switch the translators for one test; English again afterwards."""
    from deskdup.views import i18n

    yield i18n.install
    i18n.install("en")


@pytest.mark.parametrize(
    ("lang", "heading", "refusal", "grouped", "right"),
    [
        (
            "en",
            "You may not do this; nothing was changed:",
            "Lead #W-102 belongs to Борисов Борис (Sales 2); you have no {right} right on "
            "leads of that department; ask a supervisor",
            "#T-101, #A-103 belong to Петрова Анна (Sales 1); you have no {right} right on "
            "your colleagues' leads; ask a supervisor",
            ("archive", "read"),
        ),
        (
            "ru",
            "Это действие вам не разрешено; ничего не изменено:",
            "Лид #W-102 принадлежит: Борисов Борис (Sales 2); у вас нет права «{right}» на "
            "лиды этого отдела; обратитесь к руководителю",
            "Лиды #T-101, #A-103 принадлежат: Петрова Анна (Sales 1); у вас нет права "
            "«{right}» на лиды коллег; обратитесь к руководителю",
            ("архивирование", "чтение"),
        ),
    ],
)
def test_several_refusals_read_in_the_operators_language(
    workspace, language, lang, heading, refusal, grouped, right
):
    """One lead refused or several: the whole text, and the right's name, is translated;
    each owner, department and missing right is said once, naming its leads."""
    from sqlalchemy import func, select

    from deskdup.models import Lead, MergeEvent
    from deskdup.services.errors import RightsError
    from deskdup.services.merge import apply_merge, dismiss
    from deskdup.services.merge_plan import build_plan
    from deskdup.views.formatting import error_text

    ids, ops = four_channel_group(workspace)
    with workspace.session() as s:
        reader = make_operator(
            s, "reader", "Читатель", "Sales 1", scopes={(Entity.LEAD, Action.EDIT): Scope.ALL}
        )
        plan = build_plan(s, ids, primary_id=ids[3])
        reader_id = reader.id
    language(lang)

    # The trainee may archive only their own leads: three refusals, two of them on
    # Анна's leads, said in one line.
    with pytest.raises(RightsError) as several:
        apply_merge(workspace, plan, ops["trainee"].id)
    assert len(several.value.refusals) == 3
    text = error_text(several.value)
    lines = text.split("\n")
    assert lines[0] == heading
    assert len(lines) == 3 and all(line.startswith("• ") for line in lines[1:])
    assert "• " + refusal.format(right=right[0]) in lines
    assert "• " + grouped.format(right=right[0]) in lines
    assert "Lead" not in text if lang == "ru" else "Лид" not in text

    # No right at all but edit: read and archive (what dismissing needs) refused on
    # each of the four leads, three of them Анна's: two lines per right.
    with pytest.raises(RightsError) as unread:
        dismiss(workspace, ids, reader_id)
    assert len([r for r in unread.value.refusals if r.action is Action.READ]) == 4
    assert len(unread.value.refusals) == 8
    text = error_text(unread.value)
    assert text.startswith(heading) and text.count("\n• ") == 4
    assert "#T-101, #A-103, #S-104" in text
    assert f"«{right[1]}»" in text if lang == "ru" else f"no {right[1]} right" in text

    # One refusal alone is the sentence itself, translated the same way.
    with workspace.session() as s:
        pair = build_plan(s, ids[2:], primary_id=ids[3])
    with pytest.raises(RightsError) as single:
        apply_merge(workspace, pair, ops["trainee"].id)
    text = error_text(single.value)
    assert not text.startswith(heading)
    assert text.startswith("Лид #A-103" if lang == "ru" else "Lead #A-103")
    assert ("нет права «архивирование»" if lang == "ru" else "no archive right") in text
    # The command line keeps the English text.
    assert str(several.value).startswith("You may not do this; nothing was changed:")

    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(MergeEvent)) == 0
        assert not any(s.get(Lead, i).archived for i in ids)


def test_refused_group_says_why_in_russian(qtbot, workspace, runner, shown, language):
    ids, ops = four_channel_group(workspace)
    language("ru")
    view = make_view(qtbot, workspace, ops["trainee"], runner)
    show(qtbot, view, ids)
    assert not view.merge_button.isEnabled()
    text = view.rights_label.text()
    assert view.rights_label.isVisible() and text == view.merge_button.toolTip()
    assert "нет права «архивирование»" in text and "Петрова Анна" in text
    assert "Lead #" not in text and "archive" not in text
    # Анна owns three of the four leads: her refusals are one line naming them.
    assert text.count("Петрова Анна") == 1
    assert "Лиды #" in text and "принадлежат: Петрова Анна" in text
    tips = [h.warning.toolTip() for h in view.grid.headers if h.warning.isVisibleTo(view)]
    assert tips and all(t.startswith("Лид #") for t in tips)


def test_the_undo_question_names_the_merge_in_russian(
    qtbot, workspace, runner, shown, language, monkeypatch
):
    from datetime import UTC

    from deskdup.models import Lead, MergeEvent
    from deskdup.services.merge import apply_merge
    from deskdup.services.merge_plan import build_plan
    from deskdup.views.compare import decisions

    ids, ops = four_channel_group(workspace)
    with workspace.session() as s:
        plan = build_plan(s, ids[:3], primary_id=ids[1])
    result = apply_merge(workspace, plan, ops["anna"].id)
    with workspace.session() as s:
        name = s.get(Lead, ids[1]).full_name
        when = s.get(MergeEvent, result.event_id).created_at.replace(tzinfo=UTC).astimezone()
    language("ru")
    view = make_view(qtbot, workspace, ops["anna"], runner)
    asked = []
    monkeypatch.setattr(decisions, "confirm", lambda *a, **k: asked.append((a, k)) or False)
    view.undo_last()
    qtbot.waitUntil(lambda: bool(asked))
    (_parent, title, question), options = asked[0]
    assert title == "Отменить последнее объединение"
    assert question == (
        f"Отменить объединение #T-101, #A-103 в #W-102 ({name}), {when:%H:%M}, Петрова Анна?"
    )
    assert options["info"].startswith("Лиды будут восстановлены")
    assert shown == {"known": [], "bug": []}


@given(
    text=st.text(alphabet="abc.@/_-x", min_size=1, max_size=40),
    width=st.integers(min_value=1, max_value=30),
)
def test_a_long_address_wraps_without_losing_a_character(text, width):
    from deskdup.views.channel_badges import wrap_token

    lines = wrap_token(text, lambda part: len(part) <= width)
    assert "".join(lines) == text
    assert all(len(line) <= max(width, 1) for line in lines)
    if "@" in text[:width] and len(text) > width:
        assert lines[0].endswith("@")  # the mailbox stays whole when it fits


def test_narrow_columns_show_the_whole_phone_and_e_mail(qtbot, workspace, runner, shown):
    """Four leads and the merged one in a narrow pane: nothing is cut off with "…"."""
    from deskdup.views.channel_badges import WrappingLabel

    ids, ops = four_channel_group(workspace)
    view = make_view(qtbot, workspace, ops["anna"], runner)
    view.resize(900, 800)
    show(qtbot, view, ids)
    view.ensure_lead_visible(3)  # not every lead fits in 900 px: the site lead's column

    def chips():
        return [c for c in view.scroll.widget().findChildren(ChannelChip) if c.isVisible()]

    def e_mails():
        return [c for c in chips() if c.text_label.text() == "ivan.petrov@example.com"]

    qtbot.waitUntil(lambda: len(e_mails()) == 2)  # the site lead's and the merged lead's
    for chip in chips():
        label = chip.text_label
        assert isinstance(label, WrappingLabel)
        # As tall as its wrapped lines: every character is painted.
        assert label.height() >= label.heightForWidth(label.width()) - 1
    label = e_mails()[0].text_label
    metrics = label.fontMetrics()
    if metrics.horizontalAdvance("ivan.petrov@example.com") > label.width():
        assert label.height() >= 2 * metrics.lineSpacing() - 1
    # The merged lead is the first column after the field names; a value taken
    # from another lead than the primary names that lead.
    sources = view.grid.result_sources
    assert view.plan.primary_id == ids[1]  # #W-102, the one with most data
    assert sources["last_name"].text() == "from #S-104" and sources["last_name"].isVisible()
    assert sources["title"].text() == "" and not sources["title"].isVisible()
    view.choose_primary_column(0)
    assert sources["last_name"].text() == "from #S-104"
    assert sources["first_name"].text() == "from #W-102"
    assert sources["title"].text() == ""
    view.choose_column_value(3)  # keep the site lead's title
    assert sources["title"].text() == "from #S-104"


def test_garbage_is_collected_on_the_ui_thread_only(qapp):
    import gc

    from deskdup.views import gc_guard

    collector = gc_guard.install(qapp)
    try:
        assert gc_guard.install(qapp) is collector  # once per application
        assert not gc.isenabled()  # no collection in whichever thread allocates

        class Node:
            pass

        collector.threshold = (0, 10**9, 10**9)
        node = Node()
        node.self = node  # a cycle only the collector frees
        del node
        assert collector.collect() >= 1
    finally:
        collector.stop()
        collector.setParent(None)
    assert gc.isenabled()


def test_the_merged_name_is_proposed_clean_and_can_be_typed(qtbot, workspace, runner, shown):
    """Issue 12 item 4: "Danilova" + "данилова екатерина никитична" in the first-name
    field is proposed as Данилова Екатерина Никитична, with the source said; the
    operator may type a value herself ("typed")."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        leads = [
            make_lead(s, owner=anna, channel=WA, last_name="Danilova"),
            make_lead(s, owner=anna, channel=SITE, first_name="данилова екатерина никитична"),
        ]
        s.flush()
        ids = [lead.id for lead in leads]
        label = leads[1].label
        operator = find_operator(s, "anna")
    view = make_view(qtbot, workspace, operator, runner)
    show(qtbot, view, ids)
    grid = view.grid
    values = {n: grid.result_cells[n].text() for n in ("last_name", "first_name", "middle_name")}
    assert values == {
        "last_name": "Данилова",
        "first_name": "Екатерина",
        "middle_name": "Никитична",
    }
    assert grid.result_sources["first_name"].text().startswith("put right, from #")
    assert label in grid.result_sources["first_name"].text()

    def type_in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, type_in_dialog)
            return
        dialog.setTextValue("Данилова-Смирнова")
        dialog.accept()

    QTimer.singleShot(0, type_in_dialog)
    view.type_value("last_name")
    assert view.plan.field("last_name").chosen_value == "Данилова-Смирнова"
    assert view.grid.result_cells["last_name"].text() == "Данилова-Смирнова"
    assert view.grid.result_sources["last_name"].text() == "typed"
    assert shown == {"known": [], "bug": []}


def test_a_loosely_linked_lead_is_marked_in_its_header(qtbot, workspace, runner, shown):
    """The window marks the leads that group_evidence finds linked only loosely:
    the mark names the lead of the group it is most like, and its score."""
    from deskdup.services.group_reasons import group_evidence
    from deskdup.services.matching import MatchIndex
    from tests.factories import customer_and_stranger

    same, stranger = customer_and_stranger(workspace)
    ids = [*same, stranger]
    evidence = group_evidence(MatchIndex.build(workspace), ids)
    with workspace.session() as s:
        operator = find_operator(s, "anna")
    view = make_view(qtbot, workspace, operator, runner)
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        view.show_group(ids, evidence.reasons, loose=evidence.loose)
    headers = view.grid.headers
    marked = [h for h in headers if h.loose.isVisibleTo(view)]
    assert marked == [headers[2]]
    closest, score = evidence.loose[stranger]
    text = headers[2].loose.toolTip()
    assert f"lead {same.index(closest) + 1} " in text and f"{score:.2f}" in text
    assert headers[2].loose.accessibleName() == text
    assert headers[2].accessibleDescription().endswith(text)
    assert text not in headers[0].accessibleDescription()
    # It may be scrolled out of sight: the title names it too.
    assert view.title.text().endswith("· check lead 3") and view.title.toolTip()
    # The same group without the evidence (another queue's) marks no one.
    with qtbot.waitSignal(view.group_loaded, timeout=10000):
        view.show_group(ids)
    assert not any(h.loose.isVisibleTo(view) for h in view.grid.headers)
    assert "check" not in view.title.text() and not view.title.toolTip()
    assert shown == {"known": [], "bug": []}
