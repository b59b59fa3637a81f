"""The index's blocks (key -> lead ids, compact), a one-shot build's book of
each lead's keys, and the switch that keeps the cyclic garbage collector away
while millions of small objects are made."""

from __future__ import annotations

import gc
from array import array
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from deskdup.services.matching.keys import _band_hashes
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.settings import WEAK_BLOCK_CAP


class _Blocks:
    """Key -> lead ids, compact: a single id is stored bare, more as a list.

    The caller adds an id under a key at most once (no membership test here).
    """

    __slots__ = ("data",)

    def __init__(self) -> None:
        self.data: dict[int, int | list[int]] = {}

    def add(self, key: int, lead_id: int) -> None:
        data = self.data
        current = data.get(key)
        if current is None:
            data[key] = lead_id
        elif current.__class__ is int:
            # A lead's keys are a set, so it is never added twice under one key
            # (a membership test here would make common-name blocks quadratic).
            data[key] = [current, lead_id]
        else:
            current.append(lead_id)

    def remove(self, key: int, lead_id: int) -> None:
        current = self.data.get(key)
        if current is None:
            return
        if current.__class__ is int:
            if current == lead_id:
                del self.data[key]
        else:
            if lead_id in current:
                current.remove(lead_id)
            if len(current) == 1:
                self.data[key] = current[0]

    def get(self, key: int) -> list[int] | tuple[int, ...]:
        current = self.data.get(key)
        if current is None:
            return ()
        if current.__class__ is int:
            return (current,)
        return current


class _KeyBook:
    """Each lead's strong key hashes and name key bases (before the time
    bucket is mixed in), written once as a one-shot build inserts the lead
    and read back as it finds the lead's candidates (working them out again
    was a tenth of the comparing pass).  One flat array of 64-bit numbers, a
    lead's sizes first, found by lead id: only for ids not much sparser than
    the leads (``fits``); 50 bytes a lead, dropped with the blocks."""

    __slots__ = ("flat", "starts")

    def __init__(self, max_id: int) -> None:
        self.starts = array("I", bytes(4 * (max_id + 1)))
        self.flat = array("q")

    @staticmethod
    def fits(max_id: int, leads: int) -> bool:
        return max_id < 4 * leads + 1024

    def add(self, lead_id: int, strong, narrow, wide) -> None:
        self.starts[lead_id] = len(self.flat)
        self.pack(self.flat, strong, narrow, wide)

    def get(self, lead_id: int) -> tuple[array, array, array]:
        """(strong, narrow, wide) of ``add``, in the order given."""
        # (``unpack`` inlined: this runs for every lead scored.)
        flat = self.flat
        start = self.starts[lead_id]
        sizes = flat[start]
        start += 1
        narrow = start + (sizes & 0xFFFFF)
        wide = narrow + (sizes >> 20 & 0xFFFFF)
        return flat[start:narrow], flat[narrow:wide], flat[wide : wide + (sizes >> 40)]

    @staticmethod
    def pack(flat: array, strong, narrow, wide) -> None:
        """Append one lead's keys to ``flat``: its sizes, then the keys."""
        flat.append(len(strong) | len(narrow) << 20 | len(wide) << 40)
        flat.extend(strong)
        flat.extend(narrow)
        flat.extend(wide)

    @staticmethod
    def unpack(flat: array, start: int) -> tuple[array, array, array, int]:
        """(strong, narrow, wide) packed at ``start``, and where the next lead's begin."""
        sizes = flat[start]
        start += 1
        narrow = start + (sizes & 0xFFFFF)
        wide = narrow + (sizes >> 20 & 0xFFFFF)
        end = wide + (sizes >> 40)
        return flat[start:narrow], flat[narrow:wide], flat[wide:end], end


@contextmanager
def quiet_gc(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while the index is built or read (the window
    also wraps its queue and lead-list loads in it).

    The index is millions of small acyclic objects; every full collection
    walks all of them (about a second per million leads) and allocating them
    triggers many.  Reference counting still frees everything.

    ``freeze``: move what was allocated out of the collector's sight before it
    is switched on again.  The allocation count keeps growing while collection
    is off, so the first allocation afterwards would otherwise walk every
    object made meanwhile (4 s after a build of a million leads).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


class BucketBands(dict):
    """One message bucket of ``slide_bands``' window: band -> the bucket's
    personal leads under it; ``own``: lead id -> its band keys, for each
    personal lead of the bucket that has any (``_candidates`` asks for them
    again while the lead is scored)."""

    __slots__ = ("own",)

    def __init__(self) -> None:
        super().__init__()
        self.own: dict[int, tuple[int, ...]] = {}


def by_bucket(leads: Iterable[_Lead], period: float) -> dict[int, list[_Lead]]:
    """``leads`` by their bucket of ``period`` minutes, each bucket's in order."""
    out: dict[int, list[_Lead]] = {}
    for rec in leads:
        out.setdefault(int(rec.minute // period), []).append(rec)
    return out


def slide_bands(
    leads: dict[int, _Lead],
    scored: Iterable[_Lead],
    period: float,
    window: dict[int, dict[int, list[int]]],
    buckets: dict[int, list[_Lead]] | None = None,
) -> Iterator[_Lead]:
    """``scored`` in time order, with ``window`` holding the message band keys
    (band -> lead ids) of the buckets of ``period`` minutes around each lead
    (the one before, its own, the one after) while it is scored, and no
    others: a one-shot build never holds every lead's ten band keys at once.
    Scoring in this order finds the same pairs, each once: candidates are
    symmetric and a lead scores only the greater ids.

    Band keys pair only leads of the personal tier, and a band of more than
    ``WEAK_BLOCK_CAP`` leads in a bucket pairs none: so a bucket keeps, per
    band, only its personal leads, and none for a band over the cap (the
    tiers are set before scoring starts).  ``_candidates`` then takes a
    band's list as it is.

    ``buckets``: ``by_bucket`` of all ``leads``, when the caller has it (a
    build scoring its leads in many parts makes it once)."""
    every = by_bucket(leads.values(), period) if buckets is None else buckets
    todo = by_bucket(scored, period)
    for bucket in sorted(todo):
        for old in [b for b in window if b < bucket - 1]:
            del window[old]
        for near in (bucket - 1, bucket, bucket + 1):
            if near not in window:
                bands = BucketBands()
                own = bands.own
                # Leads of the other tiers under a band count towards its cap.
                others: dict[int, int] = {}
                for rec in every.get(near, ()):
                    keys = _band_hashes(rec)
                    if not keys:
                        continue
                    if rec.tier == "personal":
                        lead_id = rec.id
                        own[lead_id] = keys
                        for band in keys:
                            members = bands.get(band)
                            if members is None:
                                bands[band] = [lead_id]
                            else:
                                members.append(lead_id)
                    else:
                        for band in keys:
                            others[band] = others.get(band, 0) + 1
                over = [
                    band
                    for band, members in bands.items()
                    if len(members) + others.get(band, 0) > WEAK_BLOCK_CAP
                ]
                for band in over:
                    del bands[band]
                window[near] = bands
        yield from todo[bucket]
    window.clear()
