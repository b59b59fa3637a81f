"""The build's forked workers besides the comparing ones (``parallel.py``,
whose fork and shared parts they use): one keys the leads from the last part on
while this process keys them from the first (``insert_all``), and one reads and
parses the nicknames and a share of the names while this process reads the
leads (``read_ahead``).  Each works on what ``parallel._SHARED`` held when it
was forked."""

from __future__ import annotations

import multiprocessing
from array import array
from collections.abc import Sequence
from functools import partial
from itertools import chain, repeat
from operator import attrgetter

from deskdup.services.matching import parallel
from deskdup.services.matching.blocks import _KeyBook
from deskdup.services.matching.keys import _name_hashes, _strong_hashes, _text_hash
from deskdup.services.matching.load import _name_words, _nickname_texts
from deskdup.services.matching.parallel import _Fork, _Shares, can_fork
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.tiers import count_tiers, set_tiers
from deskdup.services.names import NameParts, parse_name
from deskdup.services.nicknames import parse_nickname

# Fewer leads than this are keyed and tiered by this process alone (a fork
# costs more than it saves).
FORK_MIN_LEADS = 5_000
# A forked build's leads are keyed in parts of this many, which this process
# takes from the first on (once it has every lead's text key and tier) and the
# keying worker from the last on, until they meet (``_Shares``).
KEY_PART_LEADS = 2_000


def _key_parts(leads: Sequence[_Lead]) -> list[tuple[int, int]]:
    """(start, end) of each part of ``leads`` keyed at a time."""
    size = max(1, KEY_PART_LEADS)
    return [(start, min(start + size, len(leads))) for start in range(0, len(leads), size)]


def _key_part() -> list[tuple[int, bytes, bytes, bytes, bytes]]:
    """In a forked worker: the strong keys and name key bases of the leads of
    the parts it takes from the last on (each part packed as ``_KeyBook.pack``
    does, where each lead's begin) and their block keys without the text's
    (each lead's count, and the keys, lead by lead); per part taken, its
    number first, in the parts' order."""
    index, leads, parts, shares = parallel._SHARED  # type: ignore[misc]
    pack, keys_of = _KeyBook.pack, index._one_shot_keys
    out = []
    while (part := shares.take_last()) is not None:
        start, end = parts[part]
        book, starts, counts, flat = array("q"), array("q"), array("q"), array("q")
        for rec in leads[start:end]:
            strong = _strong_hashes(rec)
            narrow, wide, _lookup = _name_hashes(rec, False)
            starts.append(len(book))
            pack(book, strong, narrow, wide)
            keys = keys_of(rec, strong, narrow, wide, False)
            counts.append(len(keys))
            flat.extend(keys)
        out.append((part, book.tobytes(), starts.tobytes(), counts.tobytes(), flat.tobytes()))
    out.reverse()
    return out


