"""Messenger channels at a glance: an icon, a name and the handle or phone.

Reusable by the comparison view, the review queue and the history.  Icons
come from qtawesome (brand icons of Font Awesome 5 and Material Design
icons); Avito has no icon in those fonts, so it gets a small drawn badge in
its colour.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import phonenumbers
import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from deskdup.models import Channel, CommKind
from deskdup.services.channels import CHANNEL_NAMES, CONTEXT, KIND_NAMES, as_channel
from deskdup.views.appearance import is_dark

ICON_SIZE = 16

# icon name, colour.  Brand colours so the operator spots "WhatsApp" by colour alone.
_CHANNEL_ICONS: dict[Channel, tuple[str, str]] = {
    Channel.TELEGRAM: ("fa5b.telegram", "#229ED9"),
    Channel.WHATSAPP: ("fa5b.whatsapp", "#25D366"),
    Channel.VIBER: ("fa5b.viber", "#7360F2"),
    Channel.VK: ("fa5b.vk", "#0077FF"),
    Channel.INSTAGRAM: ("fa5b.instagram", "#E1306C"),
    Channel.OPENLINE: ("fa5s.comments", "#F08A24"),
    Channel.SITE: ("mdi.web", "#546E7A"),
    Channel.CALL: ("fa5s.phone", "#546E7A"),
    Channel.EMAIL: ("fa5s.envelope", "#546E7A"),
    Channel.OTHER: ("fa5s.question-circle", "#90A4AE"),
}
AVITO_COLOUR = "#00AAFF"

_KIND_ICONS: dict[CommKind, tuple[str, str]] = {
    CommKind.PHONE: ("fa5s.phone", "#546E7A"),
    CommKind.EMAIL: ("fa5s.envelope", "#546E7A"),
    CommKind.WEB: ("mdi.web", "#546E7A"),
}


def channel_name(channel: Channel | str | None) -> str:
    """The channel's name in the operator's language."""
    return QCoreApplication.translate(CONTEXT, CHANNEL_NAMES[as_channel(channel)])


def kind_name(kind: CommKind | str) -> str:
    return QCoreApplication.translate(CONTEXT, KIND_NAMES[CommKind(kind)])


@cache
def _avito_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(AVITO_COLOUR))
        painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size / 4, size / 4)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.72))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "A")
        painter.end()
        icon.addPixmap(pixmap)
    return icon


# The blue-grey of the plain kinds (phone, e-mail, web) is too dark on a dark
# window (2.6:1): a lighter grey there, 3:1 or more on either.
_NEUTRAL = "#546E7A"
_NEUTRAL_ON_DARK = "#90A4AE"


def _colour(colour: str, dark: bool) -> str:
    return _NEUTRAL_ON_DARK if dark and colour == _NEUTRAL else colour


def channel_icon(channel: Channel | str | None) -> QIcon:
    return _channel_icon(as_channel(channel), is_dark())


@cache
def _channel_icon(channel: Channel, dark: bool) -> QIcon:
    if channel is Channel.AVITO:
        return _avito_icon()
    name, colour = _CHANNEL_ICONS[channel]
    return qta.icon(name, color=_colour(colour, dark))


@cache
def channel_icon_on_light(channel: Channel | str | None) -> QIcon:
    """The channel's icon on a small light square, for highlighted rows: the
    blue icons (Telegram, VK, the site) vanished on the blue highlight."""
    base = channel_icon(channel)
    icon = QIcon()
    for size in (16, 20, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(QRectF(0, 0, size, size), size / 5, size / 5)
        inset = max(1, size // 8)
        base.paint(painter, inset, inset, size - 2 * inset, size - 2 * inset)
        painter.end()
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
            icon.addPixmap(pixmap, mode)
    return icon


class LightIconDelegate(QStyledItemDelegate):
    """Draws a highlighted row's channel icon on a light square (see above)."""

    def __init__(self, channel_of: Callable[[QModelIndex], Channel | None], parent=None) -> None:
        super().__init__(parent)
        self._channel_of = channel_of

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if option.state & QStyle.StateFlag.State_Selected and not option.icon.isNull():
            channel = self._channel_of(index)
            if channel is not None:
                option.icon = channel_icon_on_light(channel)


