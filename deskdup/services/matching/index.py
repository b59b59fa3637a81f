"""``MatchIndex``: every active lead in memory with its blocks, scored pairs and
groups; ``build`` reads all, ``refresh`` (``refresh.py``) only what changed,
``lookup`` answers one typed text.  Also the one-call ``scan_workspace`` and ``lookup``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from itertools import compress

from deskdup.services.candidates import CandidatePair, LeadSummary
from deskdup.services.errors import Cancelled
from deskdup.services.matching.background import count_background
from deskdup.services.matching.blocking import Blocking
from deskdup.services.matching.blocks import _Blocks, _KeyBook, quiet_gc, slide_bands
from deskdup.services.matching.build_workers import insert_all, read_ahead
from deskdup.services.matching.compare import common_first_names, compare
from deskdup.services.matching.evidence import (
    _CONTRADICTION_CODES,
    _MESSAGE_CODES,
    _best_name_match,
    _has_surname,
    _hopeless_tables,
    _messages_alike,
    _share_identifier,
    combine,
)
from deskdup.services.matching.groups import _groups, rank_pairs  # noqa: F401 (tests)
from deskdup.services.matching.kept import Wording, Wordings
from deskdup.services.matching.keys import (
    MESSAGE_MIN_CHARS,
)
from deskdup.services.matching.load import NAMES, load_leads
from deskdup.services.matching.model import (
    BURST_TIME_LEVELS,
    HAS_NULL,
    LEVELS,
    MESSAGE,
    TIME,
    LinkageModel,
    Pattern,
    fit,
    prior_model,
)
from deskdup.services.matching.parallel import Compared, Comparing, compare_all
from deskdup.services.matching.record import (
    NICKNAMES,
    _Lead,
)
from deskdup.services.matching.refresh import Refreshing
from deskdup.services.matching.search_find import index_lookup
from deskdup.services.matching.settings import (
    CANDIDATE_FLOOR,
    LEARN_MIN_LEADS,
    LIKELY,
    NAME_HORIZON,
    POSSIBLE,
    LookupHit,
    MatchSettings,
    ScanResult,
)


def _now_progress(progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


class MatchIndex(Refreshing, Blocking):
    """All active leads of a workspace in memory, their blocks and scored pairs.

    ``build`` reads everything once; ``refresh`` reads only what changed since
    (``Lead.updated_at`` and new ids), rescoring only the changed leads against
    their blocks; ``lookup`` answers one phone, e-mail, handle or name at once.
    """

    build_seconds: float = 0.0

    def __init__(
        self, settings: MatchSettings | None = None, model: LinkageModel | None = None
    ) -> None:
        self.settings = settings or MatchSettings()
        # The model that scores pairs: learned by ``build`` unless given; a
        # refresh keeps it (so a pair's score depends only on its two leads).
        self.model = model or prior_model()
        # Pairs are kept from the possible tier's threshold on; ``result`` cuts.
        self.threshold = self.settings.threshold_of(POSSIBLE)
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
        # Message band keys pair within the name horizon: buckets that long, and
        # the neighbouring ones.
        self._message_bucket = self._bucket_minutes * NAME_HORIZON
        # Pairs whose evidence, by the hand-set weights, cannot reach the
        # candidate floor are never compared: the model counts them with the
        # pairs that are no candidate.
        # (A threshold of 0 asks for every pair: then every candidate is compared.)
        self._floor = min(CANDIDATE_FLOOR, self.threshold)
        self._hopeless, self._needs_message = _hopeless_tables(self.settings, self._floor)
        # Contradiction weights set positive by hand would add to a score.
        self._bound_extra = [max(0.0, self.settings.weight(c)) for c in _CONTRADICTION_CODES]
        # The burst's and the best inquiry's hand-set weights (the bound of a pair).
        self._burst_weight = max(0.0, self.settings.weight("burst"))
        self._message_weight = max(0.0, *(self.settings.weight(c) for c in _MESSAGE_CODES))
        # Does a bound reach the floor, by (name weight, burst, same inquiry):
        # the few weights a name can carry make few bounds.
        self._reaches: dict[tuple[float, bool, bool], bool] = {}
        # The leads scored by the last build or refresh, and those it dropped
        # (``store`` writes their pairs back).
        self.touched: set[int] = set()
        self.gone: set[int] = set()
        # The leads' name words, counted when a lookup corrects a typo.
        self.words = None
        # A one-shot build (``refreshable=False``) keeps no message band keys in
        # the blocks: message bucket -> band -> lead ids, for the buckets around
        # the leads being scored only.
        self._bands: dict[int, dict[int, list[int]]] | None = None
        # A one-shot build: each lead's strong keys and name key bases, while
        # the pairs are compared (``_KeyBook``).
        self._book: _KeyBook | None = None
        # How the kept pairs are worded (``_wordings``).
        self._worded_by: Wordings | None = None

    # ----------------------------------------------------------------- pairs

    def _score_lead(
        self,
        rec: _Lead,
        only_greater: bool,
        sink: Callable[[int, int, Pattern], None] | None = None,
    ) -> None:
        """Compare ``rec`` with its candidates; each pattern goes to ``sink``
        (the build, which learns the model first) or is scored at once."""
        leads = self.leads
        settings = self.settings
        hopeless, needs_message = self._hopeless, self._needs_message
        reaches = self._reaches
        horizon = NAME_HORIZON * settings.burst_minutes
        window = settings.burst_minutes
        minute = rec.minute
        channel = rec.channel
        rec_surname = _has_surname(rec)
        rec_message = len(rec.message) >= MESSAGE_MIN_CHARS
        keep = self._keep if sink is None else sink
        common = self.model.common_firsts
        rec_id = rec.id
        # (Most leads carry one identifier or none: then no pair shares one.)
        identified = bool(rec.phones or rec.emails or rec.bad_phones or rec.handles)
        for other_id in self._candidates(rec):
            if only_greater and other_id < rec_id:
                continue
            other = leads.get(other_id)
            if other is None:
                continue
            a, b = (rec, other) if rec_id < other_id else (other, rec)
            if identified and _share_identifier(rec, other):
                pattern = compare(a, b, settings, common=common)
            else:
                # Without a shared identifier the best a pair can score (by the
                # hand-set weights) follows from a few facts; a pair that cannot
                # reach the candidate floor is not compared.
                apart = abs(minute - other.minute)
                case = (
                    rec_surname and _has_surname(other),
                    apart > horizon,
                    apart <= window and channel is not other.channel,
                    apart <= horizon and rec_message and len(other.message) >= MESSAGE_MIN_CHARS,
                )
                if hopeless[case] or (needs_message[case] and not _messages_alike(a, b)):
                    continue
                burst, message = case[2], case[3]
                reached = reaches.get((0.0, burst, message))
                if reached is None:
                    reached = self._reach(0.0, burst, message)
                if reached:
                    # The burst and the inquiry reach the floor whatever the
                    # names say (most pairs): ``compare`` works out the name
                    # agreement only where no conflict of names settles it.
                    pattern = compare(a, b, settings, common=common)
                    keep(a.id, b.id, pattern)
                    continue
                # The name agreement is most of the work: with it known, the
                # bound is tight (same surname but another first name: nothing).
                name_match = _best_name_match(a, b, settings)
                weight = name_match[0] if name_match else 0.0
                reached = reaches.get((weight, burst, message))
                if reached is None:
                    reached = self._reach(weight, burst, message)
                if not reached:
                    continue
                pattern = compare(a, b, settings, name_match, common)
            keep(a.id, b.id, pattern)

    def _reach(self, name_weight: float, burst: bool, message: bool) -> bool:
        """Can a pair without a shared identifier whose best name evidence
        weighs ``name_weight`` reach the floor (``_reaches`` remembers it)."""
        bound = [max(0.0, name_weight), *self._bound_extra]
        if burst:
            bound.append(self._burst_weight)
        if message:
            bound.append(self._message_weight)
        reached = self._reaches[(name_weight, burst, message)] = combine(bound) >= self._floor
        return reached

    def _keep(self, a_id: int, b_id: int, pattern: Pattern) -> None:
        """Score one compared pair with the model; keep it from the threshold on
        (and never at a score of 0, which a threshold of 0 would keep), its
        reasons worded when asked for (``kept.KeptPair``)."""
        score = self._kept_score(self.model.probability(pattern))
        if score is None:
            return
        leads = self.leads
        wordings = self._wordings()
        self._keep_pair(wordings.pair(leads[a_id], leads[b_id], wordings.of(pattern, score)))

    def _keep_compared(self, compared: Compared) -> None:
        """Keep the pairs a build compared (``_keep`` of each, in the order
        compared), once the model is learned: scored per pattern, and only
        the pairs of the patterns that make the threshold are looked at."""
        model, kept_score = self.model, self._kept_score
        wordings = self._wordings()
        by_number: list[Wording | None] = []
        for pattern in compared.patterns():
            score = kept_score(model.probability(pattern))
            by_number.append(None if score is None else wordings.of(pattern, score))
        passing = bytes(wording is not None for wording in by_number)
        numbers = compared.pattern_ids
        leads, pair_of, keep = self.leads, wordings.pair, self._keep_pair
        for a_id, b_id, number in compress(
            zip(compared.a_ids, compared.b_ids, numbers, strict=True),
            map(passing.__getitem__, numbers),
        ):
            keep(pair_of(leads[a_id], leads[b_id], by_number[number]))  # type: ignore[arg-type]

    def _kept_score(self, chance: float) -> float | None:
        """The score a pair of this probability is kept with (rounded to 4
        places), or None under the threshold or at 0.  One rule for a build and
        a refresh: the probability itself must reach the threshold too, so a
        pair rounded up onto it is kept by neither."""
        score = round(chance, 4)
        if chance < self.threshold or score < self.threshold or score <= 0.0:
            return None
        return score

    def _wordings(self) -> Wordings:
        """How the pairs kept now are worded (``kept.Wordings``): with the
        index's settings and model as they are now."""
        wordings = self._worded_by
        if wordings is None or not wordings.made_for(self.settings, self.model):
            # An index that lives on (refreshable) keeps the reasons once worded.
            wordings = self._worded_by = Wordings(
                self.settings, self.model, keep_worded=self._bands is None
            )
        return wordings

    def _keep_pair(self, pair: CandidatePair) -> None:
        key = (pair.a, pair.b)
        if key not in self.pairs:
            self.partners.add(pair.a, pair.b)
            self.partners.add(pair.b, pair.a)
        self.pairs[key] = pair

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
        kept=None,
        model: LinkageModel | None = None,
        refreshable: bool = True,
        workers: int = 1,
    ) -> MatchIndex:
        """Read every active lead, compare every candidate pair, learn the
        model (unless ``model`` is given, or the workspace is too small to
        learn from: then the priors) and score the pairs with it.

        ``refreshable=False``: a one-shot scan (``deskdup scan``,
        ``scan_workspace``).  The message band keys, most of a build's keys
        (ten for a personal question), are made per time bucket while its
        leads are scored and dropped after, the lookup keys are not made, and
        the blocks are dropped once the pairs are compared: the same pairs in
        less memory, but ``refresh`` and ``lookup`` cannot be called.

        ``kept`` (``store.Kept``): pairs scored before, with the model that
        scored them, taken over for every lead whose version and inquiry tier
        are the ones they were scored on; only the other leads are scored, with
        that model (``touched``; ``gone``: kept leads no longer active).

        ``workers``: processes for comparing the pairs of a one-shot build
        (``parallel.py``: forked, so only for a caller with no threads of its
        own, such as ``deskdup scan``; the same pairs as one process).
        """
        # The index lives long and holds no cycles: keep later collections (in
        # the window's thread too) from walking it again and again.
        with quiet_gc(freeze=True):
            # Passed only when False: subclasses (contacts) build their own way.
            one_shot = () if refreshable else (False, workers)
            index = cls._build(ws, settings, progress, cancelled, kept, model, *one_shot)
        return index

    @classmethod
    def _build(
        cls, ws, settings, progress, cancelled, kept, fixed_model, refreshable=True, workers=1
    ) -> MatchIndex:
        if fixed_model is None and kept is not None:
            fixed_model = kept.model
        index = cls(settings, fixed_model)
        if not refreshable:
            index._bands = {}
        started = time.perf_counter()

        def check() -> None:
            if cancelled is not None and cancelled():
                raise Cancelled()

        # A one-shot build over workers has them read the nicknames meanwhile.
        ahead = None if refreshable else read_ahead(workers, ws)
        try:
            total = load_leads(index, ws, progress, check, ahead)
        finally:
            NAMES.clear()
            NICKNAMES.clear()
            if ahead is not None:
                ahead.close()
        steps = max(total, 1) * 3
        _now_progress(progress, total, steps)
        # Keys are worked out again in the second pass: keeping them for a
        # million leads would cost more memory than the blocks themselves.
        # A one-shot build over workers has a forked copy key part of the
        # leads and tier them all meanwhile.
        if not refreshable and _KeyBook.fits(index._max_id, len(index.leads)):
            index._book = _KeyBook(index._max_id)
        # (And the leads' tiers.)
        insert_all(index, 1 if refreshable else workers)
        check()
        # Compare every candidate pair, keeping only its ids and the index of
        # its pattern; learn the model; then score.
        learn = fixed_model is None and kept is None and len(index.leads) >= LEARN_MIN_LEADS
        if learn:
            # The common first names are found first: the patterns use them.
            index.model = replace(
                index.model, common_firsts=common_first_names(index.leads.values())
            )

        def tick(n: int) -> None:
            check()
            _now_progress(progress, total + 2 * n, steps)

        comparing = Comparing()
        compared = comparing.compared
        counted = None
        if kept is not None:
            # Kept pairs: the few leads left are scored at once with the kept model.
            fresh: Iterable[_Lead] = [index.leads[i] for i in sorted(index._adopt(kept))]
            if index._bands is not None:
                fresh = slide_bands(index.leads, fresh, index._message_bucket, index._bands)
            for n, rec in enumerate(fresh):
                index._score_lead(rec, only_greater=False)
                if n % 5_000 == 0:
                    tick(n)
        elif index._bands is not None:
            index.touched = set(index.leads)

            def meanwhile() -> None:
                # While a worker still compares: the model's background counts.
                nonlocal counted
                counted = count_background(
                    list(index.leads.values()), index.settings, index.model.common_firsts
                )

            comparing = compare_all(
                index, list(index.leads.values()), workers, tick, meanwhile if learn else None
            )
            compared = comparing.compared
        else:
            index.touched = set(index.leads)
            for n, rec in enumerate(index.leads.values()):
                index._score_lead(rec, True, compared.sink)
                if n % 5_000 == 0:
                    tick(n)
        try:
            if index._bands is not None:
                # A one-shot index answers no lookup and takes no refresh: its
                # blocks (a fifth of a million-lead build's memory) go before the
                # pairs are scored and kept, where the build's memory peaks.
                index.blocks = _Blocks()
                index._book = None
            if learn:
                index.model = _learn(index, compared.patterns(), compared.pattern_ids, counted)
            # Workers that compared a part keep its pairs meanwhile.
            comparing.keep(index)
        finally:
            comparing.close()
        _now_progress(progress, steps, steps)
        index.build_seconds = time.perf_counter() - started
        return index

    def _adopt(self, kept) -> set[int]:
        """Take over the kept pairs of leads unchanged since (same version and
        tier); the leads to score."""
        leads, versions = self.leads, kept.versions
        fresh = {i for i, rec in leads.items() if versions.get(i) != (rec.version, rec.tier)}
        pairs, partners = self.pairs, self.partners
        for key, pair in kept.pairs.items():
            a, b = key
            if a in fresh or b in fresh or a not in leads or b not in leads:
                continue
            pairs[key] = pair
            partners.add(a, b)
            partners.add(b, a)
        self.touched = fresh
        self.gone = {i for i in versions if i not in leads}
        return fresh

    # ----------------------------------------------------------------- result

    def result(
        self, threshold: float | None = None, tier: str = LIKELY, summaries: bool = True
    ) -> ScanResult:
        """Pairs at/above the threshold (by default the tier's) minus dismissed
        ones, and their groups, each marked likely or possible.  ``summaries``:
        with the queue's columns of every lead in a group (``deskdup scan``
        prints from the records and skips them: a second of 100,000 leads)."""
        with quiet_gc():
            return self._result(threshold, tier, summaries)

    def _result(
        self, threshold: float | None, tier: str = LIKELY, with_summaries: bool = True
    ) -> ScanResult:
        if threshold is None:
            likely = self.likely_start()
            limit = self.settings.threshold_of(tier, likely)
        else:
            likely = limit = threshold
        pairs, groups = rank_pairs(self.pairs.values(), self.dismissed, limit, likely)
        cache = self._summaries
        summaries: dict[int, LeadSummary] = {}
        for group in groups if with_summaries else ():
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
            tier=tier,
        )

    def likely_start(self) -> float:
        """Where the likely tier starts now (``MatchSettings.likely_start``)."""
        return self.settings.likely_start((p.score for p in self.pairs.values()), len(self.leads))

    def summary(self, lead_id: int) -> LeadSummary | None:
        rec = self.leads.get(lead_id)
        return rec.summary(self.owners) if rec else None

    def label(self, lead_id: int) -> str:
        rec = self.leads.get(lead_id)
        return rec.label if rec else str(lead_id)

    # ----------------------------------------------------------------- lookup

    def lookup(self, text: str, limit: int = 20) -> list[LookupHit]:
        """Leads matching one phone, e-mail, handle or name, best first."""
        if self._bands is not None:
            raise RuntimeError("a one-shot index (refreshable=False) answers no lookup")
        return index_lookup(self, text, limit)


