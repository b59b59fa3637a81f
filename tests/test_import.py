"""Importing CRM exports as CSV or text: names, headers, encodings, bad rows,
re-import, malformed files and the command line.  Workbooks: test_import_xlsx.py."""

from __future__ import annotations

import csv
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from deskdup.cli import main
from deskdup.models import Channel, Chat, CommKind, Communication, Lead
from deskdup.services.errors import KnownError
from deskdup.services.importer import fast_ru_mobile, import_file, split_full_name
from deskdup.services.normalize import normalize_comm
from tests.factories import count_rows, leads_by_external_id, write_text

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "leads_sample.csv"
SAMPLE_ROWS = 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Петров Иван Сергеевич", ("Петров", "Иван", "Сергеевич")),
        ("Иван Сергеевич Петров", ("Петров", "Иван", "Сергеевич")),
        ("Иван Петров", ("Петров", "Иван", "")),
        ("Петров Иван", ("Петров", "Иван", "")),
        ("Петрова Анна", ("Петрова", "Анна", "")),
        ("Ваня", ("", "Ваня", "")),
        ("Кузнецов", ("Кузнецов", "", "")),
        ("Петров И. С.", ("Петров", "И.", "С.")),
        ("Мамедов Али Гусейн оглы", ("Мамедов", "Али", "Гусейн оглы")),
        ("Абрамович Роман Аркадьевич", ("Абрамович", "Роман", "Аркадьевич")),
        ("мария ивановна смирнова", ("смирнова", "мария", "ивановна")),
        ("", ("", "", "")),
    ],
)
def test_split_full_name(text, expected):
    assert split_full_name(text) == expected


def test_sample_csv_imports_with_names_phones_and_chats(import_ws):
    report = import_file(import_ws, SAMPLE)
    assert (report.rows, report.imported, report.rejected, report.unchanged) == (
        SAMPLE_ROWS,
        SAMPLE_ROWS,
        0,
        0,
    )
    assert report.written and report.format == "csv"
    assert report.invalid_values == 1  # "123-45" is kept, flagged
    with import_ws.session() as s:
        site = s.scalars(select(Lead).where(Lead.external_id == "B-1004")).one()
        assert (site.last_name, site.first_name, site.middle_name) == (
            "Петров",
            "Иван",
            "Сергеевич",
        )
        assert site.source_channel is Channel.SITE
        assert site.created_at == datetime(2026, 10, 5, 10, 19)
        assert site.assigned.login == "operator"
        assert site.status == "in_process"
        assert {(c.kind, c.normalized) for c in site.communications} == {
            (CommKind.PHONE, "+79161234567"),
            (CommKind.EMAIL, "ivan.petrov@mail.ru"),
        }
        assert site.chats[0].first_message.startswith("Добрый день!")
        tg = s.scalars(select(Lead).where(Lead.external_id == "B-1010")).one()
        assert [(c.kind, c.channel, c.normalized) for c in tg.communications] == [
            (CommKind.MESSENGER, Channel.TELEGRAM, "masha_smirnova")
        ]
        wa = s.scalars(select(Lead).where(Lead.external_id == "B-1002")).one()
        assert wa.communications[0].normalized == "+79161234567"
        assert wa.first_name == "Ваня"
        bad_phone = s.scalars(
            select(Communication).where(Communication.raw_value == "123-45")
        ).one()
        assert not bad_phone.is_valid


def test_reimport_changes_nothing(import_ws):
    import_file(import_ws, SAMPLE)
    with import_ws.session() as s:
        before = [(x.id, x.version, x.updated_at, x.title) for x in s.scalars(select(Lead))]
    counts = [count_rows(import_ws, t) for t in (Lead, Communication, Chat)]
    report = import_file(import_ws, SAMPLE)
    assert (report.imported, report.unchanged, report.rejected) == (0, SAMPLE_ROWS, 0)
    assert [count_rows(import_ws, t) for t in (Lead, Communication, Chat)] == counts
    with import_ws.session() as s:
        after = [(x.id, x.version, x.updated_at, x.title) for x in s.scalars(select(Lead))]
    assert after == before


