"""The model's background (``compare.background``): the pairs that are no
candidate, counted exactly for identifiers and time.  Checked against a count
over every pair of a small set of leads, gaps on the bands' edges included."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskdup.models import Channel
from deskdup.services.matching import MatchSettings
from deskdup.services.matching.background import background
from deskdup.services.matching.compare import _L, _TIME_LEVELS
from deskdup.services.matching.model import (
    BURST_MINUTES_MAX,
    EMAIL,
    HOUR_BANDS,
    LEVELS,
    MESSAGE,
    PHONE,
    RETURN,
    TIME,
    TIME_BANDS,
)
from deskdup.services.matching.record import _Lead
from deskdup.services.names import NameParts

T0 = datetime(2026, 3, 2, 10, 0)
_CHANNELS = (Channel.TELEGRAM, Channel.WHATSAPP, Channel.AVITO, Channel.SITE)


def _leads(minutes: list[int], channels: list[int], phones: list[int | None]) -> list[_Lead]:
    out = []
    for i, (minute, channel, phone) in enumerate(zip(minutes, channels, phones, strict=True)):
        rec = _Lead(
            i + 1, f"L{i + 1}", _CHANNELS[channel], None, T0 + timedelta(minutes=minute), "new",
            NameParts(),
        )  # fmt: skip
        if phone is not None:
            rec.phones = (f"+7900000{phone:04d}",)
            rec.emails = (f"p{phone % 3}@example.ru",)
        out.append(rec)
    return out


def _by_pairs(leads: list[_Lead]) -> tuple[list[float], float, float, list[float]]:
    """Time levels, phone pairs, shared-phone pairs and per-band shares of all
    pairs, counted pair by pair."""
    time = [0.0] * len(LEVELS[TIME])
    both = same = 0.0
    bands = [0.0] * (len(TIME_BANDS) + 1)
    for a, b in itertools.combinations(leads, 2):
        band = bisect_left(TIME_BANDS, abs(a.minute - b.minute))
        bands[band] += 1
        if band < HOUR_BANDS:
            time[_TIME_LEVELS[band][a.channel is not b.channel]] += 1
        else:
            time[_TIME_LEVELS[band][0]] += 1
        if a.phones and b.phones:
            both += 1
            same += a.phones == b.phones
    return time, both, same, bands


# Minutes on and around the bands' edges (2, 5, 10, 20, 60 minutes, a day, a week).
_MINUTES = st.sampled_from(
    [0, 1, 2, 3, 5, 6, 10, 11, 20, 21, 60, 61, 1440, 1441, 10080, 10081, 20000]
)


@given(
    st.lists(
        st.tuples(
            st.lists(_MINUTES, min_size=1, max_size=3).map(sum),
            st.integers(0, len(_CHANNELS) - 1),
            st.one_of(st.none(), st.integers(0, 5)),
        ),
        min_size=2,
        max_size=40,
    )
)
def test_identifier_and_time_totals_equal_a_count_over_every_pair(rows):
    minutes, channels, phones = (list(column) for column in zip(*rows, strict=True))
    leads = _leads(minutes, channels, phones)
    n_levels = [len(levels) for levels in LEVELS]
    result = background(leads, MatchSettings(), [0.0] * len(LEVELS), [[0.0] * k for k in n_levels])
    time, both, same, bands = _by_pairs(leads)
    n = len(leads)
    assert result.pairs == n * (n - 1) / 2

    assert result.non_null[TIME] == sum(time)
    if sum(time):
        assert [share * sum(time) for share in result.shares[TIME]] == pytest.approx(time)

    assert result.non_null[PHONE] == both
    if both:
        assert result.shares[PHONE][_L[PHONE, "shared"]] * both == pytest.approx(same)
    # Every lead with a phone has one e-mail of three: pairs sharing one.
    having = [rec.emails[0] for rec in leads if rec.emails]
    shared = sum(a == b for a, b in itertools.combinations(having, 2))
    assert result.non_null[EMAIL] == len(having) * (len(having) - 1) / 2
    if having[1:]:
        assert result.shares[EMAIL][_L[EMAIL, "shared"]] * result.non_null[EMAIL] == pytest.approx(
            shared
        )

    # Within the hour, within a day, a week, more (the return's bands).
    hour, day, week = sum(bands[:HOUR_BANDS]), bands[HOUR_BANDS], bands[HOUR_BANDS + 1]
    pairs = result.pairs
    assert result.shares[RETURN][1:] == pytest.approx(
        [hour / pairs, day / pairs, week / pairs, bands[HOUR_BANDS + 2] / pairs]
    )


def test_a_candidate_pairs_counts_are_taken_away():
    leads = _leads([0, 1, 3, 100], [0, 1, 1, 2], [1, 1, None, 2])
    n_levels = [len(levels) for levels in LEVELS]
    none = background(leads, MatchSettings(), [0.0] * len(LEVELS), [[0.0] * k for k in n_levels])
    # Leads 1 and 2 share a phone, a minute apart on two channels: a candidate.
    levels = [[0.0] * k for k in n_levels]
    levels[PHONE][_L[PHONE, "shared"]] = 1.0
    levels[TIME][_TIME_LEVELS[0][1]] = 1.0
    non_null = [0.0] * len(LEVELS)
    non_null[PHONE] = non_null[TIME] = 1.0
    taken = background(leads, MatchSettings(), non_null, levels)
    assert none.non_null[PHONE] == 3 and taken.non_null[PHONE] == 2
    assert none.shares[PHONE][_L[PHONE, "shared"]] == pytest.approx(1 / 3)
    assert taken.shares[PHONE][_L[PHONE, "shared"]] == 0.0
    assert taken.non_null[TIME] == none.non_null[TIME] - 1


def test_the_inquiry_within_a_burst_is_counted_apart():
    """An ad's line sent by 30 strangers within ten minutes, among leads every
    three minutes each asking their own question: two leads sending the same
    text are far likelier within 20 minutes of each other than within the
    hour, and the background tells both shares (``model.u_burst``)."""
    minutes = [3 * n for n in range(400)] + [600 + n / 3 for n in range(30)]
    leads = _leads(minutes, [n % len(_CHANNELS) for n in range(430)], [None] * 430)
    for n, rec in enumerate(leads):
        if n < 400:
            rec.message = f"Сколько стоит шкаф номер {n} в прихожую?"
        else:
            rec.message, rec.tier = "Здравствуйте! Ещё актуально?", "template"
    n_levels = [len(levels) for levels in LEVELS]
    result = background(leads, MatchSettings(), [0.0] * len(LEVELS), [[0.0] * k for k in n_levels])
    near = sum(
        abs(a.minute - b.minute) <= BURST_MINUTES_MAX for a, b in itertools.combinations(leads, 2)
    )
    assert result.burst_non_null == near
    template = _L[MESSAGE, "template"]
    assert result.burst_shares is not None and result.burst_shares[0] == 0.0
    assert sum(result.burst_shares) == pytest.approx(1.0)
    assert result.burst_shares[template] > 1.5 * result.shares[MESSAGE][template] > 0.0
    # The candidates within a burst's time are taken away from those pairs.
    taken = background(
        leads, MatchSettings(), [0.0] * len(LEVELS), [[0.0] * k for k in n_levels],
        candidate_burst=100.0,
    )  # fmt: skip
    assert taken.burst_non_null == near - 100


def test_a_few_leads_a_day_tell_no_inquiry_within_a_burst():
    leads = _leads([0, 30, 2000, 4000], [0, 1, 2, 3], [None] * 4)
    for rec in leads:
        rec.message, rec.tier = "Здравствуйте! Ещё актуально?", "template"
    n_levels = [len(levels) for levels in LEVELS]
    result = background(leads, MatchSettings(), [0.0] * len(LEVELS), [[0.0] * k for k in n_levels])
    assert result.burst_shares is None
