"""The index's blocks as the snapshot keeps them: three flat arrays, read back
in a few milliseconds, each key's ids taken out when a refresh first asks.

Unpickling the blocks of 100,000 leads as a dictionary (860,000 keys, most
holding one lead) was a third of reading the snapshot back, and so of the
window's start after a few leads changed; a refresh then looks up the keys of
those few leads only.  ``pack`` writes the keys sorted, where each key's ids
start and the ids; ``StoredBlocks`` is the index's ``blocks.data`` read back
from them: a dictionary of the keys asked for so far (and changed since),
the rest found by bisection in the arrays on first ask.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left

import numpy

_ABSENT = object()
_SHIFT = 48


def pack(data: dict) -> tuple[bytes, bytes, bytes]:
    """``blocks.data`` (key -> an id or a list of ids) as bytes of three int64
    arrays: the keys in ascending order, where each key's ids start (one more
    than the keys: the last is the end), and every key's ids in that order."""
    if isinstance(data, StoredBlocks):
        data = data.settled()
    n = len(data)
    keys = numpy.fromiter(data.keys(), dtype=numpy.int64, count=n)
    sizes = numpy.fromiter(
        (1 if v.__class__ is int else len(v) for v in data.values()), dtype=numpy.int64, count=n
    )
    flat = numpy.fromiter(
        (i for v in data.values() for i in ((v,) if v.__class__ is int else v)),
        dtype=numpy.int64,
        count=int(sizes.sum()),
    )
    order = numpy.argsort(keys, kind="stable")
    # Each key's run of ids, moved to the key's place in the sorted order.
    was = numpy.cumsum(sizes) - sizes
    sizes = sizes[order]
    starts = numpy.zeros(n + 1, dtype=numpy.int64)
    numpy.cumsum(sizes, out=starts[1:])
    ids = flat[numpy.repeat(was[order] - starts[:-1], sizes) + numpy.arange(starts[-1])]
    return keys[order].tobytes(), starts.tobytes(), ids.tobytes()


class StoredBlocks(dict):
    """``blocks.data`` read back from ``pack``'s arrays.

    ``get`` answers as the dictionary a build makes would, taking a key's ids
    out of the arrays on first ask and keeping them here, so ``_insert`` and
    ``_Blocks.remove`` change them in place; a key removed is kept as None
    while its ids are still in the arrays, and goes at once when there are
    none.  Whatever walks or counts every key (``len``, iteration, ``items``,
    comparison, a copy) first takes every key out (``settled``), and the
    arrays go."""

    __slots__ = ("_at", "_ids", "_keys", "_starts")

    def __init__(self, packed: tuple[bytes, bytes, bytes]) -> None:
        super().__init__()
        self._keys, self._starts, self._ids = (array("q", raw) for raw in packed)
        # Where the keys of each value of their top 16 bits begin (one more:
        # the end): a key is looked for among a dozen, not bisected from the
        # whole (block keys are hashes, spread evenly).
        keys = numpy.frombuffer(packed[0], dtype=numpy.int64)
        tops = numpy.arange(-(2**15), 2**15 + 1, dtype=numpy.int64) << _SHIFT
        tops[-1] = numpy.iinfo(numpy.int64).max
        self._at = array("q", numpy.searchsorted(keys, tops).tobytes())
        if len(keys) and keys[-1] == tops[-1]:
            self._at[-1] = len(keys)  # (the one key searchsorted leaves out)

    def get(self, key, default=None):
        value = dict.get(self, key, _ABSENT)
        if value is _ABSENT:
            value = self._take(key)
            if value is None:
                return default
            dict.__setitem__(self, key, value)
        return default if value is None else value

    def _take(self, key):
        """The ids of ``key`` in the arrays (an id alone, several as a new list), or None."""
        keys = self._keys
        top = (key >> _SHIFT) + 2**15
        end = self._at[top + 1]
        at = bisect_left(keys, key, self._at[top], end)
        if at == end or keys[at] != key:
            return None
        start, end = self._starts[at], self._starts[at + 1]
        return self._ids[start] if end - start == 1 else self._ids[start:end].tolist()

    def __getitem__(self, key):
        value = self.get(key, _ABSENT)
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def __contains__(self, key) -> bool:
        return self.get(key, _ABSENT) is not _ABSENT

    def __delitem__(self, key) -> None:
        if self.get(key, _ABSENT) is _ABSENT:
            raise KeyError(key)
        if self._keys:
            dict.__setitem__(self, key, None)  # (its ids stay in the arrays)
        else:
            # No arrays (none were packed, or ``settled`` let them go): a
            # None kept now would outlive ``settled`` and be walked as a key.
            dict.__delitem__(self, key)

    def settled(self) -> StoredBlocks:
        """Itself with every key of the arrays taken out and the removed ones
        gone: from then on a plain dictionary's answers to everything."""
        if self._keys:
            keys, starts, ids = self._keys.tolist(), self._starts.tolist(), self._ids.tolist()
            have = dict.get
            put = dict.__setitem__
            for at, key in enumerate(keys):
                if have(self, key, _ABSENT) is _ABSENT:
                    start, end = starts[at], starts[at + 1]
                    put(self, key, ids[start] if end - start == 1 else ids[start:end])
            for key in [k for k, v in dict.items(self) if v is None]:
                dict.__delitem__(self, key)
            self._keys, self._starts, self._ids = array("q"), array("q"), array("q")
            self._at = array("q", bytes(len(self._at) * 8))
        return self

    def __len__(self) -> int:
        return dict.__len__(self.settled())

    def __iter__(self):
        return dict.__iter__(self.settled())

    def __eq__(self, other) -> bool:
        if isinstance(other, StoredBlocks):
            other.settled()
        return dict.__eq__(self.settled(), other)

    def __ne__(self, other) -> bool:
        return not self == other

    __hash__ = None  # (as a dict's)

    def keys(self):
        return dict.keys(self.settled())

    def values(self):
        return dict.values(self.settled())

    def items(self):
        return dict.items(self.settled())

    def pop(self, *args):
        return dict.pop(self.settled(), *args)

    def setdefault(self, key, default=None):
        return dict.setdefault(self.settled(), key, default)

    def update(self, *args, **kwargs) -> None:
        dict.update(self.settled(), *args, **kwargs)

    def copy(self) -> dict:
        return dict(self.items())

    def __reduce__(self):
        return (dict, (), None, None, iter(self.items()))
