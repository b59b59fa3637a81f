"""`deskdup scan` from the kept candidates prints the reasons in words read
straight from the kept rows (``store._Reasons.words``, ``messages.english_from_json``):
the same words as the reasons decoded, a damaged row costs a build whichever
half of the pairs it is in, and the table and jsonl outputs stay a fresh
build's."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, update

from deskdup.models import MatchPair
from deskdup.services import kept_scan
from deskdup.services.kept_scan import KEPT, scan_leads
from deskdup.services.matching import MatchSettings
from deskdup.services.matching.store import _loads, _Reasons
from deskdup.services.messages import (
    Message,
    MessageList,
    english_from_json,
    message_from_json,
    message_to_json,
)
from deskdup.services.workspace import open_workspace
from tests.test_scan_kept import _people, _scan

pytest_plugins = ("tests.postgres",)


@pytest.fixture
def demo(workspace):
    from deskdup.services.demo import generate_demo

    generate_demo(workspace, leads=1500, seed=11)
    return workspace


# ----------------------------------------------------------------- words


_names = st.sampled_from(["a", "b", "minutes", "text"])
_plain_values = st.one_of(
    st.integers(-5, 10_000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=12),
    st.booleans(),
    st.none(),
)


def _outcome(render, data) -> tuple:
    try:
        return ("text", render(data))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        # A template that cannot take its values fails either way (which of
        # two bad fields is met first may differ: the nested ones come first).
        return ("error",)


def _template(fields: list[str]) -> str:
    return " ~ ".join("{" + f + "}" for f in fields) + " end"


@st.composite
def _messages(draw, depth: int = 2):
    names = draw(st.lists(_names, unique=True, max_size=3))
    specs = draw(st.lists(st.sampled_from(["", ":>8", ":.3", "!s", "!r", ":^5"]), min_size=3))
    fields = [name + spec for name, spec in zip(names, specs, strict=False)]
    params = {}
    for name in names:
        if depth and draw(st.booleans()):
            params[name] = draw(_messages(depth - 1))
        else:
            params[name] = draw(_plain_values)
    return Message(draw(st.sampled_from(["Reason", "Channels"])), _template(fields), params)


@given(_messages())
def test_a_kept_message_in_english_is_the_message_read_back(message):
    data = json.loads(json.dumps(message_to_json(message), ensure_ascii=False))
    assert _outcome(english_from_json, data) == _outcome(lambda d: str(message_from_json(d)), data)


def test_a_template_that_converts_or_indexes_a_nested_message_formats_the_message():
    channel = {"context": "Channels", "template": "Avito", "params": {}}
    for template in ("{a!r} and {b}", "{a.template}", "{a[0]}", "{0}", "{b:>4} {a:^9}"):
        data = {"context": "Reason", "template": template, "params": {"a": channel, "b": 1}}
        render = _outcome(lambda d: str(message_from_json(d)), data)
        assert _outcome(english_from_json, data) == render, template
    assert english_from_json("plain") == "plain" and english_from_json(3) == "3"
    listed = MessageList((Message("Reason", "x"),))
    assert english_from_json(message_to_json(listed)) == str(message_from_json(str(listed)))


@pytest.mark.parametrize(
    "text",
    ['["a", 1, "x"]', ' ["a", 1, "x"]', '["a", 1, "x"]  ', '{"a": [1, 2.5e3, null]}', "3", '"é"'],
)
def test_loads_reads_what_json_reads(text):
    assert _loads(text) == json.loads(text)


@pytest.mark.parametrize("text", ["", '["a", 1', '["a"] ["b"]', "\ufeff[1]", "[1,]", "nan"])
def test_loads_refuses_what_json_refuses_in_its_words(text):
    with pytest.raises(ValueError) as expected:
        json.loads(text)
    with pytest.raises(ValueError) as got:
        _loads(text)
    assert str(got.value) == str(expected.value)


def test_words_are_the_decoded_reasons_in_words(demo, capsys):
    _scan(demo.url, capsys, "--keep")
    with demo.engine.connect() as conn:
        kept = [row[0] for row in conn.execute(select(MatchPair.reasons))]
    assert len(kept) > 100
    words, decoded = _Reasons(), _Reasons()
    for text in kept:
        assert words.words(text) == tuple(str(r.text) for r in decoded.decode(text))
    assert words.words("") == () and words.words(None) == ()


# ----------------------------------------------------------------- the scan


def test_kept_scan_prints_a_fresh_builds_bytes_over_one_or_two_workers(demo, capsys, monkeypatch):
    url = demo.url
    fresh = {
        fmt: _scan(url, capsys, "--format", fmt, "--fresh", "--threshold", "0.4")[0]
        for fmt in ("jsonl", "table")
    }
    _scan(url, capsys, "--keep")
    # Few pairs: the back half is worded by a forked copy all the same.
    monkeypatch.setattr(kept_scan, "FORK_MIN_PAIRS", 10)
    scan = scan_leads(demo, MatchSettings().fixed(0.4), workers=2)
    assert scan.source == KEPT and len(scan.result.pairs) > 20
    assert scan.texts(2) == scan_leads(demo, MatchSettings().fixed(0.4)).texts(1)
    for workers in ("1", "2"):
        for fmt in ("jsonl", "table"):
            args = ("--format", fmt, "--threshold", "0.4", "--workers", workers)
            assert _scan(url, capsys, *args)[0] == fresh[fmt], (fmt, workers)


@pytest.mark.parametrize("which", ["first", "last"])
def test_a_damaged_reason_in_either_half_costs_a_build(demo, capsys, monkeypatch, which):
    fresh = _scan(demo.url, capsys, "--format", "jsonl", "--fresh")[0]
    _scan(demo.url, capsys, "--keep")
    monkeypatch.setattr(kept_scan, "FORK_MIN_PAIRS", 10)
    order = [MatchPair.score.desc(), MatchPair.lead_a, MatchPair.lead_b]
    if which == "last":
        order = [MatchPair.score, MatchPair.lead_a.desc()]
    with demo.engine.begin() as conn:
        a, b = conn.execute(
            select(MatchPair.lead_a, MatchPair.lead_b)
            .where(MatchPair.score >= 0.6)
            .order_by(*order)
            .limit(1)
        ).first()
        conn.execute(
            update(MatchPair)
            .where(MatchPair.lead_a == a, MatchPair.lead_b == b)
            .values(reasons='["same_phone", "heavy", {"template": "x"}]')
        )
    out, err = _scan(demo.url, capsys, "--format", "jsonl", "--workers", "2")
    assert out == fresh
    assert "could not be read (could not convert string to float: 'heavy')" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 2


def test_postgresql_kept_scan_prints_a_fresh_builds_bytes(pg_database, capsys):
    _people(pg_database)
    formats = ("jsonl", "table")
    fresh = {fmt: _scan(pg_database, capsys, "--format", fmt, "--fresh")[0] for fmt in formats}
    assert len(fresh["jsonl"].splitlines()) == 2
    _scan(pg_database, capsys, "--keep")
    ws = open_workspace(pg_database)
    try:
        assert scan_leads(ws, MatchSettings()).source == KEPT
    finally:
        ws.dispose()
    for fmt in formats:
        assert _scan(pg_database, capsys, "--format", fmt)[0] == fresh[fmt]


@given(st.one_of(st.floats(), st.integers(-(10**6), 10**6)))
def test_a_score_is_written_as_json_writes_it(score):
    from deskdup.commands.scan import _number

    assert _number(score) == json.dumps(score)
