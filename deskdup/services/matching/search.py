"""The search box and ``deskdup lookup`` without the match index: name keys kept
in the workspace (``search_names``), brought up to date for the leads changed
since, and a typo in a typed name corrected against the names the workspace
holds.

A phone, e-mail or handle is looked up straight in the communications (an
indexed column).  A name needs the keys ``MatchIndex`` blocks by: surname keys
and first names as ``names.py`` parses them, and the folded name words as
typed, which a mistyped word ("Петрвоа", "Иирна") is matched against with
rapidfuzz (optimal string alignment: two letters swapped is one edit).  The
scoring is the index's (``probe._lookup_score``), so the answer is the one
``MatchIndex.lookup`` gives, plus the corrected typos.

The keys are kept rather than rebuilt at each call: building the index for one
name took 4.7 s at 100,000 leads.  Which leads changed the database itself
tells: triggers mark a lead in ``search_dirty`` at every write of it or its
communications (migration 0008), so a call with nothing changed reads the
stamp and finds no mark, and a call after an edit re-reads only the marked
leads.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from deskdup.models import (
    Communication,
    Lead,
    MatchState,
    SearchDirty,
    SearchLead,
    SearchName,
)
from deskdup.services import names as names_module
from deskdup.services import paths
from deskdup.services.matching import record as record_module
from deskdup.services.matching.hashing import value_hash
from deskdup.services.matching.keys import (
    _LOOKUP_FIRST,
    _LOOKUP_SURNAME,
    _lookup_keys,
    _name_sources,
    _strong_keys,
)
from deskdup.services.matching.load import _ACTIVE, _CHUNK, _LEAD_COLUMNS, _fill, _make_lead, _raw
from deskdup.services.matching.probe import _lookup_score, hit_order, probe_record
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.settings import LOOKUP_CANDIDATES, LookupHit, MatchSettings
from deskdup.services.names import first_name_forms, fold

log = logging.getLogger(__name__)

SEARCH = "search"
SURNAME, FIRST, WORD = "S", "F", "W"
# A typed word is taken for a workspace word this alike (0..1, optimal string
# alignment): one edit in five letters, two in ten.
TYPO_SIMILARITY = 0.78
TYPO_MIN_LETTERS = 4
# A typed word carried by at most this many leads may still be a typo (the
# data has typos too), when a close word is carried by TYPO_MORE_COMMON times
# as many leads.
RARE_WORD = 50
TYPO_MORE_COMMON = 20
# More changed leads than this are read with one pass over the table, not by id.
_BULK = 5_000
_VALUE_CHARS = 100


def search_stamp() -> str:
    """What the kept keys were computed with: the name parser and this module."""
    digest = hashlib.blake2b(digest_size=12)
    built = paths.built_program_stamp()
    if built:  # a built application: no sources to read (a new build: new keys)
        digest.update(built.encode())
    else:
        for module in (names_module, record_module):
            digest.update(Path(module.__file__).read_bytes())
        digest.update(Path(__file__).read_bytes())
    return "search-" + digest.hexdigest()


def name_rows(rec: _Lead) -> set[tuple[str, str]]:
    """(kind, value) of every search key of a lead."""
    rows: set[tuple[str, str]] = set()
    for parts in _name_sources(rec):
        rows.update((SURNAME, s[:_VALUE_CHARS]) for s in parts.surnames)
        rows.update((FIRST, f[:_VALUE_CHARS]) for f in parts.firsts)
    for word in rec.name.words:
        folded = fold(word)
        if len(folded) >= 2:
            rows.add((WORD, folded[:_VALUE_CHARS]))
    return rows


# ----------------------------------------------------------------- keeping


def refresh_search(ws, region: str = "RU") -> int:
    """Bring the kept search keys up to date; the number of leads re-read.

    The leads to re-read are those the database marked (``search_dirty``: its
    triggers mark a lead at every write of it or of its communications, by
    whatever program), so with nothing marked this is two indexed reads, not a
    pass over the leads.  Another stamp (a new parser) starts afresh.
    """
    stamp = search_stamp()
    with ws.engine.begin() as conn:
        kept = conn.execute(select(MatchState.stamp).where(MatchState.name == SEARCH)).scalar()
        # Read before the leads: a mark made after this stays for the next call.
        marked = _marked(conn)
        if kept != stamp:
            active = [row[0] for row in _raw(conn, select(Lead.id).where(_ACTIVE))]
            leads = _records(conn, active, region)
            save_search_names(conn, leads.values(), everything=True, marked=marked)
            return len(leads)
        if not marked:
            return 0
        ids = [lead_id for lead_id, _n in marked]
        leads = _records(conn, ids, region)
        _forget(conn, ids)
        save_search_names(conn, leads.values(), marked=marked)
        return len(ids)


def save_search_names(
    conn, leads: Iterable[_Lead], everything: bool = False, marked: list[tuple] | None = None
) -> None:
    """Write the search keys and versions of ``leads`` (their old ones gone
    already); ``everything``: they are all the active leads, the kept keys are
    replaced and stamped.  ``marked``: the marks (``search_dirty``) read before
    the leads were, now taken care of; without them (``everything`` from a scan
    that read its leads some time ago) every mark goes and the leads whose
    version or ``updated_at`` moved since are marked again."""
    if everything:
        conn.execute(delete(SearchName))
        conn.execute(delete(SearchLead))
        conn.execute(delete(MatchState).where(MatchState.name == SEARCH))
        conn.execute(insert(MatchState).values(name=SEARCH, stamp=search_stamp(), saved_at=_now()))
    names: list[tuple] = []
    versions: list[tuple] = []
    for rec in leads:
        lead_id = rec.id
        versions.append((lead_id, rec.version))
        names.extend((kind, value, lead_id) for kind, value in name_rows(rec))
    write_rows(conn, SearchName.__table__, ("kind", "value", "lead_id"), names)
    write_rows(conn, SearchLead.__table__, ("lead_id", "version"), versions)
    copy_updated(conn, SearchLead.__table__, None if everything else [v[0] for v in versions])
    if marked is not None:
        _unmark(conn, marked)
    elif everything:
        conn.execute(delete(SearchDirty))
        changed, gone = _changed(conn, SearchLead.__table__)
        write_rows(conn, SearchDirty.__table__, ("lead_id", "n"), [(i, 1) for i in changed + gone])


def _marked(conn) -> list[tuple[int, int]]:
    """The leads the database marked as changed, with their mark counts."""
    return [tuple(row) for row in _raw(conn, select(SearchDirty.lead_id, SearchDirty.n))]


def _unmark(conn, marked: list[tuple[int, int]]) -> None:
    """Remove the marks read, unless a lead was marked again since (its count moved)."""
    if not marked:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"DELETE FROM {SearchDirty.__tablename__} WHERE lead_id = {mark} AND n = {mark}"
    for start in range(0, len(marked), 20_000):
        conn.exec_driver_sql(sql, marked[start : start + 20_000])


def write_rows(conn, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """INSERT plain tuples through the driver's executemany: SQLAlchemy's
    per-value processing costs more than the database's work for 100,000s of
    rows (as ``bulk_insert``, which takes a session and dicts)."""
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    for start in range(0, len(rows), 20_000):
        conn.exec_driver_sql(sql, rows[start : start + 20_000])


def copy_updated(conn, kept_table, ids: list[int] | None) -> None:
    """Copy the leads' updated_at into a kept table, in SQL (the value stays in
    the database's own form, so comparing it later is exact)."""
    leads = Lead.__table__.c
    value = select(leads.updated_at).where(leads.id == kept_table.c.lead_id).scalar_subquery()
    if ids is None:
        conn.execute(kept_table.update().values(updated=value))
        return
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        conn.execute(
            kept_table.update().where(kept_table.c.lead_id.in_(part)).values(updated=value)
        )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _changed(conn, kept_table) -> tuple[list[int], list[int]]:
    """(active leads whose version or updated_at is not the kept one or that
    are not kept, kept leads no longer active), through the kept table's
    primary key."""
    kept = kept_table.c
    leads = Lead.__table__.c
    changed = [
        row[0]
        for row in _raw(
            conn,
            select(leads.id)
            .select_from(Lead.__table__.outerjoin(kept_table, kept.lead_id == leads.id))
            .where(
                _ACTIVE,
                (kept.lead_id.is_(None))
                | (kept.version != leads.version)
                | kept.updated.is_distinct_from(leads.updated_at),
            ),
        )
    ]
    gone = [
        row[0]
        for row in _raw(
            conn,
            select(kept.lead_id)
            .select_from(kept_table.outerjoin(Lead.__table__, kept.lead_id == leads.id))
            .where(
                (leads.id.is_(None)) | leads.archived.is_(True) | leads.merged_into_id.is_not(None)
            ),
        )
    ]
    return changed, gone


