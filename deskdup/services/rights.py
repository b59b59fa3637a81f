"""Operators' rights: may this operator read / edit / delete this lead?

Bitrix24's model: for each entity (lead, contact, deal) and action (read, edit,
delete) an operator has a scope: none, own (records they are responsible for),
department (records of anyone in their department, and their own) or all.  A
missing ``OperatorRight`` row means none.  A record with no responsible
operator is only covered by "all".

A merge needs read on every lead, edit on the primary and delete on each other
lead.  When the team archives instead of deleting (``MergePolicy``) the right
checked is still *delete*, but the messages call it "archive", as Paraplan
does, because that is what the operator is doing.

Refusals are ``Refusal`` records whose ``message`` names the lead, its owner,
the owner's department and the missing right.  The right ("archive") and a
missing department are themselves ``Message`` values, so
``message.render(translate=...)`` puts the whole sentence in the operator's
language.  Several refusals at once become one ``refusals_message``: a
translated heading and one line per owner, department and missing right,
naming the leads it concerns (``grouped_refusals``), translated alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

from deskdup.models import Action, Entity, MergeEvent, Operator, Scope
from deskdup.services.merge_cards import LeadCard
from deskdup.services.merge_plan import CONTACT, MergePlan, cards_from_leads, load_leads
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message, MessageList
from deskdup.services.policy import MergePolicy

CONTEXT = "Rights"

RIGHT_WORDS: dict[str, str] = {
    "read": QT_TRANSLATE_NOOP("Rights", "read"),
    "edit": QT_TRANSLATE_NOOP("Rights", "edit"),
    "delete": QT_TRANSLATE_NOOP("Rights", "delete"),
    "archive": QT_TRANSLATE_NOOP("Rights", "archive"),
}

MSG_OWN = QT_TRANSLATE_NOOP(
    "Rights",
    "Lead #{lead} is your own ({department}); you have no {right} right on leads at all; "
    "ask a supervisor",
)
MSG_COLLEAGUE = QT_TRANSLATE_NOOP(
    "Rights",
    "Lead #{lead} belongs to {owner} ({department}); you have no {right} right on "
    "your colleagues' leads; ask a supervisor",
)
MSG_OTHER_DEPARTMENT = QT_TRANSLATE_NOOP(
    "Rights",
    "Lead #{lead} belongs to {owner} ({department}); you have no {right} right on "
    "leads of that department; ask a supervisor",
)
MSG_UNOWNED = QT_TRANSLATE_NOOP(
    "Rights",
    "Lead #{lead} has no responsible operator; you have no {right} right on leads "
    "that are not yours; ask a supervisor",
)
MSG_UNDO_NOT_YOURS = QT_TRANSLATE_NOOP(
    "Rights",
    "This merge was made by {author}; only a supervisor may undo other operators' merges",
)
# The same refusals said once for several leads ({leads}: "#L-1, #L-2").
MSG_OWN_MANY = QT_TRANSLATE_NOOP(
    "Rights",
    "{leads} are your own ({department}); you have no {right} right on leads at all; "
    "ask a supervisor",
)
MSG_COLLEAGUE_MANY = QT_TRANSLATE_NOOP(
    "Rights",
    "{leads} belong to {owner} ({department}); you have no {right} right on "
    "your colleagues' leads; ask a supervisor",
)
MSG_OTHER_DEPARTMENT_MANY = QT_TRANSLATE_NOOP(
    "Rights",
    "{leads} belong to {owner} ({department}); you have no {right} right on "
    "leads of that department; ask a supervisor",
)
MSG_UNOWNED_MANY = QT_TRANSLATE_NOOP(
    "Rights",
    "{leads} have no responsible operator; you have no {right} right on leads "
    "that are not yours; ask a supervisor",
)
MANY: dict[str, str] = {
    MSG_OWN: MSG_OWN_MANY,
    MSG_COLLEAGUE: MSG_COLLEAGUE_MANY,
    MSG_OTHER_DEPARTMENT: MSG_OTHER_DEPARTMENT_MANY,
    MSG_UNOWNED: MSG_UNOWNED_MANY,
}
# The same refusals of a contact (a contact merge checks Entity.CONTACT rights).
MSG_CONTACT_OWN = QT_TRANSLATE_NOOP(
    "Rights",
    "Contact #{lead} is your own ({department}); you have no {right} right on contacts at "
    "all; ask a supervisor",
)
MSG_CONTACT_COLLEAGUE = QT_TRANSLATE_NOOP(
    "Rights",
    "Contact #{lead} belongs to {owner} ({department}); you have no {right} right on "
    "your colleagues' contacts; ask a supervisor",
)
MSG_CONTACT_OTHER_DEPARTMENT = QT_TRANSLATE_NOOP(
    "Rights",
    "Contact #{lead} belongs to {owner} ({department}); you have no {right} right on "
    "contacts of that department; ask a supervisor",
)
MSG_CONTACT_UNOWNED = QT_TRANSLATE_NOOP(
    "Rights",
    "Contact #{lead} has no responsible operator; you have no {right} right on contacts "
    "that are not yours; ask a supervisor",
)
_TEMPLATES = {
    Entity.LEAD: (MSG_UNOWNED, MSG_OWN, MSG_COLLEAGUE, MSG_OTHER_DEPARTMENT),
    Entity.CONTACT: (
        MSG_CONTACT_UNOWNED,
        MSG_CONTACT_OWN,
        MSG_CONTACT_COLLEAGUE,
        MSG_CONTACT_OTHER_DEPARTMENT,
    ),
}
NO_DEPARTMENT = QT_TRANSLATE_NOOP("Rights", "no department")
MSG_HIDDEN_LEAD = QT_TRANSLATE_NOOP("Rights", "a lead of {department} you may not read")


def hidden_lead(department_name: str) -> Message:
    """What is shown instead of a lead the operator may not read: whose it is, no data."""
    department = department_name or Message(CONTEXT, NO_DEPARTMENT)
    return Message(CONTEXT, MSG_HIDDEN_LEAD, {"department": department})


MSG_SEVERAL = QT_TRANSLATE_NOOP("Rights", "You may not do this; nothing was changed:\n• {refusals}")


class Person(Protocol):
    id: int
    department_id: int | None


@dataclass(frozen=True)
class OperatorInfo:
    """An operator and their rights as plain data (safe to hand to a view)."""

    id: int
    login: str
    full_name: str
    department_id: int | None
    department_name: str
    can_undo: bool
    scopes: dict[tuple[Entity, Action], Scope] = field(default_factory=dict)

    @classmethod
    def from_operator(cls, operator: Operator) -> OperatorInfo:
        return cls(
            id=operator.id,
            login=operator.login,
            full_name=operator.full_name,
            department_id=operator.department_id,
            department_name=operator.department.name if operator.department else "",
            can_undo=bool(operator.can_undo),
            scopes={(r.entity, r.action): r.scope for r in operator.rights},
        )

    def scope(self, entity: Entity, action: Action) -> Scope:
        return self.scopes.get((entity, action), Scope.NONE)


@dataclass(frozen=True)
class Owner:
    """The responsible operator of a record, as far as rights care."""

    id: int
    department_id: int | None


@dataclass(frozen=True)
class Refusal:
    """One missing right on one lead."""

    lead_id: int
    lead_label: str
    owner_name: str
    department_name: str
    action: Action
    right: str  # "read", "edit", "delete" or "archive" (as the operator reads it)
    message: Message

    def __str__(self) -> str:
        return str(self.message)


def scope_of(operator: Operator | OperatorInfo, entity: Entity, action: Action) -> Scope:
    """The operator's scope for ``action`` on ``entity`` (none when no row)."""
    if isinstance(operator, OperatorInfo):
        return operator.scope(entity, action)
    for right in operator.rights:
        if right.entity == entity and right.action == action:
            return right.scope
    return Scope.NONE


