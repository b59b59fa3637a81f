"""The side-by-side comparison of a candidate group: one column per lead.

Renders a ``MergePlan`` (services/merge_plan.py), like Picard's metadata box
renders a ``TagDiff``: the plan holds the choices, this widget only draws them
and forwards the operator's clicks and keys to ``plan.choose`` /
``plan.set_primary``.  The last column shows the merged lead as it will be
(``plan.preview()``), row by row beside the leads it comes from.

Every database call (build the plan, merge, dismiss, undo) runs through the
background-operation helper; the rights check of a changed primary needs no
database (the plan and the signed-in operator's scopes are plain data).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskdup.models import Channel
from deskdup.services import merge as merge_service
from deskdup.services.errors import KnownError, StaleError
from deskdup.services.merge_plan import FieldChoice, LeadCard, MergePlan, build_plan
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.operators import TodayCounters, workspace_today_counters
from deskdup.services.policy import MergePolicy, load_policy
from deskdup.services.rights import Refusal, check_merge, grouped_refusals
from deskdup.views import operations
from deskdup.views.channel_badges import (
    ChannelChip,
    channel_icon,
    channel_name,
    icon_label,
    icon_pixmap,
)
from deskdup.views.cheatsheet import CheatSheetDialog
from deskdup.views.dismiss_dialog import DismissDialog
from deskdup.views.lifetime import delete_later
from deskdup.views.shortcuts import (
    MAX_LEADS,
    ReviewAction,
    install,
    native_key,
    shortcut,
    with_keys,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

if TYPE_CHECKING:
    from deskdup.services.candidates import Reason
    from deskdup.views.context import AppContext

EMPTY = "—"
FIELD_COLUMN_WIDTH = 110
LEAD_COLUMN_MIN_WIDTH = 150
RESULT_COLUMN = 1  # the merged lead, right after the field names
# The widest value a column must show on one line: a phone with its icon.
WIDEST_PHONE = "+7 999 999-99-99"
CHAT_PREVIEW_CHARS = 70
COMMENT_PREVIEW_CHARS = 120

# Tints that read on light and dark palettes alike (alpha over the base colour).
DIFFERS_TINT = QColor(255, 179, 0, 40)
CHOSEN_BORDER = QColor(230, 145, 0, 200)
RESULT_TINT = QColor(76, 175, 80, 30)
RESULT_LINE = QColor(76, 175, 80, 160)
PRIMARY_TINT = QColor(33, 150, 243, 28)
CURRENT_TINT = QColor(33, 150, 243, 45)


def translate_message(message: Message) -> str:
    """A service's message in the operator's language, the words inside it too."""
    return message.render(translate=QCoreApplication.translate)


def refusal_text(refusal: Refusal) -> str:
    """A rights refusal in the operator's language."""
    return translate_message(refusal.message)


def error_text(exc: BaseException) -> str:
    """A service's failure in the operator's language (its ``Message`` when it has one)."""
    message = getattr(exc, "message", None)
    if isinstance(message, Message):
        return translate_message(message)
    return str(exc)


