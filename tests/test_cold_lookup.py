"""``deskdup lookup`` through ``sqlite3`` alone (``search_find.cold_lookup``):
the same answer as the workspace's own path and the window's index, and no
answer at all (the workspace path takes over) whenever it cannot be sure."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import text

from deskdup.services.demo import generate_demo
from deskdup.services.matching import MatchIndex, MatchSettings, lookup, refresh_search, search_read
from deskdup.services.matching.search_find import cold_lookup
from deskdup.services.matching.search_read import SearchReader
from deskdup.services.workspace import open_workspace

pytest_plugins = ("tests.postgres",)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("cold") / "demo.sqlite"
    ws = open_workspace(str(path))
    generate_demo(ws, leads=400, seed=3)
    refresh_search(ws)
    index = MatchIndex.build(ws)
    yield ws, path, index
    ws.dispose()


def _queries(index: MatchIndex) -> list[str]:
    """Names as typed (some with two letters swapped), surnames, handles,
    e-mails and phones of the demo's own leads."""
    rng = random.Random(5)
    queries = []
    for rec in rng.sample(sorted(index.leads.values(), key=lambda r: r.id), 60):
        surname = next(iter(rec.name.surname_words), "")
        first = next(iter(rec.name.first_words), "")
        if surname and first:
            queries.append(f"{surname.title()} {first.title()}")
            i = rng.randrange(1, max(2, len(surname) - 2))
            queries.append(surname[:i] + surname[i + 1 : i + 2] + surname[i] + surname[i + 2 :])
        elif first:
            queries.append(first)
        if rec.handles:
            queries.append("@" + rec.handles[0][1])
        if rec.emails:
            queries.append(rec.emails[0])
        if rec.phones:
            digits = rec.phones[0][2:]
            queries.append(f"8 ({digits[:3]}) {digits[3:6]}-{digits[6:]}")
    return queries


def _answer(hits) -> list[tuple]:
    return [(h.lead_id, h.score, tuple(str(r.text) for r in h.reasons)) for h in hits]


def test_the_same_answer_as_the_workspace_and_the_window(demo):
    ws, path, index = demo
    settings = MatchSettings()
    queries = _queries(index)
    assert len(queries) > 100
    found = 0
    for query in queries:
        cold = cold_lookup(str(path), query, settings, 20)
        assert cold is not None, query
        hits, labels = cold
        assert _answer(hits) == _answer(lookup(ws, query, settings, 20)), query
        assert {row[0] for row in labels} == {h.lead_id for h in hits}
        found += bool(hits)
        if "@" not in query[1:] and not any(ch.isdigit() for ch in query):
            continue
        # Identifiers: the window's index gives the same (its names differ only
        # by the typos it corrects against the same words).
        assert _answer(hits) == _answer(index.lookup(query, 20)), query
    assert found > len(queries) * 0.8


@pytest.mark.parametrize("bulk", [False, True])
def test_the_reader_makes_the_records_the_index_reads(demo, monkeypatch, bulk):
    """The plain SQL of ``SearchReader.records`` against the matcher's own
    loading (``load.py``), by id and in one pass over the tables: all but the
    inquiry, which neither the name keys nor a lookup reads."""
    ws, _path, index = demo
    if bulk:
        monkeypatch.setattr(search_read, "_BULK", 10)
    with ws.engine.connect() as conn:
        records = SearchReader.of(conn).records(list(index.leads), "RU")
    assert records.keys() == index.leads.keys()
    slots = [
        s
        for s in type(next(iter(records.values()))).__slots__
        if s not in ("tier", "text_key", "message")
    ]  # the index sets the first two
    assert all(rec.message == "" for rec in records.values())
    for lead_id, rec in records.items():
        mine = tuple(getattr(rec, s, None) for s in slots)
        assert mine == tuple(getattr(index.leads[lead_id], s, None) for s in slots), lead_id


def test_no_answer_unless_it_is_sure(tmp_path):
    path = tmp_path / "w.sqlite"
    ws = open_workspace(str(path))
    generate_demo(ws, leads=60, seed=4)
    settings = MatchSettings()
    try:
        assert cold_lookup(str(path), "Иванова", settings, 20) is None  # names never kept
        refresh_search(ws)
        assert cold_lookup(str(path), "Иванова", settings, 20) is not None
        assert cold_lookup(f"sqlite:///{path}", "Иванова", settings, 20) is not None
        with ws.engine.begin() as conn:
            conn.execute(text("UPDATE leads SET last_name = 'Иванова' WHERE id = 1"))
        assert cold_lookup(str(path), "Иванова", settings, 20) is None  # a lead marked changed
        # A phone needs no names: answered all the same.
        assert cold_lookup(str(path), "+7 900 000-00-00", settings, 20) == ([], [])
        refresh_search(ws)
        hits, _labels = cold_lookup(str(path), "Иванова", settings, 20)
        assert 1 in [h.lead_id for h in hits]
        # A lead or a communication added (no mark on SQLite: told by its id).
        with ws.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO communications (lead_id, kind, channel, raw_value, normalized, "
                    "is_valid) VALUES (2, 'email', 'email', 'a@b.ru', 'a@b.ru', true)"
                )
            )
        assert cold_lookup(str(path), "Иванова", settings, 20) is None
        refresh_search(ws)
        assert cold_lookup(str(path), "a@b.ru", settings, 20)[0][0].lead_id == 2
        with ws.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO leads (title, first_name, last_name, middle_name, status, "
                    "source_channel, created_at, updated_at, comments, archived, version) "
                    "VALUES ('', 'Анна', 'Иванова', '', 'new', 'site', :t, :t, '', false, 1)"
                ),
                {"t": "2026-03-02 10:00:00.000000"},
            )
        assert cold_lookup(str(path), "Иванова", settings, 20) is None
        refresh_search(ws)
        assert cold_lookup(str(path), "Иванова", settings, 20) is not None
        with ws.engine.begin() as conn:
            conn.execute(text("UPDATE match_state SET stamp = 'old' WHERE name = 'search'"))
        assert cold_lookup(str(path), "Иванова", settings, 20) is None  # another parser's names
        refresh_search(ws)
        with ws.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
        assert cold_lookup(str(path), "+7 900 000-00-00", settings, 20) is None
    finally:
        ws.dispose()
    assert cold_lookup(str(tmp_path / "none.sqlite"), "Иванова", settings, 20) is None
    assert not (tmp_path / "none.sqlite").exists()
    assert cold_lookup("postgresql://u@localhost/db", "Иванова", settings, 20) is None


def test_the_command_on_postgresql_goes_through_the_workspace(pg_database, capsys):
    """No sqlite3 path for a server: the workspace is opened, the names kept
    there, and the same answer printed."""
    from deskdup.cli import main

    ws = open_workspace(pg_database)
    try:
        generate_demo(ws, leads=80, seed=6)
        index = MatchIndex.build(ws)
        rec = next(r for r in index.leads.values() if r.phones and r.name.surname_words)
        surname = next(iter(rec.name.surname_words)).title()
    finally:
        ws.dispose()
    digits = rec.phones[0][2:]
    for text_ in (f"8 ({digits[:3]}) {digits[3:6]}-{digits[6:]}", surname, surname):
        assert main(["lookup", "--db", pg_database, text_, "--format", "jsonl"]) == 0
        out = capsys.readouterr()
        leads = [line for line in out.out.splitlines() if line.startswith("{")]
        assert leads and rec.label in out.out, (text_, out.out, out.err)
