"""Duplicate contacts: the lead matcher's engine over contacts.

A thin loader turns every active contact into the matcher's record (``_Lead``)
with its phones, e-mails, handles and parsed name; the blocks, the evidence,
the reasons and the groups are ``MatchIndex``'s own.  Two things differ from
leads, both on purpose:

- A contact has no arrival time worth comparing (it is made when a customer
  first buys, and edited since), so every record stands at the same minute:
  the same name counts fully however far apart the two were created, and no
  "came minutes apart" burst is ever claimed.
- A deal with several contacts who look like one person (a name agreement or
  a shared identifier between them) is strong evidence: the operator who made
  the deal added the same customer twice.  It is a reason of its own ("On one
  deal: D-123"), and pairs on one deal are scored even when no block holds
  them both.

- Namesakes are many among contacts (a base of 100,000 has thousands of pairs
  with one surname, first name and patronymic) and a contact nearly always
  has its own phone and e-mail.  So two contacts whose phones (or e-mails)
  differ and who share no phone, e-mail, account or deal have nothing but the
  name in common: that conflict weighs more than among leads
  (``CONTACT_CONFLICT_WEIGHTS``), enough that even the fullest name (with
  patronymic) stays below the likely tier.  Once they share an identifier or a
  deal, a second phone or e-mail is just a customer's other one and costs
  nothing (a new phone with the old e-mail is how a duplicate contact is born).

The index is rebuilt rather than refreshed: contacts are far fewer than leads.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import and_, func, select

from deskdup.models import Channel, Contact, Deal, deal_contacts
from deskdup.services.candidates import CandidatePair, LeadSummary, Reason
from deskdup.services.dismissals import contact_dismissals
from deskdup.services.errors import Cancelled
from deskdup.services.matching.evidence import _evidence, _reasons, _share_identifier, combine
from deskdup.services.matching.index import MatchIndex
from deskdup.services.matching.keys import _name_sources
from deskdup.services.matching.load import _as_datetime, _owners, _raw
from deskdup.services.matching.record import _CHANNELS, _Lead
from deskdup.services.matching.settings import LIKELY, MatchSettings, ScanResult
from deskdup.services.messages import QT_TRANSLATE_NOOP
from deskdup.services.names import parse_name

SAME_DEAL = "same_deal"
# The weight of "on one deal" (beside DEFAULT_WEIGHTS, which are the leads'
# and which ``scan --weight`` lists).  With a surname alone (0.35) it makes the
# review threshold; with different first names it stays far below.
SAME_DEAL_WEIGHT = 0.5
# A deal with more contacts than this is a company's, not one customer's.
DEAL_CONTACTS_CAP = 12
MSG_SAME_DEAL = QT_TRANSLATE_NOOP("Reason", "On one deal: {deal}")
# Conflicting identifiers of two contacts with nothing but a name in common
# (see the module doc).  The strongest name (0.85, with patronymic) times
# 1 + the weight stays below the likely tier (0.6) with either conflict alone
# (0.51, 0.55: the possible tier) and below the possible one with both (0.36).
DIFFERENT_PHONES = "different_phones"
DIFFERENT_EMAILS = "different_emails"
CONTACT_CONFLICT_WEIGHTS: dict[str, float] = {DIFFERENT_PHONES: -0.4, DIFFERENT_EMAILS: -0.35}
MSG_DIFFERENT_EMAILS = QT_TRANSLATE_NOOP("Reason", "Different e-mails {a} / {b}")
# With no time to bucket by, a first name or a surname alone blocks thousands
# of contacts (over the caps: no pair); surname and first name together block
# the namesakes, which the evidence then tells apart (patronymic, phones).
_FULL_NAME = "N"
FULL_NAME_BLOCK_CAP = 200
# Evidence that says two contacts look like one person (what "on one deal" needs).
_ALIKE_CODES = frozenset(
    {
        "same_phone",
        "same_email",
        "same_handle",
        "same_invalid_phone",
        "full_name",
        "full_name_patronymic",
        "nickname_name",
        "surname_initial",
        "surname_only",
        "surname_number",
        "first_name",
    }
)

_ACTIVE_CONTACT = and_(Contact.archived.is_(False), Contact.merged_into_id.is_(None))
_CONTACT_COLUMNS = (
    Contact.id,
    Contact.external_id,
    Contact.first_name,
    Contact.last_name,
    Contact.middle_name,
    Contact.assigned_id,
    Contact.created_at,
)
_COMM_COLUMNS_SQL = (
    "SELECT contact_id, kind, channel, raw_value, normalized FROM communications "
    "WHERE contact_id IS NOT NULL"
)


def _full_name_keys(rec: _Lead) -> tuple[int, ...]:
    """Surname and first name (as the name engine reads them) together, each once."""
    keys: dict[int, None] = {}
    for parts in _name_sources(rec):
        for surname in parts.surnames:
            for first in parts.firsts:
                keys[hash((_FULL_NAME, surname, first))] = None
    return tuple(keys)


class _Contact(_Lead):
    """A contact as the matcher's record.  A contact with a surname and a first
    name does not read names into its e-mail and handles: its name already says
    more, and parsing every address is most of a scan's time."""

    __slots__ = ()

    def _add_nick(self, channel: Channel, text: str) -> None:
        if not (self.name.surnames and self.name.firsts):
            super()._add_nick(channel, text)

    def summary(self, owners: dict[int, str]) -> LeadSummary:
        """As a lead's, with where the contact is reached (its first messenger, else
        e-mail, else phone) as the channel the queue shows: a contact has no source."""
        if self.handles:
            channel = self.handles[0][0]
        elif self.emails:
            channel = Channel.EMAIL
        else:
            channel = Channel.CALL if self.phones else Channel.OTHER
        return replace(super().summary(owners), channel=channel)


