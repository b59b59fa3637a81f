"""The comparison grid of one group: renders a ``MergePlan``, one column per lead.

Like Picard's metadata box renders a ``TagDiff``: the plan holds the choices,
the grid only draws them (``show_state``) and says what the operator clicked
(``value_chosen``, ``primary_chosen``, ``exclude_requested``); the view decides
what a click does.  The column right after the field names shows the merged
lead as it will be (``plan.preview()``), row by row beside the leads it comes
from.  One grid per group: the view builds a new one when a group arrives.

The field names and the merged lead never scroll away: when not every lead
fits, the view shows a window of whole lead columns (``show_leads``) and a
scroll bar moves that window, so one layout keeps every row's height shared
by the fixed columns and the leads.  Every cell of a lead's column goes
through ``add_lead_cell`` (a row added later, such as a contact row, too), so
the window hides and shows it with its column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskdup.models import Channel
from deskdup.services.merge_cards import LeadCard, LeadLink
from deskdup.services.merge_plan import (
    BOUND,
    CONTACT,
    LEAD,
    PROPOSED,
    TYPED,
    FieldChoice,
    MergePlan,
)
from deskdup.services.policy import MergePolicy
from deskdup.services.rights import Refusal
from deskdup.views.channel_badges import (
    ChannelChip,
    channel_icon,
    channel_name,
    icon_label,
    icon_pixmap,
)
from deskdup.views.compare.cells import (
    Cell,
    ElidingButton,
    LeadHeader,
    ValueCell,
    fit_column,
    make_secondary,
    muted,
)
from deskdup.views.formatting import (
    EMPTY,
    elide,
    format_time,
    refusal_text,
    status_name,
    translate_message,
)
from deskdup.views.lifetime import delete_later
from deskdup.views.shortcuts import ReviewAction, native_key, shortcut, with_keys

FIELD_COLUMN_WIDTH = 110
LEAD_COLUMN_MIN_WIDTH = 150
RESULT_COLUMN = 1  # the merged lead, right after the field names
# The widest value a column must show on one line: a phone with its icon.
WIDEST_PHONE = "+7 999 999-99-99"
CHAT_PREVIEW_CHARS = 70
TYPABLE = ("title", "last_name", "first_name", "middle_name")  # MergePlan.type_value
COMMENT_PREVIEW_CHARS = 120


def lead_column(index: int) -> int:
    """The grid column of the lead in position ``index`` (0-based)."""
    return RESULT_COLUMN + 1 + index


class CompareGrid(QWidget):
    """Field names, one column per lead and the merged lead, for one plan."""

    value_chosen = Signal(str, int)  # field name, lead id: keep this lead's value
    primary_chosen = Signal(int)  # column index (0-based): make this lead the primary
    exclude_requested = Signal(int)  # column index: this lead is a different customer
    type_requested = Signal(str)  # field name: the operator types the merged value
    conversation_requested = Signal(int)  # column index: show this lead's whole conversation
    bind_requested = Signal()  # "bind to another contact…" in the Contact row

    def __init__(self, plan: MergePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.headers: list[LeadHeader] = []
        self.cells: dict[tuple[str, int], ValueCell] = {}
        self.field_labels: dict[str, Cell] = {}
        self.result_cells: dict[str, QLabel] = {}
        self.result_sources: dict[str, QLabel] = {}
        self.result_sections: dict[str, Cell] = {}
        self.row_groups: list[QButtonGroup] = []
        self.conversation_buttons: list[QToolButton] = []
        # The cells of each lead's column, in column order (for show_leads).
        self.lead_cells: list[list[QWidget]] = [[] for _ in plan.lead_ids]
        self.shown_leads = range(len(plan.lead_ids))  # the lead columns on screen
        self._render(plan)

    # ------------------------------------------------------------------ lead columns

    def add_lead_cell(self, widget: QWidget, row: int, index: int) -> None:
        """Place ``widget`` in the column of the lead in position ``index`` (0-based)."""
        self.layout_.addWidget(widget, row, lead_column(index))
        self.lead_cells[index].append(widget)
        if index not in self.shown_leads:
            widget.hide()

    def show_leads(self, first: int, count: int) -> None:
        """Show the lead columns ``first`` … ``first + count - 1``; hide the others.

        The field names and the merged lead stay where they are.
        """
        total = len(self.lead_cells)
        count = max(1, min(count, total))
        first = max(0, min(first, total - count))
        shown = range(first, first + count)
        if shown == self.shown_leads:
            return
        self.shown_leads = shown
        grid = self.layout_
        minimum = self._lead_column_width()
        for index, cells in enumerate(self.lead_cells):
            visible = index in shown
            column = lead_column(index)
            grid.setColumnMinimumWidth(column, minimum if visible else 0)
            grid.setColumnStretch(column, 1 if visible else 0)
            for cell in cells:
                cell.setVisible(visible)

    def _narrowest(self, column: int) -> int:
        """The width the widest cell of a grid column needs at least."""
        grid, widest = self.layout_, 0
        for item in range(grid.count()):
            _row, at, _rows, _columns = grid.getItemPosition(item)
            widget = grid.itemAt(item).widget()
            if at == column and widget is not None:
                widest = max(widest, widget.minimumSizeHint().width())
        return max(widest, grid.columnMinimumWidth(column))

    def fixed_width(self) -> int:
        """The width of the field names and the merged lead, with the spacing after them."""
        spacing = self.layout_.horizontalSpacing()
        return self._narrowest(0) + self._narrowest(RESULT_COLUMN) + 2 * spacing

    def lead_width(self) -> int:
        """The narrowest a lead column can be, with the spacing after it."""
        widest = max(
            (w.minimumSizeHint().width() for cells in self.lead_cells for w in cells), default=0
        )
        return max(self._lead_column_width(), widest) + self.layout_.horizontalSpacing()

    def leads_that_fit(self, width: int) -> int:
        """How many whole lead columns fit beside the fixed ones in ``width`` pixels."""
        return max(1, (width - self.fixed_width()) // self.lead_width())

    # ------------------------------------------------------------------ rendering

    def _render(self, plan: MergePlan) -> None:
        content = self
        grid = QGridLayout(content)
        self.layout_ = grid
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

        # Row 0: headers.
        corner = Cell("corner")
        grid.addWidget(corner, 0, 0)
        self.primary_group = QButtonGroup(content)
        for index, lead_id in enumerate(plan.lead_ids):
            header = LeadHeader(index, plan.cards[lead_id], contact=plan.entity == CONTACT)
            self.primary_group.addButton(header.radio, index)
            header.radio.clicked.connect(lambda _c=False, i=index: self.primary_chosen.emit(i))
            header.exclude_button.clicked.connect(
                lambda _c=False, i=index: self.exclude_requested.emit(i)
            )
            self.add_lead_cell(header, 0, index)
            self.headers.append(header)
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
            self.field_labels[choice.name] = label
            group = QButtonGroup(content)
            self.row_groups.append(group)
            for index, lead_id in enumerate(plan.lead_ids):
                cell = ValueCell(
                    self._display(choice, lead_id),
                    lambda f=choice.name, i=lead_id: self.value_chosen.emit(f, i),
                    self._channel_of(choice, lead_id),
                    lead_number=index + 1,
                    field=translate_message(choice.label),
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
                self.add_lead_cell(cell, row, index)
                self.cells[(choice.name, lead_id)] = cell
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
            elif choice.name in TYPABLE:
                line = QHBoxLayout()
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(value, 1)
                edit = QToolButton()
                edit.setText("✎")
                edit.setAutoRaise(True)
                edit.setToolTip(self.tr("Type the value of the merged lead"))
                edit.setAccessibleName(self.tr("Type the value of the merged lead"))
                edit.clicked.connect(lambda _=False, n=choice.name: self.type_requested.emit(n))
                line.addWidget(edit)
                result.layout_.addLayout(line)
            elif choice.name == "contact_id":
                result.layout_.addWidget(value)
                result.layout_.addWidget(self._bind_button())
            else:
                result.layout_.addWidget(value)
            if choice.differs or choice.name in TYPABLE:
                # Which lead the surviving value comes from, beside the value itself.
                source = make_secondary(QLabel())
                result.layout_.addWidget(source)
                self.result_sources[choice.name] = source
            grid.addWidget(result, row, result_column)
            self.result_cells[choice.name] = value
            row += 1

        row = self._render_sections(grid, row, plan)
        grid.setRowStretch(row, 1)

    def _bind_button(self) -> QToolButton:
        """The Contact row's way to a contact none of the leads has (the bind dialog)."""
        button = ElidingButton(self.tr("bind to another contact…"))
        button.setToolTip(
            with_keys(self.tr("Find a contact for the merged lead"), ReviewAction.BIND)
        )
        button.clicked.connect(self.bind_requested.emit)
        return button

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
            # A contact's leads (re-pointed to the primary by the merge).
            *([("leads", self.tr("Leads"), self._leads_widget)] if plan.entity == CONTACT else []),
            ("chats", self.tr("Chats"), self._chats_widget),
            ("activity", self.tr("Activities and deals"), self._activity_widget),
            ("comments", self.tr("Comments"), self._comments_widget),
        ]
        for key, title, make in sections:
            self._section_label(grid, row, title)
            for index, lead_id in enumerate(plan.lead_ids):
                cell = Cell("section")
                cell.layout_.addWidget(make(plan.cards[lead_id]))
                if key == "chats" and plan.cards[lead_id].chats and plan.entity == LEAD:
                    cell.layout_.addWidget(self._conversation_button(index))
                cell.layout_.addStretch(1)
                self.add_lead_cell(cell, row, index)
            result = Cell("result")
            result.setProperty("section", True)
            grid.addWidget(result, row, result_column)
            self.result_sections[key] = result
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
            layout.addWidget(muted(self.tr("no phones or messengers")))
        owner = self.tr("lead {number}").format(number=self.plan.lead_ids.index(card.id) + 1)
        for comm in card.communications:
            chip = ChannelChip.for_comm(
                comm.kind, comm.channel, comm.raw, comm.normalized, comm.valid, wrap=True
            )
            chip.set_spoken(owner=owner)  # "lead 2, Phone, +7 951 225-27-09"
            layout.addWidget(chip)
        return box

    def _chats_widget(self, card: LeadCard, chats: Sequence[Any] | None = None) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        chats = card.chats if chats is None else chats
        if not chats:
            layout.addWidget(muted(self.tr("no chats")))
        for chat in chats:
            first = chat.first_message or self.tr("(no text)")
            chip = ChannelChip(
                channel_icon(chat.channel), elide(first, CHAT_PREVIEW_CHARS), wrap=True
            )
            chip.setToolTip(f"{channel_name(chat.channel)}: {first}")
            chip.set_spoken(channel_name(chat.channel), first)
            layout.addWidget(chip)
            meta = muted(
                self.tr("{count} msg. · {time}").format(
                    count=chat.message_count, time=format_time(chat.last_message_at)
                )
            )
            meta.setContentsMargins(21, 0, 0, 0)
            layout.addWidget(meta)
        return box

    def _conversation_button(self, index: int) -> QToolButton:
        button = QToolButton()
        button.setIcon(qta.icon("fa5s.comments"))
        button.setText(self.tr("Whole conversation"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.setToolTip(
            with_keys(self.tr("Read every message of these chats"), ReviewAction.CONVERSATION)
        )
        button.clicked.connect(lambda _=False: self.conversation_requested.emit(index))
        self.conversation_buttons.append(button)
        return button

    def _leads_widget(self, card: LeadCard, leads: Sequence[LeadLink] | None = None) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        leads = card.leads if leads is None else leads
        if not leads:
            layout.addWidget(muted(self.tr("no leads")))
        for lead in leads:
            line = QLabel(f"#{lead.label} {lead.name}".strip() + f" · {status_name(lead.status)}")
            line.setWordWrap(True)
            fit_column(line)
            layout.addWidget(line)
        return box

    def _activity_widget(self, card: LeadCard) -> QWidget:
        return self._counts_label(len(card.activities), len(card.deals))

    def _counts_label(self, activities: int, deals: int) -> QWidget:
        """Two counts behind icons (a task list, a handshake); the words on hover."""
        words = self.tr("activities: {activities} · deals: {deals}").format(
            activities=activities, deals=deals
        )
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(4)
        for icon, count, what in (
            ("fa5s.tasks", activities, self.tr("activities")),
            ("fa5s.handshake", deals, self.tr("deals")),
        ):
            line.addWidget(icon_label(qta.icon(icon, color="#616161"), name=what))
            number = QLabel(str(count))
            if not count:
                make_secondary(number)
            line.addWidget(number)
            line.addSpacing(8)
        line.addStretch(1)
        box.setToolTip(words)
        box.setAccessibleName(words)
        return box

    def _comments_widget(self, card: LeadCard) -> QWidget:
        text = card.comments.strip()
        if not text:
            return muted(EMPTY)
        label = QLabel(elide(text, COMMENT_PREVIEW_CHARS))
        label.setWordWrap(True)
        label.setToolTip(text)
        fit_column(label)
        return label

    # ------------------------------------------------------------------ state -> widgets

    def mark_loose(self, loose: dict[int, tuple[int, float]]) -> None:
        """Mark the leads (or contacts) linked to the rest of the group only
        loosely: id -> (the one of this grid it is likeliest one customer with,
        that probability)."""
        plan = self.plan
        for index, lead_id in enumerate(plan.lead_ids):
            link = loose.get(lead_id)
            text = ""
            if link is not None:
                other, score = link
                if plan.entity == CONTACT:
                    text = self.tr(
                        "Loosely linked: of this group, it is most like contact {number} "
                        "(#{label}), at {score:.2f}. Check that it is the same customer; "
                        "if not, take it out of the group."
                    )
                else:
                    text = self.tr(
                        "Loosely linked: of this group, it is most like lead {number} "
                        "(#{label}), at {score:.2f}. Check that it is the same customer; "
                        "if not, take it out of the group."
                    )
                text = text.format(
                    number=plan.lead_ids.index(other) + 1,
                    label=plan.cards[other].label,
                    score=score,
                )
            self.headers[index].set_loose(text)

    def show_state(
        self, policy: MergePolicy, refusals: Sequence[Refusal], current: str | None
    ) -> None:
        """Show the plan's current primary and choices, the preview and the rights.

        ``current``: the field the keyboard is on (highlighted), if any.
        """
        plan = self.plan
        fate = (
            self.tr("goes to the archive; its data go to the primary")
            if policy.archive_instead_of_delete
            else self.tr("will be deleted; its data go to the primary")
        )
        by_lead: dict[int, list[str]] = {}
        for refusal in refusals:
            by_lead.setdefault(refusal.lead_id, []).append(refusal_text(refusal))
        for index, lead_id in enumerate(plan.lead_ids):
            header = self.headers[index]
            is_primary = lead_id == plan.primary_id
            header.radio.setChecked(is_primary)
            header.set_flag("primary", is_primary)
            header.set_fate(
                self.tr("keeps the chosen values") if is_primary else fate,
                primary=is_primary,
                archive=policy.archive_instead_of_delete,
            )
            header.set_refusals(by_lead.get(lead_id, []))
        for choice in plan.fields:
            for lead_id in plan.lead_ids:
                cell = self.cells[(choice.name, lead_id)]
                cell.set_chosen(lead_id == choice.chosen)
                cell.set_flag("current", choice.name == current)
            self.field_labels[choice.name].set_flag("current", choice.name == current)
            text = self._display(choice, choice.chosen)
            if choice.override is not None:
                text = choice.override
            self.result_cells[choice.name].setText(text or EMPTY)
            source = self.result_sources.get(choice.name)
            if source is not None:
                # Only what comes from another lead than the primary needs naming.
                taken = choice.chosen != plan.primary_id
                label = plan.cards[choice.chosen].label
                if choice.source == TYPED:
                    note = self.tr("typed")
                elif choice.source == BOUND:
                    note = self.tr("found in the contacts; bound by the merge")
                elif choice.source == PROPOSED:
                    note = self.tr("put right, from #{lead}").format(lead=label)
                else:
                    note = self.tr("from #{lead}").format(lead=label) if taken else ""
                source.setText(note)
                source.setVisible(bool(note))
            if choice.name == "source_channel":
                icon = channel_icon(choice.chosen_value)
                self.result_source_icon.setPixmap(icon_pixmap(icon))
                self.result_source_icon.setAccessibleName(channel_name(choice.chosen_value))
        self._render_preview(plan)

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
            cell = self.result_sections[key]
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
            chip.set_spoken(owner=self.tr("after the merge"))
            layout.addWidget(chip)
        if not preview["communications"]:
            layout.addWidget(muted(self.tr("no phones or messengers")))
        fill("channels", comms)
        fill("chats", self._chats_widget(plan.primary, preview["chats"]))
        if "leads" in self.result_sections:
            every = [lead for i in plan.ordered_from_primary() for lead in plan.cards[i].leads]
            fill("leads", self._leads_widget(plan.primary, every))
        fill(
            "activity",
            self._counts_label(len(preview["activities"]), len(preview["deals"])),
        )
        comments = QLabel(elide(preview["comments"], COMMENT_PREVIEW_CHARS * 2) or EMPTY)
        comments.setWordWrap(True)
        comments.setToolTip(preview["comments"])
        fit_column(comments)
        fill("comments", comments)


__all__ = ["CompareGrid", "lead_column"]
