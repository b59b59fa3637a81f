"""The matcher's record of one lead (``_Lead``): normalised phones, e-mails and
handles, the parsed name, the names its nicknames suggest, its first inquiry."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from deskdup.models import Channel, CommKind
from deskdup.services.candidates import LeadSummary
from deskdup.services.names import NameParts
from deskdup.services.nicknames import parse_nickname
from deskdup.services.normalize import (
    normalize_email,
    normalize_handle,
    normalize_phone,
)
from deskdup.services.times import EPOCH, minutes_since_epoch

_CHANNELS = {c.value: c for c in Channel}
# (Plain strings and members looked up once: ``add_comm`` runs per communication.)
_PHONE, _EMAIL, _MESSENGER = CommKind.PHONE.value, CommKind.EMAIL.value, CommKind.MESSENGER.value
_WHATSAPP, _VIBER, _EMAIL_CHANNEL = Channel.WHATSAPP, Channel.VIBER, Channel.EMAIL
# Nicknames read ahead (by a worker process, ``build_workers.read_ahead``) for the
# build under way: text -> what ``parse_nickname`` makes of it.
NICKNAMES: dict[str, NameParts] = {}
# ``_Lead.text_key`` before it is worked out (None is a key: no message).  An
# int, so a record pickled into the snapshot keeps it; no ``hash`` is -1.
UNSET = -1


class _Lead:
    """One lead as the matcher sees it; plain attributes, no database objects."""

    __slots__ = (
        "bad_phones",
        "channel",
        "created_at",
        "emails",
        "handles",
        "id",
        "label",
        "message",
        "minute",
        "name",
        "nicks",
        "owner_id",
        "phones",
        "status",
        "text_key",
        "tier",
        "version",
    )

    def __init__(
        self,
        id: int,
        label: str,
        channel: Channel,
        owner_id: int | None,
        created_at: datetime | None,
        status: str,
        name: NameParts,
    ) -> None:
        self.id = id
        self.label = label
        self.channel = channel
        self.owner_id = owner_id
        self.created_at = created_at
        if created_at is None:
            self.minute = 0.0
        elif created_at.tzinfo is None:  # (``minutes_since_epoch`` inlined: one call a lead)
            self.minute = (created_at - EPOCH).total_seconds() / 60.0
        else:
            self.minute = minutes_since_epoch(created_at)
        self.status = status
        self.name = name
        self.phones: tuple[str, ...] = ()
        self.bad_phones: tuple[str, ...] = ()
        self.emails: tuple[str, ...] = ()
        self.handles: tuple[tuple[Channel, str], ...] = ()
        self.nicks: tuple[tuple[Channel, str, NameParts], ...] = ()
        self.message = ""
        # How many leads share the inquiry's text: "personal", "common" or
        # "template" (``inquiry.rarity``); the index keeps it up to date.
        self.tier = "personal"
        self.version = 0
        # The inquiry's text key, worked out once (``keys._text_hash``): a build
        # asks for it while inserting, tiering and finding candidates.  A
        # record is not changed once it has been read (``load``).
        self.text_key = UNSET

    def add_comm(self, kind: str, channel: Channel, raw: str, norm: str, region: str) -> None:
        """Take in one communication (``channel``: a ``Channel``).  (Read for
        every communication of a build: plain strings compared, the branches
        ordered by how common they are.)"""
        if kind == _MESSENGER:
            if channel is not _WHATSAPP and channel is not _VIBER:
                norm = norm or normalize_handle(raw).value
                handles = self.handles
                if norm and (not handles or all(h != norm for _, h in handles)):
                    self.handles = (*handles, (channel, norm))
                    self._add_nick(channel, norm)
                return
        elif kind == _EMAIL:
            norm = norm or normalize_email(raw).value
            if norm and norm not in self.emails:
                self.emails += (norm,)
                self._add_nick(_EMAIL_CHANNEL, norm)
            return
        elif kind != _PHONE:
            return
        # A phone, or a WhatsApp or Viber account (a phone).
        if not norm or region != "RU":
            value = normalize_phone(raw, region)
            norm, valid = value.value, value.valid
        else:
            valid = norm.startswith("+")
        if valid:
            if norm not in self.phones:
                self.phones += (norm,)
        elif len(norm) >= 6 and norm not in self.bad_phones:
            self.bad_phones += (norm,)

    # While a worker still parses a build's nicknames (``load``): a nickname
    # not parsed yet is kept with no parts, for ``nicknames_later``.
    parse_later = False

    def _add_nick(self, channel: Channel, text: str) -> None:
        parts = NICKNAMES.get(text)
        if parts is None:
            if self.parse_later:
                self.nicks += ((channel, text, None),)  # type: ignore[arg-type]
                return
            parts = parse_nickname(text)
        if not parts.empty:
            self.nicks += ((channel, text, parts),)

    def display_name(self) -> str:
        """The name as entered, else the first nickname, e-mail or phone."""
        if self.name.words:
            return " ".join(self.name.words)
        for value in (*(h for _c, h in self.handles), *self.emails, *self.phones):
            return value
        return ""

    def summary(self, owners: dict[int, str]) -> LeadSummary:
        return LeadSummary(
            id=self.id,
            label=self.label,
            name=self.display_name(),
            channel=self.channel,
            owner_id=self.owner_id,
            owner_name=owners.get(self.owner_id, "") if self.owner_id else "",
            created_at=self.created_at or datetime(1970, 1, 1),
            status=self.status,
        )


def nicknames_later(leads: Iterable[_Lead]) -> None:
    """The parts of the nicknames left for later (``_Lead.parse_later``), from
    ``NICKNAMES`` (or parsed now); those that read as no name are dropped, as
    ``_add_nick`` drops them."""
    for rec in leads:
        nicks = rec.nicks
        if not nicks:
            continue
        kept = []
        for channel, text, parts in nicks:
            if parts is None:
                parts = NICKNAMES.get(text)
                if parts is None:
                    parts = parse_nickname(text)
            if not parts.empty:
                kept.append((channel, text, parts))
        rec.nicks = tuple(kept)
