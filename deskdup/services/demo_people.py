"""The demo's people: names, phones, nicknames and e-mail addresses, typos, the
channels a person writes through and what they ask (the generator's
``PersonMaker`` mixin; it draws from the generator's seeded stream)."""

from __future__ import annotations

from bisect import bisect
from dataclasses import dataclass

from deskdup.models import Channel, CommKind
from deskdup.services import demo_names as names
from deskdup.services.normalize import Normalized, normalize_comm


@dataclass(slots=True)
class Person:
    pid: int
    male: bool
    first: str
    last: str
    middle: str
    diminutives: tuple[str, ...]
    phones: list[str]  # "+7XXXXXXXXXX"
    year: int
    style: str
    inquiry_group: int
    pattern: str = "single"
    nick: str | None = None
    email: str | None = None
    contact_id: int | None = None


@dataclass(slots=True)
class LeadSpec:
    person: Person
    channel: Channel
    pattern: str
    phone: str | None  # which of the person's phones this lead shows


class PersonMaker:
    # ----------------------------------------------------------------- randomness
    # random.Random's choice/randint/choices cost a microsecond or more each; these
    # draw from the same seeded stream, much faster.

    def _ri(self, low: int, high: int) -> int:
        return low + int(self._random() * (high - low + 1))

    def _pick(self, seq):
        return seq[int(self._random() * len(seq))]

    def _weighted(self, seq, cum_weights):
        return seq[bisect(cum_weights, self._random() * cum_weights[-1])]

    def _new_phone(self) -> str:
        rng = self.rng
        while True:
            phone = f"+7{self._pick(names.MOBILE_CODES)}{rng.randrange(10_000_000):07d}"
            if phone not in self.used_phones:
                if len(self.used_phones) < 2_000_000:
                    self.used_phones.add(phone)
                return phone

    def _new_person(self, pid: int) -> Person:
        rng = self.rng
        male = rng.random() < 0.5
        father = self._pick(self.male_names)
        _, son, daughter = names.MALE_NAMES[father]
        surname = self._pick(names.SURNAMES)
        if male:
            first = self._pick(self.male_names)
            diminutives = names.MALE_NAMES[first][0]
            last, middle = surname, son
        else:
            first = self._pick(self.female_names)
            diminutives = names.FEMALE_NAMES[first]
            last, middle = names.feminine_surname(surname), daughter
        person = Person(
            pid=pid,
            male=male,
            first=first,
            last=last,
            middle=middle,
            diminutives=diminutives,
            phones=[],
            year=self._ri(1965, 2006),
            style=self._pick(("common", "common", "passport", "j", "lazy")),
            inquiry_group=rng.randrange(len(names.INQUIRY_GROUPS)),
        )
        if rng.random() < 0.07 and self.recent_people:
            self._make_namesake(person, self._pick(self.recent_people))
        if rng.random() < 0.95:
            person.phones.append(self._new_phone())
            if rng.random() < 0.06:
                person.phones.append(self._new_phone())
        return person

    def _make_namesake(self, person: Person, other: Person) -> None:
        """Someone else with the same name, the same surname or a spouse's surname."""
        rng = self.rng
        kind = rng.random()
        person.pattern = "namesake"
        if kind < 0.5:  # full namesake: same first and last name, another patronymic
            person.male, person.first, person.last = other.male, other.first, other.last
            person.diminutives = other.diminutives
            father = self._pick(self.male_names)
            person.middle = names.MALE_NAMES[father][1 if person.male else 2]
        elif kind < 0.8:  # same family name (spouse, sibling)
            masculine = names.masculine_surname(other.last)
            person.last = masculine if person.male else names.feminine_surname(masculine)
        else:  # same first name and patronymic, another surname
            if person.male != other.male:
                # The surname was drawn for the other gender: Иван Соколова is nobody.
                masculine = names.masculine_surname(person.last)
                person.last = masculine if other.male else names.feminine_surname(masculine)
            person.male, person.first = other.male, other.first
            person.diminutives, person.middle = other.diminutives, other.middle

    # ----------------------------------------------------------------- identifiers

    def _nick(self, p: Person) -> str:
        if p.nick:
            return p.nick
        rng = self.rng
        first = names.translit(p.first, p.style)
        last = names.translit(p.last, p.style)
        dim = names.translit(self._pick(p.diminutives), p.style) if p.diminutives else first
        yy = f"{p.year % 100:02d}"
        roll = rng.random()
        if roll < 0.18:
            nick = f"{dim}_{last}{yy}"
        elif roll < 0.32:
            nick = f"{first}.{last}"
        elif roll < 0.44:
            nick = f"{last}_{first[:2]}"
        elif roll < 0.56:
            nick = f"{first[0]}_{last}"
        elif roll < 0.66:
            nick = f"{last}{first}"
        elif roll < 0.76:
            nick = f"{first}{p.year}"
        elif roll < 0.84:
            nick = f"{dim}{last[0]}"
        else:  # no link to the name at all
            nick = f"{self._pick(names.NICK_WORDS_A)}_{self._pick(names.NICK_WORDS_B)}"
            if rng.random() < 0.5:
                nick += str(self._ri(1, 999))
        p.nick = self._unique(nick.replace("'", ""))
        return p.nick

    def _unique(self, handle: str) -> str:
        while handle in self.used_handles:
            handle += str(self._ri(0, 9))
        if len(self.used_handles) < 5_000_000:
            self.used_handles.add(handle)
        return handle

    def _email(self, p: Person) -> str:
        if p.email:
            return p.email
        rng = self.rng
        first = names.translit(p.first, p.style)
        last = names.translit(p.last, p.style)
        roll = rng.random()
        if roll < 0.3:
            local = f"{first}.{last}"
        elif roll < 0.5:
            local = f"{last}{p.year % 100:02d}"
        elif roll < 0.65:
            local = f"{first[0]}{last}"
        elif roll < 0.8 and p.nick:
            local = p.nick
        else:
            word = self._pick(names.NICK_WORDS_A) + self._pick(names.NICK_WORDS_B)
            local = f"{word}{self._ri(1, 99)}"
        local = local.replace("_", ".")
        domain = self._pick(names.EMAIL_DOMAINS)
        while f"{local}@{domain}" in self.used_handles:
            local += str(self._ri(0, 9))
        p.email = self._unique(f"{local}@{domain}")
        return p.email

    def _phone_raw(self, phone: str, telephony: bool = False) -> tuple[str, bool]:
        """The phone as someone typed it; (raw, deliberately_invalid)."""
        rng = self.rng
        d = phone[2:]  # ten digits
        a, b, c, e = d[:3], d[3:6], d[6:8], d[8:]
        if rng.random() < 0.012:
            return self._pick(
                (f"8 ({a}) {b}-{c}-{e[0]}", f"{b}-{c}-{e}", f"+7 {a} {b}{c}{e}0")
            ), True
        if telephony:
            return self._pick((f"+7{d}", f"7{d}", f"8{d}")), False
        return self._pick(
            (
                f"8 ({a}) {b}-{c}-{e}",
                f"8{d}",
                f"7{d}",
                f"+7{d}",
                f"+7 {a} {b}-{c}-{e}",
                f"+7 ({a}) {b}{c}{e}",
                f"{d}",
                f"8-{a}-{b}-{c}-{e}",
                f"{a} {b} {c} {e}",
            )
        ), False

    def _normalized(
        self, kind: CommKind, channel: Channel, raw: str, phone: str | None, bad: bool
    ) -> Normalized:
        # Every well-formed variant of a phone normalises to the same E.164 (the
        # tests check it on a sample), so the slow parse runs once per phone.
        if phone is not None and not bad:
            # Russian mobile numbers are valid by their operator code alone, so
            # one parse per code tells that every "+7 code xxxxxxx" is its own E.164.
            code = phone[:5]
            ok = self.phone_prefix_ok.get(code)
            if ok is None:
                sample = normalize_comm(CommKind.PHONE, Channel.OTHER, phone)
                ok = self.phone_prefix_ok[code] = sample.valid and sample.value == phone
            if ok:
                return Normalized(phone, True)
            return normalize_comm(CommKind.PHONE, Channel.OTHER, phone)
        return normalize_comm(kind, channel, raw)

    # ----------------------------------------------------------------- scheduling

    def _choose_channels(self, p: Person, count: int) -> list[Channel]:
        chosen: list[Channel] = []
        tries = 0
        while len(chosen) < count and tries < 30:
            tries += 1
            ch = self._weighted(self.channels, self.channel_cum)
            if ch in chosen or (ch in (Channel.WHATSAPP, Channel.CALL) and not p.phones):
                continue
            chosen.append(ch)
        return chosen

    def _typo(self, word: str) -> str:
        rng = self.rng
        if len(word) < 4:
            return word
        i = rng.randrange(1, len(word) - 1)
        roll = rng.random()
        if roll < 0.4:  # swap two letters
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if roll < 0.7:  # drop one
            return word[:i] + word[i + 1 :]
        return word[:i] + word[i] + word[i:]  # double one

    def _inquiry(self, p: Person) -> str:
        rng = self.rng
        roll = rng.random()
        group = names.INQUIRY_GROUPS[p.inquiry_group]
        if roll < 0.6:
            return group[0]
        if roll < 0.9:
            return self._pick(group)
        return self._pick(self._pick(names.INQUIRY_GROUPS))

    def _form_name(self, p: Person) -> tuple[str, str, str]:
        """What a person types into the website form's name field(s)."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.35:  # the form has separate fields and they were used
            return p.first, p.last, p.middle if rng.random() < 0.4 else ""
        if roll < 0.75:  # everything typed into the "name" field, any order
            words = self._pick(
                (
                    (p.first, p.last),
                    (p.last, p.first),
                    (p.last, p.first, p.middle),
                    (p.first, p.middle, p.last),
                    (p.first, p.middle),
                )
            )
            whole = " ".join(words)
            if rng.random() < 0.1:
                whole = whole.lower()
            return whole, "", ""
        if roll < 0.9:
            return p.first, "", ""
        return self._pick(p.diminutives), "", ""
