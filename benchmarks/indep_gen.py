"""An evaluation set written apart from the demo: people, their leads, the truth.

What the seeds describe, drawn from ``indep_names`` (its own names, spellings
and messages; nothing of ``deskdup.services.demo`` or the matcher):

- one impatient customer writes through Telegram (a handle only, sometimes a
  Latin or Cyrillic display name), WhatsApp (a phone, sometimes a name), Avito
  (a first name or a diminutive only), the site form (name, phone, e-mail), a
  call (a phone, sometimes a name typed by the operator) or e-mail;
- about 45 % of people leave 2-4 leads; 60 % of those within 20 minutes with
  the same question slightly changed (a greeting added, a typo, other words),
  the rest days later, mostly with a new question;
- hard negatives: namesakes (a top-heavy name distribution), strangers sending
  a marketplace's or an ad's template question within the same hour, and
  households sharing one phone (same surname, another first name).

Writes a CSV the importer accepts (``deskdup import``) and a truth CSV:
``id;person;household;question;shows;template``, where ``shows`` is the name
the lead itself carries: ``full`` (first name and surname in the name fields),
``first`` (a first name or diminutive only), ``nick`` (a name only in a handle
or an e-mail address) or ``none``.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import indep_names as names

HEADER = (
    "id", "created_at", "channel", "name", "first_name", "last_name", "phone", "email",
    "telegram", "whatsapp", "message",
)  # fmt: skip
TRUTH_HEADER = ("id", "person", "household", "question", "shows", "template")
START = datetime(2026, 3, 2, 0, 0)
LAST = datetime(2026, 11, 1, 0, 0)
CHANNEL_MIX = {
    "telegram": 0.22,
    "whatsapp": 0.25,
    "avito": 0.18,
    "site": 0.20,
    "call": 0.08,
    "email": 0.07,
}
# The variant (``--variant`` of eval_independent): another shop's traffic, to
# check that nothing was tuned to the default one.  Avito and calls weigh
# more, Telegram less; names get twice the typos and more case noise; more
# people send a template (35 %, ads answered by 20 %); bursts are spread over
# 35 minutes instead of 20, and a burst keeps one app with another identity
# more often; households are twice as frequent.
VARIANT_CHANNEL_MIX = {
    "telegram": 0.12,
    "whatsapp": 0.22,
    "avito": 0.28,
    "site": 0.16,
    "call": 0.15,
    "email": 0.07,
}


@dataclass(frozen=True)
class Rates:
    channel_mix: dict
    typo: float = 0.06
    lower: float = 0.09
    upper: float = 0.03
    template: float = 0.22  # of the people not answering an ad
    ad: float = 0.12
    burst: float = 0.6
    burst_minutes: float = 20.0
    other_app: float = 0.92  # a burst's next lead comes from another app
    household: float = 0.03


DEFAULT_RATES = Rates(CHANNEL_MIX)
VARIANT_RATES = Rates(
    VARIANT_CHANNEL_MIX,
    typo=0.12,
    lower=0.15,
    upper=0.05,
    template=0.35,
    ad=0.20,
    burst=0.55,
    burst_minutes=35.0,
    other_app=0.85,
    household=0.06,
)

# Lead hours: a working day with an evening peak.
HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 2, 4, 6, 7, 7, 6, 6, 6, 6, 6, 6, 7, 8, 8, 6, 4, 2]


def _zipf(rng: random.Random, n: int, s: float = 1.0) -> int:
    """An index into a list ordered by popularity (0 is the most popular)."""
    weights = _ZIPF.setdefault((n, s), [1.0 / (i + 1) ** s for i in range(n)])
    return rng.choices(range(n), weights=weights)[0]


_ZIPF: dict[tuple[int, float], list[float]] = {}


@dataclass
class Person:
    id: int
    female: bool
    first: str
    dims: tuple[str, ...]
    surname: str
    middle: str
    style: str  # the transliteration this person types
    phone: str
    household: int = 0
    email: str = ""
    handle: str = ""
    handle_named: bool = False
    email_named: bool = False
    extra: dict = field(default_factory=dict)


class Generator:
    def __init__(
        self, leads: int, seed: int = 1, days: int | None = None, variant: bool = False
    ) -> None:
        self.rates = VARIANT_RATES if variant else DEFAULT_RATES
        self.rng = random.Random(seed)
        self.target = leads
        self.days = days or max(30, min(365, leads // 550))
        # Leads end before LAST (the importer refuses leads dated in the future):
        # a year of leads (a million) starts earlier than START.
        self.start = min(START, LAST - timedelta(days=self.days))
        self.people: list[Person] = []
        self.phones: set[str] = set()
        self.handles: set[str] = set()
        self.emails: set[str] = set()
        self.next_question = 0
        # Waves: an ad or a marketplace push; strangers answer it with the same template.
        self.waves = [
            (self.rng.uniform(0, self.days * 1440), self.rng.choice(names.TEMPLATES))
            for _ in range(max(4, self.days * 3))
        ]

    # ----------------------------------------------------------- people

    def _phone(self) -> str:
        while True:
            phone = f"9{self.rng.randint(0, 99):02d}{self.rng.randint(0, 9_999_999):07d}"
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def person(self, household: Person | None = None) -> Person:
        rng = self.rng
        female = rng.random() < 0.55
        table = names.FEMALE if female else names.MALE
        first, dims = table[_zipf(rng, len(table), 0.9)]
        if household is not None:
            while first == household.first:
                first, dims = table[rng.randrange(len(table))]
            base = household.extra["surname_base"]
        else:
            base = names.SURNAMES[_zipf(rng, len(names.SURNAMES), 0.7)]
        father = names.MALE[rng.randrange(len(names.MALE))][0]
        p = Person(
            id=len(self.people) + 1,
            female=female,
            first=first,
            dims=dims,
            surname=names.feminine(base) if female else base,
            middle=names.patronymic(father, female),
            style=names.pick_style(rng),
            phone=household.phone if household is not None else self._phone(),
            household=household.household if household is not None else 0,
        )
        p.extra["surname_base"] = base
        self.people.append(p)
        return p

    def _lat(self, p: Person, text: str, style: str | None = None) -> str:
        if text == p.first and p.first in names.ENGLISH and self.rng.random() < 0.3:
            return names.ENGLISH[text]
        return names.translit(text, style or p.style)

    def handle_of(self, p: Person) -> str:
        if p.handle:
            return p.handle
        rng = self.rng
        first = self._lat(p, p.first).lower()
        dim = self._lat(p, rng.choice(p.dims)).lower() if p.dims else first
        sur = self._lat(p, p.surname).lower()
        init = first[:1]
        year = str(rng.randint(1970, 2007))
        two = f"{rng.randint(1, 99):02d}"
        styles = (
            (0.35, None),
            (0.12, f"{first}_{sur}"),
            (0.04, f"{first}{sur}"),
            (0.07, f"{dim}_{sur}"),
            (0.10, f"{sur}{init}"),
            (0.07, f"{init}{sur}"),
            (0.09, f"{sur}{two}"),
            (0.10, f"{first}_{year}" if rng.random() < 0.5 else f"{dim}{two}"),
            (0.06, f"{sur}_{first}"),
        )
        pick = rng.choices(styles, weights=[w for w, _ in styles])[0][1]
        p.handle_named = pick is not None
        handle = pick or names.nameless_handle(rng)
        while handle in self.handles:
            handle += str(rng.randint(0, 9))
        self.handles.add(handle)
        p.handle = handle
        return handle

    def email_of(self, p: Person) -> str:
        if p.email:
            return p.email
        rng = self.rng
        first = self._lat(p, p.first).lower()
        sur = self._lat(p, p.surname).lower()
        choice = rng.random()
        if choice < 0.3:
            local = f"{first}.{sur}"
        elif choice < 0.45:
            local = f"{sur}.{first}{rng.randint(70, 99)}"
        elif choice < 0.6:
            local = f"{first[:1]}{sur}"
        elif choice < 0.7:
            local = f"{sur}{rng.randint(1, 2000)}"
        elif choice < 0.75 and p.handle:
            local = p.handle
        else:
            local = names.nameless_handle(rng).replace("_", ".")
        p.email_named = choice < 0.7 or (choice < 0.75 and bool(p.handle) and p.handle_named)
        domain = rng.choices(names.DOMAINS, weights=[w for _, w in names.DOMAINS])[0][0]
        email = f"{local}@{domain}"
        while email in self.emails:
            email = f"{local}{rng.randint(1, 999)}@{domain}"
        self.emails.add(email)
        p.email = email
        return email

    # ----------------------------------------------------------- fields of a lead

    def _noisy(self, text: str) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            text = text.replace("ё", "е").replace("Ё", "Е")
        roll = rng.random()
        rates = self.rates
        if roll < rates.lower:
            text = text.lower()
        elif roll < rates.lower + rates.upper:
            text = text.upper()
        if rng.random() < rates.typo:
            text = names._typo(rng, text)
        return text

    def _first_shown(self, p: Person) -> str:
        if p.dims and self.rng.random() < 0.4:
            return self.rng.choice(p.dims)
        return p.first

    def full_name(self, p: Person, latin: bool = False) -> str:
        rng = self.rng
        first = p.first if rng.random() < 0.85 else self._first_shown(p)
        words = [first, p.surname]
        if rng.random() < 0.5:
            words.reverse()
        if not latin and rng.random() < 0.2:
            words = [p.surname, p.first, p.middle]
        text = " ".join(words)
        if latin:
            return self._lat(p, text, names.pick_style(rng) if rng.random() < 0.4 else None)
        return self._noisy(text)

    def phone_text(self, phone: str) -> str:
        d = phone
        return self.rng.choice(
            (
                f"+7 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}",
                f"8{d}",
                f"8-{d[:3]}-{d[3:6]}-{d[6:8]}-{d[8:]}",
                f"+7{d}",
                f"7 {d[:3]} {d[3:]}",
                d,
            )
        )

    def lead_fields(self, p: Person, channel: str) -> tuple[dict, str]:
        """The cells of one lead of ``p`` via ``channel`` and what name it shows."""
        rng = self.rng
        row = {"channel": channel}
        shows = "none"
        if channel == "telegram":
            row["telegram"] = ("@" if rng.random() < 0.5 else "") + self.handle_of(p)
            roll = rng.random()
            if roll < 0.3:
                text = self._first_shown(p)
                if rng.random() < 0.35:
                    text += " " + (p.surname if rng.random() < 0.6 else p.surname[0] + ".")
                row["name"] = self._lat(p, text)
            elif roll < 0.5:
                row["name"] = self._noisy(self._first_shown(p))
            shows = "nick" if p.handle_named else "none"
        elif channel == "whatsapp":
            row["whatsapp"] = self.phone_text(p.phone)
            roll = rng.random()
            if roll < 0.3:
                row["name"] = self._noisy(self._first_shown(p))
            elif roll < 0.42:
                row["name"] = self.full_name(p)
            elif roll < 0.5:
                row["name"] = self._lat(p, self._first_shown(p))
        elif channel == "avito":
            row["name"] = self._noisy(self._first_shown(p))
        elif channel == "site":
            if rng.random() < 0.5:
                row["first_name"] = self._noisy(self._first_shown(p))
                if rng.random() < 0.7:
                    row["last_name"] = self._noisy(p.surname)
            else:
                row["name"] = self.full_name(p) if rng.random() < 0.7 else self._first_shown(p)
            if rng.random() < 0.9:
                row["phone"] = self.phone_text(p.phone)
            if rng.random() < 0.6:
                row["email"] = self.email_of(p)
        elif channel == "call":
            row["phone"] = self.phone_text(p.phone)
            roll = rng.random()
            if roll < 0.25:
                row["name"] = self.full_name(p)
            elif roll < 0.45:
                row["name"] = self._noisy(self._first_shown(p))
        else:  # e-mail
            row["email"] = self.email_of(p)
            roll = rng.random()
            if roll < 0.3:
                row["name"] = self.full_name(p, latin=True)
            elif roll < 0.5:
                row["name"] = self.full_name(p)
            if not row.get("name"):
                shows = "nick" if p.email_named else "none"
        text = " ".join(row.get(k, "") for k in ("name", "first_name", "last_name")).strip()
        if text:
            has_surname = bool(row.get("last_name")) or len(text.split()) >= 2
            shows = "full" if has_surname and not text.endswith(".") else "first"
        if shows == "none" and channel == "site" and row.get("email") and p.email_named:
            shows = "nick"
        return row, shows

    # ----------------------------------------------------------- leads

    def question(self, template: str | None) -> tuple[int, str, bool]:
        """(id, text, is a template) of a new question."""
        rng = self.rng
        self.next_question += 1
        if template is not None:
            return self.next_question, template, True
        if rng.random() < self.rates.template:
            return self.next_question, rng.choice(names.TEMPLATES), True
        return self.next_question, names.personal_question(rng), False

    def _start_minute(self) -> float:
        day = self.rng.randrange(self.days)
        hour = self.rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
        return day * 1440 + hour * 60 + self.rng.uniform(0, 60)

    def leads_of(self, p: Person) -> list[tuple[float, dict, str, int, bool]]:
        rng = self.rng
        count = 1
        if rng.random() < 0.45:
            count = rng.choices((2, 3, 4), weights=(0.55, 0.30, 0.15))[0]
        start = self._start_minute()
        template_text = None
        rates = self.rates
        mix = rates.channel_mix
        if rng.random() < rates.ad:
            # Answers an ad wave: the wave's template within half an hour of it.
            at, template_text = rng.choice(self.waves)
            start = at + rng.uniform(0, 45)
        qid, text, is_template = self.question(template_text)
        burst = count > 1 and rng.random() < rates.burst
        channels = rng.sample(list(mix), k=len(mix))
        channels.sort(key=lambda c: -mix[c] * rng.random())
        out = []
        minute = start
        for n in range(count):
            if n == 0:
                channel = channels[0]
            elif burst:
                # Another app for the same question; now and then the same app
                # with another identity (a second Telegram account, a second phone).
                channel = channels[n] if rng.random() < rates.other_app else out[-1][1]["channel"]
                minute += rng.uniform(0.5, rates.burst_minutes / count)
                text = names.reword(rng, text) if not is_template else text
            else:
                channel = rng.choices(list(mix), weights=list(mix.values()))[0]
                minute += rng.uniform(1, 30) * 1440
                if rng.random() < 0.7:
                    qid, text, is_template = self.question(None)
                else:
                    text = names.reword(rng, text)
            row, shows = self.lead_fields(p, channel)
            if burst and n and channel == out[-1][1]["channel"]:
                if channel == "telegram":
                    row["telegram"] = names.nameless_handle(rng) + str(rng.randint(0, 99))
                    named = row.get("name", "")
                    shows = ("full" if " " in named else "first") if named else "none"
                elif channel in ("whatsapp", "call"):
                    row["whatsapp" if channel == "whatsapp" else "phone"] = self.phone_text(
                        self._phone()
                    )
            row["message"] = text
            out.append((minute, row, shows, qid, is_template))
        return out

    # ----------------------------------------------------------- all

    def write(self, path: Path, truth_path: Path) -> int:
        rng = self.rng
        rows = []
        made = 0
        # A person's later leads may come after LAST (a year of leads, a
        # customer back weeks later): those are left out, as the importer
        # refuses leads dated in the future; the count is of the leads kept.
        last = (LAST - self.start).total_seconds() / 60
        while made < self.target:
            p = self.person()
            people = [p]
            if rng.random() < self.rates.household:
                p.household = p.id
                people.append(self.person(household=p))
            for person in people:
                for minute, row, shows, qid, is_template in self.leads_of(person):
                    if minute < last:
                        rows.append((minute, person, row, shows, qid, is_template))
                        made += 1
        rows.sort(key=lambda r: r[0])
        rows = rows[: self.target]
        with (
            path.open("w", encoding="utf-8-sig", newline="") as f,
            truth_path.open("w", encoding="utf-8", newline="") as t,
        ):
            out = csv.writer(f, delimiter=";")
            truth = csv.writer(t, delimiter=";")
            out.writerow(HEADER)
            truth.writerow(TRUTH_HEADER)
            for n, (minute, person, row, shows, qid, is_template) in enumerate(rows, 1):
                lead_id = f"E{n:07d}"
                created = self.start + timedelta(minutes=max(0.0, minute))
                row = {**row, "id": lead_id, "created_at": created.isoformat(timespec="seconds")}
                row["message"] = row.get("message") or ""
                out.writerow([row.get(h, "") for h in HEADER])
                truth.writerow((lead_id, person.id, person.household, qid, shows, int(is_template)))
        return len(rows)
