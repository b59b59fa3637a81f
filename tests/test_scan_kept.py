"""`deskdup scan` from the candidates the workspace keeps (``services/kept_scan.py``):
the same output as a fresh build when nothing changed, changed leads scored
again, other settings neither read nor written, and kept rows that cannot be
read or written cost a build or a warning, never the output."""

from __future__ import annotations

import json
import threading
import time
import uuid
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import event, select, update
from sqlalchemy.engine import Engine

from deskdup.cli import main
from deskdup.models import Channel, CommKind, Lead, MatchPair, MatchState
from deskdup.services.kept_scan import BUILT, FRESH, KEPT, REFRESHED, scan_leads
from deskdup.services.matching import MatchSettings
from deskdup.services.matching.store import CANDIDATES, open_index
from deskdup.services.workspace import open_workspace
from tests.factories import make_comm, make_lead, make_operator

pytest_plugins = ("tests.postgres",)


@pytest.fixture
def demo(workspace):
    from deskdup.services.demo import generate_demo

    generate_demo(workspace, leads=1500, seed=11)
    return workspace


def _scan(url: str, capsys, *args: str) -> tuple[str, str]:
    assert main(["scan", "--db", url, *args]) == 0
    out, err = capsys.readouterr()
    return out, err


def _kept_stamp(ws) -> tuple | None:
    with ws.engine.connect() as conn:
        row = conn.execute(
            select(MatchState.stamp, MatchState.saved_at).where(MatchState.name == CANDIDATES)
        ).first()
    return None if row is None else tuple(row)


def _pairs(out: str) -> dict[tuple, dict]:
    lines = [json.loads(line) for line in out.splitlines()]
    return {(x["a"], x["b"]): x for x in lines}


def test_a_scan_with_nothing_changed_prints_the_kept_candidates_byte_for_byte(demo, capsys):
    url = demo.url
    fresh, _ = _scan(url, capsys, "--format", "jsonl", "--fresh")
    fresh_table, _ = _scan(url, capsys, "--fresh")
    assert fresh.count("\n") > 100
    assert _kept_stamp(demo) is None, "--fresh keeps nothing"
    # The first scan builds and keeps what it found; the next ones read it.
    built, _ = _scan(url, capsys, "--format", "jsonl")
    assert built == fresh
    kept_at = _kept_stamp(demo)
    assert kept_at is not None
    assert scan_leads(demo, MatchSettings()).source == KEPT
    again, err = _scan(url, capsys, "--format", "jsonl", "--workers", "2")
    assert again == fresh and "1500 leads" in err
    assert _scan(url, capsys)[0] == fresh_table
    # A threshold above the possible tier's start cuts the same kept pairs.
    assert scan_leads(demo, MatchSettings().fixed(0.5)).source == KEPT
    cut = ["--format", "jsonl", "--threshold", "0.5"]
    assert _scan(url, capsys, *cut)[0] == _scan(url, capsys, *cut, "--fresh")[0]
    # Under it (every pair emitted) the kept ones are not enough: built afresh, not kept.
    assert scan_leads(demo, MatchSettings().fixed(0.0)).source == FRESH
    low = ["--format", "jsonl", "--threshold", "0"]
    assert _scan(url, capsys, *low)[0] == _scan(url, capsys, *low, "--fresh")[0]
    assert _kept_stamp(demo) == kept_at, "nothing read or written was replaced"
    # The window starts from what the scan kept: nothing scored again.
    index = open_index(demo, MatchSettings())
    assert index.touched == set() and index.pairs


def test_other_weights_neither_read_nor_replace_the_kept_candidates(demo, capsys):
    _scan(demo.url, capsys)
    kept_at = _kept_stamp(demo)
    other = ["--format", "jsonl", "--weight", "first_name=0.2", "--burst-minutes", "20"]
    settings = MatchSettings(burst_minutes=20)
    settings.weights["first_name"] = 0.2
    assert scan_leads(demo, settings).source == FRESH
    assert _scan(demo.url, capsys, *other)[0] == _scan(demo.url, capsys, *other, "--fresh")[0]
    assert _kept_stamp(demo) == kept_at