def _learn(
    index: MatchIndex,
    patterns: list[Pattern],
    pattern_ids: Iterable[int],
    counted: Callable | None = None,
) -> LinkageModel:
    """The model learned from the compared pairs and the rest of the workspace
    (``counted``: its ``count_background``, when done already)."""
    counts = [0] * len(patterns)
    for number in pattern_ids:
        counts[number] += 1
    by_pattern = dict(zip(patterns, counts, strict=True))
    levels = [[0.0] * len(names) for names in LEVELS]
    non_null = [0.0] * len(LEVELS)
    burst = 0.0  # with an inquiry, within a burst's time (``model.u_burst``)
    for pattern, count in by_pattern.items():
        for c, level in enumerate(pattern):
            levels[c][level] += count
            if level or not HAS_NULL[c]:
                non_null[c] += count
        if pattern[MESSAGE] and pattern[TIME] in BURST_TIME_LEVELS:
            burst += count
    common = index.model.common_firsts
    if counted is None:
        counted = count_background(list(index.leads.values()), index.settings, common)
    rest = counted(non_null, levels, burst)
    return fit(by_pattern, rest, common_firsts=common)


def scan_workspace(
    ws,
    settings: MatchSettings | None = None,
    *,
    threshold: float | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    tier: str = LIKELY,
) -> ScanResult:
    """Full scan of the workspace: every candidate pair at or above the threshold
    (by default the tier's)."""
    settings = settings or MatchSettings()
    if threshold is not None:
        settings = settings.fixed(threshold)
    index = MatchIndex.build(
        ws, settings, progress=progress, cancelled=cancelled, refreshable=False
    )
    return index.result(tier=tier)