def allowed(
    operator: Operator | OperatorInfo,
    entity: Entity,
    action: Action,
    owner: Person | None,
) -> bool:
    """May ``operator`` do ``action`` on a record of ``entity`` owned by ``owner``?

    own: the operator is the owner; department: the owner is in the operator's
    department (or is the operator); all: anything, unowned records included.
    """
    scope = scope_of(operator, entity, action)
    if scope is Scope.ALL:
        return True
    if owner is None or scope is Scope.NONE:
        return False
    if owner.id == operator.id:
        return scope.rank >= Scope.OWN.rank
    if scope is Scope.DEPARTMENT:
        return owner.department_id is not None and owner.department_id == operator.department_id
    return False


def _refusal(
    operator: Operator | OperatorInfo,
    card: LeadCard,
    action: Action,
    word: str,
    entity: Entity = Entity.LEAD,
) -> Refusal:
    params: dict[str, Any] = {
        "lead": card.label,
        "owner": card.owner_name,
        "department": card.department_name or Message(CONTEXT, NO_DEPARTMENT),
        "right": Message(CONTEXT, RIGHT_WORDS[word]),
    }
    unowned, own, colleague, other_department = _TEMPLATES[entity]
    if card.owner_id is None:
        template = unowned
    elif card.owner_id == operator.id:
        template = own
    elif card.department_id is not None and card.department_id == operator.department_id:
        template = colleague
    else:
        template = other_department
    return Refusal(
        lead_id=card.id,
        lead_label=card.label,
        owner_name=card.owner_name,
        department_name=card.department_name,
        action=action,
        right=word,
        message=Message(CONTEXT, template, params),
    )


