"""The settings dialog: the operator's own (language, font, phone region) and the team's.

Detection scores a pair with a model learned on the workspace: the score is
the probability that the two leads are one customer.  So the dialog shows what
an operator or a supervisor can decide: from which probability a pair is a
*likely* duplicate (the queue by default) and a *possible* one (shown on
request), the burst window, and which kinds of evidence the model may use
(a kind switched off says nothing for or against a pair).  Beside them,
read-only, what the model learned (``views/learned_model.py``).  The hand-set
weights no longer score pairs; numbers an earlier version let a supervisor set
are kept (they still narrow which pairs are compared) and named, and
"Restore defaults" clears them.

With ``team`` given (the window always gives it), these are the *team's*
settings, kept in the workspace (``services/team_settings.py``): shown to
everyone, changed only by a supervisor (the fields are disabled for the
others, with a line saying why), and ``apply`` returns them in
``SettingsChange.team`` for the caller to save as a history event.  Without
``team`` (an old caller) they are the operator's own settings."""

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
    QGridLayout,
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

from deskdup.services.matching import (
    DEFAULT_BURST_MINUTES,
    DEFAULT_LIKELY_PRECISION,
    DEFAULT_POSSIBLE_THRESHOLD,
    DEFAULT_THRESHOLD,
    DEFAULT_WEIGHTS,
)
from deskdup.services.matching.explain import SWITCHABLE, ModelSummary
from deskdup.services.matching.settings import LIKELY_CEILING
from deskdup.services.messages import QT_TRANSLATE_NOOP
from deskdup.services.team_settings import TeamSettings
from deskdup.views import i18n
from deskdup.views.appearance import FONT_SIZE_RANGE
from deskdup.views.learned_model import LearnedModelPanel
from deskdup.views.settings import (
    BURST_MINUTES,
    BURST_RANGE,
    DEFAULT_REGION,
    FONT_SIZE,
    LANGUAGE,
    LIKELY_PRECISION,
    MATCH_WEIGHTS,
    POSSIBLE_THRESHOLD,
    REVIEW_THRESHOLD,
    Option,
    Settings,
    burst_minutes,
    legacy_review_threshold,
    weight_overrides,
)

# What each code of matching.DEFAULT_WEIGHTS is about, in the operator's words
# (the switchable ones label the dialog's evidence boxes).
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
    "nickname_initial": QT_TRANSLATE_NOOP(
        "Settings", "A nickname's initial and surname fit the first name"
    ),
    "burst": QT_TRANSLATE_NOOP("Settings", "Different channels within the burst window"),
    "same_message": QT_TRANSLATE_NOOP("Settings", "Same inquiry text"),
    "similar_message": QT_TRANSLATE_NOOP(
        "Settings", "Much the same inquiry (reworded, or the same thing in other words)"
    ),
    "rare_message": QT_TRANSLATE_NOOP(
        "Settings", "Same short or frequent inquiry, no one else's or a few others' around then"
    ),
    "common_message": QT_TRANSLATE_NOOP(
        "Settings", "Same inquiry that several leads send around then"
    ),
    "template_message": QT_TRANSLATE_NOOP("Settings", "Same template many leads send"),
    "different_phones": QT_TRANSLATE_NOOP("Settings", "Different phones (penalty)"),
    "different_first_names": QT_TRANSLATE_NOOP("Settings", "Different first names (penalty)"),
    "different_genders": QT_TRANSLATE_NOOP("Settings", "A man and a woman (penalty)"),
    "different_surnames": QT_TRANSLATE_NOOP("Settings", "Different surnames (penalty)"),
    "different_patronymics": QT_TRANSLATE_NOOP("Settings", "Different patronymics (penalty)"),
    "nickname_different": QT_TRANSLATE_NOOP(
        "Settings", "A nickname or e-mail that reads as another name (penalty)"
    ),
}
PERCENT_RANGE = (1, 100)
PRECISION_PERCENT = (50.0, 99.9)


def label(option: Option) -> str:
    return QCoreApplication.translate("Settings", option.label)


