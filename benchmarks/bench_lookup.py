"""The search box's lookup on an open workspace, warm (issue 14: lookup <= 20 ms).

```
uv run python benchmarks/bench_lookup.py --path benchmarks/out/COPY.sqlite --lookups 25
```

The queries are ``bench_store.py``'s (names, surname + name with two letters
swapped, surnames alone, handles, phones of leads sampled at random).  Each is
looked up once (the first call of the process also refreshes the kept names),
then ``--repeat`` times; the best of those is its warm time.  Printed per kind:
the median and the maximum warm time over the queries, and how many of the
leads meant are among the 20 shown and first.  Run it on a copy: the first
lookup after a change of the lookup code rebuilds the names (10-20 s at 100k).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import lookup_queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--path", type=Path, required=True, help="a copy of a workspace")
    parser.add_argument("--lookups", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ranks", action="store_true", help="print each query's rank")
    args = parser.parse_args()

    from deskdup.services.matching import search
    from deskdup.services.workspace import open_workspace

    queries, label_of = lookup_queries(args.path, args.lookups)
    ws = open_workspace(str(args.path))
    started = time.perf_counter()
    search.lookup(ws, "Иванов")  # the kept names brought up to date
    first = time.perf_counter() - started
    warm: dict[str, list[float]] = {}
    found: dict[str, list[int]] = {}
    for kind, text, lead_id in queries:
        hits = search.lookup(ws, text)
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            search.lookup(ws, text)
            times.append(time.perf_counter() - started)
        warm.setdefault(kind, []).append(min(times))
        ids = [h.lead_id for h in hits]
        rank = ids.index(lead_id) + 1 if lead_id in ids else 0
        found.setdefault(kind, []).append(rank)
        if args.ranks:
            print(f"{kind:8} {rank:3} {min(times) * 1000:6.1f} ms  {text}  ({label_of[lead_id]})")
    out = {"first_call_s": round(first, 2), "load": os.getloadavg()[0]}
    for kind, times in warm.items():
        ranks = found[kind]
        out[kind] = {
            "n": len(ranks),
            "ms_median": round(statistics.median(times) * 1000, 2),
            "ms_max": round(max(times) * 1000, 2),
            "found_in_20": sum(1 for r in ranks if r),
            "first": sum(1 for r in ranks if r == 1),
        }
    print(json.dumps(out, indent=1, ensure_ascii=False))
    ws.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
