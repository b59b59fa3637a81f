"""The serial front of a one-shot build done faster changes nothing: the tiers
counted from the text keys are the ones the blocks tell, and a forked worker's
keys and tiers are the ones this process would have made, block for block;
a worker that fails or stops is an error in words, not a hang."""

from __future__ import annotations

import os
import signal
from datetime import timedelta

import pytest

from deskdup.models import Channel
from deskdup.services.matching import MatchIndex, MatchSettings, build_workers, parallel
from deskdup.services.matching.blocks import _KeyBook, quiet_gc
from deskdup.services.matching.load import load_leads
from deskdup.services.matching.tiers import TIERS
from tests.factories import BASE_TIME, make_lead

_CHANNELS = (Channel.SITE, Channel.TELEGRAM, Channel.WHATSAPP, Channel.AVITO)


@pytest.fixture
def texts(workspace):
    """Leads whose inquiries fall in every tier: templates, common and few
    copies within minutes, lone short questions, a personal question asked
    again and again on other days, personal questions of one's own."""
    n = 0

    def lead(s, message: str, minutes: float) -> None:
        nonlocal n
        n += 1
        make_lead(
            s,
            channel=_CHANNELS[n % len(_CHANNELS)],
            first_name=("Анна", "Олег", "Ирина", "")[n % 4],
            created_at=BASE_TIME + timedelta(minutes=minutes),
            chats=[(_CHANNELS[n % len(_CHANNELS)], message)],
        )

    with workspace.session() as s:
        for day in range(6):
            start = day * 24 * 60
            for k in range(10):  # a template while the ad runs
                lead(s, "Ещё актуально? Какая цена на диван", start + k)
            for k in range(6):  # common
                lead(s, "Есть доставка в область?", start + 100 + k)
            for k in range(3):  # few
                lead(s, "Сколько стоит сборка?", start + 200 + 2 * k)
            lead(s, "Сколько стоит?", start + 300)  # rare: short, alone
            # Rare: near ones, but only one other within the burst window.
            for minutes in (700, 705, 760):
                lead(s, "Какой адрес?", start + minutes)
            # The same personal question on every day: more than a few overall.
            lead(s, "Нужен шкаф-купе 2,4 м в прихожую с зеркалом", start + 400)
            for k in range(4):
                lead(s, f"Кухня угловая {day} {k} м, фасады белые матовые, сроки?", start + 500 + k)
            lead(s, "", start + 600)
    return workspace


def test_tiers_counted_from_the_text_keys_are_those_the_blocks_tell(texts, monkeypatch):
    kept = MatchIndex.build(texts)  # refreshable: ``_tier_of`` on its blocks
    tiers = {i: rec.tier for i, rec in kept.leads.items()}
    assert set(tiers.values()) == set(TIERS)  # every branch taken
    one_shot = MatchIndex.build(texts, refreshable=False)
    assert {i: rec.tier for i, rec in one_shot.leads.items()} == tiers
    monkeypatch.setattr(build_workers, "FORK_MIN_LEADS", 0)
    forked = MatchIndex.build(texts, refreshable=False, workers=2)
    assert {i: rec.tier for i, rec in forked.leads.items()} == tiers
    assert _pairs(forked) == _pairs(one_shot) == _pairs(kept)


def _pairs(index: MatchIndex) -> dict:
    return {key: (pair.score, len(pair.reasons)) for key, pair in index.pairs.items()}


def _inserted(ws, workers: int) -> MatchIndex:
    """A one-shot index with its leads read and inserted (and tiered), not compared."""
    index = MatchIndex(MatchSettings())
    index._bands = {}
    with quiet_gc():
        load_leads(index, ws, None, lambda: None)
        index._book = _KeyBook(index._max_id)
        build_workers.insert_all(index, workers)
    return index


def _worker_keys_all(self, alive=lambda: True):
    """This process keys no part: it waits until the worker took them all."""
    while True:
        with self._ends.get_lock():
            if self._ends[0] > self._ends[1]:
                return None
        if not alive():
            raise RuntimeError("a keying worker process stopped")
        os.sched_yield()


@pytest.mark.parametrize("who", ["both", "worker", "here"])
@pytest.mark.parametrize("size", [1, 7, build_workers.KEY_PART_LEADS])
def test_a_forked_worker_makes_the_same_blocks_in_the_same_order(texts, monkeypatch, size, who):
    alone = _inserted(texts, 1)
    monkeypatch.setattr(build_workers, "FORK_MIN_LEADS", 0)
    monkeypatch.setattr(build_workers, "KEY_PART_LEADS", size)
    if who == "worker":
        monkeypatch.setattr(parallel._Shares, "take_first", _worker_keys_all)
    elif who == "here":
        monkeypatch.setattr(parallel._Shares, "take_last", lambda self: None)
    forked = _inserted(texts, 2)
    assert alone.blocks.data and list(alone.blocks.data.values()).count(None) == 0
    # Every block lists the same leads in the same order.
    assert forked.blocks.data == alone.blocks.data
    assert any(isinstance(ids, list) for ids in alone.blocks.data.values())
    for lead_id, rec in alone.leads.items():
        other = forked.leads[lead_id]
        assert (other.text_key, other.tier) == (rec.text_key, rec.tier)
        assert [list(k) for k in forked._book.get(lead_id)] == [
            list(k) for k in alone._book.get(lead_id)
        ]
    assert any(rec.text_key is not None for rec in forked.leads.values())
    assert any(rec.text_key is None for rec in forked.leads.values())


