"""Asking why leads are not duplicates (the reason is optional).

``DismissDialog.ask(parent, labels)`` returns the reason ("" for none) or
``None`` when the operator cancelled.  Enter accepts at once, so an empty
reason costs one key.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from deskdup.views.lifetime import delete_later


class DismissDialog(QDialog):
    def __init__(
        self,
        labels: Sequence[str],
        parent: QWidget | None = None,
        excluded: str | None = None,
        contacts: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Not duplicates"))
        layout = QVBoxLayout(self)
        listed = ", ".join(f"#{label}" for label in labels)
        others = ", ".join(f"#{label}" for label in labels if label != excluded)
        if excluded is None and contacts:
            text = self.tr(
                "Mark contacts {contacts} as different people. The whole team will stop "
                "seeing them as duplicates."
            ).format(contacts=listed)
        elif excluded is None:
            text = self.tr(
                "Mark leads {leads} as different people. The whole team will stop "
                "seeing them as duplicates."
            ).format(leads=listed)
        elif contacts:
            text = self.tr(
                "Contact #{contact} is a different customer from {others}. The whole team "
                "will stop seeing it as their duplicate."
            ).format(contact=excluded, others=others)
        else:
            text = self.tr(
                "Lead #{lead} is a different customer from {others}. The whole team "
                "will stop seeing it as their duplicate."
            ).format(lead=excluded, others=others)
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Reason (optional):")))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. namesakes, different phones"))
        self.reason.setMaxLength(500)
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Not duplicates"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        # The keyboard starts in the reason: type one, or press Enter for none.
        self.reason.setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        labels: Sequence[str],
        excluded: str | None = None,
        contacts: bool = False,
    ) -> str | None:
        """The reason ("" when none was given), or None when cancelled.

        ``excluded``: only this lead (one of ``labels``) differs from the others;
        ``contacts``: the labels are contacts'.
        """
        dialog = cls(labels, parent, excluded, contacts)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.reason.text().strip()
        finally:
            delete_later(dialog)
