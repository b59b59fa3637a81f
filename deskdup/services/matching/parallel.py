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

Here too the forking itself (``_Fork``, ``in_halves``, the parts shared with
one worker); the build's keying and reading-ahead workers are in
``build_workers.py``.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from array import array
from collections.abc import Callable, Sequence

from deskdup.services.errors import KnownError, fail
from deskdup.services.matching.blocks import by_bucket, slide_bands
from deskdup.services.matching.model import Pattern
from deskdup.services.matching.record import _Lead
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message


class WorkerStopped(KnownError, RuntimeError):
    """A forked worker of a build ended before it answered: killed from
    outside, or by the system when memory ran out.  Nothing was written (a
    build writes only after it is complete); scanning again is safe.  (Also a
    ``RuntimeError``: what it was before it had words.)"""


# What each kind of worker does, as the message names it.
_WORKERS = {
    "reading": QT_TRANSLATE_NOOP("Scan", "reading"),
    "keying": QT_TRANSLATE_NOOP("Scan", "keying"),
    "comparing": QT_TRANSLATE_NOOP("Scan", "comparing"),
    "wording": QT_TRANSLATE_NOOP("Scan", "wording"),
}
MSG_WORKER_STOPPED = QT_TRANSLATE_NOOP(
    "Scan",
    "The scan's {what} worker process stopped before it finished (the system may have "
    "run out of memory, or the process was ended). Nothing was changed: scan again; on "
    "the command line --workers 1 scans in one process.",
)


def worker_stopped(what: str) -> WorkerStopped:
    """The error of a ``what`` worker that stopped (``_WORKERS``' keys)."""
    named = _WORKERS.get(what)
    return fail(
        WorkerStopped,
        Message(
            "Scan",
            MSG_WORKER_STOPPED,
            {"what": what if named is None else Message("Scan", named)},
        ),
    )


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

    def packed(self) -> tuple[bytes, bytes, bytes, list[Pattern], str]:
        """What ``join`` takes: the pairs as bytes, the patterns, the ids' typecode."""
        return (
            self.a_ids.tobytes(),
            self.b_ids.tobytes(),
            self.pattern_ids.tobytes(),
            self.patterns(),
            self.a_ids.typecode,
        )

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


class _Failed:
    """What a worker sends instead when it fails: its traceback."""

    def __init__(self, text: str) -> None:
        self.text = text


def _worker(conn, part: int) -> None:
    """In a forked worker: compare the leads of one part and send the pairs
    (the scan process keeps them: ``MatchIndex._keep_compared``).

    ``part`` -1: the parts are shared (``_Shares``): take them from the last
    one on, as long as this process has not reached them, and send their
    pairs joined in the parts' order."""
    try:
        index, parts, shares, buckets = _SHARED  # type: ignore[misc]
        window: dict = {}
        index._bands = window
        if part >= 0:
            compared = _compare_part(index, parts[part], window, buckets)
        else:
            taken = []
            while (next_part := shares.take_last()) is not None:
                taken.append(_compare_part(index, parts[next_part], window, buckets))
            compared = Compared()
            for done in reversed(taken):
                compared.join(*done.packed())
        conn.send(compared.packed())
    except BaseException:
        conn.send(_Failed(traceback.format_exc()))
    finally:
        conn.close()


def _compare_part(index, part: Sequence[_Lead], window: dict, buckets: dict) -> Compared:
    """The compared pairs of one part's leads, in ``slide_bands`` order."""
    compared = Compared()
    for rec in slide_bands(index.leads, part, index._message_bucket, window, buckets):
        index._score_lead(rec, True, compared.sink)
    return compared


def _received(conn):
    """A worker's next message; a worker that stopped or failed raises."""
    try:
        message = conn.recv()
    except EOFError:
        raise worker_stopped("comparing") from None
    if isinstance(message, _Failed):
        raise RuntimeError(f"a comparing worker failed:\n{message.text}")
    return message


class Comparing:
    """The compared pairs of a one-shot build (``compared``: this process's
    part first, then each worker's), and the forked workers that compared the
    other parts, until ``close``."""

    def __init__(self) -> None:
        self.compared = Compared()
        self._workers: list[tuple] = []  # (process, connection), in part order

    def keep(self, index) -> None:
        """Score the compared pairs with ``index.model`` and keep those from
        the threshold on, in the order they were compared
        (``index._keep_compared``; their reasons are worded when asked for,
        so the workers have nothing left to do)."""
        self.close()
        index._keep_compared(self.compared)

    def close(self) -> None:
        for process, conn in self._workers:
            conn.close()
            if process.is_alive():
                process.terminate()
            process.join()
        self._workers = []


# With work for the time the worker compares (``meanwhile``), this process
# compares this much less than an equal share (more than one worker).
MEANWHILE_SHARE = 0.06
# One worker: the leads are cut into parts of about this many leads (at most
# ``MAX_PARTS``), which this process takes from the first on and the worker
# from the last on until they meet (``_Shares``): neither waits for the other
# by more than a part, however the cores are shared meanwhile.
PART_LEADS = 2_000
MAX_PARTS = 64


class _Shares:
    """The parts not taken yet, between this process and one forked worker:
    the first and the last untaken part's number in shared memory, under its
    lock.  Made before the fork; ``what`` the worker does (for the error)."""

    def __init__(self, context, parts: int, what: str = "comparing") -> None:
        self._ends = context.Array("i", [0, parts - 1])
        self._what = what

    def take_first(self, alive: Callable[[], bool] = lambda: True) -> int | None:
        """The first untaken part's number (this process), or None when none
        is left; a worker that stopped holding the lock raises."""
        lock = self._ends.get_lock()
        while not lock.acquire(timeout=1.0):
            if not alive():
                raise worker_stopped(self._what)
        try:
            return self._take(0, 1)
        finally:
            lock.release()

    def take_last(self) -> int | None:
        """The last untaken part's number (the worker), or None."""
        with self._ends.get_lock():
            return self._take(1, -1)

    def _take(self, end: int, step: int) -> int | None:
        ends = self._ends
        if ends[0] > ends[1]:
            return None
        taken = ends[end]
        ends[end] = taken + step
        return taken


