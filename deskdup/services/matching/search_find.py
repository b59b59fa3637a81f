"""A lookup's answer: the leads of a typed phone, e-mail, handle or name, best
first (``find``), the typos of a name corrected against the workspace's words
(``_with_corrections``), through ``SearchReader`` on a workspace's connection
or on ``sqlite3`` alone (``cold_lookup``), and the same over an index in
memory (``index_lookup``).  The statements it runs are ``search_read.py``'s.
"""

from __future__ import annotations

import copy
import itertools
import sqlite3
from collections import Counter
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

from rapidfuzz import process
from rapidfuzz.distance import OSA

from deskdup.services.matching.evidence import _reasons, combine
from deskdup.services.matching.hashing import value_hash
from deskdup.services.matching.keys import (
    _LOOKUP_FIRST,
    _LOOKUP_SURNAME,
    _lookup_keys,
    _name_sources,
    _strong_keys,
)
from deskdup.services.matching.probe import (
    _lookup_evidence,
    hit_order,
    probe_record,
    spelled,
    typed_words,
)
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.rows import _as_datetime, _make_lead, add_communications
from deskdup.services.matching.search_read import (
    FIRST,
    SURNAME,
    WORD,
    SearchReader,
    name_rows,
)
from deskdup.services.matching.settings import LOOKUP_CANDIDATES, LookupHit, MatchSettings
from deskdup.services.names import first_name_forms, fold, name_words, surname_key
from deskdup.services.schema import head_revision
from deskdup.services.times import minutes_since_epoch

# A typed word is taken for a workspace word this alike (0..1, optimal string
# alignment): one edit in five letters, two in ten.
TYPO_SIMILARITY = 0.78
TYPO_MIN_LETTERS = 4
# A typed word carried by at most this many leads may still be a typo (the
# data has typos too), when a close word is carried by TYPO_MORE_COMMON times
# as many leads.
RARE_WORD = 50
TYPO_MORE_COMMON = 20
# At most this many corrected texts are looked up besides the text as typed.
TYPO_CHOICES = 3
# A name's candidates are read and scored this many at a time, in the order
# they are shown at equal scores (``_ranked_by_name``).
_NAME_BATCH = 25


# ----------------------------------------------------------------- lookup


def identifiers(probe: _Lead) -> list[str]:
    """The phones, e-mails and handles typed, as stored (normalised)."""
    values = list(probe.phones) + list(probe.bad_phones) + list(probe.emails)
    return values + [h for _c, h in probe.handles]


def is_named(probe: _Lead) -> bool:
    return not probe.name.empty or bool(probe.nicks)


def find(
    reader: SearchReader, text: str, probe: _Lead, settings: MatchSettings, limit: int
) -> list[LookupHit]:
    """The leads of an identifier, else of a name (its typos corrected), best
    first; the kept keys are taken as current."""
    probes = [probe]
    ids: set[int] = set()
    values = identifiers(probe)
    if values:
        ids.update(reader.identifier_ids(values))
    if is_named(probe) and not ids:
        probes = _with_corrections(text, probe, settings.region, reader)
        keys = {}  # a correction may have the typed text's keys ("Morozova": "morozov")
        for each in probes:
            keys.setdefault(_name_keys(each), each)
        for each in keys.values():
            ids.update(_name_candidates(reader, each, False))
        if not ids:
            ids = _name_candidates(reader, probes[-1])
        return _ranked_by_name(reader, probes, ids, settings, limit)
    leads = reader.records(ids, settings.region)
    return _ranked(probes, leads, settings, limit)


def _ranked_by_name(
    reader: SearchReader, probes: list[_Lead], ids: set[int], settings, limit: int
) -> list[LookupHit]:
    """``_ranked`` over the leads of ``ids``, reading and scoring only as many
    as the answer needs.  The leads are taken in the order ``hit_order`` puts
    equal scores in (spelled as typed or corrected, then the newest), which
    their rows tell before their names are parsed, ``_NAME_BATCH`` at a time;
    once ``limit`` of them score what the text scores against itself (the
    best any lead can: "Попов" typed alone agrees with every Попов by the
    surname), no later lead can come before them.  A common surname read and
    scored its 200 newest leads; now the first 25-50."""
    settings = replace(settings, far_name_factor=1.0)
    typed = [typed_words(probe) for probe in probes]
    probes = [_name_only(probe) for probe in probes]
    rows = sorted(reader.lead_rows(ids), key=lambda row: _prior(row, typed))
    best = max(_score(probes, probe, settings)[0] for probe in probes)
    scored: list[tuple[float, _Lead, list]] = []
    at_best = 0
    for start in range(0, len(rows), _NAME_BATCH):
        leads = {row[0]: _make_lead(row) for row in rows[start : start + _NAME_BATCH]}
        add_communications(leads, reader.comm_rows(list(leads)), settings.region, lambda: None)
        for rec in leads.values():
            score, evidence = _score(probes, rec, settings)
            if score > 0:
                scored.append((score, rec, evidence))
                at_best += score >= best
        if best > 0 and at_best >= limit:
            break
    return _shown(scored, typed, limit)


