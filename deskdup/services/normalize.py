"""Normalisers: one canonical form per phone, e-mail and messenger handle.

Equal normalised values mean the same phone / address / account.  A value that
cannot be normalised is kept as entered and flagged invalid, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from deskdup.models import Channel, CommKind

DEFAULT_REGION = "RU"


@dataclass(frozen=True)
class Normalized:
    value: str  # canonical form; "" when it could not be normalised
    valid: bool
    extension: str = ""


_DIGITS = re.compile(r"[0-9]")
# Characters that show as nothing (zero-width spaces and joiners, direction marks,
# the soft hyphen, a BOM): pasted into an id, a phone or an e-mail they make
# ``X-1`` and ``X-1\u200b`` two leads and a broken address look valid.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def visible(text: str) -> str:
    """``text`` without the characters that show as nothing."""
    return text if text.isascii() else _INVISIBLE.sub("", text).strip()


def normalize_phone(raw: str, region: str = DEFAULT_REGION) -> Normalized:
    """E.164 for a valid phone: ``8 916…``, ``7916…``, ``+7 (916)…``, ``916…`` agree.

    An extension is kept apart.  An invalid number keeps its digits (so two
    leads typed with the same wrong number still meet) but is flagged.
    """
    text = (raw or "").strip()
    if not text:
        return Normalized("", False)
    if region == "RU":
        fast = _russian_mobile(text)
        if fast is not None:
            return Normalized(fast, True)
    return _parse_phone(text, region)


# What a Russian mobile number is typed with: digits, spaces, brackets, dashes.
_MOBILE_CHARS = frozenset("0123456789 ()-")
_NOT_DIGIT = str.maketrans("", "", " ()-")


def _russian_mobile(text: str) -> str | None:
    """E.164 of a Russian mobile number typed in a usual way, without phonenumbers.

    Most phones in a Russian CRM are mobiles (``+7 9XX …``), and parsing each
    with phonenumbers is the slowest step of reading them.  A mobile number is
    ``9`` and nine digits, ``93x`` excepted (only partly allocated); anything
    else, or any other character (an extension, a letter, a second plus), goes
    the slow way.  Tests check that the answer is the one phonenumbers gives.
    """
    body = text[1:] if text[0] == "+" else text
    if not _MOBILE_CHARS.issuperset(body):
        return None
    digits = body.translate(_NOT_DIGIT)
    if len(digits) == 11:
        if digits[0] != "7" and (digits[0] != "8" or body is not text):
            return None
        national = digits[1:]
    elif len(digits) == 10 and body is text:
        national = digits
    else:
        return None
    if national[0] != "9" or national[1] == "3":
        return None
    return "+7" + national


def fast_ru_mobile(raw: str) -> Normalized | None:
    """The E.164 of a plainly typed Russian mobile number, without phonenumbers;
    None when the number needs the full parse (``normalize_phone`` with region RU).

    For callers that put their own cache in front of the slow path (the importer).
    """
    text = raw.strip()
    fast = _russian_mobile(text) if text else None
    return Normalized(fast, True) if fast is not None else None


def _parse_phone(text: str, region: str) -> Normalized:
    digits = "".join(_DIGITS.findall(text))
    candidates = [text]
    # Russian habit: a leading 8 (trunk prefix) or 7 without the plus.
    if region == "RU" and not text.startswith("+") and len(digits) == 11 and digits[0] in "78":
        candidates.insert(0, "+7" + digits[1:])
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            return Normalized(e164, True, number.extension or "")
    return Normalized(_invalid_digits(digits, text, region), False)


def _invalid_digits(digits: str, text: str, region: str) -> str:
    """The digits of an invalid phone, written the same whatever the form typed.

    In Russia ``8…``, ``7…``, ``+7…`` and a bare ten-digit number are one number
    even when the number itself is not a valid one.
    """
    if region == "RU":
        if len(digits) == 11 and (digits[0] == "8" and not text.startswith("+")):
            return "7" + digits[1:]
        if len(digits) == 10 and not text.startswith("+"):
            return "7" + digits
    return digits


def normalize_email(raw: str) -> Normalized:
    text = visible((raw or "").strip()).strip("<>").lower()
    if text.startswith("mailto:"):
        text = text[7:]
    local, at, domain = text.partition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in text):
        return Normalized(text, False)
    return Normalized(f"{local}@{domain}", True)


_HANDLE_PREFIX = re.compile(
    r"^(?:https?://)?(?:www\.)?(?:t\.me/|telegram\.me/|tg://resolve\?domain=|instagram\.com/|vk\.com/)",
    re.IGNORECASE,
)
_HANDLE_OK = re.compile(r"^[a-z0-9_.]{2,64}$")


def normalize_handle(raw: str) -> Normalized:
    """Telegram/Instagram/VK handle: no ``@``, no link, lower case."""
    text = visible((raw or "").strip())
    text = _HANDLE_PREFIX.sub("", text).lstrip("@").split("?")[0].strip("/").lower()
    return Normalized(text, bool(_HANDLE_OK.match(text)))


def normalize_comm(
    kind: CommKind, channel: Channel, raw: str, region: str = DEFAULT_REGION
) -> Normalized:
    """Normalise a communication according to its kind.

    A WhatsApp or Viber messenger id is a phone; a Telegram or Instagram one is
    a handle.
    """
    if kind is CommKind.PHONE:
        return normalize_phone(raw, region)
    if kind is CommKind.EMAIL:
        return normalize_email(raw)
    if kind is CommKind.MESSENGER:
        if channel in (Channel.WHATSAPP, Channel.VIBER):
            return normalize_phone(raw, region)
        return normalize_handle(raw)
    return Normalized((raw or "").strip().lower(), bool((raw or "").strip()))