HEADER = "id,created_at,channel,name,phone,email,telegram,message,assigned_to,status\n"
ROWS = (
    "1,2026-11-01T10:00:00,whatsapp,Петров Иван,8 (916) 123-45-67,,,Сколько стоит?,operator,new\n"
    "2,2026-11-01T10:05:00,telegram,,,,@vanya_petrov93,Сколько стоит?,,\n"
    "3,2026-11-01T10:09:00,site,Иван Петров,"
    '"+7 916 123 45 67; 8 903 111-22-33",ivan@mail.ru,,,trainee,\n'
)


@pytest.mark.parametrize(
    ("bom", "delimiter"), [(True, ","), (False, ","), (True, ";"), (False, ";")]
)
def test_csv_with_or_without_bom_comma_or_semicolon(import_ws, tmp_path, bom, delimiter):
    text = (HEADER + ROWS).replace(",", delimiter) if delimiter == ";" else HEADER + ROWS
    if delimiter == ";":
        # The two phones in one cell keep their own separator.
        text = text.replace(
            '"+7 916 123 45 67; 8 903 111-22-33"', '"+7 916 123 45 67, 8 903 111-22-33"'
        )
    report = import_file(import_ws, write_text(tmp_path / "x.csv", text, bom=bom))
    assert (report.imported, report.rejected) == (3, 0)
    with import_ws.session() as s:
        lead = s.scalars(select(Lead).where(Lead.external_id == "3")).one()
        assert sorted(c.normalized for c in lead.communications) == [
            "+79031112233",
            "+79161234567",
            "ivan@mail.ru",
        ]
        assert (lead.first_name, lead.last_name) == ("Иван", "Петров")


def test_headers_are_case_insensitive_and_accept_russian_names(import_ws, tmp_path):
    text = (
        "ID;Дата создания;ИСТОЧНИК;Имя;Фамилия;Телефон;Мобильный телефон;"
        "E-MAIL;Ответственный;Extra\n"
        "77;2026-11-01 12:00;WEB;Анна;Петрова;8 903 555 12 34;+7 926 000 11 22;"
        "A@Mail.RU;TRAINEE;x\n"
    )
    report = import_file(import_ws, write_text(tmp_path / "b24.csv", text))
    assert (report.imported, report.rejected) == (1, 0)
    assert report.ignored_columns == ["Extra"]
    with import_ws.session() as s:
        lead = s.scalars(select(Lead)).one()
        assert (lead.external_id, lead.first_name, lead.last_name) == ("77", "Анна", "Петрова")
        assert lead.source_channel is Channel.SITE
        assert lead.assigned.login == "trainee"
        assert sorted(c.normalized for c in lead.communications) == [
            "+79035551234",
            "+79260001122",
            "a@mail.ru",
        ]


def test_windows_1251_csv_is_read(import_ws, tmp_path):
    text = (
        "ID;Дата создания;Источник;ФИО;Телефон;Комментарий\n"
        "1;2026-11-01 12:00;Сайт;Ёлкина Анна Сергеевна;8 903 555 12 34;№ 5 «срочно» — перезвонить\n"
        # Ukrainian names are written in Windows-1251 too.
        + "".join(f"{i};;;Їжакевич Євгенія Іванівна;;Ґанок, ї, є, і\n" for i in range(2, 40))
    )
    report = import_file(import_ws, write_text(tmp_path / "b24.csv", text, encoding="cp1251"))
    assert (report.imported, report.rejected, report.encoding) == (39, 0, "cp1251")
    lead = leads_by_external_id(import_ws)["1"]
    assert (lead.last_name, lead.first_name, lead.middle_name) == ("Ёлкина", "Анна", "Сергеевна")
    assert lead.comments == "№ 5 «срочно» — перезвонить"
    assert lead.source_channel is Channel.SITE