def _records(conn, ids: Iterable[int], region: str) -> dict[int, _Lead]:
    """The matcher's records of ``ids`` (active leads), read by id or, for many,
    in one pass over the table."""
    wanted = set(ids)
    leads: dict[int, _Lead] = {}
    if not wanted:
        return leads
    if len(wanted) > _BULK:
        for row in _raw(conn, select(*_LEAD_COLUMNS).where(_ACTIVE)):
            if row[0] in wanted:
                leads[row[0]] = _make_lead(row)
        _fill(conn, leads, region, None, lambda: None)
        return leads
    ordered = sorted(wanted)
    for start in range(0, len(ordered), _CHUNK):
        part = ordered[start : start + _CHUNK]
        for row in _raw(conn, select(*_LEAD_COLUMNS).where(Lead.id.in_(part), _ACTIVE)):
            leads[row[0]] = _make_lead(row)
    _fill(conn, leads, region, list(leads), lambda: None)
    return leads


def _forget(conn, ids: list[int]) -> None:
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        conn.execute(delete(SearchName).where(SearchName.lead_id.in_(part)))
        conn.execute(delete(SearchLead).where(SearchLead.lead_id.in_(part)))


# ----------------------------------------------------------------- lookup


def lookup(
    ws, text: str, settings: MatchSettings | None = None, limit: int = 20
) -> list[LookupHit]:
    """One phone, e-mail, handle or name against the workspace, best first.

    The kept keys are refreshed first; when they cannot be written (a
    read-only workspace) the match index is built instead, as before.
    """
    settings = settings or MatchSettings()
    probe = probe_record(text, settings.region)
    if probe is None:
        return []
    values = list(probe.phones) + list(probe.bad_phones) + list(probe.emails)
    values += [h for _c, h in probe.handles]
    named = not probe.name.empty or bool(probe.nicks)
    if named:
        try:
            refresh_search(ws, settings.region)
        except SQLAlchemyError as error:
            # Another process refreshing at the same moment (its rows are as
            # good), or a workspace this one may not write: the kept keys
            # answer when they are of this parser, else the index is built.
            log.warning("search keys not refreshed: %s", error)
            with ws.engine.connect() as conn:
                stamp = conn.execute(
                    select(MatchState.stamp).where(MatchState.name == SEARCH)
                ).scalar()
            if stamp != search_stamp():
                from deskdup.services.matching.index import MatchIndex

                return MatchIndex.build(ws, settings).lookup(text, limit)
    probes = [probe]
    with ws.engine.connect() as conn:
        ids: set[int] = set()
        if values:
            ids.update(_identifier_ids(conn, values))
        if named and not ids:
            probes = _with_corrections(text, probe, settings.region, _WorkspaceWords(conn))
            for each in probes:
                ids.update(_name_candidates(conn, each))
        leads = _records(conn, ids, settings.region)
    return _ranked(probes, leads, settings, limit)


