"""Supervisors' charts, drawn with QPainter.

Why QPainter and not a charting library: QtCharts is not in
PySide6-Essentials (it comes with PySide6-Addons, ~200 MB more in every
installer, and Qt itself now steers to QtGraphs); pyqtgraph would bring numpy
and is made for fast scientific plots, not two small business charts.  Two
charts of a few dozen bars and three lines are a hundred lines of painting
that follow the palette and the operator's language like every other widget.

``StackedBarChart``: merges per operator per day (one colour per operator).
``LineChart``: groups found, merged and dismissed per day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = (
    "#1E88E5",
    "#43A047",
    "#FB8C00",
    "#8E24AA",
    "#E53935",
    "#00ACC1",
    "#6D4C41",
    "#546E7A",
    "#C0CA33",
    "#D81B60",
)


def _nice_max(value: int) -> int:
    """The axis maximum: 1, 2, 5, 10, 20, 50... at or above ``value``."""
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= value:
                return step * magnitude
        magnitude *= 10


class _Chart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.days: tuple[date, ...] = ()
        self.series: list[tuple[str, tuple[int, ...], QColor]] = []
        self.empty_text = ""
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(520, 260)

    def set_data(self, days: Sequence[date], series: Sequence[tuple[str, Sequence[int]]]) -> None:
        self.days = tuple(days)
        self.series = [
            (name, tuple(values), QColor(PALETTE[n % len(PALETTE)]))
            for n, (name, values) in enumerate(series)
        ]
        self.update()

    def _top(self) -> int:
        raise NotImplementedError

    def _layout(self, painter: QPainter) -> tuple[QRectF, int]:
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        legend_rows = max(1, (len(self.series) + 2) // 3)
        top = self._top()
        left = metrics.horizontalAdvance(str(top)) + 10
        plot = QRectF(
            left,
            line * 1.6,
            max(10, self.width() - left - 12),
            max(10, self.height() - line * (3.2 + legend_rows)),
        )
        return plot, top

    def _axes(self, painter: QPainter, plot: QRectF, top: int) -> None:
        pal = self.palette()
        text = pal.color(pal.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(40)
        painter.setPen(text)
        painter.drawText(
            QRectF(0, 0, self.width(), plot.top()), Qt.AlignmentFlag.AlignCenter, self.title
        )
        metrics = QFontMetrics(self.font())
        # Whole numbers on the axis: counts have no halves.
        steps = next(d for d in (5, 4, 2, 1) if top % d == 0)
        for n in range(steps + 1):
            value = top * n // steps
            y = plot.bottom() - plot.height() * n / steps
            painter.setPen(QPen(grid))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label = f"{value:g}"
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 4, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        # Day labels: as many as fit.
        if self.days:
            width = metrics.horizontalAdvance("00.00") + 8
            step = max(1, int(len(self.days) * width / max(plot.width(), 1)) + 1)
            slot = plot.width() / len(self.days)
            for i in range(0, len(self.days), step):
                x = plot.left() + slot * (i + 0.5)
                painter.drawText(
                    QRectF(x - width / 2, plot.bottom() + 2, width, metrics.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    self.days[i].strftime("%d.%m"),
                )
        self._legend(painter, plot)

    def _legend(self, painter: QPainter, plot: QRectF) -> None:
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        y = plot.bottom() + line * 1.4
        column = max(1.0, self.width() / 3)
        for n, (name, _values, color) in enumerate(self.series):
            x = 8 + column * (n % 3)
            row_y = y + line * (n // 3)
            painter.fillRect(QRectF(x, row_y + line * 0.25, line * 0.8, line * 0.5), color)
            painter.drawText(
                QRectF(x + line, row_y, column - line - 4, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(column - line - 4)),
            )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.days or not any(any(v) for _, v, _ in self.series):
            pal = self.palette()
            painter.setPen(pal.color(pal.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, f"{self.title}\n{self.empty_text}"
            )
            return
        plot, top = self._layout(painter)
        self._axes(painter, plot, top)
        self._draw(painter, plot, top)

    def _draw(self, painter: QPainter, plot: QRectF, top: int) -> None:
        raise NotImplementedError


class StackedBarChart(_Chart):
    """One bar a day, stacked by series (merges per operator per day)."""

    def _top(self) -> int:
        totals = [sum(v[i] for _, v, _ in self.series) for i in range(len(self.days))]
        return _nice_max(max(totals, default=0))

    def _draw(self, painter: QPainter, plot: QRectF, top: int) -> None:
        slot = plot.width() / len(self.days)
        bar = max(1.0, slot * 0.7)
        for i in range(len(self.days)):
            y = plot.bottom()
            for _name, values, color in self.series:
                value = values[i]
                if not value:
                    continue
                height = plot.height() * value / top
                painter.fillRect(
                    QRectF(plot.left() + slot * i + (slot - bar) / 2, y - height, bar, height),
                    color,
                )
                y -= height


class LineChart(_Chart):
    """One line per series (groups found, merged, dismissed per day)."""

    def _top(self) -> int:
        return _nice_max(max((max(v, default=0) for _, v, _ in self.series), default=0))

    def _draw(self, painter: QPainter, plot: QRectF, top: int) -> None:
        slot = plot.width() / len(self.days)
        for _name, values, color in self.series:
            path = QPainterPath()
            for i, value in enumerate(values):
                point = QPointF(
                    plot.left() + slot * (i + 0.5), plot.bottom() - plot.height() * value / top
                )
                if i == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
            painter.setPen(QPen(color, 2))
            painter.drawPath(path)
            if len(values) <= 62:
                painter.setBrush(color)
                for i, value in enumerate(values):
                    point = QPointF(
                        plot.left() + slot * (i + 0.5),
                        plot.bottom() - plot.height() * value / top,
                    )
                    painter.drawEllipse(point, 2.5, 2.5)
                painter.setBrush(Qt.BrushStyle.NoBrush)