def comm_icon(kind: CommKind | str, channel: Channel | str | None) -> QIcon:
    """A phone, e-mail or web address by its kind; a messenger handle by its channel."""
    kind = CommKind(kind)
    if kind is CommKind.MESSENGER:
        return channel_icon(channel)
    return _kind_icon(kind, is_dark())


@cache
def _kind_icon(kind: CommKind, dark: bool) -> QIcon:
    name, colour = _KIND_ICONS[kind]
    return qta.icon(name, color=_colour(colour, dark))


def display_phone(raw: str, normalized: str = "") -> str:
    """+7 912 345-67-89 for a valid phone; the raw text otherwise."""
    if normalized.startswith("+"):
        try:
            number = phonenumbers.parse(normalized, None)
        except phonenumbers.NumberParseException:
            return raw
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return raw


def display_value(
    kind: CommKind | str, channel: Channel | str | None, raw: str, normalized: str = ""
) -> str:
    """What the operator reads for one communication."""
    kind = CommKind(kind)
    if kind is CommKind.PHONE:
        return display_phone(raw, normalized)
    if kind is CommKind.MESSENGER:
        channel = as_channel(channel)
        value = raw.strip()
        # A bare Telegram or Instagram handle reads best with its @.
        if (
            channel in (Channel.TELEGRAM, Channel.INSTAGRAM)
            and value
            and not value.startswith("@")
            and "/" not in value
            and not value.startswith("+")
            and not value[0].isdigit()
        ):
            return "@" + value
        if normalized.startswith("+"):
            return display_phone(raw, normalized)
        return value
    return raw


_pixmaps: dict[tuple[int, int], QPixmap] = {}


def icon_pixmap(icon: QIcon, size: int = ICON_SIZE) -> QPixmap:
    """The icon drawn once per size: qtawesome paints the glyph on every call otherwise."""
    key = (icon.cacheKey(), size)
    pixmap = _pixmaps.get(key)
    if pixmap is None:
        pixmap = _pixmaps[key] = icon.pixmap(size, size)
    return pixmap


def icon_label(icon: QIcon, size: int = ICON_SIZE, tooltip: str = "", name: str = "") -> QLabel:
    """An icon; ``name`` (else the tooltip) is what a screen reader says for it."""
    label = QLabel()
    label.setPixmap(icon_pixmap(icon, size))
    label.setFixedSize(size, size)
    if tooltip:
        label.setToolTip(tooltip)
    if name or tooltip:
        label.setAccessibleName(name or tooltip)
    return label


class ElidedLabel(QLabel):
    """One line of text that ends in "…" when the column is too narrow.

    With word wrap on it is an ordinary label.
    """

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.wordWrap() or not self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
        )
        painter.end()


# Where a long address or handle reads best when it must break: after these,
# in this order of preference.
_BREAK_AFTER = ("@", "/", "._-?&=:")


def wrap_token(text: str, fits: Callable[[str], bool]) -> list[str]:
    """``text`` (no spaces) cut into lines that each ``fits``.

    A line ends after an "@" that still fits, else after the last "/", else after
    the last ".", "_", "-" … ("ivan.petrov@" / "example.com"); only a run with
    none of them is cut anywhere.  No character is lost or added.
    """
    lines: list[str] = []
    rest = text
    while rest and not fits(rest):
        cut = 1
        while cut < len(rest) and fits(rest[: cut + 1]):
            cut += 1
        nice = 0
        for marks in _BREAK_AFTER:  # "@" first: the mailbox and the domain each whole
            nice = max((i + 1 for i in range(cut) if rest[i] in marks), default=0)
            if nice:
                break
        if nice and nice < len(rest):
            cut = nice
        lines.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        lines.append(rest)
    return lines