def test_utf8_file_with_a_windows_1251_line_is_refused_naming_the_line(import_ws, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes("id;name\n1;Иван Петров\n".encode() + "2;Пётр Иванов\n".encode("cp1251"))
    with pytest.raises(KnownError, match="not UTF-8 text from line 3 on"):
        import_file(import_ws, path)
    assert count_rows(import_ws, Lead) == 0


def test_utf16_text_export_is_read(import_ws, tmp_path):
    # Excel's "Unicode text": UTF-16 with a BOM, tab-separated.
    text = "id\tname\tphone\n1\tИван Петров\t89161234567\n"
    report = import_file(
        import_ws, write_text(tmp_path / "x.txt", "\ufeff" + text, encoding="utf-16-le")
    )
    assert (report.imported, report.encoding) == (1, "utf-16")
    lead = leads_by_external_id(import_ws)["1"]
    assert (lead.first_name, lead.communications[0].normalized) == ("Иван", "+79161234567")


def test_header_with_no_known_column_lists_the_expected_ones(import_ws, tmp_path):
    path = write_text(tmp_path / "x.csv", "Клиент;Номер;Когда\nИван;89161234567;вчера\n")
    with pytest.raises(KnownError) as caught:
        import_file(import_ws, path)
    message = str(caught.value)
    assert "it reads: Клиент, Номер, Когда" in message
    for name in ("id", "created_at", "channel", "name", "phone", "email", "telegram",
                 "whatsapp", "message", "assigned_to", "status"):  # fmt: skip
        assert name in message


BAD = (
    "id,created_at,channel,name,phone,assigned_to\n"
    "1,2026-11-01T10:00:00,whatsapp,Иван,89161234567,operator\n"
    "2,11/25/2026,telegram,,,\n"
    "3,2026-11-01T10:09:00,fax,Анна,,\n"
    '4,2026-11-01T10:10:00,site,"Петров\nИван",12,\n'
    "5,2026-11-01T10:11:00,site,Олег,,nobody\n"
    "1,2026-11-01T10:12:00,site,Олег,,\n"
    ",2026-11-01T10:13:00,site,Олег,,\n"
)


def test_bad_rows_are_reported_with_line_numbers_and_nothing_is_written(import_ws, tmp_path):
    report = import_file(import_ws, write_text(tmp_path / "bad.csv", BAD))
    assert not report.written
    assert report.imported == 0
    assert [(b.line, b.reason.template.split(" ")[0]) for b in report.bad_rows] == [
        (3, "cannot"),
        (4, "unknown"),
        (7, "unknown"),
        (8, "id"),
        (9, "the"),
    ]
    assert report.bad_rows[1].reason.params == {"value": "fax"}
    assert report.bad_rows[3].reason.params == {"id": "1", "first": 2}
    assert "Nothing imported" in report.summary().render()
    assert count_rows(import_ws, Lead) == 0 and count_rows(import_ws, Communication) == 0


def test_skip_bad_imports_the_rest_and_writes_the_rejects(import_ws, tmp_path):
    rejects = tmp_path / "rejects.csv"
    report = import_file(
        import_ws, write_text(tmp_path / "bad.csv", BAD), skip_bad=True, rejects_path=rejects
    )
    assert report.written
    assert (report.rows, report.imported, report.rejected) == (7, 2, 5)
    assert report.invalid_values == 1  # the phone "12" of row 4, kept and flagged
    with import_ws.session() as s:
        assert sorted(s.scalars(select(Lead.external_id))) == ["1", "4"]
        multiline = s.scalars(select(Lead).where(Lead.external_id == "4")).one()
        assert multiline.communications[0].raw_value == "12"
        assert not multiline.communications[0].is_valid
    with rejects.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["line"] for r in rows] == ["3", "4", "7", "8", "9"]
    assert rows[0]["created_at"] == "11/25/2026"
    assert "day first" in rows[0]["reason"]
    assert rows[2]["assigned_to"] == "nobody" and "nobody" in rows[2]["reason"]


