"""The window's match index kept in a cache file (``matching/snapshot.py``):
a reopened workspace reads only what changed since, whoever changed it, and
the pairs equal a fresh full build's; a stale or broken file is never used."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, delete, func, select, text, update

from deskdup.models import Chat, Communication, Lead, WorkspaceMeta
from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.snapshot import snapshot_path
from deskdup.services.matching.store import MODEL_KEY, kept_result, load_kept, open_index
from deskdup.services.workspace import open_workspace
from tests.factories import make_lead, make_operator
from tests.test_match_store import T0, _pairs, _people

pytest_plugins = ("tests.postgres",)


def _kept_scores(ws, settings) -> dict:
    return {k: p.score for k, p in load_kept(ws, settings).pairs.items()}


def _assert_fresh(ws, index, settings) -> None:
    """The index, the kept pairs and the kept queue equal a fresh full build's."""
    full = MatchIndex.build(ws, settings)
    assert _pairs(index) == _pairs(full)
    slots = _Lead.__slots__
    assert {i: [getattr(r, s) for s in slots] for i, r in index.leads.items()} == {
        i: [getattr(r, s) for s in slots] for i, r in full.leads.items()
    }
    assert _kept_scores(ws, settings) == {k: p.score for k, p in full.pairs.items()}
    assert [g.lead_ids for g in kept_result(ws, settings).groups] == [
        g.lead_ids for g in full.result().groups
    ]
    assert index.result().summaries == full.result().summaries  # owners' names too
    # The blocks (read back packed, ``stored_blocks``, and changed since) too.
    assert {k: sorted(index.blocks.get(k)) for k in index.blocks.data} == {
        k: sorted(full.blocks.get(k)) for k in full.blocks.data
    }


def _edit_everyhow(ws, ids: list[int]) -> None:
    """What a session, another operator and other programs do meanwhile."""
    with ws.session() as s:
        s.get(Lead, ids[0]).first_name = "Пётр"  # an edit in deskdup: version moves
        s.get(Lead, ids[4]).archived = True  # merged away
        make_lead(s, first_name="Ирина", last_name="Жукова", created_at=T0 + timedelta(hours=5))
    with ws.engine.begin() as conn:
        # Another program: a new surname and an updated_at set back, no version.
        conn.execute(
            update(Lead)
            .where(Lead.id == ids[6])
            .values(last_name="Кузнецова", updated_at=T0 - timedelta(days=1))
        )
        # A lead deleted outright, with its rows.
        conn.execute(delete(Chat).where(Chat.lead_id == ids[9]))
        conn.execute(delete(Communication).where(Communication.lead_id == ids[9]))
        conn.execute(delete(Lead).where(Lead.id == ids[9]))


def test_reopening_reads_the_snapshot_and_only_what_changed(workspace):
    ids = _people(workspace)
    with workspace.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        for lead_id in ids[:4]:  # the queue names whose leads they are
            s.get(Lead, lead_id).assigned_id = anna.id
    settings = MatchSettings()
    first = open_index(workspace, settings)
    assert getattr(first, "snapshot_changes", None) is None  # built: nothing kept yet
    assert snapshot_path(workspace).exists()
    again = open_index(workspace, settings)
    assert again.snapshot_changes == 0 and again.touched == set()
    assert _pairs(again) == _pairs(first)
    _assert_fresh(workspace, again, settings)

    _edit_everyhow(workspace, ids)
    reopened = open_index(workspace, settings)
    assert reopened.snapshot_changes is not None  # from the file, not a build
    assert {ids[0], ids[6]} <= reopened.touched
    assert {ids[4], ids[9]} <= reopened.gone
    assert len(reopened.touched) < len(reopened.leads)
    _assert_fresh(workspace, reopened, settings)


def test_a_snapshot_of_other_settings_code_or_model_is_not_used(workspace):
    _people(workspace)
    settings = MatchSettings()
    open_index(workspace, settings)
    other = MatchSettings(burst_minutes=45)
    index = open_index(workspace, other)
    assert getattr(index, "snapshot_changes", None) is None
    assert index.touched == set(index.leads)
    # Another window learned another model and kept its pairs: the file's
    # pairs were scored by the old one, so it is not used.
    with workspace.engine.begin() as conn:
        stored = conn.execute(
            select(WorkspaceMeta.value).where(WorkspaceMeta.key == MODEL_KEY)
        ).scalar()
        model = json.loads(stored)
        model["lambda"] = model["lambda"] / 2
        conn.execute(
            update(WorkspaceMeta)
            .where(WorkspaceMeta.key == MODEL_KEY)
            .values(value=json.dumps(model))
        )
    again = open_index(workspace, other)
    assert getattr(again, "snapshot_changes", None) is None


def test_a_broken_snapshot_costs_a_build_not_an_error(workspace, caplog):
    ids = _people(workspace)
    settings = MatchSettings()
    open_index(workspace, settings)
    path = snapshot_path(workspace)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # cut short (a full disk, a crash)
    with workspace.session() as s:
        s.get(Lead, ids[1]).first_name = "Пётр"
    index = open_index(workspace, settings)
    assert getattr(index, "snapshot_changes", None) is None
    assert "snapshot" in caplog.text
    _assert_fresh(workspace, index, settings)
    # ...and the file is whole again for the next start.
    assert open_index(workspace, settings).snapshot_changes == 0


