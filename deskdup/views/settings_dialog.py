"""The settings the operator may change: language, review threshold, phone region."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from deskdup.views import i18n
from deskdup.views.settings import DEFAULT_REGION, LANGUAGE, REVIEW_THRESHOLD, Option, Settings


def label(option: Option) -> str:
    return QCoreApplication.translate("Settings", option.label)


@dataclass(frozen=True)
class SettingsChange:
    language_changed: bool
    matching_changed: bool


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, engine_threshold: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
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
        self.threshold.setValue(saved if 0 <= saved <= 1 else engine_threshold)
        self._initial_threshold = self.threshold.value()
        form.addRow(label(REVIEW_THRESHOLD), self.threshold)

        self.region = QLineEdit(settings.get(DEFAULT_REGION))
        self.region.setMaxLength(2)
        self.region.setInputMask(">AA")
        form.addRow(label(DEFAULT_REGION), self.region)
        layout.addLayout(form)
        note = QLabel(self.tr("A new threshold or region applies at the next scan."))
        note.setWordWrap(True)
        layout.addWidget(note)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def apply(self) -> SettingsChange:
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
        self.settings.sync()
        return SettingsChange(language_changed, matching_changed)

    @classmethod
    def ask(
        cls, settings: Settings, engine_threshold: float, parent: QWidget | None = None
    ) -> SettingsChange | None:
        dialog = cls(settings, engine_threshold, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.apply()
