"""Detection: find leads that are one customer, and say why.

normalise -> keys -> blocks -> score -> groups.

- Every active lead is read once (a few Core selects, no ORM objects) into a
  compact ``_Lead`` record: normalised phones, e-mails, handles, its parsed name,
  the names its nicknames and e-mail local parts suggest, its first inquiry.
- Each record emits *keys*; leads sharing a key form a *block*.  Strong keys
  (phone, e-mail, handle, surname + first initial) pair across all time; weak
  keys (first name, surname alone, the first words of the inquiry) pair only
  inside a time window of ``burst_minutes`` (the impatient customer writes
  everywhere within minutes), so a common name does not pair everybody.
  Oversized blocks (a shared office phone, a placeholder e-mail) are skipped.
- A candidate pair is scored by ``score_pair``: each piece of evidence has a
  weight (``MatchSettings.weights``) and a reason in words; positives combine
  as ``1 - prod(1 - w)``, contradictions multiply the result by ``1 + w``.
- Pairs at or above the review threshold, minus dismissed ones, are joined
  into groups (connected components).

A pair's score depends only on the two records, so an incremental refresh that
rescans the changed leads against their blocks gives what a full scan gives.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from rapidfuzz.utils import default_process
from sqlalchemy import String, and_, func, or_, select, type_coerce

from deskdup.models import Channel, Chat, CommKind, Communication, Dismissal, Lead, Operator
from deskdup.services.candidates import CandidateGroup, CandidatePair, LeadSummary, Reason
from deskdup.services.errors import Cancelled
from deskdup.services.messages import QT_TRANSLATE_NOOP, Message
from deskdup.services.names import (
    NameParts,
    close_words,
    first_name_forms,
    first_name_words,
    is_cyrillic,
    opposite_genders,
    parse_free_name,
    parse_name,
    parse_nickname,
    skeleton,
)
from deskdup.services.normalize import (
    normalize_email,
    normalize_handle,
    normalize_phone,
)

# --------------------------------------------------------------------------- settings

DEFAULT_WEIGHTS: dict[str, float] = {
    # Shared identifiers.
    "same_phone": 0.95,
    "same_email": 0.95,
    "same_handle": 0.95,
    "same_invalid_phone": 0.6,
    # Names (within burst_minutes; further apart they count far_name_factor as much).
    "full_name": 0.75,
    "full_name_patronymic": 0.85,
    "nickname_name": 0.7,
    "surname_initial": 0.6,
    "surname_only": 0.35,
    "surname_number": 0.6,
    "first_name": 0.3,
    # Behaviour: leads from different channels within burst_minutes, the same inquiry.
    "burst": 0.3,
    "same_message": 0.35,
    # Contradictions (negative: the score is multiplied by 1 + w).
    "different_phones": -0.25,
    "different_first_names": -0.35,
    "different_surnames": -0.4,
    "different_patronymics": -0.4,
}

DEFAULT_THRESHOLD = 0.6
DEFAULT_BURST_MINUTES = 30

# Blocks larger than this are not paired.  A phone, e-mail or handle on more
# than 25 leads is a placeholder (no@mail.ru), an office switchboard or a shop's
# account, not one customer; a name key that large is a common name in a rush hour.
STRONG_BLOCK_CAP = 25
WEAK_BLOCK_CAP = 60
# Two messages this similar (rapidfuzz ratio, 0..100) count as the same inquiry.
MESSAGE_SIMILARITY = 85.0
# Name evidence counts fully between leads up to this many burst windows apart;
# weak keys therefore pair with this many time buckets on either side.
NAME_HORIZON = 2
_WIDE_OFFSETS = tuple(range(-NAME_HORIZON, NAME_HORIZON + 1))
_NARROW_OFFSETS = (-1, 0, 1)
# A lookup scores at most this many leads per name key (the newest).
LOOKUP_CANDIDATES = 200


@dataclass
class MatchSettings:
    """Plain settings of detection; the window persists them in QSettings."""

    region: str = "RU"
    review_threshold: float = DEFAULT_THRESHOLD
    burst_minutes: int = DEFAULT_BURST_MINUTES
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    # Name evidence between leads further apart than burst_minutes counts this much.
    far_name_factor: float = 0.3

    def weight(self, code: str) -> float:
        return self.weights.get(code, DEFAULT_WEIGHTS.get(code, 0.0))


@dataclass
class ScanResult:
    pairs: list[CandidatePair]  # at/above the threshold, best first, dismissed excluded
    groups: list[CandidateGroup]  # connected components of those pairs, best first
    summaries: dict[int, LeadSummary]  # every lead that is in a group
    lead_count: int
    threshold: float = DEFAULT_THRESHOLD
    seconds: float = 0.0


@dataclass(frozen=True)
class LookupHit:
    lead_id: int
    score: float
    reasons: tuple[Reason, ...]


# --------------------------------------------------------------------------- records

_CHANNELS = {c.value: c for c in Channel}
_CHANNEL_TITLES = {
    Channel.TELEGRAM: "Telegram",
    Channel.WHATSAPP: "WhatsApp",
    Channel.VIBER: "Viber",
    Channel.VK: "VK",
    Channel.AVITO: "Avito",
    Channel.INSTAGRAM: "Instagram",
    Channel.OPENLINE: "Open line",
    Channel.SITE: "site",
    Channel.CALL: "call",
    Channel.EMAIL: "e-mail",
    Channel.OTHER: "other",
}


def channel_title(channel: Channel) -> str:
    return _CHANNEL_TITLES.get(channel, str(channel))


class _Lead:
    """One lead as the matcher sees it; plain attributes, no database objects."""

    __slots__ = (
        "bad_phones",
        "channel",
        "created_at",
        "emails",
        "handles",
        "id",
        "label",
        "message",
        "minute",
        "name",
        "nicks",
        "owner_id",
        "phones",
        "status",
        "version",
    )

    def __init__(
        self,
        id: int,
        label: str,
        channel: Channel,
        owner_id: int | None,
        created_at: datetime | None,
        status: str,
        name: NameParts,
    ) -> None:
        self.id = id
        self.label = label
        self.channel = channel
        self.owner_id = owner_id
        self.created_at = created_at
        self.minute = created_at.timestamp() / 60.0 if created_at else 0.0
        self.status = status
        self.name = name
        self.phones: tuple[str, ...] = ()
        self.bad_phones: tuple[str, ...] = ()
        self.emails: tuple[str, ...] = ()
        self.handles: tuple[tuple[Channel, str], ...] = ()
        self.nicks: tuple[tuple[Channel, str, NameParts], ...] = ()
        self.message = ""
        self.version = 0

    def add_comm(self, kind: str, channel: Channel, raw: str, norm: str, region: str) -> None:
        if kind == CommKind.PHONE or (
            kind == CommKind.MESSENGER and channel in (Channel.WHATSAPP, Channel.VIBER)
        ):
            value = normalize_phone(raw, region) if not norm or region != "RU" else None
            if value is not None:
                norm, valid = value.value, value.valid
            else:
                valid = norm.startswith("+")
            if valid:
                if norm not in self.phones:
                    self.phones += (norm,)
            elif len(norm) >= 6 and norm not in self.bad_phones:
                self.bad_phones += (norm,)
        elif kind == CommKind.EMAIL:
            norm = norm or normalize_email(raw).value
            if norm and norm not in self.emails:
                self.emails += (norm,)
                self._add_nick(Channel.EMAIL, norm)
        elif kind == CommKind.MESSENGER:
            norm = norm or normalize_handle(raw).value
            if norm and all(h != norm for _, h in self.handles):
                self.handles += ((channel, norm),)
                self._add_nick(channel, norm)

    def _add_nick(self, channel: Channel, text: str) -> None:
        parts = parse_nickname(text)
        if not parts.empty:
            self.nicks += ((channel, text, parts),)

    def display_name(self) -> str:
        """The name as entered, else the first nickname, e-mail or phone."""
        if self.name.words:
            return " ".join(self.name.words)
        for value in (*(h for _c, h in self.handles), *self.emails, *self.phones):
            return value
        return ""

    def summary(self, owners: dict[int, str]) -> LeadSummary:
        return LeadSummary(
            id=self.id,
            label=self.label,
            name=self.display_name(),
            channel=self.channel,
            owner_id=self.owner_id,
            owner_name=owners.get(self.owner_id, "") if self.owner_id else "",
            created_at=self.created_at or datetime(1970, 1, 1),
            status=self.status,
        )


# --------------------------------------------------------------------------- loading

_ACTIVE = and_(Lead.archived.is_(False), Lead.merged_into_id.is_(None))
_LEAD_COLUMNS = (
    Lead.id,
    Lead.external_id,
    Lead.first_name,
    Lead.last_name,
    Lead.middle_name,
    type_coerce(Lead.source_channel, String),
    Lead.assigned_id,
    Lead.created_at,
    Lead.updated_at,
    Lead.status,
    Lead.archived,
    Lead.merged_into_id,
    func.substr(Lead.comments, 1, 240),
    Lead.version,
)
_COMM_COLUMNS = (
    Communication.lead_id,
    type_coerce(Communication.kind, String),
    type_coerce(Communication.channel, String),
    Communication.raw_value,
    Communication.normalized,
)
_CHAT_COLUMNS = (Chat.lead_id, Chat.first_message)
_CHUNK = 500


def _raw(conn, stmt) -> Iterable:
    """Run a Core select as plain SQL: the driver's own values, without SQLAlchemy's
    per-value processing (several times faster on a million rows).  Dates come
    back as text from SQLite and as datetimes from PostgreSQL."""
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(10_000):
            yield from rows
    finally:
        cursor.close()


def _as_datetime(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def _make_lead(row) -> _Lead:
    lead_id, ext, first, last, middle, channel, owner, created, _upd, status, _a, _m, notes, ver = (
        row
    )
    created = _as_datetime(created)
    rec = _Lead(
        lead_id,
        ext or str(lead_id),
        _CHANNELS.get(channel, Channel.OTHER),
        owner,
        created,
        sys.intern(status or ""),
        parse_name(first or "", last or "", middle or ""),
    )
    rec.version = ver
    if notes:
        rec.message = _short_message(_inquiry_from_comments(notes))
    return rec


_MESSAGES: dict[str, str] = {}
MESSAGE_CHARS = 80


def _short_message(text: str) -> str:
    """The start of an inquiry, shared when the same text comes again
    (the same question is asked over and over: one string in memory)."""
    text = text[:MESSAGE_CHARS]
    if len(_MESSAGES) > 200_000:
        _MESSAGES.clear()
    return _MESSAGES.setdefault(text, text)


def _inquiry_from_comments(notes: str) -> str:
    """A web form's message, which CRMs put in the comments: ``Message from the form: …``.

    Only the first line, and only when it has such a short label; free operator
    notes are not an inquiry.  A chat's first message, when there is one, wins.
    """
    line = notes.strip().split("\n", 1)[0]
    label, colon, text = line.partition(":")
    if colon and 0 < len(label) <= 30 and len(text.strip()) >= 10:
        return text.strip()[:200]
    return ""


def _fill(
    conn, leads: dict[int, _Lead], region: str, ids: list[int] | None, tick: Callable[[], None]
) -> None:
    """Read the communications and the first chat message of ``leads``."""

    def chunks(stmt_for):
        if ids is None:
            yield from _raw(conn, stmt_for(None))
        else:
            for start in range(0, len(ids), _CHUNK):
                yield from _raw(conn, stmt_for(ids[start : start + _CHUNK]))

    def comms(part):
        stmt = select(*_COMM_COLUMNS).where(Communication.lead_id.is_not(None))
        return stmt if part is None else stmt.where(Communication.lead_id.in_(part))

    def chats(part):
        stmt = select(*_CHAT_COLUMNS).where(Chat.lead_id.is_not(None)).order_by(Chat.id.desc())
        return stmt if part is None else stmt.where(Chat.lead_id.in_(part))

    for n, (lead_id, kind, channel, raw, norm) in enumerate(chunks(comms)):
        rec = leads.get(lead_id)
        if rec is not None:
            rec.add_comm(kind, _CHANNELS.get(channel, Channel.OTHER), raw or "", norm or "", region)
        if n % 50_000 == 0:
            tick()
    # Newest first, so the oldest chat's message is the one that stays.
    for lead_id, message in chunks(chats):
        rec = leads.get(lead_id)
        if rec is not None and message:
            rec.message = _short_message(message)


def _owners(conn) -> dict[int, str]:
    return dict(conn.execute(select(Operator.id, Operator.full_name)).all())


def _dismissed(conn) -> set[tuple[int, int]]:
    rows = conn.execute(select(Dismissal.lead_a_id, Dismissal.lead_b_id))
    return {(min(a, b), max(a, b)) for a, b in rows}


# --------------------------------------------------------------------------- keys

# Key kinds.  Strong kinds (an identifier) pair across all time.  Weak kinds
# (names, the inquiry) carry a time bucket of ``burst_minutes`` and pair only
# with the same or a neighbouring bucket: the same name weeks apart is a
# namesake far more often than a returning customer (who comes back with the
# same phone).  Lookup kinds never pair; the search box uses them.
_PHONE, _BAD_PHONE, _EMAIL, _HANDLE = "p", "x", "e", "h"
_WEAK_FIRST, _WEAK_FIRST_PREFIX, _WEAK_SURNAME = "f", "g", "s"
_LOOKUP_FIRST, _LOOKUP_SURNAME = "F", "S"


def _name_sources(rec: _Lead) -> Iterator[NameParts]:
    if not rec.name.empty:
        yield rec.name
    for _channel, _text, parts in rec.nicks:
        yield parts


def _strong_keys(rec: _Lead) -> set[tuple]:
    keys: set[tuple] = set()
    keys.update((_PHONE, p) for p in rec.phones)
    keys.update((_BAD_PHONE, p) for p in rec.bad_phones)
    keys.update((_EMAIL, e) for e in rec.emails)
    keys.update((_HANDLE, h) for _c, h in rec.handles)
    return keys


def _weak_keys(rec: _Lead) -> tuple[set[int], set[int]]:
    """Hashes of the weak keys (before the time bucket is mixed in): those that
    pair within one window (first names) and those that pair within the name
    horizon (surnames: a full name counts fully up to ``NAME_HORIZON`` windows).

    The inquiry is no key: the same question with nothing else in common stays
    under the threshold (and the common questions make huge blocks); it still
    counts as evidence for pairs found otherwise.

    The build uses ``_name_hashes``, the same keys worked out faster; this is
    their definition.
    """
    narrow: set[int] = set()
    wide: set[int] = set()
    for parts in _name_sources(rec):
        narrow.update(hash((_WEAK_FIRST, f)) for f in parts.firsts)
        # The first two letters catch a typo in an unknown first name (Маск ~ Макс).
        narrow.update(hash((_WEAK_FIRST_PREFIX, k[:2])) for k in parts.first_keys if len(k) >= 3)
        wide.update(hash((_WEAK_SURNAME, s)) for s in parts.surnames)
        if parts is not rec.name:
            wide.update(hash((_WEAK_SURNAME, s)) for s in _glued_surnames(parts))
    return narrow, wide


# A nickname of one word that reads as a surname may carry a glued initial
# (avlasova@…, lanisimov, tsimonov: А. Власова, Л. Анисимов, Т. Симонов).  When
# the surname starts with a vowel, or the initial does, the nickname parser
# cannot tell (ivanova is not I. Vanova), so the scorer decides: such a nickname
# also meets the surname without its first letter, which the scorer accepts as
# one typo away.
GLUED_SURNAME_MIN = 6


def _glued_surnames(parts: NameParts) -> tuple[str, ...]:
    if parts.firsts or parts.initials or parts.glued_initials:
        return ()
    return tuple(s[1:] for s in parts.surnames if len(s) >= GLUED_SURNAME_MIN)


def _lookup_keys(rec: _Lead) -> set[tuple[str, int]]:
    """(kind, hash) of the keys only the search box uses."""
    keys: set[tuple[str, int]] = set()
    for parts in _name_sources(rec):
        keys.update(_lookup_name_keys(parts))
    return keys


@lru_cache(maxsize=200_000)
def _lookup_name_keys(parts: NameParts) -> tuple[tuple[str, int], ...]:
    keys: set[tuple] = set()
    keys.update((_LOOKUP_FIRST, f) for f in parts.firsts)
    keys.update((_LOOKUP_SURNAME, s) for s in parts.surnames)
    return tuple((k[0], hash(k)) for k in keys)


def _strong_hashes(rec: _Lead) -> tuple[int, ...]:
    """Hashes of ``_strong_keys`` (distinct: the record keeps each value once)."""
    if not (rec.phones or rec.emails or rec.handles or rec.bad_phones):
        return ()
    return (
        *[hash((_PHONE, p)) for p in rec.phones],
        *[hash((_BAD_PHONE, p)) for p in rec.bad_phones],
        *[hash((_EMAIL, e)) for e in rec.emails],
        *[hash((_HANDLE, h)) for _c, h in rec.handles],
    )


def _name_hashes(rec: _Lead) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """(narrow, wide, lookup) key hashes of all the names a lead carries, each
    distinct; the same keys as ``_weak_keys`` and ``_lookup_keys``."""
    nicks = rec.nicks
    if not nicks:
        return _parts_hashes(rec.name) if not rec.name.empty else _NO_HASHES
    if len(nicks) == 1 and rec.name.empty:
        return _nick_hashes(nicks[0][2])
    narrow: dict[int, None] = {}
    wide: dict[int, None] = {}
    lookup: dict[int, None] = {}
    for parts in _name_sources(rec):
        n, w, lk = _parts_hashes(parts) if parts is rec.name else _nick_hashes(parts)
        narrow.update(dict.fromkeys(n))
        wide.update(dict.fromkeys(w))
        lookup.update(dict.fromkeys(lk))
    return tuple(narrow), tuple(wide), tuple(lookup)


_NO_HASHES: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]] = ((), (), ())


def _parts_hashes_of(
    parts: NameParts, nickname: bool
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    firsts = parts.firsts
    narrow = {hash((_WEAK_FIRST, f)) for f in firsts}
    narrow.update(hash((_WEAK_FIRST_PREFIX, k[:2])) for k in parts.first_keys if len(k) >= 3)
    wide = dict.fromkeys(hash((_WEAK_SURNAME, s)) for s in parts.surnames)
    if nickname:
        wide.update(dict.fromkeys(hash((_WEAK_SURNAME, s)) for s in _glued_surnames(parts)))
    return (
        tuple(narrow),
        tuple(wide),
        (
            *[hash((_LOOKUP_FIRST, f)) for f in firsts],
            *[hash((_LOOKUP_SURNAME, s)) for s in parts.surnames],
        ),
    )


def _nick_hashes(parts: NameParts) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    # A nickname is one person's: a cache would only miss.
    return _parts_hashes_of(parts, True)


@lru_cache(maxsize=200_000)
def _parts_hashes(parts: NameParts) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    # Names as typed in the name fields repeat a lot (the same first and last name).
    return _parts_hashes_of(parts, False)


# --------------------------------------------------------------------------- scoring

# A piece of evidence before it becomes a Reason: (code, weight, template, params).
# Reasons (with their Message) are only built for pairs that make the threshold.
Evidence = tuple[str, float, str, dict]


def _reason(code: str, weight: float, template: str, **params) -> Reason:
    return Reason(code, weight, Message("Reason", template, params))


def _name_text(parts: NameParts) -> str:
    return " ".join(parts.words)


def _surnames_match(a: NameParts, b: NameParts) -> bool:
    if _meet(a.surnames, b.surnames):
        return True
    # A typo (Бкыов / Быков, Наумоа / Наумова) still counts.
    return any(close_words(x, y) for x in a.surname_words for y in b.surname_words) or any(
        close_words(x, y) for x in a.surnames for y in b.surnames
    )


def _surnames_differ(a: NameParts, b: NameParts) -> bool:
    """Surely different surnames: not the same, and not a typo in each copy
    either (Жуоква / Жукоав, both Жукова, two typos apart).  What is too far
    for a match may still be too near for a contradiction."""
    if _surnames_match(a, b):
        return False
    return not any(
        len(x) >= 5 and x[0] == y[0] and OSA.distance(x, y, score_cutoff=2) <= 2
        for x in a.surname_words
        for y in b.surname_words
    )


def _firsts_match(a: NameParts, b: NameParts) -> bool:
    """Same first name, through diminutives, translit, or one typo (Маск ~ Макс)."""
    if _meet(a.firsts, b.firsts):
        return True
    if not (a.first_words or a.first_keys) or not (b.first_words or b.first_keys):
        return False
    if a.firsts and b.firsts and opposite_genders(a.firsts, b.firsts):
        return False  # Евгений / Евгения is no typo
    if any(close_words(x, y) for x in a.first_keys for y in b.first_keys):
        return True
    if a.firsts and b.firsts:
        # Both are known names (Иван, Игорь): only a typo that happens to spell
        # another name is left, and the typed words tell it (Иина ~ Ирина).
        return any(close_words(x, y) for x in a.first_words for y in b.first_words)
    words_a = (*a.first_words, *first_name_words(a.firsts))
    words_b = (*b.first_words, *first_name_words(b.firsts))
    return any(close_words(x, y) for x in a.first_words for y in words_b) or any(
        close_words(x, y) for x in words_a for y in b.first_words
    )


def _has_first(parts: NameParts) -> bool:
    return bool(parts.firsts or parts.first_keys)


def _name_evidence(a: NameParts, b: NameParts) -> str | None:
    """The strongest kind of agreement between two names, or None."""
    surnames = bool(a.surnames and b.surnames) and _surnames_match(a, b)
    firsts = _has_first(a) and _has_first(b) and _firsts_match(a, b)
    if surnames and firsts:
        if a.patronymic and a.patronymic == b.patronymic:
            return "full_name_patronymic"
        return "full_name"
    if surnames:
        if (
            (a.initials and _meet(a.initials, b.first_initials()))
            or (b.initials and _meet(b.initials, a.first_initials()))
            or (a.glued_initials and _meet(a.glued_initials, b.first_initials()))
            or (b.glued_initials and _meet(b.glued_initials, a.first_initials()))
        ):
            return "surname_initial"
        if not (_has_first(a) or a.initials) or not (_has_first(b) or b.initials):
            if _meet(a.numbers, b.numbers):
                return "surname_number"
            return "surname_only"
        return None
    if firsts and (not a.surnames or not b.surnames):
        if (a.initials and not b.surnames and _outside(b.initials, a.initials)) or (
            b.initials and not a.surnames and _outside(a.initials, b.initials)
        ):
            return None
        if (a.initials and b.surnames and not _initial_fits(a.initials, b)) or (
            b.initials and a.surnames and not _initial_fits(b.initials, a)
        ):
            return None
        return "first_name"
    return None


def _meet(x: Iterable[str], y: Collection[str]) -> bool:
    """Do two small collections share a value (names keep tuples, not sets)."""
    return any(v in y for v in x)


def _outside(x: Iterable[str], y: Collection[str]) -> bool:
    return any(v not in y for v in x)


def _initial_fits(initials: tuple[str, ...], other: NameParts) -> bool:
    """``Юлия М.`` fits ``Медведева Юлия``: the surname starts with the initial."""
    return any(skeleton(w)[:1] in initials for w in other.surname_words) or any(
        s[:1] in initials for s in other.surnames
    )


_NAME_TEMPLATES = {
    # (kind, translit, diminutive) -> template
    ("name", False, False): QT_TRANSLATE_NOOP("Reason", "Same name: {a} ~ {b}"),
    ("name", True, False): QT_TRANSLATE_NOOP("Reason", "Same name: {a} ~ {b} (translit)"),
    ("name", False, True): QT_TRANSLATE_NOOP("Reason", "Same name: {a} ~ {b} (diminutive)"),
    ("name", True, True): QT_TRANSLATE_NOOP(
        "Reason", "Same name: {a} ~ {b} (translit, diminutive)"
    ),
    ("nick", False, False): QT_TRANSLATE_NOOP("Reason", "{channel} {nick} ~ {name}"),
    ("nick", True, False): QT_TRANSLATE_NOOP("Reason", "{channel} {nick} ~ {name} (translit)"),
    ("nick", False, True): QT_TRANSLATE_NOOP("Reason", "{channel} {nick} ~ {name} (diminutive)"),
    ("nick", True, True): QT_TRANSLATE_NOOP(
        "Reason", "{channel} {nick} ~ {name} (translit, diminutive)"
    ),
    ("first", False, False): QT_TRANSLATE_NOOP("Reason", "Same first name: {a} ~ {b}"),
    ("first", True, False): QT_TRANSLATE_NOOP("Reason", "Same first name: {a} ~ {b} (translit)"),
    ("first", False, True): QT_TRANSLATE_NOOP("Reason", "Same first name: {a} ~ {b} (diminutive)"),
    ("first", True, True): QT_TRANSLATE_NOOP(
        "Reason", "Same first name: {a} ~ {b} (translit, diminutive)"
    ),
    ("initial", False, False): QT_TRANSLATE_NOOP("Reason", "Same surname and initial: {a} ~ {b}"),
    ("initial", True, False): QT_TRANSLATE_NOOP(
        "Reason", "Same surname and initial: {a} ~ {b} (translit)"
    ),
    ("number", False, False): QT_TRANSLATE_NOOP("Reason", "Same surname and number: {a} ~ {b}"),
    ("surname", False, False): QT_TRANSLATE_NOOP("Reason", "Same surname: {a} ~ {b}"),
    ("surname", True, False): QT_TRANSLATE_NOOP("Reason", "Same surname: {a} ~ {b} (translit)"),
}

_NAME_WEIGHT_KIND = {
    "full_name": "name",
    "full_name_patronymic": "name",
    "first_name": "first",
    "surname_initial": "initial",
    "surname_only": "surname",
    "surname_number": "number",
}


def _name_evidence_of(
    code: str,
    weight: float,
    a: NameParts,
    b: NameParts,
    nick: tuple[Channel, str] | None,
) -> Evidence:
    """The evidence of a name agreement; ``nick`` when ``a`` was read from a nickname."""
    text_a, text_b = _name_text(a), _name_text(b)
    translit = is_cyrillic(text_a) != is_cyrillic(text_b)
    diminutive = a.diminutive != b.diminutive
    if nick is not None:
        template = _NAME_TEMPLATES[("nick", translit, diminutive)]
        if code in ("full_name", "full_name_patronymic"):
            code = "nickname_name"
        return (
            code,
            weight,
            template,
            {"channel": channel_title(nick[0]), "nick": nick[1], "name": text_b},
        )
    kind = _NAME_WEIGHT_KIND[code]
    template = (
        _NAME_TEMPLATES.get((kind, translit, diminutive))
        or _NAME_TEMPLATES[(kind, translit, False)]
    )
    return (code, weight, template, {"a": text_a, "b": text_b})


# The best name agreement of two leads: (weight, code, parts a, parts b, nickname
# of a, nickname of b); the weight already scaled for distance in time.
_NameMatch = tuple[float, str, NameParts, NameParts, tuple | None, tuple | None]


def _best_name_match(x: _Lead, y: _Lead, settings: MatchSettings) -> _NameMatch | None:
    best: _NameMatch | None = None
    sources_x = [(x.name, None)] + [(p, (c, t)) for c, t, p in x.nicks]
    sources_y = [(y.name, None)] + [(p, (c, t)) for c, t, p in y.nicks]
    for pa, nick_a in sources_x:
        if pa.empty:
            continue
        for pb, nick_b in sources_y:
            if pb.empty or (nick_a and nick_b and nick_a[1] == nick_b[1]):
                # The same handle or address is already a reason of its own.
                continue
            code = _name_evidence(pa, pb)
            if code is None:
                continue
            if (nick_a or nick_b) and code in ("full_name", "full_name_patronymic"):
                weight = settings.weight("nickname_name")
            else:
                weight = settings.weight(code)
            if best is None or weight > best[0]:
                best = (weight, code, pa, pb, nick_a, nick_b)
    if best is None:
        return None
    if abs(x.minute - y.minute) > NAME_HORIZON * settings.burst_minutes:
        # The same name far apart in time: a namesake as often as not.
        best = (best[0] * settings.far_name_factor, *best[1:])
    return best


def _name_match_evidence(match: _NameMatch) -> Evidence:
    weight, code, pa, pb, nick_a, nick_b = match
    if nick_a is not None:
        return _name_evidence_of(code, weight, pa, pb, nick_a)
    if nick_b is not None:
        return _name_evidence_of(code, weight, pb, pa, nick_b)
    return _name_evidence_of(code, weight, pa, pb, None)


_UNKNOWN: object = object()


def _evidence(
    x: _Lead, y: _Lead, settings: MatchSettings, name_match: object = _UNKNOWN
) -> list[Evidence]:
    """Every piece of evidence for and against two leads being one customer.

    ``name_match``: ``_best_name_match(x, y, settings)`` when the caller has it.
    """
    w = settings.weight
    out: list[Evidence] = []
    if x.phones and y.phones:
        for phone in set(x.phones) & set(y.phones):
            out.append(
                (
                    "same_phone",
                    w("same_phone"),
                    QT_TRANSLATE_NOOP("Reason", "Same phone {phone}"),
                    {"phone": phone},
                )
            )
    if x.emails and y.emails:
        for email in set(x.emails) & set(y.emails):
            out.append(
                (
                    "same_email",
                    w("same_email"),
                    QT_TRANSLATE_NOOP("Reason", "Same e-mail {email}"),
                    {"email": email},
                )
            )
    if x.handles and y.handles:
        handles_y = {h for _c, h in y.handles}
        for channel, handle in x.handles:
            if handle in handles_y:
                out.append(
                    (
                        "same_handle",
                        w("same_handle"),
                        QT_TRANSLATE_NOOP("Reason", "Same {channel} account {handle}"),
                        {"channel": channel_title(channel), "handle": handle},
                    )
                )
    if x.bad_phones and y.bad_phones:
        for phone in set(x.bad_phones) & set(y.bad_phones):
            out.append(
                (
                    "same_invalid_phone",
                    w("same_invalid_phone"),
                    QT_TRANSLATE_NOOP("Reason", "Same (invalid) phone number {phone}"),
                    {"phone": phone},
                )
            )
    if name_match is _UNKNOWN:
        name_match = _best_name_match(x, y, settings)
    if name_match is not None:
        out.append(_name_match_evidence(name_match))  # type: ignore[arg-type]

    minutes = abs(x.minute - y.minute)
    window = settings.burst_minutes
    if minutes <= window and x.channel != y.channel:
        out.append(
            (
                "burst",
                w("burst"),
                QT_TRANSLATE_NOOP("Reason", "Came {minutes} min apart via {a} and {b}"),
                {
                    "minutes": round(minutes),
                    "a": channel_title(x.channel),
                    "b": channel_title(y.channel),
                },
            )
        )
    if minutes <= window and _same_message(x, y):
        text = x.message if len(x.message) <= 40 else x.message[:40].rstrip() + "…"
        out.append(
            (
                "same_message",
                w("same_message"),
                QT_TRANSLATE_NOOP("Reason", "Both wrote {minutes} min apart: '{text}'"),
                {"minutes": round(minutes), "text": text},
            )
        )

    # Contradictions.
    if x.phones and y.phones and not set(x.phones) & set(y.phones):
        out.append(
            (
                "different_phones",
                w("different_phones"),
                QT_TRANSLATE_NOOP("Reason", "Different phones {a} / {b}"),
                {"a": x.phones[0], "b": y.phones[0]},
            )
        )
    na, nb = x.name, y.name
    if na.firsts and nb.firsts and not _firsts_match(na, nb):
        out.append(
            (
                "different_first_names",
                w("different_first_names"),
                QT_TRANSLATE_NOOP("Reason", "Different first names {a} / {b}"),
                {"a": _name_text(na), "b": _name_text(nb)},
            )
        )
    elif na.surnames and nb.surnames and _surnames_differ(na, nb):
        out.append(
            (
                "different_surnames",
                w("different_surnames"),
                QT_TRANSLATE_NOOP("Reason", "Different surnames {a} / {b}"),
                {"a": _name_text(na), "b": _name_text(nb)},
            )
        )
    elif (
        na.patronymic
        and nb.patronymic
        and na.patronymic != nb.patronymic
        and not close_words(na.patronymic, nb.patronymic)
    ):
        out.append(
            (
                "different_patronymics",
                w("different_patronymics"),
                QT_TRANSLATE_NOOP("Reason", "Different patronymics {a} / {b}"),
                {"a": _name_text(na), "b": _name_text(nb)},
            )
        )
    return out


def _same_message(x: _Lead, y: _Lead) -> bool:
    """The same inquiry (time is checked by the caller)."""
    return (
        len(x.message) >= 10
        and len(y.message) >= 10
        and fuzz.ratio(x.message, y.message, processor=default_process) >= MESSAGE_SIMILARITY
    )


_CONTRADICTION_CODES = (
    "different_phones",
    "different_first_names",
    "different_surnames",
    "different_patronymics",
)

_NAME_CODES = (
    "surname_number",
    "full_name",
    "full_name_patronymic",
    "nickname_name",
    "surname_initial",
    "surname_only",
    "first_name",
)


def _has_surname(rec: _Lead) -> bool:
    return bool(rec.name.surnames) or any(p.surnames for _c, _t, p in rec.nicks)


def _share_identifier(x: _Lead, y: _Lead) -> bool:
    for phone in x.phones:
        if phone in y.phones:
            return True
    for email in x.emails:
        if email in y.emails:
            return True
    for phone in x.bad_phones:
        if phone in y.bad_phones:
            return True
    if x.handles and y.handles:
        handles = {h for _c, h in y.handles}
        return any(h in handles for _c, h in x.handles)
    return False


# "Came 4 min apart via Telegram and site" and the like recur in thousands of
# pairs: one shared Reason object each (the pairs of a large scan hold them all).
_SHARED_REASONS = frozenset({"burst", "same_message"})
_REASON_CACHE: dict[tuple, Reason] = {}


def _reasons(evidence: list[Evidence]) -> tuple[Reason, ...]:
    ordered = sorted(evidence, key=lambda e: -e[1])
    out = []
    for code, weight, template, params in ordered:
        if code in _SHARED_REASONS:
            key = (code, weight, template, *params.items())
            reason = _REASON_CACHE.get(key)
            if reason is None:
                if len(_REASON_CACHE) > 100_000:
                    _REASON_CACHE.clear()
                reason = _REASON_CACHE[key] = Reason(
                    code, weight, Message("Reason", template, params)
                )
            out.append(reason)
        else:
            out.append(Reason(code, weight, Message("Reason", template, params)))
    return tuple(out)


def score_pair(x: _Lead, y: _Lead, settings: MatchSettings) -> tuple[float, tuple[Reason, ...]]:
    """Score two leads in 0..1 with the reasons, strongest first."""
    evidence = _evidence(x, y, settings)
    return combine(e[1] for e in evidence), _reasons(evidence)


def combine(weights: Iterable[float]) -> float:
    """``1 - prod(1 - w)`` over the positive weights, times ``prod(1 + w)`` over the negative."""
    miss = 1.0
    penalty = 1.0
    for weight in weights:
        if weight > 0:
            miss *= 1.0 - min(weight, 1.0)
        elif weight < 0:
            penalty *= 1.0 + max(weight, -1.0)
    return round((1.0 - miss) * penalty, 4)


# --------------------------------------------------------------------------- the index


class _Blocks:
    """Key -> lead ids, compact: a single id is stored bare, more as a list.

    The caller adds an id under a key at most once (no membership test here).
    """

    __slots__ = ("data",)

    def __init__(self) -> None:
        self.data: dict[int, int | list[int]] = {}

    def add(self, key: int, lead_id: int) -> None:
        data = self.data
        current = data.get(key)
        if current is None:
            data[key] = lead_id
        elif current.__class__ is int:
            # A lead's keys are a set, so it is never added twice under one key
            # (a membership test here would make common-name blocks quadratic).
            data[key] = [current, lead_id]
        else:
            current.append(lead_id)

    def remove(self, key: int, lead_id: int) -> None:
        current = self.data.get(key)
        if current is None:
            return
        if current.__class__ is int:
            if current == lead_id:
                del self.data[key]
        else:
            if lead_id in current:
                current.remove(lead_id)
            if len(current) == 1:
                self.data[key] = current[0]

    def get(self, key: int) -> list[int] | tuple[int, ...]:
        current = self.data.get(key)
        if current is None:
            return ()
        if current.__class__ is int:
            return (current,)
        return current


@contextmanager
def quiet_gc(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while the index is built or read (the window
    also wraps its queue and lead-list loads in it).

    The index is millions of small acyclic objects; every full collection
    walks all of them (about a second per million leads) and allocating them
    triggers many.  Reference counting still frees everything.

    ``freeze``: move what was allocated out of the collector's sight before it
    is switched on again.  The allocation count keeps growing while collection
    is off, so the first allocation afterwards would otherwise walk every
    object made meanwhile (4 s after a build of a million leads).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def _now_progress(progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


class MatchIndex:
    """All active leads of a workspace in memory, their blocks and scored pairs.

    ``build`` reads everything once; ``refresh`` reads only what changed since
    (``Lead.updated_at`` and new ids), rescoring only the changed leads against
    their blocks; ``lookup`` answers one phone, e-mail, handle or name at once.
    """

    build_seconds: float = 0.0

    def __init__(self, settings: MatchSettings | None = None) -> None:
        self.settings = settings or MatchSettings()
        self.threshold = self.settings.review_threshold
        self.leads: dict[int, _Lead] = {}
        self.blocks = _Blocks()
        self.pairs: dict[tuple[int, int], CandidatePair] = {}
        # Lead id -> the leads it has a pair with (compact: most have one or two).
        self.partners = _Blocks()
        self.dismissed: set[tuple[int, int]] = set()
        self.owners: dict[int, str] = {}
        self._cursor: datetime | None = None
        self._max_id = 0
        # LeadSummary objects already made (results are asked for after every refresh).
        self._summaries: dict[int, LeadSummary] = {}
        self._bucket_minutes = max(1, int(self.settings.burst_minutes))
        self._hopeless, self._needs_message = _hopeless_tables(self.settings, self.threshold)
        # Contradiction weights set positive by hand would add to a score.
        self._bound_extra = [max(0.0, self.settings.weight(c)) for c in _CONTRADICTION_CODES]

    # ----------------------------------------------------------------- keys

    def _block_keys(self, rec: _Lead) -> tuple[int, ...]:
        """Every block key of a lead (distinct), time buckets mixed in."""
        narrow, wide, lookup_keys = _name_hashes(rec)
        bucket = int(rec.minute // self._bucket_minutes)
        return (
            *_strong_hashes(rec),
            *[hash((base, bucket)) for base in narrow],
            *[hash((base, bucket)) for base in wide],
            *lookup_keys,
        )

    def _insert(self, rec: _Lead, keys: Iterable[int] | None = None) -> None:
        data = self.blocks.data
        lead_id = rec.id
        # Blocks.add inlined: this loop runs once per key of every lead of a build.
        # A lead's keys are distinct, so it is never added twice under one key
        # (a membership test here would make common-name blocks quadratic).
        for key in self._block_keys(rec) if keys is None else keys:
            current = data.get(key)
            if current is None:
                data[key] = lead_id
            elif current.__class__ is int:
                data[key] = [current, lead_id]
            else:
                current.append(lead_id)

    def _remove(self, rec: _Lead, keys: Iterable[int] | None = None) -> None:
        for key in self._block_keys(rec) if keys is None else keys:
            self.blocks.remove(key, rec.id)

    def _candidates(self, rec: _Lead) -> set[int]:
        narrow, wide, _lookup = _name_hashes(rec)
        bucket = int(rec.minute // self._bucket_minutes)
        data = self.blocks.data
        out: set[int] = set()
        for key in _strong_hashes(rec):
            members = data.get(key)
            if (
                members is not None
                and members.__class__ is not int
                and len(members) <= STRONG_BLOCK_CAP
            ):
                out.update(members)
        for bases, offsets in ((narrow, _NARROW_OFFSETS), (wide, _WIDE_OFFSETS)):
            for base in bases:
                same = data.get(hash((base, bucket)))
                if same is not None and same.__class__ is not int and len(same) > WEAK_BLOCK_CAP:
                    continue
                for offset in offsets:
                    members = same if offset == 0 else data.get(hash((base, bucket + offset)))
                    if members is None:
                        continue
                    if members.__class__ is int:
                        out.add(members)
                    elif len(members) <= WEAK_BLOCK_CAP:
                        out.update(members)
        out.discard(rec.id)
        return out

    # ----------------------------------------------------------------- pairs

    def _score_lead(self, rec: _Lead, only_greater: bool) -> None:
        leads = self.leads
        settings = self.settings
        threshold = self.threshold
        hopeless, needs_message = self._hopeless, self._needs_message
        pairs, partners = self.pairs, self.partners
        extra = self._bound_extra
        burst_weight = max(0.0, settings.weight("burst"))
        message_weight = max(0.0, settings.weight("same_message"))
        horizon = NAME_HORIZON * settings.burst_minutes
        window = settings.burst_minutes
        minute = rec.minute
        channel = rec.channel
        rec_surname = _has_surname(rec)
        rec_message = len(rec.message) >= 10
        for other_id in self._candidates(rec):
            if only_greater and other_id < rec.id:
                continue
            other = leads.get(other_id)
            if other is None:
                continue
            # Without a shared identifier the best a pair can score follows from
            # a few facts; a pair that cannot reach the threshold is not scored.
            apart = abs(minute - other.minute)
            near = apart <= window
            case = (
                rec_surname and _has_surname(other),
                apart > horizon,
                near and channel is not other.channel,
                near and rec_message and len(other.message) >= 10,
            )
            a, b = (rec, other) if rec.id < other.id else (other, rec)
            if _share_identifier(rec, other):
                evidence = _evidence(a, b, settings)
            else:
                if hopeless[case] or (needs_message[case] and not _same_message(rec, other)):
                    continue
                # The name agreement is most of the work: with it known, the
                # bound is tight (same surname but another first name: nothing).
                name_match = _best_name_match(a, b, settings)
                bound = [max(0.0, name_match[0]) if name_match else 0.0, *extra]
                if case[2]:
                    bound.append(burst_weight)
                if case[3]:
                    bound.append(message_weight)
                if combine(bound) < threshold:
                    continue
                evidence = _evidence(a, b, settings, name_match)
            if not evidence:
                continue
            score = combine(e[1] for e in evidence)
            if score >= threshold:
                key = (a.id, b.id)
                if key not in pairs:
                    partners.add(a.id, b.id)
                    partners.add(b.id, a.id)
                pairs[key] = CandidatePair(a.id, b.id, score, _reasons(evidence))

    def _drop_pairs(self, lead_id: int) -> None:
        others = tuple(self.partners.get(lead_id))
        self.partners.data.pop(lead_id, None)
        for other in others:
            self.pairs.pop((min(lead_id, other), max(lead_id, other)), None)
            self.partners.remove(other, lead_id)

    # ----------------------------------------------------------------- build

    @classmethod
    def build(
        cls,
        ws,
        settings: MatchSettings | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> MatchIndex:
        """Read every active lead and score every candidate pair."""
        # The index lives long and holds no cycles: keep later collections (in
        # the window's thread too) from walking it again and again.
        with quiet_gc(freeze=True):
            index = cls._build(ws, settings, progress, cancelled)
        return index

    @classmethod
    def _build(cls, ws, settings, progress, cancelled) -> MatchIndex:
        index = cls(settings)
        started = time.perf_counter()

        def check() -> None:
            if cancelled is not None and cancelled():
                raise Cancelled()

        with ws.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(Lead).where(_ACTIVE)).scalar_one()
            # Loading is about a third of the work; scoring the rest.
            steps = max(total, 1) * 3
            _now_progress(progress, 0, steps)
            cursor, max_id = None, 0
            for n, row in enumerate(_raw(conn, select(*_LEAD_COLUMNS).where(_ACTIVE))):
                rec = _make_lead(row)
                index.leads[rec.id] = rec
                updated = _as_datetime(row[8])
                if updated is not None and (cursor is None or updated > cursor):
                    cursor = updated
                max_id = max(max_id, rec.id)
                if n % 20_000 == 0:
                    check()
                    _now_progress(progress, n // 2, steps)
            index._cursor, index._max_id = cursor, max_id
            _fill(conn, index.leads, index.settings.region, None, check)
            index.owners = _owners(conn)
            index.dismissed = _dismissed(conn)
        _now_progress(progress, total, steps)
        # Keys are worked out again in the second pass: keeping them for a
        # million leads would cost more memory than the blocks themselves.
        for rec in index.leads.values():
            index._insert(rec)
        check()
        for n, rec in enumerate(index.leads.values()):
            index._score_lead(rec, only_greater=True)
            if n % 5_000 == 0:
                check()
                _now_progress(progress, total + 2 * n, steps)
        _now_progress(progress, steps, steps)
        index.build_seconds = time.perf_counter() - started
        return index

    # ----------------------------------------------------------------- refresh

    def refresh(self, ws) -> ScanResult:
        """Take in what changed since the last build/refresh and return the new result.

        Reads leads updated at or after the newest ``updated_at`` seen, or with a
        newer id; drops archived, merged and deleted leads; rescores only the
        changed leads against their blocks; reloads the dismissals.
        """
        with quiet_gc():
            return self._refresh(ws)

    def _refresh(self, ws) -> ScanResult:
        started = time.perf_counter()
        with ws.engine.connect() as conn:
            conditions = [Lead.id > self._max_id]
            if self._cursor is not None:
                conditions.append(Lead.updated_at >= self._cursor)
            rows = list(_raw(conn, select(*_LEAD_COLUMNS).where(or_(*conditions))))
            # An undo puts the old updated_at back, and an edit may not touch it;
            # the version always moves on.  Comparing (id, version) of every
            # active lead is one narrow indexed read and finds all of them.
            present: set[int] = set()
            stale: list[int] = []
            leads = self.leads
            for lead_id, version in _raw(conn, select(Lead.id, Lead.version).where(_ACTIVE)):
                present.add(lead_id)
                rec = leads.get(lead_id)
                if rec is None or rec.version != version:
                    stale.append(lead_id)
            known = {row[0] for row in rows}
            for start in range(0, len(stale), _CHUNK):
                part = [i for i in stale[start : start + _CHUNK] if i not in known]
                if part:
                    rows.extend(_raw(conn, select(*_LEAD_COLUMNS).where(Lead.id.in_(part))))
            changed: dict[int, _Lead] = {}
            for row in rows:
                updated = _as_datetime(row[8])
                if updated is not None and (self._cursor is None or updated > self._cursor):
                    self._cursor = updated
                self._max_id = max(self._max_id, row[0])
                if not (row[10] or row[11] is not None):
                    changed[row[0]] = _make_lead(row)
            gone = [i for i in leads if i not in present]
            _fill(conn, changed, self.settings.region, list(changed), lambda: None)
            self.dismissed = _dismissed(conn)
            if changed or gone:
                owners = _owners(conn)
                if owners != self.owners:
                    self.owners = owners
                    self._summaries.clear()
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
            self._score_lead(rec, only_greater=False)
        result = self._result(None)
        result.seconds = time.perf_counter() - started
        return result

    def _forget(self, lead_id: int) -> None:
        self._summaries.pop(lead_id, None)
        old = self.leads.pop(lead_id, None)
        if old is not None:
            self._remove(old)
        self._drop_pairs(lead_id)

    # ----------------------------------------------------------------- result

    def result(self, threshold: float | None = None) -> ScanResult:
        """Pairs at/above the threshold minus dismissed ones, and their groups."""
        with quiet_gc():
            return self._result(threshold)

    def _result(self, threshold: float | None) -> ScanResult:
        limit = self.threshold if threshold is None else threshold
        pairs = [
            p for key, p in self.pairs.items() if p.score >= limit and key not in self.dismissed
        ]
        pairs.sort(key=lambda p: (-p.score, p.a, p.b))
        groups = _groups(pairs)
        cache = self._summaries
        summaries = {}
        for group in groups:
            for lead_id in group.lead_ids:
                summary = cache.get(lead_id)
                if summary is None:
                    summary = cache[lead_id] = self.leads[lead_id].summary(self.owners)
                summaries[lead_id] = summary
        return ScanResult(
            pairs,
            groups,
            summaries,
            len(self.leads),
            threshold=limit,
            seconds=self.build_seconds,
        )

    def summary(self, lead_id: int) -> LeadSummary | None:
        rec = self.leads.get(lead_id)
        return rec.summary(self.owners) if rec else None

    def label(self, lead_id: int) -> str:
        rec = self.leads.get(lead_id)
        return rec.label if rec else str(lead_id)

    # ----------------------------------------------------------------- lookup

    def lookup(self, text: str, limit: int = 20) -> list[LookupHit]:
        """Leads matching one phone, e-mail, handle or name, best first."""
        probe = probe_record(text, self.settings.region)
        if probe is None:
            return []
        get = self.blocks.get
        found: set[int] = set()
        for key in _strong_keys(probe):
            found.update(get(hash(key)))
        if not found:
            found = self._name_candidates(probe)
        hits = []
        for lead_id in found:
            rec = self.leads.get(lead_id)
            if rec is None:
                continue
            score, reasons = _lookup_score(probe, rec, self.settings)
            if score > 0:
                hits.append(LookupHit(lead_id, score, reasons))
        hits.sort(key=lambda h: (-h.score, -self.leads[h.lead_id].minute))
        return hits[:limit]

    def _name_candidates(self, probe: _Lead) -> set[int]:
        """Leads with the typed surname (and first name, when typed), else with
        the first name; for a common name the newest are the likeliest wanted."""
        keys = dict.fromkeys(kind for kind, _key in _lookup_keys(probe))
        lookup_keys = _lookup_keys(probe)
        firsts = {f for parts in _name_sources(probe) for f in parts.firsts}
        for kind in (_LOOKUP_SURNAME, _LOOKUP_FIRST):
            if kind not in keys:
                continue
            members: set[int] = set()
            for key_kind, key in lookup_keys:
                if key_kind == kind:
                    members.update(self.blocks.get(key))
            if kind == _LOOKUP_SURNAME and firsts:
                # Surname and first name typed: those with both first.
                both = {
                    i
                    for i in members
                    if any(
                        f in parts.firsts for parts in _name_sources(self.leads[i]) for f in firsts
                    )
                }
                members = both or members
            if members:
                return set(sorted(members)[-LOOKUP_CANDIDATES:])
        return set()


_Case = tuple[bool, bool, bool, bool]


def _hopeless_tables(
    settings: MatchSettings, threshold: float
) -> tuple[dict[_Case, bool], dict[_Case, bool]]:
    """For a pair without a shared identifier, by (surnames on both sides, further
    apart than the name horizon, a burst from two channels, both have an inquiry):
    can it not reach the threshold at all; and can it only with the same inquiry.

    The bound takes the strongest name evidence the case allows (surname kinds
    need a surname on both sides, else a first name is the most), the burst and
    the inquiry; contradictions only lower a score.  So skipping a hopeless pair
    changes no result.
    """
    w = settings.weight
    surname_best = max(w(code) for code in _NAME_CODES)
    extra = [max(0.0, w(code)) for code in _CONTRADICTION_CODES]  # normally none

    def bound(surnames: bool, far: bool, burst: bool, message: bool) -> float:
        # Weights set negative by hand count as nothing: a bound must not be
        # lowered by evidence the pair may turn out not to have.
        name = max(0.0, surname_best if surnames else w("first_name"))
        if far:
            name = max(0.0, name * settings.far_name_factor)
        weights = [name, *extra]
        if burst:
            weights.append(max(0.0, w("burst")))
        if message:
            weights.append(max(0.0, w("same_message")))
        return combine(weights)

    hopeless: dict[_Case, bool] = {}
    needs_message: dict[_Case, bool] = {}
    for surnames in (False, True):
        for far in (False, True):
            for burst in (False, True):
                for message in (False, True):
                    case = (surnames, far, burst, message)
                    hopeless[case] = bound(*case) < threshold
                    needs_message[case] = message and bound(surnames, far, burst, False) < threshold
    return hopeless, needs_message


def _groups(pairs: list[CandidatePair]) -> list[CandidateGroup]:
    """Connected components of the pairs (given best first), each with its pairs
    best first; groups ranked by their best pair, then size, then ids."""
    parent: dict[int, int] = {}

    def root(lead_id: int) -> int:
        top = parent.setdefault(lead_id, lead_id)
        if top == lead_id:
            return lead_id
        path = [lead_id]
        while (up := parent[top]) != top:
            path.append(top)
            top = up
        for node in path:  # compress: later finds are one step
            parent[node] = top
        return top

    for pair in pairs:
        ra, rb = root(pair.a), root(pair.b)
        if ra != rb:
            parent[rb] = ra
    group_pairs: dict[int, list[CandidatePair]] = {}
    for pair in pairs:  # in the given order, so each group's pairs stay best first
        group_pairs.setdefault(root(pair.a), []).append(pair)
    members: dict[int, list[int]] = {}
    for lead_id in parent:
        members.setdefault(root(lead_id), []).append(lead_id)
    ranked = []
    for top, its_pairs in group_pairs.items():
        ids = tuple(sorted(members[top]))
        ranked.append((-its_pairs[0].score, -len(ids), ids, its_pairs))
    ranked.sort(key=lambda r: (r[0], r[1], r[2]))
    return [CandidateGroup(ids, its_pairs) for _s, _n, ids, its_pairs in ranked]


# --------------------------------------------------------------------------- lookup


def probe_record(text: str, region: str = "RU") -> _Lead | None:
    """What the operator typed, as a record with one identifier or a name."""
    text = (text or "").strip()
    if not text:
        return None
    probe = _Lead(0, "", Channel.OTHER, None, None, "", NameParts())
    digits = sum(ch.isdigit() for ch in text)
    letters = sum(ch.isalpha() for ch in text)
    if "@" in text[1:] and "." in text.split("@")[-1]:
        probe.add_comm(CommKind.EMAIL, Channel.EMAIL, text, "", region)
    elif digits >= 6 and digits >= letters:
        phone = normalize_phone(text, region)
        probe.phones, probe.bad_phones = (
            ((phone.value,), ()) if phone.valid else ((), (phone.value,))
        )
    elif " " not in text and text.isalpha() and not is_cyrillic(text):
        # One Latin word: a surname or first name in Latin ("Mitrofanov"), or a
        # handle typed without its @; matched both ways, told as a name.
        probe.handles = ((Channel.TELEGRAM, normalize_handle(text).value),)
        probe.name = _typed_name(text)
    elif text.startswith("@") or "t.me/" in text or (" " not in text and not is_cyrillic(text)):
        probe.add_comm(CommKind.MESSENGER, Channel.TELEGRAM, text, "", region)
        if not probe.nicks and probe.handles:
            probe.name = parse_free_name(text)
    else:
        probe.name = _typed_name(text)
    return probe


def _typed_name(text: str) -> NameParts:
    """A name typed into the search box.  One word that is no first name is a
    surname there (an operator types "Петрова" to find Петрова Анна), whereas
    in a lead's name field a lone word is taken as the first name."""
    words = text.split()
    if len(words) == 1 and not first_name_forms(words[0]):
        return parse_name("", words[0], "")
    return parse_free_name(text)


