"""Wording a one-shot build's kept pairs (``kept.reason_texts``, what ``deskdup
scan`` prints), per pair: cold (the first time, in the scan's own process,
right after the build, as the command does) and warm (the same pairs again).

    uv run python benchmarks/bench_wording.py benchmarks/out/indep-100000-seed1.sqlite

Never on the data set's own file: newer code may migrate it; copy it first.
Times are CPU seconds of this process (wall in brackets); ``--workers``: the
build's (the wording here runs in one process, to be measured per pair).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deskdup.services.matching import MatchIndex, MatchSettings
from deskdup.services.matching.kept import reason_texts
from deskdup.services.workspace import open_workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", help="a workspace file (a copy)")
    parser.add_argument("--workers", type=int, default=2, help="the build's processes")
    parser.add_argument("--runs", type=int, default=3, help="warm runs (the best is shown)")
    args = parser.parse_args()
    ws = open_workspace(args.db, create=False)
    try:
        index = MatchIndex.build(ws, MatchSettings(), refreshable=False, workers=args.workers)
    finally:
        ws.dispose()
    pairs = list(index.pairs.values())  # every kept pair, not only the printed ones
    times = []
    for _ in range(1 + args.runs):
        wall, cpu = time.perf_counter(), time.process_time()
        reason_texts(pairs, 1)
        times.append((time.process_time() - cpu, time.perf_counter() - wall))
    n = len(pairs)
    (cold_cpu, cold_wall), *warm = times
    warm_cpu, warm_wall = min(warm) if warm else (0.0, 0.0)
    print(
        f"{n} pairs: cold {cold_cpu / n * 1e6:.1f} µs a pair ({cold_wall / n * 1e6:.1f} wall), "
        f"warm {warm_cpu / n * 1e6:.1f} µs ({warm_wall / n * 1e6:.1f} wall)"
    )


if __name__ == "__main__":
    main()
