"""The search box and ``deskdup lookup``, reading side: the statements a lookup
runs, in plain SQL on a DB-API connection (``search_find.py`` makes the
answer of the rows: the ranking, the typos, the lookup in memory).

``search.py`` keeps the name keys (``search_names``) up to date and answers
through ``SearchReader`` on its SQLAlchemy connection's driver connection; a
cold ``deskdup lookup`` of a SQLite workspace whose keys are current answers
through the same reader on a ``sqlite3`` connection of its own
(``search_find.cold_lookup``), without importing SQLAlchemy: that import and
the ORM's tables were four fifths of the command's time.  Anything it cannot answer for
sure (another schema revision, keys of another parser or with leads marked
changed, a database error) is left to the workspace's own path.

A phone, e-mail or handle is looked up straight in the communications (an
indexed column).  A name needs the keys ``MatchIndex`` blocks by: surname keys
and first names as ``names.py`` parses them, and the folded name words as
typed, which a mistyped word ("Петрвоа", "Иирна") is matched against with
rapidfuzz (optimal string alignment: two letters swapped is one edit).  The
scoring is the index's (``probe._lookup_score``), so the answer is the one
``MatchIndex.lookup`` gives, plus the corrected typos.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from deskdup.services import name_folding, name_tables, paths
from deskdup.services import names as names_module
from deskdup.services import nicknames as nicknames_module
from deskdup.services.matching import keys as keys_module
from deskdup.services.matching import record as record_module
from deskdup.services.matching.keys import (
    _name_sources,
)
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.rows import _make_lead, add_communications
from deskdup.services.names import fold

SEARCH = "search"
# The highest communication id the kept names reflect (``match_state.stamp``).
SEARCH_COMMS = "search-comms"
SURNAME, FIRST, WORD = "S", "F", "W"
# More leads than this are read with one pass over the table, not by id.
_BULK = 5_000
_CHUNK = 500
_VALUE_CHARS = 100

# The columns ``rows._make_lead`` takes, in its order; without the comments
# (no inquiry: neither the name keys nor a lookup's score read it).
_LEAD_ROW = (
    "SELECT id, external_id, first_name, last_name, middle_name, source_channel, "
    "assigned_id, created_at, updated_at, status, archived, merged_into_id, "
    "NULL, version FROM leads"
)
_ACTIVE = "NOT archived AND merged_into_id IS NULL"
_HIGHEST_KEPT = "SELECT coalesce(max(lead_id), 0) FROM search_leads"


def search_stamp() -> str:
    """What the kept keys were computed with: the name parser, the keys and
    this module."""
    built = paths.built_program_stamp()
    if built:  # a built application: no sources to read (a new build: new keys)
        digest = hashlib.blake2b(built.encode(), digest_size=12)
        return "search-" + digest.hexdigest()
    return "search-" + _sources_digest()


@lru_cache(maxsize=1)
def _sources_digest() -> str:
    """The sources' hash, once a process (they do not change under it)."""
    digest = hashlib.blake2b(digest_size=12)
    for module in (
        names_module,
        name_folding,
        name_tables,
        nicknames_module,
        record_module,
        keys_module,
    ):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


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


def _ids(part: Iterable[int]) -> str:
    return ", ".join(str(int(i)) for i in part)


