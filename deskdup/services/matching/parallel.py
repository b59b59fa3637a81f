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

# What a worker scores: set just before the fork, read by the forked copies.
_SHARED: tuple | None = None


class Compared:
    """Compared pairs: their ids and the number of their pattern (arrays: at a
    million leads there are millions of them), the patterns in order of first use."""

    __slots__ = ("a_ids", "b_ids", "numbers", "pattern_ids")

    def __init__(self) -> None:
        self.a_ids = array("l")
        self.b_ids = array("l")
        self.pattern_ids = array("L")
        self.numbers: dict[Pattern, int] = {}

    def sink(self, a_id: int, b_id: int, pattern: Pattern) -> None:
        self.a_ids.append(a_id)
        self.b_ids.append(b_id)
        numbers = self.numbers
        number = numbers.get(pattern)
        if number is None:
            number = numbers[pattern] = len(numbers)
        self.pattern_ids.append(number)

    def patterns(self) -> list[Pattern]:
        return list(self.numbers)

    def join(self, a_ids: bytes, b_ids: bytes, pattern_ids: bytes, patterns: list) -> None:
        """Append another part's pairs, scored after these."""
        numbers = self.numbers
        own = []
        for pattern in patterns:
            number = numbers.get(pattern)
            if number is None:
                number = numbers[pattern] = len(numbers)
            own.append(number)
        self.a_ids.frombytes(a_ids)
        self.b_ids.frombytes(b_ids)
        theirs = array("L")
        theirs.frombytes(pattern_ids)
        self.pattern_ids.extend(own[n] for n in theirs)


# More processes than this gain little: the parent's learning and scoring of
# the pairs stay serial, and each fork copies pages of the index it touches.
MAX_WORKERS = 2


def default_workers() -> int:
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def can_fork() -> bool:
    return sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods()


def split(leads: Sequence[_Lead], period: float, parts: int) -> list[list[_Lead]]:
    """``leads`` in consecutive parts of whole message buckets (``period``
    minutes), in time order, of about as many leads each."""
    by_bucket: dict[int, list[_Lead]] = {}
    for rec in leads:
        by_bucket.setdefault(int(rec.minute // period), []).append(rec)
    size = len(leads) / parts
    out: list[list[_Lead]] = [[]]
    done = 0
    for bucket in sorted(by_bucket):
        if len(out) < parts and done >= size * len(out):
            out.append([])
        out[-1].extend(by_bucket[bucket])
        done += len(by_bucket[bucket])
    return [part for part in out if part]


def _score_part(part: int) -> tuple[bytes, bytes, bytes, list]:
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
    )


def compare_all(
    index,
    scored: Sequence[_Lead],
    workers: int,
    tick: Callable[[int], None],
) -> Compared:
    """Compare every candidate pair of ``scored`` (each with the greater ids),
    over ``workers`` processes when forking is possible; ``tick(n)`` after
    every 5,000 leads of this process's own part (it may raise ``Cancelled``)."""
    global _SHARED
    parts = split(scored, index._message_bucket, workers) if workers > 1 and can_fork() else []
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
            for result in pending:
                compared.join(*result.get())
    finally:
        _SHARED = None
    return compared