def _owner(card: LeadCard) -> Owner | None:
    return None if card.owner_id is None else Owner(card.owner_id, card.department_id)


def check_lead(
    operator: Operator | OperatorInfo,
    card: LeadCard,
    action: Action,
    word: str | None = None,
    entity: Entity = Entity.LEAD,
) -> Refusal | None:
    """A refusal when ``operator`` may not do ``action`` on this lead (or, with
    ``entity`` CONTACT, on this contact's card), else None."""
    if allowed(operator, entity, action, _owner(card)):
        return None
    return _refusal(operator, card, action, word or action.value, entity)


def plan_entity(plan: MergePlan) -> Entity:
    """Whose rights a plan's merge needs: the leads' or the contacts'."""
    return Entity.CONTACT if plan.entity == CONTACT else Entity.LEAD


def _cards(session: Session | None, plan_or_ids: MergePlan | Sequence[int]) -> list[LeadCard]:
    if isinstance(plan_or_ids, MergePlan):
        return [plan_or_ids.cards[i] for i in plan_or_ids.lead_ids]
    if session is None:
        raise ValueError("a session is needed to check lead ids")
    cards = cards_from_leads(load_leads(session, plan_or_ids))
    return [cards[i] for i in plan_or_ids if i in cards]


def rights_cards(session: Session, lead_ids: Sequence[int]) -> dict[int, LeadCard]:
    """The cards of ``lead_ids`` (owner, department) to check rights before loading data."""
    return cards_from_leads(load_leads(session, list(dict.fromkeys(lead_ids))))


def check_merge(
    session: Session | None,
    operator: Operator | OperatorInfo,
    plan_or_ids: MergePlan | Sequence[int],
    policy: MergePolicy | None = None,
    primary_id: int | None = None,
) -> list[Refusal]:
    """Every right the merge lacks: read on all, edit on the primary, delete on the others.

    With a plan the primary is the plan's; with bare ids give ``primary_id``
    (default: the first id).  An empty list means the merge is allowed.
    """
    cards = _cards(session, plan_or_ids)
    entity = Entity.LEAD
    if isinstance(plan_or_ids, MergePlan):
        primary_id = plan_or_ids.primary_id
        entity = plan_entity(plan_or_ids)
    elif primary_id is None and cards:
        primary_id = cards[0].id
    return check_merge_cards(operator, cards, primary_id, policy, entity)


def check_merge_cards(
    operator: Operator | OperatorInfo,
    cards: Sequence[LeadCard],
    primary_id: int | None,
    policy: MergePolicy | None = None,
    entity: Entity = Entity.LEAD,
) -> list[Refusal]:
    """``check_merge`` on already loaded cards (of leads, or of contacts)."""
    policy = policy or MergePolicy()
    removal = "archive" if policy.archive_instead_of_delete else "delete"
    refusals: list[Refusal] = []
    for card in cards:
        checks: list[tuple[Action, str]] = [(Action.READ, "read")]
        if card.id == primary_id:
            checks.append((Action.EDIT, "edit"))
        else:
            checks.append((Action.DELETE, removal))
        for action, word in checks:
            refusal = check_lead(operator, card, action, word, entity)
            if refusal is not None:
                refusals.append(refusal)
    return refusals


