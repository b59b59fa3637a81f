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
    path.write_text("[connection]\nrecent=not json\n[matching]\nlikely_probability=abc\n")
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
