"""`deskdup scan` and `deskdup lookup` on a real workspace file."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from deskdup.cli import main
from deskdup.models import Channel, CommKind
from tests.factories import make_lead

T0 = datetime(2026, 3, 2, 10, 0)


def _fill(ws):
    with ws.session() as s:
        a = make_lead(s, external_id="B24-17", first_name="Иван", last_name="Петров", created_at=T0,
                      comms=[(CommKind.PHONE, Channel.SITE, "8 916 123 45 67")])  # fmt: skip
        b = make_lead(s, channel=Channel.WHATSAPP, created_at=T0 + timedelta(days=5),
                      comms=[(CommKind.MESSENGER, Channel.WHATSAPP, "+79161234567")])  # fmt: skip
        c = make_lead(s, channel=Channel.TELEGRAM, created_at=T0 + timedelta(minutes=9),
                      comms=[(CommKind.MESSENGER, Channel.TELEGRAM, "@ivan_petrov")])  # fmt: skip
        make_lead(s, first_name="Ольга", comms=[(CommKind.PHONE, Channel.SITE, "+79035550011")])
    return a.id, b.id, c.id


def test_scan_jsonl_best_first_with_external_ids(workspace, capsys):
    _a, b, c = _fill(workspace)
    assert main(["scan", "--db", workspace.url, "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    # Best first: the handle spelling the name minutes apart, then the phone
    # shared five days later (a returning customer, or someone of the household).
    assert [(x["a"], x["b"]) for x in lines] == [("B24-17", c), ("B24-17", b)]
    assert lines[1]["reasons"] == ["Same phone +79161234567"]
    assert lines[0]["score"] >= lines[1]["score"]
    assert "Telegram ivan_petrov ~ Петров Иван (translit)" in lines[0]["reasons"]
    assert "4 leads, 2 pairs, 1 groups" in err


def test_scan_threshold_and_table(workspace, capsys):
    _fill(workspace)
    assert main(["scan", "--db", workspace.url, "--format", "jsonl", "--threshold", "0.95"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["scan", "--db", workspace.url]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["score", "lead", "lead"]
    assert "B24-17 Петров Иван (Website)" in table[1] and "ivan_petrov (Telegram)" in table[1]
    assert "Same phone +79161234567" in table[2]
    assert main(["scan", "--db", workspace.url, "--threshold", "2"]) == 2


def test_lookup_command(workspace, capsys):
    a, _b, c = _fill(workspace)
    assert main(["lookup", "--db", workspace.url, "--format", "jsonl", "8 (916) 123-45-67"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {h["lead"] for h in hits} == {"B24-17", a + 1}
    assert main(["lookup", "--db", workspace.url, "Петров Иван"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[1] == "B24-17"
    # The Telegram lead has no external id: it shows by its id, found through its handle.
    second = out.splitlines()[1]
    assert second.split()[1] == str(c) and "ivan_petrov" in second


def test_weights_and_burst_window_are_settings_of_the_scan(workspace, capsys):
    _a, _b, c = _fill(workspace)

    def pairs(*extra):
        assert main(["scan", "--db", workspace.url, "--format", "jsonl", *extra]) == 0
        return [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    default = pairs()
    assert any("Came 9 min apart" in r for p in default for r in p["reasons"])
    # Without the phone's weight the returning WhatsApp lead is no candidate any more.
    assert [(p["a"], p["b"]) for p in pairs("--weight", "same_phone=0")] == [("B24-17", c)]
    # A 5-minute burst window: 9 minutes apart is no burst.
    narrow = pairs("--burst-minutes", "5")
    assert not any("apart via" in r for p in narrow for r in p["reasons"])
    for bad in (["--weight", "no_such=0.5"], ["--weight", "same_phone=2"],
                ["--weight", "same_phone"], ["--burst-minutes", "0"]):  # fmt: skip
        assert main(["scan", "--db", workspace.url, *bad]) == 2, bad
    assert "Unknown weight 'no_such'" in capsys.readouterr().err