def test_progress_is_reported(import_ws):
    calls = []
    import_file(import_ws, SAMPLE, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (SAMPLE_ROWS, SAMPLE_ROWS)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf\r\n  \n", "empty"),
        ("1;Иван;89161234567\n".encode(), "not a header"),
        ("name,phone\nИван,89161234567\n".encode(), "no 'id' column"),
        ("id,name\n1,Ĳsbrand Œuvre ÿ ŷ\n".encode("utf-16-le"), "not a CSV"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF document"),
        (b"PK\x03\x04garbage", "not a readable XLSX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "old Excel workbook"),
        (b"<html><head><meta charset=utf-8></head><table><tr><td>id</td></tr></table>", "web page"),
        # Not UTF-8, and as Windows-1251 not Russian either (Japanese in Shift-JIS).
        ("id,name\n1,山田太郎さんの電話番号\n".encode("shift_jis") * 10, "not UTF-8"),
    ],
)
def test_malformed_files_are_known_errors(import_ws, tmp_path, content, message):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    with pytest.raises(KnownError, match=message):
        import_file(import_ws, path)
    assert count_rows(import_ws, Lead) == 0


def test_missing_file_is_a_known_error(import_ws, tmp_path):
    with pytest.raises(KnownError, match="does not exist"):
        import_file(import_ws, tmp_path / "nope.csv")


def test_cli_exit_codes_and_default_rejects_file(import_ws, tmp_path, capsys):
    db = import_ws.url
    bad = write_text(tmp_path / "bad.csv", BAD)
    assert main(["import", str(bad), "--db", db]) == 2
    captured = capsys.readouterr()
    assert "bad.csv:3: cannot read the date '11/25/2026'" in captured.err
    assert "bad.csv:4: unknown channel 'fax'" in captured.err
    assert "Nothing imported" in captured.out
    assert count_rows(import_ws, Lead) == 0

    assert main(["import", str(bad), "--db", db, "--skip-bad"]) == 0
    out = capsys.readouterr().out
    assert "Imported 2, already there 0, rejected 5" in out
    assert (tmp_path / "bad.csv.rejects.csv").is_file()

    good = tmp_path / "sample.csv"
    shutil.copy(SAMPLE, good)
    assert main(["import", str(good), "--db", db]) == 0
    assert main(["import", str(good), "--db", db]) == 0
    assert f"already there {SAMPLE_ROWS}" in capsys.readouterr().out

    empty = write_text(tmp_path / "empty.csv", "")
    assert main(["import", str(empty), "--db", db]) == 2
    assert "deskdup: The file empty.csv is empty." in capsys.readouterr().err


def test_cli_reports_a_repeated_id_with_both_lines(import_ws, tmp_path, capsys):
    assert main(["import", str(write_text(tmp_path / "bad.csv", BAD)), "--db", import_ws.url]) == 2
    assert "bad.csv:8: id 1 already appears on line 2" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leads.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "leads.csv is a PNG image"),
        ("leads.xlsx", b"PK\x03\x04\x14\x00\x00\x00broken", "not a readable XLSX workbook"),
    ],
)
def test_cli_refuses_a_file_that_is_not_an_export_and_creates_nothing(
    tmp_path, capsys, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    db = tmp_path / "new.sqlite"
    rejects = tmp_path / "rejects.csv"
    argv = ["import", str(path), "--db", str(db), "--skip-bad", "--rejects", str(rejects)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("deskdup: ") and message in err
    assert "Traceback" not in err
    assert not db.exists() and not rejects.exists()


@given(
    national=st.from_regex(r"9\d{9}", fullmatch=True),
    style=st.sampled_from(
        [
            "8 ({a}) {b}-{c}-{d}",
            "8{n}",
            "7{n}",
            "+7{n}",
            "+7 {a} {b}-{c}-{d}",
            "{n}",
            "8-{a}-{b}-{c}-{d}",
            "+8{n}",
            "+7 ({a}) {b} {c} {d} доб. 12",
            "7{n}1",
            " {a} {b}{c}{d} ",
        ]
    ),
)
def test_the_russian_mobile_shortcut_agrees_with_the_normaliser(national, style):
    raw = style.format(n=national, a=national[:3], b=national[3:6], c=national[6:8], d=national[8:])
    fast = fast_ru_mobile(raw)
    if fast is not None:
        assert fast == normalize_comm(CommKind.PHONE, Channel.OTHER, raw)
