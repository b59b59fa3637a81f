"""The settings dialog's read-only panel: what the detection model learned on
this workspace, its strongest evidence for and against a match in bits, in the
words the queue's reasons use (``services/matching/explain.py``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from deskdup.services.matching.explain import CONTEXT, LearnedWeight, ModelSummary


def _secondary(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class LearnedModelPanel(QGroupBox):
    """``summary`` None: no model known yet (no scan has run on the workspace)."""

    def __init__(self, summary: ModelSummary | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What the model learned on this workspace"))
        self.summary = summary
        layout = QVBoxLayout(self)
        self.status = _wrapped(self._status_text(summary))
        layout.addWidget(self.status)
        # The rows shown, as (words, bits) in the order shown (for tests and readers).
        self.rows: list[tuple[str, str]] = []
        if summary is None:
            layout.addStretch(1)
            return
        layout.addWidget(
            _secondary(
                _wrapped(
                    self.tr(
                        "The score of a pair is the model's probability that the two "
                        "leads are one customer. Each piece of evidence weighs bits: "
                        "+1 bit doubles the odds, −1 bit halves them. The queue's "
                        "reasons carry the same words and bits."
                    )
                )
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(0, 1)
        row = self._section(grid, 0, self.tr("For a match"), summary.top_for)
        self._section(grid, row, self.tr("Against a match"), summary.top_against)
        layout.addLayout(grid)
        layout.addStretch(1)

    def _status_text(self, summary: ModelSummary | None) -> str:
        if summary is None:
            return self.tr(
                "Not known yet: the model is learned by the first scan of this workspace."
            )
        if not summary.learned:
            return self.tr(
                "Built-in estimates: the model learns from a workspace of {count} leads "
                "or more; until then it uses what it learned on a test set."
            ).format(count=self.locale().toString(summary.min_leads))
        return self.tr(
            "Learned from the {leads} leads of this workspace at its last full scan: "
            "about {matches} pairs among them are one customer."
        ).format(
            leads=self.locale().toString(summary.leads),
            matches=self.locale().toString(round(summary.matches)),
        )

    def _section(
        self, grid: QGridLayout, row: int, title: str, weights: tuple[LearnedWeight, ...]
    ) -> int:
        heading = QLabel(f"<b>{title}</b>")
        grid.addWidget(heading, row, 0)
        unit = _secondary(QLabel(self.tr("bits")))
        grid.addWidget(unit, row, 1, Qt.AlignmentFlag.AlignRight)
        row += 1
        for weight in weights:
            words = QCoreApplication.translate(CONTEXT, weight.words)
            bits = self._bits(weight.bits)
            grid.addWidget(_wrapped(words), row, 0)
            value = QLabel(bits)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(value, row, 1)
            self.rows.append((words, bits))
            row += 1
        return row

    def _bits(self, bits: float) -> str:
        text = self.locale().toString(abs(bits), "f", 1)
        return ("+" if bits >= 0 else "−") + text
