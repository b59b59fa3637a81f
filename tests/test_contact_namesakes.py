"""Namesake contacts: one surname, first name and patronymic but their own phone
and e-mail, nothing else in common, are not likely duplicates; a shared phone,
e-mail or deal still makes one (issue 14, contacts)."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select

from deskdup.models import Channel, CommKind, Contact, Deal, deal_contacts
from deskdup.services.matching import DEFAULT_THRESHOLD, DEFAULT_WEIGHTS
from deskdup.services.matching.contacts import CONTACT_CONFLICT_WEIGHTS, scan_contacts
from deskdup.services.matching.evidence import combine
from deskdup.services.matching.settings import LIKELY, POSSIBLE, MatchSettings
from deskdup.services.workspace import open_workspace
from tests.factories import BASE_TIME, make_comm

# external id, last, first, middle, phone, e-mail
PEOPLE = [
    ("C-1", "Петров", "Иван", "Сергеевич", "+7 916 111-11-11", "ivan.petrov@mail.ru"),
    # A namesake with a phone and an e-mail of his own.
    ("C-2", "Петров", "Иван", "Сергеевич", "+7 916 222-22-22", "petrov1980@yandex.ru"),
    # A namesake with a phone of his own and no e-mail.
    ("C-3", "Петров", "Иван", "Сергеевич", "+7 916 333-33-33", ""),
    # C-1 again in Latin letters: a new phone, the old e-mail.
    ("C-4", "Petrov", "Ivan", "", "+7 926 444-44-44", "ivan.petrov@mail.ru"),
    # C-1 again with the phone typed another way, no patronymic, no e-mail.
    ("C-5", "Петров", "Иван", "", "8 (916) 111-11-11", ""),
    # Sidorova Anna and Anya, own phones, on one deal.
    ("C-6", "Сидорова", "Анна", "Петровна", "+7 903 555-55-55", "anna.s@mail.ru"),
    ("C-7", "Сидорова", "Аня", "", "+7 903 666-66-66", "anya.sid@gmail.com"),
]


@pytest.fixture
def ws(tmp_path):
    ws = open_workspace(str(tmp_path / "namesakes.sqlite"))
    ids = {}
    with ws.session() as s:
        for ext, last, first, middle, phone, email in PEOPLE:
            contact = Contact(
                external_id=ext,
                first_name=first,
                last_name=last,
                middle_name=middle,
                created_at=BASE_TIME,
                updated_at=BASE_TIME,
            )
            s.add(contact)
            s.flush()
            ids[ext] = contact.id
            comms = [make_comm(CommKind.PHONE, Channel.CALL, phone)]
            if email:
                comms.append(make_comm(CommKind.EMAIL, Channel.EMAIL, email))
            for comm in comms:
                comm.contact_id = contact.id
                s.add(comm)
        deal = Deal(external_id="D-1", title="D-1", created_at=BASE_TIME)
        s.add(deal)
        s.flush()
        for ext in ("C-6", "C-7"):
            s.execute(insert(deal_contacts).values(deal_id=deal.id, contact_id=ids[ext]))
    yield ws
    ws.dispose()


def _pairs(ws, tier: str) -> dict[tuple[str, str], object]:
    with ws.session() as s:
        labels = dict(s.execute(select(Contact.id, Contact.external_id)).all())
    result = scan_contacts(ws, tier=tier)
    return {tuple(sorted((labels[p.a], labels[p.b]))): p for p in result.pairs}


def test_namesakes_with_their_own_phones_are_not_likely_duplicates(ws):
    likely = _pairs(ws, LIKELY)
    possible = _pairs(ws, POSSIBLE)
    # Phone and e-mail both conflict: not even a possible duplicate.
    assert ("C-1", "C-2") not in possible
    # Only the phones conflict (C-3 has no e-mail): possible, not likely.
    assert ("C-1", "C-3") in possible and ("C-1", "C-3") not in likely
    codes = [r.code for r in possible[("C-1", "C-3")].reasons]
    assert codes == ["full_name_patronymic", "different_phones"]
    assert ("C-2", "C-3") in possible and ("C-2", "C-3") not in likely


def test_true_duplicates_stay_likely(ws):
    likely = _pairs(ws, LIKELY)
    # The old e-mail with a new phone: the other phone costs nothing.
    latin = likely[("C-1", "C-4")]
    assert "different_phones" not in [r.code for r in latin.reasons]
    assert ("C-1", "C-5") in likely  # one phone typed two ways
    # Own phones and e-mails, but one deal: the deal is something in common.
    anna = likely[("C-6", "C-7")]
    codes = [r.code for r in anna.reasons]
    assert "same_deal" in codes and "different_emails" not in codes


def test_no_name_alone_outweighs_one_conflict():
    """The weights' invariant behind the first test, for every kind of name evidence."""
    names = (
        "full_name",
        "full_name_patronymic",
        "nickname_name",
        "surname_initial",
        "surname_only",
        "surname_number",
        "first_name",
    )
    for code in names:
        for conflict in CONTACT_CONFLICT_WEIGHTS.values():
            assert combine([DEFAULT_WEIGHTS[code], conflict]) < DEFAULT_THRESHOLD, code