def test_a_snapshot_whose_pairs_name_leads_it_does_not_hold_costs_a_build(
    workspace, caplog, monkeypatch
):
    """A file that unpickles but does not hold together (its pairs name a lead
    its records lack) is as broken as a truncated one."""
    from deskdup.services.matching import snapshot

    _people(workspace)
    settings = MatchSettings()
    written = snapshot._pair_entries

    def with_a_stranger(pairs):
        entries = written(pairs)
        a, _b, score, pattern = next(e for e in entries if e.__class__ is tuple)
        return [*entries, (a, 10**9, score, pattern)]

    with monkeypatch.context() as patched:
        patched.setattr(snapshot, "_pair_entries", with_a_stranger)
        open_index(workspace, settings)
    index = open_index(workspace, settings)
    assert getattr(index, "snapshot_changes", None) is None
    assert "snapshot" in caplog.text
    _assert_fresh(workspace, index, settings)


def test_a_snapshot_is_one_workspaces(tmp_path):
    """Two workspaces, two files: another workspace's leads never stand in."""
    a = open_workspace(str(tmp_path / "a.sqlite"))
    b = open_workspace(str(tmp_path / "b.sqlite"))
    try:
        _people(a)
        with b.session() as s:
            make_lead(s, first_name="Глеб", last_name="Львович", created_at=T0)
        open_index(a, MatchSettings())
        assert snapshot_path(a) != snapshot_path(b)
        index = open_index(b, MatchSettings())
        assert len(index.leads) == 1
    finally:
        a.dispose()
        b.dispose()


def test_reopening_on_postgresql_after_others_changed_it(pg_database):
    """Another operator's window and psql change the shared workspace while this
    window is closed: reopened from its file, the queue is the full build's."""
    ws = open_workspace(pg_database)
    try:
        ids = _people(ws)
        settings = MatchSettings()
        open_index(ws, settings)
        _edit_everyhow(ws, ids)
        # psql: a plain UPDATE with the server's now() and no version.
        other = create_engine(ws.engine.url)
        with other.begin() as conn:
            conn.execute(
                text("UPDATE leads SET first_name = 'Глеб', updated_at = now() WHERE id = :id"),
                {"id": ids[2]},
            )
        other.dispose()
        reopened = open_index(ws, settings)
        assert reopened.snapshot_changes is not None
        assert {ids[0], ids[2], ids[6]} <= reopened.touched
        _assert_fresh(ws, reopened, settings)
        with ws.engine.connect() as conn:
            active = conn.execute(
                select(func.count()).select_from(Lead).where(Lead.archived.is_(False))
            ).scalar_one()
        assert len(reopened.leads) == active
    finally:
        ws.dispose()


def test_the_snapshots_of_workspaces_not_opened_for_a_month_are_deleted(workspace):
    """A moved or deleted workspace's file (50 MB at 100k leads) does not stay
    for ever; one opened and read back recently does."""
    import os
    import time

    from deskdup.services.matching.snapshot import FORGET_DAYS

    _people(workspace)
    settings = MatchSettings()
    open_index(workspace, settings)
    mine = snapshot_path(workspace)
    folder = mine.parent
    old = folder / "index-0123456789abcdef01234567.pickle"
    recent = folder / "index-76543210fedcba9876543210.pickle"
    for path, days in ((old, FORGET_DAYS + 1), (recent, FORGET_DAYS - 1)):
        path.write_bytes(b"x")
        stamp = time.time() - days * 86_400
        os.utime(path, (stamp, stamp))
    # A month unopened, read back today: kept, and its date says so.
    month_ago = time.time() - (FORGET_DAYS + 1) * 86_400
    os.utime(mine, (month_ago, month_ago))
    assert open_index(workspace, settings).snapshot_changes == 0
    assert mine.stat().st_mtime > month_ago
    with workspace.session() as s:  # enough change for the file to be written again
        for lead in s.scalars(select(Lead).limit(3)):
            lead.first_name = "Пётр"
    open_index(workspace, settings)
    assert mine.exists() and recent.exists() and not old.exists()


def test_a_record_comes_back_with_every_slot_and_a_foreign_one_is_refused():
    """``_record`` is written out from ``_Lead``'s slots: every slot comes back,
    and a record of other code (another number of slots) is an error, which
    makes the file a broken one (a build), never a record half filled."""
    from deskdup.services.matching.snapshot import _SLOTS, _record, _slot_values

    values = tuple(f"value of {name}" for name in _SLOTS)
    rec = _record(values)
    assert _slot_values(rec) == values
    assert all(getattr(rec, name) == f"value of {name}" for name in _SLOTS)
    for wrong in (values[:-1], (*values, "one more")):
        with pytest.raises(ValueError):
            _record(wrong)
