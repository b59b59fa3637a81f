"""The caches a build reads names, nicknames and inquiries through: each
answers for its own text only, whatever was asked before it.

Every property parses a list of texts in order, forgets every cache, then
parses them again in the reverse order: a cache that handed one text another
one's result (a key that leaves something out) would answer differently."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from deskdup.services.matching import inquiry
from deskdup.services.names import (
    parse_name,
    skeleton,
)
from deskdup.services.nicknames import forget_parsed, parse_nickname

# Few pieces, so that texts share them (the caches hit) and differ around them.
_PIECES = ["ivan", "petrov", "petrova", "a", "ir", "lkomarova", "mixail", "sedyx", "andrej",
           "ivanovaanna", "jukova", "annapavlova", "cat", "sunny", "ylebedev", "eivanova",
           "Ivan", "PetrovIvan", "Я", "иван", "Кирилл", "xenia", "frolov", "tsoi"]  # fmt: skip
_GLUE = ["", ".", "_", "-", "93", "1989", "0", "__"]
_NICKNAME = st.builds(
    lambda parts, glue, domain: "".join(p + g for p, g in zip(parts, glue, strict=False)) + domain,
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3),
    st.lists(st.sampled_from(_GLUE), min_size=3, max_size=3),
    st.sampled_from(["", "@mail.ru", "@yandex.ru", "@x.j"]),
)
_WORDS = ["Иван", "Петров", "Петрова", "Mixail", "Sedyx", "Jukova", "И", "x", "Иванович",
          "Андей", "Андерй", "Дмитриевич", "Ильич", "Саша", "Ivan", "Petrov", "Ivanovna",
          "оглы", "Кирилл", "ъ", "А.", "Мария Сергеевна"]  # fmt: skip
_FIELD = st.lists(st.sampled_from(_WORDS), max_size=2).map(" ".join)
_NAME = st.tuples(_FIELD, _FIELD, _FIELD)


def _forget() -> None:
    forget_parsed()
    skeleton.cache_clear()
    for cached in (inquiry.folded_words, inquiry.fold, inquiry.text_key):
        cached.cache_clear()
    inquiry._KEPT.clear()


def _both_ways(parse, items: list) -> None:
    _forget()
    first = [parse(item) for item in items]
    _forget()
    again = [parse(item) for item in reversed(items)]
    assert first == again[::-1]


@settings(max_examples=60, deadline=None)
@given(st.lists(_NICKNAME, min_size=1, max_size=12))
def test_a_nickname_reads_the_same_whatever_was_read_before(texts):
    _both_ways(parse_nickname, texts)


@settings(max_examples=60, deadline=None)
@given(st.lists(_NAME, min_size=1, max_size=12))
def test_a_name_reads_the_same_whatever_was_read_before(names):
    _both_ways(lambda words: parse_name(*words), names)


_INQUIRY_WORDS = ["Здравствуйте!", "подскажите", "цену", "шкаф", "2,4", "м", "Ёлка", "ёлка",
                  "пожалуйста", "a", "и", "ещё", "актуально?", "HELLO", "кухня", "3"]  # fmt: skip
_INQUIRY = st.lists(st.sampled_from(_INQUIRY_WORDS), max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_INQUIRY, min_size=1, max_size=12))
def test_an_inquiry_folds_the_same_whatever_was_folded_before(texts):
    _both_ways(lambda text: (inquiry.folded_words(text), inquiry.text_key(text)), texts)


def test_the_letters_of_a_nickname_are_read_once_its_digits_and_address_its_own():
    plain = parse_nickname("ivan.petrov")
    other = parse_nickname("Ivan_Petrov89@mail.ru")
    assert plain.firsts == other.firsts == ("Иван",)
    assert plain.surnames == other.surnames == ("petrov",)
    assert plain.words == ("ivan.petrov",) and other.words == ("Ivan_Petrov89@mail.ru",)
    assert plain.numbers == () and other.numbers == ("89",)
    # A nickname that reads as no name keeps no digits either.
    assert parse_nickname("sunny_cat77").numbers == ()


def test_folded_words_leave_out_the_greeting_and_keep_one_copy_of_a_word():
    a = inquiry.folded_words("Здравствуйте! Подскажите цену шкафа, пожалуйста")
    b = inquiry.folded_words("цену шкафа на кухню")
    assert a == ("цену", "шкафа")
    assert a[0] is b[0]
