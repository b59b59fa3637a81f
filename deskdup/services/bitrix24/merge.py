"""A merge written to the portal: a journaled sequence that is resumed, never repeated.

``crm.entity.mergeBatch`` keeps the first ID and refuses with ``CONFLICT``
while the leads hold different values of a field, so the merge goes:

1. read the group from the portal (one batch: ``crm.lead.get`` of each lead
   and its open-line chats); a lead changed in the portal since the pull is
   refreshed in the workspace and the merge stops ("changed, reloaded");
2. journal the target (the operator's chosen values, the united comments,
   every phone / e-mail / messenger / site of the group) and the records as
   they were, and commit;
3. make the group agree (one batch of ``crm.lead.update``: the chosen values
   on every lead, the missing multi-field entries added to the primary, each
   with its ``VALUE_TYPE``);
4. ``crm.entity.mergeBatch`` with the primary first (journaled as sent
   before it goes);
5. read the primary back and check every phone, e-mail, messenger and chat
   of the group is on it (anything missing is added again, then checked);
6. the workspace follows: the primary refreshed, the others archived and
   linked to it, a history event; the journal entry is done.

Each step is computed from the portal's current state, so running it again
changes nothing that is already right: that is what makes resuming safe.  A
merge whose answer was lost is found out on the next start by looking at the
portal: the other leads gone means the portal applied it (go on at step 5);
still there means it did not (send it again).  ``CONFLICT``, ``ERROR`` or a
refused right put back what step 3 changed and are told in words; nothing
is lost.  Requests per merge: four.

What is asked of the portal at each step (the group read, the updates that
make it agree, putting them back, the fields still differing) is in
``merge_portal.py``; this module keeps the journal, the steps' order and the
workspace's side.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from deskdup.models import Lead, Operator, PortalJournal
from deskdup.models.tables import EventKind
from deskdup.services.bitrix24.client import Bitrix24Client, ConnectionLost, PortalError
from deskdup.services.bitrix24.merge_portal import (
    agree_commands,
    differing,
    entry_key,
    merge_url,
    read_group,
    rollback,
    run_updates,
)
from deskdup.services.bitrix24.records import portal_datetime, write_leads
from deskdup.services.bitrix24.vocabulary import MULTI_FIELDS
from deskdup.services.bitrix24.webhook import CONTEXT
from deskdup.services.errors import KnownError, RightsError, StaleError, fail
from deskdup.services.events import record_event
from deskdup.services.merge import (
    MERGE_NOTE,
    MergeResult,
    _merge_note,
    _operator,
    check_plan_still_holds,
    move_records,
    row_dict,
    utcnow,
)
from deskdup.services.merge_plan import (
    MergePlan,
    load_leads,
    merged_comments,
    unite,
)
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.policy import MergePolicy
from deskdup.services.workspace import Workspace

log = logging.getLogger(__name__)

# deskdup's single-value fields as the portal names them.
PORTAL_FIELDS = {
    "title": "TITLE",
    "first_name": "NAME",
    "last_name": "LAST_NAME",
    "middle_name": "SECOND_NAME",
    "status": "STATUS_ID",
    "source_channel": "SOURCE_ID",
    "assigned_id": "ASSIGNED_BY_ID",
    "contact_id": "CONTACT_ID",
}
MSG_MERGED = QT_TRANSLATE_NOOP("Merge", "Merged {count} leads into #{primary} in the portal")
MSG_CHANGED_IN_PORTAL = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "Lead #{lead} was changed in the portal at {time} (after deskdup last read it); nothing "
    "was merged; the view has been reloaded",
)
MSG_GONE_IN_PORTAL = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "Lead #{lead} no longer exists in the portal (deleted or merged there); nothing was "
    "merged; it has left the queue",
)
MSG_CONFLICT = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The portal refused to merge #{leads}: the leads still differ in {fields}, which deskdup "
    "does not show (CONFLICT). Nothing was merged and the leads are as they were; merge them "
    "in the portal: {url}",
)
MSG_ERROR = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The portal could not merge #{leads} (ERROR). Nothing was merged and the leads are as "
    "they were; try again or merge them in the portal: {url}",
)
MSG_REFUSED = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The portal refused the merge of #{leads}: {reason} Nothing was merged and the leads are "
    "as they were.",
)
MSG_PENDING = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "{reason} The merge of #{leads} is in the journal and will be finished on the next start "
    "(deskdup sync, or opening the workspace); it will not be applied twice.",
)
MSG_MISSING = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The merge into #{primary} was applied, but the portal's lead lacks {missing}; the "
    "journal keeps them (entry {entry}): add them in the portal.",
)
MSG_HALF_GONE = QT_TRANSLATE_NOOP(
    "Bitrix24",
    "The merge of #{leads} was interrupted and meanwhile some of the leads were deleted in "
    "the portal by someone else; deskdup did not send it again. What the leads held is in "
    "the journal (entry {entry}).",
)
MSG_RESUMED = QT_TRANSLATE_NOOP("Bitrix24", "Finished the interrupted merge into #{primary}.")
NOTHING = QT_TRANSLATE_NOOP("Bitrix24", "a field")


# --------------------------------------------------------------------------- planning


def start_merge(
    ws: Workspace,
    client: Bitrix24Client,
    plan: MergePlan,
    operator_id: int,
    *,
    region: str = "RU",
    with_chats: bool = True,
) -> MergeResult:
    """Check, journal and run the merge of ``plan`` in the portal (see the module doc)."""
    # The portal deletes the other leads; deskdup's own check asks for that right.
    policy = MergePolicy(archive_instead_of_delete=False)
    with ws.session() as session:
        operator = _operator(session, operator_id)
        leads = {lead.id: lead for lead in load_leads(session, plan.lead_ids)}
        cards = check_plan_still_holds(session, operator, plan, leads, policy)
        ext = {lead_id: leads[lead_id].external_id or "" for lead_id in plan.lead_ids}
        operator_name = operator.full_name
    order = [ext[plan.primary_id], *(ext[i] for i in plan.other_ids)]
    requests_before = client.requests
    records, chats = read_group(client, order, with_chats)
    _check_portal_state(ws, client, plan, leads, records, region)

    before = {i: records[i] for i in order}
    fields: dict[str, Any] = {}
    for choice in plan.fields:
        source = ext[choice.chosen]
        portal_field = PORTAL_FIELDS[choice.name]
        if choice.override is not None:  # a name put right or typed: no lead has it as such
            fields[portal_field] = choice.override
        else:
            fields[portal_field] = (before[source] or {}).get(portal_field)
    now = utcnow()
    text = merged_comments(unite([cards[i] for i in plan.ordered_from_primary()]).comments, cards)
    note = _merge_note([cards[i] for i in plan.other_ids], now, operator_name)
    fields["COMMENTS"] = f"{text}\n\n{note}" if text else note
    multi: dict[str, list[list[str]]] = {t: [] for t in MULTI_FIELDS}
    seen: set[tuple[str, str]] = set()
    for lead_ext in order:
        for type_id in MULTI_FIELDS:
            for entry in (before[lead_ext] or {}).get(type_id) or []:
                key = entry_key(type_id, entry, region)
                if key in seen or not str(entry.get("VALUE") or "").strip():
                    continue
                seen.add(key)
                multi[type_id].append([str(entry["VALUE"]), str(entry.get("VALUE_TYPE") or "")])
    target = {
        "order": order,
        "fields": fields,
        "multi": multi,
        "chats": sorted({c for ids in (chats or {}).values() for c in ids}),
        "choices": plan.choices_for_history(),
        "lead_ids": {e: i for i, e in ext.items()},
        "region": region,
    }
    with ws.session() as session:
        entry = PortalJournal(
            kind="merge",
            operator_id=operator_id,
            created_at=now,
            updated_at=now,
            primary_external_id=order[0],
            other_external_ids=order[1:],
            target=target,
            before={"leads": before, "chats": chats or {}},
            step="planned",
            state="open",
            requests=client.requests - requests_before,
        )
        session.add(entry)
        session.flush()
        entry_id = entry.id
    return advance(ws, client, entry_id, records=records)


def _check_portal_state(
    ws: Workspace,
    client: Bitrix24Client,
    plan: MergePlan,
    leads: dict[int, Lead],
    records: dict[str, dict[str, Any] | None],
    region: str,
) -> None:
    """Stop (and refresh the workspace) when the portal moved on since the pull."""
    for lead_id in plan.lead_ids:
        lead = leads[lead_id]
        record = records.get(lead.external_id or "")
        if record is None:
            with ws.session() as session:
                found = session.get(Lead, lead_id)
                if found is not None:
                    found.archived = True
            message = Message(CONTEXT, MSG_GONE_IN_PORTAL, {"lead": lead.external_id})
            raise fail(StaleError, message, lead_id=lead_id)
        modified = portal_datetime(record.get("DATE_MODIFY"))
        if modified is not None and modified > lead.updated_at:
            changed = [r for r in records.values() if r is not None]
            with ws.session() as session:
                write_leads(session, changed, {}, region)
            params = {"lead": lead.external_id, "time": f"{modified:%H:%M} UTC"}
            raise fail(StaleError, Message(CONTEXT, MSG_CHANGED_IN_PORTAL, params), lead_id=lead_id)


# --------------------------------------------------------------------------- steps


def _save(ws: Workspace, entry_id: int, **changes: Any) -> None:
    with ws.session() as session:
        entry = session.get(PortalJournal, entry_id)
        assert entry is not None
        for key, value in changes.items():
            setattr(entry, key, value)
        entry.updated_at = utcnow()


def _fail(ws: Workspace, entry_id: int, message: Message, cls: type[KnownError] = KnownError):
    _save(ws, entry_id, state="failed", message=str(message))
    return fail(cls, message, entry_id=entry_id)


def advance(
    ws: Workspace,
    client: Bitrix24Client,
    entry_id: int,
    *,
    records: dict[str, dict[str, Any] | None] | None = None,
) -> MergeResult:
    """Take journal entry ``entry_id`` as far as it goes (see the module doc).

    ``records``: the group just read from the portal (on the first run); a
    resumed entry reads it again.
    """
    with ws.session() as session:
        entry = session.get(PortalJournal, entry_id)
        assert entry is not None
        session.expunge(entry)
    target = entry.target
    order: list[str] = target["order"]
    portal = client.webhook.portal
    leads_label = ", #".join(order)
    requests_before = client.requests
    try:
        if records is None:
            records, _ = read_group(client, order, with_chats=False)
        others_left = [i for i in order[1:] if records.get(i) is not None]
        step = entry.step
        if step == "merge_sent" and not others_left and records.get(order[0]) is not None:
            step = "merged"  # the portal applied it; only its answer was lost
        elif step == "merge_sent" and 0 < len(others_left) < len(order) - 1:
            message = Message(CONTEXT, MSG_HALF_GONE, {"leads": leads_label, "entry": entry_id})
            raise _fail(ws, entry_id, message)
        if step in ("planned", "agreed", "merge_sent"):
            if records.get(order[0]) is None or len(others_left) < len(order) - 1:
                message = Message(CONTEXT, MSG_HALF_GONE, {"leads": leads_label, "entry": entry_id})
                raise _fail(ws, entry_id, message)
            try:
                run_updates(client, agree_commands(target, records))
            except PortalError as exc:
                rollback(client, entry)
                reason = exc.message if hasattr(exc, "message") else str(exc)
                message = Message(CONTEXT, MSG_REFUSED, {"leads": leads_label, "reason": reason})
                raise _fail(ws, entry_id, message, RightsError) from None
            _save(ws, entry_id, step="merge_sent")
            try:
                answer = client.call(
                    "crm.entity.mergeBatch",
                    {"params": {"entityTypeId": 1, "entityIds": [int(i) for i in order]}},
                    write=True,
                )
            except PortalError as exc:
                rollback(client, entry)
                reason = exc.message if hasattr(exc, "message") else str(exc)
                message = Message(CONTEXT, MSG_REFUSED, {"leads": leads_label, "reason": reason})
                raise _fail(ws, entry_id, message, RightsError) from None
            status = str((answer or {}).get("STATUS") or "ERROR").upper()
            if status != "SUCCESS":
                now_records, _ = read_group(client, order, with_chats=False)
                rollback(client, entry)
                url = merge_url(portal, order)
                if status == "CONFLICT":
                    fields = ", ".join(differing(now_records, order)) or Message(CONTEXT, NOTHING)
                    params = {"leads": leads_label, "fields": fields, "url": url}
                    message = Message(CONTEXT, MSG_CONFLICT, params)
                else:
                    message = Message(CONTEXT, MSG_ERROR, {"leads": leads_label, "url": url})
                raise _fail(ws, entry_id, message)
            _save(ws, entry_id, step="merged")
        return _finish(ws, client, entry, requests_before)
    except ConnectionLost as exc:
        reason = exc.message if hasattr(exc, "message") else str(exc)
        message = Message(CONTEXT, MSG_PENDING, {"reason": reason, "leads": leads_label})
        raise fail(KnownError, message, entry_id=entry_id) from None
    finally:
        with ws.session() as session:
            found = session.get(PortalJournal, entry_id)
            if found is not None:
                found.requests = (found.requests or 0) + client.requests - requests_before


def _finish(
    ws: Workspace, client: Bitrix24Client, entry: PortalJournal, requests_before: int
) -> MergeResult:
    """Read the primary back, make sure the group's communications are on it, then the workspace."""
    target = entry.target
    region = target.get("region", "RU")
    order = target["order"]
    primary_ext = order[0]
    with_chats = bool(target.get("chats"))
    record, chats = read_group(client, [primary_ext], with_chats)
    missing_cmd = agree_commands({**target, "order": [primary_ext]}, record)
    if missing_cmd:
        # The portal dropped an entry on the way: add it again, then look once more.
        run_updates(client, missing_cmd)
        record, chats = read_group(client, [primary_ext], with_chats)
    missing: list[str] = []
    rec = record.get(primary_ext) or {}
    have = {entry_key(t, e, region) for t in MULTI_FIELDS for e in rec.get(t) or []}
    for type_id, entries in target["multi"].items():
        for value, value_type in entries:
            if entry_key(type_id, {"VALUE": value, "VALUE_TYPE": value_type}, region) not in have:
                missing.append(value)
    if chats is not None:
        on_primary = set(chats.get(primary_ext, []))
        missing.extend(f"chat {c}" for c in target.get("chats", []) if c not in on_primary)

    lead_ids: dict[str, int] = target["lead_ids"]
    primary_id = lead_ids[primary_ext]
    other_ids = [lead_ids[i] for i in order[1:]]
    now = utcnow()
    with ws.session() as session:
        primary = session.get(Lead, primary_id)
        others = [session.get(Lead, i) for i in other_ids]
        snapshot_leads = [row_dict(x) for x in [primary, *others] if x is not None]
        for other in others:
            if other is None:
                continue
            move_records(other, primary)
            other.archived = True
            other.merged_into_id = primary_id
            other.updated_at = now
        session.flush()
        if rec:
            write_leads(
                session,
                [rec],
                {primary_ext: [{"CHAT_ID": c} for c in (chats or {}).get(primary_ext, [])]},
                region,
            )
        summary = Message("Merge", MSG_MERGED, {"count": len(order), "primary": primary_ext})
        # record_event: the history finds the event by its leads (event_leads).
        event = record_event(
            session,
            kind=EventKind.MERGE_LEADS,
            operator_id=entry.operator_id,
            created_at=now,
            primary_id=primary_id,
            other_ids=other_ids,
            choices=target.get("choices", {}),
            snapshot={
                "portal": {
                    "url": client.webhook.portal,
                    "journal": entry.id,
                    "before": entry.before,
                },
                "leads": snapshot_leads,
            },
            summary=str(summary),
        )
        journal = session.get(PortalJournal, entry.id)
        assert journal is not None
        journal.step = "done"
        journal.state = "failed" if missing else "done"
        journal.event_id = event.id
        journal.updated_at = now
        if missing:
            message = Message(
                CONTEXT,
                MSG_MISSING,
                {"primary": primary_ext, "missing": ", ".join(missing[:10]), "entry": entry.id},
            )
            journal.message = str(message)
        event_id = event.id
    if missing:
        raise fail(KnownError, message, entry_id=entry.id)
    return MergeResult(event_id, primary_id, tuple(other_ids), summary)


def open_entries(ws: Workspace) -> list[int]:
    with ws.session() as session:
        return list(
            session.scalars(
                select(PortalJournal.id)
                .where(PortalJournal.state == "open")
                .order_by(PortalJournal.id)
            )
        )


def resume(ws: Workspace, client: Bitrix24Client) -> list[Message]:
    """Finish (or report) every merge a previous run left open; what happened, in words."""
    told: list[Message] = []
    for entry_id in open_entries(ws):
        try:
            result = advance(ws, client, entry_id)
        except KnownError as exc:
            told.append(getattr(exc, "message", None) or Message(CONTEXT, str(exc)))
            continue
        with ws.session() as session:
            primary = session.get(Lead, result.primary_id)
            label = primary.label if primary is not None else str(result.primary_id)
        told.append(Message(CONTEXT, MSG_RESUMED, {"primary": label}))
    return told


def operator_for_webhook(session: Session, user_id: int) -> Operator | None:
    return session.scalar(select(Operator).where(Operator.external_id == str(user_id)))


__all__ = ["MERGE_NOTE", "advance", "open_entries", "resume", "start_merge"]
