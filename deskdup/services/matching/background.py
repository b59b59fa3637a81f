"""The model's background: the totals of the pairs that are no candidate, per
comparison (how many are not null, and the share of each level among them).
Exact counts where they are cheap (identifiers, time), a sample of random
pairs where not (names, the inquiry), each level worked out as ``compare.py``
works out a candidate pair's."""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection
from itertools import chain

from deskdup.services.matching.compare import (
    _L,
    _TIME_LEVELS,
    _UNKNOWN,
    _message_level,
    _name_level,
)
from deskdup.services.matching.keys import MESSAGE_MIN_CHARS
from deskdup.services.matching.model import (
    BURST_MINUTES_MAX,
    EMAIL,
    HANDLE,
    HOUR_BANDS,
    LEVELS,
    MESSAGE,
    NAME,
    PHONE,
    RETURN,
    TIME,
    TIME_BANDS,
    Background,
)
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.settings import NAME_HORIZON, MatchSettings

# Random pairs sampled for the names and for the inquiries: enough to tell a
# share of 1e-3 within about 10 % (the rarest levels lean on the prior).
SAMPLE_PAIRS = 10_000
_ALWAYS_CANDIDATES = (
    _L[MESSAGE, "personal_same"],
    _L[MESSAGE, "personal_similar"],
    _L[MESSAGE, "personal_reworded"],
    _L[MESSAGE, "rare"],
    _L[MESSAGE, "few"],
)


def background(
    leads: list[_Lead],
    settings: MatchSettings,
    candidate_non_null: list[float],
    candidate_levels: list[list[float]],
    common: Collection[str] = (),
    seed: int = 14,
    candidate_burst: float = 0.0,
) -> Background:
    """The pairs that are no candidate, per comparison: how many are not null
    there and the share of each level among them.

    Identifiers and time are counted exactly (how many pairs share a value, fall
    in a time band, come through one channel) minus the candidates' own counts;
    names and the inquiry by a sample of random pairs (names: of two named
    leads; the inquiry: of two leads with one within the name horizon).  A
    random pair of named leads is a candidate one time in thousands or less, so
    the names' sample is taken as it comes; the same personal question or a
    text no one else sent in those hours always makes a candidate (band and
    text keys), so those levels are left out of the inquiry's sample.
    """
    return count_background(leads, settings, common, seed)(
        candidate_non_null, candidate_levels, candidate_burst
    )


