"""Marking leads "not duplicates", team-wide, and taking the mark back.

Each dismissal is a history event (``DISMISS``) holding the pairs it added
(``records.RowSet``), so the history lists it with who, when and why and
``undo.undo_event`` takes it back like a merge.  ``undo_dismiss`` takes back
the marks between given leads whichever events made them.  Dismissing needs
read and delete (archive) on every lead (``rights.check_dismiss``).

Contacts are marked the same way (``dismiss_contacts``), in a table of their
own (contact ids and lead ids are apart); the contact scan leaves those pairs
out, and the history's undo takes the mark back.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from deskdup.models import ContactDismissal, Dismissal, EventKind, MergeEvent
from deskdup.services.errors import KnownError, RightsError, fail
from deskdup.services.events import record_event
from deskdup.services.merge_plan import MSG_NO_LEAD, PLAN_CONTEXT, load_leads
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.policy import load_policy
from deskdup.services.records import RowSet, active_operator, row_dict, utcnow, write_session
from deskdup.services.rights import check_dismiss, refusals_message
from deskdup.services.workspace import Workspace, tag_session

CONTEXT = "Merge"

MSG_DISMISS_TWO = QT_TRANSLATE_NOOP(
    "Merge", "Marking leads as not duplicates needs at least two different leads"
)
MSG_DISMISSED = QT_TRANSLATE_NOOP("Merge", "Marked {count} pair(s) as not duplicates")
MSG_CONTACTS_DISMISSED = QT_TRANSLATE_NOOP(
    "Merge", "Marked {count} pair(s) of contacts as not duplicates"
)
MSG_UNDISMISSED = QT_TRANSLATE_NOOP("Merge", "Took back {count} not-duplicates mark(s)")
MSG_NOT_DISMISSED = QT_TRANSLATE_NOOP("Merge", "These leads are not marked as not duplicates")
MSG_DISMISS_NOT_YOURS = QT_TRANSLATE_NOOP(
    "Merge",
    "Leads #{a} and #{b} were marked as not duplicates by {author}; only a supervisor may "
    "take back other operators' marks",
)


def pairs_of(lead_ids: Sequence[int]) -> list[tuple[int, int]]:
    ids = sorted(set(lead_ids))
    if len(ids) < 2:
        raise fail(KnownError, Message(CONTEXT, MSG_DISMISS_TWO))
    return list(combinations(ids, 2))


def _dismissals_among(session: Session, pairs: Sequence[tuple[int, int]]) -> list[Dismissal]:
    """The dismissals of ``pairs``: both ends among the pairs' leads, matched here.

    One OR of (a AND b) per pair made "Expression tree is too large" on SQLite
    from 46 leads on (1,035 pairs); two IN lists stay small.
    """
    wanted = set(pairs)
    ids = sorted({i for pair in pairs for i in pair})
    rows = session.scalars(
        select(Dismissal).where(Dismissal.lead_a_id.in_(ids), Dismissal.lead_b_id.in_(ids))
    )
    return [d for d in rows if (d.lead_a_id, d.lead_b_id) in wanted]


def dismiss(ws: Workspace, lead_ids: Sequence[int], operator_id: int, reason: str = "") -> int:
    """Mark every pair of ``lead_ids`` "not duplicates", team-wide.

    Pairs are stored with the smaller id first; a pair already dismissed (by
    anyone) is left as it is, so repeating is harmless.  Needs read and delete
    (archive) on every lead (``RightsError``, nothing written).  Writes one
    ``DISMISS`` event when there are new pairs.  Returns the number of new pairs.
    """
    pairs = pairs_of(lead_ids)
    ids = sorted({i for pair in pairs for i in pair})

    def write(session, operator) -> int:
        found = {lead.id for lead in load_leads(session, ids)}
        missing = [i for i in ids if i not in found]
        if missing:
            raise fail(KnownError, Message(PLAN_CONTEXT, MSG_NO_LEAD, {"lead": missing[0]}))
        _check(session, operator, ids)
        existing = {(d.lead_a_id, d.lead_b_id) for d in _dismissals_among(session, pairs)}
        new = [p for p in pairs if p not in existing]
        _mark(session, operator.id, new, ids, reason, contacts=False)
        return len(new)

    return _writing(ws, operator_id, write)


def dismiss_contacts(
    ws: Workspace, contact_ids: Sequence[int], operator_id: int, reason: str = ""
) -> int:
    """``dismiss`` for contacts: every pair of ``contact_ids`` is "not duplicates".

    Needs read and delete (archive) on every contact (``RightsError``, nothing
    written); a contact merged or archived since is refused in words.  Writes
    one ``DISMISS`` event of contacts when there are new pairs; returns how many.
    """
    # Here, not above: contact_merge imports merge, which imports this module.
    from deskdup.services.contact_merge import build_contact_plan

    pairs = pairs_of(contact_ids)
    ids = sorted({i for pair in pairs for i in pair})

    def write(session, operator) -> int:
        _check(session, operator, build_contact_plan(session, ids))  # refuses a contact gone
        existing = {
            (d.contact_a_id, d.contact_b_id)
            for d in session.scalars(
                select(ContactDismissal).where(
                    ContactDismissal.contact_a_id.in_(ids),
                    ContactDismissal.contact_b_id.in_(ids),
                )
            )
        }
        new = [p for p in pairs if p not in existing]
        _mark(session, operator.id, new, ids, reason, contacts=True)
        return len(new)

    return _writing(ws, operator_id, write)


def _writing(ws: Workspace, operator_id: int, write) -> int:
    """``write(session, operator)`` in one write transaction as ``operator_id``;
    its count.  Someone dismissing one of the pairs at the same moment makes
    the insert clash: counted again once."""
    for attempt in range(2):
        try:
            with write_session(ws) as session:
                operator = active_operator(session, operator_id)
                tag_session(session, operator.login)
                return write(session, operator)
        except IntegrityError:
            if attempt:
                raise
    return 0


def _check(session, operator, subject) -> None:
    """``RightsError`` unless ``operator`` may dismiss ``subject`` (ids or a contact plan)."""
    refusals = check_dismiss(session, operator, subject, load_policy(session))
    if refusals:
        raise fail(RightsError, refusals_message(refusals), refusals=refusals)


def _mark(
    session,
    operator_id: int,
    new: list[tuple[int, int]],
    ids: list[int],
    reason: str,
    *,
    contacts: bool,
) -> None:
    """Write the new "not duplicates" pairs (of leads or of contacts) and one
    ``DISMISS`` event holding them, when there are any."""
    if not new:
        return
    now = utcnow()
    reason = reason.strip()
    if contacts:
        rows = [
            ContactDismissal(contact_a_id=a, contact_b_id=b, operator_id=operator_id,
                             created_at=now, reason=reason)
            for a, b in new
        ]  # fmt: skip
        table, message, choices = (
            "contact_dismissals",
            MSG_CONTACTS_DISMISSED,
            {"entity": "contact"},
        )
    else:
        rows = [
            Dismissal(lead_a_id=a, lead_b_id=b, operator_id=operator_id, created_at=now,
                      reason=reason)
            for a, b in new
        ]  # fmt: skip
        table, message, choices = "dismissals", MSG_DISMISSED, {}
    session.add_all(rows)
    session.flush()
    left = RowSet()
    left.add(table, rows)
    record_event(
        session,
        kind=EventKind.DISMISS,
        operator_id=operator_id,
        created_at=now,
        primary_id=ids[0],
        other_ids=ids[1:],
        choices={"reason": reason, **choices},
        snapshot={"pairs": [list(p) for p in new], "after": left.to_json()},
        summary=str(Message(CONTEXT, message, {"count": len(rows)})),
        of_contacts=contacts,
    )


def contact_dismissals(conn) -> set[tuple[int, int]]:
    """Every pair of contacts marked "not duplicates" (for the contact scan)."""
    rows = conn.execute(select(ContactDismissal.contact_a_id, ContactDismissal.contact_b_id))
    return {(a, b) for a, b in rows}


def undo_dismiss(ws: Workspace, lead_ids: Sequence[int], operator_id: int) -> int:
    """Take back the "not duplicates" marks between ``lead_ids``; the number removed.

    The author of a mark or a supervisor may take it back (``RightsError``
    otherwise, nothing removed).  Writes an ``UNDO`` event holding the removed
    marks; when they are exactly what one ``DISMISS`` event added, that event
    is marked undone.
    """
    pairs = pairs_of(lead_ids)
    with write_session(ws) as session:
        operator = active_operator(session, operator_id)
        rows = _dismissals_among(session, pairs)
        if not rows:
            raise fail(KnownError, Message(CONTEXT, MSG_NOT_DISMISSED))
        for row in rows:
            if not operator.can_undo and row.operator_id != operator.id:
                author = row.operator.full_name if row.operator else str(row.operator_id)
                params = {"a": row.lead_a_id, "b": row.lead_b_id, "author": author}
                raise fail(RightsError, Message(CONTEXT, MSG_DISMISS_NOT_YOURS, params))
        removed = {str(r.id) for r in rows}
        whole = _the_event_of(session, removed)
        snapshot = {"dismissals": [row_dict(r) for r in rows]}
        for row in rows:
            session.delete(row)
        session.flush()
        ids = sorted({i for r in rows for i in (r.lead_a_id, r.lead_b_id)})
        undo = record_event(
            session,
            kind=EventKind.UNDO,
            operator_id=operator.id,
            primary_id=ids[0],
            other_ids=ids[1:],
            choices={"undone_kind": EventKind.DISMISS.value},
            snapshot=snapshot,
            summary=str(Message(CONTEXT, MSG_UNDISMISSED, {"count": len(rows)})),
            undo_of_id=whole.id if whole is not None else None,
        )
        if whole is not None:
            whole.undone_by_id = undo.id
        session.flush()
        return len(rows)


def _the_event_of(session, dismissal_keys: set[str]) -> MergeEvent | None:
    """The one not-undone DISMISS event that added exactly these marks, if there is one."""
    candidates = session.scalars(
        select(MergeEvent)
        .where(MergeEvent.kind == EventKind.DISMISS, MergeEvent.undone_by_id.is_(None))
        .order_by(MergeEvent.id.desc())
        .limit(200)
    )
    for event in candidates:
        rows = ((event.snapshot or {}).get("after") or {}).get("rows", {}).get("dismissals", {})
        if set(rows) == dismissal_keys:
            return event
    return None