def test_changed_and_merged_leads_are_scored_again_with_the_kept_model(demo, capsys):
    url = demo.url
    _scan(url, capsys)
    before = scan_leads(demo, MatchSettings())
    assert before.source == KEPT
    paired = {i for p in before.result.pairs for i in (p.a, p.b)}
    primary, other = before.result.pairs[0].a, before.result.pairs[0].b
    with demo.session() as s:
        make_operator(s, "chief")
        leads = s.scalars(select(Lead).where(Lead.archived.is_(False)).order_by(Lead.id)).all()
        # Two leads in no pair: they take one new phone and one new name.
        x, y = [lead for lead in leads if lead.id not in paired][:2]
        for lead, phone in ((x, "+7 999 765-43-21"), (y, "8 999 765 43 21")):
            lead.first_name, lead.last_name = "Евлампий", "Тюрин"
            lead.communications.append(make_comm(CommKind.PHONE, Channel.SITE, phone))
        x_id, y_id = x.id, y.id
    assert main(["merge", "--db", url, "--as", "chief", "--primary", str(primary),
                 "--with", str(other)]) == 0  # fmt: skip
    capsys.readouterr()
    scan = scan_leads(demo, MatchSettings())
    assert scan.source == REFRESHED and 0 < scan.rescored < 100
    out = _scan(url, capsys, "--format", "jsonl")[0]
    # What the window shows from the kept candidates now, and what the scan kept.
    window = open_index(demo, MatchSettings()).result()
    assert scan_leads(demo, MatchSettings()).source == KEPT
    ids = {_id(i, window): i for p in window.pairs for i in (p.a, p.b)}
    after = {(ids[x["a"]], ids[x["b"]]): x for x in map(json.loads, out.splitlines())}
    assert list(after) == [(p.a, p.b) for p in window.pairs]
    assert [x["score"] for x in after.values()] == [p.score for p in window.pairs]
    new = after[(x_id, y_id)]
    assert "Same phone +79997654321" in new["reasons"], new
    assert any("Тюрин" in reason for reason in new["reasons"]), new
    assert not any(other in key for key in after), "the merged lead's pairs are gone"


def _id(lead_id: int, result) -> str | int:
    label = result.summaries[lead_id].label
    return label if label != str(lead_id) else lead_id


def test_damaged_kept_rows_cost_a_build_and_are_replaced(demo, capsys):
    fresh = _scan(demo.url, capsys, "--format", "jsonl", "--fresh")[0]
    _scan(demo.url, capsys)
    with demo.engine.begin() as conn:
        first = conn.execute(select(MatchPair.lead_a, MatchPair.lead_b).limit(1)).first()
        conn.execute(
            update(MatchPair)
            .where(MatchPair.lead_a == first[0], MatchPair.lead_b == first[1])
            .values(reasons='["same_phone", 0.9, {"template": ')
        )
    out, err = _scan(demo.url, capsys, "--format", "jsonl")
    assert out == fresh
    assert "could not be read" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 2
    assert scan_leads(demo, MatchSettings()).source == KEPT, "written afresh"


