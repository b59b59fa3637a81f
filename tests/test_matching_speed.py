"""The full scan's shortcuts change no result: the one-shot build (band keys per
time bucket, personal leads only, each lead's keys kept in a book), the keying,
comparing and keeping over forked processes."""

from __future__ import annotations

import os
import random
from array import array

import pytest

from deskdup.services.matching import MatchIndex, MatchSettings, build_workers
from deskdup.services.matching.blocks import _KeyBook
from deskdup.services.matching.parallel import Compared, can_fork, split
from deskdup.services.matching.record import NICKNAMES


def _pairs(index: MatchIndex) -> dict:
    return {
        key: (pair.score, tuple((r.code, r.weight, str(r.text)) for r in pair.reasons))
        for key, pair in index.pairs.items()
    }


@pytest.fixture
def demo(workspace):
    from deskdup.services.demo import generate_demo

    generate_demo(workspace, leads=1500, seed=5)
    return workspace


@pytest.mark.parametrize("settings", [MatchSettings(), MatchSettings(review_threshold=0.0)])
def test_one_shot_and_forked_scans_find_what_the_refreshable_build_finds(
    demo, settings, monkeypatch
):
    # A worker keys half the leads at any size here (not only from 5,000 on).
    monkeypatch.setattr(build_workers, "FORK_MIN_LEADS", 0)
    kept = MatchIndex.build(demo, settings)
    one_shot = MatchIndex.build(demo, settings, refreshable=False)
    forked = MatchIndex.build(demo, settings, refreshable=False, workers=2)
    assert kept.model.learned and kept.pairs
    assert _pairs(one_shot) == _pairs(kept)
    assert _pairs(forked) == _pairs(kept)
    assert list(forked.pairs) == list(one_shot.pairs)  # in the same order, too
    assert forked.model.top_weights(40) == kept.model.top_weights(40)
    assert {i: r.tier for i, r in forked.leads.items()} == {
        i: r.tier for i, r in kept.leads.items()
    }
    assert {i: r.nicks for i, r in forked.leads.items()} == {
        i: r.nicks for i, r in kept.leads.items()
    }
    assert not NICKNAMES  # read ahead for one build only


def test_workers_read_the_nicknames_while_the_leads_are_read(demo, monkeypatch):
    from deskdup.services.matching import load, record
    from deskdup.services.names import parse_name

    parsed, named = [], []
    monkeypatch.setattr(record, "parse_nickname", lambda text: parsed.append(text) or 1 / 0)
    monkeypatch.setattr(
        load, "parse_name", lambda *words: named.append(words) or parse_name(*words)
    )
    with pytest.raises(ZeroDivisionError):
        MatchIndex.build(demo, refreshable=False)
    named.clear()
    forked = MatchIndex.build(demo, refreshable=False, workers=2)
    assert any(rec.nicks for rec in forked.leads.values())
    # This process parses its share of the names; the worker the rest, and every nickname.
    with demo.engine.connect() as conn:
        distinct = load._name_words(conn)
    mine = [words for words in distinct if not build_workers.ReadAhead.theirs(words)]
    assert named and len(mine) < len(distinct) and sorted(named) == sorted(mine)
    assert not load.NAMES


