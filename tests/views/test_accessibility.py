"""A screen reader can use the comparison: every interactive element has a name.

The test walks the accessibility tree Qt gives assistive technology
(``QAccessible``), as a screen reader would, not the widget tree.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QAbstractButton

from deskdup.views.channel_badges import ChannelChip
from deskdup.views.main_menus import platform_keys
from tests.views.compare_group import four_channel_group, make_view, show

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

Role = QAccessible.Role
# Roles a person acts on (or reads as a unit: a table cell, an icon that means something).
INTERACTIVE = {
    Role.PushButton,
    Role.RadioButton,
    Role.CheckBox,
    Role.ComboBox,
    Role.SpinBox,
    Role.EditableText,
    Role.Link,
    Role.ButtonMenu,
    Role.ButtonDropDown,
    Role.Slider,
    Role.ScrollBar,
    Role.PageTab,
    Role.Cell,
    Role.Graphic,
}


def accessible_tree(widget):
    """Every visible node of ``widget``'s accessibility tree."""
    out, todo = [], [QAccessible.queryAccessibleInterface(widget)]
    while todo:
        node = todo.pop()
        if node is None or not node.isValid() or node.state().invisible:
            continue
        out.append(node)
        todo.extend(node.child(i) for i in range(node.childCount()))
    return out


def interactive(nodes):
    return [n for n in nodes if n.role() in INTERACTIVE or n.state().focusable]


def unnamed(nodes):
    return [
        f"{n.role().name} {type(n.object()).__name__}"
        for n in nodes
        if not n.text(QAccessible.Text.Name).strip()
    ]


def name_of(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


@pytest.fixture
def compared(qtbot, workspace, runner, shown):
    ids, ops = four_channel_group(workspace)
    view = make_view(qtbot, workspace, ops["anna"], runner)
    show(qtbot, view, ids)
    # The merged column's chips are shown on the next turn of the event loop.
    qtbot.waitUntil(
        lambda: all(
            c.isVisible() for c in view.grid.result_sections["channels"].findChildren(ChannelChip)
        )
    )
    return view


def test_every_interactive_element_of_the_comparison_has_a_name(compared):
    nodes = interactive(accessible_tree(compared))
    radios = [n for n in nodes if n.role() == Role.RadioButton]
    # 4 "Primary" radios and one per lead on each field whose values differ.
    assert len(radios) >= 4 + 4 * 3
    assert len(nodes) > 40
    assert unnamed(nodes) == []


def test_a_value_cell_reads_lead_field_value_and_whether_it_is_chosen(compared):
    grid, plan = compared.grid, compared.plan
    lead_2, lead_4 = plan.lead_ids[1], plan.lead_ids[3]
    assert plan.field("last_name").chosen == lead_4
    assert name_of(grid.cells[("last_name", lead_4)]) == "lead 4, Last name, Петров, chosen"
    assert name_of(grid.cells[("last_name", lead_2)]) == "lead 2, Last name, empty"
    # The radio inside says the same (and "checked" by its state).
    radio = grid.cells[("last_name", lead_4)].radio
    assert name_of(radio) == "lead 4, Last name, Петров, chosen"
    assert QAccessible.queryAccessibleInterface(radio).state().checked
    # Choosing another value moves "chosen" with it.
    compared._choose("last_name", lead_2)
    assert name_of(grid.cells[("last_name", lead_2)]) == "lead 2, Last name, empty, chosen"
    assert name_of(grid.cells[("last_name", lead_4)]) == "lead 4, Last name, Петров"


def test_channel_badges_and_lead_headers_say_what_their_icons_show(compared):
    names = [name_of(chip) for chip in compared.grid.findChildren(ChannelChip)]
    assert "lead 4, Phone, +7 912 345-67-89" in names
    assert "lead 1, Telegram, @ivan_petrov93" in names
    assert "lead 4, E-mail, ivan.petrov@example.com" in names
    assert "after the merge, Telegram, @ivan_petrov93" in names
    headers = [name_of(h) for h in compared.grid.headers]
    primary = compared.plan.lead_ids.index(compared.plan.primary_id) + 1
    assert headers[0] == "lead 1, #T-101, Telegram" + (", primary" if primary == 1 else "")
    assert headers[primary - 1].endswith(", primary")
    assert sum(h.endswith(", primary") for h in headers) == 1
    exclude = compared.grid.headers[2].exclude_button
    assert name_of(exclude) == "Lead 3 is a different customer"


def test_the_grid_tells_a_screen_reader_where_the_keyboard_is(compared):
    view = compared
    first = view.current_field
    before = view.scroll.accessibleDescription()
    assert before == name_of(view.grid.cells[(first, view.plan.field(first).chosen)])
    view.move_row(1)
    after = view.scroll.accessibleDescription()
    assert after != before and view.current_field in {f.name for f in view.plan.fields}
    assert after.endswith(", chosen")


def test_every_button_of_the_comparison_works_from_the_keyboard(compared):
    """A key of its own (the review actions), or Tab reaches it (exclude, type a value)."""
    for button in compared.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        action = getattr(button, "defaultAction", lambda: None)()
        has_key = action is not None and not action.shortcut().isEmpty()
        radio_with_key = button.__class__.__name__ == "QRadioButton"  # 1-6, Ctrl+1-6, arrows
        tabbed = bool(button.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)
        assert has_key or radio_with_key or tabbed, button.accessibleName()


def test_the_main_window_menus_use_the_platforms_standard_keys(window):
    keys = window.quit_action.shortcuts()
    for standard in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit):
        assert standard in keys
    assert QKeySequence("Ctrl+Q") in keys  # where the platform has none (Windows)
    assert QKeySequence("Ctrl+,") in window.settings_action.shortcuts()
    assert window.open_action.shortcuts() == platform_keys(QKeySequence.StandardKey.Open)


def test_every_interactive_element_of_the_main_window_has_a_name(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.compare.group_loaded, timeout=60000):
        window.start()
    nodes = interactive(accessible_tree(window))
    # Table cells are named by their model (AccessibleTextRole for the icon columns).
    widgets = [n for n in nodes if n.role() != Role.Cell]
    assert len(widgets) > 30
    assert unnamed(widgets) == []


def test_a_flat_tool_button_with_the_keyboard_shows_a_focus_ring(qapp):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter, QPalette
    from PySide6.QtWidgets import QStyle, QStyleOptionToolButton

    from deskdup.views.appearance import VisibleFocusStyle

    style = VisibleFocusStyle("Fusion")
    highlight = qapp.palette().color(QPalette.ColorRole.Highlight)

    def ring_pixels(focused: bool) -> int:
        option = QStyleOptionToolButton()
        option.rect = QRect(0, 0, 32, 32)
        option.palette = qapp.palette()
        option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_AutoRaise
        if focused:
            option.state |= QStyle.StateFlag.State_HasFocus
        image = QImage(32, 32, QImage.Format.Format_ARGB32)
        image.fill(qapp.palette().color(QPalette.ColorRole.Window))
        painter = QPainter(image)
        style.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option, painter)
        painter.end()

        def near(colour) -> bool:
            return (
                max(
                    abs(colour.red() - highlight.red()),
                    abs(colour.green() - highlight.green()),
                    abs(colour.blue() - highlight.blue()),
                )
                < 40
            )

        # The top and left edges, away from the rounded corners.
        return sum(
            near(image.pixelColor(x, 1)) + near(image.pixelColor(1, x)) for x in range(5, 27)
        )

    assert ring_pixels(focused=False) == 0
    assert ring_pixels(focused=True) >= 20