def _ranked(probes: list[_Lead], leads: dict[int, _Lead], settings, limit: int) -> list[LookupHit]:
    """Each lead scored against the typed text and its corrections (the best
    of them), best first (``probe.hit_order``)."""
    hits = []
    for rec in leads.values():
        best = max((_lookup_score(probe, rec, settings) for probe in probes), key=lambda x: x[0])
        if best[0] > 0:
            hits.append(LookupHit(rec.id, best[0], best[1]))
    hits.sort(key=lambda h: hit_order(probes[0], leads[h.lead_id], h.score))
    return hits[:limit]


def _identifier_ids(conn, values: list[str]) -> set[int]:
    return set(
        conn.execute(
            select(Communication.lead_id)
            .join(Lead, Lead.id == Communication.lead_id)
            .where(Communication.normalized.in_(values), _ACTIVE)
        ).scalars()
    )


def _name_candidates(conn, probe: _Lead) -> set[int]:
    """As ``MatchIndex``'s: the leads with the typed surname (and first name,
    when typed), else with the first name; the newest of a common one."""
    surnames = {s for parts in _name_sources(probe) for s in parts.surnames}
    firsts = {f for parts in _name_sources(probe) for f in parts.firsts}
    for kind, values in ((SURNAME, surnames), (FIRST, firsts)):
        if not values:
            continue
        members = set(
            conn.execute(
                select(SearchName.lead_id).where(
                    SearchName.kind == kind, SearchName.value.in_(sorted(values))
                )
            ).scalars()
        )
        if kind == SURNAME and firsts and members:
            first = SearchName.__table__.alias("first")
            both = set(
                conn.execute(
                    select(SearchName.lead_id)
                    .join(first, first.c.lead_id == SearchName.lead_id)
                    .where(
                        SearchName.kind == SURNAME,
                        SearchName.value.in_(sorted(values)),
                        first.c.kind == FIRST,
                        first.c.value.in_(sorted(firsts)),
                    )
                ).scalars()
            )
            members = both or members
        if members:
            return set(sorted(members)[-LOOKUP_CANDIDATES:])
    return set()


# ----------------------------------------------------------------- typos


class _WorkspaceWords:
    """The folded name words of the workspace's leads, from ``search_names``."""

    def __init__(self, conn) -> None:
        self.conn = conn

    def counts(self, words: set[str]) -> dict[str, int]:
        """How many leads carry each of ``words`` (absent: not in the answer)."""
        stmt = (
            select(SearchName.value, func.count())
            .where(SearchName.kind == WORD, SearchName.value.in_(sorted(words)))
            .group_by(SearchName.value)
        )
        return dict(self.conn.execute(stmt).all())

    def vocabulary(self) -> list[str]:
        stmt = select(SearchName.value).where(SearchName.kind == WORD).distinct()
        return list(self.conn.execute(stmt).scalars())


