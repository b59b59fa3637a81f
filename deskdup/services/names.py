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
``petrovivan``, ``i.petrov``) are split into parts and parsed the same way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# --------------------------------------------------------------------------- skeleton

_CYR_TO_LAT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "z",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "c",
    "ш": "s",
    "щ": "s",
    "ъ": "",
    "ы": "i",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    # Ukrainian and Belarusian letters that turn up in Russian CRMs.
    "і": "i",
    "ї": "i",
    "є": "e",
    "ў": "u",
    "ґ": "g",
}
_CYR_TABLE = str.maketrans(_CYR_TO_LAT)

# Latin digraphs of the common transliteration styles, longest first.
_LATIN_RULES = (
    ("shch", "s"),
    ("sch", "s"),
    ("tch", "c"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "z"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("tc", "c"),
    ("x", "ks"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("ph", "f"),
    ("j", "i"),
    ("y", "i"),
)
_REPEATS = re.compile(r"(.)\1+")
# A soft vowel written with a leading i/y/j (я, ю, ё, е): "ia" -> "a", "io" -> "e".
_SOFT_VOWEL = re.compile(r"i([aeou])")
_NOT_LETTER = re.compile(r"[^a-z]")


def fold(text: str) -> str:
    """Lower case, ё -> е, accents dropped: the form names are compared in."""
    return unicodedata.normalize("NFC", (text or "").lower()).replace("ё", "е")


@lru_cache(maxsize=200_000)
def skeleton(text: str) -> str:
    """A coarse Latin key on which Cyrillic and every transliteration of it meet.

    ``skeleton("Юлия") == skeleton("Yuliya") == skeleton("Iuliia") == "ula"``.
    Idempotent: ``skeleton(skeleton(x)) == skeleton(x)``.
    """
    text = unicodedata.normalize("NFC", (text or "").casefold())
    text = text.translate(_CYR_TABLE)
    text = unicodedata.normalize("NFKD", text)
    text = _NOT_LETTER.sub("", "".join(ch for ch in text if not unicodedata.combining(ch)))
    for latin, key in _LATIN_RULES:
        text = text.replace(latin, key)
    text = _REPEATS.sub(r"\1", text)
    text = _SOFT_VOWEL.sub(lambda m: "e" if m.group(1) == "o" else m.group(1), text)
    return _REPEATS.sub(r"\1", text)


def is_cyrillic(text: str) -> bool:
    return any("а" <= ch <= "я" or ch in "ёЁ" or "А" <= ch <= "Я" for ch in text)


# --------------------------------------------------------------------------- first names

# Full first names and their gender.  Variant spellings point to one canonical form.
_MALE = [
    "Александр",
    "Алексей",
    "Анатолий",
    "Андрей",
    "Антон",
    "Аркадий",
    "Арсений",
    "Артём",
    "Артур",
    "Богдан",
    "Борис",
    "Вадим",
    "Валентин",
    "Валерий",
    "Василий",
    "Виктор",
    "Виталий",
    "Владимир",
    "Владислав",
    "Всеволод",
    "Вячеслав",
    "Геннадий",
    "Георгий",
    "Глеб",
    "Григорий",
    "Давид",
    "Даниил",
    "Денис",
    "Дмитрий",
    "Евгений",
    "Егор",
    "Захар",
    "Иван",
    "Игорь",
    "Илья",
    "Кирилл",
    "Константин",
    "Лев",
    "Леонид",
    "Максим",
    "Марк",
    "Матвей",
    "Михаил",
    "Никита",
    "Николай",
    "Олег",
    "Павел",
    "Пётр",
    "Роман",
    "Руслан",
    "Савелий",
    "Семён",
    "Сергей",
    "Станислав",
    "Степан",
    "Тимофей",
    "Тимур",
    "Фёдор",
    "Эдуард",
    "Юрий",
    "Яков",
    "Ярослав",
    "Эльдар",
    "Ринат",
    "Рустам",
]
_FEMALE = [
    "Александра",
    "Алина",
    "Алла",
    "Алёна",
    "Алиса",
    "Анастасия",
    "Анна",
    "Антонина",
    "Арина",
    "Валентина",
    "Валерия",
    "Варвара",
    "Вера",
    "Вероника",
    "Виктория",
    "Галина",
    "Дарья",
    "Диана",
    "Ева",
    "Евгения",
    "Екатерина",
    "Елена",
    "Елизавета",
    "Жанна",
    "Зинаида",
    "Злата",
    "Инна",
    "Ирина",
    "Карина",
    "Кира",
    "Кристина",
    "Ксения",
    "Лариса",
    "Лидия",
    "Любовь",
    "Людмила",
    "Маргарита",
    "Марина",
    "Мария",
    "Милана",
    "Надежда",
    "Наталья",
    "Нина",
    "Оксана",
    "Ольга",
    "Полина",
    "Раиса",
    "Светлана",
    "София",
    "Таисия",
    "Тамара",
    "Татьяна",
    "Ульяна",
    "Эльвира",
    "Юлия",
    "Яна",
    "Василиса",
    "Снежана",
    "Регина",
]

_VARIANTS = {
    "Наталия": "Наталья",
    "Софья": "София",
    "Дария": "Дарья",
    "Данил": "Даниил",
    "Данила": "Даниил",
    "Юлиана": "Ульяна",
    "Олеся": "Александра",
    "Аксинья": "Ксения",
}

# Diminutive -> the full names it may stand for.  Ours, written for deskdup.
DIMINUTIVES: dict[str, tuple[str, ...]] = {
    "Саша": ("Александр", "Александра"),
    "Сашка": ("Александр", "Александра"),
    "Шура": ("Александр", "Александра"),
    "Саня": ("Александр", "Александра"),
    "Санёк": ("Александр",),
    "Алекс": ("Александр", "Алексей"),
    "Лёша": ("Алексей",),
    "Алёша": ("Алексей",),
    "Лёха": ("Алексей",),
    "Лёшка": ("Алексей",),
    "Толя": ("Анатолий",),
    "Толик": ("Анатолий",),
    "Андрюша": ("Андрей",),
    "Андрюха": ("Андрей",),
    "Антоша": ("Антон",),
    "Тоша": ("Антон",),
    "Сеня": ("Арсений", "Семён"),
    "Тёма": ("Артём",),
    "Тёмка": ("Артём",),
    "Боря": ("Борис",),
    "Вадик": ("Вадим",),
    "Валя": ("Валентин", "Валентина"),
    "Валера": ("Валерий",),
    "Вася": ("Василий", "Василиса"),
    "Витя": ("Виктор",),
    "Витёк": ("Виктор",),
    "Виталик": ("Виталий",),
    "Вова": ("Владимир",),
    "Вовка": ("Владимир",),
    "Володя": ("Владимир",),
    "Вован": ("Владимир",),
    "Влад": ("Владислав", "Владимир"),
    "Владик": ("Владислав",),
    "Сева": ("Всеволод",),
    "Слава": ("Вячеслав", "Владислав", "Станислав", "Ярослав"),
    "Гена": ("Геннадий",),
    "Гоша": ("Георгий", "Игорь"),
    "Жора": ("Георгий",),
    "Гриша": ("Григорий",),
    "Даня": ("Даниил",),
    "Дэн": ("Денис",),
    "Дениска": ("Денис",),
    "Дима": ("Дмитрий",),
    "Димон": ("Дмитрий",),
    "Митя": ("Дмитрий",),
    "Женя": ("Евгений", "Евгения"),
    "Жека": ("Евгений",),
    "Егорка": ("Егор",),
    "Захарка": ("Захар",),
    "Ваня": ("Иван",),
    "Ванька": ("Иван",),
    "Ванюша": ("Иван",),
    "Игорёк": ("Игорь",),
    "Илюша": ("Илья",),
    "Илюха": ("Илья",),
    "Кирюша": ("Кирилл",),
    "Киря": ("Кирилл",),
    "Костя": ("Константин",),
    "Костик": ("Константин",),
    "Лёва": ("Лев",),
    "Лёня": ("Леонид",),
    "Макс": ("Максим",),
    "Максимка": ("Максим",),
    "Мотя": ("Матвей",),
    "Миша": ("Михаил",),
    "Мишка": ("Михаил",),
    "Никитос": ("Никита",),
    "Коля": ("Николай",),
    "Колян": ("Николай",),
    "Олежка": ("Олег",),
    "Паша": ("Павел",),
    "Павлик": ("Павел",),
    "Петя": ("Пётр",),
    "Петруша": ("Пётр",),
    "Рома": ("Роман",),
    "Ромка": ("Роман",),
    "Русик": ("Руслан",),
    "Сава": ("Савелий",),
    "Сёма": ("Семён",),
    "Серёжа": ("Сергей",),
    "Серёга": ("Сергей",),
    "Серж": ("Сергей",),
    "Стас": ("Станислав",),
    "Стёпа": ("Степан",),
    "Тима": ("Тимофей", "Тимур"),
    "Тимоха": ("Тимофей",),
    "Федя": ("Фёдор",),
    "Эдик": ("Эдуард",),
    "Юра": ("Юрий",),
    "Юрик": ("Юрий",),
    "Яша": ("Яков",),
    "Ярик": ("Ярослав",),
    "Аля": ("Алина", "Алла", "Александра"),
    "Алинка": ("Алина",),
    "Настя": ("Анастасия",),
    "Настёна": ("Анастасия",),
    "Стася": ("Анастасия", "Станислав"),
    "Аня": ("Анна",),
    "Анечка": ("Анна",),
    "Анюта": ("Анна",),
    "Нюра": ("Анна",),
    "Тоня": ("Антонина",),
    "Лера": ("Валерия",),
    "Варя": ("Варвара",),
    "Ника": ("Вероника", "Виктория"),
    "Вика": ("Виктория",),
    "Галя": ("Галина",),
    "Даша": ("Дарья",),
    "Дашуля": ("Дарья",),
    "Катя": ("Екатерина",),
    "Катюша": ("Екатерина",),
    "Катерина": ("Екатерина",),
    "Лена": ("Елена",),
    "Леночка": ("Елена",),
    "Лиза": ("Елизавета",),
    "Зина": ("Зинаида",),
    "Ира": ("Ирина",),
    "Ириша": ("Ирина",),
    "Кристи": ("Кристина",),
    "Ксюша": ("Ксения",),
    "Ксюха": ("Ксения",),
    "Лара": ("Лариса",),
    "Лида": ("Лидия",),
    "Люба": ("Любовь",),
    "Люда": ("Людмила",),
    "Мила": ("Людмила", "Милана"),
    "Рита": ("Маргарита",),
    "Маша": ("Мария",),
    "Машенька": ("Мария",),
    "Маня": ("Мария",),
    "Маруся": ("Мария",),
    "Надя": ("Надежда",),
    "Наташа": ("Наталья",),
    "Ната": ("Наталья",),
    "Оля": ("Ольга",),
    "Олечка": ("Ольга",),
    "Поля": ("Полина",),
    "Рая": ("Раиса",),
    "Света": ("Светлана",),
    "Светик": ("Светлана",),
    "Соня": ("София",),
    "Тома": ("Тамара",),
    "Таня": ("Татьяна",),
    "Танюша": ("Татьяна",),
    "Тася": ("Таисия",),
    "Уля": ("Ульяна",),
    "Юля": ("Юлия",),
    "Юляша": ("Юлия",),
    "Снежка": ("Снежана",),
}

# English forms a skeleton does not bring home by itself.
_LATIN_FORMS = {
    "alexander": ("Александр",),
    "alexandra": ("Александра",),
    "aleksander": ("Александр",),
    "alex": ("Александр", "Алексей"),
    "eugene": ("Евгений",),
    "eugenia": ("Евгения",),
    "peter": ("Пётр",),
    "paul": ("Павел",),
    "george": ("Георгий",),
    "michael": ("Михаил",),
    "mike": ("Михаил",),
    "daniel": ("Даниил",),
    "danila": ("Даниил",),
    "nick": ("Николай",),
    "nicolas": ("Николай",),
    "catherine": ("Екатерина",),
    "kate": ("Екатерина",),
    "helen": ("Елена",),
    "elizabeth": ("Елизавета",),
    "mary": ("Мария",),
    "julia": ("Юлия",),
    "sophia": ("София",),
    "sophie": ("София",),
    "victoria": ("Виктория",),
    "jenya": ("Евгений", "Евгения"),
    "zhenia": ("Евгений", "Евгения"),
    "vladimir": ("Владимир",),
    "kristina": ("Кристина",),
    "christina": ("Кристина",),
    "tatiana": ("Татьяна",),
}

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
# Diminutive forms, to say "diminutive" in a reason.
_FULL_SKELETONS = frozenset(skeleton(n) for n in FULL_NAMES)
_MAX_FIRST_LEN = max(len(k) for k in _FIRST_INDEX)


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


def looks_like_patronymic(token: str) -> bool:
    key = skeleton(token)
    return len(key) > 5 and key.endswith(_PATRONYMIC_ENDINGS)


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class NameParts:
    """A person's name as the matcher compares it; word order does not matter.

    ``firsts``: canonical full first names the given name may stand for.
    ``surnames``: surname keys (masculine skeletons).  ``initials``: skeleton
    letters of initials (``Петров И.`` -> ``i``).  ``words``: the original words,
    for reasons.
    """

    firsts: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    patronymic: str = ""
    initials: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()
    diminutive: bool = False  # a first name was given in a short form

    @property
    def empty(self) -> bool:
        return not (self.firsts or self.surnames or self.initials)

    def first_initials(self) -> frozenset[str]:
        """The initial letters the first name could be written with."""
        letters = {skeleton(name)[:1] for name in self.firsts}
        return frozenset(letters) | self.initials

    def canonical_text(self) -> str:
        """A readable form: ``Иван Петров``-like, for reasons."""
        return " ".join(self.words)


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(text: str) -> list[str]:
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
    surnames: set[str] = set()
    initials: set[str] = set()
    patronymic = ""
    diminutive = False
    words: list[str] = []
    tagged = (
        [(w, "first") for w in _words(first)]
        + [(w, "last") for w in _words(last)]
        + [(w, "middle") for w in _words(middle)]
    )
    has_first_field = any(field == "first" and first_name_forms(w) for w, field in tagged)
    for word, field in tagged:
        words.append(word)
        key = skeleton(word)
        if not key:
            continue
        if len(key) == 1 or (len(word) == 1):
            initials.add(key[:1])
            continue
        forms = _FIRST_INDEX.get(key)
        if field == "middle" and not forms:
            patronymic = key
            continue
        if forms and not (field == "last" and has_first_field):
            firsts.update(forms)
            diminutive = diminutive or key not in _FULL_SKELETONS
            continue
        if looks_like_patronymic(word) and (field != "last" or len(tagged) > 2):
            patronymic = patronymic or key
            continue
        if len(key) >= 3:
            surnames.add(surname_key(word))
    return NameParts(
        frozenset(firsts),
        frozenset(surnames),
        patronymic,
        frozenset(initials),
        tuple(words),
        diminutive,
    )


def parse_free_name(text: str) -> NameParts:
    """A name typed in one line, in any word order: ``Петров Иван Сергеевич``."""
    return parse_name(text or "")


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NICK_SPLIT = re.compile(r"[^a-zA-Zа-яА-ЯёЁ]+")


_PATRONYMIC_SAFE = ("ov", "ova", "ev", "eva", "in", "ina", "lov", "lova")
_SURNAME_ENDINGS = ("ov", "ev", "in", "ova", "eva", "ina", "ski", "ska", "enko", "uk", "ic")


def _split_glued(key: str) -> list[str]:
    """``petrovivan`` -> ``petrov``, ``ivan``: peel a known first name off either end.

    Of the possible cuts the one that leaves a surname-like rest wins
    (``petrov|ivan`` over ``petr|ovivan``), then the longer first name.
    """
    if key in _FIRST_INDEX or len(key) < 6:
        return [key]
    # Surnames made of a first name (Александров, Михайлова) stay whole.
    if any(key.endswith(end) and key[: -len(end)] in _FIRST_INDEX for end in _PATRONYMIC_SAFE):
        return [key]
    best: tuple[int, list[str]] | None = None
    for size in range(3, min(_MAX_FIRST_LEN, len(key) - 3) + 1):
        for first, rest, parts in (
            (key[:size], key[size:], [key[:size], key[size:]]),
            (key[-size:], key[:-size], [key[:-size], key[-size:]]),
        ):
            if first in _FIRST_INDEX and len(rest) >= 3:
                rank = size + (10 if rest.endswith(_SURNAME_ENDINGS) else 0)
                if best is None or rank > best[0]:
                    best = (rank, parts)
    return best[1] if best else [key]


@lru_cache(maxsize=200_000)
def nickname_parts(text: str) -> tuple[str, ...]:
    """Skeleton parts of a nickname or e-mail local part, digits dropped.

    ``vanya_petrov93`` -> ``("vana", "petrov")``; ``petrovivan`` -> ``("petrov", "ivan")``;
    ``i.petrov`` -> ``("i", "petrov")``.
    """
    local = (text or "").split("@")[0]
    parts: list[str] = []
    for chunk in _NICK_SPLIT.split(local):
        for piece in _CAMEL.split(chunk):
            key = skeleton(piece)
            if key:
                parts.extend(_split_glued(key))
    return tuple(parts)


@lru_cache(maxsize=200_000)
def parse_nickname(text: str) -> NameParts:
    """A nickname or e-mail local part read as a name, when it looks like one.

    Parts that are known first names become first names, one letter becomes an
    initial, other parts of three letters or more become surname candidates.  A
    nickname with no part that is a first name or initial yields surnames only
    when it has two parts or fewer (``petrov93``), so ``best_deals_shop`` does
    not pose as a person.
    """
    parts = nickname_parts(text)
    firsts: set[str] = set()
    surnames: set[str] = set()
    initials: set[str] = set()
    diminutive = False
    for part in parts:
        forms = _FIRST_INDEX.get(part)
        if forms:
            firsts.update(forms)
            diminutive = diminutive or part not in _FULL_SKELETONS
        elif len(part) == 1:
            initials.add(part)
        elif len(part) >= 4 and not looks_like_patronymic(part):
            surnames.add(surname_key(part))
    if len(surnames) > 2 or (not firsts and not initials and len(parts) > 1):
        surnames = set()
    if not firsts and not surnames:
        initials = set()
    return NameParts(
        frozenset(firsts),
        frozenset(surnames),
        "",
        frozenset(initials),
        (text,),
        diminutive,
    )