def test_a_lower_threshold_brings_namesakes_back(ws):
    """The team may lower the likely tier: the conflict is a weight, not a veto."""
    settings = MatchSettings(review_threshold=0.3, possible_threshold=0.3)
    with ws.session() as s:
        ids = dict(s.execute(select(Contact.external_id, Contact.id)).all())
    result = scan_contacts(ws, settings)
    keys = {p.key for p in result.pairs}
    assert (ids["C-1"], ids["C-2"]) in keys


# ------------------------------------------------------------------ not duplicates


def test_contacts_marked_not_duplicates_leave_the_scan_until_undone(ws):
    from deskdup.models import ContactDismissal, Dismissal, EventKind, MergeEvent
    from deskdup.services.dismissals import dismiss_contacts
    from deskdup.services.undo import undo_event
    from tests.factories import make_operator

    with ws.session() as s:
        boss_row = make_operator(s, "boss", "Начальник", can_undo=True)
        s.flush()
        boss = boss_row.id
        ids = dict(s.execute(select(Contact.external_id, Contact.id)).all())
    pair = (ids["C-1"], ids["C-5"])
    assert pair in {p.key for p in scan_contacts(ws).pairs}
    assert dismiss_contacts(ws, [ids["C-5"], ids["C-1"]], boss, " one is the father ") == 1
    assert dismiss_contacts(ws, [ids["C-1"], ids["C-5"]], boss) == 0  # already marked
    assert pair not in {p.key for p in scan_contacts(ws, tier=POSSIBLE).pairs}
    with ws.session() as s:
        row = s.scalars(select(ContactDismissal)).one()
        assert (row.contact_a_id, row.contact_b_id, row.reason) == (*pair, "one is the father")
        assert s.scalar(select(Dismissal.id)) is None  # the leads' marks are apart
        event = s.scalars(select(MergeEvent).where(MergeEvent.kind == EventKind.DISMISS)).one()
        event_id = event.id
        assert event.choices["entity"] == "contact"
    # The history names the contacts (not leads of the same ids).
    from deskdup.services.history_detail import event_detail

    detail = event_detail(ws, event_id, None)
    assert detail.pairs == (("C-1", "C-5"),)
    undo_event(ws, event_id, boss)
    assert pair in {p.key for p in scan_contacts(ws).pairs}
    with ws.session() as s:
        undo = s.scalars(select(MergeEvent).where(MergeEvent.kind == EventKind.UNDO)).one()
        assert undo.choices["entity"] == "contact"


def test_marking_contacts_needs_the_rights_a_merge_needs(ws):
    from deskdup.models import Action, ContactDismissal, Entity, Scope
    from deskdup.services.dismissals import dismiss_contacts
    from deskdup.services.errors import RightsError
    from tests.factories import make_operator

    with ws.session() as s:
        # Reads every contact, deletes none.
        reader_row = make_operator(
            s, "reader", "Читатель", scopes={(Entity.CONTACT, Action.READ): Scope.ALL}
        )
        s.flush()
        reader = reader_row.id
        ids = dict(s.execute(select(Contact.external_id, Contact.id)).all())
    with pytest.raises(RightsError):
        dismiss_contacts(ws, [ids["C-1"], ids["C-2"]], reader)
    with ws.session() as s:
        assert s.scalar(select(ContactDismissal.id)) is None
