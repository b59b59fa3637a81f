"""The comparing pass made cheaper changes no result: band keys from each word
read once, the near copies of a one-shot build found in one pass, and the
parts shared between this process and a forked worker, whoever takes which."""

from __future__ import annotations

import multiprocessing
import os
from datetime import timedelta
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskdup.models import Channel
from deskdup.services.matching import MatchIndex, MatchSettings, inquiry, parallel
from deskdup.services.matching.blocks import slide_bands
from deskdup.services.matching.hashing import word_hash
from deskdup.services.matching.parallel import _Shares, can_fork
from tests.factories import make_lead
from tests.test_matching_bursts import QUESTION, REWORDED, T0

pytestmark = pytest.mark.skipif(not can_fork(), reason="the parts are shared with a forked worker")


def _sketch_keys(text: str) -> bytes:
    """The band keys as ``band_keys`` describes them, worked out the plain way:
    the content words' stems and the numbers as one word, the five with the
    smallest CRC-32, their pairs hashed."""
    words = {w[:5] for w in inquiry.content(text).split() if len(w) >= 3}
    number = "".join(inquiry.numbers(text))
    if number:
        words.add(number[:6])
    if len(words) < 2:
        return b""
    sketch = sorted(words, key=inquiry._stable_hash)[:5]
    hashed = [word_hash(w) for w in sorted(sketch)]
    keys = [hash((word_hash("m"), a, b)) for a, b in combinations(hashed, 2)]
    return b"".join(k.to_bytes(8, "little", signed=True) for k in keys)


TEXTS = [
    QUESTION,
    REWORDED,
    "Сколько стоит доставка?",
    "Какая цена на 2 3 4?",
    "Шкаф 2,4 м, стеллаж 1.2 м, тумба 60 см: рассчитайте всё",
    "ок",
    "Здравствуйте, нужен кухонный гарнитур угловой 3 на 2 метра, фасады МДФ",
]


@pytest.mark.parametrize("words_max", [1, 200_000])
def test_band_keys_are_the_sketch_of_the_content_words(monkeypatch, words_max):
    # words_max 1: the word caches are cleared again and again.
    monkeypatch.setattr(inquiry, "_WORDS_MAX", words_max)
    inquiry._WORD_RANKS.clear()
    inquiry._RANKS.clear()
    for text in TEXTS * 2:
        inquiry._band_bytes.cache_clear()
        assert inquiry._band_bytes(text) == _sketch_keys(text), text
    assert inquiry.band_keys(QUESTION) and set(inquiry.band_keys(QUESTION)) & set(
        inquiry.band_keys(REWORDED)
    )
    assert inquiry.band_keys("ок") == ()