class WrappingLabel(QLabel):
    """Text that is never cut off: it wraps at spaces, and a long e-mail, link or
    handle with no space in it wraps after its "@", "." or "/" (``wrap_token``),
    so the whole of it stays readable in a narrow column.  Selecting and
    copying gives the text as it is.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _one_token(self) -> bool:
        return bool(self.text()) and not any(c.isspace() for c in self.text())

    def _lines(self, width: int) -> list[str]:
        metrics = self.fontMetrics()
        return wrap_token(self.text(), lambda part: metrics.horizontalAdvance(part) <= width)

    def _inner_width(self, width: int) -> int:
        margins = self.contentsMargins()
        return max(1, width - margins.left() - margins.right())

    def heightForWidth(self, width: int) -> int:
        if not self._one_token():
            return super().heightForWidth(width)
        margins = self.contentsMargins()
        lines = len(self._lines(self._inner_width(width)))
        return lines * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        if not self._one_token():
            return super().sizeHint()
        margins = self.contentsMargins()
        return QSize(
            self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right(),
            self.fontMetrics().height() + margins.top() + margins.bottom(),
        )

    def minimumSizeHint(self) -> QSize:
        if not self._one_token():
            return super().minimumSizeHint()
        return QSize(40, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._one_token():
            super().paintEvent(event)
            return
        rect = self.contentsRect()
        metrics = self.fontMetrics()
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        y = rect.top() + metrics.ascent()
        for line in self._lines(rect.width()):
            painter.drawText(rect.left(), y, line)
            y += metrics.lineSpacing()
        painter.end()


class ChannelChip(QWidget):
    """Icon + text, e.g. [telegram] @ivan_petrov93.

    One line ending in "…" when the column is too narrow, or with ``wrap`` the
    whole text on as many lines as it needs (the comparison, where every
    character of a phone or an address matters).
    """

    def __init__(
        self,
        icon: QIcon,
        text: str,
        tooltip: str = "",
        parent: QWidget | None = None,
        wrap: bool = False,
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(5)
        self.icon_label = icon_label(icon)
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        if wrap:
            self.text_label: QLabel = WrappingLabel(text)
        else:
            self.text_label = ElidedLabel(text)
            self.text_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setMinimumWidth(40)
        layout.addWidget(self.text_label, 1)
        if tooltip:
            self.setToolTip(tooltip)
        self.set_spoken(None, text)

    def set_spoken(self, what: str | None = None, text: str | None = None, owner: str = "") -> None:
        """What a screen reader says: "lead 2, Phone, +7 951 225-27-09" (``owner``,
        ``what`` the icon shows: the channel or kind, and the text).  None keeps
        what was said before."""
        if what is not None:
            self.icon_label.setAccessibleName(what)
        what = self.icon_label.accessibleName()
        text = self.text_label.text() if text is None else text
        self.setAccessibleName(", ".join(part for part in (owner, what, text) if part))
        self.setAccessibleDescription(self.toolTip())

    @classmethod
    def for_channel(cls, channel: Channel | str | None, text: str = "") -> ChannelChip:
        name = channel_name(channel)
        chip = cls(channel_icon(channel), text or name, name)
        if text:
            chip.set_spoken(name, text)
        return chip

    @classmethod
    def for_comm(
        cls,
        kind: CommKind | str,
        channel: Channel | str | None,
        raw: str,
        normalized: str = "",
        valid: bool = True,
        wrap: bool = False,
    ) -> ChannelChip:
        kind = CommKind(kind)
        name = channel_name(channel) if kind is CommKind.MESSENGER else kind_name(kind)
        text = display_value(kind, channel, raw, normalized)
        tooltip = f"{name}: {raw}"
        if not valid:
            tooltip += " — " + QCoreApplication.translate("Channels", "could not be recognised")
        chip = cls(comm_icon(kind, channel), text, tooltip, wrap=wrap)
        chip.set_spoken(name, text)
        if not valid:
            palette = chip.text_label.palette()
            palette.setColor(
                QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
            )
            chip.text_label.setPalette(palette)
        return chip