def _contact_record(row) -> _Lead:
    contact_id, ext, first, last, middle, owner, created = row
    rec = _Contact(
        contact_id,
        ext or str(contact_id),
        Channel.OTHER,
        owner,
        _as_datetime(created),
        "",
        parse_name(first or "", last or "", middle or ""),
    )
    rec.minute = 0.0  # see the module doc: no time between contacts
    return rec


def load_contacts(conn, region: str) -> dict[int, _Lead]:
    """Every active contact as a matcher record, with its communications."""
    records: dict[int, _Lead] = {}
    for row in _raw(conn, select(*_CONTACT_COLUMNS).where(_ACTIVE_CONTACT)):
        rec = _contact_record(row)
        records[rec.id] = rec
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(_COMM_COLUMNS_SQL)
        while rows := cursor.fetchmany(10_000):
            for contact_id, kind, channel, raw, norm in rows:
                rec = records.get(contact_id)
                if rec is not None:
                    channel = _CHANNELS.get(channel, Channel.OTHER)
                    rec.add_comm(kind, channel, raw or "", norm or "", region)
    finally:
        cursor.close()
    return records


def deals_of_several(conn, active: dict[int, _Lead]) -> dict[tuple[int, int], str]:
    """(contact a, contact b) -> the label of a deal both are on (a < b)."""
    stmt = (
        select(deal_contacts.c.deal_id, deal_contacts.c.contact_id, Deal.external_id)
        .join(Deal, Deal.id == deal_contacts.c.deal_id)
        .where(
            deal_contacts.c.deal_id.in_(
                select(deal_contacts.c.deal_id)
                .group_by(deal_contacts.c.deal_id)
                .having(func.count() > 1)
            )
        )
        .order_by(deal_contacts.c.deal_id, deal_contacts.c.contact_id)
    )
    on_deal: dict[int, list[int]] = {}
    labels: dict[int, str] = {}
    for deal_id, contact_id, external in _raw(conn, stmt):
        if contact_id in active:
            on_deal.setdefault(deal_id, []).append(contact_id)
            labels[deal_id] = external or str(deal_id)
    pairs: dict[tuple[int, int], str] = {}
    for deal_id, members in on_deal.items():
        if not 2 <= len(members) <= DEAL_CONTACTS_CAP:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pairs.setdefault((min(a, b), max(a, b)), labels[deal_id])
    return pairs


