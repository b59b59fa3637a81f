"""Merging duplicate contacts (SQL backend): the plan and the one transaction.

The plan is a ``MergePlan`` with ``entity == CONTACT``: one card per contact
(``LeadCard``: its name, responsible, phones, e-mails, handles, chats,
activities, deals and the leads bound to it) and the contact fields
(``CONTACT_FIELDS``), so the comparison view renders it as it renders leads.

``apply_contact_merge`` works like the lead merge (``services/merge.py``): the
contacts are re-read and locked, their versions compared with the plan's
(``StaleError``), the rights checked on contacts (read on all, edit on the
primary, delete or archive on the others: ``RightsError``), and nothing is
written on a refusal.  Then, in the same transaction, nothing is lost:

- every distinct phone, e-mail and handle ends on the primary (duplicates by
  normalised value are dropped; the snapshot keeps them);
- chats, activities and the leads bound to the others point at the primary;
- each deal of the others has the primary instead, once (``deal_contacts``
  deduplicated);
- the others are archived with a link to the primary, or deleted (team policy);
- a MERGE_CONTACTS history event keeps every row as it was and the rows the
  merge left, and the deal links before and after (``records.LINKS``), so
  ``undo.undo_event`` restores everything exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, selectinload

from deskdup.models import (
    Activity,
    Channel,
    Chat,
    Communication,
    Contact,
    Deal,
    Entity,
    EventKind,
    Lead,
    Operator,
    deal_contacts,
)
from deskdup.services.errors import KnownError, RightsError, StaleError, fail
from deskdup.services.events import record_event
from deskdup.services.merge import MergeResult, retire_others
from deskdup.services.merge_cards import (
    ActivityInfo,
    ChatInfo,
    CommInfo,
    DealInfo,
    LeadCard,
    LeadLink,
)
from deskdup.services.merge_plan import (
    CONTACT,
    CONTACT_FIELDS,
    MergePlan,
    _field_choices,
    merged_comments,
    suggest_primary,
    unite,
)
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.policy import MergePolicy, load_policy
from deskdup.services.records import (
    LINKS,
    RowSet,
    active_operator,
    contact_links,
    lock_group,
    row_dict,
    utcnow,
    write_session,
)
from deskdup.services.rights import check_merge_cards, refusals_message
from deskdup.services.workspace import Workspace, tag_session

CONTEXT = "Merge"
MSG_TWO_CONTACTS = QT_TRANSLATE_NOOP("Merge", "A merge needs at least two different contacts")
MSG_NO_CONTACT = QT_TRANSLATE_NOOP("Merge", "Contact {contact} does not exist (any more)")
MSG_CONTACT_MERGED_INTO = QT_TRANSLATE_NOOP(
    "Merge", "Contact #{contact} was already merged into #{into}"
)
MSG_CONTACT_ARCHIVED = QT_TRANSLATE_NOOP(
    "Merge", "Contact #{contact} is archived; it cannot be merged"
)
MSG_CONTACT_CHANGED = QT_TRANSLATE_NOOP(
    "Merge",
    "Contact #{contact} was changed by someone else (now version {version}); nothing was merged",
)
MSG_CONTACT_GONE = QT_TRANSLATE_NOOP(
    "Merge", "Contact #{contact} was deleted or merged by someone else; nothing was merged"
)
MSG_MERGED_CONTACTS = QT_TRANSLATE_NOOP("Merge", "Merged {count} contacts into #{primary}")
MSG_PRIMARY_NOT_IN_GROUP = "The primary contact {primary} is not in the group."


def contact_label(contact: Contact) -> str:
    return contact.external_id or str(contact.id)


# --------------------------------------------------------------------------- the plan


def load_contacts(
    session: Session, contact_ids: Sequence[int], *, for_update: bool = False
) -> list[Contact]:
    stmt = (
        select(Contact)
        .where(Contact.id.in_(list(contact_ids)))
        .options(selectinload(Contact.assigned).selectinload(Operator.department))
        .order_by(Contact.id)
        .execution_options(populate_existing=True)
    )
    if for_update:
        stmt = stmt.with_for_update(of=Contact)
    return list(session.scalars(stmt))


def _children(session: Session, model, ids: Sequence[int]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {i: [] for i in ids}
    rows = session.scalars(
        select(model)
        .where(model.contact_id.in_(list(ids)))
        .order_by(model.id)
        .execution_options(populate_existing=True)
    )
    for row in rows:
        out[row.contact_id].append(row)
    return out


def contact_cards(session: Session, contacts: Sequence[Contact]) -> dict[int, LeadCard]:
    """One comparison card per contact, everything it holds read in a few queries."""
    ids = [c.id for c in contacts]
    comms = _children(session, Communication, ids)
    chats = _children(session, Chat, ids)
    activities = _children(session, Activity, ids)
    leads = _children(session, Lead, ids)
    deals: dict[int, list[Deal]] = {i: [] for i in ids}
    for deal, contact_id in session.execute(
        select(Deal, deal_contacts.c.contact_id)
        .join(deal_contacts, deal_contacts.c.deal_id == Deal.id)
        .where(deal_contacts.c.contact_id.in_(ids))
        .order_by(Deal.id)
    ):
        deals[contact_id].append(deal)
    cards = {}
    for contact in contacts:
        cid = contact.id
        owner = contact.assigned
        department = owner.department if owner is not None else None
        cards[cid] = LeadCard(
            id=cid,
            label=contact_label(contact),
            title="",
            first_name=contact.first_name or "",
            last_name=contact.last_name or "",
            middle_name=contact.middle_name or "",
            status="",
            source_channel=Channel.OTHER,
            owner_id=contact.assigned_id,
            owner_name=owner.full_name if owner is not None else "",
            department_id=department.id if department is not None else None,
            department_name=department.name if department is not None else "",
            contact_id=None,
            contact_name="",
            created_at=contact.created_at,
            updated_at=contact.updated_at,
            version=contact.version,
            comments=contact.comments or "",
            communications=tuple(
                CommInfo(c.id, cid, c.kind, c.channel, c.raw_value, c.normalized, c.is_valid)
                for c in comms[cid]
            ),
            chats=tuple(
                ChatInfo(
                    c.id,
                    cid,
                    c.channel,
                    c.external_chat_id,
                    c.first_message,
                    c.message_count,
                    c.last_message_at,
                )
                for c in chats[cid]
            ),
            activities=tuple(
                ActivityInfo(a.id, cid, a.kind, a.subject, a.created_at) for a in activities[cid]
            ),
            deals=tuple(
                DealInfo(d.id, cid, d.external_id or str(d.id), d.title, d.stage, d.amount)
                for d in deals[cid]
            ),
            leads=tuple(
                LeadLink(lead.id, cid, lead.label, lead.full_name, lead.status or "")
                for lead in leads[cid]
            ),
        )
    return cards


def _refuse_gone(session: Session, contact: Contact | None, contact_id: int) -> None:
    if contact is None:
        raise fail(KnownError, Message(CONTEXT, MSG_NO_CONTACT, {"contact": contact_id}))
    if contact.archived or contact.merged_into_id is not None:
        target = session.get(Contact, contact.merged_into_id) if contact.merged_into_id else None
        if target is not None:
            params = {"contact": contact_label(contact), "into": contact_label(target)}
            raise fail(KnownError, Message(CONTEXT, MSG_CONTACT_MERGED_INTO, params))
        params = {"contact": contact_label(contact)}
        raise fail(KnownError, Message(CONTEXT, MSG_CONTACT_ARCHIVED, params))


def build_contact_plan(
    session: Session, contact_ids: Sequence[int], primary_id: int | None = None
) -> MergePlan:
    """The plan of merging these contacts (display order as given), with defaults."""
    order = list(dict.fromkeys(contact_ids))
    if len(order) < 2:
        raise fail(KnownError, Message(CONTEXT, MSG_TWO_CONTACTS))
    found = {c.id: c for c in load_contacts(session, order)}
    for contact_id in order:
        _refuse_gone(session, found.get(contact_id), contact_id)
    cards = contact_cards(session, [found[i] for i in order])
    if primary_id is None:
        primary_id = suggest_primary([cards[i] for i in order])
    elif primary_id not in cards:
        raise KnownError(MSG_PRIMARY_NOT_IN_GROUP.format(primary=primary_id))
    from_primary = [primary_id, *(i for i in order if i != primary_id)]
    return MergePlan(
        lead_ids=order,
        primary_id=primary_id,
        cards=cards,
        fields=_field_choices(cards, from_primary, CONTACT_FIELDS),
        versions={i: cards[i].version for i in order},
        entity=CONTACT,
    )


# --------------------------------------------------------------------------- the merge


def _check_versions(plan: MergePlan, contacts: dict[int, Contact]) -> None:
    for contact_id in plan.lead_ids:
        contact = contacts.get(contact_id)
        label = plan.cards[contact_id].label
        if contact is None or contact.archived or contact.merged_into_id is not None:
            raise fail(StaleError, Message(CONTEXT, MSG_CONTACT_GONE, {"contact": label}))
        if contact.version != plan.versions[contact_id]:
            params = {"contact": label, "version": contact.version}
            raise fail(StaleError, Message(CONTEXT, MSG_CONTACT_CHANGED, params))


def apply_contact_merge(
    ws: Workspace, plan: MergePlan, operator_id: int, policy: MergePolicy | None = None
) -> MergeResult:
    """Merge the plan's contacts into its primary as ``operator_id``, in one transaction.

    ``StaleError`` when a contact changed since the plan was built, ``RightsError``
    when a right on contacts is missing; nothing is written then.
    """
    if plan.entity != CONTACT:
        raise ValueError("not a contact plan")
    with write_session(ws) as session:
        if policy is None:
            policy = load_policy(session)
        operator = active_operator(session, operator_id)
        tag_session(session, operator.login)
        locked = lock_group(ws, session, plan, load_contacts)
        contacts = {c.id: c for c in locked}
        _check_versions(plan, contacts)
        cards = contact_cards(session, locked)
        refusals = check_merge_cards(
            operator, [cards[i] for i in plan.lead_ids], plan.primary_id, policy, Entity.CONTACT
        )
        if refusals:
            raise fail(RightsError, refusals_message(refusals), refusals=refusals)
        return _merge(session, plan, operator, policy, contacts, cards)


def _merge(
    session: Session,
    plan: MergePlan,
    operator: Operator,
    policy: MergePolicy,
    contacts: dict[int, Contact],
    cards: dict[int, LeadCard],
) -> MergeResult:
    primary = contacts[plan.primary_id]
    others = [contacts[i] for i in plan.other_ids]
    other_ids = [o.id for o in others]
    group_ids = [primary.id, *other_ids]
    comms = _children(session, Communication, group_ids)
    chats = [c for rows in _children(session, Chat, other_ids).values() for c in rows]
    activities = [a for rows in _children(session, Activity, other_ids).values() for a in rows]
    leads = [lead for rows in _children(session, Lead, other_ids).values() for lead in rows]
    links_before = contact_links(session, group_ids)
    snapshot: dict[str, Any] = {
        "contacts": [row_dict(c) for c in [primary, *others]],
        "communications": [row_dict(c) for i in group_ids for c in comms[i]],
        "chats": [row_dict(c) for c in chats],
        "activities": [row_dict(a) for a in activities],
        "leads": [row_dict(lead) for lead in leads],
        LINKS: links_before,
        "policy": {"archive_instead_of_delete": policy.archive_instead_of_delete},
    }
    now = utcnow()

    for choice in plan.fields:
        setattr(primary, choice.name, choice.chosen_value)
    ordered = [cards[i] for i in group_ids]
    primary.comments = merged_comments(unite(ordered).comments, cards)
    primary.updated_at = now

    # Communications: every distinct one on the primary, duplicates dropped.
    keys: set[tuple[str, str, str]] = set()
    dropped: list[int] = []
    kept: list[Communication] = []
    for contact_id in group_ids:
        infos = {c.id: c for c in cards[contact_id].communications}
        for comm in comms[contact_id]:
            key = infos[comm.id].dedup_key
            if key in keys:
                dropped.append(comm.id)
                session.delete(comm)
                continue
            keys.add(key)
            comm.contact_id = primary.id
            kept.append(comm)
    for row in (*chats, *activities):
        row.contact_id = primary.id
    for lead in leads:
        lead.contact_id = primary.id
        lead.updated_at = now

    # Deals: the primary instead of the others, each link once.
    deal_ids = {d for d, _c in links_before}
    session.execute(delete(deal_contacts).where(deal_contacts.c.contact_id.in_(group_ids)))
    if deal_ids:
        session.execute(
            insert(deal_contacts),
            [{"deal_id": d, "contact_id": primary.id} for d in sorted(deal_ids)],
        )
    session.flush()

    deleted, relinked = retire_others(
        session, Contact, primary, others, group_ids, policy, now, snapshot["contacts"]
    )

    left = RowSet()
    left.add("contacts", [primary, *(o for o in others if o.id not in deleted), *relinked])
    left.add("communications", kept)
    left.add("chats", chats)
    left.add("activities", activities)
    left.add("leads", leads)
    left.remove("contacts", deleted)
    left.remove("communications", dropped)
    after = left.to_json()
    after[LINKS] = {"contacts": group_ids, "rows": contact_links(session, group_ids)}
    snapshot["after"] = after
    summary = Message(
        CONTEXT, MSG_MERGED_CONTACTS, {"count": len(group_ids), "primary": contact_label(primary)}
    )
    event = record_event(
        session,
        kind=EventKind.MERGE_CONTACTS,
        operator_id=operator.id,
        created_at=now,
        primary_id=primary.id,
        other_ids=other_ids,
        choices=plan.choices_for_history(),
        snapshot=snapshot,
        summary=str(summary),
        of_contacts=True,
    )
    return MergeResult(event.id, primary.id, tuple(other_ids), summary)
