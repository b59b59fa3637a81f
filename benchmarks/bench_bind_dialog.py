"""What one keystroke in the bind dialog costs on the database worker (issue 8):
``ContactFinder.find`` end to end (the index search and reading the cards the
dialog shows: channels, owner, deals, lead counts, rights), median and max, at
100,000 contacts; and the refresh the dialog does once when it opens.

    uv run python benchmarks/bench_bind_dialog.py [--contacts 100000] [--queries 300]

The contacts and queries are ``bench_contacts``'s (names as operators type them,
phones in 8/7/+7 forms, e-mails, CRM ids).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_contacts import generate, queries
from deskdup.services.contact_picker import ContactFinder
from deskdup.services.operators import add_operator, workspace_operator
from deskdup.services.workspace import open_workspace


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="deskdup-bench-bind-"))
    path = folder / "contacts.sqlite"
    people = generate(path, args.contacts, args.seed)
    ws = open_workspace(str(path))
    try:
        with ws.session() as s:
            add_operator(s, "anna", "Петрова Анна", role="operator")
            s.commit()
        operator = workspace_operator(ws, "anna")
        finder = ContactFinder()
        started = time.perf_counter()
        finder.index(ws)
        print(f"first search builds the index: {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        finder.index(ws)
        print(f"refresh at opening, nothing new: {(time.perf_counter() - started) * 1000:.0f} ms")
        times: dict[str, list[float]] = {}
        first = 0
        for text, meant, form in queries(people, args.queries, args.seed):
            started = time.perf_counter()
            found = finder.find(ws, operator, text, refresh=False)
            times.setdefault(form, []).append(time.perf_counter() - started)
            first += bool(found.cards) and found.cards[0].contact_id == meant
    finally:
        ws.dispose()
    every = [t for ts in times.values() for t in ts]
    print(
        f"one keystroke (search + cards) over {len(every)} queries: "
        f"median {statistics.median(every) * 1000:.1f} ms, max {max(every) * 1000:.1f} ms; "
        f"the meant contact first in {first}/{len(every)}"
    )
    for form in sorted(times):
        ts = times[form]
        print(
            f"  {form:<10} n={len(ts):<3} median {statistics.median(ts) * 1000:6.1f} ms  "
            f"max {max(ts) * 1000:6.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
