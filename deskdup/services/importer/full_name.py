"""A full name typed in any order, split into last, first and middle name."""

from __future__ import annotations

import re

from deskdup.services.demo_names import is_known_first_name

_PATRONYMIC_ENDINGS = ("вич", "вна", "ична", "ovich", "evich", "ovna", "evna", "ichna")
_SHORT_PATRONYMICS = frozenset({"ильич", "никитич", "кузьмич", "лукич", "фомич", "саввич"})
_TURKIC_PARTICLES = frozenset({"оглы", "кызы", "улы", "гызы", "ogly", "kyzy"})
_SURNAME_ENDINGS = (
    "ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "цкий",
    "ская", "цкая", "ко", "ук", "юк", "ых", "их", "ян", "дзе", "швили",
    "ov", "ev", "in", "ova", "eva", "ina", "sky", "skiy", "skaya", "enko",
)  # fmt: skip
_INITIALS = re.compile(r"^(?:\w\.)+\w?\.?$")


def _is_patronymic(word: str) -> bool:
    low = word.lower()
    return (
        low.endswith(_PATRONYMIC_ENDINGS)
        or low in _SHORT_PATRONYMICS
        or (" " in low and low.rsplit(" ", 1)[1] in _TURKIC_PARTICLES)
    )


def _looks_like_surname(word: str) -> bool:
    return len(word) > 3 and word.lower().endswith(_SURNAME_ENDINGS)


def split_full_name(text: str) -> tuple[str, str, str]:
    """Split a full name typed in any order into (last, first, middle).

    A patronymic is recognised by its ending (-вич, -вна, -ична, ... оглы); the
    word before it is the first name.  Otherwise a known first name or
    diminutive, then a surname-like ending decide; failing both, the first
    word is taken as the first name.  Initials (``Петров И. С.``) fill the
    first and middle name.
    """
    words = text.replace(",", " ").split()
    # "Гусейн оглы" is one patronymic.
    merged: list[str] = []
    for word in words:
        if word.lower() in _TURKIC_PARTICLES and merged:
            merged[-1] = f"{merged[-1]} {word}"
        else:
            merged.append(word)
    initials: list[str] = []
    tokens: list[str] = []
    for word in merged:
        if _INITIALS.match(word) and len(word) <= 4:
            initials.extend(f"{ch}." for ch in word.replace(".", ""))
        else:
            tokens.append(word)
    last = first = middle = ""
    candidates = [i for i, w in enumerate(tokens) if _is_patronymic(w)]
    m = next(
        (i for i in candidates if i > 0 and is_known_first_name(tokens[i - 1])),
        candidates[-1] if candidates else None,
    )
    if m is not None and m > 0 and len(tokens) > 1:
        middle = tokens[m]
        first = tokens[m - 1]
        last = " ".join(w for i, w in enumerate(tokens) if i not in (m, m - 1))
    else:
        if m is not None:
            middle = tokens.pop(m)
        last, first, extra = _split_without_patronymic(tokens)
        middle = middle or extra
    if initials:
        if not first:
            first = initials.pop(0)
        if initials and not middle:
            middle = initials.pop(0)
    return last, first, middle


def _split_without_patronymic(tokens: list[str]) -> tuple[str, str, str]:
    if not tokens:
        return "", "", ""
    if len(tokens) == 1:
        word = tokens[0]
        if not is_known_first_name(word) and _looks_like_surname(word):
            return word, "", ""
        return "", word, ""
    known = [is_known_first_name(w) for w in tokens]
    if len(tokens) == 2:
        a, b = tokens
        if known[0] and not known[1]:
            return b, a, ""
        if known[1] and not known[0]:
            return a, b, ""
        if _looks_like_surname(a) and not _looks_like_surname(b):
            return a, b, ""
        return b, a, ""
    i = known.index(True) if True in known else 0
    rest = [w for j, w in enumerate(tokens) if j != i]
    return rest[0], tokens[i], " ".join(rest[1:])
