"""Two parsed names compared: the strongest kind of agreement between them
(``_name_evidence``), a handle's initial that fits a name, the strongest
contradiction of names as typed (``_name_conflict``) or of a handle's reading
(``_nick_conflict``), and the gender a name tells.  Codes only, no weights and
no words: ``evidence.py`` weighs and words them, ``compare.py`` makes them the
name level of a pair's pattern."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

from deskdup.models import Channel
from deskdup.services.matching.record import _Lead
from deskdup.services.names import (
    FEMALE_NAMES,
    NameParts,
    close_words,
    first_name_words,
    opposite_genders,
    skeleton,
    surname_gender,
)
from deskdup.services.nicknames import nickname_surname_gender


def _name_text(parts: NameParts) -> str:
    return " ".join(parts.words)


def _any_close(xs: Iterable[str], ys: Collection[str]) -> bool:
    """Is any word of ``xs`` one typo from any of ``ys`` (``close_words``).

    (Plain loops here and in ``_meet``: these run for every compared pair,
    and ``any()`` over a generator costs several times the loop.)"""
    for x in xs:
        for y in ys:
            if close_words(x, y):
                return True
    return False


def _surnames_match(a: NameParts, b: NameParts) -> bool:
    if _meet(a.surnames, b.surnames):
        return True
    # A typo (Бкыов / Быков, Наумоа / Наумова) still counts.
    return _any_close(a.surname_words, b.surname_words) or _any_close(a.surnames, b.surnames)


def _surnames_differ(a: NameParts, b: NameParts) -> bool:
    """Surely different surnames: not the same, and not a typo in each copy
    either (Жуоква / Жукоав, both Жукова, two typos apart).  What is too far
    for a match may still be too near for a contradiction."""
    if _surnames_match(a, b):
        return False
    for x in a.surname_words:
        if len(x) < 5:
            continue
        for y in b.surname_words:
            if x[0] == y[0] and OSA.distance(x, y, score_cutoff=2) <= 2:
                return False
    return True


def _firsts_match(a: NameParts, b: NameParts) -> bool:
    """Same first name, through diminutives, translit, or one typo (Маск ~ Макс)."""
    firsts_a, firsts_b = a.firsts, b.firsts
    for first in firsts_a:  # (_meet inlined: this runs for most compared pairs)
        if first in firsts_b:
            return True
    if not (a.first_words or a.first_keys) or not (b.first_words or b.first_keys):
        return False
    if firsts_a and firsts_b:
        if opposite_genders(firsts_a, firsts_b):
            return False  # Евгений / Евгения is no typo
        # Both are known names (Иван, Игорь; Лёша, Лена): only a typo that
        # happens to spell another name is left, and the typed words tell it
        # (Иина ~ Ирина); their coarse keys one letter apart do not (lesa ~ lena).
        return _any_close(a.first_words, b.first_words)
    if _any_close(a.first_keys, b.first_keys):
        return True
    words_a = (*a.first_words, *first_name_words(a.firsts))
    words_b = (*b.first_words, *first_name_words(b.firsts))
    return _any_close(a.first_words, words_b) or _any_close(words_a, b.first_words)


def _has_first(parts: NameParts) -> bool:
    return bool(parts.firsts or parts.first_keys)


def _same_words(a: NameParts, b: NameParts) -> bool:
    """The same two or more words in another order: a name whose parts were
    guessed into other roles ("Куликова Эвелина" read with Куликова as the
    first name) is still the same name, neither a match of nothing nor a conflict."""
    if len(a.words) < 2 or len(a.words) != len(b.words):
        return False
    return sorted(map(skeleton, a.words)) == sorted(map(skeleton, b.words))


def _name_evidence(a: NameParts, b: NameParts) -> str | None:
    """The strongest kind of agreement between two names, or None."""
    words = a.words
    if len(words) >= 2 and len(words) == len(b.words) and words != b.words and _same_words(a, b):
        return "full_name_patronymic" if len(words) >= 3 else "full_name"
    surnames = bool(a.surnames and b.surnames) and _surnames_match(a, b)
    # (_has_first inlined, as below in _name_conflict: hot.)
    firsts = (a.firsts or a.first_keys) and (b.firsts or b.first_keys) and _firsts_match(a, b)
    if surnames and firsts:
        if a.patronymic and a.patronymic == b.patronymic:
            return "full_name_patronymic"
        return "full_name"
    if surnames:
        if (
            (a.initials and _meet(a.initials, b.first_initials()))
            or (b.initials and _meet(b.initials, a.first_initials()))
            or (a.glued_initials and _glued_initial_fits(a, b))
            or (b.glued_initials and _glued_initial_fits(b, a))
        ):
            return "surname_initial"
        if not (_has_first(a) or a.initials) or not (_has_first(b) or b.initials):
            if _meet(a.numbers, b.numbers):
                return "surname_number"
            return "surname_only"
        return None
    if firsts and (not a.surnames or not b.surnames):
        if (a.initials and not b.surnames and _outside(b.initials, a.initials)) or (
            b.initials and not a.surnames and _outside(a.initials, b.initials)
        ):
            return None
        if (a.initials and b.surnames and not _initial_fits(a.initials, b)) or (
            b.initials and a.surnames and not _initial_fits(b.initials, a)
        ):
            return None
        return "first_name"
    if firsts and not _surnames_differ(a, b):
        # Юлия Жуоква / Юлия Жукоав: the first name agrees, the surnames are
        # too far apart to match and too near to contradict.
        return "first_name"
    return None


def _glued_initial_fits(a: NameParts, b: NameParts) -> bool:
    """``dpavlov`` ~ "Дмитрий Павлов": a letter glued to a surname is an initial
    that fits ``b`` only when the surname read without it is ``b``'s and ``a``
    has no first name (``smirnova`` ~ "Светлана Смирнова" is the surname alone,
    its s no initial; ``irina_smirnova`` has a first name, its own)."""
    if _has_first(a):
        return False
    letters = b.first_initials()
    return any(
        g in letters and rest in b.surnames and g + rest in a.surnames
        for g in a.glued_initials
        for rest in a.surnames
    )


def _nick_initial_fits(nick: NameParts, other: NameParts) -> bool:
    """A handle read as an initial and a surname only (``dpavlov0``,
    ``smirnovae``) against a first name with no surname ("Дима"): the initial
    fits the first name, the surname's form its gender, and an initial on the
    other side the surname (``dpavlov`` ~ "Дима П.")."""
    if _has_first(nick) or not nick.surnames or other.surnames or not other.firsts:
        return False
    if not _meet((*nick.initials, *nick.glued_initials), other.first_initials()):
        return False
    if other.initials and not any(s[:1] in other.initials for s in nick.surnames):
        return False
    gender = _nick_gender(nick)
    return not (gender and gender != _gender(other))


def _meet(x: Iterable[str], y: Collection[str]) -> bool:
    """Do two small collections share a value (names keep tuples, not sets)."""
    for v in x:  # noqa: SIM110 (a loop: see _any_close)
        if v in y:
            return True
    return False


def _outside(x: Iterable[str], y: Collection[str]) -> bool:
    for v in x:  # noqa: SIM110 (a loop: see _any_close)
        if v not in y:
            return True
    return False


def _initial_fits(initials: tuple[str, ...], other: NameParts) -> bool:
    """``Юлия М.`` fits ``Медведева Юлия``: the surname starts with the initial."""
    return any(skeleton(w)[:1] in initials for w in other.surname_words) or any(
        s[:1] in initials for s in other.surnames
    )


def _name_conflict(na: NameParts, nb: NameParts) -> str | None:
    """The code of the strongest contradiction between two names as typed, or None."""
    if na is nb:
        return None  # (the same parsed name: one person's burst, a common name)
    if len(na.words) >= 2 and _same_words(na, nb):
        return None  # the same words in other roles: no conflict
    if na.firsts and nb.firsts and not _firsts_match(na, nb):
        return "different_first_names"
    if (gender_a := _gender(na)) and (gender_b := _gender(nb)) and gender_a != gender_b:
        return "different_genders"
    if na.surnames and nb.surnames and _surnames_differ(na, nb):
        return "different_surnames"
    if (
        na.patronymic
        and nb.patronymic
        and na.patronymic != nb.patronymic
        and not close_words(na.patronymic, nb.patronymic)
    ):
        return "different_patronymics"
    return None


def _nick_conflict(x: _Lead, y: _Lead) -> tuple[tuple[Channel, str], str] | None:
    """A handle or e-mail address of one lead that reads as another person's
    name than the other lead's name or its own handle (``lena_mishina`` against
    "Павел Игнатьев", ``smirnow50`` against "Екатерина Лазарева"): the handle
    and the other name, or None.  Kept apart from a conflict of names as typed:
    a handle is read less surely (``dpavlov0``: Д. Павлов, or a surname)."""
    for a, b in ((x, y), (y, x)):
        for channel, nick, parts in a.nicks:
            if parts.empty:
                continue
            if not b.name.empty and _nick_differs(parts, b.name, _gender(b.name)):
                return (channel, nick), _name_text(b.name)
            for _c, other_nick, other in b.nicks:
                if (
                    other_nick != nick
                    and not other.empty
                    and _nick_differs(parts, other, _nick_gender(other))
                ):
                    return (channel, nick), other_nick
    return None


def _nick_differs(nick: NameParts, other: NameParts, other_gender: str) -> bool:
    """A name read from a nickname surely is not ``other``: another first name,
    the other gender, or another surname (an initial glued in front allowed:
    ``etrofimova`` is Трофимова; a typo too)."""
    if nick.firsts and other.firsts and not _firsts_match(nick, other):
        return True
    gender = _nick_gender(nick)
    if gender and other_gender and gender != other_gender:
        return True
    return bool(
        nick.surnames
        and other.surnames
        and not _surnames_match(nick, other)
        and not any(x.endswith(y) or y.endswith(x) for x in nick.surnames for y in other.surnames)
    )


# A lead's nicknames meet every candidate of the lead: each is read once.
@lru_cache(maxsize=1 << 15)
def _nick_gender(parts: NameParts) -> str:
    """'f' or 'm' as a nickname tells: by its first name when that has one
    gender, else by its surname's form (``volkova05``)."""
    if parts.firsts:
        female = {name in FEMALE_NAMES for name in parts.firsts}
        if len(female) == 1:
            return "f" if female.pop() else "m"
    if parts.surnames and parts.words:
        return nickname_surname_gender(parts.words[0], parts.surnames)
    return ""


def _gender(parts: NameParts) -> str:
    """'f' or 'm' when the name tells (the first name, else the surname's form:
    Титова, Titova / Титов), '' when it does not (Женя, Черных, no name)."""
    firsts = parts.firsts
    if firsts:
        female = firsts[0] in FEMALE_NAMES
        for name in firsts[1:]:
            if (name in FEMALE_NAMES) is not female:
                return ""
        return "f" if female else "m"
    genders = {surname_gender(word) for word in parts.surname_words} - {""}
    return genders.pop() if len(genders) == 1 else ""