def test_the_parts_are_whole_buckets_in_time_order(demo):
    index = MatchIndex.build(demo, refreshable=False)
    leads = list(index.leads.values())
    period = index._message_bucket
    parts = split(leads, period, 2)
    assert can_fork() and len(parts) == 2
    assert sorted(r.id for part in parts for r in part) == sorted(index.leads)
    last = [int(r.minute // period) for r in parts[0]]
    first = [int(r.minute // period) for r in parts[1]]
    assert max(last) < min(first)
    assert abs(len(parts[0]) - len(parts[1])) < len(leads) / 2
    assert len(split(leads[:1], period, 2)) == 1
    smaller = split(leads, period, 2, 0.3)  # the first part a smaller share
    assert len(smaller[0]) < len(parts[0]) and len(smaller[0]) + len(smaller[1]) == len(leads)


def test_joined_parts_number_the_patterns_as_one_pass_would():
    rng = random.Random(3)
    pairs = [(i, i + 1, (rng.randrange(4), rng.randrange(3))) for i in range(300)]
    whole = Compared()
    for pair in pairs:
        whole.sink(*pair)
    first, second = Compared(), Compared()
    for pair in pairs[:120]:
        first.sink(*pair)
    for pair in pairs[120:]:
        second.sink(*pair)
    first.join(
        second.a_ids.tobytes(),
        second.b_ids.tobytes(),
        second.pattern_ids.tobytes(),
        second.patterns(),
    )
    assert first.patterns() == whole.patterns()
    assert list(first.pattern_ids) == list(whole.pattern_ids)
    assert list(first.a_ids) == list(whole.a_ids) and list(first.b_ids) == list(whole.b_ids)


def test_compared_ids_widen_past_four_bytes_and_join_either_way():
    big = 2**40
    narrow, wide = Compared(), Compared()
    narrow.sink(1, 2, (0,))
    wide.sink(3, 4, (1,))
    wide.sink(5, big, (0,))
    assert narrow.a_ids.itemsize == 4 and wide.b_ids.itemsize == 8
    assert list(wide.a_ids) == [3, 5] and list(wide.b_ids) == [4, big]
    parts = [
        (
            c.a_ids.tobytes(),
            c.b_ids.tobytes(),
            c.pattern_ids.tobytes(),
            c.patterns(),
            c.a_ids.typecode,
        )
        for c in (narrow, wide)
    ]
    first, second = Compared(), Compared()
    first.sink(1, 2, (0,))
    first.join(*parts[1])  # a narrow part joins a wide one
    second.sink(3, 4, (1,))
    second.sink(5, big, (0,))
    second.join(*parts[0])  # a wide part joins a narrow one
    assert list(first.b_ids) == [2, 4, big] and list(first.pattern_ids) == [0, 1, 0]
    assert list(second.a_ids) == [3, 5, 1] and list(second.pattern_ids) == [0, 1, 1]


def test_a_one_shot_index_keeps_no_lookup_keys_and_says_so(demo):
    kept = MatchIndex.build(demo)
    one_shot = MatchIndex.build(demo, refreshable=False)
    assert len(one_shot.blocks.data) < len(kept.blocks.data)
    name = next(rec for rec in kept.leads.values() if rec.name.surnames)
    assert kept.lookup(name.name.words[0])
    with pytest.raises(RuntimeError, match="one-shot"):
        one_shot.lookup(name.name.words[0])


def test_the_key_book_gives_back_each_leads_keys_and_its_absence_changes_nothing(demo, monkeypatch):
    book = _KeyBook(10)
    book.add(7, (1, -2), (), (3, 2**62))
    book.add(3, (), (5,), ())
    assert [list(keys) for keys in book.get(7)] == [[1, -2], [], [3, 2**62]]
    assert [list(keys) for keys in book.get(3)] == [[], [5], []]
    flat = array("q")
    _KeyBook.pack(flat, (9,), (8, 7), ())
    _KeyBook.pack(flat, (), (), (6,))
    first = _KeyBook.unpack(flat, 0)
    assert [list(keys) for keys in first[:3]] == [[9], [8, 7], []]
    assert [list(keys) for keys in _KeyBook.unpack(flat, first[3])[:3]] == [[], [], [6]]
    assert _KeyBook.fits(1_000, 1_000) and not _KeyBook.fits(10_000_000, 1_000)

    with_book = MatchIndex.build(demo, refreshable=False)
    # Lead ids far sparser than the leads: no book, the keys are worked out again.
    monkeypatch.setattr(_KeyBook, "fits", staticmethod(lambda max_id, leads: False))
    without = MatchIndex.build(demo, refreshable=False)
    assert with_book.pairs and _pairs(without) == _pairs(with_book)
    assert list(without.pairs) == list(with_book.pairs)
    assert with_book._book is None and with_book.blocks.data == {}  # dropped once compared


def test_a_worker_that_fails_is_an_error_not_a_hang(demo, monkeypatch):
    scanner = os.getpid()
    score_lead = MatchIndex._score_lead

    def failing(self, rec, only_greater, sink=None):
        if os.getpid() != scanner:
            raise ValueError("broken in the worker")
        return score_lead(self, rec, only_greater, sink)

    monkeypatch.setattr(MatchIndex, "_score_lead", failing)
    with pytest.raises(RuntimeError, match="broken in the worker"):
        MatchIndex.build(demo, refreshable=False, workers=2)
    # This process's own part alone is fine.
    assert MatchIndex.build(demo, refreshable=False, workers=1).pairs
