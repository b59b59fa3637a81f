"""What the demo's CRM holds besides the leads themselves: the activities on a
lead (a call, a note), deals, and for some people a contact written before
they ever write in (a client already, maybe with deals).

``ClientMaker`` is a mixin of the generator (``demo._Generator``), as
``demo_people.PersonMaker`` is: its methods draw from the generator's one
seeded stream and write through its buffers, so a seed makes the same
workspace whichever module the methods are written in.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from deskdup.models import Channel, CommKind
from deskdup.services import demo_names as names
from deskdup.services.demo_contacts import MadeContact
from deskdup.services.demo_people import Person
from deskdup.services.normalize import normalize_comm


class ClientMaker:
    def _activity(self, lead_id: int, at: datetime, owner: int, kind_subject: tuple[str, str]):
        self.buf.add(
            "activities",
            {
                "id": self._id("activities"),
                "lead_id": lead_id,
                "contact_id": None,
                "kind": kind_subject[0],
                "subject": kind_subject[1],
                "created_at": self.dt(at),
                "operator_id": owner,
                "version": 1,
            },
        )
        self.stats.activities += 1

    def _deal(self, at: datetime, owner: int, contact_ids: list[int], lead_id: int | None):
        deal_id = self._id("deals")
        title, amount = self._pick(names.DEAL_TITLES)
        self.buf.add(
            "deals",
            {
                "id": deal_id,
                "external_id": f"D-{deal_id:06d}",
                "title": title,
                "stage": self._pick(("new", "preparation", "won", "won", "lost")),
                "amount": amount,
                "lead_id": lead_id,
                "assigned_id": owner,
                "created_at": self.dt(at),
                "version": 1,
            },
        )
        for contact_id in dict.fromkeys(contact_ids):
            self.buf.add("deal_contacts", {"deal_id": deal_id, "contact_id": contact_id})
        self.stats.deals += 1

    # ----------------------------------------------------------------- contacts

    def maybe_contact(self, p: Person, start: datetime) -> None:
        """Some people are already clients: a contact, maybe with deals."""
        rng = self.rng
        if not p.phones or rng.random() >= 0.15:
            return
        contact_id = self._id("contacts")
        p.contact_id = contact_id
        created = start - timedelta(days=self._ri(30, 700), minutes=self._ri(0, 600))
        owner = self._owner(Channel.CALL)
        self.buf.add(
            "contacts",
            {
                "id": contact_id,
                "external_id": f"C-{contact_id:06d}",
                "first_name": p.first,
                "last_name": p.last,
                "middle_name": p.middle if rng.random() < 0.6 else "",
                "assigned_id": owner,
                "created_at": self.dt(created),
                "updated_at": self.dt(created),
                "comments": "",
                "archived": False,
                "merged_into_id": None,
                "version": 1,
            },
        )
        phone = p.phones[0]
        d = phone[2:]
        raw = f"+7 {d[:3]} {d[3:6]}-{d[6:8]}-{d[8:]}"
        norm = self._normalized(CommKind.PHONE, Channel.OTHER, raw, phone, False)
        contact_comms = [(CommKind.PHONE, Channel.OTHER, raw, norm)]
        if rng.random() < 0.5:
            email = self._email(p)
            contact_comms.append(
                (
                    CommKind.EMAIL,
                    Channel.OTHER,
                    email,
                    normalize_comm(CommKind.EMAIL, Channel.OTHER, email),
                )
            )
        for kind, channel, value, n in contact_comms:
            self.buf.add(
                "communications",
                {
                    "id": self._id("communications"),
                    "lead_id": None,
                    "contact_id": contact_id,
                    "kind": kind.value,
                    "channel": channel.value,
                    "raw_value": value,
                    "normalized": n.value,
                    "is_valid": n.valid,
                },
            )
            self.stats.communications += 1
        self.stats.contacts += 1
        self.made_contacts.append(
            MadeContact(
                contact_id,
                p.first,
                p.last,
                p.middle,
                p.diminutives,
                owner,
                created,
                phone,
                contact_comms[1][2] if len(contact_comms) > 1 else None,
            )
        )
        if rng.random() < 0.6:
            others = [c for c in self.recent_contacts if rng.random() < 0.04][:2]
            self._deal(created, owner, [contact_id, *others], None)
        self.recent_contacts.append(contact_id)
