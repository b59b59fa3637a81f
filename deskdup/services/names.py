"""Person names in Cyrillic and Latin, reduced to keys that meet.

Three ideas carry the matching of names:

- a *skeleton*: a coarse Latin spelling that every common transliteration of a
  Russian name reduces to (``Юлия``, ``Yuliya``, ``Iuliia``, ``Julija`` all give
  ``ula``).  It is not meant to be read, only compared;
- a *diminutive table* (ours, one-to-many): ``Ваня`` -> ``Иван``, ``Саша`` ->
  ``Александр`` or ``Александра``;
- *surname keys*: the skeleton of the masculine form, so ``Петрова``,
  ``Petrova`` and ``Петров`` agree.

A name is parsed into a ``NameParts`` record regardless of word order; the
matcher compares records.  Nicknames and e-mail local parts (``vanya_petrov93``,
``petrovivan``, ``i.petrov``) are split into parts and parsed the same way, in
``nicknames.py``.
A full name typed into one field is split into last, first and middle name
(``split_full_name``, for the importer) with the same vocabulary.

This module is the one vocabulary of names that the matcher, the importer and
the demo ask: the tables of first names it reads are in ``name_tables.py``,
the text folding and the skeleton in ``name_folding.py`` (both asked through
here: ``fold``, ``skeleton``, ``is_cyrillic`` and ``DIMINUTIVES`` are this
module's too).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA

from deskdup.services.name_folding import fold, is_cyrillic, skeleton
from deskdup.services.name_tables import _FEMALE, _LATIN_FORMS, _MALE, _VARIANTS, DIMINUTIVES

# --------------------------------------------------------------------------- first names

FEMALE_NAMES = frozenset(_FEMALE)
FULL_NAMES = frozenset(_MALE) | FEMALE_NAMES


def _build_first_name_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}

    def add(form: str, canon: tuple[str, ...]) -> None:
        for key in {skeleton(form)}:
            if len(key) >= 2:
                index.setdefault(key, set()).update(canon)

    for name in FULL_NAMES:
        add(name, (name,))
    for variant, name in _VARIANTS.items():
        add(variant, (name,))
    for short, names in DIMINUTIVES.items():
        add(short, names)
    for latin, names in _LATIN_FORMS.items():
        add(latin, names)
    return {key: frozenset(names) for key, names in index.items()}


_FIRST_INDEX = _build_first_name_index()


def _build_exact_forms() -> dict[str, frozenset[str]]:
    """Cyrillic first names as written -> the names they stand for.  The coarse
    skeleton lets some meet that should not (Юлия, Юля and Уля all give ``ula``);
    a name written in Cyrillic is taken at its word."""
    exact: dict[str, set[str]] = {}
    for name in FULL_NAMES:
        exact.setdefault(fold(name), set()).add(name)
    for variant, name in _VARIANTS.items():
        exact.setdefault(fold(variant), set()).add(name)
    for short, names in DIMINUTIVES.items():
        exact.setdefault(fold(short), set()).update(names)
    return {word: frozenset(names) for word, names in exact.items()}


_EXACT_FORMS = _build_exact_forms()
_DIMINUTIVES_OF: dict[str, tuple[str, ...]] = {}
for _short, _names in DIMINUTIVES.items():
    for _name in _names:
        _DIMINUTIVES_OF[_name] = (*_DIMINUTIVES_OF.get(_name, ()), fold(_short))
# Diminutive forms, to say "diminutive" in a reason.
_FULL_SKELETONS = frozenset(skeleton(n) for n in FULL_NAMES)
_MAX_FIRST_LEN = max(len(k) for k in _FIRST_INDEX)


def _build_deletions(keys) -> dict[str, frozenset[str]]:
    """Every key and each form of it with one letter left out -> the keys: two
    words one typo apart share one of these (a symmetric deletion index), so a
    typo is looked up without comparing the word with every name."""
    index: dict[str, set[str]] = {}
    for key in keys:
        for probe in _deletions(key):
            index.setdefault(probe, set()).add(key)
    return {probe: frozenset(found) for probe, found in index.items()}


def _deletions(key: str) -> set[str]:
    return {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}


# Cyrillic names are looked up as written (Лена and Лёня share a skeleton),
# Latin ones by skeleton; from this many letters on (a shorter word is one
# letter from too many names).
_TYPO_TABLES = (
    (_EXACT_FORMS, _build_deletions(k for k in _EXACT_FORMS if len(k) >= 3), 3),
    (_FIRST_INDEX, _build_deletions(k for k in _FIRST_INDEX if len(k) >= 3), 4),
)


@lru_cache(maxsize=100_000)
def typo_first_name_forms(token: str) -> frozenset[str]:
    """The canonical names a word one typo from a known first name stands for
    (a swapped, missing, extra or wrong letter, not the first one: Андей,
    Лнеа, Крилл, Алкесей), when the names it is that close to are all of one
    gender; else none.  Words with a surname's ending are left alone (Ильина
    is not Ирина)."""
    latin = skeleton(token)
    if latin.endswith(_SURNAME_ENDINGS):
        return frozenset()
    forms: set[str] = set()
    cyrillic = is_cyrillic(token)
    names, deletions, shortest = _TYPO_TABLES[0 if cyrillic else 1]
    key = fold(token) if cyrillic else latin
    if len(key) < shortest or key in names:
        return frozenset()
    for probe in _deletions(key):
        for candidate in deletions.get(probe, ()):
            if candidate[0] == key[0] and OSA.distance(candidate, key, score_cutoff=1) <= 1:
                forms.update(names[candidate])
    if forms & FEMALE_NAMES and forms - FEMALE_NAMES:
        return frozenset()
    return frozenset(forms)


def first_name_forms(token: str) -> frozenset[str]:
    """The canonical full names a first name (full, diminutive, Latin) may stand for."""
    return _FIRST_INDEX.get(skeleton(token), frozenset())


def is_diminutive(token: str) -> bool:
    key = skeleton(token)
    return key in _FIRST_INDEX and key not in _FULL_SKELETONS


# --------------------------------------------------------------------------- surnames

# Skeleton endings of feminine surname forms -> the masculine ending.
_FEMININE_ENDINGS = (
    ("ova", "ov"),
    ("eva", "ev"),
    ("ina", "in"),
    ("ska", "ski"),
    ("cka", "cki"),
    ("aia", "ii"),
)
_PATRONYMIC_ENDINGS = ("ovic", "evic", "ovna", "evna", "icna", "inicna", "ilic")


def surname_key(token: str) -> str:
    """Skeleton of the masculine form: Петрова, Petrova, Петров -> ``petrov``."""
    key = skeleton(token)
    for fem, masc in _FEMININE_ENDINGS:
        if key.endswith(fem) and len(key) > len(fem) + 1:
            return key[: -len(fem)] + masc
    if key.endswith("skii") or key.endswith("ckii"):
        return key[:-1]
    return key


_FEMALE_SURNAME = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая", "ova", "eva", "ina",
                   "yna", "skaya", "aya", "owa", "ewa")  # fmt: skip
_MALE_SURNAME = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ый", "ov", "ev", "in", "yn",
                 "sky", "skiy", "skij", "ow", "ew")  # fmt: skip


def surname_gender(word: str) -> str:
    """'f' or 'm' by a folded surname's form (титова, titova / титов, smirnow),
    '' when the form does not tell (черных, bondarenko, ковальчук)."""
    if word.endswith(_FEMALE_SURNAME):
        return "f"
    if word.endswith(_MALE_SURNAME):
        return "m"
    return ""


# Short patronymics with the old ending -ич (Ильич, Никитич, Кузьмич, Лукич, Фомич).
_PATRONYMIC_WORDS = frozenset({"ilic", "nikitic", "kuzmic", "lukic", "fomic", "savic", "fokic"})


def looks_like_patronymic(token: str) -> bool:
    key = skeleton(token)
    return key in _PATRONYMIC_WORDS or (len(key) > 5 and key.endswith(_PATRONYMIC_ENDINGS))


# --------------------------------------------------------------------------- typos


def close_words(a: str, b: str) -> bool:
    """One typo apart (two in long words): a swap, a missing or a doubled letter."""
    if a == b:
        return True
    longest = max(len(a), len(b))
    if min(len(a), len(b)) < 3 or longest < 4 or abs(len(a) - len(b)) > 2:
        return False
    # Two typos only in a long word, and not at its first letter, which people
    # rarely get wrong (Макарова / Захарова are two people).
    limit = 2 if longest >= 8 and a[0] == b[0] else 1
    return OSA.distance(a, b, score_cutoff=limit) <= limit


@lru_cache(maxsize=4096)
def opposite_genders(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Canonical first names all of one gender on one side and all of the other
    on the other (Евгений / Евгения); a diminutive for both (Женя) is neither."""
    female_a = {name in FEMALE_NAMES for name in a}
    female_b = {name in FEMALE_NAMES for name in b}
    return len(female_a) == 1 and len(female_b) == 1 and female_a != female_b


