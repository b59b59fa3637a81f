"""The demo workspace: a realistic, deterministic Russian CRM with duplicates.

People are generated one at a time.  Each writes through one to four channels
(Telegram with a nickname only, WhatsApp with a phone in any format, Avito
with a first name or a diminutive, the website form, a phone call, e-mail...)
within minutes; some come back days later; some share a name with someone
else without being the same person.  Every lead is written together with its
communications, chat, activities and the ground truth (``DemoTruth``: which
leads are one person) used by tests and benchmarks.

The generator streams: leads wait in a small heap ordered by creation time
(so ids grow with time, as in a real CRM) and are written in chunks with Core
``INSERT ... executemany``; ids are assigned here, so child rows need no
round-trip.  A million leads need no more memory than five thousand.

The team and channel routing are in ``demo_team``, the people (names, phones,
handles, typos, inquiries) in ``demo_people``, the activities, deals and
contacts of clients in ``demo_clients``.  The generator is one class (those
two are its mixins): ``_emit`` writes a lead with all its child rows from the
generator's one seeded stream, and splitting that differently would change
the order of draws, so every seed would make a different workspace.
"""

from __future__ import annotations

import heapq
import random
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate
from typing import Any

from sqlalchemy import Table, delete, func, select, text
from sqlalchemy.orm import Session

from deskdup.models import (
    Activity,
    Base,
    Channel,
    Chat,
    ChatMessage,
    CommKind,
    Communication,
    Contact,
    Deal,
    DemoTruth,
    Lead,
    Operator,
    WorkspaceMeta,
    deal_contacts,
)
from deskdup.services import demo_names as names
from deskdup.services.bulk_insert import datetime_converter, insert_rows
from deskdup.services.demo_chats import conversation
from deskdup.services.demo_clients import ClientMaker
from deskdup.services.demo_contacts import MadeContact, add_duplicate_contacts
from deskdup.services.demo_people import LeadSpec, Person, PersonMaker
from deskdup.services.demo_team import (
    CHANNEL_DEPARTMENT,
    CHANNEL_WEIGHTS,
    CHAT_CHANNELS,
    DEPARTMENTS,
    OPERATORS,
    write_team,
)
from deskdup.services.errors import KnownError
from deskdup.services.workspace import Workspace

# Fixed, so a seed gives the same workspace whenever it is generated.
# The demo's "today": no lead is created or updated after it, so ages, the
# period filters and "new" statuses read as they would in a live CRM.
BASE_DATE = datetime(2026, 11, 1, 9, 0)
SPAN_DAYS = 360  # first contacts spread over about this many days before it
CHUNK = 5000
PROGRESS_EVERY = 1000

ProgressFn = Callable[[int, int], None]


@dataclass
class DemoStats:
    leads: int = 0
    persons: int = 0
    contacts: int = 0
    deals: int = 0
    communications: int = 0
    chats: int = 0
    activities: int = 0
    operators: int = 0
    departments: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        return [
            f"leads: {self.leads} (from {self.persons} people)",
            f"communications: {self.communications}, chats: {self.chats}, "
            f"activities: {self.activities}",
            f"contacts: {self.contacts}, deals: {self.deals}",
            f"operators: {self.operators} in {self.departments} departments",
        ]


# --------------------------------------------------------------------------- people


@dataclass
class _Buffers:
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.tables.setdefault(table, []).append(row)


# Write order respects the foreign keys.
_WRITE_ORDER: tuple[Table, ...] = (
    Contact.__table__,
    Lead.__table__,
    Communication.__table__,
    Chat.__table__,
    ChatMessage.__table__,
    Activity.__table__,
    Deal.__table__,
    deal_contacts,
    DemoTruth.__table__,
)

# Tables whose ids the generator assigns (PostgreSQL sequences follow them).
_ID_TABLES = (
    "departments",
    "operators",
    "operator_rights",
    "contacts",
    "leads",
    "communications",
    "chats",
    "activities",
    "deals",
)


