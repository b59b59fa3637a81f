"""Candidates kept in the workspace between runs: the scored pairs, and the
version and inquiry tier of every lead they were scored on.

Why in the workspace database (``match_pairs``, ``match_leads``,
``match_state``; migration 0004) and not a file beside it: a team on
PostgreSQL has no file to put beside, and every operator's window then starts
from the pairs the last one kept; the leads' versions the pairs are checked
against live in the same database, read in the same transaction.

- ``kept_result``: the queue from the kept pairs, without reading a single
  lead's communications (the window shows it at once); the pairs of leads
  changed since are left out until ``open_index`` has rescored them.
- ``open_index``: the match index with the kept pairs taken over for every
  lead whose version and tier are the kept ones, only the others scored
  (``MatchIndex.build(kept=...)``); the full scan when nothing is kept.
- ``refresh_index``: ``MatchIndex.refresh`` and the changes written back.

A stamp (``candidates_stamp``: the detection settings and the matcher's code)
says what the pairs were computed with; another stamp and they are computed
afresh.  The window writes them, and so does ``deskdup scan --keep`` with the
workspace's own settings (``services/kept_scan.py``); a scan with other weights
reads and writes none (it must not replace the team's queue).
"""

from __future__ import annotations

import hashlib
import json
import json.scanner
import logging
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from deskdup.models import Channel, Lead, MatchLead, MatchPair, MatchState, WorkspaceMeta
from deskdup.services import candidates as candidates_module
from deskdup.services import (
    channels,
    name_folding,
    name_tables,
    names,
    nicknames,
    normalize,
    paths,
)
from deskdup.services.candidates import CandidatePair, LeadSummary, Reason
from deskdup.services.matching.load import _ACTIVE, _CHUNK, _owners, _raw
from deskdup.services.matching.model import LinkageModel
from deskdup.services.matching.record import _CHANNELS
from deskdup.services.matching.search import (
    SEARCH,
    _changed,
    copy_updated,
    save_search_names,
    search_stamp,
    write_rows,
)
from deskdup.services.matching.settings import (
    LEARN_MIN_LEADS,
    LIKELY,
    POSSIBLE,
    MatchSettings,
    ScanResult,
)
from deskdup.services.matching.snapshot import keep_snapshot, load_snapshot
from deskdup.services.messages import english_from_json, message_from_json, message_to_json

log = logging.getLogger(__name__)

CANDIDATES = "candidates"
# The workspace_meta key of the model that scored the kept pairs (JSON).
MODEL_KEY = "match_model"
_SEPARATOR = "\x1e"


def candidates_stamp(settings: MatchSettings) -> str:
    """The settings and every source the scores depend on (the matcher's package,
    with any model file beside its modules, and the name, phone and channel
    vocabularies): a change to any of them makes the kept pairs stale.  Where
    the tiers start is no part of it, only where the kept pairs start (the
    lower of the two thresholds: what a build compares and keeps): the likely
    tier's precision and a review threshold above the possible one only cut
    the kept pairs (``deskdup scan --threshold 0.5`` prints from them)."""
    digest = hashlib.blake2b(digest_size=12)
    built = paths.built_program_stamp()
    if built:  # a built application: no sources to read (a new build: stale pairs)
        digest.update(built.encode())
    else:
        folder = Path(__file__).parent
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix in (".py", ".json", ".csv", ".txt"):
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
        for module in (
            names,
            name_folding,
            name_tables,
            nicknames,
            normalize,
            channels,
            candidates_module,
        ):
            digest.update(Path(module.__file__).read_bytes())
    scored_with = asdict(settings)
    # Where the likely tier starts is worked out from the kept pairs' scores.
    del scored_with["likely_precision"]
    del scored_with["review_threshold"]
    del scored_with["possible_threshold"]
    scored_with["kept_from"] = settings.threshold_of(POSSIBLE)
    digest.update(json.dumps(scored_with, sort_keys=True, default=str).encode())
    return "candidates-" + digest.hexdigest()


@dataclass
class Kept:
    """What the workspace keeps: lead id -> (version, tier), the pairs, and the
    model that scored them (the leads scored again are scored with it)."""

    versions: dict[int, tuple[int, str]] = field(default_factory=dict)
    pairs: dict[tuple[int, int], CandidatePair] = field(default_factory=dict)
    model: LinkageModel | None = None


# ----------------------------------------------------------------- reasons


def _encode(reasons: tuple[Reason, ...], cache: dict[Reason, str]) -> str:
    parts = []
    for reason in reasons:
        text = cache.get(reason)
        if text is None:
            data = [reason.code, reason.weight, message_to_json(reason.text)]
            text = cache[reason] = json.dumps(data, ensure_ascii=False)
        parts.append(text)
    return _SEPARATOR.join(parts)


