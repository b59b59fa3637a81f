"""Block keys hashed alike in every process, so an index can be kept on disk
(``snapshot.py``) and read back by the next process.

Python's own ``hash`` of a string is salted per process; of an integer, and
so of a tuple of integers, it is not.  A key is therefore made of a 64-bit
digest of each of its strings (CRC-32 and Adler-32 of its UTF-8: a
cryptographic digest cost 1 µs a string, a tenth of a 100k build), combined
by ``hash`` of the tuple: ``key_hash("p", "+79123456789")`` is the same number
in every run.  A collision, rare at a million keys, would only put two blocks
together (a few more pairs compared), never lose a pair.
"""

from __future__ import annotations

from functools import lru_cache
from zlib import adler32, crc32


def _digest(text: str) -> int:
    data = text.encode()
    return crc32(data) << 32 | adler32(data)


# Words (names, message words, key kinds) repeat: each is digested once.
word_hash = lru_cache(maxsize=1 << 17)(_digest)


def key_hash(kind: str, word: str) -> int:
    """``hash((kind, word))``, the same in every process; for words that repeat."""
    return hash((word_hash(kind), word_hash(word)))


def text_hash(text: str) -> int:
    """The digest of a text, uncached (its caller caches the keys it makes)."""
    return _digest(text)


def value_hash(kind: str, value: str) -> int:
    """``key_hash`` of an identifier (a phone, an e-mail, a handle): most are
    one lead's, so a cache would only churn."""
    return hash((word_hash(kind), _digest(value)))
