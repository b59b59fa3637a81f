"""The queue's two tiers (issue 14): likely groups by default, possible ones on request."""

from __future__ import annotations

from deskdup.services.matching import LIKELY, POSSIBLE
from deskdup.views import settings as opts
from deskdup.views.main_window import MainWindow


def _tiers(window) -> list[str]:
    model = window.queue.model
    return [model.row_at(r).group.tier for r in range(model.rowCount())]


def test_possible_groups_are_shown_on_request_from_the_kept_index(qtbot, window, app_context):
    window.start()
    qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
    assert not window.queue.show_possible.isChecked()
    likely = _tiers(window)
    assert likely and set(likely) == {LIKELY}
    index = app_context.match_index

    window.queue.show_possible.setChecked(True)
    qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
    both = _tiers(window)
    assert POSSIBLE in both and both.count(LIKELY) <= len(likely)
    assert app_context.match_index is index  # no new scan, the kept index's other tier
    assert app_context.scan_result.tier == POSSIBLE
    assert app_context.settings.get(opts.QUEUE_POSSIBLE) is True

    second = MainWindow(app_context)
    qtbot.addWidget(second)
    assert second.queue.show_possible.isChecked()

    window.queue.show_possible.setChecked(False)
    qtbot.waitUntil(lambda: not window.scanning, timeout=30000)
    assert _tiers(window) == likely