def _name_only(probe: _Lead) -> _Lead:
    """``probe`` without its identifiers.  A name is looked up when no active
    lead has the identifier typed with it ("Nikolaev" is also a handle), so
    they weigh nothing against its leads; without them the name alone is
    weighed, and what the text scores against itself bounds the others'
    (with the handle it scored the handle too: every lead was read)."""
    if not (probe.phones or probe.bad_phones or probe.emails or probe.handles):
        return probe
    bare = copy.copy(probe)
    bare.phones = bare.bad_phones = bare.emails = ()
    bare.handles = ()
    return bare


def _prior(row: tuple, typed: list[frozenset[str]]) -> tuple:
    """``hit_order`` but the score, from a lead row (``_LEAD_ROW``) before
    ``_make_lead`` parses its name: the words of its name fields (as
    ``parse_name`` keeps them) and the minute of its creation."""
    lead_id, _ext, first, last, middle, _channel, _owner, created = row[:8]
    words = {fold(w) for field in (last, first, middle) for w in name_words(field)}
    created = _as_datetime(created)
    minute = minutes_since_epoch(created) if created else 0.0
    return (spelled(typed, words), -minute, -lead_id)


def _ranked(probes: list[_Lead], leads: dict[int, _Lead], settings, limit: int) -> list[LookupHit]:
    """Each lead scored against the typed text and its corrections (the best
    of them), best first (``probe.hit_order``: among equals the name spelled as
    typed or as corrected first, then the newest)."""
    settings = replace(settings, far_name_factor=1.0)  # as ``_lookup_score`` has it, once
    scored = []
    for rec in leads.values():
        score, evidence = _score(probes, rec, settings)
        if score > 0:
            scored.append((score, rec, evidence))
    return _shown(scored, [typed_words(probe) for probe in probes], limit)


def _score(probes: list[_Lead], rec: _Lead, settings) -> tuple[float, list]:
    """The best score of ``rec`` against the probes, and its evidence."""
    best_score, best = 0.0, []
    for probe in probes:
        evidence = _lookup_evidence(probe, rec, settings)
        score = combine(e[1] for e in evidence)
        if score > best_score:
            best_score, best = score, evidence
    return best_score, best


def _shown(scored: list[tuple], typed: list[frozenset[str]], limit: int) -> list[LookupHit]:
    """The first ``limit`` of (score, record, evidence), their reasons worded."""
    scored.sort(key=lambda s: hit_order(typed, s[1], s[0]))
    return [LookupHit(rec.id, score, _reasons(ev)) for score, rec, ev in scored[:limit]]