def test_a_workspace_that_refuses_writes_still_gets_its_output(demo, capsys):
    fresh = _scan(demo.url, capsys, "--format", "jsonl", "--fresh")[0]

    def read_only(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA query_only = ON")

    event.listen(Engine, "connect", read_only)
    try:
        out, err = _scan(demo.url, capsys, "--format", "jsonl")
    finally:
        event.remove(Engine, "connect", read_only)
    assert out == fresh
    warning = [line for line in err.splitlines() if line.startswith("deskdup:")]
    assert warning == [
        "deskdup: warning: the candidates were not kept in the workspace (attempt to write "
        "a readonly database); the next scan scans every lead again."
    ]
    assert _kept_stamp(demo) is None
    assert scan_leads(demo, MatchSettings()).source == BUILT


def test_another_writer_holding_the_file_costs_a_warning(demo, capsys, monkeypatch):
    monkeypatch.setattr("deskdup.services.workspace.SQLITE_BUSY_TIMEOUT_MS", 50)
    fresh = _scan(demo.url, capsys, "--format", "jsonl", "--fresh")[0]
    other = open_workspace(demo.url)
    conn = other.engine.raw_connection()
    try:
        conn.execute("BEGIN IMMEDIATE")  # another window in the middle of a write
        out, err = _scan(demo.url, capsys, "--format", "jsonl")
    finally:
        conn.rollback()
        conn.close()
        other.dispose()
    assert out == fresh
    assert "not kept in the workspace (database is locked)" in err


# ----------------------------------------------------------------- PostgreSQL


def _people(url: str) -> None:
    ws = open_workspace(url)
    with ws.session() as s:
        for n, (first, last, phone) in enumerate(
            [("Иван", "Петров", "+7 916 123-45-67"), ("Ирина", "Жукова", "+7 926 000-11-22")]
        ):
            comms = [(CommKind.PHONE, Channel.WHATSAPP, phone)]
            a = make_lead(s, first_name=first, last_name=last, comms=comms)
            make_lead(
                s,
                channel=Channel.AVITO,
                first_name=first,
                comms=comms,
                created_at=a.created_at + timedelta(minutes=6 + n),
            )
    ws.dispose()


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_postgresql_keeps_them_and_a_role_without_rights_only_warns(pg_database, capsys):
    _people(pg_database)
    fresh = _scan(pg_database, capsys, "--format", "jsonl", "--fresh")[0]
    assert len(fresh.splitlines()) == 2
    assert _scan(pg_database, capsys, "--format", "jsonl")[0] == fresh
    ws = open_workspace(pg_database)
    try:
        assert scan_leads(ws, MatchSettings()).source == KEPT
        with ws.engine.begin() as conn:  # every lead changed outside deskdup
            conn.execute(update(Lead).values(updated_at=Lead.updated_at + timedelta(seconds=1)))
        kept_at = _kept_stamp(ws)
    finally:
        ws.dispose()
    reader = f"reader_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(_dsn(pg_database), autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{reader}" LOGIN')
        conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{reader}"')
    as_reader = pg_database.replace(
        "postgresql+psycopg://postgres@", f"postgresql+psycopg://{reader}@"
    )
    out, err = _scan(as_reader, capsys, "--format", "jsonl")
    assert out == fresh
    assert "not kept in the workspace (permission denied for table" in err
    assert "Traceback" not in err
    ws = open_workspace(pg_database)
    try:
        assert _kept_stamp(ws) == kept_at
    finally:
        ws.dispose()


def test_postgresql_another_window_keeping_at_the_same_moment(pg_database, capsys):
    """Another window writes the kept candidates while the scan does: the scan
    that loses the race prints all the same and warns."""
    _people(pg_database)
    fresh = _scan(pg_database, capsys, "--format", "jsonl", "--fresh")[0]
    with psycopg.connect(_dsn(pg_database)) as other:
        # The other window's transaction: its stamp written, not committed yet.
        other.execute(
            "INSERT INTO match_state (name, stamp, saved_at) VALUES ('candidates', 'other', now())"
        )
        done: list[int] = []
        scan = threading.Thread(
            target=lambda: done.append(main(["scan", "--db", pg_database, "--format", "jsonl"]))
        )
        scan.start()
        for _ in range(400):  # until the scan's write waits behind the other's
            waiting = other.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            ).fetchone()[0]
            if waiting or not scan.is_alive():
                break
            time.sleep(0.05)
        other.commit()
        scan.join()
    out, err = capsys.readouterr()
    assert done == [0] and out == fresh
    assert "deskdup: warning: the candidates were not kept in the workspace (duplicate key" in err
    # The next scan replaces the other's rows (another stamp) and keeps its own.
    assert _scan(pg_database, capsys, "--format", "jsonl")[0] == fresh
    ws = open_workspace(pg_database)
    try:
        assert scan_leads(ws, MatchSettings()).source == KEPT
    finally:
        ws.dispose()
