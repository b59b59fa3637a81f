"""How long claiming a group takes (open a group -> claim written), SQLite and PostgreSQL.

    uv run python benchmarks/bench_claims.py [--pg postgresql://owner@host/db] [--rounds 200]

Makes a small workspace (two operators, 40 leads), then times ``claim`` (a new
group each time, which also releases the previous one), ``heartbeat`` and
``holders`` (what the queue's marker poll reads).  Reports the median and the
95th percentile in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from deskdup.models import Scope
from deskdup.services.claims import claim, heartbeat, workspace_holders
from deskdup.services.workspace import open_workspace


def _setup(url: str) -> tuple:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.factories import make_lead, make_operator

    ws = open_workspace(url)
    with ws.session() as s:
        anna = make_operator(s, "bench_anna", "Петрова Анна", scopes=Scope.ALL)
        make_operator(s, "bench_elena", "Морозова Елена", scopes=Scope.ALL)
        leads = [make_lead(s, owner=anna, first_name=f"L{i}").id for i in range(40)]
    return ws, anna.id, leads


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


def run(url: str, rounds: int) -> None:
    ws, me, leads = _setup(url)
    took: dict[str, list[float]] = {"claim": [], "heartbeat": [], "holders": []}
    try:
        for i in range(rounds):
            group = [leads[(2 * i) % 40], leads[(2 * i + 1) % 40]]
            t = time.perf_counter()
            key = claim(ws, group, me)
            took["claim"].append(time.perf_counter() - t)
            t = time.perf_counter()
            heartbeat(ws, key, me)
            took["heartbeat"].append(time.perf_counter() - t)
            t = time.perf_counter()
            workspace_holders(ws)
            took["holders"].append(time.perf_counter() - t)
    finally:
        ws.dispose()
    kind = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    for name, samples in took.items():
        print(f"{kind:10} {name:9} x{rounds}: {_ms(samples)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", help="an empty PostgreSQL database to use")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{Path(folder) / 'bench.sqlite'}", args.rounds)
    if args.pg:
        run(args.pg, args.rounds)


if __name__ == "__main__":
    main()
