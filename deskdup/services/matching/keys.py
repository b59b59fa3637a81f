"""Block keys: strong ones (an identifier) that pair across all time, weak ones
(names) that pair within a time bucket, their hashes as the build uses them,
and the keys only the search box uses."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from deskdup.services.matching.hashing import key_hash, value_hash
from deskdup.services.matching.inquiry import band_keys, is_personal_text, text_key
from deskdup.services.matching.record import (
    UNSET,
    _Lead,
)
from deskdup.services.names import (
    NameParts,
)

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
        narrow.update(key_hash(_WEAK_FIRST, f) for f in parts.firsts)
        # The first two letters catch a typo in an unknown first name (Маск ~ Макс).
        narrow.update(key_hash(_WEAK_FIRST_PREFIX, k[:2]) for k in parts.first_keys if len(k) >= 3)
        wide.update(key_hash(_WEAK_SURNAME, s) for s in parts.surnames)
        if parts is not rec.name:
            wide.update(key_hash(_WEAK_SURNAME, s) for s in _glued_surnames(parts))
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
    return tuple((kind, key_hash(kind, word)) for kind, word in keys)


def _strong_hashes(rec: _Lead) -> tuple[int, ...]:
    """Hashes of ``_strong_keys`` (distinct: the record keeps each value once)."""
    if not (rec.phones or rec.emails or rec.handles or rec.bad_phones):
        return ()
    return (
        *[value_hash(_PHONE, p) for p in rec.phones],
        *[value_hash(_BAD_PHONE, p) for p in rec.bad_phones],
        *[value_hash(_EMAIL, e) for e in rec.emails],
        *[value_hash(_HANDLE, h) for _c, h in rec.handles],
    )


def _name_hashes(
    rec: _Lead, lookup_keys: bool = True
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """(narrow, wide, lookup) key hashes of all the names a lead carries, each
    distinct; the same keys as ``_weak_keys`` and ``_lookup_keys``.
    ``lookup_keys=False``: for a build that answers no lookup, which need not
    get a nickname's lookup keys (they may then be left out: a name typed in
    the name fields has them at hand)."""
    nicks = rec.nicks
    if not nicks:
        return _parts_hashes(rec.name) if not rec.name.empty else _NO_HASHES
    if len(nicks) == 1 and rec.name.empty:
        # (A nickname is one person's: a cache of its keys would only miss.)
        return _parts_hashes_of(nicks[0][2], True, lookup_keys)
    narrow: dict[int, None] = {}
    wide: dict[int, None] = {}
    lookup: dict[int, None] = {}
    for parts in _name_sources(rec):
        if parts is rec.name:
            n, w, lk = _parts_hashes(parts)
        else:
            n, w, lk = _parts_hashes_of(parts, True, lookup_keys)
        narrow.update(dict.fromkeys(n))
        wide.update(dict.fromkeys(w))
        if lookup_keys:
            lookup.update(dict.fromkeys(lk))
    return tuple(narrow), tuple(wide), tuple(lookup)


_NO_HASHES: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]] = ((), (), ())


# Kind -> word -> ``key_hash(kind, word)``.  Names are made of few words (first
# names, surnames, their first letters): a nickname's keys, worked out for
# every lead that has one (twice in a build), are mostly lookups here.
_WORD_KEYS: dict[str, dict[str, int]] = {}
_WORD_KEYS_MAX = 300_000


def _word_keys(kind: str, words) -> list[int]:
    """``key_hash(kind, word)`` of each word, in order."""
    cache = _WORD_KEYS.get(kind)
    if cache is None:
        cache = _WORD_KEYS[kind] = {}
    out = []
    for word in words:
        key = cache.get(word)
        if key is None:
            if len(cache) >= _WORD_KEYS_MAX:
                cache.clear()
            key = cache[word] = key_hash(kind, word)
        out.append(key)
    return out


def _parts_hashes_of(
    parts: NameParts, nickname: bool, lookup_keys: bool = True
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    firsts = parts.firsts
    surnames = parts.surnames
    narrow = set(_word_keys(_WEAK_FIRST, firsts)) if firsts else set()
    if parts.first_keys:
        prefixes = [k[:2] for k in parts.first_keys if len(k) >= 3]
        narrow.update(_word_keys(_WEAK_FIRST_PREFIX, prefixes))
    wide = dict.fromkeys(_word_keys(_WEAK_SURNAME, surnames)) if surnames else {}
    if nickname and surnames:
        wide.update(dict.fromkeys(_word_keys(_WEAK_SURNAME, _glued_surnames(parts))))
    if not (firsts or surnames):
        return tuple(narrow), (), ()
    if not lookup_keys:
        return tuple(narrow), tuple(wide), ()
    return (
        tuple(narrow),
        tuple(wide),
        (*_word_keys(_LOOKUP_FIRST, firsts), *_word_keys(_LOOKUP_SURNAME, surnames)),
    )


# id(parts) -> (parts, its hashes).  Names as typed in the name fields repeat a
# lot, and the leads with one name share one parsed ``NameParts``: found by
# identity, without hashing its eleven fields as ``lru_cache`` did on every
# call (most of the cost of a lead's name keys).  The entry holds ``parts``,
# so its id is not reused while the entry lives.
_PARTS_KEYS: dict[int, tuple[NameParts, tuple[tuple[int, ...], ...]]] = {}
_PARTS_KEYS_MAX = 200_000


def _parts_hashes(parts: NameParts) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    entry = _PARTS_KEYS.get(id(parts))
    if entry is not None and entry[0] is parts:
        return entry[1]  # type: ignore[return-value]
    keys = _parts_hashes_of(parts, False)
    if len(_PARTS_KEYS) >= _PARTS_KEYS_MAX:
        _PARTS_KEYS.clear()
    _PARTS_KEYS[id(parts)] = (parts, keys)
    return keys


# An inquiry this long (characters) counts as a message at all.
MESSAGE_MIN_CHARS = 10


def _text_hash(rec: _Lead) -> int | None:
    """The text key of ``_message_hashes`` alone (the band keys cost more),
    worked out once per record: the build asks for it three times, and at a
    million leads the distinct texts are many times ``text_key``'s cache."""
    key = rec.text_key
    if key == UNSET:
        message = rec.message
        key = rec.text_key = None if len(message) < MESSAGE_MIN_CHARS else text_key(message)
    return key


def _band_hashes(rec: _Lead) -> tuple[int, ...]:
    """The band keys of ``_message_hashes`` alone."""
    message = rec.message
    if len(message) < MESSAGE_MIN_CHARS or not is_personal_text(message):
        return ()
    return band_keys(message)


def _message_hashes(rec: _Lead) -> tuple[int | None, tuple[int, ...]]:
    """(text key, band keys) of a lead's inquiry, before time buckets are mixed
    into the band keys.  The text key pairs nothing: its block counts how many
    leads share the text (``inquiry.rarity``).  Band keys pair leads whose
    messages are near-identical, within the name horizon; only a message long
    enough to be personal has them."""
    text = _text_hash(rec)
    if text is None:
        return None, ()
    message = rec.message
    return text, band_keys(message) if is_personal_text(message) else ()
