"""Declared settings on QSettings: types survive the INI file, tests stay isolated."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from deskdup.views import settings as opts
from deskdup.views.settings import Settings


def test_settings_live_under_the_isolated_data_dir():
    assert Path(os.environ["DESKDUP_DATA_DIR"]) in opts.settings_path().parents


def test_values_keep_their_types_across_reopening(tmp_path):
    path = tmp_path / "s.ini"
    s = Settings(path)
    assert s.get(opts.LANGUAGE) == ""
    assert s.get(opts.RECENT_CONNECTIONS) == []
    s.set(opts.LANGUAGE, "ru")
    s.set(opts.REVIEW_THRESHOLD, 0.65)
    s.set(opts.MAIN_GEOMETRY, b"\x00\x01\xff")
    s.remember_connection("sqlite:////a.sqlite")
    s.remember_connection("sqlite:////b.sqlite")
    s.remember_connection("sqlite:////a.sqlite")
    s.remember_operator("sqlite:////a.sqlite", "trainee")
    s.sync()
    again = Settings(path)
    assert again.get(opts.LANGUAGE) == "ru"
    assert again.get(opts.REVIEW_THRESHOLD) == 0.65
    assert again.get(opts.MAIN_GEOMETRY) == b"\x00\x01\xff"
    assert again.get(opts.RECENT_CONNECTIONS) == ["sqlite:////a.sqlite", "sqlite:////b.sqlite"]
    assert again.get(opts.LAST_CONNECTION) == "sqlite:////a.sqlite"
    assert again.operator_for("sqlite:////a.sqlite") == "trainee"


def test_a_broken_value_falls_back_to_the_default(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[connection]\nrecent=not json\n[matching]\nreview_threshold=abc\n")
    s = Settings(path)
    assert s.get(opts.RECENT_CONNECTIONS) == []
    assert s.get(opts.REVIEW_THRESHOLD) == opts.REVIEW_THRESHOLD.default


def test_threshold_and_region_feed_the_match_settings(app_context):
    app_context.settings.set(opts.REVIEW_THRESHOLD, 0.8)
    app_context.settings.set(opts.DEFAULT_REGION, "kz")
    ms = app_context.match_settings()
    assert ms.review_threshold == 0.8
    assert ms.region == "KZ"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_window_and_splitter_state_survive_a_restart(qtbot, app_context):
    from deskdup.views.main_window import MainWindow

    first = MainWindow(app_context)
    qtbot.addWidget(first)
    first.show()
    first.splitter.setSizes([520, 680])
    first.queue.table.horizontalHeader().resizeSection(3, 333)
    saved = bytes(first.splitter.saveState().data())
    first.close()  # saves the state
    assert app_context.settings.get(opts.MAIN_SPLITTER) == saved
    second = MainWindow(app_context)
    qtbot.addWidget(second)
    # Restored before the window is shown (the platform may resize it afterwards).
    assert bytes(second.splitter.saveState().data()) == saved
    assert second.queue.table.horizontalHeader().sectionSize(3) == 333
    assert app_context.settings.get(opts.MAIN_GEOMETRY)


def test_settings_dialog_applies_language_threshold_and_region(qtbot, tmp_path):
    from deskdup.views.settings_dialog import SettingsDialog

    settings = Settings(tmp_path / "s.ini")
    dialog = SettingsDialog(settings, engine_threshold=0.5)
    qtbot.addWidget(dialog)
    assert dialog.threshold.value() == 0.5
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    dialog.threshold.setValue(0.7)
    dialog.region.setText("kz")
    change = dialog.apply()
    assert change.language_changed and change.matching_changed
    assert settings.get(opts.LANGUAGE) == "ru"
    assert settings.get(opts.REVIEW_THRESHOLD) == 0.7
    assert settings.get(opts.DEFAULT_REGION) == "KZ"
    unchanged = SettingsDialog(settings, engine_threshold=0.5)
    qtbot.addWidget(unchanged)
    assert unchanged.apply() == type(change)(False, False)


def test_weights_and_burst_window_feed_the_match_settings(app_context):
    from deskdup.services.matching import DEFAULT_BURST_MINUTES, DEFAULT_WEIGHTS

    assert app_context.match_settings().weights == DEFAULT_WEIGHTS
    assert app_context.match_settings().burst_minutes == DEFAULT_BURST_MINUTES
    app_context.settings.set(opts.MATCH_WEIGHTS, {"same_phone": 0.5, "burst": 0.1})
    app_context.settings.set(opts.BURST_MINUTES, 45)
    ms = app_context.match_settings()
    assert ms.weights == {**DEFAULT_WEIGHTS, "same_phone": 0.5, "burst": 0.1}
    assert ms.weight("same_phone") == 0.5
    assert ms.burst_minutes == 45


def test_unknown_weights_are_ignored_and_values_clamped(app_context, tmp_path):
    from deskdup.services.matching import DEFAULT_BURST_MINUTES, DEFAULT_WEIGHTS

    app_context.settings.set(
        opts.MATCH_WEIGHTS,
        {
            "no_such_code": 0.9,
            "same_email": 7.5,
            "different_surnames": -3,
            "same_handle": "high",
            "burst": True,
            "first_name": None,
        },
    )
    app_context.settings.set(opts.BURST_MINUTES, 10_000)
    ms = app_context.match_settings()
    assert "no_such_code" not in ms.weights
    assert ms.weights["same_email"] == 1.0
    assert ms.weights["different_surnames"] == -1.0
    for code in ("same_handle", "burst", "first_name"):
        assert ms.weights[code] == DEFAULT_WEIGHTS[code]
    assert ms.burst_minutes == 240
    app_context.settings.set(opts.BURST_MINUTES, -5)
    assert app_context.match_settings().burst_minutes == DEFAULT_BURST_MINUTES
    # A value that is not a number in the file at all: the defaults.
    path = tmp_path / "broken.ini"
    path.write_text("[matching]\nweights=not json\nburst_minutes=soon\n")
    again = Settings(path)
    assert again.get(opts.MATCH_WEIGHTS) == {}
    assert again.get(opts.BURST_MINUTES) == 0


def test_settings_dialog_stores_weights_and_burst_and_restores_defaults(qtbot, app_context):
    from deskdup.services.matching import DEFAULT_BURST_MINUTES, DEFAULT_WEIGHTS
    from deskdup.views.settings_dialog import SettingsDialog

    settings = app_context.settings
    dialog = SettingsDialog(settings, engine_threshold=0.6)
    qtbot.addWidget(dialog)
    assert set(dialog.weights) == set(DEFAULT_WEIGHTS)
    assert dialog.burst.value() == DEFAULT_BURST_MINUTES
    dialog.weights["same_phone"].stepDown()
    dialog.weights["different_surnames"].setValue(-0.6)
    dialog.burst.setValue(15)
    change = dialog.apply()
    assert change.matching_changed and not change.language_changed
    assert settings.get(opts.MATCH_WEIGHTS) == {"same_phone": 0.9, "different_surnames": -0.6}
    assert settings.get(opts.BURST_MINUTES) == 15
    ms = app_context.match_settings()
    assert ms.weight("same_phone") == 0.9 and ms.weight("different_surnames") == -0.6
    assert ms.weight("same_email") == DEFAULT_WEIGHTS["same_email"]
    assert ms.burst_minutes == 15

    reopened = SettingsDialog(settings, engine_threshold=0.6)
    qtbot.addWidget(reopened)
    assert reopened.weights["same_phone"].value() == 0.9
    assert reopened.burst.value() == 15
    assert reopened.apply().matching_changed is False  # nothing touched: no rescan
    assert settings.get(opts.MATCH_WEIGHTS) == {"same_phone": 0.9, "different_surnames": -0.6}

    restoring = SettingsDialog(settings, engine_threshold=0.6)
    qtbot.addWidget(restoring)
    restoring.restore_defaults.click()
    assert restoring.weights["same_phone"].value() == DEFAULT_WEIGHTS["same_phone"]
    assert restoring.apply().matching_changed
    assert settings.get(opts.MATCH_WEIGHTS) == {}
    assert settings.get(opts.BURST_MINUTES) == opts.BURST_MINUTES.default
    settings.sync()
    ini = settings.path.read_text()
    assert "weights" not in ini and "burst_minutes" not in ini
    ms = app_context.match_settings()
    assert ms.weights == DEFAULT_WEIGHTS and ms.burst_minutes == DEFAULT_BURST_MINUTES


def test_every_weight_has_a_label_in_the_dialog():
    from deskdup.services.matching import DEFAULT_WEIGHTS
    from deskdup.views.settings_dialog import WEIGHT_LABELS

    assert set(WEIGHT_LABELS) == set(DEFAULT_WEIGHTS)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_new_weights_from_the_dialog_rescan_with_them(qtbot, controller, demo_ws, monkeypatch):
    """The weights and the burst window are the team's: a supervisor changes them in the
    dialog, they are saved in the workspace as a history event, and the rescan uses them."""
    from sqlalchemy import select

    from deskdup.models import EventKind, MergeEvent
    from deskdup.services.team_settings import load_team_settings
    from deskdup.views.settings_dialog import SettingsDialog

    controller.login = "supervisor"
    controller.start(url=demo_ws.url)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10000)
    qtbot.waitUntil(lambda: controller.context.match_index is not None, timeout=20000)
    assert controller.context.match_index.settings.burst_minutes != 12
    seen = {}

    def ask(cls, s, threshold, parent=None, team=None, supervisor=False):
        dialog = cls(s, threshold, parent, team, supervisor)
        seen["enabled"] = dialog.burst.isEnabled() and dialog.archive.isEnabled()
        dialog.weights["same_phone"].setValue(0.5)
        dialog.burst.setValue(12)
        return dialog.apply()

    monkeypatch.setattr(SettingsDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(controller.window.scan_finished, timeout=20000):
        controller.edit_settings()
    assert seen["enabled"]
    index = controller.context.match_index
    assert index.settings.weight("same_phone") == 0.5
    assert index.settings.burst_minutes == 12
    team = load_team_settings(demo_ws)
    assert team.burst_minutes == 12 and team.weights == {"same_phone": 0.5}
    with demo_ws.session() as s:
        kinds = list(s.scalars(select(MergeEvent.kind)))
    assert kinds.count(EventKind.TEAM_SETTINGS) == 1


def test_team_settings_are_read_only_for_an_operator(qtbot, tmp_path):
    from deskdup.services.team_settings import TeamSettings
    from deskdup.views.settings_dialog import SettingsDialog

    team = TeamSettings(review_threshold=0.7, burst_minutes=20, weights={"same_phone": 0.8})
    dialog = SettingsDialog(Settings(tmp_path / "s.ini"), 0.6, None, team, supervisor=False)
    qtbot.addWidget(dialog)
    assert dialog.threshold.value() == 0.7 and dialog.burst.value() == 20
    assert dialog.weights["same_phone"].value() == 0.8
    assert not any(
        w.isEnabled()
        for w in (dialog.threshold, dialog.burst, dialog.archive, dialog.restore_defaults)
    )
    dialog.region.setText("KZ")
    change = dialog.apply()
    assert change.team is None and change.matching_changed  # the region is the operator's own
