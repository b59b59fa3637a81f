"""The clean merged name (issue 12 item 4): splitting, voting, Cyrillic, case, typos."""

from __future__ import annotations

from deskdup.services.name_proposal import NameSource, proper_case, propose_names


def propose(*leads: tuple[str, str, str] | tuple[str, str, str, str]):
    sources = {i: NameSource(*lead) for i, lead in enumerate(leads, start=1)}
    result = propose_names(sources, list(sources))
    return tuple(
        (p.value if p else "")
        for p in (result[f] for f in ("last_name", "first_name", "middle_name"))
    )


def test_a_typo_and_a_full_name_in_the_first_name_field():
    # Issue 12: the defaults read "Высцкий Высоцкий Георгий Юрьевич".
    assert propose(("Высцкий", "", ""), ("", "Высоцкий Георгий Юрьевич", "")) == (
        "Высоцкий",
        "Георгий",
        "Юрьевич",
    )


def test_latin_and_lower_case_give_way_to_the_cyrillic_properly_written():
    assert propose(("Danilova", "Ekaterina", ""), ("", "данилова екатерина никитична", "")) == (
        "Данилова",
        "Екатерина",
        "Никитична",
    )
    assert propose(("Danilova", "", ""), ("", "данилова екатерина никитична", "")) == (
        "Данилова",
        "Екатерина",
        "Никитична",
    )


def test_the_spelling_most_leads_agree_on_beats_the_primarys_typo():
    assert (
        propose(("Денисоов", "Павел", ""), ("Денисов", "Павел", ""), ("Денисов", "", ""))[0]
        == "Денисов"
    )
    # Two against one also when the one is a different name altogether.
    assert propose(("Смирнова", "", ""), ("Петрова", "", ""), ("Петрова", "", ""))[0] == "Петрова"


def test_a_tie_between_two_names_keeps_the_primarys():
    assert propose(("Смирнова", "", ""), ("Петрова", "", ""))[0] == "Смирнова"
    assert propose(("Петрова", "", ""), ("Смирнова", "", ""))[0] == "Петрова"


def test_the_leads_other_text_settles_a_tie_between_spellings():
    # The e-mail of one lead spells the surname: the spelling it supports wins.
    leads = (("Ковалёва", "", "", ""), ("Ковалева", "", "", "kovaleva.anna@mail.ru"))
    assert propose(*leads)[0] in ("Ковалёва", "Ковалева")  # one name: ё and е fold alike
    assert (
        propose(("Сидорова", "", "", ""), ("Сидрова", "", "", "Письмо с sidorova@mail.ru"))[0]
        == "Сидорова"
    )
    assert (
        propose(("Сидрова", "", "", ""), ("Сидорова", "", "", "Письмо с sidorova@mail.ru"))[0]
        == "Сидорова"
    )


def test_nothing_to_propose_where_no_lead_has_a_value():
    assert propose(("", "Анна", ""), ("", "", "")) == ("", "Анна", "")


def test_proper_case_keeps_mixed_case_and_particles():
    assert proper_case("данилова") == "Данилова"
    assert proper_case("ГУСЕЙН ОГЛЫ") == "Гусейн оглы"
    assert proper_case("римский-корсаков") == "Римский-Корсаков"
    assert proper_case("МакДональд") == "МакДональд"
