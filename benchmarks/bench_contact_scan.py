"""Duplicate-contact detection at scale (issue 8, item 4): the time of a contact
scan (``ContactMatchIndex.build``) and how many planted duplicates it finds.

    uv run python benchmarks/bench_contact_scan.py [--contacts 20000 100000] [--demo]

Contacts are the contact-search benchmark's (``bench_contacts.generate``: many
namesakes, a phone and an e-mail each).  One in ``--dup-every`` gets a planted
duplicate, by turns: the same phone typed another way without a patronymic; the
name in Latin letters with the same e-mail and a new phone; a diminutive with a
new phone, on one deal with the original.  Reported: seconds (wall and the
process's CPU), contacts/s, peak memory (the process's maximum resident set),
the load average of the machine around the scan; per tier (likely: the queue
by default; possible: on request) the pairs, the planted pairs found, and the
precision and recall of the planted pairs.  The generated contacts are
strangers to each other (each has its own phone and e-mail), so every other
pair counts as false here; most are namesakes (same surname, first name and
patronymic).
``--demo`` also scans the demo workspace (5,000 leads, seed 1).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_contacts import generate
from sqlalchemy import insert

from deskdup.models import Channel, CommKind, Communication, Contact, Deal, deal_contacts
from deskdup.services.demo_names import FEMALE_NAMES, MALE_NAMES, translit
from deskdup.services.matching import LIKELY, POSSIBLE
from deskdup.services.matching.contacts import ContactMatchIndex
from deskdup.services.workspace import open_workspace

WHEN = datetime(2026, 2, 1)


def _diminutive(first: str) -> str:
    if first in MALE_NAMES:
        return MALE_NAMES[first][0][0]
    return FEMALE_NAMES.get(first, (first,))[0]


def plant(path: Path, people, every: int, seed: int) -> set[tuple[int, int]]:
    """Add the planted duplicates; the (original, duplicate) id pairs."""
    rng = random.Random(seed + 7)
    ws = open_workspace(str(path), create=False)
    planted: set[tuple[int, int]] = set()
    try:
        with ws.session() as s:
            next_id = len(people) + 1
            for n, i in enumerate(range(0, len(people), every)):
                last, first, _middle, phone, email = people[i]
                original = i + 1
                kind = n % 3
                new_phone = f"+78{rng.randrange(10**9):09d}"
                if kind == 0:
                    row = (last, first, "", f"8 ({phone[2:5]}) {phone[5:8]}-{phone[8:]}", None)
                elif kind == 1:
                    row = (translit(last), translit(first), "", new_phone, email)
                else:
                    row = (last, _diminutive(first), "", new_phone, None)
                s.execute(
                    insert(Contact),
                    [
                        {
                            "id": next_id,
                            "external_id": f"C-{next_id}",
                            "last_name": row[0],
                            "first_name": row[1],
                            "middle_name": row[2],
                            "created_at": WHEN,
                            "updated_at": WHEN,
                        }
                    ],
                )
                norm = "+7" + "".join(ch for ch in row[3] if ch.isdigit())[-10:]
                comms = [(CommKind.PHONE, Channel.CALL, row[3], norm)]
                if row[4]:
                    comms.append((CommKind.EMAIL, Channel.EMAIL, row[4], row[4]))
                s.execute(
                    insert(Communication),
                    [
                        {
                            "contact_id": next_id,
                            "kind": k,
                            "channel": c,
                            "raw_value": raw,
                            "normalized": value,
                            "is_valid": True,
                        }
                        for k, c, raw, value in comms
                    ],
                )
                if kind == 2:
                    deal = Deal(title="bench", created_at=WHEN)
                    s.add(deal)
                    s.flush()
                    s.execute(
                        insert(deal_contacts),
                        [
                            {"deal_id": deal.id, "contact_id": original},
                            {"deal_id": deal.id, "contact_id": next_id},
                        ],
                    )
                planted.add((original, next_id))
                next_id += 1
    finally:
        ws.dispose()
    return planted


def scan(path: Path) -> tuple[float, ContactMatchIndex]:
    seconds, _cpu, index = scan_timed(path)
    return seconds, index


def scan_timed(path: Path) -> tuple[float, float, ContactMatchIndex]:
    """Wall seconds, CPU seconds of this process, and the index."""
    ws = open_workspace(str(path), create=False)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        index = ContactMatchIndex.build(ws)
        return time.perf_counter() - started, time.process_time() - cpu, index
    finally:
        ws.dispose()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scan_and_report(path: Path, planted: set[tuple[int, int]]) -> list[str]:
    load_before = os.getloadavg()[0]
    seconds, cpu, index = scan_timed(path)
    load_after = os.getloadavg()[0]
    total = len(index.leads)
    lines = [
        f"{total} contacts: scan {seconds:.2f} s wall, {cpu:.2f} s CPU "
        f"({total / seconds:,.0f} contacts/s); peak memory of the scanning process "
        f"{_peak_mb():.0f} MB; load average {load_before:.2f} before, {load_after:.2f} "
        f"after ({os.cpu_count()} CPUs)"
    ]
    lines += [report_tier(index, tier, planted) for tier in (LIKELY, POSSIBLE)]
    return lines


def report_tier(index: ContactMatchIndex, tier: str, planted: set[tuple[int, int]]) -> str:
    result = index.result(tier=tier)
    pairs = {p.key for p in result.pairs}
    found = len(planted & pairs)
    by_kind = [0, 0, 0]
    for n, pair in enumerate(sorted(planted)):
        by_kind[n % 3] += pair in pairs
    precision = found / len(pairs) if pairs else 0.0
    recall = found / len(planted) if planted else 0.0
    return (
        f"  {tier} (from {result.threshold:.2f}): {len(pairs)} pairs, planted found "
        f"{found}/{len(planted)} (phone {by_kind[0]}, latin+e-mail {by_kind[1]}, "
        f"diminutive on one deal {by_kind[2]}); other pairs {len(pairs - planted)}; "
        f"precision {precision:.3f}, recall {recall:.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, nargs="+", default=[20_000])
    parser.add_argument("--dup-every", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--demo", action="store_true", help="also scan the demo workspace")
    args = parser.parse_args()
    if args.demo:
        from common import ensure_demo  # the benchmarks' cached demo

        path = ensure_demo(5000, 1)
        seconds, index = scan(path)
        result = index.result()
        print(
            f"demo (5,000 leads, seed 1): {len(index.leads)} contacts scanned in "
            f"{seconds * 1000:.0f} ms; {len(result.pairs)} pairs, {len(result.groups)} groups"
        )
    for count in args.contacts:
        folder = Path(tempfile.mkdtemp(prefix="deskdup-bench-contact-scan-"))
        path = folder / "contacts.sqlite"
        people = generate(path, count, args.seed)
        planted = plant(path, people, args.dup_every, args.seed)
        # The scan in a fresh process: its peak memory is the scan's alone.
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            lines = pool.apply(scan_and_report, (path, planted))
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
