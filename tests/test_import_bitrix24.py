"""Bitrix24's own lead and contact exports, as the CRM writes them, imported and scanned.

The fixtures in tests/data/bitrix24 are shaped as Bitrix24's "Export to CSV"
writes them: UTF-8 with a BOM, ``;`` between quoted fields, CRLF, the Russian
column titles in the CRM's order (every phone, e-mail, website and messenger
kind in a column of its own), dates day first, the responsible person by full
name, the stage and source by display name, open-line chats as
``imol|connector|line|chat|user``.  The XLSX variant is the same table saved as
a workbook.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from deskdup.cli import main
from deskdup.models import Channel, CommKind, Contact, Lead
from deskdup.services.importer import import_file
from deskdup.services.importer.bitrix24_export import (
    detect_entity,
    header_column,
    read_source,
    status_code,
)
from deskdup.services.importer.people import AMBIGUOUS, PersonIndex
from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.operators import add_operator
from deskdup.services.workspace import Workspace

DATA = Path(__file__).parent / "data" / "bitrix24"
LEADS = DATA / "LEAD_20261125_b7c0f1.csv"
CONTACTS = DATA / "CONTACT_20261125_4e21a9.csv"


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    with workspace.session() as s:
        add_operator(s, "anna", "Смирнова Анна")
        add_operator(s, "oleg", "Кузнецов Олег Петрович")
    return workspace


def _add_maria(ws: Workspace) -> None:
    with ws.session() as s:
        add_operator(s, "maria", "Иванова Мария")


def _leads(ws: Workspace) -> dict[str, Lead]:
    with ws.session() as s:
        leads = list(s.scalars(select(Lead)))
        for lead in leads:
            _ = lead.communications, lead.chats, lead.assigned, lead.contact
        s.expunge_all()
    return {lead.external_id: lead for lead in leads}


def _comms(lead: Lead) -> set[tuple[str, str, str]]:
    return {(c.kind.value, c.channel.value, c.normalized) for c in lead.communications}


# --------------------------------------------------------------------------- columns


@pytest.mark.parametrize(
    ("title", "field", "channel"),
    [
        ("Рабочий телефон", "phone", None),
        ("Мобильный телефон", "phone", None),
        ("Номер факса", "phone", None),
        ("Домашний телефон", "phone", None),
        ("Номер пейджера", "phone", None),
        ("Телефон для рассылок", "phone", None),
        ("Другой телефон", "phone", None),
        ("Рабочий e-mail", "email", None),
        ("Частный e-mail", "email", None),
        ("E-mail для рассылок", "email", None),
        ("Другой e-mail", "email", None),
        ("Контакт Telegram", "messenger", Channel.TELEGRAM),
        ("Контакт ВКонтакте", "messenger", Channel.VK),
        ("Контакт Viber", "messenger", Channel.VIBER),
        ("Контакт WhatsApp", "messenger", Channel.WHATSAPP),
        ("Контакт Avito", "messenger", Channel.AVITO),
        ("Контакт Открытая линия", "messenger", Channel.OPENLINE),
        ("Онлайн-чат", "messenger", Channel.OPENLINE),
        ("Комментарии Instagram", "messenger", Channel.INSTAGRAM),
        ("Контакт Skype", "messenger", Channel.OTHER),
        ("Контакт Битрикс24.Network", "messenger", Channel.OTHER),
        ("Другой контакт", "messenger", Channel.OTHER),
        ("Страница ВКонтакте", "web", Channel.VK),
        ("Корпоративный сайт", "web", Channel.SITE),
        ("Ответственный", "assigned_to", None),
        ("Стадия", "status", None),
        ("Статус", "status", None),
        ("Источник", "source", None),
        ("Дата создания", "created_at", None),
        ("Дата изменения", "updated_at", None),
        ("Связанный контакт", "contact", None),
        ("Контакт", "contact", None),
        ("Комментарий", "comments", None),
        ("Название лида", "title", None),
        ("Имя", "first_name", None),
        ("Фамилия", "last_name", None),
        ("Отчество", "middle_name", None),
        ("ID", "id", None),
        # The English interface's titles.
        ("Work Phone", "phone", None),
        ("Mobile", "phone", None),
        ("Home E-mail", "email", None),
        ("Telegram account", "messenger", Channel.TELEGRAM),
        ("Viber contact", "messenger", Channel.VIBER),
        ("Open Channel account", "messenger", Channel.OPENLINE),
        ("Live Chat", "messenger", Channel.OPENLINE),
        ("Responsible person", "assigned_to", None),
        ("Created on", "created_at", None),
        ("Modified on", "updated_at", None),
        ("Lead Name", "title", None),
        ("Name", "first_name", None),
        ("Last name", "last_name", None),
        ("Second name", "middle_name", None),
    ],
)
def test_bitrix24_column_titles(title, field, channel):
    column = header_column(title)
    assert column is not None and column.field == field
    assert column.channel == channel


def test_columns_bitrix24_does_not_read():
    # A portal's own fields that only look like messengers stay unread.
    assert header_column("WhatsApp Group Id") is None
    assert header_column("Дополнительно об источнике") is None
    assert header_column("Кем создан") is None


@pytest.mark.parametrize(
    ("text", "known", "channel"),
    [
        ("Telegram - Открытая линия", True, Channel.TELEGRAM),
        ("7|TELEGRAM", True, Channel.TELEGRAM),
        ("Авито - Открытая линия 2", True, Channel.AVITO),
        ("4|AVITO", True, Channel.AVITO),
        ("ВКонтакте - Открытая линия", True, Channel.VK),
        ("Онлайн-чат - Открытая линия", True, Channel.OPENLINE),
        ("Звонок", True, Channel.CALL),
        ("Обратный звонок", True, Channel.CALL),
        ("CRM-форма", True, Channel.SITE),
        ("WEB", True, Channel.SITE),
        ("Электронная почта", True, Channel.EMAIL),
        ("Реклама", True, None),
        ("Существующий клиент", True, None),
        ("Парсинг конкурентов", False, None),
    ],
)
def test_sources(text, known, channel):
    assert tuple(read_source(text)) == (known, channel)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Не обработан", "new"),
        ("В работе", "in_process"),
        ("Обработан", "processed"),
        ("Качественный лид", "converted"),
        ("Некачественный лид", "junk"),
        ("Junk Lead", "junk"),
        ("Ждёт ответа клиента", "Ждёт ответа клиента"),  # a portal's own stage
    ],
)
def test_stages(text, code):
    assert status_code(text) == code


def test_export_kind_from_columns_or_file_name():
    assert detect_entity(["ID", "Название лида", "Имя"]) == "lead"
    assert detect_entity(["ID", "Имя", "Тип контакта"]) == "contact"
    assert detect_entity(["ID", "Имя"], "CONTACT_20261125.csv") == "contact"
    assert detect_entity(["ID", "Имя"], "export.csv") == "lead"


def test_people_by_name_in_any_order_with_or_without_patronymic():
    index = PersonIndex()
    index.add(1, "Смирнова Анна", "anna")
    index.add(2, "Кузнецов Олег Петрович", "oleg")
    index.add(3, "Фёдорова Ольга")
    index.add(4, "Иванов Сергей Иванович")
    index.add(5, "Иванов Сергей Петрович")
    assert index.find("Анна Смирнова") == 1
    assert index.find("СМИРНОВА анна") == 1
    assert index.find("anna") == 1
    assert index.find("Олег Кузнецов") == 2
    assert index.find("Федорова Ольга") == 3  # ё as е
    assert index.find("Сергей Иванов") == AMBIGUOUS  # two of them: not guessed
    assert index.find("Иванов Сергей Петрович") == 5
    assert index.find("Анна") is None  # one word is not enough
    assert index.find("Мария Иванова") is None


# --------------------------------------------------------------------------- the files


def test_a_missing_operator_is_listed_once_and_nothing_is_written(ws, capsys):
    report = import_file(ws, CONTACTS)
    assert report.entity == "contact" and report.bitrix24
    assert not report.written
    assert report.missing_operators == {"Мария Иванова": 1}
    assert report.operator_hint() == [  # the window and the command line fill in the workspace
        'deskdup operator add LOGIN --db WORKSPACE --name "Мария Иванова"'
    ]

    assert main(["import", str(LEADS), "--db", ws.url]) == 2
    err = capsys.readouterr().err
    # Two rows name her: one line about her, with the command that adds her.
    assert [line for line in err.splitlines() if "Мария Иванова" in line] == [
        f"  Мария Иванова (2 rows):  deskdup operator add LOGIN --db {ws.url} "
        '--name "Мария Иванова"'
    ]
    assert "LEAD_20261125_b7c0f1.csv:5" not in err  # her rows are not listed one by one
    assert _leads(ws) == {}


def test_lead_and_contact_exports_import_with_every_field(ws):
    _add_maria(ws)
    contacts = import_file(ws, CONTACTS)
    assert (contacts.entity, contacts.imported, contacts.rejected) == ("contact", 2, 0)
    report = import_file(ws, LEADS)
    assert report.bitrix24 and report.entity == "lead"
    assert (report.rows, report.imported, report.rejected) == (7, 7, 0)
    assert report.invalid_values == 0
    assert report.other_sources == {"Парсинг конкурентов": 1}

    with ws.session() as s:
        contact = s.scalars(select(Contact).where(Contact.external_id == "17")).one()
        assert (contact.last_name, contact.first_name, contact.middle_name) == (
            "Соколова", "Мария", "Викторовна",
        )  # fmt: skip
        assert contact.assigned.login == "maria"
        assert contact.created_at == datetime(2026, 10, 1, 11, 0)
        assert {c.normalized for c in contact.communications} == {
            "+79035550011", "maria.sokolova@yandex.ru",
        }  # fmt: skip
        contact_17 = contact.id

    leads = _leads(ws)
    tg = leads["1001"]
    assert tg.source_channel is Channel.TELEGRAM
    assert tg.status == "new"
    assert tg.assigned.login == "anna"  # "Анна Смирнова" is the operator "Смирнова Анна"
    assert tg.created_at == datetime(2026, 11, 25, 10, 2, 11)
    assert _comms(tg) == {("messenger", "telegram", "ivan_petrov93")}
    assert [(c.channel, c.external_chat_id) for c in tg.chats] == [
        (Channel.TELEGRAM, "imol|telegrambot|1|4801|1001")
    ]

    wa = leads["1002"]
    assert wa.source_channel is Channel.WHATSAPP
    assert wa.status == "in_process"
    assert wa.assigned.login == "oleg"  # without the patronymic
    assert wa.updated_at == datetime(2026, 11, 25, 11, 0)
    assert _comms(wa) == {
        ("phone", "whatsapp", "+79161234567"),
        ("messenger", "whatsapp", "+79161234567"),
    }

    site = leads["1003"]
    assert site.source_channel is Channel.SITE
    assert site.created_at == datetime(2026, 11, 25, 10, 9)  # no seconds
    assert site.comments == "Хочу узнать цену"
    assert _comms(site) == {  # two phones in one cell
        ("phone", "site", "+79161234567"),
        ("phone", "site", "+74957654321"),
        ("email", "site", "ivan.petrov@mail.ru"),
    }

    avito = leads["1004"]
    assert avito.source_channel is Channel.AVITO
    assert avito.assigned.login == "maria"
    assert ("messenger", "avito", "avito_user_5521") in _comms(avito)

    call = leads["1005"]
    assert call.contact_id == contact_17  # "Связанный контакт" 17 is bound
    assert call.status == "converted"
    assert {c.normalized for c in call.communications if c.kind is CommKind.PHONE} == {
        "+79035550011", "+79035550012",  # separated by ";"
    }  # fmt: skip

    # "Реклама" is a standard source but not a channel: the lead's Viber contact is.
    assert leads["1006"].source_channel is Channel.VIBER
    assert ("messenger", "viber", "+79214445566") in _comms(leads["1006"])
    assert (leads["1006"].last_name, leads["1006"].middle_name) == ("Васильев", "Андреевич")
    vk = leads["1007"]
    assert vk.status == "Ждёт ответа клиента"
    assert vk.source_channel is Channel.VK  # own source: the channel from its messenger
    assert ("web", "vk", "https://vk.com/id48213377") in _comms(vk)

    again = import_file(ws, LEADS)
    assert (again.imported, again.unchanged) == (0, 7)


def _xlsx_copy(csv_path: Path, xlsx_path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Лиды"
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.reader(f, delimiter=";"):
            sheet.append(row)
    book.save(xlsx_path)
    return xlsx_path


def test_the_xlsx_export_reads_as_the_csv(ws, tmp_path):
    _add_maria(ws)
    import_file(ws, _xlsx_copy(CONTACTS, tmp_path / "CONTACT_20261125.xlsx"))
    report = import_file(ws, _xlsx_copy(LEADS, tmp_path / "LEAD_20261125.xlsx"))
    assert (report.format, report.bitrix24, report.imported, report.rejected) == (
        "xlsx", True, 7, 0,
    )  # fmt: skip
    leads = _leads(ws)
    assert leads["1001"].created_at == datetime(2026, 11, 25, 10, 2, 11)
    assert leads["1005"].contact is not None and leads["1005"].contact.external_id == "17"
    assert leads["1002"].assigned.login == "oleg"


def test_a_lead_bound_to_a_contact_not_imported_yet_is_told_once(ws):
    _add_maria(ws)
    report = import_file(ws, LEADS)
    assert report.missing_contacts == {"17": 1}
    assert not report.written
    [bad] = report.bad_rows
    assert bad.line == 6 and "import the contacts export first" in bad.reason.render()


def test_english_export_titles(ws, tmp_path):
    path = tmp_path / "LEAD_en.csv"
    path.write_text(
        '\ufeff"ID";"Lead Name";"Name";"Last name";"Mobile";"Work E-mail";"Telegram account";'
        '"Status";"Source";"Responsible person";"Created on"\r\n'
        '"7";"Web form";"Anna";"Smirnova";"+7 916 000-11-22";"anna@example.com";"@anna_s";'
        '"In Progress";"Website";"Anna Smirnova";"03/04/2026 09:15"\r\n',
        encoding="utf-8",
    )
    with ws.session() as s:
        add_operator(s, "anna_en", "Smirnova Anna")
    report = import_file(ws, path)
    assert (report.imported, report.rejected) == (1, 0)
    lead = _leads(ws)["7"]
    assert (lead.first_name, lead.last_name) == ("Anna", "Smirnova")  # "Name" is the first name
    assert lead.status == "in_process" and lead.source_channel is Channel.SITE
    assert lead.created_at == datetime(2026, 4, 3, 9, 15)  # day first
    assert lead.assigned.login == "anna_en"
    assert ("messenger", "telegram", "anna_s") in _comms(lead)


def test_a_bitrix24_export_opens_and_finds_its_duplicates(ws, capsys):
    """End to end, as an operator would: contacts, then leads, then the scan."""
    _add_maria(ws)
    assert main(["import", str(CONTACTS), "--db", ws.url]) == 0
    assert main(["import", str(LEADS), "--db", ws.url]) == 0
    assert "Read as a Bitrix24 export of leads." in capsys.readouterr().err

    index = MatchIndex.build(ws, MatchSettings())
    result = index.result()
    labels = {lead.id: lead.external_id for lead in _leads(ws).values()}
    groups = sorted(sorted(labels[i] for i in g.lead_ids) for g in result.groups)
    # Telegram, WhatsApp and the site form of one customer; Avito and a call of another.
    assert groups == [["1001", "1002", "1003"], ["1004", "1005"]]


def test_a_name_two_operators_share_is_not_guessed(ws):
    _add_maria(ws)
    import_file(ws, CONTACTS)
    with ws.session() as s:
        add_operator(s, "maria2", "Мария Иванова")  # a namesake
    report = import_file(ws, LEADS)
    assert report.missing_operators == {}
    reasons = {b.line: b.reason.render() for b in report.bad_rows}
    assert reasons == {
        5: "'Мария Иванова' is the name of several operators: write the login in the cell instead",
        6: "'Мария Иванова' is the name of several operators: write the login in the cell instead",
    }
