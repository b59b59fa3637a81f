"""What the learned model weighs, in the words the reasons use (for the settings
dialog and anyone else who shows the model to a person).

The model scores a pair by the levels its comparisons land on (``model.LEVELS``);
each level weighs ``log2(m/u)`` bits.  Here each level gets the words an
operator meets in the queue's reasons ("Same phone", "Came within 5 min via
different channels"), and ``summarize`` picks the strongest evidence for and
against a match.  ``SWITCHABLE`` names the kinds of evidence an operator can
switch off (by their hand-set weight's code; ``compare._SWITCH`` is the one
source): the rest of the hand-set weights only decide which pairs are worth
comparing at all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import select

from deskdup.models import WorkspaceMeta
from deskdup.services.matching.compare import _SWITCH
from deskdup.services.matching.model import (
    BURST_MESSAGE,
    BURST_MESSAGE_LEVELS,
    COMPARISONS,
    HAS_NULL,
    LEVELS,
    MESSAGE,
    LinkageModel,
)
from deskdup.services.matching.settings import LEARN_MIN_LEADS
from deskdup.services.matching.store import MODEL_KEY
from deskdup.services.messages import QT_TRANSLATE_NOOP

CONTEXT = "Evidence"

# The kinds of evidence (codes of ``DEFAULT_WEIGHTS``) an operator can switch
# off: its comparison level then says nothing, for or against.
SWITCHABLE: tuple[str, ...] = tuple(_SWITCH)

# Each level of each comparison, in the reasons' words.
LEVEL_WORDS: dict[tuple[str, str], str] = {
    ("phone", "shared"): QT_TRANSLATE_NOOP("Evidence", "Same phone"),
    ("phone", "shared_invalid"): QT_TRANSLATE_NOOP("Evidence", "Same (invalid) phone number"),
    ("phone", "different"): QT_TRANSLATE_NOOP("Evidence", "Different phones"),
    ("email", "shared"): QT_TRANSLATE_NOOP("Evidence", "Same e-mail"),
    ("email", "different"): QT_TRANSLATE_NOOP("Evidence", "Different e-mails"),
    ("handle", "shared"): QT_TRANSLATE_NOOP("Evidence", "Same messenger account"),
    ("handle", "different"): QT_TRANSLATE_NOOP("Evidence", "Different messenger accounts"),
    ("name", "none"): QT_TRANSLATE_NOOP("Evidence", "Names with nothing in common"),
    ("name", "first_name"): QT_TRANSLATE_NOOP("Evidence", "Same first name"),
    ("name", "first_name_common"): QT_TRANSLATE_NOOP("Evidence", "Same first name, a common one"),
    ("name", "surname_only"): QT_TRANSLATE_NOOP("Evidence", "Same surname"),
    ("name", "surname_initial"): QT_TRANSLATE_NOOP("Evidence", "Same surname and initial"),
    ("name", "surname_number"): QT_TRANSLATE_NOOP("Evidence", "Same surname and number"),
    ("name", "nickname_name"): QT_TRANSLATE_NOOP("Evidence", "Nickname matches the name"),
    ("name", "full_name"): QT_TRANSLATE_NOOP("Evidence", "Same name (first name and surname)"),
    ("name", "full_name_patronymic"): QT_TRANSLATE_NOOP(
        "Evidence", "Same full name with patronymic"
    ),
    ("name", "different_first_names"): QT_TRANSLATE_NOOP("Evidence", "Different first names"),
    ("name", "different_genders"): QT_TRANSLATE_NOOP("Evidence", "A man and a woman"),
    ("name", "different_surnames"): QT_TRANSLATE_NOOP("Evidence", "Different surnames"),
    ("name", "different_patronymics"): QT_TRANSLATE_NOOP("Evidence", "Different patronymics"),
    ("name", "nickname_different"): QT_TRANSLATE_NOOP(
        "Evidence", "A nickname that reads as another name"
    ),
    ("name", "nickname_initial"): QT_TRANSLATE_NOOP(
        "Evidence", "A nickname's initial and surname fit the first name"
    ),
    ("time", "le2_switch"): QT_TRANSLATE_NOOP(
        "Evidence", "Came within 2 min via different channels"
    ),
    ("time", "le2_same"): QT_TRANSLATE_NOOP("Evidence", "Came within 2 min via one channel"),
    ("time", "le5_switch"): QT_TRANSLATE_NOOP(
        "Evidence", "Came within 5 min via different channels"
    ),
    ("time", "le5_same"): QT_TRANSLATE_NOOP("Evidence", "Came within 5 min via one channel"),
    ("time", "le10_switch"): QT_TRANSLATE_NOOP(
        "Evidence", "Came within 10 min via different channels"
    ),
    ("time", "le10_same"): QT_TRANSLATE_NOOP("Evidence", "Came within 10 min via one channel"),
    ("time", "le20_switch"): QT_TRANSLATE_NOOP(
        "Evidence", "Came within 20 min via different channels"
    ),
    ("time", "le20_same"): QT_TRANSLATE_NOOP("Evidence", "Came within 20 min via one channel"),
    ("time", "le60_switch"): QT_TRANSLATE_NOOP(
        "Evidence", "Came within an hour via different channels"
    ),
    ("time", "le60_same"): QT_TRANSLATE_NOOP("Evidence", "Came within an hour via one channel"),
    ("time", "le1d"): QT_TRANSLATE_NOOP("Evidence", "Came within a day"),
    ("time", "le7d"): QT_TRANSLATE_NOOP("Evidence", "Came within a week"),
    ("time", "gt7d"): QT_TRANSLATE_NOOP("Evidence", "Came more than a week apart"),
    ("message", "different"): QT_TRANSLATE_NOOP("Evidence", "Different inquiries"),
    ("message", "personal_same"): QT_TRANSLATE_NOOP("Evidence", "Same inquiry text"),
    ("message", "personal_similar"): QT_TRANSLATE_NOOP(
        "Evidence", "Much the same inquiry (reworded)"
    ),
    ("message", "personal_reworded"): QT_TRANSLATE_NOOP(
        "Evidence", "The same thing asked in other words"
    ),
    ("message", "rare"): QT_TRANSLATE_NOOP(
        "Evidence", "Same short or frequent inquiry, no one else's around then"
    ),
    ("message", "few"): QT_TRANSLATE_NOOP(
        "Evidence", "Same short or frequent inquiry, a few others' around then"
    ),
    ("message", "common"): QT_TRANSLATE_NOOP("Evidence", "Same inquiry that a few leads send"),
    ("message", "template"): QT_TRANSLATE_NOOP("Evidence", "Same template many leads send"),
    # The same, within 20 minutes and nothing shared (``model.BURST_MESSAGE``):
    # weighed apart, as strangers send the same text within minutes more often.
    ("message_in_burst", "rare"): QT_TRANSLATE_NOOP(
        "Evidence", "Same short or frequent inquiry within 20 min, no one else's around then"
    ),
    ("message_in_burst", "few"): QT_TRANSLATE_NOOP(
        "Evidence", "Same short or frequent inquiry within 20 min, a few others' around then"
    ),
    ("message_in_burst", "common"): QT_TRANSLATE_NOOP(
        "Evidence", "Same inquiry that a few leads send, within 20 min"
    ),
    ("message_in_burst", "template"): QT_TRANSLATE_NOOP(
        "Evidence", "Same template many leads send, within 20 min"
    ),
    ("time_with_identifier", "le1h"): QT_TRANSLATE_NOOP(
        "Evidence", "Same phone, e-mail or account, within an hour"
    ),
    ("time_with_identifier", "le1d"): QT_TRANSLATE_NOOP(
        "Evidence", "Same phone, e-mail or account, within a day"
    ),
    ("time_with_identifier", "le7d"): QT_TRANSLATE_NOOP(
        "Evidence", "Same phone, e-mail or account, within a week"
    ),
    ("time_with_identifier", "gt7d"): QT_TRANSLATE_NOOP(
        "Evidence", "Same phone, e-mail or account, more than a week apart"
    ),
}


@dataclass(frozen=True)
class LearnedWeight:
    comparison: str
    level: str
    bits: float
    words: str  # English, translated in the "Evidence" context where shown


@dataclass(frozen=True)
class ModelSummary:
    """The model behind a workspace's queue, for a person to read."""

    learned: bool  # False: the built-in estimates (too few leads, or no scan kept yet)
    leads: int  # how many leads it was learned from (0 when not learned)
    matches: float  # how many pairs the model takes for one customer, of all pairs
    top_for: tuple[LearnedWeight, ...]
    top_against: tuple[LearnedWeight, ...]
    min_leads: int = LEARN_MIN_LEADS


