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
from array import array
from functools import lru_cache
from itertools import combinations, repeat
from operator import itemgetter
from struct import Struct
from sys import intern

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
# The frame of a question, which one customer words differently each time
# ("Сколько будет стоить шкаф 2 м" / "Какая цена на шкаф 2 м" / "Шкаф 2 м за
# сколько сделаете?"): left out when two questions' contents are compared.
_FRAME = frozenset(
    [
        "сколько",
        "будет",
        "буде",
        "стоить",
        "стоит",
        "какая",
        "какой",
        "какие",
        "цена",
        "цену",
        "цены",
        "на",
        "по",
        "времени",
        "за",
        "делаете",
        "делает",
        "сделаете",
        "сделать",
        "рассчитайте",
        "расчитайте",
        "рассчитать",
        "хочу",
        "хотим",
        "заказать",
        "интересует",
        "можно",
        "нужен",
        "нужна",
        "сроки",
        "срок",
        "в",
        "с",
        "из",
        "день",
        "добрый",
        "доброго",
        "суток",
        "вечер",
    ]
)
# Contents this many words long or longer are compared as word sets too (a
# clause put first or left out: "В комнату 12 кв.м, рассчитайте стеллаж 2 м").
CONTENT_WORDS = 4
_WORD = re.compile(r"[0-9a-zа-я]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# The stored start of an inquiry (``load``): a number at its end may be cut.
MESSAGE_CHARS = 80
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
# A text no one else sent in those hours: the lead and its own burst's one other.
ALONE_COUNT = 2
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
    # Interned: the cache holds the words of up to 100,000 texts, drawn from a
    # far smaller vocabulary (50 MB less at 100k leads).
    if len(_KEPT) >= _KEPT_MAX:
        _KEPT.clear()
    return tuple(filter(None, map(_KEPT.__getitem__, _WORD.findall(fold_name(text)))))


class _Kept(dict):
    """A folded word -> itself interned, or '' for a noise word (``_NOISE``):
    the words of the inquiries repeat from text to text, each is looked at once."""

    def __missing__(self, word: str) -> str:
        kept = self[word] = "" if word in _NOISE else intern(word)
        return kept


_KEPT = _Kept()
_KEPT_MAX = 200_000


@lru_cache(maxsize=100_000)
def numbers(text: str) -> tuple[str, ...]:
    """The numbers of an inquiry (sizes, prices, dates), sorted, each without
    its separator ("2,4 м" and "24 м" are one size; the clauses' order does not
    matter); a number ending a text cut at the stored length is left out."""
    found = _NUMBER.findall(text)
    if not found:
        return ()
    if "," in text or "." in text:
        found = [n.replace(",", "").replace(".", "") for n in found]
    if len(text) >= MESSAGE_CHARS and text[-1].isdigit():
        found.pop()
    found.sort()
    return tuple(found)


@lru_cache(maxsize=100_000)
def content(text: str) -> str:
    """The folded words of an inquiry without its question's frame."""
    return " ".join(w for w in folded_words(text) if w not in _FRAME and not w.isdigit())


def _stable_hash(word: str) -> int:
    return zlib.crc32(word.encode())


def band_keys(text: str) -> tuple[int, ...]:
    """Hashes of pairs of the words with the smallest hashes (distinct).

    Two copies of one question share most of these words, and so at least one
    pair; two different questions rarely share two of their rarest-hashed words.
    """
    keys = _band_bytes(text)
    return _UNPACK[len(keys)](keys)


# Bytes of n band keys -> the n keys (in one call: a memoryview cast to a
# tuple took four times as long, and the keys are asked for again and again).
_UNPACK = {
    8 * n: Struct(f"{n}q").unpack for n in range(_SKETCH_WORDS * (_SKETCH_WORDS - 1) // 2 + 1)
}


# A folded word -> the rank of its stem for the band keys (``_rank``), or None
# for a word that makes none (the question's frame, a number, fewer than 3
# letters); a stem -> its rank: (``_stable_hash``, itself, its ``word_hash``).
# The words repeat from text to text: each is read once (half of the keys'
# cost was reading them again).  Cleared when full: they only save work.
_RANKS: dict[str, tuple[int, str, int]] = {}
_WORDS_MAX = 200_000


class _WordRanks(dict):
    def __missing__(self, word: str) -> tuple[int, str, int] | None:
        if len(self) >= _WORDS_MAX:
            self.clear()
        if word in _FRAME or word.isdigit() or len(word) < 3:
            rank = self[word] = None
        else:
            stem = word[:_STEM]
            rank = self[word] = _RANKS.get(stem) or _rank(stem)
        return rank


_WORD_RANKS = _WordRanks()


def _rank(stem: str) -> tuple[int, str, int]:
    if len(_RANKS) >= _WORDS_MAX:
        _RANKS.clear()
    rank = _RANKS[stem] = (_stable_hash(stem), stem, word_hash(stem))
    return rank


_BAND = word_hash("m")
# For a sketch of k words: getters of the first and of the second word of each
# of its pairs, in ``combinations`` order (so the pairs are hashed in C).
_PAIRS = {
    k: (itemgetter(*(a for a, _b in pairs)), itemgetter(*(b for _a, b in pairs)))
    for k in range(3, _SKETCH_WORDS + 1)
    for pairs in [list(combinations(range(k), 2))]
}


@lru_cache(maxsize=100_000)
def _band_bytes(text: str) -> bytes:
    """``band_keys`` as 8-byte integers in one bytes object: the cache holds
    100,000 texts' keys, and ten ``int`` objects in a tuple take four times
    the room (40 MB at a million leads)."""
    # Content words (``content``): the frame of the question (Сколько будет
    # стоить / Какая цена на) is worded otherwise from one copy to the next.
    # (The ranks of one stem are one tuple: the set holds each stem once.)
    words = set(map(_WORD_RANKS.__getitem__, folded_words(text)))
    words.discard(None)
    number = "".join(numbers(text))
    if number:
        # All the numbers as one word: "2,4 м" and "24 м" are one size.
        number = number[:6]
        words.add(_RANKS.get(number) or _rank(number))
    if len(words) < 2:
        return b""
    # Words ranked by a hash that is the same in every process (Python's own
    # str hash is salted per process): the sketch, so the pairs found, must
    # not change from one run to the next, and kept pairs must match a rescan.
    sketch = sorted(words)[:_SKETCH_WORDS]
    sketch.sort(key=_STEM_OF)
    hashed = [rank[2] for rank in sketch]
    if len(hashed) == 2:
        return array("q", [hash((_BAND, *hashed))]).tobytes()
    firsts, seconds = _PAIRS[len(hashed)]
    pairs = zip(repeat(_BAND), firsts(hashed), seconds(hashed))
    return array("q", map(hash, pairs)).tobytes()


_STEM_OF = itemgetter(1)


@lru_cache(maxsize=100_000)
def text_key(text: str) -> int:
    """Hash of the folded words: what a template's copies all share."""
    return hash((word_hash("t"), text_hash(fold(text))))


def is_personal_text(text: str) -> bool:
    """Long enough to say something of one person (a template may still be long)."""
    return len(folded_words(text)) >= PERSONAL_WORDS


def numbers_differ(a: str, b: str) -> bool:
    """Both inquiries carry numbers and they are not the same ones.  Reworded
    copies keep their numbers ("2,4 м" / "2.4 м" / "24 м"), in any order, and
    one may leave a detail out; a stranger's question built the same way
    ("шкаф 2,2 м" / "шкаф 3 м") does not."""
    na, nb = numbers(a), numbers(b)
    if not na or not nb or na == nb:
        return False
    short, long = (na, nb) if len(na) <= len(nb) else (nb, na)
    rest = list(long)
    for n in short:
        if n not in rest:
            return True
        rest.remove(n)
    return False


@lru_cache(maxsize=4096)  # the comparison asks it right after ``likeness`` did
def wording(a: str, b: str) -> float:
    """How alike two inquiries are as worded, 0..100, on their folded words (in
    order or sorted); 0 when their numbers differ."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb or numbers_differ(a, b):
        return 0.0
    if fa == fb:
        return 100.0
    plain = fuzz.ratio(fa, fb)
    if plain >= 95:
        return plain
    return max(plain, fuzz.token_sort_ratio(fa, fb))


# A pair's inquiries are asked for up to three times in a row: whether they
# can make the pair reach the floor, its comparison, its reasons.
@lru_cache(maxsize=4096)
def likeness(a: str, b: str) -> float:
    """How alike two inquiries are, 0..100: as worded, or on their contents
    (the question's frame left out, word order and a left-out clause
    forgiven); 0 when their numbers differ."""
    if a == b:
        # A third of the compared pairs of a scan sent the very same text
        # (one person's burst, a template): what ``wording`` makes of it.
        return 100.0 if fold(a) else 0.0
    best = wording(a, b)
    if best == 0.0 or best >= 95:
        return best
    ca, cb = content(a), content(b)
    words = min(ca.count(" "), cb.count(" ")) + 1
    if ca and cb and words >= CONTENT_WORDS - 1:
        best = max(best, fuzz.token_sort_ratio(ca, cb))
        if words >= CONTENT_WORDS:
            best = max(best, fuzz.token_set_ratio(ca, cb))
    return best


def _may_reach(a: str, b: str, cut: float) -> bool:
    """Can the ratio of ``a`` and ``b`` (or of their words sorted: as long)
    reach ``cut``: it is at most 200 times the shorter's length over both
    lengths (a point of room for rounding).  Most texts a name's block pairs
    differ this much in length, and the check is a tenth of a ratio's cost."""
    la, lb = len(a), len(b)
    return 200.0 * min(la, lb) >= (cut - 1.0) * (la + lb)


# A pair's inquiries are asked for twice in a row: whether they can make the
# pair reach the floor, then its comparison.
@lru_cache(maxsize=4096)
def alike(a: str, b: str, least: float) -> bool:
    """``likeness(a, b) >= least``, told with a fraction of the work for the
    many pairs that are not (at a million leads most compared pairs share a
    name and an hour, not a question).

    Each ratio is asked with a cut-off a point under ``least`` (or 95): rapidfuzz then
    gives up early and answers 0 for a ratio under it, and the exact ratio from
    it on.  So the best of the ratios reaches ``least`` exactly when
    ``likeness``'s best does.  (``likeness``'s own shortcut on a best of 0
    reads a wording with no letter in common: its contents share none either.)"""
    if a == b:
        return (100.0 if fold(a) else 0.0) >= least
    fa, fb = fold(a), fold(b)
    if not fa or not fb or numbers_differ(a, b):
        return least <= 0.0
    if fa == fb:
        return least <= 100.0
    # (From 95 on ``likeness`` stops at the wording: that must be told exactly too.)
    cut = max(0.0, min(least, 95.0) - 1.0)
    best = 0.0
    if _may_reach(fa, fb, cut):
        best = fuzz.ratio(fa, fb, score_cutoff=cut)
        if best < 95:
            best = max(best, fuzz.token_sort_ratio(fa, fb, score_cutoff=cut))
        if best >= least or best >= 95:
            return best >= least
    ca, cb = content(a), content(b)
    words = min(ca.count(" "), cb.count(" ")) + 1
    if ca and cb and words >= CONTENT_WORDS - 1:
        if _may_reach(ca, cb, cut) and fuzz.token_sort_ratio(ca, cb, score_cutoff=cut) >= least:
            return True
        if words >= CONTENT_WORDS:
            return fuzz.token_set_ratio(ca, cb, score_cutoff=cut) >= least
    return False


def rarity(count: int) -> str:
    """'personal', 'common' or 'template' by how many leads share the text."""
    if count <= PERSONAL_COUNT:
        return "personal"
    if count < TEMPLATE_COUNT:
        return "common"
    return "template"