def _name_keys(probe: _Lead) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The surname keys and first names ``_name_candidates`` looks up."""
    surnames = sorted({s for parts in _name_sources(probe) for s in parts.surnames})
    firsts = sorted({f for parts in _name_sources(probe) for f in parts.firsts})
    return tuple(surnames), tuple(firsts)


def _name_candidates(reader: SearchReader, probe: _Lead, fallback: bool = True) -> set[int]:
    """As ``MatchIndex``'s: the leads with the typed surname (and first name,
    when typed), else (``fallback``) with the first name; the newest of a
    common one.  ``find`` falls back only when neither the text as typed nor a
    correction of it has a surname's leads ("Григроьева Вероника": the
    corrected surname's leads, not the 200 newest Вероникас besides, who cost
    as much again to score and come after them anyway)."""
    surnames, firsts = _name_keys(probe)
    for kind, values in ((SURNAME, surnames), (FIRST, firsts)):
        if not values or (kind == FIRST and surnames and not fallback):
            continue
        # Surname and first name: the leads with both, else the surname's.
        members = set()
        if kind == SURNAME and firsts:
            members = reader.name_pair_ids(surnames, firsts)
        members = members or reader.name_ids(kind, values)
        if members:
            return set(sorted(members)[-LOOKUP_CANDIDATES:])
    return set()


def cold_lookup(
    db: str, text: str, settings: MatchSettings, limit: int
) -> tuple[list[LookupHit], list[tuple]] | None:
    """``deskdup lookup`` of a SQLite workspace through ``sqlite3`` alone: the
    hits and their ``SearchReader.labels``; None when this cannot answer for
    sure (not a plain SQLite file, another schema revision, name keys not
    current, a database error), and the workspace is opened as usual."""
    path = _sqlite_path(db)
    probe = probe_record(text, settings.region)
    if path is None or probe is None or not path.is_file():
        return None
    try:
        # mode=rw: never create a file; only reads are run.
        dbapi = sqlite3.connect(f"file:{quote(str(path))}?mode=rw", uri=True, timeout=10)
    except sqlite3.Error:
        return None
    try:
        reader = SearchReader(dbapi)
        if reader.revision() != [head_revision()]:
            return None
        if is_named(probe) and not reader.names_current():
            return None
        hits = find(reader, text, probe, settings, limit)
        return hits, reader.labels([h.lead_id for h in hits])
    except sqlite3.Error:
        return None
    finally:
        dbapi.close()


def _sqlite_path(db: str) -> Path | None:
    """The file of ``--db`` when it is a plain path or a ``sqlite:///`` URL
    without options (as ``workspace.normalize_url`` reads it)."""
    if "://" not in db:
        return Path(db).expanduser().resolve()
    prefix = "sqlite:///"
    if db.startswith(prefix) and "?" not in db and len(db) > len(prefix):
        return Path(db[len(prefix) :])
    return None


# ----------------------------------------------------------------- typos


class _IndexWords:
    """The name words counted over a match index's records (when a typo needs them)."""

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
    it is replaced by the closest such word (the fewest edits), the most
    common among equally close ones, and by the others as close and carried
    by a ``TYPO_MORE_COMMON``th as many leads at least (``TYPO_CHOICES``
    corrections in all).  Known first names (the name table's) are never
    corrected.  Both probes are
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
    options: dict[int, list[str]] = {}
    for n, folded in suspects.items():
        close = [
            choice
            for choice, _score, _i in process.extract(
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
        known = words.counts(set(close))
        enough = max(1, TYPO_MORE_COMMON * counts.get(folded, 0))
        # The same surname in the other gender's form ("Morozova": "morozov")
        # is no typo: the typed word's key finds those leads already.
        key = surname_key(folded)
        edits = {
            c: OSA.distance(folded, c)
            for c in close
            if known.get(c, 0) >= enough and surname_key(c) != key
        }
        if not edits:
            continue
        # The fewest edits, then the most leads: "Григроьева" is one edit
        # from "григорьева" and from "григроьевна" (a patronymic mistyped in
        # the data, on one lead), which the share of letters changed preferred
        # (one in eleven against one in ten).  As close and nearly as common
        # are looked up too ("Власвоа": "власова" and "власво", one lead each).
        ranked = sorted(edits, key=lambda c: (edits[c], -known[c]))
        top = ranked[0]
        options[n] = [
            c
            for c in ranked
            if edits[c] == edits[top] and known[c] * TYPO_MORE_COMMON >= known[top]
        ][:TYPO_CHOICES]
    if not options:
        return [probe]
    probes = [probe]
    for choice in itertools.product(*options.values()):
        corrected = list(typed)
        for n, word in zip(options, choice, strict=True):
            corrected[n] = word
        again = probe_record(" ".join(corrected), region)
        # A mistyped surname is corrected to a surname, not to a patronymic
        # one letter from it ("Григроьевна").
        if again is not None and (again.name.surnames or not probe.name.surnames):
            probes.append(again)
        if len(probes) > TYPO_CHOICES:
            break
    return probes


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
    if not found and is_named(probe):
        words = getattr(index, "words", None)
        if words is None:  # counted once per index (``MatchIndex.refresh`` drops it)
            words = index.words = _IndexWords(index)
        probes = _with_corrections(text, probe, settings.region, words)
        for each in probes:
            found |= _index_name_candidates(index, each, False)
        if not found:
            found = _index_name_candidates(index, probes[-1])
    leads = {i: index.leads[i] for i in found if i in index.leads}
    return _ranked(probes, leads, settings, limit)


def _index_name_candidates(index, probe: _Lead, fallback: bool = True) -> set[int]:
    """Leads with the typed surname (and first name, when typed), else
    (``fallback``, as ``_name_candidates``) with the first name; for a common
    name the newest are the likeliest wanted."""
    lookup_keys = _lookup_keys(probe)
    kinds = dict.fromkeys(kind for kind, _key in lookup_keys)
    firsts = {f for parts in _name_sources(probe) for f in parts.firsts}
    for kind in (_LOOKUP_SURNAME, _LOOKUP_FIRST):
        if kind not in kinds:
            continue
        if kind == _LOOKUP_FIRST and _LOOKUP_SURNAME in kinds and not fallback:
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
