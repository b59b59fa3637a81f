"""Two leads compared field by field: the comparison pattern the model scores
(``model.py``) and the reasons' weights in bits.  The totals of the pairs that
are no candidate (the model's background) are counted in ``background.py``."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable

from deskdup.services.candidates import Reason
from deskdup.services.matching.evidence import (
    _TIER_RANK,
    _UNKNOWN,
    NAME_MATCH,
    NICK_CONFLICT,
    NO_NAMES,
    Evidence,
    _best_name_match,
    _evidence,
    _reasons,
)
from deskdup.services.matching.inquiry import alike, is_personal_text, wording
from deskdup.services.matching.keys import MESSAGE_MIN_CHARS
from deskdup.services.matching.model import (
    EMAIL,
    HANDLE,
    LEVELS,
    MESSAGE,
    NAME,
    PHONE,
    RETURN,
    TIME,
    TIME_BANDS,
    LinkageModel,
    Pattern,
    prior_model,
)
from deskdup.services.matching.name_agreement import _name_conflict, _name_evidence, _nick_conflict
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.settings import (
    NAME_HORIZON,
    SAME_MESSAGE,
    SIMILAR_MESSAGE,
    MatchSettings,
)
from deskdup.services.names import NameParts

_L = {(c, name): i for c, levels in enumerate(LEVELS) for i, name in enumerate(levels)}
_NAME_LEVEL = {name: i for i, name in enumerate(LEVELS[NAME])}
_NICK_FULL = ("full_name", "full_name_patronymic")
_NICK_DIFFERENT = _NAME_LEVEL["nickname_different"]
# TIME level by band (0..5) and channel switch.
_TIME_LEVELS = (
    (_L[TIME, "le2_same"], _L[TIME, "le2_switch"]),
    (_L[TIME, "le5_same"], _L[TIME, "le5_switch"]),
    (_L[TIME, "le10_same"], _L[TIME, "le10_switch"]),
    (_L[TIME, "le20_same"], _L[TIME, "le20_switch"]),
    (_L[TIME, "le60_same"], _L[TIME, "le60_switch"]),
    (_L[TIME, "le1d"], _L[TIME, "le1d"]),
    (_L[TIME, "le7d"], _L[TIME, "le7d"]),
    (_L[TIME, "gt7d"], _L[TIME, "gt7d"]),
)
_RETURN_LEVELS = (1, 1, 1, 1, 1, 2, 3, 4)
_MESSAGE_BY_TIER = {
    "rare": _L[MESSAGE, "rare"],
    "few": _L[MESSAGE, "few"],
    "common": _L[MESSAGE, "common"],
    "template": _L[MESSAGE, "template"],
}


def _band(minutes: float) -> int:
    """The first time band ``minutes`` is within (``len(TIME_BANDS)``: none)."""
    return bisect_left(TIME_BANDS, minutes)


def _identifier_level(a: Collection[str], b: Collection[str]) -> int:
    if not a or not b:
        return 0
    return 1 if any(v in b for v in a) else 2


def compare(
    x: _Lead,
    y: _Lead,
    settings: MatchSettings,
    name_match: object = _UNKNOWN,
    common: Collection[str] = (),
) -> Pattern:
    """The comparison pattern of two leads (level indices, ``model.LEVELS``);
    ``common``: the first names whose agreement is the common level."""
    # Phones: shared, a shared invalid number, different, or null.
    if x.phones and y.phones:
        phone = 1 if any(p in y.phones for p in x.phones) else 3
    elif x.bad_phones and y.bad_phones and any(p in y.bad_phones for p in x.bad_phones):
        phone = 2
    else:
        phone = 0
    email = _identifier_level(x.emails, y.emails) if x.emails and y.emails else 0
    handle = (
        _identifier_level([h for _c, h in x.handles], [h for _c, h in y.handles])
        if x.handles and y.handles
        else 0
    )
    name = _name_level(x, y, settings, name_match, common)
    minutes = abs(x.minute - y.minute)
    band = _band(minutes)
    if phone in (1, 2) or email == 1 or handle == 1:
        time, back = 0, _RETURN_LEVELS[band]
    else:
        time, back = _TIME_LEVELS[band][x.channel is not y.channel], 0
    message = _message_level(x, y, minutes, settings)
    pattern = (phone, email, handle, name, time, message, back)
    off = _switched_off(settings)
    if off:
        pattern = tuple(0 if (c, level) in off else level for c, level in enumerate(pattern))
    return pattern


# Evidence an operator switched off (its weight set to 0 or below) says
# nothing: its level becomes the null level.  Only the hand-set weights of
# evidence *for* a match can be switched off this way.
_SWITCH: dict[str, tuple[tuple[int, int], ...]] = {
    "same_phone": ((PHONE, 1),),
    "first_name": ((NAME, _NAME_LEVEL["first_name"]), (NAME, _NAME_LEVEL["first_name_common"])),
    "same_invalid_phone": ((PHONE, 2),),
    "same_email": ((EMAIL, 1),),
    "same_handle": ((HANDLE, 1),),
    "burst": tuple(
        (TIME, level) for level, name in enumerate(LEVELS[TIME]) if name.endswith("_switch")
    ),
    "same_message": ((MESSAGE, _L[MESSAGE, "personal_same"]),),
    "similar_message": (
        (MESSAGE, _L[MESSAGE, "personal_similar"]),
        (MESSAGE, _L[MESSAGE, "personal_reworded"]),
    ),
    "rare_message": ((MESSAGE, _L[MESSAGE, "rare"]), (MESSAGE, _L[MESSAGE, "few"])),
    "common_message": ((MESSAGE, _L[MESSAGE, "common"]),),
    "template_message": ((MESSAGE, _L[MESSAGE, "template"]),),
    **{
        code: ((NAME, _NAME_LEVEL[code]),)
        for code in (
            "surname_only",
            "surname_initial",
            "surname_number",
            "nickname_name",
            "nickname_initial",
            "full_name",
            "full_name_patronymic",
        )
    },
}
_OFF_CACHE: dict[int, tuple[dict, frozenset[tuple[int, int]]]] = {}


def _switched_off(settings: MatchSettings) -> frozenset[tuple[int, int]]:
    """(comparison, level) of the evidence switched off (worked out once per
    weights dict: settings are not changed while a scan runs)."""
    weights = settings.weights
    cached = _OFF_CACHE.get(id(weights))
    if cached is not None and cached[0] is weights:
        return cached[1]
    off = frozenset(
        level for code, levels in _SWITCH.items() if settings.weight(code) <= 0 for level in levels
    )
    if len(_OFF_CACHE) > 64:
        _OFF_CACHE.clear()
    _OFF_CACHE[id(weights)] = (weights, off)
    return off


def _name_level(
    x: _Lead, y: _Lead, settings: MatchSettings, name_match: object, common: Collection[str]
) -> int:
    if not x.nicks and not y.nicks:
        return _names_level(x.name, y.name, common)
    if not (x.name.words or x.nicks) or not (y.name.words or y.nicks):
        return 0
    conflict = _name_conflict(x.name, y.name)
    if conflict is not None:
        return _NAME_LEVEL[conflict]
    if name_match is _UNKNOWN:
        name_match = _best_name_match(x, y, settings)
    if name_match is None:
        return _NICK_DIFFERENT if _nick_conflict(x, y) else _NAME_LEVEL["none"]
    _w, code, pa, pb, nick_a, nick_b = name_match  # type: ignore[misc]
    if (nick_a or nick_b) and code in _NICK_FULL:
        code = "nickname_name"
    elif code == "first_name" and common and _common_first(pa, pb, common):
        code = "first_name_common"
    return _NAME_LEVEL[code]


# A number made of the ids of two names -> (the names, the name level of two
# leads without nicknames, which follows from their names as typed alone).
# At a million leads a third of the compared pairs have no nickname, and their
# names repeat (the strangers in a first name's block all type "Анна"): half
# of them are a pair of names compared before.  Leads with one name share one
# parsed ``NameParts`` (``load``), found here by identity; the entry holds
# both (so their ids are not reused while it lives, and two pairs whose ids
# make one number are told apart).  For one ``common`` at a time; cleared when
# full (about 15 MB): it only saves work.
_NAMES_LEVELS: dict[int, tuple[NameParts, NameParts, int]] = {}
_NAMES_COMMON: list[Collection[str] | None] = [None]
_NAMES_LEVELS_MAX = 100_000


def _names_level(a: NameParts, b: NameParts, common: Collection[str]) -> int:
    """``_name_level`` of two leads without nicknames named ``a`` and ``b``."""
    key = id(a) ^ (id(b) << 20)
    entry = _NAMES_LEVELS.get(key)
    if entry is not None and entry[0] is a and entry[1] is b and _NAMES_COMMON[0] is common:
        return entry[2]
    if not a.words or not b.words:
        level = 0
    else:
        conflict = _name_conflict(a, b)
        if conflict is not None:
            level = _NAME_LEVEL[conflict]
        elif a.empty or b.empty or (code := _name_evidence(a, b)) is None:
            level = _NAME_LEVEL["none"]
        elif code == "first_name" and common and _common_first(a, b, common):
            level = _NAME_LEVEL["first_name_common"]
        else:
            level = _NAME_LEVEL[code]
    if _NAMES_COMMON[0] is not common or len(_NAMES_LEVELS) >= _NAMES_LEVELS_MAX:
        _NAMES_LEVELS.clear()
        _NAMES_COMMON[0] = common
    _NAMES_LEVELS[key] = (a, b, level)
    return level


def _common_first(a: NameParts, b: NameParts, common: Collection[str]) -> bool:
    """The first name the two share is a common one (both sides' forms are)."""
    shared = [f for f in a.firsts if f in b.firsts] or [*a.firsts, *b.firsts]
    return bool(shared) and all(f in common for f in shared)


# A first name this share of the named leads carry, or more, is common.
COMMON_FIRST_SHARE = 0.02


def common_first_names(leads: Iterable[_Lead]) -> frozenset[str]:
    """The canonical first names at least ``COMMON_FIRST_SHARE`` of the leads
    with a first name in their name fields carry."""
    counts: Counter[str] = Counter()
    named = 0
    for rec in leads:
        firsts = rec.name.firsts
        if firsts:
            named += 1
            counts.update(firsts)
    if not named:
        return frozenset()
    return frozenset(f for f, n in counts.items() if n >= COMMON_FIRST_SHARE * named)


def _message_level(x: _Lead, y: _Lead, minutes: float, settings: MatchSettings) -> int:
    if minutes > NAME_HORIZON * settings.burst_minutes:
        return 0
    if len(x.message) < MESSAGE_MIN_CHARS or len(y.message) < MESSAGE_MIN_CHARS:
        return 0
    if not alike(x.message, y.message, SIMILAR_MESSAGE):
        return _L[MESSAGE, "different"]
    tier = x.tier if _TIER_RANK[x.tier] >= _TIER_RANK[y.tier] else y.tier  # the commoner
    if tier == "personal":
        if is_personal_text(x.message) and is_personal_text(y.message):
            # As worded (a typo, a greeting), or only the same content (the
            # question framed otherwise, a clause moved): the model weighs
            # each, as strangers' questions share contents more often.
            worded = wording(x.message, y.message)
            if worded >= SAME_MESSAGE:
                return _L[MESSAGE, "personal_same"]
            if worded >= SIMILAR_MESSAGE:
                return _L[MESSAGE, "personal_similar"]
            return _L[MESSAGE, "personal_reworded"]
        tier = "rare"
    return _MESSAGE_BY_TIER[tier]


# ----------------------------------------------------------------- reasons in bits

# The comparison (and for a few codes the level) behind each evidence code.
_CODE_LEVEL: dict[str, tuple[int, int | None]] = {
    "same_phone": (PHONE, _L[PHONE, "shared"]),
    "same_invalid_phone": (PHONE, _L[PHONE, "shared_invalid"]),
    "different_phones": (PHONE, _L[PHONE, "different"]),
    "same_email": (EMAIL, _L[EMAIL, "shared"]),
    "same_handle": (HANDLE, _L[HANDLE, "shared"]),
    "burst": (TIME, None),
    "burst_identifier": (RETURN, None),
    **{code: (NAME, None) for code in LEVELS[NAME][1:]},
    **{
        code: (MESSAGE, None)
        for code in (
            "same_message",
            "similar_message",
            "rare_message",
            "common_message",
            "template_message",
        )
    },
}


_NO_LEVEL = (None, None)


def reasons_in_bits(
    evidence: list[Evidence], pattern: Pattern, model: LinkageModel
) -> tuple[Reason, ...]:
    """The reasons of a pair, each weighing the bits its comparison level carries."""
    return _reasons(weigh(evidence, pattern, model))


# What a pair's name level says of its name evidence (``evidence._evidence``'s
# ``names``); the null level is told apart in ``kept_weighed``.
_NAMES_OF_LEVEL: tuple[str | None, ...] = tuple(
    None
    if name == "null"
    else NO_NAMES
    if name == "none"
    else name
    if name.startswith("different_") or name == NICK_CONFLICT
    else NAME_MATCH
    for name in LEVELS[NAME]
)
# What a pair's message level says of its message evidence: none ("") or its
# kind (``evidence._message_evidence``).
_MESSAGE_OF_LEVEL: dict[int, str] = {
    _L[MESSAGE, "null"]: "",
    _L[MESSAGE, "different"]: "",
    _L[MESSAGE, "personal_same"]: "same",
    _L[MESSAGE, "personal_similar"]: "similar",
    _L[MESSAGE, "personal_reworded"]: "similar",
    _L[MESSAGE, "rare"]: "rare",
    _L[MESSAGE, "few"]: "few",
    _L[MESSAGE, "common"]: "common",
    _L[MESSAGE, "template"]: "template",
}


def kept_weighed(
    x: _Lead, y: _Lead, settings: MatchSettings, pattern: Pattern, model: LinkageModel
) -> list[Evidence]:
    """``weigh(_evidence(x, y, settings), pattern, model)`` of a compared pair
    (``pattern``: ``compare(x, y, settings, ...)``), from ``kept_evidence``."""
    return weigh(kept_evidence(x, y, settings, pattern), pattern, model)


def kept_evidence(x: _Lead, y: _Lead, settings: MatchSettings, pattern: Pattern) -> list[Evidence]:
    """``_evidence(x, y, settings)`` of a compared pair, as far as ``weigh``
    tells (``pattern``: ``compare(x, y, settings, ...)``), without working out
    again what the pattern already tells: whether the names agree or conflict,
    and how alike the inquiries are (a scan keeps tens of thousands of pairs,
    each compared before; at a million leads the texts' caches no longer hold
    them)."""
    if _switched_off(settings):
        # Switched-off evidence is null in the pattern but still a reason.
        return _evidence(x, y, settings)
    level = pattern[NAME]
    names = _NAMES_OF_LEVEL[level]
    if level == 0 and (
        (not (x.name.words or x.nicks) and not any(x.name))
        or (not (y.name.words or y.nicks) and not any(y.name))
    ):
        # No name on one side (``_name_level``), its parsed name empty in
        # every field: nothing to agree or conflict with.
        names = NO_NAMES
    name_match: object = _UNKNOWN
    if names == NAME_MATCH and not x.nicks and not y.nicks:
        # Without nicknames the agreement is of the names as typed, and the
        # level is its code (``_best_name_match``, ``_name_level``).
        code = _MATCH_CODE_OF_LEVEL[level]
        weight = settings.weight(code)
        if abs(x.minute - y.minute) > NAME_HORIZON * settings.burst_minutes:
            weight *= settings.far_name_factor
        name_match = (weight, code, x.name, y.name, None, None)
    return _evidence(x, y, settings, name_match, names, message=_MESSAGE_OF_LEVEL[pattern[MESSAGE]])


# The code of the name agreement of each name level that a match of two
# names as typed makes (the levels of a nickname's agreement are left out).
_MATCH_CODE_OF_LEVEL: dict[int, str] = {
    _NAME_LEVEL[name]: "first_name" if name == "first_name_common" else name
    for name in (
        "first_name",
        "first_name_common",
        "surname_only",
        "surname_initial",
        "surname_number",
        "full_name",
        "full_name_patronymic",
    )
}


def weigh(
    evidence: list[Evidence],
    pattern: Pattern,
    model: LinkageModel,
    bits_of: dict[str, float | None] | None = None,
) -> list[Evidence]:
    """The evidence of a pair (what ``reasons_in_bits`` makes reasons of), each
    piece with the bits its comparison level carries as its weight.

    ``bits_of``: each code's bits under ``pattern`` and ``model`` (None: no
    comparison's), as worked out so far: the pairs of one pattern share it."""
    if bits_of is None:
        bits_of = {}
    weighted = []
    for code, _weight, template, params in evidence:
        bits = bits_of.get(code, _NOT_YET)
        if bits is _NOT_YET:
            bits = bits_of[code] = _bits_of(code, pattern, model)
        if bits is not None:
            weighted.append((code, bits, template, params))
    return weighted


_NOT_YET = object()


def _bits_of(code: str, pattern: Pattern, model: LinkageModel) -> float | None:
    """The bits a piece of evidence of ``code`` weighs in a pair of ``pattern``."""
    comparison, level = _CODE_LEVEL.get(code, _NO_LEVEL)
    if comparison is None:
        return None
    if level is None:
        if comparison == TIME and not pattern[TIME]:
            comparison = RETURN  # the gap of two leads sharing an identifier
        return round(model.bits_in(pattern, comparison), 1)
    return round(model.bits(comparison, level), 1)


def score_pair(
    x: _Lead, y: _Lead, settings: MatchSettings, model: LinkageModel | None = None
) -> tuple[float, tuple[Reason, ...]]:
    """The model's probability that two leads are one customer (``model``: the
    index's learned one; by default the priors), with the reasons in bits,
    strongest first."""
    model = model or prior_model()
    pattern = compare(x, y, settings, common=model.common_firsts)
    return round(model.probability(pattern), 4), reasons_in_bits(
        _evidence(x, y, settings), pattern, model
    )
