"""Bind a lead to an existing contact: one search field, the contacts it may belong to.

Opened for one lead (the lead list's context menu) or for the group on the
comparison (Ctrl+B, or "bind to another contact…" in its Contact row).  Before
anything is typed it lists the contacts the lead(s) most likely belong to
(``ContactFinder.suggest``: the best matches of their own names, phones,
e-mails and handles); typing searches by contact ID, name in any form, phone,
e-mail or handle (``ContactFinder.find``) on the database worker, only the
latest text counting.  The keyboard stays in the search field: Up/Down move
through the contacts, Enter takes the one selected.

For one lead, Enter binds it (``review.bind_to_contact``, a write the window
hears of through ``ops.executed``); a refusal (rights, a lead changed) is said
in the dialog, which stays open.  For a group, Enter picks the contact for the
merged lead (``picked``: the comparison shows it, the merge binds it in its
own transaction) and Ctrl+Enter picks it and merges at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskdup.models import CommKind
from deskdup.services.contact_picker import ContactCard, ContactFinder, ContactResults
from deskdup.services.errors import KnownError
from deskdup.services.review import ReviewChange, bind_to_contact
from deskdup.views import icons
from deskdup.views.appearance import make_secondary, muted
from deskdup.views.channel_badges import ChannelChip
from deskdup.views.formatting import elide, error_text, translate_message
from deskdup.views.lifetime import delete_later
from deskdup.views.operations import QueryOp

if TYPE_CHECKING:
    from deskdup.views.context import AppContext

SEARCH_DELAY_MS = 80
CHIPS_SHOWN = 6  # channels shown of a contact; the rest as "+N"
CHIPS_PER_LINE = 3
DEALS_SHOWN = 3
NAV_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
ERROR_STYLE = (
    "background: rgba(229, 57, 53, 28); border: 1px solid rgba(229, 57, 53, 120);"
    "border-radius: 4px; padding: 6px;"
)


@dataclass(frozen=True)
class BindTarget:
    """What the dialog binds: one lead, or the merged lead of a group."""

    lead_ids: tuple[int, ...]
    heading: str  # "Lead #L-1 Ермакова Лиза" / "The merged lead of #1, #2"
    version: int | None = None  # the lead version the operator saw (one lead)

    @property
    def is_group(self) -> bool:
        return len(self.lead_ids) > 1


def contact_finder(context: AppContext) -> ContactFinder:
    """The window's contact index (built on the worker at the first search, kept after)."""
    finder = getattr(context, "contact_finder", None)
    if finder is None:
        finder = ContactFinder(context.match_settings())
        context.contact_finder = finder
    return finder


