"""`deskdup scan --entity contact` and `deskdup merge --entity contact`, on a real
SQLite workspace and on PostgreSQL; and the reason of contacts on one deal."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import insert, select

from deskdup.cli import main
from deskdup.models import (
    Action,
    Channel,
    CommKind,
    Communication,
    Contact,
    Deal,
    Entity,
    Lead,
    Scope,
    deal_contacts,
)
from deskdup.services.matching.contacts import scan_contacts
from deskdup.services.workspace import open_workspace
from tests.factories import BASE_TIME, make_comm, make_lead, make_operator

pytest_plugins = ("tests.postgres",)

PEOPLE = [
    # external id, last, first, middle, phone
    ("C-1", "Петров", "Иван", "Сергеевич", "+7 916 111-11-11"),
    ("C-2", "Петров", "Иван", "", "8 (916) 111-11-11"),
    ("C-3", "Сидорова", "Анна", "", "+7 903 222-22-22"),
    ("C-4", "Сидорова", "Аня", "", "+7 903 333-33-33"),
    ("C-5", "Козлов", "Пётр", "", "+7 905 444-44-44"),
    ("C-6", "Козлова", "Мария", "", "+7 905 555-55-55"),
]


def _fill(url: str) -> None:
    ws = open_workspace(url)
    try:
        with ws.session() as s:
            make_operator(s, "boss", "Начальник", can_undo=True)
            make_operator(
                s,
                "trainee",
                "Стажёр",
                scopes={(e, a): Scope.ALL for e in (Entity.LEAD,) for a in Action},
            )
            ids = {}
            for ext, last, first, middle, phone in PEOPLE:
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
                comm = make_comm(CommKind.PHONE, Channel.OTHER, phone)
                comm.contact_id = contact.id
                s.add(comm)
                ids[ext] = contact.id
            # Anna and Anya on one deal (no phone in common); the Kozlovs, husband
            # and wife, on another: a shared deal alone makes nobody one person.
            for ext, members in (("D-7", ("C-3", "C-4")), ("D-8", ("C-5", "C-6", "C-2"))):
                deal = Deal(external_id=ext, title=ext, created_at=BASE_TIME)
                s.add(deal)
                s.flush()
                for member in members:
                    s.execute(insert(deal_contacts).values(deal_id=deal.id, contact_id=ids[member]))
            make_lead(
                s,
                first_name="Иван",
                last_name="Петров",
                external_id="L-9",
                contact=s.get(Contact, ids["C-2"]),
            )
    finally:
        ws.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        value = str(tmp_path / "contacts.sqlite")
    else:
        value = request.getfixturevalue("pg_database")
    _fill(value)
    return value


def _scan(url: str, capsys) -> list[dict]:
    assert main(["scan", "--db", url, "--entity", "contact", "--format", "jsonl"]) == 0
    out = capsys.readouterr()
    assert "contacts," in out.err
    return [json.loads(line) for line in out.out.splitlines()]


def test_scan_and_merge_contacts_from_the_command_line(url, capsys):
    pairs = _scan(url, capsys)
    found = {(p["a"], p["b"]): p for p in pairs}
    assert set(found) == {("C-1", "C-2"), ("C-3", "C-4")}
    assert "Same phone +79161111111" in found[("C-1", "C-2")]["reasons"]
    assert "On one deal: D-7" in found[("C-3", "C-4")]["reasons"]

    assert main(["scan", "--db", url, "--entity", "contact"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["score", "contact", "contact"]
    assert "C-3 Сидорова Анна" in table

    argv = ["merge", "--db", url, "--entity", "contact", "--primary", "C-1", "--with", "C-2"]
    assert main([*argv, "--as", "trainee"]) == 2
    err = capsys.readouterr().err
    assert "Contact #C-1 has no responsible operator; you have no edit right on contacts" in err
    assert main([*argv, "--as", "boss", "--choose", "middle=C-2"]) == 0
    assert "Merged 2 contacts into #C-1" in capsys.readouterr().out

    ws = open_workspace(url, create=False)
    try:
        with ws.session() as s:
            primary = s.scalar(select(Contact).where(Contact.external_id == "C-1"))
            assert primary.middle_name == ""
            lead = s.scalar(select(Lead).where(Lead.external_id == "L-9"))
            assert lead.contact_id == primary.id
            phones = s.scalars(
                select(Communication.normalized).where(Communication.contact_id == primary.id)
            ).all()
            assert phones == ["+79161111111"]
            deals = s.scalars(
                select(Deal.external_id)
                .join(deal_contacts, deal_contacts.c.deal_id == Deal.id)
                .where(deal_contacts.c.contact_id == primary.id)
            ).all()
            assert deals == ["D-8"]
    finally:
        ws.dispose()
    assert [(p["a"], p["b"]) for p in _scan(url, capsys)] == [("C-3", "C-4")]

    assert main([*argv, "--as", "boss"]) == 2
    assert "C-2 was already merged into #C-1" in capsys.readouterr().err
    assert main(["merge", "--db", url, "--entity", "contact", "--as", "boss",
                 "--primary", "C-3", "--with", "L-9"]) == 2  # fmt: skip
    assert "no contact with the id 'L-9'" in capsys.readouterr().err

    assert main(["undo", "--db", url, "--as", "boss"]) == 0
    assert "Undid the merge of contacts into #C-1" in capsys.readouterr().out
    assert {(p["a"], p["b"]) for p in _scan(url, capsys)} == {("C-1", "C-2"), ("C-3", "C-4")}


def test_a_deal_with_several_contacts_is_a_reason_only_when_they_look_alike(tmp_path):
    path = str(tmp_path / "deal.sqlite")
    _fill(path)
    ws = open_workspace(path, create=False)
    try:
        from deskdup.services.matching.settings import POSSIBLE

        result = scan_contacts(ws, tier=POSSIBLE)
        labels = {p.key: p for p in result.pairs}
        with ws.session() as s:
            ids = dict(s.execute(select(Contact.external_id, Contact.id)).all())
        anna = labels[(ids["C-3"], ids["C-4"])]
        codes = [r.code for r in anna.reasons]
        assert codes[:2] == ["full_name", "same_deal"]
        assert anna.score >= 0.6
        # Husband and wife on one deal: not offered at all.
        assert (ids["C-5"], ids["C-6"]) not in labels
        assert (ids["C-2"], ids["C-5"]) not in labels
    finally:
        ws.dispose()
