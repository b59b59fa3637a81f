"""`deskdup contacts find` and `deskdup bind`: output, rights, nothing lost, undo."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from deskdup.cli import main
from deskdup.models import (
    Action,
    Channel,
    Chat,
    CommKind,
    Communication,
    Contact,
    Entity,
    EventKind,
    Lead,
    MergeEvent,
    Scope,
)
from deskdup.services.binding import bind_lead, comm_key
from deskdup.services.errors import RightsError
from deskdup.services.merge import row_dict
from deskdup.services.workspace import open_workspace
from tests.factories import BASE_TIME, make_comm, make_lead, make_operator

LEAD_EDIT = {(Entity.LEAD, Action.READ): Scope.ALL, (Entity.LEAD, Action.EDIT): Scope.ALL}
CONTACT_EDIT = {
    (Entity.CONTACT, Action.READ): Scope.ALL,
    (Entity.CONTACT, Action.EDIT): Scope.ALL,
}


def _contact(s, last, first, middle="", ext=None, comms=(), owner=None):
    contact = Contact(
        external_id=ext,
        first_name=first,
        last_name=last,
        middle_name=middle,
        assigned=owner,
        created_at=BASE_TIME,
        updated_at=BASE_TIME,
    )
    for kind, channel, raw in comms:
        contact.communications.append(make_comm(kind, channel, raw))
    s.add(contact)
    s.flush()
    return contact


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "bind.sqlite")
    ws = open_workspace(path)
    with ws.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        boris = make_operator(s, "boris", "Борисов Борис", "Sales 2", scopes=Scope.OWN)
        make_operator(s, "leads_only", "Лидов", "Sales 1", scopes=LEAD_EDIT)
        make_operator(s, "contacts_only", "Контактов", "Sales 1", scopes=CONTACT_EDIT)
        _contact(
            s,
            "Ермакова",
            "Елизавета",
            "Антоновна",
            ext="C-77",
            owner=boris,
            comms=[(CommKind.PHONE, Channel.CALL, "+7 916 123-45-67")],
        )
        _contact(s, "Ермакова", "Елизавета", "Петровна", ext="C-78", owner=anna)
        make_lead(
            s,
            owner=anna,
            external_id="L-1",
            first_name="Лиза",
            last_name="Ермакова",
            comms=[
                (CommKind.PHONE, Channel.CALL, "8 (916) 123 45 67"),
                (CommKind.EMAIL, Channel.EMAIL, "liza@example.ru"),
                (CommKind.MESSENGER, Channel.TELEGRAM, "@lizaerm"),
            ],
            chats=2,
        )
    ws.dispose()
    return path


def _state(path):
    """Every row binding may touch, as plain data (versions aside)."""
    ws = open_workspace(path)
    try:
        with ws.session() as s:

            def rows(model):
                out = []
                for obj in s.scalars(select(model).order_by(model.id)):
                    data = row_dict(obj)
                    data.pop("version", None)
                    out.append(data)
                return out

            return {m.__name__: rows(m) for m in (Lead, Contact, Communication, Chat)}
    finally:
        ws.dispose()


def test_find_jsonl_best_first_with_crm_ids(db, capsys):
    code = main(["contacts", "find", "--db", db, "Ермакоа", "Елизавета", "Антоновна"])
    assert code == 0
    capsys.readouterr()
    code = main(
        ["contacts", "find", "--db", db, "Ермакоа Елизавета Антоновна", "--format", "jsonl"]
    )
    assert code == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["C-77", "C-78"]
    assert set(rows[0]) == {"id", "name", "score", "reasons"}
    assert rows[0]["name"] == "Ермакова Елизавета Антоновна"
    assert rows[0]["score"] > rows[1]["score"]
    assert rows[0]["reasons"] and all(isinstance(r, str) for r in rows[0]["reasons"])


def test_find_by_phone_table_and_limit(db, capsys):
    assert main(["contacts", "find", "--db", db, "89161234567"]) == 0
    out = capsys.readouterr().out
    assert "C-77" in out and "C-78" not in out
    assert (
        main(["contacts", "find", "--db", db, "Ermakova", "--format", "jsonl", "--limit", "1"]) == 0
    )
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_find_refuses_a_bad_limit_and_a_missing_workspace(db, tmp_path, capsys):
    assert main(["contacts", "find", "--db", db, "x", "--limit", "0"]) == 2
    assert main(["contacts", "find", "--db", str(tmp_path / "none.sqlite"), "x"]) == 2
    assert "deskdup:" in capsys.readouterr().err


def test_bind_adds_the_leads_channels_without_duplicates(db, capsys):
    code = main(["bind", "--db", db, "--as", "anna", "--lead", "L-1", "--contact", "C-77"])
    assert code == 0, capsys.readouterr().err
    assert "Bound lead #L-1 to contact #C-77" in capsys.readouterr().out
    ws = open_workspace(db)
    try:
        with ws.session() as s:
            lead = s.scalar(select(Lead).where(Lead.external_id == "L-1"))
            contact = s.scalar(select(Contact).where(Contact.external_id == "C-77"))
            assert lead.contact_id == contact.id
            values = sorted(c.normalized for c in contact.communications)
            assert values == sorted(["+79161234567", "liza@example.ru", "lizaerm"])
            assert len(lead.communications) == 3  # the lead keeps its own
            assert {chat.contact_id for chat in lead.chats} == {contact.id}
            event = s.scalars(select(MergeEvent)).one()
            assert event.kind is EventKind.BIND_CONTACT
            assert event.snapshot["leads"][0]["contact_id"] is None
    finally:
        ws.dispose()
    # Again: nothing left to add, said so, exit 2.
    assert main(["bind", "--db", db, "--as", "anna", "--lead", "L-1", "--contact", "C-77"]) == 2
    assert "already bound" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("login", "contact", "words"),
    [
        ("leads_only", "C-77", "Contact #C-77 belongs to Борисов Борис (Sales 2)"),
        ("contacts_only", "C-77", "Lead #L-1 belongs to Петрова Анна (Sales 1)"),
        ("boris", "C-77", "Lead #L-1 belongs to Петрова Анна (Sales 1)"),
        ("boris", "C-78", "You may not do this; nothing was changed:\n• Lead #L-1"),
    ],
)
def test_bind_without_rights_changes_nothing(db, capsys, login, contact, words):
    before = _state(db)
    code = main(["bind", "--db", db, "--as", login, "--lead", "L-1", "--contact", contact])
    assert code == 2
    assert words in capsys.readouterr().err
    assert _state(db) == before


def test_bind_unknown_ids_are_refused(db, capsys):
    assert main(["bind", "--db", db, "--as", "anna", "--lead", "L-1", "--contact", "C-1"]) == 2
    assert "no contact with the id 'C-1'" in capsys.readouterr().err
    assert main(["bind", "--db", db, "--as", "anna", "--lead", "L-9", "--contact", "C-77"]) == 2


def test_undo_restores_exactly(db, capsys):
    before = _state(db)
    assert main(["bind", "--db", db, "--as", "anna", "--lead", "L-1", "--contact", "C-77"]) == 0
    assert _state(db) != before
    assert main(["undo", "--db", db, "--as", "anna"]) == 0
    assert "bind_contact" in capsys.readouterr().out
    assert _state(db) == before
    assert main(["undo", "--db", db, "--as", "anna"]) == 2  # nothing left


def test_undo_refused_after_the_contact_changed(db, capsys):
    assert main(["bind", "--db", db, "--as", "anna", "--lead", "L-1", "--contact", "C-77"]) == 0
    ws = open_workspace(db)
    with ws.session() as s:
        s.scalar(select(Contact).where(Contact.external_id == "C-77")).comments = "called"
    ws.dispose()
    assert main(["undo", "--db", db, "--as", "anna"]) == 2
    assert "contact" in capsys.readouterr().err.lower()


_phone = st.sampled_from(["+7 916 000-00-01", "8 916 000 00 02", "79160000003", "12345"])
_email = st.sampled_from(["a@example.ru", "B@Example.ru", "c@example.ru"])
_handle = st.sampled_from(["@one", "two", "@Three"])
_comm = st.one_of(
    st.tuples(st.just(CommKind.PHONE), st.just(Channel.CALL), _phone),
    st.tuples(st.just(CommKind.EMAIL), st.just(Channel.EMAIL), _email),
    st.tuples(st.just(CommKind.MESSENGER), st.just(Channel.TELEGRAM), _handle),
)


@pytest.fixture(scope="module")
def prop_ws(tmp_path_factory):
    ws = open_workspace(str(tmp_path_factory.mktemp("bind") / "props.sqlite"))
    with ws.session() as s:
        operator_id = make_operator(s, "anna").id
    yield ws, operator_id
    ws.dispose()


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lead_comms=st.lists(_comm, max_size=6),
    contact_comms=st.lists(_comm, max_size=4, unique_by=lambda c: (c[0], c[2])),
    chats=st.integers(0, 3),
)
def test_binding_loses_nothing_of_the_lead(prop_ws, lead_comms, contact_comms, chats):
    ws, operator_id = prop_ws
    with ws.session() as s:
        lead = make_lead(s, first_name="Иван", comms=lead_comms, chats=chats)
        contact = _contact(s, "Петров", "Иван", comms=contact_comms)
        lead_id, contact_id = lead.id, contact.id
        lead_before = sorted(
            comm_key(c.kind, c.normalized, c.raw_value) for c in lead.communications
        )
        contact_before = [
            comm_key(c.kind, c.normalized, c.raw_value) for c in contact.communications
        ]
        chat_ids = sorted(c.id for c in lead.chats)
    try:
        bind_lead(ws, lead_id, contact_id, operator_id)
    except Exception as exc:  # only "nothing to add" may refuse, and only when there is nothing
        assert not isinstance(exc, RightsError)
        assert set(lead_before) <= set(contact_before) and not chat_ids
        return
    with ws.session() as s:
        lead = s.get(Lead, lead_id)
        contact = s.get(Contact, contact_id)
        after = [comm_key(c.kind, c.normalized, c.raw_value) for c in contact.communications]
        assert lead.contact_id == contact_id
        assert set(lead_before) <= set(after)  # every channel of the lead is on the contact
        assert len(after) == len(set(contact_before)) + len(set(lead_before) - set(contact_before))
        assert (
            sorted(comm_key(c.kind, c.normalized, c.raw_value) for c in lead.communications)
            == lead_before
        )
        assert (
            sorted(c.id for c in s.scalars(select(Chat).where(Chat.contact_id == contact_id)))
            == chat_ids
        )


def test_find_says_when_nothing_matches_and_exits_1(db, capsys):
    for fmt in ("table", "jsonl"):
        code = main(["contacts", "find", "--db", db, "Щукинаклмн Зоя", "--format", fmt])
        out = capsys.readouterr()
        assert code == 1, fmt
        assert out.out == ""  # stdout stays a clean (empty) listing
        assert "No contact matches 'Щукинаклмн Зоя'" in out.err