@lru_cache(maxsize=4096)
def first_name_words(names: frozenset[str]) -> frozenset[str]:
    """Folded canonical names and their diminutives, to catch a typo in either."""
    out: set[str] = set()
    for name in names:
        out.add(fold(name))
        out.update(_DIMINUTIVES_OF.get(name, ()))
    return frozenset(out)


# --------------------------------------------------------------------------- parsing


# The tuples ``_small`` made, each once: most names' parts recur (the first
# names, their keys and initials; common surnames), and a million leads'
# parsed names held 1.7 million such tuples.  Emptied with the parse caches.
_SMALL: dict[tuple[str, ...], tuple[str, ...]] = {}


def _small(values) -> tuple[str, ...]:
    """A small set kept as a sorted tuple: a tenth of a frozenset's memory
    (and one tuple for each set of values, ``_SMALL``)."""
    if not values:
        return ()
    small = tuple(values) if len(values) == 1 else tuple(sorted(set(values)))
    if len(_SMALL) >= 500_000:
        _SMALL.clear()
    return _SMALL.setdefault(small, small)


class NameParts(NamedTuple):
    """A person's name as the matcher compares it; word order does not matter.

    ``firsts``: canonical full first names the given name may stand for.
    ``first_keys``: skeletons of the words read as a first name, known or not
    (``Маск`` typed for ``Макс`` still meets ``Максим`` by edit distance).
    ``surnames``: surname keys (masculine skeletons).  ``initials``: skeleton
    letters of initials (``Петров И.`` -> ``i``).  ``words``: the original words,
    for reasons.
    """

    firsts: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    patronymic: str = ""
    initials: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    diminutive: bool = False  # a first name was given in a short form
    first_keys: tuple[str, ...] = ()
    # Folded words as typed, for typo tolerance (edit distance).
    first_words: tuple[str, ...] = ()
    surname_words: tuple[str, ...] = ()
    # Digit groups of a nickname or e-mail (a birth year: krasnov89, tima_krasnov89).
    numbers: tuple[str, ...] = ()
    # A letter that may be an initial glued to a surname (lkomarova) or may be
    # the surname's own first letter (frolov68): it counts against a first name
    # or an initial on the other side, never against another such letter.
    glued_initials: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.firsts or self.surnames or self.initials or self.first_keys)

    def first_initials(self) -> frozenset[str]:
        """The initial letters the first name could be written with."""
        letters: set[str] = set(self.initials)
        for name in self.firsts:
            letters.update(_initials_of(name))
        letters.update(key[:1] for key in self.first_keys)
        return frozenset(letters)

    def canonical_text(self) -> str:
        """A readable form: ``Иван Петров``-like, for reasons."""
        return " ".join(self.words)


