"""Questions to the operator, in one place (git-cola's ``cola/interaction.py``).

Views ask ``Interaction.confirm(...)`` instead of building message boxes; tests
replace these classmethods (``monkeypatch.setattr(Interaction, "confirm", ...)``)
so no dialog ever blocks a test.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Interaction:
    @classmethod
    def confirm(
        cls,
        parent: QWidget | None,
        title: str,
        text: str,
        info: str = "",
        ok_text: str = "",
        default: bool = True,
    ) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        if info:
            box.setInformativeText(info)
        ok = box.addButton(QMessageBox.StandardButton.Ok)
        if ok_text:
            ok.setText(ok_text)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(ok if default else cancel)
        box.exec()
        return box.clickedButton() is ok

    @classmethod
    def information(cls, parent: QWidget | None, title: str, text: str, info: str = "") -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(text)
        if info:
            box.setInformativeText(info)
        box.exec()

    @classmethod
    def critical(cls, parent: QWidget | None, title: str, text: str, info: str = "") -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(title)
        box.setText(text)
        if info:
            box.setInformativeText(info)
        box.exec()
