"""Candidates and search names kept in the workspace (``matching/store.py``,
``matching/search.py``): round trip, incremental upkeep equal to a full
rebuild, stale stamps, typo'd names, and a cold ``deskdup lookup``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update

from deskdup.models import (
    Channel,
    CommKind,
    Lead,
    MatchLead,
    MatchPair,
    MatchState,
    SearchLead,
    SearchName,
)
from deskdup.services.matching import (
    LIKELY,
    POSSIBLE,
    MatchIndex,
    MatchSettings,
    lookup,
    refresh_search,
)
from deskdup.services.matching.search import name_rows
from deskdup.services.matching.store import (
    CANDIDATES,
    kept_result,
    load_kept,
    open_index,
    refresh_index,
)
from deskdup.services.workspace import open_workspace
from tests.factories import make_comm, make_lead

# The throwaway PostgreSQL server and per-test databases (fixtures pg_url, pg_database).
pytest_plugins = ("tests.postgres",)

T0 = datetime(2026, 3, 2, 10, 0)
PHONE, EMAIL, MESSENGER = CommKind.PHONE, CommKind.EMAIL, CommKind.MESSENGER


def _pairs(index: MatchIndex) -> dict:
    return {
        key: (p.score, tuple((r.code, r.weight, str(r.text)) for r in p.reasons))
        for key, p in index.pairs.items()
    }


def _people(ws) -> list[int]:
    """A few customers who write twice, and strangers."""
    ids = []
    with ws.session() as s:
        for n, (first, last, phone) in enumerate(
            [
                ("Иван", "Петров", "+7 916 123-45-67"),
                ("Ирина", "Жукова", "+7 926 000-11-22"),
                ("Анна", "Петрова", "+7 903 555-44-33"),
                ("Ольга", "Смирнова", ""),
                ("Глеб", "Львович", "+7 977 765-43-21"),
            ]
        ):
            t = T0 + timedelta(hours=5 * n)
            comms = [(PHONE, Channel.WHATSAPP, phone)] if phone else []
            a = make_lead(s, first_name=first, last_name=last, created_at=t, comms=comms)
            b = make_lead(
                s,
                channel=Channel.AVITO,
                first_name=first,
                # Two of them leave their phone again: likely pairs.
                comms=comms if n in (1, 2) else [],
                created_at=t + timedelta(minutes=6),
                chats=[(Channel.AVITO, "Сколько стоит шкаф 2,4 метра с доставкой?")],
            )
            ids += [a.id, b.id]
        for n, last in enumerate(["Жукова", "Жукова", "Жуков", "Петрова"]):
            stranger = make_lead(
                s,
                first_name=["Мария", "Людмила", "Павел", "Светлана"][n],
                last_name=last,
                created_at=T0 + timedelta(days=3 + n),
            )
            ids.append(stranger.id)
    return ids


def test_kept_pairs_round_trip_and_the_queue_from_them(workspace):
    _people(workspace)
    settings = MatchSettings()
    index = open_index(workspace, settings)
    assert index.pairs, "the customers pair"
    kept = load_kept(workspace, settings)
    assert kept is not None
    assert {k: (p.score, p.reasons) for k, p in kept.pairs.items()} == {
        k: (p.score, p.reasons) for k, p in index.pairs.items()
    }
    assert kept.versions == {i: (r.version, r.tier) for i, r in index.leads.items()}
    for tier in (LIKELY, POSSIBLE):
        result = kept_result(workspace, settings, tier)
        fresh = index.result(tier=tier)
        assert result.groups and [g.lead_ids for g in result.groups] == [
            g.lead_ids for g in fresh.groups
        ]
        assert [g.tier for g in result.groups] == [g.tier for g in fresh.groups]
        assert [(p.key, p.score, p.reasons) for p in result.pairs] == [
            (p.key, p.score, p.reasons) for p in fresh.pairs
        ]
        assert result.summaries == fresh.summaries
    # A second window: nothing changed, nothing scored again.
    again = open_index(workspace, settings)
    assert again.touched == set() and _pairs(again) == _pairs(index)


def test_a_changed_lead_leaves_the_kept_queue_until_it_is_scored_again(workspace):
    ids = _people(workspace)
    settings = MatchSettings()
    open_index(workspace, settings)
    with workspace.session() as s:
        lead = s.get(Lead, ids[0])
        lead.first_name = "Пётр"  # the ORM moves the version on
    quick = kept_result(workspace, settings)
    assert all(ids[0] not in p.key for p in quick.pairs)
    index = open_index(workspace, settings)
    assert ids[0] in index.touched and len(index.touched) < len(index.leads)
    assert _pairs(index) == _pairs(MatchIndex.build(workspace, settings))


def test_a_change_outside_deskdup_is_seen_by_its_updated_at(workspace):
    """A plain SQL UPDATE (the CRM's own program) leaves the version alone."""
    ids = _people(workspace)
    settings = MatchSettings()
    open_index(workspace, settings)
    refresh_search(workspace)
    with workspace.session() as s:
        s.execute(
            update(Lead)
            .where(Lead.id == ids[2])
            .values(last_name="Кузнецова", updated_at=T0 + timedelta(days=30))
            .execution_options(synchronize_session=False)
        )
    index = open_index(workspace, settings)
    assert index.touched == {ids[2]}
    assert _pairs(index) == _pairs(MatchIndex.build(workspace, settings))
    assert ids[2] in [h.lead_id for h in lookup(workspace, "Кузнецова")]


def test_other_settings_or_code_make_the_kept_pairs_stale(workspace):
    _people(workspace)
    settings = MatchSettings()
    open_index(workspace, settings)
    other = MatchSettings(burst_minutes=45)
    assert load_kept(workspace, other) is None
    assert kept_result(workspace, other) is None
    index = open_index(workspace, other)
    assert index.touched == set(index.leads)  # scored afresh, and kept for the new settings
    assert load_kept(workspace, other) is not None and load_kept(workspace, settings) is None
    # Pairs kept by an older matcher carry its stamp.
    with workspace.engine.begin() as conn:
        conn.execute(
            update(MatchState).where(MatchState.name == CANDIDATES).values(stamp="candidates-old")
        )
    assert load_kept(workspace, other) is None
    assert open_index(workspace, other).touched == set(index.leads)


def test_the_stamps_read_every_module_the_name_vocabulary_is_made_of(monkeypatch):
    """The kept pairs and search keys follow the name parsing: a stamp reads
    ``names.py`` and every module of deskdup it takes its vocabulary from (its
    tables, its folding), so a change to any of them makes them stale."""
    import ast
    from pathlib import Path

    from deskdup.services import names
    from deskdup.services.matching import search_read
    from deskdup.services.matching.store import candidates_stamp

    tree = ast.parse(Path(names.__file__).read_text(encoding="utf-8"))
    vocabulary = {"names.py"} | {
        node.module.rsplit(".", 1)[1] + ".py"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("deskdup.")
    }
    assert {"name_folding.py", "name_tables.py"} <= vocabulary
    read: list[str] = []
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path.name) or read_bytes(path))
    candidates_stamp(MatchSettings())
    assert vocabulary <= set(read)
    read.clear()
    search_read._sources_digest.__wrapped__()
    assert vocabulary <= set(read)