# A Latin initial of a Cyrillic name depends on the transliteration: Юрий is
# U., Y. or J. (and "y"/"j" reduce to "i" in the skeleton).
_EXTRA_INITIALS = {
    "ю": "i",
    "я": "i",
    "е": "i",
    "ё": "i",
    "х": "k",
    "ж": "i",
    "ц": "t",
}


@lru_cache(maxsize=4096)
def _initials_of(name: str) -> frozenset[str]:
    letters = {skeleton(name)[:1]}
    extra = _EXTRA_INITIALS.get(name[:1].lower())
    if extra:
        letters.add(extra)
    return frozenset(letters)


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def name_words(text: str) -> list[str]:
    """The words of a name field, as ``parse_name`` reads them (letters only)."""
    return _WORD.findall(text or "")


@lru_cache(maxsize=200_000)
def parse_name(first: str = "", last: str = "", middle: str = "") -> NameParts:
    """Parse a name given in fields (any of them may hold the whole name).

    Words are classified, not trusted by position: a known first name is a
    first name, ``-ович``/``-овна`` is a patronymic, one letter is an initial,
    anything else is a surname.  A known first name typed into the surname
    field stays a surname when another first name is present.
    """
    firsts: set[str] = set()
    first_keys: set[str] = set()
    first_words: set[str] = set()
    surname_words: set[str] = set()
    surnames: set[str] = set()
    initials: set[str] = set()
    patronymic = ""
    diminutive = False
    in_first, in_last, in_middle = name_words(first), name_words(last), name_words(middle)
    tagged = (
        [(w, "first") for w in in_first]
        + [(w, "last") for w in in_last]
        + [(w, "middle") for w in in_middle]
    )
    read = {w: _word_reading(w) for w, _field in tagged}
    has_first_field = any(field == "first" and read[w][7] for w, field in tagged)
    # One word alone in the first-name field is a first name even when unknown
    # (a typo, a rare name); with more words there, unknown ones are surnames,
    # unless the others are only a patronymic (Андерй Дмитриевич).
    lone_first = len(in_first) == 1 or (
        len(in_first) == 2 and not has_first_field and sum(read[w][3] for w in in_first) == 1
    )
    for word, field in tagged:
        key, initial, forms, patronymic_like, folded, surname_keys, short, _ = read[word]
        if not key:
            continue
        if initial:
            initials.add(initial)
            continue
        typo = False
        if not forms and field != "middle" and not patronymic_like:
            forms = typo_first_name_forms(word)  # Андей: Андрей
            typo = bool(forms)
        if field == "middle" and not forms:
            patronymic = key
            continue
        if forms and not (field == "last" and has_first_field):
            firsts.update(forms)
            first_keys.add(key)
            first_words.add(folded)
            diminutive = diminutive or (short and not typo)
            continue
        if patronymic_like and (field != "last" or len(tagged) > 2):
            patronymic = patronymic or key
            continue
        if field == "first" and lone_first and not patronymic_like:
            first_keys.add(key)
            first_words.add(folded)
            continue
        if surname_keys:
            surnames.update(surname_keys)  # and of its readings: Sedyx, Седых
            surname_words.add(folded)
    # Shown as a Russian CRM card reads: surname, first name, patronymic.
    return NameParts(
        _small(firsts),
        _small(surnames),
        patronymic,
        _small(initials),
        (*in_last, *in_first, *in_middle),
        diminutive,
        _small(first_keys),
        _small(first_words),
        _small(surname_words),
    )


