"""The blocks as the snapshot keeps them (``matching/stored_blocks.py``): read
back from the packed arrays, they answer, change and pack again exactly as
the dictionary a build makes."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskdup.services.matching.blocks import _Blocks
from deskdup.services.matching.stored_blocks import StoredBlocks, pack

# Block keys are hashes; near each end of the range, and in one narrow range
# (many keys in one bucket of the lookup's directory) too.
KEYS = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.integers(min_value=-(2**63), max_value=-(2**63) + 3),
    st.integers(min_value=2**63 - 4, max_value=2**63 - 1),
    st.integers(min_value=-5, max_value=5),
)
IDS = st.integers(min_value=1, max_value=2**40)
BLOCKS = st.dictionaries(
    KEYS, st.one_of(IDS, st.lists(IDS, min_size=2, max_size=6, unique=True)), max_size=40
)
# (What a refresh does to the blocks: look a key up, add a lead under it, take one out.)
STEPS = st.lists(st.tuples(st.sampled_from(["get", "add", "remove"]), KEYS, IDS), max_size=60)


def _twins(data: dict) -> tuple[_Blocks, _Blocks]:
    plain, stored = _Blocks(), _Blocks()
    plain.data = {k: list(v) if isinstance(v, list) else v for k, v in data.items()}
    stored.data = StoredBlocks(pack(data))
    return plain, stored


@settings(max_examples=200, deadline=None)
@given(BLOCKS, STEPS, st.data())
def test_stored_blocks_answer_and_change_as_the_dictionary(data, steps, draw):
    plain, stored = _twins(data)
    existing = list(data)
    for what, key, lead_id in steps:
        if existing and draw.draw(st.booleans()):
            key = draw.draw(st.sampled_from(existing))  # mostly keys that are there
        if what == "get":
            assert list(stored.get(key)) == list(plain.get(key))
            assert (key in stored.data) == (key in plain.data)
        elif what == "add":
            if lead_id not in plain.get(key):  # (a lead is added under a key once)
                plain.add(key, lead_id)
                stored.add(key, lead_id)
        else:
            members = plain.get(key)
            if members and draw.draw(st.booleans()):
                lead_id = members[0]
            plain.remove(key, lead_id)
            stored.remove(key, lead_id)
    assert {k: stored.get(k) for k in plain.data} == {k: plain.get(k) for k in plain.data}
    # Packed again (what the next snapshot writes), then every key walked.
    assert StoredBlocks(pack(stored.data)) == plain.data
    assert len(stored.data) == len(plain.data)
    assert dict(stored.data.items()) == plain.data


def test_a_missing_key_is_none_and_a_removed_one_is_gone():
    blocks = _Blocks()
    blocks.data = StoredBlocks(pack({5: 1, -3: [2, 4], 2**63 - 1: 9}))
    assert blocks.data.get(6) is None and blocks.get(6) == ()
    assert blocks.get(-3) == [2, 4] and blocks.get(2**63 - 1) == (9,)
    blocks.remove(5, 1)
    assert blocks.get(5) == () and 5 not in blocks.data
    with pytest.raises(KeyError):
        blocks.data[5]
    blocks.add(5, 7)  # a key emptied and used again
    assert blocks.get(5) == (7,)
    assert sorted(blocks.data) == [-3, 5, 2**63 - 1]
    # Settled, it pickles as a plain dictionary.
    assert pickle.loads(pickle.dumps(blocks.data)) == {5: 7, -3: [2, 4], 2**63 - 1: 9}


def test_packing_an_empty_index():
    stored = StoredBlocks(pack({}))
    assert stored.get(1) is None and len(stored) == 0 and stored == {}


@pytest.mark.parametrize("packed", [{}, {8: 3}])
def test_a_key_removed_with_no_arrays_left_is_gone_when_packed_again(packed):
    # No arrays at all, or none left once every key was walked: a removal
    # then took the key out of nothing but left a None that the next pack read
    # as a key's ids (hypothesis found it: data={}, add 0 then remove 0).
    blocks = _Blocks()
    blocks.data = StoredBlocks(pack(packed))
    assert len(blocks.data) == len(packed)  # (settled: the arrays go)
    blocks.add(0, 1)
    blocks.remove(0, 1)
    blocks.remove(8, 3)
    assert len(blocks.data) == 0 and 0 not in blocks.data
    assert StoredBlocks(pack(blocks.data)) == {}
