"""The window's match index kept in a cache file between runs, so reopening a
workspace reads what changed since instead of every lead again.

``store`` keeps the scored pairs in the workspace, but an index that can take
in changes also needs every lead's record and block keys: reading and keying
100,000 leads again was 40-60 % of a full scan at every start, though only a
few had changed.  The snapshot is that index pickled (records, blocks, pairs;
block keys are hashed alike in every process, ``hashing.py``; the blocks as
flat arrays, ``stored_blocks.py``) in the user's cache folder, one file per
workspace address.

It is used only when it was made with this code, these settings and the very
model that scored the workspace's kept pairs (``store.candidates_stamp`` and
the model's JSON, checked before the rest of the file is read); otherwise the
index is built as before.  It is brought up to date as ``MatchIndex.refresh``
brings a live index, reading only the leads whose version or ``updated_at`` is
not the one it holds (each lead's pair of values is kept with it, so an
``updated_at`` moved back by hand is seen too), the new ones and the ones gone;
pairs then equal a fresh build's, as after any refresh.

A file: a team on PostgreSQL shares its kept pairs in the database, but every
window has its own records in memory; the file is only ever a faster start
(deleted, unreadable or stale, it costs a build).  It is written after a build
and when more than ``REWRITE_SHARE`` of the leads have changed since it was
made, not after every refresh (pickling 100,000 leads takes seconds); the
files of workspaces not opened for ``FORGET_DAYS`` are deleted then.
"""

from __future__ import annotations

import copyreg
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from operator import attrgetter
from pathlib import Path

from sqlalchemy import select

from deskdup.models import Lead
from deskdup.services import paths
from deskdup.services.candidates import CandidatePair, Reason
from deskdup.services.matching.blocks import quiet_gc
from deskdup.services.matching.kept import KeptPair
from deskdup.services.matching.load import _ACTIVE, _owners, _raw
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.stored_blocks import StoredBlocks, pack
from deskdup.services.messages import Message

log = logging.getLogger(__name__)

# 2: records keep their text key (``_Lead.text_key``); 3: the blocks packed
# (``stored_blocks``), and pairs not worded (``_pair_entries``).
FORMAT = 3
# Rewrite the file when more than this share of the leads was read again
# since it was written: reading 1 % again at the next start costs less than
# pickling every lead now (about a second against three at 100,000).
REWRITE_SHARE = 0.05
# A snapshot not written or read for this many days is deleted.
FORGET_DAYS = 30


def snapshot_path(ws) -> Path:
    """The cache file of a workspace (by its address, without secrets)."""
    from deskdup.services.credentials import without_secrets

    digest = hashlib.blake2b(without_secrets(ws.url).encode(), digest_size=12).hexdigest()
    return paths.cache_dir() / f"index-{digest}.pickle"


_SLOTS = _Lead.__slots__
_slot_values = attrgetter(*_SLOTS)


def _record_maker():
    """``_record``: a ``_Lead`` from its slots' values, in ``_SLOTS`` order.

    Pickle's own way for objects with slots (a dictionary of them each) was
    a third slower; a loop of ``setattr`` over the names was still 0.4 s of
    reading the snapshot back at 100,000 leads (1.7 million calls).  So the
    function is written out from the slots, as ``dataclasses`` writes its
    ``__init__``: one unpacking into the attributes, which fails on a tuple
    of another length (a file of other code: only a slower start)."""
    targets = ", ".join(f"rec.{name}" for name in _SLOTS)
    source = (
        f"def _record(values):\n    rec = _new(_Lead)\n    {targets}, = values\n    return rec\n"
    )
    namespace = {"__name__": __name__, "_new": _Lead.__new__, "_Lead": _Lead}
    exec(source, namespace)  # made from the class's own slot names
    return namespace["_record"]


_record = _record_maker()


# Frozen dataclasses with slots come back through a Python ``__setstate__``
# each (3 s for the 100,000 pairs and reasons of 100k leads; the reasons'
# messages another 0.3 s): built by their constructor instead.
_BY_CONSTRUCTOR = {
    **copyreg.dispatch_table,
    CandidatePair: lambda p: (CandidatePair, (p.a, p.b, p.score, p.reasons)),
    Reason: lambda r: (Reason, (r.code, r.weight, r.text)),
    Message: lambda m: (Message, (m.context, m.template, m.params)),
    _Lead: lambda rec: (_record, (_slot_values(rec),)),
}


def _header(stamp: str, model_json: str) -> dict:
    return {
        "format": FORMAT,
        "python": sys.version,
        "stamp": stamp,
        "model": hashlib.blake2b(model_json.encode(), digest_size=16).hexdigest(),
    }


def _pair_entries(pairs: dict) -> list:
    """The index's pairs as the file keeps them, in order: a pair the build
    kept (``KeptPair``) as its ids, score and comparison pattern, worded again
    when asked for after the file is read, as after a build; a pair read back
    from the workspace's kept rows as it is, with its reasons.  Making every
    pair's reasons again as the file was read was a fifth of reading it back
    (45,000 pairs of 100k leads), and few of them are ever shown."""
    return [
        (p.a, p.b, p.score, p._wording.pattern)
        if type(p) is KeptPair and not p._wording._wordings.at_once
        else p
        for p in pairs.values()
    ]


