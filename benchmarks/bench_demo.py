"""How fast the demo workspace is written: leads/s and peak memory per size.

    uv run python benchmarks/bench_demo.py [--leads 5000,100000] [--db-dir DIR]

Each size runs in its own process (so the peak memory is its own) into a fresh
SQLite file in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def one(leads: int, folder: str) -> dict:
    from deskdup.services.demo import generate_demo
    from deskdup.services.workspace import open_workspace

    path = Path(folder) / f"demo-{leads}.sqlite"
    ws = open_workspace(str(path))
    started, cpu = time.perf_counter(), time.process_time()
    stats = generate_demo(ws, leads=leads, seed=1)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    ws.dispose()
    return {
        "leads": stats.leads,
        "persons": stats.persons,
        "rows": stats.leads
        + stats.communications
        + stats.chats
        + stats.activities
        + stats.contacts
        + stats.deals
        + stats.leads,  # + ground truth
        "seconds": round(seconds, 2),
        "leads_per_s": round(stats.leads / seconds),
        # CPU time: what the run costs when other work shares the machine.
        "cpu_s": round(cpu, 2),
        "leads_per_cpu_s": round(stats.leads / cpu),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "db_mb": round(sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", default="5000,100000")
    parser.add_argument("--db-dir", help="where to write the databases (default: a temp dir)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.db_dir or tempfile.mkdtemp(prefix="deskdup-bench-")
    Path(folder).mkdir(parents=True, exist_ok=True)
    if args.one:
        print(json.dumps(one(args.one, folder)))
        return
    print(
        f"{'leads':>9} {'seconds':>8} {'leads/s':>9} {'cpu s':>7} {'leads/cpu s':>12} "
        f"{'rows':>9} {'peak RSS MB':>12} {'db MB':>7}"
    )
    try:
        for size in (int(s) for s in args.leads.split(",")):
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(size), "--db-dir", folder],
                check=True, capture_output=True, text=True,
            ).stdout  # fmt: skip
            r = json.loads(out.strip().splitlines()[-1])
            print(
                f"{r['leads']:>9} {r['seconds']:>8} {r['leads_per_s']:>9} {r['cpu_s']:>7} "
                f"{r['leads_per_cpu_s']:>12} {r['rows']:>9} "
                f"{r['peak_rss_mb']:>12} {r['db_mb']:>7}"
            )
    finally:
        if not args.db_dir:  # our own temporary folder: the databases are big
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
