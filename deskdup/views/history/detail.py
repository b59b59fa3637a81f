"""The detail of one history event: who, when, the records before and after field
by field, what the operator chose, what moved, and whether undo is possible now.

Rendered as rich text in a read-only browser (selectable, copyable, read by
screen readers); the data is ``services/history_detail.EventDetail``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from deskdup.models import EventKind
from deskdup.services.history_detail import EventDetail, display_value
from deskdup.services.history_export import local_time
from deskdup.services.merge_plan import FIELDS
from deskdup.services.messages import QT_TRANSLATE_NOOP
from deskdup.views.channel_badges import channel_name
from deskdup.views.formatting import translate_message
from deskdup.views.history.model import kind_text, reasons_text

EXTRA_FIELDS = {
    "comments": QT_TRANSLATE_NOOP("EventDetail", "Comments"),
    "archived": QT_TRANSLATE_NOOP("EventDetail", "Archived"),
    "merged_into_id": QT_TRANSLATE_NOOP("EventDetail", "Merged into"),
}
TABLE_WORDS = {
    "communications": QT_TRANSLATE_NOOP("EventDetail", "Contact details"),
    "chats": QT_TRANSLATE_NOOP("EventDetail", "Chats"),
    "activities": QT_TRANSLATE_NOOP("EventDetail", "Activities"),
    "deals": QT_TRANSLATE_NOOP("EventDetail", "Deals"),
}
SETTING_WORDS = {
    "archive_instead_of_delete": QT_TRANSLATE_NOOP("EventDetail", "Archive merged leads"),
    # Events before the learned model: a score of the hand-set weights.
    "review_threshold": QT_TRANSLATE_NOOP("EventDetail", "Review threshold (hand-set weights)"),
    "likely_threshold": QT_TRANSLATE_NOOP("EventDetail", "Likely duplicates from (probability)"),
    "likely_precision": QT_TRANSLATE_NOOP(
        "EventDetail", "Likely duplicates: expected precision (— : by probability)"
    ),
    "possible_threshold": QT_TRANSLATE_NOOP(
        "EventDetail", "Possible duplicates from (probability)"
    ),
    "burst_minutes": QT_TRANSLATE_NOOP("EventDetail", "Burst window, minutes"),
    "weights": QT_TRANSLATE_NOOP("EventDetail", "Evidence weights changed"),
}

# The words of the detail, marked here for lupdate (``_tr`` translates them).
_WORDS = (
    QT_TRANSLATE_NOOP("EventDetail", "(by hand)"),
    QT_TRANSLATE_NOOP("EventDetail", "After"),
    QT_TRANSLATE_NOOP("EventDetail", "Before"),
    QT_TRANSLATE_NOOP("EventDetail", "Chosen"),
    QT_TRANSLATE_NOOP("EventDetail", "Event detail"),
    QT_TRANSLATE_NOOP("EventDetail", "History event {id}"),
    QT_TRANSLATE_NOOP("EventDetail", "Marked as not duplicates"),
    QT_TRANSLATE_NOOP("EventDetail", "Records before and after"),
    QT_TRANSLATE_NOOP("EventDetail", "Team settings"),
    QT_TRANSLATE_NOOP("EventDetail", "Undo"),
    QT_TRANSLATE_NOOP("EventDetail", "Undoes event {id}"),
    QT_TRANSLATE_NOOP("EventDetail", "Undone by event {id}"),
    QT_TRANSLATE_NOOP("EventDetail", "What moved"),
    QT_TRANSLATE_NOOP("EventDetail", "Why"),
    QT_TRANSLATE_NOOP("EventDetail", "no"),
    QT_TRANSLATE_NOOP("EventDetail", "yes"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("EventDetail", text)


def _field_label(name: str) -> str:
    for key, label in FIELDS:
        if key == name:
            return QCoreApplication.translate("MergeField", label)
    return _tr(EXTRA_FIELDS.get(name, name))


def _value(detail: EventDetail, name: str, value: Any) -> str:
    if name == "source_channel" and value:
        return channel_name(value)
    if name == "archived":
        return _tr("yes") if value else _tr("no")
    text = display_value(detail, name, value)
    return text if len(text) <= 300 else text[:299] + "…"


def detail_html(detail: EventDetail) -> str:
    """The event as rich text, in the operator's language."""
    row = detail.row
    out: list[str] = []
    when = local_time(row.at).strftime("%Y-%m-%d %H:%M:%S")
    out.append(f"<h3>{escape(kind_text(row))} · {escape(when)}</h3>")
    who = QCoreApplication.translate(
        "EventDetail", "Operator: {name} ({login}, {department})"
    ).format(name=row.operator_name, login=row.operator_login, department=row.department or "—")
    out.append(f"<p>{escape(who)}<br>{escape(_tr('History event {id}').format(id=row.id))}")
    if row.undone_by_id:
        out.append("<br><b>" + escape(_tr("Undone by event {id}").format(id=row.undone_by_id)))
        out.append("</b>")
    if row.undo_of_id:
        out.append("<br>" + escape(_tr("Undoes event {id}").format(id=row.undo_of_id)))
    out.append("</p>")
    why = reasons_text(row)
    if why:
        out.append(f"<p><b>{escape(_tr('Why'))}:</b> {escape(why)}</p>")

    if detail.fields:
        labels = [label for label, _ in detail.fields[0].before]
        head = "".join(f"<th>#{escape(label)}</th>" for label in labels)
        after_title = _tr("After")
        out.append(f"<h4>{escape(_tr('Records before and after'))}</h4>")
        out.append(
            "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<tr><th></th>{head}<th>{escape(after_title)}</th><th>{escape(_tr('Chosen'))}</th></tr>"
        )
        for f in detail.fields:
            cells = "".join(f"<td>{escape(_value(detail, f.name, v))}</td>" for _, v in f.before)
            after = escape(_value(detail, f.name, f.after))
            changed = f.before and f.before[0][1] != f.after
            after_cell = f"<td><b>{after}</b></td>" if changed else f"<td>{after}</td>"
            chosen = f"#{escape(f.chosen_label)}" if f.chosen_label else ""
            if f.explicit:
                chosen += " " + escape(_tr("(by hand)"))
            out.append(
                f"<tr><td>{escape(_field_label(f.name))}</td>{cells}{after_cell}"
                f"<td>{chosen}</td></tr>"
            )
        out.append("</table>")

    if detail.moved:
        out.append(f"<h4>{escape(_tr('What moved'))}</h4><ul>")
        for m in detail.moved:
            what = _tr(TABLE_WORDS.get(m.table, m.table))
            text = m.text if len(m.text) <= 120 else m.text[:119] + "…"
            if m.to_label:
                line = QCoreApplication.translate(
                    "EventDetail", "{what}: {text} — from #{source} to #{target}"
                ).format(what=what, text=text, source=m.from_label, target=m.to_label)
            else:
                line = QCoreApplication.translate(
                    "EventDetail", "{what}: {text} — from #{source}, dropped as a duplicate"
                ).format(what=what, text=text, source=m.from_label)
            out.append(f"<li>{escape(line)}</li>")
        out.append("</ul>")

    if detail.pairs:
        out.append(f"<h4>{escape(_tr('Marked as not duplicates'))}</h4><ul>")
        for a, b in detail.pairs:
            out.append(f"<li>#{escape(a)} ≠ #{escape(b)}</li>")
        out.append("</ul>")

    if row.kind is EventKind.TEAM_SETTINGS:
        out.append(f"<h4>{escape(_tr('Team settings'))}</h4><table cellpadding='3'>")
        out.append(
            f"<tr><th></th><th>{escape(_tr('Before'))}</th><th>{escape(_tr('After'))}</th></tr>"
        )
        for key, word in SETTING_WORDS.items():
            before, after = detail.settings_before.get(key), detail.settings_after.get(key)
            if before == after:
                continue
            out.append(
                f"<tr><td>{escape(_tr(word))}</td><td>{escape(_setting(before))}</td>"
                f"<td>{escape(_setting(after))}</td></tr>"
            )
        out.append("</table>")

    preview = detail.preview
    if preview is not None and row.kind is not EventKind.UNDO:
        out.append(f"<h4>{escape(_tr('Undo'))}</h4><p>")
        if preview.reason is not None:
            out.append(escape(translate_message(preview.reason)))
        elif preview.allowed is not None:
            out.append(escape(translate_message(preview.allowed)))
        elif preview.conflicts:
            out.append(
                escape(
                    QCoreApplication.translate(
                        "EventDetail", "Cannot be undone now; changed since:"
                    )
                )
                + "</p><ul>"
            )
            out.extend(
                f"<li>{escape(translate_message(c.message))}</li>" for c in preview.conflicts[:20]
            )
            out.append("</ul><p>")
        else:
            out.append(
                escape(
                    QCoreApplication.translate(
                        "EventDetail", "Can be undone: nothing of it changed since (Ctrl+U)."
                    )
                )
            )
        out.append("</p>")
    return "".join(out)


class EventDetailView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: EventDetail | None = None
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(_tr("Event detail"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.show_detail(None)

    def show_detail(self, detail: EventDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.browser.setHtml(
                "<p>"
                + escape(
                    QCoreApplication.translate(
                        "EventDetail", "Choose an event to see what it changed."
                    )
                )
                + "</p>"
            )
        else:
            self.browser.setHtml(detail_html(detail))


def _setting(value: object) -> str:
    return "—" if value is None else str(value)
