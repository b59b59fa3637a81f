"""The queue's two tiers (issue 14): likely groups by default, possible ones on request."""

from __future__ import annotations

from deskdup.services.matching import LIKELY, POSSIBLE
from deskdup.services.operators import workspace_operator
from deskdup.services.team_settings import TeamSettings, save_team_settings
from deskdup.views import settings as opts
from deskdup.views.main_window import MainWindow


def _tiers(window) -> list[str]:
    model = window.queue.model
    return [model.row_at(r).group.tier for r in range(model.rowCount())]


def test_possible_groups_are_shown_on_request_from_the_kept_index(qtbot, window, app_context):
    # The possible tier from 0.3: the small demo has a few pairs there, whatever
    # the model makes of its handful of pairs near 0.4.
    ws = app_context.workspace
    chief = workspace_operator(ws, "supervisor")
    save_team_settings(ws, TeamSettings(possible_threshold=0.3), chief.id)
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
