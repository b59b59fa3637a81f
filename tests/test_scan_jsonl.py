"""``deskdup scan --format jsonl`` writes its lines without ``json.dumps`` of a
dict per pair: each must still be exactly what ``json.dumps`` writes."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from deskdup.commands.scan import _json, json_line

ids = st.one_of(st.integers(min_value=0, max_value=2**63), st.text())
scores = st.floats(allow_nan=False, allow_infinity=False) | st.integers(0, 1)


@given(a=ids, b=ids, score=scores, reasons=st.lists(st.text(), max_size=6))
def test_a_line_is_what_json_dumps_writes(a, b, score, reasons):
    expected = json.dumps(
        {"a": a, "b": b, "score": score, "reasons": list(reasons)}, ensure_ascii=False
    )
    assert json_line(_json(a), _json(b), score, reasons) == expected + "\n"
    # Read back, it is the pair (a text seen before comes from the cache).
    assert json.loads(json_line(_json(a), _json(b), score, reasons)) == {
        "a": a,
        "b": b,
        "score": score,
        "reasons": list(reasons),
    }


def test_quotes_control_characters_and_cyrillic_stay_as_json_dumps_writes_them():
    reasons = ['Имя "Оля" ~ «Ольга»', "tab\there", "new\nline", "\\back", "\u2028", ""]
    line = json_line(_json("B-17"), _json(42), 0.6175, reasons)
    assert (
        line
        == json.dumps(
            {"a": "B-17", "b": 42, "score": 0.6175, "reasons": reasons}, ensure_ascii=False
        )
        + "\n"
    )
