"""The cells of the comparison grid: painted backgrounds, a value with its radio,
a key cap, and a lead's column header.

Painted rather than styled (see ``Cell``); the grid (``grid.py``) places them
and the view (``view.py``) never touches them directly.
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskdup.models import Channel
from deskdup.services.merge_cards import LeadCard
from deskdup.views.appearance import is_dark, make_secondary, muted
from deskdup.views.channel_badges import (
    ICON_SIZE,
    channel_icon,
    channel_name,
    icon_label,
    icon_pixmap,
)
from deskdup.views.formatting import EMPTY, elide, format_time, status_name
from deskdup.views.shortcuts import ReviewAction, with_keys

# Tints that read on light and dark palettes alike (alpha over the base colour).
# The lines are opaque, darker on a light palette and lighter on a dark one
# (keyed by ``is_dark``): 3:1 or more against their background either way
# (tests/views/test_appearance.py measures them).
DIFFERS_TINT = QColor(255, 179, 0, 40)
CHOSEN_BORDER = {False: QColor(204, 102, 0), True: QColor(255, 167, 38)}
RESULT_TINT = QColor(76, 175, 80, 30)
RESULT_LINE = {False: QColor(46, 125, 50), True: QColor(102, 187, 106)}
PRIMARY_TINT = QColor(33, 150, 243, 28)
CURRENT_TINT = QColor(33, 150, 243, 45)


def fit_column(label: QLabel) -> QLabel:
    """Wrap to whatever width the column has, and be as tall as the wrapped text.

    Ignored width so a long value never widens its column; height-for-width kept
    (a new size policy drops it) so the row grows instead of clipping the text.
    """
    label.setWordWrap(True)
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


class Cell(QWidget):
    """One cell of the grid, painted by its kind and flags.

    Painted rather than styled: a style sheet over the grid makes Qt re-polish
    every label and radio of every group, which doubled the time to open one.
    kinds: corner, header, resultheader, field, value, result, section;
    flags: differs, chosen, current, primary.
    """

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.flags: set[str] = set()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(6, 4, 6, 4)
        self.layout_.setSpacing(2)

    def flag(self, name: str) -> bool:
        return name in self.flags

    def set_flag(self, name: str, value: bool) -> None:
        if (name in self.flags) != value:
            if value:
                self.flags.add(name)
            else:
                self.flags.discard(name)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        kind, flags = self.kind, self.flags
        palette = self.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        dark = is_dark(palette)
        rect = self.rect()
        painter = QPainter(self)
        background = None
        if kind in ("result", "resultheader"):
            background = RESULT_TINT
        elif kind == "header" and "primary" in flags:
            background = PRIMARY_TINT
        elif kind == "field" and "current" in flags:
            background = CURRENT_TINT
        elif kind == "value" and "differs" in flags:
            background = DIFFERS_TINT
        if background is not None:
            painter.fillRect(rect, background)
        if kind == "value" and {"differs", "chosen"} <= flags:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(CHOSEN_BORDER[dark], 1.2))
            painter.drawRoundedRect(QRectF(rect).adjusted(0.6, 0.6, -0.6, -0.6), 3, 3)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if kind == "value" and "current" in flags:
            painter.fillRect(rect.x(), rect.y(), rect.width(), 1, highlight)
            painter.fillRect(rect.x(), rect.bottom(), rect.width(), 1, highlight)
        if kind == "field" and "current" in flags:
            painter.fillRect(rect.x(), rect.y(), 4, rect.height(), highlight)
        if kind == "header":
            line = highlight if "primary" in flags else palette.color(QPalette.ColorRole.Mid)
            height = 2 if "primary" in flags else 1
            painter.fillRect(rect.x(), rect.bottom() - height + 1, rect.width(), height, line)
        if kind == "resultheader":
            painter.fillRect(rect.x(), rect.bottom() - 1, rect.width(), 2, RESULT_LINE[dark])
        if kind == "section":
            painter.fillRect(
                rect.x(), rect.y(), rect.width(), 1, palette.color(QPalette.ColorRole.Midlight)
            )
        painter.end()


VALUE_PREVIEW_CHARS = 90  # longer values are cut with "…", the whole value on hover


class ValueCell(Cell):
    """A lead's value of one field, with the radio that keeps it."""

    def __init__(
        self,
        text: str,
        on_choose: Callable[[], None],
        channel: Channel | None = None,
        parent: QWidget | None = None,
        *,
        lead_number: int = 0,
        field: str = "",
    ) -> None:
        super().__init__("value", parent)
        self._on_choose = on_choose
        # What a screen reader says: "lead 2, Last name, Петров, chosen".
        self._spoken = ", ".join(
            part
            for part in (
                self.tr("lead {number}").format(number=lead_number) if lead_number else "",
                field,
                text or self.tr("empty"),
            )
            if part
        )
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.radio = QRadioButton()
        # Keys drive the grid through the view's shortcuts; the radios only show.
        self.radio.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.radio.clicked.connect(on_choose)
        row.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        if channel is not None:
            icon = icon_label(channel_icon(channel), name=channel_name(channel))
            row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(elide(text, VALUE_PREVIEW_CHARS) if text else EMPTY)
        if len(text) > VALUE_PREVIEW_CHARS:
            self.label.setToolTip(text)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        fit_column(self.label)
        if not text:
            self.label.setEnabled(False)
        row.addWidget(self.label, 1)
        self.layout_.addLayout(row)
        self._speak()

    def _speak(self) -> None:
        """The cell's and its radio's accessible name, with "chosen" where it was chosen
        among different values (the radio's own state says "checked" as well)."""
        name = self._spoken
        if self.flag("differs") and self.flag("chosen"):
            name = self.tr("{value}, chosen").format(value=name)
        if self.accessibleName() != name:
            self.setAccessibleName(name)
            self.radio.setAccessibleName(name)

    def set_flag(self, name: str, value: bool) -> None:
        super().set_flag(name, value)
        if name in ("differs", "chosen"):
            self._speak()

    def set_chosen(self, chosen: bool) -> None:
        self.radio.setChecked(chosen)
        # Bold only where there was a choice to make; equal rows stay quiet.
        bold = chosen and self.flag("differs")
        font = self.label.font()
        if font.bold() != bold:
            font.setBold(bold)
            self.label.setFont(font)
        self.set_flag("chosen", chosen)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._on_choose()
        super().mousePressEvent(event)