def test_a_keying_worker_that_fails_or_stops_is_an_error_not_a_hang(texts, monkeypatch):
    monkeypatch.setattr(build_workers, "FORK_MIN_LEADS", 0)
    scanner = os.getpid()
    key_part = build_workers._key_part

    def failing():
        assert os.getpid() != scanner  # in the worker, not here
        raise ValueError("the keys went wrong")

    monkeypatch.setattr(build_workers, "_key_part", failing)
    with pytest.raises(RuntimeError, match=r"(?s)keying worker failed.*the keys went wrong"):
        MatchIndex.build(texts, refreshable=False, workers=2)

    def killed():
        os.kill(os.getpid(), signal.SIGKILL)
        return key_part()

    monkeypatch.setattr(build_workers, "_key_part", killed)
    with pytest.raises(RuntimeError, match="keying worker process stopped"):
        MatchIndex.build(texts, refreshable=False, workers=2)

    def killed_holding_the_parts(self):
        # In the worker (this process takes from the first part on): it
        # stops holding the lock on the parts not taken yet.
        self._ends.get_lock().acquire()
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(build_workers, "_key_part", key_part)
    monkeypatch.setattr(parallel._Shares, "take_last", killed_holding_the_parts)
    with pytest.raises(RuntimeError, match="keying worker process stopped"):
        MatchIndex.build(texts, refreshable=False, workers=2)
    monkeypatch.undo()
    # Alone it is fine.
    assert MatchIndex.build(texts, refreshable=False, workers=1).leads


def _records(index: MatchIndex) -> dict:
    return {
        i: (
            rec.name,
            rec.nicks,
            rec.phones,
            rec.bad_phones,
            rec.emails,
            rec.handles,
            rec.message,
            rec.minute,
            rec.created_at,
            rec.channel,
            rec.tier,
        )
        for i, rec in index.leads.items()
    }


@pytest.fixture
def demo(workspace):
    from deskdup.services.demo import generate_demo

    generate_demo(workspace, leads=600, seed=11)
    return workspace


def test_names_and_nicknames_read_ahead_make_the_records_this_process_makes(demo, monkeypatch):
    alone = MatchIndex.build(demo, refreshable=False)
    records = _records(alone)
    assert any(rec.nicks for rec in alone.leads.values())
    forked = MatchIndex.build(demo, refreshable=False, workers=2)
    assert _records(forked) == records
    assert list(forked.pairs) == list(alone.pairs)
    # What the worker did not read (the workspace changed in between) is
    # parsed here, into the same records.
    monkeypatch.setattr(build_workers, "_name_words", lambda conn: [])
    monkeypatch.setattr(build_workers, "_nickname_texts", lambda conn: [])
    assert _records(MatchIndex.build(demo, refreshable=False, workers=2)) == records


def test_a_reading_worker_that_fails_or_stops_is_an_error_not_a_hang(demo, monkeypatch):
    def failing():
        raise ValueError("unreadable names")

    monkeypatch.setattr(build_workers, "_read_ahead", failing)
    with pytest.raises(RuntimeError, match=r"(?s)reading worker failed.*unreadable names"):
        MatchIndex.build(demo, refreshable=False, workers=2)

    def killed():
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(build_workers, "_read_ahead", killed)
    with pytest.raises(RuntimeError, match="reading worker process stopped"):
        MatchIndex.build(demo, refreshable=False, workers=2)
    from deskdup.services.matching.record import _Lead

    assert not _Lead.parse_later  # switched back for the next build


def test_a_database_in_memory_is_read_by_this_process_alone(demo):
    class InMemory:
        url = "sqlite://"

    assert build_workers.read_ahead(2, InMemory()) is None
    assert build_workers.read_ahead(1, demo) is None
    ahead = build_workers.read_ahead(2, demo)
    assert ahead is not None
    ahead.close()


pytest_plugins = ("tests.postgres",)


def test_a_forked_build_on_postgresql_finds_what_one_process_finds(pg_database, monkeypatch):
    from deskdup.services.demo import generate_demo
    from deskdup.services.workspace import open_workspace

    monkeypatch.setattr(build_workers, "FORK_MIN_LEADS", 0)  # keyed over two processes too
    ws = open_workspace(pg_database)
    try:
        generate_demo(ws, leads=600, seed=11)
        alone = MatchIndex.build(ws, refreshable=False)
        forked = MatchIndex.build(ws, refreshable=False, workers=2)
        assert alone.pairs and _records(forked) == _records(alone)
        assert list(forked.pairs) == list(alone.pairs)
        assert _pairs(forked) == _pairs(alone)
    finally:
        ws.dispose()
