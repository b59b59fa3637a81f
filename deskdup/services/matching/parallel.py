"""A one-shot build's comparing pass split over processes (``workers``).

Comparing every candidate pair is most of a scan's work and each lead's part
of it only reads the index, so the leads, in the time order ``slide_bands``
scores them in, are cut into consecutive parts of about as many leads; the
first part is scored here while forked copies of the process score the others.
Each part comes back as its compared pairs (ids and pattern numbers) and its
patterns in order of first use; joined in the parts' order and renumbered by
first use, they are what one process would have made, pair for pair and
pattern for pattern, so the model learned and the scores are the same.

Only ``fork`` shares the built index without copying it, and forking a
process with threads of its own (the window scans in a worker thread) is
unsafe: so only a caller that knows it has no other threads (``deskdup
scan``) asks for workers; everyone else gets the single-process pass.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from array import array
from collections.abc import Callable, Sequence

from deskdup.services.matching.blocks import slide_bands
from deskdup.services.matching.model import Pattern
from deskdup.services.matching.record import _Lead
from deskdup.services.names import NameParts, parse_name, parse_nickname

# What a worker scores: set just before the fork, read by the forked copies.
_SHARED: tuple | None = None


class Compared:
    """Compared pairs: their ids and the number of their pattern (arrays: at a
    million leads there are millions of them), the patterns in order of first use.

    Ids and numbers are 4 bytes each (half of ``array("l")``: 100 MB less at a
    million leads); ids past 2**31 widen the id arrays to 8 bytes."""

    __slots__ = ("a_ids", "b_ids", "numbers", "pattern_ids")

    def __init__(self) -> None:
        self.a_ids = array("i")
        self.b_ids = array("i")
        self.pattern_ids = array("I")
        self.numbers: dict[Pattern, int] = {}

    def sink(self, a_id: int, b_id: int, pattern: Pattern) -> None:
        try:
            self.a_ids.append(a_id)
            self.b_ids.append(b_id)
        except OverflowError:
            self._widen(len(self.pattern_ids))
            self.a_ids.append(a_id)
            self.b_ids.append(b_id)
        numbers = self.numbers
        number = numbers.get(pattern)
        if number is None:
            number = numbers[pattern] = len(numbers)
        self.pattern_ids.append(number)

    def _widen(self, size: int) -> None:
        """8-byte ids (of the first ``size`` pairs: an append may have failed halfway)."""
        self.a_ids = array("q", self.a_ids[:size])
        self.b_ids = array("q", self.b_ids[:size])

    def patterns(self) -> list[Pattern]:
        return list(self.numbers)

    def join(
        self, a_ids: bytes, b_ids: bytes, pattern_ids: bytes, patterns: list, typecode: str = "i"
    ) -> None:
        """Append another part's pairs, scored after these (ids in arrays of
        ``typecode``)."""
        numbers = self.numbers
        own = []
        for pattern in patterns:
            number = numbers.get(pattern)
            if number is None:
                number = numbers[pattern] = len(numbers)
            own.append(number)
        if typecode != self.a_ids.typecode:
            if typecode == "q":
                self._widen(len(self.pattern_ids))
            else:
                a_ids, b_ids = (array("q", array(typecode, i)).tobytes() for i in (a_ids, b_ids))
        self.a_ids.frombytes(a_ids)
        self.b_ids.frombytes(b_ids)
        theirs = array("I")
        theirs.frombytes(pattern_ids)
        self.pattern_ids.extend(own[n] for n in theirs)


# More processes than this gain little: the parent's learning and scoring of
# the pairs stay serial, and each fork copies pages of the index it touches.
MAX_WORKERS = 2


def default_workers() -> int:
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def can_fork() -> bool:
    return sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods()


def split(
    leads: Sequence[_Lead], period: float, parts: int, first: float | None = None
) -> list[list[_Lead]]:
    """``leads`` in consecutive parts of whole message buckets (``period``
    minutes), in time order, of about as many leads each; ``first``: the
    first part's share when not an equal one."""
    by_bucket: dict[int, list[_Lead]] = {}
    for rec in leads:
        by_bucket.setdefault(int(rec.minute // period), []).append(rec)
    first = 1 / parts if first is None else first
    size = len(leads) * (1 - first) / max(1, parts - 1)
    ends = [len(leads) * first + size * k for k in range(parts - 1)]
    out: list[list[_Lead]] = [[]]
    done = 0
    for bucket in sorted(by_bucket):
        if len(out) < parts and done >= ends[len(out) - 1]:
            out.append([])
        out[-1].extend(by_bucket[bucket])
        done += len(by_bucket[bucket])
    return [part for part in out if part]


def _score_part(part: int) -> tuple[bytes, bytes, bytes, list, str]:
    """In a forked worker: compare the leads of one part."""
    index, parts = _SHARED  # type: ignore[misc]
    compared = Compared()
    window: dict = {}
    index._bands = window
    for rec in slide_bands(index.leads, parts[part], index._message_bucket, window):
        index._score_lead(rec, True, compared.sink)
    return (
        compared.a_ids.tobytes(),
        compared.b_ids.tobytes(),
        compared.pattern_ids.tobytes(),
        compared.patterns(),
        compared.a_ids.typecode,
    )


# With work for the time the worker compares (``meanwhile``), this process
# compares this much less than an equal share.
MEANWHILE_SHARE = 0.06


def compare_all(
    index,
    scored: Sequence[_Lead],
    workers: int,
    tick: Callable[[int], None],
    meanwhile: Callable[[], None] | None = None,
) -> Compared:
    """Compare every candidate pair of ``scored`` (each with the greater ids),
    over ``workers`` processes when forking is possible; ``tick(n)`` after
    every 5,000 leads of this process's own part (it may raise ``Cancelled``).
    ``meanwhile``: more work for this process, done after its own part while
    the workers still compare (by one process: not done)."""
    global _SHARED
    parts = []
    if workers > 1 and can_fork():
        first = 1 / workers - (MEANWHILE_SHARE if meanwhile is not None else 0.0)
        parts = split(scored, index._message_bucket, workers, first)
    compared = Compared()
    if len(parts) < 2:
        for n, rec in enumerate(
            slide_bands(index.leads, scored, index._message_bucket, index._bands)
        ):
            index._score_lead(rec, True, compared.sink)
            if n % 5_000 == 0:
                tick(n)
        return compared
    _SHARED = (index, parts)
    context = multiprocessing.get_context("fork")
    try:
        with context.Pool(len(parts) - 1) as pool:
            pending = [pool.apply_async(_score_part, (p,)) for p in range(1, len(parts))]
            window = index._bands
            for n, rec in enumerate(
                slide_bands(index.leads, parts[0], index._message_bucket, window)
            ):
                index._score_lead(rec, True, compared.sink)
                if n % 5_000 == 0:
                    tick(n * len(parts))
            if meanwhile is not None:
                meanwhile()
            for result in pending:
                compared.join(*result.get())
    finally:
        _SHARED = None
    return compared


def _read_nicknames(texts: list[str]) -> list[NameParts]:
    """In a forked worker: what ``parse_nickname`` makes of each text."""
    return [parse_nickname(text) for text in texts]


def _read_names(names: list[tuple[str, str, str]]) -> list[NameParts]:
    """In a forked worker: what ``parse_name`` makes of each (first, last, middle)."""
    return [parse_name(*words) for words in names]


class ReadAhead:
    """Names and nicknames parsed by forked workers while this process reads
    the leads (parsing them is most of the loading's work).

    Started before the leads are read, when the process is small; the names
    are asked for first (``names_into``: where ``load._make_lead`` finds them),
    the nicknames after (``into``: where ``_Lead._add_nick`` finds them).
    """

    CHUNK = 5_000

    def __init__(self, workers: int) -> None:
        self._pool = multiprocessing.get_context("fork").Pool(workers - 1)
        self._pending: list = []
        self._names: list = []

    def _chunks(self, values: list, read: Callable) -> list:
        out = []
        for start in range(0, len(values), self.CHUNK):
            chunk = values[start : start + self.CHUNK]
            out.append((chunk, self._pool.apply_async(read, (chunk,))))
        return out

    def submit_names(self, names: list[tuple[str, str, str]]) -> None:
        self._names.extend(self._chunks(names, _read_names))

    def submit(self, texts: list[str]) -> None:
        self._pending.extend(self._chunks(texts, _read_nicknames))

    def names_into(self, names: dict[tuple[str, str, str], NameParts]) -> None:
        for words, result in self._names:
            names.update(zip(words, result.get(), strict=True))
        self._names = []

    def into(self, names: dict[str, NameParts]) -> None:
        for texts, result in self._pending:
            names.update(zip(texts, result.get(), strict=True))
        self._pending = []

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()


def read_ahead(workers: int) -> ReadAhead | None:
    return ReadAhead(workers) if workers > 1 and can_fork() else None