def insert_all(index, workers: int) -> None:
    """Insert every lead into the blocks, in the order of ``index.leads``, and
    set the leads' tiers.  In a one-shot build over ``workers``, a forked copy
    works out the other keys of the leads from the last part on while this
    process works out every lead's text key and tier, then keys and inserts
    the leads from the first part on, until they meet; then the copy's keys
    go in, and every lead's text key last: the same blocks, each listing its
    leads in the same order.

    The text keys stay here: working them out folds every inquiry's words
    (``inquiry.folded_words``, ``fold``), which comparing the pairs asks for
    again, and a comparing worker forked later takes this process's caches
    over, not a keying worker's (folding twice was a second of a 100k scan)."""
    leads = list(index.leads.values())
    insert = index._insert
    one_shot = index._bands is not None
    bucket, window = index._message_bucket, index.settings.burst_minutes
    if workers < 2 or not one_shot or len(leads) < FORK_MIN_LEADS or not can_fork():
        for rec in leads:
            insert(rec)
        if one_shot:
            texts = [_text_hash(rec) for rec in leads]
            set_tiers(leads, count_tiers(leads, texts, bucket, window))
        else:
            for rec in leads:
                if rec.message:
                    rec.tier = index._tier_of(rec)
        return
    parts = _key_parts(leads)
    shares = _Shares(multiprocessing.get_context("fork"), len(parts), "keying")
    fork = _Fork(_key_part, (index, leads, parts, shares), "keying")
    book = index._book
    try:
        texts = [_text_hash(rec) for rec in leads]
        codes = count_tiers(leads, texts, bucket, window)
        keys_of = index._one_shot_keys
        while (part := shares.take_first(fork.alive)) is not None:
            start, end = parts[part]
            for rec in leads[start:end]:
                strong = _strong_hashes(rec)
                narrow, wide, _lookup = _name_hashes(rec, False)
                if book is not None:
                    book.add(rec.id, strong, narrow, wide)
                insert(rec, keys_of(rec, strong, narrow, wide, False))
        theirs = fork.result()
    finally:
        fork.close()
    for part, raw_book, raw_starts, raw_counts, raw_flat in theirs:
        start, end = parts[part]
        if book is not None:
            starts = array("q")
            starts.frombytes(raw_starts)
            offset = len(book.flat)
            book.flat.frombytes(raw_book)
            for rec, at in zip(leads[start:end], starts, strict=True):
                book.starts[rec.id] = offset + at
        counts, flat = array("q"), array("q")
        counts.frombytes(raw_counts)
        flat.frombytes(raw_flat)
        # Each lead's id as many times as it has keys, beside its keys.
        owners = map(repeat, map(attrgetter("id"), leads[start:end]), counts)
        index._insert_pairs(zip(chain.from_iterable(owners), flat, strict=True))
    index._insert_pairs(
        (rec.id, hash((text, int(rec.minute // bucket))))
        for rec, text in zip(leads, texts, strict=True)
        if text is not None
    )
    set_tiers(leads, codes)


# The share of the distinct names (in percent, by ``hash``: the same in a
# fork) that the reading worker parses besides every nickname.  Measured at
# 100k, once nicknames were read once per their letters: with half the names
# this process waited 0.2 s for the worker after reading its leads (0.3 s
# with a quarter) and spent 0.2 s less of its own.
NAME_SHARE = 50


def _read_ahead() -> tuple[list, list, list, list]:
    """In a forked worker: the nicknames and the worker's share of the names
    (read through a connection of its own), and what parsing makes of them."""
    (url,) = parallel._SHARED  # type: ignore[misc]
    from deskdup.services.workspace import make_engine

    # A new engine: the connections this copy took over are the other
    # process's (closing them here could take a SQLite file's log away).
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            texts = _nickname_texts(conn)
            names = [words for words in _name_words(conn) if ReadAhead.theirs(words)]
    finally:
        engine.dispose()
    # Sent as plain tuples: a named tuple is pickled and unpickled through
    # Python calls (its ``__getnewargs__``, its ``__new__``), half the cost of
    # handing 50,000 of them over, and the unpickling is on the reading
    # process's way (``ReadAhead.into``).
    return (
        texts,
        [tuple(parse_nickname(t)) for t in texts],
        names,
        [tuple(parse_name(*w)) for w in names],
    )


# A plain tuple of a ``NameParts``'s fields back into one, without a call of
# its ``__new__`` per name (``_read_ahead``).
_NAME_PARTS = partial(tuple.__new__, NameParts)


class ReadAhead:
    """A forked copy of this process that reads and parses the nicknames and
    its share of the names (parsing them is most of the loading's work) while
    this process reads the leads and parses the other names (``load_leads``).

    Started before the leads are read, when the process is small; its results
    come once the leads are read (``into``).
    """

    def __init__(self, url: str) -> None:
        self._fork = _Fork(_read_ahead, (url,), "reading")

    @staticmethod
    def theirs(words: tuple[str, str, str]) -> bool:
        """Does the worker parse this name."""
        return hash(words) % 100 < NAME_SHARE

    def into(self, names: dict, nicknames: dict) -> None:
        texts, text_parts, words, word_parts = self._fork.result()
        nicknames.update(zip(texts, map(_NAME_PARTS, text_parts), strict=True))
        names.update(zip(words, map(_NAME_PARTS, word_parts), strict=True))

    def close(self) -> None:
        self._fork.close()


def read_ahead(workers: int, ws) -> ReadAhead | None:
    """A worker reading ahead for a one-shot build over ``workers`` of ``ws``,
    when its database can be opened again from a fork (not one in memory)."""
    if workers < 2 or not can_fork():
        return None
    from deskdup.services.workspace import normalize_url, sqlite_file

    url = getattr(ws, "url", None)
    if not url:
        return None
    url = normalize_url(url)
    if url.startswith("sqlite") and sqlite_file(url) is None:
        return None
    return ReadAhead(url)
