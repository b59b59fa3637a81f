"""Contact search at scale (issue 8): build time of the index and latency of one
search (median and max) over names as operators type them, phones in 8/7/+7
forms, e-mails and CRM ids.

    uv run python benchmarks/bench_contacts.py [--contacts 100000] [--queries 300]

Contacts are generated here (the demo makes far fewer): Russian names from the
demo's word lists, many namesakes, a phone and an e-mail each.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deskdup.models import Channel, CommKind, Communication, Contact
from deskdup.services.contacts import ContactIndex
from deskdup.services.demo_names import (
    FEMALE_NAMES,
    MALE_NAMES,
    SURNAMES,
    feminine_surname,
    translit,
)
from deskdup.services.workspace import open_workspace

WHEN = datetime(2026, 1, 1)


def _people(count: int, rng: random.Random) -> list[tuple[str, str, str, str, str]]:
    males = list(MALE_NAMES)
    females = list(FEMALE_NAMES)
    out = []
    for i in range(count):
        father = rng.choice(males)
        surname = rng.choice(SURNAMES)
        if rng.random() < 0.5:
            first, middle = rng.choice(males), MALE_NAMES[father][1]
        else:
            first, middle = rng.choice(females), MALE_NAMES[father][2]
            surname = feminine_surname(surname)
        phone = f"+79{rng.randrange(10**9):09d}"
        email = f"{translit(first).lower()}.{translit(surname).lower()}{i}@example.ru"
        out.append((surname, first, middle, phone, email))
    return out


def generate(path: Path, count: int, seed: int) -> list[tuple[str, str, str, str, str]]:
    rng = random.Random(seed)
    people = _people(count, rng)
    ws = open_workspace(str(path))
    try:
        contacts = [
            {
                "id": i + 1,
                "external_id": f"C-{i + 1}",
                "first_name": first,
                "last_name": last,
                "middle_name": middle,
                "created_at": WHEN,
                "updated_at": WHEN + timedelta(seconds=i),
                "archived": False,
                "version": 1,
            }
            for i, (last, first, middle, _p, _e) in enumerate(people)
        ]
        comms = []
        for i, (_l, _f, _m, phone, email) in enumerate(people):
            comms.append(
                {
                    "contact_id": i + 1,
                    "kind": CommKind.PHONE,
                    "channel": Channel.CALL,
                    "raw_value": phone,
                    "normalized": phone,
                    "is_valid": True,
                }
            )
            comms.append(
                {
                    "contact_id": i + 1,
                    "kind": CommKind.EMAIL,
                    "channel": Channel.EMAIL,
                    "raw_value": email,
                    "normalized": email,
                    "is_valid": True,
                }
            )
        with ws.session() as s:
            s.execute(Contact.__table__.insert(), contacts)
            s.execute(Communication.__table__.insert(), comms)
    finally:
        ws.dispose()
    return people


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(2, max(3, len(word) - 1))  # short surnames (Ким) lose the last letter
    return word[:i] + word[i + 1 :]


def queries(people, count: int, seed: int) -> list[tuple[str, int, str]]:
    """(text, the contact meant, form) for ``count`` random contacts."""
    rng = random.Random(seed + 1)
    out = []
    for _ in range(count):
        i = rng.randrange(len(people))
        last, first, middle, phone, email = people[i]
        forms = {
            "full": f"{last} {first} {middle}",
            "reordered": f"{first} {middle} {last}",
            "initials": f"{last} {first[0]}. {middle[0]}.",
            "typo": f"{_typo(last, rng)} {first} {middle}",
            "latin": f"{translit(last)} {translit(first)} {translit(middle)}",
            "phone8": "8" + phone[2:],
            "phone+7": f"+7 ({phone[2:5]}) {phone[5:8]}-{phone[8:10]}-{phone[10:]}",
            "email": email,
            "crm_id": f"C-{i + 1}",
        }
        form = rng.choice(list(forms))
        out.append((forms[form], i + 1, form))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="deskdup-bench-contacts-"))
    path = folder / "contacts.sqlite"
    started = time.perf_counter()
    people = generate(path, args.contacts, args.seed)
    print(f"generated {args.contacts} contacts in {time.perf_counter() - started:.1f} s")
    ws = open_workspace(str(path))
    try:
        started = time.perf_counter()
        index = ContactIndex.build(ws)
        print(f"index built in {time.perf_counter() - started:.1f} s ({len(index)} contacts)")
        started = time.perf_counter()
        index.refresh(ws)
        print(f"refresh with nothing new: {(time.perf_counter() - started) * 1000:.0f} ms")
        times: dict[str, list[float]] = {}
        found: dict[str, list[int]] = {}
        for text, meant, form in queries(people, args.queries, args.seed):
            started = time.perf_counter()
            hits = index.search(text, 20)
            times.setdefault(form, []).append(time.perf_counter() - started)
            rank = next((n for n, h in enumerate(hits, 1) if h.contact_id == meant), 0)
            found.setdefault(form, []).append(rank)
    finally:
        ws.dispose()
    every = [t for ts in times.values() for t in ts]
    print(
        f"search over {len(every)} queries: median {statistics.median(every) * 1000:.1f} ms, "
        f"max {max(every) * 1000:.1f} ms"
    )
    for form in sorted(times):
        ts, ranks = times[form], found[form]
        in_top = sum(1 for r in ranks if 0 < r <= 20)
        first = sum(1 for r in ranks if r == 1)
        print(
            f"  {form:<10} n={len(ts):<3} median {statistics.median(ts) * 1000:6.1f} ms  "
            f"max {max(ts) * 1000:6.1f} ms  found in top 20: {in_top}/{len(ts)}  "
            f"first: {first}/{len(ts)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