def workspace_is_empty(ws: Workspace) -> bool:
    with ws.session() as s:
        for table in (Lead, Contact, Operator):
            if s.scalar(select(func.count()).select_from(table)):
                return False
    return True


def is_demo_workspace(ws: Workspace) -> bool:
    """True when the demo generator wrote this workspace (it keeps the ground truth)."""
    with ws.session() as s:
        return bool(s.scalar(select(func.count()).select_from(DemoTruth)))


def team_history_count(ws: Workspace) -> int:
    """Merge events and "not duplicates" marks: the team's work, which a wipe would lose."""
    from deskdup.models import Dismissal, MergeEvent

    with ws.session() as s:
        return sum(
            s.scalar(select(func.count()).select_from(table)) or 0
            for table in (MergeEvent, Dismissal)
        )


def clear_workspace(ws: Workspace) -> None:
    """Delete every row of every deskdup table (for ``deskdup demo --force``)."""
    with ws.session() as s:
        # Self-references first, then children before parents.
        s.execute(Lead.__table__.update().values(merged_into_id=None))
        s.execute(Contact.__table__.update().values(merged_into_id=None))
        from deskdup.models import MergeEvent

        s.execute(MergeEvent.__table__.update().values(undo_of_id=None, undone_by_id=None))
        for table in reversed(Base.metadata.sorted_tables):
            s.execute(delete(table))


