"""Issue 12 item 10: icons on the highlighted row, plural and gender-free wording,
Alt+F in the Russian UI, no stale banner on the Leads tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from deskdup.models import Channel
from deskdup.views import i18n
from deskdup.views.main_window import LEADS_TAB, MainWindow
from deskdup.views.queue_cells import icon_rects
from deskdup.views.queue_model import Column

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "raise()", "grabbing the keyboard")


@pytest.fixture
def language(qapp):
    def use(code: str) -> None:
        i18n.install(code)

    yield use
    i18n.install("en")


def _light_share(image, rect: QRect) -> float:
    light = total = 0
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            total += 1
            c = QColor(image.pixel(x, y))
            light += c.red() > 225 and c.green() > 225 and c.blue() > 225
    return light / total


def test_channel_icons_stay_visible_on_the_highlighted_row(qtbot, window):
    window.resize(1366, 768)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.scanning and window.queue.visible_count() > 0, timeout=30000)
    queue = window.queue
    table = queue.table
    # The row of a group with a blue channel icon (Telegram, VK): those vanished.
    blue = {Channel.TELEGRAM, Channel.VK}
    row = next(
        r
        for r in range(queue.proxy.rowCount())
        if blue & set(queue.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).channels)
    )
    queue.select_proxy_row(row, open_it=False)
    table.setFocus()
    cell = table.visualRect(queue.proxy.index(row, Column.CHANNELS))
    image = table.viewport().grab().toImage()
    channels = queue.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 1).channels
    icons = icon_rects(cell, len(channels))
    assert len(icons) == len(channels)  # every channel drawn (a second line if needed)
    for icon in icons:
        # A light square behind the icon: it stands out from the highlight.
        assert _light_share(image, icon) > 0.2


def test_one_pair_is_one_pair_and_russian_has_no_gender_brackets(qtbot, window, language):
    language("en")
    window._show_counters({"merges": 2, "dismissals": 1})
    assert window.counters_label.text() == "Today: 2 merged, 1 pair not duplicates"
    window._show_counters({"merges": 0, "dismissals": 6})
    assert window.counters_label.text() == "Today: 0 merged, 6 pairs not duplicates"
    language("ru")
    window._show_counters({"merges": 1, "dismissals": 3})
    assert window.counters_label.text() == "Сегодня: объединено 1, пар «не дубли»: 3"
    for source in (
        "Lead #{lead} was changed by {who} at {time} (now version {version}); nothing was merged",
        "Cannot undo: {what} changed after the merge; undo would overwrite that change",
        "This merge was made by {author}; only a supervisor may undo other operators' merges",
    ):
        contexts = ("Merge", "Rights")
        texts = {QCoreApplication.translate(c, source) for c in contexts} - {source}
        assert texts, source
        assert not any("(а)" in t or "(о)" in t for t in texts), texts


def test_alt_f_opens_the_file_menu_in_the_russian_ui(qtbot, app_context, language):
    language("ru")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.file_menu.title() == "&Файл"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.menuBar().activeAction() is window.file_menu.menuAction())
    window.menuBar().setActiveAction(None)
    window.cancel_scan()


def test_no_old_banner_on_the_leads_tab(qtbot, window):
    view = window.compare
    view._carried = "Group #1 was merged by Петрова Анна"
    view._show_banner("Group #1 was merged by Петрова Анна")
    window.show_tab(LEADS_TAB)
    assert not view.heading.banner.isVisibleTo(window) or not view.heading.banner.text()
    assert view._carried == ""