def _search_rows(ws) -> set[tuple]:
    with ws.engine.connect() as conn:
        return set(conn.execute(select(SearchName.kind, SearchName.value, SearchName.lead_id)))


def _full_search_rows(ws) -> set[tuple]:
    index = MatchIndex.build(ws)
    return {(k, v, rec.id) for rec in index.leads.values() for k, v in name_rows(rec)}


# What a random session does to the leads: the operations a workspace sees
# (an edit through the ORM, an archive as a merge does, new leads, a phone
# added, an undo that brings a lead back, a change in plain SQL).
EDIT = st.tuples(
    st.sampled_from(["rename", "archive", "restore", "add", "phone", "sql", "message"]),
    st.integers(min_value=0, max_value=10_000),
)


def _apply(ws, op: str, n: int) -> None:
    names = [("Иван", "Петров"), ("Ирина", "Жукова"), ("Анна", "Петрова"), ("Глеб", "")]
    with ws.session() as s:
        active = s.scalars(select(Lead).where(Lead.archived.is_(False)).order_by(Lead.id)).all()
        archived = s.scalars(select(Lead).where(Lead.archived.is_(True)).order_by(Lead.id)).all()
        if op == "add" or not active:
            first, last = names[n % len(names)]
            make_lead(
                s,
                first_name=first,
                last_name=last,
                created_at=T0 + timedelta(minutes=7 * (n % 40)),
                chats=[(Channel.AVITO, "Сколько стоит шкаф 2,4 метра с доставкой?")]
                if n % 2
                else 0,
            )
            return
        lead = active[n % len(active)]
        if op == "rename":
            lead.first_name, lead.last_name = names[(n // 7) % len(names)]
        elif op == "archive":
            lead.archived = True
        elif op == "restore" and archived:
            archived[n % len(archived)].archived = False
        elif op == "phone":
            lead.communications.append(
                make_comm(PHONE, Channel.WHATSAPP, f"+7 916 123-45-{60 + n % 9:02d}")
            )
            lead.title = f"{lead.title}."  # the lead row changes, so its version moves
        elif op == "message":
            lead.comments = f"Сообщение с сайта: нужен шкаф {n % 5} метра, сколько стоит?"
        elif op == "sql":
            # Another program writes the row: updated_at is its "now", no version.
            now = s.scalar(select(func.max(Lead.updated_at))) + timedelta(minutes=1)
            s.execute(
                update(Lead)
                .where(Lead.id == lead.id)
                .values(last_name=["Смирнова", "Жукова"][n % 2], updated_at=now)
                .execution_options(synchronize_session=False)
            )


@settings(
    max_examples=12,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(edits=st.lists(st.lists(EDIT, min_size=1, max_size=4), min_size=1, max_size=4))
def test_kept_state_after_any_edits_equals_a_full_rebuild(tmp_path_factory, edits):
    """After every round of edits: the index opened from the kept pairs, the one
    refreshed in memory and the kept rows all equal a fresh full build; so do
    the search names."""
    ws = open_workspace(str(tmp_path_factory.mktemp("store") / "w.sqlite"))
    try:
        _people(ws)
        settings_ = MatchSettings()
        live = open_index(ws, settings_)
        refresh_search(ws)
        for round_ in edits:
            for op, n in round_:
                _apply(ws, op, n)
            full = _pairs(MatchIndex.build(ws, settings_))
            refresh_index(live, ws)
            assert _pairs(live) == full
            kept = load_kept(ws, settings_)
            assert {k: p.score for k, p in kept.pairs.items()} == {k: v[0] for k, v in full.items()}
            assert _pairs(open_index(ws, settings_)) == full
            refresh_search(ws)
            assert _search_rows(ws) == _full_search_rows(ws)
    finally:
        ws.dispose()


@pytest.fixture
def namesakes(workspace):
    """Petrovs and Zhukovs, one of them Ирина; a lead that carries a typo itself."""
    with workspace.session() as s:
        for n in range(12):
            make_lead(s, first_name=["Мария", "Анна", "Ольга"][n % 3], last_name="Жукова")
            make_lead(s, first_name=["Мария", "Анна", "Ольга"][n % 3], last_name="Петрова")
            make_lead(s, first_name="Ирина", last_name=["Смирнова", "Котова"][n % 2])
        irina = make_lead(s, first_name="Ирина", last_name="Жукова")
        make_lead(s, first_name="Иирна", last_name="Котова")  # a typo in the data
    return workspace, irina.id


def test_lookup_finds_a_surname_with_two_letters_swapped(namesakes):
    ws, _irina = namesakes
    hits = lookup(ws, "Петрвоа")
    assert hits and len(hits) == 12
    with ws.session() as s:
        names = {s.get(Lead, h.lead_id).last_name for h in hits}
    assert names == {"Петрова"}


def test_lookup_of_a_mistyped_first_name_puts_the_right_person_first(namesakes):
    ws, irina = namesakes
    assert lookup(ws, "Жукова Иирна")[0].lead_id == irina
    assert lookup(ws, "Жукова Ирина")[0].lead_id == irina
    # The same from the window's in-memory index.
    index = MatchIndex.build(ws)
    assert index.lookup("Жукова Иирна")[0].lead_id == irina
    assert [h.lead_id for h in index.lookup("Петрвоа")] == [
        h.lead_id for h in lookup(ws, "Петрвоа")
    ]


def test_lookup_keeps_its_names_and_reads_only_what_changed(namesakes):
    ws, irina = namesakes
    assert refresh_search(ws) > 0
    with ws.engine.connect() as conn:
        kept = conn.execute(select(func.count()).select_from(SearchLead)).scalar_one()
        assert kept == conn.execute(select(func.count()).select_from(Lead)).scalar_one()
    assert refresh_search(ws) == 0
    with ws.session() as s:
        s.get(Lead, irina).last_name = "Котова"
    assert refresh_search(ws) == 1
    assert irina not in [h.lead_id for h in lookup(ws, "Жукова Ирина")[:1]]
    assert lookup(ws, "Котова Ирина")[0].lead_id == irina


def test_search_names_are_replaced_when_the_parser_changes(namesakes):
    ws, _irina = namesakes
    refresh_search(ws)
    with ws.engine.begin() as conn:
        conn.execute(update(MatchState).where(MatchState.name == "search").values(stamp="old"))
        conn.execute(update(SearchName).where(SearchName.kind == "S").values(kind="Z"))
    assert refresh_search(ws) > 0
    assert _search_rows(ws) == _full_search_rows(ws)


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "deskdup", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_cold_lookup_from_a_new_process(namesakes, tmp_path):
    ws, irina = namesakes
    url = str(ws.engine.url)
    ws.dispose()
    first = _cli("lookup", "--db", url, "Жукова Иирна", "--format", "jsonl")
    assert first.returncode == 0, first.stderr
    lines = [json.loads(line) for line in first.stdout.splitlines()]
    assert lines and set(lines[0]) == {"lead", "score", "reasons"}
    assert lines[0]["lead"] == irina
    again = open_workspace(url, create=False)
    with again.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(SearchName)).scalar_one() > 0
    again.dispose()
    second = _cli("lookup", "--db", url, "Петрвоа")
    assert second.returncode == 0 and "Петрова" in second.stdout
    missing = _cli("lookup", "--db", str(tmp_path / "nope.sqlite"), "Петрова")
    assert missing.returncode != 0 and "Traceback" not in missing.stderr


def test_kept_candidates_on_postgresql(pg_database):
    ws = open_workspace(pg_database)
    try:
        ids = _people(ws)
        settings_ = MatchSettings()
        index = open_index(ws, settings_)
        assert load_kept(ws, settings_).pairs.keys() == index.pairs.keys()
        with ws.session() as s:
            s.get(Lead, ids[1]).first_name = "Пётр"
        again = open_index(ws, settings_)
        assert ids[1] in again.touched
        assert _pairs(again) == _pairs(MatchIndex.build(ws, settings_))
        for tier in (LIKELY, POSSIBLE):
            quick = kept_result(ws, settings_, tier)
            assert quick.groups
            assert [g.lead_ids for g in quick.groups] == [
                g.lead_ids for g in again.result(tier=tier).groups
            ]
        with ws.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(MatchPair)).scalar_one() == len(
                again.pairs
            )
            assert conn.execute(select(func.count()).select_from(MatchLead)).scalar_one() == len(
                again.leads
            )
        assert lookup(ws, "Петрвоа")[0].lead_id in ids
        assert _search_rows(ws) == _full_search_rows(ws)
    finally:
        ws.dispose()


def test_a_one_shot_scan_finds_the_same_pairs_without_keeping_band_keys(tmp_path):
    """``refreshable=False`` (``deskdup scan``) makes the message band keys per
    time bucket while scoring: the same pairs and reasons as the window's index,
    on a demo with bursts of the same question."""
    from deskdup.services.demo import generate_demo

    ws = open_workspace(str(tmp_path / "demo.sqlite"))
    try:
        generate_demo(ws, leads=1500, seed=5)
        _people(ws)
        question = "Здравствуйте, сколько будет стоить шкаф-купе 2,4 м с зеркалом?"
        with ws.session() as s:
            phone = make_lead(
                s,
                channel=Channel.WHATSAPP,
                created_at=T0 + timedelta(days=40),
                comms=[(PHONE, Channel.WHATSAPP, "+7 915 222-33-44")],
                chats=[(Channel.WHATSAPP, question)],
            )
            name = make_lead(
                s,
                channel=Channel.AVITO,
                first_name="Глеб",
                created_at=T0 + timedelta(days=40, minutes=55),
                chats=[(Channel.AVITO, "Сколько будет стоить шкаф-купе 2,4 м с зеркалом")],
            )
        kept = MatchIndex.build(ws)
        one_shot = MatchIndex.build(ws, refreshable=False)
        assert (phone.id, name.id) in one_shot.pairs  # only the question links them
        assert one_shot.pairs and _pairs(one_shot) == _pairs(kept)
        assert len(one_shot.blocks.data) < len(kept.blocks.data)
        with pytest.raises(RuntimeError):
            one_shot.refresh(ws)
    finally:
        ws.dispose()
