"""The rights matrix: every action x scope x owner relation, and the refusal words."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from deskdup.models import Action, Entity, Lead, MergeEvent, Operator, Scope
from deskdup.services.errors import RightsError
from deskdup.services.merge import apply_merge, dismiss
from deskdup.services.merge_plan import build_plan
from deskdup.services.messages import Message
from deskdup.services.policy import MergePolicy
from deskdup.services.rights import (
    OperatorInfo,
    Owner,
    allowed,
    check_dismiss,
    check_lead,
    check_merge,
    check_undo,
)
from deskdup.services.workspace import open_workspace
from tests.factories import make_lead, make_operator

RELATIONS = ("self", "same_department", "other_department", "unowned")

# scope -> relations it covers.
COVERS = {
    Scope.NONE: set(),
    Scope.OWN: {"self"},
    Scope.DEPARTMENT: {"self", "same_department"},
    Scope.ALL: set(RELATIONS),
}

MATRIX = [
    (action, scope, relation, relation in COVERS[scope])
    for action in Action
    for scope in Scope
    for relation in RELATIONS
]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One workspace: an operator per (action, scope) with only that right, and
    for each a lead of their own; a colleague's, another department's and an
    unowned lead."""
    ws = open_workspace(str(tmp_path_factory.mktemp("rights") / "rights.sqlite"))
    with ws.session() as s:
        colleague = make_operator(s, "colleague", "Сидоров Олег", "Sales 1")
        stranger = make_operator(s, "petrova", "Петрова", "Sales 2")
        leads = {
            "same_department": make_lead(s, owner=colleague, external_id="C-1").id,
            "other_department": make_lead(s, owner=stranger, external_id="123").id,
            "unowned": make_lead(s, owner=None, external_id="U-1").id,
        }
        own = {}
        for action in Action:
            for scope in Scope:
                op = make_operator(
                    s,
                    f"op_{action.value}_{scope.value}",
                    f"Оператор {action.value} {scope.value}",
                    "Sales 1",
                    scopes={(Entity.LEAD, action): scope},
                )
                own[(action, scope)] = (op.id, make_lead(s, owner=op, external_id=f"O-{op.id}").id)
    yield ws, leads, own
    ws.dispose()


def _operator(s, op_id) -> Operator:
    return s.get(Operator, op_id)


@pytest.mark.parametrize(("action", "scope", "relation", "expected"), MATRIX)
def test_rights_matrix(world, action, scope, relation, expected):
    ws, leads, own = world
    op_id, own_lead = own[(action, scope)]
    lead_id = own_lead if relation == "self" else leads[relation]
    with ws.session() as s:
        operator = _operator(s, op_id)
        info = OperatorInfo.from_operator(operator)
        partner = leads["unowned"] if lead_id != leads["unowned"] else leads["same_department"]
        plan = build_plan(s, [lead_id, partner], primary_id=lead_id)
        card = plan.card(lead_id)
        owner = None if card.owner_id is None else Owner(card.owner_id, card.department_id)
        # The ORM operator and the plain record answer alike.
        assert allowed(operator, Entity.LEAD, action, owner) is expected
        assert allowed(info, Entity.LEAD, action, owner) is expected
        # Other actions and entities are not granted by this row.
        for other in Action:
            if other is not action:
                assert not allowed(info, Entity.LEAD, other, owner)
        assert not allowed(info, Entity.CONTACT, action, owner)
        refusal = check_lead(info, card, action)
    if expected:
        assert refusal is None
        return
    text = str(refusal)
    assert refusal.lead_id == lead_id
    assert refusal.action is action
    assert f"Lead #{card.label}" in text
    assert f"no {action.value} right" in text
    assert "ask a supervisor" in text
    if relation == "other_department":
        assert text.startswith("Lead #123 belongs to Петрова (Sales 2)")
        assert "leads of that department" in text
    elif relation == "same_department":
        assert "belongs to Сидоров Олег (Sales 1)" in text
    elif relation == "self":
        assert "is your own (Sales 1)" in text
    else:
        assert "has no responsible operator" in text


def test_issue_example_message(world):
    ws, leads, own = world
    op_id, own_lead = own[(Action.DELETE, Scope.DEPARTMENT)]
    with ws.session() as s:
        op = OperatorInfo.from_operator(_operator(s, op_id))
        plan = build_plan(s, [own_lead, leads["other_department"]], primary_id=own_lead)
    refusals = check_merge(None, op, plan, MergePolicy(archive_instead_of_delete=False))
    delete = [r for r in refusals if r.action is Action.DELETE]
    assert [str(r) for r in delete] == [
        "Lead #123 belongs to Петрова (Sales 2); you have no delete right on leads of that "
        "department; ask a supervisor"
    ]
    assert delete[0].message.context == "Rights"
    assert delete[0].message.params["right"] == Message("Rights", "delete")


