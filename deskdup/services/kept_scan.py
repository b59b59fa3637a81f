"""``deskdup scan`` from the candidates the workspace keeps (``matching/store.py``),
the way the window starts from them.

- Kept for the scan's settings (the same ``candidates_stamp``) and no lead
  changed, new or gone since: the queue is the kept pairs (as ``kept_result``
  ranks them, but their reasons read only as words and of the leads only
  what the output shows: ``_as_kept``), no lead is read or scored.  They are
  what the build that kept them found, so the output is a fresh build's,
  byte for byte.
- Kept, and some leads changed: those leads are read and scored again with
  the kept model, the other pairs taken over (``store.refreshed_index``: from
  the window's snapshot, or a one-shot build over the kept pairs), and what
  was rescored is written back.  The output is what the window shows then,
  not a fresh build's (which would learn a new model from every lead).
- None kept for these settings: the full one-shot build, as before; asked
  to ``keep`` (``deskdup scan --keep``) and the settings the workspace's own
  (what the window would use: the team's, else the defaults, in the scan's
  phone region), what it found is kept, so the next scan and the window
  start from it.  Not by default: keeping a build's pairs costs the scan
  about a fifth more CPU at 100,000 leads, and at a million more memory
  than the 2 GB a scan may take (2.5 GB), and the scan that finds none kept
  is the one an imported workspace gets.  With other settings (weights,
  burst window, a threshold under the possible tier's) nothing is written:
  a scan with other weights must not replace the team's queue.
- ``fresh``: the one-shot build, nothing read or written (as before).

Kept rows that cannot be read back (damaged) cost a full build; rows that
cannot be written (a read-only file, a role without rights, another window
writing) cost the next run a build: ``LeadScan.keep`` says why in words.

Outside ``matching/`` on purpose, as ``kept_queue.py``: deciding where a scan
starts computes nothing, so a change here must not make the kept pairs stale.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from deskdup.models import Channel, Lead, MatchLead
from deskdup.services.candidates import CandidatePair
from deskdup.services.kept_queue import read_kept_queue
from deskdup.services.matching import MatchIndex
from deskdup.services.matching.blocks import quiet_gc
from deskdup.services.matching.kept import FORK_MIN_PAIRS, reason_texts
from deskdup.services.matching.load import _CHUNK, _raw
from deskdup.services.matching.parallel import in_halves
from deskdup.services.matching.record import _CHANNELS
from deskdup.services.matching.search import _changed
from deskdup.services.matching.settings import LIKELY, MatchSettings, ScanResult
from deskdup.services.matching.store import (
    _Reasons,
    candidates_stamp,
    kept_holds,
    pair_row,
    refreshed_index,
    save_all,
    save_refreshed,
)
from deskdup.services.team_settings import team_match_settings

log = logging.getLogger(__name__)

# Where a scan's pairs came from (``LeadScan.source``).
KEPT = "kept"  # the kept pairs, nothing changed since
REFRESHED = "refreshed"  # the kept pairs, the changed leads scored again
BUILT = "built"  # a full build, kept for the next run
FRESH = "fresh"  # a full build, nothing kept (``fresh`` or other settings)


@dataclass
class LeadScan:
    """A scan's result, where it came from, and what is left to keep."""

    result: ScanResult
    source: str
    # Leads scored again (REFRESHED), or every lead (a build).
    rescored: int = 0
    # Why the kept candidates were not used (damaged rows), in words; or "".
    not_used: str = ""
    _keep: Callable[[], None] | None = field(default=None, repr=False)
    # The index behind ``result`` (a one-shot build words its pairs lazily).
    index: MatchIndex | None = field(default=None, repr=False)
    _ws: object = field(default=None, repr=False)
    # KEPT: what the output shows of each lead in a group (label, name,
    # channel), and each pair's reasons in words, read with the pairs (the
    # result has no summaries and its pairs no reasons: a scan prints words).
    shown: dict[int, tuple[str, str, Channel]] | None = field(default=None, repr=False)
    _words: list[tuple[str, ...]] | None = field(default=None, repr=False)

    def texts(self, workers: int = 1) -> list[tuple[str, ...]]:
        """Each pair's reasons as text, in the order of ``result.pairs`` (what
        ``deskdup scan`` prints), worded over ``workers`` processes.

        A build to be kept words every pair it keeps here, once, for the output
        and the kept rows alike: the output's pairs are most of them, and a
        one-shot build's pairs are worded only when asked (``kept.KeptPair``)."""
        pairs = self.result.pairs
        if self._words is not None:
            return self._words
        if self.source != BUILT or self._keep is None or self.index is None:
            return reason_texts(pairs, workers)
        index = self.index
        printed = {(p.a, p.b) for p in pairs}
        everything = [*pairs, *(p for key, p in index.pairs.items() if key not in printed)]
        texts, rows = _worded_rows(everything, len(pairs), workers)
        self._keep = lambda: save_all(self._ws, index, rows, search=False)
        return texts

    def keep(self) -> str:
        """Write into the workspace what this scan found or scored again (after
        its output is printed: writing a build's pairs words every one).  ""
        when written or nothing to write; else why not, in words (nothing is
        lost: the next run builds again)."""
        if self._keep is None:
            return ""
        try:
            self._keep()
        except SQLAlchemyError as error:
            log.warning("kept candidates not written: %s", error)
            return _first_line(error)
        finally:
            self._keep = None
        return ""