class _IndexWords:
    """The same words counted over a match index's records (when a typo needs them)."""

    def __init__(self, index) -> None:
        self._counts: Counter[str] | None = None
        self.index = index

    def _all(self) -> Counter[str]:
        if self._counts is None:
            self._counts = Counter(
                value
                for rec in self.index.leads.values()
                for kind, value in name_rows(rec)
                if kind == WORD
            )
        return self._counts

    def counts(self, words: set[str]) -> dict[str, int]:
        every = self._all()
        return {w: every[w] for w in words if w in every}

    def vocabulary(self) -> list[str]:
        return list(self._all())


def _with_corrections(text: str, probe: _Lead, region: str, words) -> list[_Lead]:
    """The typed text as a probe, and the same text with its mistyped name
    words corrected, when there are any.

    A word is taken for a typo when no lead carries it, or a few (the data has
    typos too: "Иирна" is on three leads of 100,000) while a word one or two
    edits away is carried by ``TYPO_MORE_COMMON`` times as many ("Ирина": 624);
    it is replaced by the closest such word, the most common among equally
    close ones.  Known
    first names (the name table's) are never corrected.  Both probes are
    scored, so a lead spelled as typed still comes first.
    """
    typed = text.split()
    suspects = {}
    for n, word in enumerate(typed):
        folded = fold(word)
        if len(folded) >= TYPO_MIN_LETTERS and folded.isalpha() and not first_name_forms(word):
            suspects[n] = folded
    if not suspects:
        return [probe]
    counts = words.counts(set(suspects.values()))
    suspects = {n: w for n, w in suspects.items() if counts.get(w, 0) <= RARE_WORD}
    if not suspects:
        return [probe]
    vocabulary = words.vocabulary()
    corrected = list(typed)
    for n, folded in suspects.items():
        close = [
            (choice, score)
            for choice, score, _i in process.extract(
                folded,
                vocabulary,
                scorer=OSA.normalized_similarity,
                score_cutoff=TYPO_SIMILARITY,
                limit=10,
            )
            if choice != folded
        ]
        if not close:
            continue
        known = words.counts({choice for choice, _s in close})
        best = max(close, key=lambda c: (round(c[1], 3), known.get(c[0], 0)))
        if known.get(best[0], 0) >= max(1, TYPO_MORE_COMMON * counts.get(folded, 0)):
            corrected[n] = best[0]
    if corrected == typed:
        return [probe]
    again = probe_record(" ".join(corrected), region)
    return [probe] if again is None else [probe, again]


# ----------------------------------------------------------------- in memory


def index_lookup(index, text: str, limit: int = 20) -> list[LookupHit]:
    """``MatchIndex.lookup``: the same answer from the index's blocks and records
    (the window's search box, once the index is built)."""
    settings = index.settings
    probe = probe_record(text, settings.region)
    if probe is None:
        return []
    get = index.blocks.get
    found: set[int] = set()
    for kind, value in _strong_keys(probe):
        found.update(get(value_hash(kind, value)))
    probes = [probe]
    if not found and (not probe.name.empty or probe.nicks):
        words = getattr(index, "words", None)
        if words is None:  # counted once per index (``MatchIndex.refresh`` drops it)
            words = index.words = _IndexWords(index)
        probes = _with_corrections(text, probe, settings.region, words)
        for each in probes:
            found |= _index_name_candidates(index, each)
    leads = {i: index.leads[i] for i in found if i in index.leads}
    return _ranked(probes, leads, settings, limit)


def _index_name_candidates(index, probe: _Lead) -> set[int]:
    """Leads with the typed surname (and first name, when typed), else with
    the first name; for a common name the newest are the likeliest wanted."""
    lookup_keys = _lookup_keys(probe)
    kinds = dict.fromkeys(kind for kind, _key in lookup_keys)
    firsts = {f for parts in _name_sources(probe) for f in parts.firsts}
    for kind in (_LOOKUP_SURNAME, _LOOKUP_FIRST):
        if kind not in kinds:
            continue
        members: set[int] = set()
        for key_kind, key in lookup_keys:
            if key_kind == kind:
                members.update(index.blocks.get(key))
        if kind == _LOOKUP_SURNAME and firsts:
            # Surname and first name typed: those with both first.
            both = {
                i
                for i in members
                if any(f in parts.firsts for parts in _name_sources(index.leads[i]) for f in firsts)
            }
            members = both or members
        if members:
            return set(sorted(members)[-LOOKUP_CANDIDATES:])
    return set()
