"""Who is signed in on a SQLite file: the computer account's operator, proven; the list only
for the demo, a supervisor's own file and a file no account is mapped to."""

from __future__ import annotations

import pytest

from deskdup.models import Scope, WorkspaceMeta
from deskdup.services.errors import KnownError
from deskdup.services.identity import Proof, refusal_to_choose, sign_in
from tests.factories import make_operator


@pytest.fixture
def team(workspace):
    with workspace.session() as s:
        make_operator(s, "anna", "Петрова Анна", scopes=Scope.DEPARTMENT)
        make_operator(s, "olga", "Смирнова Ольга", scopes=Scope.ALL, can_undo=True)
    return workspace


def test_the_accounts_operator_is_proven_and_may_not_act_as_another(team):
    with team.session() as s:
        signed = sign_in(s, account="anna")
        assert (signed.operator.login, signed.proof, signed.may_choose) == (
            "anna",
            Proof.OS_USER,
            False,
        )
        assert sign_in(s, "anna", account="anna").operator.login == "anna"
        with pytest.raises(KnownError, match="On this computer you are 'anna'"):
            sign_in(s, "olga", account="anna")
    assert "the account anna" in str(refusal_to_choose(signed))


def test_a_supervisors_own_file_and_the_demo_let_one_choose(team):
    with team.session() as s:
        chosen = sign_in(s, "anna", account="olga")
        assert (chosen.operator.login, chosen.proof) == ("anna", Proof.CHOSEN)
        s.add(WorkspaceMeta(key="demo.seed", value="1"))
        s.flush()
        assert sign_in(s, "olga", account="anna").operator.login == "olga"


def test_a_file_no_account_is_mapped_to_offers_the_list_and_says_so(team):
    with team.session() as s:
        signed = sign_in(s, account="somebody")
        assert signed.operator is None and signed.may_choose
        assert {op.login for op in signed.choices} == {"anna", "olga"}
        assert signed.choose("olga").proof is Proof.CHOSEN
        assert "not proven" in str(signed.choose("olga").describe())
        with pytest.raises(KnownError, match="no active operator with the login 'nobody'"):
            signed.choose("nobody")