def words_of(comparison: str, level: str) -> str:
    return LEVEL_WORDS.get((comparison, level), f"{comparison}: {level}")


def summarize(model: LinkageModel, n_for: int = 8, n_against: int = 5) -> ModelSummary:
    """The ``n_for`` strongest levels for a match and the ``n_against`` strongest
    against it (by their bits), with the size of what the model learned from."""
    rows = [
        LearnedWeight(name, level, model.bits(c, i), words_of(name, level))
        for c, name in enumerate(COMPARISONS)
        for i, level in enumerate(LEVELS[c])
        if not (HAS_NULL[c] and i == 0)
    ]
    if model.u_burst is not None:
        rows += [
            LearnedWeight(BURST_MESSAGE, level, model.burst_bits(i), words_of(BURST_MESSAGE, level))
            for i, level in enumerate(LEVELS[MESSAGE])
            if i in BURST_MESSAGE_LEVELS
        ]
    positive = sorted((r for r in rows if r.bits > 0), key=lambda r: -r.bits)
    negative = sorted((r for r in rows if r.bits < 0), key=lambda r: r.bits)
    leads = _leads_of(model.pairs) if model.learned else 0
    return ModelSummary(
        learned=model.learned,
        leads=leads,
        matches=model.matches if model.learned else 0.0,
        top_for=tuple(positive[:n_for]),
        top_against=tuple(negative[:n_against]),
    )


def _leads_of(pairs: float) -> int:
    """n from the n(n-1)/2 pairs the model was learned over."""
    if pairs <= 0:
        return 0
    return round((1 + math.sqrt(1 + 8 * pairs)) / 2)


def kept_model(ws) -> LinkageModel | None:
    """The model that scored the workspace's kept queue (None: no scan kept yet)."""
    with ws.engine.connect() as conn:
        stored = conn.execute(
            select(WorkspaceMeta.value).where(WorkspaceMeta.key == MODEL_KEY)
        ).scalar()
    if not stored:
        return None
    try:
        return LinkageModel.from_json(stored)
    except (ValueError, KeyError, TypeError):
        return None
