"""How the window looks on this desktop: light or dark as the system says, and
the operator's font size.

Dark mode follows the system (Qt 6.5+ ``QStyleHints.colorScheme()``; Qt
switches the palette itself when the desktop does).  Where the system says
nothing (Xvfb, a bare window manager) ``DESKDUP_COLOR_SCHEME=dark`` or
``light`` asks for one, for testing and for desktops whose theme Qt cannot
read; when the platform cannot switch, the Fusion style with a dark palette
stands in.  The comparison's tints are translucent over the palette's base
colour (``compare/cells.py``), so they read on either; ``contrast_ratio`` is
the WCAG measure the tests hold them to.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QLabel, QProxyStyle, QStyle, QStyleFactory

log = logging.getLogger(__name__)

SCHEME_VARIABLE = "DESKDUP_COLOR_SCHEME"
SCHEMES = {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}
FONT_SIZE_RANGE = (7, 32)  # points; 0 in the settings: the system's size


def is_dark(palette: QPalette | None = None) -> bool:
    """Light text on a dark window, whatever told Qt so."""
    palette = palette or QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (used only where the platform has none)."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2b2b",
        role.WindowText: "#e6e6e6",
        role.Base: "#1e1e1e",
        role.AlternateBase: "#262626",
        role.ToolTipBase: "#3c3c3c",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#a0a0a0",
        role.Text: "#e6e6e6",
        role.Button: "#353535",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#505050",
        role.Midlight: "#404040",
        role.Mid: "#5a5a5a",
        role.Dark: "#1a1a1a",
        role.Shadow: "#000000",
        role.Highlight: "#3d8ee6",
        role.HighlightedText: "#ffffff",
        role.Link: "#6cb4ff",
        role.LinkVisited: "#b48cff",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#808080"))
    return p


def apply_color_scheme(app: QApplication, wanted: str | None = None) -> str:
    """Follow the system, or ``wanted`` / ``DESKDUP_COLOR_SCHEME`` when given;
    returns "dark" or "light" as the window now is."""
    wanted = (wanted or os.environ.get(SCHEME_VARIABLE, "")).strip().lower()
    if wanted in SCHEMES:
        app.styleHints().setColorScheme(SCHEMES[wanted])
        if (wanted == "dark") != is_dark(app.palette()):
            # The platform cannot switch (no desktop theme): Fusion can draw either.
            app.setStyle(QStyleFactory.create("Fusion"))
            app.setPalette(dark_palette() if wanted == "dark" else app.style().standardPalette())
    elif wanted:
        log.warning("%s=%s: expected dark or light", SCHEME_VARIABLE, wanted)
    return "dark" if is_dark(app.palette()) else "light"


class VisibleFocusStyle(QProxyStyle):
    """The platform's style, plus a ring in the highlight colour round a tool button
    that has the keyboard: Fusion and others draw none on a flat (auto-raise) tool
    button, so Tab reached the comparison's buttons without a trace on screen."""

    def drawComplexControl(self, control, option, painter: QPainter, widget=None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ToolButton and (
            option.state & QStyle.StateFlag.State_HasFocus
        ):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 3, 3)
            painter.restore()


def install_focus_style(app: QApplication) -> None:
    """Wrap the current style (after ``apply_color_scheme``, which may choose Fusion)."""
    if not isinstance(app.style(), VisibleFocusStyle):
        app.setStyle(VisibleFocusStyle(app.style().name()))


_system_font: QFont | None = None


def apply_font_size(app: QApplication, points: int) -> None:
    """The whole window's text at ``points`` (0: the desktop's own size)."""
    global _system_font
    if _system_font is None:
        _system_font = QFont(app.font())  # the desktop's, to go back to
    font = QFont(_system_font)
    if points:
        low, high = FONT_SIZE_RANGE
        font.setPointSize(min(high, max(low, int(points))))
    app.setFont(font)


def secondary_text(palette: QPalette) -> QColor:
    """Greyed text that still reads (WCAG AA, 4.5:1) on the window and the tints:
    the palette's placeholder grey is about 3.8:1 in light and dark alike."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    return mix(text, window, 0.7)


def make_secondary(label: QLabel) -> QLabel:
    """Greyed text for details (times, counts) that stays readable
    (``secondary_text``): the comparison's and the bind dialog's alike."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, secondary_text(palette))
    label.setPalette(palette)
    return label


def muted(text: str) -> QLabel:
    """A wrapped, greyed line: "no chats", an empty comment."""
    label = QLabel(text)
    label.setWordWrap(True)
    return make_secondary(label)


def mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    k = share_of_a
    return QColor.fromRgbF(
        a.redF() * k + b.redF() * (1 - k),
        a.greenF() * k + b.greenF() * (1 - k),
        a.blueF() * k + b.blueF() * (1 - k),
    )


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 (none) to 21 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)


def over(tint: QColor, base: QColor) -> QColor:
    """``tint`` (with its alpha) painted over the opaque ``base``."""
    return mix(tint, base, tint.alphaF())


__all__ = [
    "FONT_SIZE_RANGE",
    "VisibleFocusStyle",
    "apply_color_scheme",
    "apply_font_size",
    "contrast_ratio",
    "dark_palette",
    "install_focus_style",
    "is_dark",
    "mix",
    "over",
    "secondary_text",
]
