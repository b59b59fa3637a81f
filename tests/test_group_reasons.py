"""Every reason for and against a group, for the comparison (issue 12 item 11)."""

from __future__ import annotations

from deskdup.models import Channel, CommKind
from deskdup.services.group_reasons import LOOSE_LINK, GroupEvidence, group_evidence
from deskdup.services.matching import MatchIndex
from tests.factories import customer_and_stranger, make_lead, make_operator


def test_all_reasons_for_and_then_against_a_group(workspace):
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        leads = [
            make_lead(
                s,
                owner=anna,
                channel=Channel.SITE,
                first_name="Иван",
                last_name="Петров",
                comms=[
                    (CommKind.PHONE, Channel.SITE, "+7 916 123-45-67"),
                    (CommKind.EMAIL, Channel.SITE, "ivan.petrov@mail.ru"),
                ],
            ),
            make_lead(
                s,
                owner=anna,
                channel=Channel.CALL,
                first_name="Иван",
                last_name="Петров",
                comms=[
                    (CommKind.PHONE, Channel.CALL, "+7 903 765-43-21"),
                    (CommKind.EMAIL, Channel.CALL, "ivan.petrov@mail.ru"),
                ],
            ),
        ]
        s.flush()
        ids = [lead.id for lead in leads]
    index = MatchIndex.build(workspace)
    reasons = group_evidence(index, ids).reasons
    weights = [r.weight for r in reasons]
    codes = [r.code for r in reasons]
    assert "different_phones" in codes
    assert any(w > 0 for w in weights)
    # Those for first (strongest first), then those against.
    assert weights == sorted((w for w in weights if w > 0), reverse=True) + sorted(
        w for w in weights if w < 0
    )
    assert "Different phones" in str(reasons[codes.index("different_phones")].text)
    # More than the queue's three, when there are more.
    assert len(reasons) >= 3
    assert group_evidence(None, ids).reasons == []
    assert group_evidence(index, [ids[0], 10**9]).reasons == []


def test_a_lead_linked_to_a_larger_group_only_loosely_is_told(workspace):
    same, stranger = customer_and_stranger(workspace)
    index = MatchIndex.build(workspace)
    evidence = group_evidence(index, [*same, stranger])
    # The stranger is most like one of the customer's leads, and far under the mark.
    assert set(evidence.loose) == {stranger}
    closest, score = evidence.loose[stranger]
    assert closest in same and 0.0 <= score < LOOSE_LINK
    # The customer's own leads are each other's likeliest: not marked.
    assert group_evidence(index, same).loose == {}
    # In a pair there is nothing to tell apart: the pair's score says it.
    assert group_evidence(index, [same[0], stranger]).loose == {}
    assert group_evidence(None, [*same, stranger]) == GroupEvidence()
