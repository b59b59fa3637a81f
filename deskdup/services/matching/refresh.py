"""``MatchIndex.refresh``: take in what changed since the last build or refresh.

A mixin of ``MatchIndex`` (``index.py``), kept apart because it is the one path
that reads leads again: it works on the index's own blocks, pairs and tiers
through the same ``_insert`` / ``_remove`` / ``_score_lead`` a build uses.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from sqlalchemy import or_, select

from deskdup.models import Lead
from deskdup.services.matching.blocks import quiet_gc
from deskdup.services.matching.inquiry import rarity
from deskdup.services.matching.keys import _message_hashes
from deskdup.services.matching.load import (
    _ACTIVE,
    _CHUNK,
    _LEAD_COLUMNS,
    _as_datetime,
    _dismissed,
    _fill,
    _make_lead,
    _owners,
    _raw,
)
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.settings import LIKELY, ScanResult


class Refreshing:
    def refresh(self, ws, tier: str = LIKELY, also: Iterable[int] = ()) -> ScanResult:
        """Take in what changed since the last build/refresh and return the new result.

        Reads leads updated at or after the newest ``updated_at`` seen, or with a
        newer id, or another version than the one held, and the ``also`` ids
        (``snapshot``: leads whose ``updated_at`` is not the one they were read
        at); drops archived, merged and deleted leads; rescores only the
        changed leads against their blocks; reloads the dismissals.
        """
        with quiet_gc():
            started = time.perf_counter()
            self._update(ws, also)
            result = self._result(None, tier)
            result.seconds = time.perf_counter() - started
            return result

    def _update(self, ws, also: Iterable[int] = (), versions: dict | None = None) -> None:
        """``versions``: lead id -> version of every active lead, when the
        caller has just read them (``snapshot``); else they are read here."""
        if self._bands is not None:
            raise RuntimeError("a one-shot index (refreshable=False) cannot be refreshed")
        also = set(also)
        with ws.engine.connect() as conn:
            conditions = [Lead.id > self._max_id]
            if self._cursor is not None:
                conditions.append(Lead.updated_at >= self._cursor)
            rows = list(_raw(conn, select(*_LEAD_COLUMNS).where(or_(*conditions))))
            # An undo puts the old updated_at back, and an edit may not touch it;
            # the version always moves on.  Comparing (id, version) of every
            # active lead is one narrow indexed read and finds all of them.
            if versions is None:
                versions = dict(_raw(conn, select(Lead.id, Lead.version).where(_ACTIVE)))
            present = versions.keys()
            leads = self.leads
            stale = [
                lead_id
                for lead_id, version in versions.items()
                if (rec := leads.get(lead_id)) is None or rec.version != version
            ]
            stale.extend(also)
            known = {row[0] for row in rows}
            stale = sorted(set(stale) - known)
            for start in range(0, len(stale), _CHUNK):
                part = stale[start : start + _CHUNK]
                rows.extend(_raw(conn, select(*_LEAD_COLUMNS).where(Lead.id.in_(part))))
            changed: dict[int, _Lead] = {}
            left: set[int] = set()
            cursor = self._cursor
            for row in rows:
                updated = _as_datetime(row[8])
                rec = leads.get(row[0])
                if (
                    rec is not None
                    and updated == cursor
                    and rec.version == row[13]
                    and row[0] not in also
                ):
                    continue  # read at the cursor last time (``>=``), unchanged
                if updated is not None and (self._cursor is None or updated > self._cursor):
                    self._cursor = updated
                self._max_id = max(self._max_id, row[0])
                if not (row[10] or row[11] is not None):
                    changed[row[0]] = _make_lead(row)
                else:
                    left.add(row[0])  # (archived or merged since ``versions`` were read)
            gone = [i for i in leads if i not in present or i in left]
            _fill(conn, changed, self.settings.region, list(changed), lambda: None)
            self.dismissed = _dismissed(conn)
            if changed or gone:
                owners = _owners(conn)
                if owners != self.owners:
                    self.owners = owners
                    self._summaries.clear()
        # Texts whose count of leads may move: a tier that moves rescores its leads.
        touched = [*changed.values(), *(leads[i] for i in (*gone, *changed) if i in leads)]
        texts = {
            (_message_hashes(r)[0], int(r.minute // self._message_bucket))
            for r in touched
            if r.message
        }
        texts = {t for t in texts if t[0] is not None}
        overall = {text: rarity(len(self.blocks.get(text))) for text, _bucket in texts}
        for lead_id in gone:
            self._forget(lead_id)
        for lead_id, rec in changed.items():
            old = self.leads.get(lead_id)
            if old is None:
                self._insert(rec)
            else:
                # Most edits (status, owner, comments) keep every key: blocks of
                # a common name hold thousands of leads, and taking one out is
                # a search through the list.
                old_keys, new_keys = self._block_keys(old), self._block_keys(rec)
                if old_keys != new_keys:
                    kept = set(new_keys)
                    self._remove(old, [k for k in old_keys if k not in kept])
                    kept = set(old_keys)
                    self._insert(rec, [k for k in new_keys if k not in kept])
                self._summaries.pop(lead_id, None)
                self._drop_pairs(lead_id)
            self.leads[lead_id] = rec
        for rec in changed.values():
            rec.tier = self._tier_of(rec)
        spread = [t for t, tier in overall.items() if rarity(len(self.blocks.get(t))) != tier]
        rescore = [i for i in self._retier(texts, spread) if i not in changed]
        for lead_id in rescore:
            self._drop_pairs(lead_id)
        for rec in changed.values():
            self._score_lead(rec, only_greater=False)
        for lead_id in rescore:
            self._score_lead(self.leads[lead_id], only_greater=False)
        self.touched = {*changed, *rescore}
        self.gone = set(gone)
        if changed or gone:
            self.words = None

    def _forget(self, lead_id: int) -> None:
        self._summaries.pop(lead_id, None)
        old = self.leads.pop(lead_id, None)
        if old is not None:
            self._remove(old)
        self._drop_pairs(lead_id)