class ContactMatchIndex(MatchIndex):
    """``MatchIndex`` over contacts: ``leads`` holds contact records, pairs and
    groups are of contact ids; ``deal_pairs`` the contacts that share a deal."""

    def __init__(self, settings: MatchSettings | None = None) -> None:
        super().__init__(settings)
        self.deal_pairs: dict[tuple[int, int], str] = {}

    def likely_start(self) -> float:
        """A contact pair's score is no probability (hand-set weights): the
        likely tier starts at the review threshold, whatever the precision asked."""
        return self.settings.review_threshold

    @classmethod
    def _build(
        cls, ws, settings, progress, cancelled, kept=None, fixed_model=None
    ) -> ContactMatchIndex:
        # ``kept`` (the lead pairs the workspace keeps) is the leads' only, and
        # so is the learned model (``fixed_model``): contacts keep the hand-set
        # weights (``_keep``).
        index = cls(settings)
        started = time.perf_counter()

        def check() -> None:
            if cancelled is not None and cancelled():
                raise Cancelled()

        with ws.engine.connect() as conn:
            index.leads = load_contacts(conn, index.settings.region)
            check()
            index.deal_pairs = deals_of_several(conn, index.leads)
            index.dismissed = contact_dismissals(conn)
            index.owners = _owners(conn)
        total = len(index.leads)
        if progress is not None:
            progress(total, 3 * max(total, 1))
        for rec in index.leads.values():
            index._insert(rec)
        for n, rec in enumerate(index.leads.values()):
            index._score_lead(rec, only_greater=True)
            if n % 5_000 == 0:
                check()
                if progress is not None:
                    progress(total + 2 * n, 3 * max(total, 1))
        index._score_deal_pairs()
        if progress is not None:
            progress(3 * max(total, 1), 3 * max(total, 1))
        index.build_seconds = time.perf_counter() - started
        return index

    def _keep(self, a_id: int, b_id: int, pattern) -> None:
        """A compared pair of contacts, scored by the hand-set weights: the
        leads' model is learned on leads (their channels, bursts and inquiries),
        which contacts do not have."""
        a, b = self.leads[a_id], self.leads[b_id]
        evidence = self._contact_evidence(a, b)
        if not evidence:
            return
        score = combine(e[1] for e in evidence)
        if score < self.threshold:
            return
        key = (a_id, b_id)
        if key not in self.pairs:
            self.partners.add(a_id, b_id)
            self.partners.add(b_id, a_id)
        self.pairs[key] = CandidatePair(a_id, b_id, score, _reasons(evidence))

    def _block_keys(self, rec: _Lead) -> tuple[int, ...]:
        return (*super()._block_keys(rec), *_full_name_keys(rec))

    def _candidates(self, rec: _Lead) -> set[int]:
        out = super()._candidates(rec)
        data = self.blocks.data
        for key in _full_name_keys(rec):
            members = data.get(key)
            if members is None or members.__class__ is int:
                continue
            if len(members) <= FULL_NAME_BLOCK_CAP:
                out.update(members)
        out.discard(rec.id)
        return out

    def _contact_evidence(self, a: _Lead, b: _Lead) -> list:
        """The pair's evidence (``a.id < b.id``): the leads' own, "on one deal"
        when they share one and look alike, and the conflicts of identifiers
        weighed as contacts' (see the module doc)."""
        evidence = [e for e in _evidence(a, b, self.settings) if e[0] != DIFFERENT_PHONES]
        deal = self.deal_pairs.get((a.id, b.id))
        on_deal = deal is not None and any(
            code in _ALIKE_CODES and w > 0 for code, w, _t, _p in evidence
        )
        if on_deal:
            weight = self.settings.weights.get(SAME_DEAL, SAME_DEAL_WEIGHT)
            evidence.append((SAME_DEAL, weight, MSG_SAME_DEAL, {"deal": deal}))
        elif evidence and not _share_identifier(a, b):
            evidence.extend(_conflicts(a, b))
        return evidence

    def score_pair(self, a: _Lead, b: _Lead) -> tuple[float, tuple[Reason, ...]]:
        """``matching.score_pair`` of two contacts (``a.id < b.id``), a shared deal counted."""
        evidence = self._contact_evidence(a, b)
        return combine(e[1] for e in evidence), _reasons(evidence)

    def _score_deal_pairs(self) -> None:
        """Contacts on one deal who look like one person: the deal is a reason."""
        for a_id, b_id in self.deal_pairs:
            evidence = self._contact_evidence(self.leads[a_id], self.leads[b_id])
            if not evidence or evidence[-1][0] != SAME_DEAL:
                continue
            score = combine(e[1] for e in evidence)
            key = (a_id, b_id)
            if score < self.threshold:
                continue
            if key not in self.pairs:
                self.partners.add(a_id, b_id)
                self.partners.add(b_id, a_id)
            self.pairs[key] = CandidatePair(a_id, b_id, score, _reasons(evidence))

    def refresh(self, ws, tier: str = LIKELY) -> ScanResult:
        """Contacts are few: read them all again."""
        started = time.perf_counter()
        fresh = type(self).build(ws, self.settings)
        self.__dict__.update(fresh.__dict__)
        result = self.result(tier=tier)
        result.seconds = time.perf_counter() - started
        return result


def _conflicts(a: _Lead, b: _Lead) -> list:
    """Phones that differ, e-mails that differ (both sides have some, none shared)."""
    out = []
    if a.phones and b.phones:
        out.append(
            (
                DIFFERENT_PHONES,
                CONTACT_CONFLICT_WEIGHTS[DIFFERENT_PHONES],
                QT_TRANSLATE_NOOP("Reason", "Different phones {a} / {b}"),
                {"a": a.phones[0], "b": b.phones[0]},
            )
        )
    if a.emails and b.emails:
        out.append(
            (
                DIFFERENT_EMAILS,
                CONTACT_CONFLICT_WEIGHTS[DIFFERENT_EMAILS],
                MSG_DIFFERENT_EMAILS,
                {"a": a.emails[0], "b": b.emails[0]},
            )
        )
    return out


def scan_contacts(
    ws,
    settings: MatchSettings | None = None,
    *,
    threshold: float | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    tier: str = LIKELY,
) -> ScanResult:
    """Every candidate pair of duplicate contacts at or above the threshold."""
    settings = settings or MatchSettings()
    if threshold is not None:
        settings = replace(settings, review_threshold=threshold, weights=dict(settings.weights))
    index = ContactMatchIndex.build(ws, settings, progress=progress, cancelled=cancelled)
    return index.result(tier=tier)