def count_background(
    leads: list[_Lead],
    settings: MatchSettings,
    common: Collection[str] = (),
    seed: int = 14,
) -> Callable[[list[float], list[list[float]]], Background]:
    """``background`` in two steps: the counting over all leads now (it needs
    no candidate, so a build does it while a worker still compares), and the
    returned function takes the candidates' counts away."""
    # Only a workspace that learns counts (``LEARN_MIN_LEADS``): numpy is
    # imported then, not with every command and window that compares two leads.
    import numpy

    n = len(leads)
    pairs = n * (n - 1) / 2
    non_null = [0.0] * len(LEVELS)
    shares: list[list[float]] = [[0.0] * len(levels) for levels in LEVELS]
    rng = random.Random(seed)

    # Identifiers: pairs where both have one, and those sharing one.
    identifiers: list[tuple[int, int, float, float]] = []

    def identifier(c: int, values_of: Callable[[_Lead], Collection[str]], shared: int) -> None:
        # Each lead's distinct values, counted in one C pass (``Counter.update``).
        having = [values for values in map(values_of, leads) if values]
        counts = Counter(
            chain.from_iterable(set(values) if len(values) > 1 else values for values in having)
        )
        both = len(having) * (len(having) - 1) / 2
        same = sum(k * (k - 1) / 2 for k in counts.values() if k > 1)
        identifiers.append((c, shared, both, same))

    identifier(PHONE, lambda r: r.phones, _L[PHONE, "shared"])
    identifier(EMAIL, lambda r: r.emails, _L[EMAIL, "shared"])
    identifier(HANDLE, lambda r: [h for _c, h in r.handles], _L[HANDLE, "shared"])

    # Time: pairs per band, and per band those through one channel.
    minute_of = numpy.fromiter((r.minute for r in leads), dtype=numpy.float64, count=n)
    codes: dict[object, int] = {}
    channel_of = numpy.fromiter(
        (codes.setdefault(r.channel, len(codes)) for r in leads), dtype=numpy.int32, count=n
    )
    minutes = numpy.sort(minute_of)
    by_channel = [numpy.sort(minute_of[channel_of == code]) for code in range(len(codes))]

    def within(values: numpy.ndarray, bound: float) -> float:
        """Pairs of ``values`` (sorted) at most ``bound`` apart: for each value,
        the values up to ``bound`` above it, itself and those below it taken
        away (exact: the sums are integers)."""
        n = len(values)
        ends = int(numpy.searchsorted(values, values + bound, side="right").sum())
        return ends - n * (n + 1) / 2

    cumulative = [within(minutes, b) for b in TIME_BANDS]
    near_bands = HOUR_BANDS  # the bands within the hour tell the channel switch apart
    same_channel = [sum(within(v, b) for v in by_channel) for b in TIME_BANDS[:near_bands]]
    totals = [0.0] * len(LEVELS[TIME])
    previous = previous_same = 0.0
    for band, total in enumerate(cumulative):
        in_band = total - previous
        if band < near_bands:
            same = same_channel[band] - previous_same
            totals[_TIME_LEVELS[band][0]] += same
            totals[_TIME_LEVELS[band][1]] += in_band - same
            previous_same = same_channel[band]
        else:
            totals[_TIME_LEVELS[band][0]] += in_band
        previous = total
    totals[_TIME_LEVELS[-1][0]] += pairs - previous
    # Strangers sharing a phone (a household, an office) write at independent
    # times: the gap of such a pair is that of any two leads.  So the RETURN
    # comparison's u is the time bands' share among all pairs, weighed as if
    # every pair were such a stranger pair (EM alone would learn it from a few
    # households, and a handful of low-scored returning customers could teach
    # it that an hour apart is common among strangers).
    if pairs > 0:
        hour = cumulative[near_bands - 1]
        day, week = cumulative[near_bands], cumulative[near_bands + 1]
        non_null[RETURN] = pairs
        shares[RETURN] = [0.0, hour / pairs, (day - hour) / pairs, (week - day) / pairs,
                          (pairs - week) / pairs]  # fmt: skip

    # Names: random pairs of two leads that carry a name.
    named = [r for r in leads if r.name.words or r.nicks]
    names: tuple[Counter, float] | None = None
    if len(named) >= 2:
        both = len(named) * (len(named) - 1) / 2
        counts = Counter()
        for _ in range(min(SAMPLE_PAIRS, int(both))):
            i, j = rng.randrange(len(named)), rng.randrange(len(named) - 1)
            a, b = named[i], named[j + (j >= i)]
            counts[_name_level(a, b, settings, _UNKNOWN, common)] += 1
        names = (counts, both)

    # The inquiry: two leads with one, within the name horizon.
    horizon = NAME_HORIZON * settings.burst_minutes
    with_message = sorted(
        (r for r in leads if len(r.message) >= MESSAGE_MIN_CHARS), key=lambda r: r.minute
    )
    times = [r.minute for r in with_message]
    message_minutes = numpy.asarray(times, dtype=numpy.float64)
    near = within(message_minutes, horizon)
    # And those within a burst's time, whose inquiry is weighed apart.
    burst_near = within(message_minutes, BURST_MINUTES_MAX)
    inquiries: tuple[Counter, float] | None = None
    burst_counts: Counter = Counter()
    if near >= 1:
        counts = Counter()
        for _ in range(min(SAMPLE_PAIRS, int(near) * 2)):
            i = rng.randrange(len(with_message))
            lo = bisect_left(times, times[i] - horizon)
            hi = bisect_right(times, times[i] + horizon)
            if hi - lo < 2:
                continue
            j = rng.randrange(lo, hi - 1)
            j += j >= i
            a, b = with_message[i], with_message[j]
            gap = abs(a.minute - b.minute)
            level = _message_level(a, b, gap, settings)
            counts[level] += 1
            if gap <= BURST_MINUTES_MAX:
                burst_counts[level] += 1
        for level in (0, *_ALWAYS_CANDIDATES):
            counts.pop(level, None)
            burst_counts.pop(level, None)
        inquiries = (counts, near)

    def without(
        candidate_non_null: list[float],
        candidate_levels: list[list[float]],
        candidate_burst: float = 0.0,
    ) -> Background:
        out_non_null = list(non_null)
        out_shares = [list(levels) for levels in shares]
        for c, shared, both, same in identifiers:
            rest = max(0.0, both - candidate_non_null[c])
            same_rest = max(0.0, same - candidate_levels[c][shared])
            out_non_null[c] = rest
            if rest > 0:
                out_shares[c][shared] = min(1.0, same_rest / rest)
                out_shares[c][-1] = 1.0 - out_shares[c][shared]
        rest = [max(0.0, t - c) for t, c in zip(totals, candidate_levels[TIME], strict=True)]
        out_non_null[TIME] = sum(rest)
        if out_non_null[TIME] > 0:
            out_shares[TIME] = [r / out_non_null[TIME] for r in rest]
        if names is not None:
            counts, both = names
            _set_shares(out_shares, out_non_null, NAME, counts, both - candidate_non_null[NAME])
        out = Background(pairs, out_non_null, out_shares)
        if inquiries is not None:
            counts, near = inquiries
            _set_shares(
                out_shares, out_non_null, MESSAGE, counts, near - candidate_non_null[MESSAGE]
            )
            sampled, rest = sum(burst_counts.values()), burst_near - candidate_burst
            if sampled >= BURST_SAMPLE_MIN and rest > 0:
                out.burst_non_null = rest
                out.burst_shares = [0.0] + [
                    burst_counts.get(i, 0) / sampled for i in range(1, len(LEVELS[MESSAGE]))
                ]
        return out

    return without


# Fewer sampled pairs within a burst's time than this (a workspace of a few
# leads a day) tell no share of the inquiry's levels there: weighed as at any gap.
BURST_SAMPLE_MIN = 200


def _set_shares(shares, non_null, c: int, counts: Counter, rest: float) -> None:
    sampled = sum(counts.values())
    if sampled == 0 or rest <= 0:
        return
    non_null[c] = rest
    shares[c] = [counts.get(i, 0) / sampled for i in range(len(LEVELS[c]))]
    shares[c][0] = 0.0