def compare_all(
    index,
    scored: Sequence[_Lead],
    workers: int,
    tick: Callable[[int], None],
    meanwhile: Callable[[], None] | None = None,
) -> Comparing:
    """Compare every candidate pair of ``scored`` (each with the greater ids),
    over ``workers`` processes when forking is possible; ``tick(n)`` after
    every 5,000 leads of this process's own part (it may raise ``Cancelled``).
    ``meanwhile``: more work for this process, done while the workers compare
    (by one process: not done).  The caller ``keep``s the pairs or ``close``s
    what it got.

    With one worker the parts are shared (``_Shares``): this process takes
    parts from the first on (``meanwhile`` after the first) while the worker
    takes them from the last on; the worker's come back joined in order, so
    this process's part is still the first and the worker's the rest."""
    global _SHARED
    parts = []
    shares = None
    context = multiprocessing.get_context("fork") if workers > 1 and can_fork() else None
    if context is not None and workers == 2:
        parts = split(
            scored, index._message_bucket, max(2, min(MAX_PARTS, len(scored) // PART_LEADS))
        )
        if len(parts) >= 2:
            shares = _Shares(context, len(parts))
    elif context is not None:
        first = 1 / workers - (MEANWHILE_SHARE if meanwhile is not None else 0.0)
        parts = split(scored, index._message_bucket, workers, first)
    comparing = Comparing()
    compared = comparing.compared
    if len(parts) < 2:
        for n, rec in enumerate(
            slide_bands(index.leads, scored, index._message_bucket, index._bands)
        ):
            index._score_lead(rec, True, compared.sink)
            if n % 5_000 == 0:
                tick(n)
        return comparing
    # The leads by message bucket, made once for every part's ``slide_bands``.
    buckets = by_bucket(index.leads.values(), index._message_bucket)
    try:
        _SHARED = (index, parts, shares, buckets)
        try:
            for p in range(1, 2 if shares is not None else len(parts)):
                here, there = context.Pipe()
                process = context.Process(
                    target=_worker, args=(there, -1 if shares is not None else p), daemon=True
                )
                process.start()
                there.close()
                comparing._workers.append((process, here))
        finally:
            _SHARED = None
        window = index._bands
        if shares is None:
            for n, rec in enumerate(
                slide_bands(index.leads, parts[0], index._message_bucket, window, buckets)
            ):
                index._score_lead(rec, True, compared.sink)
                if n % 5_000 == 0:
                    tick(n * len(parts))
            if meanwhile is not None:
                meanwhile()
        else:
            worker = comparing._workers[0][0]
            n = 0
            while (part := shares.take_first(worker.is_alive)) is not None:
                for rec in slide_bands(
                    index.leads, parts[part], index._message_bucket, window, buckets
                ):
                    index._score_lead(rec, True, compared.sink)
                    if n % 5_000 == 0:
                        tick(n * 2)
                    n += 1
                if meanwhile is not None:
                    # After the first part (so this process has a part of its
                    # own to keep), while the worker compares.
                    meanwhile()
                    meanwhile = None
            if meanwhile is not None:
                meanwhile()
        for _process, conn in comparing._workers:
            compared.join(*_received(conn))
    except BaseException:
        comparing.close()
        raise
    return comparing


class _Fork:
    """One forked copy of this process working out ``task()`` (which reads
    ``_SHARED``, set just before the fork) while this process goes on; ``result``
    waits for what it returned.  A task that fails, or a copy that stops (killed,
    out of memory), raises here in words instead of leaving the build waiting."""

    def __init__(self, task: Callable[[], object], shared: tuple, what: str) -> None:
        global _SHARED
        self.what = what
        context = multiprocessing.get_context("fork")
        self._conn, there = context.Pipe(duplex=False)
        _SHARED = shared
        try:
            self._process = context.Process(target=_forked, args=(there, task), daemon=True)
            self._process.start()
        finally:
            _SHARED = None
            there.close()

    def result(self):
        try:
            message = self._conn.recv()
        except EOFError:
            raise worker_stopped(self.what) from None
        finally:
            self.close()
        if isinstance(message, _Failed):
            raise RuntimeError(f"a {self.what} worker failed:\n{message.text}")
        return message

    def close(self) -> None:
        self._conn.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()

    def alive(self) -> bool:
        return self._process.is_alive()


def in_halves(
    work: Callable[[int, int], object], n: int, workers: int, at_least: int, what: str
) -> list:
    """``work(start, end)`` over ``0..n``: ``[work(0, n)]``, or with ``workers``
    of 2 or more, where the platform forks and ``n`` reaches ``at_least``,
    ``[work(0, cut), work(cut, n)]`` with the back half worked out by a forked
    copy (``_Fork``, for ``what``) while this process does the front."""
    if workers < 2 or n < at_least or not can_fork():
        return [work(0, n)]
    cut = n // 2
    fork = _Fork(lambda: work(cut, n), (), what)
    try:
        front = work(0, cut)
    except BaseException:
        fork.close()
        raise
    return [front, fork.result()]


def _forked(conn, task: Callable[[], object]) -> None:
    try:
        conn.send(task())
    except BaseException:
        conn.send(_Failed(traceback.format_exc()))
    finally:
        conn.close()
