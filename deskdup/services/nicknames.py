"""Nicknames and e-mail local parts read as names: ``vanya_petrov93``,
``petrovivan``, ``i.petrov``, ``lkomarova`` are split into parts (a first name
peeled off a surname glued to it, an initial glued in front) and read with the
vocabulary of ``names.py`` into the ``NameParts`` a typed name makes.

A build reads every nickname of its leads; most share their letters with
another (ivan.petrov, ivan_petrov93@mail.ru), so the letters are read once
(``_read_nickname``), and each piece and part in them once.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from deskdup.services.names import (
    _FIRST_INDEX,
    _FULL_SKELETONS,
    _SMALL,
    _SURNAME_ENDINGS,
    NameParts,
    _small,
    _word_reading,
    looks_like_patronymic,
    parse_name,
    skeleton,
    surname_gender,
    surname_key,
)

_DIGIT_GROUPS = re.compile(r"\d+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NICK_SPLIT = re.compile(r"[^a-zA-Zа-яА-ЯёЁ]+")


# Endings that make a surname of a first name: Александров, Михайлова, and the
# Ukrainian -енко (Романенко, Степаненко, Максименко: not Рома + "nenko").
_PATRONYMIC_SAFE = ("ov", "ova", "ev", "eva", "in", "ina", "lov", "lova", "enko")
# What follows a first name inside a surname made of it (skeletons): Роман|овский,
# Иван|ченко, Роман|чук, Пётр|ишин, Олег|овна, Роман|ович.
_DERIVED_STARTS = ("ov", "ev", "isin", "ic", "enko", "cenko", "cuk", "uk")

# Surname endings after which one more letter is an initial (not -ic: Olegovic|h).
_TRAILING_INITIAL_ENDINGS = ("ov", "ev", "ova", "eva", "ina", "skaa", "ski")


def _made_of_a_first_name(key: str) -> bool:
    """``romanovski``, ``ivancenko``, ``petrisin``, ``romaskin``: one surname (or
    a patronymic) made of a first name, not a first name glued to a surname;
    nor is a diminutive cut off it (Рома + ``nisin``)."""
    for i in range(3, len(key) - 1):
        if key[:i] not in _FIRST_INDEX:
            continue
        tail = key[i:]
        if tail.startswith(_DERIVED_STARTS) or (tail.startswith("sk") and len(tail) <= 4):
            return True
    return False


@lru_cache(maxsize=100_000)  # pieces repeat across nicknames: 8,600 distinct in 64,000
def _split_glued(piece: str) -> tuple[str, ...]:
    """``petrovivan`` -> ``petrov``, ``ivan``: peel a known first name off either end.

    Of the possible cuts the one that leaves a surname-like rest wins
    (``petrov|ivan`` over ``petr|ovivan``), then the longer first name.  A first
    name followed by one letter is a name and an initial (``goshat``: Гоша Т.).
    The cuts are made on the skeleton; when a skeleton swallowed a letter at
    the cut (``tsoi|aleksei`` -> ``coaleksei``) they are retried on the letters
    as typed.
    """
    key = skeleton(piece)
    if key in _FIRST_INDEX or len(piece) < 5:
        return (key,) if key else ()
    # Surnames made of a first name (Александров, Михайлова, Романенко) stay whole.
    if any(key.endswith(end) and key[: -len(end)] in _FIRST_INDEX for end in _PATRONYMIC_SAFE):
        return (key,)
    at_double = _cut_at_double(piece)
    if at_double is not None:
        return at_double
    if (
        len(key) >= 6
        and key[:-1].endswith(_TRAILING_INITIAL_ENDINGS)
        and not key.endswith(_SURNAME_ENDINGS)
    ):
        # denisovaj, petrovi: a surname and the first name's initial after it
        # (not Денис + "ovaj", Пётр + "ovi").
        return (key[:-1], key[-1])
    surname_like = len(key) >= 6 and key.endswith(_SURNAME_ENDINGS)
    derived = _made_of_a_first_name(key)
    cuts = [(key[:i], key[i:]) for i in range(1, len(key))]
    best, near_miss = _best_cut(key, cuts, surname_like, derived)
    if best is None and near_miss:
        best, _ = _best_cut(
            key,
            [(skeleton(piece[:i]), skeleton(piece[i:])) for i in range(1, len(piece))],
            surname_like,
            derived,
        )
    if best:
        return tuple(best)
    return (None if derived else _name_then_surname(piece)) or (key,)


def _surname_like(key: str) -> bool:
    """Five letters or more ending as a surname does, two of them before the ending."""
    return len(key) >= 5 and any(
        key.endswith(end) and len(key) - len(end) >= 2 for end in _SURNAME_ENDINGS
    )


def _cut_at_double(piece: str) -> tuple[str, str] | None:
    """``ivanovaanna``, ``petrovvasiliy``, ``ivannikolaev``, ``olgaaksenova``: a
    surname and a first name glued where one ends in the letter the other
    starts with.  The skeleton merges the two letters (``ivanovana``), and a
    cut on it takes a letter from one side (Иван + "ivano" via Ваня,
    Иван + "ikolaev"); cut between the two letters as typed instead.  The
    first name is typed in four letters or more (Анна, Влад, Олег).  Not at
    ``ii`` (dmitrii, mariia: -ий, -ия) nor at the end of a name that ends
    in a doubled letter itself (kirill|kiselev)."""
    for i in range(4, len(piece) - 3):
        if piece[i] != piece[i - 1] or piece[i] in "iy":
            continue
        whole = _FIRST_INDEX.get(skeleton(piece[: i + 1]), ())
        if any(name[-1] == name[-2] for name in whole):
            continue
        head, tail = skeleton(piece[:i]), skeleton(piece[i:])
        if tail in _FIRST_INDEX and _surname_like(head):
            return (head, tail)
        if head in _FIRST_INDEX and _surname_like(tail):
            return (head, tail)
    return None


def _name_then_surname(piece: str) -> tuple[str, str] | None:
    """``annapavlova``, ``yuriyshashkov``, ``pavelzuyev``: a first name typed
    in four letters or more, then a surname.  Cut on the letters as typed, as
    the skeleton shortens the name (anna, yuriy: ``ana``, ``uri``) or merges it
    into the surname (``annaanisimova``); the surname keeps two letters or more
    before its ending (not Поля + ``kova``, Денис + ``ova``).  Only the
    longest name in front is tried (Роман + ``enko`` is no cut, so neither is
    Рома + ``nenko``); a doubled letter at the cut goes to the surname."""
    if looks_like_patronymic(piece):
        return None  # vadimovich
    for i in range(len(piece) - 4, 3, -1):
        head = skeleton(piece[:i])
        if head not in _FIRST_INDEX:
            continue
        if piece[i - 1] == piece[i - 2] and skeleton(piece[: i - 1]) == head:
            i -= 1  # anna|anisimova, not annaa|nisimova
        tail = skeleton(piece[i:])
        ending = next((e for e in _SURNAME_ENDINGS if tail.endswith(e)), None)
        if ending is not None and len(tail) - len(ending) >= 2:
            return (head, tail)
        return None
    return None


def _best_cut(
    key: str, cuts: list[tuple[str, str]], surname_like: bool, derived: bool = False
) -> tuple[list[str] | None, bool]:
    """The best cut of ``key`` into a first name and the rest; ``derived``
    (``_made_of_a_first_name``): no first name is cut off its front."""
    best: tuple[int, list[str]] | None = None
    near_miss = False
    for head, tail in cuts:
        options = []
        # Three-letter names (Лев, Ник, Юра as "ura") cut surnames apart too
        # often (nik|iforova); they only peel off before a lone initial.
        if head in _FIRST_INDEX and not derived:
            if (len(head) >= 4 and len(tail) >= 3) or (len(head) >= 3 and len(tail) == 1):
                options.append((len(head), tail, [head, tail]))
            elif len(head) >= 4 and len(tail) == 2:
                near_miss = True
        # A surname-like whole (kovaleva) does not end in a short first name
        # (kova|leva); a long one is fine (savin|konstantin).
        if tail in _FIRST_INDEX and len(tail) >= (5 if surname_like else 4):
            if len(head) >= 3:
                options.append((len(tail), head, [head, tail]))
            elif len(head) == 2:
                near_miss = True
        for size, rest, parts in options:
            if surname_like and not rest.endswith(_SURNAME_ENDINGS) and len(rest) > 1:
                continue  # zhuravleva is not zhurav + Лёва
            if surname_like and 1 < len(rest) < 5:
                continue  # jakovlev is not Яков + lev, poljakova not Поля + kova
            rank = size + (10 if rest.endswith(_SURNAME_ENDINGS) else 0)
            if len(rest) == 1:
                rank += 5
            if best is None or rank > best[0]:
                best = (rank, parts)
    return (best[1] if best else None), near_miss


_VOWELS = frozenset("aeiou")


def _initial_glued(key: str, typed: str = "") -> bool:
    """``lkomarova``: an initial glued to a surname-like rest.  Read so when
    two consonants start the skeleton (rare at a Russian surname's start), two
    vowels after a, e, o or u (``eivanova``: Е. Иванова; Я, Е, Ю spelt ya, ye,
    yu lose their y in the skeleton, so Яковлев is not one), or a typed y
    before a consonant (``ylebedev``: Е. or Ю. Лебедев, no surname starts Йл)."""
    if len(key) < 6 or not key[1:].endswith(_SURNAME_ENDINGS):
        return False
    if key[0] not in _VOWELS:
        return key[1] not in _VOWELS
    if key[0] != "i":
        return key[1] in _VOWELS
    return typed[:1] == "y" and typed[1:2] not in ("", *_VOWELS, "y")


def _nickname_pieces(text: str) -> list[str]:
    local = (text or "").split("@")[0]
    pieces: list[str] = []
    for chunk in _NICK_SPLIT.split(local):
        pieces.extend(p.lower() for p in _CAMEL.split(chunk) if p)
    return pieces


@lru_cache(maxsize=200_000)
def nickname_parts(text: str) -> tuple[str, ...]:
    """Skeleton parts of a nickname or e-mail local part, digits dropped.

    ``vanya_petrov93`` -> ``("vana", "petrov")``; ``petrovivan`` -> ``("petrov", "ivan")``;
    ``i.petrov`` -> ``("i", "petrov")``; ``stepanova_ir`` -> ``("stepanova", "i")``
    (two letters are the start of a first name: an initial).
    """
    parts: list[str] = []
    for piece in _nickname_pieces(text):
        if len(piece) <= 2:
            key = skeleton(piece)[:1]
            if key:
                parts.append(key)
        else:
            parts.extend(_split_glued(piece))
    return tuple(p for p in parts if p)


_LETTER_RUNS = re.compile(r"[a-z]+")
_LAZY_LETTERS = (("x", "h"), ("j", "zh"))


def _settle_first_name(match: re.Match) -> str:
    word = match.group(0)
    if skeleton(word) in _FIRST_INDEX:
        return word
    for letter, reading in _LAZY_LETTERS:
        if letter in word and skeleton(word.replace(letter, reading)) in _FIRST_INDEX:
            return word.replace(letter, reading)  # mixail is Михаил, nothing else
    return word


def _variants(text: str) -> list[str]:
    """The lazy transliteration writes х as x and ж as j: try those readings too,
    word by word.  A word that reads as a first name one way is read only that
    way (andrej is Андрей, not a surname Андреж; mixail is Михаил)."""
    lowered = (text or "").lower()
    if "x" not in lowered and "j" not in lowered:
        return [lowered]
    base = _LETTER_RUNS.sub(_settle_first_name, lowered)
    out = [base]
    for letter, reading in _LAZY_LETTERS:
        if letter not in base:
            continue

        def swap(match: re.Match, letter: str = letter, reading: str = reading) -> str:
            word = match.group(0)
            if letter not in word or skeleton(word) in _FIRST_INDEX:
                return word
            return word.replace(letter, reading)

        variant = _LETTER_RUNS.sub(swap, base)
        if variant != base:
            out.append(variant)
    return out


@lru_cache(maxsize=200_000)
def parse_nickname(text: str) -> NameParts:
    """A nickname or e-mail local part read as a name, when it looks like one.

    Parts that are known first names become first names, one letter becomes an
    initial, other parts of four letters or more become surname candidates.  A
    nickname with no part that is a first name or initial yields surnames only
    when it is a single word (``petrov93``), so ``sunny_cat`` does not pose as
    a person.
    """
    local = (text or "").split("@")[0]
    # Only the letters are read as a name (``_read_nickname``): many nicknames
    # share them (ivan.petrov, ivan_petrov93@mail.ru), read once.
    firsts, surnames, initials, diminutive, first_keys, glued = _read_nickname(
        " ".join(_NICK_SPLIT.split(local.lower())).strip()
    )
    numbers = [n for n in _DIGIT_GROUPS.findall(local) if len(n) >= 2]
    return NameParts(
        firsts,
        surnames,
        "",
        initials,
        (text,),
        diminutive,
        first_keys,
        (),
        (),
        _small(numbers) if (firsts or surnames) else (),
        glued,
    )


# (firsts, surnames, initials, diminutive, first keys, glued initials)
_NicknameReading = tuple[
    tuple[str, ...], tuple[str, ...], tuple[str, ...], bool, tuple[str, ...], tuple[str, ...]
]


@lru_cache(maxsize=200_000)
def _read_nickname(letters: str) -> _NicknameReading:
    """(firsts, surnames, initials, diminutive, first keys, glued initials) of a
    nickname's local part given as its pieces of letters, lower case, one space
    between them (``ivan petrov`` for ``Ivan.Petrov93``): what ``parse_nickname``
    reads of it.  A piece that no letters of its own follow or precede is one
    word of the local part either way, so the pieces as given read as its
    words did (and ``_variants`` reads each run of Latin letters alone)."""
    firsts: set[str] = set()
    first_keys: set[str] = set()
    surnames: set[str] = set()
    initials: set[str] = set()
    glued: set[str] = set()
    diminutive = False
    for variant in _variants(letters):
        pieces = variant.split()  # (``_nickname_pieces`` of such a text)
        parts = [part for piece in pieces for part in _piece_parts(piece)]
        typed = {skeleton(piece): piece for piece in pieces}
        v_firsts: set[str] = set()
        v_keys: set[str] = set()
        v_surnames: set[str] = set()
        v_initials: set[str] = set()
        v_glued: set[str] = set()
        for part in parts:
            forms, short, surname, after_initial = _part_reading(part)
            if forms:
                v_firsts.update(forms)
                v_keys.add(part)
                diminutive = diminutive or short
            elif len(part) == 1:
                v_initials.add(part)
            elif surname and len(part) >= (3 if v_firsts or len(parts) > 1 else 4):
                v_surnames.add(surname)
                if after_initial and _initial_glued(part, typed.get(part, "")):
                    # lkomarova: L. Komarova (and keep the whole, it may be a surname).
                    v_surnames.add(after_initial)
                    v_glued.add(part[0])
        if len(v_surnames) > 2 or (not v_firsts and not v_initials and len(parts) > 1):
            v_surnames = set()
        if not v_firsts and not v_surnames:
            v_initials = set()
        if not v_surnames:
            v_glued = set()
        firsts |= v_firsts
        first_keys |= v_keys
        surnames |= v_surnames
        initials |= v_initials
        glued |= v_glued
    return (
        _small(firsts),
        _small(surnames),
        _small(initials),
        diminutive,
        _small(first_keys),
        _small(glued - initials),
    )


@lru_cache(maxsize=100_000)  # pieces repeat across nicknames: 8,000 distinct in 38,000
def _piece_parts(piece: str) -> tuple[str, ...]:
    """The skeleton parts of one piece of a nickname (``nickname_parts``)."""
    if len(piece) <= 2:
        key = skeleton(piece)[:1]
        return (key,) if key else ()
    return tuple(part for part in _split_glued(piece) if part)


@lru_cache(maxsize=100_000)
def _part_reading(part: str) -> tuple[frozenset[str] | None, bool, str, str]:
    """What a part of a nickname (a skeleton) may be, as ``_read_nickname``
    asks: (the first names it stands for, a short form; else its surname key,
    '' for a patronymic, and the surname key of the rest after a glued
    initial, '' when it cannot have one)."""
    forms = _FIRST_INDEX.get(part)
    if forms:
        return forms, part not in _FULL_SKELETONS, "", ""
    if len(part) < 3 or looks_like_patronymic(part):
        return None, False, "", ""
    # (``_initial_glued`` wants six letters or more: a seventh for the whole.)
    after = surname_key(part[1:]) if len(part) >= 6 else ""
    return None, False, surname_key(part), after


def nickname_surname_gender(text: str, surnames: Collection[str]) -> str:
    """The gender the surname in a nickname tells (``volkova05``: 'f'), by the
    pieces read as one of ``surnames`` (its ``parse_nickname`` surname keys,
    an initial glued in front or after allowed); '' when none tells or they
    disagree."""
    genders = set()
    for piece in _nickname_pieces(text):
        # The piece itself, else without an initial glued in front or after
        # it (dpavlova, baranoval).
        words = (piece, piece[1:], piece[:-1]) if len(piece) > 5 else (piece,)
        word = next((w for w in words if surname_key(w) in surnames), None)
        if word is not None and (gender := surname_gender(word)):
            genders.add(gender)
    return genders.pop() if len(genders) == 1 else ""


def forget_parsed() -> None:
    """Empty the caches of the name and nickname parsing (a build calls this
    once its leads are read: they hold their parsed names, and the caches'
    keys and links, 100 MB and more at a million leads, would only wait for a
    lookup or the next build)."""
    for cached in (
        parse_name,
        _word_reading,
        parse_nickname,
        _read_nickname,
        nickname_parts,
        _split_glued,
        _piece_parts,
        _part_reading,
    ):
        cached.cache_clear()
    _SMALL.clear()
