"""Contact search shows only the contacts the operator may read (the contact read right)."""

from __future__ import annotations

from deskdup.models import Action, Entity, Scope
from deskdup.services.contacts import search_contacts
from deskdup.services.operators import workspace_operator
from tests.factories import make_contact, make_operator


def test_a_trainee_finds_only_the_contacts_of_her_department(workspace):
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Продажи 1", Scope.ALL)
        petr = make_operator(s, "petr", "Орлов Пётр", "Продажи 2", Scope.ALL)
        make_operator(
            s, "dina", "Ким Дина", "Продажи 1", {(Entity.CONTACT, Action.READ): Scope.DEPARTMENT}
        )
        for owner, first in ((anna, "Иван"), (petr, "Иван"), (petr, "Ивана")):
            contact = make_contact(s, first, "Сидоров" if first == "Иван" else "Сидорова")
            contact.assigned_id = owner.id
    everyone = search_contacts(workspace, "Иван Сидоров")
    assert len(everyone) >= 2  # the search itself finds both departments' contacts
    dina = workspace_operator(workspace, "dina")
    mine = search_contacts(workspace, "Иван Сидоров", operator=dina)
    assert mine and {h.contact_id for h in mine} < {h.contact_id for h in everyone}
    with workspace.session() as s:
        from deskdup.models import Contact

        owners = {s.get(Contact, h.contact_id).assigned_id for h in mine}
    assert owners == {workspace_operator(workspace, "anna").id}