_scan = json.scanner.make_scanner(json.JSONDecoder())


def _loads(part: str):
    """``json.loads(part)``: the same parser, without its checks around it on
    each call (a third of its time on a kept reason, tens of thousands a scan)."""
    try:
        data, end = _scan(part, 0)
    except StopIteration:
        end = -1
    return data if end == len(part) else json.loads(part)  # else: its error, or spaces


class _Reasons:
    """Reasons read back, each distinct text made once (most repeat)."""

    def __init__(self) -> None:
        self._cache: dict[str, Reason] = {}
        self._words: dict[str, str] = {}

    def words(self, text: str) -> tuple[str, ...]:
        """``str(reason.text)`` of each reason ``decode`` makes of ``text``,
        without making the reasons (``deskdup scan`` prints only the words):
        each distinct one read once, and a damaged one raises as there."""
        if not text:
            return ()
        out = []
        words = self._words
        for part in text.split(_SEPARATOR):
            word = words.get(part)
            if word is None:
                _code, weight, message = _loads(part)
                float(weight)
                word = words[part] = english_from_json(message)
            out.append(word)
        return tuple(out)

    def decode(self, text: str) -> tuple[Reason, ...]:
        if not text:
            return ()
        out = []
        cache = self._cache
        for part in text.split(_SEPARATOR):
            reason = cache.get(part)
            if reason is None:
                code, weight, message = _loads(part)
                reason = cache[part] = Reason(code, float(weight), message_from_json(message))
            out.append(reason)
        return tuple(out)


# ----------------------------------------------------------------- reading


def _stamp(conn, name: str) -> str | None:
    return conn.execute(select(MatchState.stamp).where(MatchState.name == name)).scalar()


def kept_holds(conn, settings: MatchSettings) -> bool:
    """Are the kept pairs the ones to start from for ``settings``: computed
    with these settings and this code (``candidates_stamp``), and not outgrown
    (``_kept_model``)."""
    return _kept_model(conn, settings) is not None


def _kept_model(conn, settings: MatchSettings) -> tuple[LinkageModel, str] | None:
    """The model that scored the kept pairs and its JSON as kept, when they
    were computed with these settings and this code, and the workspace has not
    outgrown them (``_outgrown``); else None."""
    if _stamp(conn, CANDIDATES) != candidates_stamp(settings):
        return None
    query = select(WorkspaceMeta.value).where(WorkspaceMeta.key == MODEL_KEY)
    stored = conn.execute(query).scalar()
    try:
        model = LinkageModel.from_json(stored) if stored else None
    except (ValueError, KeyError, TypeError):
        return None  # pairs without the model that scored them: scan afresh
    if model is None or _outgrown(conn, model):
        return None
    return model, stored


def _outgrown(conn, model: LinkageModel) -> bool:
    """Has the workspace outgrown the kept pairs' model, so that a build must
    learn one afresh rather than score what came since with it?

    - Scored with the hand-set priors (too few leads to learn from, say a
      workspace created empty in the window) and now with leads enough to
      learn a model: taken over, the priors would score every lead imported
      since and the model would never be learned.
    - More active leads than twice those kept (a large import since): the
      model would score more leads than it was learned from.

    Asked at every start: the active leads are counted only when all the
    leads (an index's count, ~15 ms at a million against ~200 ms for the
    active ones) reach the limit."""
    if model.learned:
        limit = 2 * conn.execute(select(func.count()).select_from(MatchLead)).scalar_one() + 1
    else:
        limit = LEARN_MIN_LEADS
    if conn.execute(select(func.count()).select_from(Lead)).scalar_one() < limit:
        return False  # the active leads are fewer still
    return active_count(conn) >= limit


def active_count(conn) -> int:
    """How many leads are active (not archived or merged into another)."""
    return conn.execute(select(func.count()).select_from(Lead).where(_ACTIVE)).scalar_one()


def load_kept(ws, settings: MatchSettings) -> Kept | None:
    """The kept pairs and versions, when they were computed with these settings
    and this code; else None."""
    with ws.engine.connect() as conn:
        model = _kept_model(conn, settings)
        if model is None:
            return None
        kept = Kept(model=model[0])
        versions = kept.versions
        for lead_id, version, tier in _raw(
            conn, select(MatchLead.lead_id, MatchLead.version, MatchLead.tier)
        ):
            versions[lead_id] = (version, tier)
        # Changed outside deskdup (updated_at moved, the version did not): as new.
        for lead_id in _changed(conn, MatchLead.__table__)[0]:
            versions.pop(lead_id, None)
        decoder = _Reasons()
        pairs = kept.pairs
        for a, b, score, reasons in _raw(
            conn, select(MatchPair.lead_a, MatchPair.lead_b, MatchPair.score, MatchPair.reasons)
        ):
            pairs[(a, b)] = CandidatePair(a, b, score, decoder.decode(reasons))
        return kept


