"""Evidence made into what a pair says: its reasons (``Reason`` objects, as
the queue and the compare view keep them) or only their words (what ``deskdup
scan`` prints), the heaviest first.  The evidence itself is worked out in
``evidence.py``; this is how it is worded, for both."""

from __future__ import annotations

from operator import itemgetter

from deskdup.services.candidates import Reason
from deskdup.services.messages import Message, english

# A piece of evidence before it becomes a Reason: (code, weight, template, params).
# Reasons (with their Message) are only built for pairs that make the threshold.
Evidence = tuple[str, float, str, dict]


# "Came 4 min apart via Telegram and site", "Same first name: Ольга ~ Оля" and
# the like recur in thousands of pairs: one shared Reason object each (the
# pairs of a large scan hold them all, and making one costs more than finding it).
# A name agreement, worded alike for many pairs (``_SHARED_REASONS`` and
# ``_SHARED_EVIDENCE`` both hold it).
_NAME_AGREEMENTS = frozenset(
    {
        "full_name",
        "full_name_patronymic",
        "first_name",
        "surname_initial",
        "surname_only",
        "surname_number",
    }
)
_SHARED_REASONS = _NAME_AGREEMENTS | {
    "burst",
    "same_message",
    "rare_message",
    "common_message",
    "template_message",
    "different_first_names",
    "different_genders",
    "different_surnames",
    "different_patronymics",
}
_REASON_CACHE: dict[tuple, Reason] = {}
_WEIGHT = itemgetter(1)


def _ordered(evidence: list[Evidence]) -> list[Evidence]:
    """The heaviest first, in their order when as heavy."""
    # (``reverse`` keeps the order of equal weights, as sorting by -weight does.)
    return sorted(evidence, key=_WEIGHT, reverse=True) if len(evidence) > 1 else evidence


def _reasons(evidence: list[Evidence]) -> tuple[Reason, ...]:
    """The evidence as reasons, the heaviest first (in their order when as heavy)."""
    out = []
    cache = _REASON_CACHE
    for code, weight, template, params in _ordered(evidence):
        if code in _SHARED_REASONS:
            key = (code, weight, template, *params.items())
            reason = cache.get(key)
            if reason is None:
                if len(cache) > 100_000:
                    cache.clear()
                reason = cache[key] = Reason(code, weight, Message("Reason", template, params))
            out.append(reason)
        else:
            out.append(Reason(code, weight, Message("Reason", template, params)))
    return tuple(out)


def _texts(evidence: list[Evidence]) -> tuple[str, ...]:
    """The words of ``_reasons(evidence)``, each ``str(reason.text)``, without
    making the reasons (``english``: what ``Message.render()`` says).

    Evidence that recurs is one object (``evidence._SHARED``): its words are
    found by its values' identity (kept in the entry, so the id is not reused
    while it lives)."""
    out = []
    words = _WORDS
    for code, _weight, template, params in _ordered(evidence):
        if code in _SHARED_EVIDENCE:
            entry = words.get(id(params))
            if entry is not None and entry[0] is params:
                out.append(entry[1])
                continue
            text = english(template, params)
            if len(words) >= _WORDS_MAX:
                words.clear()
            words[id(params)] = (params, text)
            out.append(text)
        else:
            out.append(english(template, params))
    return tuple(out)


# The codes of the evidence ``evidence._SHARED`` keeps one object of (a burst, a
# name agreement; an inquiry's recurs too seldom to be worth it).
_SHARED_EVIDENCE = _NAME_AGREEMENTS | {"burst", "nickname_name", "nickname_initial"}
# ``_texts``: the words of shared evidence, by its values' identity.  Cleared
# when full: it only saves work.
_WORDS: dict[int, tuple[dict, str]] = {}
_WORDS_MAX = 100_000
