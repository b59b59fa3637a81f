"""Whether a candidate pair without a shared identifier whose names conflict
can reach the candidate floor, by the hand-set weights (``hand_score``'s bound).

``MatchIndex._score_lead`` compares a pair only when its bound reaches the
floor (``evidence._hopeless_tables``: by what the case allows).  With a burst
and an inquiry that bound is reached whatever the names agree on, but not
always against a conflict of the names (another first name, a handle that
reads as another person's name): half of the pairs compared at 100,000 leads
were such strangers in one burst, sending a template or another question, and
scored under 0.01.  With the conflict known, the pair is compared only when
its inquiries are alike enough to carry it (the commoner text's tier caps
what they weigh); the conflict is what ``compare`` tells first anyway, and the
name match worked out here goes on to it.
"""

from __future__ import annotations

from deskdup.services.matching.evidence import (
    _CONTRADICTION_CODES,
    _TIER_RANK,
    _UNKNOWN,
    _best_name_match,
    combine,
)
from deskdup.services.matching.inquiry import alike
from deskdup.services.matching.name_agreement import _name_conflict, _nick_conflict
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.settings import SAME_MESSAGE, SIMILAR_MESSAGE, MatchSettings

_UNSET = object()
# The inquiry's evidence by the tier of the commoner text (``_message_evidence``).
_TIER_CODE = {
    "rare": "rare_message",
    "few": "rare_message",
    "common": "common_message",
    "template": "template_message",
}


class ConflictBound:
    """``compared`` for one build's settings and floor, its answers by the few
    (conflict, name weight, burst, inquiry, tier) they depend on remembered."""

    def __init__(self, settings: MatchSettings, floor: float) -> None:
        self.settings = settings
        self.floor = floor
        w = settings.weight
        self._extra = [max(0.0, w(code)) for code in _CONTRADICTION_CODES]
        self._burst = max(0.0, w("burst"))
        first = max(0.0, w("first_name"), w("nickname_initial"))
        # The most a first name weighs (surnames on one side at most), near and far.
        self._first = (first, first * settings.far_name_factor)
        self._needs: dict[tuple[str, float, bool, bool, str], float | None] = {}

    def compared(self, a: _Lead, b: _Lead, case: tuple[bool, bool, bool, bool]) -> object:
        """``_UNSET`` when the pair cannot reach the floor; else the name match
        for ``compare`` (``_UNKNOWN`` when not worked out).  ``case``: the
        pair's (surnames on both sides, further apart than the name horizon,
        a burst from two channels, both have an inquiry)."""
        name_match: object = _UNKNOWN
        conflict = _name_conflict(a.name, b.name)
        if conflict is not None:
            if case[0]:
                # Names that conflict may still share a surname: weighed.
                match = _best_name_match(a, b, self.settings)
                name = match[0] if match else 0.0
            else:
                name = self._first[case[1]]
        elif a.nicks or b.nicks:
            # A handle that reads as another name counts when no name matches.
            name_match = _best_name_match(a, b, self.settings)
            if name_match is not None or _nick_conflict(a, b) is None:
                return name_match
            conflict, name = "nickname_different", 0.0
        else:
            return name_match
        tier = a.tier if _TIER_RANK[a.tier] >= _TIER_RANK[b.tier] else b.tier
        key = (conflict, name, case[2], case[3], tier)
        need = self._needs.get(key, _UNSET)
        if need is _UNSET:
            need = self._need(*key)
        if need is None or (need and not alike(a.message, b.message, need)):
            return _UNSET
        return name_match

    def _need(
        self, conflict: str, name: float, burst: bool, message: bool, tier: str
    ) -> float | None:
        """How alike the inquiries must be for the bound to reach the floor: 0
        (they need not be), ``SIMILAR_MESSAGE``, ``SAME_MESSAGE`` (only the same
        question weighs enough; ``likeness`` is at least ``wording``), or None
        (the pair cannot).  The bound is ``hand_score``'s: the conflict, the
        name evidence (``name``: the pair's, or the most its case allows), the
        burst and the inquiry, which the commoner text's ``tier`` caps."""
        w = self.settings.weight
        base = [max(0.0, name), *self._extra, w(conflict)]
        if burst:
            base.append(self._burst)
        if tier == "personal":
            # The same or a similar question, or (a text too short to be
            # personal) one no one else sent.
            similar = max(0.0, w("similar_message"), w("rare_message"))
            same = max(similar, w("same_message"))
        else:
            similar = same = max(0.0, w(_TIER_CODE[tier]))
        if combine(base) >= self.floor:
            need: float | None = 0.0
        elif not message:
            need = None
        elif combine([*base, similar]) >= self.floor:
            need = SIMILAR_MESSAGE
        elif combine([*base, same]) >= self.floor:
            need = SAME_MESSAGE
        else:
            need = None
        self._needs[(conflict, name, burst, message, tier)] = need
        return need


NOT_COMPARED = _UNSET
