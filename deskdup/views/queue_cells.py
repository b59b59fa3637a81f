"""The queue's painted cells: the channels as icons, the score over the group's size.

Rows are two lines high (``row_height``): the customer, the reasons and the
owners wrap onto the second line instead of being cut after a few letters
("Один телеф…"), and the narrow columns use it too, so at 1366 px the queue
keeps the customer, why, the owners, the size and the score in view.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from deskdup.views.channel_badges import channel_icon, channel_icon_on_light
from deskdup.views.queue_model import LOCKED_TEXT, Role
from deskdup.views.queue_rows import QueueRow

ICON = 16
GAP = 4
LINES = 2  # lines of text a queue row holds


def row_height(metrics: QFontMetrics) -> int:
    return LINES * metrics.lineSpacing() + 8


def icon_rects(cell: QRect, count: int) -> list[QRect]:
    """Where ``count`` channel icons go in ``cell``: left to right, on a second
    line when the first is full (a group from five channels in a narrow column),
    centred vertically; as many as fit."""
    per_line = max(1, (cell.width() - GAP) // (ICON + GAP))
    lines = min(LINES, -(-count // per_line)) if count else 1
    top = cell.y() + (cell.height() - lines * ICON - (lines - 1) * GAP) // 2
    rects = []
    for i in range(min(count, per_line * lines)):
        line, column = divmod(i, per_line)
        x = cell.x() + GAP + column * (ICON + GAP)
        rects.append(QRect(x, top + line * (ICON + GAP), ICON, ICON))
    return rects


class ChannelsDelegate(QStyledItemDelegate):
    """Paints the channels of a group as icons (their names are the tooltip)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        channels = index.data(Role.ChannelsRole) or ()
        # On the highlight the blue icons vanished: a light square behind each there.
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        icon_of = channel_icon_on_light if selected else channel_icon
        for channel, rect in zip(channels, icon_rects(option.rect, len(channels)), strict=False):
            icon_of(channel).paint(painter, rect)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        channels = index.data(Role.ChannelsRole) or ()
        base = super().sizeHint(option, index)
        return QSize(GAP + len(channels) * (ICON + GAP), max(base.height(), ICON + 6))


class ScoreDelegate(QStyledItemDelegate):
    """The score, and under it how many leads the group has ("3 leads"): the size
    needs no column of its own (the Leads column is hidden unless asked for)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row: QueueRow | None = index.data(Role.ObjectRole)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        score = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if row is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(4, 4, -4, -4)
        line = QFontMetrics(option.font).lineSpacing()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        painter.save()
        painter.setFont(option.font)
        painter.setPen(option.palette.color(text_role))
        if row.lock is not None and not selected:
            painter.setPen(LOCKED_TEXT)
        painter.drawText(rect, int(right), score)
        if not selected:
            painter.setPen(LOCKED_TEXT)
        size = QRect(rect.x(), rect.y() + line, rect.width(), line)
        painter.drawText(size, int(right), str(index.data(Role.SizeRole) or ""))
        painter.restore()
