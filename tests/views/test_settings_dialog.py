"""The settings dialog tells the truth about detection: two tiers as probabilities,
the burst window, evidence that can be switched off, what the model learned;
and a threshold saved by an earlier version (a hand-weight score) is not read
as a probability."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from deskdup.models import EventKind, MergeEvent, WorkspaceMeta
from deskdup.services.errors import KnownError
from deskdup.services.matching import (
    DEFAULT_BURST_MINUTES,
    DEFAULT_LIKELY_PRECISION,
    DEFAULT_WEIGHTS,
    MatchSettings,
    prior_model,
)
from deskdup.services.matching.explain import (
    LEVEL_WORDS,
    SWITCHABLE,
    kept_model,
    summarize,
)
from deskdup.services.matching.model import COMPARISONS, HAS_NULL, LEVELS
from deskdup.services.operators import workspace_operator
from deskdup.services.team_settings import (
    LEGACY_THRESHOLD_KEY,
    LIKELY_KEY,
    TeamSettings,
    load_team_settings,
    save_team_settings,
    team_match_settings,
)
from deskdup.services.undo import undo_event
from deskdup.views import settings as opts
from deskdup.views.settings import Settings
from deskdup.views.settings_dialog import SettingsDialog


def _dialog(qtbot, *args, **kwargs) -> SettingsDialog:
    dialog = SettingsDialog(*args, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def test_personal_dialog_stores_tiers_as_probabilities(qtbot, tmp_path, app_context):
    settings = app_context.settings
    dialog = _dialog(qtbot, settings, engine_threshold=0.5)
    assert dialog.threshold.value() == 50 and dialog.threshold.suffix() == " %"
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    dialog.threshold.setValue(70)
    dialog.possible.setValue(35)
    dialog.region.setText("kz")
    change = dialog.apply()
    assert change.language_changed and change.matching_changed
    assert settings.get(opts.REVIEW_THRESHOLD) == 0.7
    assert settings.get(opts.POSSIBLE_THRESHOLD) == 0.35
    ms = app_context.match_settings()
    assert (ms.review_threshold, ms.possible_threshold, ms.region) == (0.7, 0.35, "KZ")
    unchanged = _dialog(qtbot, settings, engine_threshold=0.5)
    assert unchanged.threshold.value() == 70
    assert unchanged.apply() == type(change)(False, False)


def test_the_possible_tier_cannot_start_above_the_likely_one(qtbot, tmp_path):
    dialog = _dialog(qtbot, Settings(tmp_path / "s.ini"), engine_threshold=0.6)
    assert (dialog.threshold.value(), dialog.possible.value()) == (60, 40)
    # By precision (the default) the likely tier starts where its pairs are
    # right often enough, never under the possible one and never above 90 %.
    assert dialog.by_precision.isChecked() and dialog.precision.value() == 95.0
    assert dialog.precision.isEnabled() and not dialog.threshold.isEnabled()
    dialog.possible.setValue(95)
    assert dialog.possible.value() == 90
    # By probability the possible tier starts at or below the likely one.
    dialog.by_precision.setChecked(False)
    assert dialog.threshold.isEnabled() and not dialog.precision.isEnabled()
    assert dialog.possible.value() == 60
    dialog.threshold.setValue(30)
    assert dialog.possible.value() == 30


def test_the_likely_tier_by_precision_or_by_probability_is_the_teams(qtbot, tmp_path):
    team = TeamSettings()
    dialog = _dialog(qtbot, Settings(tmp_path / "s.ini"), 0.6, None, team, supervisor=True)
    dialog.precision.setValue(97.5)
    assert dialog.team_settings().likely_precision == 0.975
    dialog.by_precision.setChecked(False)
    dialog.threshold.setValue(70)
    chosen = dialog.apply().team
    assert chosen is not None and (chosen.likely_precision, chosen.review_threshold) == (None, 0.7)
    again = _dialog(qtbot, Settings(tmp_path / "t.ini"), 0.6, None, chosen, supervisor=True)
    assert not again.by_precision.isChecked() and again.threshold.value() == 70
    assert again.apply().team is None
    dialog.restore_detection_defaults()
    assert dialog.team_settings() == TeamSettings()


def test_the_personal_likely_tier_by_probability_is_kept(qtbot, app_context):
    settings = app_context.settings
    assert app_context.match_settings().likely_precision == DEFAULT_LIKELY_PRECISION
    dialog = _dialog(qtbot, settings, engine_threshold=0.6)
    dialog.by_precision.setChecked(False)
    dialog.threshold.setValue(70)
    assert dialog.apply().matching_changed
    ms = app_context.match_settings()
    assert (ms.likely_precision, ms.review_threshold) == (None, 0.7)
    assert not _dialog(qtbot, settings, engine_threshold=0.6).by_precision.isChecked()


def test_switching_evidence_off_and_on_keeps_hand_set_numbers(qtbot, app_context):
    settings = app_context.settings
    # An earlier version let a supervisor type numbers; one of them is kept.
    settings.set(opts.MATCH_WEIGHTS, {"surname_only": 0.5, "different_surnames": -0.6})
    dialog = _dialog(qtbot, settings, engine_threshold=0.6)
    assert set(dialog.evidence) == set(SWITCHABLE)
    assert all(check.isChecked() for check in dialog.evidence.values())
    # Penalties are no kind of evidence to switch: the model weighs conflicts itself.
    assert "different_surnames" not in dialog.evidence
    assert dialog.hand_tuned_note is not None and "(2)" in dialog.hand_tuned_note.text()
    dialog.evidence["first_name"].setChecked(False)
    dialog.burst.setValue(15)
    change = dialog.apply()
    assert change.matching_changed
    assert settings.get(opts.MATCH_WEIGHTS) == {
        "surname_only": 0.5,
        "different_surnames": -0.6,
        "first_name": 0.0,
    }
    ms = app_context.match_settings()
    assert ms.weight("first_name") == 0.0 and ms.burst_minutes == 15

    again = _dialog(qtbot, settings, engine_threshold=0.6)
    assert not again.evidence["first_name"].isChecked()
    assert again.apply().matching_changed is False  # nothing touched: no rescan
    again = _dialog(qtbot, settings, engine_threshold=0.6)
    again.evidence["first_name"].setChecked(True)
    again.apply()
    assert settings.get(opts.MATCH_WEIGHTS) == {"surname_only": 0.5, "different_surnames": -0.6}

    restoring = _dialog(qtbot, settings, engine_threshold=0.6)
    restoring.threshold.setValue(80)
    restoring.restore_defaults.click()
    assert restoring.threshold.value() == 60 and restoring.possible.value() == 40
    assert not restoring.hand_tuned_note.isVisibleTo(restoring)
    assert restoring.apply().matching_changed
    assert settings.get(opts.MATCH_WEIGHTS) == {}
    assert settings.get(opts.BURST_MINUTES) == opts.BURST_MINUTES.default
    ms = app_context.match_settings()
    assert ms.weights == DEFAULT_WEIGHTS and ms.burst_minutes == DEFAULT_BURST_MINUTES


def test_every_level_of_the_model_has_words():
    for c, name in enumerate(COMPARISONS):
        for i, level in enumerate(LEVELS[c]):
            if not (HAS_NULL[c] and i == 0):
                assert (name, level) in LEVEL_WORDS


def test_the_panel_shows_the_strongest_evidence_in_bits(qtbot, tmp_path):
    summary = summarize(prior_model(), n_for=4, n_against=3)
    assert not summary.learned
    dialog = _dialog(qtbot, Settings(tmp_path / "s.ini"), 0.6, model=summary)
    panel = dialog.model_panel
    assert "Built-in estimates" in panel.status.text()
    assert len(panel.rows) == 7
    words = [w for w, _bits in panel.rows]
    assert words[:4] == [w.words for w in summary.top_for]
    bits = [b for _w, b in panel.rows]
    assert all(b.startswith("+") for b in bits[:4]) and all(b.startswith("−") for b in bits[4:])
    # Strongest first.
    values = [float(b[1:]) for b in bits[:4]]
    assert values == sorted(values, reverse=True)
    empty = _dialog(qtbot, Settings(tmp_path / "t.ini"), 0.6, model=None)
    assert "Not known yet" in empty.model_panel.status.text() and not empty.model_panel.rows


# ------------------------------------------------------------------ the team's


def test_ok_without_a_change_saves_nothing_for_the_team(qtbot, tmp_path):
    """Evidence an earlier version switched off with a negative weight stays as it was."""
    team = TeamSettings(weights={"burst": -0.1, "surname_only": 0.5, "same_phone": 0.0})
    dialog = _dialog(qtbot, Settings(tmp_path / "s.ini"), 0.6, None, team, supervisor=True)
    assert not any(dialog.evidence[code].isChecked() for code in ("burst", "same_phone"))
    assert dialog.team_settings() == team
    assert dialog.apply().team is None


def test_team_settings_are_read_only_for_an_operator(qtbot, tmp_path):
    team = TeamSettings(
        review_threshold=0.7, possible_threshold=0.3, burst_minutes=20, weights={"burst": 0.0}
    )
    dialog = _dialog(qtbot, Settings(tmp_path / "s.ini"), 0.6, None, team, supervisor=False)
    assert (dialog.threshold.value(), dialog.possible.value(), dialog.burst.value()) == (70, 30, 20)
    assert not dialog.evidence["burst"].isChecked()
    widgets = (dialog.threshold, dialog.possible, dialog.burst, dialog.archive)
    widgets += (dialog.by_precision, dialog.precision)
    assert not any(w.isEnabled() for w in (*widgets, dialog.restore_defaults))
    assert not any(check.isEnabled() for check in dialog.evidence.values())
    dialog.region.setText("KZ")
    change = dialog.apply()
    assert change.team is None and change.matching_changed  # the region is the operator's own


def _write_meta(ws, key: str, value: str) -> None:
    with ws.session() as s:
        s.add(WorkspaceMeta(key=key, value=value))


def test_an_old_team_threshold_is_not_read_as_a_probability(demo_ws):
    """deskdup before the learned model kept a hand-weight score under
    team.review_threshold: it is ignored (with a note) until saved anew."""
    _write_meta(demo_ws, LEGACY_THRESHOLD_KEY, "0.75")
    _write_meta(demo_ws, "team.burst_minutes", "20")
    team = load_team_settings(demo_ws)
    assert team.review_threshold == 0.6 and team.legacy_threshold == 0.75
    assert team.burst_minutes == 20  # what still means the same is kept
    # The queue is built with the team's settings over the operator's own.
    ms = team_match_settings(demo_ws, TeamSettings(review_threshold=0.9).match_settings())
    assert ms.review_threshold == 0.6 and ms.burst_minutes == 20

    boss = workspace_operator(demo_ws, "supervisor")
    # Saving the same tiers replaces the old threshold: the note goes.
    event_id = save_team_settings(demo_ws, TeamSettings(burst_minutes=20), boss.id)
    assert event_id is not None
    saved = load_team_settings(demo_ws)
    assert saved.legacy_threshold is None and saved.review_threshold == 0.6
    with demo_ws.session() as s:
        rows = dict(s.execute(select(WorkspaceMeta.key, WorkspaceMeta.value)).all())
        summary = s.get(MergeEvent, event_id).summary
    assert rows[LEGACY_THRESHOLD_KEY] == "0.75"  # left for an older deskdup
    assert float(rows[LIKELY_KEY]) == 0.6
    assert "hand-weight threshold 0.75" in summary
    # Undone: the old state, note and all.
    undo_event(demo_ws, event_id, boss.id)
    assert load_team_settings(demo_ws).legacy_threshold == 0.75


def test_a_likely_probability_chosen_before_the_precision_is_kept(demo_ws):
    """A team that fixed the likely tier at 0.7 before it could be chosen by
    precision keeps 0.7; one that left the default gets the precision."""
    _write_meta(demo_ws, LIKELY_KEY, "0.7")
    team = load_team_settings(demo_ws)
    assert (team.likely_precision, team.review_threshold) == (None, 0.7)
    assert team_match_settings(demo_ws, MatchSettings()).likely_precision is None
    boss = workspace_operator(demo_ws, "supervisor")
    assert save_team_settings(demo_ws, replace(team, likely_precision=0.97), boss.id)
    assert load_team_settings(demo_ws).likely_precision == 0.97
    with pytest.raises(KnownError, match="precision"):
        save_team_settings(demo_ws, replace(team, likely_precision=1.2), boss.id)


def test_the_default_likely_probability_saved_means_by_precision(demo_ws):
    _write_meta(demo_ws, LIKELY_KEY, "0.6")
    assert load_team_settings(demo_ws).likely_precision == DEFAULT_LIKELY_PRECISION


def test_an_old_team_threshold_at_the_old_default_meant_the_default(demo_ws):
    _write_meta(demo_ws, LEGACY_THRESHOLD_KEY, "0.6")
    team = load_team_settings(demo_ws)
    assert team.legacy_threshold is None and team.review_threshold == 0.6


def test_the_dialog_names_an_old_team_threshold(qtbot, tmp_path):
    team = TeamSettings(legacy_threshold=0.75)
    dialog = _dialog(qtbot, Settings(tmp_path / "s.ini"), 0.6, None, team, supervisor=True)
    assert dialog.legacy_note is not None
    assert "0.75" in dialog.legacy_note.text() and "by precision" in dialog.legacy_note.text()
    # OK without touching anything saves the tiers anew (and so drops the note).
    change = dialog.apply()
    assert change.team == TeamSettings() and change.team.legacy_threshold is None
    plain = _dialog(qtbot, Settings(tmp_path / "t.ini"), 0.6, None, TeamSettings(), True)
    assert plain.legacy_note is None and plain.apply().team is None


def test_an_old_personal_threshold_is_ignored_with_a_note(qtbot, tmp_path, app_context):
    path = tmp_path / "old.ini"
    path.write_text("[matching]\nreview_threshold=0.8\n")
    settings = Settings(path)
    app_context.settings = settings
    assert opts.legacy_review_threshold(settings) == 0.8
    assert app_context.match_settings().review_threshold == 0.6
    dialog = _dialog(qtbot, settings, engine_threshold=0.6)
    assert dialog.legacy_note is not None and "0.80" in dialog.legacy_note.text()
    assert dialog.apply().matching_changed
    assert settings.get(opts.REVIEW_THRESHOLD) == 0.6
    assert opts.legacy_review_threshold(settings) is None
    again = _dialog(qtbot, settings, engine_threshold=0.6)
    assert again.legacy_note is None


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_window_opens_the_dialog_with_its_model_and_rescans(
    qtbot, controller, demo_ws, monkeypatch
):
    """The dialog gets the model that scored the queue; a supervisor's change is
    saved in the workspace as a history event and the rescan uses it."""
    import deskdup.services.matching.index as index_module

    monkeypatch.setattr(index_module, "LEARN_MIN_LEADS", 50)  # the test demo learns
    controller.login = "supervisor"
    controller.start(url=demo_ws.url)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10000)
    qtbot.waitUntil(lambda: controller.context.match_index is not None, timeout=20000)
    index = controller.context.match_index
    assert index.model.learned
    seen = {}

    def ask(cls, s, threshold, parent=None, team=None, supervisor=False, model=None):
        dialog = cls(s, threshold, parent, team, supervisor, model)
        seen["summary"] = model
        seen["status"] = dialog.model_panel.status.text()
        seen["enabled"] = dialog.burst.isEnabled() and dialog.archive.isEnabled()
        dialog.evidence["same_phone"].setChecked(False)
        dialog.threshold.setValue(75)
        dialog.burst.setValue(12)
        return dialog.apply()

    monkeypatch.setattr(SettingsDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(controller.window.scan_finished, timeout=20000):
        controller.edit_settings()
    assert seen["enabled"]
    assert seen["summary"] == summarize(index.model)
    assert seen["summary"].leads == len(index.leads)
    assert f"{len(index.leads)} leads" in seen["status"]
    rescanned = controller.context.match_index
    assert rescanned.settings.weight("same_phone") == 0.0
    assert (rescanned.settings.review_threshold, rescanned.settings.burst_minutes) == (0.75, 12)
    team = load_team_settings(demo_ws)
    assert team.burst_minutes == 12 and team.weights == {"same_phone": 0.0}
    with demo_ws.session() as s:
        kinds = list(s.scalars(select(MergeEvent.kind)))
    assert kinds.count(EventKind.TEAM_SETTINGS) == 1
    assert kept_model(demo_ws) is not None