def _lookup_score(probe: _Lead, rec: _Lead, settings: MatchSettings):
    """Only the evidence the typed text can carry: no time, no contradictions."""
    evidence = [
        e
        for e in _evidence(probe, rec, replace(settings, far_name_factor=1.0))
        if e[1] > 0 and e[0] not in ("burst", "same_message")
    ]
    return combine(e[1] for e in evidence), _reasons(evidence)


def scan_workspace(
    ws,
    settings: MatchSettings | None = None,
    *,
    threshold: float | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ScanResult:
    """Full scan of the workspace: every candidate pair at or above the threshold."""
    settings = settings or MatchSettings()
    if threshold is not None:
        settings = replace(settings, review_threshold=threshold, weights=dict(settings.weights))
    index = MatchIndex.build(ws, settings, progress=progress, cancelled=cancelled)
    return index.result()


def lookup(
    ws, text: str, settings: MatchSettings | None = None, limit: int = 20
) -> list[LookupHit]:
    """One phone, e-mail, handle or name against the workspace.

    A phone, e-mail or handle is looked up straight in SQL (an indexed column);
    a name needs the name keys, so the index is built.
    """
    settings = settings or MatchSettings()
    probe = probe_record(text, settings.region)
    if probe is None:
        return []
    values = list(probe.phones) + list(probe.emails) + [h for _c, h in probe.handles]
    if values and probe.name.empty and not probe.nicks:
        return _sql_lookup(ws, probe, values, settings, limit)
    return MatchIndex.build(ws, settings).lookup(text, limit)


def _sql_lookup(ws, probe: _Lead, values: list[str], settings: MatchSettings, limit: int):
    with ws.engine.connect() as conn:
        ids = sorted(
            set(
                conn.execute(
                    select(Communication.lead_id)
                    .join(Lead, Lead.id == Communication.lead_id)
                    .where(Communication.normalized.in_(values), _ACTIVE)
                ).scalars()
            )
        )
        leads: dict[int, _Lead] = {}
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            for row in _raw(conn, select(*_LEAD_COLUMNS).where(Lead.id.in_(part))):
                leads[row[0]] = _make_lead(row)
        _fill(conn, leads, settings.region, ids, lambda: None)
    hits = []
    for rec in leads.values():
        score, reasons = _lookup_score(probe, rec, settings)
        if score > 0:
            hits.append(LookupHit(rec.id, score, reasons))
    hits.sort(key=lambda h: (-h.score, -leads[h.lead_id].minute))
    return hits[:limit]