class _Generator(PersonMaker, ClientMaker):
    def __init__(self, session: Session, leads: int, seed: int, progress: ProgressFn | None):
        self.s = session
        self.target = leads
        self.rng = random.Random(seed)
        self.seed = seed
        self.progress = progress
        self.stats = DemoStats()
        self.buf = _Buffers()
        self.heap: list[tuple[datetime, int, LeadSpec]] = []
        self.scheduled = 0
        self.seq = 0
        self.next_id = {
            "leads": 1,
            "communications": 1,
            "chats": 1,
            "activities": 1,
            "contacts": 1,
            "deals": 1,
        }
        self.recent_people: deque[Person] = deque(maxlen=300)
        self.recent_contacts: deque[int] = deque(maxlen=50)
        self.made_contacts: list[MadeContact] = []
        self.used_phones: set[str] = set()
        # Handles and addresses are accounts: two people never share one.
        self.used_handles: set[str] = set()
        self.male_names = list(names.MALE_NAMES)
        self.female_names = list(names.FEMALE_NAMES)
        self.channels = [c for c, _ in CHANNEL_WEIGHTS]
        self.channel_cum = list(accumulate(w for _, w in CHANNEL_WEIGHTS))
        self._random = self.rng.random
        self.operator_ids: dict[str, int] = {}
        self.by_department: list[list[int]] = [[], []]
        self.inactive: list[int] = []
        self.supervisor_id = 0
        self.dt = datetime_converter(session)
        self.phone_prefix_ok: dict[str, bool] = {}

    # ----------------------------------------------------------------- ids

    def _id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def write_operators(self) -> None:
        team = write_team(self.s)
        self.operator_ids = team.operator_ids
        self.by_department = team.by_department
        self.inactive = team.inactive
        self.supervisor_id = team.supervisor_id
        self.stats.operators = len(OPERATORS)
        self.stats.departments = len(DEPARTMENTS)

    def _owner(self, channel: Channel) -> int:
        rng = self.rng
        roll = rng.random()
        if roll < 0.02:
            return self.supervisor_id
        if roll < 0.06 and self.inactive:
            return self._pick(self.inactive)
        preferred = CHANNEL_DEPARTMENT.get(channel, rng.randrange(2))
        department = preferred if rng.random() < 0.75 else 1 - preferred
        return self._pick(self.by_department[department])

    # ----------------------------------------------------------------- people

    def schedule_person(self, p: Person, start: datetime) -> None:
        rng = self.rng
        count = self._weighted((1, 2, 3, 4), (45, 75, 92, 100))
        channels = self._choose_channels(p, min(count, self.target - self.scheduled))
        if len(channels) > 1 and p.pattern == "single":
            p.pattern = "burst"
        at = start
        for ch in channels:
            phone = self._pick(p.phones) if p.phones else None
            self._push(at, LeadSpec(p, ch, p.pattern, phone))
            at += timedelta(minutes=self._ri(1, 25), seconds=self._ri(0, 59))
        # Comes back days later from the same phone.
        if p.phones and self.scheduled < self.target and rng.random() < 0.1:
            later = start + timedelta(days=self._ri(3, 60), minutes=self._ri(0, 600))
            ch = self._pick((Channel.WHATSAPP, Channel.CALL, Channel.SITE))
            if later <= BASE_DATE:  # else: has not come back yet
                self._push(later, LeadSpec(p, ch, "return", p.phones[0]))

    def _push(self, at: datetime, spec: LeadSpec) -> None:
        self.seq += 1
        self.scheduled += 1
        heapq.heappush(self.heap, (at, self.seq, spec))

    def release_until(self, now: datetime | None) -> None:
        while self.heap and (now is None or self.heap[0][0] <= now):
            at, _, spec = heapq.heappop(self.heap)
            self._emit(at, spec)

    # ----------------------------------------------------------------- one lead

    def _emit(self, at: datetime, spec: LeadSpec) -> None:
        rng = self.rng
        p, ch = spec.person, spec.channel
        lead_id = self._id("leads")
        first = last = middle = ""
        title = ""
        comms: list[tuple[CommKind, Channel, str, str | None, bool]] = []
        chat_id = ""
        comments = ""
        flags = ""
        message = self._inquiry(p)

        def add_phone(kind: CommKind, channel: Channel, telephony: bool = False) -> str:
            nonlocal flags
            raw, bad = self._phone_raw(spec.phone or p.phones[0], telephony)
            if bad and "+badphone" not in flags:
                flags += "+badphone"
            comms.append((kind, channel, raw, spec.phone, bad))
            return raw

        if ch is Channel.TELEGRAM:
            nick = self._nick(p)
            raw = self._weighted((f"@{nick}", nick, f"https://t.me/{nick}"), (70, 85, 100))
            comms.append((CommKind.MESSENGER, ch, raw, None, False))
            title = f"Telegram: @{nick}"
            chat_id = f"tg:{rng.randrange(10**8, 10**10)}"
        elif ch is Channel.WHATSAPP:
            raw = add_phone(CommKind.MESSENGER, ch)
            title = f"WhatsApp: {raw}"
            if rng.random() < 0.5:
                first = self._pick(p.diminutives) if rng.random() < 0.6 else p.first
            chat_id = f"wa:{rng.randrange(10**9, 10**10)}"
        elif ch is Channel.AVITO:
            roll = rng.random()
            first = self._pick(p.diminutives) if roll < 0.45 else p.first
            if roll > 0.85:
                last = p.last[0] + "."
            if rng.random() < 0.1:
                first = first.lower()
            title = f"Avito: {first}" + (f" {last}" if last else "")
            chat_id = f"avito:u{rng.randrange(10**7, 10**9)}"
        elif ch is Channel.SITE:
            first, last, middle = self._form_name(p)
            shown = " ".join(x for x in (first, last) if x)
            title = f"Заявка с сайта: {shown}" if shown and rng.random() < 0.7 else "Заявка с сайта"
            if p.phones and rng.random() < 0.95:
                add_phone(CommKind.PHONE, ch)
            if rng.random() < 0.35 or not p.phones:
                comms.append((CommKind.EMAIL, ch, self._email(p), None, False))
            comments = f"Сообщение с формы: {message}"
        elif ch is Channel.CALL:
            raw = add_phone(CommKind.PHONE, ch, telephony=True)
            title = f"Входящий звонок {raw}"
            roll = rng.random()
            if roll < 0.4:
                first = p.first
            elif roll < 0.6:
                first, last = p.first, p.last
        elif ch is Channel.EMAIL:
            email = self._email(p)
            comms.append((CommKind.EMAIL, ch, email, None, False))
            title = f"Письмо с {email}"
            roll = rng.random()
            if roll < 0.35:
                first, last = p.first, p.last
            elif roll < 0.5:
                first = names.translit(p.first, p.style).capitalize()
                last = names.translit(p.last, p.style).capitalize()
            chat_id = f"mail:{rng.randrange(10**8, 10**9)}"
        elif ch is Channel.VK:
            first = self._pick(p.diminutives) if rng.random() < 0.25 else p.first
            last = p.last
            vk_id = self._unique(f"id{rng.randrange(10**6, 8 * 10**8)}")[2:]
            comms.append((CommKind.MESSENGER, ch, f"https://vk.com/id{vk_id}", None, False))
            title = f"ВКонтакте: {first} {last}"
            chat_id = f"vk:{vk_id}"
        elif ch is Channel.INSTAGRAM:
            nick = (
                self._nick(p)
                if rng.random() < 0.5
                else self._unique(
                    f"{self._pick(names.NICK_WORDS_A)}.{self._pick(names.NICK_WORDS_B)}"
                    f"{self._ri(1, 99)}"
                )
            )
            comms.append((CommKind.MESSENGER, ch, f"@{nick}", None, False))
            title = f"Instagram: @{nick}"
            chat_id = f"ig:{rng.randrange(10**9, 10**11)}"

        if (first or last) and rng.random() < 0.04:
            flags += "+typo"
            if last and len(last) > 3 and rng.random() < 0.6:
                last = self._typo(last)
            else:
                first = self._typo(first)

        owner = self._owner(ch)
        age_days = (BASE_DATE - at).days
        status = self._status(age_days)
        updated = min(at + timedelta(minutes=self._ri(0, 60 * 24 * 3)), BASE_DATE)
        if rng.random() < 0.15:
            comments = (comments + "\n" if comments else "") + self._pick(names.LEAD_COMMENTS)
        contact_id = p.contact_id if p.contact_id and rng.random() < 0.2 else None

        dt = self.dt
        self.buf.add(
            "leads",
            {
                "id": lead_id,
                "external_id": f"L-{lead_id:06d}",
                "title": title[:300],
                "first_name": first,
                "last_name": last,
                "middle_name": middle,
                "status": status,
                "source_channel": ch.value,
                "assigned_id": owner,
                "created_at": dt(at),
                "updated_at": dt(updated),
                "comments": comments,
                "contact_id": contact_id,
                "archived": False,
                "merged_into_id": None,
                "version": 1,
            },
        )
        for kind, channel, raw, phone, bad in comms:
            norm = self._normalized(kind, channel, raw, phone, bad)
            self.buf.add(
                "communications",
                {
                    "id": self._id("communications"),
                    "lead_id": lead_id,
                    "contact_id": None,
                    "kind": kind.value,
                    "channel": channel.value,
                    "raw_value": raw,
                    "normalized": norm.value,
                    "is_valid": norm.valid,
                },
            )
        if chat_id and ch in CHAT_CHANNELS:
            count = self._ri(1, 30)
            chat_row_id = self._id("chats")
            last_at = at + timedelta(minutes=self._ri(1, 60 * (24 if count > 5 else 2)))
            self.buf.add(
                "chats",
                {
                    "id": chat_row_id,
                    "lead_id": lead_id,
                    "contact_id": None,
                    "channel": ch.value,
                    "external_chat_id": chat_id,
                    "first_message": message,
                    "message_count": count,
                    "last_message_at": dt(last_at),
                    "version": 1,
                },
            )
            self.stats.chats += 1
            for said in conversation(
                self.seed,
                chat_row_id,
                first_message=message,
                count=count,
                started=at,
                last=last_at,
                first_name=p.first,
                last_name=p.last,
                phone=p.phones[0] if p.phones else None,
            ):
                self.buf.add(
                    "chat_messages",
                    {
                        "chat_id": chat_row_id,
                        "sent_at": dt(said.sent_at),
                        "incoming": said.incoming,
                        "author": "",
                        "text": said.text,
                    },
                )
        n_activities = 0
        if ch is Channel.CALL:
            n_activities = 1
            self._activity(lead_id, at, owner, ("call", "Входящий звонок"))
        if rng.random() < 0.35:
            for _ in range(self._ri(1, 2)):
                when = at + timedelta(minutes=self._ri(5, 60 * 48))
                self._activity(lead_id, when, owner, self._pick(names.ACTIVITY_SUBJECTS))
                n_activities += 1
        if status == "converted" and p.contact_id:
            self._deal(at, owner, [p.contact_id], lead_id)
        self.buf.add(
            "demo_truth",
            {
                "lead_id": lead_id,
                "person_id": p.pid,
                "story": f"{spec.pattern}:{ch.value}{flags}",
            },
        )
        self.stats.leads += 1
        self.stats.communications += len(comms)
        if len(self.buf.tables["leads"]) >= CHUNK:
            self.flush()
        elif self.progress and self.stats.leads % PROGRESS_EVERY == 0:
            # Often enough that a cancel (the callback raising) is felt at once.
            self.progress(self.stats.leads, self.target)

    def _status(self, age_days: int) -> str:
        if age_days > 30:
            return self._weighted(
                ("processed", "junk", "converted", "in_process", "new"), (40, 50, 65, 85, 100)
            )
        return self._weighted(("new", "in_process", "junk"), (60, 95, 100))

    # ----------------------------------------------------------------- writing

    def flush(self) -> None:
        for table in _WRITE_ORDER:
            rows = self.buf.tables.get(table.name)
            if rows:
                insert_rows(self.s, table, rows)
                rows.clear()
        if self.progress:
            self.progress(self.stats.leads, self.target)

    def run(self) -> DemoStats:
        started = time.perf_counter()
        self.write_operators()
        rng = self.rng
        persons_expected = max(1, self.target / 2.1)
        # Gaps are drawn for half the span of round-the-clock time: nights are
        # skipped (people write 8:00-24:00) and a person averages fewer than 2.1
        # leads, which together stretch the clock to about the whole span.
        mean_gap = (SPAN_DAYS / 2) * 86400 / persons_expected
        now = BASE_DATE - timedelta(days=SPAN_DAYS)
        pid = 0
        while self.scheduled < self.target:
            pid += 1
            now += timedelta(seconds=rng.expovariate(1 / mean_gap))
            # Business hours mostly: people write from 8:00 to 23:00.
            if now.hour < 8:
                now = now.replace(hour=8, minute=self._ri(0, 59))
            self.release_until(now)
            person = self._new_person(pid)
            self.maybe_contact(person, now)
            self.schedule_person(person, now)
            self.recent_people.append(person)
        self.release_until(None)
        add_duplicate_contacts(self, self.made_contacts, self._seed)
        self.flush()
        self.stats.persons = pid
        self.s.add_all(
            [
                WorkspaceMeta(key="demo.seed", value=str(self._seed)),
                WorkspaceMeta(key="demo.leads", value=str(self.stats.leads)),
                WorkspaceMeta(key="demo.base_date", value=BASE_DATE.isoformat()),
            ]
        )
        self.stats.seconds = time.perf_counter() - started
        return self.stats

    _seed: int = 0


def sync_sequences(session: Session, tables: Iterable[str]) -> None:
    """After explicit ids on PostgreSQL, move each id sequence past the largest id."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for name in tables:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
            )
        )


def generate_demo(
    ws: Workspace,
    leads: int = 5000,
    seed: int = 1,
    progress: ProgressFn | None = None,
) -> DemoStats:
    """Write the demo dataset into an empty workspace, in one transaction.

    Raises ``KnownError`` when the workspace already holds leads, contacts or
    operators (clear it first with ``clear_workspace``).
    """
    if leads < 1:
        raise KnownError("The demo needs at least one lead.")
    if not workspace_is_empty(ws):
        raise KnownError(
            f"The workspace {ws.display_url} is not empty; the demo is written only into an "
            "empty one (use --force to clear it first)."
        )
    with ws.session() as session:
        generator = _Generator(session, leads, seed, progress)
        generator._seed = seed
        stats = generator.run()
        sync_sequences(session, _ID_TABLES)
    return stats