@lru_cache(maxsize=100_000)  # the words of names repeat far more than names do
def _word_reading(
    word: str,
) -> tuple[str, str, frozenset[str] | None, bool, str, tuple[str, ...], bool, bool]:
    """What ``parse_name`` may make of one word of a name, whatever its field:
    (its key, '' when it has no letters; the letter of an initial, else '';
    the first names it reads as (as written, by skeleton or in the lazy
    transliteration) and so its key (that reading's); whether it looks like a
    patronymic; its folded form; its surname keys (with its readings'), none
    under three letters; whether its key is a short form; whether its own
    skeleton is a known first name (``first_name_forms``))."""
    key = skeleton(word)
    if not key:
        return "", "", None, False, "", (), False, False
    own_forms = _FIRST_INDEX.get(key)
    if len(key) == 1 or len(word) == 1:
        return key, key[:1], None, False, "", (), False, bool(own_forms)
    folded = fold(word)
    forms = _EXACT_FORMS.get(folded) or own_forms
    readings = _lazy_readings(word)
    if not forms and readings:
        for reading in readings:  # Mixail: Михаил
            if skeleton(reading) in _FIRST_INDEX:
                key = skeleton(reading)
                forms = _FIRST_INDEX[key]
                break
    surname_keys = (
        (surname_key(word), *(surname_key(reading) for reading in readings))
        if len(key) >= 3
        else ()
    )
    return (
        key,
        "",
        forms,
        looks_like_patronymic(word),
        folded,
        surname_keys,
        key not in _FULL_SKELETONS,
        bool(own_forms),
    )


