"""The clean name the merge proposes: per name field, the value most leads agree on.

Operators type names every which way: a full name in the first-name field
("Высоцкий Георгий Юрьевич"), in lower case ("данилова"), in Latin letters
("Danilova"), with a typo ("Денисоов").  For each of last, first and middle
name this module proposes one value for the merged lead:

1. A full name found in the first-name field is split into its parts
   (``names.split_full_name``, the one name vocabulary).
2. The spellings of all leads are put into clusters of the same name:
   the same skeleton (Danilova = данилова) or one typo apart
   (``names.close_words``: Денисоов ~ Денисов).  The cluster most leads
   are in wins (a different name in one lead does not outvote two).
3. Within the cluster: the Cyrillic spelling, then the spelling most leads
   wrote (the typo is in fewer leads), then the one the leads' other text
   supports (titles, e-mail addresses, nicknames), then the one from the
   lead with the fullest name (a careful entry), then the primary's.
4. All-lower or all-upper case is written properly ("данилова" -> "Данилова").

No Qt here, no database: plain values in, plain values out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from deskdup.services.names import (
    TURKIC_PARTICLES,
    close_words,
    fold,
    is_cyrillic,
    skeleton,
    split_full_name,
)

NAME_FIELDS = ("last_name", "first_name", "middle_name")


@dataclass(frozen=True)
class NameSource:
    """What one lead says about the person's name (a ``LeadCard`` will do)."""

    last_name: str
    first_name: str
    middle_name: str
    other_text: str = ""  # title, communications: evidence, not candidates


@dataclass(frozen=True)
class Proposal:
    lead_id: int  # the lead the value comes from
    value: str  # the value as proposed (split, properly capitalised)


def proper_case(value: str) -> str:
    """ "данилова" -> "Данилова", "ГУСЕЙН ОГЛЫ" -> "Гусейн оглы"; mixed case is kept
    as typed (МакДональд, d'Artagnan)."""
    if not (value.islower() or value.isupper()):
        return value
    words = []
    for word in value.split(" "):
        if word.lower() in TURKIC_PARTICLES:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def lead_parts(source: NameSource) -> dict[str, list[str]]:
    """field -> the values this lead offers for it (its own, and its full name split)."""
    own = {
        "last_name": source.last_name.strip(),
        "first_name": source.first_name.strip(),
        "middle_name": source.middle_name.strip(),
    }
    parts: dict[str, list[str]] = {name: [own[name]] if own[name] else [] for name in NAME_FIELDS}
    if len(own["first_name"].split()) > 1:
        last, first, middle = split_full_name(own["first_name"])
        parts["first_name"] = [first] if first else []
        for name, value in (("last_name", last), ("middle_name", middle)):
            if value and all(fold(value) != fold(v) for v in parts[name]):
                parts[name].append(value)
    return parts


def propose_names(
    sources: Mapping[int, NameSource], order: Sequence[int]
) -> dict[str, Proposal | None]:
    """field -> the proposed value (None: no lead has one).  ``order``: the
    primary first; it decides only what nothing else decides."""
    parts = {lead_id: lead_parts(sources[lead_id]) for lead_id in order}
    fullness = {lead_id: sum(bool(v) for v in p.values()) for lead_id, p in parts.items()}
    evidence = {lead_id: skeleton(sources[lead_id].other_text) for lead_id in order}
    rank = {lead_id: i for i, lead_id in enumerate(order)}
    out: dict[str, Proposal | None] = {}
    for name in NAME_FIELDS:
        candidates = [(lead_id, v) for lead_id in order for v in parts[lead_id][name]]
        out[name] = _propose(candidates, fullness, evidence, rank)
    return out


def _propose(
    candidates: list[tuple[int, str]],
    fullness: Mapping[int, int],
    evidence: Mapping[int, str],
    rank: Mapping[int, int],
) -> Proposal | None:
    if not candidates:
        return None
    # One form per folded spelling: which leads wrote it, and how.
    leads: dict[str, set[int]] = {}
    spellings: dict[str, list[tuple[int, str]]] = {}
    for lead_id, value in candidates:
        form = fold(value)
        leads.setdefault(form, set()).add(lead_id)
        spellings.setdefault(form, []).append((lead_id, value))
    forms = list(leads)
    cluster = {form: i for i, form in enumerate(forms)}
    for i, a in enumerate(forms):
        for b in forms[i + 1 :]:
            if skeleton(a) == skeleton(b) or close_words(a, b):
                old, new = cluster[b], cluster[a]
                for form, c in cluster.items():
                    if c == old:
                        cluster[form] = new
    members: dict[int, list[str]] = {}
    for form in forms:
        members.setdefault(cluster[form], []).append(form)

    def cluster_key(forms_of: list[str]) -> tuple[int, int]:
        ids = set().union(*(leads[f] for f in forms_of))
        return (len(ids), -min(rank[i] for i in ids))

    best_cluster = max(members.values(), key=cluster_key)

    def form_key(form: str) -> tuple:
        key = skeleton(form)
        support = sum(1 for text in evidence.values() if key and key in text)
        return (
            is_cyrillic(form),
            len(leads[form]),
            support,
            max(fullness[i] for i in leads[form]),
            -min(rank[i] for i in leads[form]),
        )

    form = max(best_cluster, key=form_key)
    written = spellings[form]
    # A properly written spelling of that form if a lead has one, else the first, put right.
    lead_id, value = next(
        ((i, v) for i, v in written if proper_case(v) == v),
        min(written, key=lambda item: rank[item[0]]),
    )
    return Proposal(lead_id, proper_case(value))
