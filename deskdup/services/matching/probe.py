"""What the operator types into the search box: the text as a record with one
identifier or a name, and its score against a lead."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from deskdup.models import Channel, CommKind
from deskdup.services.matching.evidence import (
    Evidence,
    _best_name_match,
    _evidence,
    _name_match_evidence,
    _reasons,
    combine,
)
from deskdup.services.matching.record import (
    _Lead,
)
from deskdup.services.matching.settings import (
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
    _HANDLE_PREFIX,
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
    # "@id39063485" and "vk.com/id39063485" are handles, for all their digits.
    handle = text.startswith("@") or bool(_HANDLE_PREFIX.match(text))
    if "@" in text[1:] and "." in text.split("@")[-1]:
        probe.add_comm(CommKind.EMAIL, Channel.EMAIL, text, "", region)
    elif not handle and digits >= 6 and digits >= letters:
        phone = normalize_phone(text, region)
        probe.phones, probe.bad_phones = (
            ((phone.value,), ()) if phone.valid else ((), (phone.value,))
        )
    elif " " not in text and text.isalpha() and not is_cyrillic(text):
        # One Latin word: a surname or first name in Latin ("Mitrofanov"), or a
        # handle typed without its @; matched both ways, told as a name.
        probe.handles = ((Channel.TELEGRAM, normalize_handle(text).value),)
        probe.name = _typed_name(text)
    elif handle or "t.me/" in text or (" " not in text and not is_cyrillic(text)):
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


def _lookup_evidence(probe: _Lead, rec: _Lead, settings: MatchSettings) -> list[Evidence]:
    """The positive evidence the typed text can carry: no time, no contradictions
    (``settings.far_name_factor`` taken as 1).  A name typed without an
    identifier can only agree by its name, so only that is weighed: the
    contradictions ``_evidence`` weighs besides are dropped anyway, and were a
    fifth of a lookup of a common surname."""
    if settings.far_name_factor != 1.0:
        settings = replace(settings, far_name_factor=1.0)
    if not (probe.phones or probe.bad_phones or probe.emails or probe.handles):
        match = _best_name_match(probe, rec, settings)
        if match is None or match[0] <= 0:
            return []
        return [_name_match_evidence(match)]
    return [
        e
        for e in _evidence(probe, rec, settings)
        if e[1] > 0 and e[0] not in ("burst", "same_message")
    ]


def _lookup_score(probe: _Lead, rec: _Lead, settings: MatchSettings):
    """Only the evidence the typed text can carry: no time, no contradictions."""
    evidence = _lookup_evidence(probe, rec, settings)
    return combine(e[1] for e in evidence), _reasons(evidence)


def typed_words(probe: _Lead) -> frozenset[str]:
    """The name words typed, folded (what ``hit_order`` calls spelled as typed)."""
    return frozenset(fold(w) for w in probe.name.words)


def hit_order(probe: _Lead | Iterable[frozenset[str]], rec: _Lead, score: float) -> tuple:
    """Best first; among equals the lead whose name is spelled as typed (Котова
    Иирна typed: Котова Иирна before Котова Ирина), then as corrected
    (``probe``: the typed words of each probe, the typed text first, then its
    corrections; "Петрвоа": Петрова before Петров), then the newest
    (and of two created the same minute, the later id: one order, however the
    leads were read)."""
    typed = [typed_words(probe)] if isinstance(probe, _Lead) else probe
    return (-score, spelled(typed, {fold(w) for w in rec.name.words}), -rec.minute, -rec.id)


def spelled(typed: Iterable[frozenset[str]], words: set[str]) -> int:
    """0: ``words`` (a lead's, folded) hold the text's words as typed, 1: as
    corrected, 2: neither."""
    for n, each in enumerate(typed):
        if each and each <= words:
            return min(n, 1)
    return 2
