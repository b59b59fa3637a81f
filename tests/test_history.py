"""The history service, its exports, the command line and team settings."""

from __future__ import annotations

import csv
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from deskdup.cli import main
from deskdup.models import Channel, CommKind, EventKind, Lead, MergeEvent
from deskdup.services.backend import SqlBackend
from deskdup.services.errors import KnownError, RightsError
from deskdup.services.history import (
    HistoryFilter,
    Sort,
    count_events,
    iter_rows,
    load_page,
)
from deskdup.services.history_export import jsonl_line, write_csv, write_xlsx
from deskdup.services.merge import apply_merge, dismiss, undo_event, utcnow
from deskdup.services.merge_plan import build_plan
from deskdup.services.operators import find_operator
from deskdup.services.policy import MergePolicy
from deskdup.services.team_settings import TeamSettings, load_team_settings, save_team_settings
from tests.factories import make_contact, make_lead, make_operator

PHONE = CommKind.PHONE


@pytest.fixture
def world(workspace):
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        oleg = make_operator(s, "oleg", "Орлов Олег", "Sales 2")
        boss = make_operator(s, "boss", "Начальник", "Sales 1", can_undo=True)
        contact = make_contact(s, "Иван", "Петров")
        leads = {}
        for key, name, phone, channel in (
            ("ivan_tg", "Иван", "+7 916 111-11-11", Channel.TELEGRAM),
            ("ivan_wa", "Ваня", "89161111111", Channel.WHATSAPP),
            ("petr_site", "Пётр", "+7 903 222-22-22", Channel.SITE),
            ("petr_avito", "Петя", "89032222222", Channel.AVITO),
            ("olga", "Ольга", "+7 925 333-33-33", Channel.SITE),
            ("olya", "Оля", "89253333333", Channel.VK),
        ):
            leads[key] = make_lead(
                s,
                owner=anna,
                channel=channel,
                first_name=name,
                last_name={"olga": "=HYPERLINK(1)", "petr_site": "Семёнов"}.get(key, "Петров"),
                external_id=f"L-{key}",
                comms=[(PHONE, channel, phone)],
            ).id
    ws = workspace

    def merge(keys, operator, archive=True):
        ids = [leads[k] for k in keys]
        with ws.session() as s:
            plan = build_plan(s, ids, primary_id=ids[0])
        op_id = {"anna": anna.id, "oleg": oleg.id, "boss": boss.id}[operator]
        return apply_merge(ws, plan, op_id, MergePolicy(archive_instead_of_delete=archive))

    first = merge(["ivan_tg", "ivan_wa"], "anna", archive=False)  # ivan_wa deleted
    second = merge(["petr_site", "petr_avito"], "oleg")
    dismiss(ws, [leads["olga"], leads["olya"]], boss.id, "=разные люди")
    with ws.session() as s:
        version = s.get(Lead, leads["olga"]).version
    SqlBackend(ws).bind_contact(leads["olga"], contact.id, anna.id, version)
    with ws.session() as s:
        ops = {o: find_operator(s, o) for o in ("anna", "oleg", "boss")}
    return {"ws": ws, "leads": leads, "ops": ops, "first": first, "second": second}


def test_operators_see_their_own_events_supervisors_everyones(world):
    ws, ops = world["ws"], world["ops"]
    assert count_events(ws, ops["boss"]) == 4
    assert [r.kind for r in load_page(ws, ops["anna"])] == [
        EventKind.BIND_CONTACT,
        EventKind.MERGE_LEADS,
    ]
    assert count_events(ws, ops["oleg"]) == 1
    # Filtering by another operator does not widen what an operator sees.
    assert count_events(ws, ops["anna"], HistoryFilter(operator_ids=(ops["oleg"].id,))) == 0


def test_filters(world):
    ws, ops, leads = world["ws"], world["ops"], world["leads"]
    boss = ops["boss"]

    def kinds(**kw):
        return [r.kind.value for r in load_page(ws, boss, HistoryFilter(**kw))]

    assert kinds(operator_ids=(ops["oleg"].id,)) == ["merge_leads"]
    assert kinds(kinds=(EventKind.DISMISS,)) == ["dismiss"]
    assert kinds(department_id=ops["oleg"].department_id) == ["merge_leads"]
    now = utcnow()
    assert len(kinds(since=now - timedelta(hours=1), until=now + timedelta(hours=1))) == 4
    assert kinds(until=now - timedelta(hours=1)) == []
    # A lead by CRM id, by database id, by a name (ё as е, any case), by a phone in
    # another spelling; a lead the merge deleted is still found.
    assert kinds(record="L-ivan_wa") == ["merge_leads"]
    assert kinds(record=str(leads["ivan_wa"])) == ["merge_leads"]
    assert kinds(record="СЕМЕНОВ") == ["merge_leads"]
    assert kinds(record="8 (903) 222-22-22") == ["merge_leads"]
    assert kinds(record="ОЛЬГА") == ["bind_contact", "dismiss"]
    assert kinds(lead_ids=(leads["olya"],)) == ["dismiss"]
    # Sorting in SQL.
    rows = load_page(ws, boss, HistoryFilter(sort=Sort.OPERATOR, descending=False))
    assert [r.operator_name for r in rows] == sorted(r.operator_name for r in rows)
    rows = load_page(ws, boss, HistoryFilter(sort=Sort.TIME, descending=False), offset=1, limit=2)
    assert [r.id for r in rows] == sorted(r.id for r in rows) and len(rows) == 2