class ContactRow(QWidget):
    """One contact of the list: name and ID, channels, owner, deals, leads, why."""

    def __init__(
        self, card: ContactCard, group: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 5, 6, 5)
        layout.setSpacing(3)
        top = QHBoxLayout()
        name = QLabel(card.name or self.tr("(no name)"))
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        top.addWidget(name)
        top.addWidget(make_secondary(QLabel(f"#{card.label}")))
        top.addStretch(1)
        counts = self.tr("%n lead(s)", "", card.lead_count)
        counts += " · " + self.tr("%n deal(s)", "", len(card.deals))
        top.addWidget(make_secondary(QLabel(counts)))
        layout.addLayout(top)

        chips = QGridLayout()
        chips.setHorizontalSpacing(14)
        chips.setVerticalSpacing(2)
        ordered = sorted(
            card.communications,
            key=lambda c: (c.kind is not CommKind.PHONE, c.kind is not CommKind.EMAIL),
        )
        for index, comm in enumerate(ordered[:CHIPS_SHOWN]):
            chip = ChannelChip.for_comm(
                comm.kind, comm.channel, comm.raw, comm.normalized, comm.valid
            )
            # Whole values, never "+7 …": a phone is read digit by digit.
            label = chip.text_label
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(label.text()) + 4)
            chips.addWidget(chip, index // CHIPS_PER_LINE, index % CHIPS_PER_LINE)
        if len(ordered) > CHIPS_SHOWN:
            more = make_secondary(QLabel(f"+{len(ordered) - CHIPS_SHOWN}"))
            chips.addWidget(more, CHIPS_SHOWN // CHIPS_PER_LINE, CHIPS_SHOWN % CHIPS_PER_LINE)
        if not ordered:
            chips.addWidget(muted(self.tr("no phones, e-mails or messengers")), 0, 0)
        chips.setColumnStretch(CHIPS_PER_LINE, 1)
        layout.addLayout(chips)

        owner = card.owner_name or self.tr("nobody")
        if card.department_name:
            owner = f"{owner} ({card.department_name})"
        details = [self.tr("Responsible: {owner}").format(owner=owner)]
        if card.deals:
            shown = ", ".join(elide(d, 40) for d in card.deals[:DEALS_SHOWN])
            if len(card.deals) > DEALS_SHOWN:
                shown += f", +{len(card.deals) - DEALS_SHOWN}"
            details.append(self.tr("Deals: {deals}").format(deals=shown))
        layout.addWidget(muted(" · ".join(details)))
        why = "; ".join(translate_message(r) for r in card.reasons)
        if card.bound_here:
            bound = (
                self.tr("one of these leads is bound to it already")
                if group
                else self.tr("this lead is bound to it already")
            )
            why = bound + ("; " + why if why else "")
        if why:
            layout.addWidget(muted(why))
        self.refusal: QLabel | None = None
        if card.refusal is not None:
            self.refusal = QLabel(translate_message(card.refusal))
            self.refusal.setWordWrap(True)
            self.refusal.setStyleSheet("color: #c62828;")
            layout.addWidget(self.refusal)


class BindDialog(QDialog):
    """Find a contact and bind to it (see the module doc)."""

    # Group mode: the contact chosen for the merged lead, and whether to merge now.
    picked = Signal(object, bool)  # ContactCard, merge now
    # One-lead mode: the bind was written (ReviewChange whose result is a BindResult).
    bound = Signal(object)
    # A list of contacts arrived (tests and the latency note wait on it).
    results_shown = Signal(object)  # ContactResults

    def __init__(
        self, context: AppContext, target: BindTarget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.target = target
        self.cards: list[ContactCard] = []
        self.last_results: ContactResults | None = None
        self._search_op: QueryOp[ContactResults | None] | None = None
        self._generation = 0
        self._bind_op: QueryOp[ReviewChange] | None = None
        self.setWindowTitle(self.tr("Bind to a contact"))
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_now)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self._search_now()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self.target.heading)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Contact ID, name (any order, initials, typos), phone, e-mail or @handle")
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.action_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.status = make_secondary(QLabel())
        layout.addWidget(self.status)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        # The keyboard stays in the search field; the list follows its arrows.
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemDoubleClicked.connect(lambda _item: self.take_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        layout.addWidget(self.list, 1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox()
        enter = QKeySequence("Return").toString(QKeySequence.SequenceFormat.NativeText)
        if self.target.is_group:
            self.take_button = QPushButton(self.tr("Bind the merged lead"))
            self.take_button.setToolTip(
                self.tr("The merge will bind the merged lead to this contact ({key})").format(
                    key=enter
                )
            )
            ctrl_enter = QKeySequence("Ctrl+Return").toString(
                QKeySequence.SequenceFormat.NativeText
            )
            self.merge_button: QPushButton | None = QPushButton(self.tr("Merge and bind"))
            self.merge_button.setToolTip(
                self.tr("Merge the group now and bind the result to this contact ({key})").format(
                    key=ctrl_enter
                )
            )
            self.merge_button.setAutoDefault(False)
            self.merge_button.clicked.connect(lambda: self.take_selected(merge=True))
            buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
            for key in ("Ctrl+Return", "Ctrl+Enter"):
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setAutoRepeat(False)
                shortcut.activated.connect(lambda: self.take_selected(merge=True))
        else:
            self.take_button = QPushButton(self.tr("Bind"))
            self.take_button.setToolTip(
                self.tr("Bind the lead to this contact ({key})").format(key=enter)
            )
            self.merge_button = None
        self.take_button.setDefault(True)
        self.take_button.clicked.connect(lambda: self.take_selected())
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 560)
        self.search.setFocus()
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in NAV_KEYS and self.list.count():
                self._move(event.key())
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Taken here, not left to the default button: Enter takes the
                # contact selected, Ctrl+Enter (a group) also merges.
                control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
                if not control or self.target.is_group:
                    self.take_selected(merge=control)
                return True
        return super().eventFilter(watched, event)

    def _move(self, key: int) -> None:
        page = 5
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -page,
            Qt.Key.Key_PageDown: page,
        }[Qt.Key(key)]
        row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
        self.list.setCurrentRow(row)
        self.list.scrollToItem(self.list.item(row))

    def _update_buttons(self) -> None:
        has = self.current_card() is not None and self._bind_op is None
        self.take_button.setEnabled(has)
        if self.merge_button is not None:
            self.merge_button.setEnabled(has)

    # ------------------------------------------------------------------ searching

    def _search_now(self) -> None:
        """Ask the worker for the current text's contacts; only the latest answer counts."""
        self._timer.stop()
        if self._search_op is not None:
            self._search_op.drop()
        self._generation += 1
        generation = self._generation
        text = self.search.text().strip()
        context = self._context
        finder = contact_finder(context)
        ws, operator, lead_ids = context.workspace, context.operator, self.target.lead_ids

        def op() -> ContactResults | None:
            if generation != self._generation:  # typed on meanwhile: not wanted
                return None
            if text:  # the suggestions, asked when the dialog opened, refreshed the index
                return finder.find(ws, operator, text, lead_ids, refresh=False)
            return finder.suggest(ws, operator, lead_ids)

        self.status.setText(self.tr("Searching…"))
        search = context.query(self, op, self._show_results)
        search.known_error(self._search_failed)
        self._search_op = search
        search.run_in_background()

    def _search_failed(self, exc: KnownError) -> None:
        self._search_op = None
        self.status.setText(error_text(exc))

    def _show_results(self, results: ContactResults | None) -> None:
        if results is None:
            return
        self._search_op = None
        self.last_results = results
        self.cards = list(results.cards)
        self.list.clear()
        for card in self.cards:
            row = ContactRow(card, self.target.is_group)
            item = QListWidgetItem()
            item.setSizeHint(row.sizeHint())
            self.list.addItem(item)
            self.list.setItemWidget(item, row)
        if self.cards:
            self.list.setCurrentRow(0)
        count = len(self.cards)
        if results.text:
            text = (
                self.tr("%n contact(s) found", "", count)
                if count
                else self.tr("No contact matches “{text}”.").format(text=results.text)
            )
        elif count:
            text = self.tr("Contacts this lead most likely belongs to (type to search):")
        else:
            text = self.tr("No contact looks like this lead; type a contact ID, a name or a phone.")
        self.status.setText(text)
        self.status.setToolTip(
            self.tr("{count} contacts searched in {ms} ms").format(
                count=results.searched, ms=f"{results.elapsed_ms:.1f}"
            )
        )
        self._update_buttons()
        self.results_shown.emit(results)

    # ------------------------------------------------------------------ taking one

    def current_card(self) -> ContactCard | None:
        row = self.list.currentRow()
        return self.cards[row] if 0 <= row < len(self.cards) else None

    def take_selected(self, merge: bool = False) -> None:
        card = self.current_card()
        if card is None or self._bind_op is not None:
            return
        if self.target.is_group:
            if card.refusal is not None:
                self._show_error(translate_message(card.refusal))
                return
            self.picked.emit(card, merge)
            self.accept()
            return
        self._bind(card)

    def _bind(self, card: ContactCard) -> None:
        context = self._context
        lead_id = self.target.lead_ids[0]
        contact_id, version = card.contact_id, self.target.version
        operator_id = context.operator.id
        self._show_error("")
        write = context.write(
            self,
            lambda: bind_to_contact(
                context.workspace,
                lead_id,
                contact_id,
                operator_id,
                version,
                backend=context.backend,
            ),
            self._bound,
        )
        write.known_error(self._refused).finally_(self._bind_ended)
        self._bind_op = write
        self._update_buttons()
        write.run_in_background()

    def _bound(self, change: ReviewChange) -> None:
        self._bind_op = None
        self.bound.emit(change)
        self.accept()

    def _bind_ended(self) -> None:
        if self._bind_op is not None:  # neither bound nor refused: a bug (the crash dialog says)
            self._bind_op = None
            self._update_buttons()

    def _refused(self, exc: KnownError) -> None:
        """Rights, a lead changed or gone: said here; nothing was written."""
        self._bind_op = None
        self._update_buttons()
        self._show_error(error_text(exc))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # ------------------------------------------------------------------ closing

    def done(self, result: int) -> None:
        if self._search_op is not None:
            self._search_op.drop()
            self._search_op = None
        self._timer.stop()
        super().done(result)


class BindDialogHost:
    """Opens one bind dialog at a time and holds it as ``bind_dialog`` while it is
    open (a mixin of the main window, for the lead list, and of the comparison)."""

    bind_dialog: BindDialog | None

    def _open_bind_dialog(self, dialog: BindDialog) -> None:
        dialog.finished.connect(self._bind_dialog_closed)
        self.bind_dialog = dialog
        dialog.open()

    def _bind_dialog_closed(self) -> None:
        if self.bind_dialog is not None:
            delete_later(self.bind_dialog)
        self.bind_dialog = None


def lead_heading(label: str, name: str) -> str:
    text = QCoreApplication.translate("BindDialog", "Lead #{lead}").format(lead=label)
    return f"{text} · {name}" if name else text


def group_heading(labels: Sequence[str]) -> str:
    return QCoreApplication.translate(
        "BindDialog", "The lead merged from {leads} will be bound to the contact you choose"
    ).format(leads=", ".join(f"#{label}" for label in labels))


__all__ = [
    "BindDialog",
    "BindTarget",
    "ContactRow",
    "contact_finder",
    "group_heading",
    "lead_heading",
]
