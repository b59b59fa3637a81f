"""Contact search: what an operator types to find a contact, ranked, with reasons.

The text may be the CRM's contact ID (exact), a full name in any word order,
with initials, typos, ё/е, diminutives or in Latin letters, a phone in any form,
an e-mail or a messenger handle.  Names go through the lead matcher's engine:
each contact becomes the matcher's record (``_Lead``), the typed text becomes
its probe (``probe_record``) and the score and reasons are the lead lookup's
(``_lookup_score``).  The index is built once and refreshed incrementally from
``Contact.updated_at``, like the lead index.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, type_coerce
from sqlalchemy.types import String

from deskdup.models import Action, Channel, Communication, Contact, Entity, Operator
from deskdup.services.matching.keys import (
    _LOOKUP_FIRST,
    _LOOKUP_SURNAME,
    _lookup_keys,
    _name_sources,
    _strong_keys,
)
from deskdup.services.matching.load import _CHUNK, _as_datetime, _raw
from deskdup.services.matching.probe import _lookup_score, probe_record
from deskdup.services.matching.record import _CHANNELS, _Lead
from deskdup.services.matching.settings import MatchSettings
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.names import close_words, fold, parse_name, skeleton
from deskdup.services.rights import Owner, allowed

CONTEXT = "Contacts"
MSG_BY_ID = QT_TRANSLATE_NOOP("Contacts", "Contact ID {id}")
MSG_SAME_PATRONYMIC = QT_TRANSLATE_NOOP("Contacts", "Same patronymic: {patronymic}")
MSG_OTHER_PATRONYMIC = QT_TRANSLATE_NOOP("Contacts", "Another patronymic: {patronymic}")
MSG_PATRONYMIC_INITIAL = QT_TRANSLATE_NOOP(
    "Contacts", "Patronymic initial {initial} fits: {patronymic}"
)

# Contact-only key: the first letters of a surname, so a misspelt surname
# (Ермакоа) still finds Ермакова; the scorer then decides.
_SURNAME_PREFIX = "SP"
PREFIX_LETTERS = 3
# Scored candidates at most for one name search (the newest win a cut).
CANDIDATES = 3000
# Ranking nudges: the right patronymic above a namesake's, an exact ID above all.
PATRONYMIC_BONUS = 0.05
ID_SCORE = 1.0


@dataclass(frozen=True)
class ContactHit:
    contact_id: int  # database id
    label: str  # the CRM's contact ID when there is one, else the database id
    name: str
    score: float
    reasons: tuple[Message, ...]


_CONTACT_COLUMNS = (
    Contact.id,
    Contact.external_id,
    Contact.first_name,
    Contact.last_name,
    Contact.middle_name,
    Contact.assigned_id,
    Contact.created_at,
    Contact.updated_at,
    Contact.archived,
    Contact.merged_into_id,
)
_COMM_COLUMNS = (
    Communication.contact_id,
    type_coerce(Communication.kind, String),
    type_coerce(Communication.channel, String),
    Communication.raw_value,
    Communication.normalized,
)


def _prefix_keys(rec: _Lead) -> set[int]:
    return {
        hash((_SURNAME_PREFIX, s[:PREFIX_LETTERS]))
        for parts in _name_sources(rec)
        for s in parts.surnames
        if len(s) >= PREFIX_LETTERS
    }


def _patronymic_key(text: str) -> str:
    return skeleton(text) if text else ""


class ContactIndex:
    """Every active contact as a matcher record, with its lookup keys."""

    def __init__(self, settings: MatchSettings | None = None) -> None:
        self.settings = settings or MatchSettings()
        self.records: dict[int, _Lead] = {}
        self.names: dict[int, str] = {}
        self.patronymics: dict[int, str] = {}
        self.by_label: dict[str, int] = {}
        self.blocks: dict[int, set[int]] = {}
        self._keys: dict[int, tuple[int, ...]] = {}
        self.seen_until: datetime | None = None

    # ------------------------------------------------------------------ build

    @classmethod
    def build(cls, ws, settings: MatchSettings | None = None) -> ContactIndex:
        index = cls(settings)
        index.refresh(ws)
        return index

    def refresh(self, ws) -> int:
        """Read contacts changed since the last read; returns how many."""
        since = self.seen_until
        stmt = select(*_CONTACT_COLUMNS)
        if since is not None:
            stmt = stmt.where(Contact.updated_at >= since)
        changed: dict[int, _Lead] = {}
        with ws.engine.connect() as conn:
            for row in _raw(conn, stmt):
                cid, ext, first, last, middle, owner, created, updated, archived, merged = row
                updated = _as_datetime(updated)
                if updated is not None and (self.seen_until is None or updated > self.seen_until):
                    self.seen_until = updated
                self._forget(cid)
                if archived or merged is not None:
                    continue
                rec = _Lead(
                    cid,
                    ext or str(cid),
                    Channel.OTHER,
                    owner,
                    _as_datetime(created),
                    "",
                    parse_name(first or "", last or "", middle or ""),
                )
                changed[cid] = rec
                self.names[cid] = " ".join(p for p in (last, first, middle) if p)
                self.patronymics[cid] = middle or ""
            ids = sorted(changed) if since is not None else None
            region = self.settings.region
            for comm in self._comm_rows(conn, ids):
                rec = changed.get(comm[0])
                if rec is not None:
                    rec.add_comm(comm[1], _CHANNELS.get(comm[2], Channel.OTHER), *comm[3:], region)
        for rec in changed.values():
            self._insert(rec)
        return len(changed)

    @staticmethod
    def _comm_rows(conn, ids: list[int] | None):
        base = select(*_COMM_COLUMNS).where(Communication.contact_id.is_not(None))
        if ids is None:
            for row in _raw(conn, base):
                yield (row[0], row[1], row[2], row[3] or "", row[4] or "")
            return
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            for row in _raw(conn, base.where(Communication.contact_id.in_(part))):
                yield (row[0], row[1], row[2], row[3] or "", row[4] or "")

    def _insert(self, rec: _Lead) -> None:
        keys = {hash(k) for k in _strong_keys(rec)}
        keys.update(h for _kind, h in _lookup_keys(rec))
        keys.update(_prefix_keys(rec))
        self.records[rec.id] = rec
        self.by_label[rec.label] = rec.id
        self._keys[rec.id] = tuple(keys)
        for key in keys:
            self.blocks.setdefault(key, set()).add(rec.id)

    def _forget(self, contact_id: int) -> None:
        rec = self.records.pop(contact_id, None)
        if rec is None:
            return
        self.by_label.pop(rec.label, None)
        self.names.pop(contact_id, None)
        self.patronymics.pop(contact_id, None)
        for key in self._keys.pop(contact_id, ()):
            members = self.blocks.get(key)
            if members is not None:
                members.discard(contact_id)
                if not members:
                    del self.blocks[key]

    def __len__(self) -> int:
        return len(self.records)

    # ----------------------------------------------------------------- search

    def search(self, text: str, limit: int = 20) -> list[ContactHit]:
        """Contacts matching ``text``, best first."""
        text = (text or "").strip()
        if not text:
            return []
        hits: dict[int, ContactHit] = {}
        by_id = self._by_id(text)
        if by_id is not None:
            reason = Message(CONTEXT, MSG_BY_ID, {"id": self.records[by_id].label})
            hits[by_id] = self._hit(by_id, ID_SCORE + 1.0, (reason,))
        probe = probe_record(text, self.settings.region)
        if probe is not None:
            for cid in self._candidates(probe):
                if cid in hits:
                    continue
                rec = self.records[cid]
                score, reasons = _lookup_score(probe, rec, self.settings)
                if score <= 0:
                    continue
                messages = tuple(r.text for r in reasons)
                score, extra = self._patronymic(probe, cid, score)
                hits[cid] = self._hit(cid, score, messages + extra)
        ranked = sorted(hits.values(), key=lambda h: (-h.score, -h.contact_id))
        return ranked[:limit]

    def _hit(self, cid: int, score: float, reasons: tuple[Message, ...]) -> ContactHit:
        rec = self.records[cid]
        return ContactHit(cid, rec.label, self.names.get(cid, ""), round(score, 4), reasons)

    def _by_id(self, text: str) -> int | None:
        key = text.lstrip("#").strip()
        if key in self.by_label:
            return self.by_label[key]
        if key.isdigit() and int(key) in self.records:
            return int(key)
        return None

    def _patronymic(self, probe: _Lead, cid: int, score: float):
        """A typed patronymic (or its initial, the second of two) that fits lifts
        the contact; one that does not lowers it below the right namesake."""
        middle = self.patronymics.get(cid, "")
        if not middle:
            return score, ()
        typed = probe.name.patronymic
        if typed:
            mine = _patronymic_key(middle)
            key = _patronymic_key(typed)
            if key == mine or close_words(key, mine):
                message = Message(CONTEXT, MSG_SAME_PATRONYMIC, {"patronymic": middle})
                return score + PATRONYMIC_BONUS, (message,)
        else:
            initials = [w for w in probe.name.words if len(w) == 1 and w.isalpha()]
            if len(initials) < 2:
                return score, ()
            initial = initials[1]
            if fold(initial)[:1] == fold(middle)[:1]:
                params = {"initial": initial.upper() + ".", "patronymic": middle}
                return score + PATRONYMIC_BONUS, (Message(CONTEXT, MSG_PATRONYMIC_INITIAL, params),)
        message = Message(CONTEXT, MSG_OTHER_PATRONYMIC, {"patronymic": middle})
        return score * 0.9, (message,)

    def _candidates(self, probe: _Lead) -> set[int]:
        get = self.blocks.get
        found: set[int] = set()
        for key in _strong_keys(probe):
            found.update(get(hash(key), ()))
        if found:
            return found
        lookup = _lookup_keys(probe)
        surnames = {h for kind, h in lookup if kind == _LOOKUP_SURNAME}
        firsts = {h for kind, h in lookup if kind == _LOOKUP_FIRST}

        def union(keys) -> set[int]:
            out: set[int] = set()
            for key in keys:
                out.update(get(key, ()))
            return out

        by_first = union(firsts)
        by_surname = union(surnames)
        if by_surname:
            both = by_surname & by_first
            return _cut(both or by_surname)
        typed = [s for parts in _name_sources(probe) for s in parts.surnames]
        if typed:
            # A misspelt surname: same first letters, one or two typos away.
            near = {
                cid
                for cid in union(_prefix_keys(probe))
                if any(
                    close_words(t, s)
                    for t in typed
                    for parts in _name_sources(self.records[cid])
                    for s in parts.surnames
                )
            }
            if near:
                return _cut((near & by_first) or near)
        return _cut(by_first)


def _cut(ids: set[int]) -> set[int]:
    if len(ids) <= CANDIDATES:
        return ids
    return set(sorted(ids)[-CANDIDATES:])


def search_contacts(ws, text: str, limit: int = 20, operator=None) -> list[ContactHit]:
    """One search against the workspace (builds the index; keep a ``ContactIndex``
    for repeated searches).  ``operator``: only the contacts they may read."""
    hits = ContactIndex.build(ws).search(text, limit if operator is None else limit * 5)
    if operator is not None:
        hits = readable_hits(ws, operator, hits)
    return hits[:limit]


def readable_hits(ws, operator, hits: list[ContactHit]) -> list[ContactHit]:
    """The hits ``operator`` may read (the contact read right); the others are not shown."""
    ids = [h.contact_id for h in hits]
    with ws.session() as session:
        owners = dict(
            session.execute(
                select(Contact.id, Contact.assigned_id).where(Contact.id.in_(ids))
            ).all()
        )
        departments = dict(session.execute(select(Operator.id, Operator.department_id)).all())

    def may(contact_id: int) -> bool:
        owner_id = owners.get(contact_id)
        owner = None if owner_id is None else Owner(owner_id, departments.get(owner_id))
        return allowed(operator, Entity.CONTACT, Action.READ, owner)

    return [h for h in hits if may(h.contact_id)]