def test_rows_say_what_happened(world):
    ws, ops = world["ws"], world["ops"]
    rows = {}
    for row in load_page(ws, ops["boss"]):  # newest first: keep the newest of each kind
        rows.setdefault(row.kind, row)
    merge = rows[EventKind.MERGE_LEADS]  # the newest merge: Олег's
    assert merge.operator_login == "oleg" and merge.department == "Sales 2"
    assert merge.primary_label == "L-petr_site" and merge.other_labels == ("L-petr_avito",)
    assert set(merge.channels) == {"site", "avito"}
    assert rows[EventKind.DISMISS].reasons == ("=разные люди",)
    assert rows[EventKind.BIND_CONTACT].contact_labels


def test_exports_are_excel_safe(world, tmp_path):
    ws, ops = world["ws"], world["ops"]
    rows = list(iter_rows(ws, ops["boss"], batch=2))
    assert len(rows) == 4
    path = tmp_path / "history.csv"
    assert write_csv(path, rows) == 4
    with open(path, encoding="utf-8-sig", newline="") as handle:
        cells = [c for row in csv.reader(handle) for c in row]
    assert "'=разные люди" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    xlsx = tmp_path / "history.xlsx"
    assert write_xlsx(xlsx, rows) == 4
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(xlsx).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "'=разные люди" in values
    assert not any(isinstance(v, str) and v.startswith(("=", "+", "-", "@")) for v in values)
    assert sheet.max_row == 5
    line = json.loads(jsonl_line(rows[0]))
    assert set(line) >= {"id", "kind", "operator", "at", "primary", "others"}


def test_history_command(world, capsys):
    ws = world["ws"]
    db = str(ws.engine.url.database)
    assert main(["history", "--db", db, "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["kind"] for x in lines] == ["bind_contact", "dismiss", "merge_leads", "merge_leads"]
    assert lines[-1]["primary"] == "L-ivan_tg" and lines[-1]["others"] == ["L-ivan_wa"]
    assert lines[-1]["operator"] == "anna" and lines[-1]["at"].endswith("Z")

    assert main(["history", "--db", db, "--format", "jsonl", "--operator", "oleg"]) == 0
    assert [json.loads(x)["operator"] for x in capsys.readouterr().out.splitlines()] == ["oleg"]
    assert main(["history", "--db", db, "--format", "jsonl", "--kind", "merge"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["history", "--db", db, "--format", "jsonl", "--lead", "L-ivan_wa"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    today = utcnow().date().isoformat()
    assert main(["history", "--db", db, "--since", "2000-01-01", "--until", "2000-01-02"]) == 0
    assert "(no events match)" in capsys.readouterr().out
    assert main(["history", "--db", db, "--format", "csv", "--until", today]) == 0
    out = capsys.readouterr().out
    assert "'=разные люди" in out and out.count("\n") == 5
    assert main(["history", "--db", db]) == 0
    assert "L-petr_site" in capsys.readouterr().out

    for bad, words in (
        (["--kind", "nonsense"], "Unknown kind"),
        (["--since", "yesterday-ish"], "is not a date"),
        (["--operator", "ghost"], "no operator with the login 'ghost'"),
        (["--lead", "NOPE"], "no lead with the id 'NOPE'"),
    ):
        assert main(["history", "--db", db, *bad]) == 2
        assert words in capsys.readouterr().err
    assert main(["history", "--db", str(db) + ".missing"]) == 2


def test_undo_dismiss_command(world, capsys):
    ws, leads = world["ws"], world["leads"]
    db = str(ws.engine.url.database)
    args = ["undo-dismiss", "--db", db]
    assert main([*args, "--as", "oleg", "L-olga", "L-olya"]) == 2
    assert "only a supervisor" in capsys.readouterr().err
    assert main([*args, "--as", "boss", "L-olga", "L-olya"]) == 0
    assert "Took back 1" in capsys.readouterr().out
    assert main([*args, "--as", "boss", "L-olga", "L-olya"]) == 2
    assert "not marked" in capsys.readouterr().err
    with ws.session() as s:
        event = s.scalars(select(MergeEvent).where(MergeEvent.kind == EventKind.DISMISS)).one()
        assert event.undone_by_id is not None
    assert leads


def test_team_settings_need_a_supervisor_and_are_undoable_events(world):
    ws, ops = world["ws"], world["ops"]
    assert load_team_settings(ws) == TeamSettings()
    wanted = TeamSettings(
        archive_instead_of_delete=False,
        likely_precision=None,  # by probability
        review_threshold=0.7,
        burst_minutes=45,
        weights={"same_phone": 0.9},
    )
    with pytest.raises(RightsError, match="Only a supervisor"):
        save_team_settings(ws, wanted, ops["anna"].id)
    assert load_team_settings(ws) == TeamSettings()
    with pytest.raises(KnownError, match="from 0 to 1"):
        save_team_settings(ws, TeamSettings(review_threshold=1.5), ops["boss"].id)
    event_id = save_team_settings(ws, wanted, ops["boss"].id)
    assert event_id is not None
    assert load_team_settings(ws) == wanted
    assert save_team_settings(ws, wanted, ops["boss"].id) is None  # nothing changed
    match = load_team_settings(ws).match_settings()
    assert match.review_threshold == 0.7 and match.burst_minutes == 45
    assert match.weight("same_phone") == 0.9
    from deskdup.services.policy import load_policy

    with ws.session() as s:
        assert load_policy(s).delete_merged
    rows = load_page(ws, ops["boss"], HistoryFilter(kinds=(EventKind.TEAM_SETTINGS,)))
    assert "likely tier by probability from 0.7" in rows[0].summary
    undo_event(ws, event_id, ops["boss"].id)
    assert load_team_settings(ws) == TeamSettings()
