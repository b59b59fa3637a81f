"""The leads whose search names may be stale, marked by the database itself
(``search_dirty``, migration 0008): whatever program writes a lead or its
communications, ``deskdup lookup`` sees it, and with nothing marked it reads no
lead at all."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from alembic import command
from sqlalchemy import event, func, select, text

from deskdup.models import Channel, CommKind, Lead, MatchState, SearchDirty, SearchLead
from deskdup.services.matching import MatchIndex, lookup, refresh_search, search_read
from deskdup.services.matching import search as search_module
from deskdup.services.matching.search import name_rows
from deskdup.services.matching.search_read import _LEAD_ROW
from deskdup.services.merge import apply_merge, undo_event
from deskdup.services.merge_plan import build_plan
from deskdup.services.policy import MergePolicy
from deskdup.services.workspace import alembic_config, make_engine, open_workspace
from tests.factories import make_lead, make_operator

pytest_plugins = ("tests.postgres",)

T0 = datetime(2026, 3, 2, 10, 0)


@pytest.fixture(params=["sqlite", "postgresql"])
def ws(request, tmp_path):
    if request.param == "sqlite":
        url = str(tmp_path / "w.sqlite")
    else:
        url = request.getfixturevalue("pg_database")
    workspace = open_workspace(url)
    yield workspace
    workspace.dispose()


def _people(ws) -> dict[str, int]:
    with ws.session() as s:
        ids = {
            "irina": make_lead(s, first_name="Ирина", last_name="Жукова", created_at=T0).id,
            "anna": make_lead(s, first_name="Анна", last_name="Петрова", created_at=T0).id,
            "gleb": make_lead(s, first_name="Глеб", created_at=T0).id,
        }
        for n in range(4):
            make_lead(s, first_name=["Мария", "Ольга"][n % 2], last_name="Жукова", created_at=T0)
    return ids


def _rows(ws) -> set[tuple]:
    with ws.engine.connect() as conn:
        return set(conn.execute(text("SELECT kind, value, lead_id FROM search_names")))


def _full_rows(ws) -> set[tuple]:
    index = MatchIndex.build(ws)
    return {(k, v, rec.id) for rec in index.leads.values() for k, v in name_rows(rec)}


def _marks(ws) -> dict[int, int]:
    with ws.engine.connect() as conn:
        return dict(conn.execute(select(SearchDirty.lead_id, SearchDirty.n)).all())


def test_every_write_of_a_lead_or_its_communications_marks_it(ws):
    """UPDATE and DELETE mark; an INSERT marks on PostgreSQL only (SQLite
    tells new rows by their ids, migration 0009)."""
    ids = _people(ws)
    refresh_search(ws)
    assert _marks(ws) == {}
    inserts_mark = ws.engine.dialect.name == "postgresql"
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE leads SET status = 'x' WHERE id = :i"), {"i": ids["anna"]})
        conn.execute(text("UPDATE leads SET status = 'y' WHERE id = :i"), {"i": ids["anna"]})
        conn.execute(
            text(
                "INSERT INTO communications (lead_id, kind, channel, raw_value, normalized, "
                "is_valid) VALUES (:i, 'email', 'email', 'g.lvovich@mail.ru', "
                "'g.lvovich@mail.ru', true)"
            ),
            {"i": ids["gleb"]},
        )
        # A contact's communication is no lead's.
        conn.execute(
            text(
                "INSERT INTO communications (lead_id, kind, channel, raw_value, normalized, "
                "is_valid) VALUES (NULL, 'email', 'email', 'a@b.ru', 'a@b.ru', true)"
            )
        )
    assert _marks(ws) == {ids["anna"]: 2, **({ids["gleb"]: 1} if inserts_mark else {})}
    # A communication moved to another lead (what a merge does) marks both.
    with ws.engine.begin() as conn:
        conn.execute(
            text("UPDATE communications SET lead_id = :to WHERE lead_id = :fro"),
            {"to": ids["irina"], "fro": ids["gleb"]},
        )
        conn.execute(text("DELETE FROM leads WHERE id = :i"), {"i": ids["gleb"]})
    assert set(_marks(ws)) == {ids["anna"], ids["gleb"], ids["irina"]}
    assert refresh_search(ws) == 3
    assert _marks(ws) == {}
    assert _rows(ws) == _full_rows(ws)


def test_a_plain_sql_edit_that_moves_no_version_is_seen(ws):
    """The CRM's own program renames a lead and leaves version and updated_at
    alone: the old check (versions) missed it, the marks do not; so are a
    lead and a communication it adds."""
    ids = _people(ws)
    assert lookup(ws, "Жукова Ирина")[0].lead_id == ids["irina"]
    with ws.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO leads (title, first_name, last_name, middle_name, status, "
                "source_channel, created_at, updated_at, comments, archived, version) "
                "VALUES ('', 'Глафира', 'Зайцева', '', 'new', 'site', :t, :t, '', false, 1)"
            ),
            {"t": T0},
        )
        conn.execute(
            text("UPDATE leads SET last_name = 'Котова' WHERE id = :i"), {"i": ids["irina"]}
        )
        conn.execute(
            text(
                "INSERT INTO communications (lead_id, kind, channel, raw_value, normalized, "
                "is_valid) VALUES (:i, 'messenger', 'telegram', '@sokolova_anna', "
                "'sokolova_anna', true)"
            ),
            {"i": ids["gleb"]},
        )
    assert lookup(ws, "Котова Ирина")[0].lead_id == ids["irina"]
    assert ids["irina"] not in [h.lead_id for h in lookup(ws, "Жукова Ирина")]
    assert ids["gleb"] in [h.lead_id for h in lookup(ws, "Соколова")]
    assert lookup(ws, "Зайцева Глафира")
    assert _rows(ws) == _full_rows(ws)


def _scans_of_leads(ws, statements: list[str]) -> list[str]:
    """The statements that read the leads table from end to end (SQLite's plan)."""
    dbapi = sqlite3.connect(ws.engine.url.database)
    try:
        return [
            sql
            for sql in statements
            if sql.lstrip().upper().startswith("SELECT")
            and any(
                row[-1].startswith("SCAN leads")
                for row in dbapi.execute(f"EXPLAIN QUERY PLAN {sql}")
            )
        ]
    finally:
        dbapi.close()


def test_an_unchanged_workspace_reads_no_lead(tmp_path, monkeypatch):
    """With nothing changed the refresh reads the stamps, the marks and the
    leads above the highest kept (an index range): no statement scans the
    leads, and the old full check is not run."""
    workspace = open_workspace(str(tmp_path / "w.sqlite"))
    ids = _people(workspace)
    refresh_search(workspace)
    statements: list[str] = []
    workspace.engine.dispose()  # the next connections are traced
    event.listen(
        workspace.engine,
        "connect",
        lambda dbapi, _record: dbapi.set_trace_callback(statements.append),
    )

    def full_check(*_args):
        raise AssertionError("the full freshness check ran")

    monkeypatch.setattr(search_module, "_changed", full_check)
    try:
        assert refresh_search(workspace) == 0
        assert statements and not _scans_of_leads(workspace, statements)
        with workspace.session() as s:
            s.get(Lead, ids["anna"]).last_name = "Смирнова"
        statements.clear()
        assert refresh_search(workspace) == 1
        assert not _scans_of_leads(workspace, statements)
        reads = [s for s in statements if s.startswith(_LEAD_ROW)]
        assert reads and all(f"id IN ({ids['anna']})" in s for s in reads)
        assert lookup(workspace, "Смирнова Анна")[0].lead_id == ids["anna"]
    finally:
        workspace.dispose()


def test_merge_and_undo_keep_lookup_fresh(ws):
    ids = _people(ws)
    with ws.session() as s:
        boss = make_operator(s, "boss", can_undo=True).id
        extra = make_lead(
            s,
            channel=Channel.AVITO,
            first_name="Ирина",
            comms=[(CommKind.MESSENGER, Channel.TELEGRAM, "@zhukova_ira")],
            created_at=T0,
        ).id
    refresh_search(ws)
    for archive in (True, False):
        with ws.session() as s:
            plan = build_plan(s, [ids["irina"], extra], primary_id=ids["irina"])
        result = apply_merge(ws, plan, boss, MergePolicy(archive_instead_of_delete=archive))
        assert refresh_search(ws) >= 2
        assert _rows(ws) == _full_rows(ws)
        assert extra not in {lead_id for _k, _v, lead_id in _rows(ws)}
        undo_event(ws, result.event_id, boss)
        assert refresh_search(ws) >= 2
        assert _rows(ws) == _full_rows(ws)
        assert extra in [h.lead_id for h in lookup(ws, "@zhukova_ira")]


def test_the_upgrade_marks_what_the_kept_names_missed(tmp_path):
    """A workspace whose names were kept before the marks existed: the leads
    the old check would have re-read are marked by the migration."""
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0007")
    with engine.begin() as conn:
        for n, version in enumerate((1, 1, 1, 1), start=1):
            conn.execute(
                text(
                    "INSERT INTO leads (id, title, first_name, last_name, middle_name, status, "
                    "source_channel, created_at, updated_at, comments, archived, version) "
                    "VALUES (:i, '', 'Анна', 'Петрова', '', 'new', 'site', :t, :t, '', :a, :v)"
                ),
                {"i": n, "t": T0, "a": n == 4, "v": version},
            )
        conn.execute(text("INSERT INTO match_state (name, stamp) VALUES ('search', 'x')"))
        # 1 kept as it is; 2 kept at another version; 3 never kept; 4 archived since.
        for lead_id, version in ((1, 1), (2, 0), (4, 1)):
            conn.execute(
                text("INSERT INTO search_leads (lead_id, version, updated) VALUES (:i, :v, :t)"),
                {"i": lead_id, "v": version, "t": T0},
            )
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as conn:
        assert set(conn.execute(select(SearchDirty.lead_id)).scalars()) == {2, 3, 4}
        assert conn.execute(select(func.count()).select_from(SearchLead)).scalar_one() == 3
        stamps = dict(conn.execute(select(MatchState.name, MatchState.stamp)).all())
        # The communications there are taken as seen (0009): none were added since.
        assert stamps == {"search": "x", "search-comms": "0"}
    engine.dispose()


def test_the_name_words_kept_between_lookups_follow_the_names(tmp_path, monkeypatch):
    """A warm lookup keeps the workspace's name words (what a typo is corrected
    against); a lead saved since brings its words in."""
    workspace = open_workspace(str(tmp_path / "w.sqlite"))
    _people(workspace)
    reads: list[str] = []
    original = search_read.SearchReader.rows

    def rows(self, sql, params=None):
        reads.append(sql)
        return original(self, sql, params)

    monkeypatch.setattr(search_read.SearchReader, "rows", rows)
    try:
        assert lookup(workspace, "Зацйева") == []  # a rare word: the words are read
        assert lookup(workspace, "Зацйева") == []
        assert sum("DISTINCT value" in sql for sql in reads) == 1
        with workspace.session() as s:
            ids = [make_lead(s, first_name="Вера", last_name="Зайцева").id for _ in range(3)]
        assert {h.lead_id for h in lookup(workspace, "Зацйева")} == set(ids)
        assert sum("DISTINCT value" in sql for sql in reads) == 2
    finally:
        workspace.dispose()
