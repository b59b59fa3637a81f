"""The one date reader of imports: ISO 8601 and day-first dates, and what it refuses."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskdup.services.importer.dates import parse_datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bitrix24's own export (Russian locale): day first, with or without seconds.
        ("25.11.2026 10:02:11", datetime(2026, 11, 25, 10, 2, 11)),
        ("25.11.2026 10:02", datetime(2026, 11, 25, 10, 2)),
        ("25.11.2026", datetime(2026, 11, 25)),
        ("1.2.2026 9:05", datetime(2026, 2, 1, 9, 5)),
        ("25.11.26", datetime(2026, 11, 25)),
        # Other exports: slashes or dashes, still day first.
        ("25/11/2026", datetime(2026, 11, 25)),
        ("03/04/2026", datetime(2026, 4, 3)),  # the 3rd of April, not March 4th
        ("03-04-2026 18:30", datetime(2026, 4, 3, 18, 30)),
        # ISO 8601; an offset is converted to UTC.
        ("2026-11-25", datetime(2026, 11, 25)),
        ("2026-11-25T10:02:11", datetime(2026, 11, 25, 10, 2, 11)),
        ("2026-11-25 10:02", datetime(2026, 11, 25, 10, 2)),
        ("2026-11-25T10:02:11+03:00", datetime(2026, 11, 25, 7, 2, 11)),
        ("2026-11-25T10:02:11Z", datetime(2026, 11, 25, 10, 2, 11)),
        ("2026/11/25 10:02", datetime(2026, 11, 25, 10, 2)),
        ("  25.11.2026 10:02:11 ", datetime(2026, 11, 25, 10, 2, 11)),
    ],
)
def test_dates_read(text, expected):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "11/25/2026",  # month first: the day-first rule refuses it rather than guess
        "31.02.2026",  # no such day
        "25.13.2026",
        "10:02",  # a time without a date
        "вчера",
        "46327",  # a bare number
        "",
        "25.11.2026 25:61",
    ],
)
def test_not_dates(text):
    assert parse_datetime(text) is None


@given(st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2099, 12, 31)))
def test_day_first_and_iso_forms_of_one_moment_agree(moment):
    moment = moment.replace(microsecond=0)
    bitrix = moment.strftime("%d.%m.%Y %H:%M:%S")
    slashed = moment.strftime("%d/%m/%Y %H:%M:%S")
    assert parse_datetime(bitrix) == parse_datetime(slashed) == moment
    assert parse_datetime(moment.isoformat()) == moment