def kept_result(ws, settings: MatchSettings, tier: str = LIKELY) -> ScanResult | None:
    """The queue from the kept pairs (None when nothing is kept for these settings).

    Pairs of a lead changed or gone since are left out: ``open_index`` scores
    them again.  Reads the pairs, the kept names and a few columns of the leads
    in groups; no communications, no name parsing, no scoring.  (In two steps,
    ``services/kept_queue.py``, where the window reads its first groups first.)
    """
    from deskdup.services.kept_queue import kept_queue

    queue = kept_queue(ws, settings, tier, first=0, reasons=True)
    return None if queue is None else queue.complete(ws)


def _summaries(conn, ids: set[int]) -> dict[int, LeadSummary]:
    """The queue's columns of ``ids``: by key for a few, else in one pass over
    the kept leads (tens of thousands of ids in ``IN`` lists of 500 cost more
    to compile than the pass costs to read)."""
    owners = _owners(conn)
    out: dict[int, LeadSummary] = {}
    leads = Lead.__table__.c
    stmt = select(
        leads.id,
        leads.external_id,
        MatchLead.name,
        leads.source_channel,
        leads.assigned_id,
        leads.created_at,
        leads.status,
    ).join(MatchLead, MatchLead.lead_id == leads.id)
    if len(ids) <= _CHUNK:
        stmt = stmt.where(leads.id.in_(sorted(ids)))
    channels, other = _CHANNELS, Channel.OTHER
    epoch = datetime(1970, 1, 1)
    parse = datetime.fromisoformat
    summary = LeadSummary  # (id, label, name, channel, owner_id, owner_name, created_at, status)
    for lead_id, ext, name, channel, owner, created, status in _raw(conn, stmt):
        if lead_id not in ids:
            continue
        if type(created) is str:  # SQLite's text (PostgreSQL: a datetime already)
            created = parse(created)
        out[lead_id] = summary(
            lead_id,
            ext or str(lead_id),
            name,
            channels.get(channel, other),
            owner,
            owners.get(owner, "") if owner else "",
            created or epoch,
            status or "",
        )
    return out


# ----------------------------------------------------------------- writing


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


_LEAD_ROW = ("lead_id", "version", "tier", "name")
_PAIR_ROW = ("lead_a", "lead_b", "score", "reasons")


def _lead_rows(leads) -> list[tuple]:
    return [(rec.id, rec.version, rec.tier, rec.display_name()[:200]) for rec in leads]


def _pair_rows(pairs) -> list[tuple]:
    cache: dict[Reason, str] = {}
    return [pair_row(p, p.reasons, cache) for p in pairs]


def pair_row(pair: CandidatePair, reasons: tuple[Reason, ...], cache: dict) -> tuple:
    """The kept row of a pair with these (its) reasons; ``cache``: the text of
    each reason encoded so far (most repeat)."""
    return (pair.a, pair.b, pair.score, _encode(reasons, cache))


def save_all(ws, index, rows: list[tuple] | None = None, search: bool = True) -> None:
    """Keep every pair and lead version of a freshly built index (and the search
    names of its leads: they are read already, unless not ``search``).
    ``rows``: every pair's ``pair_row``, when made already."""
    stamp = candidates_stamp(index.settings)
    with ws.engine.begin() as conn:
        conn.execute(delete(MatchPair))
        conn.execute(delete(MatchLead))
        conn.execute(delete(MatchState).where(MatchState.name == CANDIDATES))
        conn.execute(insert(MatchState).values(name=CANDIDATES, stamp=stamp, saved_at=_now()))
        conn.execute(delete(WorkspaceMeta).where(WorkspaceMeta.key == MODEL_KEY))
        conn.execute(insert(WorkspaceMeta).values(key=MODEL_KEY, value=index.model.to_json()))
        write_rows(conn, MatchLead.__table__, _LEAD_ROW, _lead_rows(index.leads.values()))
        copy_updated(conn, MatchLead.__table__, None)
        if rows is None:
            rows = _pair_rows(index.pairs.values())
        write_rows(conn, MatchPair.__table__, _PAIR_ROW, rows)
        if search and _stamp(conn, SEARCH) != search_stamp():
            save_search_names(conn, index.leads.values(), everything=True)