def primary_choice(
    count: int, may: Callable[[int, Action], bool], preferred: Sequence[int] = ()
) -> tuple[int, int]:
    """The lead the operator may best merge into: its position and how many rights it lacks.

    The one rule for "which primary can this operator merge into", used by the
    comparison view (``services/review.py``) and the queue (``GroupRights``):
    a merge needs read on every lead, edit on the primary and delete (or
    archive) on each other lead.  ``may(i, action)`` says whether the operator
    has ``action`` on the lead at position ``i`` (cache it when it is dear, as
    ``GroupRights`` does).  The positions in ``preferred`` are tried first, then the others in
    order; among equals the earlier wins.  Lacking 0 means the merge is allowed.
    """
    if count <= 0:
        raise ValueError("a group has at least one lead")
    unreadable = sum(not may(i, Action.READ) for i in range(count))
    deletable = [may(i, Action.DELETE) for i in range(count)]
    undeletable = count - sum(deletable)

    def missing(i: int) -> int:
        return unreadable + (not may(i, Action.EDIT)) + undeletable - (not deletable[i])

    order = list(dict.fromkeys([*preferred, *range(count)]))
    best = min(order, key=missing)
    return best, missing(best)


def check_dismiss(
    session: Session | None,
    operator: Operator | OperatorInfo,
    plan_or_ids: MergePlan | Sequence[int],
    policy: MergePolicy | None = None,
) -> list[Refusal]:
    """Marking leads "not duplicates" needs read and delete (archive) on each of them.

    Dismissing takes the group out of every colleague's queue for good, the
    decision a merge makes the other way; so it needs the right a merge needs
    on the leads it takes away, on every lead of the group.  A trainee (no
    delete right on leads) may therefore dismiss nothing, and is told so
    lead by lead, as for a merge.
    """
    policy = policy or MergePolicy()
    removal = "archive" if policy.archive_instead_of_delete else "delete"
    refusals = []
    entity = plan_entity(plan_or_ids) if isinstance(plan_or_ids, MergePlan) else Entity.LEAD
    for card in _cards(session, plan_or_ids):
        for action, word in ((Action.READ, "read"), (Action.DELETE, removal)):
            refusal = check_lead(operator, card, action, word, entity)
            if refusal is not None:
                refusals.append(refusal)
    return refusals


def check_undo(operator: Operator | OperatorInfo, event: MergeEvent) -> Message | None:
    """May ``operator`` undo ``event``?  None when allowed, else why not.

    An operator may always undo their own merges (the "undo last" key of the
    keyboard flow is for the operator who just merged, and re-creating what
    they themselves changed gives them nothing they did not have); undoing
    someone else's merge is a supervisor's job (``Operator.can_undo``).
    """
    if operator.can_undo or event.operator_id == operator.id:
        return None
    author = event.operator.full_name if event.operator is not None else str(event.operator_id)
    return Message(CONTEXT, MSG_UNDO_NOT_YOURS, {"author": author})


def grouped_refusals(refusals: Sequence[Refusal]) -> list[Message]:
    """The refusals with each (owner, department, missing right) said once.

    A group of six leads of one colleague refused for a trainee read as six
    near-identical lines; now it is one line naming the leads it concerns, in
    the order the refusals came.  A refusal alone keeps its own sentence.
    """
    groups: dict[tuple[Any, ...], list[Refusal]] = {}
    for refusal in refusals:
        message = refusal.message
        key = (message.template, refusal.owner_name, refusal.department_name, refusal.right)
        groups.setdefault(key, []).append(refusal)
    messages: list[Message] = []
    for same in groups.values():
        first = same[0].message
        labels = list(dict.fromkeys(r.lead_label for r in same))
        if len(labels) == 1 or first.template not in MANY:
            messages.append(first)
            continue
        params = {k: v for k, v in first.params.items() if k != "lead"}
        params["leads"] = ", ".join(f"#{label}" for label in labels)
        messages.append(Message(CONTEXT, MANY[first.template], params))
    return messages


def refusals_message(refusals: Sequence[Refusal]) -> Message:
    """One refusal as it is; several as one message, one line per owner and right."""
    messages = grouped_refusals(refusals)
    if len(messages) == 1:
        return messages[0]
    items = MessageList(tuple(messages), separator="\n• ")
    return Message(CONTEXT, MSG_SEVERAL, {"refusals": items})


def refusals_text(refusals: Iterable[Refusal]) -> str:
    """The refusals as one English text (command line, logs)."""
    return str(refusals_message(list(refusals)))