_WORDS = ["шкаф", "купе", "цена", "на", "2,4", "12", "м", "белый", "глянец", "стоит", "кухня"]
_WORDS += ["сколько", "угловой", "шкафчик", "привет", "a", "wardrobe", "3.5", "прихожая"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_band_keys_of_any_words_are_the_sketch(words):
    text = " ".join(words)
    inquiry._band_bytes.cache_clear()
    assert inquiry._band_bytes(text) == _sketch_keys(text)


def test_parts_are_taken_from_both_ends_each_once():
    shares = _Shares(multiprocessing.get_context("fork"), 5)
    taken = [shares.take_first(), shares.take_last(), shares.take_last(), shares.take_first()]
    assert taken == [0, 4, 3, 1]
    assert shares.take_last() == 2
    assert shares.take_first() is None and shares.take_last() is None
    one = _Shares(multiprocessing.get_context("fork"), 1)
    assert one.take_last() == 0 and one.take_first() is None


def _hold(lock) -> None:
    lock.acquire()  # and stop without letting go


def test_a_stopped_worker_holding_the_lock_is_an_error_not_a_hang():
    context = multiprocessing.get_context("fork")
    shares = _Shares(context, 3)
    holder = context.Process(target=_hold, args=(shares._ends.get_lock(),))
    holder.start()
    holder.join()
    with pytest.raises(RuntimeError, match="stopped"):
        shares.take_first(alive=holder.is_alive)


@pytest.fixture
def demo(workspace):
    from deskdup.services.demo import generate_demo

    generate_demo(workspace, leads=1500, seed=5)
    return workspace


def _pairs(index: MatchIndex) -> dict:
    return {
        key: (pair.score, tuple((r.code, r.weight, str(r.text)) for r in pair.reasons))
        for key, pair in index.pairs.items()
    }


def _worker_takes_all(self, alive=lambda: True):
    """This process takes no part: it waits until the worker took them all."""
    while True:
        with self._ends.get_lock():
            if self._ends[0] > self._ends[1]:
                return None
        if not alive():
            raise RuntimeError("a comparing worker process stopped")
        os.sched_yield()


@pytest.mark.parametrize("who", ["both", "worker", "here"])
@pytest.mark.parametrize("settings", [MatchSettings(), MatchSettings(review_threshold=0.0)])
def test_shared_parts_find_what_one_process_finds_whoever_takes_them(
    demo, monkeypatch, who, settings
):
    one = MatchIndex.build(demo, settings, refreshable=False)
    monkeypatch.setattr(parallel, "PART_LEADS", 100)  # 15 parts of the 1,500 leads
    if who == "worker":
        monkeypatch.setattr(_Shares, "take_first", _worker_takes_all)
    elif who == "here":
        monkeypatch.setattr(_Shares, "take_last", lambda self: None)
    shared = MatchIndex.build(demo, settings, refreshable=False, workers=2)
    assert one.pairs and _pairs(shared) == _pairs(one)
    assert list(shared.pairs) == list(one.pairs)  # in the same order, too
    assert shared.model.top_weights(40) == one.model.top_weights(40)


def test_a_one_shot_build_pairs_near_copies_in_its_own_and_the_next_bucket(workspace):
    """The band keys of a one-shot build's window: a copy of the question in the
    lead's own message bucket or the next one is a candidate, a lead whose
    question no one else asked has none, and the lead is never its own; the
    same with the band keys worked out again."""
    with workspace.session() as s:
        first = make_lead(
            s, channel=Channel.WHATSAPP, created_at=T0, chats=[(Channel.WHATSAPP, QUESTION)]
        )
        near = make_lead(
            s,
            channel=Channel.AVITO,
            created_at=T0 + timedelta(minutes=20),
            chats=[(Channel.AVITO, REWORDED)],
        )
        later = make_lead(
            s,
            channel=Channel.SITE,
            created_at=T0 + timedelta(minutes=75),
            chats=[(Channel.SITE, QUESTION)],
        )
        alone = make_lead(
            s,
            channel=Channel.SITE,
            created_at=T0 + timedelta(minutes=30),
            chats=[(Channel.SITE, "Нужен кухонный гарнитур угловой 3 на 2 метра, фасады МДФ")],
        )
    index = MatchIndex.build(workspace, refreshable=False)
    assert all(index.leads[i].tier == "personal" for i in (first.id, near.id, alone.id))
    index.blocks = MatchIndex.build(workspace).blocks  # the blocks, dropped after the build
    index._bands = window = {}
    found = {}
    for rec in slide_bands(index.leads, index.leads.values(), index._message_bucket, window):
        found[rec.id] = index._candidates(rec)
        # The lead's band keys as its bucket kept them find what they find
        # worked out again (plain buckets keep none), in the same order.
        index._bands = {bucket: dict(bands) for bucket, bands in window.items()}
        assert list(index._candidates(rec)) == list(found[rec.id])
        index._bands = window
    assert {near.id, later.id} <= found[first.id]
    assert first.id in found[later.id]
    assert found[alone.id] == set()
    assert all(i not in found[i] for i in found)
