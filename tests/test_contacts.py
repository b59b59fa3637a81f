"""Contact search: by CRM id, names as operators type them, phones in any form."""

from __future__ import annotations

import pytest

from deskdup.models import Channel, CommKind, Contact
from deskdup.services.contacts import ContactIndex
from deskdup.services.merge import utcnow
from deskdup.services.workspace import open_workspace
from tests.factories import BASE_TIME, make_comm


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
    return contact.id


@pytest.fixture
def book(tmp_path):
    ws = open_workspace(str(tmp_path / "contacts.sqlite"))
    with ws.session() as s:
        ids = {
            "elizaveta": _contact(
                s,
                "Ермакова",
                "Елизавета",
                "Антоновна",
                ext="C-77",
                comms=[
                    (CommKind.PHONE, Channel.CALL, "+7 916 123-45-67"),
                    (CommKind.EMAIL, Channel.EMAIL, "liza.erm@example.ru"),
                    (CommKind.MESSENGER, Channel.TELEGRAM, "@lizaerm"),
                ],
            ),
            "namesake": _contact(s, "Ермакова", "Елизавета", "Петровна", ext="C-78"),
            "petrov": _contact(s, "Петров", "Иван", "Сергеевич", ext="C-90"),
            "petrov_other": _contact(s, "Петров", "Игорь", "Алексеевич", ext="C-91"),
            "fedor": _contact(s, "Фёдоров", "Алексей", "", ext="C-92"),
            "other": _contact(s, "Смирнова", "Ольга", "Ивановна", ext="C-93"),
        }
    index = ContactIndex.build(ws)
    yield ws, index, ids
    ws.dispose()


def _first(index, text):
    hits = index.search(text)
    assert hits, f"nothing found for {text!r}"
    return hits


def test_by_crm_id_exact(book):
    _ws, index, ids = book
    hits = _first(index, "C-78")
    assert hits[0].contact_id == ids["namesake"]
    assert "Contact ID C-78" in [str(r) for r in hits[0].reasons]
    assert index.search("C-7") == [] or all(h.label != "C-7" for h in index.search("C-7"))


@pytest.mark.parametrize(
    "text",
    [
        "Ермакова Елизавета Антоновна",
        "Елизавета Антоновна Ермакова",
        "Ермакова Е. А.",
        "Ермакова Е.А.",
        "Е.А. Ермакова",
        "Ермакоа Елизавета Антоновна",
        "Ermakova Elizaveta Antonovna",
        "Лиза Ермакова Антоновна",
    ],
)
def test_names_as_typed_rank_the_right_person_first(book, text):
    _ws, index, ids = book
    hits = _first(index, text)
    assert hits[0].contact_id == ids["elizaveta"], [(h.name, h.score) for h in hits]
    assert hits[0].reasons


@pytest.mark.parametrize("text", ["Ермакоа Елизавета", "Ermakova Elizaveta", "Елизавета Ермакова"])
def test_names_without_patronymic_find_both_namesakes(book, text):
    _ws, index, ids = book
    found = {h.contact_id for h in _first(index, text)}
    assert {ids["elizaveta"], ids["namesake"]} <= found
    assert ids["other"] not in found


def test_namesake_with_another_patronymic_ranks_below(book):
    _ws, index, ids = book
    hits = _first(index, "Ермакова Елизавета Петровна")
    order = [h.contact_id for h in hits]
    assert order.index(ids["namesake"]) < order.index(ids["elizaveta"])
    hits = _first(index, "Ермакова Елизавета Антоновна")
    order = [h.contact_id for h in hits]
    assert order.index(ids["elizaveta"]) < order.index(ids["namesake"])
    assert hits[0].score > hits[1].score


@pytest.mark.parametrize("text", ["Петров И. С.", "И.С. Петров", "Петров Иван"])
def test_initials(book, text):
    _ws, index, ids = book
    assert _first(index, text)[0].contact_id == ids["petrov"]


def test_yo_and_e(book):
    _ws, index, ids = book
    assert _first(index, "Федоров Алексей")[0].contact_id == ids["fedor"]


@pytest.mark.parametrize(
    "text", ["89161234567", "79161234567", "+7 (916) 123-45-67", "8 916 123 45 67"]
)
def test_phone_in_any_form(book, text):
    _ws, index, ids = book
    hits = _first(index, text)
    assert [h.contact_id for h in hits] == [ids["elizaveta"]]


@pytest.mark.parametrize("text", ["Liza.Erm@Example.ru", "@lizaerm", "t.me/lizaerm"])
def test_email_and_handle(book, text):
    _ws, index, ids = book
    assert _first(index, text)[0].contact_id == ids["elizaveta"]


def test_unknown_text_finds_nothing(book):
    _ws, index, _ids = book
    assert index.search("89000000000") == []
    assert index.search("   ") == []


def test_refresh_is_incremental(book):
    ws, index, ids = book
    with ws.session() as s:
        contact = s.get(Contact, ids["other"])
        contact.last_name = "Кузнецова"
        contact.updated_at = utcnow()
        new_id = _contact(s, "Ермакова", "Мария", "", ext="C-99")
        s.get(Contact, new_id).updated_at = utcnow()
    assert index.refresh(ws) >= 2
    assert _first(index, "Кузнецова Ольга")[0].contact_id == ids["other"]
    assert all(h.contact_id != ids["other"] for h in index.search("Смирнова Ольга"))
    assert _first(index, "C-99")[0].contact_id == new_id
    # Read again: only the rows at the newest time seen come back, not the book.
    assert index.refresh(ws) <= 2