def save_changes(ws, index, touched: set[int], gone: set[int]) -> None:
    """Keep what changed: the pairs and versions of ``touched`` leads (rescored),
    and nothing more of ``gone`` ones.  Kept pairs of other settings or code
    are replaced by the whole index."""
    if not touched and not gone:
        return
    with ws.engine.begin() as conn:
        if _stamp(conn, CANDIDATES) != candidates_stamp(index.settings):
            conn.rollback()
            save_all(ws, index)
            return
        ids = sorted(touched | gone)
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            conn.execute(delete(MatchPair).where(MatchPair.lead_a.in_(part)))
            conn.execute(delete(MatchPair).where(MatchPair.lead_b.in_(part)))
            conn.execute(delete(MatchLead).where(MatchLead.lead_id.in_(part)))
        leads = [index.leads[i] for i in touched if i in index.leads]
        if leads:
            write_rows(conn, MatchLead.__table__, _LEAD_ROW, _lead_rows(leads))
            copy_updated(conn, MatchLead.__table__, [rec.id for rec in leads])
        pairs: dict[tuple[int, int], CandidatePair] = {}
        for rec in leads:
            for other in index.partners.get(rec.id):
                key = (min(rec.id, other), max(rec.id, other))
                pair = index.pairs.get(key)
                if pair is not None:
                    pairs[key] = pair
        write_rows(conn, MatchPair.__table__, _PAIR_ROW, _pair_rows(pairs.values()))
        conn.execute(
            MatchState.__table__.update()
            .where(MatchState.name == CANDIDATES)
            .values(saved_at=_now())
        )


# ----------------------------------------------------------------- the index


def open_index(ws, settings: MatchSettings, progress=None, cancelled=None):
    """The match index, from the snapshot of the last one (``snapshot.py``) or
    the kept pairs where they still hold, and kept again."""
    from deskdup.services.matching.index import MatchIndex

    stamp = candidates_stamp(settings)
    with ws.engine.connect() as conn:
        model = _kept_model(conn, settings)
    # The snapshot is of the model kept with the pairs (as kept: its JSON does
    # not come back digit for digit from a model read back).
    index = None if model is None else load_snapshot(ws, settings, stamp, *model)
    if index is not None:
        _keep(save_refreshed, ws, index)
    else:
        kept = load_kept(ws, settings)
        index = MatchIndex.build(ws, settings, progress=progress, cancelled=cancelled, kept=kept)
        if kept is None:
            _keep(save_all, ws, index)
            model = (index.model, index.model.to_json())
        else:
            _keep(save_changes, ws, index, index.touched, index.gone)
    if model is not None:
        keep_snapshot(ws, index, stamp, model[1])
    return index


def refreshed_index(ws, settings: MatchSettings, workers: int = 1):
    """A command's ``open_index``: the index of the kept candidates brought up
    to date, or None when none are kept for these settings; nothing written
    (``save_refreshed`` keeps what it rescored).

    From the window's snapshot when it holds this model, as the window starts
    (only the leads changed, new or gone are read); else a one-shot build over
    ``workers`` processes that takes over the kept pairs of the leads
    unchanged since and scores the others with the kept model (every lead is
    read, few are scored)."""
    from deskdup.services.matching.index import MatchIndex

    with ws.engine.connect() as conn:
        model = _kept_model(conn, settings)
    if model is None:
        return None
    index = load_snapshot(ws, settings, candidates_stamp(settings), *model)
    if index is not None:
        return index
    kept = load_kept(ws, settings)
    if kept is None:
        return None
    return MatchIndex.build(ws, settings, kept=kept, refreshable=False, workers=workers)


def save_refreshed(ws, index) -> None:
    """After a start from the snapshot or the kept pairs: keep what it
    rescored, and the kept rows of any lead they do not hold as it is now
    (another window's failed write, or kept rows older than the snapshot),
    from the index."""
    with ws.engine.connect() as conn:
        changed, gone = _changed(conn, MatchLead.__table__)
    touched = index.touched | {i for i in changed if i in index.leads}
    save_changes(ws, index, touched, index.gone | set(gone))


def refresh_index(index, ws, tier: str = LIKELY) -> ScanResult:
    """``index.refresh`` and what it changed written back."""
    result = index.refresh(ws, tier=tier)
    _keep(save_changes, ws, index, index.touched, index.gone)
    return result


def _keep(save, *args) -> None:
    """Write what is kept; a failure (another window writing the same rows on
    PostgreSQL, a busy or read-only file) only costs the next start a rescan:
    the rows written are one transaction, and leads whose kept version is not
    their own are scored again."""
    try:
        save(*args)
    except SQLAlchemyError as error:
        log.warning("kept candidates not written: %s", error)