def _lazy_readings(word: str) -> tuple[str, ...]:
    """Other readings of a Latin word in the lazy transliteration, which writes
    х as x and ж as j (Sedyx is Седых, Jukova is Жукова)."""
    if not word.isascii():
        return ()
    lowered = word.lower()
    out = []
    if "x" in lowered:
        out.append(lowered.replace("x", "h"))
    if "j" in lowered:
        out.append(lowered.replace("j", "zh"))
    return tuple(out)


def parse_free_name(text: str) -> NameParts:
    """A name typed in one line, in any word order: ``Петров Иван Сергеевич``."""
    return parse_name(text or "")


# Surname endings of a skeleton (the nickname reading, ``nicknames.py``, and the
# typo check of first names).
_SURNAME_ENDINGS = ("ov", "ev", "in", "ova", "eva", "ina", "ski", "ska", "enko", "uk", "ic")


# --------------------------------------------------------------------------- one-field full names

# Russian surnames by gender: masculine ending -> feminine ending.
SURNAME_GENDER_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ов", "ова"),
    ("ев", "ева"),
    ("ёв", "ёва"),
    ("ин", "ина"),
    ("ын", "ына"),
    ("ский", "ская"),
    ("цкий", "цкая"),
)
# Endings that make a word read as a surname when a full name comes in one field.
SURNAME_ENDINGS: tuple[str, ...] = (
    *(masculine for masculine, _f in SURNAME_GENDER_ENDINGS),
    *(feminine for _m, feminine in SURNAME_GENDER_ENDINGS),
    "ко", "ук", "юк", "ых", "их", "ян", "дзе", "швили",
    "ov", "ev", "in", "ova", "eva", "ina", "sky", "skiy", "skaya", "enko",
)  # fmt: skip
# "Гусейн оглы": a Turkic patronymic is the father's name and a particle.
TURKIC_PARTICLES = frozenset({"оглы", "кызы", "улы", "гызы", "ogly", "kyzy"})
_INITIALS_WORD = re.compile(r"^(?:\w\.)+\w?\.?$")


def feminine_surname(surname: str) -> str:
    """Петров -> Петрова, Островский -> Островская, Шевченко -> Шевченко."""
    for masculine, feminine in SURNAME_GENDER_ENDINGS:
        if surname.endswith(masculine):
            return surname[: -len(masculine)] + feminine
    return surname


def masculine_surname(surname: str) -> str:
    """Петрова -> Петров, Островская -> Островский, Шевченко -> Шевченко."""
    for masculine, feminine in SURNAME_GENDER_ENDINGS:
        if surname.endswith(feminine):
            return surname[: -len(feminine)] + masculine
    return surname


def is_known_first_name(word: str) -> bool:
    """A first name or diminutive we know, as written (Cyrillic, any case, ё or е)."""
    return fold(word) in _EXACT_FORMS


def _is_patronymic(word: str) -> bool:
    if " " in word:
        return word.lower().rsplit(" ", 1)[1] in TURKIC_PARTICLES
    return looks_like_patronymic(word)


def _looks_like_surname(word: str) -> bool:
    return len(word) > 3 and word.lower().endswith(SURNAME_ENDINGS)


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
        if word.lower() in TURKIC_PARTICLES and merged:
            merged[-1] = f"{merged[-1]} {word}"
        else:
            merged.append(word)
    initials: list[str] = []
    tokens: list[str] = []
    for word in merged:
        if _INITIALS_WORD.match(word) and len(word) <= 4:
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