def weight_label(code: str) -> str:
    """The code itself for a weight added to the engine without a label yet."""
    text = WEIGHT_LABELS.get(code)
    return QCoreApplication.translate("Settings", text) if text else code


def hand_tuned(weights: dict[str, float]) -> dict[str, float]:
    """The stored weights that are neither the default nor a kind switched off:
    numbers set by hand in an earlier version (they still bound which pairs are
    compared, and nothing else)."""
    return {
        code: w
        for code, w in weights.items()
        if abs(w - DEFAULT_WEIGHTS.get(code, w)) > 1e-9 and not (code in SWITCHABLE and w <= 0)
    }


def _wrapped_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setBuddy(buddy)
    return label


def _percent(probability: float) -> int:
    return max(PERCENT_RANGE[0], min(PERCENT_RANGE[1], round(probability * 100)))


@dataclass(frozen=True)
class SettingsChange:
    language_changed: bool
    matching_changed: bool
    # The team's new settings when a supervisor changed them (the caller saves them).
    team: TeamSettings | None = None
    font_changed: bool = False  # the window is rebuilt with the new size


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        engine_threshold: float,
        parent: QWidget | None = None,
        team: TeamSettings | None = None,
        supervisor: bool = False,
        model: ModelSummary | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.team = team
        self.supervisor = supervisor
        self.setWindowTitle(self.tr("Settings"))
        outer = QVBoxLayout(self)
        # Everything but the buttons scrolls on a small screen.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, 0, 0)
        # Left: what detection does (the team's); right: the operator's own
        # settings and, read-only, what the model learned.
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        personal = QGroupBox(self.tr("Yours") if team is not None else self.tr("General"))
        form = QFormLayout(personal)
        # Labels above their fields, wrapped: the column stays narrow.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system"), "")
        for code, name in i18n.language_names().items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))
        form.addRow(_wrapped_label(label(LANGUAGE), self.language), self.language)

        self.font_size = QSpinBox()
        self.font_size.setRange(FONT_SIZE_RANGE[0] - 1, FONT_SIZE_RANGE[1])
        # The lowest value stands for "the desktop's own size" (stored as 0).
        self.font_size.setSpecialValueText(self.tr("As the system"))
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(max(self.font_size.minimum(), int(settings.get(FONT_SIZE))))
        self.font_size.setToolTip(self.tr("Larger text in every window of deskdup"))
        form.addRow(_wrapped_label(label(FONT_SIZE), self.font_size), self.font_size)

        self.region = QLineEdit(settings.get(DEFAULT_REGION))
        self.region.setMaxLength(2)
        self.region.setInputMask(">AA")
        form.addRow(_wrapped_label(label(DEFAULT_REGION), self.region), self.region)
        right.addWidget(personal)
        left.addWidget(self._detection_section(settings, engine_threshold))
        left.addWidget(self._evidence_section(settings))
        note = QLabel(self.tr("After OK the window scans again with the new detection settings."))
        note.setWordWrap(True)
        left.addWidget(note)
        left.addStretch(1)

        self.model_panel = LearnedModelPanel(model)
        right.addWidget(self.model_panel, 1)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        if team is not None and not self.supervisor:
            for widget in (
                self.archive,
                self.by_precision,
                self.precision,
                self.threshold,
                self.possible,
                self.burst,
                self.restore_defaults,
                *self.evidence.values(),
            ):
                widget.setEnabled(False)
        self._fit_to_screen(content)

    # ----------------------------------------------------------------- sections

    def _detection_section(self, settings: Settings, engine_threshold: float) -> QGroupBox:
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
            likely, possible = team.review_threshold, team.possible_threshold
            precision = team.likely_precision
            legacy = team.legacy_threshold
        else:
            self.archive.setVisible(False)
            likely = float(settings.get(REVIEW_THRESHOLD))
            likely = likely if 0 <= likely <= 1 else engine_threshold
            possible = float(settings.get(POSSIBLE_THRESHOLD))
            possible = possible if 0 <= possible <= 1 else DEFAULT_POSSIBLE_THRESHOLD
            legacy = legacy_review_threshold(settings)
            stored = float(settings.get(LIKELY_PRECISION))
            if 0.0 < stored < 1.0:
                precision = stored
            elif stored == 0.0 or (0 <= float(settings.get(REVIEW_THRESHOLD)) != DEFAULT_THRESHOLD):
                precision = None  # by probability: chosen so, or chosen before
            else:
                precision = DEFAULT_LIKELY_PRECISION
        self._legacy = legacy

        explain = QLabel(
            self.tr(
                "A pair's score is the probability that its two leads are one customer, "
                "as the model learned it on this workspace."
            )
        )
        explain.setWordWrap(True)
        form.addRow(explain)
        self.threshold = self._percent_box(
            self.tr("The queue shows these by default: fewer pairs, nearly all of them right")
        )
        self.possible = self._percent_box(
            self.tr("Shown on request: more duplicates found, more pairs that are not")
        )
        self.by_precision = QCheckBox(self.tr("by precision: right on average"))
        self.by_precision.setToolTip(
            self.tr(
                "The queue shows the best pairs whose probabilities average at least "
                "this: the share of them that are one customer. The same probability "
                "means less in a busier workspace, so the tier starts higher there."
            )
        )
        self.precision = QDoubleSpinBox()
        self.precision.setRange(PRECISION_PERCENT[0], PRECISION_PERCENT[1])
        self.precision.setDecimals(1)
        self.precision.setSingleStep(0.5)
        self.precision.setSuffix(" %")
        self.precision.setValue((precision or DEFAULT_LIKELY_PRECISION) * 100)
        self.by_precision.setChecked(precision is not None)
        by_precision = QHBoxLayout()
        by_precision.addWidget(self.by_precision)
        by_precision.addWidget(self.precision, 1)
        self.threshold.setValue(_percent(likely))
        self.possible.setValue(_percent(min(possible, likely) if precision is None else possible))
        self.threshold.valueChanged.connect(self._likely_changed)
        self.by_precision.toggled.connect(self._likely_changed)
        self._likely_changed()
        self._initial_thresholds = self._tier_values()
        form.addRow(label(REVIEW_THRESHOLD), by_precision)
        form.addRow(self.tr("or by probability:"), self.threshold)
        form.addRow(label(POSSIBLE_THRESHOLD), self.possible)
        self.legacy_note: QLabel | None = None
        if legacy is not None:
            old = self.locale().toString(legacy, "f", 2)
            self.legacy_note = QLabel(
                self.tr(
                    "A review threshold of {old} saved by an earlier version of deskdup "
                    "was a score of hand-set weights, not a probability. It is not used: "
                    "likely duplicates start at {likely} % until it is saved anew here."
                ).format(old=old, likely=_percent(likely))
                if precision is None
                else self.tr(
                    "A review threshold of {old} saved by an earlier version of deskdup "
                    "was a score of hand-set weights, not a probability. It is not used: "
                    "likely duplicates are chosen by precision until it is saved anew here."
                ).format(old=old)
            )
            self.legacy_note.setWordWrap(True)
            self.legacy_note.setStyleSheet(
                "background: rgba(255, 193, 7, 40); border: 1px solid rgba(255, 160, 0, 140);"
                "border-radius: 4px; padding: 6px;"
            )
            form.addRow(self.legacy_note)

        self.burst = QSpinBox()
        self.burst.setRange(*BURST_RANGE)
        self.burst.setSuffix(self.tr(" min"))
        self.burst.setToolTip(
            self.tr(
                "Leads from different channels this close in time are compared even "
                "when they share no phone, e-mail or account"
            )
        )
        stored_burst = burst_minutes(settings.get(BURST_MINUTES))
        if team is not None:
            stored_burst = team.burst_minutes
        self.burst.setValue(DEFAULT_BURST_MINUTES if stored_burst is None else stored_burst)
        self._initial_burst = self.burst.value()
        form.addRow(label(BURST_MINUTES), self.burst)
        return box

    def _likely_changed(self) -> None:
        """By precision the probability box rests; the possible tier holds the
        likely one: it starts at or below the likely probability (by precision
        the likely tier never starts under it)."""
        by_precision = self.by_precision.isChecked()
        editable = self.team is None or self.supervisor
        self.precision.setEnabled(by_precision and editable)
        self.threshold.setEnabled(not by_precision and editable)
        top = _percent(LIKELY_CEILING) if by_precision else self.threshold.value()
        self.possible.setMaximum(top)

    def _tier_values(self) -> tuple:
        return (
            self.by_precision.isChecked(),
            self.precision.value(),
            self.threshold.value(),
            self.possible.value(),
        )

    def _likely_precision(self) -> float | None:
        return round(self.precision.value() / 100, 4) if self.by_precision.isChecked() else None

    def _percent_box(self, tip: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(*PERCENT_RANGE)
        box.setSingleStep(5)
        box.setPrefix(self.tr("from "))
        box.setSuffix(" %")
        box.setToolTip(tip)
        return box

    def _evidence_section(self, settings: Settings) -> QGroupBox:
        box = QGroupBox(self.tr("Evidence the model may use"))
        layout = QVBoxLayout(box)
        note = QLabel(
            self.tr(
                "Untick a kind of evidence the team does not trust: it then counts "
                "neither for nor against a pair."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        stored = weight_overrides(settings.get(MATCH_WEIGHTS))
        if self.team is not None:
            stored = dict(self.team.weights)
        self._stored_weights = stored
        grid = QGridLayout()
        self.evidence: dict[str, QCheckBox] = {}
        # Identifiers, names, then behaviour (the order of the engine's table).
        codes = sorted(SWITCHABLE, key=list(DEFAULT_WEIGHTS).index)
        rows = (len(codes) + 1) // 2
        for i, code in enumerate(codes):
            check = QCheckBox(weight_label(code))
            check.setChecked(stored.get(code, DEFAULT_WEIGHTS[code]) > 0)
            self.evidence[code] = check
            grid.addWidget(check, i % rows, i // rows)
        layout.addLayout(grid)
        self._initial_evidence = self._evidence_values()
        self._hand_tuned = hand_tuned(stored)
        self.hand_tuned_note: QLabel | None = None
        if self._hand_tuned:
            self.hand_tuned_note = QLabel(
                self.tr(
                    "Weights set by hand in an earlier version ({count}) no longer score "
                    "pairs; they only narrow which pairs are compared at all. Restore "
                    "defaults clears them."
                ).format(count=len(self._hand_tuned))
            )
            self.hand_tuned_note.setWordWrap(True)
            self.hand_tuned_note.setToolTip(
                ", ".join(f"{weight_label(c)}: {w:g}" for c, w in sorted(self._hand_tuned.items()))
            )
            layout.addWidget(self.hand_tuned_note)
        self.restore_defaults = QPushButton(self.tr("Restore defaults"))
        self.restore_defaults.setToolTip(
            self.tr("Both tiers, the burst window and every kind of evidence back to deskdup's")
        )
        self.restore_defaults.clicked.connect(self.restore_detection_defaults)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restore_defaults)
        layout.addLayout(row)
        return box

    def _fit_to_screen(self, content: QWidget) -> None:
        """As wide as the content, as tall as it or most of the screen (then it scrolls)."""
        hint = content.sizeHint()
        screen = self.screen().availableGeometry() if self.screen() else None
        max_height = int(screen.height() * 0.85) if screen else 700
        max_width = int(screen.width() * 0.9) if screen else 1200
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.scroll.setMinimumWidth(min(hint.width() + bar, max_width))
        self.scroll.setMinimumHeight(min(hint.height(), max(200, max_height - 80)))

    # ----------------------------------------------------------------- values

    def restore_detection_defaults(self) -> None:
        self.by_precision.setChecked(True)
        self.precision.setValue(DEFAULT_LIKELY_PRECISION * 100)
        self.threshold.setValue(_percent(DEFAULT_THRESHOLD))
        self.possible.setValue(_percent(DEFAULT_POSSIBLE_THRESHOLD))
        self.burst.setValue(DEFAULT_BURST_MINUTES)
        for check in self.evidence.values():
            check.setChecked(True)
        self._hand_tuned = {}
        if self.hand_tuned_note is not None:
            self.hand_tuned_note.setVisible(False)

    def _evidence_values(self) -> dict[str, bool]:
        return {code: check.isChecked() for code, check in self.evidence.items()}

    def _weights(self) -> dict[str, float]:
        """The weights to store: the hand-set numbers kept, the kinds switched off at 0."""
        weights = dict(self._hand_tuned)
        for code, on in self._evidence_values().items():
            stored = self._stored_weights.get(code, 1.0)
            if not on:
                # Off as stored (an earlier version let it be negative), else 0.
                weights[code] = stored if stored <= 0 else 0.0
            elif weights.get(code, 1.0) <= 0:
                weights.pop(code)
        return weights

    def _thresholds(self) -> tuple[float, float]:
        return self.threshold.value() / 100, self.possible.value() / 100

    def team_settings(self) -> TeamSettings:
        """The team's settings as the dialog shows them."""
        likely, possible = self._thresholds()
        return TeamSettings(
            archive_instead_of_delete=self.archive.isChecked(),
            review_threshold=likely,
            possible_threshold=possible,
            likely_precision=self._likely_precision(),
            burst_minutes=self.burst.value(),
            weights=self._weights(),
        )

    def apply(self) -> SettingsChange:
        if self.team is not None:
            return self._apply_with_team(self.team)
        language = str(self.language.currentData() or "")
        language_changed = language != self.settings.get(LANGUAGE)
        self.settings.set(LANGUAGE, language)
        font_changed = self._apply_font_size()
        region = self.region.text().strip().upper() or "RU"
        matching_changed = region != self.settings.get(DEFAULT_REGION)
        self.settings.set(DEFAULT_REGION, region)
        if self._tier_values() != self._initial_thresholds or self._legacy is not None:
            # (An earlier version's threshold is replaced by a probability.)
            matching_changed = True
            likely, possible = self._thresholds()
            self.settings.set(REVIEW_THRESHOLD, likely)
            self.settings.set(POSSIBLE_THRESHOLD, possible)
            self.settings.set(LIKELY_PRECISION, self._likely_precision() or 0.0)
        if self.burst.value() != self._initial_burst:
            matching_changed = True
            if self.burst.value() == DEFAULT_BURST_MINUTES:
                self.settings.reset(BURST_MINUTES)
            else:
                self.settings.set(BURST_MINUTES, self.burst.value())
        weights = self._weights()
        if weights != self._stored_weights:
            matching_changed = True
            if weights:
                self.settings.set(MATCH_WEIGHTS, weights)
            else:
                self.settings.reset(MATCH_WEIGHTS)
        self.settings.sync()
        return SettingsChange(language_changed, matching_changed, font_changed=font_changed)

    def _apply_font_size(self) -> bool:
        size = self.font_size.value()
        size = 0 if size == self.font_size.minimum() else size
        changed = size != int(self.settings.get(FONT_SIZE))
        self.settings.set(FONT_SIZE, size)
        return changed

    def _apply_with_team(self, team: TeamSettings) -> SettingsChange:
        """Save the operator's own settings; return the team's when a supervisor changed them."""
        language = str(self.language.currentData() or "")
        language_changed = language != self.settings.get(LANGUAGE)
        self.settings.set(LANGUAGE, language)
        font_changed = self._apply_font_size()
        region = self.region.text().strip().upper() or "RU"
        matching_changed = region != self.settings.get(DEFAULT_REGION)
        self.settings.set(DEFAULT_REGION, region)
        self.settings.sync()
        new_team = self.team_settings() if self.supervisor else team
        # A threshold of an earlier version is saved anew as a probability even
        # when the supervisor leaves the default in place: the note then goes.
        changed = new_team != team or (self.supervisor and team.legacy_threshold is not None)
        return SettingsChange(
            language_changed,
            matching_changed or changed,
            new_team if changed else None,
            font_changed=font_changed,
        )

    @classmethod
    def ask(
        cls,
        settings: Settings,
        engine_threshold: float,
        parent: QWidget | None = None,
        team: TeamSettings | None = None,
        supervisor: bool = False,
        model: ModelSummary | None = None,
    ) -> SettingsChange | None:
        dialog = cls(settings, engine_threshold, parent, team, supervisor, model)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.apply()