class ElidingButton(QToolButton):
    """A flat button whose words end in "…" rather than widen its column.

    (The Contact row's "bind to another contact…" set the merged lead's column
    wider than a lead's, one lead column less beside the queue at 1366 px.)
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = text
        self.setText(text)
        self.setAutoRaise(True)
        self.setAccessibleName(text)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = self.width() - 2 * self.fontMetrics().horizontalAdvance(" ") - 6
        text = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if text != self.text():
            self.setText(text)


class KeyCap(QLabel):
    """A key drawn as a key: the column's number, which makes it the primary."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        width = self.fontMetrics().horizontalAdvance("0") + 10
        self.setFixedSize(max(width, 18), self.fontMetrics().height() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.end()
        super().paintEvent(event)


class LeadHeader(Cell):
    """The column header: which lead, where from, whose, and the Primary switch."""

    def __init__(
        self, index: int, card: LeadCard, parent: QWidget | None = None, contact: bool = False
    ) -> None:
        """``contact``: the card is a contact's (no source channel, no status)."""
        super().__init__("header", parent)
        number_text = index + 1
        if contact:
            self._lead = self.tr("contact {number}, #{label}").format(
                number=number_text, label=card.label
            )
        else:
            self._lead = self.tr("lead {number}, #{label}, {channel}").format(
                number=number_text, label=card.label, channel=channel_name(card.source_channel)
            )
        self.radio = QRadioButton(self.tr("Primary"))
        self.radio.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.radio.setToolTip(
            with_keys(
                self.tr("Keep this lead; the others are merged into it"), ReviewAction.PRIMARY
            )
        )
        self.radio.setAccessibleName(
            self.tr("Primary: lead {number}, #{label}").format(number=number_text, label=card.label)
        )
        self.radio.setAccessibleDescription(self.radio.toolTip())
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        number = KeyCap(str(index + 1))
        number.setToolTip(
            self.tr("Press {key} to make this lead the primary").format(key=index + 1)
        )
        top.addWidget(number)
        top.addWidget(self.radio)
        top.addStretch(1)
        # What the merge does to this lead, as an icon (the words in its tooltip):
        # a line of words in every column cost a row of height at six leads.
        self.fate = QLabel()
        self.fate.setFixedSize(ICON_SIZE, ICON_SIZE)
        top.addWidget(self.fate)
        self.warning = icon_label(qta.icon("fa5s.lock", color="#C62828"))
        self.warning.setAccessibleName(
            self.tr("Lead {number} cannot be merged").format(number=number_text)
        )
        self.warning.hide()
        top.addWidget(self.warning)
        self.exclude_button = QToolButton()
        grey = "#B0BEC5" if is_dark(self.palette()) else "#757575"  # 3:1 on either
        self.exclude_button.setIcon(qta.icon("fa5s.user-times", color=grey))
        self.exclude_button.setAutoRaise(True)
        # No key of its own: Tab reaches it (and Space presses it) from the grid.
        self.exclude_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if contact:
            self.exclude_button.setToolTip(
                self.tr(
                    "A different customer: take this contact out of the group for the whole team"
                )
            )
            self.exclude_button.setAccessibleName(
                self.tr("Contact {number} is a different customer").format(number=number_text)
            )
        else:
            self.exclude_button.setToolTip(
                self.tr("A different customer: take this lead out of the group for the whole team")
            )
            self.exclude_button.setAccessibleName(
                self.tr("Lead {number} is a different customer").format(number=number_text)
            )
        self.exclude_button.setAccessibleDescription(self.exclude_button.toolTip())
        top.addWidget(self.exclude_button)
        self.layout_.addLayout(top)

        title = QHBoxLayout()
        title.setContentsMargins(0, 0, 0, 0)
        title.setSpacing(6)
        if contact:
            icon = qta.icon("fa5s.address-card", color="#546E7A")
            title.addWidget(icon_label(icon, 18, name=self.tr("Contact")))
        else:
            source = channel_name(card.source_channel)
            title.addWidget(icon_label(channel_icon(card.source_channel), 18, name=source))
        label = QLabel(f"#{card.label}")
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setToolTip(self.tr("Contact") if contact else channel_name(card.source_channel))
        title.addWidget(label)
        # A lead linked to the rest of a larger group only loosely (``set_loose``);
        # beside its number, where the row has room (the top row has none at 1366).
        self.loose = icon_label(qta.icon("fa5s.question-circle", color="#E65100"))
        self.loose.hide()
        title.addWidget(self.loose)
        title.addStretch(1)
        self.layout_.addLayout(title)

        owner = card.owner_name or self.tr("no responsible operator")
        if card.department_name:
            owner = f"{owner} · {card.department_name}"
        self.owner = QLabel(owner)
        self.owner.setWordWrap(True)
        self.layout_.addWidget(self.owner)
        if contact:
            text = self.tr("contact · created {time} · leads: {leads}").format(
                time=format_time(card.created_at), leads=len(card.leads)
            )
        else:
            text = self.tr("{status} · created {time}").format(
                status=status_name(card.status), time=format_time(card.created_at)
            )
        details = QLabel(text)
        details.setWordWrap(True)
        make_secondary(details)
        self.layout_.addWidget(details)
        self._description = f"{owner}; {details.text()}"
        self.setAccessibleDescription(self._description)
        self._speak()

    def _speak(self) -> None:
        """ "lead 2, #W-102, WhatsApp, primary" for a screen reader."""
        name = self._lead
        if self.flag("primary"):
            name = self.tr("{lead}, primary").format(lead=name)
        if self.accessibleName() != name:
            self.setAccessibleName(name)

    def set_flag(self, name: str, value: bool) -> None:
        super().set_flag(name, value)
        if name == "primary":
            self._speak()

    def set_fate(self, text: str, *, primary: bool, archive: bool) -> None:
        """Keeps the values (primary), goes to the archive or is deleted: an icon and words."""
        name = "fa5s.check-circle" if primary else "fa5s.archive" if archive else "fa5s.trash-alt"
        color = "#1E88E5" if primary else "#757575"
        self.fate.setPixmap(icon_pixmap(qta.icon(name, color=color), ICON_SIZE))
        self.fate.setToolTip(text)
        self.fate.setAccessibleName(text)

    def set_refusals(self, texts: list[str]) -> None:
        self.warning.setVisible(bool(texts))
        self.warning.setToolTip("\n".join(texts))
        self.warning.setAccessibleDescription("\n".join(texts))

    def set_loose(self, text: str) -> None:
        """Mark the lead as linked to the group only loosely (``text``: why), or
        not (empty)."""
        self.loose.setVisible(bool(text))
        self.loose.setToolTip(text)
        self.loose.setAccessibleName(text)
        # A screen reader reads the header's description: the mark is in it too.
        self.setAccessibleDescription(f"{self._description}; {text}" if text else self._description)


__all__ = [
    "Cell",
    "ElidingButton",
    "KeyCap",
    "LeadHeader",
    "ValueCell",
    "fit_column",
    "make_secondary",
    "muted",
]