def elide(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def format_time(value: datetime | None, today: date | None = None) -> str:
    """A short date and time in the operator's locale; no year when it is this year's."""
    if value is None:
        return EMPTY
    locale = QLocale()
    this_year = value.year == (today or date.today()).year
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return f"{value:%m-%d %H:%M}" if this_year else f"{value:%Y-%m-%d %H:%M}"
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if this_year:
        pattern = _without_year(pattern)
    return f"{locale.toString(value.date(), pattern)} {value:%H:%M}"


def _without_year(pattern: str) -> str:
    """ "dd.MM.yyyy" -> "dd.MM", "M/d/yy" -> "M/d", "yyyy-MM-dd" -> "MM-dd"."""
    match = re.search(r"[^dMy]*y+[^dMy]*", pattern)
    if match is None:
        return pattern
    between = match.start() > 0 and match.end() < len(pattern)
    # A year in the middle keeps one separator; at either end it takes its separator along.
    return (
        pattern[: match.start()] + (match.group(0)[:1] if between else "") + pattern[match.end() :]
    )


# Bitrix24's lead statuses; any other status is shown as the CRM wrote it.
_STATUS_NAMES = {
    "new": QT_TRANSLATE_NOOP("LeadStatus", "new"),
    "in_process": QT_TRANSLATE_NOOP("LeadStatus", "in progress"),
    "processed": QT_TRANSLATE_NOOP("LeadStatus", "processed"),
    "converted": QT_TRANSLATE_NOOP("LeadStatus", "converted"),
    "junk": QT_TRANSLATE_NOOP("LeadStatus", "junk"),
}


def status_name(status: str) -> str:
    if not status:
        return EMPTY
    name = _STATUS_NAMES.get(status.strip().lower())
    return QCoreApplication.translate("LeadStatus", name) if name else status


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


def make_secondary(label: QLabel) -> QLabel:
    """Greyed text for details (times, counts) that stays readable."""
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label


def confirm(parent: QWidget, title: str, text: str, ok_text: str, info: str = "") -> bool:
    """Ask yes/no through the window's one interaction helper (tests replace this)."""
    try:
        from deskdup.views.interaction import Interaction
    except ImportError:  # a window without the helper: a plain question box
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        if info:
            box.setInformativeText(info)
        ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok
    return Interaction.confirm(parent, title, text, info=info, ok_text=ok_text)


def _is_text_entry(widget: QWidget) -> bool:
    if isinstance(widget, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()


@dataclass
class LoadedGroup:
    """What the worker hands back for one group."""

    plan: MergePlan
    policy: MergePolicy
    refusals: list[Refusal]


@dataclass(frozen=True)
class ReviewState:
    """The operator's work on the open group, carried into a rebuilt window
    (another language, another operator): the group, the primary and her picks."""

    lead_ids: tuple[int, ...]
    reasons: tuple[Reason, ...]
    primary_id: int
    choices: dict[str, int]  # field -> lead id, only what the operator chose herself
    current_row: int


def load_group(
    context: AppContext, lead_ids: Sequence[int], primary_id: int | None = None
) -> LoadedGroup:
    """Build the plan and check the rights (runs on the database worker)."""
    with context.workspace.session() as session:
        plan = build_plan(session, lead_ids, primary_id)
        policy = load_policy(session)
    refusals = check_merge(None, context.operator, plan, policy)
    if refusals and primary_id is None:
        refusals = _primary_the_operator_may_keep(context, plan, policy, refusals)
    return LoadedGroup(plan, policy, refusals)


def _primary_the_operator_may_keep(
    context: AppContext, plan: MergePlan, policy: MergePolicy, refusals: list[Refusal]
) -> list[Refusal]:
    """When the suggested primary cannot be merged into, suggest one that can.

    (Edit and archive rights often differ by lead.)  Tries the leads in the order
    the plan suggests them; keeps the plan's own suggestion when none works.
    """
    suggested = plan.primary_id
    order = sorted(
        plan.other_ids,
        key=lambda i: (-plan.cards[i].data_score, plan.cards[i].created_at, i),
    )
    for lead_id in order:
        plan.set_primary(lead_id)
        if not check_merge(None, context.operator, plan, policy):
            return []
    plan.set_primary(suggested)
    return refusals


def lead_column(index: int) -> int:
    """The grid column of the lead in position ``index`` (0-based)."""
    return RESULT_COLUMN + 1 + index


# --------------------------------------------------------------------------- cells


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
            painter.setPen(QPen(CHOSEN_BORDER, 1.2))
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
            painter.fillRect(rect.x(), rect.bottom() - 1, rect.width(), 2, RESULT_LINE)
        if kind == "section":
            painter.fillRect(
                rect.x(), rect.y(), rect.width(), 1, palette.color(QPalette.ColorRole.Midlight)
            )
        painter.end()


class ValueCell(Cell):
    """A lead's value of one field, with the radio that keeps it."""

    def __init__(
        self,
        text: str,
        on_choose: Callable[[], None],
        channel: Channel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("value", parent)
        self._on_choose = on_choose
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.radio = QRadioButton()
        # Keys drive the grid through the view's shortcuts; the radios only show.
        self.radio.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.radio.clicked.connect(on_choose)
        row.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        if channel is not None:
            row.addWidget(icon_label(channel_icon(channel)), 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(text or EMPTY)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        fit_column(self.label)
        if not text:
            self.label.setEnabled(False)
        row.addWidget(self.label, 1)
        self.layout_.addLayout(row)

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

    def __init__(self, index: int, card: LeadCard, parent: QWidget | None = None) -> None:
        super().__init__("header", parent)
        self.radio = QRadioButton(self.tr("Primary"))
        self.radio.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.radio.setToolTip(
            with_keys(
                self.tr("Keep this lead; the others are merged into it"), ReviewAction.PRIMARY
            )
        )
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        number = KeyCap(str(index + 1))
        number.setToolTip(
            self.tr("Press {key} to make this lead the primary").format(key=index + 1)
        )
        top.addWidget(number)
        top.addWidget(self.radio)
        top.addStretch(1)
        self.warning = icon_label(qta.icon("fa5s.lock", color="#C62828"))
        self.warning.hide()
        top.addWidget(self.warning)
        self.exclude_button = QToolButton()
        self.exclude_button.setIcon(qta.icon("fa5s.user-times", color="#757575"))
        self.exclude_button.setAutoRaise(True)
        self.exclude_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exclude_button.setToolTip(
            self.tr("A different customer: take this lead out of the group for the whole team")
        )
        top.addWidget(self.exclude_button)
        self.layout_.addLayout(top)

        title = QHBoxLayout()
        title.setContentsMargins(0, 0, 0, 0)
        title.setSpacing(6)
        title.addWidget(icon_label(channel_icon(card.source_channel), 18))
        label = QLabel(f"#{card.label}")
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setToolTip(channel_name(card.source_channel))
        title.addWidget(label)
        title.addStretch(1)
        self.layout_.addLayout(title)

        owner = card.owner_name or self.tr("no responsible operator")
        if card.department_name:
            owner = f"{owner} · {card.department_name}"
        self.owner = QLabel(owner)
        self.owner.setWordWrap(True)
        self.layout_.addWidget(self.owner)
        details = QLabel(
            self.tr("{status} · created {time}").format(
                status=status_name(card.status), time=format_time(card.created_at)
            )
        )
        details.setWordWrap(True)
        make_secondary(details)
        self.layout_.addWidget(details)
        self.fate = QLabel()
        self.fate.setWordWrap(True)
        make_secondary(self.fate)
        self.layout_.addWidget(self.fate)

    def set_refusals(self, texts: list[str]) -> None:
        self.warning.setVisible(bool(texts))
        self.warning.setToolTip("\n".join(texts))


# --------------------------------------------------------------------------- the view


class CompareView(QWidget):
    merged = Signal(object)  # MergeResult
    dismissed = Signal(object)  # the group's lead ids (tuple[int, ...])
    skipped = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    undone = Signal(object)  # UndoResult: the queue should show the restored leads again
    # Today's work of this operator:
    # {"merges": int, "dismissals": int (pairs), "undos": int, "skips": int}
    counters_changed = Signal(dict)
    # The group on screen is ready (plan built, rights checked): tests and the window wait on it.
    group_loaded = Signal()
    # The group could not be opened because its leads changed elsewhere (one was
    # merged, archived or deleted by someone else): the queue is out of date.
    group_unavailable = Signal(object)  # the group's lead ids (tuple[int, ...])

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._lead_ids: tuple[int, ...] = ()
        self._reasons: tuple[Reason, ...] = ()
        self._loaded: LoadedGroup | None = None
        self._refusals: list[Refusal] = []
        self._carried = ""  # the banner of a group that vanished, for the next one
        self._request = 0
        self._loading = False  # building the plan of the group to show
        self._working = False  # a merge, dismissal or undo is being written
        self._current_row = 0
        self._focus_on_activation = False  # a group came in while the window was inactive
        self._restoring: dict[str, int] = {}  # picks to apply when the group arrives
        self._nav_fields: list[str] = []
        self._headers: list[LeadHeader] = []
        self._cells: dict[tuple[str, int], ValueCell] = {}
        self._field_labels: dict[str, Cell] = {}
        self._result_cells: dict[str, QLabel] = {}
        self._result_sources: dict[str, QLabel] = {}
        self._result_sections: dict[str, Cell] = {}
        self._row_groups: list[QButtonGroup] = []
        self._primary_group: QButtonGroup | None = None
        # Today's work: merges, dismissed pairs and undos from the history; skips of this window.
        self.counters = {"merges": 0, "dismissals": 0, "undos": 0, "skips": 0}

        self._build()
        self._install_shortcuts()
        self.clear()
        self.refresh_counters()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
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

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(self.scroll, 1)
        self.setFocusProxy(self.scroll)

        bar = QHBoxLayout()
        self.previous_button = self._button(
            "fa5s.chevron-up",
            self.tr("Previous"),
            ReviewAction.PREVIOUS_GROUP,
            self.tr("Previous group"),
            self.previous_requested.emit,
        )
        self.next_button = self._button(
            "fa5s.chevron-down",
            self.tr("Next"),
            ReviewAction.NEXT_GROUP,
            self.tr("Next group"),
            self.next_requested.emit,
        )
        self.undo_button = self._button(
            "fa5s.undo",
            self.tr("Undo last"),
            ReviewAction.UNDO,
            self.tr("Undo my last merge"),
            self.undo_last,
        )
        self.help_button = self._button(
            "fa5s.keyboard",
            "",
            ReviewAction.CHEAT_SHEET,
            self.tr("Keyboard shortcuts"),
            self.show_cheat_sheet,
        )
        self.skip_button = self._button(
            "fa5s.forward",
            self.tr("Skip"),
            ReviewAction.SKIP,
            self.tr("Skip this group for now"),
            self.skip,
        )
        self.dismiss_button = self._button(
            "fa5s.not-equal",
            self.tr("Not duplicates"),
            ReviewAction.DISMISS,
            self.tr("These leads are different people; do not show them again"),
            self.dismiss,
        )
        self.merge_button = self._button(
            "fa5s.compress-arrows-alt",
            self.tr("Merge"),
            ReviewAction.MERGE,
            self.tr("Merge every other lead into the primary"),
            self.merge,
        )
        self.merge_button.setDefault(True)
        for button in (self.previous_button, self.next_button, self.undo_button, self.help_button):
            bar.addWidget(button)
        bar.addStretch(1)
        for button in (self.skip_button, self.dismiss_button, self.merge_button):
            bar.addWidget(button)
        layout.addLayout(bar)

    def _button(
        self,
        icon: str,
        text: str,
        action: ReviewAction,
        tip: str,
        slot: Callable[[], Any],
    ) -> QPushButton:
        button = QPushButton(qta.icon(icon), text)
        button.setToolTip(with_keys(tip, action))
        button.setProperty("tip", with_keys(tip, action))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _install_shortcuts(self) -> None:
        install(self, ReviewAction.NEXT_GROUP, self._next)
        install(self, ReviewAction.PREVIOUS_GROUP, self._previous)
        install(self, ReviewAction.PRIMARY, self.choose_primary_column)
        install(self, ReviewAction.FIELD_UP, lambda: self.move_row(-1))
        install(self, ReviewAction.FIELD_DOWN, lambda: self.move_row(1))
        install(self, ReviewAction.VALUE_LEFT, lambda: self.move_choice(-1))
        install(self, ReviewAction.VALUE_RIGHT, lambda: self.move_choice(1))
        install(self, ReviewAction.VALUE_OF_LEAD, self.choose_column_value)
        install(self, ReviewAction.MERGE, self.merge)
        install(self, ReviewAction.DISMISS, self.dismiss)
        install(self, ReviewAction.SKIP, self.skip)
        install(self, ReviewAction.UNDO, self.undo_last)
        install(self, ReviewAction.CHEAT_SHEET, self.show_cheat_sheet)

    # ------------------------------------------------------------------ public API

    @property
    def plan(self) -> MergePlan | None:
        return self._loaded.plan if self._loaded else None

    @property
    def lead_ids(self) -> tuple[int, ...]:
        return self._lead_ids

    @property
    def refusals(self) -> list[Refusal]:
        return list(self._refusals)

    @property
    def current_field(self) -> str | None:
        if not self._nav_fields:
            return None
        return self._nav_fields[self._current_row]

    def show_group(self, lead_ids: Sequence[int], reasons: Sequence[Reason] = ()) -> None:
        """Load and show a group (2 to 6 leads); the old one stays greyed until it arrives."""
        lead_ids = tuple(dict.fromkeys(lead_ids))
        self._lead_ids = lead_ids[:MAX_LEADS]
        self._reasons = tuple(reasons)
        self._current_row = 0
        self._restoring = {}
        # Why the group before could not be merged stays readable above this one
        # (the window opens the next group by itself after it vanished).
        carried, self._carried = self._carried, ""
        self._show_banner(
            self.tr("Previous group: {reason}").format(reason=carried) if carried else ""
        )
        self._load()
        if len(lead_ids) > MAX_LEADS:
            self._show_banner(
                self.tr(
                    "Only the first {shown} of the {total} selected leads are compared; "
                    "merge them, then compare the rest."
                ).format(shown=MAX_LEADS, total=len(lead_ids))
            )

    def review_state(self) -> ReviewState | None:
        plan = self.plan
        if plan is None:
            return None
        return ReviewState(
            lead_ids=self._lead_ids,
            reasons=self._reasons,
            primary_id=plan.primary_id,
            choices={f.name: f.chosen for f in plan.fields if f.explicit},
            current_row=self._current_row,
        )

    def restore_review(self, state: ReviewState) -> None:
        """Open the group again as the operator left it (read afresh from the database)."""
        self._lead_ids = tuple(state.lead_ids)
        self._reasons = tuple(state.reasons)
        self._current_row = state.current_row
        self._restoring = dict(state.choices)
        self._show_banner("")
        self._load(state.primary_id)

    def reload(self, stale: str = "") -> None:
        """Build the plan again from the database, keeping the chosen primary.

        ``stale``: why (a refused merge's words), kept on screen if the group is gone.
        """
        primary = self.plan.primary_id if self.plan else None
        self._load(primary, stale)

    def clear(self) -> None:
        self._request += 1
        self._lead_ids = ()
        self._reasons = ()
        self._loaded = None
        self._refusals = []
        self._loading = False
        self._carried = ""
        self.title.setText(self.tr("No group selected"))
        self.reasons_label.setText(
            self.tr("Choose a group in the queue to compare its leads side by side.")
        )
        self.reasons_label.show()
        self._show_banner("")
        self._replace_grid(None)
        self._update_actions()

    @property
    def _busy(self) -> bool:
        return self._loading or self._working

    def is_busy(self) -> bool:
        return self._busy

    # ------------------------------------------------------------------ loading

    def _load(self, primary_id: int | None = None, stale: str = "") -> None:
        self._request += 1
        request = self._request
        lead_ids = self._lead_ids
        self._loading = True
        self.title.setText(self.tr("Loading {count} leads…").format(count=len(lead_ids)))
        if self.scroll.widget() is not None:
            self.scroll.widget().setEnabled(False)
        self._update_actions()
        context = self._context

        def failed(exc: BaseException) -> None:
            if request != self._request:
                return
            self._loading = False
            self._loaded = None
            self._replace_grid(None)
            self.title.setText(self.tr("This group cannot be shown"))
            # After a refused merge the refusal says more (who merged it, and when)
            # than the reload's own "already merged".
            self._show_banner(stale or error_text(exc))
            self._update_actions()
            if not isinstance(exc, KnownError):
                operations.default_failure(self, exc)
            else:
                self._carried = stale or error_text(exc)
                self.group_unavailable.emit(lead_ids)

        context.query(
            self,
            lambda: load_group(context, lead_ids, primary_id),
            lambda loaded: self._on_loaded(request, loaded),
        ).failure(failed).run_in_background()

    def _on_loaded(self, request: int, loaded: LoadedGroup) -> None:
        if request != self._request:
            return  # the operator moved on to another group meanwhile
        self._loading = False
        self._loaded = loaded
        self._refusals = loaded.refusals
        plan = loaded.plan
        restoring, self._restoring = self._restoring, {}
        for name, lead_id in restoring.items():
            if lead_id in plan.lead_ids and any(f.name == name for f in plan.fields):
                plan.choose(name, lead_id)
        self._nav_fields = [f.name for f in plan.fields if f.differs] or [
            f.name for f in plan.fields
        ]
        self._current_row = min(self._current_row, len(self._nav_fields) - 1)
        self.title.setText(
            self.tr("{count} leads that may be one customer").format(count=len(plan.lead_ids))
        )
        self._render_reasons()
        self._replace_grid(self._render(plan))
        self._refresh()
        self._take_focus_if_free()
        self.group_loaded.emit()

    def _take_focus_if_free(self) -> None:
        """Let the keys 1-6, arrows, J/K reach the group just opened.

        Unless the operator is typing somewhere (a search box, a filter): then
        the focus stays where it is and Ctrl+… keys still work window-wide.
        """
        if not self.isVisible() or not self.isActiveWindow():
            # Opened before the window got the keyboard (the first group at start,
            # or while the operator was in another program): take it on activation.
            self._focus_on_activation = True
            return
        self._focus_on_activation = False
        focused = QApplication.focusWidget()
        if focused is not None and (self.isAncestorOf(focused) or _is_text_entry(focused)):
            return
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self._focus_on_activation:
            # After the event: the window restores its own focus widget first.
            QTimer.singleShot(0, self._take_focus_if_free)
        return super().event(event)

    def _render_reasons(self) -> None:
        texts = [translate_message(r.text) for r in self._reasons]
        if texts:
            self.reasons_label.setText(self.tr("Why: {reasons}").format(reasons="; ".join(texts)))
        else:
            self.reasons_label.setText("")
        self.reasons_label.setVisible(bool(texts))

    def _replace_grid(self, content: QWidget | None) -> None:
        old = self.scroll.takeWidget()
        if old is not None:
            delete_later(old)
        if content is None:
            self._headers = []
            self._cells = {}
            self._field_labels = {}
            self._result_cells = {}
            self._result_sources = {}
            self._result_sections = {}
            self._row_groups = []
            self._primary_group = None
            content = QWidget()
        self.scroll.setWidget(content)

    # ------------------------------------------------------------------ rendering

    def _render(self, plan: MergePlan) -> QWidget:
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(2)
        grid.setVerticalSpacing(1)
        # The merged lead comes right after the field names: with five or six
        # leads the grid scrolls sideways, and the preview must stay in sight.
        result_column = RESULT_COLUMN
        grid.setColumnMinimumWidth(0, FIELD_COLUMN_WIDTH)
        for column in range(1, len(plan.lead_ids) + 2):
            grid.setColumnStretch(column, 1)
            grid.setColumnMinimumWidth(column, self._lead_column_width())

        self._headers = []
        self._cells = {}
        self._field_labels = {}
        self._result_cells = {}
        self._result_sources = {}
        self._result_sections = {}
        self._row_groups = []

        # Row 0: headers.
        corner = Cell("corner")
        grid.addWidget(corner, 0, 0)
        self._primary_group = QButtonGroup(content)
        for index, lead_id in enumerate(plan.lead_ids):
            header = LeadHeader(index, plan.cards[lead_id])
            self._primary_group.addButton(header.radio, index)
            header.radio.clicked.connect(lambda _c=False, i=index: self.choose_primary_column(i))
            header.exclude_button.clicked.connect(lambda _c=False, i=index: self.exclude_column(i))
            grid.addWidget(header, 0, lead_column(index))
            self._headers.append(header)
        result_header = Cell("resultheader")
        heading = QLabel(self.tr("After the merge"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        result_header.layout_.addWidget(heading)
        self.result_title = QLabel()
        self.result_title.setWordWrap(True)
        result_header.layout_.addWidget(self.result_title)
        result_header.layout_.addStretch(1)
        grid.addWidget(result_header, 0, result_column)

        row = 1
        for choice in plan.fields:
            label = Cell("field")
            # Field names do not wrap: the first column takes the longest one's width.
            text = QLabel(translate_message(choice.label))
            label.layout_.addWidget(text)
            grid.addWidget(label, row, 0)
            self._field_labels[choice.name] = label
            group = QButtonGroup(content)
            self._row_groups.append(group)
            for index, lead_id in enumerate(plan.lead_ids):
                cell = ValueCell(
                    self._display(choice, lead_id),
                    lambda f=choice.name, i=lead_id: self._choose(f, i),
                    self._channel_of(choice, lead_id),
                )
                cell.set_flag("differs", choice.differs)
                if choice.differs:
                    key = shortcut(ReviewAction.VALUE_OF_LEAD).keys[index]
                    cell.radio.setToolTip(
                        self.tr(
                            "Keep this value ({key}, or Left/Right on the current field)"
                        ).format(key=native_key(key))
                    )
                group.addButton(cell.radio)
                if not choice.differs:
                    # Nothing to choose: keep the column aligned, hide the noise.
                    policy = cell.radio.sizePolicy()
                    policy.setRetainSizeWhenHidden(True)
                    cell.radio.setSizePolicy(policy)
                    cell.radio.hide()
                grid.addWidget(cell, row, lead_column(index))
                self._cells[(choice.name, lead_id)] = cell
            result = Cell("result")
            value = QLabel()
            value.setWordWrap(True)
            fit_column(value)
            if choice.name == "source_channel":
                line = QHBoxLayout()
                line.setContentsMargins(0, 0, 0, 0)
                line.setSpacing(6)
                self.result_source_icon = QLabel()
                line.addWidget(self.result_source_icon)
                line.addWidget(value, 1)
                result.layout_.addLayout(line)
            else:
                result.layout_.addWidget(value)
            if choice.differs:
                # Which lead the surviving value comes from, beside the value itself.
                source = make_secondary(QLabel())
                result.layout_.addWidget(source)
                self._result_sources[choice.name] = source
            grid.addWidget(result, row, result_column)
            self._result_cells[choice.name] = value
            row += 1

        row = self._render_sections(grid, row, plan)
        grid.setRowStretch(row, 1)
        return content

    def _lead_column_width(self) -> int:
        """Wide enough for a phone beside its radio and icon, whatever the font."""
        phone = self.fontMetrics().horizontalAdvance(WIDEST_PHONE)
        return max(LEAD_COLUMN_MIN_WIDTH, phone + 60)

    def _section_label(self, grid: QGridLayout, row: int, text: str) -> None:
        label = Cell("section")
        title = QLabel(text)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        label.layout_.addWidget(title)
        label.layout_.addStretch(1)
        grid.addWidget(label, row, 0)

    def _render_sections(self, grid: QGridLayout, row: int, plan: MergePlan) -> int:
        result_column = RESULT_COLUMN
        sections: list[tuple[str, str, Callable[[LeadCard], QWidget]]] = [
            ("channels", self.tr("Channels"), self._channels_widget),
            ("chats", self.tr("Chats"), self._chats_widget),
            ("activity", self.tr("Activities and deals"), self._activity_widget),
            ("comments", self.tr("Comments"), self._comments_widget),
        ]
        for key, title, make in sections:
            self._section_label(grid, row, title)
            for index, lead_id in enumerate(plan.lead_ids):
                cell = Cell("section")
                cell.layout_.addWidget(make(plan.cards[lead_id]))
                cell.layout_.addStretch(1)
                grid.addWidget(cell, row, lead_column(index))
            result = Cell("result")
            result.setProperty("section", True)
            grid.addWidget(result, row, result_column)
            self._result_sections[key] = result
            row += 1
        return row

    def _display(self, choice: FieldChoice, lead_id: int) -> str:
        if choice.name == "source_channel":
            return channel_name(choice.values[lead_id])
        if choice.name == "status":
            return status_name(str(choice.values[lead_id] or ""))
        return str(choice.display.get(lead_id) or "")

    @staticmethod
    def _channel_of(choice: FieldChoice, lead_id: int) -> Channel | None:
        if choice.name == "source_channel":
            return choice.values[lead_id]
        return None

    def _channels_widget(self, card: LeadCard) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        if not card.communications:
            layout.addWidget(self._muted(self.tr("no phones or messengers")))
        for comm in card.communications:
            layout.addWidget(
                ChannelChip.for_comm(
                    comm.kind, comm.channel, comm.raw, comm.normalized, comm.valid, wrap=True
                )
            )
        return box

    def _chats_widget(self, card: LeadCard, chats: Sequence[Any] | None = None) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        chats = card.chats if chats is None else chats
        if not chats:
            layout.addWidget(self._muted(self.tr("no chats")))
        for chat in chats:
            first = chat.first_message or self.tr("(no text)")
            chip = ChannelChip(
                channel_icon(chat.channel), elide(first, CHAT_PREVIEW_CHARS), wrap=True
            )
            chip.setToolTip(f"{channel_name(chat.channel)}: {first}")
            layout.addWidget(chip)
            meta = self._muted(
                self.tr("{count} msg. · {time}").format(
                    count=chat.message_count, time=format_time(chat.last_message_at)
                )
            )
            meta.setContentsMargins(21, 0, 0, 0)
            layout.addWidget(meta)
        return box

    def _activity_widget(self, card: LeadCard) -> QWidget:
        return self._counts_label(len(card.activities), len(card.deals))

    def _counts_label(self, activities: int, deals: int) -> QLabel:
        label = QLabel(
            self.tr("activities: {activities} · deals: {deals}").format(
                activities=activities, deals=deals
            )
        )
        label.setWordWrap(True)
        return label

    def _comments_widget(self, card: LeadCard) -> QWidget:
        text = card.comments.strip()
        if not text:
            return self._muted(EMPTY)
        label = QLabel(elide(text, COMMENT_PREVIEW_CHARS))
        label.setWordWrap(True)
        label.setToolTip(text)
        fit_column(label)
        return label

    @staticmethod
    def _muted(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return make_secondary(label)

    # ------------------------------------------------------------------ state -> widgets

    def _refresh(self) -> None:
        """Show the plan's current primary and choices, the preview and the rights."""
        plan = self.plan
        if plan is None:
            self._update_actions()
            return
        policy = self._loaded.policy if self._loaded else MergePolicy()
        fate = (
            self.tr("goes to the archive; its data go to the primary")
            if policy.archive_instead_of_delete
            else self.tr("will be deleted; its data go to the primary")
        )
        by_lead: dict[int, list[str]] = {}
        for refusal in self._refusals:
            by_lead.setdefault(refusal.lead_id, []).append(refusal_text(refusal))
        for index, lead_id in enumerate(plan.lead_ids):
            header = self._headers[index]
            is_primary = lead_id == plan.primary_id
            header.radio.setChecked(is_primary)
            header.set_flag("primary", is_primary)
            header.fate.setText(self.tr("keeps the chosen values") if is_primary else fate)
            header.set_refusals(by_lead.get(lead_id, []))
        current = self.current_field
        for choice in plan.fields:
            for lead_id in plan.lead_ids:
                cell = self._cells[(choice.name, lead_id)]
                cell.set_chosen(lead_id == choice.chosen)
                cell.set_flag("current", choice.name == current)
            self._field_labels[choice.name].set_flag("current", choice.name == current)
            text = self._display(choice, choice.chosen)
            self._result_cells[choice.name].setText(text or EMPTY)
            source = self._result_sources.get(choice.name)
            if source is not None:
                # Only what comes from another lead than the primary needs naming.
                taken = choice.chosen != plan.primary_id
                label = plan.cards[choice.chosen].label
                source.setText(self.tr("from #{lead}").format(lead=label) if taken else "")
                source.setVisible(taken)
            if choice.name == "source_channel":
                icon = channel_icon(choice.chosen_value)
                self.result_source_icon.setPixmap(icon_pixmap(icon))
        self._render_preview(plan)
        self._update_actions()

    def _render_preview(self, plan: MergePlan) -> None:
        preview = plan.preview()
        merged_from = ", ".join(f"#{label}" for label in preview["merged_from"])
        self.result_title.setText(
            self.tr("#{primary}, merged from {others}").format(
                primary=preview["label"], others=merged_from
            )
        )
        labels = {lead_id: plan.cards[lead_id].label for lead_id in plan.lead_ids}

        def fill(key: str, widget: QWidget) -> None:
            cell = self._result_sections[key]
            while cell.layout_.count():
                item = cell.layout_.takeAt(0)
                if item.widget() is not None:
                    delete_later(item.widget())
            cell.layout_.addWidget(widget)
            cell.layout_.addStretch(1)

        comms = QWidget()
        layout = QVBoxLayout(comms)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        for comm in preview["communications"]:
            chip = ChannelChip.for_comm(
                comm.kind, comm.channel, comm.raw, comm.normalized, comm.valid, wrap=True
            )
            sources = ", ".join(f"#{labels[i]}" for i in comm.lead_ids)
            chip.setToolTip(f"{chip.toolTip()}\n" + self.tr("from {leads}").format(leads=sources))
            layout.addWidget(chip)
        if not preview["communications"]:
            layout.addWidget(self._muted(self.tr("no phones or messengers")))
        fill("channels", comms)
        fill("chats", self._chats_widget(plan.primary, preview["chats"]))
        fill(
            "activity",
            self._counts_label(len(preview["activities"]), len(preview["deals"])),
        )
        comments = QLabel(elide(preview["comments"], COMMENT_PREVIEW_CHARS * 2) or EMPTY)
        comments.setWordWrap(True)
        comments.setToolTip(preview["comments"])
        fit_column(comments)
        fill("comments", comments)

    def _update_actions(self) -> None:
        has_group = self.plan is not None and not self._busy
        if self.scroll.widget() is not None:
            self.scroll.widget().setEnabled(has_group)
        self.skip_button.setEnabled(bool(self._lead_ids))
        self.dismiss_button.setEnabled(has_group)
        self.undo_button.setEnabled(not self._busy)
        merge_tip = self.merge_button.property("tip")
        if has_group and self._refusals:
            self.merge_button.setEnabled(False)
            text = (
                self.tr("You cannot merge this group:")
                + "\n"
                # One line per owner, department and missing right, naming its leads.
                + "\n".join(translate_message(m) for m in grouped_refusals(self._refusals))
            )
            self.merge_button.setToolTip(text)
            self.rights_label.setText(text)
            self.rights_label.show()
        else:
            self.merge_button.setEnabled(has_group)
            self.merge_button.setToolTip(merge_tip)
            self.rights_label.hide()

    def _show_banner(self, text: str, *, error: bool = True) -> None:
        """A line above the grid: red for what went wrong, green for what was done."""
        tint = "229, 57, 53" if error else "76, 175, 80"
        self.banner.setStyleSheet(
            f"background: rgba({tint}, 28); border: 1px solid rgba({tint}, 120);"
            "border-radius: 4px; padding: 6px;"
        )
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _recheck_rights(self) -> None:
        # Plain data (the plan and the operator's scopes): no database, so no worker.
        plan = self.plan
        if plan is None or self._loaded is None:
            return
        self._refusals = check_merge(None, self._context.operator, plan, self._loaded.policy)

    # ------------------------------------------------------------------ choosing

    def _choose(self, field_name: str, lead_id: int) -> None:
        plan = self.plan
        if plan is None or self._busy:
            return
        if not plan.field(field_name).differs:
            return
        plan.choose(field_name, lead_id)
        if field_name in self._nav_fields:
            self._current_row = self._nav_fields.index(field_name)
        self._refresh()

    def choose_primary_column(self, index: int) -> None:
        """Make the lead of column ``index`` (0-based) the primary."""
        plan = self.plan
        if plan is None or self._busy or not 0 <= index < len(plan.lead_ids):
            return
        plan.set_primary(plan.lead_ids[index])
        self._recheck_rights()
        self._refresh()

    def move_row(self, step: int) -> None:
        if not self._nav_fields or self.plan is None:
            return
        self._current_row = max(0, min(len(self._nav_fields) - 1, self._current_row + step))
        self._refresh()
        label = self._field_labels.get(self.current_field or "")
        if label is not None:
            self.scroll.ensureWidgetVisible(label)

    def move_choice(self, step: int) -> None:
        plan = self.plan
        name = self.current_field
        if plan is None or name is None:
            return
        choice = plan.field(name)
        index = plan.lead_ids.index(choice.chosen)
        target = max(0, min(len(plan.lead_ids) - 1, index + step))
        self._choose(name, plan.lead_ids[target])

    def choose_column_value(self, index: int) -> None:
        plan = self.plan
        name = self.current_field
        if plan is None or name is None or not 0 <= index < len(plan.lead_ids):
            return
        self._choose(name, plan.lead_ids[index])

    # ------------------------------------------------------------------ actions

    def _next(self) -> None:
        self.next_requested.emit()

    def _previous(self) -> None:
        self.previous_requested.emit()

    def show_cheat_sheet(self) -> None:
        CheatSheetDialog.show_for(self)

    def skip(self) -> None:
        if not self._lead_ids:
            return
        self._count("skips")
        self.skipped.emit()

    def merge(self) -> None:
        plan = self.plan
        if plan is None or self._busy or self._loaded is None:
            return
        if self._refusals:
            return  # the rights label above the grid already says why
        self._working = True
        self._update_actions()
        request = self._request
        context = self._context
        operator_id = context.operator.id
        policy = self._loaded.policy
        context.query(
            self,
            lambda: merge_service.apply_merge(context.workspace, plan, operator_id, policy),
            lambda result: self._on_merged(request, result),
        ).failure(self._on_merge_failed).run_in_background()

    def _on_merged(self, request: int, result: Any) -> None:
        self._working = False
        self._count("merges")
        if request == self._request:
            self._finish_group(translate_message(result.summary))
        else:  # the operator opened another group meanwhile; keep showing that one
            self._update_actions()
        self.merged.emit(result)

    def _finish_group(self, title: str) -> None:
        """The group is done with: nothing left to act on until the next one opens."""
        self._request += 1
        self._loaded = None
        self._refusals = []
        self._replace_grid(None)
        self.title.setText(title)
        self.reasons_label.hide()
        self._show_banner("")
        self._update_actions()

    def _on_merge_failed(self, exc: BaseException) -> None:
        self._working = False
        if isinstance(exc, StaleError):
            # Someone else changed a lead: say who/what, show the group as it is now.
            self._show_banner(error_text(exc))
            self.reload(stale=error_text(exc))
            return
        # A RightsError (rights changed since the check) and other known failures
        # wrote nothing: say so, keep the group as it is.
        self._action_failed(exc)

    def _action_failed(self, exc: BaseException) -> None:
        """Known failures (rights, a lead gone, database busy) in words above the grid."""
        self._working = False
        self._update_actions()
        if isinstance(exc, KnownError):
            self._show_banner(error_text(exc))
        else:
            operations.default_failure(self, exc)

    def _ask(self, question: Callable[[], T]) -> T:
        """Ask through a modal dialog, then give the keyboard back to the review.

        Without a window manager (or with one that does not reactivate the
        parent) closing a dialog leaves no active window, and the next key
        press goes nowhere: the keyboard-only flow would stop there.
        """
        focused = QApplication.focusWidget()
        had_focus = focused is None or self.isAncestorOf(focused)
        try:
            return question()
        finally:
            window = self.window()
            if window.isVisible() and not window.isActiveWindow():
                window.activateWindow()
            if had_focus:
                self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def exclude_column(self, index: int) -> None:
        """The lead of column ``index`` is someone else: dismiss its pairs with the others.

        With two or more leads left the comparison goes on with them; otherwise the
        group is done, as after "Not duplicates".
        """
        plan = self.plan
        if plan is None or self._busy or not 0 <= index < len(plan.lead_ids):
            return
        lead_id = plan.lead_ids[index]
        others = [i for i in plan.lead_ids if i != lead_id]
        reason = self._ask(
            lambda: DismissDialog.ask(
                self,
                [plan.cards[i].label for i in plan.lead_ids],
                excluded=plan.cards[lead_id].label,
            )
        )
        if reason is None:
            return
        self._working = True
        self._update_actions()
        context = self._context
        operator_id = context.operator.id
        group = tuple(plan.lead_ids)
        request = self._request

        def write() -> int:
            return sum(
                merge_service.dismiss(context.workspace, [lead_id, other], operator_id, reason)
                for other in others
            )

        def done(_count: int) -> None:
            self._working = False
            self._count("dismissals")
            if request != self._request:
                self._update_actions()
            elif len(others) >= 2:
                self.show_group(others, self._reasons)
            else:
                self._finish_group(self.tr("Marked as not duplicates"))
                self.dismissed.emit(group)

        context.query(self, write, done).failure(self._action_failed).run_in_background()

    def dismiss(self) -> None:
        plan = self.plan
        if plan is None or self._busy:
            return
        labels = [plan.cards[i].label for i in plan.lead_ids]
        reason = self._ask(lambda: DismissDialog.ask(self, labels))
        if reason is None:
            return
        self._working = True
        self._update_actions()
        context = self._context
        lead_ids = tuple(plan.lead_ids)
        operator_id = context.operator.id

        request = self._request

        def done(_count: int) -> None:
            self._working = False
            self._count("dismissals")
            if request == self._request:
                self._finish_group(self.tr("Marked as not duplicates"))
            else:
                self._update_actions()
            self.dismissed.emit(lead_ids)

        context.query(
            self,
            lambda: merge_service.dismiss(context.workspace, lead_ids, operator_id, reason),
            done,
        ).failure(self._action_failed).run_in_background()

    def undo_last(self) -> None:
        """Undo this operator's newest merge, after a confirmation."""
        if self._busy:
            return
        context = self._context
        operator_id = context.operator.id
        context.query(
            self,
            lambda: merge_service.last_undoable_merge(context.workspace, operator_id),
            self._confirm_undo,
        ).failure(self._action_failed).run_in_background()

    def undo_question(self, last: merge_service.UndoableMerge) -> str:
        """Which merge "undo last" undoes, in words the operator recognises it by."""
        primary = f"#{last.primary_label}"
        if last.primary_name:
            primary = f"{primary} ({last.primary_name})"
        when = last.merged_at_local
        # Today's merge by its time alone, an older one with its date.
        time = f"{when:%H:%M}" if when.date() == date.today() else format_time(when)
        return self.tr("Undo the merge of {others} into {primary}, {time}, {who}?").format(
            others=", ".join(f"#{label}" for label in last.other_labels),
            primary=primary,
            time=time,
            who=last.operator_name,
        )

    def _confirm_undo(self, last: merge_service.UndoableMerge | None) -> None:
        if last is None:
            self._show_banner(self.tr("There is no merge of yours to undo."), error=False)
            return
        event_id = last.event_id
        if not self._ask(
            lambda: confirm(
                self,
                self.tr("Undo the last merge"),
                self.undo_question(last),
                info=self.tr("The leads will be restored exactly as they were before the merge."),
                ok_text=self.tr("Undo merge"),
            )
        ):
            return
        self._working = True
        self._update_actions()
        context = self._context
        operator_id = context.operator.id

        def done(result: Any) -> None:
            self._working = False
            self._count("undos")
            self._show_banner(translate_message(result.summary), error=False)
            self._update_actions()
            self.undone.emit(result)

        context.query(
            self,
            lambda: merge_service.undo_event(context.workspace, event_id, operator_id),
            done,
        ).failure(self._action_failed).run_in_background()

    def _count(self, key: str) -> None:
        # Shown at once; then the database's numbers (other windows of the same
        # operator count too) replace the merges, dismissals and undos.
        self.counters[key] += 1
        self.counters_changed.emit(dict(self.counters))
        if key != "skips":
            self.refresh_counters()

    def refresh_counters(self) -> None:
        """Read today's merges, dismissed pairs and undos; skips are this window's."""
        context = self._context
        operator_id = context.operator.id

        def done(today: TodayCounters) -> None:
            self.counters.update(
                merges=today.merges, dismissals=today.dismissals, undos=today.undos
            )
            self.counters_changed.emit(dict(self.counters))

        context.query(
            self, lambda: workspace_today_counters(context.workspace, operator_id), done
        ).failure(
            lambda exc: log.warning("Today's counters unavailable: %s", exc)
        ).run_in_background()


__all__ = ["CompareView", "LoadedGroup", "load_group"]
