"""Any date already stored is shown and scanned, whatever the computer's time zone
(issue 11.7: one lead dated 0001-01-01, or 9999-12-31 under a UTC+3 clock, made
scan, lookup and the window fail for everyone with "year 0 is out of range").

The import refuses such dates now; these leads stand for what older imports,
other programs or a CRM sync left in the database.
"""

from __future__ import annotations

import json
import time
from datetime import datetime

import pytest

from deskdup.cli import main
from deskdup.models import Channel, CommKind
from deskdup.services.workspace import open_workspace
from tests.factories import make_lead, make_operator

EXTREMES = (datetime(1, 1, 1), datetime(9999, 12, 31, 23, 50))


@pytest.fixture(params=["Europe/Moscow", "America/New_York", "UTC"])
def clock(request, monkeypatch):
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def extreme_workspace(path) -> str:
    ws = open_workspace(str(path))
    with ws.session() as s:
        anna = make_operator(s, "anna", "Петрова Анна", "Sales 1")
        for n, when in enumerate(EXTREMES):
            make_lead(
                s,
                owner=anna,
                external_id=f"X-{n}",
                first_name="Иван",
                last_name="Петров",
                created_at=when,
                channel=(Channel.WHATSAPP, Channel.SITE)[n],
                comms=[(CommKind.PHONE, Channel.WHATSAPP, ("+79991234567", "89991234567")[n])],
            )
    ws.dispose()
    return str(path)


def test_scan_and_lookup_read_extreme_dates(tmp_path, capsys, clock):
    db = extreme_workspace(tmp_path / "dates.sqlite")
    assert main(["scan", "--db", db, "--format", "jsonl"]) == 0
    pairs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(p["a"], p["b"]) for p in pairs] == [("X-0", "X-1")]
    assert main(["lookup", "--db", db, "+7 999 123-45-67", "--format", "jsonl"]) == 0
    found = {json.loads(line)["lead"] for line in capsys.readouterr().out.splitlines()}
    assert found == {"X-0", "X-1"}
