"""The text encoding of a CSV export: UTF-8 when it is, otherwise told or refused.

UTF-8 (with or without BOM) and UTF-16 with a BOM (Excel's "Unicode text")
are read as they are.  Any other file is shown to charset-normalizer, limited
to the encodings a Russian or Western CRM export is found in; its candidates
are read back and weighed by how much the text looks like words (a KOI8-R
``Иванов`` read as Windows-1251 is ``йЧБОПЧ``: a lowercase letter before
capitals, which no name has).  When one candidate is clearly the text, it is
used and named; when two read equally well, or none does, the file is refused,
naming the candidates and ``--encoding``.  A wrong guess would turn every name
into garbage with exit code 0; a refusal costs the operator one option.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from deskdup.services.errors import KnownError

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# codec name (codecs.lookup(...).name) -> what the operator knows it as
ENCODING_NAMES = {
    "utf-8-sig": "UTF-8",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "cp1251": "Windows-1251",
    "koi8-r": "KOI8-R",
    "koi8-u": "KOI8-U",
    "cp866": "DOS",
    "mac-cyrillic": "Mac Cyrillic",
    "iso8859-5": "ISO 8859-5",
    "cp1252": "Windows-1252",
    "iso8859-1": "Latin-1",
    "cp1250": "Windows-1250",
}
# Candidates and how rarely each is met in a CRM export (added to the oddness, so
# that of two encodings that read a short file equally well the common one wins).
_RARITY = {
    "cp1251": 0.0,
    "cp1252": 0.0,
    "koi8_r": 0.01,
    "latin_1": 0.01,
    "cp866": 0.02,
    "cp1250": 0.02,
    "koi8_u": 0.02,
    "iso8859_5": 0.05,
    "mac_cyrillic": 0.05,
}
SURE_MARGIN = 0.04  # how much better the best candidate must read than the next
MAX_ODDNESS = 0.05  # the share of odd characters a real text may have
SAMPLE_BYTES = 256 * 1024

_RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіїєґІЇЄҐўЎ")
_PUNCTUATION = frozenset("№«»–—‘’“”„…•°±§©®™€\xa0")
_WORD = re.compile(r"[^\W\d_]+")


def encoding_label(encoding: str) -> str:
    return ENCODING_NAMES.get(encoding, encoding)


@dataclass
class TextScan:
    lines: int  # up to the first undecodable byte when not ``decodes``
    decodes: bool
    non_ascii: bool = False  # text beyond ASCII was read before the end (or the bad byte)
    nul: bool = False  # a NUL character was read


def scan_text(path: Path, encoding: str) -> TextScan:
    """Read the whole file as ``encoding`` in one streamed pass, counting lines."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines = 0
    non_ascii = nul = False
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                good = chunk[: max(exc.start, 0)]
                non_ascii = non_ascii or not good.isascii()
                return TextScan(lines + good.count(b"\n") + 1, False, non_ascii)
            lines += text.count("\n")
            non_ascii = non_ascii or not text.isascii()
            nul = nul or "\x00" in text
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return TextScan(lines + 1, False, non_ascii)
    return TextScan(lines, True, non_ascii, nul)


def oddness(text: str) -> float:
    """The share of the non-ASCII characters of ``text`` that no Russian or Western text has."""
    non_ascii = odd = 0
    for ch in text:
        if ch.isascii():
            continue
        non_ascii += 1
        if ch in _RUSSIAN or ch in _PUNCTUATION:
            continue
        if ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
            continue
        odd += 1  # a symbol, or a letter of another alphabet (ћ, Ш-like Greek, Hebrew...)
    if not non_ascii:
        return 0.0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        cyrillic = any(c in _RUSSIAN for c in word)
        latin = any(not c.isascii() and c not in _RUSSIAN for c in word)
        if cyrillic and latin:  # "Jьrgen": Latin-1 read as Windows-1251
            odd += 1
        if any(a.islower() and b.isupper() for a, b in pairwise(word)):
            odd += 1  # "йЧБОПЧ": KOI8-R read as Windows-1251
    return odd / non_ascii


def _sample(path: Path) -> bytes:
    """The lines of the file that are not plain ASCII, up to SAMPLE_BYTES."""
    parts: list[bytes] = []
    size = 0
    with path.open("rb") as f:
        for line in f:
            if not line.isascii():
                parts.append(line)
                size += len(line)
                if size >= SAMPLE_BYTES:
                    break
    return b"".join(parts)


def guess_encoding(sample: bytes) -> list[tuple[float, str]]:
    """Candidate encodings of ``sample``, best first, each with its score (lower is better)."""
    from charset_normalizer import from_bytes

    texts: dict[str, set[str]] = {}
    for match in from_bytes(sample, cp_isolation=list(_RARITY)):
        try:
            texts.setdefault(sample.decode(match.encoding), set()).add(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    # Encodings that read the sample as the same text are one candidate: the common name.
    for name in _RARITY:
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        if text in texts:
            texts[text].add(name)
    scored = []
    for text, names in texts.items():
        name = min((n for n in names if n in _RARITY), key=_RARITY.__getitem__, default=None)
        if name is not None:
            scored.append((oddness(text) + _RARITY[name], codecs.lookup(name).name))
    return sorted(scored)


def text_encoding(path: Path, head: bytes, forced: str | None = None) -> tuple[str, TextScan]:
    """The encoding of a CSV file (a key of ENCODING_NAMES or a codec name), and its scan."""
    if forced:
        try:
            encoding = codecs.lookup(forced).name
        except LookupError:
            raise KnownError(
                f"'{forced}' is not a text encoding Python knows; for example: "
                "utf-8, cp1251, koi8-r, cp866, cp1252."
            ) from None
        if encoding == "utf-8":
            encoding = "utf-8-sig"  # a BOM is not part of the text
        scan = scan_text(path, encoding)
        if not scan.decodes:
            raise KnownError(
                f"{path.name} is not {encoding_label(encoding)} text from line {scan.lines} on."
            )
        return encoding, scan
    encoding = "utf-16" if head.startswith(UTF16_BOMS) else "utf-8-sig"
    scan = scan_text(path, encoding)
    if scan.decodes:
        return encoding, scan
    if encoding == "utf-8-sig" and not scan.non_ascii:
        candidates = guess_encoding(_sample(path))
        sure = [c for c in candidates if c[0] - candidates[0][0] < SURE_MARGIN]
        if len(sure) == 1 and candidates[0][0] <= MAX_ODDNESS + _RARITY_MAX:
            guessed = candidates[0][1]
            whole = scan_text(path, guessed)
            if whole.decodes:
                return guessed, whole
        good = [name for score, name in candidates if score <= MAX_ODDNESS + _RARITY_MAX]
        if good:
            names = ", ".join(f"{encoding_label(n)} ({n})" for n in good)
            raise KnownError(
                f"{path.name} is not UTF-8 text, and its encoding cannot be told for sure: "
                f"it reads as text in {names}. Import it again giving the right one, for "
                f"example --encoding {good[0]}, or save it as 'CSV UTF-8' and import that."
            )
    also = ", nor in an encoding of Russian or Western text" if encoding == "utf-8-sig" else ""
    raise KnownError(
        f"{path.name} is not {encoding_label(encoding)} text from line {scan.lines} on{also}. "
        "Save it as 'CSV UTF-8' or XLSX and import it again (or give its encoding with "
        "--encoding)."
    )


_RARITY_MAX = max(_RARITY.values())
