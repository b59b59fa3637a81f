"""The inquiry (a lead's first message) as evidence: folding, likeness, band keys.

The seeds' customer asks the same thing through WhatsApp, Avito and the site
within minutes: the same question typed again, with a greeting added or left
out, a typo, other words for the price, the clauses in another order.  Those
copies must meet although nothing else on the two leads does (a bare phone
and a first name).  So:

- ``fold``: lower case, ё as е, letters and digits only, the greeting and the
  politeness words dropped ("Здравствуйте! подскажите цену ..." and "Подскажите
  цену ..., пожалуйста" fold to the same words);
- ``likeness``: 0..100, the better of the plain and the word-order-free
  rapidfuzz ratio of the folded texts;
- ``band_keys``: a few hashes that two near-identical texts very likely share
  and two different ones very likely do not (pairs of the words with the
  smallest hashes: a min-hash sketch), so the index can pair leads by their
  message inside a time window without comparing every two of them;
- ``text_key``: the folded words, in order; how many leads send it within
  the same hours tells a template (a marketplace's "Ещё актуально?", a form's
  preset, an ad's suggested line while the ad runs) from a personal question.
  A text many leads send is weak evidence, as a phone many leads share is.

Everything is a pure function of the text (cached: the same message is
compared with every candidate of its lead).
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz

from deskdup.services.matching.hashing import text_hash, word_hash
from deskdup.services.names import fold as fold_name

# Words that carry no question: greetings, politeness, fillers.  Folded forms.
_NOISE = frozenset(
    [
        "здравствуйте",
        "здравствуй",
        "здрасте",
        "здрасьте",
        "здравствуите",
        "привет",
        "приветствую",
        "алло",
        "hello",
        "hi",
        "подскажите",
        "скажите",
        "пожалуйста",
        "пожалуиста",
        "пж",
        "плиз",
        "спасибо",
        "заранее",
        "благодарю",
        "а",
        "и",
        "ну",
        "вот",
        "еще",
        "уважаемые",
    ]
)
_WORD = re.compile(r"[0-9a-zа-я]+")
# A greeting at the start of a message, as typed (any case, any punctuation).
_GREETING = re.compile(
    r"^(?:\W*(?:здравствуйте|здравствуй|здрасте|здрасьте|привет(?:ствую)?|алло|"
    r"добр(?:ый|ое|ого)\s+(?:день|вечер|утро|времени\s+суток)|hello|hi)\b[\W_]*)+",
    re.IGNORECASE,
)

# Folded words the band keys are made of: at least 3 letters, or any number
# (sizes and prices are the most personal part of a question).
_SKETCH_WORDS = 5
# Words are cut to this many letters for the keys: a typo or another ending
# late in a word (стоить / стоит, телевизор / телевизр) leaves the key alone.
_STEM = 5
# A text that at most this many leads sent within the hours around a lead is
# personal there (one person's burst may send it four times); up to
# TEMPLATE_COUNT - 1 it is common; from TEMPLATE_COUNT on a template.
PERSONAL_COUNT = 4
TEMPLATE_COUNT = 8
# At least this many words for a text to be personal at all ("Какая цена?" is not).
PERSONAL_WORDS = 4


def strip_greeting(text: str) -> str:
    """The message without the greeting it starts with ("Здравствуйте! Сколько ..."
    -> "Сколько ..."): what is kept of a message is its start, so the greeting
    must not take the room of the question."""
    match = _GREETING.match(text)
    return text[match.end() :] if match and match.end() < len(text) else text


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """The words of an inquiry that carry the question, folded, space-separated."""
    return " ".join(folded_words(text))


@lru_cache(maxsize=100_000)
def folded_words(text: str) -> tuple[str, ...]:
    words = _WORD.findall(fold_name(text))
    return tuple(w for w in words if w not in _NOISE)


@lru_cache(maxsize=100_000)
def digits(text: str) -> str:
    """Every digit of an inquiry in order: its sizes, prices, dates."""
    return "".join(ch for ch in text if ch.isdigit())


def _stable_hash(word: str) -> int:
    return zlib.crc32(word.encode())


@lru_cache(maxsize=100_000)
def band_keys(text: str) -> tuple[int, ...]:
    """Hashes of pairs of the words with the smallest hashes (distinct).

    Two copies of one question share most of these words, and so at least one
    pair; two different questions rarely share two of their rarest-hashed words.
    """
    folded = folded_words(text)
    words = {w[:_STEM] for w in folded if len(w) >= 3 and not w.isdigit()}
    number = digits(" ".join(folded))
    if number:
        # All the numbers as one word: "2,4 м" and "24 м" are one size.
        words.add(number[:6])
    if len(words) < 2:
        return ()
    # Words ranked by a hash that is the same in every process (Python's own
    # str hash is salted per process): the sketch, so the pairs found, must
    # not change from one run to the next, and kept pairs must match a rescan.
    sketch = sorted(words, key=_stable_hash)[:_SKETCH_WORDS]
    band = word_hash("m")
    hashed = [word_hash(word) for word in sorted(sketch)]
    return tuple(hash((band, a, b)) for a, b in combinations(hashed, 2))


@lru_cache(maxsize=100_000)
def text_key(text: str) -> int:
    """Hash of the folded words: what a template's copies all share."""
    return hash((word_hash("t"), text_hash(fold(text))))


def is_personal_text(text: str) -> bool:
    """Long enough to say something of one person (a template may still be long)."""
    return len(folded_words(text)) >= PERSONAL_WORDS


def numbers_differ(a: str, b: str) -> bool:
    """Both inquiries carry numbers and they are not the same ones.  Reworded
    copies keep their numbers ("2,4 м" / "2.4 м" / "24 м"); a stranger's question
    built the same way ("шкаф 2,2 м" / "шкаф 3 м") does not.  One digit string
    cut short by the stored length is still the same."""
    da, db = digits(a), digits(b)
    if not da or not db:
        return False
    return not (da.startswith(db) or db.startswith(da))


def likeness(a: str, b: str) -> float:
    """How alike two inquiries are, 0..100, on their folded words; 0 when their
    numbers differ."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb or numbers_differ(fa, fb):
        return 0.0
    if fa == fb:
        return 100.0
    plain = fuzz.ratio(fa, fb)
    if plain >= 95:
        return plain
    return max(plain, fuzz.token_sort_ratio(fa, fb))


def rarity(count: int) -> str:
    """'personal', 'common' or 'template' by how many leads share the text."""
    if count <= PERSONAL_COUNT:
        return "personal"
    if count < TEMPLATE_COUNT:
        return "common"
    return "template"
