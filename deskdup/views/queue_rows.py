"""The queue's rows: plain :class:`QueueRow` records, one per candidate group,
and :func:`build_rows`, which makes them off the UI thread from the scan's
groups and lead summaries, the leads' real names and the signed-in operator's
rights (``services/lead_rows.py``).

No Qt model here: ``queue_model.QueueModel`` shows these rows, the queue's
feed and updates (``queue_feed.py``, ``queue_update.py``) build them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from deskdup.models import Channel
from deskdup.services.candidates import CandidateGroup, LeadSummary, Reason
from deskdup.services.lead_rows import GroupRights, MergeLock, fold
from deskdup.services.rights import Refusal
from deskdup.views.formatting import translate_message

# Channel order in the icons: the messengers an operator looks for first.
CHANNEL_ORDER = {
    c: i
    for i, c in enumerate(
        (
            Channel.TELEGRAM,
            Channel.WHATSAPP,
            Channel.AVITO,
            Channel.SITE,
            Channel.CALL,
            Channel.EMAIL,
            Channel.VK,
            Channel.INSTAGRAM,
            Channel.VIBER,
            Channel.OPENLINE,
            Channel.OTHER,
        )
    )
}


@dataclass(slots=True)
class QueueRow:
    group: CandidateGroup
    score: float
    channels: tuple[Channel, ...]
    names: tuple[str, ...]  # real names as entered, fullest first, parts of others left out
    identifiers: tuple[str, ...]  # a phone, e-mail or handle of each lead that has no name
    owners: tuple[str, ...]
    owner_ids: frozenset[int]
    oldest: datetime | None
    newest: datetime | None
    reasons: tuple[Reason, ...]
    search_text: str
    # Why the signed-in operator may not merge the group (None: she may).
    lock: MergeLock | None = None
    # (label, name or identifier, channel) of each lead, for the tooltip.
    members: tuple[tuple[str, str, Channel], ...] = ()
    # Translated top reasons, filled on first display.
    reasons_text: str | None = field(default=None)
    # "being reviewed by …": a colleague's live claim on one of its leads ("": none).
    claimed_by: str = ""
    # The group's key, made once: the queue looks rows up by it after every merge.
    key: str = field(default="", init=False)

    def __post_init__(self) -> None:
        self.key = self.group.key

    @property
    def mergeable(self) -> bool:
        return self.lock is None

    @property
    def refusals(self) -> tuple[Refusal, ...]:
        """The missing rights, worded by the rights service (for the tooltip)."""
        return () if self.lock is None else self.lock.refusals()

    @property
    def customer(self) -> str:
        return " · ".join((*self.names, *self.identifiers))

    @property
    def lead_ids(self) -> tuple[int, ...]:
        return self.group.lead_ids


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return tuple(seen)


def _words(name: str) -> frozenset[str]:
    return frozenset(fold(name).split())


def readable_names(names: Iterable[str]) -> tuple[str, ...]:
    """The distinct names, fullest first; a name whose words are all in a fuller one
    ("Владимир" beside "Власов Владимир") is left out.  A name typed all in lower
    case is shown capitalised ("гаврилова вера" -> "Гаврилова Вера")."""
    candidates = sorted(_distinct(n.strip() for n in names), key=lambda n: -len(n.split()))
    kept: list[tuple[str, frozenset[str]]] = []
    for name in candidates:
        words = _words(name)
        if any(words <= other for _, other in kept):
            continue
        kept.append((name.title() if name == name.lower() else name, words))
    return tuple(n for n, _ in kept)


def _top_reasons(group: CandidateGroup, hidden: set[int], limit: int = 3) -> list[Reason]:
    """The group's top reasons; of pairs with a lead the operator may not read, none
    (a reason quotes names, phones and e-mails)."""
    if not hidden:
        return group.top_reasons(limit)
    readable = [p for p in group.pairs if p.a not in hidden and p.b not in hidden]
    return CandidateGroup(group.lead_ids, readable, group.tier).top_reasons(limit)


def build_rows(
    groups: Iterable[CandidateGroup],
    summaries: Mapping[int, LeadSummary],
    names: Mapping[int, str] | None = None,
    rights: GroupRights | None = None,
) -> list[QueueRow]:
    """Queue rows, best score first (plain Python: runs on the worker).

    ``names``: the real name of each lead that has one (``load_queue_facts``);
    without it the scan's display names are taken as names.  ``rights``: the
    signed-in operator's; without it every group counts as mergeable.
    """
    rows: list[QueueRow] = []
    for group in groups:
        every = [summaries[i] for i in group.lead_ids if i in summaries]
        # A lead the operator may not read shows as whose it is, without its data.
        leads = [s for s in every if rights is None or rights.may_read(s.owner_id)]
        hidden = [s for s in every if rights is not None and not rights.may_read(s.owner_id)]
        hidden_text = _distinct(translate_message(rights.hidden(s.owner_id)) for s in hidden)
        channels = tuple(sorted({s.channel for s in leads}, key=lambda c: CHANNEL_ORDER.get(c, 99)))
        if names is None:
            real = {s.id: s.name for s in leads if s.name}
        else:
            real = {s.id: names[s.id] for s in leads if names.get(s.id)}
        identifiers = _distinct((*(s.name for s in leads if s.id not in real), *hidden_text))
        shown = readable_names(real.values())
        owners = _distinct(s.owner_name for s in leads)
        created = [s.created_at for s in leads if s.created_at is not None]
        labels = " ".join(s.label for s in leads)
        lock = None
        if rights is not None:
            lock = rights.lock([rights.card(s.id, s.label, s.owner_id) for s in every])
        every_name = " ".join((*real.values(), *identifiers))
        rows.append(
            QueueRow(
                group=group,
                score=group.score,
                channels=channels,
                names=shown,
                identifiers=identifiers,
                owners=owners,
                owner_ids=frozenset(s.owner_id for s in leads if s.owner_id is not None),
                oldest=min(created) if created else None,
                newest=max(created) if created else None,
                reasons=tuple(_top_reasons(group, {s.id for s in hidden})),
                search_text=fold(f"{labels} {every_name} {' '.join(owners)}"),
                lock=lock,
                members=(
                    *((s.label, real.get(s.id) or s.name, s.channel) for s in leads),
                    *(
                        (s.label, translate_message(rights.hidden(s.owner_id)), Channel.OTHER)
                        for s in hidden
                    ),
                ),
            )
        )
    rows.sort(key=lambda r: (-r.score, r.group.lead_ids))
    return rows


__all__ = ["CHANNEL_ORDER", "QueueRow", "build_rows", "readable_names"]
