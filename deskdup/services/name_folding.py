"""Text folding and the skeleton key of names: ``fold`` (the one text folding
of deskdup), ``skeleton`` (a coarse Latin key every transliteration of a
Russian name reduces to) and ``is_cyrillic``.

The lowest layer of the name vocabulary, with no table of names; the rest of
deskdup asks ``names.py`` for these, which takes them from here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import itemgetter

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

# Latin digraphs of the common transliteration styles, longest first; then
# single letters.
_DIGRAPHS = (
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
    ("ck", "k"),
    ("ph", "f"),
)
_SINGLE_LETTERS = str.maketrans({"x": "ks", "q": "k", "w": "v", "j": "i", "y": "i"})
_TRIGGERS = (*(d for d, _k in _DIGRAPHS), "x", "q", "w", "j", "y", "io")
_TRIGGER = re.compile("|".join(_TRIGGERS))
_REPEATS = re.compile(r"(.)\1+")
# The replacement of ``_REPEATS`` and ``_SOFT_VOWEL``: a template such as r"\1"
# calls back into Python for every match (a quarter of a skeleton's cost).
_FIRST_GROUP = itemgetter(1)
# A soft vowel written with a leading i/y/j (я, ю, ё, е): "ia" -> "a", "io" -> "e".
_SOFT_VOWEL = re.compile(r"i([aeu])")
_NOT_LETTER = re.compile(r"[^a-z]")


def fold(text: str) -> str:
    """Case-folded, composed, ё read as е: the form names and search text are
    compared in (the one text folding of deskdup)."""
    return unicodedata.normalize("NFC", (text or "").casefold()).replace("ё", "е")


@lru_cache(maxsize=400_000)
def skeleton(text: str) -> str:
    """A coarse Latin key on which Cyrillic and every transliteration of it meet.

    ``skeleton("Юлия") == skeleton("Yuliya") == skeleton("Iuliia") == "ula"``.
    Idempotent: ``skeleton(skeleton(x)) == skeleton(x)``.
    """
    text = (text or "").casefold().translate(_CYR_TABLE)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NOT_LETTER.sub("", text)
    # Collapsing letters may form a new digraph (ццк -> cck -> ck), so repeat
    # until nothing changes: the key is then idempotent.
    while True:
        for latin, key in _DIGRAPHS:
            if latin in text:
                text = text.replace(latin, key)
        text = _REPEATS.sub(_FIRST_GROUP, text.translate(_SINGLE_LETTERS))
        if "i" in text:
            text = _SOFT_VOWEL.sub(_FIRST_GROUP, text.replace("io", "e"))
            text = _REPEATS.sub(_FIRST_GROUP, text)
        if not _TRIGGER.search(text):
            return text


# (One search in C: a scan asks this of the two names of every pair it words.)
_CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def is_cyrillic(text: str) -> bool:
    """Does ``text`` hold a Russian letter (а..я, А..Я, ё, Ё)."""
    return _CYRILLIC.search(text) is not None
