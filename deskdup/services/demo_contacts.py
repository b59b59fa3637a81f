"""A few duplicate contacts in the demo, so the Contacts queue has something to show.

The demo makes one contact per client; an operator who makes a second one for
the same customer (a phone typed another way, the name in Latin letters, a
diminutive on a new deal with the old contact) is what contact detection finds.
They are drawn from their own random stream after every lead is written, so
the leads (and every seed's lead output) stay exactly as they were.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from deskdup.models import Channel, CommKind
from deskdup.services import demo_names as names
from deskdup.services.normalize import normalize_comm

# One duplicate for about this many contacts, at least MIN_DUPLICATES.
ONE_IN = 25
MIN_DUPLICATES = 3
STREAM = 0x0C0DE  # mixed into the seed: the duplicates' own stream
KINDS = ("phone", "latin", "deal")


@dataclass(frozen=True)
class MadeContact:
    """A contact the demo wrote, as the duplicates need it."""

    id: int
    first: str
    last: str
    middle: str
    diminutives: tuple[str, ...]
    owner: int
    created: datetime
    phone: str  # E.164
    email: str | None


def add_duplicate_contacts(gen, contacts: list[MadeContact], seed: int) -> int:
    """Write duplicates of some of ``contacts`` through the generator's buffers;
    returns how many."""
    if len(contacts) < 2:
        return 0
    rng = random.Random(seed * 1_000_003 + STREAM)
    count = max(MIN_DUPLICATES, len(contacts) // ONE_IN)
    chosen = rng.sample(contacts, min(count, len(contacts)))
    for n, original in enumerate(chosen):
        kind = KINDS[n % len(KINDS)]
        _duplicate(gen, rng, original, kind)
    return len(chosen)


def _new_phone(gen, rng: random.Random) -> str:
    while True:
        phone = f"+79{rng.randrange(10**9):09d}"
        if phone not in gen.used_phones:
            gen.used_phones.add(phone)
            return phone


def _duplicate(gen, rng: random.Random, c: MadeContact, kind: str) -> None:
    contact_id = gen._id("contacts")
    created = c.created + timedelta(days=rng.randint(20, 300), minutes=rng.randint(0, 600))
    first, last, middle = c.first, c.last, ""
    digits = c.phone[2:]
    if kind == "phone":
        # The same phone typed the other way, no patronymic.
        phone = c.phone
        raw = f"8 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    elif kind == "latin":
        # The name in Latin letters, the same e-mail (or phone when there is none).
        first, last = names.translit(c.first), names.translit(c.last)
        phone = c.phone if c.email is None else _new_phone(gen, rng)
        raw = phone
    else:
        # A diminutive and a new phone, on a new deal with the first contact.
        first = rng.choice(c.diminutives) if c.diminutives else c.first
        phone = _new_phone(gen, rng)
        raw = f"+7 {phone[2:5]} {phone[5:8]}-{phone[8:10]}-{phone[10:]}"
    gen.buf.add(
        "contacts",
        {
            "id": contact_id,
            "external_id": f"C-{contact_id:06d}",
            "first_name": first,
            "last_name": last,
            "middle_name": middle,
            "assigned_id": c.owner,
            "created_at": gen.dt(created),
            "updated_at": gen.dt(created),
            "comments": "",
            "archived": False,
            "merged_into_id": None,
            "version": 1,
        },
    )
    comms = [(CommKind.PHONE, raw, normalize_comm(CommKind.PHONE, Channel.OTHER, raw))]
    if kind == "latin" and c.email is not None:
        email = c.email
        comms.append((CommKind.EMAIL, email, normalize_comm(CommKind.EMAIL, Channel.OTHER, email)))
    for comm_kind, value, norm in comms:
        gen.buf.add(
            "communications",
            {
                "id": gen._id("communications"),
                "lead_id": None,
                "contact_id": contact_id,
                "kind": comm_kind.value,
                "channel": Channel.OTHER.value,
                "raw_value": value,
                "normalized": norm.value,
                "is_valid": norm.valid,
            },
        )
        gen.stats.communications += 1
    gen.stats.contacts += 1
    if kind == "deal":
        deal_id = gen._id("deals")
        title, amount = rng.choice(names.DEAL_TITLES)
        gen.buf.add(
            "deals",
            {
                "id": deal_id,
                "external_id": f"D-{deal_id:06d}",
                "title": title,
                "stage": "preparation",
                "amount": amount,
                "lead_id": None,
                "assigned_id": c.owner,
                "created_at": gen.dt(created),
                "version": 1,
            },
        )
        for member in (c.id, contact_id):
            gen.buf.add("deal_contacts", {"deal_id": deal_id, "contact_id": member})
        gen.stats.deals += 1
