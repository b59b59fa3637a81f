"""The settings dialog: the operator's own (language, phone region) and the team's.

With ``team`` given (the window always gives it), the review threshold, the
burst window, the weights and archive-or-delete are the *team's* settings,
kept in the workspace (``services/team_settings.py``): shown to everyone,
changed only by a supervisor (the fields are disabled for the others, with a
line saying why), and ``apply`` returns them in ``SettingsChange.team`` for
the caller to save as a history event.  Without ``team`` (an old caller) they
are the operator's own settings, as before."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskdup.services.matching import DEFAULT_BURST_MINUTES, DEFAULT_WEIGHTS
from deskdup.services.messages import QT_TRANSLATE_NOOP
from deskdup.services.team_settings import TeamSettings
from deskdup.views import i18n
from deskdup.views.settings import (
    BURST_MINUTES,
    BURST_RANGE,
    DEFAULT_REGION,
    LANGUAGE,
    MATCH_WEIGHTS,
    REVIEW_THRESHOLD,
    WEIGHT_RANGE,
    Option,
    Settings,
    burst_minutes,
    weight_overrides,
)

# What each weight of matching.DEFAULT_WEIGHTS is for, in the operator's words.
WEIGHT_LABELS: dict[str, str] = {
    "same_phone": QT_TRANSLATE_NOOP("Settings", "Same phone"),
    "same_email": QT_TRANSLATE_NOOP("Settings", "Same e-mail"),
    "same_handle": QT_TRANSLATE_NOOP("Settings", "Same messenger account"),
    "same_invalid_phone": QT_TRANSLATE_NOOP("Settings", "Same unrecognised phone number"),
    "full_name": QT_TRANSLATE_NOOP("Settings", "Same first name and surname"),
    "full_name_patronymic": QT_TRANSLATE_NOOP("Settings", "Same full name with patronymic"),
    "nickname_name": QT_TRANSLATE_NOOP("Settings", "Nickname matches the name"),
    "surname_initial": QT_TRANSLATE_NOOP("Settings", "Same surname and initial"),
    "surname_only": QT_TRANSLATE_NOOP("Settings", "Same surname only"),
    "surname_number": QT_TRANSLATE_NOOP("Settings", "Same surname with a number (petrov93)"),
    "first_name": QT_TRANSLATE_NOOP("Settings", "Same first name only"),
    "burst": QT_TRANSLATE_NOOP("Settings", "Different channels within the burst window"),
    "same_message": QT_TRANSLATE_NOOP("Settings", "Same inquiry text"),
    "similar_message": QT_TRANSLATE_NOOP("Settings", "Much the same inquiry (reworded)"),
    "rare_message": QT_TRANSLATE_NOOP(
        "Settings", "Same short or frequent inquiry, but no one else's in those hours"
    ),
    "common_message": QT_TRANSLATE_NOOP("Settings", "Same inquiry that a few leads send"),
    "template_message": QT_TRANSLATE_NOOP("Settings", "Same template many leads send"),
    "different_phones": QT_TRANSLATE_NOOP("Settings", "Different phones (penalty)"),
    "different_first_names": QT_TRANSLATE_NOOP("Settings", "Different first names (penalty)"),
    "different_genders": QT_TRANSLATE_NOOP("Settings", "A man and a woman (penalty)"),
    "different_surnames": QT_TRANSLATE_NOOP("Settings", "Different surnames (penalty)"),
    "different_patronymics": QT_TRANSLATE_NOOP("Settings", "Different patronymics (penalty)"),
}


def label(option: Option) -> str:
    return QCoreApplication.translate("Settings", option.label)


def weight_label(code: str) -> str:
    """The code itself for a weight added to the engine without a label yet."""
    text = WEIGHT_LABELS.get(code)
    return QCoreApplication.translate("Settings", text) if text else code


@dataclass(frozen=True)
class SettingsChange:
    language_changed: bool
    matching_changed: bool
    # The team's new settings when a supervisor changed them (the caller saves them).
    team: TeamSettings | None = None


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        engine_threshold: float,
        parent: QWidget | None = None,
        team: TeamSettings | None = None,
        supervisor: bool = False,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.team = team
        self.supervisor = supervisor
        self.setWindowTitle(self.tr("Settings"))
        outer = QVBoxLayout(self)
        # The weights make the dialog tall: everything but the buttons scrolls.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()

        self.language = QComboBox()
        self.language.addItem(self.tr("As the system"), "")
        for code, name in i18n.language_names().items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))
        form.addRow(label(LANGUAGE), self.language)

        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.05, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        saved = float(settings.get(REVIEW_THRESHOLD))
        if team is not None:
            saved = team.review_threshold
        self.threshold.setValue(saved if 0 <= saved <= 1 else engine_threshold)
        self._initial_threshold = self.threshold.value()
        if team is None:
            form.addRow(label(REVIEW_THRESHOLD), self.threshold)

        self.region = QLineEdit(settings.get(DEFAULT_REGION))
        self.region.setMaxLength(2)
        self.region.setInputMask(">AA")
        form.addRow(label(DEFAULT_REGION), self.region)
        layout.addLayout(form)
        layout.addWidget(self._detection_section(settings))
        note = QLabel(self.tr("After OK the window scans again with the new detection settings."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._fit_to_screen(content)

    def _detection_section(self, settings: Settings) -> QGroupBox:
        team = self.team
        title = self.tr("Detection") if team is None else self.tr("Team settings (whole workspace)")
        box = QGroupBox(title)
        form = QFormLayout(box)
        self.archive = QCheckBox(self.tr("Archive merged leads (instead of deleting them)"))
        if team is not None:
            note = QLabel(
                self.tr("Every operator of this workspace works with these settings.")
                if self.supervisor
                else self.tr("These are the team's settings; only a supervisor changes them.")
            )
            note.setWordWrap(True)
            form.addRow(note)
            self.archive.setChecked(team.archive_instead_of_delete)
            form.addRow(self.archive)
            form.addRow(label(REVIEW_THRESHOLD), self.threshold)
        self.burst = QSpinBox()
        self.burst.setRange(*BURST_RANGE)
        self.burst.setSuffix(self.tr(" min"))
        stored_burst = burst_minutes(settings.get(BURST_MINUTES))
        if team is not None:
            stored_burst = team.burst_minutes
        self.burst.setValue(DEFAULT_BURST_MINUTES if stored_burst is None else stored_burst)
        self._initial_burst = self.burst.value()
        form.addRow(label(BURST_MINUTES), self.burst)

        heading = QLabel(label(MATCH_WEIGHTS))
        heading.setWordWrap(True)
        form.addRow(heading)
        stored = weight_overrides(settings.get(MATCH_WEIGHTS))
        if team is not None:
            stored = dict(team.weights)
        self.weights: dict[str, QDoubleSpinBox] = {}
        for code, default in DEFAULT_WEIGHTS.items():
            spin = QDoubleSpinBox()
            spin.setRange(*WEIGHT_RANGE)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            spin.setValue(stored.get(code, default))
            spin.setToolTip(self.tr("Default: {value}").format(value=spin.textFromValue(default)))
            self.weights[code] = spin
            form.addRow(weight_label(code), spin)
        self._initial_weights = self._weight_values()

        self.restore_defaults = QPushButton(self.tr("Restore defaults"))
        self.restore_defaults.setToolTip(
            self.tr("The burst window and every weight back to deskdup's defaults")
        )
        self.restore_defaults.clicked.connect(self.restore_detection_defaults)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restore_defaults)
        form.addRow(row)
        if team is not None and not self.supervisor:
            for widget in (
                self.archive,
                self.threshold,
                self.burst,
                self.restore_defaults,
                *self.weights.values(),
            ):
                widget.setEnabled(False)
        return box

    def _fit_to_screen(self, content: QWidget) -> None:
        """As wide as the content, as tall as it or most of the screen (then it scrolls)."""
        hint = content.sizeHint()
        screen = self.screen().availableGeometry() if self.screen() else None
        max_height = int(screen.height() * 0.85) if screen else 700
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.scroll.setMinimumWidth(hint.width() + bar)
        self.scroll.setMinimumHeight(min(hint.height(), max(200, max_height - 80)))

    def restore_detection_defaults(self) -> None:
        self.burst.setValue(DEFAULT_BURST_MINUTES)
        for code, spin in self.weights.items():
            spin.setValue(DEFAULT_WEIGHTS[code])

    def _weight_values(self) -> dict[str, float]:
        return {code: round(spin.value(), 2) for code, spin in self.weights.items()}

    def team_settings(self) -> TeamSettings:
        """The team's settings as the dialog shows them."""
        weights = {
            code: w
            for code, w in self._weight_values().items()
            if abs(w - DEFAULT_WEIGHTS[code]) > 1e-9
        }
        return TeamSettings(
            archive_instead_of_delete=self.archive.isChecked(),
            review_threshold=round(self.threshold.value(), 2),
            burst_minutes=self.burst.value(),
            weights=weights,
        )

    def apply(self) -> SettingsChange:
        if self.team is not None:
            return self._apply_with_team(self.team)
        language = str(self.language.currentData() or "")
        language_changed = language != self.settings.get(LANGUAGE)
        self.settings.set(LANGUAGE, language)
        region = self.region.text().strip().upper() or "RU"
        matching_changed = region != self.settings.get(DEFAULT_REGION) or (
            abs(self.threshold.value() - self._initial_threshold) > 1e-9
        )
        self.settings.set(DEFAULT_REGION, region)
        if abs(self.threshold.value() - self._initial_threshold) > 1e-9:
            self.settings.set(REVIEW_THRESHOLD, self.threshold.value())
        if self.burst.value() != self._initial_burst:
            matching_changed = True
            if self.burst.value() == DEFAULT_BURST_MINUTES:
                self.settings.reset(BURST_MINUTES)
            else:
                self.settings.set(BURST_MINUTES, self.burst.value())
        weights = self._weight_values()
        if weights != self._initial_weights:
            matching_changed = True
            # Only what differs from the defaults: a default the engine changes later applies.
            changed = {c: w for c, w in weights.items() if abs(w - DEFAULT_WEIGHTS[c]) > 1e-9}
            if changed:
                self.settings.set(MATCH_WEIGHTS, changed)
            else:
                self.settings.reset(MATCH_WEIGHTS)
        self.settings.sync()
        return SettingsChange(language_changed, matching_changed)

    def _apply_with_team(self, team: TeamSettings) -> SettingsChange:
        """Save the operator's own settings; return the team's when a supervisor changed them."""
        language = str(self.language.currentData() or "")
        language_changed = language != self.settings.get(LANGUAGE)
        self.settings.set(LANGUAGE, language)
        region = self.region.text().strip().upper() or "RU"
        matching_changed = region != self.settings.get(DEFAULT_REGION)
        self.settings.set(DEFAULT_REGION, region)
        self.settings.sync()
        new_team = self.team_settings() if self.supervisor else team
        changed = new_team != team
        return SettingsChange(
            language_changed, matching_changed or changed, new_team if changed else None
        )

    @classmethod
    def ask(
        cls,
        settings: Settings,
        engine_threshold: float,
        parent: QWidget | None = None,
        team: TeamSettings | None = None,
        supervisor: bool = False,
    ) -> SettingsChange | None:
        dialog = cls(settings, engine_threshold, parent, team, supervisor)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.apply()
