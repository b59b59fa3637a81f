"""A pair a build keeps: its two leads, its score and comparison pattern; its
reasons are worded only when something asks for them (the queue, the compare
view, ``deskdup scan`` printing it, the kept candidates in the workspace).

Wording a pair's reasons (its evidence worked out again, weighed in bits,
made into ``Reason`` objects) was most of what keeping a pair cost: at 100k
leads about 2 s of CPU for 46,000 pairs, at a million leads 360 MB of
reasons held while the build peaks.  A ``KeptPair`` is worded from the same
two lead records, settings, model and pattern as the build had, so its
reasons are the ones the build would have made (``compare.kept_weighed``);
``CandidatePair`` consumers see no difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from deskdup.services.candidates import CandidatePair, Reason
from deskdup.services.matching.blocks import quiet_gc
from deskdup.services.matching.compare import _switched_off, kept_evidence, weigh
from deskdup.services.matching.model import LinkageModel, Pattern
from deskdup.services.matching.parallel import in_halves
from deskdup.services.matching.reasons import Evidence, _reasons, _texts
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.settings import MatchSettings

# ``CandidatePair``'s own slots, set directly: it is frozen, and ``KeptPair``
# puts a property in front of ``reasons`` (whose slot holds the worded
# reasons once kept, else None).
_SET_A = CandidatePair.__dict__["a"].__set__
_SET_B = CandidatePair.__dict__["b"].__set__
_SET_SCORE = CandidatePair.__dict__["score"].__set__
_REASONS = CandidatePair.__dict__["reasons"]
_GET_REASONS = _REASONS.__get__
_SET_REASONS = _REASONS.__set__


class Wording:
    """How the pairs of one comparison pattern are scored and worded: one for
    all the pairs of the pattern (a scan's pairs have a few hundred patterns)."""

    __slots__ = ("_bits", "_wordings", "pattern", "score")

    def __init__(self, pattern: Pattern, score: float, wordings: Wordings) -> None:
        self.pattern = pattern
        self.score = score
        self._wordings = wordings
        # Each evidence code's bits in this pattern (``compare.weigh``).
        self._bits: dict[str, float | None] = {}

    def _weighed(self, x: _Lead, y: _Lead) -> list[Evidence]:
        w = self._wordings
        pattern = self.pattern
        return weigh(kept_evidence(x, y, w.settings, pattern), pattern, w.model, self._bits)

    def reasons(self, x: _Lead, y: _Lead) -> tuple[Reason, ...]:
        return _reasons(self._weighed(x, y))

    def texts(self, x: _Lead, y: _Lead) -> tuple[str, ...]:
        """The words of ``reasons(x, y)``, without making the reasons."""
        return _texts(self._weighed(x, y))


class Wordings:
    """The ``Wording`` of each pattern for pairs scored with one model under one
    settings (an index's, as they are when its pairs are kept).

    ``keep_worded``: a pair keeps its reasons once worded (an index that lives
    on: the window asks for them again and again); else they are worded each
    time they are asked for (a one-shot scan prints each pair once, and at a
    million leads holding them all costs hundreds of MB).  Evidence switched
    off (a weight of 0) is worded from the leads' inquiry tiers, which a
    refresh may change in place: such pairs are worded at once."""

    def __init__(self, settings: MatchSettings, model: LinkageModel, keep_worded: bool) -> None:
        # A copy: the caller's settings could be changed in place after.
        self.settings = replace(settings, weights=dict(settings.weights))
        self.model = model
        self._source = (settings, model)
        self.at_once = bool(_switched_off(settings))
        self.keep_worded = keep_worded or self.at_once
        self._of: dict[Pattern, Wording] = {}

    def made_for(self, settings: MatchSettings, model: LinkageModel) -> bool:
        """Made for these settings and model (the very objects)."""
        return self._source[0] is settings and self._source[1] is model

    def of(self, pattern: Pattern, score: float) -> Wording:
        wording = self._of.get(pattern)
        if wording is None or wording.score != score:
            wording = self._of[pattern] = Wording(pattern, score, self)
        return wording

    def pair(self, x: _Lead, y: _Lead, wording: Wording) -> KeptPair:
        pair = KeptPair(x, y, wording)
        if self.at_once:
            pair.reasons  # noqa: B018 (worded now, and kept)
        return pair


class KeptPair(CandidatePair):
    """A ``CandidatePair`` whose reasons are worded when first asked for, from
    its two lead records (``x.id < y.id``) and its pattern's ``Wording``.

    Equal to a ``CandidatePair`` of the same ids, score and reasons; pickled
    (the index's snapshot) as one."""

    __slots__ = ("_wording", "_x", "_y")

    def __init__(self, x: _Lead, y: _Lead, wording: Wording) -> None:
        _SET_A(self, x.id)
        _SET_B(self, y.id)
        _SET_SCORE(self, wording.score)
        _SET_REASONS(self, None)
        setattr_ = object.__setattr__
        setattr_(self, "_x", x)
        setattr_(self, "_y", y)
        setattr_(self, "_wording", wording)

    @property
    def reasons(self) -> tuple[Reason, ...]:  # type: ignore[override]
        reasons = _GET_REASONS(self)
        if reasons is None:
            wording = self._wording
            reasons = wording.reasons(self._x, self._y)
            if wording._wordings.keep_worded:
                _SET_REASONS(self, reasons)
        return reasons

    def texts(self) -> tuple[str, ...]:
        """The words of the reasons (``str(reason.text)`` each), in order;
        worded afresh without making the reasons unless they are kept."""
        reasons = _GET_REASONS(self)
        if reasons is None:
            wording = self._wording
            if wording._wordings.keep_worded:
                return tuple([str(reason.text) for reason in self.reasons])
            return wording.texts(self._x, self._y)
        return tuple([str(reason.text) for reason in reasons])

    @property
    def worded(self) -> bool:
        """Are the reasons worded and kept already."""
        return _GET_REASONS(self) is not None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CandidatePair):
            return NotImplemented
        return (self.a, self.b, self.score, self.reasons) == (
            other.a,
            other.b,
            other.score,
            other.reasons,
        )

    def __hash__(self) -> int:
        return hash((self.a, self.b, self.score, self.reasons))

    def __reduce__(self):
        return (CandidatePair, (self.a, self.b, self.score, self.reasons))


# Fewer pairs than this are worded by this process alone (a fork costs more
# than it saves).
FORK_MIN_PAIRS = 5_000


def reason_texts(pairs: Sequence[CandidatePair], workers: int = 1) -> list[tuple[str, ...]]:
    """Each pair's reasons as text, in order (what ``deskdup scan`` prints).

    A one-shot build words its pairs only now (``KeptPair``, ``KeptPair.texts``):
    about 24 µs a pair cold on a busy 2-core machine (60 µs before), 1.1 s of
    100k leads' 45,000 queue pairs.  With
    ``workers`` of 2 or more, a forked copy words the back half while this
    process words the front (where the platform forks and there are enough
    pairs).  Without the cyclic collector (``quiet_gc``, frozen after as a
    build is): the words are acyclic, and each collection it would make
    meanwhile walks the index's hundreds of thousands of objects (a third of
    the wording's cost)."""

    def worded(start: int, end: int) -> list[tuple[str, ...]]:
        return [
            pair.texts()
            if type(pair) is KeptPair
            else tuple([str(reason.text) for reason in pair.reasons])
            for pair in pairs[start:end]
        ]

    with quiet_gc(freeze=True):
        parts = in_halves(worded, len(pairs), workers, FORK_MIN_PAIRS, "wording")
        return [texts for part in parts for texts in part]
