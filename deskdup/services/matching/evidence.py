"""Scoring a pair: every piece of evidence for and against two leads being one
customer, with its weight and its reason in words; ``combine`` and ``score_pair``.
What two names have in common or against each other, as codes, is worked out
in ``name_agreement.py``."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from deskdup.models import Channel
from deskdup.services.candidates import Reason
from deskdup.services.channels import channel_message
from deskdup.services.matching.inquiry import alike, is_personal_text, likeness
from deskdup.services.matching.keys import MESSAGE_MIN_CHARS
from deskdup.services.matching.name_agreement import (
    _name_conflict,
    _name_evidence,
    _name_text,
    _nick_conflict,
    _nick_initial_fits,
)
from deskdup.services.matching.reasons import Evidence, _reasons
from deskdup.services.matching.record import (
    _Lead,
)
from deskdup.services.matching.settings import (
    NAME_HORIZON,
    SAME_MESSAGE,
    SIMILAR_MESSAGE,
    MatchSettings,
)
from deskdup.services.messages import QT_TRANSLATE_NOOP
from deskdup.services.names import NameParts, is_cyrillic

_NAME_TEMPLATES = {
    # (kind, translit, diminutive) -> template
    ("name", False, False): QT_TRANSLATE_NOOP("Reason", "Same name: {a} ~ {b}"),
    ("name", True, False): QT_TRANSLATE_NOOP("Reason", "Same name: {a} ~ {b} (translit)"),
    ("name", False, True): QT_TRANSLATE_NOOP("Reason", "Same name: {a} ~ {b} (diminutive)"),
    ("name", True, True): QT_TRANSLATE_NOOP(
        "Reason", "Same name: {a} ~ {b} (translit, diminutive)"
    ),
    ("nick", False, False): QT_TRANSLATE_NOOP("Reason", "{channel} {nick} ~ {name}"),
    ("nick", True, False): QT_TRANSLATE_NOOP("Reason", "{channel} {nick} ~ {name} (translit)"),
    ("nick", False, True): QT_TRANSLATE_NOOP("Reason", "{channel} {nick} ~ {name} (diminutive)"),
    ("nick", True, True): QT_TRANSLATE_NOOP(
        "Reason", "{channel} {nick} ~ {name} (translit, diminutive)"
    ),
    ("first", False, False): QT_TRANSLATE_NOOP("Reason", "Same first name: {a} ~ {b}"),
    ("first", True, False): QT_TRANSLATE_NOOP("Reason", "Same first name: {a} ~ {b} (translit)"),
    ("first", False, True): QT_TRANSLATE_NOOP("Reason", "Same first name: {a} ~ {b} (diminutive)"),
    ("first", True, True): QT_TRANSLATE_NOOP(
        "Reason", "Same first name: {a} ~ {b} (translit, diminutive)"
    ),
    ("initial", False, False): QT_TRANSLATE_NOOP("Reason", "Same surname and initial: {a} ~ {b}"),
    ("initial", True, False): QT_TRANSLATE_NOOP(
        "Reason", "Same surname and initial: {a} ~ {b} (translit)"
    ),
    ("number", False, False): QT_TRANSLATE_NOOP("Reason", "Same surname and number: {a} ~ {b}"),
    ("surname", False, False): QT_TRANSLATE_NOOP("Reason", "Same surname: {a} ~ {b}"),
    ("surname", True, False): QT_TRANSLATE_NOOP("Reason", "Same surname: {a} ~ {b} (translit)"),
}

_NAME_WEIGHT_KIND = {
    "full_name": "name",
    "full_name_patronymic": "name",
    "first_name": "first",
    "surname_initial": "initial",
    "surname_only": "surname",
    "surname_number": "number",
}


def _name_evidence_of(
    code: str,
    weight: float,
    a: NameParts,
    b: NameParts,
    nick: tuple[Channel, str] | None,
) -> Evidence:
    """The evidence of a name agreement; ``nick`` when ``a`` was read from a nickname."""
    text_a, text_b = _name_text(a), _name_text(b)
    translit = is_cyrillic(text_a) != is_cyrillic(text_b)
    diminutive = a.diminutive != b.diminutive
    if code == "nickname_initial":
        template = QT_TRANSLATE_NOOP("Reason", "{channel} {nick}: the initial fits {name}")
        return (
            code,
            weight,
            template,
            {"channel": channel_message(nick[0]), "nick": nick[1], "name": text_b},
        )
    if nick is not None:
        template = _NAME_TEMPLATES[("nick", translit, diminutive)]
        if code in ("full_name", "full_name_patronymic"):
            code = "nickname_name"
        return (
            code,
            weight,
            template,
            {"channel": channel_message(nick[0]), "nick": nick[1], "name": text_b},
        )
    kind = _NAME_WEIGHT_KIND[code]
    template = (
        _NAME_TEMPLATES.get((kind, translit, diminutive))
        or _NAME_TEMPLATES[(kind, translit, False)]
    )
    return (code, weight, template, {"a": text_a, "b": text_b})


# The best name agreement of two leads: (weight, code, parts a, parts b, nickname
# of a, nickname of b); the weight already scaled for distance in time.
_NameMatch = tuple[float, str, NameParts, NameParts, tuple | None, tuple | None]


def _best_name_match(x: _Lead, y: _Lead, settings: MatchSettings) -> _NameMatch | None:
    best: _NameMatch | None = None
    if not x.nicks and not y.nicks:
        # Two thirds of the leads have no nickname: one pair of names to weigh.
        pa, pb = x.name, y.name
        if pa.empty or pb.empty:
            return None
        code = _name_evidence(pa, pb)
        if code is None:
            return None
        best = (settings.weight(code), code, pa, pb, None, None)
        if abs(x.minute - y.minute) > NAME_HORIZON * settings.burst_minutes:
            best = (best[0] * settings.far_name_factor, *best[1:])
        return best
    sources_x = [(x.name, None)] + [(p, (c, t)) for c, t, p in x.nicks]
    sources_y = [(y.name, None)] + [(p, (c, t)) for c, t, p in y.nicks]
    for pa, nick_a in sources_x:
        if pa.empty:
            continue
        for pb, nick_b in sources_y:
            if pb.empty or (nick_a and nick_b and nick_a[1] == nick_b[1]):
                # The same handle or address is already a reason of its own.
                continue
            code = _name_evidence(pa, pb)
            if code is None:
                # A lead's name as typed speaks for it before its handle's initial.
                if not (
                    (nick_a and x.name.empty and _nick_initial_fits(pa, pb))
                    or (nick_b and y.name.empty and _nick_initial_fits(pb, pa))
                ):
                    continue
                code = "nickname_initial"
            if (nick_a or nick_b) and code in ("full_name", "full_name_patronymic"):
                weight = settings.weight("nickname_name")
            else:
                weight = settings.weight(code)
            if best is None or weight > best[0]:
                best = (weight, code, pa, pb, nick_a, nick_b)
    if best is None:
        return None
    if abs(x.minute - y.minute) > NAME_HORIZON * settings.burst_minutes:
        # The same name far apart in time: a namesake as often as not.
        best = (best[0] * settings.far_name_factor, *best[1:])
    return best


# Evidence that recurs from pair to pair (a pair of names, two channels a few
# minutes apart) is made once, one object: worked out again it costs more than
# finding it, and ``reasons._texts`` words each such object once.  Name
# evidence by its parsed names' identity (kept in the entry, so the ids are not
# reused while it lives).  Cleared when full: it only saves work.
_SHARED: dict[tuple, tuple] = {}
_SHARED_MAX = 100_000


def _name_match_evidence(match: _NameMatch) -> Evidence:
    weight, code, pa, pb, nick_a, nick_b = match
    key = (code, weight, id(pa), id(pb), nick_a, nick_b)
    entry = _SHARED.get(key)
    if entry is not None and entry[0] is pa and entry[1] is pb:
        return entry[2]
    evidence = _name_evidence_first(match)
    if len(_SHARED) >= _SHARED_MAX:
        _SHARED.clear()
    _SHARED[key] = (pa, pb, evidence)
    return evidence


def _name_evidence_first(match: _NameMatch) -> Evidence:
    weight, code, pa, pb, nick_a, nick_b = match
    if code == "nickname_initial" and not (nick_a and _nick_initial_fits(pa, pb)):
        return _name_evidence_of(code, weight, pb, pa, nick_b)
    if nick_a is not None:
        return _name_evidence_of(code, weight, pa, pb, nick_a)
    if nick_b is not None:
        return _name_evidence_of(code, weight, pb, pa, nick_b)
    return _name_evidence_of(code, weight, pa, pb, None)


_UNKNOWN: object = object()


# What a pair's comparison pattern already tells of its names (``names`` of
# ``_evidence``): no name evidence at all; a name match and no conflict; or
# (else) the conflict of names as typed, by its code, or a nickname's.
NO_NAMES = "none"
NAME_MATCH = "match"
NICK_CONFLICT = "nickname_different"


def _evidence(
    x: _Lead,
    y: _Lead,
    settings: MatchSettings,
    name_match: object = _UNKNOWN,
    names: str | None = None,
    message: str | None = None,
) -> list[Evidence]:
    """Every piece of evidence for and against two leads being one customer.

    ``name_match``: ``_best_name_match(x, y, settings)`` when the caller has it.
    ``names`` and ``message``: what the pair's comparison found already, when
    known (``compare.kept_weighed``), so it is not worked out again: ``names``
    ``NO_NAMES``, ``NAME_MATCH``, ``NICK_CONFLICT`` or the code of the conflict
    of the names as typed; ``message`` "" (no message evidence) or the kind
    ``_message_evidence`` takes.
    """
    w = settings.weight
    out: list[Evidence] = []
    phones_x, phones_y = x.phones, y.phones
    shared: Collection[str] = ()
    if phones_x and phones_y:
        if len(phones_x) == 1 and len(phones_y) == 1:  # (most: no sets to make)
            shared = phones_x if phones_x[0] == phones_y[0] else ()
        else:
            # Sorted: a set of strings iterates in another order in every
            # process (their hashes are salted), and so would the reasons.
            shared = sorted(set(phones_x) & set(phones_y))
        for phone in shared:
            out.append(
                (
                    "same_phone",
                    w("same_phone"),
                    QT_TRANSLATE_NOOP("Reason", "Same phone {phone}"),
                    {"phone": phone},
                )
            )
    if x.emails and y.emails:
        for email in sorted(set(x.emails) & set(y.emails)):
            out.append(
                (
                    "same_email",
                    w("same_email"),
                    QT_TRANSLATE_NOOP("Reason", "Same e-mail {email}"),
                    {"email": email},
                )
            )
    if x.handles and y.handles:
        handles_y = {h for _c, h in y.handles}
        for channel, handle in x.handles:
            if handle in handles_y:
                out.append(
                    (
                        "same_handle",
                        w("same_handle"),
                        QT_TRANSLATE_NOOP("Reason", "Same {channel} account {handle}"),
                        {"channel": channel_message(channel), "handle": handle},
                    )
                )
    if x.bad_phones and y.bad_phones:
        for phone in sorted(set(x.bad_phones) & set(y.bad_phones)):
            out.append(
                (
                    "same_invalid_phone",
                    w("same_invalid_phone"),
                    QT_TRANSLATE_NOOP("Reason", "Same (invalid) phone number {phone}"),
                    {"phone": phone},
                )
            )
    if names in (NO_NAMES, NICK_CONFLICT):
        name_match = None
    elif name_match is _UNKNOWN:
        name_match = _best_name_match(x, y, settings)
    if name_match is not None:
        out.append(_name_match_evidence(name_match))  # type: ignore[arg-type]

    minutes = abs(x.minute - y.minute)
    window = settings.burst_minutes
    if minutes <= window and x.channel != y.channel:
        key = ("burst", w("burst"), round(minutes), x.channel, y.channel)
        burst = _SHARED.get(key)
        if burst is None:
            burst = (
                "burst",
                key[1],
                QT_TRANSLATE_NOOP("Reason", "Came {minutes} min apart via {a} and {b}"),
                {
                    "minutes": key[2],
                    "a": channel_message(x.channel),
                    "b": channel_message(y.channel),
                },
            )
            if len(_SHARED) >= _SHARED_MAX:
                _SHARED.clear()
            _SHARED[key] = burst
        out.append(burst)
    if message != "" and minutes <= NAME_HORIZON * window:
        said = _message_evidence(x, y, settings, minutes, message)
        if said is not None:
            out.append(said)

    # Contradictions.
    if phones_x and phones_y and not shared:
        out.append(
            (
                "different_phones",
                w("different_phones"),
                QT_TRANSLATE_NOOP("Reason", "Different phones {a} / {b}"),
                {"a": x.phones[0], "b": y.phones[0]},
            )
        )
    if names is None:
        conflict = _name_conflict(x.name, y.name)
    else:
        conflict = None if names in (NO_NAMES, NAME_MATCH, NICK_CONFLICT) else names
    if conflict is not None:
        out.append(
            (
                conflict,
                w(conflict),
                _CONFLICT_TEMPLATES[conflict],
                {"a": _name_text(x.name), "b": _name_text(y.name)},
            )
        )
    elif name_match is None and names != NO_NAMES and (other := _nick_conflict(x, y)) is not None:
        (channel, nick), name = other
        out.append(
            (
                "nickname_different",
                w("nickname_different"),
                QT_TRANSLATE_NOOP("Reason", "{channel} {nick} reads as another name than {name}"),
                {"channel": channel_message(channel), "nick": nick, "name": name},
            )
        )
    return out


_CONFLICT_TEMPLATES = {
    "different_first_names": QT_TRANSLATE_NOOP("Reason", "Different first names {a} / {b}"),
    "different_genders": QT_TRANSLATE_NOOP("Reason", "A man and a woman: {a} / {b}"),
    "different_surnames": QT_TRANSLATE_NOOP("Reason", "Different surnames {a} / {b}"),
    "different_patronymics": QT_TRANSLATE_NOOP("Reason", "Different patronymics {a} / {b}"),
}


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:40].rstrip() + "…"


def _messages_alike(x: _Lead, y: _Lead) -> bool:
    """Near-identical inquiries, whatever their rarity (time is checked by the caller)."""
    return (
        len(x.message) >= MESSAGE_MIN_CHARS
        and len(y.message) >= MESSAGE_MIN_CHARS
        and alike(x.message, y.message, SIMILAR_MESSAGE)
    )


# The message evidence by the rarer of the two texts' tiers.
_MESSAGE_CODES = (
    "same_message",
    "similar_message",
    "rare_message",
    "common_message",
    "template_message",
)
_TIER_RANK = {"personal": 0, "rare": 1, "few": 2, "common": 3, "template": 4}


def _message_evidence(
    x: _Lead, y: _Lead, settings: MatchSettings, minutes: float, kind: str | None = None
):
    """The same question asked twice within the name horizon, weighted by how
    personal the text is: a text many leads share (a marketplace's "Ещё
    актуально?", a form's preset) says little, like a phone many leads share.

    ``kind``: what the pair's comparison found, when known: the tier of the
    commoner text ("rare", "few", "common", "template"), or for two personal
    questions "same" (as worded) or "similar" (whether alike enough to be
    the same is then worked out)."""
    if kind is None:
        if len(x.message) < MESSAGE_MIN_CHARS or len(y.message) < MESSAGE_MIN_CHARS:
            return None
        alikeness = likeness(x.message, y.message)
        if alikeness < SIMILAR_MESSAGE:
            return None
        tier = max(x.tier, y.tier, key=_TIER_RANK.__getitem__)
        if tier == "personal" and not (is_personal_text(x.message) and is_personal_text(y.message)):
            tier = "rare"
    elif kind == "same":
        tier, alikeness = "personal", SAME_MESSAGE
    elif kind == "similar":
        # Only whether as alike as the same counts below: ``alike`` tells it
        # with a fraction of ``likeness``'s work.
        same = alike(x.message, y.message, SAME_MESSAGE)
        tier, alikeness = "personal", SAME_MESSAGE if same else SIMILAR_MESSAGE
    else:
        tier, alikeness = kind, SIMILAR_MESSAGE
    params = {"minutes": round(minutes), "text": _short(x.message)}
    if tier == "template":
        code = "template_message"
        template = QT_TRANSLATE_NOOP(
            "Reason", "Both sent a text many leads send, {minutes} min apart: '{text}'"
        )
    elif tier == "rare":
        code = "rare_message"
        template = QT_TRANSLATE_NOOP(
            "Reason", "Both wrote {minutes} min apart, and no one else around then: '{text}'"
        )
    elif tier == "few":
        code = "rare_message"
        template = QT_TRANSLATE_NOOP(
            "Reason", "Both wrote {minutes} min apart, and a few others around then: '{text}'"
        )
    elif tier == "common":
        code = "common_message"
        template = QT_TRANSLATE_NOOP(
            "Reason", "Both wrote a common text {minutes} min apart: '{text}'"
        )
    elif alikeness >= SAME_MESSAGE:
        code = "same_message"
        template = QT_TRANSLATE_NOOP("Reason", "Both wrote {minutes} min apart: '{text}'")
    else:
        code = "similar_message"
        template = QT_TRANSLATE_NOOP(
            "Reason", "Wrote much the same {minutes} min apart: '{text}' / '{other}'"
        )
        params["other"] = _short(y.message)
    return (code, settings.weight(code), template, params)


_CONTRADICTION_CODES = (
    "different_phones",
    "nickname_different",
    "different_first_names",
    "different_genders",
    "different_surnames",
    "different_patronymics",
)

_NAME_CODES = (
    "surname_number",
    "full_name",
    "full_name_patronymic",
    "nickname_name",
    "surname_initial",
    "surname_only",
    "first_name",
    "nickname_initial",
)


def _has_surname(rec: _Lead) -> bool:
    if rec.name.surnames:
        return True
    for _c, _t, parts in rec.nicks:  # noqa: SIM110 (a loop: see name_agreement._any_close)
        if parts.surnames:
            return True
    return False


def _share_identifier(x: _Lead, y: _Lead) -> bool:
    for phone in x.phones:
        if phone in y.phones:
            return True
    for email in x.emails:
        if email in y.emails:
            return True
    for phone in x.bad_phones:
        if phone in y.bad_phones:
            return True
    if x.handles and y.handles:
        handles = {h for _c, h in y.handles}
        return any(h in handles for _c, h in x.handles)
    return False


def hand_score(x: _Lead, y: _Lead, settings: MatchSettings) -> tuple[float, tuple[Reason, ...]]:
    """Two leads scored by the hand-set weights (what the candidate floor and
    the search box use; the queue's score is the model's, ``compare.score_pair``)."""
    evidence = _evidence(x, y, settings)
    return combine(e[1] for e in evidence), _reasons(evidence)


def combine(weights: Iterable[float]) -> float:
    """``1 - prod(1 - w)`` over the positive weights, times ``prod(1 + w)`` over the negative."""
    miss = 1.0
    penalty = 1.0
    for weight in weights:
        if weight > 0:
            miss *= 1.0 - min(weight, 1.0)
        elif weight < 0:
            penalty *= 1.0 + max(weight, -1.0)
    return round((1.0 - miss) * penalty, 4)


_Case = tuple[bool, bool, bool, bool]


def _hopeless_tables(
    settings: MatchSettings, threshold: float
) -> tuple[dict[_Case, bool], dict[_Case, bool]]:
    """For a pair without a shared identifier, by (surnames on both sides, further
    apart than the name horizon, a burst from two channels, both have an inquiry):
    can it not reach the threshold at all; and can it only with the same inquiry.

    The bound takes the strongest name evidence the case allows (surname kinds
    need a surname on both sides, else a first name is the most), the burst and
    the inquiry; contradictions only lower a score.  So skipping a hopeless pair
    changes no result.
    """
    w = settings.weight
    surname_best = max(w(code) for code in _NAME_CODES)
    extra = [max(0.0, w(code)) for code in _CONTRADICTION_CODES]  # normally none

    def bound(surnames: bool, far: bool, burst: bool, message: bool) -> float:
        # Weights set negative by hand count as nothing: a bound must not be
        # lowered by evidence the pair may turn out not to have.
        name = max(0.0, surname_best if surnames else max(w("first_name"), w("nickname_initial")))
        if far:
            name = max(0.0, name * settings.far_name_factor)
        weights = [name, *extra]
        if burst:
            weights.append(max(0.0, w("burst")))
        if message:
            weights.append(max(0.0, *(w(code) for code in _MESSAGE_CODES)))
        return combine(weights)

    hopeless: dict[_Case, bool] = {}
    needs_message: dict[_Case, bool] = {}
    for surnames in (False, True):
        for far in (False, True):
            for burst in (False, True):
                for message in (False, True):
                    case = (surnames, far, burst, message)
                    hopeless[case] = bound(*case) < threshold
                    needs_message[case] = message and bound(surnames, far, burst, False) < threshold
    return hopeless, needs_message