def _pairs_of(index, entries: list) -> dict:
    """``_pair_entries`` read back: the index's pairs, each worded from its
    lead records as the index words the pairs it keeps."""
    wordings = index._wordings()
    of, pair_of, leads = wordings.of, wordings.pair, index.leads
    pairs = {}
    for entry in entries:
        if entry.__class__ is tuple:
            a, b, score, pattern = entry
            pairs[a, b] = pair_of(leads[a], leads[b], of(pattern, score))
        else:
            pairs[entry.a, entry.b] = entry
    return pairs


def _seen(conn) -> dict[int, tuple]:
    """(version, updated_at) of every active lead, as the driver gives them."""
    return {
        lead_id: (version, updated)
        for lead_id, version, updated in _raw(
            conn, select(Lead.id, Lead.version, Lead.updated_at).where(_ACTIVE)
        )
    }


def save_snapshot(ws, index, stamp: str, model_json: str) -> None:
    """Write the index to its cache file (atomically: a reader sees the old
    file or the new one).  Each lead is kept with the version and
    ``updated_at`` it was read at; a lead whose version moved since it was
    read is kept with none, so the next start reads it again."""
    with ws.engine.connect() as conn:
        current = _seen(conn)
    leads = index.leads
    seen = {}
    for lead_id, rec in leads.items():
        now = current.get(lead_id)
        seen[lead_id] = now if now is not None and now[0] == rec.version else None
    parts = (
        (index._cursor, index._max_id, seen),
        leads,
        pack(index.blocks.data),
        _pair_entries(index.pairs),
        index.partners.data,
    )
    path = snapshot_path(ws)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out, quiet_gc():
            pickle.dump(_header(stamp, model_json), out, protocol=5)
            pickler = pickle.Pickler(out, protocol=5)
            pickler.dispatch_table = _BY_CONSTRUCTOR
            for part in parts:
                # One pickle each, the memo emptied between: it holds every
                # object written (170 MB more at 100,000 leads in one).
                pickler.dump(part)
                pickler.clear_memo()
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _forget_old(path)


def _forget_old(keep: Path) -> None:
    """Delete the snapshots of workspaces not opened for ``FORGET_DAYS`` (a
    moved or deleted workspace, a demo in a temporary folder): 50 MB each at
    100,000 leads, and a file only saves time."""
    limit = time.time() - FORGET_DAYS * 86_400
    for old in keep.parent.glob("index-*.pickle*"):
        try:
            if old != keep and old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass  # another window's, being replaced: the next write looks again


def load_snapshot(ws, settings, stamp: str, model, model_json: str):
    """The index of the cache file brought up to date (``index.touched``: the
    leads scored again, ``index.gone``: the ones dropped), or None when there
    is no usable file.  ``model``: the one the workspace's pairs were scored
    with, ``model_json`` as kept there."""
    from deskdup.services.matching.index import MatchIndex

    path = snapshot_path(ws)
    try:
        with open(path, "rb") as stream, quiet_gc(freeze=True):
            if pickle.load(stream) != _header(stamp, model_json):
                return None
            head = pickle.load(stream)
            leads, blocks, pairs, partners = (pickle.load(stream) for _ in range(4))
            index = MatchIndex(settings, model)
            index.leads, index.partners.data = leads, partners
            index.blocks.data = StoredBlocks(blocks)
            index.pairs = _pairs_of(index, pairs)
            index._cursor, index._max_id, seen = head
        os.utime(path)  # in use: not one to forget (``_forget_old``)
    except FileNotFoundError:
        return None
    except Exception as error:  # a broken or foreign file: only a slower start
        log.warning("match index snapshot %s not read: %s", path, error)
        return None
    with ws.engine.connect() as conn:
        current = _seen(conn)
        index.owners = _owners(conn)  # a refresh reads them only when a lead changed
    # Every lead not held as it is now; the refresh adds the ones past the
    # cursor and drops those no longer active.
    moved = [i for i, now in current.items() if seen.get(i) != now]
    with quiet_gc(freeze=True):
        index._update(ws, moved, {i: now[0] for i, now in current.items()})
    index.snapshot_changes = len(index.touched) + len(index.gone)
    return index


def keep_snapshot(ws, index, stamp: str, model_json: str) -> None:
    """Write the snapshot when it is worth it (a build, or many changes since
    the file was made); a failure (a full disk, a read-only cache) only costs
    the next start a build."""
    changes = getattr(index, "snapshot_changes", None)
    if changes is not None and changes <= REWRITE_SHARE * max(1, len(index.leads)):
        return
    try:
        save_snapshot(ws, index, stamp, model_json)
    except (OSError, pickle.PicklingError) as error:
        log.warning("match index snapshot not written: %s", error)
