"""A dense workspace (a million leads: many strangers share a first name and an
hour) asks the inquiry's functions the same questions in other ways: the
shortcuts taken for it must answer exactly as the plain functions do."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
