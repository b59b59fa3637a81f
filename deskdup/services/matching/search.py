"""The search names kept in the workspace (``search_names``) for the search box
and ``deskdup lookup`` without the match index, and the lookup through the
workspace (``search_read.py`` has the statements it runs, ``search_find.py``
the ranking and the typos).

The keys are kept rather than rebuilt at each call: building the index for one
name took 4.7 s at 100,000 leads.  Which leads changed the database itself
tells: triggers mark a lead in ``search_dirty`` at every UPDATE or DELETE of
it or its communications (migration 0008), new rows are told by their ids
(0009), so a call with nothing changed finds no mark and no new id, and a
call after an edit re-reads only the leads concerned.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from deskdup.models import Lead, MatchState, SearchDirty, SearchLead, SearchName
from deskdup.services.matching.load import _ACTIVE, _CHUNK, _raw
from deskdup.services.matching.probe import probe_record
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.search_find import find, is_named
from deskdup.services.matching.search_read import (
    SEARCH,
    SEARCH_COMMS,
    SearchReader,
    name_rows,
    search_stamp,
)
from deskdup.services.matching.settings import LookupHit, MatchSettings

log = logging.getLogger(__name__)

# ----------------------------------------------------------------- keeping


def refresh_search(ws, region: str = "RU") -> int:
    """Bring the kept search keys up to date; the number of leads re-read.

    The leads to re-read are those the database marked (``search_dirty``: its
    triggers mark a lead at every UPDATE or DELETE of it or of its
    communications, by whatever program; on PostgreSQL at every INSERT too)
    and, on SQLite, the new ones: leads above the highest lead kept and the
    leads of communications above the highest one seen (migration 0009).  With
    nothing changed this is a few indexed reads, not a pass over the leads.
    Another stamp (a new parser) starts afresh.
    """
    stamp = search_stamp()
    with ws.engine.begin() as conn:
        reader = SearchReader.of(conn)
        kept = reader.kept_stamp()
        # Read before the leads: a mark or a row made after this is for the next call.
        marked = reader.marked()
        since = reader.comms_seen()
        if kept != stamp or since is None:
            top = reader.last_comm()
            active = [row[0] for row in _raw(conn, select(Lead.id).where(_ACTIVE))]
            leads = _records(conn, active, region)
            save_search_names(conn, leads.values(), True, marked, top)
            return len(leads)
        top, comm_leads = reader.new_comm_leads(since)
        ids = sorted({lead_id for lead_id, _n in marked} | reader.new_leads() | comm_leads)
        if ids:
            leads = _records(conn, ids, region)
            _forget(conn, ids)
            save_search_names(conn, leads.values(), False, marked, top)
        elif top != since:  # only contacts' communications came
            _keep_comms_seen(conn, top)
        return len(ids)


def save_search_names(
    conn,
    leads: Iterable[_Lead],
    everything: bool = False,
    marked: list[tuple] | None = None,
    comms_seen: int | None = None,
) -> None:
    """Write the search keys and versions of ``leads`` (their old ones gone
    already); ``everything``: they are all the active leads, the kept keys are
    replaced and stamped.  ``marked`` and ``comms_seen``: the marks
    (``search_dirty``) and the highest communication id read before the leads
    were, now taken care of; without them (``everything`` from a scan that
    read its leads some time ago) every mark goes, the leads whose version or
    ``updated_at`` moved since are marked again, and the communications are
    taken as seen up to now."""
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
    if comms_seen is None:  # still written: its time tells the names were saved
        reader = SearchReader.of(conn)
        comms_seen = reader.last_comm() if everything else reader.comms_seen()
    if comms_seen is not None:
        _keep_comms_seen(conn, comms_seen)


def _keep_comms_seen(conn, top: int) -> None:
    conn.execute(delete(MatchState).where(MatchState.name == SEARCH_COMMS))
    conn.execute(insert(MatchState).values(name=SEARCH_COMMS, stamp=str(top), saved_at=_now()))


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
    return SearchReader.of(conn).records(ids, region)


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
    if is_named(probe):
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
    with ws.engine.connect() as conn:
        return find(SearchReader.of(conn, ws.url), text, probe, settings, limit)