def test_merge_needs_read_on_all_edit_on_primary_delete_on_others(world):
    ws, leads, _ = world
    with ws.session() as s:
        op = make_operator(
            s,
            "merger",
            "Merger",
            "Sales 1",
            scopes={
                (Entity.LEAD, Action.READ): Scope.ALL,
                (Entity.LEAD, Action.EDIT): Scope.DEPARTMENT,
                (Entity.LEAD, Action.DELETE): Scope.DEPARTMENT,
            },
        )
        info = OperatorInfo.from_operator(op)
        ids = [leads["same_department"], leads["other_department"], leads["unowned"]]
        plan = build_plan(s, ids, primary_id=leads["same_department"])
        refusals = check_merge(s, info, plan)
        assert [(r.lead_id, r.action, r.right) for r in refusals] == [
            (leads["other_department"], Action.DELETE, "archive"),
            (leads["unowned"], Action.DELETE, "archive"),
        ]
        # The same from bare ids.
        assert check_merge(s, info, ids) == refusals
        plan.set_primary(leads["other_department"])
        refusals = check_merge(s, info, plan, MergePolicy(archive_instead_of_delete=False))
        assert [(r.lead_id, r.action, r.right) for r in refusals] == [
            (leads["other_department"], Action.EDIT, "edit"),
            (leads["unowned"], Action.DELETE, "delete"),
        ]
        assert "no archive right" not in " ".join(str(r) for r in refusals)
        # Dismissing needs what a merge needs on the leads it takes away, on every lead.
        assert [(r.lead_id, r.action) for r in check_dismiss(s, info, ids)] == [
            (leads["other_department"], Action.DELETE),
            (leads["unowned"], Action.DELETE),
        ]
        assert check_dismiss(s, info, [leads["same_department"]]) == []


def test_refused_merge_and_dismiss_change_nothing(world):
    ws, leads, own = world
    op_id, own_lead = own[(Action.EDIT, Scope.ALL)]  # no read, no delete at all
    with ws.session() as s:
        plan = build_plan(s, [own_lead, leads["unowned"]], primary_id=own_lead)
        before = [(lead.id, lead.version, lead.archived) for lead in s.scalars(select(Lead))]
    with pytest.raises(RightsError) as caught:
        apply_merge(ws, plan, op_id)
    assert {r.action for r in caught.value.refusals} == {Action.READ, Action.DELETE}
    assert "no read right" in str(caught.value)
    # Several refusals: one message naming each of them, one per line.
    assert str(caught.value) == str(caught.value.message)
    assert str(caught.value).startswith("You may not do this; nothing was changed:\n• Lead #")
    assert str(caught.value).count("\n• ") == len(caught.value.refusals) == 3
    with pytest.raises(RightsError, match="no read right"):
        dismiss(ws, [own_lead, leads["unowned"]], op_id)
    with ws.session() as s:
        after = [(lead.id, lead.version, lead.archived) for lead in s.scalars(select(Lead))]
        assert after == before
        assert s.scalar(select(func.count()).select_from(MergeEvent)) == 0


@pytest.mark.parametrize(
    ("author_is_operator", "can_undo", "expected"),
    [(True, False, True), (False, False, False), (False, True, True), (True, True, True)],
)
def test_undo_right(author_is_operator, can_undo, expected):
    operator = OperatorInfo(1, "op", "Оператор", None, "", can_undo)
    author = Operator(id=1 if author_is_operator else 2, login="a", full_name="Иванова")
    event = MergeEvent(operator_id=author.id, operator=author)
    refusal = check_undo(operator, event)
    assert (refusal is None) is expected
    if not expected:
        assert "made by Иванова" in str(refusal)


def test_primary_choice_prefers_a_primary_the_operator_may_merge_into():
    from deskdup.services.rights import primary_choice

    # Three leads: read on all; edit only on the third; delete on the first two.
    rights = {
        0: {Action.READ, Action.DELETE},
        1: {Action.READ, Action.DELETE},
        2: {Action.READ, Action.EDIT},
    }

    def may(i: int, action: Action) -> bool:
        return action in rights[i]

    assert primary_choice(3, may) == (2, 0)
    # The suggestion is tried first, but an allowed primary wins over it.
    assert primary_choice(3, may, preferred=[0]) == (2, 0)
    # No lead can be edited: each choice lacks one right; the preferred one is kept.
    rights[2] = {Action.READ, Action.DELETE}
    assert primary_choice(3, may, preferred=[1, 0]) == (1, 1)
    assert primary_choice(3, may) == (0, 1)
    # Nothing readable: every right counted, still the fewest missing.
    rights.update({i: set() for i in range(3)})
    assert primary_choice(3, may) == (0, 3 + 1 + 2)
