"""Names: skeleton keys, diminutives, surname forms, word order, nicknames."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskdup.services.names import (
    DIMINUTIVES,
    FULL_NAMES,
    first_name_forms,
    is_diminutive,
    parse_free_name,
    parse_name,
    skeleton,
    surname_key,
    typo_first_name_forms,
)
from deskdup.services.nicknames import nickname_parts, parse_nickname


@pytest.mark.parametrize(
    ("forms", "key"),
    [
        (["Юлия", "Yuliya", "Iuliia", "Julija", "Yulia"], "ula"),
        (["Щукин", "Shchukin", "Schukin", "Shukin"], "sukin"),
        (["Наталья", "Natalia", "Natalya", "Наталия"], "natala"),
        (["Евгений", "Evgeniy", "Yevgeny", "Evgenij"], "evgeni"),
        (["Сергей", "Sergey", "Sergei", "Sergej"], "sergei"),
        (["Михаил", "Mikhail", "Mihail"], "mihail"),
        (["Ксения", "Kseniya", "Xenia"], "ksena"),
        (["Фёдор", "Федор", "Fyodor", "Fedor"], "fedor"),
        (["Алёна", "Alyona", "Alena"], "alena"),
        (["Цветков", "Tsvetkov", "Tcvetkov"], "cvetkov"),
    ],
)
def test_transliterations_meet_on_one_skeleton(forms, key):
    assert {skeleton(f) for f in forms} == {key}


def test_diminutives_are_one_to_many():
    assert first_name_forms("Ваня") == {"Иван"}
    assert first_name_forms("Саша") == {"Александр", "Александра"}
    assert first_name_forms("Женя") == {"Евгений", "Евгения"}
    assert first_name_forms("Настя") == {"Анастасия"}
    assert first_name_forms("Лёша") == first_name_forms("Алеша") == {"Алексей"}
    assert first_name_forms("Dima") == {"Дмитрий"}
    assert first_name_forms("Vanya") == {"Иван"}
    assert is_diminutive("Ваня") and not is_diminutive("Иван")


def test_diminutive_table_points_at_known_full_names():
    assert len(DIMINUTIVES) >= 140
    for short, names in DIMINUTIVES.items():
        assert names, short
        for name in names:
            assert name in FULL_NAMES, (short, name)


def test_feminine_and_masculine_surnames_share_a_key():
    assert surname_key("Петрова") == surname_key("Петров") == surname_key("Petrova")
    assert surname_key("Ильина") == surname_key("Ilyin") == "ilin"
    assert surname_key("Петровская") == surname_key("Petrovsky") == surname_key("Петровский")
    assert surname_key("Смирнова") != surname_key("Петрова")


def test_full_name_in_any_field_and_order():
    site = parse_free_name("Петров Иван Сергеевич")
    fields = parse_name("Иван", "Петров", "Сергеевич")
    reordered = parse_free_name("Иван Сергеевич Петров")
    for parts in (site, fields, reordered):
        assert set(parts.firsts) == {"Иван"}
        assert set(parts.surnames) == {"petrov"}
        assert parts.patronymic == skeleton("Сергеевич")


def test_initials_and_yo():
    parts = parse_free_name("Петрова И.")
    assert set(parts.surnames) == {"petrov"}
    assert set(parts.initials) == {"i"}
    assert set(parse_free_name("Артём").firsts) == set(parse_free_name("Артем").firsts) == {"Артём"}


@pytest.mark.parametrize(
    ("nick", "parts"),
    [
        ("vanya_petrov93", ("vana", "petrov")),
        ("ivan.petrov", ("ivan", "petrov")),
        ("petrovivan", ("petrov", "ivan")),
        ("i_petrov", ("i", "petrov")),
        ("IvanPetrov", ("ivan", "petrov")),
        ("aleksandrov", ("aleksandrov",)),
        # A surname is not a short first name and a scrap (Яков + lev, Поля + kova).
        ("n_jakovlev", ("n", "akovlev")),
        ("e_poljakova", ("e", "polakova")),
        ("olegpopov", ("oleg", "popov")),
        # A first name glued to a surname, cut on the letters as typed.
        ("annapavlova", ("ana", "pavlova")),
        ("annaanisimova", ("ana", "anisimova")),  # the doubled a goes to the surname
        ("yuriyshashkov", ("uri", "saskov")),
        ("pavelzuyev", ("pavel", "zuev")),
        ("vadimovich", ("vadimovic",)),  # a patronymic, not Вадим + ovic
        ("marinina", ("marinina",)),  # Марина + "na" is no surname
        ("alekseeva", ("alekseva",)),
        # A surname made of a first name and -енко stays whole (not Рома + nenko,
        # Максим + imenko, Степа + nenko).
        ("romanenko", ("romanenko",)),
        ("maksimenko", ("maksimenko",)),
        ("stepanenko", ("stepanenko",)),
        ("anna_romanenko", ("ana", "romanenko")),
        # Nor other surnames made of a first name: Романовский, Иванченко,
        # Петришин, Романчук, Ромашкин (not Роман/Иван/Пётр/Рома + a scrap).
        ("romanovskiy", ("romanovski",)),
        ("ivanchenko", ("ivancenko",)),
        ("petrishin", ("petrisin",)),
        ("romanishin", ("romanisin",)),
        ("romanchuk", ("romancuk",)),
        ("romashkin", ("romaskin",)),
        # ... while a first name glued to a surname is still cut.
        ("romanpetrov", ("roman", "petrov")),
        ("olegskvortsov", ("oleg", "skvorcov")),
        # Glued where one ends in the letter the other starts with: the cut
        # falls between the doubled letters (not Ваня + "ivano", Иван + "ikolaev").
        ("ivanovaanna", ("ivanova", "ana")),
        ("belovaanya", ("belova", "ana")),
        ("petrovvasiliy", ("petrov", "vasili")),
        ("orlovvadim", ("orlov", "vadim")),
        ("ivannikolaev", ("ivan", "nikolaev")),
        ("olgaaksenova", ("olga", "aksenova")),
        ("vladdanilov", ("vlad", "danilov")),
        ("mariaantonova", ("mara", "antonova")),
        # A doubled letter inside one word cuts nothing.
        ("savvateeva", ("savateva",)),
        ("kassandra", ("kasandra",)),
    ],
)
def test_nickname_parts(nick, parts):
    assert nickname_parts(nick) == parts


def test_a_doubled_letter_at_the_cut_keeps_the_first_name_and_the_surname():
    """``petrovaanna`` is Анна Петрова: read as Ваня + "petro" it named a man
    and conflicted with her own first name and surname."""
    anna = parse_nickname("petrovaanna")
    assert "Анна" in anna.firsts and "Иван" not in anna.firsts
    assert anna.surnames == ("petrov",)
    assert "Алла" in parse_nickname("ivanovaalla").firsts
    assert "Валентин" not in parse_nickname("ivanovaalla").firsts


def test_nickname_reads_as_a_name():
    parts = parse_nickname("vanya_petrov93")
    assert set(parts.firsts) == {"Иван"} and set(parts.surnames) == {"petrov"} and parts.diminutive
    assert set(parse_nickname("ivan.petrov@mail.ru").surnames) == {"petrov"}
    assert parse_nickname("best_deals_shop").empty


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [(("Maksim", "Sedyx"), ("Максим", "Седых")), (("Mixail", "Jukov"), ("Михаил", "Жуков"))],
)
def test_lazy_transliteration_x_and_j_meet_the_cyrillic_name(latin, cyrillic):
    lazy, proper = parse_name(*latin), parse_name(*cyrillic)
    assert set(lazy.firsts) & set(proper.firsts)
    assert set(lazy.surnames) & set(proper.surnames)


def test_names_written_in_cyrillic_are_taken_at_their_word():
    # The skeleton of Юлия, Юля and Уля is the same; the names are not.
    assert set(parse_name("Юлия").firsts) == {"Юлия"}
    assert set(parse_name("Уля").firsts) == {"Ульяна"}
    assert set(parse_name("Женя").firsts) == {"Евгений", "Евгения"}


def test_two_typos_only_in_long_words_and_not_in_the_first_letter():
    from deskdup.services.names import close_words

    assert close_words("кузнецова", "кузнцеова")  # one swap
    assert close_words("вишневская", "вишнеская")
    assert close_words("makarova", "mackarowa")  # two, same first letter
    assert not close_words("makarova", "zaharova")  # Макарова / Захарова
    assert not close_words("mironova", "voronova")


def test_opposite_genders():
    from deskdup.services.names import opposite_genders

    assert opposite_genders(("Евгений",), ("Евгения",))
    assert not opposite_genders(("Евгений", "Евгения"), ("Евгения",))  # Женя
    assert not opposite_genders(("Иван",), ("Пётр",))


# ----------------------------------------------------------------- properties

_CYRILLIC = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ -")
_ANY = st.one_of(_CYRILLIC, st.text(max_size=30))


@given(_ANY)
def test_skeleton_is_idempotent(text):
    assert skeleton(skeleton(text)) == skeleton(text)


@given(_ANY)
def test_skeleton_ignores_case(text):
    assert skeleton(text.upper()) == skeleton(text.lower())


_NAMES = sorted(FULL_NAMES)
_SURNAMES = ["Петров", "Смирнова", "Кузнецов", "Иванова", "Соколовский", "Щукин", "Цветаева"]


@given(
    st.sampled_from(_NAMES),
    st.sampled_from(_SURNAMES),
    st.permutations([0, 1, 2]),
    st.booleans(),
)
def test_name_keys_ignore_word_order_and_case(first, last, order, upper):
    words = [first, last, "Сергеевна"]
    text = " ".join(words[i] for i in order)
    text = text.upper() if upper else text
    parts = parse_free_name(text)
    reference = parse_free_name(f"{first} {last} Сергеевна")
    assert parts.firsts == reference.firsts
    assert parts.surnames == reference.surnames
    assert parts.patronymic == reference.patronymic


_TRANSLIT = {
    "а": ["a"], "б": ["b"], "в": ["v"], "г": ["g"], "д": ["d"], "е": ["e"], "ё": ["yo", "e", "io"],
    "ж": ["zh"], "з": ["z"], "и": ["i"], "й": ["y", "i", "j"], "к": ["k"], "л": ["l"],
    "м": ["m"], "н": ["n"], "о": ["o"], "п": ["p"], "р": ["r"], "с": ["s"], "т": ["t"],
    "у": ["u"], "ф": ["f"], "х": ["kh", "h"], "ц": ["ts", "tc", "c"], "ч": ["ch"],
    "ш": ["sh"], "щ": ["shch", "sch"], "ъ": [""], "ы": ["y"], "ь": ["", "'"], "э": ["e"],
    "ю": ["yu", "iu", "ju"], "я": ["ya", "ia", "ja"],
}  # fmt: skip


@given(st.sampled_from(_NAMES + _SURNAMES), st.data())
def test_any_transliteration_meets_the_cyrillic(name, data):
    latin = "".join(data.draw(st.sampled_from(_TRANSLIT[ch])) for ch in name.lower())
    assert skeleton(latin) == skeleton(name)


def test_a_letter_glued_to_a_surname_is_only_maybe_an_initial():
    # frolov68 may be Ф. Ролов or Фролов: the letter is kept apart from real initials.
    parts = parse_nickname("frolov68")
    assert "frolov" in parts.surnames and parts.glued_initials == ("f",)
    assert parts.initials == ()
    assert parse_nickname("i_petrov").initials == ("i",)


@pytest.mark.parametrize(
    ("nick", "glued", "surname"),
    [
        ("ylebedev", ("i",), "lebedev"),  # a typed y before a consonant: Е. or Ю.
        ("eivanova", ("e",), "ivanov"),  # two vowels: Е. Иванова
        ("dpavlov0", ("d",), "pavlov"),
        ("yakovlev", (), "akovlev"),  # Яковлев: the y is the surname's own
        ("ivanova", (), "ivanov"),
    ],
)
def test_an_initial_glued_in_front_of_a_surname(nick, glued, surname):
    parts = parse_nickname(nick)
    assert parts.glued_initials == glued
    assert surname in parts.surnames


@pytest.mark.parametrize(
    ("nick", "firsts", "surnames"),
    [
        ("andrej1982", {"Андрей"}, set()),  # not also a surname "Андреж"
        ("natalja1992", {"Наталья"}, set()),
        ("mixail1990", {"Михаил"}, set()),  # x for х
        ("maxim_zaxarov", {"Максим"}, {"zaharov", "zaksarov"}),  # Захаров or Заксаров
    ],
)
def test_lazy_letters_in_nicknames_are_read_word_by_word(nick, firsts, surnames):
    parts = parse_nickname(nick)
    assert set(parts.firsts) == firsts
    assert set(parts.surnames) == surnames


def test_every_first_name_of_the_demo_is_known_to_names():
    """One vocabulary of first names: the demo draws people whose names (and
    diminutives) names.py knows, so the importer and the matcher read them."""
    from deskdup.services import demo_names
    from deskdup.services.names import is_known_first_name

    demo = [*demo_names.MALE_NAMES, *demo_names.FEMALE_NAMES]
    demo += [
        d for diminutives, _son, _daughter in demo_names.MALE_NAMES.values() for d in diminutives
    ]
    demo += [d for diminutives in demo_names.FEMALE_NAMES.values() for d in diminutives]
    assert [name for name in demo if not is_known_first_name(name)] == []
    assert not is_known_first_name("Петров")


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Андей", "Андрей"),  # a letter missing
        ("Лнеа", "Елена"),  # two swapped (Лена)
        ("Крилл", "Кирилл"),
        ("Алкесей", "Алексей"),
        ("светална", "Светлана"),
        ("Ктя", "Екатерина"),  # Катя
        ("Alkesei", "Алексей"),  # Latin: by the skeleton
    ],
)
def test_a_first_name_one_typo_off_is_that_name(typed, name):
    assert name in typo_first_name_forms(typed)
    assert name in parse_name(typed).firsts
    assert name in parse_name(f"Денисов {typed}").firsts


@pytest.mark.parametrize(
    "typed",
    [
        "Никта",  # Ника (a woman's) or Никита (a man's): not told
        "Ильина",  # a surname one letter from Ирина
        "Мишин",
        "Оля",  # a known name is no typo
        "Яна",
    ],
)
def test_no_typo_reading_where_the_names_near_disagree_or_a_surname_is_typed(typed):
    assert not typo_first_name_forms(typed)


def test_a_first_name_surname_in_enko_names_no_one_else():
    """Telegram ``romanenko_a`` is А. Романенко, not a Роман: read as Роман it
    matched every Роман and conflicted with Анна Романенко's own first name."""
    parts = parse_nickname("romanenko_a")
    assert parts.firsts == ()
    assert set(parts.surnames) == {"romanenko"}
    assert set(parts.initials) == {"a"}
    assert set(parse_nickname("anna_romanenko").firsts) >= {"Анна"}
    assert "Роман" not in parse_nickname("anna_romanenko").firsts
