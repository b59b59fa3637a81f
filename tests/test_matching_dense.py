"""A dense workspace (a million leads: many strangers share a first name and an
hour) asks the inquiry's functions the same questions in other ways: the
shortcuts taken for it must answer exactly as the plain functions do."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskdup.services.matching import MatchSettings
from deskdup.services.matching.inquiry import alike, likeness

WORDS = [
    "Здравствуйте!",
    "подскажите",
    "сколько",
    "будет",
    "стоить",
    "цена",
    "шкаф",
    "шкаф-купе",
    "кухня",
    "стеллаж",
    "в",
    "прихожую",
    "комнату",
    "белый",
    "глянец",
    "дуб",
    "2,4",
    "2.4",
    "24",
    "3",
    "м",
    "пожалуйста",
    "сроки",
    "доставка",
    "?",
    ",",
]
TEXTS = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS, TEXTS, st.sampled_from([0.0, 40.0, 74.5, 75.0, 90.0, 95.0, 96.0, 100.0]))
def test_alike_is_likeness_at_least(a, b, least):
    assert alike(a, b, least) == (likeness(a, b) >= least)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.integers(0, 11), st.sampled_from(WORDS))
def test_alike_of_a_copy_with_one_word_changed(a, at, word):
    words = a.split(" ")
    words[min(at, len(words) - 1)] = word
    b = " ".join(words)
    for least in (60.0, 75.0, 90.0):
        assert alike(a, b, least) == (likeness(a, b) >= least)


def test_alike_on_questions_a_burst_sends():
    question = "Здравствуйте! Сколько будет стоить шкаф-купе 2,4 м в прихожую, белый глянец?"
    reworded = "Подскажите цену на шкаф купе 2.4 м в прихожую белый глянец пожалуйста"
    stranger = "Сколько будет стоить шкаф-купе 3 м в прихожую, белый глянец?"
    assert alike(question, reworded, 75.0) and likeness(question, reworded) >= 75
    assert not alike(question, stranger, 75.0)
    assert not alike(question, "Какие сроки доставки кухни в область?", 75.0)


NAMES = [
    ("Анна", "", ""),
    ("анна", "", ""),
    ("Аня", "", ""),
    ("Анна", "Иванова", ""),
    ("Анна", "Иванвоа", ""),
    ("Иванова", "Анна", ""),
    ("Ольга", "Соколова", ""),
    ("Андрей", "Соколов", ""),
    ("Андрей", "Соколов", "Петрович"),
    ("Андрей", "Соколов", "Иванович"),
    ("", "Соколов", ""),
    ("А.", "Соколов", ""),
    ("Евгений", "", ""),
    ("Евгения", "", ""),
    ("Маск", "", ""),
    ("Макс", "", ""),
    ("", "", ""),
]


def _leads(nicked: bool):
    """A lead for each of ``NAMES``, each name parsed once (leads with one
    name share its parts, as ``load`` makes them); ``nicked``: each also
    carries an empty nickname, which sends it down the general path."""
    from deskdup.models import Channel
    from deskdup.services.matching.record import _Lead
    from deskdup.services.names import NameParts, parse_name

    out = []
    for n, (first, last, middle) in enumerate(NAMES * 2):
        rec = _Lead(n + 1, str(n), Channel.SITE, None, None, "new", parse_name(first, last, middle))
        if nicked:
            rec.nicks = ((Channel.TELEGRAM, "", NameParts()),)
        out.append(rec)
    return out


@pytest.mark.parametrize("levels_max", [1, 200_000])
@pytest.mark.parametrize("common", [frozenset(), frozenset({"Анна", "Андрей"})])
def test_the_name_level_of_leads_without_nicknames_is_remembered_rightly(
    monkeypatch, levels_max, common
):
    from deskdup.services.matching import compare as cmp
    from deskdup.services.matching.compare import _UNKNOWN, _name_level

    # levels_max 1: the remembered levels are dropped again and again.
    monkeypatch.setattr(cmp, "_NAMES_LEVELS_MAX", levels_max)
    settings_ = MatchSettings()
    plain, nicked = _leads(False), _leads(True)
    for _round in range(2):  # the second round answers from the memo
        for x, rx in zip(plain, nicked, strict=True):
            for y, ry in zip(plain, nicked, strict=True):
                level = _name_level(x, y, settings_, _UNKNOWN, common)
                if not x.name.words or not y.name.words:
                    assert level == 0
                else:
                    assert level == _name_level(rx, ry, settings_, _UNKNOWN, common)


def test_the_remembered_name_levels_follow_the_common_first_names():
    from deskdup.services.matching.compare import _NAME_LEVEL, _UNKNOWN, _name_level

    anna, other = _leads(False)[:2]  # "Анна", "анна"
    assert anna.name is not other.name
    settings_ = MatchSettings()
    rare = _name_level(anna, other, settings_, _UNKNOWN, frozenset({"Ольга"}))
    common = _name_level(anna, other, settings_, _UNKNOWN, frozenset({"Анна"}))
    assert (rare, common) == (_NAME_LEVEL["first_name"], _NAME_LEVEL["first_name_common"])
