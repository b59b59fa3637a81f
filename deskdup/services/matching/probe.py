"""What the operator types into the search box: the text as a record with one
identifier or a name, its score against a lead, and the straight SQL lookup of
an identifier."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from deskdup.models import Channel, CommKind, Communication, Lead
from deskdup.services.matching.evidence import (
    _evidence,
    _reasons,
    combine,
)
from deskdup.services.matching.load import (
    _ACTIVE,
    _CHUNK,
    _LEAD_COLUMNS,
    _fill,
    _make_lead,
    _raw,
)
from deskdup.services.matching.record import (
    _Lead,
)
from deskdup.services.matching.settings import (
    LookupHit,
    MatchSettings,
)
from deskdup.services.names import (
    NameParts,
    first_name_forms,
    fold,
    is_cyrillic,
    parse_free_name,
    parse_name,
)
from deskdup.services.normalize import (
    normalize_handle,
    normalize_phone,
)


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


def hit_order(probe: _Lead, rec: _Lead, score: float) -> tuple:
    """Best first; among equals the lead whose name is spelled as typed (Котова
    Ирина before Котова Иирна), then the newest."""
    typed = {fold(w) for w in probe.name.words}
    spelled = bool(typed) and typed <= {fold(w) for w in rec.name.words}
    return (-score, not spelled, -rec.minute)


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
    hits.sort(key=lambda h: hit_order(probe, leads[h.lead_id], h.score))
    return hits[:limit]