def _first_line(error: SQLAlchemyError) -> str:
    """The driver's own first line ("attempt to write a readonly database",
    "permission denied for table match_pairs"), without the SQL."""
    orig = error.orig if isinstance(error, DBAPIError) else None
    text = str(orig if orig is not None else error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def workspace_stamp(ws, region: str) -> str:
    """The stamp of the candidates the window would keep in this workspace:
    the team's detection settings, else the defaults (in ``region``)."""
    return candidates_stamp(team_match_settings(ws, MatchSettings(region=region)))


def scan_leads(
    ws, settings: MatchSettings, workers: int = 1, fresh: bool = False, keep: bool = False
) -> LeadScan:
    """The scan's pairs and groups: from the kept candidates when they were
    kept with these settings, else a full build (kept when asked to ``keep``
    and the settings are the workspace's own); ``fresh``: a full build,
    nothing read or written."""
    if fresh:
        return _build(ws, settings, workers, keep=False)
    stamp = candidates_stamp(settings)
    scan, not_used = None, ""
    try:
        with quiet_gc(), ws.engine.connect() as conn:
            kept = kept_holds(conn, settings)
            changed, gone = _changed(conn, MatchLead.__table__) if kept else ([], [])
            if kept and not (changed or gone):
                # Read on the connection that found nothing changed.
                scan, not_used = _used(lambda: _as_kept(conn, settings, workers))
    except SQLAlchemyError as error:  # no right to read them: as if none were kept
        log.info("kept candidates not read: %s", error)
        return _build(ws, settings, workers, keep=False)
    if kept and (changed or gone):
        scan, not_used = _used(lambda: _refreshed(ws, settings, workers))
    if scan is not None:
        return scan
    own = keep and stamp == workspace_stamp(ws, settings.region)
    scan = _build(ws, settings, workers, keep=own)
    scan.not_used = not_used
    return scan


def _used(read: Callable[[], LeadScan | None]) -> tuple[LeadScan | None, str]:
    """``read()`` of the kept candidates, or None and why they could not be
    read (damaged rows), in words."""
    try:
        return read(), ""
    except (SQLAlchemyError, ValueError, KeyError, TypeError) as error:
        log.warning("kept candidates not used: %s", error)
        return None, str(error).strip().splitlines()[0][:200] or "damaged"


def _as_kept(conn, settings: MatchSettings, workers: int) -> LeadScan:
    """The kept pairs as they are (no lead changed since): what ``kept_result``
    reads, but the reasons only in words and of the leads only what the output
    shows (a scan prints them, and no more)."""
    queue = read_kept_queue(conn, settings, LIKELY, reasons=True, stale=())
    result, encoded = queue.result, queue.encoded or {}
    ids = {i for g in result.groups for i in g.lead_ids}
    shown = _shown(conn, ids)
    missing = ids - set(shown)
    if missing:  # pairs of leads the kept rows do not hold: damaged
        raise KeyError(f"kept pairs of {len(missing)} leads not kept")
    words = _worded([encoded[p.a, p.b] for p in result.pairs], workers)
    return LeadScan(result, KEPT, shown=shown, _words=words)


def _refreshed(ws, settings: MatchSettings, workers: int) -> LeadScan | None:
    """The kept pairs with the leads changed since scored again (None: none
    kept for these settings after all)."""
    index = refreshed_index(ws, settings, workers)
    if index is None:
        return None
    return LeadScan(
        index.result(summaries=False),  # printed from the records
        REFRESHED,
        rescored=len(index.touched),
        _keep=lambda: save_refreshed(ws, index),
        index=index,
    )


def build_kept(
    ws, settings: MatchSettings, workers: int, progress: Callable[[int, int], None] | None = None
) -> str:
    """A one-shot build of every lead over ``workers`` processes, its pairs
    kept for ``settings`` (``deskdup scan --keep``'s build, without the
    output; the window's first scan of a large workspace runs it in a process
    of its own, ``scan_apart.py``): "" when kept, else why not, in words."""
    # The build is about four fifths of the time, wording and writing the rest.
    share = None if progress is None else (lambda done, total: progress(done * 8, total * 10))
    scan = _build(ws, settings, workers, keep=True, progress=share)
    _progress(progress, 8)
    scan.texts(workers)  # every kept pair worded over the workers
    _progress(progress, 9)
    why_not = scan.keep()
    _progress(progress, 10)
    return why_not


def _progress(progress: Callable[[int, int], None] | None, tenths: int) -> None:
    if progress is not None:
        progress(tenths, 10)


def _build(ws, settings: MatchSettings, workers: int, keep: bool, progress=None) -> LeadScan:
    # A command runs no threads of its own: the comparing may fork.
    index = MatchIndex.build(ws, settings, progress=progress, refreshable=False, workers=workers)
    return LeadScan(
        index.result(summaries=False),  # printed from the records
        BUILT if keep else FRESH,
        rescored=len(index.leads),
        _keep=(lambda: save_all(ws, index, search=False)) if keep else None,
        index=index,
        _ws=ws,
    )


def _shown(conn, ids: set[int]) -> dict[int, tuple[str, str, Channel]]:
    """(label, name, channel) of the leads ``ids`` as ``store._summaries``
    reads them (the kept name), and no other column: by key for a few, else
    in one pass over the kept leads."""
    leads = Lead.__table__.c
    stmt = select(leads.id, leads.external_id, MatchLead.name, leads.source_channel).join(
        MatchLead, MatchLead.lead_id == leads.id
    )
    if len(ids) <= _CHUNK:
        stmt = stmt.where(leads.id.in_(sorted(ids)))
    channels, other = _CHANNELS, Channel.OTHER
    return {
        lead_id: (ext or str(lead_id), name, channels.get(channel, other))
        for lead_id, ext, name, channel in _raw(conn, stmt)
        if lead_id in ids
    }


def _worded(kept: list[str], workers: int) -> list[tuple[str, ...]]:
    """The reasons kept as ``kept`` (``store._Reasons``) in words, in order:
    each distinct one worded once (half of them repeat); with ``workers`` of
    2 or more a forked copy words the back half.  A damaged one raises
    ``ValueError`` (or ``KeyError``, ``TypeError``) here, before anything is
    printed."""

    def worded(start: int, end: int) -> list[tuple[str, ...]] | ValueError:
        words = _Reasons().words
        try:
            return [words(kept[n]) for n in range(start, end)]
        except (ValueError, KeyError, TypeError) as error:  # damaged: words, not a trace
            return ValueError(str(error))

    with quiet_gc():
        parts = in_halves(worded, len(kept), workers, FORK_MIN_PAIRS, "wording")
    for part in parts:
        if isinstance(part, ValueError):
            raise part
    return [words for part in parts for words in part]


def _worded_rows(
    pairs: list[CandidatePair], printed: int, workers: int
) -> tuple[list[tuple[str, ...]], list[tuple]]:
    """The reasons of the first ``printed`` pairs as text, and every pair's
    kept row (``store.pair_row``), each pair worded once; with ``workers`` of
    2 or more a forked copy words the back half (as ``kept.reason_texts``)."""

    def worded(start: int, end: int) -> tuple[list[tuple[str, ...]], list[tuple]]:
        cache: dict = {}
        texts, rows = [], []
        for n in range(start, end):
            pair = pairs[n]
            reasons = pair.reasons
            if n < printed:
                texts.append(tuple(str(reason.text) for reason in reasons))
            rows.append(pair_row(pair, reasons, cache))
        return texts, rows

    parts = in_halves(worded, len(pairs), workers, FORK_MIN_PAIRS, "wording")
    return [t for texts, _rows in parts for t in texts], [r for _texts, rows in parts for r in rows]