class SearchReader:
    """The statements of a lookup on a DB-API connection: SQLite's (``?``) or
    PostgreSQL's (``%s``), under a SQLAlchemy connection or opened directly.
    It also counts the name words for ``_with_corrections``."""

    def __init__(self, dbapi, paramstyle: str = "qmark", workspace: str | None = None) -> None:
        self.dbapi = dbapi
        self.mark = "?" if paramstyle == "qmark" else "%s"
        # The workspace's address, when its name words may be kept in this
        # process between lookups (``vocabulary``).
        self.workspace = workspace

    @classmethod
    def of(cls, conn, workspace: str | None = None) -> SearchReader:
        """The reader of a SQLAlchemy connection (the same transaction)."""
        return cls(conn.connection.dbapi_connection, conn.dialect.paramstyle, workspace)

    def rows(self, sql: str, params: tuple | list | None = None) -> list[tuple]:
        cursor = self.dbapi.cursor()
        try:
            cursor.execute(sql, params) if params else cursor.execute(sql)
            return cursor.fetchall()
        finally:
            cursor.close()

    def _marks(self, values) -> str:
        return ", ".join([self.mark] * len(values))

    # -------------------------------------------------------------- the state

    def revision(self) -> list[str]:
        return [row[0] for row in self.rows("SELECT version_num FROM alembic_version")]

    def kept_stamp(self, name: str = SEARCH) -> str | None:
        """The stamp the kept keys were computed with (None: none kept)."""
        rows = self.rows(f"SELECT stamp FROM match_state WHERE name = {self.mark}", (name,))
        return rows[0][0] if rows else None

    def comms_seen(self) -> int | None:
        """The highest communication id the kept names reflect (None: not known)."""
        seen = self.kept_stamp(SEARCH_COMMS)
        return int(seen) if seen and seen.isdigit() else None

    def last_comm(self) -> int:
        return self.rows("SELECT coalesce(max(id), 0) FROM communications")[0][0]

    def marked(self) -> list[tuple[int, int]]:
        """The leads the database marked as changed (``search_dirty``), with
        their mark counts."""
        return [(row[0], row[1]) for row in self.rows("SELECT lead_id, n FROM search_dirty")]

    def new_leads(self, limit: int | None = None) -> set[int]:
        """Active leads above the highest lead the names hold: new since (an
        INSERT marks nothing on SQLite; ids are handed out in commit order)."""
        sql = f"SELECT id FROM leads WHERE id > ({_HIGHEST_KEPT}) AND {_ACTIVE}"
        return {row[0] for row in self.rows(sql + (f" LIMIT {int(limit)}" if limit else ""))}

    def new_comm_leads(self, since: int, limit: int | None = None) -> tuple[int, set[int]]:
        """(the highest communication id, the leads of those above ``since``)."""
        sql = f"SELECT id, lead_id FROM communications WHERE id > {int(since)} ORDER BY id"
        rows = self.rows(sql + (f" LIMIT {int(limit)}" if limit else ""))
        top = rows[-1][0] if rows else since
        return top, {row[1] for row in rows if row[1] is not None}

    def names_current(self) -> bool:
        """The kept keys are of this parser, no lead is marked changed and
        none is new, nor any communication."""
        if self.kept_stamp() != search_stamp():
            return False
        since = self.comms_seen()
        if since is None or self.rows("SELECT lead_id FROM search_dirty LIMIT 1"):
            return False
        return not self.new_leads(limit=1) and self.new_comm_leads(since, limit=1)[0] == since

    # -------------------------------------------------------------- the leads

    def identifier_ids(self, values: list[str]) -> set[int]:
        sql = (
            "SELECT c.lead_id FROM communications c JOIN leads ON leads.id = c.lead_id "
            f"WHERE c.normalized IN ({self._marks(values)}) AND {_ACTIVE}"
        )
        return {row[0] for row in self.rows(sql, tuple(values))}

    def name_ids(self, kind: str, values: Sequence[str]) -> set[int]:
        sql = (
            f"SELECT lead_id FROM search_names WHERE kind = {self.mark} "
            f"AND value IN ({self._marks(values)})"
        )
        return {row[0] for row in self.rows(sql, (kind, *values))}

    def name_pair_ids(self, surnames: Sequence[str], firsts: Sequence[str]) -> set[int]:
        """Leads with one of ``surnames`` and one of ``firsts``."""
        sql = (
            "SELECT s.lead_id FROM search_names s "
            "JOIN search_names f ON f.lead_id = s.lead_id "
            f"WHERE s.kind = {self.mark} AND s.value IN ({self._marks(surnames)}) "
            f"AND f.kind = {self.mark} AND f.value IN ({self._marks(firsts)})"
        )
        return {row[0] for row in self.rows(sql, (SURNAME, *surnames, FIRST, *firsts))}

    def records(self, ids: Iterable[int], region: str) -> dict[int, _Lead]:
        """The matcher's records of ``ids`` (active leads), read by id or, for
        many, in one pass over the tables: names and communications, not the
        inquiry (``message``), which no name key and no lookup reads (reading
        it was a tenth of a lookup of a common name)."""
        wanted = set(ids)
        leads: dict[int, _Lead] = {}
        if not wanted:
            return leads
        if len(wanted) > _BULK:
            for row in self.rows(f"{_LEAD_ROW} WHERE {_ACTIVE}"):
                if row[0] in wanted:
                    leads[row[0]] = _make_lead(row)
            comms = self.rows(_COMMS + " WHERE lead_id IS NOT NULL")
        else:
            ordered = sorted(wanted)
            comms = []
            for start in range(0, len(ordered), _CHUNK):
                part = _ids(ordered[start : start + _CHUNK])
                for row in self.rows(f"{_LEAD_ROW} WHERE id IN ({part}) AND {_ACTIVE}"):
                    leads[row[0]] = _make_lead(row)
                comms += self.rows(f"{_COMMS} WHERE lead_id IN ({part})")
        add_communications(leads, comms, region, lambda: None)
        return leads

    def lead_rows(self, ids: Iterable[int]) -> list[tuple]:
        """The rows (``_LEAD_ROW``) of the active leads among ``ids``."""
        ordered = sorted(ids)
        rows: list[tuple] = []
        for start in range(0, len(ordered), _CHUNK):
            part = _ids(ordered[start : start + _CHUNK])
            rows += self.rows(f"{_LEAD_ROW} WHERE id IN ({part}) AND {_ACTIVE}")
        return rows

    def comm_rows(self, ids: list[int]) -> list[tuple]:
        """The communications (``_COMMS``) of ``ids`` (at most ``_CHUNK``)."""
        return self.rows(f"{_COMMS} WHERE lead_id IN ({_ids(ids)})") if ids else []

    def labels(self, ids: list[int]) -> list[tuple]:
        """(id, external id, first, last, middle name, channel) of ``ids``."""
        if not ids:
            return []
        return self.rows(
            "SELECT id, external_id, first_name, last_name, middle_name, source_channel "
            f"FROM leads WHERE id IN ({_ids(ids)})"
        )

    # -------------------------------------------------------------- the words

    def counts(self, words: set[str]) -> dict[str, int]:
        """How many leads carry each of ``words`` (absent: not in the answer)."""
        values = sorted(words)
        sql = (
            f"SELECT value, count(*) FROM search_names WHERE kind = {self.mark} "
            f"AND value IN ({self._marks(values)}) GROUP BY value"
        )
        return dict(self.rows(sql, (WORD, *values)))

    def vocabulary(self) -> list[str]:
        """The distinct name words.  Reading them is most of a warm lookup of a
        rare name (30 ms at 100,000 leads), so they are kept in this process
        until the names are saved again (the time ``match_state`` records for
        every save of them)."""
        saved = None
        if self.workspace is not None:
            saved = self.rows(
                f"SELECT name, stamp, saved_at FROM match_state WHERE name IN ({self.mark}, "
                f"{self.mark}) ORDER BY name",
                (SEARCH, SEARCH_COMMS),
            )
            kept = _VOCABULARY.get(self.workspace)
            if kept is not None and kept[0] == saved:
                return kept[1]
        sql = f"SELECT DISTINCT value FROM search_names WHERE kind = {self.mark}"
        words = [row[0] for row in self.rows(sql, (WORD,))]
        if self.workspace is not None:
            _VOCABULARY.clear()  # one workspace at a time
            _VOCABULARY[self.workspace] = (saved, words)
        return words


_COMMS = "SELECT lead_id, kind, channel, raw_value, normalized FROM communications"
# workspace address -> (its save times when read, its name words)
_VOCABULARY: dict[str, tuple[list, list[str]]] = {}
