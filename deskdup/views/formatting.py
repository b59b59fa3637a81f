"""How the window writes what services hand it: messages, times, statuses, long text.

One place for these words and formats, used by the comparison view, the review
queue and the lead list alike.  No widgets here (those are in
``views/compare/cells.py``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from deskdup.services.messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from deskdup.services.merge import UndoableMerge
    from deskdup.services.rights import Refusal

EMPTY = "—"


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
        # %Y is not zero-padded for years before 1000 on every platform ("1-01-01").
        return f"{value:%m-%d %H:%M}" if this_year else f"{value.year:04d}-{value:%m-%d %H:%M}"
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    # Another year is written in full: "12/31/99" could be 1999 or 9999.
    pattern = _without_year(pattern) if this_year else re.sub(r"(?<!y)yy(?!y)", "yyyy", pattern)
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


def undo_question(last: UndoableMerge) -> str:
    """Which merge "undo last" undoes, in words the operator recognises it by."""
    primary = f"#{last.primary_label}"
    if last.primary_name:
        primary = f"{primary} ({last.primary_name})"
    when = last.merged_at_local
    # Today's merge by its time alone, an older one with its date.
    time = f"{when:%H:%M}" if when.date() == date.today() else format_time(when)
    if last.is_bind:
        contact = f"#{last.contact_label}"
        if last.contact_name:
            contact = f"{contact} ({last.contact_name})"
        return QCoreApplication.translate(
            "CompareView", "Undo binding lead {lead} to contact {contact}, {time}, {who}?"
        ).format(lead=primary, contact=contact, time=time, who=last.operator_name)
    return QCoreApplication.translate(
        "CompareView", "Undo the merge of {others} into {primary}, {time}, {who}?"
    ).format(
        others=", ".join(f"#{label}" for label in last.other_labels),
        primary=primary,
        time=time,
        who=last.operator_name,
    )


__all__ = [
    "EMPTY",
    "elide",
    "error_text",
    "format_time",
    "refusal_text",
    "status_name",
    "translate_message",
    "undo_question",
]
