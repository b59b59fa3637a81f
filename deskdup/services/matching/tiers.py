"""The inquiry tiers of a one-shot build, counted from the leads' text keys.

``MatchIndex._tier_of`` tells a lead's tier from the index's blocks, three
block look-ups for every lead with a message.  A one-shot build sets every
lead's tier at once, before any pair is compared: the same tiers follow from
counting the text keys (over all time, and per text and message bucket), and
most leads need no count but their text's: a text at most
``PERSONAL_COUNT`` leads sent at all cannot have been sent by more around
one of them, so a personal question sent that rarely is personal there.
A pure function of the leads, so a forked worker can count them
(``build_workers.insert_all``) while this process inserts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from deskdup.services.matching.inquiry import (
    ALONE_COUNT,
    PERSONAL_COUNT,
    is_personal_text,
    rarity,
)
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.settings import _NARROW_OFFSETS

# Tier names by code (``count_tiers``): a record starts "personal".
TIERS = ("personal", "rare", "few", "common", "template")
_CODES = {tier: code for code, tier in enumerate(TIERS)}


def count_tiers(
    leads: Sequence[_Lead],
    texts: Sequence[int | None],
    message_bucket: int,
    window: float,
) -> bytearray:
    """The tier code of each of ``leads`` (``TIERS``), whose text keys are
    ``texts`` (``keys._text_hash``; None: no message): what ``_tier_of`` makes
    of a one-shot build's blocks, whose text keys are kept per message bucket
    of ``message_bucket`` minutes; ``window``: the burst window in minutes."""
    overall = Counter(texts)
    codes = bytearray(len(leads))
    todo = []
    for n, text in enumerate(texts):
        if text is None:
            continue
        # (The leads around one are some of those that sent the text at all.)
        if overall[text] <= PERSONAL_COUNT and is_personal_text(leads[n].message):
            continue
        todo.append(n)
    if not todo:
        return codes
    wanted = {texts[n] for n in todo}
    # (text, message bucket) -> the minutes of the leads that sent it then,
    # for the texts some lead needs counted around it only.
    minutes: dict[tuple[int, int], list[float]] = {}
    for rec, text in zip(leads, texts, strict=True):
        if text in wanted:
            minute = rec.minute
            minutes.setdefault((text, int(minute // message_bucket)), []).append(minute)
    rare = _CODES["rare"]
    for n in todo:
        text, minute = texts[n], leads[n].minute
        bucket = int(minute // message_bucket)
        near = [minutes.get((text, bucket + offset), ()) for offset in _NARROW_OFFSETS]
        # Personal needs at most PERSONAL_COUNT overall: not one of these.
        if sum(map(len, near)) <= ALONE_COUNT:
            codes[n] = rare
            continue
        close = sum(1 for group in near for other in group if abs(other - minute) <= window)
        if close <= ALONE_COUNT:
            codes[n] = rare
            continue
        tier = rarity(close)
        codes[n] = _CODES["few" if tier == "personal" else tier]
    return codes


def set_tiers(leads: Sequence[_Lead], codes: bytes) -> None:
    """Give ``leads`` the tiers of ``codes`` (``count_tiers``)."""
    for rec, code in zip(leads, codes, strict=True):
        rec.tier = TIERS[code]
