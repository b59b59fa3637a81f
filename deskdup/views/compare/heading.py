"""Above the comparison grid: the group's title, why its leads were grouped, a
banner for what went wrong (red) or was done (green), and why Merge is disabled."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from deskdup.views.formatting import translate_message

if TYPE_CHECKING:
    from deskdup.services.candidates import Reason


class GroupHeading(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.reasons_label = QLabel()
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.reasons_label)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Style sheets only on these two labels: one on the whole view would re-polish
        # every cell of every group (half the time it takes to open one).
        self.banner.hide()
        layout.addWidget(self.banner)
        # Why Merge is disabled, in words, without hovering over anything.
        self.rights_label = QLabel()
        self.rights_label.setWordWrap(True)
        self.rights_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rights_label.setStyleSheet(
            "background: rgba(255, 179, 0, 40); border: 1px solid rgba(230, 145, 0, 160);"
            "border-radius: 4px; padding: 6px;"
        )
        self.rights_label.hide()
        layout.addWidget(self.rights_label)

    def show_banner(self, text: str, *, error: bool = True) -> None:
        """A line above the grid: red for what went wrong, green for what was done."""
        tint = "229, 57, 53" if error else "76, 175, 80"
        self.banner.setStyleSheet(
            f"background: rgba({tint}, 28); border: 1px solid rgba({tint}, 120);"
            "border-radius: 4px; padding: 6px;"
        )
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def show_reasons(self, reasons: Sequence[Reason]) -> None:
        """Every reason, those against the group on a line of their own."""
        for_it = [translate_message(r.text) for r in reasons if r.weight >= 0]
        against = [translate_message(r.text) for r in reasons if r.weight < 0]
        lines = []
        if for_it:
            lines.append(self.tr("Why: {reasons}").format(reasons="; ".join(for_it)))
        if against:
            lines.append(self.tr("Against: {reasons}").format(reasons="; ".join(against)))
        self.reasons_label.setText("\n".join(lines))
        self.reasons_label.setVisible(bool(lines))

    def show_refusals(self, text: str) -> None:
        """Why the operator cannot merge the group ("" when she can)."""
        self.rights_label.setText(text)
        self.rights_label.setVisible(bool(text))


__all__ = ["GroupHeading"]
